/* ed-register-locations.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where the properties stand, for the modules that place them on a map or measure a walk from
 * them (stations): one pass over the table, a row a call, so that a district of 100,000
 * properties is read without building 100,000 objects first. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "core/ed-database.h"
#include "register/ed-register-locations.h"

/* Row id order, so that two reads of the same register give the same order. */
static const char all_sql[] =
  "SELECT id, polling_district, street, easting, northing FROM property ORDER BY id";

/* property_by_district finds them. */
static const char district_sql[] =
  "SELECT id, polling_district, street, easting, northing FROM property "
  "WHERE polling_district = ?1 ORDER BY id";

typedef struct
{
  EdPropertyLocationFunc func;
  gpointer               user_data;
} ReadData;

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
read_row (sqlite3_stmt *stmt,
          gpointer      user_data)
{
  ReadData *data = user_data;
  EdPropertyLocation location = {
    .id = column_text (stmt, 0),
    .polling_district = column_text (stmt, 1),
    .street = column_text (stmt, 2),
    .easting = sqlite3_column_int64 (stmt, 3),
    .northing = sqlite3_column_int64 (stmt, 4),
  };

  return data->func (&location, data->user_data);
}

/**
 * ed_register_foreach_property_location:
 * @context: the district
 * @polling_district: (nullable): a polling district's row id, or %NULL for every property
 * @func: (scope call): called for each property, in row id order
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Reads where each property (of one polling district, or of all) stands, with its district
 * and street, in one pass over the table.
 *
 * Returns: %TRUE when every row was read (or @func stopped), %FALSE with @error set
 */
gboolean
ed_register_foreach_property_location (EdContext               *context,
                                       const char              *polling_district,
                                       EdPropertyLocationFunc   func,
                                       gpointer                 user_data,
                                       GError                 **error)
{
  EdDatabase *database;
  sqlite3_stmt *stmt;
  ReadData data = { func, user_data };

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, polling_district != NULL ? district_sql : all_sql,
                             error);
  if (stmt == NULL)
    return FALSE;
  if (polling_district != NULL)
    sqlite3_bind_text (stmt, 1, polling_district, -1, SQLITE_TRANSIENT);
  return ed_database_step_rows (database, stmt, read_row, &data, error);
}
