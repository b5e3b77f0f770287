/* ed-poll-card-check.h
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

/**
 * EdCheckSeverity:
 * @ED_CHECK_ERROR: the cards must not be printed as they are
 * @ED_CHECK_WARNING: worth a look before printing
 */
typedef enum
{
  ED_CHECK_ERROR,
  ED_CHECK_WARNING,
} EdCheckSeverity;

/**
 * EdPollCardCheckItem:
 * @severity: how serious
 * @code: a stable name for the kind of finding: "no-station", "place-cancelled", …
 * @message: what is wrong and what to do, translated
 * @elector_number: (nullable): the elector number it concerns, as printed
 * @station_code: (nullable): the station it concerns
 */
typedef struct
{
  EdCheckSeverity  severity;
  char            *code;
  char            *message;
  char            *elector_number;
  char            *station_code;
} EdPollCardCheckItem;

/**
 * EdPollCardCheckStation:
 * @code: the station's code, or "" for cards with no station
 * @place_name: its place
 * @cards: the cards of each variant (#EdPollCardVariant) that name it
 */
typedef struct
{
  char    *code;
  char    *place_name;
  guint64  cards[ED_N_POLL_CARD_VARIANTS];
} EdPollCardCheckStation;

/**
 * EdPollCardCheck:
 * @items: (element-type EdPollCardCheckItem): the findings, errors first
 * @n_errors: how many are errors
 * @n_warnings: how many are warnings
 * @cards: the cards of each variant
 * @stations: (element-type EdPollCardCheckStation): the cards per station, by code
 *
 * The pre-print check of an election's poll cards (ed_poll_card_check_run()).
 */
typedef struct
{
  GPtrArray *items;
  guint      n_errors;
  guint      n_warnings;
  guint64    cards[ED_N_POLL_CARD_VARIANTS];
  GPtrArray *stations;
} EdPollCardCheck;

EdPollCardCheck *ed_poll_card_check_run    (EdContext            *context,
                                            EdElection           *election,
                                            EdProgressFunc        progress,
                                            gpointer              progress_data,
                                            GCancellable         *cancellable,
                                            GError              **error);
EdJob           *ed_poll_card_check_run_async  (EdContext            *context,
                                                EdElection           *election,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
EdPollCardCheck *ed_poll_card_check_run_finish (EdJob                *job,
                                                GAsyncResult         *result,
                                                GError              **error);
void             ed_poll_card_check_free   (EdPollCardCheck      *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCardCheck, ed_poll_card_check_free)

G_END_DECLS
