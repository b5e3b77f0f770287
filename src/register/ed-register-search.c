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

#include <string.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-franchise.h"
#include "register/ed-register-search-private.h"

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
  g_free (summary->property);
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

static const char search_sql[] =
  _ED_SUMMARY_COLUMNS
  "FROM elector_search AS s "
  "JOIN elector AS e ON e.rowid = s.rowid "
  "LEFT JOIN property AS p ON p.id = e.property "
  "WHERE elector_search MATCH ?1 "
  "ORDER BY s.rowid LIMIT ?2";

/* Register order: by elector number within each part. The page asks for rows by position;
 * the offset walks the covering index elector_by_number, which stays in tens of
 * milliseconds at the far end of a million entries. */
static const char range_sql[] =
  _ED_SUMMARY_COLUMNS
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

/* Reads every row of @stmt (_ED_SUMMARY_COLUMNS), then resets it. */
GPtrArray *
_ed_register_read_summaries (EdDatabase    *database,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_elector_summary_free);
  int rc;

  g_assert (sqlite3_column_count (stmt) == _ED_SUMMARY_N_COLUMNS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdElectorSummary *summary = g_new0 (EdElectorSummary, 1);
      const char *absent_vote = (const char *)sqlite3_column_text (stmt, _ED_SUMMARY_ABSENT_VOTE);
      const char *status = (const char *)sqlite3_column_text (stmt, _ED_SUMMARY_STATUS);

      summary->id = column_dup (stmt, _ED_SUMMARY_ID);
      summary->number = column_dup (stmt, _ED_SUMMARY_NUMBER);
      summary->name = column_dup (stmt, _ED_SUMMARY_NAME);
      summary->address = column_dup (stmt, _ED_SUMMARY_ADDRESS);
      summary->postcode = column_dup (stmt, _ED_SUMMARY_POSTCODE);
      summary->marker = column_dup (stmt, _ED_SUMMARY_MARKER);
      /* A value only a newer desk knows reads as in person, or as current: what the lists
       * showed for one before. */
      if (absent_vote == NULL ||
          !ed_absent_vote_from_string (absent_vote, &summary->absent_vote, NULL))
        summary->absent_vote = ED_ABSENT_VOTE_NONE;
      summary->anonymous = sqlite3_column_int (stmt, _ED_SUMMARY_ANONYMOUS) != 0;
      if (status == NULL || !ed_elector_status_from_string (status, &summary->status, NULL))
        summary->status = ED_ELECTOR_STATUS_CURRENT;
      summary->property = column_dup (stmt, _ED_SUMMARY_PROPERTY);
      summary->amendment_pending = sqlite3_column_int (stmt,
                                                       _ED_SUMMARY_AMENDMENT_PENDING) != 0;
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

void
ed_polling_district_ref_free (EdPollingDistrictRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->id);
  g_free (ref->code);
  g_free (ref->name);
  g_free (ref);
}

static const char districts_sql[] =
  "SELECT id, code, name FROM polling_district ORDER BY code, name, id";

/**
 * ed_register_polling_districts:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPollingDistrictRef): every polling district, by code
 */
GPtrArray *
ed_register_polling_districts (EdContext  *context,
                               GError    **error)
{
  EdDatabase *database;
  g_autoptr(GPtrArray) districts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, districts_sql, error);
  if (stmt == NULL)
    return NULL;
  districts = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_polling_district_ref_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPollingDistrictRef *ref = g_new0 (EdPollingDistrictRef, 1);

      ref->id = column_dup (stmt, 0);
      ref->code = column_dup (stmt, 1);
      ref->name = column_dup (stmt, 2);
      g_ptr_array_add (districts, ref);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&districts);
}

/**
 * ed_absent_vote_filter_get_vote:
 * @filter: an absent vote filter
 * @out_vote: (out) (optional): the one absent vote @filter keeps
 *
 * Returns: whether @filter keeps the electors of one kind of absent vote
 */
