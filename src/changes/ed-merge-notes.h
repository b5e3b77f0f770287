/* ed-merge-notes.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"

G_BEGIN_DECLS

/**
 * EdPeerClock:
 * @device: another desk
 * @max_hlc: the latest clock of its ops seen here
 * @ahead_ms: how far its clock was ahead of this desk's when its latest op arrived (negative
 *   when the op was older than this desk's clock, which an op made a while ago always is)
 * @last_seen_ms: when, by this desk's clock, its ops last arrived
 *
 * What merging noted of another desk's clock.
 */
typedef struct
{
  char   *device;
  gint64  max_hlc;
  gint64  ahead_ms;
  gint64  last_seen_ms;
} EdPeerClock;

/**
 * EdIntegrityAlarm:
 * @device: the desk whose op it was
 * @seq: the op's number on that desk
 * @received_ms: when the different copy arrived
 * @about_state: (nullable): for an alarm about the desk's whole state rather than one op
 *   (@seq 0: a desk built from a snapshot whose state differs from a peer's that holds the
 *   same changes), what was found, in words
 *
 * An op that arrived with different content from the op of the same id held here: never
 * applied, always shown (SYNC.md §4.4). Or, with @seq 0, a state that is not its peers'.
 */
typedef struct
{
  char   *device;
  gint64  seq;
  gint64  received_ms;
  char   *about_state;
} EdIntegrityAlarm;

void       ed_peer_clock_free        (EdPeerClock       *clock);
void       ed_integrity_alarm_free   (EdIntegrityAlarm  *alarm);
gboolean   ed_peer_clock_is_skewed   (const EdPeerClock *clock);
GPtrArray *ed_merge_list_peer_clocks (EdReplica         *replica,
                                      GError           **error);
GPtrArray *ed_merge_list_alarms      (EdReplica         *replica,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPeerClock, ed_peer_clock_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdIntegrityAlarm, ed_integrity_alarm_free)

G_END_DECLS
