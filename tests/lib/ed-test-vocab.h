/* ed-test-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "changes/ed-schema.h"

G_BEGIN_DECLS

/* One vocabulary of a module, its functions over plain numbers so that one test walks them
 * all. */
typedef struct
{
  const char        *name;
  const EdTableDef  *table;   /* where it is stored, or NULL */
  const char        *column;
  gboolean           listed;  /* the SQL lists its values beside the column */
  guint              n_values;
  const char      *(*to_string)    (guint value);
  gboolean         (*from_string)  (const char *text, guint *out, GError **error);
  const char      *(*display_name) (guint value);
} EdTestVocabulary;

/* Defines prefix_to, prefix_from and prefix_name over ed_prefix_to_string (),
 * ed_prefix_from_string () and ed_prefix_get_display_name (). */
#define ED_TEST_VOCAB_WRAP(prefix, Type) \
  static const char * \
  prefix##_to (guint value) \
  { \
    return ed_##prefix##_to_string ((Type)value); \
  } \
  static gboolean \
  prefix##_from (const char  *text, \
                 guint       *out, \
                 GError     **error) \
  { \
    Type value; \
    if (!ed_##prefix##_from_string (text, &value, error)) \
      return FALSE; \
    if (out != NULL) \
      *out = value; \
    return TRUE; \
  } \
  static const char * \
  prefix##_name (guint value) \
  { \
    return ed_##prefix##_get_display_name ((Type)value); \
  }

#define ED_TEST_VOCAB_FUNCS(prefix) prefix##_to, prefix##_from, prefix##_name

void        ed_test_vocab_assert_round_trip      (const EdTestVocabulary *vocabularies,
                                                  guint                   n_vocabularies);
void        ed_test_vocab_assert_unknown_refused (const EdTestVocabulary *vocabularies,
                                                  guint                   n_vocabularies,
                                                  const char * const     *unknown);
GHashTable *ed_test_vocab_read_module_sql        (void                  (*add_schema) (EdSchema *),
                                                  const char             *resource);
guint       ed_test_vocab_assert_agrees_with_sql (const EdTestVocabulary *vocabularies,
                                                  guint                   n_vocabularies,
                                                  GHashTable             *columns,
                                                  const char             *sql_name);

G_END_DECLS
