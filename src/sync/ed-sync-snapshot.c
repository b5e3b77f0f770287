/* ed-sync-snapshot.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "changes/ed-merge.h"
#include "changes/ed-replica.h"
#include "changes/ed-state-hash.h"
#include "changes/ed-state-load.h"
#include "sync/ed-bundle.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"

/* Snapshots (SYNC.md §4.7): snapshots/s-<device>-<hlc>.ess, a sealed file like a bundle
 * (ed-bundle.c) whose body is the whole district as one desk holds it, for a new desk to start
 * from instead of every bundle since the team began, and so that old bundles can go.
 *
 * The body is JSON lines, never built whole in memory:
 *
 *   {"snapshot": 1, "schema_version": N, "team": …, "district": …, "held": {desk: seq, …}}
 *   {"table": "op_log", "columns": ["device", "seq", …]}
 *   ["<device>", 7, …]                       one line a row, its values in column order
 *   …
 *   {"table": "elector", "columns": […]}
 *   …
 *
 * It holds every synced table's rows (deleted rows stay as tombstones), and the change
 * layer's own tables: the op log, which ops supersede which (op_pred), the current heads of
 * every field (field_head) and the open conflicts. With the op log whole, a desk built from a
 * snapshot is the very desk that wrote it: the same state hash, history and audit trail, and
 * a bundle it reads again later is a duplicate, never a second head. "held" is the version
 * vector it covers. Values are JSON null, numbers, strings, or {"b": base64} for a blob.
 *
 * Because the header carries the body's length and hash, and binds them before the first
 * chunk is encrypted, the body is generated twice inside one read transaction: once to hash
 * it, once to seal it. */

#define SNAPSHOT_FORMAT 1
#define SNAPSHOT_SUFFIX ".ess"

/* The change layer's tables a snapshot carries besides the synced ones, in loading order. */
static const char *const change_tables[] = { "op_log", "op_pred", "field_head", "conflict" };

typedef void (*EmitFunc) (const char *data,
                          gsize       length,
                          gpointer    user_data);

static GPtrArray *
snapshot_tables (EdSync *self)
{
  EdSchema *schema = ed_replica_get_schema (ED_REPLICA (self->context));
  g_autoptr(GPtrArray) synced = ed_schema_list_tables (schema);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (change_tables); i++)
    g_ptr_array_add (names, (gpointer)change_tables[i]);
  for (guint i = 0; i < synced->len; i++)
    g_ptr_array_add (names, (gpointer)((const EdTableDef *)g_ptr_array_index (synced, i))->name);
  return names;
}

static void
append_value (GString      *line,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      g_string_append_printf (line, "%" G_GINT64_FORMAT,
                              (gint64)sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (line, g_ascii_dtostr (number, sizeof number,
                                               sqlite3_column_double (stmt, column)));
      }
      break;
    case SQLITE_TEXT:
      ed_value_append_json_text (line, (const char *)sqlite3_column_text (stmt, column));
      break;
    case SQLITE_BLOB:
      {
        g_autofree char *encoded = g_base64_encode (sqlite3_column_blob (stmt, column),
                                                    (gsize)sqlite3_column_bytes (stmt, column));

        g_string_append_printf (line, "{\"b\": \"%s\"}", encoded);
      }
      break;
    case SQLITE_NULL:
    default:
      g_string_append (line, "null");
      break;
    }
}

/* Generates the whole body, line by line, into @emit. */
static gboolean
generate_body (EdSync      *self,
               const char  *held,
               EmitFunc     emit,
               gpointer     emit_data,
               guint64     *out_rows,
               GError     **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  g_autoptr(GPtrArray) tables = snapshot_tables (self);
  g_autoptr(GString) line = g_string_sized_new (4096);
  guint64 rows = 0;

  g_string_append_printf (line, "{\"snapshot\": %d, \"schema_version\": %d, \"team\": ",
                          SNAPSHOT_FORMAT, ed_database_get_schema_version (database));
  ed_value_append_json_text (line, self->team->team);
  g_string_append (line, ", \"district\": ");
  ed_value_append_json_text (line, self->team->district);
  g_string_append_printf (line, ", \"held\": %s}\n", held);
  emit (line->str, line->len, emit_data);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);
      g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
      int n_columns;
      int rc;

      sqlite3_free (sql);
      if (stmt == NULL)
        return FALSE;
      n_columns = sqlite3_column_count (stmt);
      g_string_assign (line, "{\"table\": ");
      ed_value_append_json_text (line, table);
      g_string_append (line, ", \"columns\": [");
      for (int c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (line, ", ");
          ed_value_append_json_text (line, sqlite3_column_name (stmt, c));
        }
      g_string_append (line, "]}\n");
      emit (line->str, line->len, emit_data);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_string_assign (line, "[");
          for (int c = 0; c < n_columns; c++)
            {
              if (c > 0)
                g_string_append_c (line, ',');
              append_value (line, stmt, c);
            }
          g_string_append (line, "]\n");
          emit (line->str, line->len, emit_data);
          rows++;
        }
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
                       _("Could not read table %s for a snapshot: %s"), table,
                       sqlite3_errmsg (ed_database_get_handle (database)));
          return FALSE;
        }
    }
  *out_rows = rows;
  return TRUE;
}

