/* ed-stations-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo district's polling places and stations (DOMAIN.md §3): a place in each polling
 * district, mostly one station each, so that every district is served. So that the polling
 * plan has something to show, two stations each serve two districts and are over the
 * guidance's 2,250 electors (§3.4); one district is divided by street between two stations in
 * one school; some bookings are not yet confirmed; one venue has two steps at its door, its
 * checklist filled in and an accessibility issue open; and one district expects new homes.
 *
 * Places stand among the properties they serve (their centre, read through the register's
 * API), so the distances and the map look like a town's. Every choice follows from the
 * district's position in the list, not from the random stream, so the rest of the demo is
 * the same with or without this part. Names are invented; telephone numbers are in Ofcom's
 * drama range (01632 960xxx). */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "register/ed-register-electorate.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-station-staffing.h"
#include "stations/ed-stations-demo.h"
#include "stations/ed-stations-tables.h"
#include "stations/ed-stations-vocab.h"

static const char *venue_kinds[] = {
  "Community Centre", "Village Hall", "Methodist Church Hall", "Primary School",
  "Scout and Guide Hut", "Memorial Hall", "Library", "Sports Pavilion", "St Michael's Church Hall",
  "Youth Centre", "Baptist Church Schoolroom", "Social Club",
};

static const char *contacts[] = {
  "Pat Merriman", "Sunil Mistry", "Gwen Llewellyn", "Dave Okafor", "Helen Sutcliffe",
  "Tom Achterberg", "Bronwen Evans", "Rafiq Chowdhury", "Janet Pargeter", "Colin Yardley",
};

typedef struct
{
  gint64  easting;
  gint64  northing;
  guint64 properties;
  guint64 in_person;
  const char *street;   /* one of its streets, for the place's address */
} DistrictCentre;

typedef struct
{
  EdContext   *context;
  EdChangeSet *change_set;
  guint        place_index;
} Builder;

