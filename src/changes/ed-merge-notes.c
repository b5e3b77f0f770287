/* ed-merge-notes.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-hlc.h"
#include "changes/ed-merge-notes.h"

/* What merging noticed for a person to see (SYNC.md §4.4): other desks' clocks as their ops
 * arrived, and ops that came twice with different content. */

static const char peer_clocks_sql[] =
  "SELECT device, max_hlc, ahead_ms, last_seen_ms FROM peer_clock ORDER BY device";
static const char alarms_sql[] =
  "SELECT device, seq, received_ms, stored, received FROM integrity_alarm "
  "ORDER BY received_ms, device, seq";

void
ed_peer_clock_free (EdPeerClock *clock)
{
  if (clock == NULL)
    return;
  g_free (clock->device);
  g_free (clock);
}

void
ed_integrity_alarm_free (EdIntegrityAlarm *alarm)
{
  if (alarm == NULL)
    return;
  g_free (alarm->device);
  g_free (alarm->about_state);
  g_free (alarm);
}

/**
 * ed_peer_clock_is_skewed:
 * @clock: another desk's clock
 *
 * Only a clock ahead can be told from ops: an op made an hour ago and synced now looks an
 * hour behind whatever the clock of the desk that made it, so "behind" is never flagged.
 *
 * Returns: whether its clock is far enough ahead to show a person (%ED_HLC_SKEW_FLAG_MS)
 */
gboolean
ed_peer_clock_is_skewed (const EdPeerClock *clock)
{
  g_return_val_if_fail (clock != NULL, FALSE);

  return clock->ahead_ms > ED_HLC_SKEW_FLAG_MS;
}

static gboolean
add_peer_clock_cb (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  EdPeerClock *clock = g_new0 (EdPeerClock, 1);

  clock->device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  clock->max_hlc = sqlite3_column_int64 (stmt, 1);
  clock->ahead_ms = sqlite3_column_int64 (stmt, 2);
  clock->last_seen_ms = sqlite3_column_int64 (stmt, 3);
  g_ptr_array_add (user_data, clock);
  return TRUE;
}

/**
 * ed_merge_list_peer_clocks:
 * @replica: a desk
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPeerClock): every other desk whose ops have
 *   arrived here, by device id
 */
GPtrArray *
ed_merge_list_peer_clocks (EdReplica  *replica,
                           GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  g_autoptr(GPtrArray) clocks = g_ptr_array_new_with_free_func (
    (GDestroyNotify)ed_peer_clock_free);
  sqlite3_stmt *stmt = ed_database_cached (database, peer_clocks_sql, error);

  if (stmt == NULL || !ed_database_step_rows (database, stmt, add_peer_clock_cb, clocks, error))
    return NULL;
  return g_steal_pointer (&clocks);
}

static gboolean
add_alarm_cb (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  EdIntegrityAlarm *alarm = g_new0 (EdIntegrityAlarm, 1);

  alarm->device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  alarm->seq = sqlite3_column_int64 (stmt, 1);
  alarm->received_ms = sqlite3_column_int64 (stmt, 2);
  /* An op's alarm keeps both copies as JSON, for the record; a state's, sentences. */
  if (alarm->seq == 0)
    alarm->about_state = g_strdup_printf ("%s. %s.", sqlite3_column_text (stmt, 3),
                                          sqlite3_column_text (stmt, 4));
  g_ptr_array_add (user_data, alarm);
  return TRUE;
}

/**
 * ed_merge_list_alarms:
 * @replica: a desk
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdIntegrityAlarm): the integrity alarms raised here,
 *   oldest first
 */
GPtrArray *
ed_merge_list_alarms (EdReplica  *replica,
                      GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  g_autoptr(GPtrArray) alarms = g_ptr_array_new_with_free_func (
    (GDestroyNotify)ed_integrity_alarm_free);
  sqlite3_stmt *stmt = ed_database_cached (database, alarms_sql, error);

  if (stmt == NULL || !ed_database_step_rows (database, stmt, add_alarm_cb, alarms, error))
    return NULL;
  return g_steal_pointer (&alarms);
}