gboolean
ed_absent_vote_filter_get_vote (EdAbsentVoteFilter  filter,
                                EdAbsentVote       *out_vote)
{
  EdAbsentVote vote;

  switch (filter)
    {
    case ED_ABSENT_VOTE_FILTER_POSTAL:
      vote = ED_ABSENT_VOTE_POSTAL;
      break;
    case ED_ABSENT_VOTE_FILTER_PROXY:
      vote = ED_ABSENT_VOTE_PROXY;
      break;
    case ED_ABSENT_VOTE_FILTER_POSTAL_PROXY:
      vote = ED_ABSENT_VOTE_POSTAL_PROXY;
      break;
    case ED_ABSENT_VOTE_FILTER_ALL:
    case ED_ABSENT_VOTE_FILTER_ANY:
    case ED_ABSENT_VOTE_FILTER_NONE:
    default:
      return FALSE;
    }
  if (out_vote != NULL)
    *out_vote = vote;
  return TRUE;
}

/**
 * ed_pending_filter_get_status:
 * @filter: a pending change filter
 * @out_status: (out) (optional): the one status @filter keeps
 *
 * Returns: whether @filter keeps the entries of one status
 */
gboolean
ed_pending_filter_get_status (EdPendingFilter  filter,
                              EdElectorStatus *out_status)
{
  EdElectorStatus status;

  switch (filter)
    {
    case ED_PENDING_FILTER_ADDITION:
      status = ED_ELECTOR_STATUS_PENDING_ADDITION;
      break;
    case ED_PENDING_FILTER_DELETION:
      status = ED_ELECTOR_STATUS_PENDING_DELETION;
      break;
    case ED_PENDING_FILTER_ALL:
    case ED_PENDING_FILTER_ANY:
    default:
      return FALSE;
    }
  if (out_status != NULL)
    *out_status = status;
  return TRUE;
}

/**
 * ed_register_filter_init:
 * @filter: (out caller-allocates): a filter
 *
 * Sets @filter to keep every entry.
 */
void
ed_register_filter_init (EdRegisterFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
}

/**
 * ed_register_filter_is_empty:
 * @filter: (nullable): a filter
 *
 * Returns: whether @filter keeps every entry (as %NULL does)
 */
gboolean
ed_register_filter_is_empty (const EdRegisterFilter *filter)
{
  return filter == NULL ||
         (filter->polling_district == NULL && filter->marker == NULL &&
          filter->absent_vote == ED_ABSENT_VOTE_FILTER_ALL && !filter->attainers &&
          filter->pending == ED_PENDING_FILTER_ALL);
}

/* A filtered statement is put together from the fixed fragments below, never from values,
 * which are bound by name. One statement per combination of filters (a few dozen at most,
 * each prepared once) lets SQLite choose the index that suits it; a single statement of
 * "(:x IS NULL OR column = :x)" terms would read the whole register for every filter.
 * A term such as "e.marker != ''" repeats the WHERE of a partial index word for word: that
 * is how SQLite knows the index holds every row the query wants. So the empty absent vote
 * and the current status are spelled here as 0005-register-filters.sql spells them; the
 * one absent vote or status a filter keeps is bound. */
