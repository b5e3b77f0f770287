/* test-register-search.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-franchise.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"
#include "register/ed-register-stats.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

#define N_ELECTORS 800

static void
test_query_syntax (void)
{
  g_autofree char *simple = ed_register_search_query ("smi");
  g_autofree char *words = ed_register_search_query ("  Smith,  ZY1 9LN ");
  g_autofree char *number = ed_register_search_query ("AB124/1");
  g_autofree char *hostile = ed_register_search_query ("AND \"( NEAR*");
  g_autofree char *accents = ed_register_search_query ("Zoë O'Brien");
  g_autofree char *nothing = ed_register_search_query (" ,/ ");

  g_assert_cmpstr (simple, ==, "\"smi\"*");
  g_assert_cmpstr (words, ==, "\"Smith\"* \"ZY1\"* \"9LN\"*");
  g_assert_cmpstr (number, ==, "\"AB124\"* \"1\"*");
  /* FTS5 syntax typed by a person is only ever words to look for. */
  g_assert_cmpstr (hostile, ==, "\"AND\"* \"NEAR\"*");
  g_assert_cmpstr (accents, ==, "\"Zoë\"* \"O\"* \"Brien\"*");
  g_assert_null (nothing);
}

static EdElectorSummary *
first_match (EdContext  *context,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = ed_register_search (context, text, 20, &error);

  g_assert_no_error (error);
  if (results->len == 0)
    return NULL;
  return g_ptr_array_steal_index (results, 0);
}

static void
test_finds_by_each_field (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdElectorSummary) first = first_match (context, "AA1");
  g_autoptr(EdElectorSummary) by_surname = NULL;
  g_autoptr(EdElectorSummary) by_postcode = NULL;
  g_autoptr(EdElectorSummary) by_unspaced_postcode = NULL;
  g_autoptr(EdElectorSummary) by_partial = NULL;
  g_autofree char *postcode_nospace = NULL;
  const char *surname;
  g_auto(GStrv) name_words = NULL;

  /* The elector number, which register order puts first. */
  g_assert_nonnull (first);
  g_assert_cmpstr (first->number, ==, "AA1");
  name_words = g_strsplit (first->name, " ", -1);
  surname = name_words[g_strv_length (name_words) - 1];

  by_surname = first_match (context, surname);
  g_assert_nonnull (by_surname);
  g_assert_cmpstr (by_surname->id, ==, first->id);

  by_postcode = first_match (context, first->postcode);
  g_assert_nonnull (by_postcode);
  g_assert_cmpstr (by_postcode->id, ==, first->id);

  {
    GString *joined = g_string_new (NULL);

    for (const char *p = first->postcode; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (joined, *p);
    postcode_nospace = g_string_free (joined, FALSE);
  }
  by_unspaced_postcode = first_match (context, postcode_nospace);
  g_assert_nonnull (by_unspaced_postcode);
  g_assert_cmpstr (by_unspaced_postcode->id, ==, first->id);

  /* Typing as you go: the first letters of the surname and of the street. */
  {
    g_autofree char *partial = g_strndup (surname, 3);

    by_partial = first_match (context, partial);
    g_assert_nonnull (by_partial);
  }

  g_assert_null (first_match (context, "Xylophone"));
}

/* The index follows every write, including an edit through a change set (and so a merge,
 * which writes rows the same way). */
static void
test_index_follows_edits (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(EdElectorSummary) first = first_match (context, "AA1");
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdElectorSummary) renamed = NULL;
  g_autoptr(GError) error = NULL;

  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", first->id, "surname",
                                    g_variant_new_string ("Quillfeather"), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  renamed = first_match (context, "quillf");
  g_assert_nonnull (renamed);
  g_assert_cmpstr (renamed->id, ==, first->id);
  g_assert_true (g_str_has_suffix (renamed->name, "Quillfeather"));
}

static void
test_stats_add_up (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdRegisterStats) stats = ed_register_stats_compute (context, &error);
  GPtrArray *lists[4];
  gboolean saw_postal = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (stats->electors, ==, 800);
  lists[0] = stats->by_polling_district;
  lists[1] = stats->by_marker;
  lists[2] = stats->by_absent_vote;
  lists[3] = stats->by_status;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      gint64 sum = 0;

      for (guint i = 0; i < lists[l]->len; i++)
        sum += ((EdRegisterCount *)g_ptr_array_index (lists[l], i))->count;
      g_assert_cmpint (sum, ==, 800);
    }
  for (guint i = 0; i < stats->by_absent_vote->len; i++)
    {
      EdRegisterCount *count = g_ptr_array_index (stats->by_absent_vote, i);

      if (g_str_equal (count->key, "postal"))
        {
          saw_postal = TRUE;
          g_assert_cmpstr (count->label, ==, "Postal");
        }
    }
  g_assert_true (saw_postal);
}

