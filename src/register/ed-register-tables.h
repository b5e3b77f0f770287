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

G_END_DECLS