typedef struct
{
  crypto_generichash_state state;
  guint64                  length;
} Hasher;

static void
hash_emit (const char *data,
           gsize       length,
           gpointer    user_data)
{
  Hasher *hasher = user_data;

  crypto_generichash_update (&hasher->state, (const guint8 *)data, length);
  hasher->length += length;
}

static void
seal_emit (const char *data,
           gsize       length,
           gpointer    user_data)
{
  ed_bundle_sealer_add (user_data, (const guint8 *)data, length);
}

static char *
snapshot_path (const char *device,
               gint64      hlc)
{
  return g_strdup_printf (ED_SHARE_SNAPSHOTS "/s-%s-%016" G_GINT64_MODIFIER "x" SNAPSHOT_SUFFIX,
                          device, hlc);
}

/* s-<device>-<hlc>.ess: the device and hlc, or FALSE for another name. */
static gboolean
parse_snapshot_name (const char  *name,
                     char       **out_device,
                     gint64      *out_hlc)
{
  const char *dash;
  g_autofree char *number = NULL;
  guint64 hlc;

  if (!g_str_has_prefix (name, "s-") || !g_str_has_suffix (name, SNAPSHOT_SUFFIX) ||
      ed_share_is_temporary (name))
    return FALSE;
  dash = strrchr (name, '-');
  if (dash == NULL || dash < name + 3)
    return FALSE;
  number = g_strndup (dash + 1, strlen (dash + 1) - strlen (SNAPSHOT_SUFFIX));
  if (strlen (number) != 16 || !g_ascii_string_to_unsigned (number, 16, 0, G_MAXINT64, &hlc,
                                                             NULL))
    return FALSE;
  *out_device = g_strndup (name + 2, dash - (name + 2));
  *out_hlc = (gint64)hlc;
  return TRUE;
}

/* What the snapshot at @path covers, kept by its name so that no desk reads a snapshot it
 * wrote or loaded again to find out (ed-sync-gc.c asks at every run). */
static gboolean
remember_coverage (EdDatabase  *database,
                   const char  *path,
                   const char  *held,
                   GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *key = g_strdup_printf ("snapshot-covers:%s", name);

  return ed_sync_state_set (database, key, held, error);
}

