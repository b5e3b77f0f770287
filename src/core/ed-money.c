/* ed-money.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-money.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define POUND_SIGN "\xc2\xa3"  /* U+00A3 */
#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212, which word processors put in for '-' */

static gboolean
set_invalid (GError     **error,
             const char  *display,
             const char  *reason)
{
  /* Translators: the first %s is what the user typed, the second says what is wrong. */
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               _("“%s” is not an amount of money: %s"), display, reason);
  return FALSE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
any_digit (const char *s,
           gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (g_ascii_isdigit (s[i]))
      return TRUE;
  return FALSE;
}

/* Returns FALSE if the value would pass ED_MONEY_MAX, which also keeps the arithmetic far
 * from gint64 overflow. */
static gboolean
accumulate (guint64    *value,
            const char *digits,
            gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (*value > (guint64) ED_MONEY_MAX / 10)
        return FALSE;
      *value = *value * 10 + (guint64) (digits[i] - '0');
      if (*value > (guint64) ED_MONEY_MAX)
        return FALSE;
    }
  return TRUE;
}

/* Checks the pounds part of an amount that contains commas. Commas may only separate
 * thousands; a comma followed by one or two digits at the end is how much of Europe writes
 * pence, so that is refused as ambiguous rather than guessed. */
static gboolean
check_grouping (const char  *display,
                const char  *pounds,
                gsize        pounds_len,
                gboolean     has_point,
                GString     *digits,
                GError     **error)
{
  g_auto(GStrv) groups = NULL;
  g_autofree char *copy = g_strndup (pounds, pounds_len);
  guint n_groups;
  guint i;

  groups = g_strsplit (copy, ",", -1);
  n_groups = g_strv_length (groups);

  if (!has_point && n_groups == 2 &&
      strlen (groups[0]) > 0 && all_digits (groups[0], strlen (groups[0])) &&
      strlen (groups[1]) >= 1 && strlen (groups[1]) <= 2 &&
      all_digits (groups[1], strlen (groups[1])))
    {
      g_autofree char *suggestion = g_strdup_printf ("%s.%s%s", groups[0], groups[1],
                                                     strlen (groups[1]) == 1 ? "0" : "");

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS,
                   /* Translators: the first %s is what the user typed, the second the same
                    * amount written with a decimal point, such as 1.23. */
                   _("“%s” is ambiguous: use %s for pounds and pence (a comma only separates "
                     "thousands, as in 1,234)"),
                   display, suggestion);
      return FALSE;
    }

  for (i = 0; i < n_groups; i++)
    {
      gsize len = strlen (groups[i]);
      gboolean ok;

      if (i == 0)
        ok = len >= 1 && len <= 3 && groups[i][0] != '0';
      else
        ok = len == 3;

      if (!ok || !all_digits (groups[i], len))
        return set_invalid (error, display,
                            _("commas must separate the pounds into groups of three digits, "
                              "as in £1,234,567.89"));

      g_string_append (digits, groups[i]);
    }

  return TRUE;
}

/**
 * ed_money_parse:
 * @text: what the user typed, in pounds (or in pence with a `p` suffix)
 * @out_pence: (out) (optional): the amount in pence
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads an amount of money written the way people in the UK write it. Accepted:
 *
 * - pounds with up to two decimal places: `1234`, `1234.5` (£1,234.50), `1234.56`, `.50`;
 * - an optional `£`, and spaces around it: `£1,234.56`, ` £ 12.00 `;
 * - one optional sign, before or after the `£`: `-£3`, `£-3`, `+3`; the Unicode minus
 *   sign (U+2212) counts as `-`;
 * - commas between groups of three digits of pounds: `1,234,567.89`;
 * - whole pence with a `p` suffix and nothing else: `12p`, `-5p`. A `p` is never combined
 *   with `£`, a decimal point or commas, since `£1.50p` could mean two different things.
 *
 * Refused with %ED_VALUE_ERROR_AMBIGUOUS: a decimal point followed by exactly three digits
 * after one to three digits of pounds (`1.234` is 1,234 in much of Europe), and a comma
 * followed by one or two digits at the end (`1,23`, the European way of writing 1.23).
 *
 * Refused with %ED_VALUE_ERROR_INVALID: misplaced commas (`12,34.5`), more than two
 * decimal places, a trailing decimal point, two signs, a sign after the number, letters
 * and other symbols. Nothing at all (or only spaces) gives %ED_VALUE_ERROR_EMPTY, and an
 * amount beyond %ED_MONEY_MIN..%ED_MONEY_MAX gives %ED_VALUE_ERROR_OUT_OF_RANGE.
 *
 * Returns: %TRUE if @text is an amount of money
 */
