/* ed-gui-test-util.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* GUI tests need a display; without one they report themselves skipped rather than failing. */
static inline void
ed_gui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);   /* with TAP, the plan line above reports the skip */
    }
  adw_init ();
}

static inline void
ed_gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Depth-first search for a widget of @type whose accessible label or title is @name. */
static inline GtkWidget *
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
static inline GtkWidget *
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
