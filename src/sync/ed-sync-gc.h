/* ed-sync-gc.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-sync.h"

G_BEGIN_DECLS

/* How long a desk keeps its own bundles on the share after a snapshot covers them and every
 * member has acknowledged them (SYNC.md §4.7 GC): a desk offline longer than this re-onboards
 * from a snapshot. */
#define ED_SYNC_GC_AGE_MS ((gint64)30 * 24 * 60 * 60 * 1000)

gboolean ed_sync_gc                (EdSync        *self,
                                    guint         *out_removed,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean _ed_sync_snapshot_is_due  (EdSync        *self,
                                    gboolean      *out_due,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
