/* ed-poll-card-samples.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "elections/ed-poll-card.h"

G_BEGIN_DECLS

/**
 * EdPollCardSamples:
 * @roll: the roll the cards were made from; their stations and contests point into it
 * @setup: what the cards share
 * @cards: (array fixed-size=4): for each #EdPollCardVariant, the first card of that variant
 *   in street order, or %NULL when no elector gets one
 *
 * The first card of each variant of an election, for a person to look at before printing.
 */
typedef struct
{
  EdElectionRoll  *roll;
  EdPollCardSetup *setup;
  EdPollCard      *cards[ED_N_POLL_CARD_VARIANTS];
} EdPollCardSamples;

EdPollCardSamples *ed_poll_card_samples_find        (EdContext            *context,
                                                     EdElection           *election,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
EdJob             *ed_poll_card_samples_find_async  (EdContext            *context,
                                                     const char           *election_id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
EdPollCardSamples *ed_poll_card_samples_find_finish (EdJob                *job,
                                                     GAsyncResult         *result,
                                                     GError              **error);
guint              ed_poll_card_samples_count       (EdPollCardSamples    *samples);
void               ed_poll_card_samples_free        (EdPollCardSamples    *samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCardSamples, ed_poll_card_samples_free)

G_END_DECLS
