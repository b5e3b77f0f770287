/* ed-schema-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-schema.h"

G_BEGIN_DECLS

void _ed_schema_add_application_tables (EdSchema *schema);

G_END_DECLS
