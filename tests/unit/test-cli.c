/* test-cli.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "ed-test-cli.h"
#include "ed-test-dir.h"

/* The command line as a person or a script uses it: the real binary, its exit status, what it
 * prints on stdout and stderr. */

static void
test_unknown_command_is_usage_error (void)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "Unknown command"));
  g_assert_nonnull (strstr (result.err, "--help"));
}

static void
test_no_command_prints_usage (void)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.out, "Usage:"));
}

static void
test_version_and_help (void)
{
  const char *commands[] = { "demo", "info", "settings" };
  g_auto(EdTestCliResult) version = { 0 };
  g_auto(EdTestCliResult) help = { 0 };

  ed_test_cli_run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "electoral-desk-cli "));

  ed_test_cli_run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(EdTestCliResult) command_help = { 0 };

      g_assert_nonnull (strstr (help.out, commands[i]));
      ed_test_cli_run (&command_help, commands[i], "--help", NULL);
      g_assert_cmpint (command_help.status, ==, 0);
      g_assert_nonnull (strstr (command_help.out, commands[i]));
    }
}

static void
test_bad_options_are_usage_errors (void)
{
  g_auto(EdTestCliResult) a = { 0 };
  g_auto(EdTestCliResult) b = { 0 };
  g_auto(EdTestCliResult) c = { 0 };
  g_auto(EdTestCliResult) d = { 0 };

  ed_test_cli_run (&a, "info", "--frob", NULL);
  g_assert_cmpint (a.status, ==, 2);
  ed_test_cli_run (&b, "--db", NULL);
  g_assert_cmpint (b.status, ==, 2);
  ed_test_cli_run (&c, "settings", "get", "no-such-key", NULL);
  g_assert_cmpint (c.status, ==, 2);
  ed_test_cli_run (&d, "demo", "--seed", "-3", NULL);
  g_assert_cmpint (d.status, ==, 2);
}

static void
test_info_on_missing_file_creates_nothing (EdTestDir     *fixture,
                                           gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "missing.db");
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "--db", path, "info", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "no district"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_demo_then_info_json (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) info = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *district, *tables;
  struct stat st;

  ed_test_cli_run (&demo, "--db", path, "demo", "--seed", "11", "--electors", "200", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "District Council"));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ed_test_cli_run (&info, "--db", path, "info", "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, info.out, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), >=, 2);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (root, "device_id")));
  district = json_object_get_object_member (root, "district");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (district, "council-name"),
                                   "District Council"));
  g_assert_false (json_object_get_boolean_member (district, "welsh-language"));
  tables = json_object_get_object_member (root, "tables");
  g_assert_cmpint (json_object_get_int_member (tables, "district"), ==, 1);
}

static void
test_demo_refuses_existing (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) first = { 0 };
  g_auto(EdTestCliResult) second = { 0 };

  ed_test_cli_run (&first, "--db", path, "demo", "--electors", "200", NULL);
  g_assert_cmpint (first.status, ==, 0);
  ed_test_cli_run (&second, "--db", path, "demo", "--seed", "3", "--electors", "200", NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (second.err), ==, 1);
  g_assert_nonnull (strstr (second.err, "already holds"));
}

static void
test_settings_get_set_list (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) set = { 0 };
  g_auto(EdTestCliResult) get = { 0 };
  g_auto(EdTestCliResult) bad = { 0 };
  g_auto(EdTestCliResult) address = { 0 };
  g_auto(EdTestCliResult) list = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  ed_test_cli_run (&demo, "--db", path, "demo", "--electors", "200", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  ed_test_cli_run (&set, "--db", path, "settings", "set", "council-name", "Borough of Nowhere",
                   NULL);
  g_assert_cmpint (set.status, ==, 0);
  ed_test_cli_run (&get, "--db", path, "settings", "get", "council-name", NULL);
  g_assert_cmpint (get.status, ==, 0);
  g_assert_cmpstr (get.out, ==, "Borough of Nowhere\n");

  ed_test_cli_run (&bad, "--db", path, "settings", "set", "email", "not an address", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (bad.err), ==, 1);
  g_assert_nonnull (strstr (bad.err, "email"));

  ed_test_cli_run (&address, "--db", path, "settings", "set", "council-address", "1 Way\\nZY1 1AA",
                   NULL);
  g_assert_cmpint (address.status, ==, 0);

  ed_test_cli_run (&list, "--db", path, "settings", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, list.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "council-name"), ==,
                   "Borough of Nowhere");
  g_assert_cmpstr (json_object_get_string_member (root, "council-address"), ==,
                   "1 Way\nZY1 1AA");
  /* The failed set changed nothing. */
  g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "email"), ".example"));
}

static void
test_settings_on_unset_district (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "blank.db");
  g_auto(EdTestCliResult) result = { 0 };

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  ed_test_cli_run (&result, "--db", path, "settings", "list", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "not been set up"));
}

static void
test_newer_schema_message (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "not-ours.db");
  g_auto(EdTestCliResult) result = { 0 };

  g_assert_true (g_file_set_contents (path, "plain text, not a database at all, long enough "
                                      "to fill the SQLite header of one hundred bytes......",
                                      -1, NULL));
  ed_test_cli_run (&result, "--db", path, "info", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (result.err), ==, 1);
  g_assert_nonnull (strstr (result.err, "not an Electoral Desk"));
}

