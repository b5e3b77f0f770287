/* test-poll-card-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check of poll cards (DOMAIN.md §2, §3) on the demo district with a local
 * election on 6 May 2027: the demo as it is, then each planted error the issue names (a
 * property moved to another polling district after the plan, a station whose place was
 * cancelled), an address too long for the envelope window, a proxy with no address, the
 * entries left out and why, the gate the final print goes through, hostile districts, and
 * `pollcards check` as a script runs it. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "ed-modules.h"
#include "elections/ed-election.h"
#include "elections/ed-poll-card-address.h"
#include "elections/ed-poll-card-check.h"
#include "stations/ed-station-list.h"
#include "tests/lib/ed-test-cli.h"
#include "tests/lib/ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

#define LOCAL_ID "local.ashmere-vale.2027-05-06"

/* The demo of 3,000 electors has two polling districts, AA and AB, each with one station
 * (AA1, AB1) in a place of its own. */
#define DEMO_ELECTORS 3000

static const char elector_number_sql[] =
  "SELECT number_prefix || number || "
  "  CASE number_suffix WHEN 0 THEN '' ELSE '/' || number_suffix END "
  "FROM elector WHERE id = ?1";

/* An entry that gets an ordinary card and is at an address of district AA: current, no
 * marker, no absent vote, an adult. */
static const char voter_in_aa_sql[] =
  "SELECT e.id FROM elector AS e JOIN polling_district AS d ON d.id = e.polling_district "
  "WHERE d.code = 'AA' AND e.property != '' AND e.absent_vote = '' AND e.marker = '' "
  "  AND e.status = 'current' AND e.attainer_date = '' AND e.anonymous = 0 "
  "ORDER BY e.number LIMIT 1 OFFSET ?1";

static EdElection *
add_local (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_LOCAL, .country = ED_COUNTRY_ENGLAND };
  g_autofree char *id = NULL;
  EdElection *election;

  /* In place of the demo's own poll, which has uncontested wards and parish polls. */
  ed_test_demo_remove_elections (context);
  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 6, G_DATE_MAY, 2027);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  election = ed_election_load (context, LOCAL_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (election);
  return election;
}

/* The demo's places have an address but no postcode: give each one. */
static void
give_places_postcodes (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = ed_stations_list_places (context, &error);

  g_assert_no_error (error);
  for (guint p = 0; p < places->len; p++)
    {
      EdListedPlace *place = g_ptr_array_index (places, p);
      g_autofree char *postcode = g_strdup_printf ("WX%u 4AB", p + 1);

      ed_test_register_set (context, "polling_place", place->id, "postcode",
                            g_variant_new_string (postcode));
    }
}

/* Takes every place's postcode away. */
static void
take_places_postcodes (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = ed_stations_list_places (context, &error);

  g_assert_no_error (error);
  for (guint p = 0; p < places->len; p++)
    ed_test_register_set (context, "polling_place",
                          ((EdListedPlace *)g_ptr_array_index (places, p))->id, "postcode",
                          g_variant_new_string (""));
}

static EdContext *
open_demo (EdTestDir   *fixture,
           gboolean     with_postcodes,
           EdElection **out_election)
{
  EdContext *context = ed_test_demo_open (fixture, DEMO_ELECTORS);

  if (with_postcodes)
    give_places_postcodes (context);
  *out_election = add_local (context);
  return context;
}

