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

#include "core/ed-database-private.h"
#include "core/ed-migrations.h"

/* The numbered migrations of one data format: files NNNN-name.sql in resource folders, one
 * folder for the change layer and one per module that owns tables. The numbers run through
 * every folder, because one PRAGMA user_version says how far a file has come; the
 * application's whole set runs from 1 without gaps (a unit test checks it), while a test's
 * smaller set may skip the numbers of modules it leaves out. */

typedef struct
{
  int   version;
  char *name;           /* "0004-register.sql" */
  char *resource_path;
} Migration;

struct _EdMigrations
{
  GObject  parent_instance;

  GArray  *items;       /* of Migration, by version */
  GError  *problem;     /* the first badly numbered file, reported at open */
};

G_DEFINE_FINAL_TYPE (EdMigrations, ed_migrations, G_TYPE_OBJECT)

static void
migration_clear (gpointer data)
{
  Migration *migration = data;

  g_free (migration->name);
  g_free (migration->resource_path);
}

static void
ed_migrations_finalize (GObject *object)
{
  EdMigrations *self = (EdMigrations *)object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_error (&self->problem);

  G_OBJECT_CLASS (ed_migrations_parent_class)->finalize (object);
}

static void
ed_migrations_class_init (EdMigrationsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_migrations_finalize;
}

static void
ed_migrations_init (EdMigrations *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Migration));
  g_array_set_clear_func (self->items, migration_clear);
}

EdMigrations *
ed_migrations_new (void)
{
  return g_object_new (ED_TYPE_MIGRATIONS, NULL);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const Migration *ma = a;
  const Migration *mb = b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

static void
note_problem (EdMigrations *self,
              const char   *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
note_problem (EdMigrations *self,
              const char   *format,
              ...)
{
  va_list args;

  if (self->problem != NULL)
    return;
  va_start (args, format);
  self->problem = g_error_new_valist (ED_DATABASE_ERROR, ED_DATABASE_ERROR_MIGRATION,
                                      format, args);
  va_end (args);
}

/**
 * ed_migrations_add_folder:
 * @self: the migrations of a data format
 * @resource_folder: a folder in the program's resources holding NNNN-name.sql files
 *
 * Adds every migration in @resource_folder. A file whose number is missing or already taken
 * is reported by ed_migrations_check() and refuses every open, so that no district is ever
 * migrated by an ambiguous set.
 */
void
ed_migrations_add_folder (EdMigrations *self,
                          const char   *resource_folder)
{
  g_auto(GStrv) names = NULL;

  g_return_if_fail (ED_IS_MIGRATIONS (self));
  g_return_if_fail (resource_folder != NULL);

  names = g_resources_enumerate_children (resource_folder, 0, NULL);
  if (names == NULL)
    {
      note_problem (self, "No migrations in the resource folder %s", resource_folder);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      Migration migration = { 0 };
      char *end = NULL;
      long version;

      if (!g_str_has_suffix (names[i], ".sql"))
        continue;

      version = strtol (names[i], &end, 10);
      if (version <= 0 || version > G_MAXINT || end != names[i] + 4 || *end != '-')
        {
          note_problem (self, "Migration %s/%s is not named NNNN-name.sql", resource_folder,
                        names[i]);
          continue;
        }

      for (guint j = 0; j < self->items->len; j++)
        if (g_array_index (self->items, Migration, j).version == version)
          note_problem (self, "Migrations %s and %s/%s have the same number %ld",
                        g_array_index (self->items, Migration, j).resource_path,
                        resource_folder, names[i], version);

      migration.version = (int)version;
      migration.name = g_strdup (names[i]);
      migration.resource_path = g_build_path ("/", resource_folder, names[i], NULL);
      g_array_append_val (self->items, migration);
    }

  g_array_sort (self->items, compare_versions);
}

gboolean
ed_migrations_check (EdMigrations  *self,
                     GError       **error)
{
  g_return_val_if_fail (ED_IS_MIGRATIONS (self), FALSE);

  if (self->problem != NULL)
    {
      g_propagate_error (error, g_error_copy (self->problem));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_migrations_get_latest:
 * @self: the migrations of a data format
 *
 * Returns: the data format a file has once every migration is applied: the highest number
 */
int
ed_migrations_get_latest (EdMigrations *self)
{
  g_return_val_if_fail (ED_IS_MIGRATIONS (self), 0);

  if (self->items->len == 0)
    return 0;
  return g_array_index (self->items, Migration, self->items->len - 1).version;
}

/* For the test that the program's whole set runs from 1 without a gap. */
guint
ed_migrations_get_n_items (EdMigrations *self)
{
  g_return_val_if_fail (ED_IS_MIGRATIONS (self), 0);

  return self->items->len;
}

int
ed_migrations_get_version (EdMigrations *self,
                           guint         position)
{
  g_return_val_if_fail (ED_IS_MIGRATIONS (self), 0);
  g_return_val_if_fail (position < self->items->len, 0);

  return g_array_index (self->items, Migration, position).version;
}

/* Runs one migration's SQL and stamps the file with its version, inside the caller's
 * transaction. */
static gboolean
run_one (sqlite3          *db,
         const char       *path,
         const Migration  *migration,
         GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;
  int rc;

  bytes = g_resources_lookup_data (migration->resource_path, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                           migration->version, ED_DATABASE_APPLICATION_ID);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, stamp, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }
  g_debug ("Applied migration %s", migration->name);
  return TRUE;
}

/* The migration that failed, named in the error a person sees; a database error keeps its
 * code (a full disk stays a full disk), anything else is a failed migration. */
static void
set_migration_error (GError          **error,
                     const GError     *cause,
                     const Migration  *migration)
{
  g_set_error (error, ED_DATABASE_ERROR,
               cause->domain == ED_DATABASE_ERROR && cause->code != ED_DATABASE_ERROR_FAILED
                 ? cause->code : ED_DATABASE_ERROR_MIGRATION,
               _("Upgrading the district to data format %d (%s) failed: %s"),
               migration->version, migration->name, cause->message);
}

static gboolean
begin (sqlite3     *db,
       const char  *path,
       GError     **error)
{
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    _ed_database_set_sqlite_error (error, db, rc, path);
  return rc == SQLITE_OK;
}

static gboolean
commit (sqlite3     *db,
        const char  *path,
        GError     **error)
{
  int rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, db, rc, path);
      if (sqlite3_get_autocommit (db) == 0)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  return rc == SQLITE_OK;
}

/*
 * _ed_migrations_apply:
 * @all_at_once: whether the migrations run in one transaction
 *
 * An existing district is upgraded one migration to a transaction, each kept once it is
 * done, after the backup open_internal () made. A new, empty one is made in a single
 * transaction: there is nothing in it to keep half-way, it is whole or empty, and a durable
 * commit costs a flush to disk, one rather than one a migration (the tests make thousands).
 */
gboolean
_ed_migrations_apply (EdMigrations  *self,
                      sqlite3       *db,
                      const char    *path,
                      int            from_version,
                      int            to_version,
                      gboolean       all_at_once,
                      GError       **error)
{
  if (all_at_once && !begin (db, path, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      const Migration *migration = &g_array_index (self->items, Migration, i);
      g_autoptr(GError) local_error = NULL;

      if (migration->version <= from_version || migration->version > to_version)
        continue;
      if ((!all_at_once && !begin (db, path, &local_error)) ||
          !run_one (db, path, migration, &local_error) ||
          (!all_at_once && !commit (db, path, &local_error)))
        {
          set_migration_error (error, local_error, migration);
          if (sqlite3_get_autocommit (db) == 0)
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return !all_at_once || commit (db, path, error);
}
