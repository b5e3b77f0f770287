/* ed-household-pane.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_HOUSEHOLD_PANE (ed_household_pane_get_type ())

G_DECLARE_FINAL_TYPE (EdHouseholdPane, ed_household_pane, ED, HOUSEHOLD_PANE, GtkBox)

GtkWidget *ed_household_pane_new              (void);
void       ed_household_pane_set_context      (EdHouseholdPane *self,
                                               EdContext       *context);
void       ed_household_pane_clear            (EdHouseholdPane *self);
void       ed_household_pane_show_property    (EdHouseholdPane *self,
                                               const char      *property_id);
void       ed_household_pane_show_no_address  (EdHouseholdPane *self);

G_END_DECLS
