/* test-notice-timetable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-notice-timetable"

#include <glib-object.h>
#include <locale.h>
#include <string.h>

#include "core/ed-calendar.h"
#include "core/ed-date.h"
#include "register/ed-notice-timetable.h"
#include "core/ed-value-error.h"

static GDate
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  if (!ed_date_parse_iso (iso, &d, &error))
    g_error ("bad test date %s: %s", iso, error->message);
  return d;
}

static EdCalendar *
england_and_wales (void)
{
  g_autoptr(GError) error = NULL;
  EdCalendar *cal = ed_calendar_new (ED_JURISDICTION_ENGLAND_AND_WALES, &error);

  g_assert_no_error (error);
  return cal;
}

static void
assert_date (const GDate *d,
             const char  *expected,
             const char  *what)
{
  g_autofree char *text = ed_date_format_iso (d);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s: got %s, expected %s", what, text, expected);
}

static void
assert_dates (const EdNoticeDates *dates,
              const char          *publication,
              const char          *determination,
              const char          *last_application,
              gboolean             required)
{
  assert_date (&dates->publication, publication, "publication");
  assert_date (&dates->determination, determination, "determination deadline");
  assert_date (&dates->last_application, last_application, "last date for applications");
  g_assert_cmpint (dates->required, ==, required);
}

static void
assert_month (EdCalendar *cal,
              GDateYear   year,
              GDateMonth  month,
              const char *publication,
              const char *determination,
              const char *last_application)
{
  g_autoptr(GError) error = NULL;
  EdNoticeDates dates;

  g_assert_true (ed_notice_timetable_for_month (cal, year, month, NULL, &dates, &error));
  g_assert_no_error (error);
  assert_dates (&dates, publication, determination, last_application, TRUE);
}

/* RPA 1983 s.13A(2)(a); DOMAIN.md §1.4, EC 2019 dates ([C] S20): NOA Fri 1 Feb 2019 ←
 * applications Thu 10 Jan, determination Fri 18 Jan; NOA 1 Mar ← 7 Feb / 15 Feb; NOA 1 Apr ←
 * 8 Mar / 18 Mar. */
static void
test_ec_2019_dates (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();

  assert_month (cal, 2019, G_DATE_FEBRUARY, "2019-02-01", "2019-01-18", "2019-01-10");
  assert_month (cal, 2019, G_DATE_MARCH, "2019-03-01", "2019-02-15", "2019-02-07");
  assert_month (cal, 2019, G_DATE_APRIL, "2019-04-01", "2019-03-18", "2019-03-08");
}

/* RPA 1983 s.13A(2)(a), DOMAIN.md §1.4 ([C] S19, S20): notice on the first working day of
 * the month, determination deadline 14 calendar days before it (not a count of working
 * days, so bank holidays in the window do not move it), applications 6 working days before
 * that. Checked against the published timetables DOMAIN.md §1.4 quotes:
 * - NOA Thu 2 Jan 2025 ← determination Thu 19 Dec 2024 (applications Wed 11 Dec);
 * - NOA Thu 1 May 2025 ← determination Thu 17 Apr 2025 (applications Wed 9 Apr);
 * - NOA Tue 2 Apr 2024 (1 April was Easter Monday) ← applications Mon 11 Mar,
 *   determination Tue 19 Mar: Good Friday and Easter Monday in the window change nothing.
 * And worked by hand:
 * - May 2024: Wed 1 May ← Wed 17 April ← Tue 9 April;
 * - June 2024: 1 June was a Saturday, so Mon 3 June ← Mon 20 May ← Fri 10 May;
 * - March 2025: Mon 3 March ← Mon 17 February ← Fri 7 February. */
static void
test_monthly_bank_holidays (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();

  assert_month (cal, 2025, G_DATE_JANUARY, "2025-01-02", "2024-12-19", "2024-12-11");
  assert_month (cal, 2025, G_DATE_MAY, "2025-05-01", "2025-04-17", "2025-04-09");
  assert_month (cal, 2024, G_DATE_APRIL, "2024-04-02", "2024-03-19", "2024-03-11");
  assert_month (cal, 2024, G_DATE_MAY, "2024-05-01", "2024-04-17", "2024-04-09");
  assert_month (cal, 2024, G_DATE_JUNE, "2024-06-03", "2024-05-20", "2024-05-10");
  assert_month (cal, 2025, G_DATE_MARCH, "2025-03-03", "2025-02-17", "2025-02-07");
}

/* DOMAIN.md §1.4 ([C] S21): no monthly notice is required in the month the revised register
 * is published or in the two months before (October to December for 1 December); the ERO
 * may still publish one. */
