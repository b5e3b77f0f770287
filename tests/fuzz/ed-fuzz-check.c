/* ed-fuzz-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "ed-fuzz.h"

/* What a person is told about a bad file must be fit to show: valid UTF-8, whatever the file
 * held, and with no control character that would break a line or drive a terminal (a line
 * break between sentences is fine). */
void
ed_fuzz_assert_readable (const char *message)
{
  g_assert_nonnull (message);
  if (!g_utf8_validate (message, -1, NULL))
    {
      fprintf (stderr, "A message that is not UTF-8: %s\n", g_strescape (message, NULL));
      abort ();
    }
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && g_unichar_iscntrl (c))
        {
          fprintf (stderr, "A message with control character U+%04X: %s\n", (guint)c,
                   g_strescape (message, NULL));
          abort ();
        }
    }
}

/* A warning or a critical is a failure (the app prints none), and every failure aborts:
 * libFuzzer keeps the input of an abort, not of the trap GLib raises on a fatal message. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

void
ed_fuzz_abort_on_warnings (void)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
}

/* The input as a file, as the import and the ops reader take one; without
 * g_file_set_contents ()'s fsync, which would be most of each run. */
void
ed_fuzz_write_input (const char    *path,
                     const uint8_t *data,
                     size_t         size)
{
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);
}
