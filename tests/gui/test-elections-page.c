/* test-elections-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Elections page and the new-election dialog, driven as an officer would: by the rows,
 * the boxes and the buttons. */

#include "config.h"

#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election.h"
#include "elections/ed-election-electorate.h"
#include "ui/elections/ed-election-detail.h"
#include "ui/elections/ed-elections-page.h"
#include "ui/elections/ed-new-election-dialog.h"
#include "ui/widgets/ed-field-error.h"
#include "ed-gui-test-util.h"
#include "tests/lib/ed-test-demo.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

#define CARDS_REQUESTED "Poll cards requested by the community council"

/* The demo district with no elections and two parishes: the demo's register records
 * none. */
static EdContext *
open_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  EdContext *context = ed_gui_test_demo_open (path, 200);
  g_autoptr(EdChangeSet) change_set = NULL;
  static const char * const parishes[][2] = {
    { "PA", "Ashmere Parish" }, { "PB", "Brook Parish" },
  };

  ed_test_demo_remove_elections (context);
  change_set = ed_change_set_begin (ED_REPLICA (context), NULL);
  g_assert_nonnull (change_set);
  for (guint i = 0; i < G_N_ELEMENTS (parishes); i++)
    {
      const char *columns[] = { "code", "name" };
      GVariant *values[] = {
        g_variant_new_string (parishes[i][0]), g_variant_new_string (parishes[i][1]),
      };

      g_assert_true (ed_change_set_insert (change_set, "parish", NULL, columns, values,
                                           G_N_ELEMENTS (values), NULL, NULL));
    }
  g_assert_true (ed_change_set_commit (change_set, NULL));
  return context;
}

/* A poll in every area of its kind, as "election add" makes one. */
static char *
add_poll (EdContext      *context,
          EdElectionKind  kind,
          const char     *poll,
          const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { 0, };
  char *id;

  details.kind = kind;
  details.country = ED_COUNTRY_ENGLAND;
  details.poll = ed_test_date (poll);
  details.combine_with = combine_with;
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static EdModulePage *
show_page (EdContext  *context,
           GtkWidget **window)
{
  EdModulePage *page = g_object_new (ED_TYPE_ELECTIONS_PAGE, NULL);

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  ed_module_page_set_context (page, context);
  ed_gui_test_iterate ();
  return page;
}

static guint
count_children (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static GtkWidget *
find_timetable_row (GtkWidget        *root,
                    EdTimetableEvent  event)
{
  GtkWidget *row = ed_gui_test_find (root, ADW_TYPE_ACTION_ROW,
                                     ed_timetable_event_get_display_name (event));

  g_assert_nonnull (row);
  return row;
}

/* The page says there are none and offers to add one; with polls it lists them, the latest
 * first and the first of a combination before the rest, and shows the one selected. */
static void
test_page_lists_elections (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autofree char *local = NULL;
  g_autofree char *parish = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *combined = NULL;
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  GtkWidget *list;
  GtkListBoxRow *row;

  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Elections"));
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_New Election…"));

  earlier = add_poll (context, ED_ELECTION_LOCAL, "2026-05-07", NULL);
  local = add_poll (context, ED_ELECTION_LOCAL, "2027-05-06", NULL);
  parish = add_poll (context, ED_ELECTION_PARISH, "2027-05-06", local);
  ed_module_page_reload (page);
  ed_gui_test_iterate ();

  list = ed_gui_test_find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_BOX,
                                      "navigation-sidebar");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (list), ==, 3);
  g_assert_true (gtk_widget_get_mapped (list));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "election-id"), ==, local);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "election-id"), ==, earlier);
  g_assert_cmpstr (ed_elections_page_get_selected (ED_ELECTIONS_PAGE (page)), ==, local);

  /* The local poll's row says which poll it is taken with. */
  combined = g_strdup_printf ("Combined with %s", "Parish and town councils");
  g_assert_nonnull (ed_gui_test_find (gtk_widget_get_first_child (list), GTK_TYPE_LABEL,
                                      combined));

  /* Its timetable, step by step, and the row that opens its poll cards. */
  find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_POLL);
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Poll cards"));
  /* Only a Welsh community council chooses whether cards are sent. */
  g_assert_false (gtk_widget_get_visible (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                            CARDS_REQUESTED)));

  /* A selection is kept across a reload. */
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_elections_page_get_selected (ED_ELECTIONS_PAGE (page)), ==, earlier);
  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  g_assert_cmpstr (ed_elections_page_get_selected (ED_ELECTIONS_PAGE (page)), ==, earlier);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))),
                                      "election-id"), ==, earlier);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
