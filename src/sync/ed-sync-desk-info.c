/* ed-sync-desk-info.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/ed-sync-crypto.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-error.h"
#include "sync/ed-sync-tables.h"

/* One lookup in op_log's primary key (device, seq): it costs the same on a district of ten
 * ops as on one of ten million. */
static const char own_seq_sql[] =
  "SELECT coalesce (max (seq), 0) FROM op_log WHERE device = ?1";

static const char desk_sql[] =
  "SELECT user, host, state, sign_public, box_public FROM sync_desk WHERE device = ?1";

static gboolean
first_int_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

/**
 * ed_sync_get_own_seq:
 * @context: a district
 * @error: return location for an error
 *
 * The sequence number of this desk's newest op: it grows with every edit made here, and with
 * nothing another desk sends, so a change in it means this desk has edited.
 *
 * Returns: the number, 0 before the first edit, or -1 with @error set
 */
gint64
ed_sync_get_own_seq (EdContext  *context,
                     GError    **error)
{
  EdDatabase *database;
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), -1);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, own_seq_sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, ed_context_get_device_id (context), -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, first_int_cb, &seq, error))
    return -1;
  return seq;
}

/**
 * ed_sync_has_unexported:
 * @context: a district that syncs
 * @error: return location for an error
 *
 * Returns: whether this desk has edits not written to the share yet; %FALSE with @error set
 *   if that cannot be read
 */
gboolean
ed_sync_has_unexported (EdContext  *context,
                        GError    **error)
{
  gint64 own;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);

  own = ed_sync_get_own_seq (context, error);
  if (own < 0)
    return FALSE;
  return own > ed_sync_state_get_int (ed_context_get_database (context), "exported-seq", 0);
}

typedef struct
{
  EdTeamDesk *desk;
  gboolean    readable;
} DeskRow;

static gboolean
desk_row_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  DeskRow *row = user_data;
  EdTeamDesk *desk = row->desk;
  const char *state = (const char *)sqlite3_column_text (stmt, 2);

  desk->user = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  desk->host = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  for (EdDeskState s = ED_DESK_MEMBER; s <= ED_DESK_REVOKED; s++)
    if (g_strcmp0 (state, ed_desk_state_to_string (s)) == 0)
      desk->state = s;
  row->readable =
    ed_sync_base64_decode_exact ((const char *)sqlite3_column_text (stmt, 3), desk->sign_public,
                                 ED_SIGN_PUBLIC_BYTES) &&
    ed_sync_base64_decode_exact ((const char *)sqlite3_column_text (stmt, 4), desk->box_public,
                                 ED_BOX_PUBLIC_BYTES);
  return FALSE;
}

/**
 * ed_sync_lookup_desk:
 * @context: a district that syncs
 * @device: a desk's device id
 * @error: return location for an error: %ED_SYNC_ERROR_NOT_A_MEMBER if the team's roster, as
 *   this desk last read it, has no such desk
 *
 * One desk of the team as this desk last read the roster: who asked, from which computer,
 * and its keys, whose fingerprint a person compares before approving it.
 *
 * Returns: (transfer full): the desk, or %NULL with @error set
 */
EdTeamDesk *
ed_sync_lookup_desk (EdContext   *context,
                     const char  *device,
                     GError     **error)
{
  g_autoptr(EdTeamDesk) desk = g_new0 (EdTeamDesk, 1);
  EdDatabase *database;
  sqlite3_stmt *stmt;
  DeskRow row = { desk, FALSE };

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (device != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, desk_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, desk_row_cb, &row, error))
    return NULL;
  if (desk->user == NULL)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER,
                   _("No desk %s has asked to join the team"), device);
      return NULL;
    }
  if (!row.readable)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_BAD_FILE,
                   _("The keys this desk keeps for desk %s cannot be read: sync again to read "
                     "the team’s roster afresh"), device);
      return NULL;
    }
  desk->device = g_strdup (device);
  return g_steal_pointer (&desk);
}

/**
 * ed_sync_get_own_fingerprint:
 * @context: a district
 * @error: return location for an error
 *
 * This desk's fingerprint (ed_sync_fingerprint()), which a person reads out to a desk of the
 * team that approves it.
 *
 * Returns: (transfer full): the fingerprint, or %NULL with @error set
 */
char *
ed_sync_get_own_fingerprint (EdContext  *context,
                             GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr(EdDeskKeys) keys = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  path = ed_sync_desk_keys_path (ed_context_get_device_id (context));
  keys = ed_desk_keys_load (path, error);
  if (keys == NULL)
    return NULL;
  return ed_sync_fingerprint (keys->sign_public);
}
