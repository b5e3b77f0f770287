/* ed-module-pages.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * EdModulePageInfo:
 * @id: the module's id in the module list (src/ed-modules.c)
 * @icon_name: the sidebar's icon
 * @get_type: (nullable): the page's type, an #EdModulePage; %NULL for a module not built yet
 * @not_built: (nullable): for a module not built yet, what its page will hold, marked with N_()
 *
 * The window's half of a module's row: the module list lives in libed-core, which has no
 * widgets, so the pages are found here by the same id.
 */
typedef struct
{
  const char *id;
  const char *icon_name;
  GType     (*get_type) (void);
  const char *not_built;
} EdModulePageInfo;

const EdModulePageInfo *ed_module_pages_get_all (void);
const EdModulePageInfo *ed_module_pages_lookup  (const EdModulePageInfo *pages,
                                                 const char             *id);

G_END_DECLS
