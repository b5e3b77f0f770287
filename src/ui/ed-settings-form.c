/* ed-settings-form.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ed-value-error.h"
#include "ui/ed-settings-form.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* The district settings as a form, in two modes. Bound to a district (preferences), each field
 * is saved on its own when the person applies it (Enter or the apply button), so a half-typed
 * name never reaches the shared data. Blank (a new district), the form only collects and
 * checks; the dialog creates the district from it. Either way every field is checked as it is
 * typed, with the reason shown under it, as on every form (ed-field-error.c). */

typedef struct
{
  EdSettingsForm      *form;
  const EdSettingInfo *info;
  GtkWidget           *row;          /* EdValidatedEntryRow, AdwComboRow or AdwActionRow; the
                                      * GtkTextView for the address */
  GtkWidget           *toggle;       /* GtkSwitch, for booleans */
  GtkTextBuffer       *buffer;       /* for the address */
  GtkWidget           *save_button;  /* for the address, when bound */
  gboolean             valid;
  gboolean             touched;      /* edited by the person since the form opened */
} Field;

struct _EdSettingsForm
{
  AdwPreferencesPage  parent_instance;

  EdDistrictSettings *settings;      /* NULL when blank */
  GPtrArray          *fields;
  gboolean            updating;
  gboolean            valid;
};

G_DEFINE_FINAL_TYPE (EdSettingsForm, ed_settings_form, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const EdCountry country_order[] = { ED_COUNTRY_ENGLAND, ED_COUNTRY_WALES,
                                           ED_COUNTRY_SCOTLAND };

static Field *
find_field (EdSettingsForm *self,
            const char     *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->info->key, key))
        return field;
    }
  g_assert_not_reached ();
}

static char *
field_get_text (Field *field)
{
  switch (field->info->kind)
    {
    case ED_SETTING_ADDRESS:
      {
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (field->buffer, &start, &end);
        return gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
      }

    case ED_SETTING_COUNTRY:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        if (selected >= G_N_ELEMENTS (country_order))
          return g_strdup ("");
        return g_strdup (ed_country_to_string (country_order[selected]));
      }

    case ED_SETTING_BOOLEAN:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (field->toggle)) ? "true" : "false");

    case ED_SETTING_LINE:
    case ED_SETTING_PHONE:
    case ED_SETTING_EMAIL:
    case ED_SETTING_WEBSITE:
    case ED_SETTING_MARKER_LETTER:
    case ED_SETTING_WHOLE_NUMBER:
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));
    }
}

static void
field_set_text (Field      *field,
                const char *text)
{
  field->form->updating = TRUE;

  switch (field->info->kind)
    {
    case ED_SETTING_ADDRESS:
      gtk_text_buffer_set_text (field->buffer, text, -1);
      break;

    case ED_SETTING_COUNTRY:
      {
        EdCountry country = ED_COUNTRY_ENGLAND;

        ed_country_from_string (text, &country);
        for (guint i = 0; i < G_N_ELEMENTS (country_order); i++)
          if (country_order[i] == country)
            adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
      }
      break;

    case ED_SETTING_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (field->toggle), g_strcmp0 (text, "true") == 0);
      break;

    case ED_SETTING_LINE:
    case ED_SETTING_PHONE:
    case ED_SETTING_EMAIL:
    case ED_SETTING_WEBSITE:
    case ED_SETTING_MARKER_LETTER:
    case ED_SETTING_WHOLE_NUMBER:
    default:
      gtk_editable_set_text (GTK_EDITABLE (field->row), text);
      break;
    }

  field->form->updating = FALSE;
}

static void
update_welsh_sensitivity (EdSettingsForm *self)
{
  Field *country = find_field (self, "country");
  Field *welsh = find_field (self, "welsh-language");
  Field *marker_letter = find_field (self, "welsh-marker-letter");
  g_autofree char *text = field_get_text (country);

  gtk_widget_set_sensitive (welsh->row, g_str_equal (text, "wales"));
  /* Only a Welsh register has qualifying foreign citizens; elsewhere the letter is noise. */
  gtk_widget_set_visible (marker_letter->row, g_str_equal (text, "wales"));
}

