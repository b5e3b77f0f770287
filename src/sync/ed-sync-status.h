/* ed-sync-status.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"

G_BEGIN_DECLS

/**
 * EdSyncDeskStatus:
 * @device: the desk's device id
 * @user: the person at it
 * @host: the computer's name
 * @state: member, asking to join, or removed
 * @fingerprint: (nullable): its signing key's fingerprint, to compare by voice
 * @this_desk: whether it is the desk reading
 * @last_contact_ms: when its changes last arrived here, by this desk's clock; 0 if never
 *   (and always 0 for this desk)
 * @skew_ms: how far its clock was ahead of this desk's when they did
 *   (see #EdPeerClock.ahead_ms)
 * @skewed: whether that is enough to put right (ed_peer_clock_is_skewed())
 *
 * One desk of the team as this desk sees it.
 */
typedef struct
{
  char        *device;
  char        *user;
  char        *host;
  EdDeskState  state;
  char        *fingerprint;
  gboolean     this_desk;
  gint64       last_contact_ms;
  gint64       skew_ms;
  gboolean     skewed;
} EdSyncDeskStatus;

/**
 * EdSyncStatus:
 * @set_up: whether this desk belongs to a sync team; when it does not, only the counts of
 *   conflicts and validation items are filled in
 * @share_kind: a folder or a WebDAV server
 * @share_location: the folder's path or the server's address
 * @last_sync_ms: when a sync last ran to its end; 0 if never
 * @last_attempt_ms: when a sync was last tried; 0 if never
 * @last_error: what stopped the last attempt, or "" when it ran to its end
 * @has_last_run: whether @last_run holds what the last completed sync did
 * @last_run: what it did
 * @exported_seq: the last of this desk's own ops written to the share
 * @desks: (element-type EdSyncDeskStatus): the team, in the order the desks joined
 * @files_not_applied: (element-type EdSyncFileRecord): files on the share that were not
 *   applied (incomplete, damaged or refused), oldest first
 * @alarms: (element-type EdIntegrityAlarm): integrity alarms, oldest first
 * @n_conflicts: open conflicts
 * @n_validation_items: items for a person to fix
 *
 * Where this desk's sync stands, read in one go, for the Sync page and `sync status`.
 */
typedef struct
{
  gboolean      set_up;
  EdShareKind   share_kind;
  char         *share_location;
  gint64        last_sync_ms;
  gint64        last_attempt_ms;
  char         *last_error;
  gboolean      has_last_run;
  EdSyncReport  last_run;
  gint64        exported_seq;
  GPtrArray    *desks;
  GPtrArray    *files_not_applied;
  GPtrArray    *alarms;
  guint         n_conflicts;
  guint         n_validation_items;
} EdSyncStatus;

void          ed_sync_desk_status_free  (EdSyncDeskStatus    *desk);
void          ed_sync_status_free       (EdSyncStatus        *status);
EdSyncStatus *ed_sync_status_load       (EdContext           *context,
                                         GError             **error);
GPtrArray    *ed_sync_status_load_desks (EdContext           *context,
                                         GError             **error);
gboolean      ed_sync_last_run_save     (EdDatabase          *database,
                                         const EdSyncReport  *report,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSyncDeskStatus, ed_sync_desk_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSyncStatus, ed_sync_status_free)

G_END_DECLS
