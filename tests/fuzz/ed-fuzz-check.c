/* ed-fuzz-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "ed-fuzz.h"

/* What a person is told about a bad file must be fit to show: valid UTF-8, whatever the file
 * held, and with no control character that would break a line or drive a terminal (a line
 * break between sentences is fine). */
void
ed_fuzz_assert_readable (const char *message)
{
  g_assert_nonnull (message);
  if (!g_utf8_validate (message, -1, NULL))
    g_error ("A message that is not UTF-8: %s", g_strescape (message, NULL));
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && g_unichar_iscntrl (c))
        g_error ("A message with control character U+%04X: %s", (guint)c,
                 g_strescape (message, NULL));
    }
}
