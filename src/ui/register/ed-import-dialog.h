/* ed-import-dialog.h
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

#define ED_TYPE_IMPORT_DIALOG (ed_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdImportDialog, ed_import_dialog, ED, IMPORT_DIALOG, EdCsvImportDialog)

EdImportDialog *ed_import_dialog_new         (GtkWindow      *parent,
                                              EdContext      *context);
void            ed_import_dialog_import_file (EdImportDialog *self,
                                              GFile          *file);
gboolean        ed_import_dialog_is_running  (EdImportDialog *self);

G_END_DECLS
