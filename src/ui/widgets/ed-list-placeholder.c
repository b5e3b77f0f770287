/* ed-list-placeholder.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui/widgets/ed-list-placeholder.h"

/**
 * ed_list_box_set_placeholder_text:
 * @list: a boxed list
 * @text: what to say while it is empty, translated
 *
 * An empty list says so briefly, dimmed, inside its box, rather than disappearing: the same
 * in every group of every page.
 */
void
ed_list_box_set_placeholder_text (GtkListBox *list,
                                  const char *text)
{
  GtkWidget *label;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (text != NULL);

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}
