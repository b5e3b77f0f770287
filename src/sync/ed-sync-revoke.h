/* ed-sync-revoke.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-sync.h"

G_BEGIN_DECLS

gboolean ed_sync_revoke                    (EdSync        *self,
                                            const char    *device,
                                            const char    *new_passphrase,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* For ed-sync.c's join. */
guint    _ed_sync_newest_share_epoch       (EdTransport   *transport,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean _ed_sync_check_join_passphrase    (EdTransport   *transport,
                                            guint          epoch,
                                            GCancellable  *cancellable,
                                            GError       **error);
void     _ed_sync_explain_wrong_passphrase (EdTransport   *transport,
                                            guint          epoch,
                                            const char    *passphrase,
                                            GCancellable  *cancellable,
                                            GError       **error);

gboolean _ed_sync_seal_missing_keys        (EdSync        *self,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
