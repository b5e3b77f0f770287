/* ed-sync-job.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-sync.h"

G_BEGIN_DECLS

EdJob    *ed_sync_run_async  (EdContext            *context,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
gboolean  ed_sync_run_finish (EdJob                *job,
                              GAsyncResult         *result,
                              EdSyncReport         *out_report,
                              GError              **error);
gboolean  ed_sync_run_now    (EdContext            *context,
                              EdSyncReport         *out_report,
                              GCancellable         *cancellable,
                              GError              **error);

G_END_DECLS
