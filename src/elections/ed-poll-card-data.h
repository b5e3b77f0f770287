/* ed-poll-card-data.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

/* The most address lines a card's address block has in the data file: a name and six. */
#define ED_POLL_CARD_DATA_ADDRESS_LINES 7

gboolean ed_poll_cards_write_data        (EdContext            *context,
                                          EdElection           *election,
                                          const char           *path,
                                          EdPollCardOrder       order,
                                          EdProgressFunc        progress,
                                          gpointer              progress_data,
                                          GCancellable         *cancellable,
                                          guint64              *out_n_cards,
                                          GError              **error);
EdJob   *ed_poll_cards_write_data_async  (EdContext            *context,
                                          EdElection           *election,
                                          const char           *path,
                                          EdPollCardOrder       order,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean ed_poll_cards_write_data_finish (EdJob                *job,
                                          GAsyncResult         *result,
                                          guint64              *out_n_cards,
                                          GError              **error);

G_END_DECLS
