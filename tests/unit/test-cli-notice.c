/* test-cli-notice.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ed-test-cli.h"
#include "ed-test-register.h"

/* register notice and register revise as a person or a script uses them: the real binary, its
 * exit status and what it prints (DOMAIN.md §1.4). */

/* A district with two additions, a deletion and a suffixed number, closed again so the
 * command line can open it. */
static char *
make_district_with (EdTestDir *fixture,
                    gboolean   with_brook)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "2", "Mill Lane");
  g_autofree char *resident = ed_test_register_add_elector (context, aa, home, "AA", 1, 0,
                                                            "Carter", "Ann", "current", 0);
  g_autofree char *joiner = ed_test_register_add_elector (context, aa, home, "AA", 1, 1,
                                                          "Carter", "Cy", "pending_addition", 0);
  g_autofree char *leaver = ed_test_register_add_elector (context, aa, home, "AA", 2, 0,
                                                          "Dean", "Dora", "pending_deletion", 0);

  g_free (ed_test_register_add_alteration (context, joiner, "addition", "2027-01-11", "", ""));
  g_free (ed_test_register_add_alteration (context, leaver, "deletion", "2027-01-12", "moved",
                                           ""));
  g_assert_nonnull (resident);
  if (with_brook)
    {
      /* A second polling district, AB, with an addition of its own. */
      g_autofree char *ab = ed_test_register_add_district (context, "AB", "Brook");
      g_autofree char *brook = ed_test_register_add_property (context, ab, "1", "Brook Street");
      g_autofree char *green = ed_test_register_add_elector (context, ab, brook, "AB", 4, 1,
                                                             "Green", "Gil", "pending_addition",
                                                             0);

      g_free (ed_test_register_add_alteration (context, green, "addition", "2027-01-12", "",
                                               ""));
    }
  return ed_test_dir_file (fixture, "district.db");
}

static char *
make_district (EdTestDir *fixture)
{
  return make_district_with (fixture, FALSE);
}

static void
test_preview_json (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *district;
  JsonArray *additions;

  ed_test_cli_run (&result, "--db", db, "register", "notice", "--preview", "--date", "2027-02-01",
                   "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "publication"), ==, "2027-02-01");
  g_assert_cmpstr (json_object_get_string_member (root, "determination"), ==, "2027-01-18");
  g_assert_cmpint (json_object_get_int_member (root, "alterations"), ==, 2);
  district = json_array_get_object_element (json_object_get_array_member (root,
                                                                          "polling_districts"),
                                            0);
  g_assert_cmpstr (json_object_get_string_member (district, "code"), ==, "AA");
  additions = json_object_get_array_member (district, "additions");
  g_assert_cmpuint (json_array_get_length (additions), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (additions, 0),
                                                  "elector_number"), ==, "AA1/1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (district,
                                                                         "deletions")), ==, 1);

  /* The text form names the lists. */
  ed_test_cli_run (&result, "--db", db, "register", "notice", "--preview", "--date", "2027-02-01",
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Additions"));
  g_assert_nonnull (strstr (result.out, "Deletions"));
  /* What publishing it changes, for the officer to confirm; never a deletion's reason, which
   * the published notice does not show (DOMAIN.md §1.4, issue 12 item 12). */
  g_assert_nonnull (strstr (result.out, "1 addition, 1 deletion and 0 amendments"));
  g_assert_null (strstr (result.out, "Moved away"));
}

