/* ed-elections-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

/* The synced columns of each table, in the order of its EdTableDef (0015-elections.sql). */
typedef enum
{
  ED_ELECTION_COL_KIND,
  ED_ELECTION_COL_COUNTRY,
  ED_ELECTION_COL_POLL_DATE,
  ED_ELECTION_COL_TITLE,
  ED_ELECTION_COL_SLUG,
  ED_ELECTION_COL_COMBINED_WITH,
  ED_ELECTION_COL_SECOND_INTERIM_DATE,
  ED_ELECTION_COL_COUNT_DATE,
  ED_ELECTION_COL_CARDS_REQUESTED,
  ED_ELECTION_COL_ELECTORATE_FIXED_ON,
  ED_ELECTION_COL_NOTES,
  ED_ELECTION_N_COLS,
} EdElectionColumn;

typedef enum
{
  ED_CONTEST_COL_ELECTION,
  ED_CONTEST_COL_AREA_KIND,
  ED_CONTEST_COL_AREA,
  ED_CONTEST_COL_NAME,
  ED_CONTEST_COL_SEATS,
  ED_CONTEST_COL_CONTESTED,
  ED_CONTEST_COL_SLUG,
  ED_CONTEST_COL_FIXED_ELECTORATE,
  ED_CONTEST_N_COLS,
} EdContestColumn;

typedef enum
{
  ED_TIMETABLE_TASK_COL_ELECTION,
  ED_TIMETABLE_TASK_COL_EVENT,
  ED_TIMETABLE_TASK_COL_ASSIGNEE,
  ED_TIMETABLE_TASK_COL_DONE_ON,
  ED_TIMETABLE_TASK_COL_NOTE,
  ED_TIMETABLE_TASK_N_COLS,
} EdTimetableTaskColumn;

typedef enum
{
  ED_EXTRA_DIES_NON_COL_DAY,
  ED_EXTRA_DIES_NON_COL_REASON,
  ED_EXTRA_DIES_NON_N_COLS,
} EdExtraDiesNonColumn;

typedef enum
{
  ED_POLL_CARD_RUN_COL_ELECTION,
  ED_POLL_CARD_RUN_COL_KIND,
  ED_POLL_CARD_RUN_COL_MADE_ON,
  ED_POLL_CARD_RUN_COL_LAYOUT,
  ED_POLL_CARD_RUN_COL_SORT_ORDER,
  ED_POLL_CARD_RUN_COL_CARDS,
  ED_POLL_CARD_RUN_COL_CHECK_ERRORS,
  ED_POLL_CARD_RUN_COL_OVERRIDE_REASON,
  ED_POLL_CARD_RUN_N_COLS,
} EdPollCardRunColumn;

#define ED_ELECTIONS_TITLE_MAX_CHARS 200
#define ED_ELECTIONS_TEXT_MAX_CHARS  20000
#define ED_ELECTIONS_MAX_SEATS       99

extern const EdTableDef ed_election_table;
extern const EdTableDef ed_contest_table;
extern const EdTableDef ed_timetable_task_table;
extern const EdTableDef ed_extra_dies_non_table;
extern const EdTableDef ed_poll_card_run_table;

void ed_elections_add_schema (EdSchema *schema);

G_END_DECLS
