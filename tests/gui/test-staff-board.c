/* test-staff-board.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Staff page's Appointments view, the appointment board (issue 16, items 3 and 7),
 * driven as an officer would: a person appointed to a station through the Appoint dialog and
 * by a drop, an appointment moved on and removed (and put back), and the warnings of
 * DOMAIN.md §3.4 and §4 shown as they arise. The demo district's May poll, with its stations
 * and, in most tests, without its staff. Tests run with ED_TODAY=2030-01-02. */

#include "config.h"

#include <string.h>

#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-warnings.h"
#include "ui/staff/ed-appoint-dialog.h"
#include "ui/staff/ed-board-place-row.h"
#include "ui/staff/ed-staff-board.h"
#include "ui/staff/ed-staff-page.h"
#include "ed-gui-test-util.h"
#include "ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"

static EdContext *
open_demo (EdTestDir *fixture,
           gboolean   with_staff)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  EdContext *context = ed_gui_test_demo_open (path, 200);

  if (!with_staff)
    ed_test_demo_remove_staff (context);
  return context;
}

static char *
add_person (EdContext         *context,
            const char        *family_name,
            const char        *given_names,
            const EdStaffRole *roles,
            guint              n_roles)
{
  g_autoptr(EdStaffPerson) person = ed_staff_person_new ();
  g_autoptr(GError) error = NULL;

  g_free (person->family_name);
  person->family_name = g_strdup (family_name);
  g_free (person->given_names);
  person->given_names = g_strdup (given_names);
  g_array_append_vals (person->roles, roles, n_roles);
  g_assert_true (ed_staff_person_add (context, person, &error));
  g_assert_no_error (error);
  return g_strdup (person->id);
}

static const EdStaffRole presiding_and_clerk[] = {
  ED_STAFF_ROLE_PRESIDING_OFFICER, ED_STAFF_ROLE_POLL_CLERK,
};
static const EdStaffRole count_assistant[] = { ED_STAFF_ROLE_COUNT_ASSISTANT };
static const EdStaffRole clerk[] = { ED_STAFF_ROLE_POLL_CLERK };

/* Runs the main loop until the board shows what was last asked for (its plan is worked out in
 * a job), or ten seconds pass. */
static void
wait_for_board (EdStaffBoard *board)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  ed_gui_test_iterate ();
  while (!ed_staff_board_is_ready (board) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  ed_gui_test_iterate ();
  g_assert_true (ed_staff_board_is_ready (board));
}

/* The Staff page in a window, turned to its Appointments view. */
static EdStaffBoard *
show_board (EdContext  *context,
            GtkWidget **window)
{
  EdModulePage *page = g_object_new (ED_TYPE_STAFF_PAGE, NULL);
  GtkWidget *views;
  GtkWidget *board;

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  ed_module_page_set_context (page, context);
  g_assert_true (ed_gui_test_wait_until_drawable (GTK_WIDGET (page)));
  views = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL);
  board = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (views), "appointments");
  g_assert_true (ED_IS_STAFF_BOARD (board));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "appointments");
  wait_for_board (ED_STAFF_BOARD (board));
  return ED_STAFF_BOARD (board);
}

/* The first station of the plan that holds a poll: with no staff, it has no presiding
 * officer, and says so. */
static guint
first_open_station (EdStaffBoard *board)
{
  for (guint i = 0; i < ed_staff_board_get_n_places (board); i++)
    {
      const EdBoardPlace *place = ed_staff_board_get_place (board, i);

      if (place->in_plan && !place->no_poll)
        return i;
    }
  g_assert_not_reached ();
}

static GPtrArray *
stored (EdContext  *context,
        const char *election)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *appointments = ed_staff_appointment_list (context, election,
                                                       ED_STAFF_APPOINTMENT_BY_STATION, &error);

  g_assert_no_error (error);
  return appointments;
}

static EdStaffAppointment *
stored_for (GPtrArray  *appointments,
            const char *person)
{
  for (guint i = 0; i < appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);

      if (g_str_equal (appointment->person, person))
        return appointment;
    }
  return NULL;
}

static const EdStaffWarning *
find_warning (EdStaffBoard       *board,
              EdStaffWarningKind  kind,
              const char         *station,
              const char         *person)
{
  GPtrArray *warnings = ed_staff_board_get_warnings (board);

  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      EdStaffWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->kind == kind && (station == NULL || g_str_equal (warning->station, station)) &&
          (person == NULL || g_str_equal (warning->person, person)))
        return warning;
    }
  return NULL;
}

