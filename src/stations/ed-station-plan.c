/* ed-station-plan.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling plan (DOMAIN.md §3): each property given its station by the district's rules,
 * each station's electorate with postal voters excluded judged against the district's
 * thresholds (§3.4), five years of expected new homes shared out, and each property's
 * straight-line distance to its station's place, flagged where another station's place is
 * nearer.
 *
 * The register is read only through its API (ed_register_electorate_compute ()); the plan of
 * a million electors is made in well under a second (tests/bench/bench-stations-plan.c), so
 * the page and the maps recompute it whenever the district changes rather than keep it. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/ed-database.h"
#include "district/ed-district-settings.h"
#include "register/ed-register-order.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-station-plan.h"

static const char stations_sql[] =
  "SELECT id, place, code, name, presiding_officers, poll_clerks FROM polling_station "
  "ORDER BY code, id";
static const char places_sql[] =
  "SELECT p.id, p.name, p.easting, p.northing, p.booking_state, "
  "  (SELECT count(*) FROM place_access_issue AS i "
  "   WHERE i.place = p.id AND i.resolved_on = '') "
  "FROM polling_place AS p";
static const char coverage_sql[] =
  "SELECT station, polling_district, street FROM station_coverage";
static const char growth_sql[] =
  "SELECT polling_district, dwellings, electors_per_dwelling_x100 FROM district_growth";

/* Grid squares of the place index, in metres: a town's stations are a kilometre or two
 * apart, so a property's own station's circle spans a few squares. Places spread over a
 * wider area than MAX_SQUARES of them would cover get larger squares. */
#define GRID_METRES 1000
#define MAX_SQUARES (1 << 20)

typedef struct
{
  char           *name;
  gint32          easting;
  gint32          northing;
  EdBookingState  booking_state;
  guint           open_issues;
} Place;

static void
place_free (Place *place)
{
  g_free (place->name);
  g_free (place);
}

static void
coverage_free (EdPlanCoverage *coverage)
{
  g_free (coverage->polling_district);
  g_free (coverage->polling_district_code);
  g_free (coverage->street);
  g_free (coverage);
}

static void
station_free (EdPlanStation *station)
{
  g_free (station->id);
  g_free (station->code);
  g_free (station->name);
  g_free (station->place);
  g_free (station->place_name);
  g_clear_pointer (&station->coverage, g_ptr_array_unref);
  g_free (station);
}

/* A (polling district, street) pair, the street by its interned pointer. */
typedef struct
{
  gint32      district;
  const char *street;
} StreetKey;

typedef struct
{
  StreetKey key;
  gint32    station;
} StreetRule;

static guint
street_key_hash (gconstpointer data)
{
  const StreetKey *key = data;

  return g_direct_hash (key->street) ^ ((guint)key->district * 2654435761u);
}

static gboolean
street_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const StreetKey *x = a;
  const StreetKey *y = b;

  return x->district == y->district && x->street == y->street;
}

typedef struct
{
  EdContext           *context;
  EdDatabase          *database;
  EdStationPlan       *plan;
  EdStationAssignment *assignment;
  GHashTable          *station_index;   /* id → index + 1 */
  GHashTable          *district_index;  /* id → index + 1 */
  GHashTable          *places;          /* id → Place */
  GHashTable          *street_rules;    /* StreetKey → StreetRule, itself */
  guint32             *in_person;       /* [station × n_districts + district] */
  guint64             *occupied;        /* per district: properties with electors */
  double              *added;           /* per district: electors expected in five years */
} Builder;

