/* ed-station-map.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The map's model: what is on it and where, and the geometry worked out once when it is
 * finished (the districts' outlines, the extent, the properties grouped by station). Drawing
 * is ed-station-map-draw.c; reading a district is ed-station-map-build.c. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stations/ed-station-map-private.h"

/* The outlines' grid: a map's width in this many cells, within these sizes in metres. */
#define OUTLINE_CELLS_ACROSS  250.0
#define OUTLINE_FINEST_CELL   8.0
#define OUTLINE_COARSEST_CELL 250.0

/* Twelve hues chosen to stay apart in print and for the commonest colour blindness, the
 * darker ones between the lighter. A map of more stations uses each again for stations far
 * apart (choose_colours()). */
static const double palette[][3] = {
  { 0.90, 0.45, 0.00 },  /* orange */
  { 0.00, 0.42, 0.72 },  /* blue */
  { 0.30, 0.69, 0.29 },  /* green */
  { 0.80, 0.20, 0.55 },  /* magenta */
  { 0.35, 0.75, 0.90 },  /* sky */
  { 0.70, 0.10, 0.10 },  /* dark red */
  { 0.60, 0.45, 0.80 },  /* lilac */
  { 0.55, 0.38, 0.20 },  /* brown */
  { 0.85, 0.75, 0.10 },  /* mustard */
  { 0.00, 0.55, 0.50 },  /* teal */
  { 0.95, 0.50, 0.55 },  /* salmon */
  { 0.25, 0.25, 0.55 },  /* indigo */
};

/**
 * ed_station_map_new:
 * @title: the map's title, as printed above it
 *
 * Returns: (transfer full): an empty map, to fill and then finish
 */
EdStationMap *
ed_station_map_new (const char *title)
{
  EdStationMap *self = g_new0 (EdStationMap, 1);

  g_return_val_if_fail (title != NULL, NULL);

  g_atomic_ref_count_init (&self->ref);
  self->title = g_strdup (title);
  self->subtitle = g_strdup ("");
  self->places = g_array_new (FALSE, TRUE, sizeof (EdMapPlace));
  self->stations = g_array_new (FALSE, TRUE, sizeof (EdMapStation));
  self->districts = g_array_new (FALSE, TRUE, sizeof (EdMapDistrict));
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->point_station = g_array_new (FALSE, FALSE, sizeof (gint32));
  return self;
}

EdStationMap *
ed_station_map_ref (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
ed_station_map_unref (EdStationMap *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;

  for (guint i = 0; i < self->places->len; i++)
    g_free (g_array_index (self->places, EdMapPlace, i).name);
  for (guint i = 0; i < self->stations->len; i++)
    {
      EdMapStation *station = &g_array_index (self->stations, EdMapStation, i);

      g_free (station->code);
      g_free (station->name);
    }
  for (guint i = 0; i < self->districts->len; i++)
    {
      EdMapDistrict *district = &g_array_index (self->districts, EdMapDistrict, i);

      g_free (district->code);
      g_free (district->name);
      g_clear_pointer (&district->points, g_array_unref);
      g_free (district->outline);
      g_free (district->ring_ends);
    }
  g_array_unref (self->places);
  g_array_unref (self->stations);
  g_array_unref (self->districts);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->point_station, g_array_unref);
  g_free (self->grouped);
  g_free (self->group_start);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self);
}

/**
 * ed_station_map_set_subtitle:
 * @self: the map, not yet finished
 * @subtitle: a line under the title (the council, the date)
 */
