/* ed-sync-status.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <json-glib/json-glib.h>

#include "changes/ed-conflicts.h"
#include "changes/ed-merge-notes.h"
#include "changes/ed-validate.h"
#include "sync/ed-sync-crypto.h"
#include "sync/ed-sync-status.h"
#include "sync/ed-sync-tables.h"

/* Where this desk's sync stands, as plain structs (SYNC.md §4.6): the one reading of the
 * sync tables, the ledger and what merging noted, so that the Sync page, `sync status` and
 * `sync desks` cannot tell a person different things. */

#define LAST_RUN_KEY "last-run"

static const char desks_sql[] =
  "SELECT device, user, host, state, sign_public FROM sync_desk ORDER BY joined_hlc, device";

void
ed_sync_desk_status_free (EdSyncDeskStatus *desk)
{
  if (desk == NULL)
    return;
  g_free (desk->device);
  g_free (desk->user);
  g_free (desk->host);
  g_free (desk->fingerprint);
  g_free (desk);
}

void
ed_sync_status_free (EdSyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->share_location);
  g_free (status->last_error);
  g_clear_pointer (&status->desks, g_ptr_array_unref);
  g_clear_pointer (&status->files_not_applied, g_ptr_array_unref);
  g_clear_pointer (&status->alarms, g_ptr_array_unref);
  g_free (status);
}

/* The members are those of `sync now --json`, so a script reads one shape. */
static const struct
{
  const char *member;
  gsize       offset;
  gboolean    wide;
} last_run_members[] = {
  { "exported_ops", G_STRUCT_OFFSET (EdSyncReport, n_exported), TRUE },
  { "bundles_written", G_STRUCT_OFFSET (EdSyncReport, n_bundles_written), FALSE },
  { "files_read", G_STRUCT_OFFSET (EdSyncReport, n_files_read), FALSE },
  { "applied_ops", G_STRUCT_OFFSET (EdSyncReport, n_applied), TRUE },
  { "duplicate_files", G_STRUCT_OFFSET (EdSyncReport, n_duplicate_files), FALSE },
  { "incomplete_files", G_STRUCT_OFFSET (EdSyncReport, n_incomplete), FALSE },
  { "corrupt_files", G_STRUCT_OFFSET (EdSyncReport, n_corrupt), FALSE },
  { "refused_files", G_STRUCT_OFFSET (EdSyncReport, n_refused), FALSE },
};

/**
 * ed_sync_last_run_save:
 * @database: a district that syncs
 * @report: what a sync that ran to its end did
 * @error: return location for an error
 *
 * Keeps @report in sync_state for the Sync page, which shows what the last sync did.
 */
gboolean
ed_sync_last_run_save (EdDatabase          *database,
                       const EdSyncReport  *report,
                       GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (last_run_members); i++)
    {
      const guint8 *field = (const guint8 *)report + last_run_members[i].offset;

      json_builder_set_member_name (builder, last_run_members[i].member);
      if (last_run_members[i].wide)
        json_builder_add_int_value (builder, (gint64)*(const guint64 *)field);
      else
        json_builder_add_int_value (builder, *(const guint *)field);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return ed_sync_state_set (database, LAST_RUN_KEY, text, error);
}

/* A report kept by an older build, or damaged, is as if none were kept: the page then shows
 * the time alone. */
static gboolean
last_run_load (EdDatabase   *database,
               EdSyncReport *out_report)
{
  g_autofree char *text = ed_sync_state_get (database, LAST_RUN_KEY, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  memset (out_report, 0, sizeof *out_report);
  if (text == NULL)
    return FALSE;
  root = json_from_string (text, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (last_run_members); i++)
    {
      guint8 *field = (guint8 *)out_report + last_run_members[i].offset;
      gint64 value = json_object_get_int_member_with_default (object,
                                                              last_run_members[i].member, 0);

      value = MAX (value, 0);
      if (last_run_members[i].wide)
        *(guint64 *)field = (guint64)value;
      else
        *(guint *)field = (guint)MIN (value, (gint64)G_MAXUINT);
    }
  return TRUE;
}

typedef struct
{
  GPtrArray  *desks;
  GHashTable *clocks;
  const char *own_device;
} DeskRows;

static gboolean
add_desk_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  DeskRows *rows = user_data;
  g_autoptr(EdSyncDeskStatus) desk = g_new0 (EdSyncDeskStatus, 1);
  const char *sign_public = (const char *)sqlite3_column_text (stmt, 4);
  guint8 key[ED_SIGN_PUBLIC_BYTES];
  const EdPeerClock *clock;

  desk->device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  desk->user = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  desk->host = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  if (!ed_desk_state_from_string ((const char *)sqlite3_column_text (stmt, 3), &desk->state))
    desk->state = ED_DESK_REVOKED;
  if (ed_sync_base64_decode_exact (sign_public, key, sizeof key))
    desk->fingerprint = ed_sync_fingerprint (key);
  desk->this_desk = g_strcmp0 (desk->device, rows->own_device) == 0;
  clock = g_hash_table_lookup (rows->clocks, desk->device);
  if (clock != NULL && !desk->this_desk)
    {
      desk->last_contact_ms = clock->last_seen_ms;
      desk->skew_ms = clock->ahead_ms;
      desk->skewed = ed_peer_clock_is_skewed (clock);
    }
  g_ptr_array_add (rows->desks, g_steal_pointer (&desk));
  return TRUE;
}

