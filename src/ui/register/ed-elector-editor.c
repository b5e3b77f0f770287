/* ed-elector-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "register/ed-elector-edit.h"
#include "ui/register/ed-elector-editor.h"
#include "changes/ed-hlc.h"
#include "register/ed-register-search.h"

/* One entry in the register, added or amended by hand as applications are determined, or
 * deleted with a reason. The rules are libed-core's (ed-elector-edit.h): this window turns
 * its problems into messages under the fields as the officer types, and never loses typed
 * work without asking (DESIGN.md §7). */

/* A field whose problems show under it: the row that edits it and a row for the message. */
typedef struct
{
  const char *name;
  GtkWidget  *row;
  GtkWidget  *message;
  gboolean    touched;
} Field;

struct _EdElectorEditor
{
  AdwWindow        parent_instance;

  EdContext       *context;
  EdElectorEdit   *stored;
  EdElectorEdit   *initial;
  GPtrArray       *districts;
  GDate            today;
  gboolean         closing;
  gboolean         loading;
  gboolean         show_all_problems;

  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  GtkWidget       *delete_button;
  GtkWidget       *number_row;
  GtkWidget       *address_row;
  GtkWidget       *status_row;
  GtkWidget       *district_row;
  GtkWidget       *other_switch;
  GtkWidget       *new_address_group;
  GtkWidget       *property_row;
  GtkWidget       *street_row;
  GtkWidget       *locality_row;
  GtkWidget       *town_row;
  GtkWidget       *postcode_row;
  GtkWidget       *title_row;
  GtkWidget       *forenames_row;
  GtkWidget       *surname_row;
  GtkWidget       *marker_row;
  GtkWidget       *attainer_row;
  GtkWidget       *opt_out_switch;
  GtkWidget       *anonymous_switch;
  GtkWidget       *language_row;
  GtkWidget       *absent_vote_row;
  GtkWidget       *absent_ends_row;
  GtkWidget       *proxy_name_row;
  GtkWidget       *proxy_address_row;
  GtkWidget       *history_group;
  GArray          *fields;
};

G_DEFINE_FINAL_TYPE (EdElectorEditor, ed_elector_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (EdElectorEditor *self);

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (value));
}

/* The form as an EdElectorEdit: the stored entry (or a blank one) with what is typed. */
static EdElectorEdit *
read_form (EdElectorEditor *self)
{
  EdElectorEdit *edit = ed_elector_edit_copy (self->initial);
  guint absent = adw_combo_row_get_selected (ADW_COMBO_ROW (self->absent_vote_row));
  guint language = adw_combo_row_get_selected (ADW_COMBO_ROW (self->language_row));

  set_text (&edit->title, entry_text (self->title_row));
  set_text (&edit->forenames, entry_text (self->forenames_row));
  set_text (&edit->surname, entry_text (self->surname_row));
  set_text (&edit->marker, entry_text (self->marker_row));
  set_text (&edit->attainer_date, entry_text (self->attainer_row));
  edit->open_register_opt_out = gtk_switch_get_active (GTK_SWITCH (self->opt_out_switch));
  edit->anonymous = gtk_switch_get_active (GTK_SWITCH (self->anonymous_switch));
  if (absent < ED_N_ABSENT_VOTES)
    set_text (&edit->absent_vote, ed_absent_vote_to_string (absent));
  set_text (&edit->absent_vote_ends, entry_text (self->absent_ends_row));
  set_text (&edit->proxy_name, entry_text (self->proxy_name_row));
  set_text (&edit->proxy_address, entry_text (self->proxy_address_row));
  /* A row written without a language reads as English; leave it as it is unless changed. */
  if (language < ED_N_ELECTOR_LANGUAGES &&
      !(language == ED_ELECTOR_LANGUAGE_ENGLISH && self->initial->language[0] == '\0'))
    set_text (&edit->language, ed_elector_language_to_string (language));

  if (self->stored == NULL)
    {
      edit->other_elector = gtk_switch_get_active (GTK_SWITCH (self->other_switch));
      if (self->initial->property[0] == '\0')
        {
          guint district = adw_combo_row_get_selected (ADW_COMBO_ROW (self->district_row));

          if (self->districts != NULL && district < self->districts->len)
            set_text (&edit->polling_district,
                      ((EdPollingDistrictRef *)g_ptr_array_index (self->districts, district))->id);
          set_text (&edit->new_address.property, entry_text (self->property_row));
          set_text (&edit->new_address.street, entry_text (self->street_row));
          set_text (&edit->new_address.locality, entry_text (self->locality_row));
          set_text (&edit->new_address.town, entry_text (self->town_row));
          set_text (&edit->new_address.postcode, entry_text (self->postcode_row));
        }
    }
  return edit;
}

