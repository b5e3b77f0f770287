/* ed-person-editor.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_PERSON_EDITOR (ed_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (EdPersonEditor, ed_person_editor, ED, PERSON_EDITOR, AdwWindow)

EdPersonEditor *ed_person_editor_new                (GtkWindow       *parent,
                                                     EdContext       *context,
                                                     const char      *person_id,
                                                     const char      *election_id);
const char     *ed_person_editor_get_person_id      (EdPersonEditor  *self);
gboolean        ed_person_editor_has_unsaved_changes (EdPersonEditor *self);
gboolean        ed_person_editor_save               (EdPersonEditor  *self,
                                                     GError         **error);
void            ed_person_editor_add_training       (EdPersonEditor  *self);

G_END_DECLS
