/* ed-account-entry-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_ENTRY_DIALOG (ed_account_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountEntryDialog, ed_account_entry_dialog, ED, ACCOUNT_ENTRY_DIALOG,
                      AdwWindow)

EdAccountEntryDialog *ed_account_entry_dialog_new       (GtkWindow           *parent,
                                                         EdContext           *context,
                                                         const char * const  *poll_ids,
                                                         const char * const  *poll_titles,
                                                         const char          *checked_poll);
void                  ed_account_entry_dialog_set_head  (EdAccountEntryDialog *self,
                                                         EdCostHead            head);
const char           *ed_account_entry_dialog_get_error (EdAccountEntryDialog *self);

G_END_DECLS
