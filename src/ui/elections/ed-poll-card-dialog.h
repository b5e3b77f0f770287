/* ed-poll-card-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

#define ED_TYPE_POLL_CARD_DIALOG (ed_poll_card_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdPollCardDialog, ed_poll_card_dialog, ED, POLL_CARD_DIALOG, AdwWindow)

GtkWidget *ed_poll_card_dialog_new       (EdContext         *context,
                                          EdElection        *election);
gboolean   ed_poll_card_dialog_is_busy   (EdPollCardDialog  *self);
void       ed_poll_card_dialog_save_pdf  (EdPollCardDialog  *self,
                                          const char        *path);
void       ed_poll_card_dialog_save_data (EdPollCardDialog  *self,
                                          const char        *path);

G_END_DECLS
