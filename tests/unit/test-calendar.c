/* test-calendar.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-calendar"

#include <glib-object.h>
#include <locale.h>
#include <string.h>

#include "core/ed-calendar.h"
#include "core/ed-date.h"
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
calendar (EdJurisdiction jurisdiction)
{
  g_autoptr(GError) error = NULL;
  EdCalendar *cal = ed_calendar_new (jurisdiction, &error);

  g_assert_no_error (error);
  g_assert_true (ED_IS_CALENDAR (cal));
  return cal;
}

static gboolean
is_wd (EdCalendar *cal,
       const char *iso)
{
  GDate d = date (iso);

  return ed_calendar_is_working_day (cal, &d);
}

static void
assert_before (EdCalendar *cal,
               const char *day,
               guint       n,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate d = date (day);
  GDate out;
  gint count = -1;

  g_assert_true (ed_calendar_working_days_before (cal, &d, n, &out, &error));
  g_assert_no_error (error);
  text = ed_date_format_iso (&out);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("%u working days before %s: got %s, expected %s", n, day, text, expected);

  /* Counting back up to a working day gives n again; (out, day] includes the day. */
  g_assert_true (ed_calendar_count_working_days (cal, &out, &d, &count, &error));
  g_assert_cmpint (count, ==, (gint) n + (n > 0 && !ed_calendar_is_working_day (cal, &d) ? -1 : 0));
}

static void
assert_after (EdCalendar *cal,
              const char *day,
              guint       n,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate d = date (day);
  GDate out;

  g_assert_true (ed_calendar_working_days_after (cal, &d, n, &out, &error));
  g_assert_no_error (error);
  text = ed_date_format_iso (&out);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("%u working days after %s: got %s, expected %s", n, day, text, expected);
}

static void
assert_holiday (EdCalendar *cal,
                const char *iso,
                const char *expected_name)
{
  GDate d = date (iso);
  const char *name = NULL;

  if (!ed_calendar_is_bank_holiday (cal, &d, &name))
    g_error ("%s is not a bank holiday in %s", iso,
             ed_jurisdiction_to_string (ed_calendar_get_jurisdiction (cal)));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_false (ed_calendar_is_working_day (cal, &d));
}

static void
assert_not_holiday (EdCalendar *cal,
                    const char *iso)
{
  GDate d = date (iso);
  const char *name = "unchanged";

  if (ed_calendar_is_bank_holiday (cal, &d, &name))
    g_error ("%s is a bank holiday (%s) in %s", iso, name,
             ed_jurisdiction_to_string (ed_calendar_get_jurisdiction (cal)));
  g_assert_null (name);
}

