/* ed-election-timetable.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-calendar.h"
#include "district/ed-district-settings.h"
#include "elections/ed-elections-vocab.h"

G_BEGIN_DECLS

/**
 * EdTimetableEntry:
 * @event: which step
 * @date: its day
 * @time: (nullable): the hour it falls due, untranslated 24-hour text ("16:00"), or %NULL for
 *   the whole day
 * @working_days: the working days before the poll it is counted back, or -1 when it is not
 *   a count (the poll, the count, a date chosen by the ERO)
 * @not_later_than: %TRUE when the date is the last day it may be done, %FALSE when it is done
 *   on that day
 * @rule: the statutory source, untranslated: "SI 2006/3304 Sch 1 r.1"
 *
 * One statutory date of a poll (DOMAIN.md §8).
 */
typedef struct
{
  EdTimetableEvent  event;
  GDate             date;
  const char       *time;
  gint              working_days;
  gboolean          not_later_than;
  const char       *rule;
} EdTimetableEntry;

/**
 * EdTimetable:
 * @kind: the kind of poll
 * @country: where it is held
 * @poll: polling day
 * @entries: (element-type EdTimetableEntry): the poll's dates in the order they fall; an
 *   event that does not apply to the poll (dissolution outside a general election, voter
 *   authority certificates where no photo ID is asked for) has no entry
 */
typedef struct
{
  EdElectionKind  kind;
  EdCountry       country;
  GDate           poll;
  GArray         *entries;
} EdTimetable;

EdCalendar             *ed_election_calendar_new      (EdElectionKind     kind,
                                                       EdCountry          country,
                                                       GError           **error);
EdTimetable            *ed_timetable_compute          (EdCalendar        *calendar,
                                                       EdElectionKind     kind,
                                                       EdCountry          country,
                                                       const GDate       *poll,
                                                       const GDate       *second_interim,
                                                       const GDate       *count,
                                                       GError           **error);
const EdTimetableEntry *ed_timetable_lookup           (EdTimetable       *timetable,
                                                       EdTimetableEvent   event);
void                    ed_timetable_free             (EdTimetable       *timetable);
gboolean                ed_election_needs_photo_id    (EdElectionKind     kind,
                                                       EdCountry          country,
                                                       const GDate       *poll);
gboolean                ed_election_check_poll_date   (EdCalendar        *calendar,
                                                       const GDate       *poll,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTimetable, ed_timetable_free)

G_END_DECLS
