/* test-stations-map.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The station maps (src/stations/ed-station-map*.c): the outline and scale bar geometry, each
 * property given the station its override, street or district says, the files written whole
 * or not at all, and what is not drawn. */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "stations/ed-station-map.h"
#include "tests/lib/ed-test-cli.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-pdf.h"
#include "tests/lib/ed-test-register.h"
#include "tests/lib/ed-test-stations.h"

/* Ray casting: whether (x, y) is inside the ring. */
static gboolean
inside_ring (const double *ring,
             guint         n,
             double        x,
             double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

static gboolean
inside_outline (EdStationMap *map,
                guint         district,
                double        x,
                double        y)
{
  for (guint r = 0; r < ed_station_map_get_district_n_rings (map, district); r++)
    {
      guint n = 0;
      const double *ring = ed_station_map_get_district_ring (map, district, r, &n);

      if (inside_ring (ring, n, x, y))
        return TRUE;
    }
  return FALSE;
}

#define E0 430000.0
#define N0 380000.0

/* An L-shaped district's outline holds every property and follows the L, leaving out the
 * corner its convex hull would cover; two villages 3 km apart are two rings; houses round a
 * park make one shape with the park inside and the code in its middle; scattered farms are
 * one shape round them all; a district with no grid references has no outline. */
static void
test_outlines (void)
{
  g_autoptr(EdStationMap) map = ed_station_map_new ("Test");
  g_autoptr(GArray) l_points = g_array_new (FALSE, FALSE, sizeof (double));
  int l_shape = ed_station_map_add_district (map, "LL", "L");
  int villages = ed_station_map_add_district (map, "VV", "Villages");
  int park = ed_station_map_add_district (map, "PP", "Park");
  int unknown = ed_station_map_add_district (map, "UU", "Unknown");
  int farms = ed_station_map_add_district (map, "FF", "Farms");
  static const double farm_points[][2] = {
    { 9000, 0 }, { 10300, 700 }, { 9600, 1900 }, { 11200, 2600 }, { 12500, 1100 },
    { 10800, 3900 }, { 12900, 3400 },
  };
  double label_e, label_n;

  for (double x = 0; x <= 1000; x += 20)
    for (double y = 0; y <= 1000; y += 20)
      if (x <= 200 || y <= 200)
        {
          double point[2] = { E0 + x, N0 + y };

          g_array_append_vals (l_points, point, 2);
          ed_station_map_add_property (map, point[0], point[1], l_shape, ED_STATION_MAP_NONE);
        }
  for (int k = 0; k < 40; k++)
    {
      ed_station_map_add_property (map, E0 + 2000 + 10 * (k % 8), N0 + 10 * (k / 8), villages,
                                   ED_STATION_MAP_NONE);
      ed_station_map_add_property (map, E0 + 5000 + 10 * (k % 8), N0 + 10 * (k / 8), villages,
                                   ED_STATION_MAP_NONE);
    }
  for (int k = 0; k < 360; k++)
    ed_station_map_add_property (map, E0 + 3000 + 400 * cos (k * G_PI / 180),
                                 N0 + 3000 + 400 * sin (k * G_PI / 180), park,
                                 ED_STATION_MAP_NONE);
  ed_station_map_add_property (map, 0, 0, unknown, ED_STATION_MAP_NONE);
  for (guint k = 0; k < G_N_ELEMENTS (farm_points); k++)
    ed_station_map_add_property (map, E0 + farm_points[k][0], N0 + farm_points[k][1], farms,
                                 ED_STATION_MAP_NONE);
  ed_station_map_finish (map);

  g_assert_cmpuint (ed_station_map_get_district_n_rings (map, l_shape), ==, 1);
  for (guint k = 0; k < l_points->len / 2; k++)
    g_assert_true (inside_outline (map, l_shape, g_array_index (l_points, double, 2 * k),
                                   g_array_index (l_points, double, 2 * k + 1)));
  g_assert_false (inside_outline (map, l_shape, E0 + 700, N0 + 700));
  g_assert_true (ed_station_map_get_district_label (map, l_shape, &label_e, &label_n));
  g_assert_true (inside_outline (map, l_shape, label_e, label_n));

  g_assert_cmpuint (ed_station_map_get_district_n_rings (map, villages), ==, 2);
  g_assert_true (inside_outline (map, villages, E0 + 2030, N0 + 20));
  g_assert_true (inside_outline (map, villages, E0 + 5030, N0 + 20));
  g_assert_false (inside_outline (map, villages, E0 + 3500, N0 + 20));

  g_assert_cmpuint (ed_station_map_get_district_n_rings (map, park), ==, 1);
  g_assert_true (inside_outline (map, park, E0 + 3000, N0 + 3000));
  g_assert_true (ed_station_map_get_district_label (map, park, &label_e, &label_n));
  g_assert_cmpfloat (hypot (label_e - (E0 + 3000), label_n - (N0 + 3000)), <, 100);

  /* Farms each too far from the next to join: one shape round them all, the code inside. */
  g_assert_cmpuint (ed_station_map_get_district_n_rings (map, farms), ==, 1);
  g_assert_true (inside_outline (map, farms, E0 + 11000, N0 + 2000));
  g_assert_true (ed_station_map_get_district_label (map, farms, &label_e, &label_n));
  g_assert_true (inside_outline (map, farms, label_e, label_n));

  g_assert_cmpuint (ed_station_map_get_district_n_rings (map, unknown), ==, 0);
  g_assert_false (ed_station_map_get_district_label (map, unknown, &label_e, &label_n));
}

/* The longest round distance that fits: 1, 2, 2.5 or 5 times a power of ten. */
static void
test_scale_bar (void)
{
  static const struct { double most, expected; } cases[] = {
    { 130, 100 }, { 260, 250 }, { 499, 250 }, { 500, 500 }, { 999, 500 }, { 1000, 1000 },
    { 2100, 2000 }, { 4999, 2500 }, { 7000, 5000 }, { 12, 10 }, { 0.4, 1 }, { 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat (ed_station_map_scale_bar_metres (cases[i].most), ==, cases[i].expected);
}

/* A grid of 52 stations 1 km apart, 13 across: no two neighbours, across or diagonally, share
 * a colour, though the palette has a dozen (taken in turn, the thirteenth would repeat the
 * first just below and to the left of it). A station with no properties yet stands at its
 * place. */
static void
test_neighbours_differ (void)
{
  g_autoptr(EdStationMap) map = ed_station_map_new ("Test");
  double centres[52][2];

  for (guint s = 0; s < G_N_ELEMENTS (centres); s++)
    {
      g_autofree char *code = g_strdup_printf ("S%u", s + 1);
      int station;

      centres[s][0] = 430000 + 1000 * (s % 13);
      centres[s][1] = 380000 + 1000 * (s / 13);
      station = ed_station_map_add_station (map, code, "",
                                            ed_station_map_add_place (map, code, centres[s][0],
                                                                      centres[s][1]));
      if (s % 2 == 0)
        for (int k = -2; k <= 2; k++)
          ed_station_map_add_property (map, centres[s][0] + 50 * k, centres[s][1] - 30 * k,
                                       ED_STATION_MAP_NONE, station);
    }
  ed_station_map_finish (map);

  for (guint s = 0; s < G_N_ELEMENTS (centres); s++)
    for (guint t = s + 1; t < G_N_ELEMENTS (centres); t++)
      {
        double de = centres[s][0] - centres[t][0], dn = centres[s][1] - centres[t][1];
        double a[3], b[3];

        if (de * de + dn * dn > 1500.0 * 1500.0)
          continue;
        ed_station_map_get_station_colour (map, s, a);
        ed_station_map_get_station_colour (map, t, b);
        g_assert_false (a[0] == b[0] && a[1] == b[1] && a[2] == b[2]);
      }
}

typedef struct
{
  char *aa;
  char *ab;
  char *overridden;
} Small;

/* Two districts: AA has a whole-district station AA1 and a street station AA2 for Mill Lane
 * (at a place of its own), and one Mill Lane property sent back to AA1 by an override; AB has
 * no station; one property has no coordinates. */
static EdContext *
open_small (EdTestDir *fixture,
            Small     *small)
{
  EdContext *context = ed_test_register_open (fixture, "england");
  g_autofree char *hall = NULL;
  g_autofree char *school = NULL;
  g_autofree char *aa1 = NULL;
  g_autofree char *aa2 = NULL;
  char *rows[4] = { NULL };
  const char *columns[] = { "property", "station" };
  GVariant *values[2];
  g_autofree char *override = NULL;

  small->aa = ed_test_register_add_district (context, "AA", "Abbey");
  small->ab = ed_test_register_add_district (context, "AB", "Brook");
  hall = ed_test_stations_add_place (context, "Abbey Hall", 431500, 386500, small->aa);
  school = ed_test_stations_add_place (context, "Mill School", 431900, 386100, small->aa);
  aa1 = ed_test_stations_add_station (context, hall, "AA1", "");
  aa2 = ed_test_stations_add_station (context, school, "AA2", "Hall");
  g_free (ed_test_stations_add_coverage (context, aa1, small->aa, ""));
  g_free (ed_test_stations_add_coverage (context, aa2, small->aa, "Mill Lane"));

  rows[0] = ed_test_stations_add_property (context, small->aa, "High Street", 431400, 386400);
  rows[1] = ed_test_stations_add_property (context, small->aa, "High Street", 431600, 386700);
  rows[2] = ed_test_stations_add_property (context, small->aa, "Mill Lane", 431950, 386000);
  rows[3] = ed_test_stations_add_property (context, small->aa, "Mill Lane", 0, 0);
  small->overridden = ed_test_stations_add_property (context, small->aa, "Mill Lane", 431800,
                                                     386800);
  values[0] = g_variant_new_string (small->overridden);
  values[1] = g_variant_new_string (aa1);
  override = ed_test_register_insert (context, "station_override", columns, values, 2);
  g_free (ed_test_stations_add_property (context, small->ab, "Brook Road", 433000, 386000));
  g_free (ed_test_stations_add_property (context, small->ab, "Brook Road", 433200, 386300));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_free (rows[i]);
  return context;
}

static void
small_clear (Small *small)
{
  g_free (small->aa);
  g_free (small->ab);
  g_free (small->overridden);
}

static int
station_by_code (EdStationMap *map,
                 const char   *code)
{
  for (guint i = 0; i < ed_station_map_get_n_stations (map); i++)
    if (g_str_equal (ed_station_map_get_station_code (map, i), code))
      return i;
  return -1;
}

/* Override, then street, then district; AB's properties have no station. */
static void
test_assignment (EdTestDir     *fixture,
                 gconstpointer  data)
{
  Small small = { 0 };
  g_autoptr(EdContext) context = open_small (fixture, &small);
  g_autoptr(EdStationMap) all = NULL;
  g_autoptr(EdStationMap) aa = NULL;
  g_autoptr(EdStationMap) ab = NULL;
  g_autoptr(GError) error = NULL;

  all = ed_station_map_new_from_district (context, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_station_map_get_n_properties (all), ==, 7);
  g_assert_cmpuint (ed_station_map_get_n_located (all), ==, 6);
  g_assert_cmpuint (ed_station_map_get_n_unassigned (all), ==, 2);
  g_assert_cmpuint (ed_station_map_get_n_stations (all), ==, 2);
  g_assert_cmpuint (ed_station_map_get_n_districts (all), ==, 2);
  /* AA1: two on High Street and the override; AA2: the two other Mill Lane properties, one
   * of them without coordinates. */
  g_assert_cmpuint (ed_station_map_get_station_count (all, station_by_code (all, "AA1")), ==, 3);
  g_assert_cmpuint (ed_station_map_get_station_count (all, station_by_code (all, "AA2")), ==, 2);
  /* AA's outline, round four properties far apart, holds them all. */
  g_assert_cmpuint (ed_station_map_get_district_n_rings (all, 0), ==, 1);
  g_assert_true (inside_outline (all, 0, 431400, 386400));
  g_assert_true (inside_outline (all, 0, 431950, 386000));
  g_assert_true (inside_outline (all, 0, 431800, 386800));

  aa = ed_station_map_new_from_district (context, "aa", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_station_map_get_n_properties (aa), ==, 5);
  g_assert_cmpuint (ed_station_map_get_n_unassigned (aa), ==, 0);
  g_assert_cmpuint (ed_station_map_get_n_stations (aa), ==, 2);
  g_assert_nonnull (strstr (ed_station_map_get_title (aa), "AA"));

  /* No station serves AB, and none is drawn for it. */
  ab = ed_station_map_new_from_district (context, "AB", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_station_map_get_n_properties (ab), ==, 2);
  g_assert_cmpuint (ed_station_map_get_n_unassigned (ab), ==, 2);
  g_assert_cmpuint (ed_station_map_get_n_stations (ab), ==, 0);

  g_assert_null (ed_station_map_new_from_district (context, "ZZ", &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  small_clear (&small);
}

static guint
count_painted (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint painted = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *)(data + y * stride))[x] != 0)
        painted++;
  return painted;
}

/* A property without coordinates is counted but never drawn at 0, 0; one with them is. */
static void
test_unlocated_not_drawn (void)
{
  g_autoptr(EdStationMap) map = ed_station_map_new ("Test");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  EdMapView at_zero = { 0, 0, 10 };
  EdMapView at_house = { 431000, 386000, 10 };
  int station = ed_station_map_add_station (map, "X1", "", ED_STATION_MAP_NONE);

  ed_station_map_add_property (map, 0, 0, ED_STATION_MAP_NONE, station);
  ed_station_map_add_property (map, 0, 0, ED_STATION_MAP_NONE, ED_STATION_MAP_NONE);
  ed_station_map_add_property (map, 431000, 386000, ED_STATION_MAP_NONE, station);
  ed_station_map_finish (map);
  g_assert_cmpuint (ed_station_map_get_n_properties (map), ==, 3);
  g_assert_cmpuint (ed_station_map_get_n_located (map), ==, 1);
  g_assert_cmpuint (ed_station_map_get_station_count (map, station), ==, 2);

  ed_station_map_draw (map, cr, 100, 100, &at_zero, ED_MAP_LAYER_PROPERTIES);
  g_assert_cmpuint (count_painted (surface), ==, 0);
  ed_station_map_draw (map, cr, 100, 100, &at_house, ED_MAP_LAYER_PROPERTIES);
  g_assert_cmpuint (count_painted (surface), >, 0);
  g_assert_cmpuint (count_painted (surface), <=, 16);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A PNG of the sheet's size, with the properties' colours in it. */
static void
test_write_png (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdStationMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "Map.PNG");
  cairo_surface_t *image;
  EdTestTown town;

  ed_test_stations_build_town (context, 3000, 6, &town);
  map = ed_station_map_new_from_district (context, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_station_map_get_n_properties (map), ==, town.n_properties);
  g_assert_cmpuint (ed_station_map_get_n_located (map), ==,
                    town.n_properties - town.n_unlocated);
  g_assert_cmpuint (ed_station_map_get_n_unassigned (map), ==, 0);
  g_assert_cmpuint (ed_station_map_get_n_stations (map), ==, town.n_stations);
  g_assert_true (ed_station_map_write (map, path, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, ED_STATION_MAP_PNG_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, ED_STATION_MAP_PNG_HEIGHT);
  cairo_surface_destroy (image);
  ed_test_dir_assert_no_temporaries (fixture->dir);
}

/* A one-page PDF whose text has the title, the legend and the footnote. */
static void
test_write_pdf (EdTestDir     *fixture,
                gconstpointer  data)
{
  Small small = { 0 };
  g_autoptr(EdContext) context = open_small (fixture, &small);
  g_autoptr(EdStationMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "map.pdf");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;

  map = ed_station_map_new_from_district (context, "AA", &error);
  g_assert_no_error (error);
  g_assert_true (ed_station_map_write (map, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  text = ed_test_pdf_text (path, "-raw", NULL);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Polling District AA, Abbey"));
      g_assert_nonnull (strstr (text, "Testbury District Council"));
      g_assert_nonnull (strstr (text, "Polling Stations"));
      g_assert_nonnull (strstr (text, "AA1"));
      g_assert_nonnull (strstr (text, "Mill School, Hall"));
      g_assert_nonnull (strstr (text, "3 properties"));
      g_assert_nonnull (strstr (text, "1 property has no grid reference"));
    }
  small_clear (&small);
}

/* A council's map of 120 stations: the legend lists as many as fit on the page and counts
 * the rest, rather than running off it. */
static void
test_legend_of_many (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdStationMap) map = ed_station_map_new ("Many Stations");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "many.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  guint listed = 0;

  for (int s = 0; s < 120; s++)
    {
      g_autofree char *code = g_strdup_printf ("S%d", s + 1);
      int district = ed_station_map_add_district (map, code, code);
      int place = ed_station_map_add_place (map, code, E0 + 600 * (s % 12), N0 + 600 * (s / 12));
      int station = ed_station_map_add_station (map, code, "", place);

      for (int k = 0; k < 20; k++)
        ed_station_map_add_property (map, E0 + 600 * (s % 12) + 10 * (k % 5),
                                     N0 + 600 * (s / 12) + 10 * (k / 5), district, station);
    }
  ed_station_map_finish (map);
  g_assert_true (ed_station_map_write (map, path, &error));
  g_assert_no_error (error);

  text = ed_test_pdf_text (path, "-raw", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "S1 "));
  g_assert_nonnull (strstr (text, "more stations"));
  for (const char *at = strstr (text, "20 properties"); at != NULL;
       at = strstr (at + 1, "20 properties"))
    listed++;
  g_assert_cmpuint (listed, >, 20);
  g_assert_cmpuint (listed, <, 120);
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &info, NULL, NULL, NULL));
      g_assert_nonnull (strstr (info, "Pages:           1"));
    }
}

