/* ed-accessible.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include "ui/ed-accessible.h"

/**
 * ed_accessible_name_buttons:
 * @root: a window or any widget
 *
 * GTK 4.8 names a button with a mnemonic by its label property and its label's text
 * together, so a screen reader says "_Cancel Cancel". Each such button under @root (an
 * AdwMessageDialog's responses, a dialog's header buttons) is named by its label widget
 * instead, which reads "Cancel", once.
 */
void
ed_accessible_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (child))))
        {
          /* Named by its label widget alone, which reads without the underscore. */
          gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          gtk_button_get_child (GTK_BUTTON (child)), NULL,
                                          -1);
          continue;
        }
      ed_accessible_name_buttons (child);
    }
}