static GPtrArray *list_snapshots (EdSync        *self,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* A desk keeps one snapshot of its own on the share, its newest: an older one covers less,
 * and every snapshot on the share holds back the removal of old bundles (ed-sync-gc.c). */
static gboolean
remove_own_older_snapshots (EdSync        *self,
                            const char    *newest,
                            GCancellable  *cancellable,
                            GError       **error);

/**
 * ed_sync_snapshot:
 * @self: a member desk's sync
 * @out_path: (out) (optional) (transfer full): where on the share it was written
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Writes a snapshot of the district as this desk holds it (SYNC.md §4.7), encrypted with the
 * newest team key and signed with this desk's key, under a temporary name renamed without
 * replacing.
 *
 * Returns: whether it was written
 */
gboolean
ed_sync_snapshot (EdSync        *self,
                  char         **out_path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdDatabase *database;
  g_autoptr(EdBundleHeader) header = g_new0 (EdBundleHeader, 1);
  g_autoptr(GHashTable) held = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *held_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *district = NULL;
  EdBundleSealer *sealer = NULL;
  Hasher hasher = { 0 };
  guint8 hash[32];
  guint64 rows = 0;
  guint64 rows_again = 0;
  gboolean ok;

  g_return_val_if_fail (ED_IS_SYNC (self), FALSE);

  database = ed_context_get_database (self->context);
  if (!_ed_sync_check_team (self, cancellable, error) ||
      !_ed_sync_refresh_team (self, cancellable, error) ||
      !_ed_sync_check_member (self, error))
    return FALSE;
  /* A new desk takes the district from the snapshot: one without it would leave the desk
   * unable to take the district from the bundles after. */
  district = ed_merge_get_district_id (ED_REPLICA (self->context), error);
  if (g_strcmp0 (district, self->team->district) != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                     _("This desk does not hold the team’s district yet: sync until it does, "
                       "then write a snapshot"));
      return FALSE;
    }

  header->format = ED_BUNDLE_FORMAT;
  header->kind = ED_BUNDLE_KIND_SNAPSHOT;
  header->team = g_strdup (self->team->team);
  header->district = g_strdup (self->team->district);
  header->epoch = _ed_sync_newest_epoch (self);
  header->device = g_strdup (self->device);
  header->incarnation = g_strdup (self->incarnation[0] != '\0' ? self->incarnation : "-");
  header->created_hlc = ed_hlc_tick (ed_replica_get_hlc (ED_REPLICA (self->context)));

  /* One read transaction for both passes: the same rows both times. */
  if (!ed_database_exec (database, "BEGIN", error))
    return FALSE;
  held = ed_sync_version_vector (database, error);
  ok = held != NULL;
  if (ok)
    {
      held_text = ed_sync_held_to_json (held);
      crypto_generichash_init (&hasher.state, NULL, 0, sizeof hash);
      ok = generate_body (self, held_text, hash_emit, &hasher, &rows, error);
    }
  if (ok)
    {
      crypto_generichash_final (&hasher.state, hash, sizeof hash);
      header->n_ops = rows;
      header->plain_length = hasher.length;
      header->plain_hash = ed_bundle_hash_to_hex (hash);
      sealer = ed_bundle_sealer_new (header, g_hash_table_lookup (
                                       self->team_keys, GUINT_TO_POINTER (header->epoch)),
                                     error);
      ok = sealer != NULL &&
           generate_body (self, held_text, seal_emit, sealer, &rows_again, error);
    }
  ed_database_exec (database, "COMMIT", NULL);
  if (!ok)
    {
      ed_bundle_sealer_free (sealer);
      return FALSE;
    }
  file = ed_bundle_sealer_finish (sealer, self->keys, error);
  if (file == NULL)
    return FALSE;

  path = snapshot_path (self->device, header->created_hlc);
  if (!_ed_sync_write_whole (self->transport, path, file, cancellable, error) ||
      !ed_sync_state_set (database, "snapshot-path", path, error) ||
      !ed_sync_state_set (database, "snapshot-held", held_text, error) ||
      !remember_coverage (database, path, held_text, error) ||
      !ed_sync_state_set_int (database, "snapshot-ms", _ed_sync_now (self), error) ||
      !remove_own_older_snapshots (self, path, cancellable, error))
    return FALSE;
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* ---- loading ----------------------------------------------------------------------------- */

typedef struct
{
  EdSync       *self;
  const char   *path;
  EdDatabase   *database;
  GHashTable   *allowed;     /* the tables a snapshot may fill */
  GString      *line;
  JsonParser   *parser;
  gboolean      have_meta;
  char         *held;
  sqlite3_stmt *insert;
  char         *table;
  int           n_columns;
  guint64       rows;
  gint64        max_hlc;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->allowed, g_hash_table_unref);
  if (loader->line != NULL)
    g_string_free (loader->line, TRUE);
  g_clear_object (&loader->parser);
  g_free (loader->held);
  g_clear_pointer (&loader->insert, sqlite3_finalize);
  g_free (loader->table);
}

static gboolean
bad_snapshot (GError    **error,
              const char *path,
              const char *what)
{
  g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
               _("%s is not a snapshot this desk can load: %s"), path, what);
  return FALSE;
}

static gboolean
load_meta (Loader      *loader,
           JsonObject  *object,
           GError     **error)
{
  gint64 version = json_object_get_int_member_with_default (object, "schema_version", -1);
  JsonNode *held = json_object_get_member (object, "held");

  if (json_object_get_int_member_with_default (object, "snapshot", -1) != SNAPSHOT_FORMAT)
    return bad_snapshot (error, loader->path, _("expected its first line to say "
                                                "“snapshot”: 1"));
  if (version < 1 || version > ed_database_get_schema_version (loader->database))
    return bad_snapshot (error, loader->path, _("it was written by a newer version of "
                                                "Electoral Desk: update this desk"));
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "team", NULL),
                 loader->self->team->team) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "district", NULL),
                 loader->self->team->district) != 0)
    return bad_snapshot (error, loader->path, _("expected this team’s and district’s"));
  if (held == NULL || !JSON_NODE_HOLDS_OBJECT (held))
    return bad_snapshot (error, loader->path, _("expected “held”, the changes it covers"));
  loader->held = json_to_string (held, FALSE);
  loader->have_meta = TRUE;
  return TRUE;
}