static void
update_valid (EdSettingsForm *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    valid &= ((Field *)g_ptr_array_index (self->fields, i))->valid;

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* Checks the field as it stands and shows why it is wrong, if it is. */
static void
check_field (Field *field)
{
  g_autofree char *text = field_get_text (field);
  g_autofree char *normalised = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show_error;

  field->valid = ed_district_settings_normalise_value (field->info->key, text, &normalised,
                                                      &error);

  /* A required field left empty in a fresh form is not yet a mistake: it stops the form from
   * being saved, but is only shown in red once the person has been there. */
  show_error = !field->valid &&
               !(g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY) && !field->touched);

  if (field->info->kind != ED_SETTING_ADDRESS)
    ed_field_error_show (field->row, show_error ? error->message : NULL);
  /* The address is a text view, with no row under it for a message: it takes the error style
   * and the description only. */
  else if (!show_error)
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }

  update_valid (field->form);
}

static gboolean
field_is_pending (Field *field)
{
  g_autofree char *text = NULL;
  g_autofree char *normalised = NULL;

  if (field->form->settings == NULL)
    return FALSE;

  text = field_get_text (field);
  if (!ed_district_settings_normalise_value (field->info->key, text, &normalised, NULL))
    return TRUE;
  return g_strcmp0 (normalised, ed_district_settings_get (field->form->settings,
                                                          field->info->key)) != 0;
}