void
ed_station_map_set_subtitle (EdStationMap *self,
                             const char   *subtitle)
{
  g_return_if_fail (self != NULL && !self->finished);
  g_return_if_fail (subtitle != NULL);

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

/* National Grid coordinates are never both 0 inside Great Britain: 0, 0 is the registers'
 * "not known". */
static gboolean
is_located (double easting,
            double northing)
{
  return (easting != 0 || northing != 0) && isfinite (easting) && isfinite (northing);
}

/**
 * ed_station_map_add_place:
 * @self: the map, not yet finished
 * @name: the polling place's name
 * @easting: where it stands; 0 and 0 when not known, and then it is not drawn
 * @northing: where it stands
 *
 * Returns: the place's index, for ed_station_map_add_station()
 */
int
ed_station_map_add_place (EdStationMap *self,
                          const char   *name,
                          double        easting,
                          double        northing)
{
  EdMapPlace place = { g_strdup (name), easting, northing, is_located (easting, northing) };

  g_return_val_if_fail (self != NULL && !self->finished, ED_STATION_MAP_NONE);
  g_return_val_if_fail (name != NULL, ED_STATION_MAP_NONE);

  g_array_append_val (self->places, place);
  return self->places->len - 1;
}

/**
 * ed_station_map_add_station:
 * @self: the map, not yet finished
 * @code: the station's code, as on the poll card
 * @name: its room or name, "" for none
 * @place: the index of its place, or %ED_STATION_MAP_NONE
 *
 * Adds a station, in the order the legend lists them. Its colour is chosen when the map is
 * finished (ed_station_map_get_station_colour()).
 *
 * Returns: the station's index, for ed_station_map_add_property()
 */
int
ed_station_map_add_station (EdStationMap *self,
                            const char   *code,
                            const char   *name,
                            int           place)
{
  EdMapStation station = { g_strdup (code), g_strdup (name), place, 0 };

  g_return_val_if_fail (self != NULL && !self->finished, ED_STATION_MAP_NONE);
  g_return_val_if_fail (code != NULL && name != NULL, ED_STATION_MAP_NONE);
  g_return_val_if_fail (place == ED_STATION_MAP_NONE || (guint)place < self->places->len,
                        ED_STATION_MAP_NONE);

  g_array_append_val (self->stations, station);
  return self->stations->len - 1;
}

/**
 * ed_station_map_add_district:
 * @self: the map, not yet finished
 * @code: the polling district's code
 * @name: its name
 *
 * Returns: the district's index, for ed_station_map_add_property()
 */
int
ed_station_map_add_district (EdStationMap *self,
                             const char   *code,
                             const char   *name)
{
  EdMapDistrict district = { 0 };

  g_return_val_if_fail (self != NULL && !self->finished, ED_STATION_MAP_NONE);
  g_return_val_if_fail (code != NULL && name != NULL, ED_STATION_MAP_NONE);

  district.code = g_strdup (code);
  district.name = g_strdup (name);
  district.points = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (self->districts, district);
  return self->districts->len - 1;
}

/**
 * ed_station_map_add_property:
 * @self: the map, not yet finished
 * @easting: where the property stands; 0 and 0 when not known
 * @northing: where it stands
 * @district: the index of its polling district, or %ED_STATION_MAP_NONE
 * @station: the index of the station it votes at, or %ED_STATION_MAP_NONE
 *
 * Adds a property. One whose place is not known is counted (in its station's count, and in
 * the map's footnote) but not drawn: a dot at 0, 0 would be off the Scilly Isles.
 */
void
ed_station_map_add_property (EdStationMap *self,
                             double        easting,
                             double        northing,
                             int           district,
                             int           station)
{
  gint32 group = station;

  g_return_if_fail (self != NULL && !self->finished);
  g_return_if_fail (district == ED_STATION_MAP_NONE || (guint)district < self->districts->len);
  g_return_if_fail (station == ED_STATION_MAP_NONE || (guint)station < self->stations->len);

  self->n_properties++;
  if (station == ED_STATION_MAP_NONE)
    self->n_unassigned++;
  else
    g_array_index (self->stations, EdMapStation, station).n_properties++;
  if (!is_located (easting, northing))
    return;

  g_array_append_val (self->points, easting);
  g_array_append_val (self->points, northing);
  g_array_append_val (self->point_station, group);
  if (district != ED_STATION_MAP_NONE)
    {
      GArray *points = g_array_index (self->districts, EdMapDistrict, district).points;

      g_array_append_val (points, easting);
      g_array_append_val (points, northing);
    }
}

static void
extend (EdStationMap *self,
        double        easting,
        double        northing)
{
  if (!self->has_extent)
    {
      self->min_easting = self->max_easting = easting;
      self->min_northing = self->max_northing = northing;
      self->has_extent = TRUE;
      return;
    }
  self->min_easting = MIN (self->min_easting, easting);
  self->max_easting = MAX (self->max_easting, easting);
  self->min_northing = MIN (self->min_northing, northing);
  self->max_northing = MAX (self->max_northing, northing);
}

/* Where a station's voters are: the middle of its located properties, or its place. */
static gboolean
station_centre (EdStationMap *self,
                guint         s,
                double       *out_easting,
                double       *out_northing)
{
  EdMapStation *station = &g_array_index (self->stations, EdMapStation, s);
  guint first = self->group_start[s + 1], end = self->group_start[s + 2];
  double easting = 0, northing = 0;

  if (end > first)
    {
      for (guint i = first; i < end; i++)
        {
          easting += self->grouped[2 * i];
          northing += self->grouped[2 * i + 1];
        }
      *out_easting = easting / (end - first);
      *out_northing = northing / (end - first);
      return TRUE;
    }
  if (station->place != ED_STATION_MAP_NONE)
    {
      EdMapPlace *place = &g_array_index (self->places, EdMapPlace, station->place);

      *out_easting = place->easting;
      *out_northing = place->northing;
      return place->located;
    }
  return FALSE;
}

/* Each station in legend order takes the colour whose nearest station already coloured is
 * farthest away, so that neighbouring stations never share a colour while a dozen can be
 * told apart; a station with nowhere to stand takes the colour least used. */
static void
choose_colours (EdStationMap *self)
{
  guint n = self->stations->len;
  g_autofree double *centres = g_new (double, 2 * (gsize)n + 1);
  g_autofree gboolean *placed = g_new0 (gboolean, n + 1);
  guint used[G_N_ELEMENTS (palette)] = { 0 };

  for (guint s = 0; s < n; s++)
    {
      EdMapStation *station = &g_array_index (self->stations, EdMapStation, s);
      double farthest[G_N_ELEMENTS (palette)];
      guint best = 0;

      placed[s] = station_centre (self, s, &centres[2 * s], &centres[2 * s + 1]);
      for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
        farthest[c] = G_MAXDOUBLE;
      if (placed[s])
        for (guint t = 0; t < s; t++)
          {
            guint colour = g_array_index (self->stations, EdMapStation, t).colour;
            double de, dn;

            if (!placed[t])
              continue;
            de = centres[2 * t] - centres[2 * s];
            dn = centres[2 * t + 1] - centres[2 * s + 1];
            farthest[colour] = MIN (farthest[colour], de * de + dn * dn);
          }
      for (guint c = 1; c < G_N_ELEMENTS (palette); c++)
        if (farthest[c] > farthest[best] ||
            (farthest[c] == farthest[best] && used[c] < used[best]))
          best = c;
      station->colour = best;
      used[best]++;
    }
}

/**
 * ed_station_map_finish:
 * @self: the map
 *
 * Works out each district's outline, the map's extent, and the properties' order for
 * drawing. The map is read-only from here on.
 */
void
ed_station_map_finish (EdStationMap *self)
{
  guint n_groups, n_points;
  g_autofree guint *fill = NULL;
  double cell_metres;

  g_return_if_fail (self != NULL && !self->finished);

  /* A counting sort by station: group 0 holds the properties with no station. */
  n_points = self->point_station->len;
  n_groups = self->stations->len + 1;
  self->group_start = g_new0 (guint, n_groups + 1);
  for (guint i = 0; i < n_points; i++)
    self->group_start[g_array_index (self->point_station, gint32, i) + 2]++;
  for (guint g = 1; g <= n_groups; g++)
    self->group_start[g] += self->group_start[g - 1];
  fill = g_memdup2 (self->group_start, sizeof (guint) * (n_groups + 1));
  self->grouped = g_new (double, 2 * (gsize)n_points);
  for (guint i = 0; i < n_points; i++)
    {
      guint at = fill[g_array_index (self->point_station, gint32, i) + 1]++;
      double easting = g_array_index (self->points, double, 2 * i);
      double northing = g_array_index (self->points, double, 2 * i + 1);

      self->grouped[2 * at] = easting;
      self->grouped[2 * at + 1] = northing;
      extend (self, easting, northing);
    }
  for (guint i = 0; i < self->places->len; i++)
    {
      EdMapPlace *place = &g_array_index (self->places, EdMapPlace, i);

      if (place->located)
        extend (self, place->easting, place->northing);
    }
  /* One grid for every district, fine enough to follow a street on a district's map and
   * coarse enough to stay quick on a council's. */
  cell_metres = self->has_extent
                  ? CLAMP (MAX (self->max_easting - self->min_easting,
                                self->max_northing - self->min_northing) / OUTLINE_CELLS_ACROSS,
                           OUTLINE_FINEST_CELL, OUTLINE_COARSEST_CELL)
                  : OUTLINE_FINEST_CELL;
  for (guint i = 0; i < self->districts->len; i++)
    {
      EdMapDistrict *district = &g_array_index (self->districts, EdMapDistrict, i);

      _ed_station_map_outline_district (district, cell_metres);
      g_clear_pointer (&district->points, g_array_unref);
    }
  choose_colours (self);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->point_station, g_array_unref);
  self->finished = TRUE;
}

