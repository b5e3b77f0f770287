/* ed-sync-upkeep.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-gc.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"

/* What a sync run does after its export and ingest, when it falls due (SYNC.md §4.7), in this
 * order: this desk's acknowledgement when it sent or brought in anything (or has none on the
 * share yet); the other desks' acknowledgements read, and with them the check of a desk built
 * from a snapshot; a snapshot when one is due; then this desk's own old bundles removed. */

/**
 * _ed_sync_run_upkeep:
 * @self: a member desk's sync, its export and ingest done
 * @report: what the run did so far
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Returns: whether the upkeep that was due was done
 */
gboolean
_ed_sync_run_upkeep (EdSync        *self,
                     EdSyncReport  *report,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EdDatabase *database = ed_context_get_database (self->context);
  gboolean ack_due = report->n_exported > 0 || report->n_applied > 0 ||
                     ed_sync_state_get_int (database, "ack-n", 0) == 0;
  g_autoptr(GHashTable) acks = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean snapshot_due = FALSE;

  if (ack_due && !ed_sync_write_ack (self, cancellable, error))
    return FALSE;
  if (!ed_sync_read_acks (self, &acks, cancellable, error) ||
      !_ed_sync_check_onboarding (self, acks, error) ||
      !_ed_sync_snapshot_is_due (self, &snapshot_due, cancellable, error))
    return FALSE;
  if (snapshot_due && !ed_sync_snapshot (self, NULL, cancellable, &local_error))
    {
      /* A desk that does not hold the district yet leaves the snapshot to a later run. */
      if (!g_error_matches (local_error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return ed_sync_gc (self, NULL, cancellable, error);
}