/* Saves one field of a bound form; says what happened in a toast. */
static gboolean
save_field (Field   *field,
            GError **error)
{
  EdSettingsForm *self = field->form;
  g_autofree char *text = field_get_text (field);
  g_autoptr(GError) local_error = NULL;

  if (!ed_district_settings_set (self->settings, field->info->key, text, &local_error))
    {
      g_signal_emit (self, signals[MESSAGE], 0, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
entry_changed_cb (Field *field)
{
  if (field->form->updating)
    return;
  field->touched = TRUE;
  check_field (field);
}

/* Saves a field the person applied, and says so. */
static gboolean
apply_field (Field *field)
{
  g_autofree char *message = NULL;

  if (!save_field (field, NULL))
    return FALSE;
  message = g_strdup_printf (_("%s saved"), _(field->info->label));
  g_signal_emit (field->form, signals[MESSAGE], 0, message);
  return TRUE;
}

static void
entry_apply_cb (Field *field)
{
  apply_field (field);
}

static void
address_changed_cb (Field *field)
{
  if (field->form->updating)
    return;
  field->touched = TRUE;
  check_field (field);
  if (field->save_button != NULL)
    gtk_widget_set_sensitive (field->save_button, field->valid && field_is_pending (field));
}

static void
address_save_clicked_cb (Field *field)
{
  apply_field (field);
  gtk_widget_set_sensitive (field->save_button, field_is_pending (field));
}

static void
choice_changed_cb (Field *field)
{
  EdSettingsForm *self = field->form;

  if (self->updating)
    return;

  if (field->info->kind == ED_SETTING_COUNTRY)
    update_welsh_sensitivity (self);
  check_field (field);

  /* A choice is a single deliberate act, so a bound form saves it at once. */
  if (self->settings != NULL && field_is_pending (field))
    {
      if (!apply_field (field))
        field_set_text (field, ed_district_settings_get (self->settings, field->info->key));
      if (field->info->kind == ED_SETTING_COUNTRY)
        update_welsh_sensitivity (self);
    }
}

static void
settings_changed_cb (EdSettingsForm *self,
                     const char     *key)
{
  Field *field = find_field (self, key);

  /* Another part of the app (or the CLI's change synced in) moved the value; show it, unless
   * the person is in the middle of editing this very field. */
  if (field->info->kind == ED_SETTING_ADDRESS || field->info->kind == ED_SETTING_LINE ||
      field->info->kind == ED_SETTING_PHONE || field->info->kind == ED_SETTING_EMAIL ||
      field->info->kind == ED_SETTING_WEBSITE || field->info->kind == ED_SETTING_MARKER_LETTER ||
      field->info->kind == ED_SETTING_WHOLE_NUMBER)
    {
      if (gtk_widget_has_focus (field->row) || gtk_widget_get_focus_child (field->row) != NULL)
        return;
    }
  field_set_text (field, ed_district_settings_get (self->settings, key));
  check_field (field);
  if (field->info->kind == ED_SETTING_COUNTRY || field->info->kind == ED_SETTING_BOOLEAN)
    update_welsh_sensitivity (self);
}

static Field *
add_field (EdSettingsForm      *self,
           AdwPreferencesGroup *group,
           const char          *key)
{
  Field *field = g_new0 (Field, 1);
  const EdSettingInfo *info = ed_district_settings_lookup_key (key);
  gboolean bound = self->settings != NULL;

  field->form = self;
  field->info = info;
  field->valid = TRUE;

  switch (info->kind)
    {
    case ED_SETTING_ADDRESS:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkWidget *frame = gtk_frame_new (NULL);

        field->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_widget_set_size_request (view, -1, 110);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _(info->label), -1);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_widget_add_css_class (frame, "view");
        field->row = view;
        adw_preferences_group_add (group, frame);
        g_signal_connect_swapped (field->buffer, "changed", G_CALLBACK (address_changed_cb),
                                  field);
        if (bound)
          {
            field->save_button = gtk_button_new_with_mnemonic (_("_Save Address"));
            gtk_widget_set_sensitive (field->save_button, FALSE);
            gtk_widget_set_valign (field->save_button, GTK_ALIGN_CENTER);
            adw_preferences_group_set_header_suffix (group, field->save_button);
            g_signal_connect_swapped (field->save_button, "clicked",
                                      G_CALLBACK (address_save_clicked_cb), field);
          }
      }
      break;

    case ED_SETTING_COUNTRY:
      {
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        for (guint i = 0; i < G_N_ELEMENTS (country_order); i++)
          gtk_string_list_append (names, ed_country_get_display_name (country_order[i]));
        field->row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (names));
        g_signal_connect_swapped (field->row, "notify::selected", G_CALLBACK (choice_changed_cb),
                                  field);
      }
      break;

    case ED_SETTING_BOOLEAN:
      field->row = adw_action_row_new ();
      field->toggle = gtk_switch_new ();
      gtk_widget_set_valign (field->toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->toggle);
      g_signal_connect_swapped (field->toggle, "notify::active", G_CALLBACK (choice_changed_cb),
                                field);
      break;

    case ED_SETTING_LINE:
    case ED_SETTING_PHONE:
    case ED_SETTING_EMAIL:
    case ED_SETTING_WEBSITE:
    case ED_SETTING_MARKER_LETTER:
    case ED_SETTING_WHOLE_NUMBER:
    default:
      field->row = ed_validated_entry_row_new ();
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (field->row), bound);
      if (info->kind == ED_SETTING_PHONE)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_PHONE);
      else if (info->kind == ED_SETTING_EMAIL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_EMAIL);
      else if (info->kind == ED_SETTING_WEBSITE)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (field->row), GTK_INPUT_PURPOSE_URL);
      g_signal_connect_swapped (field->row, "changed", G_CALLBACK (entry_changed_cb), field);
      g_signal_connect_swapped (field->row, "apply", G_CALLBACK (entry_apply_cb), field);
      break;
    }

  if (info->kind != ED_SETTING_ADDRESS)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(info->label));
      if (ADW_IS_ACTION_ROW (field->row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _(info->description));
      adw_preferences_group_add (group, field->row);
    }

  g_ptr_array_add (self->fields, field);
  return field;
}

