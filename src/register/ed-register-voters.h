/* ed-register-voters.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-elector-number.h"
#include "district/ed-context.h"
#include "register/ed-register-order.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

/**
 * EdRegisterVoter:
 *
 * One entry of the register as it stands, with everything a poll needs to know about it: who,
 * where, how they vote. Every string is "" rather than %NULL, and lives only for the call it
 * is handed to.
 */
typedef struct
{
  const char         *elector_id;
  const char         *polling_district_id;
  const char         *polling_district_code;
  const char         *property_id;
  EdElectorNumber     number;
  const char         *title;
  const char         *forenames;
  const char         *surname;
  const char         *marker;
  const char         *attainer_date;
  const char         *date_of_birth;
  EdAbsentVote        absent_vote;
  const char         *absent_vote_ends;
  const char         *proxy_name;
  const char         *proxy_address;
  gboolean            anonymous;
  EdElectorLanguage   language;
  EdElectorStatus     status;
  gint64              uprn;
  const char         *property;
  const char         *street;
  const char         *locality;
  const char         *town;
  const char         *area;
  const char         *postcode;
  EdRegisterSection   section;
} EdRegisterVoter;

/**
 * EdVoterOrder:
 * @ED_VOTER_ORDER_REGISTER: part by part in the register's statutory order: each polling
 *   district's addresses in street order, then its Other electors, then its anonymous
 *   entries; the order a canvasser or a delivery round walks
 * @ED_VOTER_ORDER_POSTCODE: by postcode, then street, property and number
 * @ED_VOTER_ORDER_NUMBER: by elector number
 */
typedef enum
{
  ED_VOTER_ORDER_REGISTER,
  ED_VOTER_ORDER_POSTCODE,
  ED_VOTER_ORDER_NUMBER,
} EdVoterOrder;

typedef gboolean (*EdRegisterVoterFunc) (const EdRegisterVoter  *voter,
                                         gpointer                user_data,
                                         GError                **error);

/**
 * EdPollingDistrictAreas:
 * @id: the polling district's row id
 * @code: its code
 * @name: its name
 * @electoral_area: the row id of its ward or division, or ""
 * @parish: the row id of its parish, or ""
 * @constituency: the name of its UK Parliamentary constituency, or ""
 *
 * The areas a polling district lies in, which say the contests its electors vote in.
 */
typedef struct
{
  char *id;
  char *code;
  char *name;
  char *electoral_area;
  char *parish;
  char *constituency;
} EdPollingDistrictAreas;

GPtrArray *ed_register_list_polling_district_areas (EdContext  *context,
                                                    GError    **error);
void       ed_polling_district_areas_free          (EdPollingDistrictAreas *areas);

gboolean ed_register_foreach_voter (EdContext            *context,
                                    GHashTable           *polling_districts,
                                    EdVoterOrder          order,
                                    GCancellable         *cancellable,
                                    EdRegisterVoterFunc   func,
                                    gpointer              user_data,
                                    GError              **error);
gint64   ed_register_count_voters  (EdContext            *context,
                                    GHashTable           *polling_districts,
                                    GError              **error);

G_END_DECLS
