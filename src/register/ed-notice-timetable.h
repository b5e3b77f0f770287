/* ed-notice-timetable.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-calendar.h"

G_BEGIN_DECLS

/**
 * ED_NOTICE_DETERMINATION_DAYS:
 *
 * How many calendar days before a monthly notice of alteration its determination deadline
 * falls: RPA 1983 s.13A(2)(a) issues the notice on the first day of the month after the
 * determination, or of the month after that "if that day is less than 14 days after that
 * time" (DOMAIN.md §1.4). Calendar days, not working days: bank holidays in the window do
 * not move it.
 */
#define ED_NOTICE_DETERMINATION_DAYS 14

/**
 * ED_NOTICE_APPLICATION_WORKING_DAYS:
 *
 * How many working days before a determination deadline applications close, which leaves
 * the 5-day objection period (DOMAIN.md §1.4).
 */
#define ED_NOTICE_APPLICATION_WORKING_DAYS 6

/**
 * ED_INTERIM_FINAL_WORKING_DAYS:
 *
 * How many working days before polling day the final interim notice of an election is
 * published (DOMAIN.md §1.4, [C] S22).
 */
#define ED_INTERIM_FINAL_WORKING_DAYS 5

/**
 * ED_REGISTRATION_DEADLINE_WORKING_DAYS:
 *
 * How many working days before polling day the registration deadline falls, at midnight
 * (DOMAIN.md §1.4, [C] S22).
 */
#define ED_REGISTRATION_DEADLINE_WORKING_DAYS 12

/**
 * ED_N_INTERIM_NOTICES:
 *
 * How many interim notices of alteration an election has (DOMAIN.md §1.4).
 */
#define ED_N_INTERIM_NOTICES 3

/**
 * EdNoticeDates:
 * @publication: the day the notice (or the revised register) is published
 * @last_application: the last day an application can be received and still appear on it
 * @determination: the last day for determining the applications that appear on it
 * @required: %TRUE if the ERO must publish it; %FALSE for a monthly notice the ERO may
 *   publish but need not, in the months just before the revised register
 *
 * The dates of one notice of alteration, or of the revised register (DOMAIN.md §1.4).
 */
typedef struct
{
  GDate    publication;
  GDate    last_application;
  GDate    determination;
  gboolean required;
} EdNoticeDates;

void      ed_notice_timetable_default_revised_register_date (GDateYear             canvass_year,
                                                             GDate                *out);
gboolean  ed_notice_timetable_is_notice_required            (GDateYear             year,
                                                             GDateMonth            month,
                                                             const GDate          *revised_register_date);
gboolean  ed_notice_timetable_for_month                     (EdCalendar           *calendar,
                                                             GDateYear             year,
                                                             GDateMonth            month,
                                                             const GDate          *revised_register_date,
                                                             EdNoticeDates        *out,
                                                             GError              **error);
gboolean  ed_notice_timetable_next_possible                 (EdCalendar           *calendar,
                                                             const GDate          *from,
                                                             const GDate          *revised_register_date,
                                                             EdNoticeDates        *out,
                                                             GError              **error);
gboolean  ed_notice_timetable_next_required                 (EdCalendar           *calendar,
                                                             const GDate          *from,
                                                             const GDate          *revised_register_date,
                                                             EdNoticeDates        *out,
                                                             GError              **error);
gboolean  ed_notice_timetable_revised_register              (EdCalendar           *calendar,
                                                             const GDate          *publication,
                                                             EdNoticeDates        *out,
                                                             GError              **error);

gboolean  ed_notice_timetable_election_interim              (EdCalendar           *calendar,
                                                             const GDate          *poll,
                                                             const GDate          *last_nomination,
                                                             const GDate          *second,
                                                             EdNoticeDates         out[ED_N_INTERIM_NOTICES],
                                                             GError              **error);

G_END_DECLS
