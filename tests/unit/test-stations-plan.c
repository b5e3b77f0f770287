/* test-stations-plan.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling plan (DOMAIN.md §3): the staffing rule of §3.4, which station each property
 * votes at, the electorate with postal voters excluded, the five-year projection, the
 * distances and the warnings, and splitting a station by street. Each on a small district
 * built row by row, so every figure is known. */

#include "config.h"

#include "changes/ed-change-set.h"
#include "changes/ed-validate.h"
#include "core/ed-value-error.h"
#include "district/ed-context.h"
#include "register/ed-register-electorate.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-station-plan.h"
#include "stations/ed-station-split.h"
#include "stations/ed-station-staffing.h"
#include "stations/ed-stations-tables.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

/* DOMAIN.md §3.4: a presiding officer and two poll clerks to 1,250 electors, postal voters
 * excluded; three clerks to 2,250; more than 2,250 is over the maximum. */
static void
test_staffing_guidance (void)
{
  EdStationThresholds guidance;
  EdStationStaffing staffing;
  EdStationStaffing short_of = { 1, 2 };

  ed_station_thresholds_init_guidance (&guidance);
  g_assert_cmpuint (guidance.two_clerks_electors, ==, 1250);
  g_assert_cmpuint (guidance.maximum_electors, ==, 2250);

  ed_station_recommended_staffing (&guidance, 0, &staffing);
  g_assert_cmpuint (staffing.presiding_officers, ==, 1);
  g_assert_cmpuint (staffing.poll_clerks, ==, 2);
  ed_station_recommended_staffing (&guidance, 1250, &staffing);
  g_assert_cmpuint (staffing.poll_clerks, ==, 2);
  ed_station_recommended_staffing (&guidance, 1251, &staffing);
  g_assert_cmpuint (staffing.presiding_officers, ==, 1);
  g_assert_cmpuint (staffing.poll_clerks, ==, 3);
  ed_station_recommended_staffing (&guidance, 2250, &staffing);
  g_assert_cmpuint (staffing.poll_clerks, ==, 3);
  g_assert_false (ed_station_is_over_maximum (&guidance, 2250));
  g_assert_true (ed_station_is_over_maximum (&guidance, 2251));

  /* Past the maximum, a clerk for each further 1,000 or part (the desk's extrapolation). */
  ed_station_recommended_staffing (&guidance, 2251, &staffing);
  g_assert_cmpuint (staffing.poll_clerks, ==, 4);
  ed_station_recommended_staffing (&guidance, 3250, &staffing);
  g_assert_cmpuint (staffing.poll_clerks, ==, 4);
  ed_station_recommended_staffing (&guidance, 3251, &staffing);
  g_assert_cmpuint (staffing.poll_clerks, ==, 5);
  g_assert_true (ed_station_staffing_is_short (&short_of, &staffing));
  g_assert_false (ed_station_staffing_is_short (&staffing, &staffing));

  /* A district's own thresholds, as the Elector8 default of 1,700 would be (§3.4). */
  {
    EdStationThresholds own = { 1000, 1700 };

    ed_station_recommended_staffing (&own, 1001, &staffing);
    g_assert_cmpuint (staffing.poll_clerks, ==, 3);
    g_assert_true (ed_station_is_over_maximum (&own, 1701));
  }
}

static void
test_street_key (void)
{
  g_autofree char *a = ed_station_street_key ("  Elm   road ");
  g_autofree char *b = ed_station_street_key ("ELM ROAD");
  g_autofree char *c = ed_station_street_key ("Elm Rd");
  g_autofree char *empty = ed_station_street_key ("   ");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (empty, ==, "");
}

/* A small district: polling districts AA and AB; places and stations added by each test. */
typedef struct
{
  EdContext *context;
  char      *aa;
  char      *ab;
} District;

