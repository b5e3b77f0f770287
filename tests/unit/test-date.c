/* test-date.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <glib.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-value-error.h"

static void
test_parse_accepts (void)
{
  static const struct {
    const char *text;
    guint       year;
    guint       month;
    guint       day;
  } cases[] = {
    { "2024-05-02", 2024, 5, 2 },
    { "2024-02-29", 2024, 2, 29 },   /* leap year */
    { "2000-02-29", 2000, 2, 29 },   /* divisible by 400: leap */
    { "2023-12-31", 2023, 12, 31 },
    { "2020-01-01", 2020, 1, 1 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_assert_true (ed_date_parse_iso (cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
    }

  g_assert_true (ed_date_parse_iso ("2024-05-02", NULL, NULL));
}

static void
test_parse_rejects (void)
{
  static const struct {
    const char   *text;
    EdValueError  code;
    const char   *message_part;
  } cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "YYYY-MM-DD" },
    { "2023-02-29", ED_VALUE_ERROR_INVALID, "that month has 28 days" },
    { "1900-02-29", ED_VALUE_ERROR_INVALID, "28 days" },   /* divisible by 100 only */
    { "2024-04-31", ED_VALUE_ERROR_INVALID, "30 days" },
    { "2024-01-32", ED_VALUE_ERROR_INVALID, "31 days" },
    { "2024-01-00", ED_VALUE_ERROR_INVALID, "31 days" },
    { "2024-13-01", ED_VALUE_ERROR_INVALID, "01 to 12" },
    { "2024-00-10", ED_VALUE_ERROR_INVALID, "01 to 12" },
    { "0000-01-01", ED_VALUE_ERROR_INVALID, "no year 0000" },
    { "2024-5-2", ED_VALUE_ERROR_INVALID, "YYYY-MM-DD" },
    { "02/05/2024", ED_VALUE_ERROR_INVALID, "YYYY-MM-DD" },
    { "2024/05/02", ED_VALUE_ERROR_INVALID, NULL },
    { "20240502", ED_VALUE_ERROR_INVALID, NULL },
    { " 2024-05-02", ED_VALUE_ERROR_INVALID, "spaces before or after" },
    { "2024-05-02\n", ED_VALUE_ERROR_INVALID, "spaces before or after" },
    { "   ", ED_VALUE_ERROR_EMPTY, NULL },
    { "2024-05-02T10:00", ED_VALUE_ERROR_INVALID, NULL },
    { "12024-05-02", ED_VALUE_ERROR_INVALID, NULL },
    { "+2024-05-02", ED_VALUE_ERROR_INVALID, NULL },
    { "2024-05-0a", ED_VALUE_ERROR_INVALID, NULL },
    { "2024", ED_VALUE_ERROR_INVALID, NULL },
    { "yesterday", ED_VALUE_ERROR_INVALID, "“yesterday”" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ed_date_parse_iso (cases[i].text, NULL, &error))
        g_error ("“%s” was accepted", cases[i].text);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”", cases[i].text, error->message);
    }
}