/* A label on the board reading @text exactly. */
static gboolean
board_shows (EdStaffBoard *board,
             const char   *text)
{
  return ed_gui_test_find (GTK_WIDGET (board), GTK_TYPE_LABEL, text) != NULL;
}

/* Whether an appointment's state button reads @state. */
static gboolean
state_shown (GtkWidget  *root,
             const char *state)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child) &&
          g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), state) == 0)
        return TRUE;
      if (state_shown (child, state))
        return TRUE;
    }
  return FALSE;
}

static GtkListBoxRow *
place_row (EdStaffBoard *board,
           guint         index)
{
  GtkWidget *first = ed_gui_test_find (GTK_WIDGET (board), ED_TYPE_BOARD_PLACE_ROW, NULL);

  g_assert_nonnull (first);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (first)),
                                        (int)index);
}

/* A point inside the row of place @index, in the coordinates of the list @places, once the
 * list has laid the row out: after the board is rebuilt, a busy machine may not yet have
 * given the new rows their places, and a drop then lands on whatever row is at the top. */
static void
point_on_place (EdStaffBoard *board,
                GtkWidget    *places,
                guint         index,
                double       *x,
                double       *y)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkListBoxRow *row = place_row (board, index);

  for (;;)
    {
      gboolean placed = gtk_widget_get_height (GTK_WIDGET (row)) > 0 &&
                        gtk_widget_translate_coordinates (GTK_WIDGET (row), places, 4, 4, x, y) &&
                        gtk_list_box_get_row_at_y (GTK_LIST_BOX (places), (int)*y) == row;

      if (placed)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Chooses @name in the Appoint dialog and presses Appoint. */
static void
choose_in_dialog (EdAppointDialog *dialog,
                  const char      *name)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, name);
  GtkWidget *button = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Appoint");

  g_assert_nonnull (row);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  g_assert_true (gtk_widget_get_sensitive (button));
  /* As a click does: activating a button clicks it only after its pressed look is shown. */
  g_signal_emit_by_name (button, "clicked");
  ed_gui_test_iterate ();
}

/* The appointment board of the demo's May poll, its staff taken away: every station of the
 * plan that opens is short of a presiding officer (DOMAIN.md §3.4) and says so; appointing one
 * through the dialog, with the keyboard's Ctrl+Return path, records them against the poll,
 * counts them against the plan and clears the warning; the appointment moves on from its menu
 * and a step the rules refuse leaves it as it was. */
