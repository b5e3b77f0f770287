/* ed-register-household.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdHousehold:
 * @property_id: the property's row id
 * @uprn: its Unique Property Reference Number, 0 when unknown
 * @address_lines: (array zero-terminated=1): the full address, a line each (property and
 *   street, locality, town, area, postcode), empty parts left out
 * @polling_district: the row id of its polling district, "" for none
 * @polling_district_code: that district's code, "" when unknown
 * @polling_district_name: that district's name, "" when unknown
 * @electors: (element-type EdElectorSummary): every elector registered at the property in
 *   elector-number order, anonymous entries left out
 *
 * A property and the electors registered at it.
 */
typedef struct
{
  char       *property_id;
  gint64      uprn;
  char      **address_lines;
  char       *polling_district;
  char       *polling_district_code;
  char       *polling_district_name;
  GPtrArray  *electors;
} EdHousehold;

void         ed_household_free      (EdHousehold  *household);

EdHousehold *ed_register_household  (EdContext    *context,
                                     const char   *property_id,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdHousehold, ed_household_free)

G_END_DECLS
