/* ed-sync-setup-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

/* A team passphrase has at least this many characters. Anyone who can read the shared folder
 * holds the passphrase-wrapped team key and can try guesses against it at leisure; Argon2id
 * makes each guess cost about a second, and twelve characters put a guessable phrase out of
 * reach where eight would not. */
#define ED_SYNC_PASSPHRASE_MIN_CHARS 12

#define ED_TYPE_SYNC_SETUP_DIALOG (ed_sync_setup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdSyncSetupDialog, ed_sync_setup_dialog, ED, SYNC_SETUP_DIALOG, AdwWindow)

EdSyncSetupDialog *ed_sync_setup_dialog_new (GtkWindow *parent,
                                             EdContext *context);

G_END_DECLS
