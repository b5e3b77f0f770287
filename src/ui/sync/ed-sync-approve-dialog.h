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

GtkWidget *ed_sync_approve_dialog_new (GtkWindow   *parent,
                                       EdContext   *context,
                                       const char  *device,
                                       GError     **error);

G_END_DECLS
