/* ed-station-editor.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_STATION_EDITOR (ed_station_editor_get_type ())

G_DECLARE_FINAL_TYPE (EdStationEditor, ed_station_editor, ED, STATION_EDITOR, AdwWindow)

EdStationEditor *ed_station_editor_new                 (GtkWindow        *parent,
                                                        EdContext        *context,
                                                        const char       *place_id,
                                                        const char       *station_id);
gboolean         ed_station_editor_save                (EdStationEditor  *self,
                                                        GError          **error);
gboolean         ed_station_editor_has_unsaved_changes (EdStationEditor  *self);

G_END_DECLS
