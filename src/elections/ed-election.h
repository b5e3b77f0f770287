/* ed-election.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "elections/ed-election-timetable.h"
#include "elections/ed-elections-vocab.h"

G_BEGIN_DECLS

/**
 * EdContest:
 * @id: its row id
 * @area_kind: what its area is
 * @area: the `electoral_area` or `parish` row id, the constituency's name, or "" for the
 *   whole district
 * @code: the area's code as people type it (the ward's or parish's code, the constituency)
 * @name: the area's name: "Mill Ward"
 * @seats: seats to fill
 * @contested: %FALSE when no more candidates stood than seats: no poll is held there
 * @slug: its Democracy Club style id: `local.ashmere-vale.mill-ward.2027-05-06`
 * @fixed_electorate: its electors when the electorate was fixed, or 0 before
 */
typedef struct
{
  char           *id;
  EdContestArea   area_kind;
  char           *area;
  char           *code;
  char           *name;
  guint           seats;
  gboolean        contested;
  char           *slug;
  gint64          fixed_electorate;
} EdContest;

/**
 * EdElection:
 * @id: its row id
 * @kind: what the poll is for
 * @country: where it is held
 * @poll: polling day
 * @title: the body elected, as the cards name it: "Ashmere Vale District Council"
 * @slug: its Democracy Club style id: `local.ashmere-vale.2027-05-06`
 * @combined_with: the row id of the first poll of its combination, or "" (for a poll on its
 *   own, and for the first)
 * @second_interim: the day the ERO chose for the second interim notice, or a cleared date
 * @count_date: the day of the count, or a cleared date for the night of the poll
 * @cards_requested: %FALSE for a Welsh community poll whose council has not asked for cards
 * @electorate_fixed_on: the day the final interim notice fixed the electorate, or cleared
 * @notes: free text
 * @contests: (element-type EdContest): its contests, by name
 */
typedef struct
{
  char           *id;
  EdElectionKind  kind;
  EdCountry       country;
  GDate           poll;
  char           *title;
  char           *slug;
  char           *combined_with;
  GDate           second_interim;
  GDate           count_date;
  gboolean        cards_requested;
  GDate           electorate_fixed_on;
  char           *notes;
  GPtrArray      *contests;
} EdElection;

/**
 * EdElectionNew:
 * @kind: what the poll is for
 * @country: where it is held
 * @poll: polling day
 * @title: (nullable): the body elected, or %NULL for the council's name (or the kind's name
 *   for a UK Parliamentary poll)
 * @areas: (nullable) (array zero-terminated=1): the codes of the areas contested (wards,
 *   parishes or constituencies by their names), or %NULL for every area of the district
 * @uncontested: (nullable) (array zero-terminated=1): codes among @areas where no poll is
 *   held
 * @seats: (nullable) (array zero-terminated=1): "CODE=N" for an area with other than one seat;
 *   a ward's seats default to those the register records
 * @combine_with: (nullable): the id or row id of a poll on the same day to combine with
 *
 * A new poll, as the dialog and `election add` describe it.
 */
typedef struct
{
  EdElectionKind       kind;
  EdCountry            country;
  GDate                poll;
  const char          *title;
  const char * const  *areas;
  const char * const  *uncontested;
  const char * const  *seats;
  const char          *combine_with;
} EdElectionNew;

/**
 * EdElectionArea:
 * @area: the `electoral_area` or `parish` row id, or the constituency's name
 * @code: the area's code as people type it, and as #EdElectionNew's @areas names it
 * @name: the area's name: "Mill Ward"
 * @seats: the seats the register records for it (1 where it records none)
 *
 * An area of the district a poll can be fought in.
 */
typedef struct
{
  char  *area;
  char  *code;
  char  *name;
  guint  seats;
} EdElectionArea;

/**
 * EdTimetableTask:
 * @event: the step
 * @assignee: who does it, or ""
 * @done_on: when it was done, or a cleared date
 * @note: free text
 */
typedef struct
{
  EdTimetableEvent  event;
  char             *assignee;
  GDate             done_on;
  char             *note;
} EdTimetableTask;

/**
 * EdExtraDiesNon:
 * @day: a day every timetable of the district skips
 * @reason: why, as a date it moves says: "National day of mourning"
 *
 * A day of thanksgiving or mourning the district added (ed_extra_dies_non_add()).
 */
typedef struct
{
  GDate  day;
  char  *reason;
} EdExtraDiesNon;

char        *ed_election_add              (EdContext            *context,
                                           const EdElectionNew  *details,
                                           GError              **error);
GPtrArray   *ed_election_list             (EdContext            *context,
                                           GError              **error);
GPtrArray   *ed_election_list_areas       (EdContext            *context,
                                           EdElectionKind        kind,
                                           GError              **error);
EdElection  *ed_election_load             (EdContext            *context,
                                           const char           *id_or_slug,
                                           GError              **error);
GPtrArray   *ed_election_load_combination (EdContext            *context,
                                           EdElection           *election,
                                           GError              **error);
EdCalendar  *ed_election_get_calendar     (EdContext            *context,
                                           EdElection           *election,
                                           GError              **error);
EdTimetable *ed_election_get_timetable    (EdContext            *context,
                                           EdElection           *election,
                                           GError              **error);
GPtrArray   *ed_election_get_tasks        (EdContext            *context,
                                           EdElection           *election,
                                           GError              **error);
gboolean     ed_election_set_task         (EdContext            *context,
                                           EdElection           *election,
                                           EdTimetableEvent      event,
                                           const char           *assignee,
                                           const GDate          *done_on,
                                           const char           *note,
                                           GError              **error);
gboolean     ed_election_set_second_interim (EdContext          *context,
                                             EdElection         *election,
                                             const GDate        *day,
                                             GError            **error);
gboolean     ed_election_set_cards_requested (EdContext         *context,
                                              EdElection        *election,
                                              gboolean           requested,
                                              GError           **error);
gboolean     ed_contest_set_contested     (EdContext            *context,
                                           const char           *contest_id,
                                           gboolean              contested,
                                           GError              **error);
gboolean     ed_contest_set_seats         (EdContext            *context,
                                           const char           *contest_id,
                                           guint                 seats,
                                           GError              **error);
gboolean     ed_extra_dies_non_add        (EdContext            *context,
                                           const GDate          *day,
                                           const char           *reason,
                                           GError              **error);
GPtrArray   *ed_extra_dies_non_list       (EdContext            *context,
                                           GError              **error);
gboolean     ed_extra_dies_non_remove     (EdContext            *context,
                                           const GDate          *day,
                                           GError              **error);
gboolean     ed_election_is_combined      (EdElection           *election);
guint        ed_election_count_contested  (EdElection           *election);
char        *ed_election_slugify          (const char           *text);
void         ed_contest_free              (EdContest            *contest);
void         ed_election_free             (EdElection           *election);
void         ed_timetable_task_free       (EdTimetableTask      *task);
void         ed_election_area_free        (EdElectionArea       *area);
void         ed_extra_dies_non_free       (EdExtraDiesNon       *dies_non);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdElection, ed_election_free)

G_END_DECLS
