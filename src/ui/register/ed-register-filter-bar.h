/* ed-register-filter-bar.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "district/ed-context.h"
#include "register/ed-register-search.h"

G_BEGIN_DECLS

#define ED_TYPE_REGISTER_FILTER_BAR (ed_register_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (EdRegisterFilterBar, ed_register_filter_bar, ED, REGISTER_FILTER_BAR, GtkBox)

GtkWidget *ed_register_filter_bar_new         (void);
void       ed_register_filter_bar_set_context (EdRegisterFilterBar *self,
                                               EdContext           *context);
void       ed_register_filter_bar_get_filter  (EdRegisterFilterBar *self,
                                               EdRegisterFilter    *filter);
void       ed_register_filter_bar_clear       (EdRegisterFilterBar *self);

G_END_DECLS
