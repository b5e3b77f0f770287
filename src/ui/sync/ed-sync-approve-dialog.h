/* ed-sync-approve-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_SYNC_APPROVE_DIALOG (ed_sync_approve_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdSyncApproveDialog, ed_sync_approve_dialog, ED, SYNC_APPROVE_DIALOG,
                      AdwMessageDialog)

EdSyncApproveDialog *ed_sync_approve_dialog_new (GtkWindow   *parent,
                                                 EdContext   *context,
                                                 const char  *device,
                                                 GError     **error);

G_END_DECLS