static EdPollCardCheck *
run_check (EdContext  *context,
           EdElection *election)
{
  g_autoptr(GError) error = NULL;
  EdPollCardCheck *check = ed_poll_card_check_run (context, election, NULL, NULL, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_nonnull (check);
  return check;
}

static const EdPollCardCheckItem *
find_item (EdPollCardCheck *check,
           const char      *code,
           const char      *elector_number,
           const char      *station_code)
{
  for (guint i = 0; i < check->items->len; i++)
    {
      const EdPollCardCheckItem *item = g_ptr_array_index (check->items, i);

      if (g_str_equal (item->code, code) &&
          (elector_number == NULL || g_strcmp0 (item->elector_number, elector_number) == 0) &&
          (station_code == NULL || g_strcmp0 (item->station_code, station_code) == 0))
        return item;
    }
  return NULL;
}

static guint
count_items (EdPollCardCheck *check,
             const char      *code)
{
  guint n = 0;

  for (guint i = 0; i < check->items->len; i++)
    n += g_str_equal (((EdPollCardCheckItem *)g_ptr_array_index (check->items, i))->code, code);
  return n;
}

static guint64
total_cards (EdPollCardCheck *check)
{
  guint64 total = 0;

  for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
    total += check->cards[v];
  return total;
}

static guint64
total_left_out (EdPollCardCheck *check)
{
  guint64 total = 0;

  for (guint r = 0; r < ED_N_CARD_LEFT_OUT; r++)
    total += check->left_out[r];
  return total;
}

/* Errors come before warnings, and the figures add up: every entry is a card or left out,
 * and the cards per station are the cards. */
static void
assert_consistent (EdPollCardCheck *check)
{
  guint64 by_station = 0;
  guint errors = 0;

  for (guint i = 0; i < check->items->len; i++)
    {
      const EdPollCardCheckItem *item = g_ptr_array_index (check->items, i);

      g_assert_nonnull (item->message);
      g_assert_cmpstr (item->message, !=, "");
      if (item->severity == ED_CHECK_ERROR)
        {
          g_assert_cmpuint (i, ==, errors);
          errors++;
        }
    }
  g_assert_cmpuint (errors, <=, check->n_errors);
  g_assert_cmpuint (total_cards (check) + total_left_out (check), ==, check->entries);
  for (guint s = 0; s < check->stations->len; s++)
    {
      const EdPollCardCheckStation *station = g_ptr_array_index (check->stations, s);

      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        by_station += station->cards[v];
    }
  g_assert_cmpuint (by_station, ==, total_cards (check));
}

static char *
elector_number (EdContext  *context,
                const char *elector)
{
  char *number = ed_test_register_get (context, elector_number_sql, elector);

  g_assert_nonnull (number);
  return number;
}

static char *
voter_in_aa (EdContext *context,
             guint      offset)
{
  g_autofree char *text = g_strdup_printf ("%u", offset);
  char *id = ed_test_register_get (context, voter_in_aa_sql, text);

  g_assert_nonnull (id);
  return id;
}

static char *
district_id (EdContext  *context,
             const char *code)
{
  char *id = ed_test_register_get (context, "SELECT id FROM polling_district WHERE code = ?1",
                                   code);

  g_assert_nonnull (id);
  return id;
}

static char *
station_id (EdContext  *context,
            const char *code)
{
  char *id = ed_test_register_get (context, "SELECT id FROM polling_station WHERE code = ?1",
                                   code);

  g_assert_nonnull (id);
  return id;
}

/* The demo as it is generated: its cards all have a station of their own district, in a
 * confirmed place with a whole address, and its figures agree with the polling plan. Its
 * places' postcodes taken away, the check finds each, one error per station; given back, it
 * is clean. */
static void
test_clean_demo (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, FALSE, &election);
  g_autoptr(EdPollCardCheck) as_generated = run_check (context, election);
  g_autoptr(EdPollCardCheck) without_postcodes = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;

  assert_consistent (as_generated);
  g_assert_cmpuint (as_generated->n_errors, ==, 0);

  take_places_postcodes (context);
  without_postcodes = run_check (context, election);
  g_assert_cmpuint (without_postcodes->n_errors, ==, 2);
  g_assert_cmpuint (count_items (without_postcodes, "station-address-incomplete"), ==, 2);
  g_assert_nonnull (find_item (without_postcodes, "station-address-incomplete", NULL, "AA1"));
  g_assert_nonnull (find_item (without_postcodes, "station-address-incomplete", NULL, "AB1"));
  g_assert_nonnull (strstr (find_item (without_postcodes, "station-address-incomplete", NULL,
                                       "AA1")->message, "postcode"));

  give_places_postcodes (context);
  check = run_check (context, election);
  assert_consistent (check);
  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_cmpuint (check->n_warnings, ==, 0);
  g_assert_cmpuint (check->items->len, ==, 0);
  g_assert_cmpuint (check->entries, ==, DEMO_ELECTORS);
  g_assert_cmpuint (total_cards (check), >, DEMO_ELECTORS * 9 / 10);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_ORDINARY], >, 0);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_POSTAL], >, 0);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_PROXY], >, 0);

  /* Both stations, each with as many cards and entries left out as the plan has electors. */
  g_assert_cmpuint (check->stations->len, ==, 2);
  for (guint s = 0; s < check->stations->len; s++)
    {
      const EdPollCardCheckStation *station = g_ptr_array_index (check->stations, s);
      guint64 cards = 0;

      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        cards += station->cards[v];
      g_assert_cmpstr (station->code, ==, s == 0 ? "AA1" : "AB1");
      g_assert_cmpuint (station->plan_electors, >, 0);
      g_assert_cmpuint (cards + station->left_out, ==, station->plan_electors);
    }
  /* The demo's overseas electors have no vote at a local poll; its attainers under 18 on
   * polling day none yet. */
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_FRANCHISE], >, 0);
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_UNDER_AGE], >, 0);
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_NO_CONTEST], ==, 0);
}

/* Planted error 1: a property moved to district AB after the plan, its entries left in AA's
 * part of the register. The roll still sends the electors to AA1 through AA's rules; the
 * plan sends the address to AB1; AA1 does not serve AB. */
