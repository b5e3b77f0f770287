/* ed-register-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

extern const EdTableDef ed_electoral_area_table;
extern const EdTableDef ed_parish_table;
extern const EdTableDef ed_polling_district_table;
extern const EdTableDef ed_property_table;
extern const EdTableDef ed_elector_table;
extern const EdTableDef ed_register_notice_table;
extern const EdTableDef ed_register_alteration_table;
extern const EdTableDef ed_register_supply_table;

void ed_register_add_schema (EdSchema *schema);

G_END_DECLS
