/* test-window.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ed-gui-test-util.h"
#include "ed-modules.h"
#include "register/ed-elector-edit.h"
#include "ui/accounts/ed-accounts-page.h"
#include "ui/ed-module-page.h"
#include "ui/ed-district-switcher.h"
#include "ui/ed-window.h"
#include "ui/widgets/ed-text-cell.h"

static GtkWidget *
find_drawable_label (GtkWidget  *root,
                     const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0 &&
          gtk_widget_is_drawable (child))
        return child;
      found = find_drawable_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label saying @text that is on screen: pages not shown may say it too (the demo's poll
 * is named after the council). */
static GtkWidget *
wait_for_drawable_label (GtkWidget  *root,
                         const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = find_drawable_label (root, text)) == NULL &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return found;
}

static void
test_welcome_then_district (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 200);
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  GtkWidget *stack;
  GtkWidget *title;
  const char *council;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  ed_window_show_welcome (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();
  stack = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");
  g_assert_nonnull (ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                      "_Open the Demo District"));

  g_assert_true (ed_window_open_district (window, path, &error));
  g_assert_no_error (error);
  ed_gui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "district");

  council = ed_district_settings_get_council_name (
    ed_context_get_settings (ed_window_get_context (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), council));

  /* The district's name is in the sidebar's header (and, hidden now, in the welcome page's
   * recent districts: look on the district's page only). The sidebar shows once the window
   * has its width: a narrow window folds it away. */
  title = wait_for_drawable_label (gtk_stack_get_visible_child (GTK_STACK (stack)), council);
  g_assert_nonnull (title);

  /* Renaming the council renames the window. */
  g_assert_true (ed_district_settings_set (ed_context_get_settings (ed_window_get_context (window)),
                                           "council-name", "Renamed Council", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Renamed Council — Electoral Desk");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_every_module_has_a_page (void)
{
  static const char *titles[] = { "Register", "Polling Stations", "Elections", "Staff",
                                  "Accounts", "Sync" };
  g_autofree char *path = ed_gui_test_demo_district (NULL, 200);
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  GtkWidget *list;
  GtkWidget *module_stack = NULL;

  g_assert_true (ed_window_open_district (window, path, NULL));
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();

  list = ed_gui_test_find_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                      "module-list");
  g_assert_nonnull (list);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      GtkWidget *visible;

      g_assert_nonnull (row);
      gtk_list_box_select_row (GTK_LIST_BOX (list), row);
      ed_gui_test_iterate ();

      if (module_stack == NULL)
        module_stack = gtk_widget_get_ancestor (
          GTK_WIDGET (ed_gui_test_find (GTK_WIDGET (window), ED_TYPE_MODULE_PAGE, NULL)),
          GTK_TYPE_STACK);
      visible = gtk_stack_get_visible_child (GTK_STACK (module_stack));
      g_assert_true (ED_IS_MODULE_PAGE (visible));
      g_assert_cmpstr (ed_module_page_get_title (ED_MODULE_PAGE (visible)), ==, titles[i]);

      if (i == 0)
        {
          GtkWidget *column_view = ed_gui_test_find (visible, GTK_TYPE_COLUMN_VIEW, NULL);
          GListModel *model;

          /* The register is built: a search entry, and every elector in a table. */
          g_assert_nonnull (ed_gui_test_find (visible, GTK_TYPE_SEARCH_ENTRY, NULL));
          g_assert_nonnull (column_view);
          model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
          g_assert_true (ed_gui_test_wait_for_items (model, 200));
          continue;
        }

      /* The demo holds the council's May poll: the Elections page shows its timetable. */
      if (g_str_equal (titles[i], "Elections"))
        {
          g_assert_nonnull (ed_gui_test_find (visible, ADW_TYPE_ACTION_ROW, "Polling day"));
          continue;
        }

      /* The account of the demo's May poll, read in the background: its budget. */
      if (g_str_equal (titles[i], "Accounts"))
        {
          gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

          while (ed_accounts_page_is_busy (ED_ACCOUNTS_PAGE (visible)) &&
                 g_get_monotonic_time () < deadline)
            g_main_context_iteration (NULL, TRUE);
          g_assert_nonnull (ed_accounts_page_get_account (ED_ACCOUNTS_PAGE (visible)));
          g_assert_nonnull (ed_gui_test_find (visible, GTK_TYPE_BUTTON, "_Bring In Payroll"));
          continue;
        }

      /* A module not built yet says so in an empty state, with no controls; so does Sync on
       * a desk that does not sync, with only its Set Up Sync… button. */
      g_assert_nonnull (ed_gui_test_find (visible, ADW_TYPE_STATUS_PAGE, NULL));
      g_assert_null (ed_gui_test_find (visible, GTK_TYPE_ENTRY, NULL));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_text_cell (GtkWidget  *root,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ED_IS_TEXT_CELL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (ed_text_cell_get_text (ED_TEXT_CELL (child)), text) == 0)
        return child;
      found = find_text_cell (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkGesture *
find_secondary_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* A right click anywhere in a row selects that row and offers its menu, from the one gesture
 * on the whole register rather than one per cell. */
static void
test_register_row_menu (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 300);
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  GtkWidget *column_view;
  GtkSingleSelection *selection;
  GtkWidget *cell;
  GtkGesture *gesture;
  GtkWidget *menu = NULL;
  graphene_point_t in_cell = GRAPHENE_POINT_INIT (4, 4);
  graphene_point_t in_view;

  g_assert_true (ed_window_open_district (window, path, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  column_view = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 300));
  ed_gui_test_iterate ();

  /* The name cell of the third elector, not the cell a click would usually land on. */
  cell = find_text_cell (column_view, "AA3");
  g_assert_nonnull (cell);
  cell = gtk_widget_get_next_sibling (gtk_widget_get_parent (cell)) != NULL
           ? gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_parent (cell)))
           : cell;
  g_assert_true (ED_IS_TEXT_CELL (cell));
  g_assert_true (gtk_widget_compute_point (cell, column_view, &in_cell, &in_view));

  gesture = find_secondary_click (column_view);
  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "pressed", 1, (double)in_view.x, (double)in_view.y);
  ed_gui_test_iterate ();

  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  ed_gui_test_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What waits for the next notice is marked in the list itself (issue 12, item 13): an
 * amendment, which the list already shows as made, in the Pending column of its row. */
