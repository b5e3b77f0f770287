/* ed-station-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling station editor: its code and room, its default staffing, and the districts or
 * streets it serves, opened from its place. Checked as typed (ed_station_edit_validate ()),
 * saved in one change set. */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"
#include "stations/ed-polling-station.h"
#include "ui/ed-accessible.h"
#include "ui/stations/ed-station-editor.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"
#include "ui/widgets/ed-list-placeholder.h"

struct _EdStationEditor
{
  AdwWindow      parent_instance;

  EdContext     *context;
  EdStationEdit *stored;      /* as loaded or last saved */
  GPtrArray     *coverage;    /* EdStationCoverage, as the form lists them */
  GPtrArray     *districts;   /* EdPollingDistrictRef, in the combo's order */
  gboolean       closing;
  gboolean       loading;

  GtkWidget     *save_button;
  GtkWidget     *toasts;
  GtkWidget     *code_row;
  GtkWidget     *name_row;
  GtkWidget     *officers_row;
  GtkWidget     *clerks_row;
  GtkWidget     *coverage_list;
  GtkWidget     *add_district_row;
  GtkWidget     *add_street_row;
  GtkWidget     *add_coverage_button;
  GtkWidget     *delete_group;
};

G_DEFINE_FINAL_TYPE (EdStationEditor, ed_station_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EdStationEdit *
read_form (EdStationEditor *self)
{
  EdStationEdit *edit = ed_station_edit_new (self->stored->place);

  edit->id = g_strdup (self->stored->id);
  g_free (edit->code);
  edit->code = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row)));
  g_free (edit->name);
  edit->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (edit->presiding_officers);
  edit->presiding_officers = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->officers_row)));
  g_free (edit->poll_clerks);
  edit->poll_clerks = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clerks_row)));
  for (guint i = 0; i < self->coverage->len; i++)
    {
      EdStationCoverage *coverage = g_ptr_array_index (self->coverage, i);

      g_ptr_array_add (edit->coverage, ed_station_coverage_new (coverage->polling_district,
                                                                coverage->street));
    }
  return edit;
}

static gboolean
coverage_lists_equal (GPtrArray *a,
                      GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      EdStationCoverage *x = g_ptr_array_index (a, i);
      EdStationCoverage *y = g_ptr_array_index (b, i);

      if (!g_str_equal (x->polling_district, y->polling_district) ||
          !g_str_equal (x->street, y->street))
        return FALSE;
    }
  return TRUE;
}

gboolean
ed_station_editor_has_unsaved_changes (EdStationEditor *self)
{
  g_autoptr(EdStationEdit) edit = NULL;

  g_return_val_if_fail (ED_IS_STATION_EDITOR (self), FALSE);

  edit = read_form (self);
  return g_strcmp0 (edit->code, self->stored->code) != 0 ||
         g_strcmp0 (edit->name, self->stored->name) != 0 ||
         g_strcmp0 (edit->presiding_officers, self->stored->presiding_officers) != 0 ||
         g_strcmp0 (edit->poll_clerks, self->stored->poll_clerks) != 0 ||
         !coverage_lists_equal (edit->coverage, self->stored->coverage);
}

static const char *
district_label (EdStationEditor *self,
                const char      *district_id)
{
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *district = g_ptr_array_index (self->districts, i);

      if (g_str_equal (district->id, district_id))
        return district->code;
    }
  return "?";
}

static void update_state (EdStationEditor *self);

static void
remove_coverage_clicked_cb (GtkButton       *button,
                            EdStationEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (index < self->coverage->len)
    g_ptr_array_remove_index (self->coverage, index);
  update_state (self);
}

static void
show_coverage (EdStationEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->coverage_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->coverage_list), child);
  for (guint i = 0; i < self->coverage->len; i++)
    {
      EdStationCoverage *coverage = g_ptr_array_index (self->coverage, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      const char *code = district_label (self, coverage->polling_district);
      g_autofree char *title = *coverage->street != '\0'
        /* Translators: a polling district's code, then a street of it */
        ? g_strdup_printf (_("%s: %s"), code, coverage->street)
        /* Translators: %s is a polling district's code */
        : g_strdup_printf (_("%s, the whole district"), code);
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_coverage_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->coverage_list), row);
    }
}

static void
update_state (EdStationEditor *self)
{
  g_autoptr(EdStationEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (self->loading)
    return;
  edit = read_form (self);
  problems = ed_station_edit_validate (self->context, edit);
  ed_field_error_show (self->code_row, ed_field_problems_lookup (problems, "code"));
  ed_field_error_show (self->name_row, ed_field_problems_lookup (problems, "name"));
  ed_field_error_show (self->officers_row,
                       ed_field_problems_lookup (problems, "presiding_officers"));
  ed_field_error_show (self->clerks_row, ed_field_problems_lookup (problems, "poll_clerks"));
  show_coverage (self);
  gtk_widget_set_sensitive (self->save_button,
                            problems->len == 0 && ed_station_editor_has_unsaved_changes (self));
}

static void
field_changed_cb (EdStationEditor *self)
{
  update_state (self);
}

static void
add_coverage_clicked_cb (EdStationEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->add_district_row));
  g_autofree char *street = NULL;
  EdPollingDistrictRef *district;

  if (self->districts == NULL || selected >= self->districts->len)
    return;
  district = g_ptr_array_index (self->districts, selected);
  street = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_street_row))));
  for (guint i = 0; i < self->coverage->len; i++)
    {
      EdStationCoverage *listed = g_ptr_array_index (self->coverage, i);

      if (g_str_equal (listed->polling_district, district->id) &&
          g_utf8_collate (listed->street, street) == 0)
        {
          adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                       adw_toast_new (_("The station already serves it.")));
          return;
        }
    }
  g_ptr_array_add (self->coverage, ed_station_coverage_new (district->id, street));
  gtk_editable_set_text (GTK_EDITABLE (self->add_street_row), "");
  update_state (self);
}

