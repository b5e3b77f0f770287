/* ed-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdTerm:
 * @value: the text a column stores; never changes once written
 * @name: the name people read, untranslated and marked with N_()
 *
 * One word of a module's vocabulary. A vocabulary is an array of these indexed by its enum,
 * and ED_DEFINE_TERMS() gives it `_to_string`, `_from_string` and `_get_display_name`.
 */
typedef struct
{
  const char *value;
  const char *name;
} EdTerm;

const char *ed_term_value        (const EdTerm  *terms,
                                  guint          n_terms,
                                  guint          i);
const char *ed_term_display_name (const EdTerm  *terms,
                                  guint          n_terms,
                                  guint          i);
gboolean    ed_term_lookup       (const EdTerm  *terms,
                                  gsize          stride,
                                  guint          n_terms,
                                  const char    *text,
                                  guint         *out,
                                  GError       **error);

/* The three functions of a vocabulary from its array of EdTerm, indexed by its enum. */
#define ED_DEFINE_TERMS(prefix, Type, terms)                                       \
  const char *                                                                     \
  prefix##_to_string (Type value)                                                  \
  {                                                                                \
    return ed_term_value (terms, G_N_ELEMENTS (terms), value);                     \
  }                                                                                \
                                                                                   \
  gboolean                                                                         \
  prefix##_from_string (const char  *text,                                         \
                        Type        *out,                                          \
                        GError     **error)                                        \
  {                                                                                \
    guint i;                                                                       \
                                                                                   \
    if (!ed_term_lookup (terms, sizeof (EdTerm), G_N_ELEMENTS (terms), text, &i,   \
                         error))                                                   \
      return FALSE;                                                                \
    if (out != NULL)                                                               \
      *out = (Type)i;                                                              \
    return TRUE;                                                                   \
  }                                                                                \
                                                                                   \
  const char *                                                                     \
  prefix##_get_display_name (Type value)                                           \
  {                                                                                \
    return ed_term_display_name (terms, G_N_ELEMENTS (terms), value);              \
  }

G_END_DECLS
