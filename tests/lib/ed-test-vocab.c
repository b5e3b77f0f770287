/* ed-test-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The checks every module's vocabularies answer to: each value reads back as itself and has a
 * name for people, text that is not a value is refused, and the values are the ones the
 * module's migration lists beside the column they are stored in. */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "core/ed-value-error.h"
#include "ed-test-sql-columns.h"
#include "ed-test-vocab.h"

/* Every value reads back as itself; no two are stored alike; names are for people. */
void
ed_test_vocab_assert_round_trip (const EdTestVocabulary *vocabularies,
                                 guint                   n_vocabularies)
{
  for (guint v = 0; v < n_vocabularies; v++)
    {
      const EdTestVocabulary *vocabulary = &vocabularies[v];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("%s", vocabulary->name);
      g_assert_cmpuint (vocabulary->n_values, >, 1);
      for (guint i = 0; i < vocabulary->n_values; i++)
        {
          g_autoptr(GError) error = NULL;
          const char *text = vocabulary->to_string (i);
          const char *name = vocabulary->display_name (i);
          guint back = G_MAXUINT;

          g_assert_nonnull (text);
          g_assert_cmpstr (text, !=, "");
          g_assert_true (vocabulary->from_string (text, &back, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (back, ==, i);
          g_assert_false (g_hash_table_contains (seen, text));
          g_hash_table_add (seen, (gpointer)text);

          g_assert_nonnull (name);
          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_true (g_unichar_isupper (g_utf8_get_char (name)));
          g_assert_cmpstr (name, !=, text);
          if (g_hash_table_contains (names, name))
            g_error ("%s: two values are called “%s”", vocabulary->name, name);
          g_hash_table_add (names, (gpointer)name);
        }
    }
}

/* Each of @unknown (NULL-terminated) is refused by every vocabulary, with a message. */
void
ed_test_vocab_assert_unknown_refused (const EdTestVocabulary *vocabularies,
                                      guint                   n_vocabularies,
                                      const char * const     *unknown)
{
  for (guint v = 0; v < n_vocabularies; v++)
    for (guint u = 0; unknown[u] != NULL; u++)
      {
        g_autoptr(GError) error = NULL;
        guint out = G_MAXUINT;

        if (vocabularies[v].from_string (unknown[u], &out, &error))
          g_error ("%s: “%s” was read as %s", vocabularies[v].name, unknown[u],
                   vocabularies[v].to_string (out));
        g_assert_nonnull (error);
        g_assert_true (error->domain == ED_VALUE_ERROR);
        g_assert_cmpstr (error->message, !=, "");
        g_assert_cmpuint (out, ==, G_MAXUINT);
      }
}

/* The columns of the migration at @resource, which @add_schema registers. */
GHashTable *
ed_test_vocab_read_module_sql (void      (*add_schema) (EdSchema *),
                               const char *resource)
{
  g_autoptr(EdSchema) schema = ed_schema_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  /* Adding the module's schema is what registers its resources. */
  add_schema (schema);
  bytes = g_resources_lookup_data (resource, 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return ed_test_sql_columns_read (sql);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* Each stored vocabulary and the values the SQL lists beside its column are the same values,
 * and the column's DEFAULT is one of them; a vocabulary whose SQL gives only an example has
 * that example among its values. Returns how many vocabularies were checked. */
guint
ed_test_vocab_assert_agrees_with_sql (const EdTestVocabulary *vocabularies,
                                      guint                   n_vocabularies,
                                      GHashTable             *columns,
                                      const char             *sql_name)
{
  guint n_checked = 0;

  for (guint v = 0; v < n_vocabularies; v++)
    {
      const EdTestVocabulary *vocabulary = &vocabularies[v];
      g_autofree char *key = NULL;
      g_autoptr(GPtrArray) ours = g_ptr_array_new ();
      EdTestSqlColumn *column;

      if (vocabulary->table == NULL)
        continue;
      g_test_message ("%s: %s.%s", vocabulary->name, vocabulary->table->name,
                      vocabulary->column);
      g_assert_cmpint (ed_schema_column_index (vocabulary->table, vocabulary->column), >=, 0);
      key = g_strdup_printf ("%s.%s", vocabulary->table->name, vocabulary->column);
      column = g_hash_table_lookup (columns, key);
      if (column == NULL)
        g_error ("%s has no column %s", sql_name, key);
      if (!vocabulary->listed)
        {
          /* The value its comment gives as an example is one of the vocabulary's. */
          g_assert_nonnull (strstr (column->comment, vocabulary->to_string (1)));
          g_assert_true (vocabulary->from_string (vocabulary->to_string (1), NULL, NULL));
          n_checked++;
          continue;
        }
      if (column->values == NULL)
        g_error ("%s lists no values beside %s", sql_name, key);
      for (guint i = 0; i < vocabulary->n_values; i++)
        g_ptr_array_add (ours, (gpointer)vocabulary->to_string (i));
      g_ptr_array_sort (ours, compare_strings);
      g_ptr_array_sort (column->values, compare_strings);
      if (ours->len != column->values->len)
        g_error ("%s: %u values in the enum, %u listed in the SQL", key, ours->len,
                 column->values->len);
      for (guint i = 0; i < ours->len; i++)
        g_assert_cmpstr (g_ptr_array_index (ours, i), ==, g_ptr_array_index (column->values, i));
      g_assert_nonnull (column->default_value);
      g_assert_true (vocabulary->from_string (column->default_value, NULL, NULL));
      n_checked++;
    }
  return n_checked;
}