static gint32
station_index (Builder    *builder,
               const char *id)
{
  gpointer found = id != NULL ? g_hash_table_lookup (builder->station_index, id) : NULL;

  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

static gint32
district_index (Builder    *builder,
                const char *id)
{
  gpointer found = g_hash_table_lookup (builder->district_index, id);

  return found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
}

static EdPlanDistrict *
plan_district (Builder *builder,
               gint32   index)
{
  return g_ptr_array_index (builder->plan->districts, index);
}

static EdPlanStation *
plan_station (Builder *builder,
              gint32   index)
{
  return g_ptr_array_index (builder->plan->stations, index);
}

static gboolean
read_place (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  Builder *builder = user_data;
  Place *place = g_new0 (Place, 1);

  place->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  place->easting = (gint32)CLAMP (sqlite3_column_int64 (stmt, 2), G_MININT32, G_MAXINT32);
  place->northing = (gint32)CLAMP (sqlite3_column_int64 (stmt, 3), G_MININT32, G_MAXINT32);
  /* A state only a newer desk knows is not a confirmed booking. */
  if (!ed_booking_state_from_string ((const char *)sqlite3_column_text (stmt, 4),
                                     &place->booking_state, NULL))
    place->booking_state = ED_BOOKING_PROVISIONAL;
  place->open_issues = (guint)sqlite3_column_int64 (stmt, 5);
  g_hash_table_insert (builder->places, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                       place);
  return TRUE;
}

static gboolean
read_station (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  Builder *builder = user_data;
  EdPlanStation *station = g_new0 (EdPlanStation, 1);
  Place *place;

  station->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  station->place = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  station->code = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  station->name = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  station->staffing.presiding_officers = (guint)CLAMP (sqlite3_column_int64 (stmt, 4), 0, 99);
  station->staffing.poll_clerks = (guint)CLAMP (sqlite3_column_int64 (stmt, 5), 0, 99);
  station->coverage = g_ptr_array_new_with_free_func ((GDestroyNotify)coverage_free);
  place = g_hash_table_lookup (builder->places, station->place);
  if (place != NULL)
    {
      station->place_name = g_strdup (place->name);
      station->easting = place->easting;
      station->northing = place->northing;
      station->booking_state = place->booking_state;
      station->open_access_issues = place->open_issues;
    }
  else
    station->place_name = g_strdup ("");
  g_ptr_array_add (builder->plan->stations, station);
  g_hash_table_insert (builder->station_index, station->id,
                       GINT_TO_POINTER (builder->plan->stations->len));
  return TRUE;
}

static gboolean
read_coverage (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  Builder *builder = user_data;
  gint32 s = station_index (builder, (const char *)sqlite3_column_text (stmt, 0));
  const char *district_id = (const char *)sqlite3_column_text (stmt, 1);
  gint32 d = district_index (builder, district_id);
  EdPlanCoverage *coverage;

  if (s < 0)
    return TRUE;
  coverage = g_new0 (EdPlanCoverage, 1);
  coverage->polling_district = g_strdup (district_id);
  coverage->polling_district_code = g_strdup (d >= 0 ? plan_district (builder, d)->code : "");
  coverage->street = g_strstrip (g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
  g_ptr_array_add (plan_station (builder, s)->coverage, coverage);
  return TRUE;
}

static gboolean
read_growth (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  Builder *builder = user_data;
  gint32 d = district_index (builder, (const char *)sqlite3_column_text (stmt, 0));
  gint64 dwellings = sqlite3_column_int64 (stmt, 1);
  gint64 per_dwelling_x100 = sqlite3_column_int64 (stmt, 2);
  EdPlanDistrict *district;
  double per_dwelling;

  if (d < 0 || dwellings <= 0)
    return TRUE;
  district = plan_district (builder, d);
  /* Without a figure of its own, a new home holds as many electors as the district's homes
   * do now. */
  if (per_dwelling_x100 > 0)
    per_dwelling = per_dwelling_x100 / 100.0;
  else if (builder->occupied[d] > 0)
    per_dwelling = (double)(district->electors -
                            g_array_index (builder->plan->electorate->polling_districts,
                                           EdElectoratePollingDistrict, d).unaddressed_electors) /
                   builder->occupied[d];
  else
    per_dwelling = 0;
  district->new_dwellings += (guint64)dwellings;
  builder->added[d] += dwellings * per_dwelling;
  return TRUE;
}

static gboolean
run (Builder            *builder,
     const char         *sql,
     EdDatabaseRowFunc   func,
     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (builder->database, sql, error);

  return stmt != NULL && ed_database_step_rows (builder->database, stmt, func, builder, error);
}

/* The station the street and district rules give (@district, @street), asked of the rules
 * once per street however many properties it has. */
static gint32
street_station (Builder    *builder,
                gint32      district,
                const char *street)
{
  StreetKey key = { district, street };
  StreetRule *rule = g_hash_table_lookup (builder->street_rules, &key);

  if (rule == NULL)
    {
      const char *district_id = plan_district (builder, district)->id;

      rule = g_new (StreetRule, 1);
      rule->key = key;
      rule->station = station_index (builder,
                                     ed_station_assignment_for_street (builder->assignment,
                                                                       district_id, street,
                                                                       NULL));
      g_hash_table_add (builder->street_rules, rule);
    }
  return rule->station;
}

static void
assign_properties (Builder *builder)
{
  EdStationPlan *plan = builder->plan;
  GArray *properties = plan->electorate->properties;
  gboolean overrides = ed_station_assignment_has_overrides (builder->assignment);
  guint n_districts = plan->districts->len;

  g_array_set_size (plan->properties, properties->len);
  for (guint i = 0; i < properties->len; i++)
    {
      const EdElectorateProperty *property = &g_array_index (properties,
                                                             EdElectorateProperty, i);
      EdPlanProperty *planned = &g_array_index (plan->properties, EdPlanProperty, i);
      gint32 d = property->polling_district;
      gint32 s = -1;

      planned->station = -1;
      planned->distance_metres = ED_PLAN_DISTANCE_UNKNOWN;
      planned->nearer_elsewhere = FALSE;
      planned->by_override = FALSE;

      if (overrides)
        {
          s = station_index (builder,
                             ed_station_assignment_get_override (builder->assignment,
                                                                 property->id));
          planned->by_override = s >= 0;
        }
      if (s < 0 && d >= 0)
        s = street_station (builder, d, property->street);
      planned->station = s;

      if (d >= 0)
        {
          EdPlanDistrict *district = plan_district (builder, d);

          district->properties++;
          district->electors += property->electors;
          district->postal += property->postal;
          if (property->electors > 0)
            builder->occupied[d]++;
          if (property->easting == 0 && property->northing == 0)
            district->without_coordinates++;
          if (s < 0)
            {
              district->without_station++;
              district->electors_without_station += property->electors;
            }
        }
      if (s >= 0)
        {
          EdPlanStation *station = plan_station (builder, s);

          station->properties++;
          station->electors += property->electors;
          station->postal += property->postal;
          if (d >= 0)
            builder->in_person[(gsize)s * n_districts + d] +=
              property->electors - MIN (property->postal, property->electors);
        }
      else
        {
          plan->without_station++;
          plan->electors_without_station += property->electors;
        }
    }
}

/* Electors with no address vote at their district's own station: the one that serves the
 * district whole. */
static void
assign_unaddressed (Builder *builder)
{
  EdStationPlan *plan = builder->plan;
  guint n_districts = plan->districts->len;

  for (guint d = 0; d < n_districts; d++)
    {
      const EdElectoratePollingDistrict *counts =
        &g_array_index (plan->electorate->polling_districts, EdElectoratePollingDistrict, d);
      EdPlanDistrict *district = plan_district (builder, d);
      gint32 s;

      if (counts->unaddressed_electors == 0)
        continue;
      district->electors += counts->unaddressed_electors;
      district->postal += counts->unaddressed_postal;
      s = street_station (builder, d, "");
      if (s < 0)
        {
          district->electors_without_station += counts->unaddressed_electors;
          plan->electors_without_station += counts->unaddressed_electors;
          continue;
        }
      plan_station (builder, s)->electors += counts->unaddressed_electors;
      plan_station (builder, s)->postal += counts->unaddressed_postal;
      builder->in_person[(gsize)s * n_districts + d] +=
        counts->unaddressed_electors - MIN (counts->unaddressed_postal,
                                            counts->unaddressed_electors);
    }
}

/* Five years of each district's expected growth (district_growth), the span between
 * compulsory reviews (§3.2). Its new electors, postal voters excluded in the district's
 * present share, go to its stations in proportion to the electors each has there now; a
 * district with none yet gives them to its whole-district station. */
static void
project (Builder *builder)
{
  EdStationPlan *plan = builder->plan;
  guint n_districts = plan->districts->len;
  guint n_stations = plan->stations->len;
  g_autofree double *projected = g_new0 (double, MAX (n_stations, 1));

  for (guint s = 0; s < n_stations; s++)
    projected[s] = plan_station (builder, s)->in_person;
  for (guint d = 0; d < n_districts; d++)
    {
      EdPlanDistrict *district = plan_district (builder, d);
      double in_person_share = district->electors > 0
                                 ? (double)district->in_person / district->electors : 1.0;
      double added_in_person = builder->added[d] * in_person_share;
      guint64 total = 0;

      district->projected_electors = district->electors + (guint64)llround (builder->added[d]);
      if (builder->added[d] <= 0)
        continue;
      for (guint s = 0; s < n_stations; s++)
        total += builder->in_person[(gsize)s * n_districts + d];
      if (total == 0)
        {
          gint32 s = street_station (builder, d, "");

          if (s >= 0)
            projected[s] += added_in_person;
          continue;
        }
      for (guint s = 0; s < n_stations; s++)
        projected[s] += added_in_person * builder->in_person[(gsize)s * n_districts + d] /
                        total;
    }
  for (guint s = 0; s < n_stations; s++)
    plan_station (builder, s)->projected_in_person = (guint64)llround (projected[s]);
}

typedef struct
{
  gint32 easting;
  gint32 northing;
  gint32 station;   /* the first station at the place */
  const char *place;
} PlacePoint;

/* The places that hold a station, in grid squares so that a property's circle is searched
 * square by square (compressed rows: squares[i] .. squares[i + 1] in points). */
typedef struct
{
  GArray *points;       /* PlacePoint, ordered by square */
  gint64  min_e;
  gint64  min_n;
  gint64  metres;       /* the side of a square */
  gint64  width;
  gint64  height;
  guint  *square_start; /* width × height + 1 */
} PlaceGrid;

static void
place_grid_clear (PlaceGrid *grid)
{
  g_clear_pointer (&grid->points, g_array_unref);
  g_clear_pointer (&grid->square_start, g_free);
}

static gint64
square_of (const PlaceGrid *grid,
           gint64           e,
           gint64           n)
{
  return ((n - grid->min_n) / grid->metres) * grid->width + (e - grid->min_e) / grid->metres;
}

static void
place_grid_build (PlaceGrid     *grid,
                  EdStationPlan *plan)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PlacePoint));
  gint64 max_e = G_MININT64, max_n = G_MININT64;
  g_autofree guint *counts = NULL;
  gsize n_squares;

  grid->min_e = G_MAXINT64;
  grid->min_n = G_MAXINT64;
  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, s);
      PlacePoint point = { station->easting, station->northing, (gint32)s, station->place };

      if ((station->easting == 0 && station->northing == 0) ||
          station->warnings & ED_STATION_WARNING_NO_PLACE ||
          !g_hash_table_add (seen, station->place))
        continue;
      g_array_append_val (points, point);
      grid->min_e = MIN (grid->min_e, point.easting);
      grid->min_n = MIN (grid->min_n, point.northing);
      max_e = MAX (max_e, point.easting);
      max_n = MAX (max_n, point.northing);
    }
  grid->points = g_array_new (FALSE, FALSE, sizeof (PlacePoint));
  if (points->len == 0)
    {
      grid->width = grid->height = 0;
      grid->square_start = g_new0 (guint, 1);
      return;
    }
  for (grid->metres = GRID_METRES;; grid->metres *= 2)
    {
      grid->width = (max_e - grid->min_e) / grid->metres + 1;
      grid->height = (max_n - grid->min_n) / grid->metres + 1;
      if (grid->width * grid->height <= MAX_SQUARES)
        break;
    }
  n_squares = (gsize)(grid->width * grid->height);
  counts = g_new0 (guint, n_squares);
  grid->square_start = g_new0 (guint, n_squares + 1);
  for (guint i = 0; i < points->len; i++)
    {
      const PlacePoint *point = &g_array_index (points, PlacePoint, i);

      counts[square_of (grid, point->easting, point->northing)]++;
    }
  for (gsize q = 0; q < n_squares; q++)
    grid->square_start[q + 1] = grid->square_start[q] + counts[q];
  g_array_set_size (grid->points, points->len);
  memset (counts, 0, n_squares * sizeof (guint));
  for (guint i = 0; i < points->len; i++)
    {
      const PlacePoint *point = &g_array_index (points, PlacePoint, i);
      gsize q = (gsize)square_of (grid, point->easting, point->northing);

      g_array_index (grid->points, PlacePoint, grid->square_start[q] + counts[q]++) = *point;
    }
}

