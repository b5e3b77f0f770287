/* ed-database.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ed-crash-point.h"
#include "core/ed-database-private.h"
#include "core/ed-migrations.h"

struct _EdDatabase
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  char    *backup_path;
  int      schema_version;
  int      opened_schema_version;
  guint    mode_before_private;   /* the wider mode the file had, when opening tightened it */
  gboolean in_transaction;
  GHashTable *statements;   /* SQL text → prepared statement, kept for the connection's life */
};

G_DEFINE_FINAL_TYPE (EdDatabase, ed_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (ed-database-error-quark, ed_database_error)

/* How long a writer waits for another connection (a worker thread, or a second window on the
 * same district) before giving up with "locked". */
#define BUSY_TIMEOUT_MS 5000

/* For new district files: see configure_connection(). */
#define DISTRICT_PAGE_SIZE 16384

static void
ed_database_finalize (GObject *object)
{
  EdDatabase *self = (EdDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (ed_database_parent_class)->finalize (object);
}

static void
ed_database_class_init (EdDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ed_database_init (EdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
_ed_database_set_sqlite_error (GError     **error,
                               sqlite3     *db,
                               int          code,
                               const char  *path)
{
  g_autofree char *name = g_filename_display_name (path != NULL ? path : "");
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_LOCKED,
                   _("“%s” is in use by another program. Close any other Electoral Desk window "
                     "or program using this district, then try again."), name);
      break;

    case SQLITE_FULL:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FULL,
                   _("The disk holding “%s” is full. Free some space, then try again; "
                     "nothing was saved."), name);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Electoral Desk district file."), name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely. Restore it from a backup "
                     "or from the shared folder."), name);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CANT_OPEN,
                   _("“%s” cannot be opened. Check that its folder exists and that you may "
                     "read and write it."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: you do not have permission, or the disk is "
                     "read-only."), name);
      break;

    case SQLITE_IOERR:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED,
                   _("A disk or network error stopped work on “%s” (%s). Nothing was saved."),
                   name, detail);
      break;

    default:
      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED,
                   _("Database error on “%s”: %s"), name, detail);
      break;
    }
}

void
ed_database_set_error (EdDatabase *self,
                       int         sqlite_code,
                       GError    **error)
{
  g_return_if_fail (ED_IS_DATABASE (self));

  _ed_database_set_sqlite_error (error, self->db, sqlite_code, self->path);
}

static gboolean
query_int (sqlite3    *db,
           const char *path,
           const char *sql,
           int        *out_value,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ed_database_set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  *out_value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Look at an existing file without writing a byte to it, so that a file we must refuse (a newer
 * schema, another program's database) is left exactly as it was. */
static gboolean
probe_existing_file (const char   *path,
                     EdMigrations *migrations,
                     int          *out_version,
                     GError      **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int table_count = 0;
  int version = 0;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, db, rc, path);
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &version, error) ||
      !query_int (db, path, "SELECT count(*) FROM sqlite_master", &table_count, error))
    goto out;

  if (application_id != ED_DATABASE_APPLICATION_ID && (application_id != 0 || table_count > 0))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database made by another program, not an Electoral Desk "
                     "district. It was left unchanged."), name);
      goto out;
    }

  if (version > ed_migrations_get_latest (migrations))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Electoral Desk (data format %d; "
                     "this version reads up to %d). Update Electoral Desk to open it. "
                     "The file was left unchanged."),
                   name, version, ed_migrations_get_latest (migrations));
      goto out;
    }

  *out_version = version;
  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

/* Creating the file ourselves, before SQLite does, is the only way to give it mode 0600 whatever
 * the umask: the register holds personal data. SQLite gives the -wal and -shm files the same
 * mode as the database. */
static gboolean
create_private_file (const char *path,
                     GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CANT_OPEN,
                   _("Cannot create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ED_DATABASE_ERROR,
                   saved_errno == ENOSPC ? ED_DATABASE_ERROR_FULL : ED_DATABASE_ERROR_CANT_OPEN,
                   _("Cannot create “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A district holds personal data: a file others may read (copied in from elsewhere, or made
 * by hand under a wide umask) is made private to its owner rather than written to as it is.
 * SQLite gives new -wal and -shm files the database's mode. Returns the mode the file had when
 * it was wider, or 0. The person is told through ed_database_dup_privacy_notice (), not a GLib
 * warning: the app prints none, and the window shows it where it will be read. */
static guint
tighten_mode (const char *path,
              mode_t      mode)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  if ((mode & 077) == 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_chmod (file, 0600) != 0 && errno != ENOENT)
        g_debug ("Could not make %s private: %s", file, g_strerror (errno));
    }
  return mode & 0777;
}

