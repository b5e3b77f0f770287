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

/* The months as people write them: the English names, their first three letters and
 * "Sept", and the Welsh names, which a bilingual council's officers type as readily. */
static const struct
{
  const char *name;
  GDateMonth  month;
} month_words[] = {
  { "january", G_DATE_JANUARY }, { "february", G_DATE_FEBRUARY }, { "march", G_DATE_MARCH },
  { "april", G_DATE_APRIL }, { "may", G_DATE_MAY }, { "june", G_DATE_JUNE },
  { "july", G_DATE_JULY }, { "august", G_DATE_AUGUST }, { "september", G_DATE_SEPTEMBER },
  { "october", G_DATE_OCTOBER }, { "november", G_DATE_NOVEMBER },
  { "december", G_DATE_DECEMBER },
  { "jan", G_DATE_JANUARY }, { "feb", G_DATE_FEBRUARY }, { "mar", G_DATE_MARCH },
  { "apr", G_DATE_APRIL }, { "jun", G_DATE_JUNE }, { "jul", G_DATE_JULY },
  { "aug", G_DATE_AUGUST }, { "sep", G_DATE_SEPTEMBER }, { "sept", G_DATE_SEPTEMBER },
  { "oct", G_DATE_OCTOBER }, { "nov", G_DATE_NOVEMBER }, { "dec", G_DATE_DECEMBER },
  { "ionawr", G_DATE_JANUARY }, { "chwefror", G_DATE_FEBRUARY }, { "mawrth", G_DATE_MARCH },
  { "ebrill", G_DATE_APRIL }, { "mai", G_DATE_MAY }, { "mehefin", G_DATE_JUNE },
  { "gorffennaf", G_DATE_JULY }, { "awst", G_DATE_AUGUST }, { "medi", G_DATE_SEPTEMBER },
  { "hydref", G_DATE_OCTOBER }, { "tachwedd", G_DATE_NOVEMBER },
  { "rhagfyr", G_DATE_DECEMBER },
};

/* For messages, in the language of the messages rather than of LC_TIME. */
static const char *const month_display_names[] = {
  NULL, N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* A run of digits or of letters in what was typed, and the marks before it. */
typedef struct
{
  const char *start;
  gsize       len;
  gboolean    digits;
  gboolean    joined;  /* nothing between it and the run before, as in "13th" */
  char        mark;    /* the one mark ('/', '-', '.' or ',') before it; 0 for none; '?' for
                        * more than one */
} Token;

#define MAX_TOKENS 4

static gboolean
is_mark (char c)
{
  return c == '/' || c == '-' || c == '.' || c == ',';
}

/* Splits @text into runs of digits and of ASCII letters, apart by spaces and marks.
 * Fails on any other character, or on more runs than a date has. */
static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = text;
  guint n = 0;

  while (*p != '\0')
    {
      gboolean joined = TRUE;
      char mark = 0;
      gsize len;
      Token *token;

      for (;;)
        {
          if (_ed_value_is_space (p, &len))
            p += len;
          else if (is_mark (*p))
            {
              mark = mark == 0 ? *p : '?';
              p++;
            }
          else
            break;
          joined = FALSE;
        }
      if (*p == '\0')
        return FALSE;
      if (!g_ascii_isdigit (*p) && !g_ascii_isalpha (*p))
        return FALSE;
      if (n == MAX_TOKENS)
        return FALSE;

      token = &tokens[n++];
      token->start = p;
      token->digits = g_ascii_isdigit (*p);
      token->joined = joined && n > 1;
      token->mark = mark;
      while (*p != '\0' && (token->digits ? g_ascii_isdigit (*p) : g_ascii_isalpha (*p)))
        p++;
      token->len = p - token->start;
    }
  *n_tokens = n;
  return n > 0 && tokens[0].mark == 0;
}

static GDateMonth
month_from_word (const Token *token)
{
  g_autofree char *word = g_ascii_strdown (token->start, token->len);

  for (guint i = 0; i < G_N_ELEMENTS (month_words); i++)
    if (g_str_equal (word, month_words[i].name))
      return month_words[i].month;
  return G_DATE_BAD_MONTH;
}

