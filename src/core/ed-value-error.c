/* ed-value-error.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <string.h>

/* Long enough for any real postcode, amount or elector number, short enough that a whole
 * pasted spreadsheet row does not end up inside an error message. */
#define DISPLAY_MAX_CHARS 40

G_DEFINE_QUARK (ed-value-error-quark, ed_value_error)

/* Spreadsheets and web pages often paste a no-break space (U+00A0) where a space was meant,
 * so it counts as a space wherever people type values. */
gboolean
_ed_value_is_space (const char *p,
                    gsize      *out_len)
{
  g_assert (p != NULL);

  if (*p != '\0' && g_ascii_isspace (*p))
    {
      if (out_len != NULL)
        *out_len = 1;
      return TRUE;
    }

  if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
    {
      if (out_len != NULL)
        *out_len = 2;
      return TRUE;
    }

  return FALSE;
}

/* Returns @input without leading or trailing spaces (as _ed_value_is_space() defines
 * them): no-break and other Unicode spaces pasted from a spreadsheet count. */
char *
ed_value_strip (const char *input)
{
  const char *start = input;
  const char *end;
  const char *p;
  gsize len;

  g_return_val_if_fail (input != NULL, NULL);

  while (_ed_value_is_space (start, &len))
    start += len;

  /* Walk forwards so that a two-byte no-break space is never split. */
  end = start;
  p = start;
  while (*p != '\0')
    {
      if (_ed_value_is_space (p, &len))
        {
          p += len;
        }
      else
        {
          p++;
          end = p;
        }
    }

  return g_strndup (start, end - start);
}

/* Made valid UTF-8, with control characters shown by their code: raw, a tab or line break
 * would break the message's layout, and an escape sequence would take over the terminal.
 * At most @max_chars characters, then "…", unless @max_chars is 0. */
static char *
display (const char *input,
         guint       max_chars)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  GString *out;
  const char *p;
  guint n = 0;

  valid = g_utf8_make_valid (input, -1);
  stripped = ed_value_strip (valid);
  out = g_string_new (NULL);

  for (p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "<U+%04X>", (guint) c);
      else
        g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}

/* Messages quote what was typed back to the user. The text may come from a file in any
 * encoding, so make it valid UTF-8, and shorten it so a stray paste stays readable. */
char *
ed_value_display_text (const char *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  return display (input, DISPLAY_MAX_CHARS);
}

/**
 * ed_value_display_message:
 * @input: a message from a library, which may quote a file's bytes (a JSON parser's)
 *
 * Returns: (transfer full): @input as valid UTF-8 with its control characters shown by their
 *   code, whole, safe to print to a terminal or show in a window
 */
char *
ed_value_display_message (const char *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  return display (input, 0);
}