static void
append_filter_terms (GString                *sql,
                     const EdRegisterFilter *filter)
{
  static const char *const absent_vote_terms[] = {
    [ED_ABSENT_VOTE_FILTER_ALL] = "",
    [ED_ABSENT_VOTE_FILTER_POSTAL] = " AND e.absent_vote != '' AND e.absent_vote = :absent_vote",
    [ED_ABSENT_VOTE_FILTER_PROXY] = " AND e.absent_vote != '' AND e.absent_vote = :absent_vote",
    [ED_ABSENT_VOTE_FILTER_POSTAL_PROXY] =
      " AND e.absent_vote != '' AND e.absent_vote = :absent_vote",
    [ED_ABSENT_VOTE_FILTER_ANY] = " AND e.absent_vote != ''",
    [ED_ABSENT_VOTE_FILTER_NONE] = " AND e.absent_vote = ''",
  };
  static const char *const pending_terms[] = {
    [ED_PENDING_FILTER_ALL] = "",
    [ED_PENDING_FILTER_ADDITION] = " AND e.status != 'current' AND e.status = :status",
    [ED_PENDING_FILTER_DELETION] = " AND e.status != 'current' AND e.status = :status",
    [ED_PENDING_FILTER_ANY] = " AND e.status != 'current'",
    /* An amendment has effect at once but waits for its notice to be published; the
     * alterations not yet published are few. */
    [ED_PENDING_FILTER_AMENDMENT] = " AND e.id IN (SELECT a.elector FROM register_alteration"
                                    " AS a WHERE a.notice = '' AND a.kind = 'amendment')",
  };

  if (filter == NULL)
    return;
  /* A district's electors carry its code as their number's prefix, so they are one range of
   * elector_by_number; the second term keeps the filter exact all the same. */
  if (filter->polling_district != NULL)
    g_string_append (sql, " AND e.number_prefix = (SELECT code FROM polling_district"
                          " WHERE id = :district) AND e.polling_district = :district");
  if (g_strcmp0 (filter->marker, ED_REGISTER_FILTER_ANY_MARKER) == 0)
    g_string_append (sql, " AND e.marker != ''");
  else if (g_strcmp0 (filter->marker, "") == 0)
    g_string_append (sql, " AND e.marker = ''");
  else if (filter->marker != NULL)
    g_string_append (sql, " AND e.marker != '' AND e.marker = :marker");
  g_assert (filter->absent_vote < G_N_ELEMENTS (absent_vote_terms));
  g_string_append (sql, absent_vote_terms[filter->absent_vote]);
  /* The first term is the index's WHERE (0010-attainers-by-birth.sql); the second keeps
   * those of the entries it holds who are attainers. */
  if (filter->attainers)
    g_string_append (sql, " AND (e.attainer_date != '' OR e.date_of_birth != '')"
                          " AND (e.attainer_date != '' OR e.date_of_birth > :born_after)");
  g_assert (filter->pending < G_N_ELEMENTS (pending_terms));
  g_string_append (sql, pending_terms[filter->pending]);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filter (sqlite3_stmt           *stmt,
             EdContext              *context,
             const EdRegisterFilter *filter)
{
  EdAbsentVote vote;
  EdElectorStatus status;

  /* An entry with a date of birth is an attainer while it is not yet of voting age
   * (ed_voting_age_latest_birth ()). */
  if (sqlite3_bind_parameter_index (stmt, ":born_after") > 0)
    {
      EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));
      g_autofree char *born_after = NULL;
      GDate today;
      GDate latest;

      ed_today (&today);
      ed_voting_age_latest_birth (country, &today, &latest);
      born_after = ed_date_format_iso (&latest);
      bind_named_text (stmt, ":born_after", born_after);
    }

  bind_named_text (stmt, ":district", filter->polling_district);
  bind_named_text (stmt, ":marker", filter->marker);
  if (ed_absent_vote_filter_get_vote (filter->absent_vote, &vote))
    bind_named_text (stmt, ":absent_vote", ed_absent_vote_to_string (vote));
  if (ed_pending_filter_get_status (filter->pending, &status))
    bind_named_text (stmt, ":status", ed_elector_status_to_string (status));
}

/* Whether @filter keeps a small share of the register (a few per cent at most, as in the
 * demo district's shares of DOMAIN.md §6): anything but postal voters, in-person voters and
 * entries without a marker. */
static gboolean
filter_is_selective (const EdRegisterFilter *filter)
{
  return filter->polling_district != NULL ||
         (filter->marker != NULL && filter->marker[0] != '\0') ||
         filter->absent_vote == ED_ABSENT_VOTE_FILTER_PROXY ||
         filter->absent_vote == ED_ABSENT_VOTE_FILTER_POSTAL_PROXY ||
         filter->attainers ||
         filter->pending != ED_PENDING_FILTER_ALL;
}

static gboolean
filter_check (const EdRegisterFilter *filter)
{
  return filter == NULL ||
         (filter->absent_vote <= ED_ABSENT_VOTE_FILTER_NONE &&
          filter->pending <= ED_PENDING_FILTER_AMENDMENT);
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
  return ed_register_search_filtered (context, text, NULL, limit, error);
}