const char *
ed_station_map_get_title (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
ed_station_map_get_subtitle (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subtitle;
}

/* Every property added, located or not. */
guint
ed_station_map_get_n_properties (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_properties;
}

/* The properties drawn: those whose place is known. */
guint
ed_station_map_get_n_located (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL && self->finished, 0);
  return self->group_start[self->stations->len + 1];
}

/* The properties no station serves, located or not. */
guint
ed_station_map_get_n_unassigned (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_unassigned;
}

guint
ed_station_map_get_n_stations (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stations->len;
}

const char *
ed_station_map_get_station_code (EdStationMap *self,
                                 guint         station)
{
  g_return_val_if_fail (self != NULL && station < self->stations->len, NULL);
  return g_array_index (self->stations, EdMapStation, station).code;
}

/* The properties a station serves, located or not. */
guint
ed_station_map_get_station_count (EdStationMap *self,
                                  guint         station)
{
  g_return_val_if_fail (self != NULL && station < self->stations->len, 0);
  return g_array_index (self->stations, EdMapStation, station).n_properties;
}

guint
ed_station_map_get_n_districts (EdStationMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->districts->len;
}

/**
 * ed_station_map_get_district_n_rings:
 * @self: a finished map
 * @district: a district's index
 *
 * Returns: how many rings the district's outline has: one for each cluster of its properties
 *   far enough from the others, none when none of its properties has a grid reference
 */
