/* ed-training-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_TRAINING_DIALOG (ed_training_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdTrainingDialog, ed_training_dialog, ED, TRAINING_DIALOG, AdwMessageDialog)

EdTrainingDialog *ed_training_dialog_new (GtkWindow    *parent,
                                          EdContext    *context,
                                          const char   *person_id,
                                          const GArray *roles);

G_END_DECLS
