/* ed-register-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

/*
 * The columns of each synced table, in the order of its EdTableDef (which the state hash
 * reads, so it never changes): a column is addressed by its enum, never by its position. A
 * statement that selects a table's columns in this order reads each at its enum; so does an
 * insert of whole rows, with the names from the table's EdTableDef.
 */

typedef enum
{
  ED_ELECTORAL_AREA_COL_CODE,
  ED_ELECTORAL_AREA_COL_NAME,
  ED_ELECTORAL_AREA_COL_KIND,
  ED_ELECTORAL_AREA_COL_SEATS,
  ED_ELECTORAL_AREA_N_COLS,
} EdElectoralAreaColumn;

typedef enum
{
  ED_PARISH_COL_CODE,
  ED_PARISH_COL_NAME,
  ED_PARISH_N_COLS,
} EdParishColumn;

typedef enum
{
  ED_POLLING_DISTRICT_COL_CODE,
  ED_POLLING_DISTRICT_COL_NAME,
  ED_POLLING_DISTRICT_COL_ELECTORAL_AREA,
  ED_POLLING_DISTRICT_COL_PARISH,
  ED_POLLING_DISTRICT_COL_CONSTITUENCY,
  ED_POLLING_DISTRICT_N_COLS,
} EdPollingDistrictColumn;

typedef enum
{
  ED_PROPERTY_COL_UPRN,
  ED_PROPERTY_COL_PROPERTY,
  ED_PROPERTY_COL_STREET,
  ED_PROPERTY_COL_LOCALITY,
  ED_PROPERTY_COL_TOWN,
  ED_PROPERTY_COL_AREA,
  ED_PROPERTY_COL_POSTCODE,
  ED_PROPERTY_COL_POLLING_DISTRICT,
  ED_PROPERTY_COL_EASTING,
  ED_PROPERTY_COL_NORTHING,
  ED_PROPERTY_N_COLS,
} EdPropertyColumn;

typedef enum
{
  ED_ELECTOR_COL_POLLING_DISTRICT,
  ED_ELECTOR_COL_PROPERTY,
  ED_ELECTOR_COL_NUMBER_PREFIX,
  ED_ELECTOR_COL_NUMBER,
  ED_ELECTOR_COL_NUMBER_SUFFIX,
  ED_ELECTOR_COL_TITLE,
  ED_ELECTOR_COL_FORENAMES,
  ED_ELECTOR_COL_SURNAME,
  ED_ELECTOR_COL_MARKER,
  ED_ELECTOR_COL_ATTAINER_DATE,
  ED_ELECTOR_COL_OPEN_REGISTER_OPT_OUT,
  ED_ELECTOR_COL_ABSENT_VOTE,
  ED_ELECTOR_COL_ABSENT_VOTE_ENDS,
  ED_ELECTOR_COL_PROXY_NAME,
  ED_ELECTOR_COL_PROXY_ADDRESS,
  ED_ELECTOR_COL_ANONYMOUS,
  ED_ELECTOR_COL_OTHER_ELECTOR,
  ED_ELECTOR_COL_LANGUAGE,
  ED_ELECTOR_COL_STATUS,
  ED_ELECTOR_COL_DATE_OF_BIRTH,
  ED_ELECTOR_N_COLS,
} EdElectorColumn;

typedef enum
{
  ED_REGISTER_NOTICE_COL_KIND,
  ED_REGISTER_NOTICE_COL_PUBLICATION_DATE,
  ED_REGISTER_NOTICE_COL_PUBLISHED,
  ED_REGISTER_NOTICE_N_COLS,
} EdRegisterNoticeColumn;

typedef enum
{
  ED_REGISTER_ALTERATION_COL_ELECTOR,
  ED_REGISTER_ALTERATION_COL_KIND,
  ED_REGISTER_ALTERATION_COL_DETERMINED_ON,
  ED_REGISTER_ALTERATION_COL_REASON,
  ED_REGISTER_ALTERATION_COL_DETAIL,
  ED_REGISTER_ALTERATION_COL_NOTICE,
  ED_REGISTER_ALTERATION_COL_PUBLISHED,
  ED_REGISTER_ALTERATION_N_COLS,
} EdRegisterAlterationColumn;

typedef enum
{
  ED_REGISTER_SUPPLY_COL_SUPPLIED_ON,
  ED_REGISTER_SUPPLY_COL_RECIPIENT,
  ED_REGISTER_SUPPLY_COL_ENTITLEMENT,
  ED_REGISTER_SUPPLY_COL_ITEM,
  ED_REGISTER_SUPPLY_COL_FORMAT,
  ED_REGISTER_SUPPLY_COL_NOTICE,
  ED_REGISTER_SUPPLY_COL_ENTRIES,
  ED_REGISTER_SUPPLY_COL_FEE,
  ED_REGISTER_SUPPLY_N_COLS,
} EdRegisterSupplyColumn;

/*
 * The longest text each column may hold, in characters (code points, after NFC), checked by
 * ed_register_text_check() wherever text enters the register: the CSV import and the
 * elector form alike, so a value saved by hand can always be imported back. A person's name
 * or an address line longer than these is a mistake or an attack (a 50 MB "surname" once
 * made a 1.4 GB PDF); they are set well above any real one.
 *
 * - Names: the government's data standards catalogue gives 35 characters to each given name
 *   and to the family name; forenames hold all of a person's given names, so 100 for each
 *   of forenames and surname, and a proxy's whole name 200.
 * - Titles: 35, as that catalogue gives.
 * - Address lines (property, street, locality, town, area): 100, the longest street
 *   description BS 7666 and AddressBase allow; a proxy's whole address 500.
 * - The names of polling districts, electoral areas, parishes and constituencies: 100.
 * - Codes (an area's or parish's, a GSS code is 9): 20.
 * - Any other field (numbers, flags, dates, markers, postcodes) is parsed by its own rule;
 *   64 characters bounds what is quoted back and parsed.
 */
#define ED_REGISTER_TITLE_MAX_CHARS         35
#define ED_REGISTER_NAME_MAX_CHARS          100
#define ED_REGISTER_PROXY_NAME_MAX_CHARS    200
#define ED_REGISTER_ADDRESS_LINE_MAX_CHARS  100
#define ED_REGISTER_PROXY_ADDRESS_MAX_CHARS 500
#define ED_REGISTER_PLACE_NAME_MAX_CHARS    100
#define ED_REGISTER_CODE_MAX_CHARS          20
#define ED_REGISTER_OTHER_MAX_CHARS         64

extern const EdTableDef ed_electoral_area_table;
extern const EdTableDef ed_parish_table;
extern const EdTableDef ed_polling_district_table;
extern const EdTableDef ed_property_table;
extern const EdTableDef ed_elector_table;
extern const EdTableDef ed_register_notice_table;
extern const EdTableDef ed_register_alteration_table;
extern const EdTableDef ed_register_supply_table;

void ed_register_table_column_names (const EdTableDef  *table,
                                     const char       **names);

void ed_register_add_schema         (EdSchema          *schema);

gboolean ed_register_text_check     (const char        *text,
                                     guint              max_chars,
                                     GError           **error);

G_END_DECLS
