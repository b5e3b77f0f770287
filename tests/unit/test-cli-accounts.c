/* test-cli-accounts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli accounts as an officer or a script uses it (issue 17 item 5): the real
 * binary on a demo district whose May poll has a parish poll combined with it. Money goes in
 * as £1,234.56 and comes out in pence in JSON; every refusal exits 1 or 2 with a message and
 * leaves the district as it was. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "accounts/ed-account.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "ed-test-accounts.h"
#include "ed-test-cli.h"
#include "ed-test-dir.h"

#define MAY "local.ashmere-vale.2027-05-06"
#define PARISH "parish.ashmere-vale.2027-05-06"
/* Large enough for a parished ward, so that the demo combines a parish poll with May's; the
 * tests that need no parish take a smaller one, which is quicker to write. */
#define PARISHED_ELECTORS 9000
#define SMALL_ELECTORS 1200

/* The demo, without its accounts (the tests write theirs) and with a parliamentary
 * by-election of its own, closed so that the command line can open it. */
static char *
make_district (EdTestDir *fixture,
               guint      electors)
{
  g_autoptr(EdContext) context = ed_test_accounts_open_demo (fixture, electors);

  g_free (ed_test_accounts_add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, 9, 3, 2028, NULL));
  return g_strdup (ed_database_get_path (ed_context_get_database (context)));
}

static char *
state_of (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (db, &error);

  g_assert_no_error (error);
  return ed_state_hash (ED_REPLICA (context), TRUE, &error);
}

static JsonObject *
parse_json (const char *text,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_poll (JsonObject *account,
           const char *slug)
{
  JsonArray *polls = json_object_get_array_member (account, "polls");

  for (guint i = 0; i < json_array_get_length (polls); i++)
    {
      JsonObject *poll = json_array_get_object_element (polls, i);

      if (g_str_equal (json_object_get_string_member (poll, "election"), slug))
        return poll;
    }
  g_assert_not_reached ();
}

/* A cost shared by the May poll and its parish poll, one of the parish's own, an estimate;
 * the account in JSON to the penny, the parish bearing only its own (DOMAIN.md §5.2). */
static void
test_spend_and_list (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = make_district (fixture, PARISHED_ELECTORS);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *account;
  JsonArray *entries;

  ed_test_cli_run_on (&result, db, "accounts", "spend", "--election", MAY, "--head", "premises",
                      "--supplier", "Village Halls Trust", "--net", "£1,000.01", "--vat", "200",
                      "--shared-with", PARISH, "--invoice", "VH-17", "--invoice-date",
                      "2027-05-20", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "£1,200.01 under Premises"));
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "spend", "--election", PARISH, "--head",
                      "ballot_papers", "--supplier", "Print Ltd", "--net", "123.45",
                      "--evidence", "none", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "estimate", "--election", PARISH, "--head",
                      "premises", "--amount", "£1,500", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "accounts", "list", "--election", PARISH, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  account = parse_json (result.out, parser);
  /* The account is the combination's, named by its first poll. */
  g_assert_cmpstr (json_object_get_string_member (account, "election"), ==, MAY);
  g_assert_cmpint (json_object_get_int_member (account, "total"), ==, 132346);
  g_assert_cmpint (json_object_get_int_member (account, "vat"), ==, 20000);
  g_assert_cmpint (json_object_get_int_member (account, "estimate"), ==, 150000);
  g_assert_cmpint (json_object_get_int_member (account, "missing_evidence"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_poll (account, MAY), "total"), ==, 120001);
  g_assert_cmpint (json_object_get_int_member (find_poll (account, PARISH), "total"), ==, 12345);
  entries = json_object_get_array_member (account, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  {
    JsonObject *first = json_array_get_object_element (entries, 0);
    JsonObject *shares = json_object_get_object_member (first, "shares");

    g_assert_cmpstr (json_object_get_string_member (first, "invoice_date"), ==, "2027-05-20");
    g_assert_cmpint (json_object_get_int_member (shares, MAY), ==, 120001);
    g_assert_cmpint (json_object_get_int_member (shares, PARISH), ==, 0);
  }
  ed_test_cli_result_clear (&result);

  /* The parish recharged an equal share instead: the odd penny to the first poll. */
  ed_test_cli_run_on (&result, db, "accounts", "recharge", "--election", MAY, "equal_share",
                      NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "apportion", "--election", MAY, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  account = parse_json (result.out, parser);
  g_assert_cmpint (json_object_get_int_member (find_poll (account, MAY), "total"), ==, 60001);
  g_assert_cmpint (json_object_get_int_member (find_poll (account, PARISH), "total"), ==,
                   60000 + 12345);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "apportion", "--election", MAY, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "£600.01"));
  g_assert_nonnull (strstr (result.out, "an equal share"));
}

