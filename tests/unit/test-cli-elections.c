/* test-cli-elections.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* election add, list, timetable, task and dies-non as a person or a script uses them: the
 * real binary, its exit status and what it prints, on the demo district (DOMAIN.md §8). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ed-test-cli.h"
#include "ed-test-dir.h"

#define LOCAL_ID "local.ashmere-vale.2027-05-06"
#define PARISH_ID "parish.ashmere-vale.2027-05-06"

/* The demo district of 9,000 electors: two wards and a parish. */
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

static char *
list_json (const char *path)
{
  g_auto(EdTestCliResult) list = { 0 };

  ed_test_cli_run_on (&list, path, "election", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  return g_strdup (list.out);
}

static JsonObject *
find_election (JsonArray  *elections,
               const char *id)
{
  for (guint i = 0; i < json_array_get_length (elections); i++)
    {
      JsonObject *election = json_array_get_object_element (elections, i);

      if (g_str_equal (json_object_get_string_member (election, "id"), id))
        return election;
    }
  return NULL;
}

static void
add_local_and_parish (const char *path)
{
  g_auto(EdTestCliResult) local = { 0 };
  g_auto(EdTestCliResult) parish = { 0 };

  ed_test_cli_run_on (&local, path, "election", "add", "--type", "local", "--poll-date",
                      "2027-05-06", NULL);
  g_assert_cmpint (local.status, ==, 0);
  g_assert_nonnull (strstr (local.out, LOCAL_ID));
  ed_test_cli_run_on (&parish, path, "election", "add", "--type", "parish", "--poll-date",
                      "2027-05-06", "--combine-with", LOCAL_ID, NULL);
  g_assert_cmpint (parish.status, ==, 0);
  g_assert_nonnull (strstr (parish.out, PARISH_ID));
}

/* A local poll on every ward and a parish poll combined with it, as the list shows them. */
static void
test_add_and_list (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *elections;
  JsonObject *local, *parish;
  JsonArray *contests;

  add_local_and_parish (path);
  json = list_json (path);
  root = parse (json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root) || JSON_NODE_HOLDS_OBJECT (root));
  elections = JSON_NODE_HOLDS_ARRAY (root)
                ? json_node_get_array (root)
                : json_object_get_array_member (json_node_get_object (root), "elections");
  /* The demo's own May poll and its parish polls (in 2030: the tests' today is 2 January
   * 2030), and the two added here. */
  g_assert_cmpuint (json_array_get_length (elections), ==, 4);
  g_assert_nonnull (find_election (elections, "local.ashmere-vale.2030-05-02"));
  local = find_election (elections, LOCAL_ID);
  parish = find_election (elections, PARISH_ID);
  g_assert_nonnull (local);
  g_assert_nonnull (parish);

  g_assert_cmpstr (json_object_get_string_member (local, "kind"), ==, "local");
  g_assert_cmpstr (json_object_get_string_member (local, "poll_date"), ==, "2027-05-06");
  g_assert_cmpstr (json_object_get_string_member (local, "country"), ==, "england");
  g_assert_cmpstr (json_object_get_string_member (local, "combined_with"), ==, "");
  contests = json_object_get_array_member (local, "contests");
  g_assert_cmpuint (json_array_get_length (contests), ==, 2);
  for (guint i = 0; i < json_array_get_length (contests); i++)
    {
      JsonObject *contest = json_array_get_object_element (contests, i);
      const char *id = json_object_get_string_member (contest, "id");

      g_assert_cmpstr (json_object_get_string_member (contest, "area_kind"), ==, "ward");
      g_assert_true (g_str_has_prefix (id, "local.ashmere-vale."));
      g_assert_true (g_str_has_suffix (id, ".2027-05-06"));
      g_assert_cmpint (json_object_get_int_member (contest, "seats"), >=, 1);
      g_assert_true (json_object_get_boolean_member (contest, "contested"));
    }

  g_assert_cmpstr (json_object_get_string_member (parish, "kind"), ==, "parish");
  /* The combination names the first poll by its row id. */
  g_assert_cmpstr (json_object_get_string_member (parish, "combined_with"), ==,
                   json_object_get_string_member (local, "row_id"));
  contests = json_object_get_array_member (parish, "contests");
  g_assert_cmpuint (json_array_get_length (contests), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contests, 0),
                                                  "area_kind"), ==, "parish");
}

