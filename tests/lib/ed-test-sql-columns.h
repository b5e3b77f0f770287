/* ed-test-sql-columns.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a migration says of one column: the values its comment lists (on its own line, or in
 * the comment lines just above it, which may run over several lines: "a | b: why") and its
 * DEFAULT. */
typedef struct
{
  GPtrArray *values;
  char      *default_value;
  char      *comment;
} EdTestSqlColumn;

GHashTable *ed_test_sql_columns_read (const char *sql);

G_END_DECLS