static gint64
distance_squared (gint64 e1,
                  gint64 n1,
                  gint64 e2,
                  gint64 n2)
{
  return (e1 - e2) * (e1 - e2) + (n1 - n2) * (n1 - n2);
}

/* Whether a place other than @own stands strictly nearer (@e, @n) than @radius2, looking only
 * in the squares the circle touches. */
static gboolean
nearer_place_exists (const PlaceGrid *grid,
                     gint64           e,
                     gint64           n,
                     gint64           radius2,
                     const char      *own)
{
  gint64 radius = (gint64)ceil (sqrt ((double)radius2));
  gint64 x0, x1, y0, y1;

  if (grid->points->len == 0)
    return FALSE;
  x0 = CLAMP ((e - radius - grid->min_e) / grid->metres, 0, grid->width - 1);
  x1 = CLAMP ((e + radius - grid->min_e) / grid->metres, 0, grid->width - 1);
  y0 = CLAMP ((n - radius - grid->min_n) / grid->metres, 0, grid->height - 1);
  y1 = CLAMP ((n + radius - grid->min_n) / grid->metres, 0, grid->height - 1);
  if (e + radius < grid->min_e || n + radius < grid->min_n)
    return FALSE;
  for (gint64 y = y0; y <= y1; y++)
    for (gint64 x = x0; x <= x1; x++)
      {
        gsize q = (gsize)(y * grid->width + x);

        for (guint i = grid->square_start[q]; i < grid->square_start[q + 1]; i++)
          {
            const PlacePoint *point = &g_array_index (grid->points, PlacePoint, i);

            /* Places are told apart by row id: two stations in one hall are one place. */
            if (point->place != own && !g_str_equal (point->place, own) &&
                distance_squared (e, n, point->easting, point->northing) < radius2)
              return TRUE;
          }
      }
  return FALSE;
}

