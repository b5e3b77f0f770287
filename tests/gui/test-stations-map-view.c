/* test-stations-map-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The station map on screen (src/ui/stations/ed-station-map-view.c): it draws a town's
 * properties, zooms and pans from its keyboard actions, draws a fresh picture for the new
 * view, and shows the whole map again; all without a warning, which the tests make fatal. */

#include "config.h"

#include "ed-gui-test-util.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"
#include "tests/lib/ed-test-stations.h"
#include "ui/stations/ed-station-map-view.h"

#define N_PROPERTIES 20000

typedef struct
{
  EdTestDir     dir;
  EdContext    *context;
  EdStationMap *map;
  GtkWindow    *window;
  GtkWidget    *view;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ed_test_dir_setup (&fixture->dir, data);
  fixture->context = ed_test_register_open (&fixture->dir, "england");
  ed_test_stations_build_town (fixture->context, N_PROPERTIES, 9, NULL);
  fixture->map = ed_station_map_new_from_district (fixture->context, NULL, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 640, 480);
  fixture->view = ed_station_map_view_new ();
  gtk_window_set_child (fixture->window, fixture->view);
  ed_station_map_view_set_map (ED_STATION_MAP_VIEW (fixture->view), fixture->map);
  gtk_window_present (fixture->window);
  g_assert_true (ed_gui_test_wait_until_drawable (fixture->view));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  ed_gui_test_iterate ();
  g_clear_pointer (&fixture->map, ed_station_map_unref);
  g_clear_object (&fixture->context);
  ed_test_dir_teardown (&fixture->dir, data);
}

/* Runs the main loop until the view's picture matches its view, or five seconds pass. */
static gboolean
wait_until_ready (EdStationMapView *view)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!ed_station_map_view_is_ready (view) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return ed_station_map_view_is_ready (view);
}

/* How many pixels of the view, as the window's renderer draws it, are neither paper nor
 * white nor grey: the properties' and stations' colours. */
static guint
count_coloured_pixels (Fixture *fixture)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (fixture->view);
  int height = gtk_widget_get_height (fixture->view);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  guint coloured = 0;

  /* The view's own drawing, as the next frame would show it. */
  GTK_WIDGET_GET_CLASS (fixture->view)->snapshot (fixture->view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    {
      const guchar *px = pixels + 4 * i;
      int spread = MAX (MAX (px[0], px[1]), px[2]) - MIN (MIN (px[0], px[1]), px[2]);

      if (spread > 40)
        coloured++;
    }
  return coloured;
}

/* The whole town shown at first, its dots drawn. */
static void
test_draws_the_map (Fixture       *fixture,
                    gconstpointer  data)
{
  EdStationMapView *view = ED_STATION_MAP_VIEW (fixture->view);
  EdMapView shown, fitted;

  g_assert_true (wait_until_ready (view));
  ed_station_map_view_get_view (view, &shown);
  ed_station_map_fit_view (fixture->map, gtk_widget_get_width (fixture->view),
                           gtk_widget_get_height (fixture->view), &fitted);
  g_assert_cmpfloat_with_epsilon (shown.metres_per_unit, fitted.metres_per_unit, 1e-9);
  g_assert_cmpuint (count_coloured_pixels (fixture), >, 2000);
}

/* + zooms in about the middle, an arrow key moves by an eighth of the view, each followed by a
 * fresh picture; 0 shows the whole map again. */
static void
test_keyboard_zoom_and_pan (Fixture       *fixture,
                            gconstpointer  data)
{
  EdStationMapView *view = ED_STATION_MAP_VIEW (fixture->view);
  EdMapView before, zoomed, panned, fitted;
  double width;

  g_assert_true (wait_until_ready (view));
  width = gtk_widget_get_width (fixture->view);
  ed_station_map_view_get_view (view, &before);

  g_assert_true (gtk_widget_activate_action (fixture->view, "map.zoom-in", NULL));
  ed_station_map_view_get_view (view, &zoomed);
  g_assert_cmpfloat_with_epsilon (zoomed.metres_per_unit, before.metres_per_unit / 1.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (zoomed.centre_easting, before.centre_easting, 1e-6);
  g_assert_false (ed_station_map_view_is_ready (view));
  g_assert_true (wait_until_ready (view));

  g_assert_true (gtk_widget_activate_action (fixture->view, "map.pan", "(ii)", 1, 0));
  ed_station_map_view_get_view (view, &panned);
  g_assert_cmpfloat_with_epsilon (panned.centre_easting,
                                  zoomed.centre_easting - width / 8 * zoomed.metres_per_unit,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (panned.centre_northing, zoomed.centre_northing, 1e-6);
  /* A pan within the picture's margin needs no new picture. */
  g_assert_true (ed_station_map_view_is_ready (view));

  /* Far off the picture: a new one is drawn. */
  ed_station_map_view_pan (view, -3 * width, 0);
  g_assert_false (ed_station_map_view_is_ready (view));
  g_assert_true (wait_until_ready (view));

  g_assert_true (gtk_widget_activate_action (fixture->view, "map.fit", NULL));
  ed_station_map_view_get_view (view, &fitted);
  g_assert_cmpfloat_with_epsilon (fitted.metres_per_unit, before.metres_per_unit, 1e-9);
  g_assert_cmpfloat_with_epsilon (fitted.centre_easting, before.centre_easting, 1e-6);
  g_assert_true (wait_until_ready (view));
  g_assert_cmpuint (count_coloured_pixels (fixture), >, 2000);
}

/* Zooming stops a little beyond the whole map, however far it is asked to go. */
static void
test_zoom_is_bounded (Fixture       *fixture,
                      gconstpointer  data)
{
  EdStationMapView *view = ED_STATION_MAP_VIEW (fixture->view);
  EdMapView before, after;

  ed_station_map_view_get_view (view, &before);
  for (guint i = 0; i < 40; i++)
    ed_station_map_view_zoom (view, 0.5);
  ed_station_map_view_get_view (view, &after);
  g_assert_cmpfloat (after.metres_per_unit, <=, before.metres_per_unit * 4 + 1e-9);
  g_assert_true (wait_until_ready (view));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  g_test_add ("/stations/map-view/draws-the-map", Fixture, NULL, fixture_setup,
              test_draws_the_map, fixture_teardown);
  g_test_add ("/stations/map-view/keyboard-zoom-and-pan", Fixture, NULL, fixture_setup,
              test_keyboard_zoom_and_pan, fixture_teardown);
  g_test_add ("/stations/map-view/zoom-is-bounded", Fixture, NULL, fixture_setup,
              test_zoom_is_bounded, fixture_teardown);
  return g_test_run ();
}