/* Each refusal says what is wrong, exits with a failure and leaves the district as it was. */
static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *what;
    const char *args[10];
    const char *message;
  } refusals[] = {
    { "unknown type", { "--type", "council", "--poll-date", "2027-05-13" }, "council" },
    { "Sunday", { "--type", "local", "--poll-date", "2027-05-09" }, "Sunday" },
    { "bank holiday", { "--type", "local", "--poll-date", "2027-05-03" }, "not a working day" },
    { "unknown area", { "--type", "local", "--poll-date", "2027-05-13", "--area", "ZZ99" },
      "ZZ99" },
    { "another day", { "--type", "parish", "--poll-date", "2027-05-13", "--combine-with",
                       LOCAL_ID }, "same day" },
    { "duplicate", { "--type", "local", "--poll-date", "2027-05-06" }, LOCAL_ID },
    { "unknown poll to combine with", { "--type", "parish", "--poll-date", "2027-05-13",
                                        "--combine-with", "local.nowhere.2027-05-13" },
      "local.nowhere.2027-05-13" },
  };
  g_autofree char *path = make_demo (fixture);
  g_autofree char *before = NULL;

  add_local_and_parish (path);
  before = list_json (path);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_auto(EdTestCliResult) result = { 0 };
      g_autofree char *after = NULL;
      const char *argv[16] = { "election", "add" };
      guint n = 2;

      g_test_message ("%s", refusals[i].what);
      for (guint a = 0; refusals[i].args[a] != NULL; a++)
        argv[n++] = refusals[i].args[a];
      argv[n] = NULL;
      ed_test_cli_run_on (&result, path, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5],
                          argv[6], argv[7], argv[8], argv[9], argv[10], NULL);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_cmpstr (result.out, ==, "");
      if (strstr (result.err, refusals[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", refusals[i].what, result.err,
                 refusals[i].message);
      g_assert_true (g_utf8_validate (result.err, -1, NULL));
      after = list_json (path);
      g_assert_cmpstr (after, ==, before);
    }
}

