/* ed-staff-removal-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_STAFF_REMOVAL_DIALOG (ed_staff_removal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdStaffRemovalDialog, ed_staff_removal_dialog, ED, STAFF_REMOVAL_DIALOG,
                      AdwWindow)

EdStaffRemovalDialog *ed_staff_removal_dialog_new (GtkWindow *parent,
                                                   EdContext *context);

G_END_DECLS
