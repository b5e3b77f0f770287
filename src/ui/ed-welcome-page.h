/* ed-welcome-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_WELCOME_PAGE (ed_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (EdWelcomePage, ed_welcome_page, ED, WELCOME_PAGE, AdwBin)

void ed_welcome_page_set_recent   (EdWelcomePage *self,
                                   GPtrArray     *recent);
void ed_welcome_page_set_busy     (EdWelcomePage *self,
                                   gboolean       busy);
void ed_welcome_page_set_progress (EdWelcomePage *self,
                                   double         fraction,
                                   const char    *text);

G_END_DECLS