static void
test_register_pending_column (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 300);
  g_autoptr(GError) error = NULL;
  EdWindow *window;
  GtkWidget *column_view;
  GtkSingleSelection *selection;
  GtkWidget *number;
  GtkWidget *row;
  gboolean marked = FALSE;

  {
    g_autoptr(EdContext) context = ed_modules_open_district (path, &error);
    g_autoptr(EdElectorEdit) edit = NULL;
    g_autofree char *id = NULL;
    sqlite3_stmt *stmt;

    g_assert_no_error (error);
    stmt = ed_database_cached (ed_context_get_database (context),
                               "SELECT id FROM elector WHERE number_prefix = 'AA' AND number = 2",
                               &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    edit = ed_elector_edit_load (context, id, &error);
    g_assert_no_error (error);
    g_free (edit->surname);
    edit->surname = g_strdup ("Quillfeather");
    g_assert_true (ed_elector_edit_amend (context, edit, NULL, &error));
    g_assert_no_error (error);
  }

  window = g_object_new (ED_TYPE_WINDOW, NULL);
  g_assert_true (ed_window_open_district (window, path, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  column_view = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 300));
  ed_gui_test_iterate ();

  /* The row of AA2 has "Amendment" in one of its cells; the row of AA1 in none. */
  number = find_text_cell (column_view, "AA2");
  g_assert_nonnull (number);
  row = gtk_widget_get_parent (gtk_widget_get_parent (number));
  marked = find_text_cell (row, "Amendment") != NULL;
  g_assert_true (marked);
  number = find_text_cell (column_view, "AA1");
  g_assert_nonnull (number);
  row = gtk_widget_get_parent (gtk_widget_get_parent (number));
  g_assert_null (find_text_cell (row, "Amendment"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_label_matching (GtkWidget  *root,
                     const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return GTK_LABEL (child);
      found = find_label_matching (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A search shows its first 500 matches, says how many there are in all, and Show More reaches
 * the rest (issue 12, item 18); Down from the search moves to the first result, and Ctrl+F
 * selects the search text (item 14). */
static void
test_register_search_count_and_keys (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 1500);
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  GtkWidget *column_view;
  GtkWidget *entry;
  GtkWidget *more;
  GtkSingleSelection *selection;
  GtkLabel *status;
  GtkWidget *focus;
  int start = 0;
  int end = 0;

  g_assert_true (ed_window_open_district (window, path, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  column_view = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  entry = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  more = ed_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Show _More");
  g_assert_nonnull (entry);
  g_assert_nonnull (more);
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 1500));

  /* Every demo postcode starts ZY1. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ZY1");
  g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), 500));
  ed_gui_test_iterate ();
  status = find_label_matching (GTK_WIDGET (window), "First ");
  g_assert_nonnull (status);
  /* All but the few with no address to their name, digits grouped. */
  g_assert_true (g_regex_match_simple ("^First 500 of 1,[0-9]{3} matches$",
                                       gtk_label_get_text (status), 0, 0));
  {
    const char *of = strstr (gtk_label_get_text (status), " of ") + 4;
    guint total = (guint)(g_ascii_strtoull (of, NULL, 10) * 1000 +
                          g_ascii_strtoull (of + 2, NULL, 10));
    g_autofree char *all = g_strdup_printf ("1,%03u matches", total - 1000);

    g_assert_cmpuint (total, >, 1400);
    g_assert_true (gtk_widget_get_visible (more));
    g_signal_emit_by_name (more, "clicked");
    g_assert_true (ed_gui_test_wait_for_items (G_LIST_MODEL (selection), total));
    ed_gui_test_iterate ();
    g_assert_false (gtk_widget_get_visible (more));
    g_assert_nonnull (find_label_matching (GTK_WIDGET (window), all));
  }

  /* Down from the search: the first result, with the focus in the list. */
  gtk_widget_grab_focus (entry);
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
  }
  ed_gui_test_iterate ();
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, column_view));

  /* Ctrl+F: back to the search, its text selected to be typed over. */
  g_assert_true (gtk_widget_activate_action (column_view, "register.focus-search", NULL));
  ed_gui_test_iterate ();
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A district file others could read is made private, and the person is told in the window,
 * not in a terminal they may not have. */
static void
test_wide_district_made_private (void)
{
  g_autofree char *path = ed_gui_test_demo_district (NULL, 50);
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);
  GtkWindow *dialog;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (ed_window_open_district (window, path, NULL));
  gtk_window_present (GTK_WINDOW (window));
  ed_gui_test_iterate ();

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dialog = ed_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "District File Made Private");
  g_assert_true (g_pattern_match_simple ("*0644*0600*",
                                         adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog))));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_bad_file_reports (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "blank.db", NULL);
  g_autoptr(GError) error = NULL;
  EdWindow *window = g_object_new (ED_TYPE_WINDOW, NULL);

  /* A file with no district in it is not opened as if it were one. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_false (ed_window_open_district (window, path, &error));
  g_assert_nonnull (error);
  g_assert_null (ed_window_get_context (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ed_gui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/welcome-then-district", test_welcome_then_district);
  g_test_add_func ("/ui/window/every-module-has-a-page", test_every_module_has_a_page);
  g_test_add_func ("/ui/window/open-bad-file-reports", test_open_bad_file_reports);
  g_test_add_func ("/ui/window/register-row-menu", test_register_row_menu);
  g_test_add_func ("/ui/window/register-pending-column", test_register_pending_column);
  g_test_add_func ("/ui/window/register-search-count-and-keys",
                   test_register_search_count_and_keys);
  g_test_add_func ("/ui/window/wide-district-made-private", test_wide_district_made_private);

  return g_test_run ();
}