gboolean
ed_money_parse (const char  *text,
                EdMoney     *out_pence,
                GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GString) digits = NULL;
  const char *p;
  const char *body;
  const char *point;
  const char *pounds_end;
  gsize body_len;
  gsize space_len;
  gsize frac_len = 0;
  guint n_signs = 0;
  guint n_pound_signs = 0;
  gboolean negative = FALSE;
  gboolean has_comma;
  gboolean pence_suffix = FALSE;
  guint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = ed_value_display_text (text);

  if (*display == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter an amount of money, such as £1,234.56"));
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    return set_invalid (error, display, _("it contains characters that are not valid text"));

  /* Signs, pound signs and spaces may come in any order before the number. */
  p = text;
  for (;;)
    {
      if (_ed_value_is_space (p, &space_len))
        {
          p += space_len;
        }
      else if (*p == '-' || *p == '+' || g_str_has_prefix (p, MINUS_SIGN))
        {
          n_signs++;
          negative = *p != '+';
          p += *p == '-' || *p == '+' ? 1 : strlen (MINUS_SIGN);
        }
      else if (g_str_has_prefix (p, POUND_SIGN))
        {
          n_pound_signs++;
          p += strlen (POUND_SIGN);
        }
      else
        {
          break;
        }
    }

  if (n_signs > 1)
    return set_invalid (error, display, _("it has more than one sign; use a single minus, "
                                          "as in -£3.00"));
  if (n_pound_signs > 1)
    return set_invalid (error, display, _("it has more than one £ sign"));

  body = p;
  while (g_ascii_isdigit (*p) || *p == ',' || *p == '.')
    p++;
  body_len = p - body;

  /* What may follow the number: spaces and, for pence, one 'p'. */
  while (_ed_value_is_space (p, &space_len))
    p += space_len;
  if (*p == 'p' || *p == 'P')
    {
      pence_suffix = TRUE;
      p++;
      while (_ed_value_is_space (p, &space_len))
        p += space_len;
    }

  if (*p != '\0')
    {
      if (*p == '-' || *p == '+' || g_str_has_prefix (p, MINUS_SIGN))
        return set_invalid (error, display, _("a sign must come before the amount, "
                                              "as in -£3.00"));
      return set_invalid (error, display, _("use only digits, with an optional £ sign, "
                                            "commas and a decimal point, as in £1,234.56"));
    }

  if (!any_digit (body, body_len))
    return set_invalid (error, display, _("it has no digits; enter an amount such as "
                                          "£1,234.56"));

  has_comma = memchr (body, ',', body_len) != NULL;
  point = memchr (body, '.', body_len);

  if (pence_suffix)
    {
      if (n_pound_signs > 0 || point != NULL)
        return set_invalid (error, display, _("it mixes pounds and pence; write pounds as "
                                              "£1.50 or whole pence as 150p"));
      if (has_comma)
        return set_invalid (error, display, _("write whole pence without commas, as in "
                                              "1500p, or write pounds, as in £15.00"));
      if (!accumulate (&value, body, body_len))
        goto out_of_range;
      goto done;
    }

  if (point != NULL && memchr (point + 1, '.', body_len - (point + 1 - body)) != NULL)
    return set_invalid (error, display, _("it has more than one decimal point; use a comma to "
                                          "separate thousands and a point only before the "
                                          "pence, as in £1,234,567.89"));

  pounds_end = point != NULL ? point : body + body_len;

  if (point != NULL)
    {
      const char *frac = point + 1;

      frac_len = body + body_len - frac;

      if (memchr (frac, ',', frac_len) != NULL)
        return set_invalid (error, display, _("commas must separate the pounds into groups of "
                                              "three digits, as in £1,234,567.89"));
      if (frac_len == 0)
        return set_invalid (error, display, _("it ends in a decimal point; give the pence, "
                                              "as in 12.00, or leave the point out"));

      /* "1.234" is one thousand two hundred and thirty-four pounds to a reader used to
       * full stops between thousands; only a leading zero ("0.125") rules that out. */
      if (frac_len == 3 && !has_comma && pounds_end - body >= 1 && pounds_end - body <= 3 &&
          body[0] != '0')
        {
          g_autofree char *thousands = g_strdup_printf ("%.*s%.*s", (int) (pounds_end - body),
                                                        body, 3, frac);
          g_autofree char *pence = g_strdup_printf ("%.*s.%.*s", (int) (pounds_end - body),
                                                    body, 2, frac);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS,
                       /* Translators: the first %s is what the user typed; the others are
                        * the two amounts it could have meant, such as 1234 and 1.23. */
                       _("“%s” is ambiguous: use %s or %s (pounds and pence)"),
                       display, thousands, pence);
          return FALSE;
        }

      if (frac_len > 2)
        return set_invalid (error, display, _("it has more than two decimal places; amounts "
                                              "are in pounds and pence, as in £12.34"));
    }

  digits = g_string_new (NULL);
  if (has_comma)
    {
      if (!check_grouping (display, body, pounds_end - body, point != NULL, digits, error))
        return FALSE;
    }
  else
    {
      g_string_append_len (digits, body, pounds_end - body);
    }

  if (!accumulate (&value, digits->str, digits->len))
    goto out_of_range;

  /* Scale pounds to pence; "1234.5" means 50 pence, not 5. */
  {
    char pence[3] = { '0', '0', '\0' };

    if (point != NULL)
      memcpy (pence, point + 1, frac_len);
    if (!accumulate (&value, pence, 2))
      goto out_of_range;
  }

done:
  if (out_pence != NULL)
    *out_pence = negative ? -(EdMoney) value : (EdMoney) value;
  return TRUE;

out_of_range:
  {
    g_autofree char *max = ed_money_format (ED_MONEY_MAX);
    g_autofree char *min = ed_money_format (ED_MONEY_MIN);

    g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                 /* Translators: the first %s is what the user typed, the others the limits. */
                 _("“%s” is too large: amounts must be between %s and %s"),
                 display, min, max);
    return FALSE;
  }
}

/**
 * ed_money_format:
 * @pence: an amount in pence
 *
 * Formats an amount the way the UK writes it: `£1,234.56`, `-£3.00`, `£0.00`. Every
 * #gint64 value is formatted correctly, including %G_MININT64.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
ed_money_format (EdMoney pence)
{
  GString *out = g_string_new (NULL);
  char digits[24];
  guint64 magnitude;
  guint64 pounds;
  gsize len;
  gsize i;

  /* Negate in unsigned arithmetic so that G_MININT64 does not overflow. */
  magnitude = pence < 0 ? (guint64) 0 - (guint64) pence : (guint64) pence;
  pounds = magnitude / 100;

  if (pence < 0)
    g_string_append_c (out, '-');
  g_string_append (out, POUND_SIGN);

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, pounds);
  len = strlen (digits);
  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}