added_cb (EdNewElectionDialog *dialog,
          const char          *election_id,
          char               **out)
{
  g_free (*out);
  *out = g_strdup (election_id);
}

static GtkWidget *
area_check (GtkWidget  *dialog,
            const char *name)
{
  GtkWidget *row = ed_gui_test_find (dialog, ADW_TYPE_ACTION_ROW, name);

  g_assert_nonnull (row);
  return ed_gui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL);
}

static GtkWidget *
area_seats (GtkWidget  *dialog,
            const char *name)
{
  GtkWidget *row = ed_gui_test_find (dialog, ADW_TYPE_ACTION_ROW, name);
  GtkWidget *seats;

  g_assert_nonnull (row);
  seats = ed_gui_test_find (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (seats);
  return seats;
}

/* A contest's seats read straight from the database. */
static gint64
contest_seats (EdContext  *context,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    ed_database_prepare (ed_context_get_database (context),
                         "SELECT seats FROM contest WHERE name = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
choose_kind (EdNewElectionDialog *dialog,
             EdElectionKind       kind)
{
  GtkWidget *row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                     "Kind of election");

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), kind);
  ed_gui_test_iterate ();
}

/* The dialog offers every parish; a Sunday is refused with the reason shown and the form kept
 * open; a working day adds the poll with the areas ticked, one uncontested and one with the
 * seats typed; a local poll that day is combined with it from the list of the day's polls. */
static void
test_dialog_adds (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GPtrArray) parishes = ed_election_list_areas (context, ED_ELECTION_PARISH, NULL);
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *local = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdElection) local_poll = NULL;
  EdNewElectionDialog *dialog = ed_new_election_dialog_new (NULL, context);
  GtkWidget *poll_row;
  GtkWidget *add;
  GtkWidget *error_label;
  GtkWidget *combine;
  GtkWidget *seats;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_nonnull (parishes);
  g_assert_cmpuint (parishes->len, ==, 2);
  g_assert_cmpstr (((EdElectionArea *)g_ptr_array_index (parishes, 1))->name, ==,
                   "Brook Parish");
  g_signal_connect (dialog, "added", G_CALLBACK (added_cb), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  ed_gui_test_iterate ();
  choose_kind (dialog, ED_ELECTION_PARISH);

  /* Every parish, ticked. */
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog), "Ashmere Parish"))));
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog), "Brook Parish"))));

  poll_row = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Polling day");
  add = ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add");
  error_label = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_nonnull (poll_row);
  g_assert_nonnull (add);
  g_assert_nonnull (error_label);

  /* Sunday 9 May 2027: said under the field as typed, and at the top when added. */
  gtk_editable_set_text (GTK_EDITABLE (poll_row), "9/5/2027");
  ed_gui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (poll_row, "error"));
  g_signal_emit_by_name (add, "clicked");
  ed_gui_test_iterate ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* Said once: under the field, which the refusal leaves it at. */
  g_assert_nonnull (strstr (ed_field_error_get (poll_row), "not a working day"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (error_label))));
  g_assert_null (added);
  elections = ed_election_list (context, NULL);
  g_assert_cmpuint (elections->len, ==, 0);

  /* What was typed is still there. With no parish ticked it is refused too. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (poll_row)), ==, "9/5/2027");
  gtk_editable_set_text (GTK_EDITABLE (poll_row), "6 May 2027");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog),
                                                             "Ashmere Parish")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog),
                                                             "Brook Parish")), FALSE);
  ed_gui_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (poll_row, "error"));
  g_assert_false (ed_new_election_dialog_add (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "at least one"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (error_label))));

  /* Both ticked, Brook uncontested, Ashmere with two seats: added, and the dialog closes. */
  seats = area_seats (GTK_WIDGET (dialog), "Ashmere Parish");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (seats)), ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (seats), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Seats in Ashmere Parish");
  /* Typed and not entered, as a person leaving the box for Add would. */
  gtk_editable_set_text (GTK_EDITABLE (seats), "2");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog),
                                                             "Ashmere Parish")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (area_check (GTK_WIDGET (dialog),
                                                             "Brook Parish")), TRUE);
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (ed_gui_test_find (ed_gui_test_find (GTK_WIDGET (dialog),
                                                          ADW_TYPE_ACTION_ROW, "Brook Parish"),
                                        GTK_TYPE_CHECK_BUTTON, "Uncontested")),
    TRUE);
  g_assert_true (ed_new_election_dialog_add (dialog, &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_nonnull (added);

  election = ed_election_load (context, added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (election->kind, ==, ED_ELECTION_PARISH);
  g_assert_cmpuint (election->contests->len, ==, 2);
  g_assert_cmpuint (ed_election_count_contested (election), ==, 1);
  /* Contests are by name: Ashmere's two seats, Brook's one, as the database holds them. */
  g_assert_cmpstr (((EdContest *)g_ptr_array_index (election->contests, 0))->name, ==,
                   "Ashmere Parish");
  g_assert_cmpuint (((EdContest *)g_ptr_array_index (election->contests, 0))->seats, ==, 2);
  g_assert_cmpuint (((EdContest *)g_ptr_array_index (election->contests, 1))->seats, ==, 1);
  g_assert_cmpint (contest_seats (context, "Ashmere Parish"), ==, 2);

  /* A local poll the same day, combined with the parish poll. */
  dialog = ed_new_election_dialog_new (NULL, context);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "added", G_CALLBACK (added_cb), &local);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                         "Polling day")),
                         "2027-05-06");
  ed_gui_test_iterate ();
  combine = ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Combine with");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combine))),
                    ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combine), 1);
  g_signal_emit_by_name (ed_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add"),
                         "clicked");
  ed_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_nonnull (local);
  local_poll = ed_election_load (context, local, &error);
  g_assert_no_error (error);
  g_assert_cmpint (local_poll->kind, ==, ED_ELECTION_LOCAL);
  g_assert_cmpstr (local_poll->combined_with, ==, election->id);

  /* The same poll again: what ed_election_add refuses is said at the top, the form kept. */
  dialog = ed_new_election_dialog_new (NULL, context);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ed_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                         "Polling day")),
                         "2027-05-06");
  ed_gui_test_iterate ();
  g_assert_false (ed_new_election_dialog_add (dialog, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  ed_gui_test_iterate ();
  g_assert_nonnull (dialog);
  error_label = ed_gui_test_find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, error->message);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (error_label))));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A step ticked records today, who does it is saved, and both are there after a reload; a
 * name typed and not yet saved survives a reload too. */
