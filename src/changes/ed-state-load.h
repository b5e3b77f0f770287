/* ed-state-load.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"

G_BEGIN_DECLS

/**
 * EdStateLoadFunc:
 * @replica: the district, inside the load's transaction
 * @user_data: the data given to ed_replica_load_state()
 * @error: return location for an error
 *
 * Writes the rows of a whole state: the op log, the merge's own tables and the synced
 * tables' rows, as another desk held them.
 *
 * Returns: %FALSE with @error set to roll the whole load back
 */
typedef gboolean (*EdStateLoadFunc) (EdReplica  *replica,
                                     gpointer    user_data,
                                     GError    **error);

gboolean ed_replica_load_state (EdReplica        *replica,
                                EdStateLoadFunc   load,
                                gpointer          user_data,
                                GError          **error);

G_END_DECLS