#ifdef ED_TEST_HOOKS
static int
crash_point_progress_cb (void *user_data)
{
  ed_crash_point ("sqlite");
  return 0;
}
#endif

static gboolean
configure_connection (EdDatabase *self,
                      gboolean    is_new,
                      GError    **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
#ifdef ED_TEST_HOOKS
  /* Points inside statements and transactions for the crash-injection test; only when it
   * asks, as a progress handler slows every statement a little. */
  if (ed_crash_points_enabled ())
    sqlite3_progress_handler (self->db, ED_CRASH_POINT_SQLITE_STEPS, crash_point_progress_cb,
                              NULL);
#endif
  sqlite3_extended_result_codes (self->db, TRUE);

  /* A district holds a million electors and their op log, some gigabytes: pages four times
   * SQLite's default make a third fewer pages to find, split and write back from the
   * write-ahead log, and importing a register a fifth quicker. A file's page size is fixed
   * once it is in WAL mode, so this applies to new files only. */
  if (is_new && !ed_database_exec (self, "PRAGMA page_size = " G_STRINGIFY (DISTRICT_PAGE_SIZE), error))
    return FALSE;

  /* WAL lets the window read while a worker thread writes; synchronous=FULL because a saved
   * form must survive a power cut on a desk with no UPS. */
  return ed_database_exec (self, "PRAGMA journal_mode = WAL", error) &&
         ed_database_exec (self, "PRAGMA synchronous = FULL", error) &&
         ed_database_exec (self, "PRAGMA cache_size = -65536", error) &&
         ed_database_exec (self, "PRAGMA foreign_keys = ON", error);
}

gboolean
_ed_database_backup_to (sqlite3     *db,
                        const char  *backup_path,
                        GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = g_open (backup_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (backup_path);

      g_set_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_MIGRATION,
                   _("Cannot create the backup “%s” before upgrading: %s. "
                     "The district was not upgraded."), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, dest, rc, backup_path);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      _ed_database_set_sqlite_error (error, dest, sqlite3_errcode (dest), backup_path);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _ed_database_set_sqlite_error (error, dest, rc, backup_path);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  rc = sqlite3_close_v2 (dest);
  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, NULL, rc, backup_path);
      return FALSE;
    }
  return TRUE;
}

static char *
make_backup_path (const char *path,
                  int         from_version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *candidate = g_strdup_printf ("%s.v%d-%s.backup", path, from_version, stamp);
  guint n = 1;

  while (g_file_test (candidate, G_FILE_TEST_EXISTS))
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%s-%u.backup", path, from_version, stamp, n++);
    }
  return candidate;
}

/* SQLite's memory statistics take a process-wide mutex on every allocation, and nothing here
 * reads them: off, before SQLite initialises, they cost a bulk import nothing. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/* Opens the file open_internal () probed or made, and brings its schema up to date. */
static EdDatabase *
open_and_migrate (const char    *path,
                  EdMigrations  *migrations,
                  int            target_version,
                  gboolean       existed,
                  int            version,
                  guint          mode_before_private,
                  GError       **error)
{
  g_autoptr(EdDatabase) self = NULL;
  gboolean in_memory = g_str_equal (path, ":memory:");
  int rc;

  self = g_object_new (ED_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->mode_before_private = mode_before_private;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                          (in_memory ? SQLITE_OPEN_CREATE : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      _ed_database_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  if (!configure_connection (self, !existed, error))
    return NULL;

  self->opened_schema_version = version;
  if (version < target_version)
    {
      /* A file that held data before we touched it is copied aside first: an upgrade that
       * goes wrong half-way must never cost a council its register. */
      if (existed)
        {
          g_autofree char *backup_path = make_backup_path (path, version);

          if (!_ed_database_backup_to (self->db, backup_path, error))
            return NULL;
          self->backup_path = g_steal_pointer (&backup_path);
        }

      if (!_ed_migrations_apply (migrations, self->db, path, version, target_version, !existed,
                                 error))
        return NULL;
      version = target_version;
    }

  self->schema_version = version;
  return g_steal_pointer (&self);
}

/* A new file that could not be made into a district is removed, with SQLite's files beside
 * it: what is left at the path is a district or nothing. */
static void
remove_new_file (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);

      g_unlink (beside);
    }
  g_unlink (path);
}