static void
district_clear (District *district)
{
  g_clear_object (&district->context);
  g_free (district->aa);
  g_free (district->ab);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (District, district_clear)

static char *
add_row (EdContext         *context,
         const EdTableDef  *table,
         const char        *first_column,
         ...)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  va_list args;

  va_start (args, first_column);
  for (const char *column = first_column; column != NULL; column = va_arg (args, const char *))
    {
      g_ptr_array_add (columns, (gpointer)column);
      g_ptr_array_add (values, va_arg (args, GVariant *));
    }
  va_end (args);
  return ed_test_register_insert (context, table->name, (const char * const *)columns->pdata,
                                  (GVariant **)values->pdata, columns->len);
}

static char *
add_place (EdContext  *context,
           const char *name,
           const char *district,
           gint64      easting,
           gint64      northing,
           const char *booking)
{
  return add_row (context, &ed_polling_place_table,
                  "name", g_variant_new_string (name),
                  "polling_district", g_variant_new_string (district),
                  "easting", g_variant_new_int64 (easting),
                  "northing", g_variant_new_int64 (northing),
                  "booking_state", g_variant_new_string (booking), NULL);
}

static char *
add_station (EdContext  *context,
             const char *place,
             const char *code,
             gint64      clerks)
{
  return add_row (context, &ed_polling_station_table,
                  "place", g_variant_new_string (place),
                  "code", g_variant_new_string (code),
                  "presiding_officers", g_variant_new_int64 (1),
                  "poll_clerks", g_variant_new_int64 (clerks), NULL);
}

static char *
add_coverage (EdContext  *context,
              const char *station,
              const char *district,
              const char *street)
{
  return add_row (context, &ed_station_coverage_table,
                  "station", g_variant_new_string (station),
                  "polling_district", g_variant_new_string (district),
                  "street", g_variant_new_string (street), NULL);
}

static guint elector_number = 1;

/* A property at (@easting, @northing) with @in_person electors voting in person and
 * @postal by post. */
static char *
add_home (District   *district,
          const char *polling_district,
          const char *number,
          const char *street,
          gint64      easting,
          gint64      northing,
          guint       in_person,
          guint       postal)
{
  char *property = ed_test_register_add_property (district->context, polling_district, number,
                                                  street);

  ed_test_register_set (district->context, "property", property, "easting",
                        g_variant_new_int64 (easting));
  ed_test_register_set (district->context, "property", property, "northing",
                        g_variant_new_int64 (northing));
  for (guint i = 0; i < in_person + postal; i++)
    {
      g_autofree char *elector =
        ed_test_register_add_elector (district->context, polling_district, property,
                                      polling_district == district->aa ? "AA" : "AB",
                                      elector_number++, 0, "Ashdown", "Kim", "current",
                                      ED_TEST_ELECTOR_NONE);

      if (i >= in_person)
        ed_test_elector_set (district->context, elector, "absent_vote",
                             g_variant_new_string (i % 2 ? "postal" : "postal_proxy"));
    }
  return property;
}

static void
district_open (District  *district,
               EdTestDir *fixture)
{
  district->context = ed_test_register_open (fixture, "england");
  district->aa = ed_test_register_add_district (district->context, "AA", "Abbey");
  district->ab = ed_test_register_add_district (district->context, "AB", "Brook");
}