static gboolean
load_table (Loader      *loader,
            JsonObject  *object,
            GError     **error)
{
  const char *table = json_object_get_string_member_with_default (object, "table", NULL);
  JsonArray *columns;
  GString *sql;
  int rc;

  if (table == NULL || !g_hash_table_contains (loader->allowed, table) ||
      !json_object_has_member (object, "columns") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "columns")))
    return bad_snapshot (error, loader->path, _("expected a synced table with its columns"));
  columns = json_object_get_array_member (object, "columns");
  g_clear_pointer (&loader->insert, sqlite3_finalize);
  g_free (loader->table);
  loader->table = g_strdup (table);
  loader->n_columns = (int)json_array_get_length (columns);

  sql = g_string_new ("INSERT INTO \"");
  g_string_append (sql, table);
  g_string_append (sql, "\" (");
  for (int c = 0; c < loader->n_columns; c++)
    {
      const char *name = json_array_get_string_element (columns, c);
      char *quoted;

      if (name == NULL)
        {
          g_string_free (sql, TRUE);
          return bad_snapshot (error, loader->path, _("expected column names as text"));
        }
      quoted = sqlite3_mprintf ("%s\"%w\"", c > 0 ? ", " : "", name);
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ") VALUES (");
  for (int c = 0; c < loader->n_columns; c++)
    g_string_append (sql, c > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  rc = sqlite3_prepare_v2 (ed_database_get_handle (loader->database), sql->str, -1,
                           &loader->insert, NULL);
  g_string_free (sql, TRUE);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (
        _("its table %s does not match this desk’s: %s"), table,
        sqlite3_errmsg (ed_database_get_handle (loader->database)));

      return bad_snapshot (error, loader->path, what);
    }
  return TRUE;
}

static gboolean
bind_value (Loader    *loader,
            int        index,
            JsonNode  *node,
            GError   **error)
{
  sqlite3_stmt *stmt = loader->insert;

  if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        sqlite3_bind_double (stmt, index, json_node_get_double (node));
      else if (type == G_TYPE_STRING)
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else
        return bad_snapshot (error, loader->path, _("expected values to be null, numbers, "
                                                    "text or blobs"));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node) &&
           json_object_has_member (json_node_get_object (node), "b"))
    {
      const char *text = json_object_get_string_member_with_default (
        json_node_get_object (node), "b", "");
      gsize length;
      guchar *blob = g_base64_decode (text, &length);

      sqlite3_bind_blob (stmt, index, blob, (int)length, g_free);
    }
  else
    return bad_snapshot (error, loader->path, _("expected values to be null, numbers, text "
                                                "or blobs"));
  return TRUE;
}

static gboolean
load_row (Loader     *loader,
          JsonArray  *row,
          GError    **error)
{
  sqlite3_stmt *stmt = loader->insert;

  if (stmt == NULL)
    return bad_snapshot (error, loader->path, _("expected a table’s line before its rows"));
  if ((int)json_array_get_length (row) != loader->n_columns)
    return bad_snapshot (error, loader->path, _("expected each row to have a value for each "
                                                "of its table’s columns"));
  for (int c = 0; c < loader->n_columns; c++)
    if (!bind_value (loader, c + 1, json_array_get_element (row, c), error))
      return FALSE;
  if (g_str_equal (loader->table, "op_log"))
    loader->max_hlc = MAX (loader->max_hlc, json_array_get_int_element (row, 2));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (
        _("a row of %s could not be stored: %s"), loader->table,
        sqlite3_errmsg (ed_database_get_handle (loader->database)));

      sqlite3_reset (stmt);
      return bad_snapshot (error, loader->path, what);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  loader->rows++;
  return TRUE;
}

static gboolean
load_line (Loader      *loader,
           const char  *text,
           gsize        length,
           GError     **error)
{
  JsonNode *root;

  if (!json_parser_load_from_data (loader->parser, text, (gssize)length, NULL))
    return bad_snapshot (error, loader->path, _("expected one JSON value a line"));
  root = json_parser_get_root (loader->parser);
  if (!loader->have_meta)
    return JSON_NODE_HOLDS_OBJECT (root) &&
           load_meta (loader, json_node_get_object (root), error);
  if (JSON_NODE_HOLDS_OBJECT (root))
    return load_table (loader, json_node_get_object (root), error);
  if (JSON_NODE_HOLDS_ARRAY (root))
    return load_row (loader, json_node_get_array (root), error);
  return bad_snapshot (error, loader->path, _("expected a table or a row on each line"));
}

static gboolean
load_chunk_cb (const guint8  *data,
               gsize          length,
               gpointer       user_data,
               GError       **error)
{
  Loader *loader = user_data;
  gsize start = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] != '\n')
        continue;
      if (loader->line->len > 0)
        {
          g_string_append_len (loader->line, (const char *)data + start, i - start);
          if (!load_line (loader, loader->line->str, loader->line->len, error))
            return FALSE;
          g_string_truncate (loader->line, 0);
        }
      else if (!load_line (loader, (const char *)data + start, i - start, error))
        return FALSE;
      start = i + 1;
    }
  g_string_append_len (loader->line, (const char *)data + start, length - start);
  return TRUE;
}

static const char op_count_sql[] = "SELECT count (*) FROM op_log";

static gboolean
first_int_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

static gboolean
holds_no_ops (EdDatabase  *database,
              gboolean    *out_empty,
              GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, op_count_sql, error);
  gint64 n = 0;

  if (stmt == NULL || !ed_database_step_rows (database, stmt, first_int_cb, &n, error))
    return FALSE;
  *out_empty = n == 0;
  return TRUE;
}

typedef struct
{
  Loader          *loader;
  GBytes          *file;
  const EdTeamKey *key;
  const guint8    *sign_public;
} LoadJob;