static gboolean
address_changed (const EdElectorEdit *a,
                 const EdElectorEdit *b)
{
  return g_strcmp0 (a->new_address.property, b->new_address.property) != 0 ||
         g_strcmp0 (a->new_address.street, b->new_address.street) != 0 ||
         g_strcmp0 (a->new_address.locality, b->new_address.locality) != 0 ||
         g_strcmp0 (a->new_address.town, b->new_address.town) != 0 ||
         g_strcmp0 (a->new_address.postcode, b->new_address.postcode) != 0 ||
         !a->other_elector != !b->other_elector;
}

/**
 * ed_elector_editor_has_unsaved_changes:
 * @self: an editor
 *
 * Returns: whether anything has been typed that is not saved
 */
gboolean
ed_elector_editor_has_unsaved_changes (EdElectorEditor *self)
{
  g_autoptr(EdElectorEdit) edit = NULL;

  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), FALSE);

  edit = read_form (self);
  return ed_elector_edit_has_changes (self->initial, edit) ||
         address_changed (self->initial, edit);
}

static GPtrArray *
current_problems (EdElectorEditor *self,
                  EdElectorEdit   *edit)
{
  return ed_elector_edit_validate (self->context, edit, self->stored, &self->today);
}

/**
 * ed_elector_editor_get_can_save:
 * @self: an editor
 *
 * Returns: whether the form is valid and holds something to save
 */
gboolean
ed_elector_editor_get_can_save (EdElectorEditor *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}

static void
show_problem (Field      *field,
              const char *message)
{
  gboolean shown = message != NULL;

  gtk_widget_set_visible (field->message, shown);
  if (shown)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->message), message);
      gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_number (EdElectorEditor *self,
               EdElectorEdit   *edit)
{
  g_autofree char *text = NULL;
  EdElectorNumber number;

  if (self->stored != NULL)
    return;

  /* The number the new elector will get, once the address (or the part, for an Other
   * elector or a new address) is known. */
  if (edit->polling_district[0] != '\0' &&
      ed_elector_next_number (self->context, edit->polling_district,
                              edit->other_elector ? NULL : edit->property, &number, NULL))
    text = ed_elector_number_format (&number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->number_row),
                               text != NULL ? text : _("Given when the address is chosen"));
}

static void
update_state (EdElectorEditor *self)
{
  g_autoptr(EdElectorEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean proxy;
  gboolean new_address;
  EdAbsentVote vote;

  if (self->loading)
    return;

  edit = read_form (self);
  problems = current_problems (self, edit);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      const char *message = ed_field_problems_lookup (problems, field->name);

      /* An untouched field of a new entry is not wrong yet, only empty. */
      show_problem (field, field->touched || self->show_all_problems ? message : NULL);
    }

  proxy = ed_absent_vote_from_string (edit->absent_vote, &vote, NULL) &&
          ed_absent_vote_is_by_proxy (vote);
  gtk_widget_set_visible (self->proxy_name_row, proxy || edit->proxy_name[0] != '\0');
  gtk_widget_set_visible (self->proxy_address_row, proxy || edit->proxy_address[0] != '\0');
  new_address = self->stored == NULL && self->initial->property[0] == '\0';
  if (self->new_address_group != NULL)
    gtk_widget_set_visible (self->new_address_group, new_address && !edit->other_elector);

  update_number (self, edit);
  gtk_widget_set_sensitive (self->save_button,
                            problems->len == 0 &&
                              (self->stored == NULL ||
                               ed_elector_edit_has_changes (self->stored, edit)));
}