/**
 * ed_register_search_filtered:
 * @context: the district
 * @text: what a person typed
 * @filter: (nullable): which entries to search among, %NULL for all
 * @limit: the most results to return
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdElectorSummary): the entries that match @text and
 *   @filter in register order, at most @limit; empty when @text holds no word
 */
GPtrArray *
ed_register_search_filtered (EdContext               *context,
                             const char              *text,
                             const EdRegisterFilter  *filter,
                             guint                    limit,
                             GError                 **error)
{
  EdDatabase *database;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (filter_check (filter), NULL);

  database = ed_context_get_database (context);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_elector_summary_free);
  query = ed_register_search_query (text);
  if (query == NULL || limit == 0)
    return g_steal_pointer (&results);

  if (ed_register_filter_is_empty (filter))
    {
      stmt = ed_database_cached (database, search_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, limit);
      return _ed_register_read_summaries (database, stmt, error);
    }

  sql = g_string_new (_ED_SUMMARY_COLUMNS
                      "FROM elector_search AS s "
                      "JOIN elector AS e ON e.rowid = s.rowid "
                      "LEFT JOIN property AS p ON p.id = e.property "
                      "WHERE elector_search MATCH :query");
  /* The index hands over matches in register order faster than the register can be read
   * for them: a letter matches a third of a million electors in 15 ms, but reading each to
   * check a filter takes a third of a second. So a filter that keeps few electors is read
   * once from its own index into a set the matches are checked against ("+" keeps the set
   * from being turned into one index lookup per elector), and one that keeps most of them
   * is checked on each match, as the first 500 come soon. */
  if (filter_is_selective (filter))
    {
      g_string_append (sql, " AND +s.rowid IN (SELECT e.rowid FROM elector AS e WHERE 1");
      append_filter_terms (sql, filter);
      g_string_append (sql, ")");
    }
  else
    append_filter_terms (sql, filter);
  g_string_append (sql, " ORDER BY s.rowid LIMIT :limit");
  stmt = ed_database_cached (database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_named_text (stmt, ":query", query);
  bind_named_int (stmt, ":limit", limit);
  bind_filter (stmt, context, filter);
  return _ed_register_read_summaries (database, stmt, error);
}

/**
 * ed_register_search_count:
 * @context: the district
 * @text: what a person typed
 * @filter: (nullable): which entries to search among, %NULL for all
 * @out_count: (out): how many entries match, however many a search returns
 * @error: return location for an error
 *
 * So that a search that stops at its limit can say how many it left out.
 */
gboolean
ed_register_search_count (EdContext               *context,
                          const char              *text,
                          const EdRegisterFilter  *filter,
                          guint                   *out_count,
                          GError                 **error)
{
  EdDatabase *database;
  g_autofree char *query = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);
  g_return_val_if_fail (filter_check (filter), FALSE);

  *out_count = 0;
  database = ed_context_get_database (context);
  query = ed_register_search_query (text);
  if (query == NULL)
    return TRUE;
  sql = g_string_new ("SELECT count(*) FROM elector_search AS s "
                      "JOIN elector AS e ON e.rowid = s.rowid "
                      "WHERE elector_search MATCH :query");
  if (!ed_register_filter_is_empty (filter))
    append_filter_terms (sql, filter);
  stmt = ed_database_cached (database, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_named_text (stmt, ":query", query);
  if (!ed_register_filter_is_empty (filter))
    bind_filter (stmt, context, filter);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
count_where (EdContext               *context,
             const EdRegisterFilter  *filter,
             guint                   *out_count,
             GError                 **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (ed_register_filter_is_empty (filter))
    stmt = ed_database_cached (database, count_sql, error);
  else
    {
      sql = g_string_new ("SELECT count(*) FROM elector AS e WHERE 1");
      append_filter_terms (sql, filter);
      stmt = ed_database_cached (database, sql->str, error);
      if (stmt != NULL)
        bind_filter (stmt, context, filter);
    }
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
  return ed_register_count_filtered (context, NULL, out_count, error);
}

/**
 * ed_register_count_filtered:
 * @context: the district
 * @filter: (nullable): which entries to count, %NULL for all
 * @out_count: (out): how many entries @filter keeps, pending changes included
 * @error: return location for an error
 */
gboolean
ed_register_count_filtered (EdContext               *context,
                            const EdRegisterFilter  *filter,
                            guint                   *out_count,
                            GError                 **error)
{
  EdRegisterFilter with_any;
  guint all = 0;
  guint absent = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);
  g_return_val_if_fail (filter_check (filter), FALSE);

  if (filter == NULL || filter->absent_vote != ED_ABSENT_VOTE_FILTER_NONE)
    return count_where (context, filter, out_count, error);

  /* Four electors in five vote in person, so no index narrows them down; count them as
   * everyone the other filters keep less the absent voters among them, which indexes can. */
  with_any = *filter;
  with_any.absent_vote = ED_ABSENT_VOTE_FILTER_ALL;
  if (!count_where (context, &with_any, &all, error))
    return FALSE;
  with_any.absent_vote = ED_ABSENT_VOTE_FILTER_ANY;
  if (!count_where (context, &with_any, &absent, error))
    return FALSE;
  *out_count = all - absent;
  return TRUE;
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
  return ed_register_list_range_filtered (context, NULL, position, n, error);
}

