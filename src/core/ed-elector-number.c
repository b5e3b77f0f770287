/* ed-elector-number.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-elector-number.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define PREFIX_MAX_LETTERS 5
#define PREFIX_MAX_DIGITS  2

G_STATIC_ASSERT (PREFIX_MAX_LETTERS + PREFIX_MAX_DIGITS < sizeof ((EdElectorNumber *) 0)->prefix);

static gboolean
set_error (GError       **error,
           EdValueError   code,
           const char    *display,
           const char    *reason)
{
  /* Translators: the first %s is what the user typed, the second says what is wrong. */
  g_set_error (error, ED_VALUE_ERROR, code, _("“%s” is not an elector number: %s"),
               display, reason);
  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  gsize len;

  while (_ed_value_is_space (p, &len))
    p += len;
  return p;
}

/* Reads a run of digits into *out, ignoring leading zeros. Returns FALSE if the value
 * passes max; *end is set past the digits either way. */
static gboolean
read_number (const char  *p,
             guint32      max,
             guint32     *out,
             const char **end)
{
  guint64 value = 0;
  gboolean ok = TRUE;

  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (guint64) (*p - '0');
      if (value > max)
        {
          ok = FALSE;
          value = max + 1;  /* keeps the loop from overflowing on long input */
        }
    }

  *out = (guint32) value;
  *end = p;
  return ok;
}

/**
 * ed_elector_number_parse:
 * @text: an elector number as typed or imported
 * @out: (out) (optional): the elector number
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads an elector number: polling district letters, the number, and optionally `/` and a
 * suffix. Case, surrounding spaces and a space or hyphen between the letters and the
 * number are tolerated, because councils print them differently: `AB124`, `ab 124/1`,
 * `AB-124/1`. A suffix of 0 (`AB124/0`) means no suffix.
 *
 * The polling district code is one to five letters. It may end in one or two digits
 * (`A1`) only when a space or hyphen separates it from the number (`A1-124`), since
 * `A1124` could be read two ways; without a separator, all the digits are the number.
 *
 * Returns: %TRUE if @text is an elector number
 */
gboolean
ed_elector_number_parse (const char       *text,
                         EdElectorNumber  *out,
                         GError          **error)
{
  g_autofree char *display = NULL;
  EdElectorNumber result = { { 0 }, 0, 0 };
  const char *p;
  const char *letters;
  const char *digits;
  const char *after;
  gsize n_letters;
  gsize n_digits;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = ed_value_display_text (text);
  if (*display == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter an elector number, such as AB124 or AB124/1"));
      return FALSE;
    }

  p = skip_spaces (text);

  letters = p;
  while (g_ascii_isalpha (*p))
    p++;
  n_letters = p - letters;

  if (n_letters == 0)
    {
      if (g_ascii_isdigit (*p))
        return set_error (error, ED_VALUE_ERROR_INVALID, display,
                          _("it has no polling district letters; an elector number starts "
                            "with them, as in AB124"));
      return set_error (error, ED_VALUE_ERROR_INVALID, display,
                        _("use letters, digits and /, as in AB124 or AB124/1"));
    }

  if (n_letters > PREFIX_MAX_LETTERS)
    return set_error (error, ED_VALUE_ERROR_INVALID, display,
                      _("the polling district code has more than five letters"));

  digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  n_digits = p - digits;

  /* A separator followed by a digit means the digits read so far belong to the polling
   * district code. */
  after = skip_spaces (p);
  if (*after == '-')
    after = skip_spaces (after + 1);

  if (after != p && g_ascii_isdigit (*after))
    {
      if (n_digits > PREFIX_MAX_DIGITS)
        return set_error (error, ED_VALUE_ERROR_INVALID, display,
                          _("the polling district code can end in at most two digits; "
                            "write a suffix after a /, as in AB124/1"));
      p = after;
    }
  else
    {
      n_digits = 0;
      p = digits;
    }

  for (i = 0; i < n_letters + n_digits; i++)
    result.prefix[i] = g_ascii_toupper (letters[i]);
  result.prefix[i] = '\0';

  if (!g_ascii_isdigit (*p))
    return set_error (error, ED_VALUE_ERROR_INVALID, display,
                      _("it has no number after the polling district letters, as in AB124"));

  if (!read_number (p, ED_ELECTOR_NUMBER_MAX, &result.number, &p))
    return set_error (error, ED_VALUE_ERROR_OUT_OF_RANGE, display,
                      _("the number after the polling district letters is too large; it "
                        "can be at most 999999"));

  if (result.number == 0)
    return set_error (error, ED_VALUE_ERROR_INVALID, display,
                      _("numbers start at 1, so the number cannot be 0"));

  p = skip_spaces (p);
  if (*p == '/')
    {
      p = skip_spaces (p + 1);
      if (!g_ascii_isdigit (*p))
        return set_error (error, ED_VALUE_ERROR_INVALID, display,
                          _("the suffix after the / must be a number, as in AB124/1"));
      if (!read_number (p, ED_ELECTOR_NUMBER_SUFFIX_MAX, &result.suffix, &p))
        return set_error (error, ED_VALUE_ERROR_OUT_OF_RANGE, display,
                          _("the suffix after the / is too large; it can be at most 999"));
      p = skip_spaces (p);
    }

  if (*p != '\0')
    return set_error (error, ED_VALUE_ERROR_INVALID, display,
                      _("only a / and a suffix number may follow the number, as in "
                        "AB124/1"));

  if (out != NULL)
    *out = result;
  return TRUE;
}