static AdwPreferencesGroup *
add_group (EdSettingsForm *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
build_form (EdSettingsForm *self)
{
  AdwPreferencesGroup *group;

  group = add_group (self, _("Council"), NULL);
  add_field (self, group, "council-name");
  add_field (self, group, "country");
  add_field (self, group, "welsh-language");
  add_field (self, group, "welsh-marker-letter");

  group = add_group (self, _("Council Address"),
                     _("The electoral services office, one line of the address per line"));
  add_field (self, group, "council-address");

  group = add_group (self, _("Officers"),
                     _("Printed on the register, notices and poll cards"));
  add_field (self, group, "ero-name");
  add_field (self, group, "ro-name");

  group = add_group (self, _("Contact for Electors"), NULL);
  add_field (self, group, "phone");
  add_field (self, group, "email");
  add_field (self, group, "website");

  /* Only in Preferences: a new district starts from the guidance, and a person setting one up
   * has enough to fill in without it. */
  if (self->settings != NULL)
    {
      group = add_group (self, _("Polling Stations"),
                         _("Electors per station, postal voters excluded. Leave empty to "
                           "follow the Electoral Commission's guidance: at most 2,250, and "
                           "a third poll clerk above 1,250."));
      add_field (self, group, "station-maximum-electors");
      add_field (self, group, "station-two-clerks-electors");

      group = add_group (self, _("Casual Staff"),
                         _("People not appointed for this many years are listed for removal "
                           "on the Staff page. Leave empty for four years, or set the period "
                           "of the council’s retention schedule."));
      add_field (self, group, "staff-retention-years");
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *value = self->settings != NULL
                            ? ed_district_settings_get (self->settings, field->info->key)
                            : (field->info->kind == ED_SETTING_COUNTRY ? "england" : "");

      field_set_text (field, value != NULL ? value : "");
      check_field (field);
    }
  update_welsh_sensitivity (self);
}

static void
ed_settings_form_dispose (GObject *object)
{
  EdSettingsForm *self = (EdSettingsForm *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ed_settings_form_parent_class)->dispose (object);
}

static void
ed_settings_form_finalize (GObject *object)
{
  EdSettingsForm *self = (EdSettingsForm *)object;

  g_ptr_array_unref (self->fields);

  G_OBJECT_CLASS (ed_settings_form_parent_class)->finalize (object);
}

static void
ed_settings_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EdSettingsForm *self = ED_SETTINGS_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_settings_form_class_init (EdSettingsFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ed_settings_form_dispose;
  object_class->finalize = ed_settings_form_finalize;
  object_class->get_property = ed_settings_form_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdSettingsForm::message:
   * @self: the form
   * @text: what happened, for a toast
   */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ed_settings_form_init (EdSettingsForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->valid = TRUE;
}

EdSettingsForm *
ed_settings_form_new_for_settings (EdDistrictSettings *settings)
{
  EdSettingsForm *self;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (settings), NULL);

  self = g_object_new (ED_TYPE_SETTINGS_FORM,
                       "title", _("District"),
                       "icon-name", "x-office-address-book-symbolic",
                       NULL);
  self->settings = g_object_ref (settings);
  build_form (self);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  return self;
}

EdSettingsForm *
ed_settings_form_new_blank (void)
{
  EdSettingsForm *self = g_object_new (ED_TYPE_SETTINGS_FORM, NULL);

  build_form (self);
  return self;
}

gboolean
ed_settings_form_is_valid (EdSettingsForm *self)
{
  g_return_val_if_fail (ED_IS_SETTINGS_FORM (self), FALSE);

  return self->valid;
}

/**
 * ed_settings_form_collect:
 * @self: a form
 *
 * Returns: (transfer full) (element-type utf8 utf8): setting key → the text as entered
 */
GHashTable *
ed_settings_form_collect (EdSettingsForm *self)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_val_if_fail (ED_IS_SETTINGS_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_hash_table_insert (values, (gpointer)field->info->key, field_get_text (field));
    }
  return values;
}

/**
 * ed_settings_form_has_unsaved_changes:
 * @self: a bound form
 *
 * Returns: whether some field was edited but not applied
 */
gboolean
ed_settings_form_has_unsaved_changes (EdSettingsForm *self)
{
  g_return_val_if_fail (ED_IS_SETTINGS_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is_pending (g_ptr_array_index (self->fields, i)))
      return TRUE;
  return FALSE;
}

/**
 * ed_settings_form_save_pending:
 * @self: a bound form
 * @error: return location for the first field that could not be saved
 *
 * Saves every edited field. Stops at the first that fails, leaving it as typed.
 */
gboolean
ed_settings_form_save_pending (EdSettingsForm  *self,
                               GError         **error)
{
  g_return_val_if_fail (ED_IS_SETTINGS_FORM (self), FALSE);
  g_return_val_if_fail (self->settings != NULL, FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field_is_pending (field) && !save_field (field, error))
        return FALSE;
    }
  return TRUE;
}
