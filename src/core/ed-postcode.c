/* ed-postcode.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-postcode.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Royal Mail's letter restrictions, from its Programmers' Guide to the Postcode Address
 * File. They catch most single-key typing mistakes that the shape alone would let through. */
#define NOT_FIRST            "QVX"
#define NOT_SECOND           "IJZ"
#define A9A_THIRD            "ABCDEFGHJKPSTUW"
#define AA9A_FOURTH          "ABEHMNPRVWXY"
#define NOT_INWARD           "CIKMOV"

/* BFPO numbers run to four digits. */
#define BFPO_MAX_DIGITS 4

/* The message quotes @input as typed, made only when there is a message to give: an import
 * checks hundreds of thousands of postcodes, nearly all of them good. */
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
               _("“%s” is not a UK postcode: %s"), display, reason);
  return FALSE;
}

static gboolean
in_set (char        c,
        const char *set)
{
  return c != '\0' && strchr (set, c) != NULL;
}

/* Checks the outward code (the part before the space) against the six shapes A9, A99,
 * A9A, AA9, AA99 and AA9A, then the letter restrictions. */
static gboolean
check_outward (const char  *out,
               gsize        len,
               const char  *input,
               GError     **error)
{
  gboolean two_letters;
  gsize i;

  if (len < 2 || len > 4 || !g_ascii_isalpha (out[0]))
    goto bad_shape;

  two_letters = g_ascii_isalpha (out[1]);

  if (two_letters)
    {
      /* AA9, AA99, AA9A */
      if (len < 3 || !g_ascii_isdigit (out[2]))
        goto bad_shape;
    }
  else
    {
      /* A9, A99, A9A */
      if (!g_ascii_isdigit (out[1]) || len > 3)
        goto bad_shape;
    }

  for (i = two_letters ? 3 : 2; i < len; i++)
    if (!g_ascii_isalnum (out[i]))
      goto bad_shape;

  if (in_set (out[0], NOT_FIRST))
    return set_error (error, input, _("the first letter cannot be Q, V or X"));

  if (two_letters && in_set (out[1], NOT_SECOND))
    return set_error (error, input, _("the second letter cannot be I, J or Z"));

  if (!two_letters && len == 3 && g_ascii_isalpha (out[2]) && !in_set (out[2], A9A_THIRD))
    return set_error (error, input,
                      /* Translators: "A9A" describes a letter, a digit, a letter, as in W1A. */
                      _("in a first part shaped like W1A, the last letter must be one of "
                        "A B C D E F G H J K P S T U W"));

  if (two_letters && len == 4 && g_ascii_isalpha (out[3]) && !in_set (out[3], AA9A_FOURTH))
    return set_error (error, input,
                      _("in a first part shaped like SW1A, the last letter must be one of "
                        "A B E H M N P R V W X Y"));

  return TRUE;

bad_shape:
  return set_error (error, input,
                    _("the part before the space must be one or two letters, a digit, then "
                      "optionally another digit or a letter, as in M1, B33, W1A, CR2, "
                      "DN55 or SW1A"));
}

