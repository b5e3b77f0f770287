/* ed-poll-card-check-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the pre-print check's files share: the state of one run of the check as it reads the
 * register, and the steps each file does for it. */

#pragma once

#include "elections/ed-election-roll.h"
#include "elections/ed-poll-card-check.h"
#include "stations/ed-station-plan.h"

G_BEGIN_DECLS

/* The in-person cards of one polling district no rule gives a station. */
typedef struct
{
  guint64  cards;
  char    *first_number;
} EdPollCardUnserved;

typedef struct
{
  EdPollCardCheck *check;
  EdElectionRoll  *roll;
  EdStationPlan   *plan;
  const char      *welsh_letter;
  /* One row per roll station, then one for cards with no station. */
  GPtrArray       *by_station;
  /* For each roll station, the index of the same station in the plan, or -1. */
  gint            *plan_index;
  /* For each plan station, the polling districts its rules cover (row ids). */
  GHashTable     **serves;
  /* Polling district row id → 1 + the plan station that serves it whole (the lowest code). */
  GHashTable      *whole_district;
  /* For each plan station, the in-person cards of addresses it serves but the roll cannot
   * place, because the station's place is not in the places table. */
  guint64         *placeless_cards;
  /* For each roll station (and none), its entries with a postal vote or a postal proxy,
   * counted as the plan counts its postal voters: whether their vote has ended or not. */
  guint64         *postal_entries;
  GHashTable      *card_ids;
  GHashTable      *card_numbers;
  GHashTable      *people;
  GHashTable      *code_counts;
  GHashTable      *unserved;
  guint64          pending_deletions;
  char            *first_pending_deletion;
  guint64          unaddressed_cards;
  char            *first_unaddressed;
  EdProgressFunc   progress;
  gpointer         progress_data;
  gint64           total;
} EdPollCardChecker;

/* ed-poll-card-check.c: the run and the report's rows. */
gboolean _ed_poll_card_check_is_blank          (const char                *text);
void     _ed_poll_card_check_station_free      (EdPollCardCheckStation    *station);

/* ed-poll-card-check-entry.c: each entry of the register and its card. */
gboolean _ed_poll_card_check_entry             (EdElectionRoll            *roll,
                                                const EdRollEntry         *entry,
                                                gpointer                   user_data,
                                                GError                   **error);

/* ed-poll-card-check-plan.c: the polling plan, what it expects and the cards against it. */
void     _ed_poll_card_check_read_plan         (EdPollCardChecker         *checker);
void     _ed_poll_card_check_clear_plan        (EdPollCardChecker         *checker);
void     _ed_poll_card_check_plan_for_entry    (EdPollCardChecker         *checker,
                                                const EdRollEntry         *entry,
                                                const char               **out_district_id,
                                                const char               **out_district_code,
                                                gint                      *out_station);
void     _ed_poll_card_check_station           (EdPollCardChecker         *checker,
                                                const EdRollEntry         *entry,
                                                const char                *number,
                                                const char                *district_id,
                                                const char                *district_code,
                                                gint                       plan_station);
void     _ed_poll_card_check_stations          (EdPollCardChecker         *checker);
void     _ed_poll_card_check_counts            (EdPollCardChecker         *checker);

/* ed-poll-card-check-report.c: the findings and the report put in order. */
void     _ed_poll_card_check_add_item          (EdPollCardChecker         *checker,
                                                EdCheckSeverity            severity,
                                                const char                *code,
                                                const char                *elector_number,
                                                const char                *station_code,
                                                char                      *message);
void     _ed_poll_card_check_report_unserved   (EdPollCardChecker         *checker);
void     _ed_poll_card_check_finish            (EdPollCardChecker         *checker);

G_END_DECLS
