/* test-cli-stations.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* stations list and stations plan as a person or a script uses them: the real binary, its
 * exit status and what it prints (DOMAIN.md §3.4), on the demo district. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ed-modules.h"
#include "ed-test-cli.h"
#include "ed-test-dir.h"
#include "stations/ed-station-split.h"

/* The demo district of 9,000 electors: six polling districts, two stations each serving
 * two of them. */
static char *
make_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) demo = { 0 };

  ed_test_cli_run_on (&demo, path, "demo", "--electors", "9000", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  return g_steal_pointer (&path);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
has_warning (JsonObject *station,
             const char *warning)
{
  JsonArray *warnings = json_object_get_array_member (station, "warnings");

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    if (g_str_equal (json_array_get_string_element (warnings, i), warning))
      return TRUE;
  return FALSE;
}

static void
test_plan (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) json = { 0 };
  g_auto(EdTestCliResult) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *plan;
  JsonArray *stations, *districts;
  gint64 electors = 0, postal = 0, district_electors = 0;
  guint over = 0;

  ed_test_cli_run_on (&json, path, "stations", "plan", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = parse (json.out);
  plan = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plan,
                                                                              "thresholds"),
                                               "maximum_electors"), ==, 2250);
  stations = json_object_get_array_member (plan, "stations");
  districts = json_object_get_array_member (plan, "polling_districts");
  g_assert_cmpuint (json_array_get_length (districts), ==, 6);
  g_assert_cmpuint (json_array_get_length (stations), ==, 5);
  for (guint s = 0; s < json_array_get_length (stations); s++)
    {
      JsonObject *station = json_array_get_object_element (stations, s);
      gint64 in_person = json_object_get_int_member (station, "in_person");

      electors += json_object_get_int_member (station, "electors");
      postal += json_object_get_int_member (station, "postal_voters_excluded");
      g_assert_cmpint (in_person, ==, json_object_get_int_member (station, "electors") -
                                      json_object_get_int_member (station,
                                                                  "postal_voters_excluded"));
      if (has_warning (station, "over-maximum"))
        {
          over++;
          g_assert_cmpint (in_person, >, 2250);
          /* The demo staffs it with the three clerks the guidance goes up to. */
          g_assert_true (has_warning (station, "staff-short"));
        }
      else
        g_assert_cmpint (in_person, <=, 2250);
    }
  g_assert_cmpuint (over, ==, 2);
  g_assert_cmpint (electors, ==, 9000);
  g_assert_cmpint (postal, >, 9000 * 15 / 100);
  for (guint d = 0; d < json_array_get_length (districts); d++)
    {
      JsonObject *district = json_array_get_object_element (districts, d);

      district_electors += json_object_get_int_member (district, "electors");
      g_assert_cmpint (json_object_get_int_member (district, "properties_without_station"), ==,
                       0);
      g_assert_cmpint (json_object_get_int_member (district, "properties_without_coordinates"),
                       ==, 0);
    }
  g_assert_cmpint (district_electors, ==, 9000);

  ed_test_cli_run_on (&text, path, "stations", "plan", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Over the maximum electorate"));
  g_assert_nonnull (strstr (text.out, "Open accessibility issues"));
  g_assert_nonnull (strstr (text.out, "Polling districts"));
}

/* A district's own maximum changes the warnings. */
static void
test_plan_follows_setting (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) set = { 0 };
  g_auto(EdTestCliResult) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *stations;

  ed_test_cli_run_on (&set, path, "settings", "set", "station-maximum-electors", "2,500", NULL);
  g_assert_cmpint (set.status, ==, 0);
  ed_test_cli_run_on (&json, path, "stations", "plan", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  stations = json_object_get_array_member (json_node_get_object (root), "stations");
  for (guint s = 0; s < json_array_get_length (stations); s++)
    g_assert_false (has_warning (json_array_get_object_element (stations, s), "over-maximum"));
}

static void
test_list (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) json = { 0 };
  g_auto(EdTestCliResult) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *places;
  guint stations = 0, with_issues = 0;

  ed_test_cli_run_on (&json, path, "stations", "list", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  places = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (places), ==, 4);
  for (guint p = 0; p < json_array_get_length (places); p++)
    {
      JsonObject *place = json_array_get_object_element (places, p);

      stations += json_array_get_length (json_object_get_array_member (place, "stations"));
      if (json_object_get_int_member (place, "open_access_issues") > 0)
        with_issues++;
      g_assert_cmpint (json_object_get_int_member (place, "easting"), >, 0);
      g_assert_cmpint (json_object_get_int_member (place, "hire_fee_pence"), >, 0);
      g_assert_cmpstr (json_object_get_string_member (place, "polling_district"), !=, "");
    }
  g_assert_cmpuint (stations, ==, 5);
  g_assert_cmpuint (with_issues, ==, 1);

  ed_test_cli_run_on (&text, path, "stations", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Primary School"));
  g_assert_nonnull (strstr (text.out, "(Infant hall)"));
  g_assert_nonnull (strstr (text.out, "1 open accessibility issue"));
}

