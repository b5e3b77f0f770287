/* ed-new-district-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-new-district-dialog.h"
#include "ui/ed-settings-form.h"

/* Asks for the district settings before a new district exists. Create stays insensitive
 * until every field is valid; if creating fails, the dialog stays open with what was typed. */

struct _EdNewDistrictDialog
{
  AdwWindow                parent_instance;

  AdwToastOverlay         *toast_overlay;
  EdSettingsForm          *form;
  GtkWidget               *create_button;
  EdNewDistrictCreateFunc  create_func;
  gpointer                 user_data;
};

G_DEFINE_FINAL_TYPE (EdNewDistrictDialog, ed_new_district_dialog, ADW_TYPE_WINDOW)

static void
create_clicked_cb (EdNewDistrictDialog *self)
{
  g_autoptr(GHashTable) values = ed_settings_form_collect (self->form);
  g_autoptr(GError) error = NULL;

  if (!self->create_func (values, self->user_data, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ed_new_district_dialog_class_init (EdNewDistrictDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_new_district_dialog_init (EdNewDistrictDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_window_set_title (GTK_WINDOW (self), _("New District"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->create_button = gtk_button_new_with_mnemonic (_("C_reate"));
  gtk_widget_add_css_class (self->create_button, "suggested-action");
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (create_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->create_button);
  gtk_box_append (GTK_BOX (box), header);

  self->form = ed_settings_form_new_blank ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->form), TRUE);
  g_object_bind_property (self->form, "valid", self->create_button, "sensitive",
                          G_BINDING_SYNC_CREATE);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->form));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toast_overlay));

  adw_window_set_content (ADW_WINDOW (self), box);
}

EdNewDistrictDialog *
ed_new_district_dialog_new (GtkWindow               *parent,
                            EdNewDistrictCreateFunc  create_func,
                            gpointer                 user_data)
{
  EdNewDistrictDialog *self;

  g_return_val_if_fail (create_func != NULL, NULL);

  self = g_object_new (ED_TYPE_NEW_DISTRICT_DIALOG, "transient-for", parent, NULL);
  self->create_func = create_func;
  self->user_data = user_data;
  return self;
}