/* Straight lines, since the register holds no road network: what an elector sees on the
 * map, and what the review's representations argue from. "Nearer another station" is
 * measured against every station's place, not only those serving the property's district,
 * because that is the comparison an elector makes. */
static void
measure_distances (Builder *builder)
{
  EdStationPlan *plan = builder->plan;
  GArray *properties = plan->electorate->properties;
  PlaceGrid grid = { 0 };

  place_grid_build (&grid, plan);
  for (guint i = 0; i < properties->len; i++)
    {
      const EdElectorateProperty *property = &g_array_index (properties,
                                                             EdElectorateProperty, i);
      EdPlanProperty *planned = &g_array_index (plan->properties, EdPlanProperty, i);
      EdPlanStation *station;
      gint64 d2;

      if (planned->station < 0 || (property->easting == 0 && property->northing == 0))
        continue;
      station = plan_station (builder, planned->station);
      if ((station->easting == 0 && station->northing == 0) ||
          station->warnings & ED_STATION_WARNING_NO_PLACE)
        continue;
      d2 = distance_squared (property->easting, property->northing, station->easting,
                             station->northing);
      planned->distance_metres = (guint32)MIN (llround (sqrt ((double)d2)), G_MAXUINT32 - 1);
      station->furthest_metres = MAX (station->furthest_metres, planned->distance_metres);
      if (d2 > 0 &&
          nearer_place_exists (&grid, property->easting, property->northing, d2,
                               station->place))
        {
          planned->nearer_elsewhere = TRUE;
          station->nearer_elsewhere++;
          if (property->polling_district >= 0)
            plan_district (builder, property->polling_district)->nearer_elsewhere++;
        }
    }
  place_grid_clear (&grid);
}