static void
test_jurisdiction_strings (void)
{
  static const EdJurisdiction all[] = {
    ED_JURISDICTION_ENGLAND_AND_WALES,
    ED_JURISDICTION_SCOTLAND,
    ED_JURISDICTION_NORTHERN_IRELAND,
  };
  g_autoptr(GError) error = NULL;
  EdJurisdiction j = ED_JURISDICTION_SCOTLAND;
  gsize i;

  g_assert_cmpstr (ed_jurisdiction_to_string (ED_JURISDICTION_ENGLAND_AND_WALES), ==,
                   "england-and-wales");
  g_assert_cmpstr (ed_jurisdiction_to_string (ED_JURISDICTION_SCOTLAND), ==, "scotland");
  g_assert_cmpstr (ed_jurisdiction_to_string (ED_JURISDICTION_NORTHERN_IRELAND), ==,
                   "northern-ireland");

  for (i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (ed_jurisdiction_from_string (ed_jurisdiction_to_string (all[i]), &j, NULL));
      g_assert_cmpint (j, ==, all[i]);
    }

  g_assert_false (ed_jurisdiction_from_string ("wales", &j, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_jurisdiction_from_string ("Scotland", &j, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_jurisdiction_from_string ("", &j, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_assert_cmpint (j, ==, ED_JURISDICTION_NORTHERN_IRELAND);
}

static void
test_loads_every_jurisdiction (void)
{
  EdJurisdiction j;

  for (j = ED_JURISDICTION_ENGLAND_AND_WALES; j <= ED_JURISDICTION_NORTHERN_IRELAND; j++)
    {
      g_autoptr(EdCalendar) cal = calendar (j);
      EdJurisdiction property = ED_JURISDICTION_ENGLAND_AND_WALES;

      g_assert_cmpint (ed_calendar_get_jurisdiction (cal), ==, j);
      g_object_get (cal, "jurisdiction", &property, NULL);
      g_assert_cmpint (property, ==, j);
      g_assert_cmpuint (ed_calendar_get_first_year (cal), ==, 2017);
      g_assert_cmpuint (ed_calendar_get_last_year (cal), ==, 2035);
    }
}

/* gov.uk's published England and Wales list, 2017 to 2026. */
static void
test_england_published_holidays (void)
{
  static const char *holidays[] = {
    "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28",
    "2017-12-25", "2017-12-26",
    "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27",
    "2018-12-25", "2018-12-26",
    "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26",
    "2019-12-25", "2019-12-26",
    "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
    "2020-12-25", "2020-12-28",
    "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
    "2021-12-27", "2021-12-28",
    "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
    "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
    "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
    "2023-08-28", "2023-12-25", "2023-12-26",
    "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
    "2024-12-25", "2024-12-26",
    "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
    "2025-12-25", "2025-12-26",
    "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
    "2026-12-25", "2026-12-28",
  };
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  GHashTable *expected = g_hash_table_new (g_str_hash, g_str_equal);
  GDate d = date ("2017-01-01");
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (holidays); i++)
    g_hash_table_add (expected, (gpointer) holidays[i]);

  /* Exactly these, and no others, in the published years. */
  for (; g_date_get_year (&d) <= 2026; g_date_add_days (&d, 1))
    {
      g_autofree char *iso = ed_date_format_iso (&d);

      if (ed_calendar_is_bank_holiday (cal, &d, NULL) !=
          g_hash_table_contains (expected, iso))
        g_error ("%s: bank holiday status is wrong", iso);
    }

  g_hash_table_unref (expected);
}

static void
test_england_names_and_one_offs (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);

  assert_holiday (cal, "2020-05-08", "Early May bank holiday (VE day)");
  assert_not_holiday (cal, "2020-05-04");  /* the usual first Monday, moved for VE Day */
  assert_holiday (cal, "2022-06-02", "Spring bank holiday");
  assert_holiday (cal, "2022-06-03", "Platinum Jubilee bank holiday");
  assert_not_holiday (cal, "2022-05-30");  /* the usual last Monday, moved for the Jubilee */
  assert_holiday (cal, "2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II");
  assert_holiday (cal, "2023-05-08", "Bank holiday for the coronation of King Charles III");
  assert_holiday (cal, "2024-04-01", "Easter Monday");
  assert_holiday (cal, "2022-01-03", "New Year’s Day (substitute day)");
  /* Christmas Day on a Saturday: substitutes on Monday 27 and Tuesday 28. */
  assert_holiday (cal, "2021-12-27", "Christmas Day (substitute day)");
  assert_holiday (cal, "2021-12-28", "Boxing Day (substitute day)");
  /* Christmas Day on a Sunday: Boxing Day keeps the 26th, Christmas moves to the 27th. */
  assert_holiday (cal, "2022-12-26", "Boxing Day");
  assert_holiday (cal, "2022-12-27", "Christmas Day (substitute day)");
  /* Projected years follow the same rules. */
  assert_holiday (cal, "2027-12-27", "Christmas Day (substitute day)");
  assert_holiday (cal, "2027-12-28", "Boxing Day (substitute day)");
  assert_holiday (cal, "2035-03-26", "Easter Monday");
  assert_holiday (cal, "2030-04-22", "Easter Monday");
  /* Scottish and Northern Irish holidays are not English ones. */
  assert_not_holiday (cal, "2024-01-02");
  assert_not_holiday (cal, "2024-03-18");
  assert_not_holiday (cal, "2024-07-12");
  assert_not_holiday (cal, "2024-08-05");
  assert_not_holiday (cal, "2024-12-02");
}

/* Every year has Good Friday two days before Easter Sunday, in every part of the UK, and
 * Easter Monday everywhere but Scotland. */
static void
test_easter_every_year (void)
{
  EdJurisdiction j;

  for (j = ED_JURISDICTION_ENGLAND_AND_WALES; j <= ED_JURISDICTION_NORTHERN_IRELAND; j++)
    {
      g_autoptr(EdCalendar) cal = calendar (j);
      guint year;

      for (year = 2020; year <= 2035; year++)
        {
          GDate easter;
          GDate friday;
          GDate monday;
          const char *name = NULL;

          ed_date_easter_sunday (year, &easter);
          friday = easter;
          g_date_subtract_days (&friday, 2);
          monday = easter;
          g_date_add_days (&monday, 1);

          g_assert_true (ed_calendar_is_bank_holiday (cal, &friday, &name));
          g_assert_cmpstr (name, ==, "Good Friday");
          g_assert_false (ed_calendar_is_working_day (cal, &friday));

          if (j == ED_JURISDICTION_SCOTLAND)
            {
              g_assert_false (ed_calendar_is_bank_holiday (cal, &monday, NULL));
              g_assert_true (ed_calendar_is_working_day (cal, &monday));
            }
          else
            {
              g_assert_true (ed_calendar_is_bank_holiday (cal, &monday, &name));
              g_assert_cmpstr (name, ==, "Easter Monday");
              g_assert_false (ed_calendar_is_working_day (cal, &monday));
            }
        }
    }
}

/* Sanity checks on the data files: every bank holiday falls on a weekday (substitutes
 * replace weekend dates), and each year has the expected number of them, extra one-off days
 * aside. */
static void
test_data_shape (void)
{
  static const struct {
    EdJurisdiction jurisdiction;
    guint          usual;
  } cases[] = {
    { ED_JURISDICTION_ENGLAND_AND_WALES, 8 },
    { ED_JURISDICTION_SCOTLAND, 9 },
    { ED_JURISDICTION_NORTHERN_IRELAND, 10 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EdCalendar) cal = calendar (cases[i].jurisdiction);
      guint year;

      for (year = 2020; year <= 2035; year++)
        {
          GDate d;
          guint count = 0;
          guint expected = cases[i].usual;

          g_date_clear (&d, 1);
          g_date_set_dmy (&d, 1, G_DATE_JANUARY, year);
          for (; g_date_get_year (&d) == year; g_date_add_days (&d, 1))
            {
              if (ed_calendar_is_bank_holiday (cal, &d, NULL))
                {
                  g_assert_false (ed_date_is_weekend (&d));
                  count++;
                }
            }

          if (year == 2022)
            expected += 2;  /* Platinum Jubilee; State Funeral */
          else if (year == 2023)
            expected += 1;  /* Coronation */

          if (count != expected)
            g_error ("%s %u: %u bank holidays, expected %u",
                     ed_jurisdiction_to_string (cases[i].jurisdiction), year, count, expected);
        }
    }
}

static void
test_working_days_weekends (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);

  g_assert_true (is_wd (cal, "2024-05-02"));   /* Thursday */
  g_assert_true (is_wd (cal, "2024-05-03"));   /* Friday */
  g_assert_false (is_wd (cal, "2024-05-04"));  /* Saturday */
  g_assert_false (is_wd (cal, "2024-05-05"));  /* Sunday */
  g_assert_false (is_wd (cal, "2024-05-06"));  /* Early May bank holiday */
  g_assert_true (is_wd (cal, "2024-05-07"));

  /* Friday to Monday across a weekend is one working day on. */
  assert_after (cal, "2024-05-10", 1, "2024-05-13");
  assert_before (cal, "2024-05-13", 1, "2024-05-10");
  /* Across the weekend and the bank holiday Monday. */
  assert_after (cal, "2024-05-03", 1, "2024-05-07");
  assert_before (cal, "2024-05-07", 1, "2024-05-03");
  /* Starting on a weekend: the day itself is never counted. */
  assert_after (cal, "2024-05-11", 1, "2024-05-13");
  assert_before (cal, "2024-05-12", 1, "2024-05-10");
  /* Zero working days is the day itself. */
  assert_before (cal, "2024-05-12", 0, "2024-05-12");
  assert_after (cal, "2024-05-12", 0, "2024-05-12");
}

static void
test_dies_non_reasons (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  GDate d;

  d = date ("2024-05-04");
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Saturday");
  d = date ("2024-05-05");
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Sunday");
  d = date ("2024-05-06");
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Early May bank holiday");
  d = date ("2024-12-24");
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Christmas Eve");
  d = date ("2021-12-25");  /* a Saturday, but Christmas Day first */
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Christmas Day");
  d = date ("2024-03-29");
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Good Friday");
  d = date ("2024-05-02");
  g_assert_null (ed_calendar_get_dies_non_reason (cal, &d));
}

/* Christmas Eve is a dies non under the timetable rules (RPA 1983 Sch 1 r 2), although it is
 * not a bank holiday; so is Christmas Day even when the bank holiday moves to a Monday. */
static void
test_christmas (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  GDate d = date ("2024-12-24");

  g_assert_false (ed_calendar_is_bank_holiday (cal, &d, NULL));
  g_assert_false (is_wd (cal, "2024-12-24"));  /* Tuesday, Christmas Eve */
  g_assert_false (is_wd (cal, "2024-12-25"));
  g_assert_false (is_wd (cal, "2024-12-26"));
  g_assert_true (is_wd (cal, "2024-12-23"));
  g_assert_true (is_wd (cal, "2024-12-27"));
  g_assert_true (is_wd (cal, "2024-12-31"));   /* New Year's Eve is an ordinary day */

  assert_after (cal, "2024-12-23", 1, "2024-12-27");
  assert_before (cal, "2024-12-27", 1, "2024-12-23");

  /* 2020: Christmas Eve Thursday, Christmas Friday, Boxing Day substitute Monday 28th. */
  assert_after (cal, "2020-12-23", 1, "2020-12-29");
  /* 2021: Christmas Eve Friday, Christmas Saturday, substitutes 27th and 28th. */
  assert_after (cal, "2021-12-23", 1, "2021-12-29");
  /* Back from Tuesday 4 January 2022: 31, 30 and 29 December, then 23 December, skipping
   * the New Year substitute, a weekend, two Christmas substitutes and Christmas Eve. */
  assert_before (cal, "2022-01-04", 4, "2021-12-23");
}

/* Poll on Thursday 2 May 2024 in England: the timetable of DOMAIN.md §8, counted back over
 * Good Friday (29 March) and Easter Monday (1 April). */
static void
test_timetable_2024 (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);

  assert_before (cal, "2024-05-02", 25, "2024-03-26");  /* notice of election */
  assert_before (cal, "2024-05-02", 19, "2024-04-05");  /* close of nominations */
  assert_before (cal, "2024-05-02", 12, "2024-04-16");  /* registration deadline */
  assert_before (cal, "2024-05-02", 11, "2024-04-17");  /* postal vote applications */
  assert_before (cal, "2024-05-02", 6, "2024-04-24");   /* proxy applications */
  assert_before (cal, "2024-05-02", 5, "2024-04-25");   /* final interim notice */
  assert_before (cal, "2024-05-02", 4, "2024-04-26");   /* replacement postal votes from */
  assert_before (cal, "2024-05-02", 1, "2024-05-01");
}

