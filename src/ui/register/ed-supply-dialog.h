/* ed-supply-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_SUPPLY_DIALOG (ed_supply_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdSupplyDialog, ed_supply_dialog, ED, SUPPLY_DIALOG, AdwWindow)

EdSupplyDialog *ed_supply_dialog_new               (GtkWindow      *parent,
                                                    EdContext      *context);
void            ed_supply_dialog_record_and_export (EdSupplyDialog *self,
                                                    GFile          *file);
gboolean        ed_supply_dialog_is_running        (EdSupplyDialog *self);

G_END_DECLS
