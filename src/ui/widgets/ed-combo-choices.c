/* ed-combo-choices.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "ui/widgets/ed-combo-choices.h"

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wide enough for most choices on one line ("Credit reference agency (purchase)"), in
   * English or Welsh; longer text wraps rather than being cut. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

/* The chosen item is ticked, as in the combo's own list. */
static void
update_check (GtkListItem *item,
              AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, gtk_list_item_get_position (item) ==
                                   adw_combo_row_get_selected (row) ? 1.0 : 0.0);
}

static void
selected_changed_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  update_check (item, row);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_signal_connect (row, "notify::selected", G_CALLBACK (selected_changed_cb), item);
  update_check (item, row);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, selected_changed_cb, item);
}

/**
 * ed_combo_row_show_choices_in_full:
 * @row: a combo row whose model is a #GtkStringList
 *
 * Lists @row's choices in full, wrapped if need be, with the chosen one ticked. The combo's
 * own list ellipsizes each choice at a fixed width, which cut "Government department
 * (purchase)" and "Qualifying or retained-rights EU citizen" to their first words. The row
 * itself still shows the choice on one line.
 */
void
ed_combo_row_show_choices_in_full (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  factory = gtk_signal_list_item_factory_new ();

  /* The row outlives its list's items: each item is unbound, and its handler on the row
   * disconnected, before the row goes. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}
