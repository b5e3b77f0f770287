/* ed-migrations.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ed-database-private.h"
#include "ed-sql-resources.h"

#define MIGRATIONS_PATH "/org/electoraldesk/ElectoralDesk/sql"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The migrations are the files NNNN-name.sql in the resource, numbered from 1 without gaps;
 * the schema version is the number of the last one applied. */
static GPtrArray *
list_migrations (void)
{
  static GPtrArray *migrations;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      g_auto(GStrv) names = NULL;
      GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

      /* Referencing the resource keeps the linker from dropping it out of the static library;
       * its constructor registers it. */
      (void)ed_sql_get_resource ();

      names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (g_str_has_suffix (names[i], ".sql"))
          g_ptr_array_add (sorted, g_strdup (names[i]));

      g_ptr_array_sort (sorted, compare_names);

      for (guint i = 0; i < sorted->len; i++)
        {
          const char *name = g_ptr_array_index (sorted, i);

          if (strtol (name, NULL, 10) != (long)i + 1)
            g_error ("Migration %s is out of sequence: expected number %u", name, i + 1);
        }

      migrations = sorted;
      g_once_init_leave (&initialised, 1);
    }

  return migrations;
}

int
_ed_migrations_get_latest (void)
{
  return (int)list_migrations ()->len;
}

static gboolean
apply_one (sqlite3     *db,
           const char  *path,
           const char  *name,
           int          version,
           GError     **error)
{
  g_autofree char *resource_path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;
  int rc;

  bytes = g_resources_lookup_data (resource_path, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           version, ED_DATABASE_APPLICATION_ID);

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;

      _ed_database_set_sqlite_error (&local_error, db, rc, path);
      if (sqlite3_get_autocommit (db) == 0)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

      g_set_error (error, ED_DATABASE_ERROR,
                   local_error->code == ED_DATABASE_ERROR_FAILED
                     ? ED_DATABASE_ERROR_MIGRATION : local_error->code,
                   _("Upgrading the district to data format %d (%s) failed: %s"),
                   version, name, local_error->message);
      return FALSE;
    }

  g_debug ("Applied migration %s", name);
  return TRUE;
}

gboolean
_ed_migrations_apply (sqlite3     *db,
                      const char  *path,
                      int          from_version,
                      int          to_version,
                      GError     **error)
{
  GPtrArray *migrations = list_migrations ();

  g_assert (to_version <= (int)migrations->len);

  for (int version = from_version + 1; version <= to_version; version++)
    if (!apply_one (db, path, g_ptr_array_index (migrations, version - 1), version, error))
      return FALSE;

  return TRUE;
}
