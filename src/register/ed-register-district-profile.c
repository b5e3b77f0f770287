/* ed-register-district-profile.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each polling district with its ward or division, its parish and its count of properties:
 * what the stations module shows of a district in a review's table and needs for the
 * electorate a district will have once new homes are built. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "core/ed-database.h"
#include "register/ed-register-district-profile.h"

static const char profiles_sql[] =
  "SELECT d.id, d.code, d.name, coalesce (a.name, ''), coalesce (p.name, ''), "
  "       (SELECT count(*) FROM property AS h WHERE h.polling_district = d.id) "
  "FROM polling_district AS d "
  "LEFT JOIN electoral_area AS a ON a.id = d.electoral_area "
  "LEFT JOIN parish AS p ON p.id = d.parish "
  "ORDER BY d.code, d.name, d.id";

void
ed_polling_district_profile_free (EdPollingDistrictProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->id);
  g_free (profile->code);
  g_free (profile->name);
  g_free (profile->electoral_area);
  g_free (profile->parish);
  g_free (profile);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/**
 * ed_register_polling_district_profiles:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPollingDistrictProfile): every polling district,
 *   by code
 */
GPtrArray *
ed_register_polling_district_profiles (EdContext  *context,
                                       GError    **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  EdDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, profiles_sql, error);
  if (stmt == NULL)
    return NULL;
  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_polling_district_profile_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPollingDistrictProfile *profile = g_new0 (EdPollingDistrictProfile, 1);

      profile->id = column_dup (stmt, 0);
      profile->code = column_dup (stmt, 1);
      profile->name = column_dup (stmt, 2);
      profile->electoral_area = column_dup (stmt, 3);
      profile->parish = column_dup (stmt, 4);
      profile->properties = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (profiles, profile);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&profiles);
}