static EdDatabase *
open_internal (const char    *path,
               EdMigrations  *migrations,
               int            target_version,
               GError       **error)
{
  EdDatabase *self;
  gboolean in_memory;
  gboolean existed;
  guint mode_before_private = 0;
  int version = 0;

  configure_sqlite_once ();

  /* ":memory:" is for tests and the merge simulator: nothing to probe, create or back up. */
  in_memory = g_str_equal (path, ":memory:");
  existed = !in_memory && g_file_test (path, G_FILE_TEST_EXISTS);
  if (existed)
    {
      GStatBuf st;

      if (!probe_existing_file (path, migrations, &version, error))
        return NULL;
      if (g_stat (path, &st) == 0)
        mode_before_private = tighten_mode (path, st.st_mode);
    }
  else if (!in_memory && !create_private_file (path, error))
    {
      return NULL;
    }

  self = open_and_migrate (path, migrations, target_version, existed, version,
                           mode_before_private, error);
  if (self == NULL && !existed && !in_memory)
    remove_new_file (path);
  return self;
}

/**
 * ed_database_open:
 * @path: the district's database file
 * @migrations: the migrations of the data format the program writes
 * @error: return location for an error
 *
 * Opens @path, creating it with mode 0600 when missing, and brings its schema up to date
 * (after an online backup of a file that already existed). A file from a newer version of the
 * application, or another program's database, is refused and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
EdDatabase *
ed_database_open (const char    *path,
                  EdMigrations  *migrations,
                  GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (ED_IS_MIGRATIONS (migrations), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ed_migrations_check (migrations, error))
    return NULL;
  return open_internal (path, migrations, ed_migrations_get_latest (migrations), error);
}

EdDatabase *
_ed_database_open_at_version (const char    *path,
                              EdMigrations  *migrations,
                              int            version,
                              GError       **error)
{
  g_return_val_if_fail (version <= ed_migrations_get_latest (migrations), NULL);

  if (!ed_migrations_check (migrations, error))
    return NULL;
  return open_internal (path, migrations, version, error);
}

const char *
ed_database_get_path (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * ed_database_dup_privacy_notice:
 * @self: an open database
 *
 * Returns: (nullable) (transfer full): a sentence for the person when opening @self found
 *   the file readable by others and made it private, or %NULL
 */
char *
ed_database_dup_privacy_notice (EdDatabase *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  if (self->mode_before_private == 0)
    return NULL;
  name = g_filename_display_name (self->path);
  return g_strdup_printf (_("“%s” could be read by other users of this computer (mode %04o); "
                            "it holds personal data, so it was made private to you (mode 0600)."),
                          name, self->mode_before_private);
}

int
ed_database_get_schema_version (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * ed_database_get_opened_schema_version:
 * @self: a database
 *
 * Returns: the data format the file had before this open migrated it; 0 for a new file
 */
int
ed_database_get_opened_schema_version (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), 0);

  return self->opened_schema_version;
}

/**
 * ed_database_get_backup_path:
 * @self: a #EdDatabase
 *
 * Returns: (nullable): the copy taken before this open upgraded the file, if it did
 */
const char *
ed_database_get_backup_path (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  return self->backup_path;
}

