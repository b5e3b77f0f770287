/* ed-state-hash.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"

G_BEGIN_DECLS

char *ed_state_hash (EdReplica  *replica,
                     gboolean    with_heads,
                     GError    **error);

G_END_DECLS