/* The statutory sale fees (DOMAIN.md §1.3, RP(E&W) Regs 2001): the worked example. */
static void
test_register_sale_fee (void)
{
  g_auto(EdTestCliResult) data = { 0 };
  g_auto(EdTestCliResult) printed = { 0 };
  g_auto(EdTestCliResult) bad = { 0 };
  g_auto(EdTestCliResult) usage = { 0 };

  ed_test_cli_run (&data, "register", "sale-fee", "--entries", "62345", "--kind", "full",
                   "--format", "data", NULL);
  g_assert_cmpint (data.status, ==, 0);
  g_assert_cmpstr (data.out, ==, "\u00a3114.50\n");
  ed_test_cli_run (&printed, "register", "sale-fee", "--entries", "62345", "--kind", "full",
                   "--format", "printed", NULL);
  g_assert_cmpint (printed.status, ==, 0);
  g_assert_cmpstr (printed.out, ==, "\u00a3325.00\n");

  ed_test_cli_run (&bad, "register", "sale-fee", "--entries", "10", "--kind", "everything",
                   "--format", "data", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (bad.err), ==, 1);
  g_assert_nonnull (strstr (bad.err, "everything"));
  ed_test_cli_run (&usage, "register", "sale-fee", "--entries", "10", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_register_search_stats_timetable (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) stats = { 0 };
  g_auto(EdTestCliResult) search = { 0 };
  g_auto(EdTestCliResult) none = { 0 };
  g_auto(EdTestCliResult) timetable = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *results;

  ed_test_cli_run (&demo, "--db", path, "demo", "--electors", "300", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  ed_test_cli_run (&stats, "--db", path, "register", "stats", "--json", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, stats.out, -1, NULL));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "electors"), ==, 300);

  ed_test_cli_run (&search, "--db", path, "register", "search", "AA2", "--json", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, search.out, -1, NULL));
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "number"), ==, "AA2");

  ed_test_cli_run (&none, "--db", path, "register", "search", "Xylophone", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_nonnull (strstr (none.out, "No elector matches"));

  /* DOMAIN.md §1.4: from late November the next notices are 1 December (not required before
   * the revised register), then the first working day of January 2027 (4 January). */
  ed_test_cli_run (&timetable, "--db", path, "register", "timetable", "--from", "2026-11-23",
                   "--months", "2", "--json", NULL);
  g_assert_cmpint (timetable.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, timetable.out, -1, NULL));
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0),
                                                  "publication"), ==, "2026-12-01");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (results, 0),
                                                  "required"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1),
                                                  "publication"), ==, "2027-01-04");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 1),
                                                 "required"));
}

/* Issue 11, items 3 and 9: each refused row is printed with the file, line and field, and a
 * value that would take over the terminal (an escape sequence in a name, in a column's name)
 * is printed escaped, never raw. */
static void
test_register_import_problems_named_and_escaped (EdTestDir     *fixture,
                                                 gconstpointer  data)
{
  g_autofree char *db = ed_test_dir_file (fixture, "district.db");
  g_autofree char *csv = ed_test_dir_file (fixture, "hostile.csv");
  g_auto(EdTestCliResult) demo = { 0 };
  g_auto(EdTestCliResult) import = { 0 };
  static const char content[] =
    "elector_number_prefix,elector_number,forenames,Sur\x1b\x07name,property,street,town,"
    "postcode\n"
    "ZA,1,Zo\xc3\xab,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA\n"
    "ZA,2,B\x1b[31mRED,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA\n"
    "ZA,3,Ren\xe9" "e,Brook,1,Mill Lane,Wexcombe,ZY1 1AA\n"
    "ZA,4,Cy,,1,Mill Lane,Wexcombe,ZY1 1AA\n";

  ed_test_cli_run (&demo, "--db", db, "demo", "--seed", "11", "--electors", "10", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_set_contents (csv, content, sizeof content - 1, NULL));
  ed_test_cli_run (&import, "--db", db, "register", "import", csv, NULL);
  g_test_message ("%s", import.err);
  g_assert_cmpint (import.status, !=, 0);
  g_assert_nonnull (strstr (import.err, "hostile.csv, line 3, forenames"));
  g_assert_nonnull (strstr (import.err, "hostile.csv, line 4, forenames"));
  g_assert_nonnull (strstr (import.err, "hostile.csv, line 5, Sur<U+001B><U+0007>name"));
  g_assert_nonnull (strstr (import.err, "<U+001B>"));
  g_assert_null (strchr (import.err, '\x1b'));
  g_assert_null (strchr (import.out, '\x1b'));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/unknown-command-usage", test_unknown_command_is_usage_error);
  ED_TEST_ADD ("/cli/register/import-problems-named-and-escaped",
               test_register_import_problems_named_and_escaped);
  g_test_add_func ("/cli/no-command-usage", test_no_command_prints_usage);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/bad-options-usage", test_bad_options_are_usage_errors);
  ED_TEST_ADD ("/cli/info/missing-file-creates-nothing", test_info_on_missing_file_creates_nothing);
  ED_TEST_ADD ("/cli/demo-then-info-json", test_demo_then_info_json);
  ED_TEST_ADD ("/cli/demo/refuses-existing", test_demo_refuses_existing);
  ED_TEST_ADD ("/cli/settings/get-set-list", test_settings_get_set_list);
  ED_TEST_ADD ("/cli/settings/unset-district", test_settings_on_unset_district);
  ED_TEST_ADD ("/cli/refuses-non-database", test_newer_schema_message);
  g_test_add_func ("/cli/register/sale-fee", test_register_sale_fee);
  ED_TEST_ADD ("/cli/register/search-stats-timetable", test_register_search_stats_timetable);

  return g_test_run ();
}