static void
test_property_moved (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *elector = voter_in_aa (context, 0);
  g_autofree char *number = elector_number (context, elector);
  g_autofree char *property = ed_test_register_get (context,
                                                    "SELECT property FROM elector WHERE id = ?1",
                                                    elector);
  g_autofree char *ab = district_id (context, "AB");
  g_autofree char *numbers_sql = NULL;
  g_autofree char *numbers = NULL;
  g_auto(GStrv) at_property = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autoptr(EdPollCardCheck) gated = NULL;
  g_autoptr(GError) error = NULL;
  const EdPollCardCheckItem *item;

  ed_test_register_set (context, "property", property, "polling_district",
                        g_variant_new_string (ab));
  check = run_check (context, election);
  assert_consistent (check);

  item = find_item (check, "entry-district-differs", number, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_ERROR);
  g_assert_nonnull (strstr (item->message, number));
  g_assert_nonnull (strstr (item->message, "AB"));
  item = find_item (check, "station-differs-from-plan", number, "AA1");
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->message, "AB1"));
  item = find_item (check, "station-outside-district", number, "AA1");
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_ERROR);

  /* Every finding names an elector at the moved address. */
  numbers_sql = g_strdup_printf ("SELECT group_concat (n, ' ') FROM (%s)",
                                 "SELECT number_prefix || number || CASE number_suffix WHEN 0 "
                                 "THEN '' ELSE '/' || number_suffix END AS n FROM elector "
                                 "WHERE property = ?1");
  numbers = ed_test_register_get (context, numbers_sql, property);
  at_property = g_strsplit (numbers, " ", -1);
  for (guint i = 0; i < check->items->len; i++)
    {
      const EdPollCardCheckItem *found = g_ptr_array_index (check->items, i);

      if (found->severity != ED_CHECK_ERROR)
        continue;
      g_assert_true (g_strv_contains ((const char * const *)at_property,
                                      found->elector_number));
    }
  g_assert_cmpuint (check->n_errors, ==, 3 * count_items (check, "station-outside-district"));

  /* The counts per station disagree with the plan too, as warnings. */
  g_assert_nonnull (find_item (check, "station-count-differs", NULL, "AA1"));
  g_assert_nonnull (find_item (check, "station-count-differs", NULL, "AB1"));

  /* And the final print is refused. */
  g_assert_false (ed_poll_card_check_gate (context, election, NULL, NULL, &gated, &error));
  g_assert_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS);
  g_assert_nonnull (gated);
  g_assert_cmpuint (gated->n_errors, ==, check->n_errors);

  /* So is `pollcards print`, and it writes nothing. */
  g_clear_object (&context);
  {
    g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
    g_autofree char *pdf = ed_test_dir_file (fixture, "cards.pdf");
    g_auto(EdTestCliResult) print = { 0 };

    ed_test_cli_run_on (&print, path, "pollcards", "print", LOCAL_ID, "-o", pdf, NULL);
    g_assert_cmpint (print.status, ==, 1);
    g_assert_nonnull (strstr (print.err, "pre-print check found"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
}

/* The move done in full, entries and all, but an override still sends the address to its
 * old district's station: the roll and the plan agree, and only what the station serves
 * shows it. */
static void
test_override_left_behind (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *elector = voter_in_aa (context, 0);
  g_autofree char *number = elector_number (context, elector);
  g_autofree char *property = ed_test_register_get (context,
                                                    "SELECT property FROM elector WHERE id = ?1",
                                                    elector);
  g_autofree char *ab = district_id (context, "AB");
  g_autofree char *aa1 = station_id (context, "AA1");
  g_autofree char *override = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  const char *columns[] = { "property", "station" };
  GVariant *values[] = { g_variant_new_string (property), g_variant_new_string (aa1) };

  ed_test_register_set (context, "property", property, "polling_district",
                        g_variant_new_string (ab));
  ed_test_elector_set (context, elector, "polling_district", g_variant_new_string (ab));
  override = ed_test_register_insert (context, "station_override", columns, values, 2);
  check = run_check (context, election);
  assert_consistent (check);

  g_assert_nonnull (find_item (check, "station-outside-district", number, "AA1"));
  g_assert_null (find_item (check, "station-differs-from-plan", number, NULL));
  g_assert_null (find_item (check, "entry-district-differs", number, NULL));
}

/* Two properties swap districts after the plan: one of a postal voter from AA to AB, one of
 * an elector voting in person from AB to AA. Each station keeps as many electors in the plan
 * as it has cards and entries left out, but not as many postal voters: AA1 has one more than
 * the plan, AB1 one fewer. */
static void
test_postal_count (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *aa = district_id (context, "AA");
  g_autofree char *ab = district_id (context, "AB");
  /* Addresses with one elector on the register, so the swap moves one each way. */
  g_autofree char *postal_property =
    ed_test_register_get (context,
                          "SELECT e.property FROM elector AS e "
                          "WHERE e.polling_district = ?1 AND e.property != '' "
                          "  AND e.absent_vote = 'postal' "
                          "  AND (e.absent_vote_ends = '' OR e.absent_vote_ends > '2027-05-06') "
                          "  AND e.marker = '' AND e.attainer_date = '' "
                          "  AND (SELECT count(*) FROM elector AS o "
                          "       WHERE o.property = e.property) = 1 "
                          "ORDER BY e.number LIMIT 1", aa);
  g_autofree char *in_person_property =
    ed_test_register_get (context,
                          "SELECT e.property FROM elector AS e "
                          "WHERE e.polling_district = ?1 AND e.property != '' "
                          "  AND e.absent_vote = '' AND e.marker = '' AND e.attainer_date = '' "
                          "  AND (SELECT count(*) FROM elector AS o "
                          "       WHERE o.property = e.property) = 1 "
                          "ORDER BY e.number LIMIT 1", ab);
  g_autoptr(EdPollCardCheck) check = NULL;

  g_assert_nonnull (postal_property);
  g_assert_nonnull (in_person_property);
  ed_test_register_set (context, "property", postal_property, "polling_district",
                        g_variant_new_string (ab));
  ed_test_register_set (context, "property", in_person_property, "polling_district",
                        g_variant_new_string (aa));
  check = run_check (context, election);
  assert_consistent (check);
  g_assert_null (find_item (check, "station-count-differs", NULL, NULL));
  g_assert_nonnull (find_item (check, "station-postal-count-differs", NULL, "AA1"));
  g_assert_nonnull (find_item (check, "station-postal-count-differs", NULL, "AB1"));
  g_assert_cmpuint (count_items (check, "entry-district-differs"), ==, 2);
}

/* Planted error 2: the place of station AB1 cancelled. */
static void
test_place_cancelled (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *place = ed_test_register_get (context,
                                                 "SELECT place FROM polling_station "
                                                 "WHERE code = ?1", "AB1");
  g_autoptr(EdPollCardCheck) check = NULL;
  const EdPollCardCheckItem *item;

  ed_test_register_set (context, "polling_place", place, "booking_state",
                        g_variant_new_string ("cancelled"));
  check = run_check (context, election);
  assert_consistent (check);
  g_assert_cmpuint (check->n_errors, ==, 1);
  item = find_item (check, "place-cancelled", NULL, "AB1");
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_ERROR);
  g_assert_null (item->elector_number);

  /* A place only provisionally booked is a warning. */
  ed_test_register_set (context, "polling_place", place, "booking_state",
                        g_variant_new_string ("provisional"));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, election);
  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_nonnull (find_item (check, "place-not-confirmed", NULL, "AB1"));
}