static void
test_task_done_persists (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autofree char *local = add_poll (context, ED_ELECTION_LOCAL, "2027-05-06", NULL);
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  GtkWidget *row = find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  GtkWidget *check = ed_gui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL);
  GtkWidget *who = ed_gui_test_find (row, GTK_TYPE_ENTRY, NULL);
  GtkWidget *poll_who;
  EdTimetableTask *task;
  GDate today;

  g_assert_nonnull (check);
  g_assert_nonnull (who);
  /* Today is after polling day in the tests: every step not done is overdue. */
  g_assert_nonnull (ed_gui_test_find (row, GTK_TYPE_LABEL, "Overdue"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (who), "Sam Okafor");
  g_signal_emit_by_name (who, "activate");
  poll_who = ed_gui_test_find (find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_POLL),
                               GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (poll_who), "Typed, not saved");
  ed_gui_test_iterate ();
  g_assert_nonnull (ed_gui_test_find (row, GTK_TYPE_LABEL, "Done"));

  election = ed_election_load (context, local, &error);
  g_assert_no_error (error);
  tasks = ed_election_get_tasks (context, election, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, 1);
  task = g_ptr_array_index (tasks, 0);
  ed_today (&today);
  g_assert_cmpint (task->event, ==, ED_TIMETABLE_NOTICE_OF_ELECTION);
  g_assert_true (g_date_valid (&task->done_on));
  g_assert_cmpint (g_date_compare (&task->done_on, &today), ==, 0);
  g_assert_cmpstr (task->assignee, ==, "Sam Okafor");

  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  row = find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (ed_gui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ed_gui_test_find (row, GTK_TYPE_ENTRY,
                                                                          NULL))),
                   ==, "Sam Okafor");
  poll_who = ed_gui_test_find (find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_POLL),
                               GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (poll_who)), ==, "Typed, not saved");

  /* Unticked, the step is not done again. */
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (ed_gui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL)), FALSE);
  ed_gui_test_iterate ();
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = ed_election_get_tasks (context, election, &error);
  g_assert_false (g_date_valid (&((EdTimetableTask *)g_ptr_array_index (tasks, 0))->done_on));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A day of mourning added moves the steps counted past it and is listed under the timetable;
 * removed there, the steps move back, and Undo skips it again. The calendar is written. */