static EdStationPlan *
compute (District *district)
{
  g_autoptr(GError) error = NULL;
  EdStationPlan *plan = ed_station_plan_compute (district->context, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static EdPlanStation *
station_of (EdStationPlan *plan,
            const char    *code)
{
  EdPlanStation *station = ed_station_plan_lookup_code (plan, code);

  g_assert_nonnull (station);
  return station;
}

static gint
property_index (EdStationPlan *plan,
                const char    *property)
{
  for (guint i = 0; i < plan->electorate->properties->len; i++)
    if (g_str_equal (g_array_index (plan->electorate->properties, EdElectorateProperty,
                                    i).id, property))
      return (gint)i;
  g_assert_not_reached ();
}

static const char *
station_code_of_property (EdStationPlan *plan,
                          const char    *property)
{
  const EdPlanProperty *planned = &g_array_index (plan->properties, EdPlanProperty,
                                                  property_index (plan, property));

  if (planned->station < 0)
    return NULL;
  return ((EdPlanStation *)g_ptr_array_index (plan->stations, planned->station))->code;
}

/* Who is counted: entries on the register and pending deletions, not pending additions; a
 * postal vote and a postal proxy are postal, a proxy voting in person is not. */
static void
test_electorate_counts (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdElectorate) electorate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *proxy = NULL, *leaving = NULL, *arriving = NULL, *overseas = NULL;
  const EdElectorateProperty *counts = NULL;

  district_open (&district, fixture);
  home = add_home (&district, district.aa, "1", "Elm Road", 0, 0, 2, 2);
  proxy = ed_test_register_add_elector (district.context, district.aa, home, "AA", 90, 0,
                                        "Brereton", "Sam", "current", ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (district.context, proxy, "absent_vote", g_variant_new_string ("proxy"));
  leaving = ed_test_register_add_elector (district.context, district.aa, home, "AA", 91, 0,
                                          "Clegg", "Jo", "pending_deletion",
                                          ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (district.context, leaving, "absent_vote", g_variant_new_string ("postal"));
  arriving = ed_test_register_add_elector (district.context, district.aa, home, "AA", 92, 0,
                                           "Dunmore", "Al", "pending_addition",
                                           ED_TEST_ELECTOR_NONE);
  ed_test_elector_set (district.context, arriving, "absent_vote",
                       g_variant_new_string ("postal"));
  overseas = ed_test_register_add_elector (district.context, district.ab, "", "AB", 1, 0,
                                           "Evans", "Ceri", "current", ED_TEST_ELECTOR_OTHER);
  ed_test_elector_set (district.context, overseas, "absent_vote",
                       g_variant_new_string ("postal"));

  electorate = ed_register_electorate_compute (district.context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (electorate->polling_districts->len, ==, 2);
  for (guint i = 0; i < electorate->properties->len; i++)
    if (g_str_equal (g_array_index (electorate->properties, EdElectorateProperty, i).id, home))
      counts = &g_array_index (electorate->properties, EdElectorateProperty, i);
  g_assert_nonnull (counts);
  /* 2 in person, 2 postal, the proxy, the pending deletion (postal); not the addition. */
  g_assert_cmpuint (counts->electors, ==, 6);
  g_assert_cmpuint (counts->postal, ==, 3);
  g_assert_cmpstr (counts->street, ==, "Elm Road");
  g_assert_cmpint (counts->polling_district, ==,
                   ed_electorate_find_polling_district (electorate, district.aa));
  {
    const EdElectoratePollingDistrict *ab =
      &g_array_index (electorate->polling_districts, EdElectoratePollingDistrict,
                      ed_electorate_find_polling_district (electorate, district.ab));

    g_assert_cmpstr (ab->code, ==, "AB");
    g_assert_cmpuint (ab->unaddressed_electors, ==, 1);
    g_assert_cmpuint (ab->unaddressed_postal, ==, 1);
  }
  g_assert_cmpint (electorate->electors, ==, 7);
  g_assert_cmpint (electorate->postal, ==, 4);
}

/* A property whose id sorts before those made earlier (one synced in from another desk whose
 * clock was behind): its electors are still counted at it. */
static void
test_electorate_out_of_order (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdElectorate) electorate = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) error = NULL;
  const char *early = "00000000-0000-7000-8000-000000000001";
  const char *columns[] = { "polling_district", "street" };
  GVariant *values[2];
  gint index;

  district_open (&district, fixture);
  g_free (add_home (&district, district.aa, "1", "Elm Road", 0, 0, 2, 0));
  change_set = ed_change_set_begin (ED_REPLICA (district.context), &error);
  values[0] = g_variant_new_string (district.aa);
  values[1] = g_variant_new_string ("Oak Lane");
  g_assert_true (ed_change_set_insert (change_set, "property", early, columns, values, 2, NULL,
                                       &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  g_free (ed_test_register_add_elector (district.context, district.aa, early, "AA", 50, 0,
                                        "Hepworth", "Nia", "current", ED_TEST_ELECTOR_NONE));
  g_free (add_home (&district, district.aa, "3", "Elm Road", 0, 0, 1, 1));

  electorate = ed_register_electorate_compute (district.context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (electorate->properties->len, ==, 3);
  index = ed_electorate_find_property (electorate, early);
  g_assert_cmpint (index, ==, 0);
  g_assert_cmpuint (g_array_index (electorate->properties, EdElectorateProperty, 0).electors,
                    ==, 1);
  g_assert_cmpstr (g_array_index (electorate->properties, EdElectorateProperty, 0).street, ==,
                   "Oak Lane");
  g_assert_cmpint (electorate->electors, ==, 5);
  g_assert_cmpint (electorate->postal, ==, 1);
  g_assert_cmpint (ed_electorate_find_property (electorate, "no-such-id"), ==, -1);
}

/* An override wins over a street rule, a street rule over its district's; two rules of one
 * kind go to the lowest code; electors with no address go to the whole-district station. */
static void
test_assignment_rules (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autofree char *hall = NULL, *school = NULL;
  g_autofree char *one = NULL, *two = NULL, *three = NULL;
  g_autofree char *elm = NULL, *oak = NULL, *oak2 = NULL, *brook = NULL, *lone = NULL;
  g_autofree char *overseas = NULL;

  district_open (&district, fixture);
  elm = add_home (&district, district.aa, "1", "Elm Road", 100, 100, 2, 1);
  oak = add_home (&district, district.aa, "2", "Oak Lane", 100, 200, 1, 0);
  oak2 = add_home (&district, district.aa, "4", "Oak Lane", 100, 210, 3, 0);
  brook = add_home (&district, district.ab, "7", "Brook Street", 900, 900, 1, 1);
  lone = add_home (&district, district.ab, "9", "Brook Street", 920, 900, 1, 0);
  overseas = ed_test_register_add_elector (district.context, district.aa, "", "AA", 99, 0,
                                           "Forsyth", "Lee", "current", ED_TEST_ELECTOR_OTHER);

  hall = add_place (district.context, "Abbey Hall", district.aa, 100, 150, "confirmed");
  school = add_place (district.context, "Brook School", district.ab, 900, 950, "confirmed");
  one = add_station (district.context, hall, "1", 2);
  two = add_station (district.context, hall, "2", 2);
  three = add_station (district.context, school, "3", 2);
  g_free (add_coverage (district.context, one, district.aa, ""));
  /* A street rule in another spelling still covers the street. */
  g_free (add_coverage (district.context, two, district.aa, "  oak  LANE"));
  g_free (add_coverage (district.context, three, district.ab, ""));
  /* A tie: station 3 is given AA as well; 1 is the lower code. */
  g_free (add_coverage (district.context, three, district.aa, ""));
  g_free (add_row (district.context, &ed_station_override_table,
                   "property", g_variant_new_string (lone),
                   "station", g_variant_new_string (one), NULL));

  plan = compute (&district);
  g_assert_cmpuint (plan->stations->len, ==, 3);
  g_assert_cmpstr (station_code_of_property (plan, elm), ==, "1");
  g_assert_cmpstr (station_code_of_property (plan, oak), ==, "2");
  g_assert_cmpstr (station_code_of_property (plan, oak2), ==, "2");
  g_assert_cmpstr (station_code_of_property (plan, brook), ==, "3");
  g_assert_cmpstr (station_code_of_property (plan, lone), ==, "1");
  g_assert_true (g_array_index (plan->properties, EdPlanProperty,
                                property_index (plan, lone)).by_override);

  /* Station 1: Elm Road (3, one postal), the override (1), the overseas elector (1). */
  g_assert_cmpuint (station_of (plan, "1")->electors, ==, 5);
  g_assert_cmpuint (station_of (plan, "1")->postal, ==, 1);
  g_assert_cmpuint (station_of (plan, "1")->in_person, ==, 4);
  g_assert_cmpuint (station_of (plan, "1")->properties, ==, 2);
  g_assert_cmpuint (station_of (plan, "2")->in_person, ==, 4);
  g_assert_cmpuint (station_of (plan, "3")->electors, ==, 2);
  g_assert_cmpuint (station_of (plan, "3")->in_person, ==, 1);
  g_assert_cmpuint (plan->without_station, ==, 0);
  g_assert_cmpuint (plan->electors_without_station, ==, 0);
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))->electors, ==, 8);

  /* Station 3's whole-district rule for AA does nothing, and the validator says so. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) items = NULL;
    guint ambiguous = 0;

    g_assert_true (ed_validate_run (ED_REPLICA (district.context), &error));
    items = ed_validate_list_items (ED_REPLICA (district.context), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      if (g_str_equal (((EdValidationItem *)g_ptr_array_index (items, i))->validator,
                       "station-coverage-ambiguous"))
        ambiguous++;
    g_assert_cmpuint (ambiguous, ==, 1);
  }
}

/* Straight lines from each property to its station's place; a property is flagged when
 * another station's place is strictly nearer, and counted in its district. */
static void
test_distances (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autofree char *hall = NULL, *school = NULL, *one = NULL, *two = NULL;
  g_autofree char *near = NULL, *far = NULL, *equal = NULL, *unknown = NULL;
  const EdPlanProperty *planned;

  district_open (&district, fixture);
  hall = add_place (district.context, "Abbey Hall", district.aa, 1000, 1000, "confirmed");
  school = add_place (district.context, "Brook School", district.ab, 4000, 1000, "confirmed");
  one = add_station (district.context, hall, "1", 2);
  two = add_station (district.context, school, "2", 2);
  g_free (add_coverage (district.context, one, district.aa, ""));
  g_free (add_coverage (district.context, two, district.ab, ""));
  near = add_home (&district, district.aa, "1", "Elm Road", 1300, 1400, 1, 0);
  /* In Abbey, but 1,000 m from the school and 2,000 m from the hall. */
  far = add_home (&district, district.aa, "2", "Elm Road", 3000, 1000, 1, 0);
  /* Halfway: not strictly nearer. */
  equal = add_home (&district, district.aa, "3", "Elm Road", 2500, 1000, 1, 0);
  unknown = add_home (&district, district.aa, "4", "Elm Road", 0, 0, 1, 0);

  plan = compute (&district);
  planned = &g_array_index (plan->properties, EdPlanProperty, property_index (plan, near));
  g_assert_cmpuint (planned->distance_metres, ==, 500);
  g_assert_false (planned->nearer_elsewhere);
  planned = &g_array_index (plan->properties, EdPlanProperty, property_index (plan, far));
  g_assert_cmpuint (planned->distance_metres, ==, 2000);
  g_assert_true (planned->nearer_elsewhere);
  planned = &g_array_index (plan->properties, EdPlanProperty, property_index (plan, equal));
  g_assert_false (planned->nearer_elsewhere);
  planned = &g_array_index (plan->properties, EdPlanProperty, property_index (plan, unknown));
  g_assert_cmpuint (planned->distance_metres, ==, ED_PLAN_DISTANCE_UNKNOWN);

  g_assert_cmpuint (station_of (plan, "1")->nearer_elsewhere, ==, 1);
  g_assert_cmpuint (station_of (plan, "1")->furthest_metres, ==, 2000);
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))->nearer_elsewhere,
                    ==, 1);
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))
                      ->without_coordinates, ==, 1);
}