/* The gate the final print goes through: it refuses errors without a reason (a reason of
 * spaces is none), and lets a person print over them with one. */
static void
test_gate (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *place = ed_test_register_get (context,
                                                 "SELECT place FROM polling_station "
                                                 "WHERE code = ?1", "AA1");
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_poll_card_check_gate (context, election, NULL, NULL, &check, &error));
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_cmpuint (check->n_errors, ==, 0);
  g_clear_pointer (&check, ed_poll_card_check_free);

  ed_test_register_set (context, "polling_place", place, "booking_state",
                        g_variant_new_string ("cancelled"));
  g_assert_false (ed_poll_card_check_gate (context, election, NULL, NULL, &check, &error));
  g_assert_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS);
  g_assert_nonnull (strstr (error->message, "found 1 error,"));
  g_assert_nonnull (strstr (error->message, "pollcards check " LOCAL_ID));
  g_assert_nonnull (strstr (error->message, "giving a reason"));
  g_assert_cmpuint (check->n_errors, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&check, ed_poll_card_check_free);

  g_assert_false (ed_poll_card_check_gate (context, election, " \t ", NULL, NULL, &error));
  g_assert_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS);
  g_clear_error (&error);

  g_assert_true (ed_poll_card_check_gate (context, election,
                                          "The hall is booked again by telephone; the booking "
                                          "is being confirmed in writing", NULL, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check->n_errors, ==, 1);
}

/* An address longer than the envelope window takes, and the window's limits themselves. */
static void
test_address_too_long (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *elector = voter_in_aa (context, 0);
  g_autofree char *number = elector_number (context, elector);
  g_autofree char *property = ed_test_register_get (context,
                                                    "SELECT property FROM elector WHERE id = ?1",
                                                    elector);
  g_autoptr(EdPollCardCheck) check = NULL;
  const EdPollCardCheckItem *item;

  /* The street is also what the station rules read: the demo's rule is for the whole
   * district, so the address keeps its station. */
  ed_test_register_set (context, "property", property, "street",
                        g_variant_new_string ("Old Coaching Inn Yard Lane North Extension"));
  check = run_check (context, election);
  assert_consistent (check);
  item = find_item (check, "address-too-long", number, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_ERROR);
  g_assert_nonnull (strstr (item->message, number));
  g_assert_cmpuint (check->n_errors, ==, count_items (check, "address-too-long"));
}