static void
test_publish_writes_files (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *out_dir = ed_test_dir_file (fixture, "out");
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  g_auto(EdTestCliResult) again = { 0 };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  ed_test_cli_run (&result, "--db", db, "register", "notice", "--publish", "--date", "2027-02-01",
                   "-o", out_dir, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 alterations"));
  pdf = g_build_filename (out_dir, "notice-2027-02-01.pdf", NULL);
  csv = g_build_filename (out_dir, "notice-2027-02-01.csv", NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  ed_test_cli_run (&again, "--db", db, "register", "notice", "--publish", "--date", "2027-02-01",
                   "-o", out_dir, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already published"));
}

/* Issue 12 item 11; RPA 1983 s.13A(2): on the command line too, a notice is refused before
 * its determination deadline has passed (18 January for 1 February 2027), refused before its
 * date without --before-date, and published early with it, saying what it changed. */
static void
test_publish_before_date (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *out_dir = ed_test_dir_file (fixture, "out");
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  g_auto(EdTestCliResult) early = { 0 };
  g_auto(EdTestCliResult) unconfirmed = { 0 };
  g_auto(EdTestCliResult) confirmed = { 0 };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_setenv ("ED_TODAY", "2027-01-18", TRUE);
  ed_test_cli_run (&early, "--db", db, "register", "notice", "--publish", "--date", "2027-02-01",
                   "--before-date", "-o", out_dir, NULL);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_nonnull (strstr (early.err, "determination deadline"));

  g_setenv ("ED_TODAY", "2027-01-25", TRUE);
  ed_test_cli_run (&unconfirmed, "--db", db, "register", "notice", "--publish", "--date",
                   "2027-02-01", "-o", out_dir, NULL);
  g_assert_cmpint (unconfirmed.status, ==, 1);
  g_assert_nonnull (strstr (unconfirmed.err, "confirmed"));

  ed_test_cli_run (&confirmed, "--db", db, "register", "notice", "--publish", "--date",
                   "2027-02-01", "--before-date", "-o", out_dir, NULL);
  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
  else
    g_unsetenv ("ED_TODAY");
  g_assert_cmpint (confirmed.status, ==, 0);
  g_assert_nonnull (strstr (confirmed.out, "1 addition, 1 deletion and 0 amendments"));
}

/* DOMAIN.md §1.4: no notice is due in November before a 1 December register. */
static void
test_refuses_month_without_notice (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) refused = { 0 };
  g_auto(EdTestCliResult) optional = { 0 };

  ed_test_cli_run (&refused, "--db", db, "register", "notice", "--preview", "--date", "2026-11-02",
                   NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "revised register"));

  ed_test_cli_run (&optional, "--db", db, "register", "notice", "--preview", "--date", "2026-11-02",
                   "--optional", NULL);
  g_assert_cmpint (optional.status, ==, 0);
  g_assert_nonnull (strstr (optional.out, "optional"));
}

/* Issue 12 item 10; RPA 1983 s.13AB: an election's interim notice on the command line, for
 * the polling districts it names only; an unknown code is refused, naming it, and --areas
 * needs --interim. District AB's change is left unstamped: the monthly notice of 1 February
 * lists it alone. */
static void
test_interim_publish (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = make_district_with (fixture, TRUE);
  g_autofree char *out_dir = ed_test_dir_file (fixture, "out");
  g_autofree char *pdf = NULL;
  g_auto(EdTestCliResult) unknown = { 0 };
  g_auto(EdTestCliResult) no_interim = { 0 };
  g_auto(EdTestCliResult) result = { 0 };
  g_auto(EdTestCliResult) monthly = { 0 };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  ed_test_cli_run (&unknown, "--db", db, "register", "notice", "--publish", "--interim",
                   "--date", "2027-01-20", "--areas", "AA,ZZ", "-o", out_dir, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "ZZ"));

  ed_test_cli_run (&no_interim, "--db", db, "register", "notice", "--publish", "--date",
                   "2027-02-01", "--areas", "AA", NULL);
  g_assert_cmpint (no_interim.status, ==, 2);

  ed_test_cli_run (&result, "--db", db, "register", "notice", "--publish", "--interim",
                   "--date", "2027-01-20", "--areas", "AA", "-o", out_dir, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "interim notice"));
  g_assert_nonnull (strstr (result.out, "2 alterations"));
  pdf = g_build_filename (out_dir, "interim-notice-2027-01-20.pdf", NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  ed_test_cli_run (&monthly, "--db", db, "register", "notice", "--preview", "--date",
                   "2027-02-01", NULL);
  g_assert_cmpint (monthly.status, ==, 0);
  g_assert_nonnull (strstr (monthly.out, "1 alteration determined"));
  g_assert_nonnull (strstr (monthly.out, "AB4/1"));
  g_assert_null (strstr (monthly.out, "AA1/1"));
}