/* The streets of polling district @code that station @station serves, as --street options. */
static GPtrArray *
street_options (const char *path,
                const char *station_code,
                const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(GPtrArray) streets = NULL;
  GPtrArray *options = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  plan = ed_station_plan_compute (context, &error);
  g_assert_no_error (error);
  streets = ed_station_plan_list_streets (plan, ed_station_plan_lookup_code (plan,
                                                                             station_code)->id);
  for (guint i = 0; i < streets->len; i++)
    {
      EdPlanStreet *street = g_ptr_array_index (streets, i);

      if (g_str_equal (street->polling_district_code, code))
        g_ptr_array_add (options, g_strdup_printf ("--street=%s", street->street));
    }
  g_assert_cmpuint (options->len, >, 0);
  return options;
}

static void
run_split (EdTestCliResult *result,
           const char      *path,
           GPtrArray       *streets,
           const char      *last)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *db = g_strdup_printf ("--db=%s", path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (args, (gpointer)ED_CLI_PATH);
  g_ptr_array_add (args, db);
  g_ptr_array_add (args, (gpointer)"stations");
  g_ptr_array_add (args, (gpointer)"split");
  g_ptr_array_add (args, (gpointer)"AA1");
  for (guint i = 0; i < streets->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (streets, i));
  if (last != NULL)
    g_ptr_array_add (args, (gpointer)last);
  g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  result->out = g_steal_pointer (&out);
  result->err = g_steal_pointer (&err);
}

/* Station AA1 serves AA and AB and is over the maximum: moving AB's streets to a new
 * station brings both halves within it. The preview writes nothing. */
static void
test_split (EdTestDir     *fixture,
            gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_autoptr(GPtrArray) streets = street_options (path, "AA1", "AB");
  g_auto(EdTestCliResult) preview = { 0 };
  g_auto(EdTestCliResult) split = { 0 };
  g_auto(EdTestCliResult) plan = { 0 };
  g_auto(EdTestCliResult) typo = { 0 };
  g_autoptr(JsonNode) preview_root = NULL;
  g_autoptr(JsonNode) plan_root = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new ();
  JsonObject *moving;
  JsonArray *stations;
  gboolean found = FALSE;

  run_split (&preview, path, streets, "--preview");
  g_assert_cmpint (preview.status, ==, 0);
  preview_root = parse (preview.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (preview_root),
                                                  "new_station"), ==, "AA2");
  moving = json_object_get_object_member (json_node_get_object (preview_root), "moving");
  g_assert_false (json_object_get_boolean_member (moving, "over_maximum"));
  g_assert_false (json_object_get_boolean_member (
    json_object_get_object_member (json_node_get_object (preview_root), "staying"),
    "over_maximum"));

  run_split (&split, path, streets, NULL);
  g_assert_cmpint (split.status, ==, 0);
  ed_test_cli_run_on (&plan, path, "stations", "plan", "--json", NULL);
  g_assert_cmpint (plan.status, ==, 0);
  plan_root = parse (plan.out);
  stations = json_object_get_array_member (json_node_get_object (plan_root), "stations");
  g_assert_cmpuint (json_array_get_length (stations), ==, 6);
  for (guint s = 0; s < json_array_get_length (stations); s++)
    {
      JsonObject *station = json_array_get_object_element (stations, s);

      if (g_str_equal (json_object_get_string_member (station, "code"), "AA2"))
        {
          found = TRUE;
          g_assert_cmpint (json_object_get_int_member (station, "in_person"), ==,
                           json_object_get_int_member (moving, "in_person"));
          g_assert_false (has_warning (station, "over-maximum"));
        }
    }
  g_assert_true (found);

  g_ptr_array_add (bad, (gpointer)"--street=No Such Road");
  run_split (&typo, path, bad, NULL);
  g_assert_cmpint (typo.status, ==, 1);
  g_assert_nonnull (strstr (typo.err, "No Such Road"));
}

/* A district with no stations yet says so; arguments it does not take are usage errors. */
static void
test_empty_and_usage (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "empty.db");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) plan = { 0 };
  g_auto(EdTestCliResult) list = { 0 };
  g_auto(EdTestCliResult) extra = { 0 };
  g_auto(EdTestCliResult) unknown = { 0 };
  g_auto(EdTestCliResult) help = { 0 };

  ed_test_cli_run_on (&demo, path, "demo", "--electors", "0", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  ed_test_cli_run_on (&plan, path, "stations", "plan", NULL);
  g_assert_cmpint (plan.status, ==, 0);
  g_assert_cmpstr (plan.out, ==, "No polling stations yet.\n");
  ed_test_cli_run_on (&list, path, "stations", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, "No polling places yet.\n");

  ed_test_cli_run_on (&extra, path, "stations", "plan", "AA", NULL);
  g_assert_cmpint (extra.status, ==, 2);
  g_assert_nonnull (strstr (extra.err, "takes no arguments"));
  ed_test_cli_run_on (&unknown, path, "stations", "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  ed_test_cli_run (&help, "stations", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "plan"));
  g_assert_nonnull (strstr (help.out, "list"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/stations/plan", test_plan);
  ED_TEST_ADD ("/cli/stations/plan-follows-setting", test_plan_follows_setting);
  ED_TEST_ADD ("/cli/stations/list", test_list);
  ED_TEST_ADD ("/cli/stations/split", test_split);
  ED_TEST_ADD ("/cli/stations/empty-and-usage", test_empty_and_usage);

  return g_test_run ();
}
