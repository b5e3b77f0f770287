/* test-stations-station.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Polling stations as the station editor saves them: a place, a code of their own, a
 * presiding officer at least, and the districts or streets served, changed row by row. */

#include "config.h"

#include "core/ed-database.h"
#include "changes/ed-change-set.h"
#include "core/ed-value-error.h"
#include "district/ed-context.h"
#include "register/ed-elector-edit.h"
#include "stations/ed-polling-place.h"
#include "stations/ed-polling-station.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

static gint64
count (EdContext  *context,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
add_place (EdContext  *context,
           const char *name)
{
  g_autoptr(EdPlaceEdit) edit = ed_place_edit_new ();
  g_autoptr(GError) error = NULL;

  g_free (edit->name);
  edit->name = g_strdup (name);
  g_assert_true (ed_place_edit_save (context, edit, &error));
  g_assert_no_error (error);
  return g_strdup (edit->id);
}

static void
test_save_coverage (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *ab = ed_test_register_add_district (context, "AB", "Brook");
  g_autofree char *hall = add_place (context, "Abbey Hall");
  g_autoptr(EdStationEdit) edit = ed_station_edit_new (hall);
  g_autoptr(EdStationEdit) loaded = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  EdStationSummary *summary;
  gint64 ops;

  next = ed_station_next_code (context, &error);
  g_assert_cmpstr (next, ==, "1");
  g_free (edit->code);
  edit->code = g_strdup (" 1 ");
  g_ptr_array_add (edit->coverage, ed_station_coverage_new (aa, ""));
  g_ptr_array_add (edit->coverage, ed_station_coverage_new (ab, "Mill Lane"));
  g_assert_true (ed_station_edit_save (context, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage"), ==, 2);

  loaded = ed_station_edit_load (context, edit->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->code, ==, "1");
  g_assert_cmpstr (loaded->presiding_officers, ==, "1");
  g_assert_cmpstr (loaded->poll_clerks, ==, "2");
  g_assert_cmpuint (loaded->coverage->len, ==, 2);

  stations = ed_station_list_at_place (context, hall, &error);
  g_assert_cmpuint (stations->len, ==, 1);
  summary = g_ptr_array_index (stations, 0);
  g_assert_cmpstr (summary->serves, ==, "AA; AB: Mill Lane");

  /* Dropping the street and adding a clerk: one delete and one set, nothing else. */
  ops = count (context, "SELECT count(*) FROM op_log");
  g_ptr_array_remove_index (loaded->coverage, 1);
  g_free (loaded->poll_clerks);
  loaded->poll_clerks = g_strdup ("3");
  g_assert_true (ed_station_edit_save (context, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM op_log"), ==, ops + 2);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage"), ==, 1);

  g_free (next);
  next = ed_station_next_code (context, &error);
  g_assert_cmpstr (next, ==, "2");
}

static void
test_validation (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *hall = add_place (context, "Abbey Hall");
  g_autoptr(EdStationEdit) first = ed_station_edit_new (hall);
  g_autoptr(EdStationEdit) edit = ed_station_edit_new (hall);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_free (first->code);
  first->code = g_strdup ("7");
  g_assert_true (ed_station_edit_save (context, first, &error));

  g_free (edit->code);
  edit->code = g_strdup ("7");
  g_free (edit->presiding_officers);
  edit->presiding_officers = g_strdup ("0");
  g_free (edit->poll_clerks);
  edit->poll_clerks = g_strdup ("lots");
  g_free (edit->place);
  edit->place = g_strdup ("0190a1b2-0000-7000-8000-000000000000");
  g_ptr_array_add (edit->coverage, ed_station_coverage_new (aa, "Mill Lane"));
  g_ptr_array_add (edit->coverage, ed_station_coverage_new (aa, " mill lane"));
  problems = ed_station_edit_validate (context, edit);
  g_assert_nonnull (ed_field_problems_lookup (problems, "code"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "place"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "presiding_officers"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "poll_clerks"));
  g_assert_nonnull (ed_field_problems_lookup (problems, "coverage"));

  before = ed_test_register_state_hash (context);
  g_assert_false (ed_station_edit_save (context, edit, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (edit->id);
}

/* A deleted station takes what it served with it; the addresses sent to it by hand go back
 * to their district's station. */
static void
test_delete (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *property = ed_test_register_add_property (context, aa, "1", "Mill Lane");
  g_autofree char *hall = add_place (context, "Abbey Hall");
  g_autoptr(EdStationEdit) edit = ed_station_edit_new (hall);
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "property", "station" };
  GVariant *values[2];

  g_free (edit->code);
  edit->code = g_strdup ("1");
  g_ptr_array_add (edit->coverage, ed_station_coverage_new (aa, ""));
  g_assert_true (ed_station_edit_save (context, edit, &error));
  values[0] = g_variant_new_string (property);
  values[1] = g_variant_new_string (edit->id);
  g_free (ed_test_register_insert (context, "station_override", columns, values, 2));

  g_assert_true (ed_station_delete (context, edit->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_station"), ==, 0);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage"), ==, 0);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override"), ==, 0);
}

/* One address sent to a station by hand replaces any earlier choice, two desks' included,
 * and goes back to the rules when cleared. */
static void
test_override (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *property = ed_test_register_add_property (context, aa, "1", "Mill Lane");
  g_autofree char *hall = add_place (context, "Abbey Hall");
  g_autoptr(EdStationEdit) one = ed_station_edit_new (hall);
  g_autoptr(EdStationEdit) two = ed_station_edit_new (hall);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  const char *columns[] = { "property", "station" };

  g_free (one->code);
  one->code = g_strdup ("1");
  g_free (two->code);
  two->code = g_strdup ("2");
  g_assert_true (ed_station_edit_save (context, one, &error));
  g_assert_true (ed_station_edit_save (context, two, &error));
  found = ed_station_find_by_code (context, "2", &error);
  g_assert_cmpstr (found, ==, two->id);
  g_assert_null (ed_station_find_by_code (context, "3", &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  /* Another desk's choice for the same address, made before they synced. */
  {
    GVariant *values[] = { g_variant_new_string (property), g_variant_new_string (one->id) };

    g_free (ed_test_register_insert (context, "station_override", columns, values, 2));
  }
  g_assert_true (ed_station_override_set (context, property, two->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override AS o "
                                   "JOIN polling_station AS s ON s.id = o.station "
                                   "WHERE s.code = '2'"), ==, 1);
  g_assert_true (ed_station_override_set (context, property, NULL, &error));
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override"), ==, 0);
  g_assert_false (ed_station_override_set (context, "0190a1b2-0000-7000-8000-000000000000",
                                           one->id, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/stations/station/save-coverage", test_save_coverage);
  ED_TEST_ADD ("/stations/station/validation", test_validation);
  ED_TEST_ADD ("/stations/station/delete", test_delete);
  ED_TEST_ADD ("/stations/station/override", test_override);

  return g_test_run ();
}