static void
test_appoint_through_dialog (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autofree char *okafor = add_person (context, "Okafor", "Sam", presiding_and_clerk,
                                        G_N_ELEMENTS (presiding_and_clerk));
  g_autofree char *ashby = add_person (context, "Ashby", "Ann", clerk, G_N_ELEMENTS (clerk));
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staffing = NULL;
  GtkWidget *window;
  EdStaffBoard *board = show_board (context, &window);
  EdAppointDialog *dialog;
  const EdBoardPlace *place;
  const EdStaffAppointment *appointment;
  g_autofree char *station = NULL;
  g_autofree char *appointment_id = NULL;
  guint index;

  /* The board is the first poll of the May combination, whose staff the others share. */
  election = ed_election_load (context, ed_staff_board_get_election (board), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (election->combined_with, ==, "");

  index = first_open_station (board);
  place = ed_staff_board_get_place (board, index);
  station = g_strdup (place->station);
  g_assert_cmpuint (place->wanted.presiding_officers, ==, 1);
  g_assert_cmpuint (place->appointed.presiding_officers, ==, 0);
  g_assert_nonnull (place->shortfall);
  g_assert_nonnull (find_warning (board, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, station, NULL));
  staffing = ed_board_place_dup_staffing (place);
  g_assert_true (g_str_has_prefix (staffing, "0 of 1 presiding officer, 0 of "));
  g_assert_true (board_shows (board, staffing));
  g_assert_true (board_shows (board, "Short of staff"));
  g_clear_pointer (&staffing, g_free);

  /* Select the station and press Ctrl+Return: the dialog offers the role it is short of. */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (place_row (board, 0)))),
                           place_row (board, index));
  gtk_widget_activate_action (GTK_WIDGET (board), "board.appoint", NULL);
  ed_gui_test_iterate ();
  dialog = ED_APPOINT_DIALOG (ed_gui_test_find_toplevel (ED_TYPE_APPOINT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (ed_appoint_dialog_get_role (dialog), ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  /* Those who hold the role, and no one else. */
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Okafor, Sam"));
  g_assert_null (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Ashby, Ann"));
  choose_in_dialog (dialog, "Okafor, Sam");
  wait_for_board (board);
  appointments = stored (context, election->id);
  g_assert_cmpuint (appointments->len, ==, 1);
  /* Closed once the appointment is made. */
  g_assert_null (ed_gui_test_find_toplevel (ED_TYPE_APPOINT_DIALOG));

  appointment = g_ptr_array_index (appointments, 0);
  appointment_id = g_strdup (appointment->id);
  g_assert_cmpstr (appointment->person, ==, okafor);
  g_assert_cmpint (appointment->role, ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_cmpint (appointment->place_kind, ==, ED_STAFF_PLACE_STATION);
  g_assert_cmpstr (appointment->station, ==, station);
  g_assert_cmpint (appointment->state, ==, ED_APPOINTMENT_INVITED);

  index = (guint)ed_staff_board_find_place (board, ED_STAFF_PLACE_STATION, station);
  place = ed_staff_board_get_place (board, index);
  g_assert_cmpuint (place->appointed.presiding_officers, ==, 1);
  g_assert_cmpuint (place->lines->len, ==, 1);
  staffing = ed_board_place_dup_staffing (place);
  g_assert_true (g_str_has_prefix (staffing, "1 of 1 presiding officer, 0 of "));
  g_assert_true (board_shows (board, staffing));
  g_assert_null (find_warning (board, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, station, NULL));
  /* Still short of clerks, and now Sam has no training for the role. */
  g_assert_nonnull (find_warning (board, ED_STAFF_WARNING_STATION_SHORT, station, NULL));
  g_assert_nonnull (find_warning (board, ED_STAFF_WARNING_TRAINING_MISSING, NULL, okafor));
  g_assert_true (state_shown (GTK_WIDGET (board), "Invited"));

  /* From the row's menu: accepted. */
  gtk_widget_activate_action (GTK_WIDGET (board), "board.set-state", "(ss)", appointment_id,
                              "accepted");
  wait_for_board (board);
  {
    g_autoptr(EdStaffAppointment) loaded = ed_staff_appointment_load (context, appointment_id,
                                                                      &error);

    g_assert_no_error (error);
    g_assert_cmpint (loaded->state, ==, ED_APPOINTMENT_ACCEPTED);
  }
  g_assert_true (state_shown (GTK_WIDGET (board), "Accepted"));
  g_assert_false (state_shown (GTK_WIDGET (board), "Invited"));
  /* Attendance before polling day is refused, and the board says why rather than change. */
  gtk_widget_activate_action (GTK_WIDGET (board), "board.set-state", "(ss)", appointment_id,
                              "attended");
  wait_for_board (board);
  {
    g_autoptr(EdStaffAppointment) loaded = ed_staff_appointment_load (context, appointment_id,
                                                                      &error);

    g_assert_cmpint (loaded->state, ==, ED_APPOINTMENT_ACCEPTED);
  }

  /* Declined: no longer counted, so the station has no presiding officer again. */
  gtk_widget_activate_action (GTK_WIDGET (board), "board.set-state", "(ss)", appointment_id,
                              "declined");
  wait_for_board (board);
  place = ed_staff_board_get_place (board, index);
  g_assert_cmpuint (place->appointed.presiding_officers, ==, 0);
  g_assert_nonnull (find_warning (board, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, station, NULL));
  (void)ashby;

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The drop target's own handler, given a person as a drag from the list of people not yet
 * appointed gives one: dropped on a station short of clerks, a clerk is appointed there;
 * dropped on the count, a count assistant. The list's drag source offers the person's id. A
 * presiding officer who does not hold the role (planted through the store) is warned of. */
static void
test_drop_and_warnings (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  g_autofree char *ashby = add_person (context, "Ashby", "Ann", clerk, G_N_ELEMENTS (clerk));
  g_autofree char *nowak = add_person (context, "Nowak", "Jan", count_assistant,
                                       G_N_ELEMENTS (count_assistant));
  g_autofree char *pryce = add_person (context, "Pryce", "Tom", count_assistant,
                                       G_N_ELEMENTS (count_assistant));
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *station = NULL;
  g_autofree char *planted = NULL;
  GtkWidget *window;
  EdStaffBoard *board = show_board (context, &window);
  GtkWidget *places;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  const EdStaffAppointment *appointment;
  EdStaffAppointment *found;
  const EdStaffWarning *warning;
  GtkWidget *view;
  guint index = first_open_station (board);
  gint count;
  gboolean dropped = FALSE;
  double x, y;
  GValue value = G_VALUE_INIT;

  station = g_strdup (ed_staff_board_get_place (board, index)->station);
  places = gtk_widget_get_parent (GTK_WIDGET (place_row (board, 0)));
  controllers = gtk_widget_observe_controllers (places);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* The people list drags a person's id. */
  view = ed_gui_test_find_with_class (GTK_WIDGET (board), GTK_TYPE_LIST_VIEW,
                                      "navigation-sidebar");
  g_assert_nonnull (view);
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (gtk_list_view_get_model (
                                               GTK_LIST_VIEW (view))), 3));
  {
    GtkWidget *row = gtk_widget_get_first_child (view);
    GdkContentProvider *provider = NULL;
    GValue offered = G_VALUE_INIT;
    g_autoptr(GListModel) sources = NULL;

    while (row != NULL && gtk_widget_get_first_child (row) == NULL)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    sources = gtk_widget_observe_controllers (gtk_widget_get_first_child (row));
    for (guint i = 0; provider == NULL && i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (sources, i);

        if (GTK_IS_DRAG_SOURCE (controller))
          g_signal_emit_by_name (controller, "prepare", 1.0, 1.0, &provider);
      }
    g_assert_nonnull (provider);
    g_value_init (&offered, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (provider, &offered, NULL));
    /* The list is by family name: Ashby first. */
    g_assert_cmpstr (g_value_get_string (&offered), ==, ashby);
    g_value_unset (&offered);
    g_object_unref (provider);
  }

  /* Ann dropped on the station: appointed its clerk. */
  point_on_place (board, places, index, &x, &y);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, ashby);
  g_signal_emit_by_name (target, "drop", &value, x, y, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  wait_for_board (board);
  appointments = stored (context, ed_staff_board_get_election (board));
  found = stored_for (appointments, ashby);
  g_assert_nonnull (found);
  g_assert_cmpint (found->role, ==, ED_STAFF_ROLE_POLL_CLERK);
  g_assert_cmpstr (found->station, ==, station);
  g_assert_cmpuint (ed_staff_board_get_place (board, index)->appointed.poll_clerks, ==, 1);
  /* Appointed, so no longer among those to drag. */
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (gtk_list_view_get_model (
                                               GTK_LIST_VIEW (view))), 2));

  /* Jan dropped on the count: a count assistant, and the count shows one person. */
  count = ed_staff_board_find_place (board, ED_STAFF_PLACE_COUNT, "");
  g_assert_cmpint (count, >, (gint)index);
  point_on_place (board, places, (guint)count, &x, &y);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, nowak);
  g_signal_emit_by_name (target, "drop", &value, x, y, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  wait_for_board (board);
  g_clear_pointer (&appointments, g_ptr_array_unref);
  appointments = stored (context, ed_staff_board_get_election (board));
  found = stored_for (appointments, nowak);
  g_assert_nonnull (found);
  g_assert_cmpint (found->place_kind, ==, ED_STAFF_PLACE_COUNT);
  g_assert_cmpint (found->role, ==, ED_STAFF_ROLE_COUNT_ASSISTANT);
  g_assert_cmpuint (ed_staff_board_get_place (board, (guint)count)->n_active, ==, 1);
  g_assert_true (board_shows (board, "1 person appointed"));

  /* Planted: Tom, who may only count, appointed presiding officer at the station. */
  {
    GDate none;
    EdStaffAppointmentNew details = {
      .election = ed_staff_board_get_election (board),
      .person = pryce,
      .role = ED_STAFF_ROLE_PRESIDING_OFFICER,
      .place_kind = ED_STAFF_PLACE_STATION,
      .station = station,
      .work_date = &none,
    };

    g_date_clear (&none, 1);
    planted = ed_staff_appointment_add (context, &details, &error);
    g_assert_no_error (error);
  }
  ed_staff_board_reload (board);
  wait_for_board (board);
  warning = find_warning (board, ED_STAFF_WARNING_ROLE_NOT_HELD, station, pryce);
  g_assert_nonnull (warning);
  g_assert_cmpstr (warning->appointment, ==, planted);
  g_assert_nonnull (strstr (warning->message, "does not hold the role “Presiding officer”"));
  /* Shown above the board as it reads. */
  g_assert_true (board_shows (board, warning->message));

  /* Removed from its menu, then put back with Undo, in the state it was in. */
  gtk_widget_activate_action (GTK_WIDGET (board), "board.set-state", "(ss)", planted,
                              "accepted");
  wait_for_board (board);
  gtk_widget_activate_action (GTK_WIDGET (board), "board.remove", "s", planted);
  wait_for_board (board);
  g_clear_pointer (&appointments, g_ptr_array_unref);
  appointments = stored (context, ed_staff_board_get_election (board));
  g_assert_null (stored_for (appointments, pryce));
  g_assert_null (find_warning (board, ED_STAFF_WARNING_ROLE_NOT_HELD, NULL, pryce));
  gtk_widget_activate_action (GTK_WIDGET (board), "board.undo-remove", "s", planted);
  wait_for_board (board);
  g_clear_pointer (&appointments, g_ptr_array_unref);
  appointments = stored (context, ed_staff_board_get_election (board));
  appointment = stored_for (appointments, pryce);
  g_assert_nonnull (appointment);
  g_assert_cmpint (appointment->role, ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_cmpstr (appointment->station, ==, station);
  g_assert_cmpint (appointment->state, ==, ED_APPOINTMENT_ACCEPTED);
  g_assert_nonnull (find_warning (board, ED_STAFF_WARNING_ROLE_NOT_HELD, station, pryce));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo's own staff as the board shows them: every appointment of the combination on
 * some place, the stations of the plan first, then the count and the postal vote opening
 * sessions. */
static void
test_demo_board (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture, TRUE);
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) polls = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  EdStaffBoard *board = show_board (context, &window);
  guint lines = 0;
  guint stored_count = 0;
  guint n_places = ed_staff_board_get_n_places (board);
  gboolean seen_other = FALSE;

  election = ed_election_load (context, ed_staff_board_get_election (board), &error);
  g_assert_no_error (error);
  polls = ed_election_load_combination (context, election, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < polls->len; i++)
    {
      g_autoptr(GPtrArray) own = stored (context, ((EdElection *)g_ptr_array_index (polls, i))->id);

      stored_count += own->len;
    }
  g_assert_cmpuint (stored_count, >, 0);
  g_assert_cmpuint (n_places, >, 2);
  for (guint i = 0; i < n_places; i++)
    {
      const EdBoardPlace *place = ed_staff_board_get_place (board, i);

      lines += place->lines->len;
      /* The plan's stations come first. */
      if (!place->in_plan)
        seen_other = TRUE;
      else
        g_assert_false (seen_other);
    }
  g_assert_cmpuint (lines, ==, stored_count);
  g_assert_cmpint (ed_staff_board_find_place (board, ED_STAFF_PLACE_POSTAL_OPENING,
                                              "Postal vote opening 1"), >, 0);
  g_assert_cmpint (ed_staff_board_find_place (board, ED_STAFF_PLACE_COUNT, ""), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With no election there is no board, and it says why. */
static void
test_no_election (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture, FALSE);
  GtkWidget *window;
  EdStaffBoard *board;
  GtkWidget *status;

  ed_test_demo_remove_elections (context);
  board = show_board (context, &window);
  status = ed_gui_test_find (GTK_WIDGET (board), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_child_visible (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Elections");
  g_assert_cmpuint (ed_staff_board_get_n_places (board), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (board), "board.appoint", NULL) &&
                  ed_gui_test_find_toplevel (ED_TYPE_APPOINT_DIALOG) != NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/staff/board/appoint-through-dialog", test_appoint_through_dialog);
  ED_TEST_ADD ("/staff/board/drop-and-warnings", test_drop_and_warnings);
  ED_TEST_ADD ("/staff/board/demo", test_demo_board);
  ED_TEST_ADD ("/staff/board/no-election", test_no_election);

  return g_test_run ();
}