/* Easter Monday is a bank holiday in England but not in Scotland, so a Scottish timetable
 * over Easter is one day shorter. */
static void
test_easter_monday_scotland (void)
{
  g_autoptr(EdCalendar) england = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  g_autoptr(EdCalendar) scotland = calendar (ED_JURISDICTION_SCOTLAND);

  g_assert_false (is_wd (england, "2024-04-01"));
  g_assert_true (is_wd (scotland, "2024-04-01"));
  g_assert_false (is_wd (scotland, "2024-03-29"));  /* Good Friday everywhere */

  assert_before (england, "2024-05-02", 25, "2024-03-26");
  assert_before (scotland, "2024-05-02", 25, "2024-03-27");
  assert_after (england, "2024-03-28", 1, "2024-04-02");
  assert_after (scotland, "2024-03-28", 1, "2024-04-01");
}

static void
test_scotland (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_SCOTLAND);

  assert_holiday (cal, "2024-01-02", "2nd January");
  /* New Year's Day on a Saturday: Monday 3 and Tuesday 4 January. */
  assert_holiday (cal, "2022-01-03", "New Year’s Day (substitute day)");
  assert_holiday (cal, "2022-01-04", "2nd January (substitute day)");
  /* New Year's Day on a Friday: 2 January (Saturday) moves to Monday 4th. */
  assert_holiday (cal, "2021-01-01", "New Year’s Day");
  assert_holiday (cal, "2021-01-04", "2nd January (substitute day)");
  /* New Year's Day on a Sunday: Monday 2 and Tuesday 3 January. */
  assert_holiday (cal, "2023-01-02", "New Year’s Day (substitute day)");
  assert_holiday (cal, "2023-01-03", "2nd January (substitute day)");
  /* Summer bank holiday is the first Monday of August, not the last. */
  assert_holiday (cal, "2024-08-05", "Summer bank holiday");
  assert_not_holiday (cal, "2024-08-26");
  assert_holiday (cal, "2025-08-04", "Summer bank holiday");
  g_assert_true (is_wd (cal, "2025-08-25"));
  /* St Andrew's Day, with a Monday substitute when it falls at a weekend. */
  assert_holiday (cal, "2023-11-30", "St Andrew’s Day");
  assert_holiday (cal, "2024-12-02", "St Andrew’s Day (substitute day)");
  assert_holiday (cal, "2025-12-01", "St Andrew’s Day (substitute day)");
  g_assert_false (is_wd (cal, "2025-11-30"));  /* Sunday anyway */
  /* The UK-wide one-off days apply in Scotland too. */
  assert_holiday (cal, "2020-05-08", "Early May bank holiday (VE day)");
  assert_holiday (cal, "2022-06-03", "Platinum Jubilee bank holiday");
  assert_holiday (cal, "2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II");
  assert_holiday (cal, "2023-05-08", "Bank holiday for the coronation of King Charles III");
  assert_holiday (cal, "2024-05-27", "Spring bank holiday");

  /* First working day of January 2023: Monday 2 and Tuesday 3 are holidays. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    GDate out;

    g_assert_true (ed_calendar_first_working_day_of_month (cal, 2023, G_DATE_JANUARY, &out,
                                                           &error));
    g_assert_no_error (error);
    text = ed_date_format_iso (&out);
    g_assert_cmpstr (text, ==, "2023-01-04");
  }

  assert_after (cal, "2025-11-28", 1, "2025-12-02");
}

static void
test_northern_ireland (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_NORTHERN_IRELAND);
  g_autoptr(EdCalendar) england = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);

  assert_holiday (cal, "2023-03-17", "St Patrick’s Day");
  assert_holiday (cal, "2024-03-18", "St Patrick’s Day (substitute day)");
  assert_holiday (cal, "2024-07-12", "Battle of the Boyne (Orangemen’s Day)");
  assert_holiday (cal, "2020-07-13", "Battle of the Boyne (Orangemen’s Day) (substitute day)");
  assert_holiday (cal, "2025-07-14", "Battle of the Boyne (Orangemen’s Day) (substitute day)");
  assert_holiday (cal, "2024-04-01", "Easter Monday");
  assert_holiday (cal, "2024-08-26", "Summer bank holiday");
  assert_not_holiday (cal, "2024-01-02");
  assert_not_holiday (cal, "2024-12-02");

  g_assert_true (is_wd (england, "2024-07-12"));
  g_assert_false (is_wd (cal, "2024-07-12"));
  assert_after (cal, "2024-07-11", 1, "2024-07-15");
  assert_after (england, "2024-07-11", 1, "2024-07-12");
  assert_after (cal, "2025-07-11", 1, "2025-07-15");
}

/* A day of public thanksgiving or mourning is a dies non (RPA 1983 Sch 1 r 2(1)(c)). */
static void
test_add_dies_non (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  g_autoptr(EdCalendar) other = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  g_autoptr(GError) error = NULL;
  GDate d = date ("2024-04-10");
  GDate outside = date ("2036-06-02");

  g_assert_true (is_wd (cal, "2024-04-10"));
  g_assert_true (ed_calendar_add_dies_non (cal, &d, "National day of mourning", &error));
  g_assert_no_error (error);
  g_assert_false (is_wd (cal, "2024-04-10"));
  g_assert_false (ed_calendar_is_bank_holiday (cal, &d, NULL));
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "National day of mourning");
  /* Each calendar keeps its own list. */
  g_assert_true (is_wd (other, "2024-04-10"));

  /* The 2 May 2024 timetable now starts a day earlier. */
  assert_before (cal, "2024-05-02", 19, "2024-04-04");
  assert_before (cal, "2024-05-02", 25, "2024-03-25");

  g_assert_true (ed_calendar_add_dies_non (cal, &d, "Day of thanksgiving", NULL));
  g_assert_cmpstr (ed_calendar_get_dies_non_reason (cal, &d), ==, "Day of thanksgiving");

  g_assert_false (ed_calendar_add_dies_non (cal, &outside, "Too late", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
}

/* Monthly notices of alteration are published on the first working day of the month
 * (DOMAIN.md §1.4). */
static void
test_first_working_day_of_month (void)
{
  static const struct {
    EdJurisdiction jurisdiction;
    guint          year;
    guint          month;
    const char    *expected;
  } cases[] = {
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2021, 1, "2021-01-04" },  /* Fri 1 Jan bank hol */
    { ED_JURISDICTION_SCOTLAND, 2021, 1, "2021-01-05" },           /* and Mon 4 Jan too */
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2022, 1, "2022-01-04" },  /* Mon 3 Jan substitute */
    { ED_JURISDICTION_SCOTLAND, 2022, 1, "2022-01-05" },
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2024, 5, "2024-05-01" },  /* ordinary Wednesday */
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2024, 6, "2024-06-03" },  /* 1 June a Saturday */
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2024, 4, "2024-04-02" },  /* Easter Monday 1 April */
    { ED_JURISDICTION_SCOTLAND, 2024, 4, "2024-04-01" },
    { ED_JURISDICTION_SCOTLAND, 2025, 12, "2025-12-02" },          /* St Andrew's substitute */
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2025, 12, "2025-12-01" },
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2020, 1, "2020-01-02" },  /* first covered month */
    { ED_JURISDICTION_ENGLAND_AND_WALES, 2035, 12, "2035-12-03" }, /* last; 1–2 Dec weekend */
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EdCalendar) cal = calendar (cases[i].jurisdiction);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GDate out;

      g_assert_true (ed_calendar_first_working_day_of_month (cal, cases[i].year, cases[i].month,
                                                             &out, &error));
      g_assert_no_error (error);
      text = ed_date_format_iso (&out);
      if (g_strcmp0 (text, cases[i].expected) != 0)
        g_error ("%s %u-%02u: got %s, expected %s",
                 ed_jurisdiction_to_string (cases[i].jurisdiction), cases[i].year,
                 cases[i].month, text, cases[i].expected);
    }
}