static void
test_window_limits (void)
{
  EdRegisterVoter voter = {
    .title = "", .forenames = "Siân", .surname = "Llewelyn-Ŵyn", .property = "12",
    .street = "Heol y Dŵr", .locality = "", .town = "Wexcombe", .postcode = "WX1 4AB",
    .proxy_name = "", .proxy_address = "", .marker = "", .absent_vote_ends = "",
  };
  g_auto(GStrv) lines = ed_poll_card_addressee_lines (&voter, ED_POLL_CARD_ORDINARY);
  g_auto(GStrv) proxy_lines = NULL;
  const char *six[] = { "1", "2", "3", "4", "5", "6", NULL };
  const char *seven[] = { "1", "2", "3", "4", "5", "6", "7", NULL };
  g_autofree char *forty = g_strnfill (ED_POLL_CARD_WINDOW_LINE_CHARS, 'x');
  g_autofree char *forty_one = g_strnfill (ED_POLL_CARD_WINDOW_LINE_CHARS + 1, 'x');
  g_autoptr(GString) forty_welsh = g_string_new (NULL);
  const char *long_line[2] = { NULL, NULL };
  guint longest = 0;

  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Siân Llewelyn-Ŵyn");
  g_assert_cmpstr (lines[1], ==, "12 Heol y Dŵr");
  g_assert_cmpstr (lines[3], ==, "WX1 4AB");
  g_assert_true (ed_poll_card_addressee_fits ((const char * const *)lines, &longest));
  g_assert_cmpuint (longest, ==, 17);

  g_assert_true (ed_poll_card_addressee_fits (six, NULL));
  g_assert_false (ed_poll_card_addressee_fits (seven, NULL));
  long_line[0] = forty;
  g_assert_true (ed_poll_card_addressee_fits (long_line, NULL));
  long_line[0] = forty_one;
  g_assert_false (ed_poll_card_addressee_fits (long_line, &longest));
  g_assert_cmpuint (longest, ==, 41);
  /* Characters, not bytes: forty Welsh circumflexes fit. */
  for (guint i = 0; i < ED_POLL_CARD_WINDOW_LINE_CHARS; i++)
    g_string_append (forty_welsh, "ŵ");
  long_line[0] = forty_welsh->str;
  g_assert_true (ed_poll_card_addressee_fits (long_line, NULL));

  /* A proxy card goes to the proxy, a line for each part of the proxy's address. */
  voter.proxy_name = "Rhian Pugh";
  voter.proxy_address = "4 Chapel Row,\nBrackenford, BR2 7QT";
  proxy_lines = ed_poll_card_addressee_lines (&voter, ED_POLL_CARD_PROXY);
  g_assert_cmpuint (g_strv_length (proxy_lines), ==, 4);
  g_assert_cmpstr (proxy_lines[0], ==, "Rhian Pugh");
  g_assert_cmpstr (proxy_lines[1], ==, "4 Chapel Row");
  g_assert_cmpstr (proxy_lines[2], ==, "Brackenford");
  g_assert_cmpstr (proxy_lines[3], ==, "BR2 7QT");
}

/* A proxy recorded with no address for the proxy, or no name. */
static void
test_proxy_incomplete (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *first = voter_in_aa (context, 0);
  g_autofree char *second = voter_in_aa (context, 1);
  g_autofree char *first_number = elector_number (context, first);
  g_autofree char *second_number = elector_number (context, second);
  g_autoptr(EdPollCardCheck) before = run_check (context, election);
  g_autoptr(EdPollCardCheck) check = NULL;

  ed_test_elector_set (context, first, "absent_vote", g_variant_new_string ("proxy"));
  ed_test_elector_set (context, first, "proxy_name", g_variant_new_string ("Rhian Pugh"));
  ed_test_elector_set (context, first, "proxy_address", g_variant_new_string (" "));
  ed_test_elector_set (context, second, "absent_vote", g_variant_new_string ("postal_proxy"));
  ed_test_elector_set (context, second, "proxy_name", g_variant_new_string (""));
  ed_test_elector_set (context, second, "proxy_address",
                       g_variant_new_string ("4 Chapel Row, Brackenford"));
  check = run_check (context, election);
  assert_consistent (check);

  g_assert_nonnull (find_item (check, "proxy-without-address", first_number, NULL));
  g_assert_null (find_item (check, "proxy-without-name", first_number, NULL));
  g_assert_nonnull (find_item (check, "proxy-without-name", second_number, NULL));
  g_assert_null (find_item (check, "proxy-without-address", second_number, NULL));
  g_assert_cmpuint (check->n_errors, ==, 2);
  g_assert_cmpuint (check->n_warnings, ==, 0);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_PROXY], ==, before->cards[ED_POLL_CARD_PROXY] + 1);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_PROXY_POSTAL], ==,
                    before->cards[ED_POLL_CARD_PROXY_POSTAL] + 1);
  g_assert_cmpuint (check->cards[ED_POLL_CARD_ORDINARY], ==,
                    before->cards[ED_POLL_CARD_ORDINARY] - 2);

  /* A proxy whose end is not a date: the card assumes it has not ended, and says so. */
  ed_test_elector_set (context, first, "proxy_address",
                       g_variant_new_string ("4 Chapel Row, Brackenford"));
  ed_test_elector_set (context, first, "absent_vote_ends", g_variant_new_string ("next May"));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, election);
  g_assert_nonnull (find_item (check, "absent-vote-end-unreadable", first_number, NULL));
  g_assert_null (find_item (check, "proxy-without-address", first_number, NULL));
  g_assert_cmpuint (check->cards[ED_POLL_CARD_PROXY], ==, before->cards[ED_POLL_CARD_PROXY] + 1);

  /* One that ended before polling day: the elector votes in person again. */
  ed_test_elector_set (context, first, "absent_vote_ends", g_variant_new_string ("2027-04-30"));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, election);
  g_assert_null (find_item (check, "absent-vote-end-unreadable", first_number, NULL));
  g_assert_cmpuint (check->cards[ED_POLL_CARD_PROXY], ==, before->cards[ED_POLL_CARD_PROXY]);
}

/* Who is left out and why: an overseas elector at a local poll, a pending addition, an
 * attainer who is 18 the day after polling day; not one who is 18 on polling day itself, nor
 * a pending deletion, who is in the register until its notice (DOMAIN.md §1.4). */
