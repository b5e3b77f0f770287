/* ed-poll-card-print.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "elections/ed-election.h"
#include "register/ed-register-voters.h"

G_BEGIN_DECLS

#define ED_POLL_CARD_ERROR (ed_poll_card_error_quark ())

/**
 * EdPollCardError:
 * @ED_POLL_CARD_ERROR_CHECK_FAILED: the pre-print check found errors and no one gave a
 *   reason to print over them
 * @ED_POLL_CARD_ERROR_NO_CARDS: no elector of the election gets a card
 */
typedef enum
{
  ED_POLL_CARD_ERROR_CHECK_FAILED,
  ED_POLL_CARD_ERROR_NO_CARDS,
} EdPollCardError;

GQuark ed_poll_card_error_quark (void);

/**
 * EdPollCardPrintOptions:
 * @layout: one card to an A6 page, or four to an A4 sheet
 * @order: the order the cards come in
 * @proof: %TRUE for proofs, marked PROOF on every side and not checked first
 * @override_reason: (nullable): why a final print goes ahead over the check's errors, or
 *   %NULL (or "") to refuse it then
 */
typedef struct
{
  EdPollCardLayout  layout;
  EdPollCardOrder   order;
  gboolean          proof;
  const char       *override_reason;
} EdPollCardPrintOptions;

void     ed_poll_card_print_options_init (EdPollCardPrintOptions        *options);

gboolean ed_poll_cards_write_pdf         (EdContext                     *context,
                                          EdElection                    *election,
                                          const char                    *path,
                                          const EdPollCardPrintOptions  *options,
                                          EdProgressFunc                 progress,
                                          gpointer                       progress_data,
                                          GCancellable                  *cancellable,
                                          guint64                       *out_n_cards,
                                          GError                       **error);
EdJob   *ed_poll_cards_write_pdf_async   (EdContext                     *context,
                                          EdElection                    *election,
                                          const char                    *path,
                                          const EdPollCardPrintOptions  *options,
                                          GCancellable                  *cancellable,
                                          GAsyncReadyCallback            callback,
                                          gpointer                       user_data);
gboolean ed_poll_cards_write_pdf_finish  (EdJob                         *job,
                                          GAsyncResult                  *result,
                                          guint64                       *out_n_cards,
                                          GError                       **error);

EdVoterOrder ed_poll_card_order_to_voter_order (EdPollCardOrder order);

G_END_DECLS
