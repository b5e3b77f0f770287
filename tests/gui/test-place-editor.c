/* test-place-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The place editor and the Polling Stations page's list of places, driven as an officer
 * would: by the labelled rows and the buttons. */

#include "config.h"

#include "core/ed-database.h"
#include "stations/ed-polling-place.h"
#include "ui/stations/ed-place-editor.h"
#include "ui/stations/ed-station-editor.h"
#include "ui/stations/ed-stations-page.h"
#include "ed-gui-test-util.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"
#include "tests/lib/ed-test-stations.h"
#include "ui/stations/ed-station-map-view.h"
#include "ui/stations/ed-plan-pane.h"

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = ed_gui_test_find (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static gint64
count (EdContext  *context,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context), sql,
                                                      NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A new place is saved only once it has a name and its fields are right; a wrong field says
 * why under its row and the form stays open with what was typed. */
static void
test_new_place (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  EdPlaceEditor *editor = ed_place_editor_new (NULL, context, NULL);
  GtkWidget *save = ed_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (save);
  gtk_window_present (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor), "Name")), "Abbey Hall");
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor), "Easting")), "451200");
  ed_gui_test_iterate ();
  /* Half a point: the northing is missing. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (find_entry (GTK_WIDGET (editor), "Easting"),
                                           "error"));
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor), "Northing")), "206300");
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor), "Hire fee")), "£60");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (ed_place_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_place"), ==, 1);
  g_assert_cmpint (count (context, "SELECT hire_fee FROM polling_place"), ==, 6000);
  g_assert_nonnull (ed_place_editor_get_place_id (editor));
  g_assert_false (ed_place_editor_has_unsaved_changes (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The checklist's answers are saved with the place, one row per question answered. */
static void
test_checklist_saved (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdPlaceEdit) edit = ed_place_edit_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) answers = NULL;
  EdPlaceEditor *editor;
  GtkWidget *question;

  g_free (edit->name);
  edit->name = g_strdup ("Brook School");
  g_assert_true (ed_place_edit_save (context, edit, &error));

  editor = ed_place_editor_new (NULL, context, edit->id);
  gtk_window_present (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  g_assert_false (ed_place_editor_has_unsaved_changes (editor));
  question = ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                               ed_access_item_get_question (ED_ACCESS_DOOR_WIDTH));
  g_assert_nonnull (question);
  adw_combo_row_set_selected (ADW_COMBO_ROW (question), ED_ACCESS_ANSWER_NO);
  ed_gui_test_iterate ();
  g_assert_true (ed_place_editor_has_unsaved_changes (editor));
  g_assert_true (ed_place_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));

  answers = ed_place_access_load (context, edit->id, &error);
  g_assert_cmpint (g_array_index (answers, EdPlaceAccessAnswer, ED_ACCESS_DOOR_WIDTH).answer,
                   ==, ED_ACCESS_ANSWER_NO);
  g_assert_cmpint (count (context, "SELECT count(*) FROM place_access_check"), ==, 1);
}

/* A station made from its place: the next free code, what it serves added from the district
 * list, and the place's editor listing it once saved. */
static void
test_new_station (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autoptr(EdPlaceEdit) edit = ed_place_edit_new ();
  g_autoptr(GError) error = NULL;
  EdStationEditor *editor;
  EdPlaceEditor *place_editor;
  GtkWidget *street;

  g_free (edit->name);
  edit->name = g_strdup ("Abbey Hall");
  g_assert_true (ed_place_edit_save (context, edit, &error));

  editor = ed_station_editor_new (NULL, context, edit->id, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  ed_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor),
                                                                    "Number or code"))),
                   ==, "1");
  street = find_entry (GTK_WIDGET (editor), "Street (empty for the whole district)");
  gtk_editable_set_text (GTK_EDITABLE (street), "Mill Lane");
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Add"),
                         "clicked");
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                      "AA: Mill Lane"));
  g_assert_true (ed_station_editor_has_unsaved_changes (editor));
  g_assert_true (ed_station_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage "
                                   "WHERE street = 'Mill Lane'"), ==, 1);

  place_editor = ed_place_editor_new (NULL, context, edit->id);
  gtk_window_present (GTK_WINDOW (place_editor));
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (place_editor), ADW_TYPE_ACTION_ROW,
                                      "Station 1"));
  gtk_window_destroy (GTK_WINDOW (place_editor));
}