/* Inside ed_replica_load_state()'s transaction: every row, then this desk's record of what it
 * loaded, committed with them or not at all. */
static gboolean
load_rows_cb (EdReplica  *replica,
              gpointer    user_data,
              GError    **error)
{
  LoadJob *job = user_data;
  Loader *loader = job->loader;
  EdDatabase *database = loader->database;
  gboolean ok;

  ok = ed_bundle_open_chunks (job->file, job->key, job->sign_public, load_chunk_cb, loader,
                              error);
  if (ok && (loader->line->len > 0 || !loader->have_meta))
    ok = bad_snapshot (error, loader->path, _("it ends inside a line"));
  /* The statement is finalized before the transaction ends. */
  g_clear_pointer (&loader->insert, sqlite3_finalize);
  if (!ok)
    return FALSE;
  if (loader->max_hlc > 0)
    ed_hlc_receive (ed_replica_get_hlc (replica), loader->max_hlc);
  return ed_sync_state_set (database, "snapshot-path", loader->path, error) &&
         ed_sync_state_set (database, "snapshot-held", loader->held, error) &&
         remember_coverage (database, loader->path, loader->held, error) &&
         ed_sync_state_set (database, "onboard-check", "pending", error) &&
         ed_sync_state_set_int (database, "snapshot-ms", _ed_sync_now (loader->self), error);
}

/* Loads @file, checked already to be a member's snapshot of this team, in one transaction. */
static gboolean
load_file (EdSync                *self,
           const char            *path,
           GBytes                *file,
           const EdTeamKey       *key,
           const EdTeamDesk      *desk,
           GError               **error)
{
  g_autoptr(GPtrArray) tables = snapshot_tables (self);
  Loader loader = { 0 };
  LoadJob job = { &loader, file, key, desk->sign_public };
  gboolean ok;

  loader.self = self;
  loader.path = path;
  loader.database = ed_context_get_database (self->context);
  loader.allowed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < tables->len; i++)
    g_hash_table_add (loader.allowed, g_ptr_array_index (tables, i));
  loader.line = g_string_sized_new (4096);
  loader.parser = json_parser_new_immutable ();

  ok = ed_replica_load_state (ED_REPLICA (self->context), load_rows_cb, &job, error);
  loader_clear (&loader);
  return ok;
}

typedef struct
{
  char   *name;
  char   *device;
  gint64  hlc;
  guint64 size;
  gint64  mtime;
  gint64  covers;   /* for onboarding: how many ops it covers, all desks together */
} SnapshotName;

static void
snapshot_name_free (SnapshotName *name)
{
  g_free (name->name);
  g_free (name->device);
  g_free (name);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SnapshotName *x = *(SnapshotName **)a;
  const SnapshotName *y = *(SnapshotName **)b;

  if (x->hlc != y->hlc)
    return x->hlc > y->hlc ? -1 : 1;
  return strcmp (x->name, y->name);
}

/* Returns: (transfer full) (element-type SnapshotName): the snapshots on the share, newest
 * first (by their writers' clocks) */
static GPtrArray *
list_snapshots (EdSync        *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) entries = ed_transport_list (self->transport, ED_SHARE_SNAPSHOTS,
                                                    cancellable, error);
  GPtrArray *names;

  if (entries == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func ((GDestroyNotify)snapshot_name_free);
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);
      SnapshotName *name = g_new0 (SnapshotName, 1);

      if (entry->is_folder || !parse_snapshot_name (entry->name, &name->device, &name->hlc))
        {
          snapshot_name_free (name);
          continue;
        }
      name->name = g_strdup (entry->name);
      name->size = entry->size;
      name->mtime = entry->mtime;
      g_ptr_array_add (names, name);
    }
  g_ptr_array_sort (names, compare_newest_first);
  return names;
}

/**
 * _ed_sync_newest_snapshot_ms:
 * @self: a desk's sync
 * @out_ms: (out): when the newest snapshot on the share was written, by its writer's clock;
 *   0 when there is none
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Returns: whether the share could be listed
 */
gboolean
_ed_sync_newest_snapshot_ms (EdSync        *self,
                             gint64        *out_ms,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) names = list_snapshots (self, cancellable, error);

  *out_ms = 0;
  if (names == NULL)
    return FALSE;
  if (names->len > 0)
    *out_ms = ed_hlc_get_ms (((SnapshotName *)g_ptr_array_index (names, 0))->hlc);
  return TRUE;
}

