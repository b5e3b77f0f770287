/* ed-sync-snapshot.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-sync.h"

G_BEGIN_DECLS

/* When a sync run writes a snapshot by itself (SYNC.md §4.7): once this desk's bundles that no
 * snapshot of its own covers number more than this many, or weigh more than this many bytes,
 * or the newest snapshot on the share (or, before there is one, this desk's oldest bundle) is
 * older than this. */
#define ED_SYNC_SNAPSHOT_MAX_BUNDLES 500
#define ED_SYNC_SNAPSHOT_MAX_BYTES (50 * 1000 * 1000)
#define ED_SYNC_SNAPSHOT_MAX_AGE_MS ((gint64)7 * 24 * 60 * 60 * 1000)

gboolean    ed_sync_snapshot             (EdSync        *self,
                                          char         **out_path,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* For the rest of the engine (ed-sync.c, ed-sync-upkeep.c, ed-sync-gc.c). */
gboolean    _ed_sync_onboard             (EdSync        *self,
                                          char         **out_loaded,
                                          GCancellable  *cancellable,
                                          GError       **error);
GHashTable *_ed_sync_snapshot_held       (EdSync        *self);
gboolean    _ed_sync_newest_snapshot_ms  (EdSync        *self,
                                          gint64        *out_ms,
                                          GCancellable  *cancellable,
                                          GError       **error);
gboolean    _ed_sync_snapshots_cover     (EdSync        *self,
                                          const char    *device,
                                          gint64        *out_seq,
                                          GCancellable  *cancellable,
                                          GError       **error);
gboolean    _ed_sync_check_onboarding    (EdSync        *self,
                                          GHashTable    *acks,
                                          GError       **error);

G_END_DECLS