/* Five years of new homes: 100 dwellings at the district's present 2 electors a home, its
 * postal share taken off and shared between its two stations as they share it now. */
static void
test_projection (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autofree char *hall = NULL, *one = NULL, *two = NULL, *growth = NULL;

  district_open (&district, fixture);
  /* AA: 4 homes of 2, a quarter postal; Elm Road 3 homes, Oak Lane 1. */
  g_free (add_home (&district, district.aa, "1", "Elm Road", 10, 10, 2, 0));
  g_free (add_home (&district, district.aa, "2", "Elm Road", 10, 20, 1, 1));
  g_free (add_home (&district, district.aa, "3", "Elm Road", 10, 30, 1, 1));
  g_free (add_home (&district, district.aa, "4", "Oak Lane", 10, 40, 2, 0));
  hall = add_place (district.context, "Abbey Hall", district.aa, 10, 10, "confirmed");
  one = add_station (district.context, hall, "1", 2);
  two = add_station (district.context, hall, "2", 2);
  g_free (add_coverage (district.context, one, district.aa, ""));
  g_free (add_coverage (district.context, two, district.aa, "Oak Lane"));
  growth = add_row (district.context, &ed_district_growth_table,
                    "polling_district", g_variant_new_string (district.aa),
                    "dwellings", g_variant_new_int64 (100), NULL);

  plan = compute (&district);
  /* 200 new electors, 150 in person: 4/6 of them to station 1, 2/6 to station 2. */
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))->new_dwellings,
                    ==, 100);
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))
                      ->projected_electors, ==, 208);
  g_assert_cmpuint (station_of (plan, "1")->in_person, ==, 4);
  g_assert_cmpuint (station_of (plan, "1")->projected_in_person, ==, 104);
  g_assert_cmpuint (station_of (plan, "2")->projected_in_person, ==, 52);

  /* A figure of its own: 1.5 electors a home. */
  ed_test_register_set (district.context, "district_growth", growth,
                        "electors_per_dwelling_x100", g_variant_new_int64 (150));
  g_clear_pointer (&plan, ed_station_plan_free);
  plan = compute (&district);
  g_assert_cmpuint (((EdPlanDistrict *)g_ptr_array_index (plan->districts, 0))
                      ->projected_electors, ==, 158);
}

