/* ed-preferences-window.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-preferences-window.h"
#include "ui/ed-settings-form.h"

/* Preferences: the district's shared settings on one page, this desk's own on another. */

struct _EdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  EdContext           *context;
  EdSettingsForm      *district_form;
  GtkWidget           *user_name_row;
  gboolean             closing;
};

G_DEFINE_FINAL_TYPE (EdPreferencesWindow, ed_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
form_message_cb (EdPreferencesWindow *self,
                 const char          *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
user_name_apply_cb (EdPreferencesWindow *self)
{
  EdDeskIdentity *desk = ed_context_get_desk (self->context);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->user_name_row));
  g_autoptr(GError) error = NULL;

  if (!ed_desk_identity_set_user_name_override (desk, text, &error))
    {
      form_message_cb (self, error->message);
      return;
    }

  /* An emptied field means "use my account's name": show which name that is. */
  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row),
                         ed_desk_identity_get_user_name (desk));
  form_message_cb (self, _("Your name saved"));
}

static void
discard_response_cb (EdPreferencesWindow *self,
                     const char          *response)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (!ed_settings_form_save_pending (self->district_form, &error))
        return;   /* the toast says why; the window and the typed values stay */
    }
  else if (!g_str_equal (response, "discard"))
    {
      return;
    }

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing with typed-but-unapplied values would lose them without a word; ask first. */
static gboolean
close_request_cb (EdPreferencesWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !ed_settings_form_has_unsaved_changes (self->district_form))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save Changes?"),
                                                       _("Some district settings were edited "
                                                         "but not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static GtkWidget *
build_desk_page (EdPreferencesWindow *self)
{
  EdDeskIdentity *desk = ed_context_get_desk (self->context);
  g_autofree char *account_name = ed_desk_identity_get_account_name ();
  g_autofree char *user_description = NULL;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *device_row = adw_action_row_new ();
  GtkWidget *file_row = adw_action_row_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("This Desk"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "computer-symbolic");

  user_description = g_strdup_printf (_("Recorded against every change made at this desk. "
                                        "Leave empty to use your account’s name, %s."),
                                      account_name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("You"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), user_description);

  self->user_name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_name_row), _("Your name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->user_name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->user_name_row),
                         ed_desk_identity_get_user_name (desk));
  g_signal_connect_swapped (self->user_name_row, "apply", G_CALLBACK (user_name_apply_cb),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->user_name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (device_row), _("Desk id"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (device_row),
                               ed_desk_identity_get_device_id (desk));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), device_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (file_row), _("District file"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (file_row),
                               ed_database_get_path (ed_context_get_database (self->context)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), file_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

static void
ed_preferences_window_dispose (GObject *object)
{
  EdPreferencesWindow *self = (EdPreferencesWindow *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_preferences_window_parent_class)->dispose (object);
}

static void
ed_preferences_window_class_init (EdPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ed_preferences_window_dispose;
}

static void
ed_preferences_window_init (EdPreferencesWindow *self)
{
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

EdPreferencesWindow *
ed_preferences_window_new (GtkWindow *parent,
                           EdContext *context)
{
  EdPreferencesWindow *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "search-enabled", FALSE,
                       "default-width", 640,
                       "default-height", 720,
                       NULL);
  self->context = g_object_ref (context);

  self->district_form = ed_settings_form_new_for_settings (ed_context_get_settings (context));
  g_signal_connect_swapped (self->district_form, "message", G_CALLBACK (form_message_cb), self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (self->district_form));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (build_desk_page (self)));
  return self;
}
