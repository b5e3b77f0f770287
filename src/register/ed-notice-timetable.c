/* ed-notice-timetable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "register/ed-notice-timetable.h"

/* No monthly notice is required in the month the revised register is published or in the
 * two months before it (DOMAIN.md §1.4, [C] S21). */
#define EXEMPT_MONTHS_BEFORE 2

/* Far more months than any search needs: at most three in a row are exempt. */
#define MAX_MONTHS_SEARCHED 24

static guint
month_index (GDateYear  year,
             GDateMonth month)
{
  return (guint) year * 12 + (guint) month - 1;
}

/* The canvass a revised register belongs to. One published from July to December is that
 * year's; one published from January to June is the previous year's, its deadline moved to
 * 1 February because an election fell during the canvass (DOMAIN.md §1.4, S19). */
static GDateYear
canvass_year_of (const GDate *revised_register_date)
{
  GDateYear year = g_date_get_year (revised_register_date);

  return g_date_get_month (revised_register_date) >= G_DATE_JULY ? year : year - 1;
}

static gboolean
in_exempt_window (GDateYear   year,
                  GDateMonth  month,
                  GDateYear   publication_year,
                  GDateMonth  publication_month)
{
  guint m = month_index (year, month);
  guint p = month_index (publication_year, publication_month);

  return m <= p && m + EXEMPT_MONTHS_BEFORE >= p;
}

/**
 * ed_notice_timetable_default_revised_register_date:
 * @canvass_year: the year of the annual canvass
 * @out: (out): 1 December of @canvass_year
 *
 * The day the revised register must be published by, when no election falls during the
 * canvass (DOMAIN.md §1.4; RPA 1983 s 13(1), S19). It may be published on a weekend: dies
 * non do not apply.
 */
void
ed_notice_timetable_default_revised_register_date (GDateYear  canvass_year,
                                                   GDate     *out)
{
  g_return_if_fail (g_date_valid_year (canvass_year));
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_DECEMBER, canvass_year);
}

/**
 * ed_notice_timetable_is_notice_required:
 * @year: the year
 * @month: the month
 * @revised_register_date: (nullable): the day the revised register of the canvass around
 *   @month is (or will be) published, or %NULL for 1 December of each year
 *
 * Whether the ERO must publish a monthly notice of alteration in @month. None is required
 * in the month the revised register is published or in the two months before it: October,
 * November and December for a 1 December register (DOMAIN.md §1.4, [C] S21). The ERO may
 * still publish one.
 *
 * @revised_register_date replaces 1 December only for its own canvass (a date from July to
 * December belongs to that year's canvass, one from January to June, such as a 1 February
 * register after an election during the canvass, to the previous year's). Months around
 * any other year's revised register follow the 1 December rule.
 *
 * Returns: %TRUE if a notice must be published in @month
 */
gboolean
ed_notice_timetable_is_notice_required (GDateYear    year,
                                        GDateMonth   month,
                                        const GDate *revised_register_date)
{
  g_return_val_if_fail (g_date_valid_year (year), TRUE);
  g_return_val_if_fail (g_date_valid_month (month), TRUE);
  g_return_val_if_fail (revised_register_date == NULL || g_date_valid (revised_register_date),
                        TRUE);

  if (revised_register_date != NULL)
    {
      if (in_exempt_window (year, month, g_date_get_year (revised_register_date),
                            g_date_get_month (revised_register_date)))
        return FALSE;
      /* The given date replaces its own canvass's 1 December, so that canvass's October to
       * December notices are required unless the window above covers them. */
      if (year == canvass_year_of (revised_register_date))
        return TRUE;
    }

  return !in_exempt_window (year, month, year, G_DATE_DECEMBER);
}

/**
 * ed_notice_timetable_for_month:
 * @calendar: the working days of the register's part of the UK
 * @year: the year
 * @month: the month
 * @revised_register_date: (nullable): as for ed_notice_timetable_is_notice_required()
 * @out: (out) (optional): the notice's dates
 * @error: return location for an %ED_VALUE_ERROR
 *
 * The dates of the monthly notice of alteration for @month (DOMAIN.md §1.4, [C] S19, S20;
 * RPA 1983 s.13A(2)(a)): it is published on the first working day of the month; the
 * determination deadline is 14 calendar days before that (%ED_NOTICE_DETERMINATION_DAYS),
 * whatever bank holidays fall between; and applications close on the 6th working day
 * before the determination deadline, which leaves the 5-day objection period. For Friday
 * 1 February 2019 these are Friday 18 January and Thursday 10 January; for Thursday
 * 2 January 2025, Thursday 19 December 2024.
 *
 * Working days are those of @calendar, which skips weekends, bank holidays, Christmas Eve,
 * Good Friday and any added day of mourning or thanksgiving.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_OUT_OF_RANGE if the dates leave
 *   the years @calendar covers
 */