static gboolean
insert (Builder           *builder,
        const EdTableDef  *table,
        GVariant         **values,
        char             **out_id,
        GError           **error)
{
  const char **columns = g_newa (const char *, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    columns[c] = table->columns[c].name;
  return ed_change_set_insert (builder->change_set, table->name, NULL, columns,
                               (GVariant * const *)values, table->n_columns, out_id, error);
}

static GVariant *
text (const char *value)
{
  return g_variant_new_string (value);
}

static GVariant *
take_text (char *value)
{
  GVariant *variant = g_variant_new_string (value);

  g_free (value);
  return variant;
}

/* Where the booking stands: most confirmed, a few held, one only wanted. */
static EdBookingState
booking_for (guint index)
{
  if (index % 10 == 8)
    return ED_BOOKING_PROVISIONAL;
  if (index % 6 == 3)
    return ED_BOOKING_PROVISIONALLY_BOOKED;
  return ED_BOOKING_CONFIRMED;
}

static char *
add_place (Builder                           *builder,
           const EdElectoratePollingDistrict *district,
           const DistrictCentre              *centre,
           const char                        *kind,
           GError                           **error)
{
  GVariant *values[ED_POLLING_PLACE_N_COLS];
  guint index = builder->place_index++;
  const char *caretaker = contacts[index % G_N_ELEMENTS (contacts)];
  const char *booker = contacts[(index + 3) % G_N_ELEMENTS (contacts)];
  char *id = NULL;

  values[ED_POLLING_PLACE_COL_NAME] = take_text (g_strdup_printf ("%s %s", district->name, kind));
  values[ED_POLLING_PLACE_COL_ADDRESS] =
    take_text (g_strdup_printf ("%s\n%s", centre->street != NULL ? centre->street : "",
                                district->name));
  /* In the invented ZY area, as the register's addresses are; the inward code's letters are
   * those Royal Mail uses there. */
  values[ED_POLLING_PLACE_COL_POSTCODE] =
    take_text (g_strdup_printf ("ZY%u 9%c%c", 1 + index % 20,
                                "ABDEFGHJLNPQRSTUWXYZ"[index % 20],
                                "ABDEFGHJLNPQRSTUWXYZ"[(index / 20) % 20]));
  values[ED_POLLING_PLACE_COL_UPRN] = g_variant_new_int64 (0);
  /* Set back from the street, as a hall is. */
  values[ED_POLLING_PLACE_COL_EASTING] = g_variant_new_int64 (centre->easting + 25);
  values[ED_POLLING_PLACE_COL_NORTHING] = g_variant_new_int64 (centre->northing + 30);
  values[ED_POLLING_PLACE_COL_POLLING_DISTRICT] = text (district->id);
  values[ED_POLLING_PLACE_COL_SPECIAL_CIRCUMSTANCES] = text ("");
  values[ED_POLLING_PLACE_COL_CARETAKER] =
    take_text (g_strdup_printf ("%s, 01632 960%03u", caretaker, 100 + index % 800));
  values[ED_POLLING_PLACE_COL_KEY_HOLDER] = text (caretaker);
  values[ED_POLLING_PLACE_COL_BOOKING_CONTACT] =
    take_text (g_strdup_printf ("%s (bookings secretary), 01632 960%03u", booker,
                                900 - index % 800));
  values[ED_POLLING_PLACE_COL_PAYEE] =
    take_text (g_strdup_printf ("%s %s Management Committee", district->name, kind));
  /* £80 to £250 for the day, in pence. */
  values[ED_POLLING_PLACE_COL_HIRE_FEE] = g_variant_new_int64 (8000 + (index * 3700) % 17000);
  values[ED_POLLING_PLACE_COL_BOOKING_STATE] =
    text (ed_booking_state_to_string (booking_for (index)));
  values[ED_POLLING_PLACE_COL_POLL_CARD_NOTE] =
    text (index % 5 == 2 ? "Enter by the side door from the car park." : "");
  values[ED_POLLING_PLACE_COL_EMS_ID] = text ("");
  if (!insert (builder, &ed_polling_place_table, values, &id, error))
    return NULL;
  return id;
}

static char *
add_station (Builder     *builder,
             const char  *place,
             const char  *code,
             const char  *room,
             guint64      in_person,
             GError     **error)
{
  GVariant *values[ED_POLLING_STATION_N_COLS];
  EdStationThresholds thresholds;
  EdStationStaffing staffing;
  char *id = NULL;

  /* Staffed as the guidance recommends for its present electorate, capped at the three
   * clerks the guidance goes up to: a station over the maximum is short of staff as well as
   * too big, as it would be in life until it is split. */
  ed_station_thresholds_init_guidance (&thresholds);
  ed_station_recommended_staffing (&thresholds, in_person, &staffing);
  values[ED_POLLING_STATION_COL_PLACE] = text (place);
  values[ED_POLLING_STATION_COL_CODE] = text (code);
  values[ED_POLLING_STATION_COL_NAME] = text (room);
  values[ED_POLLING_STATION_COL_PRESIDING_OFFICERS] =
    g_variant_new_int64 (staffing.presiding_officers);
  values[ED_POLLING_STATION_COL_POLL_CLERKS] = g_variant_new_int64 (MIN (staffing.poll_clerks, 3));
  values[ED_POLLING_STATION_COL_EMS_ID] = text ("");
  if (!insert (builder, &ed_polling_station_table, values, &id, error))
    return NULL;
  return id;
}

static gboolean
add_coverage (Builder     *builder,
              const char  *station,
              const char  *district,
              const char  *street,
              GError     **error)
{
  GVariant *values[ED_STATION_COVERAGE_N_COLS];

  values[ED_STATION_COVERAGE_COL_STATION] = text (station);
  values[ED_STATION_COVERAGE_COL_POLLING_DISTRICT] = text (district);
  values[ED_STATION_COVERAGE_COL_STREET] = text (street);
  return insert (builder, &ed_station_coverage_table, values, NULL, error);
}

/* The venue with steps at its door: every question answered, the entrance's "no" with an
 * issue open and the action agreed. */
static gboolean
add_access_survey (Builder     *builder,
                   const char  *place,
                   const GDate *today,
                   GError     **error)
{
  g_autofree char *raised = NULL;
  GDate date = *today;

  g_date_subtract_days (&date, 40);
  raised = ed_date_format_iso (&date);
  for (EdAccessItem item = 0; item < ED_N_ACCESS_ITEMS; item++)
    {
      GVariant *values[ED_PLACE_ACCESS_CHECK_N_COLS];
      EdAccessAnswer answer = ED_ACCESS_ANSWER_YES;
      const char *note = "";

      if (item == ED_ACCESS_STEP_FREE_ENTRANCE || item == ED_ACCESS_LEVEL_SITE_ENTRANCE)
        {
          answer = ED_ACCESS_ANSWER_NO;
          note = "Two steps up to the main door, 170 mm each; no ramp.";
        }
      else if (item == ED_ACCESS_INTERNAL_LEVEL)
        answer = ED_ACCESS_ANSWER_NOT_APPLICABLE;
      else if (item == ED_ACCESS_PARKING)
        note = "One marked bay beside the entrance.";
      values[ED_PLACE_ACCESS_CHECK_COL_PLACE] = text (place);
      values[ED_PLACE_ACCESS_CHECK_COL_ITEM] = text (ed_access_item_to_string (item));
      values[ED_PLACE_ACCESS_CHECK_COL_ANSWER] = text (ed_access_answer_to_string (answer));
      values[ED_PLACE_ACCESS_CHECK_COL_NOTE] = text (note);
      if (!insert (builder, &ed_place_access_check_table, values, NULL, error))
        return FALSE;
    }
  {
    GVariant *values[ED_PLACE_ACCESS_ISSUE_N_COLS];

    values[ED_PLACE_ACCESS_ISSUE_COL_PLACE] = text (place);
    values[ED_PLACE_ACCESS_ISSUE_COL_ITEM] =
      text (ed_access_item_to_string (ED_ACCESS_STEP_FREE_ENTRANCE));
    values[ED_PLACE_ACCESS_ISSUE_COL_DESCRIPTION] =
      text ("Two steps at the main entrance and no ramp: a wheelchair user cannot get in "
            "unaided.");
    values[ED_PLACE_ACCESS_ISSUE_COL_ACTION] =
      text ("Hire a portable ramp with handrails for polling day; the caretaker to lay it "
            "before 6.30 am. Ask the hall committee about a permanent ramp.");
    values[ED_PLACE_ACCESS_ISSUE_COL_RAISED_ON] = text (raised);
    values[ED_PLACE_ACCESS_ISSUE_COL_RESOLVED_ON] = text ("");
    return insert (builder, &ed_place_access_issue_table, values, NULL, error);
  }
}

static gboolean
add_growth (Builder     *builder,
            const char  *district,
            GError     **error)
{
  GVariant *values[ED_DISTRICT_GROWTH_N_COLS];

  values[ED_DISTRICT_GROWTH_COL_POLLING_DISTRICT] = text (district);
  values[ED_DISTRICT_GROWTH_COL_DWELLINGS] = g_variant_new_int64 (180);
  values[ED_DISTRICT_GROWTH_COL_ELECTORS_PER_DWELLING_X100] = g_variant_new_int64 (0);
  values[ED_DISTRICT_GROWTH_COL_NOTE] =
    text ("Land east of the bypass: outline consent for 180 homes, building from next spring.");
  return insert (builder, &ed_district_growth_table, values, NULL, error);
}

/* Each district's centre, its electorate without postal voters, and its middle street. */
static DistrictCentre *
district_centres (EdElectorate *electorate)
{
  guint n = electorate->polling_districts->len;
  DistrictCentre *centres = g_new0 (DistrictCentre, MAX (n, 1));
  g_autofree gint64 *sum_e = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *sum_n = g_new0 (gint64, MAX (n, 1));
  g_autofree guint64 *located = g_new0 (guint64, MAX (n, 1));

  for (guint i = 0; i < electorate->properties->len; i++)
    {
      const EdElectorateProperty *property = &g_array_index (electorate->properties,
                                                             EdElectorateProperty, i);
      gint32 d = property->polling_district;

      if (d < 0)
        continue;
      centres[d].properties++;
      centres[d].in_person += property->electors - MIN (property->postal, property->electors);
      if (property->easting != 0 || property->northing != 0)
        {
          sum_e[d] += property->easting;
          sum_n[d] += property->northing;
          /* The property nearest the middle of the list is somewhere in the middle. */
          if (located[d]++ == centres[d].properties / 2 || centres[d].street == NULL)
            centres[d].street = property->street;
        }
    }
  for (guint d = 0; d < n; d++)
    {
      const EdElectoratePollingDistrict *district =
        &g_array_index (electorate->polling_districts, EdElectoratePollingDistrict, d);

      centres[d].in_person += district->unaddressed_electors -
                              MIN (district->unaddressed_postal, district->unaddressed_electors);
      if (located[d] > 0)
        {
          centres[d].easting = sum_e[d] / (gint64)located[d];
          centres[d].northing = sum_n[d] / (gint64)located[d];
        }
    }
  return centres;
}

/* The streets of a district in the order the register met them, each once. */
static GPtrArray *
district_streets (EdElectorate *electorate,
                  gint32        d)
{
  GPtrArray *streets = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < electorate->properties->len; i++)
    {
      const EdElectorateProperty *property = &g_array_index (electorate->properties,
                                                             EdElectorateProperty, i);

      if (property->polling_district == d && *property->street != '\0' &&
          g_hash_table_add (seen, (gpointer)property->street))
        g_ptr_array_add (streets, (gpointer)property->street);
    }
  return streets;
}

