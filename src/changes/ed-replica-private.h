/* ed-replica-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"
#include "changes/ed-op-store-private.h"
#include "changes/ed-write-check-private.h"

G_BEGIN_DECLS

/* Persists the clock after a change set or merge has used it (inside its transaction). */
gboolean      _ed_replica_save_hlc        (EdReplica  *self,
                                           GError    **error);
gboolean      _ed_replica_merged          (EdReplica  *self,
                                           GError    **error);

EdOpStore    *_ed_replica_get_op_store    (EdReplica  *self);
EdWriteCheck *_ed_replica_get_write_check (EdReplica  *self);

G_END_DECLS
