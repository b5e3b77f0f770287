/* ed-screenful-model.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ed_screenful_set_model (GtkWidget          *view,
                             GtkSingleSelection *selection,
                             GListModel         *model);

G_END_DECLS
