/* ed-list-placeholder.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ed_list_box_set_placeholder_text (GtkListBox *list,
                                       const char *text);

G_END_DECLS
