/* ed-folder-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_FOLDER_ROW (ed_folder_row_get_type ())

G_DECLARE_FINAL_TYPE (EdFolderRow, ed_folder_row, ED, FOLDER_ROW, AdwActionRow)

GtkWidget  *ed_folder_row_new        (const char  *chooser_title,
                                      const char  *button_description);
void        ed_folder_row_set_folder (EdFolderRow *self,
                                      const char  *folder);
const char *ed_folder_row_get_folder (EdFolderRow *self);

G_END_DECLS
