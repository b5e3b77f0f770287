/* ed-district-switcher.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_DISTRICT_SWITCHER (ed_district_switcher_get_type ())

G_DECLARE_FINAL_TYPE (EdDistrictSwitcher, ed_district_switcher, ED, DISTRICT_SWITCHER, AdwBin)

void ed_district_switcher_set_district (EdDistrictSwitcher *self,
                                        const char         *council_name,
                                        const char         *path);
void ed_district_switcher_set_recent   (EdDistrictSwitcher *self,
                                        GPtrArray          *recent);

G_END_DECLS