/* Warnings: over the maximum (the district's own setting), too few staff, a booking not
 * confirmed or cancelled, open accessibility issues, a station that serves no one. */
static void
test_warnings (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hall = NULL, *school = NULL, *one = NULL, *two = NULL, *three = NULL;
  EdDistrictSettings *settings;

  district_open (&district, fixture);
  settings = ed_context_get_settings (district.context);
  /* A small district sets small thresholds, so six electors make a big station. */
  g_assert_true (ed_district_settings_set (settings, "station-two-clerks-electors", "3",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_set (settings, "station-maximum-electors", "5", &error));
  g_assert_no_error (error);
  g_free (add_home (&district, district.aa, "1", "Elm Road", 10, 10, 6, 2));
  g_free (add_home (&district, district.ab, "1", "Brook Street", 10, 10, 2, 0));
  hall = add_place (district.context, "Abbey Hall", district.aa, 10, 10, "provisional");
  school = add_place (district.context, "Brook School", district.ab, 10, 10, "cancelled");
  one = add_station (district.context, hall, "1", 2);
  two = add_station (district.context, school, "2", 2);
  three = add_station (district.context, school, "3", 2);
  g_free (add_coverage (district.context, one, district.aa, ""));
  g_free (add_coverage (district.context, two, district.ab, ""));
  g_free (add_row (district.context, &ed_place_access_issue_table,
                   "place", g_variant_new_string (school),
                   "description", g_variant_new_string ("No handrail on the ramp."), NULL));

  plan = compute (&district);
  g_assert_cmpuint (plan->thresholds.maximum_electors, ==, 5);
  g_assert_cmpuint (station_of (plan, "1")->in_person, ==, 6);
  g_assert_cmpuint (station_of (plan, "1")->warnings, ==,
                    ED_STATION_WARNING_OVER_MAXIMUM | ED_STATION_WARNING_STAFF_SHORT |
                    ED_STATION_WARNING_BOOKING_NOT_CONFIRMED);
  g_assert_cmpuint (station_of (plan, "1")->recommended.poll_clerks, ==, 4);
  g_assert_cmpuint (station_of (plan, "2")->warnings, ==,
                    ED_STATION_WARNING_BOOKING_CANCELLED | ED_STATION_WARNING_ACCESS_ISSUES);
  g_assert_cmpuint (station_of (plan, "3")->warnings, ==,
                    ED_STATION_WARNING_BOOKING_CANCELLED | ED_STATION_WARNING_ACCESS_ISSUES |
                    ED_STATION_WARNING_SERVES_NO_ONE);
  for (guint bit = 0; bit < ED_STATION_N_WARNINGS; bit++)
    {
      g_assert_nonnull (ed_station_warning_to_string (1u << bit));
      g_assert_nonnull (ed_station_warning_get_display_name (1u << bit));
    }
}

/* Splitting a station by street: the preview gives both halves; applying it writes a new
 * station in the same place with the streets, and the plan agrees with the preview. */
static void
test_split (EdTestDir     *fixture,
            gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(EdStationPlan) after = NULL;
  g_autoptr(GPtrArray) streets = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(EdStationSplitPreview) preview = { 0 };
  g_autofree char *hall = NULL, *one = NULL, *new_id = NULL;
  const char *oak[] = { "oak lane", NULL };
  const char *typo[] = { "Oak Lan", NULL };
  const char *all[] = { "Oak Lane", "Elm Road", "Ash Way", NULL };
  EdPlanStation *split;

  district_open (&district, fixture);
  /* A tenth of the guidance's thresholds, so a tenth of the electors make the same case. */
  g_assert_true (ed_district_settings_set (ed_context_get_settings (district.context),
                                           "station-two-clerks-electors", "125", &error));
  g_assert_true (ed_district_settings_set (ed_context_get_settings (district.context),
                                           "station-maximum-electors", "225", &error));
  g_assert_no_error (error);
  g_free (add_home (&district, district.aa, "1", "Elm Road", 10, 10, 70, 10));
  g_free (add_home (&district, district.aa, "1", "Oak Lane", 10, 20, 90, 5));
  g_free (add_home (&district, district.aa, "1", "Ash Way", 10, 30, 80, 0));
  hall = add_place (district.context, "Abbey Hall", district.aa, 10, 10, "confirmed");
  one = add_station (district.context, hall, "S07", 3);
  g_free (add_coverage (district.context, one, district.aa, ""));

  plan = compute (&district);
  g_assert_cmpuint (station_of (plan, "S07")->in_person, ==, 240);
  g_assert_true (station_of (plan, "S07")->warnings & ED_STATION_WARNING_OVER_MAXIMUM);
  streets = ed_station_plan_list_streets (plan, one);
  g_assert_cmpuint (streets->len, ==, 3);
  g_assert_cmpstr (((EdPlanStreet *)g_ptr_array_index (streets, 0))->street, ==, "Ash Way");
  g_assert_cmpuint (((EdPlanStreet *)g_ptr_array_index (streets, 2))->in_person, ==, 90);

  g_assert_false (ed_station_split_preview (plan, one, typo, &preview, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Oak Lan"));
  g_clear_error (&error);
  g_assert_false (ed_station_split_preview (plan, one, all, &preview, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ed_station_split_preview (plan, one, oak, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.moving.in_person, ==, 90);
  g_assert_cmpuint (preview.moving.electors, ==, 95);
  g_assert_cmpuint (preview.moving.recommended.poll_clerks, ==, 2);
  g_assert_false (preview.moving.over_maximum);
  g_assert_cmpuint (preview.staying.in_person, ==, 150);
  g_assert_cmpuint (preview.staying.recommended.poll_clerks, ==, 3);
  g_assert_false (preview.staying.over_maximum);
  g_assert_cmpuint (preview.streets->len, ==, 1);

  /* The next number after the highest S code, keeping its width. */
  {
    g_autofree char *next = ed_station_next_free_code (plan, "S07");

    g_assert_cmpstr (next, ==, "S08");
  }
  g_assert_false (ed_station_split_apply (district.context, one, oak, "S07", NULL, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ed_station_split_apply (district.context, one, oak, NULL, &new_id, &error));
  g_assert_no_error (error);

  after = compute (&district);
  g_assert_cmpuint (after->stations->len, ==, 2);
  split = station_of (after, "S08");
  g_assert_cmpstr (split->id, ==, new_id);
  g_assert_cmpstr (split->place, ==, hall);
  g_assert_cmpuint (split->in_person, ==, preview.moving.in_person);
  g_assert_cmpuint (split->electors, ==, preview.moving.electors);
  g_assert_cmpuint (split->staffing.poll_clerks, ==, 2);
  g_assert_cmpuint (split->coverage->len, ==, 1);
  g_assert_cmpstr (((EdPlanCoverage *)g_ptr_array_index (split->coverage, 0))->street, ==,
                   "Oak Lane");
  g_assert_cmpuint (station_of (after, "S07")->in_person, ==, preview.staying.in_person);
  g_assert_false (station_of (after, "S07")->warnings & ED_STATION_WARNING_OVER_MAXIMUM);

  /* A second split leaves no tie between rules; one that would take every street a station
   * has is refused. */
  {
    const char *elm[] = { "Elm Road", NULL };
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(EdStationPlan) third = NULL;

    g_assert_true (ed_station_split_apply (district.context, one, elm, "S20", NULL, &error));
    g_assert_no_error (error);
    g_assert_false (ed_station_split_apply (district.context, new_id, oak, NULL, NULL,
                                            &error));
    g_clear_error (&error);
    third = compute (&district);
    g_assert_cmpuint (station_of (third, "S20")->in_person, ==, 70);
    g_assert_cmpuint (station_of (third, "S07")->in_person, ==, 80);
    g_assert_true (ed_validate_run (ED_REPLICA (district.context), &error));
    items = ed_validate_list_items (ED_REPLICA (district.context), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpstr (((EdValidationItem *)g_ptr_array_index (items, i))->validator, !=,
                       "station-coverage-ambiguous");
  }
}

static void
plan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* The page's way: in a worker thread on its own connection, the same plan. */
static void
test_compute_async (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_auto(District) district = { 0 };
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hall = NULL, *one = NULL;
  GAsyncResult *result = NULL;
  EdJob *job;

  district_open (&district, fixture);
  g_free (add_home (&district, district.aa, "1", "Elm Road", 10, 10, 3, 1));
  hall = add_place (district.context, "Abbey Hall", district.aa, 10, 10, "confirmed");
  one = add_station (district.context, hall, "1", 2);
  g_free (add_coverage (district.context, one, district.aa, ""));

  job = ed_station_plan_compute_async (district.context, NULL, plan_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  plan = ed_station_plan_compute_finish (job, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_cmpuint (station_of (plan, "1")->electors, ==, 4);
  g_assert_cmpuint (station_of (plan, "1")->in_person, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stations/staffing/domain-3-4", test_staffing_guidance);
  g_test_add_func ("/stations/assignment/street-key", test_street_key);
  ED_TEST_ADD ("/stations/electorate/who-counts", test_electorate_counts);
  ED_TEST_ADD ("/stations/electorate/out-of-order", test_electorate_out_of_order);
  ED_TEST_ADD ("/stations/assignment/rules", test_assignment_rules);
  ED_TEST_ADD ("/stations/plan/distances", test_distances);
  ED_TEST_ADD ("/stations/plan/projection", test_projection);
  ED_TEST_ADD ("/stations/plan/warnings", test_warnings);
  ED_TEST_ADD ("/stations/split/preview-and-apply", test_split);
  ED_TEST_ADD ("/stations/plan/compute-async", test_compute_async);

  return g_test_run ();
}