/* The page asks for rows by position, in register order. */
static void
test_list_range (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) head = NULL;
  g_autoptr(GPtrArray) tail = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  guint count = 0;

  g_assert_true (ed_register_count (context, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 800);

  head = ed_register_list_range (context, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->len, ==, 3);
  g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (head, 0))->number, ==, "AA1");
  g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (head, 2))->number, ==, "AA3");

  tail = ed_register_list_range (context, 798, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tail->len, ==, 2);
  beyond = ed_register_list_range (context, 800, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beyond->len, ==, 0);
}

/* Filters (register page): each kind alone and combined, checked against the same rule
 * applied to every entry one by one. */

typedef struct
{
  EdElectorSummary *summary;
  char             *polling_district;
  gboolean          attainer;
} Entry;

static void
entry_free (Entry *entry)
{
  ed_elector_summary_free (entry->summary);
  g_free (entry->polling_district);
  g_free (entry);
}

static void
set_text (EdContext  *context,
          const char *id,
          const char *column,
          const char *value)
{
  ed_test_elector_set (context, id, column, g_variant_new_string (value));
}

/* The demo has no pending changes and few of some markers: make some of each. */
static GPtrArray *
prepare_entries (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ed_register_list_range (context, 0, 10000, &error);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  sqlite3 *db = ed_database_get_handle (ed_context_get_database (context));
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 800);
  for (guint i = 10; i < 15; i++)
    set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, i))->id, "status",
              "pending_addition");
  for (guint i = 20; i < 23; i++)
    set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, i))->id, "status",
              "pending_deletion");
  for (guint i = 30; i < 34; i++)
    set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, i))->id, "marker", "G");
  set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, 40))->id, "attainer_date",
            "2027-03-01");
  set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, 41))->id, "absent_vote",
            "postal_proxy");
  /* Dates of birth with no attainer date: of voting age tomorrow (an attainer), today and
   * long ago (not). */
  for (guint i = 42; i < 45; i++)
    {
      g_autofree char *born = NULL;
      GDate date;

      ed_today (&date);
      g_date_subtract_years (&date, ed_attainer_voting_age (ed_district_settings_get_country (
                                      ed_context_get_settings (context))));
      if (i == 42)
        g_date_add_days (&date, 1);
      else if (i == 44)
        g_date_subtract_years (&date, 40);
      born = ed_date_format_iso (&date);
      set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, i))->id, "attainer_date",
                "");
      set_text (context, ((EdElectorSummary *)g_ptr_array_index (all, i))->id, "date_of_birth",
                born);
    }

  g_clear_pointer (&all, g_ptr_array_unref);
  all = ed_register_list_range (context, 0, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT polling_district, attainer_date != '', "
                                       "date_of_birth FROM elector WHERE id = ?1", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < all->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->summary = g_ptr_array_index (all, i);
      sqlite3_bind_text (stmt, 1, entry->summary->id, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      entry->polling_district = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      entry->attainer = sqlite3_column_int (stmt, 1) != 0;
      /* An attainer by date of birth: not of voting age today (DOMAIN.md §1.2). */
      if (!entry->attainer && sqlite3_column_bytes (stmt, 2) > 0)
        {
          GDate born;
          GDate voting_age;
          GDate today;

          g_date_clear (&born, 1);
          g_assert_true (ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, 2), &born,
                                            NULL));
          ed_elector_dates_from_birth (ed_district_settings_get_country (
                                         ed_context_get_settings (context)),
                                       &born, &voting_age, NULL);
          ed_today (&today);
          entry->attainer = g_date_compare (&voting_age, &today) > 0;
        }
      sqlite3_reset (stmt);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  g_ptr_array_set_free_func (all, NULL);
  return entries;
}