static void
test_left_out (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *overseas = voter_in_aa (context, 0);
  g_autofree char *pending = voter_in_aa (context, 1);
  g_autofree char *attainer = voter_in_aa (context, 2);
  g_autofree char *just_18 = voter_in_aa (context, 3);
  g_autofree char *leaving = voter_in_aa (context, 4);
  g_autofree char *leaving_number = elector_number (context, leaving);
  g_autoptr(EdPollCardCheck) before = run_check (context, election);
  g_autoptr(EdPollCardCheck) check = NULL;
  const EdPollCardCheckItem *item;

  ed_test_elector_set (context, overseas, "marker", g_variant_new_string ("F"));
  ed_test_elector_set (context, pending, "status", g_variant_new_string ("pending_addition"));
  ed_test_elector_set (context, attainer, "date_of_birth", g_variant_new_string ("2009-05-07"));
  ed_test_elector_set (context, attainer, "attainer_date", g_variant_new_string ("2027-05-07"));
  ed_test_elector_set (context, just_18, "date_of_birth", g_variant_new_string ("2009-05-06"));
  ed_test_elector_set (context, just_18, "attainer_date", g_variant_new_string ("2027-05-06"));
  ed_test_elector_set (context, leaving, "status", g_variant_new_string ("pending_deletion"));
  check = run_check (context, election);
  assert_consistent (check);

  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_FRANCHISE], ==,
                    before->left_out[ED_CARD_LEFT_OUT_FRANCHISE] + 1);
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_NOT_YET_REGISTERED], ==,
                    before->left_out[ED_CARD_LEFT_OUT_NOT_YET_REGISTERED] + 1);
  g_assert_cmpuint (check->left_out[ED_CARD_LEFT_OUT_UNDER_AGE], ==,
                    before->left_out[ED_CARD_LEFT_OUT_UNDER_AGE] + 1);
  g_assert_cmpuint (total_cards (check), ==, total_cards (before) - 3);
  g_assert_cmpstr (ed_card_left_out_to_string (ED_CARD_LEFT_OUT_UNDER_AGE), ==, "under-age");

  /* The pending deletion keeps its card, with a warning to hold it back if its notice comes
   * first. */
  item = find_item (check, "pending-deletion", leaving_number, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_WARNING);
}

/* At a UK Parliamentary poll the overseas electors vote (DOMAIN.md §1.2), but the register
 * holds no address for them: one warning for them all. An entry whose address has gone from
 * the register is an error of its own. */
static void
test_other_electors (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdElection) local = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &local);
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_UK_PARLIAMENTARY_GENERAL,
                            .country = ED_COUNTRY_ENGLAND };
  g_autofree char *id = NULL;
  g_autoptr(EdElection) general = NULL;
  g_autoptr(EdPollCardCheck) local_check = run_check (context, local);
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autofree char *overseas = ed_test_register_get (context,
                                                    "SELECT count(*) FROM elector "
                                                    "WHERE marker = 'F' AND property = ''",
                                                    NULL);
  g_autofree char *elector = voter_in_aa (context, 0);
  g_autofree char *number = elector_number (context, elector);
  g_autofree char *expected = NULL;
  const EdPollCardCheckItem *item;

  g_assert_null (find_item (local_check, "no-address", NULL, NULL));
  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 6, G_DATE_MAY, 2027);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  general = ed_election_load (context, id, &error);
  g_assert_no_error (error);

  check = run_check (context, general);
  assert_consistent (check);
  g_assert_cmpuint (check->n_errors, ==, 0);
  g_assert_cmpint (g_ascii_strtoll (overseas, NULL, 10), >, 0);
  item = find_item (check, "no-address", NULL, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_WARNING);
  expected = g_strdup_printf ("%s cards go to electors", overseas);
  g_assert_nonnull (strstr (item->message, expected));

  ed_test_elector_set (context, elector, "property", g_variant_new_string ("no-such-property"));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, local);
  g_assert_nonnull (find_item (check, "address-not-found", number, NULL));
  g_assert_cmpint (find_item (check, "address-not-found", number, NULL)->severity, ==,
                   ED_CHECK_ERROR);
}