/**
 * ed_elector_number_set:
 * @out: (out): the elector number to fill in
 * @prefix: the polling district code, as held in a database or an EMS export field;
 *   case and surrounding spaces are tolerated
 * @number: the number, 1 to %ED_ELECTOR_NUMBER_MAX
 * @suffix: the suffix, 0 (none) to %ED_ELECTOR_NUMBER_SUFFIX_MAX
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Builds an elector number from the three separate fields, checking each.
 *
 * Returns: %TRUE if the fields make an elector number; @out is unchanged otherwise
 */
gboolean
ed_elector_number_set (EdElectorNumber  *out,
                       const char       *prefix,
                       guint32           number,
                       guint32           suffix,
                       GError          **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (prefix);
  upper = g_ascii_strup (stripped, -1);

  if (*upper == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter the polling district letters of the elector number, such as AB"));
      return FALSE;
    }

  if (!ed_elector_number_is_valid_prefix (upper))
    {
      display = ed_value_display_text (prefix);
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a polling district code: use one to five letters, "
                     "optionally followed by one or two digits, as in AB or A1"),
                   display);
      return FALSE;
    }

  if (number == 0 || number > ED_ELECTOR_NUMBER_MAX)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The elector number %u is out of range: it must be 1 to 999999"),
                   number);
      return FALSE;
    }

  if (suffix > ED_ELECTOR_NUMBER_SUFFIX_MAX)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The elector number suffix %u is out of range: it must be 0 (none) "
                     "to 999"),
                   suffix);
      return FALSE;
    }

  g_strlcpy (out->prefix, upper, sizeof out->prefix);
  out->number = number;
  out->suffix = suffix;
  return TRUE;
}

/**
 * ed_elector_number_is_valid_prefix:
 * @prefix: a polling district code
 *
 * Checks a polling district code in its stored form: one to five capital letters,
 * optionally followed by one or two digits.
 *
 * Returns: %TRUE if @prefix is a valid stored polling district code
 */
gboolean
ed_elector_number_is_valid_prefix (const char *prefix)
{
  gsize n_letters = 0;
  gsize n_digits = 0;
  const char *p;

  g_return_val_if_fail (prefix != NULL, FALSE);

  for (p = prefix; *p >= 'A' && *p <= 'Z'; p++)
    n_letters++;
  for (; g_ascii_isdigit (*p); p++)
    n_digits++;

  return *p == '\0' &&
         n_letters >= 1 && n_letters <= PREFIX_MAX_LETTERS &&
         n_digits <= PREFIX_MAX_DIGITS;
}

/**
 * ed_elector_number_format:
 * @n: an elector number
 *
 * Formats @n as registers print it: `AB124`, or `AB124/1` with a suffix. A suffix of 0 is
 * not printed. When the polling district code ends in a digit, a hyphen separates it from
 * the number (`A1-124`), so that ed_elector_number_parse() reads it back the same way.
 *
 * Returns: (transfer full): the elector number
 */
char *
ed_elector_number_format (const EdElectorNumber *n)
{
  gsize len;
  const char *separator;

  g_return_val_if_fail (n != NULL, NULL);
  g_return_val_if_fail (memchr (n->prefix, '\0', sizeof n->prefix) != NULL, NULL);

  len = strlen (n->prefix);
  separator = len > 0 && g_ascii_isdigit (n->prefix[len - 1]) ? "-" : "";

  if (n->suffix == 0)
    return g_strdup_printf ("%s%s%u", n->prefix, separator, n->number);
  return g_strdup_printf ("%s%s%u/%u", n->prefix, separator, n->number, n->suffix);
}

/**
 * ed_elector_number_compare:
 * @a: an elector number
 * @b: another elector number
 *
 * Orders elector numbers as the register lists them: by polling district code, then
 * number, then suffix (so `AB124` < `AB124/1` < `AB125`).
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
ed_elector_number_compare (const EdElectorNumber *a,
                           const EdElectorNumber *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  cmp = strncmp (a->prefix, b->prefix, sizeof a->prefix);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;
  if (a->number != b->number)
    return a->number < b->number ? -1 : 1;
  if (a->suffix != b->suffix)
    return a->suffix < b->suffix ? -1 : 1;
  return 0;
}
