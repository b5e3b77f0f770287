/* test-stations-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The stations module's tables agree with their SQL, its vocabularies read back what they
 * write, and each of its validators raises an item for what DOMAIN.md §3 forbids and none
 * once it is put right. */

#include "config.h"

#include "changes/ed-validate.h"
#include "district/ed-context.h"
#include "core/ed-value-error.h"
#include "stations/ed-stations-tables.h"
#include "stations/ed-stations-vocab.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

static const EdTableDef *tables[] = {
  &ed_polling_place_table, &ed_polling_station_table, &ed_station_coverage_table,
  &ed_station_override_table, &ed_place_access_check_table, &ed_place_access_issue_table,
  &ed_district_growth_table, &ed_station_review_table, &ed_review_representation_table,
  &ed_review_proposal_table,
};

/* Each EdTableDef lists its table's columns after the id, in the SQL's order. */
static void
test_tables_match_sql (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  sqlite3 *db = ed_database_get_handle (ed_replica_get_database (ED_REPLICA (context)));

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s') "
                                              "ORDER BY cid", tables[t]->name);
      sqlite3_stmt *stmt = NULL;
      guint c = 0;

      g_test_message ("%s", tables[t]->name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "id");
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_assert_cmpuint (c, <, tables[t]->n_columns);
          g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==,
                           tables[t]->columns[c].name);
          c++;
        }
      g_assert_cmpuint (c, ==, tables[t]->n_columns);
      sqlite3_finalize (stmt);
    }
}

/* Every value reads back as itself; an unknown one is refused with the values expected. */
static void
test_vocab_round_trips (void)
{
  g_autoptr(GError) error = NULL;
  EdBookingState state;
  EdAccessItem item;
  EdAccessAnswer answer;
  EdReviewKind kind;
  EdRepresentationKind from;
  EdProposalAction action;

  for (guint i = 0; i < ED_N_BOOKING_STATES; i++)
    {
      g_assert_true (ed_booking_state_from_string (ed_booking_state_to_string (i), &state, NULL));
      g_assert_cmpuint (state, ==, i);
      g_assert_nonnull (ed_booking_state_get_display_name (i));
    }
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      g_assert_true (ed_access_item_from_string (ed_access_item_to_string (i), &item, NULL));
      g_assert_cmpuint (item, ==, i);
      g_assert_true (g_str_has_suffix (ed_access_item_get_question (i), "?"));
      g_assert_cmpuint (ed_access_item_get_group (i), <, ED_N_ACCESS_GROUPS);
    }
  for (guint i = 0; i < ED_N_ACCESS_ANSWERS; i++)
    {
      g_assert_true (ed_access_answer_from_string (ed_access_answer_to_string (i), &answer,
                                                   NULL));
      g_assert_cmpuint (answer, ==, i);
    }
  for (guint i = 0; i < ED_N_REVIEW_KINDS; i++)
    g_assert_true (ed_review_kind_from_string (ed_review_kind_to_string (i), &kind, NULL));
  for (guint i = 0; i < ED_N_REPRESENTATION_KINDS; i++)
    g_assert_true (ed_representation_kind_from_string (ed_representation_kind_to_string (i),
                                                       &from, NULL));
  for (guint i = 0; i < ED_N_PROPOSAL_ACTIONS; i++)
    g_assert_true (ed_proposal_action_from_string (ed_proposal_action_to_string (i), &action,
                                                   NULL));

  g_assert_false (ed_booking_state_from_string ("booked", &state, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "provisionally_booked"));
  g_assert_nonnull (strstr (error->message, "booked"));
}