static gboolean
normalise (const char  *input,
           char       **out_normalised,
           GError     **error)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  const char *p;
  const char *inward;
  gsize space_len;

  /* People type postcodes in any case and with spaces anywhere; only letters and digits
   * matter. */
  for (p = input; *p != '\0';)
    {
      if (_ed_value_is_space (p, &space_len))
        {
          p += space_len;
          continue;
        }
      if (!g_ascii_isalnum (*p))
        return set_error (error, input, _("use only letters, digits and a space, as in "
                                            "SW1A 1AA"));
      g_string_append_c (compact, g_ascii_toupper (*p));
      p++;
    }

  if (compact->len == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter a postcode, such as SW1A 1AA"));
      return FALSE;
    }

  /* Girobank's old postcode, still in use and outside every rule. */
  if (strcmp (compact->str, "GIR0AA") == 0)
    {
      if (out_normalised != NULL)
        *out_normalised = g_strdup ("GIR 0AA");
      return TRUE;
    }

  /* British Forces Post Office addresses are written "BFPO 1234" in the postcode field. */
  if (g_str_has_prefix (compact->str, "BFPO"))
    {
      const char *number = compact->str + 4;
      gsize len = strlen (number);
      gsize i;

      for (i = 0; i < len; i++)
        if (!g_ascii_isdigit (number[i]))
          break;

      if (len == 0 || len > BFPO_MAX_DIGITS || i < len)
        return set_error (error, input, _("a BFPO address needs a number of one to four "
                                            "digits, as in BFPO 1234"));

      while (*number == '0' && number[1] != '\0')
        number++;
      if (*number == '0')
        return set_error (error, input, _("there is no BFPO 0"));

      if (out_normalised != NULL)
        *out_normalised = g_strconcat ("BFPO ", number, NULL);
      return TRUE;
    }

  if (compact->len < 5)
    return set_error (error, input, _("it is too short; a postcode has five to seven letters "
                                        "and digits, as in SW1A 1AA or M1 1AE"));
  if (compact->len > 7)
    return set_error (error, input, _("it is too long; a postcode has five to seven letters "
                                        "and digits, as in SW1A 1AA or M1 1AE"));

  inward = compact->str + compact->len - 3;
  if (!g_ascii_isdigit (inward[0]) || !g_ascii_isalpha (inward[1]) ||
      !g_ascii_isalpha (inward[2]))
    return set_error (error, input, _("the part after the space must be a digit and two "
                                        "letters, as in SW1A 1AA"));

  if (in_set (inward[1], NOT_INWARD) || in_set (inward[2], NOT_INWARD))
    return set_error (error, input, _("the last two letters cannot be C, I, K, M, O or V"));

  if (!check_outward (compact->str, compact->len - 3, input, error))
    return FALSE;

  if (out_normalised != NULL)
    {
      /* The outward code, a space, the inward code. */
      g_string_insert_c (compact, compact->len - 3, ' ');
      *out_normalised = g_string_free (g_steal_pointer (&compact), FALSE);
    }
  return TRUE;
}

/**
 * ed_postcode_normalise:
 * @input: a postcode as typed: any case, any spacing
 * @out_normalised: (out) (optional) (transfer full): the postcode in capitals with one
 *   space before the last three characters, such as `SW1A 1AA`
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Checks and tidies a UK postcode. Accepts the six shapes A9 9AA, A99 9AA, A9A 9AA,
 * AA9 9AA, AA99 9AA and AA9A 9AA with Royal Mail's letter restrictions, the special
 * `GIR 0AA`, and British Forces addresses written `BFPO` and a number of one to four digits
 * (normalised to `BFPO 1234`, without leading zeros). It checks the form only: a
 * well-formed postcode may still not exist.
 *
 * Returns: %TRUE if @input is a UK postcode
 */
gboolean
ed_postcode_normalise (const char  *input,
                       char       **out_normalised,
                       GError     **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out_normalised == NULL || *out_normalised == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return normalise (input, out_normalised, error);
}

/**
 * ed_postcode_is_valid:
 * @input: a postcode as typed
 *
 * Returns: %TRUE if ed_postcode_normalise() would accept @input
 */
gboolean
ed_postcode_is_valid (const char *input)
{
  g_return_val_if_fail (input != NULL, FALSE);

  return normalise (input, NULL, NULL);
}

/**
 * ed_postcode_outward:
 * @postcode: a postcode, normalised or as typed
 *
 * Returns the outward code, the part before the space that names the postcode district:
 * `SW1A` for `SW1A 1AA`, `GIR` for `GIR 0AA` and `BFPO` for any BFPO address.
 *
 * Returns: (transfer full) (nullable): the outward code, or %NULL if @postcode is not
 *   a UK postcode
 */
char *
ed_postcode_outward (const char *postcode)
{
  g_autofree char *normalised = NULL;
  const char *space;

  g_return_val_if_fail (postcode != NULL, NULL);

  if (!normalise (postcode, &normalised, NULL))
    return NULL;

  space = strchr (normalised, ' ');
  g_assert (space != NULL);
  return g_strndup (normalised, space - normalised);
}
