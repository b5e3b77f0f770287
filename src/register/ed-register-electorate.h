/* ed-register-electorate.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdElectoratePollingDistrict:
 * @id: the polling district's row id
 * @code: its code, which prefixes its elector numbers ("AB")
 * @name: its name
 * @unaddressed_electors: its electors on the register with no property (overseas and other
 *   special categories, DOMAIN.md §1.7), who vote at the district's own station
 * @unaddressed_postal: of those, how many vote by post
 */
typedef struct
{
  const char *id;
  const char *code;
  const char *name;
  guint32     unaddressed_electors;
  guint32     unaddressed_postal;
} EdElectoratePollingDistrict;

/**
 * EdElectorateProperty:
 * @id: the property's row id
 * @polling_district: the index of its polling district in the electorate's @polling_districts,
 *   or -1 when the district it names is not in the register
 * @street: its street, as the register holds it; equal streets share one pointer
 * @easting: Ordnance Survey National Grid easting in metres, 0 when not known
 * @northing: northing in metres, 0 when not known
 * @electors: its electors on the register
 * @postal: of those, how many vote by post (a postal vote, or a postal proxy)
 *
 * One property and the electors on the register at it.
 */
typedef struct
{
  const char *id;
  gint32      polling_district;
  const char *street;
  gint32      easting;
  gint32      northing;
  guint32     electors;
  guint32     postal;
} EdElectorateProperty;

/**
 * EdElectorate:
 * @polling_districts: (element-type EdElectoratePollingDistrict): in code order
 * @properties: (element-type EdElectorateProperty): every property, electors or none, in
 *   id order (ed_electorate_find_property () finds one)
 * @electors: every elector counted, in a property or not
 * @postal: of those, how many vote by post
 *
 * Who is on the register where, in the shape the polling plan reads it: the stations module
 * reads the register only through this (HACKING.md, the layers).
 */
typedef struct
{
  GArray       *polling_districts;
  GArray       *properties;
  gint64        electors;
  gint64        postal;

  /*< private >*/
  GStringChunk *strings;
} EdElectorate;

EdElectorate *ed_register_electorate_compute (EdContext     *context,
                                              GError       **error);
void          ed_electorate_free             (EdElectorate  *electorate);
gint          ed_electorate_find_polling_district (EdElectorate *electorate,
                                                   const char   *id);
gint          ed_electorate_find_property    (EdElectorate  *electorate,
                                              const char    *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorate, ed_electorate_free)

G_END_DECLS
