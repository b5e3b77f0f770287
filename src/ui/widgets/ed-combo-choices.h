/* ed-combo-choices.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void ed_combo_row_show_choices_in_full (AdwComboRow *row);

G_END_DECLS
