/* test-cli-staff-appoint.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* staff appoint, appointments, state, invite, rota and letters as a person or a script uses
 * them (issue 16 items 4 and 6; DOMAIN.md §4.1): the real binary, its exit status and what it
 * prints. A person is named by id or payroll reference; what the store refuses the command
 * refuses, naming the field; the list carries each appointment's state and warnings.
 *
 * On the demo of 30,000 electors (May poll of 6 May 2027; station AD1 opens). Every name,
 * address and number is made up. Tests run with ED_TODAY=2030-01-02. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"

#define LOCAL_POLL  "local.ashmere-vale.2027-05-06"
#define PARISH_POLL "parish.ashmere-vale.2027-05-06"

static const char people_csv[] =
  "Family Name,Given Names,Phone,Address,Postcode,Date of Birth,NI Number,Payroll Reference,"
  "Roles,Language\n"
  "Pryderi,Siân,01632 960001,4 Heol y Felin;Aberwen,ZY1 2AB,13/05/1980,AB123456C,EL-0001,"
  "presiding_officer,cy\n"
  "Abbott,Mair,01632 960002,9 Mill Lane,ZY3 4DE,1975-11-02,,EL-0002,poll_clerk,\n";

static char *
make_district (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 30000);
  g_autofree char *db = g_strdup (ed_database_get_path (ed_context_get_database (context)));
  g_autofree char *csv = ed_test_dir_file (fixture, "people.csv");
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  /* The demo staffs its May poll; these tests appoint their own. */
  ed_test_demo_remove_staff (context);
  g_clear_object (&context);
  g_assert_true (g_file_set_contents (csv, people_csv, -1, &error));
  ed_test_cli_run_on (&result, db, "staff", "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&db);
}

static char *
appoint (const char *db,
         const char *person,
         const char *role)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run_on (&result, db, "staff", "appoint", person, "--election", LOCAL_POLL,
                      "--role", role, "--station", "AD1", "--start", "06:30", "--end", "22:30",
                      NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  return g_strstrip (g_strdup (result.out));
}

static JsonNode *
list_json (const char *db)
{
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ed_test_cli_run_on (&result, db, "staff", "appointments", "--election", LOCAL_POLL, "--json",
                      NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Issue 16 item 6: appointed by payroll reference, listed with the station's code, the state
 * and the training warning (§4.1); moved to accepted; a move the states do not allow is
 * refused. */
static void
test_appoint_and_list (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *id = appoint (db, "EL-0001", "presiding_officer");
  g_autoptr(JsonNode) root = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  JsonArray *appointments;
  JsonObject *appointment;
  JsonArray *warnings;

  root = list_json (db);
  appointments = json_object_get_array_member (json_node_get_object (root), "appointments");
  g_assert_cmpuint (json_array_get_length (appointments), ==, 1);
  appointment = json_array_get_object_element (appointments, 0);
  g_assert_cmpstr (json_object_get_string_member (appointment, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (appointment, "name"), ==, "Pryderi, Siân");
  g_assert_cmpstr (json_object_get_string_member (appointment, "station"), ==, "AD1");
  g_assert_cmpstr (json_object_get_string_member (appointment, "state"), ==, "invited");
  g_assert_cmpint (json_object_get_int_member (appointment, "minutes"), ==, 960);
  warnings = json_object_get_array_member (appointment, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (warnings, 0),
                                                  "kind"), ==, "training_missing");

  ed_test_cli_run_on (&result, db, "staff", "state", id, "accepted", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  g_clear_pointer (&root, json_node_unref);
  root = list_json (db);
  appointments = json_object_get_array_member (json_node_get_object (root), "appointments");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (appointments, 0),
                                                  "state"), ==, "accepted");

  /* Attended only once confirmed. */
  ed_test_cli_run_on (&result, db, "staff", "state", id, "attended", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_cmpstr (result.out, ==, "");
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "staff", "appointments", "--election", LOCAL_POLL, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "AD1  Presiding officer  Pryderi, Siân  Accepted"));
}

/* DESIGN.md §7: refusals name the field and what was expected, and change nothing. */
static void
test_appoint_refused (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;

  ed_test_cli_run_on (&result, db, "staff", "appoint", "EL-9999", "--election", LOCAL_POLL,
                      "--role", "poll_clerk", "--station", "AD1", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "Person: expected a person’s id or payroll reference"));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "staff", "appoint", "EL-0002", "--election", LOCAL_POLL,
                      "--role", "poll_clerk", "--station", "ZZ9", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "“ZZ9”"));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "staff", "appoint", "EL-0002", "--election", LOCAL_POLL,
                      "--role", "poll_clerk", "--station", "AD1", "--start", "25:00", "--end",
                      "22:00", NULL);
  g_assert_cmpint (result.status, !=, 0);
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "staff", "appoint", "EL-0002", "--election", LOCAL_POLL,
                      NULL);
  g_assert_cmpint (result.status, !=, 0);
  ed_test_cli_result_clear (&result);

  root = list_json (db);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "appointments")), ==, 0);
}

/* Issue 16 item 6: an invitation from one poll to another combined with it passes over those
 * already appointed to the combination and says so. */
static void
test_invite (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *id = appoint (db, "EL-0002", "poll_clerk");
  g_auto(EdTestCliResult) result = { 0 };

  /* Only the confirmed and the attended are carried over. */
  ed_test_cli_run_on (&result, db, "staff", "state", id, "accepted", NULL);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "staff", "state", id, "confirmed", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "staff", "invite", "--from", LOCAL_POLL, "--election",
                      PARISH_POLL, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "0 people invited."));
  g_assert_nonnull (strstr (result.out, "Mair Abbott"));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "staff", "invite", "--election", PARISH_POLL, NULL);
  g_assert_cmpint (result.status, !=, 0);
}

/* Issue 16 item 4: the rota and the letters written through the command line, each a PDF in
 * place, with what its reader needs. */
static void
test_rota_letters (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = make_district (fixture);
  g_autofree char *id = appoint (db, "EL-0002", "poll_clerk");
  g_autofree char *rota = ed_test_dir_file (fixture, "rota.pdf");
  g_autofree char *letters = ed_test_dir_file (fixture, "letters.pdf");
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run_on (&result, db, "staff", "state", id, "accepted", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "staff", "rota", "--election", LOCAL_POLL, "-o", rota, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (rota, G_FILE_TEST_IS_REGULAR));
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "staff", "letters", "--election", LOCAL_POLL, "-o", letters,
                      NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (letters, G_FILE_TEST_IS_REGULAR));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "staff", "rota", "--election", LOCAL_POLL, NULL);
  g_assert_cmpint (result.status, !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/staff/appoint/list", EdTestDir, NULL, ed_test_dir_setup,
              test_appoint_and_list, ed_test_dir_teardown);
  g_test_add ("/cli/staff/appoint/refused", EdTestDir, NULL, ed_test_dir_setup,
              test_appoint_refused, ed_test_dir_teardown);
  g_test_add ("/cli/staff/appoint/invite", EdTestDir, NULL, ed_test_dir_setup, test_invite,
              ed_test_dir_teardown);
  g_test_add ("/cli/staff/appoint/rota-letters", EdTestDir, NULL, ed_test_dir_setup,
              test_rota_letters, ed_test_dir_teardown);
  return g_test_run ();
}
