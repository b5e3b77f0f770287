/* ed-merge.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"
#include "changes/ed-op.h"

G_BEGIN_DECLS

typedef struct
{
  guint applied;      /* ops new to this desk */
  guint duplicates;   /* ops it had already: ignored, as they should be */
} EdMergeStats;

/**
 * EdMergeAlsoFunc:
 * @replica: the district, inside the batch's transaction
 * @stats: what the batch did
 * @user_data: the data given with it
 * @error: return location for an error
 *
 * Returns: %FALSE with @error set to roll the batch back
 */
typedef gboolean (*EdMergeAlsoFunc) (EdReplica     *replica,
                                     EdMergeStats  *stats,
                                     gpointer       user_data,
                                     GError       **error);

char      *ed_merge_get_district_id (EdReplica  *replica,
                                     GError    **error);
gboolean   ed_merge_apply   (EdReplica     *replica,
                             const char    *district,
                             GPtrArray     *ops,
                             EdMergeStats  *out_stats,
                             GError       **error);
gboolean   ed_merge_apply_full (EdReplica       *replica,
                                const char      *district,
                                GPtrArray       *ops,
                                EdMergeAlsoFunc  also,
                                gpointer         also_data,
                                EdMergeStats    *out_stats,
                                GError         **error);
GPtrArray *ed_merge_export  (EdReplica     *replica,
                             GHashTable    *since,
                             GError       **error);
GPtrArray *ed_merge_export_device (EdReplica     *replica,
                                   const char    *device,
                                   gint64         after_seq,
                                   guint          limit,
                                   GError       **error);
GPtrArray *ed_merge_list_clock_warnings (EdReplica  *replica,
                                         GError    **error);

G_END_DECLS