static JsonArray *
timetable_dates (const char *path,
                 JsonNode  **out_root)
{
  g_auto(EdTestCliResult) result = { 0 };
  JsonObject *timetable;

  ed_test_cli_run_on (&result, path, "election", "timetable", LOCAL_ID, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  *out_root = parse (result.out);
  timetable = json_node_get_object (*out_root);
  g_assert_cmpstr (json_object_get_string_member (timetable, "election"), ==, LOCAL_ID);
  return json_object_get_array_member (timetable, "dates");
}

static JsonObject *
find_date (JsonArray  *dates,
           const char *event)
{
  for (guint i = 0; i < json_array_get_length (dates); i++)
    {
      JsonObject *entry = json_array_get_object_element (dates, i);

      if (g_str_equal (json_object_get_string_member (entry, "event"), event))
        return entry;
    }
  return NULL;
}

/* The timetable as JSON and as an iCalendar file (RFC 5545 §3.1: CRLF line ends, lines of
 * at most 75 octets folded with a leading space), one VEVENT for each date, on its day. */
static void
test_timetable_json_and_ics (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_autofree char *ics = ed_test_dir_file (fixture, "timetable.ics");
  g_autoptr(JsonNode) root = NULL;
  g_auto(EdTestCliResult) written = { 0 };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) physical = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *dates;
  guint n_events = 0, n_starts = 0, n_ends = 0;
  gsize length;

  add_local_and_parish (path);
  dates = timetable_dates (path, &root);
  g_assert_cmpuint (json_array_get_length (dates), >=, 15);
  /* 6 May 2027 less 19 working days, over the Early May bank holiday. */
  g_assert_cmpstr (json_object_get_string_member (find_date (dates, "nominations_close"),
                                                  "date"), ==, "2027-04-08");
  g_assert_cmpstr (json_object_get_string_member (find_date (dates, "registration_deadline"),
                                                  "date"), ==, "2027-04-19");
  g_assert_cmpstr (json_object_get_string_member (find_date (dates, "poll"), "date"), ==,
                   "2027-05-06");
  g_assert_cmpint (json_object_get_int_member (find_date (dates, "nominations_close"),
                                               "working_days"), ==, 19);

  ed_test_cli_run_on (&written, path, "election", "timetable", LOCAL_ID, "--ics", ics, NULL);
  g_assert_cmpint (written.status, ==, 0);
  g_assert_true (g_file_get_contents (ics, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, (gssize)length, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));

  /* Every line ends in CRLF, no bare LF or CR, none longer than 75 octets; a folded line
   * goes on with a space. */
  physical = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; physical[i] != NULL; i++)
    {
      const char *line = physical[i];

      if (physical[i + 1] == NULL)
        {
          g_assert_cmpstr (line, ==, "");
          break;
        }
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_cmpuint (strlen (line), <=, 75);
      g_assert_cmpuint (strlen (line), >, 0);
      if (line[0] == ' ')
        g_string_append (unfolded, line + 1);
      else
        {
          if (unfolded->len > 0)
            g_string_append_c (unfolded, '\n');
          g_string_append (unfolded, line);
        }
    }

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        n_events++;
      else if (g_str_has_prefix (lines[i], "DTSTART;VALUE=DATE:"))
        {
          JsonObject *entry = json_array_get_object_element (dates, n_starts);
          g_autofree char *compact = NULL;
          g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (entry, "date"), "-",
                                            -1);

          g_assert_cmpuint (n_starts, <, json_array_get_length (dates));
          compact = g_strjoinv ("", parts);
          g_assert_cmpstr (lines[i] + strlen ("DTSTART;VALUE=DATE:"), ==, compact);
          n_starts++;
        }
      else if (g_str_has_prefix (lines[i], "DTEND;VALUE=DATE:"))
        n_ends++;
      else if (g_str_has_prefix (lines[i], "UID:"))
        g_assert_nonnull (strstr (lines[i], LOCAL_ID));
    }
  g_assert_cmpuint (n_events, ==, json_array_get_length (dates));
  g_assert_cmpuint (n_starts, ==, n_events);
  g_assert_cmpuint (n_ends, ==, n_events);
  g_assert_nonnull (strstr (unfolded->str, "\nVERSION:2.0\n"));
  g_assert_nonnull (strstr (unfolded->str, "\nPRODID:"));
}

/* A step recorded as done, by whom, shows in the timetable's JSON. */
static void
test_task (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) task = { 0 };
  g_auto(EdTestCliResult) unknown = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *dates;
  JsonObject *notice, *nominations;

  add_local_and_parish (path);
  ed_test_cli_run_on (&task, path, "election", "task", LOCAL_ID, "notice_of_election", "--who",
                      "Sam Okafor", "--done", "2027-03-30", NULL);
  g_assert_cmpint (task.status, ==, 0);

  ed_test_cli_run_on (&unknown, path, "election", "task", LOCAL_ID, "notice_of_electon",
                      "--who", "Sam Okafor", NULL);
  g_assert_cmpint (unknown.status, !=, 0);
  g_assert_nonnull (strstr (unknown.err, "notice_of_electon"));

  dates = timetable_dates (path, &root);
  notice = find_date (dates, "notice_of_election");
  nominations = find_date (dates, "nominations_close");
  g_assert_cmpstr (json_object_get_string_member (notice, "who"), ==, "Sam Okafor");
  g_assert_cmpstr (json_object_get_string_member (notice, "done_on"), ==, "2027-03-30");
  g_assert_cmpstr (json_object_get_string_member (nominations, "who"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (nominations, "done_on"), ==, "");
}