/* The SQL's defaults are values of their vocabularies. */
static void
test_defaults_are_values (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  static const struct
  {
    const char *table;
    const char *column;
    gboolean  (*check) (const char *text, GError **error);
  } defaults[] = {
    { "polling_place", "booking_state", NULL },
    { "place_access_check", "answer", NULL },
    { "station_review", "kind", NULL },
    { "review_representation", "kind", NULL },
    { "review_proposal", "action", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT dflt_value FROM pragma_table_info('%s') "
                                              "WHERE name = '%s'",
                                              defaults[i].table, defaults[i].column);
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, &error);
      g_autofree char *value = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      value = g_strndup ((const char *)sqlite3_column_text (stmt, 0) + 1,
                         strlen ((const char *)sqlite3_column_text (stmt, 0)) - 2);
      switch (i)
        {
        case 0: g_assert_true (ed_booking_state_from_string (value, NULL, &error)); break;
        case 1: g_assert_true (ed_access_answer_from_string (value, NULL, &error)); break;
        case 2: g_assert_true (ed_review_kind_from_string (value, NULL, &error)); break;
        case 3: g_assert_true (ed_representation_kind_from_string (value, NULL, &error)); break;
        case 4: g_assert_true (ed_proposal_action_from_string (value, NULL, &error)); break;
        default: g_assert_not_reached ();
        }
      g_assert_no_error (error);
    }
}

static char *
add_row (EdContext          *context,
         const EdTableDef   *table,
         const char * const *columns,
         GVariant          **values,
         guint               n)
{
  return ed_test_register_insert (context, table->name, columns, values, n);
}

static char *
add_place (EdContext  *context,
           const char *name,
           const char *district)
{
  const char *columns[] = { "name", "polling_district" };
  GVariant *values[] = { g_variant_new_string (name), g_variant_new_string (district) };

  return add_row (context, &ed_polling_place_table, columns, values, 2);
}

static char *
add_station (EdContext  *context,
             const char *place,
             const char *code)
{
  const char *columns[] = { "place", "code" };
  GVariant *values[] = { g_variant_new_string (place), g_variant_new_string (code) };

  return add_row (context, &ed_polling_station_table, columns, values, 2);
}

static char *
add_coverage (EdContext  *context,
              const char *station,
              const char *district)
{
  const char *columns[] = { "station", "polling_district" };
  GVariant *values[] = { g_variant_new_string (station), g_variant_new_string (district) };

  return add_row (context, &ed_station_coverage_table, columns, values, 2);
}

/* The number of items @validator raised at the last run, with @row_id the row of each. */
static guint
count_items (EdContext  *context,
             const char *validator,
             const char *row_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n = 0;

  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  g_assert_no_error (error);
  items = ed_validate_list_items (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      EdValidationItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->validator, validator))
        {
          g_test_message ("%s: %s", item->validator, item->message);
          if (row_id != NULL)
            g_assert_cmpstr (item->pk, ==, row_id);
          n++;
        }
    }
  return n;
}

/* DOMAIN.md §3.1: every district has a station (once there are stations at all), station
 * codes are one station's each, a place stands in a district its station serves unless
 * special circumstances are recorded, and a place with open accessibility issues is
 * flagged. */