/* The page lists the places with what matters at a glance, and shows them afresh after a
 * sync brought another desk's place in. */
static void
test_page_lists_places (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdPlaceEdit) edit = ed_place_edit_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  EdModulePage *page = g_object_new (ED_TYPE_STATIONS_PAGE, NULL);
  GDate today = ed_test_date ("2026-10-01");
  g_autofree char *issue = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  ed_module_page_set_context (page, context);
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                      "No Polling Places"));

  g_free (edit->name);
  edit->name = g_strdup ("Cedar Chapel");
  g_assert_true (ed_place_edit_save (context, edit, &error));
  issue = ed_place_access_issue_add (context, edit->id, "step_free_entrance",
                                     "Three steps at the door.", "Hire a ramp.", &today,
                                     &error);
  g_assert_no_error (error);
  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Cedar Chapel"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                      "1 accessibility issue"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Map view reads the district in a job when it is first shown, and shows the map once
 * it is read; a district with nothing on the grid says so instead. */
static void
test_page_map (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  GtkWidget *window = gtk_window_new ();
  EdModulePage *page = g_object_new (ED_TYPE_STATIONS_PAGE, NULL);
  AdwViewStack *views;
  GtkWidget *view;
  gint64 deadline;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  ed_module_page_set_context (page, context);
  views = ADW_VIEW_STACK (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL));
  adw_view_stack_set_visible_child_name (views, "map");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                   "Nothing to Map Yet")) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                          "Nothing to Map Yet")));

  ed_test_stations_build_town (context, 400, 2, NULL);
  ed_module_page_reload (page);
  view = ed_gui_test_find (GTK_WIDGET (page), ED_TYPE_STATION_MAP_VIEW, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((!gtk_widget_get_mapped (view) ||
          !ed_station_map_view_is_ready (ED_STATION_MAP_VIEW (view))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (ed_station_map_view_is_ready (ED_STATION_MAP_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (ADW_IS_ACTION_ROW (child) && gtk_widget_get_mapped (child) ? 1 : 0) +
         count_rows (child);
  return n;
}

/* The plan view works the plan out in a job and lists every station by its code and place,
 * and says when there are no stations yet. */
static void
test_page_plan (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  GtkWidget *window = gtk_window_new ();
  EdPlanPane *pane = g_object_new (ED_TYPE_PLAN_PANE, NULL);
  EdTestTown town = { 0 };
  gint64 deadline;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  gtk_window_present (GTK_WINDOW (window));
  ed_plan_pane_set_context (pane, context);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!ed_plan_pane_is_ready (pane) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ed_plan_pane_is_ready (pane));
  g_assert_true (gtk_widget_get_mapped (ed_gui_test_find (GTK_WIDGET (pane), GTK_TYPE_LABEL,
                                                          "No Polling Stations")));

  ed_test_stations_build_town (context, 400, 2, &town);
  g_assert_cmpuint (town.n_stations, >, 0);
  ed_plan_pane_reload (pane);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!ed_plan_pane_is_ready (pane) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
  /* A row for each station, and one for each polling district. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (pane)), ==, town.n_stations + town.n_districts);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/stations/place-editor/new-place", test_new_place);
  ED_TEST_ADD ("/stations/place-editor/checklist-saved", test_checklist_saved);
  ED_TEST_ADD ("/stations/station-editor/new-station", test_new_station);
  ED_TEST_ADD ("/stations/page/lists-places", test_page_lists_places);
  ED_TEST_ADD ("/stations/page/map", test_page_map);
  ED_TEST_ADD ("/stations/page/plan", test_page_plan);

  return g_test_run ();
}
