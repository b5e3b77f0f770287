/* ed-elector-undo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdElectorSnapshot:
 *
 * One entry in the register as it was just before an officer changed it (or the fact that it
 * did not exist yet), with the alterations then waiting for the next notice: what an Undo
 * puts back.
 */
typedef struct _EdElectorSnapshot EdElectorSnapshot;

EdElectorSnapshot *ed_elector_snapshot_take    (EdContext          *context,
                                                const char         *elector_id,
                                                GError            **error);
EdElectorSnapshot *ed_elector_snapshot_absent  (const char         *elector_id);
void               ed_elector_snapshot_set_id  (EdElectorSnapshot  *snapshot,
                                                const char         *elector_id);
const char        *ed_elector_snapshot_get_id  (EdElectorSnapshot  *snapshot);
gboolean           ed_elector_snapshot_restore (EdContext          *context,
                                                EdElectorSnapshot  *snapshot,
                                                GError            **error);
void               ed_elector_snapshot_free    (EdElectorSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElectorSnapshot, ed_elector_snapshot_free)

G_END_DECLS