guint
ed_station_map_get_district_n_rings (EdStationMap *self,
                                     guint         district)
{
  g_return_val_if_fail (self != NULL && self->finished, 0);
  g_return_val_if_fail (district < self->districts->len, 0);

  return g_array_index (self->districts, EdMapDistrict, district).n_rings;
}

/**
 * ed_station_map_get_district_ring:
 * @self: a finished map
 * @district: a district's index
 * @ring: one of its rings
 * @out_n_points: (out): how many corners the ring has
 *
 * Returns: (array length=out_n_points) (transfer none): the ring's corners, easting and
 *   northing pairs, counter-clockwise, closed back to the first
 */
const double *
ed_station_map_get_district_ring (EdStationMap *self,
                                  guint         district,
                                  guint         ring,
                                  guint        *out_n_points)
{
  EdMapDistrict *row;
  guint first;

  g_return_val_if_fail (self != NULL && self->finished, NULL);
  g_return_val_if_fail (district < self->districts->len, NULL);
  row = &g_array_index (self->districts, EdMapDistrict, district);
  g_return_val_if_fail (ring < row->n_rings, NULL);

  first = ring == 0 ? 0 : row->ring_ends[ring - 1];
  *out_n_points = row->ring_ends[ring] - first;
  return row->outline + 2 * first;
}

