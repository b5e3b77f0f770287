/* ed-elector-editor.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "register/ed-elector-undo.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTOR_EDITOR (ed_elector_editor_get_type ())

G_DECLARE_FINAL_TYPE (EdElectorEditor, ed_elector_editor, ED, ELECTOR_EDITOR, AdwWindow)

EdElectorEditor *ed_elector_editor_new            (GtkWindow       *parent,
                                                   EdContext       *context,
                                                   const char      *elector_id,
                                                   const char      *property_id);
void             ed_elector_editor_set_today      (EdElectorEditor *self,
                                                   const GDate     *today);
gboolean         ed_elector_editor_save           (EdElectorEditor *self,
                                                   GError         **error);
gboolean         ed_elector_editor_has_unsaved_changes (EdElectorEditor *self);
EdElectorSnapshot *ed_elector_editor_take_undo    (EdElectorEditor *self);
const char      *ed_elector_editor_get_done_message (EdElectorEditor *self);
gboolean         ed_elector_editor_ask_delete     (EdElectorEditor *self);

G_END_DECLS