/* A day of mourning moves the dates counted back over it, of an election already added. */
static void
test_dies_non (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) added = { 0 };
  g_auto(EdTestCliResult) no_reason = { 0 };
  g_autoptr(JsonNode) before_root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  JsonArray *before, *after;

  add_local_and_parish (path);
  before = timetable_dates (path, &before_root);

  ed_test_cli_run_on (&no_reason, path, "election", "dies-non", "2027-04-14", NULL);
  g_assert_cmpint (no_reason.status, !=, 0);
  g_assert_cmpstr (no_reason.err, !=, "");

  ed_test_cli_run_on (&added, path, "election", "dies-non", "2027-04-14", "--reason",
                      "National day of mourning", NULL);
  g_assert_cmpint (added.status, ==, 0);
  after = timetable_dates (path, &after_root);

  g_assert_cmpstr (json_object_get_string_member (find_date (before, "nominations_close"),
                                                  "date"), ==, "2027-04-08");
  g_assert_cmpstr (json_object_get_string_member (find_date (after, "nominations_close"),
                                                  "date"), ==, "2027-04-07");
  g_assert_cmpstr (json_object_get_string_member (find_date (after, "notice_of_election"),
                                                  "date"), ==,
                   "2027-03-30");
  /* After the day, nothing moves. */
  g_assert_cmpstr (json_object_get_string_member (find_date (after, "registration_deadline"),
                                                  "date"), ==,
                   json_object_get_string_member (find_date (before, "registration_deadline"),
                                                  "date"));
}

static JsonArray *
dies_non_json (const char  *path,
               JsonNode   **out_root)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run_on (&result, path, "election", "dies-non", "--list", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  *out_root = parse (result.out);
  return json_node_get_array (*out_root);
}

/* The days skipped are listed the earliest first, as text and as JSON; one removed is no
 * longer listed and the dates counted over it move back; one not skipped is refused. */
static void
test_dies_non_list_and_remove (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) mourning = { 0 };
  g_auto(EdTestCliResult) thanksgiving = { 0 };
  g_auto(EdTestCliResult) text = { 0 };
  g_auto(EdTestCliResult) removed = { 0 };
  g_auto(EdTestCliResult) again = { 0 };
  g_auto(EdTestCliResult) json_alone = { 0 };
  g_auto(EdTestCliResult) list_with_day = { 0 };
  g_autoptr(JsonNode) listed_root = NULL;
  g_autoptr(JsonNode) left_root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  JsonArray *listed, *left, *after;
  const char *thanksgiving_line;

  add_local_and_parish (path);
  listed = dies_non_json (path, &listed_root);
  g_assert_cmpuint (json_array_get_length (listed), ==, 0);
  g_clear_pointer (&listed_root, json_node_unref);

  ed_test_cli_run_on (&mourning, path, "election", "dies-non", "2027-04-14", "--reason",
                      "National day of mourning", NULL);
  g_assert_cmpint (mourning.status, ==, 0);
  ed_test_cli_run_on (&thanksgiving, path, "election", "dies-non", "2027-01-11", "--reason",
                      "Day of thanksgiving", NULL);
  g_assert_cmpint (thanksgiving.status, ==, 0);

  listed = dies_non_json (path, &listed_root);
  g_assert_cmpuint (json_array_get_length (listed), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 0),
                                                  "day"), ==, "2027-01-11");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 0),
                                                  "reason"), ==, "Day of thanksgiving");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 1),
                                                  "day"), ==, "2027-04-14");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (listed, 1),
                                                  "reason"), ==, "National day of mourning");

  ed_test_cli_run_on (&text, path, "election", "dies-non", "--list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  thanksgiving_line = strstr (text.out, "Day of thanksgiving");
  g_assert_nonnull (thanksgiving_line);
  g_assert_true (thanksgiving_line < strstr (text.out, "National day of mourning"));

  ed_test_cli_run_on (&removed, path, "election", "dies-non", "--remove", "2027-04-14", NULL);
  g_assert_cmpint (removed.status, ==, 0);
  g_assert_cmpstr (removed.err, ==, "");
  left = dies_non_json (path, &left_root);
  g_assert_cmpuint (json_array_get_length (left), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (left, 0),
                                                  "day"), ==, "2027-01-11");
  /* 6 May 2027 less 19 working days, as before the day was added. */
  after = timetable_dates (path, &after_root);
  g_assert_cmpstr (json_object_get_string_member (find_date (after, "nominations_close"),
                                                  "date"), ==, "2027-04-08");

  ed_test_cli_run_on (&again, path, "election", "dies-non", "--remove", "2027-04-14", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "do not skip"));

  ed_test_cli_run_on (&json_alone, path, "election", "dies-non", "2027-04-15", "--reason",
                      "Day of mourning", "--json", NULL);
  g_assert_cmpint (json_alone.status, ==, 2);
  ed_test_cli_run_on (&list_with_day, path, "election", "dies-non", "--list", "2027-04-15",
                      NULL);
  g_assert_cmpint (list_with_day.status, ==, 2);
  g_clear_pointer (&left_root, json_node_unref);
  left = dies_non_json (path, &left_root);
  g_assert_cmpuint (json_array_get_length (left), ==, 1);
}

