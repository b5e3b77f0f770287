/* ed-sync-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/ed-sync-resources.h"
#include "sync/ed-sync-tables.h"

/* Sync's tables are all local to the desk (0011-sync.sql): what it has read on the share and
 * how it reaches it. Nothing here is synced, so nothing goes through a change set. */

static const char *const local_tables[] = {
  "sync_state",
  "sync_bundle",
  "sync_desk",
};

static const struct
{
  const char *id;
  const char *name;
} file_statuses[] = {
  [ED_SYNC_FILE_APPLIED] = { "applied", N_("Applied") },
  [ED_SYNC_FILE_DUPLICATE] = { "duplicate", N_("A copy of changes already here") },
  [ED_SYNC_FILE_INCOMPLETE] = { "incomplete", N_("Incomplete: still arriving") },
  [ED_SYNC_FILE_CORRUPT] = { "corrupt", N_("Damaged or not genuine") },
  [ED_SYNC_FILE_REFUSED] = { "refused", N_("Refused") },
};

const char *
ed_sync_file_status_to_string (EdSyncFileStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (file_statuses), NULL);

  return file_statuses[status].id;
}

gboolean
ed_sync_file_status_from_string (const char       *text,
                                 EdSyncFileStatus *out_status)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_statuses); i++)
    if (g_strcmp0 (text, file_statuses[i].id) == 0)
      {
        *out_status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ed_sync_file_status_get_display_name:
 * @status: a status
 *
 * Returns: (transfer none): its name for people, translated
 */
const char *
ed_sync_file_status_get_display_name (EdSyncFileStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (file_statuses), NULL);

  return _(file_statuses[status].name);
}

void
ed_sync_file_record_free (EdSyncFileRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->path);
  g_free (record->device);
  g_free (record->message);
  g_free (record);
}

/**
 * ed_sync_add_schema:
 * @schema: a district's schema
 *
 * Adds sync's local tables and their migrations (sync/sql).
 */
void
ed_sync_add_schema (EdSchema *schema)
{
  for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
    ed_schema_add_local_table (schema, local_tables[i]);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_sync_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/sync/sql");
}

static const char state_get_sql[] = "SELECT value FROM sync_state WHERE key = ?1";
static const char state_set_sql[] =
  "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static gboolean
first_text_cb (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  char **out = user_data;

  *out = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return FALSE;
}

/**
 * ed_sync_state_get:
 * @database: a district
 * @key: what to read
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when there is none (with @error
 *   unset) or on error
 */
char *
ed_sync_state_get (EdDatabase  *database,
                   const char  *key,
                   GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, state_get_sql, error);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, first_text_cb, &value, error))
    return NULL;
  return value;
}

gboolean
ed_sync_state_set (EdDatabase  *database,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, state_set_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return ed_database_step_reset (database, stmt, error);
}

/**
 * ed_sync_state_get_int:
 * @database: a district
 * @key: what to read
 * @fallback: the value when there is none, or it cannot be read
 *
 * Returns: the value as a number
 */
gint64
ed_sync_state_get_int (EdDatabase *database,
                       const char *key,
                       gint64      fallback)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ed_sync_state_get (database, key, &error);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value,
                                                 NULL))
    return fallback;
  return value;
}

gboolean
ed_sync_state_set_int (EdDatabase  *database,
                       const char  *key,
                       gint64       value,
                       GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return ed_sync_state_set (database, key, text, error);
}

#define LEDGER_COLUMNS \
  "path, size, mtime, status, device, seq_from, seq_to, n_applied, first_seen_ms, " \
  "last_tried_ms, attempts, message"

static const char ledger_lookup_sql[] =
  "SELECT " LEDGER_COLUMNS " FROM sync_bundle WHERE path = ?1";
static const char ledger_failing_sql[] =
  "SELECT " LEDGER_COLUMNS " FROM sync_bundle "
  "WHERE status IN ('incomplete', 'corrupt', 'refused') ORDER BY first_seen_ms, path";
