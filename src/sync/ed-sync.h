/* ed-sync.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-sync-error.h"
#include "sync/ed-transport.h"

G_BEGIN_DECLS

/* Sync through a shared folder (SYNC.md §4.5–4.8): a desk exports its own ops as sealed
 * bundles into its own folder on the share, and ingests every other desk's, each bundle read
 * whole and checked before any of it is applied, in one transaction with the ledger that
 * keeps it from being applied twice. */

/* At most this many ops in one bundle: a long history (a new district's import) goes in
 * several, each a few megabytes. */
#define ED_SYNC_OPS_PER_BUNDLE 10000

/**
 * EdSyncReport:
 * @n_exported: ops written to the share
 * @n_bundles_written: bundles written
 * @n_files_read: sealed files read from the share (those skipped unread not counted)
 * @n_applied: ops new to this desk
 * @n_duplicate_files: files whose every op was here already
 * @n_incomplete: files cut short or still arriving
 * @n_corrupt: files damaged or not genuine
 * @n_refused: files refused (another team's or district's, or a revoked desk's)
 * @from_snapshot: this desk, new, started from the team's snapshot (SYNC.md §4.7)
 *
 * What one sync did.
 */
typedef struct
{
  guint64 n_exported;
  guint   n_bundles_written;
  guint   n_files_read;
  guint64 n_applied;
  guint   n_duplicate_files;
  guint   n_incomplete;
  guint   n_corrupt;
  guint   n_refused;
  gboolean from_snapshot;
} EdSyncReport;

#define ED_TYPE_SYNC (ed_sync_get_type ())

G_DECLARE_FINAL_TYPE (EdSync, ed_sync, ED, SYNC, GObject)

gboolean     ed_sync_create_team      (EdContext     *context,
                                       EdTransport   *transport,
                                       const char    *passphrase,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_join             (EdContext     *context,
                                       EdTransport   *transport,
                                       const char    *passphrase,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_request_join     (EdContext     *context,
                                       EdTransport   *transport,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_is_set_up        (EdContext     *context);
gboolean     ed_sync_is_awaiting_approval (EdContext  *context);
gboolean     ed_sync_peek_is_set_up   (const char    *path);

EdSync      *ed_sync_new              (EdContext     *context,
                                       EdTransport   *transport,
                                       GError       **error);
EdTransport *ed_sync_get_transport    (EdSync        *self);
void         ed_sync_set_clock        (EdSync        *self,
                                       EdClockFunc    clock,
                                       gpointer       clock_data);
gboolean     ed_sync_export           (EdSync        *self,
                                       EdSyncReport  *report,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_ingest           (EdSync        *self,
                                       EdSyncReport  *report,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_refresh_team     (EdSync        *self,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_approve          (EdSync        *self,
                                       const char    *device,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_approve_shown    (EdSync        *self,
                                       const char    *device,
                                       const guint8  *shown_sign_public,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean     ed_sync_run              (EdSync        *self,
                                       EdSyncReport  *report,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