/* A Welsh community council's poll sends cards only if the council asks (DOMAIN.md §2.1):
 * none until it is recorded, and only such a poll takes the choice. */
static void
test_cards_requested (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) wales = { 0 };
  g_auto(EdTestCliResult) added = { 0 };
  g_auto(EdTestCliResult) requested = { 0 };
  g_auto(EdTestCliResult) refused = { 0 };
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *community;

  ed_test_cli_run_on (&wales, path, "settings", "set", "country", "wales", NULL);
  g_assert_cmpint (wales.status, ==, 0);
  ed_test_cli_run_on (&added, path, "election", "add", "--type", "parish", "--poll-date",
                      "2030-05-09", NULL);
  g_assert_cmpint (added.status, ==, 0);

  json = list_json (path);
  root = parse (json);
  community = find_election (json_node_get_array (root), "parish.ashmere-vale.2030-05-09");
  g_assert_nonnull (community);
  g_assert_false (json_object_get_boolean_member (community, "cards_requested"));
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&json, g_free);

  ed_test_cli_run_on (&requested, path, "election", "cards", "parish.ashmere-vale.2030-05-09",
                      "--requested", NULL);
  g_assert_cmpint (requested.status, ==, 0);
  json = list_json (path);
  root = parse (json);
  community = find_election (json_node_get_array (root), "parish.ashmere-vale.2030-05-09");
  g_assert_true (json_object_get_boolean_member (community, "cards_requested"));

  /* The demo's own council poll always sends cards. */
  ed_test_cli_run_on (&refused, path, "election", "cards", "local.ashmere-vale.2030-05-02",
                      "--not-requested", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Only a Welsh community council"));
}

/* The interim notices as JSON: three, the final one on the 5th working day before the poll
 * (DOMAIN.md §1.4), none published yet; --json does not go with --publish. */
static void
test_notices_json (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture);
  g_auto(EdTestCliResult) listed = { 0 };
  g_auto(EdTestCliResult) refused = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *notices;
  JsonObject *final;

  ed_test_cli_run_on (&listed, path, "election", "notices", "local.ashmere-vale.2030-05-02",
                      "--json", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  root = parse (listed.out);
  notices = json_object_get_array_member (json_node_get_object (root), "notices");
  g_assert_cmpuint (json_array_get_length (notices), ==, 3);
  final = json_array_get_object_element (notices, 2);
  g_assert_cmpstr (json_object_get_string_member (final, "publication"), ==, "2030-04-25");
  g_assert_false (json_object_get_boolean_member (final, "published"));
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (root),
                                                    "polling_districts")), >, 0);

  ed_test_cli_run_on (&refused, path, "election", "notices", "local.ashmere-vale.2030-05-02",
                      "--json", "--publish", "1", NULL);
  g_assert_cmpint (refused.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/elections/add-and-list", test_add_and_list);
  ED_TEST_ADD ("/cli/elections/refusals", test_refusals);
  ED_TEST_ADD ("/cli/elections/timetable-json-and-ics", test_timetable_json_and_ics);
  ED_TEST_ADD ("/cli/elections/task", test_task);
  ED_TEST_ADD ("/cli/elections/dies-non", test_dies_non);
  ED_TEST_ADD ("/cli/elections/dies-non-list-and-remove", test_dies_non_list_and_remove);
  ED_TEST_ADD ("/cli/elections/cards-requested", test_cards_requested);
  ED_TEST_ADD ("/cli/elections/notices-json", test_notices_json);

  return g_test_run ();
}
