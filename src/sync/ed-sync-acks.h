/* ed-sync-acks.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "sync/ed-sync.h"

G_BEGIN_DECLS

/**
 * EdSyncAck:
 * @device: the desk that wrote it
 * @n: its number among that desk's acks
 * @hlc: that desk's clock when it wrote it
 * @held: (element-type utf8 gint64): its version vector: for each desk, the last seq up to
 *   which it held every op
 * @state_hash: its canonical state hash when it wrote it: ed_state_hash() of the visible rows
 *   and open conflicts, as `info` shows it (with every field's heads as well it would cost a
 *   minute a sync at 300,000 electors)
 *
 * A desk's signed acknowledgement of what it holds (acks/a-<device>-<n>.json).
 */
typedef struct
{
  char       *device;
  gint64      n;
  gint64      hlc;
  GHashTable *held;
  char       *state_hash;
} EdSyncAck;

void        ed_sync_ack_free         (EdSyncAck     *ack);
EdSyncAck  *ed_sync_ack_parse        (GBytes        *file,
                                      const char    *path,
                                      GHashTable    *desks,
                                      const char    *team,
                                      GError       **error);

GHashTable *ed_sync_version_vector   (EdDatabase    *database,
                                      GError       **error);
gint64      ed_sync_held_get         (GHashTable    *held,
                                      const char    *device);
char       *ed_sync_held_to_json     (GHashTable    *held);
GHashTable *ed_sync_held_from_json   (const char    *text);
gboolean    ed_sync_held_covers      (GHashTable    *held,
                                      GHashTable    *other);

gboolean    ed_sync_write_ack        (EdSync        *self,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean    ed_sync_read_acks        (EdSync        *self,
                                      GHashTable   **out_acks,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean    ed_sync_acked_by_all     (EdSync        *self,
                                      const char    *device,
                                      gint64        *out_seq,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSyncAck, ed_sync_ack_free)

G_END_DECLS
