/* test-elections-electorate.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-elections-tables.h"
#include "register/ed-register-tables.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

#define N_ELECTORS 1500
#define POLL_DAY "2027-05-06"

static char *
add_election (EdContext      *context,
              EdElectionKind  kind,
              const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = kind, .country = ED_COUNTRY_ENGLAND,
                            .combine_with = combine_with };
  char *id;

  /* The demo district already has its May poll, with the parish polls combined with it. */
  if (kind == ED_ELECTION_LOCAL && combine_with == NULL)
    {
      g_autoptr(EdElection) local = ed_election_load (context, "local.ashmere-vale.2027-05-06",
                                                      &error);

      g_assert_no_error (error);
      return g_strdup (local->id);
    }
  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 6, G_DATE_MAY, 2027);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static EdElection *
load (EdContext  *context,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  EdElection *election = ed_election_load (context, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (election);
  return election;
}

static EdElectionElectorate *
compute (EdContext  *context,
         EdElection *election)
{
  g_autoptr(GError) error = NULL;
  EdElectionElectorate *electorate =
    ed_election_electorate_compute (context, election, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (electorate);
  return electorate;
}

static gint64
query_count (EdContext  *context,
             const char *sql,
             const char *first,
             const char *second)
{
  g_autoptr(GError) error = NULL;
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* An English local poll's electors, counted straight from the tables: a current or
 * pending-deletion entry in the ward, a British, Irish or Commonwealth citizen, a peer or a
 * qualifying EU citizen, of age by polling day. */
static const char direct_count_sql[] =
  "SELECT count (*) FROM elector AS e JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE d.electoral_area = ?1 AND e.status <> 'pending_addition' "
  "  AND e.marker IN ('', 'L', 'B') AND (e.attainer_date = '' OR e.attainer_date <= ?2)";

static const char direct_postal_sql[] =
  "SELECT count (*) FROM elector AS e JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE d.electoral_area = ?1 AND e.status <> 'pending_addition' "
  "  AND e.marker IN ('', 'L', 'B') AND (e.attainer_date = '' OR e.attainer_date <= ?2) "
  "  AND e.absent_vote = 'postal' AND (e.absent_vote_ends = '' OR e.absent_vote_ends >= ?2)";

static void
check_adds_up (EdElectionElectorate *electorate)
{
  guint n_stations = electorate->roll->stations->len;

  for (guint p = 0; p < electorate->n_polls; p++)
    {
      const EdPollElectorate *poll = &electorate->polls[p];
      EdElectorateCount sum = { 0, };

      for (guint c = 0; c < poll->election->contests->len; c++)
        {
          const EdContestElectorate *contest = &poll->contests[c];
          EdElectorateCount by_station = { 0, };
          gint64 ways = 0;

          for (gint s = -1; s < (gint)n_stations; s++)
            {
              const EdElectorateCount *count =
                ed_election_electorate_get_station (electorate, p, c, s);
              gint64 station_ways = 0;

              by_station.electors += count->electors;
              for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
                {
                  by_station.by_way[w] += count->by_way[w];
                  station_ways += count->by_way[w];
                }
              g_assert_cmpint (station_ways, ==, count->electors);
            }
          g_assert_cmpint (by_station.electors, ==, contest->total.electors);
          for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
            {
              g_assert_cmpint (by_station.by_way[w], ==, contest->total.by_way[w]);
              ways += contest->total.by_way[w];
              sum.by_way[w] += contest->total.by_way[w];
            }
          g_assert_cmpint (ways, ==, contest->total.electors);
          sum.electors += contest->total.electors;
        }
      g_assert_cmpint (sum.electors, ==, poll->total.electors);
      for (guint w = 0; w < ED_N_POLL_CARD_VARIANTS; w++)
        g_assert_cmpint (sum.by_way[w], ==, poll->total.by_way[w]);
    }
}

static void
test_adds_up (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(EdElection) election = load (context, id);
  g_autoptr(EdElectionElectorate) electorate = compute (context, election);
  const EdPollElectorate *poll;
  gint64 in_register;
  gint64 counted = 0;

  g_assert_cmpuint (electorate->n_polls, ==, 1);
  poll = &electorate->polls[0];
  g_assert_cmpint (poll->total.electors, >, N_ELECTORS / 2);
  check_adds_up (electorate);

  /* Each contest matches a count straight from the tables, and so does its postal split. */
  for (guint c = 0; c < election->contests->len; c++)
    {
      const EdContest *contest = g_ptr_array_index (election->contests, c);

      g_assert_cmpint (poll->contests[c].total.electors, ==,
                       query_count (context, direct_count_sql, contest->area, POLL_DAY));
      g_assert_cmpint (poll->contests[c].total.by_way[ED_POLL_CARD_POSTAL], ==,
                       query_count (context, direct_postal_sql, contest->area, POLL_DAY));
    }
  /* The demo has postal, proxy and postal-proxy voters, and some whose vote ends before the
   * poll and who vote in person. */
  g_assert_cmpint (poll->total.by_way[ED_POLL_CARD_POSTAL], >, 0);
  g_assert_cmpint (poll->total.by_way[ED_POLL_CARD_PROXY], >, 0);
  g_assert_cmpint (poll->total.by_way[ED_POLL_CARD_ORDINARY], >,
                   poll->total.by_way[ED_POLL_CARD_POSTAL]);

  /* Every entry read is counted or refused. */
  for (guint r = 0; r < ED_N_VOTE_REFUSALS; r++)
    counted += poll->refused[r];
  counted += poll->total.electors;
  in_register = query_count (context, "SELECT count (*) FROM elector WHERE ?1 = ?2", "", "");
  g_assert_cmpint (counted, ==, in_register);
  g_assert_cmpint (electorate->n_entries, ==, in_register);
  /* A poll that sends cards sends one to everyone who may vote at it. */
  g_assert_cmpint (electorate->cards, ==, poll->total.electors);
}

/* The first entry of the register that may vote at every poll: British, of age, current. */
static char *
plain_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt =
    ed_database_prepare (database,
                         "SELECT id FROM elector WHERE marker = '' AND attainer_date = '' "
                         "AND status = 'current' AND NOT anonymous AND NOT other_elector "
                         "AND absent_vote = '' ORDER BY id LIMIT 1",
                         &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
set_elector (EdContext  *context,
             const char *elector_id,
             const char *column,
             GVariant   *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, ed_elector_table.name, elector_id, column,
                                    value, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static void
test_overseas (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *local_id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *parl_id = add_election (context, ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                                           local_id);
  g_autoptr(EdElection) local = load (context, local_id);
  g_autoptr(EdElectionElectorate) before = compute (context, local);
  g_autoptr(EdElectionElectorate) after = NULL;
  g_autofree char *elector = plain_elector (context);
  guint local_index = 0;
  guint parl_index = 1;

  g_assert_cmpuint (before->n_polls, ==, 2);
  if (!g_str_equal (before->polls[0].election->id, local_id))
    {
      local_index = 1;
      parl_index = 0;
    }
  g_assert_cmpstr (before->polls[parl_index].election->id, ==, parl_id);
  check_adds_up (before);

  /* An overseas elector votes at the UK Parliamentary poll, not the local one. */
  set_elector (context, elector, "marker", g_variant_new_string ("F"));
  after = compute (context, local);
  check_adds_up (after);
  g_assert_cmpint (after->polls[parl_index].total.electors, ==,
                   before->polls[parl_index].total.electors);
  g_assert_cmpint (after->polls[local_index].total.electors, ==,
                   before->polls[local_index].total.electors - 1);
  g_assert_cmpint (after->polls[local_index].refused[ED_VOTE_FRANCHISE], ==,
                   before->polls[local_index].refused[ED_VOTE_FRANCHISE] + 1);
  /* An EU citizen (B) the other way round. */
  g_clear_pointer (&after, ed_election_electorate_free);
  set_elector (context, elector, "marker", g_variant_new_string ("B"));
  after = compute (context, local);
  g_assert_cmpint (after->polls[parl_index].total.electors, ==,
                   before->polls[parl_index].total.electors - 1);
  g_assert_cmpint (after->polls[local_index].total.electors, ==,
                   before->polls[local_index].total.electors);
}

static void
test_pending_addition (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(EdElection) election = load (context, id);
  g_autoptr(EdElectionElectorate) before = compute (context, election);
  g_autoptr(EdElectionElectorate) after = NULL;
  g_autofree char *elector = plain_elector (context);

  set_elector (context, elector, "status", g_variant_new_string ("pending_addition"));
  after = compute (context, election);
  g_assert_cmpint (after->polls[0].total.electors, ==, before->polls[0].total.electors - 1);
  g_assert_cmpint (after->polls[0].total.by_way[ED_POLL_CARD_ORDINARY], ==,
                   before->polls[0].total.by_way[ED_POLL_CARD_ORDINARY] - 1);
  g_assert_cmpint (after->polls[0].refused[ED_VOTE_NOT_YET_REGISTERED], ==,
                   before->polls[0].refused[ED_VOTE_NOT_YET_REGISTERED] + 1);
}

/* The demo's first polling district made a community of its own, as the demo of a district
 * this size has none; and an elector of it who may vote at a community poll. */
static char *
community_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *parish = NULL;
  g_autofree char *district = NULL;
  const char *columns[] = { "code", "name" };
  GVariant *values[] = { g_variant_new_string ("CA"), g_variant_new_string ("Ashmere Community") };

  g_assert_no_error (error);
  g_assert_true (ed_change_set_insert (change_set, "parish", NULL, columns, values,
                                       G_N_ELEMENTS (values), &parish, &error));
  g_assert_no_error (error);
  stmt = ed_database_prepare (database, "SELECT id FROM polling_district ORDER BY code LIMIT 1",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  district = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_true (ed_change_set_set (change_set, "polling_district", district, "parish",
                                    g_variant_new_string (parish), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  stmt = ed_database_prepare (database,
                              "SELECT id FROM elector WHERE polling_district = ?1 "
                              "AND marker = '' AND attainer_date = '' AND status = 'current' "
                              "AND NOT anonymous AND NOT other_elector ORDER BY id LIMIT 1",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, district, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* A Welsh community poll sends cards only when its council asks, and to anonymous electors
 * always (DOMAIN.md §2.1): the count of cards follows the request, the electorate does not. */
static void
test_welsh_community_cards (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdElectionElectorate) not_requested = NULL;
  g_autoptr(EdElectionElectorate) requested = NULL;
  g_autofree char *id = NULL;
  g_autofree char *anonymous = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_PARISH, .country = ED_COUNTRY_WALES };

  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "country", "wales",
                                           &error));
  g_assert_no_error (error);
  anonymous = community_elector (context);
  set_elector (context, anonymous, "anonymous", g_variant_new_boolean (TRUE));
  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 13, G_DATE_MAY, 2027);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  election = load (context, id);
  g_assert_false (election->cards_requested);

  not_requested = compute (context, election);
  g_assert_cmpuint (not_requested->n_polls, ==, 1);
  g_assert_cmpint (not_requested->polls[0].total.electors, >, 1);
  g_assert_cmpint (not_requested->cards, >=, 1);
  g_assert_cmpint (not_requested->cards, <, not_requested->polls[0].total.electors);

  g_assert_true (ed_election_set_cards_requested (context, election, TRUE, &error));
  g_assert_no_error (error);
  requested = compute (context, election);
  g_assert_cmpint (requested->polls[0].total.electors, ==,
                   not_requested->polls[0].total.electors);
  g_assert_cmpint (requested->cards, ==, requested->polls[0].total.electors);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_async (EdTestDir     *fixture,
            gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(EdElection) election = load (context, id);
  g_autoptr(EdElectionElectorate) direct = compute (context, election);
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EdJob *job;

  job = ed_election_electorate_compute_async (context, id, NULL, async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  electorate = ed_election_electorate_compute_finish (job, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (electorate->polls[0].total.electors, ==, direct->polls[0].total.electors);

  /* A poll that does not exist. */
  g_clear_object (&result);
  job = ed_election_electorate_compute_async (context, "local.nowhere.2027-05-06", NULL,
                                              async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ed_election_electorate_compute_finish (job, result, &error));
  g_assert_nonnull (error);
}

static void
test_final_notice_fixes (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, N_ELECTORS);
  g_autofree char *local_id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autofree char *parl_id = add_election (context, ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                                           local_id);
  g_autoptr(EdElection) election = load (context, parl_id);
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_auto(EdInterimPublished) published = { NULL, };
  g_autofree char *saved_today = g_strdup (g_getenv ("ED_TODAY"));
  g_autoptr(GError) error = NULL;
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];

  g_autoptr(EdElectionElectorate) before = NULL;
  g_autofree char *added = NULL;
  gint64 fixed_total = 0;

  /* A new elector, determined before the final notice's deadline: not counted until the
   * notice takes them into the register. */
  before = compute (context, election);
  {
    EdDatabase *database = ed_context_get_database (context);
    g_autoptr(sqlite3_stmt) stmt =
      ed_database_prepare (database,
                           "SELECT polling_district, property, number_prefix FROM elector "
                           "WHERE property <> '' AND NOT other_elector ORDER BY id LIMIT 1",
                           &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    added = ed_test_register_add_elector (context, (const char *)sqlite3_column_text (stmt, 0),
                                          (const char *)sqlite3_column_text (stmt, 1),
                                          (const char *)sqlite3_column_text (stmt, 2), 9001, 0,
                                          "Newcomer", "Nia", "pending_addition", 0);
    g_free (ed_test_register_add_alteration (context, added, "addition", "2027-04-20", "", ""));
  }
  {
    g_autoptr(EdElectionElectorate) pending = compute (context, election);

    for (guint p = 0; p < pending->n_polls; p++)
      {
        g_assert_cmpint (pending->polls[p].total.electors, ==, before->polls[p].total.electors);
        g_assert_cmpint (pending->polls[p].refused[ED_VOTE_NOT_YET_REGISTERED], ==,
                         before->polls[p].refused[ED_VOTE_NOT_YET_REGISTERED] + 1);
      }
  }

  g_assert_true (ed_election_get_interim_notices (context, election, notices, &error));
  g_assert_no_error (error);
  /* Thursday 6 May 2027: the final notice on the 5th working day before, past the May Day
   * bank holiday. */
  g_assert_cmpint (g_date_get_day (&notices[2].dates.publication), ==, 28);
  g_assert_cmpint (g_date_get_month (&notices[2].dates.publication), ==, G_DATE_APRIL);
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    g_assert_false (notices[i].published);

  /* Not before its day. */
  g_setenv ("ED_TODAY", "2027-04-20", TRUE);
  g_assert_false (ed_election_publish_interim (context, election, 3, ED_NOTICE_FLAGS_NONE,
                                               fixture->dir, &published, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ed_election_publish_interim (context, election, 4, ED_NOTICE_FLAGS_NONE,
                                               fixture->dir, &published, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  {
    g_autoptr(EdElection) again = load (context, local_id);

    g_assert_false (g_date_valid (&again->electorate_fixed_on));
  }

  /* On its day it fixes every poll of the combination. */
  g_setenv ("ED_TODAY", "2027-04-28", TRUE);
  g_assert_true (ed_election_publish_interim (context, election, 3, ED_NOTICE_FLAGS_NONE,
                                              fixture->dir, &published, &error));
  g_assert_no_error (error);
  g_assert_true (published.fixed);
  g_assert_nonnull (published.notice);
  g_assert_cmpuint (published.notice->n_alterations, ==, 1);
  g_assert_true (g_file_test (published.pdf_path, G_FILE_TEST_IS_REGULAR));
  if (saved_today != NULL)
    g_setenv ("ED_TODAY", saved_today, TRUE);
  else
    g_unsetenv ("ED_TODAY");

  g_clear_pointer (&election, ed_election_free);
  election = load (context, local_id);
  electorate = compute (context, election);
  for (guint p = 0; p < electorate->n_polls; p++)
    {
      g_autoptr(EdElection) poll = load (context, electorate->polls[p].election->id);

      g_assert_true (g_date_valid (&poll->electorate_fixed_on));
      g_assert_cmpint (g_date_compare (&poll->electorate_fixed_on,
                                       &notices[2].dates.publication), ==, 0);
      for (guint c = 0; c < poll->contests->len; c++)
        {
          const EdContest *contest = g_ptr_array_index (poll->contests, c);

          g_assert_cmpint (contest->fixed_electorate, ==,
                           electorate->polls[p].contests[c].total.electors);
          g_assert_cmpint (contest->fixed_electorate, >, 0);
          fixed_total += contest->fixed_electorate;
        }
      /* The notice took the new elector into the register, and into the fixed figures. */
      g_assert_cmpint (fixed_total, ==, before->polls[p].total.electors + 1);
      fixed_total = 0;
    }
  {
    EdInterimNotice after[ED_N_INTERIM_NOTICES];

    g_assert_true (ed_election_get_interim_notices (context, election, after, &error));
    g_assert_false (after[0].published);
    g_assert_true (after[2].published);
  }
}

static void
test_cli (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 400);
  g_autofree char *id = add_election (context, ED_ELECTION_LOCAL, NULL);
  g_autoptr(EdElection) election = load (context, id);
  g_autoptr(EdElectionElectorate) electorate = compute (context, election);
  const char *db = ed_database_get_path (ed_context_get_database (context));
  g_autofree char *total = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "missing", NULL);

  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "electorate", election->slug, "--json", NULL);
    g_assert_cmpint (result.status, ==, 0);
    total = g_strdup_printf ("\"electors\" : %" G_GINT64_FORMAT,
                             electorate->polls[0].total.electors);
    g_assert_nonnull (strstr (result.out, total));
    cards = g_strdup_printf ("\"poll_cards\" : %" G_GINT64_FORMAT, electorate->cards);
    g_assert_nonnull (strstr (result.out, cards));
    g_assert_nonnull (strstr (result.out, "\"postal\""));
    g_assert_nonnull (strstr (result.out, "\"not_yet_registered\""));
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "electorate", election->slug, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "not yet fixed"));
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "notices", election->slug, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "Final interim notice"));
    g_assert_nonnull (strstr (result.out, "Not published"));
  }
  /* Hostile inputs: a poll that does not exist, a notice that does not exist, a folder that
   * does not exist. */
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "electorate", "local.nowhere.2027-05-06",
                        NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_cmpstr (result.err, !=, "");
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "notices", election->slug, "--publish", "7",
                        NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "1, 2 or 3"));
  }
  {
    g_auto(EdTestCliResult) result = { 0, };

    ed_test_cli_run_on (&result, db, "election", "notices", election->slug, "--publish", "3",
                        "-o", missing_dir, NULL);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "not a folder"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/elections/electorate/adds-up", test_adds_up);
  ED_TEST_ADD ("/elections/electorate/overseas-and-eu", test_overseas);
  ED_TEST_ADD ("/elections/electorate/pending-addition", test_pending_addition);
  ED_TEST_ADD ("/elections/electorate/welsh-community-cards", test_welsh_community_cards);
  ED_TEST_ADD ("/elections/electorate/async", test_async);
  ED_TEST_ADD ("/elections/electorate/final-notice-fixes", test_final_notice_fixes);
  ED_TEST_ADD ("/elections/electorate/cli", test_cli);
  return g_test_run ();
}