static void
test_skip_day_and_calendar (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autofree char *local = add_poll (context, ED_ELECTION_LOCAL, "2027-05-06", NULL);
  g_autoptr(EdElection) election = ed_election_load (context, local, NULL);
  g_autoptr(EdTimetable) before = ed_election_get_timetable (context, election, NULL);
  const EdTimetableEntry *notice = ed_timetable_lookup (before, ED_TIMETABLE_NOTICE_OF_ELECTION);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "timetable.ics");
  g_autofree char *ics = NULL;
  g_autofree char *subtitle_before = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *remove_name = NULL;
  g_autoptr(GPtrArray) days = NULL;
  GtkWidget *window;
  EdModulePage *page = show_page (context, &window);
  GtkWidget *detail = ed_gui_test_find (GTK_WIDGET (page), ED_TYPE_ELECTION_DETAIL, NULL);
  GtkWidget *row;
  GtkWidget *skipped;
  GtkWidget *group;
  GtkWidget *remove;
  GtkWidget *undo;
  GDate day;

  g_assert_nonnull (detail);
  g_assert_nonnull (notice);
  row = find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  subtitle_before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  /* The working day after the notice: the notice is counted one working day earlier. */
  day = notice->date;
  do
    g_date_add_days (&day, 1);
  while (ed_date_is_weekend (&day));
  g_assert_true (ed_election_detail_add_dies_non (ED_ELECTION_DETAIL (detail), &day,
                                                  "National day of mourning", &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  row = find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, subtitle_before);

  /* The day is listed under the timetable, with its reason and a button naming it. */
  day_text = ed_date_format_long (&day);
  skipped = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, day_text);
  g_assert_nonnull (skipped);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (skipped)), ==,
                   "National day of mourning");
  group = gtk_widget_get_ancestor (skipped, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_true (gtk_widget_get_mapped (skipped));
  remove = ed_gui_test_find (skipped, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  remove_name = g_strdup_printf ("Stop skipping %s", day_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       remove_name);

  /* Removed: the dates move back, the list empties and hides, the focus goes to Skip a
   * Day…, and a toast offers to undo it. */
  gtk_widget_grab_focus (remove);
  g_signal_emit_by_name (remove, "clicked");
  ed_gui_test_iterate ();
  days = ed_extra_dies_non_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  row = find_timetable_row (GTK_WIDGET (page), ED_TIMETABLE_NOTICE_OF_ELECTION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle_before);
  g_assert_null (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, day_text));
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Skip a Day…"));
  undo = ed_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ed_gui_test_iterate ();
  g_clear_pointer (&days, g_ptr_array_unref);
  days = ed_extra_dies_non_list (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpstr (((EdExtraDiesNon *)g_ptr_array_index (days, 0))->reason, ==,
                   "National day of mourning");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, day_text));

  /* A day no longer skipped, as another desk's removal leaves it, is refused. */
  g_assert_true (ed_election_detail_remove_dies_non (ED_ELECTION_DETAIL (detail), &day, &error));
  g_assert_no_error (error);
  g_assert_false (ed_election_detail_remove_dies_non (ED_ELECTION_DETAIL (detail), &day,
                                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  file = g_file_new_for_path (path);
  g_assert_true (ed_election_detail_save_calendar (ED_ELECTION_DETAIL (detail), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &ics, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_counted (GtkWidget *detail)
{
  while (ed_election_detail_is_counting (ED_ELECTION_DETAIL (detail)))
    g_main_context_iteration (NULL, TRUE);
  ed_gui_test_iterate ();
}

/* Waits until @row shows @text: a change starts a new count when the page next hears of it,
 * which may be after the main loop is next idle, so neither "counting" nor "not counting"
 * can be looked for at one moment. Fails after ten seconds. */
static void
wait_for_label (GtkWidget  *row,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ed_gui_test_find (row, GTK_TYPE_LABEL, text) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (ed_gui_test_find (row, GTK_TYPE_LABEL, text));
}

/* The cards the page should say go out, counted as the core counts them. */
static char *
cards_to_send (EdContext  *context,
               const char *election_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = ed_election_load (context, election_id, &error);
  g_autoptr(EdElectionElectorate) electorate = NULL;

  g_assert_no_error (error);
  electorate = ed_election_electorate_compute (context, election, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", electorate->cards,
                          electorate->cards == 1 ? "card to send" : "cards to send");
}

static gboolean
stored_cards_requested (EdContext  *context,
                        const char *election_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    ed_database_prepare (ed_context_get_database (context),
                         "SELECT cards_requested FROM election WHERE id = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, election_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0) != 0;
}

/* A community poll in Wales sends cards only if its council asks (DOMAIN.md §2.1): the page
 * shows the choice, off at first; turned on, it is recorded and the cards counted go from
 * the anonymous electors' to everyone's; turned off again, back. */
static void
test_community_cards_requested (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parishes = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *district = NULL;
  g_autofree char *community = NULL;
  g_autofree char *not_requested = NULL;
  g_autofree char *requested = NULL;
  EdElectionNew details = { .kind = ED_ELECTION_PARISH, .country = ED_COUNTRY_WALES };
  GtkWidget *window;
  EdModulePage *page;
  GtkWidget *detail;
  GtkWidget *row;
  GtkWidget *toggle;
  GtkWidget *cards_row;

  /* A Welsh district, whose first polling district is Ashmere's community. */
  g_assert_true (ed_district_settings_set (ed_context_get_settings (context), "country", "wales",
                                           &error));
  g_assert_no_error (error);
  parishes = ed_election_list_areas (context, ED_ELECTION_PARISH, &error);
  g_assert_no_error (error);
  stmt = ed_database_prepare (ed_context_get_database (context),
                              "SELECT id FROM polling_district ORDER BY code LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  district = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "polling_district", district, "parish",
                                    g_variant_new_string (
                                      ((EdElectionArea *)g_ptr_array_index (parishes, 0))->area),
                                    &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  details.poll = ed_test_date ("2027-05-13");
  community = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_false (stored_cards_requested (context, community));
  not_requested = cards_to_send (context, community);

  page = show_page (context, &window);
  detail = ed_gui_test_find (GTK_WIDGET (page), ED_TYPE_ELECTION_DETAIL, NULL);
  g_assert_nonnull (detail);
  g_assert_cmpstr (ed_elections_page_get_selected (ED_ELECTIONS_PAGE (page)), ==, community);
  wait_counted (detail);
  row = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, CARDS_REQUESTED);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  toggle = ed_gui_test_find (row, GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  cards_row = ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Poll cards");
  wait_for_label (cards_row, not_requested);

  /* Turned on: recorded, and every elector of the poll is sent a card. */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  ed_gui_test_iterate ();
  g_assert_true (stored_cards_requested (context, community));
  /* The new figure shows it was counted again. */
  requested = cards_to_send (context, community);
  g_assert_cmpstr (requested, !=, not_requested);
  wait_for_label (cards_row, requested);
  wait_counted (detail);
  g_assert_true (gtk_widget_get_sensitive (ed_gui_test_find (cards_row, GTK_TYPE_BUTTON,
                                                             "Poll Cards…")));

  /* Kept across a reload, and turned off again. */
  ed_module_page_reload (page);
  ed_gui_test_iterate ();
  toggle = ed_gui_test_find (ed_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                               CARDS_REQUESTED),
                             GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  ed_gui_test_iterate ();
  g_assert_false (stored_cards_requested (context, community));
  wait_for_label (cards_row, not_requested);
  wait_counted (detail);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ed_gui_test_init (&argc, &argv);

  ED_TEST_ADD ("/elections/page/lists-elections", test_page_lists_elections);
  ED_TEST_ADD ("/elections/dialog/adds", test_dialog_adds);
  ED_TEST_ADD ("/elections/timetable/task-done-persists", test_task_done_persists);
  ED_TEST_ADD ("/elections/timetable/skip-day-and-calendar", test_skip_day_and_calendar);
  ED_TEST_ADD ("/elections/page/community-cards-requested", test_community_cards_requested);

  return g_test_run ();
}
