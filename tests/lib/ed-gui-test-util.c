/* ed-gui-test-util.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <stdlib.h>

#include "ui/widgets/ed-text-cell.h"
#include "ed-gui-test-util.h"
#include "ed-test-dir.h"

/* GUI tests need a display; without one they report themselves skipped rather than failing. */
void
ed_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolating the folders hides the system's shared MIME database too, and without it
   * GdkPixbuf cannot tell that libadwaita's SVG icons (an expander row's arrow) are SVG.
   * Reading the system's data is harmless: only the user's folders must be the test's own. */
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL ? data_dirs : "/usr/local/share:/usr/share",
            TRUE);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);   /* with TAP, the plan line above reports the skip */
    }
  adw_init ();
}

void
ed_gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop, frames included, until @model holds @n_items or five seconds pass: a
 * long list is given its rows over two frames (ed_screenful_set_model ()). */
gboolean
ed_gui_test_wait_for_items (GListModel *model,
                            guint       n_items)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n_items && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return g_list_model_get_n_items (model) == n_items;
}

/* Runs the main loop until @widget is drawn, or five seconds pass: on a loaded machine the
 * window may take some frames to be mapped at its size. */
gboolean
ed_gui_test_wait_until_drawable (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_is_drawable (widget) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return gtk_widget_is_drawable (widget);
}

/* Depth-first search for a widget of @type whose accessible label or title is @name: a row's
 * title, a label's or a button's text, a list's text cell's. */
GtkWidget *
ed_gui_test_find (GtkWidget  *root,
                  GType       type,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *title = NULL;

          if (ADW_IS_PREFERENCES_ROW (child))
            title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          else if (GTK_IS_LABEL (child))
            title = gtk_label_get_label (GTK_LABEL (child));
          else if (GTK_IS_BUTTON (child))
            title = gtk_button_get_label (GTK_BUTTON (child));
          else if (GTK_IS_CHECK_BUTTON (child))
            title = gtk_check_button_get_label (GTK_CHECK_BUTTON (child));
          else if (ED_IS_TEXT_CELL (child))
            title = ed_text_cell_get_text (ED_TEXT_CELL (child));
          if (name == NULL || g_strcmp0 (title, name) == 0)
            return child;
        }
      found = ed_gui_test_find (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Depth-first search for a widget of @type carrying the CSS class @css_class. */
GtkWidget *
ed_gui_test_find_with_class (GtkWidget  *root,
                             GType       type,
                             const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_has_css_class (child, css_class))
        return child;
      found = ed_gui_test_find_with_class (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The visible toplevel window of @type (a dialog the code under test has opened), or %NULL. */
GtkWindow *
ed_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* A demo district of @electors electors in the file @path. */
EdContext *
ed_gui_test_demo_open (const char *path,
                       guint       electors)
{
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);
  EdDemoOptions options;

  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = electors;
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return context;
}

/* The same, closed again so the window or a dialog can open it: the path of its demo.db in
 * @dir, or in a new temporary folder when @dir is %NULL. */
char *
ed_gui_test_demo_district (const char *dir,
                           guint       electors)
{
  g_autofree char *made = dir == NULL ? g_dir_make_tmp ("ed-gui-XXXXXX", NULL) : NULL;
  char *path = g_build_filename (dir != NULL ? dir : made, "demo.db", NULL);

  g_assert_nonnull (dir != NULL ? dir : made);
  g_object_unref (ed_gui_test_demo_open (path, electors));
  return path;
}

/* The same, left open, in a new temporary folder. */
EdContext *
ed_gui_test_demo_context (guint electors)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-gui-XXXXXX", NULL);
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "demo.db", NULL);
  return ed_gui_test_demo_open (path, electors);
}

/* A test's folder and the files in it (a district with its WAL and backup files, exports). */
void
ed_gui_test_remove_dir (const char *dir)
{
  ed_test_dir_remove_all (dir);
}