/**
 * ed_sync_status_load_desks:
 * @context: a district
 * @error: return location for an error
 *
 * The team's desks as this desk last verified the roster, with what it has seen of each
 * one's clock.
 *
 * Returns: (transfer full) (element-type EdSyncDeskStatus): the desks, in the order they
 *   joined; none for a desk that does not sync
 */
GPtrArray *
ed_sync_status_load_desks (EdContext  *context,
                           GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func (
    (GDestroyNotify)ed_sync_desk_status_free);
  g_autoptr(GPtrArray) clocks = NULL;
  g_autoptr(GHashTable) by_device = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  DeskRows rows;

  clocks = ed_merge_list_peer_clocks (ED_REPLICA (context), error);
  if (clocks == NULL)
    return NULL;
  for (guint i = 0; i < clocks->len; i++)
    {
      EdPeerClock *clock = g_ptr_array_index (clocks, i);

      g_hash_table_insert (by_device, clock->device, clock);
    }
  stmt = ed_database_cached (database, desks_sql, error);
  if (stmt == NULL)
    return NULL;
  rows.desks = desks;
  rows.clocks = by_device;
  rows.own_device = ed_context_get_device_id (context);
  if (!ed_database_step_rows (database, stmt, add_desk_cb, &rows, error))
    return NULL;
  return g_steal_pointer (&desks);
}

/**
 * ed_sync_status_load:
 * @context: a district
 * @error: return location for an error
 *
 * Reads where this desk's sync stands. Nothing is read from the share: this is what the
 * desk knows, and so it is quick enough to read whenever the page is shown.
 *
 * Returns: (transfer full): the status
 */
EdSyncStatus *
ed_sync_status_load (EdContext  *context,
                     GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(EdSyncStatus) status = g_new0 (EdSyncStatus, 1);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  conflicts = ed_conflicts_list (ED_REPLICA (context), error);
  if (conflicts == NULL)
    return NULL;
  status->n_conflicts = conflicts->len;
  items = ed_validate_list_items (ED_REPLICA (context), error);
  if (items == NULL)
    return NULL;
  status->n_validation_items = items->len;
  status->alarms = ed_merge_list_alarms (ED_REPLICA (context), error);
  if (status->alarms == NULL)
    return NULL;

  status->set_up = ed_sync_is_set_up (context);
  if (status->set_up)
    {
      g_autoptr(EdShareSettings) settings = NULL;
      g_autoptr(GError) local_error = NULL;

      /* A desk that joined a team but whose share settings were lost still syncs nowhere:
       * it shows as set up, with no share. */
      settings = ed_share_settings_load (context, &local_error);
      if (settings == NULL && !g_error_matches (local_error, ED_SYNC_ERROR,
                                                ED_SYNC_ERROR_NOT_SET_UP))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (settings != NULL)
        {
          status->share_kind = settings->kind;
          status->share_location = g_steal_pointer (&settings->location);
        }
    }
  if (status->share_location == NULL)
    status->share_location = g_strdup ("");

  status->last_sync_ms = ed_sync_state_get_int (database, "last-sync-ms", 0);
  status->last_attempt_ms = ed_sync_state_get_int (database, "last-attempt-ms", 0);
  status->last_error = ed_sync_state_get (database, "last-error", NULL);
  if (status->last_error == NULL)
    status->last_error = g_strdup ("");
  status->has_last_run = last_run_load (database, &status->last_run);
  status->exported_seq = ed_sync_state_get_int (database, "exported-seq", 0);

  status->desks = ed_sync_status_load_desks (context, error);
  if (status->desks == NULL)
    return NULL;
  status->files_not_applied = ed_sync_ledger_list_failing (database, error);
  if (status->files_not_applied == NULL)
    return NULL;
  return g_steal_pointer (&status);
}