/* Each refusal says what was wrong and changes nothing. */
static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autofree char *db = make_district (fixture, SMALL_ELECTORS);
  g_autofree char *before = state_of (db);
  g_autofree char *after = NULL;
  static const struct
  {
    const char *args[16];
    int         status;
    const char *says;
  } refused[] = {
    { { "spend", "--election", MAY, "--head", "bogus", "--supplier", "X", "--net", "1" }, 1,
      "bogus" },
    { { "spend", "--election", MAY, "--head", "premises", "--supplier", "X", "--net", "1x" }, 1,
      "--net" },
    { { "spend", "--election", MAY, "--head", "premises", "--supplier", "X", "--net", "1",
        "--invoice-date", "2027-13-45" }, 1, "--invoice-date" },
    { { "spend", "--election", MAY, "--head", "premises", "--supplier", "X", "--net", "1",
        "--shared-with", "no.such.poll" }, 1, "no.such.poll" },
    { { "spend", "--election", MAY, "--head", "registration", "--supplier", "Canvass", "--net",
        "1" }, 1, "registration officer" },
    { { "spend", "--head", "premises", "--supplier", "X", "--net", "1" }, 2, "--election" },
    { { "spend", "--election", MAY, "--head", "premises", "--supplier", "X", "--net",
        "£90,000,000,000,000.01" }, 1, "--net" },
    { { "mra", "--election", MAY, "--services", "1", "--expenses", "1", "--overall", "1" }, 1,
      "not a UK Parliamentary poll" },
    { { "estimate", "--election", MAY, "--head", "premises", "--amount", "-5" }, 1,
      "less than nothing" },
    { { "reverse", "no-such-entry" }, 1, "no-such-entry" },
    { { "lock", "--election", "no.such.poll" }, 1, "no.such.poll" },
    { { "frobnicate" }, 2, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, (gpointer)ED_CLI_PATH);
      g_ptr_array_add (argv, (gpointer)"--db");
      g_ptr_array_add (argv, db);
      g_ptr_array_add (argv, (gpointer)"accounts");
      for (guint a = 0; refused[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer)refused[i].args[a]);
      g_ptr_array_add (argv, NULL);
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        int wait_status = 0;

        g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
                                     NULL, &out, &err, &wait_status, &error));
        g_assert_no_error (error);
        g_test_message ("accounts %s: %s", refused[i].args[0], err);
        g_assert_cmpint (WEXITSTATUS (wait_status), ==, refused[i].status);
        g_assert_nonnull (strstr (err, refused[i].says));
      }
    }
  after = state_of (db);
  g_assert_cmpstr (after, ==, before);
}

/* A parliamentary poll's claim: the maximum recoverable amounts as the order prints them, the
 * overall one binding; the account submitted, and submitted again refused until something
 * new is entered; a reversal. */
