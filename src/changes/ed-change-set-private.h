/* ed-change-set-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-change-set.h"

G_BEGIN_DECLS

gboolean _ed_change_set_adopt_unlogged_rows (EdReplica  *replica,
                                             GError    **error);

G_END_DECLS
