/* ed-text-cell.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ED_TYPE_TEXT_CELL (ed_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (EdTextCell, ed_text_cell, ED, TEXT_CELL, GtkWidget)

GtkWidget  *ed_text_cell_new                  (void);
void        ed_text_cell_set_text             (EdTextCell *self,
                                               const char *text);
const char *ed_text_cell_get_text             (EdTextCell *self);
void        ed_text_cell_set_row_label        (EdTextCell *self,
                                               const char *label);
void        ed_text_cell_set_align_end        (EdTextCell *self,
                                               gboolean    align_end);
void        ed_text_cell_set_tooltip_when_cut (EdTextCell *self,
                                               gboolean    tooltip_when_cut);

G_END_DECLS