/**
 * ed_register_list_range_filtered:
 * @context: the district
 * @filter: (nullable): which entries to list, %NULL for all
 * @position: the first entry wanted, counting from 0 in register order among those @filter
 *   keeps
 * @n: how many
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdElectorSummary): up to @n of the entries @filter
 *   keeps from @position, in register order
 */
GPtrArray *
ed_register_list_range_filtered (EdContext               *context,
                                 const EdRegisterFilter  *filter,
                                 guint                    position,
                                 guint                    n,
                                 GError                 **error)
{
  EdDatabase *database;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (filter_check (filter), NULL);

  database = ed_context_get_database (context);
  if (ed_register_filter_is_empty (filter))
    {
      stmt = ed_database_cached (database, range_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, position);
      sqlite3_bind_int64 (stmt, 2, n);
      return _ed_register_read_summaries (database, stmt, error);
    }

  sql = g_string_new (_ED_SUMMARY_COLUMNS
                      "FROM (SELECT e.rowid AS r FROM elector AS e WHERE 1");
  append_filter_terms (sql, filter);
  g_string_append (sql,
                   " ORDER BY e.number_prefix, e.number, e.number_suffix"
                   " LIMIT :n OFFSET :position) AS o "
                   "JOIN elector AS e ON e.rowid = o.r "
                   "LEFT JOIN property AS p ON p.id = e.property "
                   "ORDER BY e.number_prefix, e.number, e.number_suffix");
  stmt = ed_database_cached (database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_named_int (stmt, ":position", position);
  bind_named_int (stmt, ":n", n);
  bind_filter (stmt, context, filter);
  return _ed_register_read_summaries (database, stmt, error);
}

/* Reading the register by key rather than by position: an OFFSET walks every index entry
 * before the rows it skips to, which at the far end of a million entries is tens of
 * milliseconds a page, too long for a frame. A key is where an entry stands in register
 * order: (number_prefix, number, number_suffix, rowid), the order of elector_by_number and the
 * filters' partial indexes, in which SQLite seeks to a key directly. */

static const char key_columns[] = "e.number_prefix, e.number, e.number_suffix, e.rowid";

void
ed_register_key_clear (EdRegisterKey *key)
{
  g_clear_pointer (&key->prefix, g_free);
  key->number = key->suffix = key->rowid = 0;
}

/* "WHERE 1 [filter terms] [AND key >= or < :key]" into @sql. */
static void
append_key_where (GString                *sql,
                  const EdRegisterFilter *filter,
                  const char             *compare)
{
  g_string_append (sql, " FROM elector AS e WHERE 1");
  append_filter_terms (sql, filter);
  if (compare != NULL)
    g_string_append_printf (sql, " AND (%s) %s (:prefix, :number, :suffix, :rowid)",
                            key_columns, compare);
}

static void
bind_key (sqlite3_stmt        *stmt,
          const EdRegisterKey *key)
{
  if (key == NULL)
    return;
  bind_named_text (stmt, ":prefix", key->prefix);
  bind_named_int (stmt, ":number", key->number);
  bind_named_int (stmt, ":suffix", key->suffix);
  bind_named_int (stmt, ":rowid", key->rowid);
}

/**
 * ed_register_key_seek:
 * @context: the district
 * @filter: (nullable): which entries count, %NULL for all
 * @from: (nullable): where to count from: forwards, the entry with this key or the first
 *   after it; backwards, the first before it. %NULL for the first entry (forwards) or the
 *   last (backwards)
 * @backwards: whether to count towards the start of the register
 * @skip: how many entries to pass over first
 * @out: (out caller-allocates): the key found; its prefix %NULL when the register ends first
 * @error: return location for an error
 *
 * Finds the key @skip entries on from @from in register order among those @filter keeps. It
 * reads the index alone, a few microseconds an entry; a model that keeps the keys of the
 * pages it has read seeks from the nearest.
 *
 * Returns: %FALSE with @error set if the register could not be read
 */
gboolean
ed_register_key_seek (EdContext               *context,
                      const EdRegisterFilter  *filter,
                      const EdRegisterKey     *from,
                      gboolean                 backwards,
                      guint                    skip,
                      EdRegisterKey           *out,
                      GError                 **error)
{
  EdDatabase *database;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (filter_check (filter), FALSE);
  g_return_val_if_fail (from == NULL || from->prefix != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  database = ed_context_get_database (context);
  sql = g_string_new ("SELECT ");
  g_string_append (sql, key_columns);
  append_key_where (sql, filter, from == NULL ? NULL : backwards ? "<" : ">=");
  g_string_append_printf (sql, " ORDER BY e.number_prefix %s, e.number %s, e.number_suffix %s,"
                               " e.rowid %s LIMIT 1 OFFSET :skip",
                          backwards ? "DESC" : "", backwards ? "DESC" : "",
                          backwards ? "DESC" : "", backwards ? "DESC" : "");
  stmt = ed_database_cached (database, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (filter != NULL)
    bind_filter (stmt, context, filter);
  bind_key (stmt, from);
  bind_named_int (stmt, ":skip", skip);
  memset (out, 0, sizeof *out);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->prefix = column_dup (stmt, 0);
      out->number = sqlite3_column_int64 (stmt, 1);
      out->suffix = sqlite3_column_int64 (stmt, 2);
      out->rowid = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_register_list_from_key:
 * @context: the district
 * @filter: (nullable): which entries to list, %NULL for all
 * @from: (nullable): the key of the first entry wanted (or where it would be); %NULL for the
 *   start of the register
 * @n: how many
 * @error: return location for an error
 *
 * Like ed_register_list_range_filtered(), from a key found with ed_register_key_seek() rather
 * than a position, so a page at the far end of the register costs what the first does.
 *
 * Returns: (transfer full) (element-type EdElectorSummary): up to @n entries from @from, in
 *   register order
 */
GPtrArray *
ed_register_list_from_key (EdContext               *context,
                           const EdRegisterFilter  *filter,
                           const EdRegisterKey     *from,
                           guint                    n,
                           GError                 **error)
{
  EdDatabase *database;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (filter_check (filter), NULL);
  g_return_val_if_fail (from == NULL || from->prefix != NULL, NULL);

  database = ed_context_get_database (context);
  sql = g_string_new (_ED_SUMMARY_COLUMNS "FROM (SELECT e.rowid AS r");
  append_key_where (sql, filter, from == NULL ? NULL : ">=");
  g_string_append_printf (sql, " ORDER BY %s LIMIT :n) AS o "
                               "JOIN elector AS e ON e.rowid = o.r "
                               "LEFT JOIN property AS p ON p.id = e.property "
                               "ORDER BY %s", key_columns, key_columns);
  stmt = ed_database_cached (database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL)
    bind_filter (stmt, context, filter);
  bind_key (stmt, from);
  bind_named_int (stmt, ":n", n);
  return _ed_register_read_summaries (database, stmt, error);
}