static void
field_changed_cb (GtkWidget       *row,
                  GParamSpec      *pspec,
                  EdElectorEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (field->row == row && !self->loading)
        field->touched = TRUE;
    }
  update_state (self);
}

static void
watch (EdElectorEditor *self,
       GtkWidget       *widget,
       const char      *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_signal_connect (widget, signal, G_CALLBACK (field_changed_cb), self);
}

static void
add_field (EdElectorEditor *self,
           GtkWidget       *group,
           const char      *name,
           GtkWidget       *row)
{
  Field field = { name, row, adw_action_row_new (), FALSE };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field.message), FALSE);
  gtk_widget_add_css_class (field.message, "error");
  gtk_widget_set_visible (field.message, FALSE);
  gtk_widget_set_can_focus (field.message, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field.message);
  g_array_append_val (self->fields, field);
}

static GtkWidget *
entry_row (EdElectorEditor *self,
           GtkWidget       *group,
           const char      *field,
           const char      *title,
           const char      *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  /* Enter saves, as in any dialog; Save is the window's default widget. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  watch (self, row, "text");
  if (field != NULL)
    add_field (self, group, field, row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
switch_row (EdElectorEditor *self,
            GtkWidget       *group,
            const char      *title,
            const char      *subtitle,
            gboolean         active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  watch (self, toggle, "active");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return toggle;
}

static GtkWidget *
combo_row (EdElectorEditor    *self,
           GtkWidget          *group,
           const char         *field,
           const char         *title,
           GtkStringList      *names,
           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  watch (self, row, "selected");
  if (field != NULL)
    add_field (self, group, field, row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
info_row (GtkWidget  *group,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

/* The absent vote and language combos list their vocabularies in the order of the enums. A
 * stored value neither lists, which the register never writes, shows as the first item. */
static guint
absent_vote_position (const char *text)
{
  EdAbsentVote vote;

  return ed_absent_vote_from_string (text, &vote, NULL) ? vote : ED_ABSENT_VOTE_NONE;
}

static guint
language_position (const char *text)
{
  EdElectorLanguage language;

  return ed_elector_language_from_string (text, &language, NULL) ? language
                                                                 : ED_ELECTOR_LANGUAGE_ENGLISH;
}

static const char *
status_text (EdElectorStatus status)
{
  switch (status)
    {
    case ED_ELECTOR_STATUS_PENDING_ADDITION:
      return _("To be added at the next notice of alteration");
    case ED_ELECTOR_STATUS_PENDING_DELETION:
      return _("To be deleted at the next notice of alteration");
    case ED_ELECTOR_STATUS_CURRENT:
    case ED_N_ELECTOR_STATUSES:
    default:
      return _("In the register");
    }
}

static void
build_entry_group (EdElectorEditor *self,
                   GtkWidget       *page)
{
  EdElectorEdit *edit = self->initial;
  GtkWidget *group = new_group (page, _("Entry"));
  g_autofree char *number = NULL;
  g_autofree char *address = NULL;

  if (self->stored != NULL)
    number = ed_elector_number_format (&edit->number);
  self->number_row = info_row (group, _("Elector number"), number != NULL ? number : "");
  if (edit->property[0] != '\0')
    address = ed_elector_edit_address_text (self->context, edit->property, NULL);
  if (self->stored != NULL)
    {
      self->address_row = info_row (group, _("Address"),
                                    edit->other_elector || address == NULL || address[0] == '\0'
                                      ? _("Other elector: no address")
                                      : address);
      self->status_row = info_row (group, _("Status"), status_text (edit->status));
      return;
    }

  if (edit->property[0] != '\0')
    {
      self->address_row = info_row (group, _("Address"), address != NULL ? address : "");
      self->other_switch = switch_row (self, group, _("Other elector"),
                                       _("Listed with no address"), FALSE);
      return;
    }

  /* A new address: choose its polling district, then type it. */
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

    self->districts = ed_register_polling_districts (self->context, NULL);
    for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
      {
        EdPollingDistrictRef *choice = g_ptr_array_index (self->districts, i);
        g_autofree char *label = g_strdup_printf ("%s %s", choice->code, choice->name);

        gtk_string_list_append (names, label);
      }
    self->district_row = combo_row (self, group, "polling_district", _("Polling district"),
                                    names, 0);
    self->other_switch = switch_row (self, group, _("Other elector"),
                                     _("Listed with no address"), FALSE);
  }

  self->new_address_group = new_group (page, _("Address"));
  self->property_row = entry_row (self, self->new_address_group, "property",
                                  _("House number or name"), "");
  self->street_row = entry_row (self, self->new_address_group, "street", _("Street"), "");
  self->locality_row = entry_row (self, self->new_address_group, NULL, _("Locality"), "");
  self->town_row = entry_row (self, self->new_address_group, NULL, _("Town"), "");
  self->postcode_row = entry_row (self, self->new_address_group, "postcode", _("Postcode"), "");
}

