/* ed-stations-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/ed-module-page.h"

G_BEGIN_DECLS

#define ED_TYPE_STATIONS_PAGE (ed_stations_page_get_type ())

G_DECLARE_FINAL_TYPE (EdStationsPage, ed_stations_page, ED, STATIONS_PAGE, EdModulePage)

G_END_DECLS
