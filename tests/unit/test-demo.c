/* test-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-demo.h"
#include "ed-test-util.h"

static char *
describe_district (EdContext *context)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  GString *text = g_string_new (NULL);
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (text, "%s=%s\n", keys[i].key,
                            ed_district_settings_get (settings, keys[i].key));
  return g_string_free (text, FALSE);
}

static char *
generate (EdTestDir  *fixture,
          const char *name,
          guint32     seed)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  ed_demo_options_init (&options);
  options.seed = seed;
  context = ed_context_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return describe_district (context);
}

static void
test_same_seed_same_district (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autofree char *a = generate (fixture, "a.db", 7);
  g_autofree char *b = generate (fixture, "b.db", 7);

  g_assert_cmpstr (a, ==, b);
}

static void
test_seeds_vary_the_district (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autofree char *name = g_strdup_printf ("seed-%u.db", seed);

      g_hash_table_add (seen, generate (fixture, name, seed));
    }
  g_assert_cmpuint (g_hash_table_size (seen), >=, 4);
}

static void
test_demo_is_synthetic (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_context_open (path, NULL);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdDemoOptions options;
  const char *address;

  ed_demo_options_init (&options);
  g_assert_true (ed_demo_generate (context, &options, NULL));

  /* Reserved ranges only: Ofcom's drama numbers, the .example domain, the unused ZY area. */
  g_assert_true (g_str_has_prefix (ed_district_settings_get (settings, "phone"), "01632 960"));
  g_assert_true (g_str_has_suffix (ed_district_settings_get (settings, "email"), ".example"));
  address = ed_district_settings_get (settings, "council-address");
  g_assert_nonnull (strstr (address, "\nZY"));
  g_assert_cmpint (ed_district_settings_get_country (settings), ==, ED_COUNTRY_ENGLAND);
  g_assert_true (g_str_has_suffix (ed_district_settings_get_council_name (settings),
                                   "District Council"));
}

static void
test_refuses_existing_district (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EdContext) context = ed_context_open (path, NULL);
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  ed_demo_options_init (&options);
  g_assert_true (ed_demo_generate (context, &options, NULL));
  before = describe_district (context);

  options.seed = 99;
  g_assert_false (ed_demo_generate (context, &options, &error));
  g_assert_nonnull (strstr (error->message, "already holds"));
  after = describe_district (context);
  g_assert_cmpstr (before, ==, after);
}

static void
test_electors_not_yet_supported (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_context_open (path, NULL);
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  ed_demo_options_init (&options);
  options.electors = 100;
  g_assert_false (ed_demo_generate (context, &options, &error));
  g_assert_nonnull (strstr (error->message, "register"));
  g_assert_false (ed_district_settings_is_configured (ed_context_get_settings (context)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/demo/same-seed-same-district", test_same_seed_same_district);
  ED_TEST_ADD ("/demo/seeds-vary-the-district", test_seeds_vary_the_district);
  ED_TEST_ADD ("/demo/synthetic-only", test_demo_is_synthetic);
  ED_TEST_ADD ("/demo/refuses-existing-district", test_refuses_existing_district);
  ED_TEST_ADD ("/demo/electors-need-the-register", test_electors_not_yet_supported);

  return g_test_run ();
}
