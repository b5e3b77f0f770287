/* ed-sync-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/ed-module-page.h"

G_BEGIN_DECLS

#define ED_TYPE_SYNC_PAGE (ed_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (EdSyncPage, ed_sync_page, ED, SYNC_PAGE, EdModulePage)

void ed_sync_page_reload (EdSyncPage *self);

G_END_DECLS