static void
build_history (EdElectorEditor *self,
               GtkWidget       *page)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkWidget *group;

  if (self->stored == NULL)
    return;

  /* A plain group, not an expander: the list is what an officer opens the panel for. */
  group = new_group (page, _("History"));
  self->history_group = group;

  history = ed_elector_history (self->context, self->stored->id, &error);
  if (history == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The history could not be read."));
      g_warning ("Could not read the elector’s history: %s", error->message);
      return;
    }
  count = g_strdup_printf (ngettext ("%u change, newest first", "%u changes, newest first",
                                     history->len),
                           history->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), count);

  /* Newest first: the latest change is the one an officer asks about. */
  for (guint i = history->len; i > 0; i--)
    {
      EdHistoryEntry *entry = g_ptr_array_index (history, i - 1);
      g_autofree char *what = ed_elector_history_describe (entry);
      g_autoptr(GDateTime) when =
        g_date_time_new_from_unix_local (ed_hlc_get_ms (entry->hlc) / 1000);
      g_autofree char *when_text = g_date_time_format (when, "%-d %b %Y %H:%M");
      g_autofree char *desk = g_strndup (entry->device, 8);
      g_autofree char *who = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: who made a change, on which desk, and when */
      who = g_strdup_printf (_("%s at desk %s, %s"), entry->user, desk, when_text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), who);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
close_after_save (EdElectorEditor *self,
                  const char      *elector_id)
{
  g_autofree char *id = g_strdup (elector_id);

  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * ed_elector_editor_save:
 * @self: an editor
 * @error: return location for why it could not be saved
 *
 * Saves the form, emits #EdElectorEditor::saved and closes; on failure the window and
 * everything typed stay.
 */
gboolean
ed_elector_editor_save (EdElectorEditor  *self,
                        GError          **error)
{
  g_autoptr(EdElectorEdit) edit = NULL;

  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), FALSE);

  edit = read_form (self);
  if (self->stored != NULL)
    {
      if (!ed_elector_edit_amend (self->context, edit, &self->today, error))
        return FALSE;
    }
  else if (!ed_elector_edit_add (self->context, edit, &self->today, error))
    return FALSE;

  close_after_save (self, edit->id);
  return TRUE;
}

