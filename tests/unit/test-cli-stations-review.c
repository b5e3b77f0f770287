/* test-cli-stations-review.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ed-test-cli.h"
#include "ed-test-dir.h"
#include "ed-test-pdf.h"

/* stations review … as an elections officer or a script uses it: the real binary on the demo
 * district, its exit statuses, what it prints, and the committee report it writes (DOMAIN.md
 * §3.3). The tests run with ED_TODAY=2030-01-02. */

static char *
make_demo (EdTestDir *fixture)
{
  g_autofree char *db = ed_test_dir_file (fixture, "demo.db");
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run_on (&result, db, "demo", "--electors", "600", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&db);
}

static void
run_ok (EdTestCliResult *result,
        const char      *db,
        ...)
{
  va_list args;
  const char *first;

  va_start (args, db);
  first = va_arg (args, const char *);
  ed_test_cli_runv (result, db, first, args);
  va_end (args);
  if (result->status != 0)
    g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->status, ==, 0);
}

static char *
squash (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* The acceptance of issue item 5 on the command line: a review of the demo district end to
 * end. Start it, record a representation from an elector and one from a councillor, answer
 * the first, propose a change and a keep, record the steps, and print the committee report,
 * whose per-district table pdftotext finds. */
static void
test_review_end_to_end (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *report = ed_test_dir_file (fixture, "report.pdf");
  g_autofree char *notice = ed_test_dir_file (fixture, "notice.pdf");
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *review;

  run_ok (&result, db, "stations", "review", "new", "--kind", "compulsory", "--title",
          "Compulsory review 2028", "--started", "2 October 2028", NULL);
  g_assert_nonnull (strstr (result.out, "Started review 1"));
  g_assert_nonnull (strstr (result.out, "31 January 2030"));

  run_ok (&result, db, "stations", "review", "representation", "--from", "Jane Smith", "--kind",
          "elector", "--received", "12/10/2028", "--district", "AA", "--text",
          "The school hall is hard to reach without a car.", NULL);
  g_assert_nonnull (strstr (result.out, "Recorded representation 1"));
  run_ok (&result, db, "stations", "review", "representation", "--from", "Cllr Priya Patel",
          "--kind", "councillor", "--received", "2028-10-14", "--district", "AB", "--text",
          "Brook has grown with the Meadow Farm estate.", "--response",
          "Agreed: a second station is proposed.", NULL);
  run_ok (&result, db, "stations", "review", "representation", "--edit", "1", "--response",
          "A bus stops at the school gate.", NULL);
  g_assert_nonnull (strstr (result.out, "Changed representation 1"));

  run_ok (&result, db, "stations", "review", "proposal", "--district", "AB", "--action",
          "change", "--reason", "Add a second station for the Meadow Farm estate.", NULL);
  run_ok (&result, db, "stations", "review", "proposal", "--district", "AA", "--action", "keep",
          "--reason", "No better venue is accessible.", NULL);

  run_ok (&result, db, "stations", "review", "step", "--notice-published", "3/10/2028",
          "--consultation-closes", "27/11/2028", "--aro-received", "10/10/2028",
          "--aro-published", "20/11/2028", NULL);
  /* Published on the 41st day: the command says so. */
  g_assert_nonnull (strstr (result.out, "[LATE]"));
  g_assert_nonnull (strstr (result.out, "9 November 2028"));

  run_ok (&result, db, "stations", "review", "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  review = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpint (json_object_get_int_member (review, "number"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (review, "kind"), ==, "compulsory");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (review,
                                                                                 "steps"),
                                                  "aro-published"), ==, "2028-11-20");

  /* The officer's own view names whoever wrote: it is not published. */
  run_ok (&result, db, "stations", "review", "show", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  {
    JsonObject *shown = json_node_get_object (json_parser_get_root (parser));
    JsonArray *representations = json_object_get_array_member (shown, "representations");
    JsonObject *first = json_array_get_object_element (representations, 0);

    g_assert_cmpuint (json_array_get_length (representations), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (first, "from"), ==, "Jane Smith");
    g_assert_cmpstr (json_object_get_string_member (first, "response"), ==,
                     "A bus stops at the school gate.");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown, "proposals")),
                      ==, 2);
  }

  run_ok (&result, db, "stations", "review", "report", "-o", report, NULL);
  g_assert_nonnull (strstr (result.out, "Wrote"));
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  run_ok (&result, db, "stations", "review", "notice", "-o", notice, NULL);
  g_assert_true (g_file_test (notice, G_FILE_TEST_IS_REGULAR));

  raw = ed_test_pdf_text (report, NULL);
  if (raw == NULL)
    return;
  text = squash (raw);
  /* The per-district table: its headings and a row for each demo district, with the
   * proposals and reasons. */
  g_assert_nonnull (strstr (text, "Polling districts"));
  g_assert_nonnull (strstr (text, "Electors now"));
  g_assert_nonnull (strstr (text, "Electors in 5 years"));
  g_assert_nonnull (strstr (text, "AA"));
  g_assert_nonnull (strstr (text, "AB"));
  g_assert_nonnull (strstr (text, "No better venue is accessible."));
  g_assert_nonnull (strstr (text, "Meadow Farm estate."));
  /* The representations with their responses; the elector's name withheld. */
  g_assert_nonnull (strstr (text, "bus stops at the school gate"));
  g_assert_nonnull (strstr (text, "Priya Patel"));
  g_assert_nonnull (strstr (text, "name withheld"));
  g_assert_null (strstr (text, "Jane Smith"));
}

/* What is refused, with its exit status and one line on stderr. */
static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *report = ed_test_dir_file (fixture, "report.pdf");
  g_auto(EdTestCliResult) result = { 0 };

  /* No review yet. */
  ed_test_cli_run_on (&result, db, "stations", "review", "report", "-o", report, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "stations review new"));
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));

  /* A compulsory review between windows. */
  ed_test_cli_run_on (&result, db, "stations", "review", "new", "--kind", "compulsory",
                      "--title", "Early", "--started", "1/3/2027", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "1 October 2028"));
  g_assert_cmpuint (ed_test_cli_count_lines (result.err), ==, 1);

  /* Options missing, or a kind it does not know. */
  ed_test_cli_run_on (&result, db, "stations", "review", "new", "--title", "No kind", NULL);
  g_assert_cmpint (result.status, ==, 2);
  ed_test_cli_run_on (&result, db, "stations", "review", "new", "--kind", "annual", "--title",
                      "Wrong kind", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--kind"));
  ed_test_cli_run_on (&result, db, "stations", "review", "adjourn", NULL);
  g_assert_cmpint (result.status, ==, 2);

  run_ok (&result, db, "stations", "review", "new", "--kind", "interim", "--title",
          "After the ward changes", "--started", "1/3/2029", NULL);
  ed_test_cli_run_on (&result, db, "stations", "review", "representation", "--from", "A. Voter",
                      "--kind", "elector", "--received", "31/2/2029", "--text", "Hello", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--received"));
  ed_test_cli_run_on (&result, db, "stations", "review", "proposal", "--district", "ZZ",
                      "--action", "keep", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "ZZ"));
  ed_test_cli_run_on (&result, db, "stations", "review", "notice", "-o", report, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--consultation-closes"));
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/stations/review/end-to-end", test_review_end_to_end);
  ED_TEST_ADD ("/cli/stations/review/refusals", test_refusals);
  return g_test_run ();
}
