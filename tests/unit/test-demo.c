/* test-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "demo/ed-demo.h"
#include "ed-test-dir.h"
#include "changes/ed-validate.h"
#include "stations/ed-station-plan.h"

#define TEST_ELECTORS 600

/* Every row of a query, one line each with fields joined by '|'. */
static char *
query_lines (EdContext  *context,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      &error);
  GString *text = g_string_new (NULL);
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *field = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", field != NULL ? field : "");
        }
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  return g_string_free (text, FALSE);
}

static gint64
query_int (EdContext  *context,
           const char *sql)
{
  g_autofree char *text = query_lines (context, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* The register as a person sees it: row ids are left out, being random by design. */
static char *
describe_register (EdContext *context)
{
  return query_lines (context,
    "SELECT e.number_prefix, e.number, e.number_suffix, e.title, e.forenames, e.surname, "
    "e.marker, e.attainer_date, e.open_register_opt_out, e.absent_vote, e.absent_vote_ends, "
    "e.proxy_name, e.anonymous, e.other_elector, p.uprn, p.property, p.street, p.town, "
    "p.postcode, d.code, d.name, a.name, a.seats "
    "FROM elector AS e LEFT JOIN property AS p ON p.id = e.property "
    "JOIN polling_district AS d ON d.id = e.polling_district "
    "JOIN electoral_area AS a ON a.id = d.electoral_area "
    "ORDER BY e.number_prefix, e.number, e.number_suffix");
}

static char *
describe_district (EdContext *context)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  GString *text = g_string_new (NULL);
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (text, "%s=%s\n", keys[i].key,
                            ed_district_settings_get (settings, keys[i].key));
  return g_string_free (text, FALSE);
}

static char *
generate (EdTestDir  *fixture,
          const char *name,
          guint32     seed)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  g_autofree char *district = NULL;
  g_autofree char *register_text = NULL;

  ed_demo_options_init (&options);
  options.seed = seed;
  options.electors = TEST_ELECTORS;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  district = describe_district (context);
  register_text = describe_register (context);
  return g_strconcat (district, register_text, NULL);
}

static void
test_same_seed_same_district (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autofree char *a = generate (fixture, "a.db", 7);
  g_autofree char *b = generate (fixture, "b.db", 7);

  g_assert_cmpstr (a, ==, b);
}

static void
test_seeds_vary_the_district (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autofree char *name = g_strdup_printf ("seed-%u.db", seed);

      g_hash_table_add (seen, generate (fixture, name, seed));
    }
  g_assert_cmpuint (g_hash_table_size (seen), >=, 4);
}

static void
test_demo_is_synthetic (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdDemoOptions options;
  const char *address;

  ed_demo_options_init (&options);
  options.electors = TEST_ELECTORS;
  g_assert_true (ed_demo_generate (context, &options, NULL));

  /* Reserved ranges only: Ofcom's drama numbers, the .example domain, the unused ZY area. */
  g_assert_true (g_str_has_prefix (ed_district_settings_get (settings, "phone"), "01632 960"));
  g_assert_true (g_str_has_suffix (ed_district_settings_get (settings, "email"), ".example"));
  address = ed_district_settings_get (settings, "council-address");
  g_assert_nonnull (strstr (address, "\nZY"));
  g_assert_cmpint (ed_district_settings_get_country (settings), ==, ED_COUNTRY_ENGLAND);
  g_assert_true (g_str_has_suffix (ed_district_settings_get_council_name (settings),
                                   "District Council"));

  /* Every property is in the invented postcode area, so no synthetic name is at a real
   * address. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM property WHERE postcode NOT LIKE 'ZY%'"),
                   ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM property"), >, 0);
}

static void
test_refuses_existing_district (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  ed_demo_options_init (&options);
  options.electors = TEST_ELECTORS;
  g_assert_true (ed_demo_generate (context, &options, NULL));
  before = describe_district (context);

  options.seed = 99;
  g_assert_false (ed_demo_generate (context, &options, &error));
  g_assert_nonnull (strstr (error->message, "already holds"));
  after = describe_district (context);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  gboolean      cancel;        /* on the first report past 0 */
  double        cancelled_at;
  GAsyncResult *result;
} DemoRun;