static gboolean
write_plan (Builder      *builder,
            EdElectorate *electorate,
            const GDate  *today,
            GError      **error)
{
  guint n = electorate->polling_districts->len;
  g_autofree DistrictCentre *centres = district_centres (electorate);
  /* The two districts that share a station with the next, and the one divided by street. */
  gint32 divided = n >= 6 ? 2 : -1;
  gint32 shared_a = n >= 4 ? 0 : -1;
  gint32 shared_b = -1;
  gint32 stepped;
  gint32 growing = n >= 8 ? 5 : -1;

  /* The second pair next door to each other, as the first is: districts of one town. */
  for (gint32 d = 2; n >= 4 && d + 1 < (gint32)n && shared_b < 0; d++)
    {
      gint64 de = centres[d].easting - centres[d + 1].easting;
      gint64 dn = centres[d].northing - centres[d + 1].northing;

      if (d != divided && d + 1 != divided &&
          de * de + dn * dn <= 2000 * 2000)
        shared_b = d;
    }
  stepped = divided >= 0 ? divided : shared_b >= 0 ? shared_b : (gint32)n - 1;

  for (gint32 d = 0; d < (gint32)n; d++)
    {
      const EdElectoratePollingDistrict *district =
        &g_array_index (electorate->polling_districts, EdElectoratePollingDistrict, d);
      gboolean shared = d == shared_a || d == shared_b;
      const char *kind = d == divided ? "Primary School"
                                       : venue_kinds[d % G_N_ELEMENTS (venue_kinds)];
      DistrictCentre centre = centres[d];
      g_autofree char *place = NULL;
      g_autofree char *station = NULL;
      g_autofree char *code = g_strdup_printf ("%s1", district->code);

      if (shared)
        {
          /* Between the two districts, as a hall serving both would be. */
          centre.easting = (centres[d].easting + centres[d + 1].easting) / 2;
          centre.northing = (centres[d].northing + centres[d + 1].northing) / 2;
          centre.in_person += centres[d + 1].in_person;
        }
      place = add_place (builder, district, &centre, kind, error);
      if (place == NULL)
        return FALSE;
      if (d == divided)
        {
          g_autoptr(GPtrArray) streets = district_streets (electorate, d);
          g_autofree char *second = NULL;
          g_autofree char *second_code = g_strdup_printf ("%s2", district->code);

          station = add_station (builder, place, code, "Main hall", centre.in_person / 2,
                                 error);
          second = station != NULL
                     ? add_station (builder, place, second_code, "Infant hall",
                                    centre.in_person / 2, error)
                     : NULL;
          if (second == NULL || !add_coverage (builder, station, district->id, "", error))
            return FALSE;
          /* Every other street votes in the infant hall. */
          for (guint i = 1; i < streets->len; i += 2)
            if (!add_coverage (builder, second, district->id,
                               g_ptr_array_index (streets, i), error))
              return FALSE;
        }
      else
        {
          station = add_station (builder, place, code, "", centre.in_person, error);
          if (station == NULL || !add_coverage (builder, station, district->id, "", error))
            return FALSE;
        }
      if (d == stepped && !add_access_survey (builder, place, today, error))
        return FALSE;
      if (shared)
        {
          const EdElectoratePollingDistrict *next =
            &g_array_index (electorate->polling_districts, EdElectoratePollingDistrict, d + 1);

          if (!add_coverage (builder, station, next->id, "", error))
            return FALSE;
          d++;
        }
    }
  if (growing >= 0 &&
      !add_growth (builder, g_array_index (electorate->polling_districts,
                                           EdElectoratePollingDistrict, growing).id, error))
    return FALSE;
  return TRUE;
}

/**
 * ed_stations_demo:
 * @context: a district being written as the demo, its register already written
 * @rand: the demo's random stream, left as it is
 * @options: its size and date
 * @error: return location for an error
 *
 * The stations module's part of the demo district: places with coordinates among the
 * properties they serve, stations covering every polling district, two of them over the
 * guidance's maximum, and one venue with an accessibility issue open.
 */
gboolean
ed_stations_demo (EdContext            *context,
                  GRand                *rand,
                  const EdDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(EdElectorate) electorate = NULL;
  Builder builder = { context, NULL, 0 };

  electorate = ed_register_electorate_compute (context, error);
  if (electorate == NULL)
    return FALSE;
  if (electorate->polling_districts->len == 0)
    return TRUE;

  builder.change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (builder.change_set == NULL)
    return FALSE;
  if (!write_plan (&builder, electorate, &options->today, error) ||
      !ed_change_set_commit (builder.change_set, error))
    {
      g_clear_object (&builder.change_set);
      return FALSE;
    }
  g_clear_object (&builder.change_set);
  return TRUE;
}
