/* test-register-search.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-change-set.h"
#include "ed-demo.h"
#include "ed-register-search.h"
#include "ed-register-stats.h"
#include "ed-test-util.h"

static EdContext *
open_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_context_open (path, &error);
  EdDemoOptions options;

  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = 800;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return context;
}

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
  g_autoptr(EdContext) context = open_demo (fixture);
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
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdElectorSummary) first = first_match (context, "AA1");
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdElectorSummary) renamed = NULL;
  g_autoptr(GError) error = NULL;

  change_set = ed_change_set_begin (context, &error);
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
  g_autoptr(EdContext) context = open_demo (fixture);
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
  g_autoptr(EdContext) context = open_demo (fixture);
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

  return g_test_run ();
}