static void
save_clicked_cb (EdElectorEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    {
      /* Say what stops it, under each field. */
      self->show_all_problems = TRUE;
      update_state (self);
      return;
    }
  if (!ed_elector_editor_save (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save_clicked_cb (ED_ELECTOR_EDITOR (widget));
  return TRUE;
}

static gboolean
cancel_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
discard_response_cb (EdElectorEditor *self,
                     const char      *response)
{
  if (g_str_equal (response, "save"))
    save_clicked_cb (self);
  else if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* An unsaved form never vanishes without a word (DESIGN.md §7). */
static gboolean
close_request_cb (EdElectorEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !ed_elector_editor_has_unsaved_changes (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"),
                                                       _("The changes to this elector are "
                                                         "not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  if (gtk_widget_get_sensitive (self->save_button))
    {
      adw_message_dialog_add_response (dialog, "save", _("_Save"));
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

typedef struct
{
  EdElectorEditor *self;
  GtkDropDown     *reasons;
  GtkEntry        *other;
} DeleteDialog;

static void
delete_dialog_free (gpointer  user_data,
                    GClosure *closure)
{
  DeleteDialog *data = user_data;

  g_object_unref (data->self);
  g_free (data);
}

static void
reason_changed_cb (GtkDropDown *reasons,
                   GParamSpec  *pspec,
                   GtkWidget   *other)
{
  gtk_widget_set_visible (other, gtk_drop_down_get_selected (reasons) == ED_DELETION_OTHER);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteDialog     *data)
{
  EdElectorEditor *self = data->self;
  g_autoptr(GError) error = NULL;
  EdDeletionReason reason = gtk_drop_down_get_selected (data->reasons);

  if (!g_str_equal (response, "delete"))
    return;
  if (!ed_elector_delete (self->context, self->stored->id, reason,
                          gtk_editable_get_text (GTK_EDITABLE (data->other)), &self->today,
                          &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  close_after_save (self, self->stored->id);
}

static void
delete_clicked_cb (EdElectorEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  DeleteDialog *data = g_new0 (DeleteDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (EdDeletionReason r = 0; r < ED_N_DELETION_REASONS; r++)
    gtk_string_list_append (names, ed_deletion_reason_get_display_name (r));
  data->self = g_object_ref (self);
  data->reasons = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->reasons), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  data->other = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (data->other, _("The reason in words"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->other), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The reason in words"), -1);
  gtk_widget_set_visible (GTK_WIDGET (data->other), FALSE);
  g_signal_connect (data->reasons, "notify::selected", G_CALLBACK (reason_changed_cb),
                    data->other);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->reasons));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->other));

  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Delete Elector?"),
                            self->stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION
                              ? _("The addition is not published yet, so the entry is "
                                  "removed at once.")
                              : _("The entry is deleted when the next notice of alteration "
                                  "is published.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), data,
                         delete_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_form (EdElectorEditor *self)
{
  EdElectorEdit *edit = self->initial;
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  g_autoptr(GtkStringList) absent_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);

  self->loading = TRUE;

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  build_entry_group (self, page);

  group = new_group (page, _("Name"));
  self->title_row = entry_row (self, group, NULL, _("Title"), edit->title);
  self->forenames_row = entry_row (self, group, NULL, _("Forenames"), edit->forenames);
  self->surname_row = entry_row (self, group, "surname", _("Surname"), edit->surname);

  group = new_group (page, _("Franchise"));
  self->marker_row = entry_row (self, group, "marker", _("Franchise marker"), edit->marker);
  self->attainer_row = entry_row (self, group, "attainer_date", _("Attainer date"),
                                  edit->attainer_date);
  self->opt_out_switch = switch_row (self, group, _("Opted out of the open register"), NULL,
                                     edit->open_register_opt_out);
  self->anonymous_switch = switch_row (self, group, _("Anonymous entry"),
                                       _("Printed as number and N only"), edit->anonymous);
  for (EdElectorLanguage l = 0; l < ED_N_ELECTOR_LANGUAGES; l++)
    gtk_string_list_append (language_names, ed_elector_language_get_display_name (l));
  self->language_row = combo_row (self, group, "language", _("Language"), language_names,
                                  language_position (edit->language));

  group = new_group (page, _("Absent Vote"));
  for (EdAbsentVote v = 0; v < ED_N_ABSENT_VOTES; v++)
    gtk_string_list_append (absent_names, ed_absent_vote_get_display_name (v));
  self->absent_vote_row = combo_row (self, group, "absent_vote", _("Absent vote"), absent_names,
                                     absent_vote_position (edit->absent_vote));
  self->absent_ends_row = entry_row (self, group, "absent_vote_ends", _("Absent vote ends"),
                                     edit->absent_vote_ends);
  self->proxy_name_row = entry_row (self, group, "proxy_name", _("Proxy name"),
                                    edit->proxy_name);
  self->proxy_address_row = entry_row (self, group, NULL, _("Proxy address"),
                                       edit->proxy_address);

  build_history (self, page);

  if (self->stored != NULL && self->stored->status != ED_ELECTOR_STATUS_PENDING_DELETION)
    {
      group = adw_preferences_group_new ();
      self->delete_button = gtk_button_new_with_label (_("Delete…"));
      gtk_widget_set_halign (self->delete_button, GTK_ALIGN_START);
      gtk_widget_add_css_class (self->delete_button, "destructive-action");
      g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb),
                                self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->delete_button);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  self->loading = FALSE;
  update_state (self);
}

static void
ed_elector_editor_dispose (GObject *object)
{
  EdElectorEditor *self = (EdElectorEditor *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->stored, ed_elector_edit_free);
  g_clear_pointer (&self->initial, ed_elector_edit_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (ed_elector_editor_parent_class)->dispose (object);
}

static void
ed_elector_editor_class_init (EdElectorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_elector_editor_dispose;

  /**
   * EdElectorEditor::saved:
   * @self: the editor
   * @elector_id: the elector added, amended or deleted
   *
   * Emitted after a save, just before the window closes, so that lists can refresh.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_shortcut_cb, NULL);
}

static void
ed_elector_editor_init (EdElectorEditor *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * ed_elector_editor_new:
 * @parent: (nullable): the main window
 * @context: the district
 * @elector_id: (nullable): the elector to edit, or %NULL to add one
 * @property_id: (nullable): for a new elector, the address to add them at; %NULL for a new
 *   address or an Other elector
 *
 * Returns: (transfer none): a modal editor, not yet shown; it is destroyed when it closes
 */
EdElectorEditor *
ed_elector_editor_new (GtkWindow  *parent,
                       EdContext  *context,
                       const char *elector_id,
                       const char *property_id)
{
  EdElectorEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_ELECTOR_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "title", elector_id != NULL ? _("Edit elector") : _("Add elector"),
                       NULL);
  self->context = g_object_ref (context);

  if (elector_id != NULL)
    {
      self->stored = ed_elector_edit_load (context, elector_id, &error);
      if (self->stored == NULL)
        g_warning ("Could not load elector %s: %s", elector_id, error->message);
    }
  if (self->stored != NULL)
    self->initial = ed_elector_edit_copy (self->stored);
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add elector"));
      self->initial = ed_elector_edit_new ();
      if (property_id != NULL && property_id[0] != '\0' &&
          !ed_elector_edit_prefill_property (self->initial, context, property_id, &error))
        g_warning ("Could not read the address %s: %s", property_id, error->message);
    }
  build_form (self);
  return self;
}

/**
 * ed_elector_editor_set_today:
 * @self: an editor
 * @today: the day changes are determined on
 *
 * Sets the date the rules are checked against and alterations are recorded with; the
 * current date unless set.
 */
void
ed_elector_editor_set_today (EdElectorEditor *self,
                             const GDate     *today)
{
  g_return_if_fail (ED_IS_ELECTOR_EDITOR (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  update_state (self);
}
