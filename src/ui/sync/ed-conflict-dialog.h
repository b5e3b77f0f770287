/* ed-conflict-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_CONFLICT_DIALOG (ed_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdConflictDialog, ed_conflict_dialog, ED, CONFLICT_DIALOG, AdwWindow)

EdConflictDialog *ed_conflict_dialog_new (GtkWindow  *parent,
                                          EdContext  *context,
                                          const char *conflict_id,
                                          GPtrArray  *desks);

G_END_DECLS
