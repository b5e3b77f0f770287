/* ed-new-district-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_NEW_DISTRICT_DIALOG (ed_new_district_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdNewDistrictDialog, ed_new_district_dialog, ED, NEW_DISTRICT_DIALOG,
                      AdwWindow)

/**
 * EdNewDistrictCreateFunc:
 * @values: (element-type utf8 utf8): the settings as entered
 * @error: return location for why the district could not be created
 *
 * Returns: whether the district was created; on %FALSE the dialog stays open with its values
 */
typedef gboolean (*EdNewDistrictCreateFunc) (GHashTable  *values,
                                             gpointer     user_data,
                                             GError     **error);

EdNewDistrictDialog *ed_new_district_dialog_new (GtkWindow               *parent,
                                                 EdNewDistrictCreateFunc  create_func,
                                                 gpointer                 user_data);

G_END_DECLS
