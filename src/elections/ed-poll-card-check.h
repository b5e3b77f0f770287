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
 * EdCardLeftOut:
 * @ED_CARD_LEFT_OUT_NOT_YET_REGISTERED: a pending addition, not in the register until its
 *   notice is published (DOMAIN.md §1.4)
 * @ED_CARD_LEFT_OUT_FRANCHISE: the franchise does not reach the poll (an overseas elector at a
 *   local poll, DOMAIN.md §1.2), or the marker cannot be read
 * @ED_CARD_LEFT_OUT_UNDER_AGE: an attainer under the poll's voting age on polling day
 * @ED_CARD_LEFT_OUT_NO_CONTEST: the polling district votes in none of the contested areas
 * @ED_CARD_LEFT_OUT_NO_CARDS_REQUESTED: the only poll the elector votes at sends no cards (a
 *   Welsh community poll whose council did not ask for them)
 *
 * Why an entry of the register is sent no card, as the check counts them.
 */
typedef enum
{
  ED_CARD_LEFT_OUT_NOT_YET_REGISTERED,
  ED_CARD_LEFT_OUT_FRANCHISE,
  ED_CARD_LEFT_OUT_UNDER_AGE,
  ED_CARD_LEFT_OUT_NO_CONTEST,
  ED_CARD_LEFT_OUT_NO_CARDS_REQUESTED,
  ED_N_CARD_LEFT_OUT,
} EdCardLeftOut;

/**
 * EdPollCardCheckStation:
 * @code: the station's code, or "" for cards with no station
 * @place_name: its place
 * @cards: the cards of each variant (#EdPollCardVariant) that name it
 * @left_out: the entries its addresses hold that get no card, pending additions aside
 * @plan_electors: its electors in the polling plan (pending additions aside, as there), or 0
 *   when the plan does not know it
 * @plan_postal: of those, the postal voters
 */
typedef struct
{
  char    *code;
  char    *place_name;
  guint64  cards[ED_N_POLL_CARD_VARIANTS];
  guint64  left_out;
  guint64  plan_electors;
  guint64  plan_postal;
} EdPollCardCheckStation;

/**
 * EdPollCardCheck:
 * @items: (element-type EdPollCardCheckItem): the findings, errors first
 * @n_errors: how many errors were found; more than the error items when a kind of finding
 *   had more than %ED_POLL_CARD_CHECK_MAX_LISTED, whose rest one item sums up
 * @n_warnings: how many warnings were found, likewise
 * @cards: the cards of each variant
 * @stations: (element-type EdPollCardCheckStation): the cards per station, by code: every
 *   station with cards or electors in the plan, then the cards with no station, if any
 * @left_out: the entries sent no card, by #EdCardLeftOut
 * @entries: the entries of the register read
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
  guint64    left_out[ED_N_CARD_LEFT_OUT];
  guint64    entries;
} EdPollCardCheck;

/* Findings of one kind listed one by one before the rest are summed up in one item. */
#define ED_POLL_CARD_CHECK_MAX_LISTED 50

/**
 * ED_POLL_CARD_CHECK_ERROR:
 *
 * Error domain of ed_poll_card_check_gate().
 */
#define ED_POLL_CARD_CHECK_ERROR (ed_poll_card_check_error_quark ())

/**
 * EdPollCardCheckError:
 * @ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS: the check found errors and no one overrode them
 */
typedef enum
{
  ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS,
} EdPollCardCheckError;

GQuark           ed_poll_card_check_error_quark (void);

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
gboolean         ed_poll_card_check_gate   (EdContext            *context,
                                            EdElection           *election,
                                            const char           *override_reason,
                                            GCancellable         *cancellable,
                                            EdPollCardCheck     **out_check,
                                            GError              **error);
void             ed_poll_card_check_free   (EdPollCardCheck      *check);

const char      *ed_card_left_out_to_string (EdCardLeftOut        reason);
const char      *ed_card_left_out_describe  (EdCardLeftOut        reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCardCheck, ed_poll_card_check_free)

G_END_DECLS
