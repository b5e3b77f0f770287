/* ed-register-search.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search as you type over the register: names, addresses, postcodes and elector numbers,
 * answered from the local FTS5 index (0004-register.sql). Each word typed must match the
 * start of a word somewhere in the entry, so "smi ash" finds Smith of Ashdown Road and
 * "ZY1 9" every elector in postcode sector ZY1 9. Results come in register order (the
 * index's rowid order), which lets SQLite stop at the limit instead of ranking every match:
 * a one-letter search over a million electors costs no more than a precise one. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "ed-database.h"
#include "ed-register-search.h"

void
ed_elector_summary_free (EdElectorSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->number);
  g_free (summary->name);
  g_free (summary->address);
  g_free (summary->postcode);
  g_free (summary->marker);
  g_free (summary->absent_vote);
  g_free (summary->status);
  g_free (summary);
}

/**
 * ed_register_search_query:
 * @text: what a person typed
 *
 * Turns typed text into an FTS5 query: each word, with anything the index does not treat as
 * part of a word taken as a separator, becomes a quoted prefix term. Quoting makes every
 * input safe, including FTS5 syntax such as AND, NEAR or a stray double quote.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text holds no word
 */
char *
ed_register_search_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = g_unichar_isalnum (c) || g_unichar_ismark (c);

      if (!in_word)
        {
          if (query->len > 0 && query->str[query->len - 1] != ' ')
            g_string_append (query, "\"* ");
          continue;
        }
      if (query->len == 0 || query->str[query->len - 1] == ' ')
        g_string_append_c (query, '"');
      g_string_append_unichar (query, c);
    }
  if (query->len > 0 && query->str[query->len - 1] != ' ')
    g_string_append (query, "\"*");
  else if (query->len > 0)
    g_string_truncate (query, query->len - 1);

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The columns of an EdElectorSummary. An address reads "14 Mill Lane" but "Rose Cottage,
 * Mill Lane": a comma only after a house name. */
#define SUMMARY_COLUMNS \
  "SELECT e.id, e.number_prefix || e.number || " \
  "  CASE WHEN e.number_suffix > 0 THEN '/' || e.number_suffix ELSE '' END, " \
  "  trim (e.title || ' ' || e.forenames || ' ' || e.surname), " \
  "  CASE WHEN e.anonymous OR p.id IS NULL THEN '' ELSE " \
  "    trim (p.property || CASE WHEN p.property GLOB '*[0-9]' OR p.property GLOB '*[0-9][A-Z]' " \
  "      THEN ' ' ELSE ', ' END || p.street || ', ' || p.town, ', ') END, " \
  "  CASE WHEN e.anonymous THEN '' ELSE coalesce (p.postcode, '') END, " \
  "  e.marker, e.absent_vote, e.anonymous, e.status "

static const char search_sql[] =
  SUMMARY_COLUMNS
  "FROM elector_search AS s "
  "JOIN elector AS e ON e.rowid = s.rowid "
  "LEFT JOIN property AS p ON p.id = e.property "
  "WHERE elector_search MATCH ?1 "
  "ORDER BY s.rowid LIMIT ?2";

/* Register order: by elector number within each part. The page asks for rows by position;
 * the offset walks the covering index elector_by_number, which stays in tens of
 * milliseconds at the far end of a million entries. */
static const char range_sql[] =
  SUMMARY_COLUMNS
  "FROM (SELECT rowid AS r FROM elector "
  "      ORDER BY number_prefix, number, number_suffix LIMIT ?2 OFFSET ?1) AS o "
  "JOIN elector AS e ON e.rowid = o.r "
  "LEFT JOIN property AS p ON p.id = e.property "
  "ORDER BY e.number_prefix, e.number, e.number_suffix";
static const char count_sql[] = "SELECT electors FROM register_size WHERE id = 1";

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Reads every row of @stmt (SUMMARY_COLUMNS), then resets it. */
static GPtrArray *
read_summaries (EdDatabase    *database,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_elector_summary_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdElectorSummary *summary = g_new0 (EdElectorSummary, 1);

      summary->id = column_dup (stmt, 0);
      summary->number = column_dup (stmt, 1);
      summary->name = column_dup (stmt, 2);
      summary->address = column_dup (stmt, 3);
      summary->postcode = column_dup (stmt, 4);
      summary->marker = column_dup (stmt, 5);
      summary->absent_vote = column_dup (stmt, 6);
      summary->anonymous = sqlite3_column_int (stmt, 7) != 0;
      summary->status = column_dup (stmt, 8);
      g_ptr_array_add (results, summary);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&results);
}

/**
 * ed_register_search:
 * @context: the district
 * @text: what a person typed
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdElectorSummary): the matching entries in register
 *   order, at most @limit; empty when @text holds no word
 */
GPtrArray *
ed_register_search (EdContext   *context,
                    const char  *text,
                    guint        limit,
                    GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_elector_summary_free);
  g_autofree char *query = ed_register_search_query (text);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  if (query == NULL || limit == 0)
    return g_steal_pointer (&results);

  stmt = ed_database_cached (database, search_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  return read_summaries (database, stmt, error);
}

/**
 * ed_register_count:
 * @context: the district
 * @out_count: (out): how many entries the register holds, pending changes included
 * @error: return location for an error
 */
gboolean
ed_register_count (EdContext  *context,
                   guint      *out_count,
                   GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, count_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/**
 * ed_register_list_range:
 * @context: the district
 * @position: the first entry wanted, counting from 0 in register order
 * @n: how many
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdElectorSummary): up to @n entries from @position,
 *   in register order (by elector number within each polling district)
 */
GPtrArray *
ed_register_list_range (EdContext  *context,
                        guint       position,
                        guint       n,
                        GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, range_sql, error);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, n);
  return read_summaries (database, stmt, error);
}