static const char ledger_record_sql[] =
  "INSERT INTO sync_bundle (" LEDGER_COLUMNS ") "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
  "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, "
  "  status = excluded.status, device = excluded.device, seq_from = excluded.seq_from, "
  "  seq_to = excluded.seq_to, n_applied = excluded.n_applied, "
  "  last_tried_ms = excluded.last_tried_ms, attempts = excluded.attempts, "
  "  message = excluded.message";

static gboolean
add_record_cb (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  GPtrArray *records = user_data;
  EdSyncFileRecord *record = g_new0 (EdSyncFileRecord, 1);

  record->path = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  record->size = (guint64)sqlite3_column_int64 (stmt, 1);
  record->mtime = sqlite3_column_int64 (stmt, 2);
  if (!ed_sync_file_status_from_string ((const char *)sqlite3_column_text (stmt, 3),
                                        &record->status))
    record->status = ED_SYNC_FILE_INCOMPLETE;
  record->device = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  record->seq_from = sqlite3_column_int64 (stmt, 5);
  record->seq_to = sqlite3_column_int64 (stmt, 6);
  record->n_applied = (guint64)sqlite3_column_int64 (stmt, 7);
  record->first_seen_ms = sqlite3_column_int64 (stmt, 8);
  record->last_tried_ms = sqlite3_column_int64 (stmt, 9);
  record->attempts = (guint)sqlite3_column_int (stmt, 10);
  record->message = g_strdup ((const char *)sqlite3_column_text (stmt, 11));
  g_ptr_array_add (records, record);
  return TRUE;
}

/**
 * ed_sync_ledger_lookup:
 * @database: a district
 * @path: a file's path on the share
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what this desk knows of the file; %NULL when it has
 *   not seen it (with @error unset) or on error
 */
EdSyncFileRecord *
ed_sync_ledger_lookup (EdDatabase  *database,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (
    (GDestroyNotify)ed_sync_file_record_free);
  sqlite3_stmt *stmt = ed_database_cached (database, ledger_lookup_sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, add_record_cb, records, error))
    return NULL;
  return records->len > 0 ? g_ptr_array_steal_index (records, 0) : NULL;
}

/**
 * ed_sync_ledger_record:
 * @database: a district
 * @record: what came of reading a file; its first sighting is kept if known already
 * @error: return location for an error
 */
gboolean
ed_sync_ledger_record (EdDatabase              *database,
                       const EdSyncFileRecord  *record,
                       GError                 **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, ledger_record_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (gint64)record->size);
  sqlite3_bind_int64 (stmt, 3, record->mtime);
  sqlite3_bind_text (stmt, 4, ed_sync_file_status_to_string (record->status), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, record->device != NULL ? record->device : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, record->seq_from);
  sqlite3_bind_int64 (stmt, 7, record->seq_to);
  sqlite3_bind_int64 (stmt, 8, (gint64)record->n_applied);
  sqlite3_bind_int64 (stmt, 9, record->first_seen_ms);
  sqlite3_bind_int64 (stmt, 10, record->last_tried_ms);
  sqlite3_bind_int (stmt, 11, (int)record->attempts);
  sqlite3_bind_text (stmt, 12, record->message != NULL ? record->message : "", -1,
                     SQLITE_TRANSIENT);
  return ed_database_step_reset (database, stmt, error);
}

/**
 * ed_sync_ledger_list_failing:
 * @database: a district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdSyncFileRecord): the files on the share that have
 *   not been applied: incomplete, damaged or refused, oldest first
 */
GPtrArray *
ed_sync_ledger_list_failing (EdDatabase  *database,
                             GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (
    (GDestroyNotify)ed_sync_file_record_free);
  sqlite3_stmt *stmt = ed_database_cached (database, ledger_failing_sql, error);

  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (database, stmt, add_record_cb, records, error))
    return NULL;
  return g_steal_pointer (&records);
}