static gboolean
keeps (const EdRegisterFilter *filter,
       const Entry            *entry)
{
  const EdElectorSummary *summary = entry->summary;
  EdAbsentVote absent = summary->absent_vote;

  if (filter->polling_district != NULL &&
      !g_str_equal (filter->polling_district, entry->polling_district))
    return FALSE;
  if (g_strcmp0 (filter->marker, ED_REGISTER_FILTER_ANY_MARKER) == 0)
    {
      if (summary->marker[0] == '\0')
        return FALSE;
    }
  else if (filter->marker != NULL && !g_str_equal (filter->marker, summary->marker))
    return FALSE;
  switch (filter->absent_vote)
    {
    case ED_ABSENT_VOTE_FILTER_ALL:
      break;
    case ED_ABSENT_VOTE_FILTER_POSTAL:
      if (absent != ED_ABSENT_VOTE_POSTAL)
        return FALSE;
      break;
    case ED_ABSENT_VOTE_FILTER_PROXY:
      if (absent != ED_ABSENT_VOTE_PROXY)
        return FALSE;
      break;
    case ED_ABSENT_VOTE_FILTER_POSTAL_PROXY:
      if (absent != ED_ABSENT_VOTE_POSTAL_PROXY)
        return FALSE;
      break;
    case ED_ABSENT_VOTE_FILTER_ANY:
      if (absent == ED_ABSENT_VOTE_NONE)
        return FALSE;
      break;
    case ED_ABSENT_VOTE_FILTER_NONE:
      if (absent != ED_ABSENT_VOTE_NONE)
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
  if (filter->attainers && !entry->attainer)
    return FALSE;
  switch (filter->pending)
    {
    case ED_PENDING_FILTER_ALL:
      return TRUE;
    case ED_PENDING_FILTER_ADDITION:
      return summary->status == ED_ELECTOR_STATUS_PENDING_ADDITION;
    case ED_PENDING_FILTER_DELETION:
      return summary->status == ED_ELECTOR_STATUS_PENDING_DELETION;
    case ED_PENDING_FILTER_ANY:
      return summary->status != ED_ELECTOR_STATUS_CURRENT;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
in_results (GPtrArray  *results,
            const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (((EdElectorSummary *)g_ptr_array_index (results, i))->id, id))
      return TRUE;
  return FALSE;
}

/* Count, every position and a search, each against the entries @filter keeps; returns how
 * many it keeps. */
static guint
check_filter (EdContext              *context,
              GPtrArray              *entries,
              const EdRegisterFilter *filter,
              const char             *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = ed_register_list_range_filtered (context, filter, 0, 10000,
                                                                 &error);
  g_autoptr(GPtrArray) slice = NULL;
  g_autoptr(GPtrArray) everyone_found = ed_register_search (context, search, 10000, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint expected_found = 0;
  guint n = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (keeps (filter, entry))
        g_ptr_array_add (kept, entry->summary);
    }

  g_assert_true (ed_register_count_filtered (context, filter, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, kept->len);

  g_assert_cmpuint (listed->len, ==, kept->len);
  for (guint i = 0; i < kept->len; i++)
    g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (listed, i))->id, ==,
                     ((EdElectorSummary *)g_ptr_array_index (kept, i))->id);

  /* A page from the middle, as the lazy list asks for them. */
  slice = ed_register_list_range_filtered (context, filter, kept->len / 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slice->len, ==, MIN (3, kept->len - kept->len / 2));
  for (guint i = 0; i < slice->len; i++)
    g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (slice, i))->id, ==,
                     ((EdElectorSummary *)g_ptr_array_index (kept, kept->len / 2 + i))->id);

  /* Searching within the filter: what the search finds that the filter keeps, in order. */
  found = ed_register_search_filtered (context, search, filter, 10000, &error);
  g_assert_no_error (error);
  for (guint i = 0, j = 0; i < everyone_found->len; i++)
    {
      EdElectorSummary *summary = g_ptr_array_index (everyone_found, i);

      if (!in_results (kept, summary->id))
        continue;
      g_assert_cmpuint (j, <, found->len);
      g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (found, j))->id, ==, summary->id);
      j++;
      expected_found++;
    }
  g_assert_cmpuint (found->len, ==, expected_found);
  return kept->len;
}

static void
test_filters (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GPtrArray) entries = prepare_entries (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = ed_register_polling_districts (context, &error);
  const char *district;
  const char *search = "ZY";
  EdRegisterFilter filter;
  guint n_district;
  guint n_postal;
  guint n_absent;

  g_assert_no_error (error);
  g_assert_cmpuint (districts->len, >=, 2);
  district = ((EdPollingDistrictRef *)g_ptr_array_index (districts, 1))->id;

  ed_register_filter_init (&filter);
  g_assert_true (ed_register_filter_is_empty (&filter));
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 800);

  filter.polling_district = district;
  g_assert_false (ed_register_filter_is_empty (&filter));
  n_district = check_filter (context, entries, &filter, search);
  g_assert_cmpuint (n_district, >, 0);
  g_assert_cmpuint (n_district, <, 800);

  ed_register_filter_init (&filter);
  filter.marker = "G";
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 4);
  filter.marker = "B";
  g_assert_cmpuint (check_filter (context, entries, &filter, search), >, 0);
  filter.marker = ED_REGISTER_FILTER_ANY_MARKER;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), >, 4);
  filter.marker = "";
  g_assert_cmpuint (check_filter (context, entries, &filter, search), >, 400);

  ed_register_filter_init (&filter);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_POSTAL;
  n_postal = check_filter (context, entries, &filter, search);
  g_assert_cmpuint (n_postal, >, 0);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_PROXY;
  check_filter (context, entries, &filter, search);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_POSTAL_PROXY;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), >=, 1);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_ANY;
  n_absent = check_filter (context, entries, &filter, search);
  g_assert_cmpuint (n_absent, >, n_postal);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_NONE;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 800 - n_absent);

  ed_register_filter_init (&filter);
  filter.attainers = TRUE;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), >=, 2);

  ed_register_filter_init (&filter);
  filter.pending = ED_PENDING_FILTER_ADDITION;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 5);
  filter.pending = ED_PENDING_FILTER_DELETION;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 3);
  filter.pending = ED_PENDING_FILTER_ANY;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), ==, 8);

  /* Combined with each other: every part must hold. */
  ed_register_filter_init (&filter);
  filter.polling_district = district;
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_POSTAL;
  g_assert_cmpuint (check_filter (context, entries, &filter, search), <, n_district);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_NONE;
  check_filter (context, entries, &filter, search);
  ed_register_filter_init (&filter);
  filter.marker = ED_REGISTER_FILTER_ANY_MARKER;
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_NONE;
  filter.pending = ED_PENDING_FILTER_ANY;
  check_filter (context, entries, &filter, search);
  filter.attainers = TRUE;
  check_filter (context, entries, &filter, "a");
}

