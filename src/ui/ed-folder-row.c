/* ed-folder-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Save in": the folder documents are written to, shown as the row's subtitle, with a
 * Choose… button that opens the desktop's folder chooser. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-folder-row.h"

struct _EdFolderRow
{
  AdwActionRow          parent_instance;

  char                 *folder;
  char                 *chooser_title;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (EdFolderRow, ed_folder_row, ADW_TYPE_ACTION_ROW)

static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  EdFolderRow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        ed_folder_row_set_folder (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_cb (EdFolderRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (self->chooser_title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ed_folder_row_dispose (GObject *object)
{
  EdFolderRow *self = ED_FOLDER_ROW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (ed_folder_row_parent_class)->dispose (object);
}

static void
ed_folder_row_finalize (GObject *object)
{
  EdFolderRow *self = ED_FOLDER_ROW (object);

  g_free (self->folder);
  g_free (self->chooser_title);

  G_OBJECT_CLASS (ed_folder_row_parent_class)->finalize (object);
}

static void
ed_folder_row_class_init (EdFolderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_folder_row_dispose;
  object_class->finalize = ed_folder_row_finalize;
}

static void
ed_folder_row_init (EdFolderRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Save in"));
}

/**
 * ed_folder_row_new:
 * @chooser_title: the folder chooser's title, such as "Save Notices In"
 * @button_description: what the Choose… button does, for a screen reader
 */
GtkWidget *
ed_folder_row_new (const char *chooser_title,
                   const char *button_description)
{
  EdFolderRow *self = g_object_new (ED_TYPE_FOLDER_ROW, NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));

  self->chooser_title = g_strdup (chooser_title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_description, -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_folder_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return GTK_WIDGET (self);
}

void
ed_folder_row_set_folder (EdFolderRow *self,
                          const char  *folder)
{
  g_autofree char *display = NULL;

  g_return_if_fail (ED_IS_FOLDER_ROW (self));
  g_return_if_fail (folder != NULL);

  display = g_filename_display_name (folder);
  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), display);
}

const char *
ed_folder_row_get_folder (EdFolderRow *self)
{
  g_return_val_if_fail (ED_IS_FOLDER_ROW (self), NULL);

  return self->folder;
}