static gboolean
is_ordinal (const Token *token)
{
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (token->len == 2 && g_ascii_strncasecmp (token->start, suffixes[i], 2) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
not_a_date (const char  *display,
            GError     **error)
{
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: %s is what the user typed. */
               _("“%s” is not a date: write the day, the month and the year, such as "
                 "13/5/2026, 13 May 2026 or 2026-05-13"),
               display);
  return FALSE;
}

static gboolean
read_year (const Token  *token,
           const char   *display,
           guint        *year,
           GError      **error)
{
  if (!token->digits)
    return not_a_date (display, error);
  /* 26 could be 1926 or 2026, and a date of birth may be either. */
  if (token->len == 2)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS,
                   /* Translators: %s is what the user typed. */
                   _("“%s” has a two-digit year: write the year in full, such as 13/5/2026"),
                   display);
      return FALSE;
    }
  if (token->len != 4)
    return not_a_date (display, error);
  *year = digits_value (token->start, 4);
  if (*year == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not a real date: there is no year 0000"), display);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_date_parse:
 * @text: a date as a person types it
 * @out: (out) (optional): the date
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads a date the way people in a UK office write one, day first:
 *
 * - `13/5/2026`, `13/05/2026`, `13.5.2026` or `13-5-2026`;
 * - `13 May 2026`, `13 may 2026`, `13 Sept 2026`, `13th May 2026`, `13-May-2026`: the month's
 *   English name, its first three letters or "Sept", or its Welsh name;
 * - `2026-05-13`, year first, as ISO 8601 writes it and as dates are stored.
 *
 * Spaces around the date are ignored. The year is written in full: `13/5/26` is refused as
 * ambiguous rather than guessed. A day the month does not have (`31/4/2026`, `29/2/2027`) is
 * refused with a message that says how long the month is. Files are read with
 * ed_date_parse_iso(), which takes only the stored form.
 *
 * Returns: %TRUE if @text is a real date in one of these forms
 */
gboolean
ed_date_parse (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;
  Token tokens[MAX_TOKENS];
  gboolean ordinal = FALSE;
  gboolean year_first = FALSE;
  guint n_tokens = 0;
  guint day = 0;
  guint month = 0;
  guint year = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);
  display = ed_value_display_text (text);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                           _("Enter a date, such as 13/5/2026, 13 May 2026 or 2026-05-13"));
      return FALSE;
    }

  if (!tokenize (stripped, tokens, &n_tokens))
    return not_a_date (display, error);
  /* "13th May 2026": the ordinal's letters belong to the day. */
  if (n_tokens == 4 && tokens[0].digits && !tokens[1].digits && tokens[1].joined &&
      is_ordinal (&tokens[1]))
    {
      memmove (&tokens[1], &tokens[2], 2 * sizeof (Token));
      n_tokens = 3;
      ordinal = TRUE;
    }
  if (n_tokens != 3)
    return not_a_date (display, error);

  if (tokens[0].digits && tokens[1].digits && tokens[2].digits && !ordinal)
    {
      if (tokens[0].len == 4 && tokens[1].mark == '-' && tokens[2].mark == '-' &&
          tokens[1].len <= 2 && tokens[2].len <= 2)
        {
          year_first = TRUE;
          year = digits_value (tokens[0].start, 4);
          month = digits_value (tokens[1].start, tokens[1].len);
          day = digits_value (tokens[2].start, tokens[2].len);
          if (year == 0)
            {
              g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("“%s” is not a real date: there is no year 0000"), display);
              return FALSE;
            }
        }
      else if (tokens[0].len <= 2 && tokens[1].len <= 2 && tokens[1].mark != 0 &&
               tokens[1].mark != '?' && tokens[1].mark != ',' &&
               tokens[2].mark == tokens[1].mark)
        {
          day = digits_value (tokens[0].start, tokens[0].len);
          month = digits_value (tokens[1].start, tokens[1].len);
          if (!read_year (&tokens[2], display, &year, error))
            return FALSE;
        }
      else
        return not_a_date (display, error);
    }
  else if (tokens[0].digits && tokens[0].len <= 2 && !tokens[1].digits)
    {
      month = month_from_word (&tokens[1]);
      if (month == G_DATE_BAD_MONTH)
        {
          g_autofree char *word = g_strndup (tokens[1].start, tokens[1].len);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: the first %s is what the user typed, the second the
                        * word in it that should have been a month. */
                       _("“%s” is not a date: “%s” is not the name of a month, such as May "
                         "or Sept"),
                       display, word);
          return FALSE;
        }
      day = digits_value (tokens[0].start, tokens[0].len);
      if (!read_year (&tokens[2], display, &year, error))
        return FALSE;
    }
  else if (!tokens[0].digits && tokens[1].digits && tokens[2].digits &&
           month_from_word (&tokens[0]) != G_DATE_BAD_MONTH)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” puts the month first: write the day first, such as 13 May 2026"),
                   display);
      return FALSE;
    }
  else
    return not_a_date (display, error);

  if (month < 1 || month > 12)
    {
      if (year_first)
        g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                     /* Translators: %s is what the user typed. */
                     _("“%s” is not a real date: the month (after the first hyphen) must be "
                       "01 to 12"),
                     display);
      else
        g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                     /* Translators: %s is what the user typed. */
                     _("“%s” is not a real date: the month comes second and must be 1 to 12, "
                       "as in 13/5/2026"),
                     display);
      return FALSE;
    }
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: the first %s is what the user typed; then the month it
                    * names, its year, and the number of days in that month: “February 2027
                    * has 28 days”. */
                   _("“%s” is not a real date: %s %u has %u days"),
                   display, _(month_display_names[month]), year,
                   (guint) g_date_get_days_in_month (month, year));
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
 * ed_date_format_long:
 * @date: a valid date
 *
 * Formats @date in full, with the weekday and the month's name in the language of the
 * desk: “Wednesday 13 May 2026”. This is how a form shows back a date that was typed,
 * so that a day and month the wrong way round are seen at once.
 *
 * Returns: (transfer full): the date, or %NULL if @date is not valid
 */
char *
ed_date_format_long (const GDate *date)
{
  /* Our own names rather than strftime's: a desk has the Welsh catalogue whether or not its
   * system has a Welsh locale, and the register's dates read the same in every document. */
  static const char *const weekdays[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };
  static const char *const months[] = {
    NULL, N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
  };

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  /* Translators: a date in full, as the UK writes it: weekday, day, month, year ("Monday 4
   * January 2027"; in Welsh "Dydd Llun 4 Ionawr 2027"). Reorder with %1$s and the like. */
  return g_strdup_printf (C_("full date", "%1$s %2$u %3$s %4$u"),
                          _(weekdays[g_date_get_weekday (date)]),
                          (guint)g_date_get_day (date),
                          _(months[g_date_get_month (date)]),
                          (guint)g_date_get_year (date));
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