static void
demo_progress_cb (EdJob      *job,
                  double      fraction,
                  const char *text,
                  DemoRun    *run)
{
  if (run->cancel && run->cancelled_at < 0.0 && fraction > 0.0)
    {
      run->cancelled_at = fraction;
      ed_job_cancel (job);
    }
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ((DemoRun *)user_data)->result = g_object_ref (result);
}

static gboolean
write_demo (const char  *path,
            gboolean     cancel,
            GError     **error)
{
  DemoRun run = { cancel, -1.0, NULL };
  EdDemoOptions options;
  EdJob *job;
  gboolean ok;

  ed_demo_options_init (&options);
  options.electors = TEST_ELECTORS;
  job = ed_demo_write_async (path, ed_modules_get_all (), &options, NULL, demo_done_cb, &run);
  g_signal_connect (job, "progress", G_CALLBACK (demo_progress_cb), &run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = ed_demo_write_finish (job, run.result, error);
  g_object_unref (run.result);
  if (cancel)
    g_assert_cmpfloat (run.cancelled_at, >, 0.0);
  return ok;
}

/* Written as a job, the demo district appears whole or not at all: stopped half way it
 * leaves no file, not even the one it was writing; and it never writes over a district. */
static void
test_write_as_job (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (write_demo (path, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);

  g_assert_true (write_demo (path, FALSE, &error));
  g_assert_no_error (error);
  ed_test_dir_assert_no_temporaries (fixture->dir);
  {
    g_autoptr(EdContext) context = ed_modules_open_district (path, &error);

    g_assert_no_error (error);
    g_assert_true (ed_district_settings_is_configured (ed_context_get_settings (context)));
    before = describe_district (context);
  }

  g_assert_false (write_demo (path, FALSE, &error));
  g_assert_nonnull (strstr (error->message, "already holds"));
  {
    g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);

    after = describe_district (context);
  }
  g_assert_cmpstr (before, ==, after);
}

/* A new desk has no data folder yet: the demo makes it, private to the person. */
static void
test_write_into_new_folder (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "data", "org.example", NULL);
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (write_demo (path, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* The shares of DOMAIN.md §6 and §1: a register a person would recognise, and one that
 * exercises every rule (markers, attainers, absent votes, overseas and anonymous entries). */
static void
test_register_shares (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  EdDemoOptions options;
  gint64 n;

  ed_demo_options_init (&options);
  options.electors = 6000;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);

  n = query_int (context, "SELECT count(*) FROM elector");
  g_assert_cmpint (n, ==, 6000);
  /* About 1,500 electors per polling district, three districts per ward. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_district"), ==, 4);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM electoral_area"), ==, 1);

  /* Postal voters about 18% (§6), proxies and postal proxies a few. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE absent_vote = 'postal'"),
                   >, n * 15 / 100);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE absent_vote = 'postal'"),
                   <, n * 21 / 100);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE absent_vote = 'proxy'"),
                   >, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE absent_vote <> '' "
                                       "AND absent_vote_ends <= '2026-11-23'"), ==, 0);
  /* Most opt out of the open register. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE open_register_opt_out"),
                   >, n * 45 / 100);
  /* In England from 7 May 2024 EU citizens who keep the vote carry B, never G (§1.2). */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE marker = 'B'"), >, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE marker = 'G'"), ==, 0);
  /* Overseas electors have no printed address and come under Other electors (§1.1). */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE marker = 'F'"), >, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE marker = 'F' "
                                       "AND (property <> '' OR NOT other_elector)"), ==, 0);
  /* Attainers reach 18 after the date the register is as at. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE attainer_date <> ''"),
                   >, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE attainer_date <> '' "
                                       "AND attainer_date <= '2026-11-23'"), ==, 0);

  /* Numbers run 1, 2, 3… within each polling district, with no suffixes yet (§1.1). */
  g_assert_cmpint (query_int (context,
                              "SELECT count(*) FROM (SELECT number_prefix, max(number) AS top, "
                              "count(*) AS n FROM elector GROUP BY number_prefix) "
                              "WHERE top <> n"), ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE number_suffix <> 0"),
                   ==, 0);

  /* Nothing for a person to fix: numbers unique, every reference resolves. The one item is
   * the demo's venue with steps at its door, there for the stations page to show. */
  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  g_assert_no_error (error);
  items = ed_validate_list_items (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((EdValidationItem *)g_ptr_array_index (items, 0))->validator, ==,
                   "place-open-access-issues");

  /* The search index holds every elector. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search"), ==, n);
}

/* The polling plan has something to show (DOMAIN.md §3): every property placed on the map,
 * every polling district served by a station with coordinates, two stations over the
 * guidance's 2,250 electors, a district divided by street, and one venue with its checklist
 * filled in and an accessibility issue open. */
