/* ed-number-format.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ui/ed-number-format.h"

/**
 * ed_number_format_count:
 * @n: a count of electors, matches, changes…
 *
 * Formats @n with its digits grouped in threes, by the locale's thousands separator, or by a
 * comma where the locale has none.
 *
 * Counts read "60,000 electors" in every locale: the C locale groups no digits, and a
 * six-digit count without a separator is misread at a glance.
 *
 * Returns: (transfer full): the grouped digits
 */
char *
ed_number_format_count (guint n)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *text = g_string_new (NULL);
  gsize len = strlen (digits);

  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
