/* test-cli-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ed-modules.h"
#include "ed-test-cli.h"
#include "ed-test-register.h"

/* district create and register add|amend|delete|move as a person or a script uses them: the
 * real binary, its exit status and what it prints. Every refusal names its option, exits 1 (2
 * for a command line that is itself wrong) and leaves the district as it was. */

/* AA: 2 Mill Lane (AA1 Ann Carter, UPRN 100023336956) and 4 Mill Lane (AA2 Dora Dean); an
 * Other elector AA3; BB: empty. Closed again so the command line can open it. */
static char *
make_district (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *bb = ed_test_register_add_district (context, "BB", "Bridge");
  g_autofree char *two = ed_test_register_add_property (context, aa, "2", "Mill Lane");
  g_autofree char *four = ed_test_register_add_property (context, aa, "4", "Mill Lane");

  ed_test_register_set (context, "property", two, "uprn", g_variant_new_int64 (100023336956));
  g_free (ed_test_register_add_elector (context, aa, two, "AA", 1, 0, "Carter", "Ann",
                                        "current", 0));
  g_free (ed_test_register_add_elector (context, aa, four, "AA", 2, 0, "Dean", "Dora",
                                        "current", 0));
  g_free (ed_test_register_add_elector (context, aa, "", "AA", 3, 0, "Evans", "Eve", "current",
                                        ED_TEST_ELECTOR_OTHER));
  return ed_test_dir_file (fixture, "district.db");
}

static char *
state_of (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (db, &error);

  g_assert_no_error (error);
  return ed_test_register_state_hash (context);
}

static char *
query (const char *db,
       const char *sql,
       const char *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (db, &error);

  g_assert_no_error (error);
  return ed_test_register_get (context, sql, param);
}

/* Runs a command that must be refused: exit @status, @words on stderr, nothing changed. */
static void
assert_refused (const char *db,
                int         status,
                const char *words,
                ...)
{
  g_auto(EdTestCliResult) result = { 0 };
  g_autofree char *before = state_of (db);
  g_autofree char *after = NULL;
  va_list args;

  va_start (args, words);
  ed_test_cli_runv (&result, db, "register", args);
  va_end (args);
  if (result.status != status || strstr (result.err, words) == NULL)
    g_error ("expected exit %d and “%s”, got %d: %s", status, words, result.status, result.err);
  after = state_of (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_add (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) household = { 0 };
  g_auto(EdTestCliResult) by_uprn = { 0 };
  g_auto(EdTestCliResult) new_address = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *alteration = NULL;
  JsonObject *root;

  /* At an elector's address: that number with the next suffix, as the editor gives it. */
  ed_test_cli_run_on (&household, db, "register", "add", "--district", "AA", "--surname",
                      "Carter", "--forenames", "Cy", "--address-of", "AA1", "--json", NULL);
  g_assert_cmpint (household.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, household.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "number"), ==, "AA1/1");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "pending_addition");
  alteration = query (db, "SELECT kind FROM register_alteration WHERE elector = ?1 "
                          "AND notice = ''", json_object_get_string_member (root, "id"));
  g_assert_cmpstr (alteration, ==, "addition");

  ed_test_cli_run_on (&by_uprn, db, "register", "add", "--district", "aa", "--surname", "Carter",
                      "--forenames", "Di", "--uprn", "100023336956", "--marker", "f", NULL);
  g_assert_cmpint (by_uprn.status, ==, 0);
  g_assert_nonnull (strstr (by_uprn.out, "AA1/2"));
  g_assert_nonnull (strstr (by_uprn.out, "Di Carter"));

  /* A new address: the part's next number. */
  ed_test_cli_run_on (&new_address, db, "register", "add", "--district", "AA", "--surname",
                      "Hale", "--property", "9", "--street", "New Road", "--town", "Testbury",
                      "--postcode", "zy1 9ln", "--attainer-date", "13/05/2030", NULL);
  g_assert_cmpint (new_address.status, ==, 0);
  g_assert_nonnull (strstr (new_address.out, "AA4"));
  g_assert_nonnull (strstr (new_address.out, "9 New Road"));
}

