/* ed-elector-edit-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-change-set.h"
#include "register/ed-elector-edit.h"

G_BEGIN_DECLS

/* The steps of an addition and a deletion inside a change set the caller commits, so that a
 * move (ed-elector-move.c) is one of each in one transaction. */
gboolean _ed_elector_edit_add_in              (EdChangeSet          *change_set,
                                               EdContext            *context,
                                               const EdElectorEdit  *edit,
                                               const GDate          *day,
                                               char                **out_id,
                                               char                **out_property,
                                               char                **out_district,
                                               EdElectorNumber      *out_number,
                                               GError              **error);
gboolean _ed_elector_delete_in                (EdChangeSet          *change_set,
                                               EdContext            *context,
                                               const EdElectorEdit  *stored,
                                               EdDeletionReason      reason,
                                               const char           *detail,
                                               const GDate          *day,
                                               GError              **error);
gboolean _ed_elector_refuse_pending_deletion  (const EdElectorEdit  *stored,
                                               GError              **error);
GPtrArray *_ed_elector_edit_validate_move     (EdContext            *context,
                                               const EdElectorEdit  *edit,
                                               const EdElectorEdit  *stored,
                                               const GDate          *today);

G_END_DECLS