/* The ledger's record of a snapshot that did not load: shown with the bundles that did not. */
static gboolean
record_failure (EdSync        *self,
                SnapshotName  *name,
                const char    *path,
                const GError  *failure,
                GError       **error)
{
  EdSyncFileRecord record = { 0 };
  gint64 now = _ed_sync_now (self);
  g_autofree char *message = strstr (failure->message, path) != NULL
                               ? g_strdup (failure->message)
                               : g_strdup_printf (_("%s is not a snapshot this desk can "
                                                    "load: %s"), path, failure->message);

  record.path = (char *)path;
  record.size = name->size;
  record.mtime = name->mtime;
  record.status = g_error_matches (failure, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE)
                    ? ED_SYNC_FILE_INCOMPLETE : ED_SYNC_FILE_CORRUPT;
  record.device = name->device;
  record.first_seen_ms = now;
  record.last_tried_ms = now;
  record.attempts = 1;
  record.message = message;
  return ed_sync_ledger_record (ed_context_get_database (self->context), &record, error);
}

/**
 * _ed_sync_onboard:
 * @self: a member desk's sync
 * @out_loaded: (out) (optional) (transfer full): the snapshot loaded, %NULL when none was
 * @cancellable: (nullable): to stop
 * @error: return location for an error of this desk's own
 *
 * For a desk that holds no changes yet (one that has just joined with a new file): loads the
 * snapshot on the share that covers most and checks, in one transaction, so that its ingest then reads
 * only the bundles above it (SYNC.md §4.7 Onboarding). A snapshot that is cut short, damaged
 * or not genuine is recorded in the ledger and the next older one tried; with none, the desk
 * reads every bundle as before.
 *
 * Returns: whether this desk's own work went well (no snapshot to load is no failure)
 */
static char *covered_by (EdSync        *self,
                         SnapshotName  *name,
                         GCancellable  *cancellable,
                         GError       **error);

/* A snapshot whose coverage could not be read: if the file itself does not check (cut short,
 * damaged), it is recorded as the bundles that do not are, naming the file. */
static gboolean
record_if_not_genuine (EdSync        *self,
                       SnapshotName  *name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = g_strdup_printf (ED_SHARE_SNAPSHOTS "/%s", name->name);
  EdTeamDesk *desk = g_hash_table_lookup (self->desks, name->device);
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) failure = NULL;

  if (desk == NULL || desk->state != ED_DESK_MEMBER)
    return TRUE;
  file = ed_transport_read (self->transport, path, cancellable, NULL);
  if (file == NULL || ed_bundle_verify (file, desk->sign_public, &failure))
    return TRUE;
  return record_failure (self, name, path, failure, error);
}

static int
compare_most_covering_first (gconstpointer a,
                             gconstpointer b)
{
  const SnapshotName *x = *(SnapshotName **)a;
  const SnapshotName *y = *(SnapshotName **)b;

  if (x->covers != y->covers)
    return x->covers > y->covers ? -1 : 1;
  return compare_newest_first (a, b);
}

/* Orders the snapshots to start from by what they cover, the most first, rather than by their
 * writers' clocks: a desk whose clock runs years fast would otherwise make its oldest snapshot
 * the "newest" for ever, and the bundles it lacks may be gone. A snapshot whose coverage
 * cannot be read is tried last. */
