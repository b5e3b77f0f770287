/* ed-elections-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/ed-module-page.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTIONS_PAGE (ed_elections_page_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionsPage, ed_elections_page, ED, ELECTIONS_PAGE, EdModulePage)

const char *ed_elections_page_get_selected (EdElectionsPage *self);
void        ed_elections_page_select       (EdElectionsPage *self,
                                            const char      *election_id);

G_END_DECLS
