/* ed-staff-import-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "ui/ed-csv-import-dialog.h"

G_BEGIN_DECLS

#define ED_TYPE_STAFF_IMPORT_DIALOG (ed_staff_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdStaffImportDialog, ed_staff_import_dialog, ED, STAFF_IMPORT_DIALOG,
                      EdCsvImportDialog)

EdStaffImportDialog *ed_staff_import_dialog_new         (GtkWindow           *parent,
                                                         EdContext           *context);
void                 ed_staff_import_dialog_import_file (EdStaffImportDialog *self,
                                                         GFile               *file);
gboolean             ed_staff_import_dialog_is_running  (EdStaffImportDialog *self);

G_END_DECLS
