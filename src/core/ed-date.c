/* ed-date.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static guint
digits_value (const char *s,
              guint       n)
{
  guint value = 0;
  guint i;

  for (i = 0; i < n; i++)
    value = value * 10 + (guint) (s[i] - '0');
  return value;
}

/**
 * ed_date_parse_iso:
 * @text: a date written as `YYYY-MM-DD`
 * @out: (out) (optional): the date
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads an ISO 8601 calendar date, strictly: four-digit year, two-digit month and day,
 * hyphens, nothing before or after (not even spaces), and a day that exists in that month.
 * Dates are stored and exchanged in this form, so a lenient reader would only hide mistakes
 * in files; user interfaces that accept other forms convert before calling this.
 *
 * Returns: %TRUE if @text is a real date in the form `YYYY-MM-DD`
 */
gboolean
ed_date_parse_iso (const char  *text,
                   GDate       *out,
                   GError     **error)
{
  g_autofree char *display = NULL;
  guint year;
  guint month;
  guint day;
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = ed_value_display_text (text);

  if (*display == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter a date in the form YYYY-MM-DD, such as 2024-05-02"));
      return FALSE;
    }

  /* The quoted text in messages has its spaces trimmed, so say so rather than show a
   * correct-looking date as wrong. */
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” has spaces before or after it: enter just the date, in the form "
                     "YYYY-MM-DD"),
                   display);
      return FALSE;
    }

  for (i = 0; i < 10; i++)
    {
      gboolean ok = (i == 4 || i == 7) ? text[i] == '-' : g_ascii_isdigit (text[i]);

      if (!ok)
        break;
    }

  if (i < 10 || text[10] != '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a date in the form YYYY-MM-DD (year, month, day), "
                     "such as 2024-05-02"),
                   display);
      return FALSE;
    }

  year = digits_value (text, 4);
  month = digits_value (text + 5, 2);
  day = digits_value (text + 8, 2);

  if (year == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not a real date: there is no year 0000"), display);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a real date: the month (after the first hyphen) must be "
                     "01 to 12"),
                   display);
      return FALSE;
    }

  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed, %u the number of days in the
                    * month it names. */
                   _("“%s” is not a real date: that month has %u days"),
                   display, (guint) g_date_get_days_in_month (month, year));
      return FALSE;
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
    }
  return TRUE;
}

/**
 * ed_date_format_iso:
 * @date: a valid date
 *
 * Formats @date as `YYYY-MM-DD`, the form ed_date_parse_iso() reads.
 *
 * Returns: (transfer full): the date, or %NULL if @date is not valid
 */
char *
ed_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * ed_date_is_weekend:
 * @date: a valid date
 *
 * Returns: %TRUE if @date is a Saturday or a Sunday
 */
gboolean
ed_date_is_weekend (const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

/**
 * ed_date_easter_sunday:
 * @year: a year of the Gregorian calendar, 1583 or later
 * @out: (out): Easter Sunday of @year
 *
 * Computes Easter Sunday in the Gregorian calendar, as the Church of England (and so the
 * Banking and Financial Dealings Act 1971, through Good Friday and Easter Monday) reckons
 * it. Uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher), which is exact for
 * every Gregorian year.
 */
void
ed_date_easter_sunday (GDateYear  year,
                       GDate     *out)
{
  guint y = year;
  guint a, b, c, d, e, f, g, h, i, k, l, m;
  guint month;
  guint day;

  g_return_if_fail (year >= 1583);
  g_return_if_fail (out != NULL);

  a = y % 19;
  b = y / 100;
  c = y % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;  /* h + k <= 32, so never negative */
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}
