/* test-welsh-marker-letter.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "ed-test-lib.h"
#include <string.h>

#include "core/ed-database-private.h"
#include "register/ed-elector-edit.h"
#include "register/ed-franchise.h"
#include "changes/ed-merge.h"
#include "register/ed-register-import.h"
#include "register/ed-register-stats.h"
#include "ed-test-register.h"
#include "core/ed-value-error.h"

/* The letter that marks a qualifying foreign citizen in Wales is unconfirmed (DOMAIN.md §1.2,
 * [U]), so it is the district setting welsh-marker-letter, and every reader of markers uses
 * the district's letter rather than the default W. */

static EdContext *
open_welsh_with_letter (EdTestDir  *fixture,
                        const char *letter)
{
  EdContext *context = ed_test_register_open (fixture, "wales");
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL;

  g_assert_true (ed_district_settings_set (ed_context_get_settings (context),
                                           "welsh-marker-letter", letter, &error));
  g_assert_no_error (error);
  district = ed_test_register_add_district (context, "ZA", "Abbey");
  return context;
}

static char *
query_text (EdContext  *context,
            const char *sql)
{
  sqlite3 *db = ed_database_get_handle (ed_context_get_database (context));
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The setting itself: W until chosen, one letter in capitals, never a letter that already
 * means something on the register. */
static void
test_setting (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ed_district_settings_get (settings, "welsh-marker-letter"), ==, "W");
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "W");

  g_assert_true (ed_district_settings_set (settings, "welsh-marker-letter", " q ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");

  g_assert_false (ed_district_settings_set (settings, "welsh-marker-letter", "F", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_district_settings_set (settings, "welsh-marker-letter", "QW", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");

  /* Emptied, it is the default again. */
  g_assert_true (ed_district_settings_set (settings, "welsh-marker-letter", "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "W");
}

/* Core checks the setting without the register module; the two must agree on every letter. */
static void
test_same_letters_as_register (void)
{
  for (char c = 'A'; c <= 'Z'; c++)
    {
      char letter[2] = { c, '\0' };
      g_autofree char *value = NULL;
      gboolean core_ok;

      core_ok = ed_district_settings_normalise_value ("welsh-marker-letter", letter, &value,
                                                      NULL);
      if (core_ok != ed_franchise_welsh_letter_check (letter, NULL))
        g_error ("the district setting and the register disagree on “%s”", letter);
    }
  g_assert_cmpstr (ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT, ==,
                   ED_FRANCHISE_WELSH_LETTER_DEFAULT);
}

/* A Welsh district that uses Q: the import takes Q and stores it as the marker, and refuses
 * W, which is no marker there. */
static void
test_import_uses_letter (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = open_welsh_with_letter (fixture, "Q");
  g_autofree char *good = ed_test_dir_file (fixture, "good.csv");
  g_autofree char *bad = ed_test_dir_file (fixture, "bad.csv");
  g_autofree char *marker = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(EdImportReport) refused = NULL;
  g_autoptr(GError) error = NULL;
  static const char header[] =
    "elector_number_prefix,elector_number,elector_number_suffix,forenames,surname,"
    "franchise_marker,property,street,town,postcode\n";
  g_autofree char *good_csv =
    g_strconcat (header, "ZA,1,0,Ana,Ferreira,q,1,Mill Lane,Wexcombe,ZY1 1AA\n", NULL);
  g_autofree char *bad_csv =
    g_strconcat (header, "ZA,2,0,Bea,Ferreira,W,1,Mill Lane,Wexcombe,ZY1 1AA\n", NULL);
  EdImportProblem *problem;

  g_assert_true (g_file_set_contents (good, good_csv, -1, NULL));
  report = ed_register_import_csv (context, good, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 1);
  /* Stored as the district's letter in capitals: the register, its notices and its exports
   * print the stored marker. */
  marker = query_text (context, "SELECT marker FROM elector WHERE surname = 'Ferreira'");
  g_assert_cmpstr (marker, ==, "Q");
  {
    g_autoptr(EdRegisterStats) stats = ed_register_stats_compute (context, &error);
    gboolean labelled = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < stats->by_marker->len; i++)
      {
        EdRegisterCount *count = g_ptr_array_index (stats->by_marker, i);

        if (g_str_equal (count->key, "Q"))
          labelled = g_str_equal (count->label, "Q (qualifying foreign citizen)");
      }
    g_assert_true (labelled);
  }

  g_assert_true (g_file_set_contents (bad, bad_csv, -1, NULL));
  refused = ed_register_import_csv (context, bad, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refused->n_electors, ==, 0);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  problem = g_ptr_array_index (refused->problems, 0);
  g_assert_cmpstr (problem->field, ==, "franchise_marker");
  g_assert_cmpstr (problem->value, ==, "W");
  /* The reason names the district's letter among the markers expected. */
  g_assert_nonnull (strstr (problem->reason, "Q"));
}

static GPtrArray *
validate_marker (EdContext  *context,
                 const char *marker)
{
  g_autoptr(EdElectorEdit) edit = ed_elector_edit_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_FEBRUARY, 2027);
  g_free (edit->surname);
  edit->surname = g_strdup ("Ferreira");
  g_free (edit->marker);
  edit->marker = g_strdup (marker);
  return ed_elector_edit_validate (context, edit, NULL, &today);
}

/* The elector editor likewise: Q is the Welsh marker, W is refused. */
static void
test_editor_uses_letter (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = open_welsh_with_letter (fixture, "Q");
  g_autoptr(GPtrArray) q = validate_marker (context, "Q");
  g_autoptr(GPtrArray) w = validate_marker (context, "W");

  g_assert_null (ed_field_problems_lookup (q, "marker"));
  g_assert_nonnull (ed_field_problems_lookup (w, "marker"));
}

/* A district set up before the setting existed: after the upgrade it reads W, and its logged
 * insert, stored in the op log as the array of the nine columns it had, is still read back
 * as the insert it was (0006-welsh-marker-letter.sql). */
static void
test_upgrade_keeps_old_insert (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "old.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  EdDistrictSettings *settings;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 5, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (old,
                                   "INSERT INTO district (id, council_name, country) VALUES "
                                   "('0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'Aberwen County Council', 'wales');"
                                   "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, "
                                   "val) VALUES ('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, "
                                   "'district', '0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'__row', 'ins', '[\"Aberwen County Council\",\"\","
                                   "\"wales\",false,\"\",\"\",\"\",\"\",\"\"]')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  settings = ed_context_get_settings (context);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "W");

  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"council_name\":\"Aberwen County Council\",\"council_address\":\"\","
                   "\"country\":\"wales\",\"welsh_language\":false,\"ero_name\":\"\","
                   "\"ro_name\":\"\",\"phone\":\"\",\"email\":\"\",\"website\":\"\"}");

  /* And the row can be edited, the letter too. */
  g_assert_true (ed_district_settings_set (settings, "welsh-marker-letter", "Y", &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_reload (settings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Y");
  g_assert_cmpstr (ed_district_settings_get_council_name (settings), ==,
                   "Aberwen County Council");
}

/* A district set up between 0006 and 0014: after the upgrade its station thresholds read as
 * the guidance's, and its logged insert, the array of the ten columns it had, is still read
 * back as the insert it was (0014-station-thresholds.sql). */
static void
test_upgrade_keeps_insert_before_thresholds (EdTestDir     *fixture,
                                             gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "old.db");
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  EdDistrictSettings *settings;
  EdOp *insert;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 13, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (old,
                                   "INSERT INTO district (id, council_name, country, "
                                   "welsh_marker_letter) VALUES "
                                   "('0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'Aberwen County Council', 'wales', 'Q');"
                                   "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, "
                                   "val) VALUES ('d0d0d0d0-0000-4000-8000-000000000000', 1, 1, "
                                   "'district', '0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'__row', 'ins', '[\"Aberwen County Council\",\"\","
                                   "\"wales\",false,\"\",\"\",\"\",\"\",\"\",\"Q\"]')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  settings = ed_context_get_settings (context);
  g_assert_cmpstr (ed_district_settings_get (settings, "station-maximum-electors"), ==, "");
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2250);
  g_assert_cmpuint (ed_district_settings_get_station_two_clerks_electors (settings), ==, 1250);

  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->val, ==,
                   "{\"council_name\":\"Aberwen County Council\",\"council_address\":\"\","
                   "\"country\":\"wales\",\"welsh_language\":false,\"ero_name\":\"\","
                   "\"ro_name\":\"\",\"phone\":\"\",\"email\":\"\",\"website\":\"\","
                   "\"welsh_marker_letter\":\"Q\"}");

  g_assert_true (ed_district_settings_set (settings, "station-maximum-electors", "2000",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_reload (settings, &error));
  g_assert_cmpuint (ed_district_settings_get_station_maximum_electors (settings), ==, 2000);
  g_assert_cmpstr (ed_district_settings_get_welsh_marker_letter (settings), ==, "Q");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/welsh-marker-letter/setting", test_setting);
  g_test_add_func ("/welsh-marker-letter/same-letters-as-register",
                   test_same_letters_as_register);
  ED_TEST_ADD ("/welsh-marker-letter/import", test_import_uses_letter);
  ED_TEST_ADD ("/welsh-marker-letter/editor", test_editor_uses_letter);
  ED_TEST_ADD ("/welsh-marker-letter/upgrade-keeps-old-insert", test_upgrade_keeps_old_insert);
  ED_TEST_ADD ("/welsh-marker-letter/upgrade-keeps-insert-before-thresholds",
               test_upgrade_keeps_insert_before_thresholds);

  return g_test_run ();
}
