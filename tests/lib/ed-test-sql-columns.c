/* ed-test-sql-columns.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads what a module's migration says of each column, so a vocabulary test can hold an enum
 * to the values listed beside the column it is stored in. */

#include "config.h"

#include <string.h>

#include "ed-test-sql-columns.h"

static void
sql_column_free (EdTestSqlColumn *column)
{
  g_clear_pointer (&column->values, g_ptr_array_unref);
  g_free (column->default_value);
  g_free (column->comment);
  g_free (column);
}

static GPtrArray *
listed_values (const char *comment)
{
  g_autofree char *list = g_strdup (comment);
  g_auto(GStrv) parts = NULL;
  GPtrArray *values;
  char *colon;

  if (strchr (list, '|') == NULL)
    return NULL;
  if ((colon = strchr (list, ':')) != NULL)
    *colon = '\0';
  parts = g_strsplit (list, "|", -1);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (parts[i]);

      if (*value != '\0')
        g_ptr_array_add (values, g_strdup (g_str_equal (value, "''") ? "" : value));
    }
  return values;
}

/**
 * ed_test_sql_columns_read:
 * @sql: a module's migration, as text
 *
 * Returns: (transfer full): "table.column" → #EdTestSqlColumn, for each column of each
 *   `CREATE TABLE name (` … `)` block
 */
GHashTable *
ed_test_sql_columns_read (const char *sql)
{
  g_autoptr(GRegex) create = g_regex_new ("^CREATE TABLE (\\w+) \\($", 0, 0, NULL);
  g_autoptr(GRegex) column = g_regex_new ("^\\s+(\\w+)\\s+(TEXT|INTEGER)\\b", 0, 0, NULL);
  g_autoptr(GRegex) default_text = g_regex_new ("DEFAULT '([^']*)'", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (sql, "\n", -1);
  g_autofree char *table = NULL;
  g_autoptr(GString) above = g_string_new (NULL);
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)sql_column_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));
      const char *dashes = strstr (lines[i], "--");

      if (g_regex_match (create, lines[i], 0, &match))
        {
          g_free (table);
          table = g_match_info_fetch (match, 1);
          g_string_truncate (above, 0);
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);
      if (table == NULL)
        continue;
      if (g_str_has_prefix (stripped, ")"))
        {
          g_clear_pointer (&table, g_free);
          continue;
        }
      if (g_str_has_prefix (stripped, "--"))
        {
          /* A list may run over several comment lines: "a | b |" then "c | d". */
          g_string_append_printf (above, "%s ", stripped + 2);
          continue;
        }
      if (g_regex_match (column, lines[i], 0, &match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autoptr(GMatchInfo) default_match = NULL;
          EdTestSqlColumn *entry = g_new0 (EdTestSqlColumn, 1);

          entry->comment = g_strdup (dashes != NULL ? dashes + 2 : above->str);
          entry->values = listed_values (entry->comment);
          if (g_regex_match (default_text, lines[i], 0, &default_match))
            entry->default_value = g_match_info_fetch (default_match, 1);
          g_hash_table_replace (columns, g_strdup_printf ("%s.%s", table, name), entry);
        }
      g_string_truncate (above, 0);
    }
  return columns;
}

