/* ed-new-election-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_NEW_ELECTION_DIALOG (ed_new_election_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdNewElectionDialog, ed_new_election_dialog, ED, NEW_ELECTION_DIALOG,
                      AdwWindow)

EdNewElectionDialog *ed_new_election_dialog_new (GtkWindow            *parent,
                                                 EdContext            *context);
gboolean             ed_new_election_dialog_add (EdNewElectionDialog  *self,
                                                 GError              **error);

G_END_DECLS
