/* ed-sync-desk-info.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-sync-team.h"

G_BEGIN_DECLS

/* What the window asks of sync between runs, read from the district on the calling thread:
 * cheap enough to call from a timer. */

gint64      ed_sync_get_own_seq          (EdContext   *context,
                                          GError     **error);
gboolean    ed_sync_has_unexported       (EdContext   *context,
                                          GError     **error);
EdTeamDesk *ed_sync_lookup_desk          (EdContext   *context,
                                          const char  *device,
                                          GError     **error);
char       *ed_sync_get_own_fingerprint  (EdContext   *context,
                                          GError     **error);

G_END_DECLS