/* Two entries for one person at one address, and two entries with one number. */
static void
test_duplicates (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *first = voter_in_aa (context, 0);
  g_autofree char *first_number = elector_number (context, first);
  g_autofree char *district = ed_test_register_get (context,
                                                    "SELECT polling_district FROM elector "
                                                    "WHERE id = ?1", first);
  g_autofree char *property = ed_test_register_get (context,
                                                    "SELECT property FROM elector WHERE id = ?1",
                                                    first);
  g_autofree char *forenames = ed_test_register_get (context,
                                                     "SELECT forenames FROM elector "
                                                     "WHERE id = ?1", first);
  g_autofree char *surname = ed_test_register_get (context,
                                                   "SELECT surname FROM elector WHERE id = ?1",
                                                   first);
  g_autofree char *number = ed_test_register_get (context,
                                                  "SELECT number FROM elector WHERE id = ?1",
                                                  first);
  g_autofree char *suffix = ed_test_register_get (context,
                                                  "SELECT number_suffix FROM elector "
                                                  "WHERE id = ?1", first);
  g_autofree char *twin = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  const EdPollCardCheckItem *item;

  /* The same person entered again under a number of its own. */
  twin = ed_test_register_add_elector (context, district, property, "AA", 9001, 0, surname,
                                       forenames, "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (context, first, "date_of_birth", g_variant_new_string ("1970-03-14"));
  ed_test_elector_set (context, twin, "date_of_birth", g_variant_new_string ("1970-03-14"));
  check = run_check (context, election);
  assert_consistent (check);
  item = find_item (check, "possible-duplicate-entry", NULL, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_WARNING);
  g_assert_nonnull (strstr (item->message, "AA9001"));
  g_assert_nonnull (strstr (item->message, first_number));
  g_assert_cmpuint (check->n_errors, ==, 0);

  /* A namesake born on another day is another person. */
  ed_test_elector_set (context, twin, "date_of_birth", g_variant_new_string ("1998-03-14"));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, election);
  g_assert_null (find_item (check, "possible-duplicate-entry", NULL, NULL));

  /* Then given the first entry's number. */
  ed_test_elector_set (context, twin, "number",
                       g_variant_new_int64 (g_ascii_strtoll (number, NULL, 10)));
  ed_test_elector_set (context, twin, "number_suffix",
                       g_variant_new_int64 (g_ascii_strtoll (suffix, NULL, 10)));
  g_clear_pointer (&check, ed_poll_card_check_free);
  check = run_check (context, election);
  item = find_item (check, "duplicate-elector-number", first_number, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->severity, ==, ED_CHECK_ERROR);
  g_assert_cmpuint (check->n_errors, ==, 1);
}

/* Hostile: a district whose stations are all gone. Each polling district is one finding, not
 * one per elector, and the cards show under no station. */
static void
test_no_stations (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = ed_stations_list_places (context, &error);
  g_autoptr(EdPollCardCheck) check = NULL;
  const EdPollCardCheckStation *none;

  g_assert_no_error (error);
  for (guint p = 0; p < places->len; p++)
    {
      EdListedPlace *place = g_ptr_array_index (places, p);

      for (guint s = 0; s < place->stations->len; s++)
        {
          EdListedStation *station = g_ptr_array_index (place->stations, s);
          g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context),
                                                                   &error);

          g_assert_no_error (error);
          g_assert_true (ed_change_set_delete (change_set, "polling_station", station->id,
                                               &error));
          g_assert_true (ed_change_set_commit (change_set, &error));
          g_assert_no_error (error);
        }
    }
  check = run_check (context, election);
  assert_consistent (check);
  g_assert_cmpuint (count_items (check, "no-station"), ==, 2);
  g_assert_cmpuint (check->n_errors, ==, 2);
  g_assert_nonnull (strstr (find_item (check, "no-station", NULL, NULL)->message, "AA"));
  g_assert_cmpuint (check->stations->len, ==, 1);
  none = g_ptr_array_index (check->stations, 0);
  g_assert_cmpstr (none->code, ==, "");
  g_assert_cmpuint (none->cards[ED_POLL_CARD_ORDINARY], ==, check->cards[ED_POLL_CARD_ORDINARY]);
}

/* Hostile: a station whose place row is gone. The plan still knows the station, the places
 * table does not know its building. */
static void
test_place_gone (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *place = ed_test_register_get (context,
                                                 "SELECT place FROM polling_station "
                                                 "WHERE code = ?1", "AB1");
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autoptr(GError) error = NULL;

  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_delete (change_set, "polling_place", place, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  check = run_check (context, election);
  assert_consistent (check);
  g_assert_nonnull (find_item (check, "station-without-place", NULL, "AB1"));
  g_assert_null (find_item (check, "no-station", NULL, NULL));
  g_assert_cmpuint (check->n_errors, ==, 1);
}

/* Many findings of one kind are listed to a limit and summed up in one item beyond it, but
 * all are counted. */
static void
test_many_findings (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *ab = district_id (context, "AB");
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdPollCardCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  guint error_items = 0;

  /* Sixty entries' addresses of AA move to AB, the entries left behind: more findings of
   * each kind than are listed. */
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *elector = voter_in_aa (context, i);
      g_autofree char *property = ed_test_register_get (context,
                                                        "SELECT property FROM elector "
                                                        "WHERE id = ?1", elector);

      g_assert_true (ed_change_set_set (change_set, "property", property, "polling_district",
                                        g_variant_new_string (ab), &error));
      g_assert_no_error (error);
    }
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  check = run_check (context, election);
  /* The listed ones, then one that sums up the rest. */
  g_assert_cmpuint (count_items (check, "entry-district-differs"), ==,
                    ED_POLL_CARD_CHECK_MAX_LISTED + 1);
  for (guint i = 0; i < check->items->len; i++)
    error_items += ((EdPollCardCheckItem *)g_ptr_array_index (check->items, i))->severity ==
                   ED_CHECK_ERROR;
  g_assert_cmpuint (check->n_errors, >=, 3 * 60);
  g_assert_cmpuint (error_items, ==, 3 * (ED_POLL_CARD_CHECK_MAX_LISTED + 1));
}