/* The forms people type (ed_date_parse()), day first as in the UK. */
static void
test_parse_people_accepts (void)
{
  static const struct {
    const char *text;
    guint       year;
    guint       month;
    guint       day;
  } cases[] = {
    /* Numbers, day first: 13/5/2026, with or without leading zeros, and other marks. */
    { "13/5/2026", 2026, 5, 13 },
    { "13/05/2026", 2026, 5, 13 },
    { "1/1/2027", 2027, 1, 1 },
    { "01/01/2027", 2027, 1, 1 },
    { "13.5.2026", 2026, 5, 13 },
    { "13-5-2026", 2026, 5, 13 },
    { "13 / 5 / 2026", 2026, 5, 13 },
    { "29/2/2028", 2028, 2, 29 },          /* leap year */
    { "29/2/2000", 2000, 2, 29 },          /* divisible by 400: leap */
    /* 13 May 2026: the month's name, in any case, full or its first three letters. */
    { "13 May 2026", 2026, 5, 13 },
    { "13 may 2026", 2026, 5, 13 },
    { "13 MAY 2026", 2026, 5, 13 },
    { "1 January 2027", 2027, 1, 1 },
    { "1 Jan 2027", 2027, 1, 1 },
    { "28 Feb 2027", 2027, 2, 28 },
    { "13 Sept 2026", 2026, 9, 13 },       /* "Sept", as often written */
    { "13 Sep 2026", 2026, 9, 13 },
    { "13 September 2026", 2026, 9, 13 },
    { "30 Jun 2026", 2026, 6, 30 },
    { "31 dec 2026", 2026, 12, 31 },
    { "13 Sept. 2026", 2026, 9, 13 },
    { "13th May 2026", 2026, 5, 13 },      /* an ordinal day */
    { "1st June 2026", 2026, 6, 1 },
    { "2nd Jun 2026", 2026, 6, 2 },
    { "3rd Oct 2026", 2026, 10, 3 },
    { "13 May, 2026", 2026, 5, 13 },
    { "13-May-2026", 2026, 5, 13 },
    { "13 Mai 2026", 2026, 5, 13 },        /* Welsh month names */
    { "1 Gorffennaf 2026", 2026, 7, 1 },
    { "25 Rhagfyr 2026", 2026, 12, 25 },
    /* 2026-05-13: ISO 8601, as dates are stored; single digits too. */
    { "2026-05-13", 2026, 5, 13 },
    { "2026-5-13", 2026, 5, 13 },
    { "2024-02-29", 2024, 2, 29 },
    /* Spaces around the date, of any kind, are not part of it. */
    { "  13/5/2026 ", 2026, 5, 13 },
    { "\u00a013 May 2026\u00a0", 2026, 5, 13 },
    { "13\u00a0May\u00a02026", 2026, 5, 13 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (!ed_date_parse (cases[i].text, &date, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
    }

  g_assert_true (ed_date_parse ("13/5/2026", NULL, NULL));
}

static void
test_parse_people_rejects (void)
{
  static const struct {
    const char   *text;
    EdValueError  code;
    const char   *message_part;
  } cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "13/5/2026, 13 May 2026 or 2026-05-13" },
    { "  ", ED_VALUE_ERROR_EMPTY, "such as" },
    /* Days the month does not have: the message says how long the month is. */
    { "31/4/2026", ED_VALUE_ERROR_INVALID, "April 2026 has 30 days" },
    { "29/2/2027", ED_VALUE_ERROR_INVALID, "February 2027 has 28 days" },
    { "29 Feb 2100", ED_VALUE_ERROR_INVALID, "February 2100 has 28 days" },  /* not leap */
    { "31 June 2026", ED_VALUE_ERROR_INVALID, "June 2026 has 30 days" },
    { "32/1/2026", ED_VALUE_ERROR_INVALID, "January 2026 has 31 days" },
    { "0/1/2026", ED_VALUE_ERROR_INVALID, "January 2026 has 31 days" },
    { "2027-02-29", ED_VALUE_ERROR_INVALID, "February 2027 has 28 days" },
    /* Day first: a month over 12 is most likely the American order. */
    { "5/13/2026", ED_VALUE_ERROR_INVALID, "the month comes second" },
    { "13/0/2026", ED_VALUE_ERROR_INVALID, "1 to 12" },
    { "2026-13-05", ED_VALUE_ERROR_INVALID, "01 to 12" },
    { "May 13 2026", ED_VALUE_ERROR_INVALID, "write the day first" },
    { "Sept 13, 2026", ED_VALUE_ERROR_INVALID, "write the day first" },
    /* A year is written in full, never guessed. */
    { "13/5/26", ED_VALUE_ERROR_AMBIGUOUS, "write the year in full" },
    { "13 May 26", ED_VALUE_ERROR_AMBIGUOUS, "write the year in full" },
    { "13/5/202", ED_VALUE_ERROR_INVALID, "write the day, the month and the year" },
    { "13/5/0000", ED_VALUE_ERROR_INVALID, "no year 0000" },
    { "0000-05-13", ED_VALUE_ERROR_INVALID, "no year 0000" },
    /* Words that are not months, and text that is not a date at all. */
    { "13 Mya 2026", ED_VALUE_ERROR_INVALID, "“Mya” is not the name of a month" },
    { "13 Ma 2026", ED_VALUE_ERROR_INVALID, "is not the name of a month" },
    { "yesterday", ED_VALUE_ERROR_INVALID, "“yesterday” is not a date" },
    { "13/5", ED_VALUE_ERROR_INVALID, "13/5/2026" },
    { "13 May", ED_VALUE_ERROR_INVALID, "13 May 2026" },
    { "2026", ED_VALUE_ERROR_INVALID, NULL },
    { "13 5 2026", ED_VALUE_ERROR_INVALID, NULL },       /* no mark between the numbers */
    { "13/5-2026", ED_VALUE_ERROR_INVALID, NULL },       /* two different marks */
    { "13,5,2026", ED_VALUE_ERROR_INVALID, NULL },
    { "2026/05/13", ED_VALUE_ERROR_INVALID, NULL },      /* year first only as ISO writes it */
    { "20260513", ED_VALUE_ERROR_INVALID, NULL },
    { "13th 5 2026", ED_VALUE_ERROR_INVALID, NULL },
    { "Wed 13 May 2026", ED_VALUE_ERROR_INVALID, NULL },
    { "13 May 2026 10:00", ED_VALUE_ERROR_INVALID, NULL },
    { "13/5/2026.", ED_VALUE_ERROR_INVALID, NULL },
    { "/13/5/2026", ED_VALUE_ERROR_INVALID, NULL },
    { "013/5/2026", ED_VALUE_ERROR_INVALID, NULL },
    { "13 Mäy 2026", ED_VALUE_ERROR_INVALID, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (ed_date_parse (cases[i].text, &date, &error))
        g_error ("“%s” was accepted", cases[i].text);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”", cases[i].text, error->message);
    }
}

/* The long form shows a typed date back with its weekday. */
static void
test_format_long (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *text = NULL;
  GDate date;

  setlocale (LC_TIME, "C");
  g_assert_true (ed_date_parse ("13/5/2026", &date, NULL));
  text = ed_date_format_long (&date);
  g_assert_cmpstr (text, ==, "Wednesday 13 May 2026");
  setlocale (LC_TIME, saved);
}

/* In Welsh, from the build tree's catalogue: "Dydd Llun 4 Ionawr 2027" (issue 12, item 21),
 * whether or not the system has a Welsh locale. */
static void
test_format_long_welsh (void)
{
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "cy", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);
  g_autofree char *text = NULL;
  GDate date;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Welsh catalogue is not built");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "cy", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 4, G_DATE_JANUARY, 2027);
  text = ed_date_format_long (&date);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpstr (text, ==, "Dydd Llun 4 Ionawr 2027");
}

static void
test_format (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_MAY, 2024);
  a = ed_date_format_iso (&date);
  g_assert_cmpstr (a, ==, "2024-05-02");

  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 999);
  b = ed_date_format_iso (&date);
  g_assert_cmpstr (b, ==, "0999-12-31");

  g_assert_true (ed_date_parse_iso ("2035-03-25", &date, NULL));
  c = ed_date_format_iso (&date);
  g_assert_cmpstr (c, ==, "2035-03-25");
}