static void
test_usage_errors (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  const char *usage[][4] = {
    { "notice", NULL },
    { "notice", "--preview", "--publish", NULL },
    { "notice", "--preview", "-o", "." },
    { "revise", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(EdTestCliResult) result = { 0 };

      ed_test_cli_run (&result, "--db", db, "register", usage[i][0], usage[i][1], usage[i][2],
                       usage[i][3], NULL);
      g_assert_cmpint (result.status, ==, 2);
    }

  {
    g_auto(EdTestCliResult) bad_date = { 0 };

    ed_test_cli_run (&bad_date, "--db", db, "register", "revise", "--date", "first of December",
                     NULL);
    g_assert_cmpint (bad_date.status, ==, 1);
  }
}

static const char *const revised_files[] = {
  "register-full-2027-01-01.pdf", "register-full-2027-01-01.csv",
  "register-open-2027-01-01.pdf", "register-open-2027-01-01.csv",
};

/* The four files of the revised register, as the window's revise dialog writes them. */
static void
assert_revised_files (const char *folder)
{
  g_autofree char *full_csv = g_build_filename (folder, revised_files[1], NULL);
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (revised_files); i++)
    {
      g_autofree char *path = g_build_filename (folder, revised_files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (g_file_get_contents (full_csv, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, ",Carter,"));
}

/* DOMAIN.md §1.1, §1.4: the revised register numbers afresh and publishes the changes, and
 * its files are written where -o says. */
static void
test_revise_json (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *out_dir = ed_test_dir_file (fixture, "registers");
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *files;

  ed_test_cli_run (&result, "--db", db, "register", "revise", "--date", "2027-01-01", "-o",
                   out_dir, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  /* Determined 11 and 12 January: after the cut-off of 31 December, so both wait. */
  g_assert_cmpint (json_object_get_int_member (root, "alterations"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "electors"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "left_pending"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "renumbered"), ==, 1);

  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, G_N_ELEMENTS (revised_files));
  for (guint i = 0; i < G_N_ELEMENTS (revised_files); i++)
    {
      g_autofree char *expected = g_build_filename (out_dir, revised_files[i], NULL);

      g_assert_cmpstr (json_array_get_string_element (files, i), ==, expected);
    }
  assert_revised_files (out_dir);
}

/* Without -o the files go where the window puts them: Electoral Desk/Registers in the
 * Documents folder. The run is given a home of its own. */
static void
test_revise_default_folder (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *home = ed_test_dir_file (fixture, "home");
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  g_autofree char *user_dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *expected = g_build_filename (home, "Papers", "Electoral Desk", "Registers",
                                                NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { ED_CLI_PATH, "--db", db, "register", "revise", "--date", "2027-01-01",
                         NULL };
  int wait_status = 0;

  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_dirs, "XDG_DOCUMENTS_DIR=\"$HOME/Papers\"\n", -1,
                                      &error));
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_nonnull (strstr (out, "Revised register of "));
  for (guint i = 0; i < G_N_ELEMENTS (revised_files); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s/%s\n", expected, revised_files[i]);

      g_assert_nonnull (strstr (out, line));
    }
  assert_revised_files (expected);
  /* Progress goes to a terminal only, not to a script reading stderr. */
  g_assert_null (strchr (err, '\r'));
  g_assert_null (strstr (err, "%"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/register/notice/preview-json", test_preview_json);
  ED_TEST_ADD ("/cli/register/notice/publish-writes-files", test_publish_writes_files);
  ED_TEST_ADD ("/cli/register/notice/publish-before-date", test_publish_before_date);
  ED_TEST_ADD ("/cli/register/notice/refuses-month-without-notice",
               test_refuses_month_without_notice);
  ED_TEST_ADD ("/cli/register/notice/usage-errors", test_usage_errors);
  ED_TEST_ADD ("/cli/register/notice/interim-publish", test_interim_publish);
  ED_TEST_ADD ("/cli/register/revise/json", test_revise_json);
  ED_TEST_ADD ("/cli/register/revise/default-folder", test_revise_default_folder);
  return g_test_run ();
}
