/* ed-sync-upkeep.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-private.h"
#include "sync/ed-sync-tables.h"

/* What a sync run does after its export and ingest, when it falls due (SYNC.md §4.7): this
 * desk's acknowledgement when it sent or brought in anything (or has none on the share yet),
 * then the other desks' acknowledgements read. */

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

  if (ack_due && !ed_sync_write_ack (self, cancellable, error))
    return FALSE;
  return ed_sync_read_acks (self, NULL, cancellable, error);
}