static void
test_polling_stations (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  EdDemoOptions options;
  guint over = 0;
  guint64 nearer = 0;

  ed_demo_options_init (&options);
  options.electors = 9000;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);

  /* Every property has coordinates in the invented corner of square SU. */
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM property WHERE easting < 400000 "
                                       "OR easting >= 500000 OR northing < 100000 "
                                       "OR northing >= 200000"), ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_place "
                                       "WHERE easting = 0 OR northing = 0"), ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_district AS d "
                                       "WHERE NOT EXISTS (SELECT 1 FROM station_coverage AS c "
                                       "WHERE c.polling_district = d.id AND c.street = '')"),
                   ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM station_coverage "
                                       "WHERE street <> ''"), >, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_place "
                                       "WHERE hire_fee > 0 AND caretaker LIKE '%01632 960%'"),
                   ==, query_int (context, "SELECT count(*) FROM polling_place"));
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_place "
                                       "WHERE booking_state <> 'confirmed'"), >, 0);

  /* One venue with an issue open, its whole checklist answered. */
  g_assert_cmpint (query_int (context, "SELECT count(DISTINCT place) FROM place_access_issue "
                                       "WHERE resolved_on = ''"), ==, 1);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM place_access_check AS c "
                                       "JOIN place_access_issue AS i ON i.place = c.place "
                                       "WHERE c.answer <> ''"), ==, ED_N_ACCESS_ITEMS);

  plan = ed_station_plan_compute (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->without_station, ==, 0);
  g_assert_cmpuint (plan->electors_without_station, ==, 0);
  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, s);

      if (station->warnings & ED_STATION_WARNING_OVER_MAXIMUM)
        over++;
      g_assert_cmpuint (station->in_person, >, 0);
      g_assert_cmpuint (station->furthest_metres, >, 0);
      g_assert_cmpuint (station->furthest_metres, <, 3000);
      nearer += station->nearer_elsewhere;
    }
  g_assert_cmpuint (over, ==, 2);
  /* A few properties at the edges of districts stand nearer a neighbour's station. */
  g_assert_cmpuint (nearer, >, 0);
  g_assert_cmpuint (nearer, <, plan->electorate->properties->len / 3);
}

static void
test_too_many_electors (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdContext) context = ed_modules_open_district (path, NULL);
  g_autoptr(GError) error = NULL;
  EdDemoOptions options;

  ed_demo_options_init (&options);
  options.electors = ED_DEMO_MAX_ELECTORS + 1;
  g_assert_false (ed_demo_generate (context, &options, &error));
  g_assert_nonnull (strstr (error->message, "at most"));
  g_assert_false (ed_district_settings_is_configured (ed_context_get_settings (context)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/demo/same-seed-same-district", test_same_seed_same_district);
  ED_TEST_ADD ("/demo/seeds-vary-the-district", test_seeds_vary_the_district);
  ED_TEST_ADD ("/demo/synthetic-only", test_demo_is_synthetic);
  ED_TEST_ADD ("/demo/refuses-existing-district", test_refuses_existing_district);
  ED_TEST_ADD ("/demo/write-as-job", test_write_as_job);
  ED_TEST_ADD ("/demo/write-into-new-folder", test_write_into_new_folder);
  ED_TEST_ADD ("/demo/register-shares", test_register_shares);
  ED_TEST_ADD ("/demo/polling-stations", test_polling_stations);
  ED_TEST_ADD ("/demo/too-many-electors", test_too_many_electors);

  return g_test_run ();
}