static void
test_count_working_days (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  g_autoptr(GError) error = NULL;
  GDate from = date ("2024-03-26");
  GDate to = date ("2024-05-02");
  gint count = 0;

  g_assert_true (ed_calendar_count_working_days (cal, &from, &to, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 25);

  g_assert_true (ed_calendar_count_working_days (cal, &to, &from, &count, &error));
  g_assert_cmpint (count, ==, -25);

  g_assert_true (ed_calendar_count_working_days (cal, &from, &from, &count, &error));
  g_assert_cmpint (count, ==, 0);

  /* (Fri, Mon] over a weekend is one working day; the start is never counted. */
  from = date ("2024-05-10");
  to = date ("2024-05-13");
  g_assert_true (ed_calendar_count_working_days (cal, &from, &to, &count, NULL));
  g_assert_cmpint (count, ==, 1);

  /* A whole ordinary year: 2024 has 366 days, 104 weekend days, 8 bank holidays on
   * weekdays and Christmas Eve on a Tuesday: 253 working days. */
  from = date ("2023-12-31");
  to = date ("2024-12-31");
  g_assert_true (ed_calendar_count_working_days (cal, &from, &to, &count, NULL));
  g_assert_cmpint (count, ==, 253);
}

/* Evaluates @call, which sets `error`, and checks it was refused as out of range. */
#define assert_out_of_range(call) \
  G_STMT_START \
  { \
    gboolean ok_ = (call); \
    g_assert_false (ok_); \
    g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE); \
    g_assert_nonnull (strstr (error->message, "2017 to 2035")); \
    g_clear_error (&error); \
  } \
  G_STMT_END