/* pollcards check as a script runs it: the report, its exit status, the JSON. */
static void
test_cli (EdTestDir     *fixture,
          gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdContext) context = open_demo (fixture, TRUE, &election);
  g_autofree char *place = ed_test_register_get (context,
                                                 "SELECT place FROM polling_station "
                                                 "WHERE code = ?1", "AB1");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *items;
  JsonArray *stations;

  g_clear_object (&context);
  {
    g_auto(EdTestCliResult) clean = { 0 };

    ed_test_cli_run_on (&clean, path, "pollcards", "check", LOCAL_ID, NULL);
    g_assert_cmpint (clean.status, ==, 0);
    g_assert_cmpstr (clean.err, ==, "");
    g_assert_nonnull (strstr (clean.out, "0 errors"));
    g_assert_nonnull (strstr (clean.out, "AA1"));
    g_assert_nonnull (strstr (clean.out, "Left out"));
  }

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  ed_test_register_set (context, "polling_place", place, "booking_state",
                        g_variant_new_string ("cancelled"));
  ed_test_register_set (context, "polling_place", place, "postcode",
                        g_variant_new_string ("NOT A POSTCODE"));
  g_clear_object (&context);
  {
    g_auto(EdTestCliResult) found = { 0 };
    const char *errors_at, *warnings_at, *table_at, *left_at;

    ed_test_cli_run_on (&found, path, "pollcards", "check", LOCAL_ID, NULL);
    g_assert_cmpint (found.status, ==, 1);
    g_assert_nonnull (strstr (found.err, "2 errors"));
    g_assert_nonnull (strstr (found.out, "[place-cancelled]"));
    g_assert_nonnull (strstr (found.out, "[station-postcode-invalid]"));
    errors_at = strstr (found.out, "[place-cancelled]");
    warnings_at = strstr (found.out, "Warnings");
    table_at = strstr (found.out, "AB1 ");
    left_at = strstr (found.out, "\nLeft out:");
    g_assert_null (warnings_at);
    g_assert_nonnull (table_at);
    g_assert_true (errors_at < table_at && table_at < left_at);
  }
  {
    g_auto(EdTestCliResult) json = { 0 };

    ed_test_cli_run_on (&json, path, "pollcards", "check", LOCAL_ID, "--json", NULL);
    g_assert_cmpint (json.status, ==, 1);
    g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "election"), ==, LOCAL_ID);
    g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (root, "entries"), ==, DEMO_ELECTORS);
    items = json_object_get_array_member (root, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        g_assert_cmpstr (json_object_get_string_member (item, "severity"), ==, "error");
        g_assert_cmpstr (json_object_get_string_member (item, "station"), ==, "AB1");
      }
    stations = json_object_get_array_member (root, "stations");
    g_assert_cmpuint (json_array_get_length (stations), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (stations, 1),
                                                 "plan_electors"), >, 0);
    g_assert_true (json_object_has_member (json_object_get_object_member (root, "left_out"),
                                           "franchise"));
    g_assert_cmpint (json_object_get_int_member (root, "cards_total") +
                     json_object_get_int_member (root, "left_out_total"), ==, DEMO_ELECTORS);
  }
  {
    g_auto(EdTestCliResult) unknown = { 0 };
    g_auto(EdTestCliResult) missing = { 0 };
    g_auto(EdTestCliResult) extra = { 0 };

    ed_test_cli_run_on (&unknown, path, "pollcards", "check", "no-such-election", NULL);
    g_assert_cmpint (unknown.status, ==, 1);
    g_assert_cmpstr (unknown.out, ==, "");
    g_assert_cmpuint (ed_test_cli_count_lines (unknown.err), ==, 1);
    ed_test_cli_run_on (&missing, path, "pollcards", "check", NULL);
    g_assert_cmpint (missing.status, ==, 2);
    ed_test_cli_run_on (&extra, path, "pollcards", "check", LOCAL_ID, "again", NULL);
    g_assert_cmpint (extra.status, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elections/poll-card-check/window-limits", test_window_limits);
  ED_TEST_ADD ("/elections/poll-card-check/clean-demo", test_clean_demo);
  ED_TEST_ADD ("/elections/poll-card-check/property-moved", test_property_moved);
  ED_TEST_ADD ("/elections/poll-card-check/override-left-behind", test_override_left_behind);
  ED_TEST_ADD ("/elections/poll-card-check/postal-count", test_postal_count);
  ED_TEST_ADD ("/elections/poll-card-check/place-cancelled", test_place_cancelled);
  ED_TEST_ADD ("/elections/poll-card-check/gate", test_gate);
  ED_TEST_ADD ("/elections/poll-card-check/address-too-long", test_address_too_long);
  ED_TEST_ADD ("/elections/poll-card-check/proxy-incomplete", test_proxy_incomplete);
  ED_TEST_ADD ("/elections/poll-card-check/left-out", test_left_out);
  ED_TEST_ADD ("/elections/poll-card-check/other-electors", test_other_electors);
  ED_TEST_ADD ("/elections/poll-card-check/duplicates", test_duplicates);
  ED_TEST_ADD ("/elections/poll-card-check/no-stations", test_no_stations);
  ED_TEST_ADD ("/elections/poll-card-check/place-gone", test_place_gone);
  ED_TEST_ADD ("/elections/poll-card-check/many-findings", test_many_findings);
  ED_TEST_ADD ("/elections/poll-card-check/cli", test_cli);

  return g_test_run ();
}