static void
test_add_refused (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);

  assert_refused (db, 1, "--district: the address is in polling district AA, not BB",
                  "add", "--district", "BB", "--surname", "X", "--address-of", "AA1", NULL);
  assert_refused (db, 1, "--district: There is no polling district “ZZ”",
                  "add", "--district", "ZZ", "--surname", "X", "--address-of", "AA1", NULL);
  assert_refused (db, 1, "--address-of: There is no elector AA99",
                  "add", "--district", "AA", "--surname", "X", "--address-of", "AA99", NULL);
  assert_refused (db, 1, "--address-of: AA3 is an Other elector",
                  "add", "--district", "AA", "--surname", "X", "--address-of", "AA3", NULL);
  assert_refused (db, 1, "--uprn: “12x” is not a UPRN",
                  "add", "--district", "AA", "--surname", "X", "--uprn", "12x", NULL);
  assert_refused (db, 1, "--marker: “Q” is not a franchise marker",
                  "add", "--district", "AA", "--surname", "X", "--address-of", "AA1",
                  "--marker", "Q", NULL);
  assert_refused (db, 1, "--surname: Give the elector’s surname",
                  "add", "--district", "AA", "--forenames", "X", "--address-of", "AA1", NULL);
  assert_refused (db, 1, "--postcode: Give the postcode",
                  "add", "--district", "AA", "--surname", "X", "--property", "9", "--street",
                  "New Road", NULL);
  assert_refused (db, 1, "--attainer-date: “soon” is not a date",
                  "add", "--district", "AA", "--surname", "X", "--address-of", "AA1",
                  "--attainer-date", "soon", NULL);
  assert_refused (db, 2, "Say where the elector lives",
                  "add", "--district", "AA", "--surname", "X", NULL);
  assert_refused (db, 2, "Say where the elector lives",
                  "add", "--district", "AA", "--surname", "X", "--address-of", "AA1",
                  "--uprn", "100023336956", NULL);
  assert_refused (db, 2, "Usage: register add", "add", "--surname", "X", "--address-of", "AA1",
                  NULL);
}

static void
test_amend_and_delete (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) amend = { 0 };
  g_auto(EdTestCliResult) delete = { 0 };
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *status = NULL;
  g_autofree char *id = NULL;

  ed_test_cli_run_on (&amend, db, "register", "amend", "AA1", "--surname", "Brown",
                      "--absent-vote", "postal", "--open-register-opt-out", "yes", NULL);
  g_assert_cmpint (amend.status, ==, 0);
  g_assert_nonnull (strstr (amend.out, "Surname: Carter → Brown"));
  id = query (db, "SELECT id FROM elector WHERE number = 1 AND number_suffix = 0", NULL);
  detail = query (db, "SELECT detail FROM register_alteration WHERE elector = ?1 "
                      "AND kind = 'amendment'", id);
  g_assert_nonnull (strstr (detail, "Absent vote: none → postal"));

  assert_refused (db, 1, "There is no elector AA77", "amend", "AA77", "--surname", "X", NULL);
  assert_refused (db, 1, "There is no elector BB1", "amend", "BB1", "--surname", "X", NULL);
  assert_refused (db, 1, "--anonymous: “maybe” is not yes or no",
                  "amend", "AA1", "--anonymous", "maybe", NULL);
  assert_refused (db, 1, "--absent-vote: The absent vote is postal",
                  "amend", "AA1", "--absent-vote", "carrier pigeon", NULL);
  assert_refused (db, 2, "Say what to change", "amend", "AA1", NULL);
  assert_refused (db, 2, "register move", "amend", "AA1", "--street", "High Street", NULL);

  assert_refused (db, 1, "--reason: “sad” is not a reason", "delete", "AA2", "--reason", "sad",
                  NULL);
  assert_refused (db, 1, "--other-reason", "delete", "AA2", "--reason", "other", NULL);
  assert_refused (db, 2, "Usage: register delete", "delete", "AA2", NULL);
  ed_test_cli_run_on (&delete, db, "register", "delete", "AA2", "--reason", "died", NULL);
  g_assert_cmpint (delete.status, ==, 0);
  g_free (id);
  id = query (db, "SELECT id FROM elector WHERE number = 2", NULL);
  status = query (db, "SELECT status FROM elector WHERE id = ?1", id);
  g_assert_cmpstr (status, ==, "pending_deletion");
  reason = query (db, "SELECT reason FROM register_alteration WHERE elector = ?1", id);
  g_assert_cmpstr (reason, ==, "died");
  assert_refused (db, 1, "already to be deleted", "delete", "AA2", "--reason", "died", NULL);
}