/* Outside 2017–2035 the calendar does not know the bank holidays, so it must refuse rather
 * than answer as if there were none. */
static void
test_out_of_range_refused (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  GDate early = date ("2016-12-31");
  GDate late = date ("2036-01-01");
  GDate first = date ("2017-01-03");
  GDate last = date ("2035-12-31");
  GDate out = date ("2000-01-01");
  gint count = 99;
  GError *error = NULL;

  assert_out_of_range (ed_calendar_covers_date (cal, &early, &error));
  assert_out_of_range (ed_calendar_covers_date (cal, &late, &error));
  g_assert_true (ed_calendar_covers_date (cal, &first, &error));
  g_assert_true (ed_calendar_covers_date (cal, &last, &error));
  g_assert_no_error (error);

  assert_out_of_range (ed_calendar_working_days_before (cal, &late, 1, &out, &error));
  assert_out_of_range (ed_calendar_working_days_after (cal, &early, 1, &out, &error));

  /* The start is covered but the count runs out of the covered years. */
  assert_out_of_range (ed_calendar_working_days_before (cal, &first, 2, &out, &error));
  assert_out_of_range (ed_calendar_working_days_after (cal, &last, 1, &out, &error));
  assert_out_of_range (ed_calendar_working_days_before (cal, &last, 5000, &out, &error));

  /* 2 January 2017 is a bank holiday (New Year's Day fell on a Sunday), so one working day
   * before the 3rd is in 2016. */
  assert_out_of_range (ed_calendar_working_days_before (cal, &first, 1, &out, &error));

  assert_out_of_range (ed_calendar_count_working_days (cal, &early, &first, &count, &error));
  assert_out_of_range (ed_calendar_count_working_days (cal, &first, &late, &count, &error));
  assert_out_of_range (ed_calendar_first_working_day_of_month (cal, 2016, G_DATE_DECEMBER, &out,
                                                               &error));
  assert_out_of_range (ed_calendar_first_working_day_of_month (cal, 2036, G_DATE_JANUARY, &out,
                                                               &error));

  /* Nothing was written on failure. */
  g_assert_cmpint (count, ==, 99);
  g_assert_cmpuint (g_date_get_year (&out), ==, 2000);
}