sqlite3 *
ed_database_get_handle (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
ed_database_exec (EdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ed_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_database_set_cache_size_kib:
 * @self: a #EdDatabase
 * @kib: the most memory this connection's page cache may hold, in KiB
 *
 * Sets the connection's page cache, which is 64 MiB by default: what importing a register
 * and building its indexes want. A connection that mostly reads a little at a time (the
 * window's, behind the register page) does as well with far less, and its cache would only
 * keep resident what a scroll through a million entries read in passing; the rest of the
 * file is in the system's cache anyway. Pages over the new limit are freed at once.
 */
void
ed_database_set_cache_size_kib (EdDatabase *self,
                                guint       kib)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ED_IS_DATABASE (self));
  g_return_if_fail (kib > 0);

  sql = g_strdup_printf ("PRAGMA cache_size = -%u", kib);
  if (!ed_database_exec (self, sql, &error))
    g_warning ("Could not set the page cache: %s", error->message);
  sqlite3_db_release_memory (self->db);
}

/**
 * ed_database_begin:
 * @self: a #EdDatabase
 * @error: return location for an error
 *
 * Starts a write transaction. It takes the write lock at once (BEGIN IMMEDIATE), so a busy
 * district fails here, before any work is done, rather than at commit.
 */
gboolean
ed_database_begin (EdDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!ed_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  ed_crash_point ("begin");
  return TRUE;
}

gboolean
ed_database_commit (EdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  ed_crash_point ("commit");
  if (!ed_database_exec (self, "COMMIT", error))
    {
      ed_database_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  ed_crash_point ("committed");
  return TRUE;
}

void
ed_database_rollback (EdDatabase *self)
{
  g_return_if_fail (ED_IS_DATABASE (self));

  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

sqlite3_stmt *
ed_database_prepare (EdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ed_database_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

/**
 * ed_database_cached:
 * @self: a #EdDatabase
 * @sql: a statement
 * @error: return location for an error
 *
 * Prepares @sql once per connection and hands back the same statement each time, reset and
 * with its bindings cleared: the merge and the change set run the same few statements many
 * thousands of times.
 *
 * Returns: (transfer none): the statement, owned by @self, or %NULL with @error set
 */
sqlite3_stmt *
ed_database_cached (EdDatabase  *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ed_database_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ed_database_in_transaction (EdDatabase *self)
{
  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);

  return self->in_transaction;
}

/* Steps a statement that returns no rows. */
gboolean
ed_database_step_done (EdDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_database_step_reset:
 * @self: a #EdDatabase
 * @stmt: a bound statement that returns no rows
 * @error: return location for an error
 *
 * Steps @stmt to its end and resets it, whether it ran or failed: a statement from
 * ed_database_cached() is kept for the next caller, and left unreset it would keep its read of
 * the database open.
 *
 * Returns: %TRUE when it ran to the end, %FALSE with @error set
 */
gboolean
ed_database_step_reset (EdDatabase    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  gboolean ok = ed_database_step_done (self, stmt, error);

  sqlite3_reset (stmt);
  return ok;
}

/**
 * ed_database_step_exists:
 * @self: a #EdDatabase
 * @stmt: a bound query
 * @out_found: (out): whether it gave a row
 * @error: return location for an error
 *
 * Steps @stmt to its first row, if it has one, and resets it, as ed_database_step_reset()
 * does: for the queries that ask whether something is there.
 *
 * Returns: %TRUE when SQLite answered, %FALSE with @error set
 */
gboolean
ed_database_step_exists (EdDatabase    *self,
                         sqlite3_stmt  *stmt,
                         gboolean      *out_found,
                         GError       **error)
{
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (self, rc, error);
      return FALSE;
    }
  *out_found = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * ed_database_step_rows:
 * @self: a #EdDatabase
 * @stmt: a bound query
 * @func: (scope call): called with @stmt on each row; returns %FALSE to read no more rows
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Steps @stmt through its rows, handing each to @func, and resets it at the end, on a failure
 * and when @func stops early, as ed_database_step_reset() does.
 *
 * Returns: %TRUE when the rows were read (all of them, or up to where @func stopped), %FALSE
 *   with @error set when SQLite failed
 */
gboolean
ed_database_step_rows (EdDatabase         *self,
                       sqlite3_stmt       *stmt,
                       EdDatabaseRowFunc   func,
                       gpointer            user_data,
                       GError            **error)
{
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (stmt, user_data))
      {
        rc = SQLITE_DONE;
        break;
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_database_list_tables:
 * @self: a #EdDatabase
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type utf8): the names of the tables, sorted, without
 *   SQLite's own and the shadow tables of full-text indexes
 */
GPtrArray *
ed_database_list_tables (EdDatabase  *self,
                         GError     **error)
{
  static const char sql[] =
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
    "ESCAPE '\\' AND sql NOT LIKE 'CREATE TABLE ''%' ORDER BY name";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), NULL);

  stmt = ed_database_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

gboolean
ed_database_count_rows (EdDatabase  *self,
                        const char  *table,
                        gint64      *out_count,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *sql;
  int rc;

  g_return_val_if_fail (ED_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  /* A table name cannot be a bound parameter; %w quotes it as an identifier. */
  sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", table);
  stmt = ed_database_prepare (self, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (self, rc, error);
      return FALSE;
    }
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
