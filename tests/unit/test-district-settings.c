/* test-district-settings.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "district/ed-context.h"
#include "ed-test-dir.h"
#include "ed-test-register.h"
#include "core/ed-value-error.h"

static GHashTable *
sample_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, "council-name", "Testbury District Council");
  g_hash_table_insert (values, "country", "England");
  g_hash_table_insert (values, "council-address", "Council Offices\r\n\r\n1 High Street \nTestbury");
  g_hash_table_insert (values, "email", "elections@testbury.example");
  g_hash_table_insert (values, "website", "www.testbury.example/elections");
  return values;
}

static EdContext *
open_configured (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GHashTable) values = sample_values ();
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);

  g_assert_no_error (error);
  g_assert_false (ed_district_settings_is_configured (ed_context_get_settings (context)));
  g_assert_true (ed_district_settings_create (ed_context_get_settings (context), values, &error));
  g_assert_no_error (error);
  return context;
}

static void
test_create_normalises (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  EdDistrictSettings *settings = ed_context_get_settings (context);

  g_assert_true (ed_district_settings_is_configured (settings));
  g_assert_cmpstr (ed_district_settings_get_council_name (settings), ==,
                   "Testbury District Council");
  g_assert_cmpstr (ed_district_settings_get (settings, "country"), ==, "england");
  g_assert_cmpint (ed_district_settings_get_country (settings), ==, ED_COUNTRY_ENGLAND);
  g_assert_cmpstr (ed_district_settings_get (settings, "council-address"), ==,
                   "Council Offices\n1 High Street\nTestbury");
  g_assert_cmpstr (ed_district_settings_get (settings, "website"), ==,
                   "https://www.testbury.example/elections");
  g_assert_cmpstr (ed_district_settings_get (settings, "welsh-language"), ==, "false");
  g_assert_cmpstr (ed_district_settings_get (settings, "ero-name"), ==, "");
}

static void
test_values_survive_reopen (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GError) error = NULL;
  EdContext *context = open_configured (fixture);

  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "ro-name",
                                           "Jo Fairbairn", &error));
  g_object_unref (context);

  context = ed_modules_open_district (path, &error);
  g_assert_cmpstr (ed_district_settings_get (ed_context_get_settings (context), "ro-name"), ==,
                   "Jo Fairbairn");
  g_object_unref (context);
}

static void
test_create_refuses_bad_values_and_writes_nothing (EdTestDir     *fixture,
                                                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GHashTable) values = sample_values ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  gint64 rows = -1;

  g_hash_table_insert (values, "phone", "call us");
  g_assert_false (ed_district_settings_create (ed_context_get_settings (context), values,
                                               &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Public phone"));
  g_clear_error (&error);

  g_hash_table_insert (values, "phone", "01632 960123");
  g_hash_table_insert (values, "council-name", "   ");
  g_assert_false (ed_district_settings_create (ed_context_get_settings (context), values,
                                               &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "district", &rows,
                                         &error));
  g_assert_cmpint (rows, ==, 0);
  g_assert_false (ed_district_settings_is_configured (ed_context_get_settings (context)));
}

static void
test_create_twice_refused (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  g_autoptr(GHashTable) values = sample_values ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_district_settings_create (ed_context_get_settings (context), values,
                                               &error));
  g_assert_nonnull (strstr (error->message, "already holds"));
}

static void
test_validation (void)
{
  static const struct
  {
    const char *key;
    const char *input;
    const char *expected;   /* NULL: refused */
  } cases[] = {
    { "council-name", "  Testbury  ", "Testbury" },
    { "council-name", "", NULL },
    { "council-name", "Two\tparts", NULL },
    { "country", "WALES", "wales" },
    { "country", "Scotland", "scotland" },
    { "country", "northern ireland", NULL },
    { "country", "", NULL },
    { "welsh-language", "yes", "true" },
    { "welsh-language", "0", "false" },
    { "welsh-language", "", "false" },
    { "welsh-language", "maybe", NULL },
    { "phone", "01632 960123", "01632 960123" },
    { "phone", "+44 (0)1632 960123", "+44 (0)1632 960123" },
    { "phone", "960123", NULL },
    { "phone", "01632 ext 4", NULL },
    { "phone", "", "" },
    { "email", "elections@example.gov.uk", "elections@example.gov.uk" },
    { "email", "elections.example.gov.uk", NULL },
    { "email", "a@b", NULL },
    { "email", "two@at@example.com", NULL },
    { "email", "with space@example.com", NULL },
    { "website", "https://example.gov.uk/vote", "https://example.gov.uk/vote" },
    { "website", "example.gov.uk", "https://example.gov.uk" },
    { "website", "ftp://example.gov.uk", NULL },
    { "website", "localhost", NULL },
    { "ero-name", "", "" },
    /* The Welsh qualifying foreign citizen's letter is unconfirmed (DOMAIN.md §1.2, [U]):
     * any one letter no other marker uses, W when not chosen. */
    { "welsh-marker-letter", "q", "Q" },
    { "welsh-marker-letter", " M ", "M" },
    { "welsh-marker-letter", "", "W" },
    { "welsh-marker-letter", "F", NULL },
    { "welsh-marker-letter", "n", NULL },
    { "welsh-marker-letter", "QQ", NULL },
    { "welsh-marker-letter", "7", NULL },
    { "welsh-marker-letter", "Ŵ", NULL },
    { "no-such-key", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      ok = ed_district_settings_normalise_value (cases[i].key, cases[i].input, &value, &error);
      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (value, ==, cases[i].expected);
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

static void
test_nfc_normalisation (void)
{
  g_autofree char *value = NULL;

  /* "Ynys Môn" typed with a combining circumflex is stored composed (NFC). */
  g_assert_true (ed_district_settings_normalise_value ("council-name", "Ynys Mo\xcc\x82n",
                                                       &value, NULL));
  g_assert_cmpstr (value, ==, "Ynys M\xc3\xb4n");
  g_clear_pointer (&value, g_free);
  g_assert_false (ed_district_settings_normalise_value ("council-name", "bad \xff", &value,
                                                        NULL));
}

static void
changed_cb (EdDistrictSettings *settings,
            const char         *key,
            GPtrArray          *keys)
{
  g_ptr_array_add (keys, g_strdup (key));
}

static void
test_welsh_needs_wales (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_signal_connect (settings, "changed", G_CALLBACK (changed_cb), keys);

  g_assert_false (ed_district_settings_set (settings, "welsh-language", "true", &error));
  g_assert_nonnull (strstr (error->message, "Wales"));
  g_clear_error (&error);
  g_assert_cmpuint (keys->len, ==, 0);

  g_assert_true (ed_district_settings_set (settings, "country", "wales", &error));
  g_assert_true (ed_district_settings_set (settings, "welsh-language", "true", &error));
  g_assert_true (ed_district_settings_get_welsh_language (settings));

  /* Moving the country away from Wales turns Welsh-language mode off with it. */
  g_assert_true (ed_district_settings_set (settings, "country", "england", &error));
  g_assert_false (ed_district_settings_get_welsh_language (settings));
  g_assert_cmpuint (keys->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (keys, 3), ==, "welsh-language");
}

static void
test_set_unchanged_value_is_quiet (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (settings, "changed", G_CALLBACK (changed_cb), keys);
  g_assert_true (ed_district_settings_set (settings, "council-name",
                                           " Testbury District Council ", NULL));
  g_assert_cmpuint (keys->len, ==, 0);
}

static void
test_peek_council_name (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  g_autofree char *name = NULL;
  g_autofree char *missing = ed_test_dir_file (fixture, "missing.db");

  name = ed_district_settings_peek_council_name (
    ed_database_get_path (ed_context_get_database (context)));
  g_assert_cmpstr (name, ==, "Testbury District Council");
  g_assert_null (ed_district_settings_peek_council_name (missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The two station thresholds of DOMAIN.md §3.4: empty reads as the guidance's 2,250 and
 * 1,250; a district's own is a whole number, written with or without a thousands comma, and
 * the two-clerk band must end below the maximum. */
static void
test_station_thresholds (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = open_configured (fixture);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  static const char *refused[] = { "abc", "0", "-5", "2.5", "100001", ",250", "2,", "99999999999" };

  g_assert_cmpstr (ed_district_settings_get (settings, "station-maximum-electors"), ==, "");
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2250);
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors (settings), ==, 1250);

  g_assert_true (ed_district_settings_set (settings, "station-maximum-electors", " 2,500 ",
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_district_settings_get (settings, "station-maximum-electors"), ==, "2500");
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2500);
  /* Stored as text in the synced row, so every desk reads the same. */
  stored = ed_test_register_get (context, "SELECT station_maximum_electors FROM district", NULL);
  g_assert_cmpstr (stored, ==, "2500");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (ed_district_settings_set (settings, "station-maximum-electors", refused[i],
                                                &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "Most electors per polling station"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2500);

  /* The bands must not cross. */
  g_assert_false (ed_district_settings_set (settings, "station-two-clerks-electors", "2500",
                                            &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_district_settings_set (settings, "station-maximum-electors", "1000",
                                            &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_true (ed_district_settings_set (settings, "station-two-clerks-electors", "900",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_set (settings, "station-maximum-electors", "1000",
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors (settings), ==, 900);

  /* Empty again: the guidance. */
  g_assert_true (ed_district_settings_set (settings, "station-maximum-electors", "", &error));
  g_assert_true (ed_district_settings_set (settings, "station-two-clerks-electors", "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2250);
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors (settings), ==, 1250);
}

/* A district set up with crossed thresholds is refused whole. */
static void
test_station_thresholds_on_create (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GHashTable) values = sample_values ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);

  g_hash_table_insert (values, "station-maximum-electors", "1200");
  g_assert_false (ed_district_settings_create (ed_context_get_settings (context), values,
                                               &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_false (ed_district_settings_is_configured (ed_context_get_settings (context)));
  g_clear_error (&error);
  g_hash_table_insert (values, "station-two-clerks-electors", "1,000");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (context), values,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors
                      (ed_context_get_settings (context)), ==, 1200);
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors
                      (ed_context_get_settings (context)), ==, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/core/district-settings/create-normalises", test_create_normalises);
  ED_TEST_ADD ("/core/district-settings/values-survive-reopen", test_values_survive_reopen);
  ED_TEST_ADD ("/core/district-settings/create-refuses-bad-values",
               test_create_refuses_bad_values_and_writes_nothing);
  ED_TEST_ADD ("/core/district-settings/create-twice-refused", test_create_twice_refused);
  g_test_add_func ("/core/district-settings/validation", test_validation);
  g_test_add_func ("/core/district-settings/nfc", test_nfc_normalisation);
  ED_TEST_ADD ("/core/district-settings/welsh-needs-wales", test_welsh_needs_wales);
  ED_TEST_ADD ("/core/district-settings/unchanged-value-is-quiet",
               test_set_unchanged_value_is_quiet);
  ED_TEST_ADD ("/core/district-settings/peek-council-name", test_peek_council_name);
  ED_TEST_ADD ("/core/district-settings/station-thresholds", test_station_thresholds);
  ED_TEST_ADD ("/core/district-settings/station-thresholds-on-create",
               test_station_thresholds_on_create);

  return g_test_run ();
}
