/* test-stations-growth.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The new homes expected in a polling district: one figure per district however often it is
 * set, two desks' first figures folded into one at the next setting, bad figures refused
 * with the district unchanged, and the plan's projection made from it. */

#include "config.h"

#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "district/ed-context.h"
#include "stations/ed-district-growth.h"
#include "stations/ed-station-plan.h"
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

static void
test_set_and_get (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDistrictGrowth) growth = NULL;

  growth = ed_district_growth_get (context, aa, &error);
  g_assert_no_error (error);
  g_assert_cmpint (growth->dwellings, ==, 0);
  g_clear_pointer (&growth, ed_district_growth_free);

  g_assert_true (ed_district_growth_set (context, aa, 120, 230, "Mill Farm", &error));
  g_assert_true (ed_district_growth_set (context, aa, 150, 0, "Mill Farm, revised", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM district_growth"), ==, 1);
  growth = ed_district_growth_get (context, aa, &error);
  g_assert_cmpint (growth->dwellings, ==, 150);
  g_assert_cmpint (growth->electors_per_dwelling_x100, ==, 0);
  g_assert_cmpstr (growth->note, ==, "Mill Farm, revised");
}

/* Two desks each entered a first figure before they synced: the plan reads both rows; the
 * next figure set replaces them with one. */
static void
test_two_rows_folded (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  const char *columns[] = { "polling_district", "dwellings" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDistrictGrowth) growth = NULL;

  for (guint i = 0; i < 2; i++)
    {
      GVariant *values[] = { g_variant_new_string (aa), g_variant_new_int64 (40) };

      g_free (ed_test_register_insert (context, "district_growth", columns, values, 2));
    }
  growth = ed_district_growth_get (context, aa, &error);
  g_assert_cmpint (growth->dwellings, ==, 80);
  g_assert_true (ed_district_growth_set (context, aa, 60, 0, "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM district_growth"), ==, 1);
  g_assert_cmpint (count (context, "SELECT dwellings FROM district_growth"), ==, 60);
}

static void
test_refused (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  static const char *bad_electors[] = { "x", "2.345", "11", "0", "-1", "2.", ".5" };
  gint64 x100;

  g_assert_false (ed_district_growth_set (context, aa, -1, 0, "", &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_district_growth_set (context, aa, 10, 0, "line\nbreak", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);

  for (guint i = 0; i < G_N_ELEMENTS (bad_electors); i++)
    {
      g_test_message ("%s", bad_electors[i]);
      g_assert_false (ed_district_growth_parse_electors (bad_electors[i], &x100, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_true (ed_district_growth_parse_electors ("2.1", &x100, NULL));
  g_assert_cmpint (x100, ==, 210);
  g_assert_true (ed_district_growth_parse_electors (" 1.85 ", &x100, NULL));
  g_assert_cmpint (x100, ==, 185);
  g_assert_true (ed_district_growth_parse_electors ("", &x100, NULL));
  g_assert_cmpint (x100, ==, 0);
}

/* The plan projects a district's electorate from it (DOMAIN.md §3.3: the committee report's
 * five-year projection). */
static void
test_plan_projects (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *property = ed_test_register_add_property (context, aa, "1", "Mill Lane");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  EdPlanDistrict *district;

  for (guint i = 0; i < 2; i++)
    g_free (ed_test_register_add_elector (context, aa, property, "AA", i + 1, 0, "Smith",
                                          "Ann", "current", 0));
  g_assert_true (ed_district_growth_set (context, aa, 10, 150, "", &error));
  plan = ed_station_plan_compute (context, &error);
  g_assert_no_error (error);
  district = g_ptr_array_index (plan->districts, 0);
  g_assert_cmpint (district->electors, ==, 2);
  g_assert_cmpint (district->projected_electors, ==, 2 + 15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/stations/growth/set-and-get", test_set_and_get);
  ED_TEST_ADD ("/stations/growth/two-rows-folded", test_two_rows_folded);
  ED_TEST_ADD ("/stations/growth/refused", test_refused);
  ED_TEST_ADD ("/stations/growth/plan-projects-domain-3-3", test_plan_projects);

  return g_test_run ();
}