/* A folder that cannot be written, or a name that is neither PDF nor PNG: an error, and no
 * file and no temporary left behind. */
static void
test_failed_write_leaves_nothing (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(EdStationMap) map = ed_station_map_new ("Test");
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = ed_test_dir_file (fixture, "not-a-folder");
  g_autofree char *inside = g_build_filename (blocker, "map.png", NULL);
  g_autofree char *text = ed_test_dir_file (fixture, "map.svg");
  g_autoptr(GDir) dir = NULL;

  ed_station_map_add_property (map, 431000, 386000, ED_STATION_MAP_NONE, ED_STATION_MAP_NONE);
  ed_station_map_finish (map);
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));

  g_assert_false (ed_station_map_write (map, inside, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ed_station_map_write (map, text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));

  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "not-a-folder");
  g_assert_null (g_dir_read_name (dir));
}

/* electoral-desk-cli stations map: a PNG for one district; clear refusals of an unknown
 * district and a name that is neither PDF nor PNG. */
static void
test_command (EdTestDir     *fixture,
              gconstpointer  data)
{
  Small small = { 0 };
  g_autoptr(EdContext) context = open_small (fixture, &small);
  g_autofree char *db = g_strdup (ed_database_get_path (ed_context_get_database (context)));
  g_autofree char *png = ed_test_dir_file (fixture, "aa.png");
  g_autofree char *svg = ed_test_dir_file (fixture, "aa.svg");
  g_auto(EdTestCliResult) result = { 0 };

  g_clear_object (&context);
  ed_test_cli_run (&result, "--db", db, "stations", "map", "--district", "AA", "-o", png,
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "5 properties"));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run (&result, "--db", db, "stations", "map", "--district", "QQ", "-o", png,
                   NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "QQ"));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run (&result, "--db", db, "stations", "map", "-o", svg, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, ".pdf or .png"));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  ed_test_cli_result_clear (&result);

  ed_test_cli_run (&result, "--db", db, "stations", "map", NULL);
  g_assert_cmpint (result.status, ==, 2);
  small_clear (&small);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stations/map/outlines", test_outlines);
  g_test_add_func ("/stations/map/scale-bar", test_scale_bar);
  g_test_add_func ("/stations/map/unlocated-not-drawn", test_unlocated_not_drawn);
  g_test_add_func ("/stations/map/neighbours-differ", test_neighbours_differ);
  ED_TEST_ADD ("/stations/map/assignment", test_assignment);
  ED_TEST_ADD ("/stations/map/write-png", test_write_png);
  ED_TEST_ADD ("/stations/map/write-pdf", test_write_pdf);
  ED_TEST_ADD ("/stations/map/legend-of-many", test_legend_of_many);
  ED_TEST_ADD ("/stations/map/failed-write-leaves-nothing", test_failed_write_leaves_nothing);
  ED_TEST_ADD ("/stations/map/command", test_command);
  return g_test_run ();
}