static void
test_validators (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *ab = ed_test_register_add_district (context, "AB", "Brook");
  g_autofree char *hall = NULL, *school = NULL, *one = NULL, *two = NULL, *issue = NULL;
  g_autofree char *coverage = NULL;

  /* No stations yet: no plan to find fault with. */
  g_assert_cmpuint (count_items (context, "district-without-station", NULL), ==, 0);

  hall = add_place (context, "Abbey Hall", aa);
  school = add_place (context, "Brook School", ab);
  one = add_station (context, hall, "1");
  g_free (add_coverage (context, one, aa));
  g_assert_cmpuint (count_items (context, "district-without-station", ab), ==, 1);

  two = add_station (context, school, "1");
  g_assert_cmpuint (count_items (context, "station-code-unique", NULL), ==, 2);
  ed_test_register_set (context, "polling_station", two, "code", g_variant_new_string ("2"));
  g_assert_cmpuint (count_items (context, "station-code-unique", NULL), ==, 0);

  /* Station 2 serves Abbey from a school in Brook. */
  coverage = add_coverage (context, two, aa);
  g_assert_cmpuint (count_items (context, "district-without-station", ab), ==, 1);
  g_assert_cmpuint (count_items (context, "station-place-outside-district", two), ==, 1);
  ed_test_register_set (context, "polling_place", school, "special_circumstances",
                        g_variant_new_string ("No building in Abbey takes a station."));
  g_assert_cmpuint (count_items (context, "station-place-outside-district", NULL), ==, 0);
  ed_test_register_set (context, "polling_place", school, "special_circumstances",
                        g_variant_new_string (""));
  ed_test_register_set (context, "station_coverage", coverage, "polling_district",
                        g_variant_new_string (ab));
  g_assert_cmpuint (count_items (context, "station-place-outside-district", NULL), ==, 0);
  g_assert_cmpuint (count_items (context, "district-without-station", NULL), ==, 0);

  {
    const char *columns[] = { "place", "item", "description", "raised_on" };
    GVariant *values[] = {
      g_variant_new_string (hall), g_variant_new_string ("door_width"),
      g_variant_new_string ("The hall door is 700 mm wide."),
      g_variant_new_string ("2026-10-01"),
    };

    issue = add_row (context, &ed_place_access_issue_table, columns, values, 4);
  }
  g_assert_cmpuint (count_items (context, "place-open-access-issues", hall), ==, 1);
  ed_test_register_set (context, "place_access_issue", issue, "resolved_on",
                        g_variant_new_string ("2026-11-02"));
  g_assert_cmpuint (count_items (context, "place-open-access-issues", NULL), ==, 0);

  /* A station whose place was deleted on another desk. */
  ed_test_register_set (context, "polling_station", one, "place",
                        g_variant_new_string ("0190a1b2-0000-7000-8000-000000000000"));
  g_assert_cmpuint (count_items (context, "stations-references", one), ==, 1);
}

static char *
add_street_coverage (EdContext  *context,
                     const char *station,
                     const char *district,
                     const char *street)
{
  const char *columns[] = { "station", "polling_district", "street" };
  GVariant *values[] = {
    g_variant_new_string (station), g_variant_new_string (district),
    g_variant_new_string (street),
  };

  return add_row (context, &ed_station_coverage_table, columns, values, 3);
}

/* A district, or a street of one, given to two stations with nothing dividing its electors
 * between them: the rule of the higher code does nothing and is reported; streets that
 * divide the district, or the same station twice, are not. */
static void
test_coverage_ambiguous (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *hall = add_place (context, "Abbey Hall", aa);
  g_autofree char *one = add_station (context, hall, "1");
  g_autofree char *two = add_station (context, hall, "2");
  g_autofree char *whole_one = add_coverage (context, one, aa);
  g_autofree char *elm_two = add_street_coverage (context, two, aa, "Elm Road");
  g_autofree char *whole_two = NULL, *elm_one = NULL, *again = NULL;

  /* A street rule divides the district: no clash. */
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", NULL), ==, 0);
  again = add_coverage (context, one, aa);
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", NULL), ==, 0);

  /* The whole district to both: station 2's rule loses to the lower code. */
  whole_two = add_coverage (context, two, aa);
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", whole_two), ==, 1);
  ed_test_register_set (context, "station_coverage", whole_two, "street",
                        g_variant_new_string ("Oak Lane"));
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", NULL), ==, 0);

  /* One street to both, in another spelling. */
  elm_one = add_street_coverage (context, one, aa, " ELM  road");
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", elm_two), ==, 1);
  ed_test_register_set (context, "station_coverage", elm_one, "station",
                        g_variant_new_string (two));
  g_assert_cmpuint (count_items (context, "station-coverage-ambiguous", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/stations/tables/match-sql", test_tables_match_sql);
  g_test_add_func ("/stations/vocab/round-trips", test_vocab_round_trips);
  ED_TEST_ADD ("/stations/vocab/defaults-are-values", test_defaults_are_values);
  ED_TEST_ADD ("/stations/validators/domain-3-1", test_validators);
  ED_TEST_ADD ("/stations/validators/coverage-ambiguous", test_coverage_ambiguous);

  return g_test_run ();
}