static void
judge (Builder *builder)
{
  EdStationPlan *plan = builder->plan;

  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = plan_station (builder, s);

      station->in_person = station->electors - MIN (station->postal, station->electors);
      ed_station_recommended_staffing (&plan->thresholds, station->in_person,
                                       &station->recommended);
      if (!g_hash_table_contains (builder->places, station->place))
        station->warnings |= ED_STATION_WARNING_NO_PLACE;
      else if (station->booking_state == ED_BOOKING_CANCELLED)
        station->warnings |= ED_STATION_WARNING_BOOKING_CANCELLED;
      else if (station->booking_state != ED_BOOKING_CONFIRMED)
        station->warnings |= ED_STATION_WARNING_BOOKING_NOT_CONFIRMED;
      if (station->open_access_issues > 0)
        station->warnings |= ED_STATION_WARNING_ACCESS_ISSUES;
      if (station->properties == 0 && station->electors == 0)
        station->warnings |= ED_STATION_WARNING_SERVES_NO_ONE;
      if (ed_station_staffing_is_short (&station->staffing, &station->recommended))
        station->warnings |= ED_STATION_WARNING_STAFF_SHORT;
    }
  for (guint d = 0; d < plan->districts->len; d++)
    {
      EdPlanDistrict *district = plan_district (builder, d);

      district->in_person = district->electors - MIN (district->postal, district->electors);
    }
}