static void
test_format_rejects_invalid_date (void)
{
  GDate date;
  char *text;

  g_date_clear (&date, 1);
  g_test_expect_message ("ed-core", G_LOG_LEVEL_CRITICAL, "*g_date_valid*");
  text = ed_date_format_iso (&date);
  g_test_assert_expected_messages ();
  g_assert_null (text);
}

static void
test_weekend (void)
{
  GDate date;

  g_assert_true (ed_date_parse_iso ("2024-05-04", &date, NULL));
  g_assert_true (ed_date_is_weekend (&date));        /* Saturday */
  g_assert_true (ed_date_parse_iso ("2024-05-05", &date, NULL));
  g_assert_true (ed_date_is_weekend (&date));        /* Sunday */
  g_assert_true (ed_date_parse_iso ("2024-05-06", &date, NULL));
  g_assert_false (ed_date_is_weekend (&date));       /* Monday */
  g_assert_true (ed_date_parse_iso ("2024-05-03", &date, NULL));
  g_assert_false (ed_date_is_weekend (&date));       /* Friday */
}

/* Easter Sunday dates from the Church of England's tables, including the earliest and
 * latest possible dates (22 March and 25 April). */
static void
test_easter (void)
{
  static const struct {
    guint       year;
    const char *easter;
  } cases[] = {
    { 1818, "1818-03-22" },
    { 1943, "1943-04-25" },
    { 2000, "2000-04-23" },
    { 2019, "2019-04-21" },
    { 2020, "2020-04-12" },
    { 2021, "2021-04-04" },
    { 2022, "2022-04-17" },
    { 2023, "2023-04-09" },
    { 2024, "2024-03-31" },
    { 2025, "2025-04-20" },
    { 2026, "2026-04-05" },
    { 2027, "2027-03-28" },
    { 2030, "2030-04-21" },
    { 2035, "2035-03-25" },
    { 2038, "2038-04-25" },
    { 2285, "2285-03-22" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *text = NULL;

      ed_date_easter_sunday (cases[i].year, &date);
      text = ed_date_format_iso (&date);
      g_assert_cmpstr (text, ==, cases[i].easter);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_SUNDAY);
    }
}

/* Every Easter from 1583 to 4099 is a Sunday between 22 March and 25 April. */
static void
test_easter_range (void)
{
  guint year;

  for (year = 1583; year <= 4099; year++)
    {
      GDate date;

      ed_date_easter_sunday (year, &date);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_SUNDAY);
      g_assert_true ((g_date_get_month (&date) == G_DATE_MARCH && g_date_get_day (&date) >= 22) ||
                     (g_date_get_month (&date) == G_DATE_APRIL && g_date_get_day (&date) <= 25));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/parse-accepts", test_parse_accepts);
  g_test_add_func ("/core/date/parse-rejects", test_parse_rejects);
  g_test_add_func ("/core/date/parse-people-accepts", test_parse_people_accepts);
  g_test_add_func ("/core/date/parse-people-rejects", test_parse_people_rejects);
  g_test_add_func ("/core/date/format", test_format);
  g_test_add_func ("/core/date/format-long", test_format_long);
  g_test_add_func ("/core/date/format-long-welsh", test_format_long_welsh);
  g_test_add_func ("/core/date/format-rejects-invalid-date", test_format_rejects_invalid_date);
  g_test_add_func ("/core/date/weekend", test_weekend);
  g_test_add_func ("/core/date/easter", test_easter);
  g_test_add_func ("/core/date/easter-range", test_easter_range);

  return g_test_run ();
}
