/* ed-sync-indicator.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * EdSyncIndicatorState:
 * @ED_SYNC_INDICATOR_SYNCED: the last sync ran to its end (or none has run yet)
 * @ED_SYNC_INDICATOR_SYNCING: a sync is under way
 * @ED_SYNC_INDICATOR_FAILED: the last sync failed
 * @ED_SYNC_INDICATOR_CONFLICTS: synced, with conflicts for a person to settle
 * @ED_SYNC_INDICATOR_WAITING: this desk asked to join its team and waits for a desk of the
 *   team to approve it
 *
 * What the header bar's sync button shows.
 */
typedef enum
{
  ED_SYNC_INDICATOR_SYNCED,
  ED_SYNC_INDICATOR_SYNCING,
  ED_SYNC_INDICATOR_FAILED,
  ED_SYNC_INDICATOR_CONFLICTS,
  ED_SYNC_INDICATOR_WAITING,
} EdSyncIndicatorState;

#define ED_TYPE_SYNC_INDICATOR (ed_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (EdSyncIndicator, ed_sync_indicator, ED, SYNC_INDICATOR, GtkButton)

void                 ed_sync_indicator_update    (EdSyncIndicator *self,
                                                  gboolean         running,
                                                  gboolean         waiting,
                                                  const char      *error,
                                                  gint64           last_sync_ms,
                                                  guint            n_conflicts);
EdSyncIndicatorState ed_sync_indicator_get_state (EdSyncIndicator *self);
char                *ed_sync_indicator_describe_age (gint64        last_sync_ms,
                                                     gint64        now_ms);

G_END_DECLS