static void
judge_projection (EdStationPlan *plan)
{
  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, s);

      if (ed_station_is_over_maximum (&plan->thresholds, station->in_person))
        station->warnings |= ED_STATION_WARNING_OVER_MAXIMUM;
      else if (ed_station_is_over_maximum (&plan->thresholds, station->projected_in_person))
        station->warnings |= ED_STATION_WARNING_PROJECTED_OVER_MAXIMUM;
    }
}

static int
coverage_compare (gconstpointer a,
                  gconstpointer b)
{
  const EdPlanCoverage *x = *(EdPlanCoverage * const *)a;
  const EdPlanCoverage *y = *(EdPlanCoverage * const *)b;
  int by_code = g_strcmp0 (x->polling_district_code, y->polling_district_code);

  if (by_code != 0)
    return by_code;
  return ed_register_street_compare (x->street, y->street);
}

static void
builder_clear (Builder *builder)
{
  g_clear_pointer (&builder->assignment, ed_station_assignment_free);
  g_clear_pointer (&builder->station_index, g_hash_table_unref);
  g_clear_pointer (&builder->district_index, g_hash_table_unref);
  g_clear_pointer (&builder->places, g_hash_table_unref);
  g_clear_pointer (&builder->street_rules, g_hash_table_unref);
  g_clear_pointer (&builder->in_person, g_free);
  g_clear_pointer (&builder->occupied, g_free);
  g_clear_pointer (&builder->added, g_free);
}

/**
 * ed_station_plan_compute:
 * @context: the district
 * @error: return location for an error
 *
 * Makes the polling plan from the register's electors, the stations module's rules and the
 * district's thresholds (ed_district_settings_get_station_maximum_electors ()).
 *
 * Returns: (transfer full): the plan, or %NULL on a database error
 */
