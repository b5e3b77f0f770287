/* ed-ni-number.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* National Insurance numbers: two letters, six digits and a letter A to D, with the letters
 * HMRC never issues (its National Insurance Manual, NIM39110). The payroll export carries the
 * number to the council's payroll and so to HMRC's Real Time Information; a number HMRC could
 * never have issued is caught here rather than as a rejected submission after the poll. */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-ni-number.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define NI_NUMBER_LENGTH 9

#define NOT_FIRST   "DFIQUV"
#define NOT_SECOND  "DFIOQUV"
#define SUFFIXES    "ABCD"

/* Prefixes never allocated, among them the temporary numbers (TN) that an employer may not
 * report. */
static const char * const unallocated_prefixes[] = {
  "BG", "GB", "KN", "NK", "NT", "TN", "ZZ",
};

static gboolean
set_error (GError     **error,
           const char  *input,
           const char  *reason)
{
  g_autofree char *display = NULL;

  if (error == NULL)
    return FALSE;
  display = ed_value_display_text (input);
  /* Translators: the first %s is what the user typed, the second says what is wrong. */
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               _("“%s” is not a National Insurance number: %s"), display, reason);
  return FALSE;
}

/**
 * ed_ni_number_normalise:
 * @input: a National Insurance number as typed: any case, with or without spaces
 * @out_normalised: (out) (optional): the number as nine capitals and digits, "QQ123456C"
 * @error: return location for an error saying what is wrong, or %NULL
 *
 * Returns: %TRUE if @input is a number HMRC could have issued
 */
gboolean
ed_ni_number_normalise (const char  *input,
                        char       **out_normalised,
                        GError     **error)
{
  char compact[NI_NUMBER_LENGTH + 1];
  gsize len = 0;
  const char *p;
  gsize space_len;

  g_return_val_if_fail (input != NULL, FALSE);

  for (p = input; *p != '\0';)
    {
      if (_ed_value_is_space (p, &space_len))
        {
          p += space_len;
          continue;
        }
      if (!g_ascii_isalnum (*p) || len == NI_NUMBER_LENGTH)
        return set_error (error, input,
                          _("it must be two letters, six digits and a letter from A to D, "
                            "as in QQ 12 34 56 C"));
      compact[len++] = g_ascii_toupper (*p);
      p++;
    }
  compact[len] = '\0';

  if (len == 0)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                           _("Enter a National Insurance number."));
      return FALSE;
    }

  if (len != NI_NUMBER_LENGTH || !g_ascii_isalpha (compact[0]) || !g_ascii_isalpha (compact[1]) ||
      !g_ascii_isalpha (compact[8]))
    return set_error (error, input,
                      _("it must be two letters, six digits and a letter from A to D, as in "
                        "QQ 12 34 56 C"));
  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (compact[i]))
      return set_error (error, input,
                        _("it must be two letters, six digits and a letter from A to D, as "
                          "in QQ 12 34 56 C"));

  if (strchr (NOT_FIRST, compact[0]) != NULL)
    return set_error (error, input, _("the first letter cannot be D, F, I, Q, U or V"));
  if (strchr (NOT_SECOND, compact[1]) != NULL)
    return set_error (error, input, _("the second letter cannot be D, F, I, O, Q, U or V"));
  for (guint i = 0; i < G_N_ELEMENTS (unallocated_prefixes); i++)
    if (strncmp (compact, unallocated_prefixes[i], 2) == 0)
      {
        /* Translators: %s is two letters, such as TN */
        g_autofree char *reason = g_strdup_printf (_("numbers starting %s are never issued"),
                                                   unallocated_prefixes[i]);

        return set_error (error, input, reason);
      }
  if (strchr (SUFFIXES, compact[8]) == NULL)
    return set_error (error, input, _("the last letter must be A, B, C or D"));

  if (out_normalised != NULL)
    *out_normalised = g_strdup (compact);
  return TRUE;
}

/**
 * ed_ni_number_format:
 * @normalised: a number from ed_ni_number_normalise ()
 *
 * Returns: (transfer full): the number as HMRC prints it, "QQ 12 34 56 C"
 */
char *
ed_ni_number_format (const char *normalised)
{
  g_return_val_if_fail (normalised != NULL && strlen (normalised) == NI_NUMBER_LENGTH, NULL);

  return g_strdup_printf ("%.2s %.2s %.2s %.2s %c", normalised, normalised + 2, normalised + 4,
                          normalised + 6, normalised[8]);
}

/**
 * ed_ni_number_mask:
 * @normalised: a number from ed_ni_number_normalise ()
 *
 * The number as a list or a document shows it where the whole number is not needed: enough
 * to tell two people apart when an officer checks it against a form, not enough to use.
 *
 * Returns: (transfer full): "•• •• •• 56 C"
 */
char *
ed_ni_number_mask (const char *normalised)
{
  g_return_val_if_fail (normalised != NULL && strlen (normalised) == NI_NUMBER_LENGTH, NULL);

  return g_strdup_printf ("•• •• •• %.2s %c", normalised + 6, normalised[8]);
}