static void
test_move (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) by_number = { 0 };
  g_auto(EdTestCliResult) by_uprn = { 0 };
  g_auto(EdTestCliResult) new_address = { 0 };
  g_autofree char *old_status = NULL;
  g_autofree char *old_id = NULL;

  assert_refused (db, 1, "--to: The elector already lives at that address",
                  "move", "AA1", "--to", "AA1", NULL);
  assert_refused (db, 1, "--to: The elector already lives at that address",
                  "move", "AA1", "--to", "100023336956", NULL);
  assert_refused (db, 1, "--to: There is no elector ZZ5", "move", "AA1", "--to", "ZZ5", NULL);
  assert_refused (db, 1, "--to: No address in the register has the UPRN 5",
                  "move", "AA1", "--to", "5", NULL);
  assert_refused (db, 1, "There is no elector AA404", "move", "AA404", "--to", "AA1", NULL);
  assert_refused (db, 1, "--to: An Other elector", "move", "AA3", "--to", "AA1", NULL);
  assert_refused (db, 1, "--postcode:", "move", "AA1", "--property", "9", "--street",
                  "New Road", "--postcode", "nonsense", NULL);
  assert_refused (db, 2, "Say where the elector moves to", "move", "AA1", NULL);
  assert_refused (db, 2, "Say where the elector moves to", "move", "AA1", "--to", "AA2",
                  "--street", "New Road", NULL);
  assert_refused (db, 2, "register amend", "move", "AA1", "--to", "AA2", "--surname", "X",
                  NULL);

  ed_test_cli_run_on (&by_number, db, "register", "move", "AA2", "--to", "AA1", NULL);
  g_assert_cmpint (by_number.status, ==, 0);
  g_assert_nonnull (strstr (by_number.out, "AA1/1"));
  old_id = query (db, "SELECT id FROM elector WHERE number = 2", NULL);
  old_status = query (db, "SELECT status FROM elector WHERE id = ?1", old_id);
  g_assert_cmpstr (old_status, ==, "pending_deletion");

  /* The moved entry is a pending addition: moving it again removes it at once. */
  ed_test_cli_run_on (&by_uprn, db, "register", "move", "AA1/1", "--property", "9",
                      "--street", "New Road", "--town", "Testbury", "--postcode", "ZY1 9LN",
                      NULL);
  g_assert_cmpint (by_uprn.status, ==, 0);
  g_assert_nonnull (strstr (by_uprn.out, "AA4"));
  ed_test_cli_run_on (&new_address, db, "register", "move", "AA4", "--to", "100023336956",
                      "--json", NULL);
  g_assert_cmpint (new_address.status, ==, 0);
  g_assert_nonnull (strstr (new_address.out, "\"number\""));
}

static void
test_district_create (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = ed_test_dir_file (fixture, "new.db");
  g_autofree char *bad = ed_test_dir_file (fixture, "bad.db");
  g_auto(EdTestCliResult) created = { 0 };
  g_auto(EdTestCliResult) again = { 0 };
  g_auto(EdTestCliResult) wrong = { 0 };
  g_auto(EdTestCliResult) info = { 0 };

  ed_test_cli_run (&created, "--db", db, "district", "create", "--name", "Testbury DC",
                   "--country", "wales", NULL);
  g_assert_cmpint (created.status, ==, 0);
  g_assert_nonnull (strstr (created.out, "Testbury DC"));
  ed_test_cli_run (&info, "--db", db, "settings", "get", "country", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "wales"));

  ed_test_cli_run (&again, "--db", db, "district", "create", "--name", "Other",
                   "--country", "england", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already a file"));

  ed_test_cli_run (&wrong, "--db", bad, "district", "create", "--name", "Other",
                   "--country", "france", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "france"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/register/add", test_add);
  ED_TEST_ADD ("/cli/register/add-refused", test_add_refused);
  ED_TEST_ADD ("/cli/register/amend-and-delete", test_amend_and_delete);
  ED_TEST_ADD ("/cli/register/move", test_move);
  ED_TEST_ADD ("/cli/district/create", test_district_create);

  return g_test_run ();
}