EdStationPlan *
ed_station_plan_compute (EdContext  *context,
                         GError    **error)
{
  g_autoptr(EdStationPlan) plan = NULL;
  EdDistrictSettings *settings;
  Builder builder = { 0 };
  guint n_districts;
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  plan = g_new0 (EdStationPlan, 1);
  plan->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  plan->districts = g_ptr_array_new_with_free_func (g_free);
  plan->properties = g_array_new (FALSE, TRUE, sizeof (EdPlanProperty));
  settings = ed_context_get_settings (context);
  plan->thresholds.maximum_electors =
    ed_district_settings_get_station_maximum_electors (settings);
  plan->thresholds.two_clerks_electors =
    ed_district_settings_get_station_two_clerks_electors (settings);

  plan->electorate = ed_register_electorate_compute (context, error);
  if (plan->electorate == NULL)
    return NULL;

  builder.context = context;
  builder.database = ed_context_get_database (context);
  builder.plan = plan;
  builder.station_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder.district_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder.places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)place_free);
  builder.street_rules = g_hash_table_new_full (street_key_hash, street_key_equal, g_free,
                                                NULL);

  n_districts = plan->electorate->polling_districts->len;
  for (guint d = 0; d < n_districts; d++)
    {
      const EdElectoratePollingDistrict *counts =
        &g_array_index (plan->electorate->polling_districts, EdElectoratePollingDistrict, d);
      EdPlanDistrict *district = g_new0 (EdPlanDistrict, 1);

      district->id = counts->id;
      district->code = counts->code;
      district->name = counts->name;
      g_ptr_array_add (plan->districts, district);
      g_hash_table_insert (builder.district_index, (gpointer)counts->id,
                           GUINT_TO_POINTER (d + 1));
    }

  ok = run (&builder, places_sql, read_place, error) &&
       run (&builder, stations_sql, read_station, error) &&
       run (&builder, coverage_sql, read_coverage, error) &&
       (builder.assignment = ed_station_assignment_load (context, error)) != NULL;
  if (ok)
    {
      builder.in_person = g_new0 (guint32, (gsize)MAX (plan->stations->len, 1) *
                                           MAX (n_districts, 1));
      builder.occupied = g_new0 (guint64, MAX (n_districts, 1));
      builder.added = g_new0 (double, MAX (n_districts, 1));
      assign_properties (&builder);
      assign_unaddressed (&builder);
      judge (&builder);
      ok = run (&builder, growth_sql, read_growth, error);
    }
  if (ok)
    {
      project (&builder);
      judge_projection (plan);
      measure_distances (&builder);
      for (guint s = 0; s < plan->stations->len; s++)
        g_ptr_array_sort (plan_station (&builder, s)->coverage, coverage_compare);
    }
  builder_clear (&builder);
  if (!ok)
    return NULL;
  return g_steal_pointer (&plan);
}

typedef struct
{
  EdStationPlan *plan;
} PlanJob;

static void
plan_job_free (PlanJob *data)
{
  g_clear_pointer (&data->plan, ed_station_plan_free);
  g_free (data);
}

static gboolean
plan_work (EdJob         *job,
           GObject       *connection,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PlanJob *data = task_data;

  ed_job_report (job, 0.0, _("Making the polling plan"));
  data->plan = ed_station_plan_compute (ED_CONTEXT (connection), error);
  if (data->plan == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  ed_job_report (job, 1.0, _("Making the polling plan"));
  return TRUE;
}

/**
 * ed_station_plan_compute_async:
 * @context: the district
 * @cancellable: (nullable): to stop waiting for it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Makes the polling plan (ed_station_plan_compute ()) on the district's own connection in a
 * worker thread, so that a page showing a million electors' plan keeps drawing; the plan
 * holds no reference to the connection it was made on.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_station_plan_compute_async (EdContext           *context,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return ed_context_run_job_async (context, plan_work, g_new0 (PlanJob, 1),
                                   (GDestroyNotify)plan_job_free, cancellable, callback,
                                   user_data);
}

/**
 * ed_station_plan_compute_finish:
 * @job: the job ed_station_plan_compute_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL on an error
 */
EdStationPlan *
ed_station_plan_compute_finish (EdJob         *job,
                                GAsyncResult  *result,
                                GError       **error)
{
  PlanJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, plan_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->plan);
}