/* Yes/no questions have no error to return, so an uncovered date is a programming error. */
static void
test_out_of_range_is_critical (void)
{
  g_autoptr(EdCalendar) cal = calendar (ED_JURISDICTION_ENGLAND_AND_WALES);
  GDate late = date ("2036-01-01");

  g_test_expect_message ("ed-core", G_LOG_LEVEL_CRITICAL, "*ed_calendar_covers_date*");
  g_assert_false (ed_calendar_is_working_day (cal, &late));
  g_test_assert_expected_messages ();

  g_test_expect_message ("ed-core", G_LOG_LEVEL_CRITICAL, "*ed_calendar_covers_date*");
  g_assert_false (ed_calendar_is_bank_holiday (cal, &late, NULL));
  g_test_assert_expected_messages ();
}

/* Every working day in the covered years, checked against the rules independently of the
 * implementation: not a weekend, not 24 or 25 December, not a bank holiday. */
static void
test_working_day_rule (void)
{
  EdJurisdiction j;

  for (j = ED_JURISDICTION_ENGLAND_AND_WALES; j <= ED_JURISDICTION_NORTHERN_IRELAND; j++)
    {
      g_autoptr(EdCalendar) cal = calendar (j);
      GDate d = date ("2020-01-01");

      for (; g_date_get_year (&d) <= 2035; g_date_add_days (&d, 1))
        {
          gboolean christmas = g_date_get_month (&d) == G_DATE_DECEMBER &&
                               (g_date_get_day (&d) == 24 || g_date_get_day (&d) == 25);
          gboolean expected = !ed_date_is_weekend (&d) && !christmas &&
                              !ed_calendar_is_bank_holiday (cal, &d, NULL);

          g_assert_cmpint (ed_calendar_is_working_day (cal, &d), ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/calendar/jurisdiction-strings", test_jurisdiction_strings);
  g_test_add_func ("/core/calendar/loads-every-jurisdiction", test_loads_every_jurisdiction);
  g_test_add_func ("/core/calendar/england-published-holidays", test_england_published_holidays);
  g_test_add_func ("/core/calendar/england-names-and-one-offs", test_england_names_and_one_offs);
  g_test_add_func ("/core/calendar/easter-every-year", test_easter_every_year);
  g_test_add_func ("/core/calendar/data-shape", test_data_shape);
  g_test_add_func ("/core/calendar/working-days-weekends", test_working_days_weekends);
  g_test_add_func ("/core/calendar/dies-non-reasons", test_dies_non_reasons);
  g_test_add_func ("/core/calendar/christmas", test_christmas);
  g_test_add_func ("/core/calendar/timetable-2024", test_timetable_2024);
  g_test_add_func ("/core/calendar/easter-monday-scotland", test_easter_monday_scotland);
  g_test_add_func ("/core/calendar/scotland", test_scotland);
  g_test_add_func ("/core/calendar/northern-ireland", test_northern_ireland);
  g_test_add_func ("/core/calendar/add-dies-non", test_add_dies_non);
  g_test_add_func ("/core/calendar/first-working-day-of-month", test_first_working_day_of_month);
  g_test_add_func ("/core/calendar/count-working-days", test_count_working_days);
  g_test_add_func ("/core/calendar/out-of-range-refused", test_out_of_range_refused);
  g_test_add_func ("/core/calendar/out-of-range-is-critical", test_out_of_range_is_critical);
  g_test_add_func ("/core/calendar/working-day-rule", test_working_day_rule);

  return g_test_run ();
}
