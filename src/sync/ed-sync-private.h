/* ed-sync-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"

G_BEGIN_DECLS

/* What the parts of the sync engine kept in their own files (revocation, acknowledgements,
 * snapshots, the removal of old bundles) share with ed-sync.c. Not for use outside src/sync. */

struct _EdSync
{
  GObject       parent_instance;

  EdContext    *context;
  EdTransport  *transport;
  char         *device;
  EdDeskKeys   *keys;
  GHashTable   *team_keys;   /* epoch → EdTeamKey */
  EdTeamFile   *team;        /* as this desk joined it */
  char         *incarnation;
  GHashTable   *desks;       /* device → EdTeamDesk, from the last read of the roster */
  char         *stored_desks; /* what sync_desk was last written from, to skip writing it again */
  GHashTable   *roster_read;  /* roster file path → RosterFile, as desks was worked out from */
  guint         roster_keys;  /* how many team keys this desk held then */
  EdClockFunc   clock;       /* when files are retried: the wall clock, or a test's */
  gpointer      clock_data;
};

gboolean _ed_sync_write_whole        (EdTransport       *transport,
                                      const char        *path,
                                      GBytes            *contents,
                                      GCancellable      *cancellable,
                                      GError           **error);
gboolean _ed_sync_write_roster_entry (EdTransport       *transport,
                                      EdRosterEntry     *entry,
                                      const EdDeskKeys  *signer,
                                      const EdTeamKey   *proof_key,
                                      GCancellable      *cancellable,
                                      GError           **error);
gboolean _ed_sync_check_team         (EdSync            *self,
                                      GCancellable      *cancellable,
                                      GError           **error);
gboolean _ed_sync_refresh_team       (EdSync            *self,
                                      GCancellable      *cancellable,
                                      GError           **error);
gboolean _ed_sync_check_member       (EdSync            *self,
                                      GError           **error);
guint    _ed_sync_newest_epoch       (EdSync            *self);
gint64   _ed_sync_now                (EdSync            *self);

gboolean _ed_sync_run_upkeep         (EdSync            *self,
                                      EdSyncReport      *report,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
