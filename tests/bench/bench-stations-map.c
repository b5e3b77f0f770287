/* bench-stations-map.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A station map of 100,000 properties drawn to PNG (DESIGN.md §9, budget 1 s): a town of 25
 * polling districts and their stations written through change sets, the map read from it,
 * then the A4 sheet drawn and written as a PNG five times; the figure is the median write.
 * The reading and a PDF of the same map are timed for the log.
 *
 * ED_BENCH_PROPERTIES overrides the size for a quicker look; ED_BENCH_MAP_OUT names a folder
 * to write the PNG and the PDF into, to look at. */

#define G_LOG_DOMAIN "ed-bench-stations-map"

#include "config.h"

#include "ed-bench-util.h"
#include "ed-test-dir.h"
#include "ed-test-register.h"
#include "ed-test-stations.h"
#include "stations/ed-station-map.h"

#define DEFAULT_PROPERTIES 100000
#define N_DISTRICTS 25
#define N_RUNS 5
#define BUDGET_MS 1000.0

int
main (int   argc,
      char *argv[])
{
  EdTestDir dir = { NULL };
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  const char *size = g_getenv ("ED_BENCH_PROPERTIES");
  const char *keep = g_getenv ("ED_BENCH_MAP_OUT");
  guint n_properties = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10)
                                    : DEFAULT_PROPERTIES;
  EdTestTown town;
  gint64 start;
  double read_ms, pdf_ms, median;

  ed_bench_init ();
  dir.dir = ed_bench_make_dir ();
  png = g_build_filename (dir.dir, "map.png", NULL);
  pdf = g_build_filename (dir.dir, "map.pdf", NULL);

  context = ed_test_register_open (&dir, "england");
  ed_test_stations_build_town (context, n_properties, N_DISTRICTS, &town);

  start = g_get_monotonic_time ();
  map = ed_station_map_new_from_district (context, NULL, &error);
  read_ms = ed_bench_ms_since (start);
  ed_bench_check (map != NULL, error, "reading the map");
  g_print ("# %u properties (%u without coordinates) in %u districts, %u stations: read and "
           "outlined in %.0f ms\n", town.n_properties, town.n_unlocated, town.n_districts,
           town.n_stations, read_ms);

  for (guint run = 0; run < N_RUNS; run++)
    {
      double ms;

      start = g_get_monotonic_time ();
      ed_bench_check (ed_station_map_write (map, png, &error), error, "writing the PNG");
      ms = ed_bench_ms_since (start);
      g_array_append_val (samples, ms);
    }
  start = g_get_monotonic_time ();
  ed_bench_check (ed_station_map_write (map, pdf, &error), error, "writing the PDF");
  pdf_ms = ed_bench_ms_since (start);

  /* What the map view pays (src/ui/stations): a worker draws the map for a 1280×800 view with
   * half a view's margin all round, and each frame draws the scale bar and the north arrow
   * over it (the best of ten, the machine's noise aside). */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2560, 1600);
    cairo_t *cr = cairo_create (surface);
    EdMapView view;
    double picture_ms, frame_ms = G_MAXDOUBLE;

    ed_station_map_fit_view (map, 1280, 800, &view);
    start = g_get_monotonic_time ();
    ed_station_map_draw (map, cr, 2560, 1600, &view,
                         ED_MAP_LAYER_ALL & ~ED_MAP_LAYER_FURNITURE);
    cairo_surface_flush (surface);
    picture_ms = ed_bench_ms_since (start);
    for (int frame = 0; frame < 10; frame++)
      {
        start = g_get_monotonic_time ();
        ed_station_map_draw (map, cr, 1280, 800, &view, ED_MAP_LAYER_FURNITURE);
        cairo_surface_flush (surface);
        frame_ms = MIN (frame_ms, ed_bench_ms_since (start));
      }
    g_print ("# map view: the worker's picture (2560x1600) %.0f ms; each frame's scale bar "
             "and arrow %.2f ms\n", picture_ms, frame_ms);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  if (keep != NULL)
    {
      g_autofree char *kept_png = g_build_filename (keep, "stations-map.png", NULL);
      g_autofree char *kept_pdf = g_build_filename (keep, "stations-map.pdf", NULL);

      ed_bench_check (ed_station_map_write (map, kept_png, &error), error, "keeping the PNG");
      ed_bench_check (ed_station_map_write (map, kept_pdf, &error), error, "keeping the PDF");
      g_print ("# kept %s and %s\n", kept_png, kept_pdf);
    }

  median = ed_bench_percentile (samples, 50);
  g_print ("# PNG %dx%d: fastest %.0f ms, slowest %.0f ms of %u; the same map as PDF %.0f ms\n",
           ED_STATION_MAP_PNG_WIDTH, ED_STATION_MAP_PNG_HEIGHT,
           ed_bench_percentile (samples, 0), ed_bench_percentile (samples, 100), N_RUNS,
           pdf_ms);
  g_print ("bench: stations-map-png %.0f ms budget %.0f ms\n", median, BUDGET_MS);

  g_clear_object (&context);
  ed_bench_remove_dir (dir.dir);
  g_free (dir.dir);
  return median <= BUDGET_MS ? 0 : 1;
}
