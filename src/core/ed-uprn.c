/* ed-uprn.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-uprn.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * ed_uprn_parse:
 * @text: a Unique Property Reference Number as typed or imported
 * @out: (out) (optional): the UPRN
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads a UPRN: digits only, with spaces around it ignored. Leading zeros are dropped,
 * since gazetteer exports sometimes pad UPRNs to twelve digits and spreadsheets sometimes
 * strip the padding; both spellings name the same property. What is left must be one to
 * twelve digits and not zero.
 *
 * Returns: %TRUE if @text is a UPRN
 */
gboolean
ed_uprn_parse (const char  *text,
               guint64     *out,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;
  const char *p;
  guint64 value = 0;
  gsize len;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);

  if (*stripped == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter a UPRN (Unique Property Reference Number), such as 100023336956"));
      return FALSE;
    }

  len = strlen (stripped);
  for (i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (stripped[i]))
        {
          display = ed_value_display_text (text);
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is what the user typed. */
                       _("“%s” is not a UPRN: a UPRN is a number of up to 12 digits, with "
                         "no letters, spaces or punctuation, as in 100023336956"),
                       display);
          return FALSE;
        }
    }

  for (p = stripped; *p == '0'; p++)
    ;

  if (*p == '\0')
    {
      display = ed_value_display_text (text);
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not a UPRN: UPRNs start at 1, so zero is not one"), display);
      return FALSE;
    }

  if (strlen (p) > 12)
    {
      display = ed_value_display_text (text);
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("“%s” is not a UPRN: it has more than 12 digits"), display);
      return FALSE;
    }

  for (; *p != '\0'; p++)
    value = value * 10 + (guint64) (*p - '0');

  if (out != NULL)
    *out = value;
  return TRUE;
}

/**
 * ed_uprn_normalise:
 * @text: a UPRN as typed or imported
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Checks @text with ed_uprn_parse() and returns it in the canonical form, without
 * spaces or leading zeros.
 *
 * Returns: (transfer full) (nullable): the UPRN, or %NULL if @text is not one
 */
char *
ed_uprn_normalise (const char  *text,
                   GError     **error)
{
  guint64 value;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ed_uprn_parse (text, &value, error))
    return NULL;

  return ed_uprn_format (value);
}

/**
 * ed_uprn_is_valid:
 * @uprn: a number
 *
 * Returns: %TRUE if @uprn is in the range of UPRNs, 1 to %ED_UPRN_MAX
 */
gboolean
ed_uprn_is_valid (guint64 uprn)
{
  return uprn >= 1 && uprn <= ED_UPRN_MAX;
}

/**
 * ed_uprn_format:
 * @uprn: a UPRN, 1 to %ED_UPRN_MAX
 *
 * Returns: (transfer full): @uprn in decimal, without leading zeros
 */
char *
ed_uprn_format (guint64 uprn)
{
  g_return_val_if_fail (ed_uprn_is_valid (uprn), NULL);

  return g_strdup_printf ("%" G_GUINT64_FORMAT, uprn);
}
