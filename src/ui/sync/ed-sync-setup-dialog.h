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

/**
 * EdSyncSetupOpenFunc:
 * @path: the district file that the team's district has come into
 * @error: return location for why it cannot be opened: %G_IO_ERROR_PENDING if the district
 *   has not come in yet
 *
 * Returns: whether the district was opened
 */
typedef gboolean (*EdSyncSetupOpenFunc) (const char  *path,
                                         gpointer     user_data,
                                         GError     **error);

EdSyncSetupDialog *ed_sync_setup_dialog_new         (GtkWindow              *parent,
                                                     EdContext              *context);
EdSyncSetupDialog *ed_sync_setup_dialog_new_join    (GtkWindow              *parent,
                                                     const char             *path,
                                                     const EdModule * const *modules,
                                                     EdSyncSetupOpenFunc     open_func,
                                                     gpointer                user_data);
EdSyncSetupDialog *ed_sync_setup_dialog_new_waiting (GtkWindow              *parent,
                                                     EdContext              *context,
                                                     EdSyncSetupOpenFunc     open_func,
                                                     gpointer                user_data);
const char        *ed_sync_setup_dialog_get_path    (EdSyncSetupDialog      *self);

G_END_DECLS