gboolean
ed_notice_timetable_for_month (EdCalendar     *calendar,
                               GDateYear       year,
                               GDateMonth      month,
                               const GDate    *revised_register_date,
                               EdNoticeDates  *out,
                               GError        **error)
{
  EdNoticeDates dates;

  g_return_val_if_fail (ED_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (g_date_valid_year (year), FALSE);
  g_return_val_if_fail (g_date_valid_month (month), FALSE);
  g_return_val_if_fail (revised_register_date == NULL || g_date_valid (revised_register_date),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&dates.publication, 1);
  g_date_clear (&dates.determination, 1);
  g_date_clear (&dates.last_application, 1);

  if (!ed_calendar_first_working_day_of_month (calendar, year, month, &dates.publication,
                                               error))
    return FALSE;
  dates.determination = dates.publication;
  g_date_subtract_days (&dates.determination, ED_NOTICE_DETERMINATION_DAYS);
  if (!ed_calendar_working_days_before (calendar, &dates.determination,
                                        ED_NOTICE_APPLICATION_WORKING_DAYS,
                                        &dates.last_application, error))
    return FALSE;

  dates.required = ed_notice_timetable_is_notice_required (year, month, revised_register_date);

  if (out != NULL)
    *out = dates;
  return TRUE;
}

static gboolean
next_notice (EdCalendar     *calendar,
             const GDate    *from,
             const GDate    *revised_register_date,
             gboolean        required_only,
             EdNoticeDates  *out,
             GError        **error)
{
  GDateYear year = g_date_get_year (from);
  GDateMonth month = g_date_get_month (from);
  guint i;

  for (i = 0; i < MAX_MONTHS_SEARCHED; i++)
    {
      EdNoticeDates dates;

      if (!required_only || ed_notice_timetable_is_notice_required (year, month,
                                                                    revised_register_date))
        {
          if (!ed_notice_timetable_for_month (calendar, year, month, revised_register_date,
                                              &dates, error))
            return FALSE;

          /* In the month of @from, the notice may already have been published. */
          if (g_date_compare (&dates.publication, from) >= 0)
            {
              if (out != NULL)
                *out = dates;
              return TRUE;
            }
        }

      if (month == G_DATE_DECEMBER)
        {
          month = G_DATE_JANUARY;
          year++;
        }
      else
        {
          month++;
        }
    }

  g_assert_not_reached ();
}

/**
 * ed_notice_timetable_next_possible:
 * @calendar: the working days of the register's part of the UK
 * @from: the first day the notice may be published on
 * @revised_register_date: (nullable): as for ed_notice_timetable_is_notice_required()
 * @out: (out) (optional): the notice's dates
 * @error: return location for an %ED_VALUE_ERROR
 *
 * The first monthly notice of alteration published on or after @from, whether or not it
 * is required (DOMAIN.md §1.4): on 15 September 2024 this is the optional notice of
 * Tuesday 1 October 2024, and on 1 October 2024 the same notice.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_OUT_OF_RANGE if the dates leave
 *   the years @calendar covers
 */
gboolean
ed_notice_timetable_next_possible (EdCalendar     *calendar,
                                   const GDate    *from,
                                   const GDate    *revised_register_date,
                                   EdNoticeDates  *out,
                                   GError        **error)
{
  g_return_val_if_fail (ED_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (revised_register_date == NULL || g_date_valid (revised_register_date),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return next_notice (calendar, from, revised_register_date, FALSE, out, error);
}

/**
 * ed_notice_timetable_next_required:
 * @calendar: the working days of the register's part of the UK
 * @from: the first day the notice may be published on
 * @revised_register_date: (nullable): as for ed_notice_timetable_is_notice_required()
 * @out: (out) (optional): the notice's dates
 * @error: return location for an %ED_VALUE_ERROR
 *
 * The first monthly notice of alteration published on or after @from that the ERO must
 * publish (DOMAIN.md §1.4): on 15 September 2024, with a 1 December register, this is the
 * notice of Thursday 2 January 2025, since those of October to December are optional.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_OUT_OF_RANGE if the dates leave
 *   the years @calendar covers
 */
gboolean
ed_notice_timetable_next_required (EdCalendar     *calendar,
                                   const GDate    *from,
                                   const GDate    *revised_register_date,
                                   EdNoticeDates  *out,
                                   GError        **error)
{
  g_return_val_if_fail (ED_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (revised_register_date == NULL || g_date_valid (revised_register_date),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return next_notice (calendar, from, revised_register_date, TRUE, out, error);
}

/**
 * ed_notice_timetable_revised_register:
 * @calendar: the working days of the register's part of the UK
 * @publication: the day the revised register is published, by 1 December (or 1 February
 *   after an election during the canvass); it may be a weekend
 * @out: (out) (optional): the register's dates, with @required %TRUE
 * @error: return location for an %ED_VALUE_ERROR
 *
 * The cut-offs for the revised register (DOMAIN.md §1.4, [C] S19): the determination
 * deadline is the day before publication, a calendar day since dies non do not apply, and
 * applications close on the 6th working day before it. For Sunday 1 December 2024 these
 * are Saturday 30 November and Friday 22 November; for Friday 1 November 2024, Thursday
 * 31 October and Wednesday 23 October.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_OUT_OF_RANGE if the dates leave
 *   the years @calendar covers
 */
gboolean
ed_notice_timetable_revised_register (EdCalendar     *calendar,
                                      const GDate    *publication,
                                      EdNoticeDates  *out,
                                      GError        **error)
{
  EdNoticeDates dates;

  g_return_val_if_fail (ED_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dates.publication = *publication;
  dates.determination = *publication;
  g_date_subtract_days (&dates.determination, 1);
  g_date_clear (&dates.last_application, 1);
  dates.required = TRUE;

  if (!ed_calendar_covers_date (calendar, publication, error) ||
      !ed_calendar_working_days_before (calendar, &dates.determination,
                                        ED_NOTICE_APPLICATION_WORKING_DAYS,
                                        &dates.last_application, error))
    return FALSE;

  if (out != NULL)
    *out = dates;
  return TRUE;
}

/* One interim notice's dates. What it lists is what was determined before the day it is
 * published ([U]: DOMAIN.md gives no separate determination deadline for interim notices),
 * and applications close with the registration deadline at the latest. */
static void
interim_dates (const GDate   *publication,
               const GDate   *registration_deadline,
               EdNoticeDates *out)
{
  out->publication = *publication;
  out->determination = *publication;
  g_date_subtract_days (&out->determination, 1);
  out->last_application = g_date_compare (registration_deadline, &out->determination) < 0
                            ? *registration_deadline : out->determination;
  out->required = TRUE;
}

/**
 * ed_notice_timetable_election_interim:
 * @calendar: the working days of the election's part of the UK
 * @poll: polling day
 * @last_nomination: the last day for delivering nomination papers
 * @second: (nullable): the day the ERO chooses for the second notice, strictly between the
 *   first and the final; %NULL for the working day midway between them
 * @out: (out caller-allocates) (array fixed-size=3): the three notices' dates, in order
 * @error: return location for an %ED_VALUE_ERROR
 *
 * The three interim notices of alteration of an election (DOMAIN.md §1.4, [C] S22; RPA 1983
 * s.13AB): the first on the last day for nominations, the second on a day the ERO chooses
 * between it and the final one, and the final one on the 5th working day before the poll.
 * Applications close with the registration deadline, midnight 12 working days before the
 * poll. The elections module calls this with its poll's dates and publishes each notice for
 * the areas the election covers. For a poll on Thursday 6 May 2027 with nominations closing
 * on Thursday 8 April: 8 April, 19 April (midway) and Wednesday 28 April (skipping the May
 * Day bank holiday), with applications closing on Monday 19 April.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_INVALID if the days are out of
 *   order or no working day lies between the first and the final notice, or
 *   %ED_VALUE_ERROR_OUT_OF_RANGE outside the years @calendar covers
 */
gboolean
ed_notice_timetable_election_interim (EdCalendar     *calendar,
                                      const GDate    *poll,
                                      const GDate    *last_nomination,
                                      const GDate    *second,
                                      EdNoticeDates   out[ED_N_INTERIM_NOTICES],
                                      GError        **error)
{
  GDate final;
  GDate deadline;
  GDate middle;
  gint between = 0;

  g_return_val_if_fail (ED_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (poll != NULL && g_date_valid (poll), FALSE);
  g_return_val_if_fail (last_nomination != NULL && g_date_valid (last_nomination), FALSE);
  g_return_val_if_fail (second == NULL || g_date_valid (second), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&final, 1);
  g_date_clear (&deadline, 1);
  if (!ed_calendar_working_days_before (calendar, poll, ED_INTERIM_FINAL_WORKING_DAYS, &final,
                                        error) ||
      !ed_calendar_working_days_before (calendar, poll, ED_REGISTRATION_DEADLINE_WORKING_DAYS,
                                        &deadline, error) ||
      !ed_calendar_count_working_days (calendar, last_nomination, &final, &between, error))
    return FALSE;

  /* The final notice is itself one of the working days counted. */
  if (between < 2)
    {
      g_autofree char *nomination_text = ed_date_format_iso (last_nomination);
      g_autofree char *final_text = ed_date_format_iso (&final);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The last day for nominations, %s, must come at least two working days "
                     "before the final interim notice, %s, to leave a day for the second"),
                   nomination_text, final_text);
      return FALSE;
    }

  if (second != NULL)
    {
      if (g_date_compare (second, last_nomination) <= 0 || g_date_compare (second, &final) >= 0)
        {
          g_autofree char *second_text = ed_date_format_iso (second);
          g_autofree char *nomination_text = ed_date_format_iso (last_nomination);
          g_autofree char *final_text = ed_date_format_iso (&final);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("The second interim notice, %s, must fall after the first, %s, and "
                         "before the final one, %s"),
                       second_text, nomination_text, final_text);
          return FALSE;
        }
      middle = *second;
    }
  else
    {
      g_date_clear (&middle, 1);
      if (!ed_calendar_working_days_after (calendar, last_nomination, (guint) between / 2,
                                           &middle, error))
        return FALSE;
    }

  interim_dates (last_nomination, &deadline, &out[0]);
  interim_dates (&middle, &deadline, &out[1]);
  interim_dates (&final, &deadline, &out[2]);
  return TRUE;
}
