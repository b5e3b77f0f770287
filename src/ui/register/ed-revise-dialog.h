/* ed-revise-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_REVISE_DIALOG (ed_revise_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdReviseDialog, ed_revise_dialog, ED, REVISE_DIALOG, AdwWindow)

EdReviseDialog *ed_revise_dialog_new        (GtkWindow      *parent,
                                             EdContext      *context,
                                             const char     *output_folder);
void            ed_revise_dialog_set_today  (EdReviseDialog *self,
                                             const GDate    *today);
gboolean        ed_revise_dialog_is_running (EdReviseDialog *self);

G_END_DECLS
