/* ed-preferences-window.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_PREFERENCES_WINDOW (ed_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EdPreferencesWindow, ed_preferences_window, ED, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

EdPreferencesWindow *ed_preferences_window_new (GtkWindow *parent,
                                                EdContext *context);

G_END_DECLS
