/* ed-place-editor.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_PLACE_EDITOR (ed_place_editor_get_type ())

G_DECLARE_FINAL_TYPE (EdPlaceEditor, ed_place_editor, ED, PLACE_EDITOR, AdwWindow)

EdPlaceEditor *ed_place_editor_new                   (GtkWindow      *parent,
                                                      EdContext      *context,
                                                      const char     *place_id);
gboolean       ed_place_editor_save                  (EdPlaceEditor  *self,
                                                      GError        **error);
gboolean       ed_place_editor_has_unsaved_changes   (EdPlaceEditor  *self);
const char    *ed_place_editor_get_place_id          (EdPlaceEditor  *self);

G_END_DECLS