static gboolean
order_for_onboarding (EdSync        *self,
                      GPtrArray     *names,
                      GCancellable  *cancellable,
                      GError       **error)
{
  for (guint i = 0; i < names->len; i++)
    {
      SnapshotName *name = g_ptr_array_index (names, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = covered_by (self, name, cancellable, &local_error);
      g_autoptr(GHashTable) held = text != NULL ? ed_sync_held_from_json (text) : NULL;
      GHashTableIter iter;
      gpointer seq;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      name->covers = -1;
      if (held == NULL)
        {
          /* Tried last, so perhaps never: if it does not check, the ledger says so now. */
          if (!record_if_not_genuine (self, name, cancellable, error))
            return FALSE;
          continue;
        }
      name->covers = 0;
      g_hash_table_iter_init (&iter, held);
      while (g_hash_table_iter_next (&iter, NULL, &seq))
        name->covers += *(gint64 *)seq;
    }
  g_ptr_array_sort (names, compare_most_covering_first);
  return TRUE;
}

gboolean
_ed_sync_onboard (EdSync        *self,
                  char         **out_loaded,
                  GCancellable  *cancellable,
                  GError       **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  g_autoptr(GPtrArray) names = NULL;
  gboolean empty = FALSE;

  if (out_loaded != NULL)
    *out_loaded = NULL;
  if (!holds_no_ops (database, &empty, error))
    return FALSE;
  if (!empty)
    return TRUE;
  names = list_snapshots (self, cancellable, error);
  if (names == NULL || !order_for_onboarding (self, names, cancellable, error))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      SnapshotName *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf (ED_SHARE_SNAPSHOTS "/%s", name->name);
      g_autoptr(GBytes) file = NULL;
      g_autoptr(EdBundleHeader) header = NULL;
      g_autoptr(GError) failure = NULL;
      EdTeamDesk *desk;
      EdTeamKey *key;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      file = ed_transport_read (self->transport, path, cancellable, &failure);
      if (file != NULL)
        header = ed_bundle_read_header (file, &failure);
      if (header != NULL)
        {
          desk = g_hash_table_lookup (self->desks, header->device);
          key = g_hash_table_lookup (self->team_keys, GUINT_TO_POINTER (header->epoch));
          if (header->kind != ED_BUNDLE_KIND_SNAPSHOT ||
              g_strcmp0 (header->device, name->device) != 0 ||
              g_strcmp0 (header->team, self->team->team) != 0 ||
              g_strcmp0 (header->district, self->team->district) != 0)
            bad_snapshot (&failure, path, _("expected a snapshot of this team’s district by "
                                            "the desk its name gives"));
          else if (desk == NULL || desk->state != ED_DESK_MEMBER)
            bad_snapshot (&failure, path, _("expected it to be written by a desk of the "
                                            "team"));
          else if (key == NULL)
            g_set_error (&failure, ED_BUNDLE_ERROR, ED_BUNDLE_ERROR_INCOMPLETE,
                         _("%s is not a snapshot this desk can load yet: it does not hold "
                           "the team key it was sealed with"), path);
          else if (load_file (self, path, file, key, desk, &failure))
            {
              if (out_loaded != NULL)
                *out_loaded = g_steal_pointer (&path);
              return TRUE;
            }
          /* This desk's own database failing is not the snapshot's fault. */
          if (failure != NULL && failure->domain != ED_SYNC_ERROR &&
              failure->domain != ED_BUNDLE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&failure));
              return FALSE;
            }
        }
      if (failure == NULL)
        bad_snapshot (&failure, path, _("it could not be read"));
      if (!record_failure (self, name, path, failure, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _ed_sync_snapshot_held:
 * @self: a desk's sync
 *
 * Returns: (transfer full) (element-type utf8 gint64): the version vector of the snapshot this
 *   desk last wrote or loaded; empty when none
 */
GHashTable *
_ed_sync_snapshot_held (EdSync *self)
{
  g_autofree char *text = ed_sync_state_get (ed_context_get_database (self->context),
                                             "snapshot-held", NULL);
  GHashTable *held = text != NULL ? ed_sync_held_from_json (text) : NULL;

  return held != NULL ? held : ed_sync_held_from_json ("{}");
}

/**
 * _ed_sync_check_onboarding:
 * @self: a desk's sync, its acks read
 * @acks: (element-type utf8 EdSyncAck): each desk's newest ack
 * @error: return location for an error of this desk's own
 *
 * After a desk has loaded a snapshot, compares its state hash with that of a peer whose ack
 * covers the very same changes (SYNC.md §4.7 Onboarding step 4). When they differ, the desk
 * built from the snapshot does not hold what its peers hold: an integrity alarm is raised for
 * a person. Until a peer acknowledges the same changes, the check waits.
 *
 * Returns: whether the check could be made or left waiting
 */
gboolean
_ed_sync_check_onboarding (EdSync      *self,
                           GHashTable  *acks,
                           GError     **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  g_autofree char *check = ed_sync_state_get (database, "onboard-check", NULL);
  g_autoptr(GHashTable) held = NULL;
  g_autofree char *held_text = NULL;
  g_autofree char *own_hash = NULL;
  GHashTableIter iter;
  gpointer value;

  if (g_strcmp0 (check, "pending") != 0)
    return TRUE;
  held = ed_sync_version_vector (database, error);
  if (held == NULL)
    return FALSE;
  held_text = ed_sync_held_to_json (held);

  g_hash_table_iter_init (&iter, acks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EdSyncAck *ack = value;
      g_autofree char *ack_held = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *received = NULL;
      g_autofree char *snapshot = NULL;
      sqlite3_stmt *stmt;

      if (g_strcmp0 (ack->device, self->device) == 0)
        continue;
      ack_held = ed_sync_held_to_json (ack->held);
      if (g_strcmp0 (ack_held, held_text) != 0)
        continue;
      if (own_hash == NULL)
        {
          own_hash = ed_state_hash (ED_REPLICA (self->context), FALSE, error);
          if (own_hash == NULL)
            return FALSE;
        }
      if (g_strcmp0 (own_hash, ack->state_hash) == 0)
        return ed_sync_state_set (database, "onboard-check", "passed", error);

      stmt = ed_database_cached (database,
                                 "INSERT INTO integrity_alarm (device, seq, received_ms, "
                                 "stored, received) VALUES (?1, 0, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      snapshot = ed_sync_state_get (database, "snapshot-path", NULL);
      stored = g_strdup_printf (_("This desk, built from snapshot %s, has state hash %s"),
                                snapshot != NULL ? snapshot : "", own_hash);
      received = g_strdup_printf (_("Desk %s holds the same changes with state hash %s: the "
                                    "snapshot did not give this desk what its peers hold. "
                                    "Set this desk up again from the bundles, and tell the "
                                    "district’s administrator"), ack->device, ack->state_hash);
      sqlite3_bind_text (stmt, 1, ack->device, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, _ed_sync_now (self));
      sqlite3_bind_text (stmt, 3, stored, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, received, -1, SQLITE_TRANSIENT);
      return ed_database_step_reset (database, stmt, error) &&
             ed_sync_state_set (database, "onboard-check", "failed", error);
    }
  return TRUE;
}

static gboolean
remove_own_older_snapshots (EdSync        *self,
                            const char    *newest,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) names = list_snapshots (self, cancellable, error);

  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      SnapshotName *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf (ED_SHARE_SNAPSHOTS "/%s", name->name);

      /* Best effort: one left behind only holds back the removal of bundles. */
      if (g_strcmp0 (name->device, self->device) == 0 && g_strcmp0 (path, newest) != 0)
        ed_transport_remove (self->transport, path, cancellable, NULL);
    }
  return TRUE;
}

/* Reads no further than the first line of a snapshot's body. */
typedef struct
{
  GString  *line;
  gboolean  complete;
} FirstLine;

static gboolean
first_line_cb (const guint8  *data,
               gsize          length,
               gpointer       user_data,
               GError       **error)
{
  FirstLine *first = user_data;
  const guint8 *end = memchr (data, '\n', length);

  g_string_append_len (first->line, (const char *)data, end != NULL ? end - data : (gssize)length);
  if (end == NULL)
    return TRUE;
  first->complete = TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "first line read");
  return FALSE;
}

