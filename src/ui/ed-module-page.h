/* ed-module-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_MODULE_PAGE (ed_module_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (EdModulePage, ed_module_page, ED, MODULE_PAGE, AdwBin)

/**
 * EdModulePageClass:
 * @set_context: called when the window opens a district, or closes it (%NULL)
 * @reload: called when the district changed under the page (a sync brought in other desks'
 *   edits): the page shows the district afresh, keeping what the person was doing
 *
 * The base of every module's page: its own header bar, a back button when the window is
 * narrow, and the module's content below.
 */
struct _EdModulePageClass
{
  AdwBinClass parent_class;

  void (*set_context) (EdModulePage *self,
                       EdContext    *context);
  void (*reload)      (EdModulePage *self);
};

EdModulePage *ed_module_page_new_not_built  (const char   *title,
                                             const char   *icon_name,
                                             const char   *description);
const char   *ed_module_page_get_title      (EdModulePage *self);
const char   *ed_module_page_get_icon_name  (EdModulePage *self);
void          ed_module_page_set_content    (EdModulePage *self,
                                             GtkWidget    *content);
void          ed_module_page_set_context    (EdModulePage *self,
                                             EdContext    *context);
void          ed_module_page_reload         (EdModulePage *self);
AdwHeaderBar *ed_module_page_get_header_bar (EdModulePage *self);
void          ed_module_page_set_title_widget (EdModulePage *self,
                                               GtkWidget    *widget);

G_END_DECLS