static void
test_is_notice_required (void)
{
  static const struct
  {
    const char *revised;  /* NULL: 1 December every year */
    GDateYear   year;
    GDateMonth  month;
    gboolean    required;
  } cases[] = {
    { NULL, 2024, G_DATE_SEPTEMBER, TRUE },
    { NULL, 2024, G_DATE_OCTOBER, FALSE },
    { NULL, 2024, G_DATE_NOVEMBER, FALSE },
    { NULL, 2024, G_DATE_DECEMBER, FALSE },
    { NULL, 2025, G_DATE_JANUARY, TRUE },
    { NULL, 2025, G_DATE_JULY, TRUE },
    { "2024-12-01", 2024, G_DATE_SEPTEMBER, TRUE },
    { "2024-12-01", 2024, G_DATE_OCTOBER, FALSE },
    { "2024-12-01", 2024, G_DATE_DECEMBER, FALSE },
    { "2024-12-01", 2025, G_DATE_JANUARY, TRUE },
    /* Published on 1 November: September to November are optional, December required. */
    { "2024-11-01", 2024, G_DATE_AUGUST, TRUE },
    { "2024-11-01", 2024, G_DATE_SEPTEMBER, FALSE },
    { "2024-11-01", 2024, G_DATE_NOVEMBER, FALSE },
    { "2024-11-01", 2024, G_DATE_DECEMBER, TRUE },
    { "2024-11-30", 2024, G_DATE_DECEMBER, TRUE },
    /* Moved to 1 February by an election during the canvass (S19): December to February
     * are optional and October and November of that canvass are required ... */
    { "2025-02-01", 2024, G_DATE_OCTOBER, TRUE },
    { "2025-02-01", 2024, G_DATE_NOVEMBER, TRUE },
    { "2025-02-01", 2024, G_DATE_DECEMBER, FALSE },
    { "2025-02-01", 2025, G_DATE_JANUARY, FALSE },
    { "2025-02-01", 2025, G_DATE_FEBRUARY, FALSE },
    { "2025-02-01", 2025, G_DATE_MARCH, TRUE },
    /* ... while other canvasses keep the 1 December rule. */
    { "2025-02-01", 2025, G_DATE_OCTOBER, FALSE },
    { "2025-02-01", 2023, G_DATE_NOVEMBER, FALSE },
    { "2024-12-01", 2025, G_DATE_NOVEMBER, FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate revised;
      gboolean required;

      if (cases[i].revised != NULL)
        revised = date (cases[i].revised);
      required = ed_notice_timetable_is_notice_required (cases[i].year, cases[i].month,
                                                         cases[i].revised != NULL ? &revised
                                                                                  : NULL);
      if (required != cases[i].required)
        g_error ("%d-%02d with revised register %s: expected %s", cases[i].year,
                 cases[i].month, cases[i].revised != NULL ? cases[i].revised : "1 December",
                 cases[i].required ? "required" : "optional");
    }
}

/* DOMAIN.md §1.4 ([C] S21): the next possible notice includes the optional October to
 * December ones; the next required one skips them. Tue 1 Oct 2024 is a working day, and so
 * are Fri 1 Nov 2024 and Mon 2 Dec 2024; 1 Jan 2025 is a bank holiday, so January's notice
 * is Thu 2 Jan 2025. A notice due on the day asked about counts as next. */
static void
test_next_notice (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();
  g_autoptr(GError) error = NULL;
  GDate revised = date ("2024-12-01");
  GDate from;
  EdNoticeDates dates;

  from = date ("2024-09-15");
  g_assert_true (ed_notice_timetable_next_possible (cal, &from, &revised, &dates, &error));
  g_assert_no_error (error);
  assert_dates (&dates, "2024-10-01", "2024-09-17", "2024-09-09", FALSE);

  from = date ("2024-10-01");
  g_assert_true (ed_notice_timetable_next_possible (cal, &from, NULL, &dates, &error));
  assert_date (&dates.publication, "2024-10-01", "notice due on the day");

  from = date ("2024-10-02");
  g_assert_true (ed_notice_timetable_next_possible (cal, &from, NULL, &dates, &error));
  assert_dates (&dates, "2024-11-01", "2024-10-18", "2024-10-10", FALSE);

  from = date ("2024-11-15");
  g_assert_true (ed_notice_timetable_next_possible (cal, &from, &revised, &dates, &error));
  assert_date (&dates.publication, "2024-12-02", "December's optional notice");
  g_assert_false (dates.required);

  from = date ("2024-09-15");
  g_assert_true (ed_notice_timetable_next_required (cal, &from, &revised, &dates, &error));
  g_assert_no_error (error);
  assert_date (&dates.publication, "2025-01-02", "next required notice");
  g_assert_true (dates.required);

  /* Before September's notice is out, September's is the next required one. */
  from = date ("2024-08-20");
  g_assert_true (ed_notice_timetable_next_required (cal, &from, &revised, &dates, &error));
  assert_dates (&dates, "2024-09-02", "2024-08-19", "2024-08-09", TRUE);

  /* With the register moved to 1 February 2025, October and November are required. */
  revised = date ("2025-02-01");
  from = date ("2024-10-02");
  g_assert_true (ed_notice_timetable_next_required (cal, &from, &revised, &dates, &error));
  assert_dates (&dates, "2024-11-01", "2024-10-18", "2024-10-10", TRUE);
  from = date ("2024-11-02");
  g_assert_true (ed_notice_timetable_next_required (cal, &from, &revised, &dates, &error));
  assert_date (&dates.publication, "2025-03-03", "first required notice after 1 February");

  /* Near the end of the calendar the search fails rather than guessing. */
  from = date ("2035-12-15");
  g_assert_false (ed_notice_timetable_next_possible (cal, &from, NULL, &dates, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
}

/* DOMAIN.md §1.4 ([C] S19): the revised register follows the same rule in calendar days:
 * it is published by 1 December, dies non do not apply; for 1 Dec 2024, applications by 22 Nov and determinations by 30 Nov (a
 * Saturday); publishing on 1 November moves them to 23 Oct and 31 Oct. A register moved to
 * Sat 1 Feb 2025 by an election has its determinations by Fri 31 Jan and applications by
 * Thu 23 Jan (worked by hand). */
static void
test_revised_register (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();
  g_autoptr(GError) error = NULL;
  EdNoticeDates dates;
  GDate publication;

  ed_notice_timetable_default_revised_register_date (2024, &publication);
  assert_date (&publication, "2024-12-01", "default revised register date");

  g_assert_true (ed_notice_timetable_revised_register (cal, &publication, &dates, &error));
  g_assert_no_error (error);
  assert_dates (&dates, "2024-12-01", "2024-11-30", "2024-11-22", TRUE);

  publication = date ("2024-11-01");
  g_assert_true (ed_notice_timetable_revised_register (cal, &publication, &dates, &error));
  assert_dates (&dates, "2024-11-01", "2024-10-31", "2024-10-23", TRUE);

  publication = date ("2025-02-01");
  g_assert_true (ed_notice_timetable_revised_register (cal, &publication, &dates, &error));
  assert_dates (&dates, "2025-02-01", "2025-01-31", "2025-01-23", TRUE);

  publication = date ("2016-12-01");
  g_assert_false (ed_notice_timetable_revised_register (cal, &publication, &dates, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
}

/* DOMAIN.md §1.4 ([C] S21): a month's notice dates carry whether it is required. */
static void
test_for_month_required_flag (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();
  g_autoptr(GError) error = NULL;
  EdNoticeDates dates;

  g_assert_true (ed_notice_timetable_for_month (cal, 2024, G_DATE_OCTOBER, NULL, &dates, &error));
  g_assert_no_error (error);
  assert_dates (&dates, "2024-10-01", "2024-09-17", "2024-09-09", FALSE);
}

/* DOMAIN.md §1.4 ([C] S22; RPA 1983 s.13AB): an election's three interim notices, on the
 * last day for nominations, a day between chosen by the ERO, and the 5th working day before
 * the poll; registration closes 12 working days before the poll. Poll Thursday 6 May 2027,
 * nominations close Thursday 8 April: counting back from the poll skips the May Day bank
 * holiday (3 May), so the final notice is Wednesday 28 April and the registration deadline
 * Monday 19 April; midway between 8 and 28 April is Monday 19 April. */
static void
test_election_interim (void)
{
  g_autoptr(EdCalendar) cal = england_and_wales ();
  g_autoptr(GError) error = NULL;
  EdNoticeDates notices[ED_N_INTERIM_NOTICES];
  GDate poll = date ("2027-05-06");
  GDate nominations = date ("2027-04-08");
  GDate chosen = date ("2027-04-22");
  GDate too_late = date ("2027-04-28");

  g_assert_true (ed_notice_timetable_election_interim (cal, &poll, &nominations, NULL, notices,
                                                       &error));
  g_assert_no_error (error);
  assert_dates (&notices[0], "2027-04-08", "2027-04-07", "2027-04-07", TRUE);
  assert_dates (&notices[1], "2027-04-19", "2027-04-18", "2027-04-18", TRUE);
  assert_dates (&notices[2], "2027-04-28", "2027-04-27", "2027-04-19", TRUE);

  g_assert_true (ed_notice_timetable_election_interim (cal, &poll, &nominations, &chosen,
                                                       notices, &error));
  assert_date (&notices[1].publication, "2027-04-22", "the ERO's chosen second notice");

  g_assert_false (ed_notice_timetable_election_interim (cal, &poll, &nominations, &too_late,
                                                        notices, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/notice-timetable/ec-2019-dates", test_ec_2019_dates);
  g_test_add_func ("/register/notice-timetable/monthly-bank-holidays", test_monthly_bank_holidays);
  g_test_add_func ("/register/notice-timetable/is-notice-required", test_is_notice_required);
  g_test_add_func ("/register/notice-timetable/next-notice", test_next_notice);
  g_test_add_func ("/register/notice-timetable/revised-register", test_revised_register);
  g_test_add_func ("/register/notice-timetable/for-month-required-flag",
                   test_for_month_required_flag);
  g_test_add_func ("/register/notice-timetable/election-interim", test_election_interim);

  return g_test_run ();
}