/* What the snapshot @name covers, from the first line of its body (signed and sealed like the
 * rest, so it is checked before it is believed); kept in sync_state by name, as a file on
 * the share never changes under its name. %NULL when it cannot be read. */
static char *
covered_by (EdSync        *self,
            SnapshotName  *name,
            GCancellable  *cancellable,
            GError       **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  g_autofree char *key = g_strdup_printf ("snapshot-covers:%s", name->name);
  g_autofree char *known = ed_sync_state_get (database, key, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(EdBundleHeader) header = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  FirstLine first = { line, FALSE };
  JsonNode *held;
  EdTeamDesk *desk;
  EdTeamKey *team_key;
  char *text;

  if (known != NULL)
    return g_steal_pointer (&known);
  path = g_strdup_printf (ED_SHARE_SNAPSHOTS "/%s", name->name);
  file = ed_transport_read (self->transport, path, cancellable, NULL);
  if (file == NULL || (header = ed_bundle_read_header (file, NULL)) == NULL ||
      header->kind != ED_BUNDLE_KIND_SNAPSHOT ||
      g_strcmp0 (header->device, name->device) != 0 ||
      g_strcmp0 (header->team, self->team->team) != 0 ||
      (desk = g_hash_table_lookup (self->desks, header->device)) == NULL ||
      (team_key = g_hash_table_lookup (self->team_keys,
                                       GUINT_TO_POINTER (header->epoch))) == NULL)
    return NULL;
  ed_bundle_open_chunks (file, team_key, desk->sign_public, first_line_cb, &first, NULL);
  if (!first.complete)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, line->str, (gssize)line->len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  held = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "held");
  if (held == NULL || !JSON_NODE_HOLDS_OBJECT (held))
    return NULL;
  text = json_to_string (held, FALSE);
  if (!ed_sync_state_set (database, key, text, error))
    {
      g_free (text);
      return NULL;
    }
  return text;
}

/**
 * _ed_sync_snapshots_cover:
 * @self: a desk's sync, its roster read
 * @device: a desk
 * @out_seq: (out): the last of @device's ops that every snapshot on the share covers; 0 when
 *   there is no snapshot, or one that cannot be read
 * @cancellable: (nullable): to stop
 * @error: return location for an error of this desk's own
 *
 * A new desk starts from any snapshot on the share (the newest that checks), so a bundle may
 * go only once every one of them covers it. Snapshots written later cover it anyway: their
 * writers had acknowledged it before it could go.
 *
 * Returns: whether it could be worked out
 */
gboolean
_ed_sync_snapshots_cover (EdSync        *self,
                          const char    *device,
                          gint64        *out_seq,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) names = list_snapshots (self, cancellable, error);
  gint64 min = G_MAXINT64;

  *out_seq = 0;
  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      SnapshotName *name = g_ptr_array_index (names, i);
      EdTeamDesk *desk = g_hash_table_lookup (self->desks, name->device);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GHashTable) held = NULL;

      /* A new desk never starts from a snapshot of a desk that is not a member (one taken
       * out of the team cannot replace its own): it holds nothing back. */
      if (desk == NULL || desk->state != ED_DESK_MEMBER)
        continue;
      text = covered_by (self, name, cancellable, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      held = text != NULL ? ed_sync_held_from_json (text) : NULL;
      if (held == NULL)
        return TRUE;
      min = MIN (min, ed_sync_held_get (held, device));
    }
  *out_seq = min == G_MAXINT64 ? 0 : min;
  return TRUE;
}