void
ed_station_plan_free (EdStationPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->stations, g_ptr_array_unref);
  g_clear_pointer (&plan->districts, g_ptr_array_unref);
  g_clear_pointer (&plan->properties, g_array_unref);
  g_clear_pointer (&plan->electorate, ed_electorate_free);
  g_free (plan);
}

/**
 * ed_station_plan_find_station:
 * @plan: a plan
 * @station_id: a station's row id
 *
 * Returns: its index in @plan's stations, or -1
 */
gint
ed_station_plan_find_station (EdStationPlan *plan,
                              const char    *station_id)
{
  g_return_val_if_fail (plan != NULL, -1);
  g_return_val_if_fail (station_id != NULL, -1);

  for (guint s = 0; s < plan->stations->len; s++)
    if (g_str_equal (((EdPlanStation *)g_ptr_array_index (plan->stations, s))->id,
                     station_id))
      return (gint)s;
  return -1;
}

/**
 * ed_station_plan_lookup_code:
 * @plan: a plan
 * @code: a station's code, as on the poll card
 *
 * Returns: (transfer none) (nullable): the first station in code order with @code
 */
EdPlanStation *
ed_station_plan_lookup_code (EdStationPlan *plan,
                             const char    *code)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, s);

      if (g_str_equal (station->code, code))
        return station;
    }
  return NULL;
}

static const struct
{
  EdStationWarnings  warning;
  const char        *key;
  const char        *name;
} warning_names[] = {
  { ED_STATION_WARNING_OVER_MAXIMUM, "over-maximum", N_("Over the maximum electorate") },
  { ED_STATION_WARNING_PROJECTED_OVER_MAXIMUM, "projected-over-maximum",
    N_("Over the maximum electorate in five years") },
  { ED_STATION_WARNING_STAFF_SHORT, "staff-short", N_("Fewer staff than recommended") },
  { ED_STATION_WARNING_BOOKING_NOT_CONFIRMED, "booking-not-confirmed",
    N_("Booking not confirmed") },
  { ED_STATION_WARNING_BOOKING_CANCELLED, "booking-cancelled", N_("Booking cancelled") },
  { ED_STATION_WARNING_ACCESS_ISSUES, "access-issues", N_("Open accessibility issues") },
  { ED_STATION_WARNING_NO_PLACE, "no-place", N_("No polling place") },
  { ED_STATION_WARNING_SERVES_NO_ONE, "serves-no-one", N_("Serves no electors") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (warning_names) == ED_STATION_N_WARNINGS);

/**
 * ed_station_warning_to_string:
 * @warning: one warning (a single bit)
 *
 * Returns: its key for JSON and scripts ("over-maximum"), which never changes
 */
const char *
ed_station_warning_to_string (EdStationWarnings warning)
{
  for (guint i = 0; i < G_N_ELEMENTS (warning_names); i++)
    if (warning_names[i].warning == warning)
      return warning_names[i].key;
  g_return_val_if_reached (NULL);
}

/**
 * ed_station_warning_get_display_name:
 * @warning: one warning (a single bit)
 *
 * Returns: what it says to a person, translated
 */
const char *
ed_station_warning_get_display_name (EdStationWarnings warning)
{
  for (guint i = 0; i < G_N_ELEMENTS (warning_names); i++)
    if (warning_names[i].warning == warning)
      return _(warning_names[i].name);
  g_return_val_if_reached (NULL);
}