static void
test_claim_and_lock (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = make_district (fixture, SMALL_ELECTORS);
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *by_election = NULL;
  g_autofree char *entry = NULL;
  JsonObject *account;
  JsonObject *claim;

  ed_test_cli_run_on (&result, db, "election", "list", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  {
    JsonNode *root = NULL;
    g_autoptr(GError) error = NULL;
    JsonArray *elections;

    g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
    root = json_parser_get_root (parser);
    elections = JSON_NODE_HOLDS_ARRAY (root)
                  ? json_node_get_array (root)
                  : json_object_get_array_member (json_node_get_object (root), "elections");
    for (guint i = 0; i < json_array_get_length (elections); i++)
      {
        JsonObject *election = json_array_get_object_element (elections, i);

        if (g_str_equal (json_object_get_string_member (election, "kind"),
                         ed_election_kind_to_string (ED_ELECTION_UK_PARLIAMENTARY_BY)))
          by_election = g_strdup (json_object_get_string_member (election, "id"));
      }
  }
  g_assert_nonnull (by_election);
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "accounts", "mra", "--election", by_election, "--services",
                      "£10,000", "--expenses", "£90,000", "--overall", "£95,000", "--order",
                      "SI 2024/693", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "spend", "--election", by_election, "--head",
                      "ro_fees", "--supplier", "Returning officer", "--net", "9000", NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "spend", "--election", by_election, "--head",
                      "staff_stations", "--supplier", "Payroll", "--net", "88000", NULL);
  g_assert_cmpint (result.status, ==, 0);
  /* "Entered ID: …": the id is the second word. */
  {
    g_auto(GStrv) words = g_strsplit (result.out, " ", 3);

    entry = g_strndup (words[1], strlen (words[1]) - 1);
  }
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "accounts", "list", "--election", by_election, "--json",
                      NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  account = parse_json (result.out, parser);
  claim = json_object_get_object_member (account, "claim");
  g_assert_nonnull (claim);
  g_assert_cmpint (json_object_get_int_member (claim, "services_over_cap"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (claim, "expenses_over_cap"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (claim, "over_overall"), ==, 200000);
  g_assert_cmpint (json_object_get_int_member (claim, "recoverable"), ==, 9500000);
  g_assert_cmpstr (json_object_get_string_member (claim, "deadline"), ==, "2028-09-09");
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "accounts", "lock", "--election", by_election, "--by",
                      "A. Officer", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 entries, £97,000.00"));
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "lock", "--election", by_election, NULL);
  g_assert_cmpint (result.status, ==, 1);
  ed_test_cli_result_clear (&result);

  ed_test_cli_run_on (&result, db, "accounts", "reverse", entry, NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "reverse", entry, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "reversed already"));
  ed_test_cli_result_clear (&result);
  ed_test_cli_run_on (&result, db, "accounts", "list", "--election", by_election, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Submitted on"));
  g_assert_nonnull (strstr (result.out, "1 entry made since."));
  g_assert_nonnull (strstr (result.out, "after submission"));
  ed_test_cli_result_clear (&result);

  /* The statement, as PDF and as a workbook; another kind of file is refused. */
  {
    g_autofree char *pdf = ed_test_dir_file (fixture, "statement.pdf");
    g_autofree char *xlsx = ed_test_dir_file (fixture, "statement.xlsx");
    g_autofree char *txt = ed_test_dir_file (fixture, "statement.txt");

    ed_test_cli_run_on (&result, db, "accounts", "statement", "--election", by_election, "-o",
                        pdf, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    ed_test_cli_result_clear (&result);
    ed_test_cli_run_on (&result, db, "accounts", "statement", "--election", by_election, "-o",
                        xlsx, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
    ed_test_cli_result_clear (&result);
    ed_test_cli_run_on (&result, db, "accounts", "statement", "--election", by_election, "-o",
                        txt, NULL);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/accounts/spend-and-list", test_spend_and_list);
  ED_TEST_ADD ("/cli/accounts/refusals-change-nothing", test_refusals);
  ED_TEST_ADD ("/cli/accounts/claim-and-lock", test_claim_and_lock);

  return g_test_run ();
}
