/* ed-sync-scheduler.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "sync/ed-sync.h"

G_BEGIN_DECLS

/* The default intervals (SYNC.md §4.5, §4.9): export once the desk has been still for ten
 * seconds, read the share every minute, look for new edits every second. */
#define ED_SYNC_SCHEDULER_IDLE_DELAY_MS 10000
#define ED_SYNC_SCHEDULER_INGEST_INTERVAL_MS 60000
#define ED_SYNC_SCHEDULER_EDIT_CHECK_MS 1000

#define ED_TYPE_SYNC_SCHEDULER (ed_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (EdSyncScheduler, ed_sync_scheduler, ED, SYNC_SCHEDULER, GObject)

EdSyncScheduler *ed_sync_scheduler_new             (EdContext        *context);
EdContext       *ed_sync_scheduler_get_context     (EdSyncScheduler  *self);
void             ed_sync_scheduler_run_now         (EdSyncScheduler  *self);
void             ed_sync_scheduler_stop            (EdSyncScheduler  *self);
gboolean         ed_sync_scheduler_get_running     (EdSyncScheduler  *self);
guint            ed_sync_scheduler_get_n_runs      (EdSyncScheduler  *self);
gint64           ed_sync_scheduler_get_last_sync_ms (EdSyncScheduler *self);
const char      *ed_sync_scheduler_get_last_error  (EdSyncScheduler  *self);
guint            ed_sync_scheduler_get_n_conflicts (EdSyncScheduler  *self);
gboolean         ed_sync_scheduler_needs_flush     (EdSyncScheduler  *self);
void             ed_sync_scheduler_flush_async     (EdSyncScheduler  *self,
                                                    guint             timeout_ms,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
gboolean         ed_sync_scheduler_flush_finish    (EdSyncScheduler  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

G_END_DECLS