/* A filter narrows a search, and an unfiltered search is unchanged. */
static void
test_filter_with_search (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GPtrArray) entries = prepare_entries (context);
  EdElectorSummary *pending = ((Entry *)g_ptr_array_index (entries, 12))->summary;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  EdRegisterFilter filter;

  ed_register_filter_init (&filter);
  filter.pending = ED_PENDING_FILTER_ADDITION;
  found = ed_register_search_filtered (context, pending->number, &filter, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (found, 0))->id, ==, pending->id);
  g_clear_pointer (&found, g_ptr_array_unref);

  filter.pending = ED_PENDING_FILTER_DELETION;
  found = ed_register_search_filtered (context, pending->number, &filter, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* No word, no results, filtered or not; and the limit holds. */
  found = ed_register_search_filtered (context, " ", &filter, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  ed_register_filter_init (&filter);
  filter.absent_vote = ED_ABSENT_VOTE_FILTER_NONE;
  found = ed_register_search_filtered (context, "ZY", &filter, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 7);
  everyone = ed_register_search_filtered (context, "ZY", NULL, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everyone->len, ==, 7);
}

/* Pending amendments (issue 12, item 13): the entries the next notice will list as amended,
 * found by the filter in the list, its count and a search, and marked in each; none once
 * none is waiting. */
static void
test_pending_amendment_filter (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = ed_register_list_range (context, 10, 1, &error);
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) found = NULL;
  EdElectorSummary *amended;
  EdRegisterFilter filter;
  guint count = G_MAXUINT;

  g_assert_no_error (error);
  amended = g_ptr_array_index (first, 0);
  g_assert_false (amended->amendment_pending);
  ed_register_filter_init (&filter);
  filter.pending = ED_PENDING_FILTER_AMENDMENT;
  g_assert_true (ed_register_count_filtered (context, &filter, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);

  edit = ed_elector_edit_load (context, amended->id, &error);
  g_assert_no_error (error);
  g_free (edit->surname);
  edit->surname = g_strdup ("Quillfeather");
  g_assert_true (ed_elector_edit_amend (context, edit, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ed_register_count_filtered (context, &filter, &count, &error));
  g_assert_cmpuint (count, ==, 1);
  listed = ed_register_list_range_filtered (context, &filter, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (listed, 0))->id, ==, amended->id);
  /* Marked in the list and in search results. */
  g_assert_true (((EdElectorSummary *)g_ptr_array_index (listed, 0))->amendment_pending);
  found = ed_register_search_filtered (context, "Quillfeather", &filter, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (((EdElectorSummary *)g_ptr_array_index (found, 0))->amendment_pending);
  g_assert_true (ed_register_search_count (context, "Quillfeather", &filter, &count, &error));
  g_assert_cmpuint (count, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register-search/query-syntax", test_query_syntax);
  ED_TEST_ADD ("/register-search/finds-by-each-field", test_finds_by_each_field);
  ED_TEST_ADD ("/register-search/index-follows-edits", test_index_follows_edits);
  ED_TEST_ADD ("/register-search/stats-add-up", test_stats_add_up);
  ED_TEST_ADD ("/register-search/list-range", test_list_range);
  ED_TEST_ADD ("/register-search/filters", test_filters);
  ED_TEST_ADD ("/register-search/filter-with-search", test_filter_with_search);
  ED_TEST_ADD ("/register-search/pending-amendment-filter", test_pending_amendment_filter);

  return g_test_run ();
}
