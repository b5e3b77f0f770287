/* ed-move-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_MOVE_DIALOG (ed_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdMoveDialog, ed_move_dialog, ED, MOVE_DIALOG, AdwWindow)

EdMoveDialog *ed_move_dialog_new   (GtkWindow    *parent,
                                    EdContext    *context,
                                    const char   *elector_id,
                                    const GDate  *today);
gboolean      ed_move_dialog_move  (EdMoveDialog *self);

G_END_DECLS
