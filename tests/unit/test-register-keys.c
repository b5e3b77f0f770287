/* test-register-keys.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "register/ed-register-search.h"
#include "ed-test-register.h"

/* Reading the register by key (ed_register_key_seek(), ed_register_list_from_key()) gives the
 * rows reading it by position gives, forwards, backwards and under a filter, including two
 * entries with the same elector number (which two desks' merged changes can make). */

#define N_ELECTORS 37

static EdContext *
make_register (EdTestDir  *fixture,
               char      **out_district)
{
  EdContext *context = ed_test_register_open (fixture, "england");
  g_autofree char *ab = ed_test_register_add_district (context, "AB", "Abbey");
  g_autofree char *cd = ed_test_register_add_district (context, "CD", "Castle");
  g_autofree char *home = ed_test_register_add_property (context, ab, "1", "Mill Lane");
  g_autofree char *castle = ed_test_register_add_property (context, cd, "2", "Castle Hill");

  /* Written out of register order, so the rows' order on disk is not the register's. */
  for (guint i = 0; i < N_ELECTORS; i++)
    {
      gboolean in_cd = i % 3 == 0;
      gint64 number = (gint64)((i * 7) % N_ELECTORS) / 2 + 1;
      g_autofree char *surname = g_strdup_printf ("Surname%02u", i);

      g_free (ed_test_register_add_elector (context, in_cd ? cd : ab, in_cd ? castle : home,
                                            in_cd ? "CD" : "AB", number, i % 2, surname, "Al",
                                            "current", 0));
    }
  /* The same number twice. */
  g_free (ed_test_register_add_elector (context, ab, home, "AB", 5, 1, "Twin", "Bo", "current",
                                        0));
  *out_district = g_steal_pointer (&cd);
  return context;
}

static void
assert_same (GPtrArray *a,
             GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (((EdElectorSummary *)g_ptr_array_index (a, i))->id, ==,
                     ((EdElectorSummary *)g_ptr_array_index (b, i))->id);
}

static void
check_filter (EdContext              *context,
              const EdRegisterFilter *filter)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (ed_register_count_filtered (context, filter, &n, &error));
  g_assert_no_error (error);
  for (guint position = 0; position <= n; position++)
    {
      g_autoptr(GPtrArray) by_position = NULL;
      g_autoptr(GPtrArray) by_key = NULL;
      g_autoptr(GPtrArray) by_key_back = NULL;
      EdRegisterKey key = { 0 };
      EdRegisterKey back = { 0 };
      EdRegisterKey next = { 0 };

      by_position = ed_register_list_range_filtered (context, filter, position, 6, &error);
      g_assert_no_error (error);

      /* Forwards from the start. */
      g_assert_true (ed_register_key_seek (context, filter, NULL, FALSE, position, &key,
                                           &error));
      g_assert_no_error (error);
      if (position == n)
        {
          g_assert_null (key.prefix);
          g_assert_cmpuint (by_position->len, ==, 0);
          continue;
        }
      by_key = ed_register_list_from_key (context, filter, &key, 6, &error);
      g_assert_no_error (error);
      assert_same (by_position, by_key);

      /* Backwards from the end, then forwards from there by one. */
      g_assert_true (ed_register_key_seek (context, filter, NULL, TRUE, n - 1 - position, &back,
                                           &error));
      g_assert_cmpstr (back.prefix, ==, key.prefix);
      g_assert_cmpint (back.rowid, ==, key.rowid);
      by_key_back = ed_register_list_from_key (context, filter, &back, 6, &error);
      assert_same (by_position, by_key_back);
      if (position + 1 < n)
        {
          g_autoptr(GPtrArray) one_on = NULL;
          g_autoptr(GPtrArray) expected = NULL;

          g_assert_true (ed_register_key_seek (context, filter, &key, FALSE, 1, &next, &error));
          one_on = ed_register_list_from_key (context, filter, &next, 3, &error);
          expected = ed_register_list_range_filtered (context, filter, position + 1, 3, &error);
          assert_same (expected, one_on);
        }
      if (position > 0)
        {
          EdRegisterKey before = { 0 };
          g_autoptr(GPtrArray) one_back = NULL;
          g_autoptr(GPtrArray) expected = NULL;

          /* Backwards from a key: the entry before it. */
          g_assert_true (ed_register_key_seek (context, filter, &key, TRUE, 0, &before, &error));
          one_back = ed_register_list_from_key (context, filter, &before, 2, &error);
          expected = ed_register_list_range_filtered (context, filter, position - 1, 2, &error);
          assert_same (expected, one_back);
          ed_register_key_clear (&before);
        }
      ed_register_key_clear (&key);
      ed_register_key_clear (&back);
      ed_register_key_clear (&next);
    }
}

static void
test_keys_match_positions (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *cd = NULL;
  g_autoptr(EdContext) context = make_register (fixture, &cd);
  EdRegisterFilter filter;

  check_filter (context, NULL);
  ed_register_filter_init (&filter);
  filter.polling_district = cd;
  check_filter (context, &filter);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/keys/match-positions", test_keys_match_positions);

  return g_test_run ();
}
