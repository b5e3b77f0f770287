/* ed-register-voters.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register as a poll reads it: every entry as it stands, with the fields the poll cards,
 * the polling-station registers and the electorate counts need, streamed in one of three
 * orders. Memory stays flat however large the register: the register order holds one polling
 * district at a time, and the other two orders are the database's. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-database.h"
#include "register/ed-register-voters.h"

enum
{
  COL_ELECTOR,
  COL_DISTRICT,
  COL_DISTRICT_CODE,
  COL_PROPERTY_ID,
  COL_PREFIX,
  COL_NUMBER,
  COL_SUFFIX,
  COL_TITLE,
  COL_FORENAMES,
  COL_SURNAME,
  COL_MARKER,
  COL_ATTAINER,
  COL_BIRTH,
  COL_ABSENT,
  COL_ABSENT_ENDS,
  COL_PROXY_NAME,
  COL_PROXY_ADDRESS,
  COL_ANONYMOUS,
  COL_OTHER,
  COL_LANGUAGE,
  COL_STATUS,
  COL_UPRN,
  COL_PROPERTY,
  COL_STREET,
  COL_LOCALITY,
  COL_TOWN,
  COL_AREA,
  COL_POSTCODE,
  N_COLS,
};

#define SELECT_SQL \
  "SELECT e.id, e.polling_district, coalesce (d.code, e.number_prefix), e.property, " \
  "  e.number_prefix, e.number, e.number_suffix, e.title, e.forenames, e.surname, e.marker, " \
  "  e.attainer_date, e.date_of_birth, e.absent_vote, e.absent_vote_ends, e.proxy_name, " \
  "  e.proxy_address, " \
  "  e.anonymous, e.other_elector, e.language, e.status, coalesce (p.uprn, 0), " \
  "  coalesce (p.property, ''), coalesce (p.street, ''), coalesce (p.locality, ''), " \
  "  coalesce (p.town, ''), coalesce (p.area, ''), coalesce (p.postcode, '') " \
  "FROM elector AS e " \
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district " \
  "LEFT JOIN property AS p ON p.id = e.property "

static const char by_district_sql[] =
  SELECT_SQL "WHERE e.polling_district = ?1";
static const char by_postcode_sql[] =
  SELECT_SQL "ORDER BY coalesce (p.postcode, '') = '', p.postcode, p.street, p.property, "
  "e.number_prefix, e.number, e.number_suffix";
static const char by_number_sql[] =
  SELECT_SQL "ORDER BY e.number_prefix, e.number, e.number_suffix";
static const char districts_sql[] =
  "SELECT id FROM polling_district ORDER BY code, id";
static const char unplaced_sql[] =
  SELECT_SQL "WHERE NOT EXISTS (SELECT 1 FROM polling_district AS x "
  "                             WHERE x.id = e.polling_district)";

#define CHECK_EVERY 4096

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Reads the row's fields into @voter; @texts gives each string column (or NULL to point into
 * the statement's own memory). */