/**
 * ed_station_map_get_district_label:
 * @self: a finished map
 * @district: a district's index
 * @out_easting: (out): where its code is printed: the point of its outline farthest inside
 * @out_northing: (out): the northing of that point
 *
 * Returns: %FALSE when the district has no outline
 */
gboolean
ed_station_map_get_district_label (EdStationMap *self,
                                   guint         district,
                                   double       *out_easting,
                                   double       *out_northing)
{
  EdMapDistrict *row;

  g_return_val_if_fail (self != NULL && self->finished, FALSE);
  g_return_val_if_fail (district < self->districts->len, FALSE);

  row = &g_array_index (self->districts, EdMapDistrict, district);
  *out_easting = row->label_easting;
  *out_northing = row->label_northing;
  return row->n_rings > 0;
}

/**
 * ed_station_map_get_extent:
 * @self: a finished map
 *
 * Returns: %TRUE with the bounds of every located property and place, %FALSE when nothing on
 *   the map has a known place
 */
gboolean
ed_station_map_get_extent (EdStationMap *self,
                           double       *out_min_easting,
                           double       *out_min_northing,
                           double       *out_max_easting,
                           double       *out_max_northing)
{
  g_return_val_if_fail (self != NULL && self->finished, FALSE);

  *out_min_easting = self->min_easting;
  *out_min_northing = self->min_northing;
  *out_max_easting = self->max_easting;
  *out_max_northing = self->max_northing;
  return self->has_extent;
}

/* Geometry */

/**
 * ed_station_map_scale_bar_metres:
 * @most_metres: the longest the bar may be
 *
 * The longest round distance that fits (1, 2, 2.5 or 5 times a power of ten: 100 m, 250 m,
 * 500 m, 1 km, 2 km…), at least a metre.
 *
 * Returns: the bar's length in metres
 */
double
ed_station_map_scale_bar_metres (double most_metres)
{
  static const double steps[] = { 5, 2.5, 2, 1 };
  double power;

  if (!(most_metres > 1))
    return 1;
  power = pow (10, floor (log10 (most_metres)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * power <= most_metres * (1 + 1e-9))
      return steps[i] * power;
  return power;
}


/* The palette's colours, the thirteenth the first again. */
static void
palette_colour (guint   colour,
                double *out_rgb)
{
  memcpy (out_rgb, palette[colour % G_N_ELEMENTS (palette)], sizeof (palette[0]));
}

/**
 * ed_station_map_get_station_colour:
 * @self: a finished map
 * @station: a station's index, or %ED_STATION_MAP_NONE
 * @out_rgb: (out) (array fixed-size=3): red, green and blue from 0 to 1
 *
 * The colour of a station's properties and symbol: grey for none.
 */
void
ed_station_map_get_station_colour (EdStationMap *self,
                                   int           station,
                                   double       *out_rgb)
{
  g_return_if_fail (self != NULL && self->finished);
  g_return_if_fail (station < (int)self->stations->len);

  if (station < 0)
    {
      out_rgb[0] = out_rgb[1] = out_rgb[2] = 0.62;
      return;
    }
  palette_colour (g_array_index (self->stations, EdMapStation, station).colour, out_rgb);
}
