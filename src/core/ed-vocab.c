/* ed-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every module's vocabularies share (ed-vocab.h): from an enum to the value a column
 * stores and the name people read, and back from a stored value. */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-value-error.h"
#include "core/ed-vocab.h"

/**
 * ed_term_value:
 * @terms: (array length=n_terms): a vocabulary
 * @n_terms: its length
 * @i: a word's enum value
 *
 * Returns: (transfer none): the value its column stores
 */
const char *
ed_term_value (const EdTerm *terms,
               guint         n_terms,
               guint         i)
{
  g_return_val_if_fail (i < n_terms, NULL);
  return terms[i].value;
}

/**
 * ed_term_display_name:
 * @terms: (array length=n_terms): a vocabulary
 * @n_terms: its length
 * @i: a word's enum value
 *
 * Returns: (transfer none): its name, translated
 */
const char *
ed_term_display_name (const EdTerm *terms,
                      guint         n_terms,
                      guint         i)
{
  g_return_val_if_fail (i < n_terms, NULL);
  return _(terms[i].name);
}

/**
 * ed_term_lookup:
 * @terms: the first word of a vocabulary
 * @stride: the distance between words: sizeof (EdTerm), or the size of a larger struct whose
 *   first member is its EdTerm
 * @n_terms: its length
 * @text: a stored value
 * @out: (out) (optional): its enum value
 * @error: return location for an error
 *
 * Stored values are compared exactly: they are written by the code, never typed. An unknown
 * one is an error that lists, untranslated, the values that may be stored.
 *
 * Returns: %TRUE if @text is one of the vocabulary's values
 */
gboolean
ed_term_lookup (const EdTerm  *terms,
                gsize          stride,
                guint          n_terms,
                const char    *text,
                guint         *out,
                GError       **error)
{
  g_autoptr(GString) expected = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

#define TERM(i) ((const EdTerm *)((const char *)terms + (i) * stride))
  for (guint i = 0; i < n_terms; i++)
    if (g_str_equal (TERM (i)->value, text))
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  if (error == NULL)
    return FALSE;
  expected = g_string_new (NULL);
  for (guint i = 0; i < n_terms; i++)
    {
      if (expected->len > 0)
        g_string_append (expected, i + 1 == n_terms ? " | " : ", ");
      g_string_append (expected, *TERM (i)->value != '\0' ? TERM (i)->value : "\"\"");
    }
#undef TERM
  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: the first %s is the value found, the second the list of values
                * that may be stored, which are not translated */
               _("“%s” is not one of the expected values: %s"), display, expected->str);
  return FALSE;
}