gboolean
ed_station_editor_save (EdStationEditor  *self,
                        GError          **error)
{
  g_autoptr(EdStationEdit) edit = read_form (self);

  g_return_val_if_fail (ED_IS_STATION_EDITOR (self), FALSE);

  if (!ed_station_edit_save (self->context, edit, error))
    return FALSE;
  ed_station_edit_free (self->stored);
  self->stored = g_steal_pointer (&edit);
  gtk_widget_set_visible (self->delete_group, TRUE);
  return TRUE;
}

static void
save_clicked_cb (EdStationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ed_station_editor_save (self, &error))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EdStationEditor *self = ED_STATION_EDITOR (widget);

  if (gtk_widget_get_sensitive (self->save_button))
    save_clicked_cb (self);
}

static void
release_editor (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

static void
delete_response_cb (EdStationEditor *self,
                    const char      *response)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!ed_station_delete (self->context, self->stored->id, &error))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_clicked_cb (EdStationEditor *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = g_strdup_printf (_("Delete Station %s?"), self->stored->code);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The districts and streets it "
                                                         "serves will have no station until "
                                                         "another serves them.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         g_object_ref (self), release_editor, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_response_cb (EdStationEditor *self,
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
close_request_cb (EdStationEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !ed_station_editor_has_unsaved_changes (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"),
                                                       _("The changes to this polling station "
                                                         "are not saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  if (gtk_widget_get_sensitive (self->save_button))
    {
      adw_message_dialog_add_response (dialog, "save", _("_Save"));
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb),
                         g_object_ref (self), release_editor, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * ed_station_editor_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @place_id: the place the station is at
 * @station_id: (nullable): the station to edit, or %NULL for a new one at @place_id
 *
 * Returns: (transfer full) (nullable): the editor, not yet shown; %NULL (with a warning) if
 *   the station cannot be read
 */
EdStationEditor *
ed_station_editor_new (GtkWindow  *parent,
                       EdContext  *context,
                       const char *place_id,
                       const char *station_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  EdStationEditor *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_STATION_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  if (station_id != NULL)
    {
      self->stored = ed_station_edit_load (context, station_id, &error);
      if (self->stored == NULL)
        {
          g_warning ("The polling station cannot be read: %s", error->message);
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
    }
  else
    {
      g_autofree char *code = ed_station_next_code (context, NULL);

      self->stored = ed_station_edit_new (place_id);
      gtk_window_set_title (GTK_WINDOW (self), _("New Polling Station"));
      gtk_widget_set_visible (self->delete_group, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
    }

  self->districts = ed_register_polling_districts (context, NULL);
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *district = g_ptr_array_index (self->districts, i);
      g_autofree char *label = g_strdup_printf ("%s %s", district->code, district->name);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->add_district_row), G_LIST_MODEL (names));
  gtk_widget_set_sensitive (self->add_coverage_button,
                            self->districts != NULL && self->districts->len > 0);

  self->loading = TRUE;
  if (station_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->code_row), self->stored->code);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->stored->name);
  gtk_editable_set_text (GTK_EDITABLE (self->officers_row), self->stored->presiding_officers);
  gtk_editable_set_text (GTK_EDITABLE (self->clerks_row), self->stored->poll_clerks);
  for (guint i = 0; i < self->stored->coverage->len; i++)
    {
      EdStationCoverage *coverage = g_ptr_array_index (self->stored->coverage, i);

      g_ptr_array_add (self->coverage, ed_station_coverage_new (coverage->polling_district,
                                                                coverage->street));
    }
  self->loading = FALSE;
  update_state (self);
  return self;
}

static void
ed_station_editor_dispose (GObject *object)
{
  EdStationEditor *self = ED_STATION_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->stored, ed_station_edit_free);
  g_clear_pointer (&self->coverage, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_station_editor_parent_class)->dispose (object);
}

static void
ed_station_editor_class_init (EdStationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_station_editor_dispose;

  /**
   * EdStationEditor::saved:
   *
   * The station was saved or deleted.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/"
                                               "stations/ed-station-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, officers_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, clerks_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, add_district_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, add_street_row);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, add_coverage_button);
  gtk_widget_class_bind_template_child (widget_class, EdStationEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_coverage_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_station_editor_init (EdStationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->coverage = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_coverage_free);
  ed_list_box_set_placeholder_text (GTK_LIST_BOX (self->coverage_list),
                   _("Nothing yet: add the districts or streets whose electors vote here."));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