static void
voter_from_row (sqlite3_stmt     *stmt,
                const char      **texts,
                EdRegisterVoter  *voter)
{
  const char *column[N_COLS];

  for (guint i = 0; i < N_COLS; i++)
    column[i] = texts != NULL ? texts[i] : text_at (stmt, (int)i);

  memset (voter, 0, sizeof *voter);
  voter->elector_id = column[COL_ELECTOR];
  voter->polling_district_id = column[COL_DISTRICT];
  voter->polling_district_code = column[COL_DISTRICT_CODE];
  voter->property_id = column[COL_PROPERTY_ID];
  if (!ed_elector_number_set (&voter->number, column[COL_PREFIX],
                              (guint32)g_ascii_strtoull (column[COL_NUMBER], NULL, 10),
                              (guint32)g_ascii_strtoull (column[COL_SUFFIX], NULL, 10), NULL))
    memset (&voter->number, 0, sizeof voter->number);
  voter->title = column[COL_TITLE];
  voter->forenames = column[COL_FORENAMES];
  voter->surname = column[COL_SURNAME];
  voter->marker = column[COL_MARKER];
  voter->attainer_date = column[COL_ATTAINER];
  voter->date_of_birth = column[COL_BIRTH];
  if (!ed_absent_vote_from_string (column[COL_ABSENT], &voter->absent_vote, NULL))
    voter->absent_vote = ED_ABSENT_VOTE_NONE;
  voter->absent_vote_ends = column[COL_ABSENT_ENDS];
  voter->proxy_name = column[COL_PROXY_NAME];
  voter->proxy_address = column[COL_PROXY_ADDRESS];
  voter->anonymous = g_ascii_strtoll (column[COL_ANONYMOUS], NULL, 10) != 0;
  if (!ed_elector_language_from_string (column[COL_LANGUAGE], &voter->language, NULL))
    voter->language = ED_ELECTOR_LANGUAGE_ENGLISH;
  if (!ed_elector_status_from_string (column[COL_STATUS], &voter->status, NULL))
    voter->status = ED_ELECTOR_STATUS_CURRENT;
  voter->uprn = g_ascii_strtoll (column[COL_UPRN], NULL, 10);
  voter->property = column[COL_PROPERTY];
  voter->street = column[COL_STREET];
  voter->locality = column[COL_LOCALITY];
  voter->town = column[COL_TOWN];
  voter->area = column[COL_AREA];
  voter->postcode = column[COL_POSTCODE];
  voter->section = ed_register_section_for (voter->anonymous,
                                            *voter->property_id != '\0' &&
                                              g_ascii_strtoll (column[COL_OTHER], NULL, 10) == 0 &&
                                              (*voter->property != '\0' ||
                                               *voter->street != '\0'));
}

/* One polling district's entries, kept until they can be sorted: each row's text is one
 * block from the district's chunk, emptied for the next district. */
typedef struct
{
  const char         *texts[N_COLS];
  EdRegisterVoter     voter;
  EdRegisterEntryKey  key;
} HeldRow;

static int
held_row_compare (gconstpointer a,
                  gconstpointer b)
{
  const HeldRow *x = *(HeldRow **)a;
  const HeldRow *y = *(HeldRow **)b;

  return ed_register_entry_compare (&x->key, &y->key);
}

static gboolean
walk_district (EdDatabase           *database,
               sqlite3_stmt         *stmt,
               const char           *district,
               GStringChunk         *chunk,
               GPtrArray            *rows,
               EdRegisterVoterFunc   func,
               gpointer              user_data,
               GError              **error)
{
  int rc;

  sqlite3_reset (stmt);
  if (district != NULL)
    sqlite3_bind_text (stmt, 1, district, -1, SQLITE_TRANSIENT);
  g_string_chunk_clear (chunk);
  g_ptr_array_set_size (rows, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HeldRow *row = g_new0 (HeldRow, 1);

      for (guint i = 0; i < N_COLS; i++)
        row->texts[i] = g_string_chunk_insert_const (chunk, text_at (stmt, (int)i));
      voter_from_row (stmt, row->texts, &row->voter);
      row->key.section = row->voter.section;
      row->key.street = row->voter.street;
      row->key.property = row->voter.property;
      row->key.number = row->voter.number;
      row->key.surname = row->voter.surname;
      row->key.forenames = row->voter.forenames;
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  g_ptr_array_sort (rows, held_row_compare);
  for (guint i = 0; i < rows->len; i++)
    if (!func (&((HeldRow *)g_ptr_array_index (rows, i))->voter, user_data, error))
      return FALSE;
  return TRUE;
}

static gboolean
walk_register_order (EdDatabase           *database,
                     GHashTable           *polling_districts,
                     GCancellable         *cancellable,
                     EdRegisterVoterFunc   func,
                     gpointer              user_data,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) districts = ed_database_prepare (database, districts_sql, error);
  g_autoptr(sqlite3_stmt) rows_stmt = NULL;
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (64 * 1024);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (districts == NULL)
    return FALSE;
  rows_stmt = ed_database_prepare (database, by_district_sql, error);
  if (rows_stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (districts)) == SQLITE_ROW)
    {
      const char *district = text_at (districts, 0);

      if (polling_districts != NULL && !g_hash_table_contains (polling_districts, district))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !walk_district (database, rows_stmt, district, chunk, rows, func, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  /* Entries whose polling district is not in the register come last, in one part, so that a
   * check reading every entry still sees them. */
  if (polling_districts == NULL)
    {
      g_autoptr(sqlite3_stmt) unplaced = ed_database_prepare (database, unplaced_sql, error);

      if (unplaced == NULL ||
          !walk_district (database, unplaced, NULL, chunk, rows, func, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
walk_sorted (EdDatabase           *database,
             const char           *sql,
             GHashTable           *polling_districts,
             GCancellable         *cancellable,
             EdRegisterVoterFunc   func,
             gpointer              user_data,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdRegisterVoter voter;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (polling_districts != NULL &&
          !g_hash_table_contains (polling_districts, text_at (stmt, COL_DISTRICT)))
        continue;
      voter_from_row (stmt, NULL, &voter);
      if (!func (&voter, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_register_foreach_voter:
 * @context: the district
 * @polling_districts: (nullable) (element-type utf8 utf8): the polling districts' row ids to
 *   read, as a set; %NULL for the whole register (and entries whose district has gone)
 * @order: the order the entries come in
 * @cancellable: (nullable): to stop early
 * @func: called for each entry
 * @user_data: for @func
 * @error: return location for an error, from the database, @cancellable or @func
 *
 * Reads the register as it stands for a poll: every entry, pending additions and deletions
 * among them (the caller decides who may vote), with its current values. The poll cards,
 * the polling-station registers and the electorate all read the register through here, so
 * they agree.
 *
 * Returns: %TRUE if every entry was handed over
 */
gboolean
ed_register_foreach_voter (EdContext            *context,
                           GHashTable           *polling_districts,
                           EdVoterOrder          order,
                           GCancellable         *cancellable,
                           EdRegisterVoterFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  database = ed_context_get_database (context);
  switch (order)
    {
    case ED_VOTER_ORDER_REGISTER:
      return walk_register_order (database, polling_districts, cancellable, func, user_data,
                                  error);
    case ED_VOTER_ORDER_POSTCODE:
      return walk_sorted (database, by_postcode_sql, polling_districts, cancellable, func,
                          user_data, error);
    case ED_VOTER_ORDER_NUMBER:
      return walk_sorted (database, by_number_sql, polling_districts, cancellable, func,
                          user_data, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static const char count_sql[] =
  "SELECT polling_district, count(*) FROM elector GROUP BY polling_district";

/**
 * ed_register_count_voters:
 * @context: the district
 * @polling_districts: (nullable) (element-type utf8 utf8): polling districts' row ids as a
 *   set, or %NULL for the whole register
 * @error: return location for an error
 *
 * Returns: how many entries ed_register_foreach_voter() would hand over, for progress; -1
 *   with @error set on failure
 */
gint64
ed_register_count_voters (EdContext   *context,
                          GHashTable  *polling_districts,
                          GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, count_sql, error);
  gint64 total = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (polling_districts == NULL ||
        g_hash_table_contains (polling_districts, text_at (stmt, 0)))
      total += sqlite3_column_int64 (stmt, 1);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return -1;
    }
  return total;
}

static const char district_areas_sql[] =
  "SELECT id, code, name, electoral_area, parish, constituency FROM polling_district "
  "ORDER BY code, id";

void
ed_polling_district_areas_free (EdPollingDistrictAreas *areas)
{
  if (areas == NULL)
    return;
  g_free (areas->id);
  g_free (areas->code);
  g_free (areas->name);
  g_free (areas->electoral_area);
  g_free (areas->parish);
  g_free (areas->constituency);
  g_free (areas);
}

/**
 * ed_register_list_polling_district_areas:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdPollingDistrictAreas): every polling district
 *   with the areas it lies in, by code; %NULL with @error set on failure
 */
GPtrArray *
ed_register_list_polling_district_areas (EdContext  *context,
                                         GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, district_areas_sql, error);
  g_autoptr(GPtrArray) districts =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_polling_district_areas_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPollingDistrictAreas *areas = g_new0 (EdPollingDistrictAreas, 1);

      areas->id = g_strdup (text_at (stmt, 0));
      areas->code = g_strdup (text_at (stmt, 1));
      areas->name = g_strdup (text_at (stmt, 2));
      areas->electoral_area = g_strdup (text_at (stmt, 3));
      areas->parish = g_strdup (text_at (stmt, 4));
      areas->constituency = g_strdup (text_at (stmt, 5));
      g_ptr_array_add (districts, areas);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&districts);
}
