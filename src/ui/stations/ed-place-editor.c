/* ed-place-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling place editor: the venue, where it is, its booking and people, the
 * accessibility checklist of DOMAIN.md §3.5 question by question, and its open issues.
 * Fields are checked as they are typed (ed_place_edit_validate ()); the venue, booking and
 * checklist are saved together with Save, issues as they are raised or resolved. */

#define G_LOG_DOMAIN "ed-ui-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-search.h"
#include "stations/ed-polling-place.h"
#include "stations/ed-polling-station.h"
#include "ui/ed-accessible.h"
#include "ui/stations/ed-place-editor.h"
#include "ui/stations/ed-station-editor.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

struct _EdPlaceEditor
{
  AdwWindow     parent_instance;

  EdContext    *context;
  EdPlaceEdit  *stored;        /* as loaded or last saved; a new place's has no id */
  GArray       *stored_access; /* EdPlaceAccessAnswer, at each EdAccessItem */
  GPtrArray    *districts;     /* EdPollingDistrictRef, after "Not recorded" in the combo */
  guint         touched;       /* a bit per field_rows entry the officer has changed */
  gboolean      loading;
  gboolean      show_all_problems;
  gboolean      closing;

  GtkWidget    *access_answer_rows[ED_N_ACCESS_ITEMS];
  GtkWidget    *access_note_rows[ED_N_ACCESS_ITEMS];
  GtkWidget    *access_expanders[ED_N_ACCESS_ITEMS];
  GPtrArray    *issue_rows;
  GtkTextBuffer *address_buffer;

  GtkWidget    *save_button;
  GtkWidget    *toasts;
  GtkWidget    *page;
  GtkWidget    *name_row;
  GtkWidget    *postcode_row;
  GtkWidget    *district_row;
  GtkWidget    *special_row;
  GtkWidget    *address_group;
  GtkWidget    *easting_row;
  GtkWidget    *northing_row;
  GtkWidget    *uprn_row;
  GtkWidget    *booking_row;
  GtkWidget    *hire_fee_row;
  GtkWidget    *booking_contact_row;
  GtkWidget    *payee_row;
  GtkWidget    *caretaker_row;
  GtkWidget    *key_holder_row;
  GtkWidget    *poll_card_note_row;
  GtkWidget    *issues_group;
  GtkWidget    *add_issue_button;
  GtkWidget    *stations_list;
  GtkWidget    *add_station_button;
};

G_DEFINE_FINAL_TYPE (EdPlaceEditor, ed_place_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text fields whose problems show under their rows, by the names
 * ed_place_edit_validate () gives them, with where the edit keeps each. */
static const struct
{
  const char *name;
  gsize       row_offset;
  gsize       edit_offset;
} field_rows[] = {
  { "name", G_STRUCT_OFFSET (EdPlaceEditor, name_row), G_STRUCT_OFFSET (EdPlaceEdit, name) },
  { "postcode", G_STRUCT_OFFSET (EdPlaceEditor, postcode_row),
    G_STRUCT_OFFSET (EdPlaceEdit, postcode) },
  { "special_circumstances", G_STRUCT_OFFSET (EdPlaceEditor, special_row),
    G_STRUCT_OFFSET (EdPlaceEdit, special_circumstances) },
  { "easting", G_STRUCT_OFFSET (EdPlaceEditor, easting_row),
    G_STRUCT_OFFSET (EdPlaceEdit, easting) },
  { "northing", G_STRUCT_OFFSET (EdPlaceEditor, northing_row),
    G_STRUCT_OFFSET (EdPlaceEdit, northing) },
  { "uprn", G_STRUCT_OFFSET (EdPlaceEditor, uprn_row), G_STRUCT_OFFSET (EdPlaceEdit, uprn) },
  { "hire_fee", G_STRUCT_OFFSET (EdPlaceEditor, hire_fee_row),
    G_STRUCT_OFFSET (EdPlaceEdit, hire_fee) },
  { "booking_contact", G_STRUCT_OFFSET (EdPlaceEditor, booking_contact_row),
    G_STRUCT_OFFSET (EdPlaceEdit, booking_contact) },
  { "payee", G_STRUCT_OFFSET (EdPlaceEditor, payee_row), G_STRUCT_OFFSET (EdPlaceEdit, payee) },
  { "caretaker", G_STRUCT_OFFSET (EdPlaceEditor, caretaker_row),
    G_STRUCT_OFFSET (EdPlaceEdit, caretaker) },
  { "key_holder", G_STRUCT_OFFSET (EdPlaceEditor, key_holder_row),
    G_STRUCT_OFFSET (EdPlaceEdit, key_holder) },
  { "poll_card_note", G_STRUCT_OFFSET (EdPlaceEditor, poll_card_note_row),
    G_STRUCT_OFFSET (EdPlaceEdit, poll_card_note) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_rows) <= sizeof (guint) * 8);

static GtkWidget *
field_row (EdPlaceEditor *self,
           guint          field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field_rows[field].row_offset);
}

static char **
field_slot (EdPlaceEdit *edit,
            guint        field)
{
  return &G_STRUCT_MEMBER (char *, edit, field_rows[field].edit_offset);
}

static char *
address_text (EdPlaceEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->address_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->address_buffer, &start, &end, FALSE);
}

static EdPlaceEdit *
read_form (EdPlaceEditor *self)
{
  EdPlaceEdit *edit = ed_place_edit_new ();
  guint district = adw_combo_row_get_selected (ADW_COMBO_ROW (self->district_row));
  guint booking = adw_combo_row_get_selected (ADW_COMBO_ROW (self->booking_row));

  edit->id = g_strdup (self->stored->id);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      char **slot = field_slot (edit, i);

      g_free (*slot);
      *slot = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row (self, i))));
    }
  g_free (edit->address);
  edit->address = address_text (self);
  g_free (edit->polling_district);
  edit->polling_district = g_strdup (district >= 1 && self->districts != NULL &&
                                       district - 1 < self->districts->len
                                     ? ((EdPollingDistrictRef *)
                                          g_ptr_array_index (self->districts, district - 1))->id
                                     : "");
  edit->booking_state = booking < ED_N_BOOKING_STATES ? booking : ED_BOOKING_PROVISIONAL;
  return edit;
}

static gboolean
edits_differ (const EdPlaceEdit *a,
              const EdPlaceEdit *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (g_strcmp0 (*field_slot ((EdPlaceEdit *)a, i), *field_slot ((EdPlaceEdit *)b, i)) != 0)
      return TRUE;
  return g_strcmp0 (a->address, b->address) != 0 ||
         g_strcmp0 (a->polling_district, b->polling_district) != 0 ||
         a->booking_state != b->booking_state;
}

static void
read_access (EdPlaceEditor   *self,
             EdAccessItem     item,
             EdAccessAnswer  *out_answer,
             const char     **out_note)
{
  guint answer = adw_combo_row_get_selected (ADW_COMBO_ROW (self->access_answer_rows[item]));

  *out_answer = answer < ED_N_ACCESS_ANSWERS ? answer : ED_ACCESS_ANSWER_UNKNOWN;
  *out_note = gtk_editable_get_text (GTK_EDITABLE (self->access_note_rows[item]));
}

static gboolean
access_changed (EdPlaceEditor *self,
                EdAccessItem   item)
{
  EdPlaceAccessAnswer *stored = &g_array_index (self->stored_access, EdPlaceAccessAnswer, item);
  EdAccessAnswer answer;
  const char *note;

  read_access (self, item, &answer, &note);
  return answer != stored->answer || g_strcmp0 (note, stored->note) != 0;
}

/**
 * ed_place_editor_has_unsaved_changes:
 * @self: the editor
 *
 * Returns: %TRUE if anything typed or chosen is not saved
 */
gboolean
ed_place_editor_has_unsaved_changes (EdPlaceEditor *self)
{
  g_autoptr(EdPlaceEdit) edit = NULL;

  g_return_val_if_fail (ED_IS_PLACE_EDITOR (self), FALSE);

  edit = read_form (self);
  if (self->stored->id == NULL || edits_differ (self->stored, edit))
    return self->stored->id == NULL ? *g_strstrip (edit->name) != '\0' ||
                                        edits_differ (self->stored, edit)
                                    : TRUE;
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    if (access_changed (self, i))
      return TRUE;
  return FALSE;
}

static void
update_access_subtitles (EdPlaceEditor *self)
{
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      EdAccessAnswer answer;
      const char *note;
      g_autofree char *subtitle = NULL;

      read_access (self, i, &answer, &note);
      subtitle = *note != '\0'
                   /* Translators: an accessibility answer, then the assessor's note */
                   ? g_strdup_printf (_("%s — %s"), ed_access_answer_get_display_name (answer),
                                      note)
                   : g_strdup (ed_access_answer_get_display_name (answer));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->access_expanders[i]), subtitle);
    }
}

static void
update_state (EdPlaceEditor *self)
{
  g_autoptr(EdPlaceEdit) edit = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (self->loading)
    return;

  edit = read_form (self);
  problems = ed_place_edit_validate (edit);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      const char *message = ed_field_problems_lookup (problems, field_rows[i].name);
      gboolean touched = (self->touched & (1u << i)) != 0;

      /* An untouched field of a new place is not wrong yet, only empty. */
      ed_field_error_show (field_row (self, i),
                           touched || self->show_all_problems || self->stored->id != NULL
                             ? message : NULL);
    }
  update_access_subtitles (self);
  gtk_widget_set_sensitive (self->save_button,
                            problems->len == 0 && ed_place_editor_has_unsaved_changes (self));
}

static void
field_changed_cb (EdPlaceEditor *self,
                  GParamSpec    *pspec,
                  GtkWidget     *row)
{
  if (self->loading)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (field_row (self, i) == row)
      self->touched |= 1u << i;
  update_state (self);
}

static void
access_changed_cb (EdPlaceEditor *self)
{
  update_state (self);
}

/**
 * ed_place_editor_save:
 * @self: the editor
 * @error: return location for an error
 *
 * Saves the venue and booking, then each checklist answer that changed. On an error the
 * form stays as typed, to be put right and saved again.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_place_editor_save (EdPlaceEditor  *self,
                      GError        **error)
{
  g_autoptr(EdPlaceEdit) edit = read_form (self);

  g_return_val_if_fail (ED_IS_PLACE_EDITOR (self), FALSE);

  if ((self->stored->id == NULL || edits_differ (self->stored, edit)) &&
      !ed_place_edit_save (self->context, edit, error))
    return FALSE;
  /* What is saved is now what the form shows. */
  ed_place_edit_free (self->stored);
  self->stored = g_steal_pointer (&edit);
  gtk_widget_set_sensitive (self->add_station_button, TRUE);

  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      EdPlaceAccessAnswer *stored = &g_array_index (self->stored_access, EdPlaceAccessAnswer, i);
      EdAccessAnswer answer;
      const char *note;

      if (!access_changed (self, i))
        continue;
      read_access (self, i, &answer, &note);
      if (!ed_place_access_set (self->context, self->stored->id, i, answer, note, error))
        return FALSE;
      stored->answer = answer;
      g_free (stored->note);
      stored->note = g_strdup (note);
    }
  return TRUE;
}

const char *
ed_place_editor_get_place_id (EdPlaceEditor *self)
{
  g_return_val_if_fail (ED_IS_PLACE_EDITOR (self), NULL);
  return self->stored->id;
}

static void
save_clicked_cb (EdPlaceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdPlaceEdit) edit = read_form (self);
  g_autoptr(GPtrArray) problems = ed_place_edit_validate (edit);

  if (problems->len > 0)
    {
      self->show_all_problems = TRUE;
      update_state (self);
      return;
    }
  if (!ed_place_editor_save (self, &error))
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
  EdPlaceEditor *self = ED_PLACE_EDITOR (widget);

  if (gtk_widget_get_sensitive (self->save_button))
    save_clicked_cb (self);
}

static void
discard_response_cb (EdPlaceEditor *self,
                     const char    *response)
{
  if (g_str_equal (response, "save"))
    save_clicked_cb (self);
  else if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
release_editor (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

/* An unsaved form never vanishes without a word (DESIGN.md §7). */
static gboolean
close_request_cb (EdPlaceEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !ed_place_editor_has_unsaved_changes (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"),
                                                       _("The changes to this polling place "
                                                         "are not saved.")));
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
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb),
                         g_object_ref (self), release_editor, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The issues ------------------------------------------------------------------------------ */

static void load_issues (EdPlaceEditor *self);

static void
resolve_clicked_cb (GtkButton     *button,
                    EdPlaceEditor *self)
{
  const char *issue_id = g_object_get_data (G_OBJECT (button), "issue-id");
  gboolean open = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "issue-open"));
  g_autoptr(GError) error = NULL;
  GDate today;

  ed_today (&today);
  if (!ed_place_access_issue_resolve (self->context, issue_id, open ? &today : NULL, &error))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  load_issues (self);
}

static char *
issue_subtitle (const EdPlaceAccessIssue *issue)
{
  GDate raised, resolved;
  g_autofree char *raised_text = NULL;
  g_autofree char *dates = NULL;
  EdAccessItem item;

  raised_text = ed_date_parse_iso (issue->raised_on, &raised, NULL)
                  ? ed_date_format_long (&raised) : g_strdup (issue->raised_on);
  if (*issue->resolved_on != '\0' && ed_date_parse_iso (issue->resolved_on, &resolved, NULL))
    {
      g_autofree char *resolved_text = ed_date_format_long (&resolved);

      /* Translators: the dates an accessibility issue was found and put right */
      dates = g_strdup_printf (_("Raised %s, resolved %s"), raised_text, resolved_text);
    }
  else
    /* Translators: the date an accessibility issue was found */
    dates = g_strdup_printf (_("Raised %s"), raised_text);

  if (ed_access_item_from_string (issue->item, &item, NULL))
    {
      g_autofree char *with_item = g_strdup_printf ("%s · %s",
                                                    ed_access_item_get_display_name (item),
                                                    dates);

      g_free (dates);
      dates = g_steal_pointer (&with_item);
    }
  if (*issue->action != '\0')
    {
      g_autofree char *with_action = g_strdup_printf ("%s\n%s", dates, issue->action);

      return g_steal_pointer (&with_action);
    }
  return g_steal_pointer (&dates);
}

static void
load_issues (EdPlaceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issues = NULL;

  for (guint i = 0; i < self->issue_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->issues_group),
                                  g_ptr_array_index (self->issue_rows, i));
  g_ptr_array_set_size (self->issue_rows, 0);

  gtk_widget_set_sensitive (self->add_issue_button, self->stored->id != NULL);
  if (self->stored->id == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Save the place first to record its issues."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->issues_group), row);
      g_ptr_array_add (self->issue_rows, row);
      return;
    }

  issues = ed_place_access_issues (self->context, self->stored->id, &error);
  if (issues == NULL)
    {
      g_warning ("The place's accessibility issues cannot be read: %s", error->message);
      return;
    }
  if (issues->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No issues recorded"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->issues_group), row);
      g_ptr_array_add (self->issue_rows, row);
      return;
    }
  for (guint i = 0; i < issues->len; i++)
    {
      EdPlaceAccessIssue *issue = g_ptr_array_index (issues, i);
      gboolean open = *issue->resolved_on == '\0';
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (open ? _("Mark Resolved") : _("Reopen"));
      g_autofree char *subtitle = issue_subtitle (issue);
      g_autofree char *button_name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->description);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!open)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      button_name = g_strdup_printf (open ? _("Mark “%s” resolved") : _("Reopen “%s”"),
                                     issue->description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      g_object_set_data_full (G_OBJECT (button), "issue-id", g_strdup (issue->id), g_free);
      g_object_set_data (G_OBJECT (button), "issue-open", GINT_TO_POINTER (open));
      g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->issues_group), row);
      g_ptr_array_add (self->issue_rows, row);
    }
}

typedef struct
{
  EdPlaceEditor *self;
  GtkWidget     *about;
  GtkWidget     *description;
  GtkWidget     *action;
} IssueDialog;

static void
issue_dialog_free (gpointer  data,
                   GClosure *closure)
{
  IssueDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
issue_response_cb (AdwMessageDialog *message,
                   const char       *response,
                   IssueDialog      *dialog)
{
  EdPlaceEditor *self = dialog->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint about = adw_combo_row_get_selected (ADW_COMBO_ROW (dialog->about));
  GDate today;

  if (!g_str_equal (response, "add"))
    return;
  ed_today (&today);
  id = ed_place_access_issue_add (self->context, self->stored->id,
                                  about >= 1 && about - 1 < ED_N_ACCESS_ITEMS
                                    ? ed_access_item_to_string (about - 1) : NULL,
                                  gtk_editable_get_text (GTK_EDITABLE (dialog->description)),
                                  gtk_editable_get_text (GTK_EDITABLE (dialog->action)),
                                  &today, &error);
  if (id == NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  load_issues (self);
}

static void
issue_description_changed_cb (GtkEditable      *description,
                              GParamSpec       *pspec,
                              AdwMessageDialog *message)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (description)));

  adw_message_dialog_set_response_enabled (message, "add", *text != '\0');
}

static void
add_issue_clicked_cb (EdPlaceEditor *self)
{
  IssueDialog *dialog = g_new0 (IssueDialog, 1);
  AdwMessageDialog *message;
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  dialog->self = g_object_ref (self);
  gtk_string_list_append (items, _("The place in general"));
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    gtk_string_list_append (items, ed_access_item_get_display_name (i));
  dialog->about = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->about), _("About"));
  adw_combo_row_set_model (ADW_COMBO_ROW (dialog->about), G_LIST_MODEL (items));
  dialog->description = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->description),
                                 _("What is wrong"));
  dialog->action = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->action),
                                 _("What will be done, and by whom"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->about);
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->description);
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->action);

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("Add Accessibility Issue"), NULL));
  adw_message_dialog_set_extra_child (message, list);
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (message, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (message, "add", FALSE);
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect (dialog->description, "notify::text",
                    G_CALLBACK (issue_description_changed_cb), message);
  g_signal_connect_data (message, "response", G_CALLBACK (issue_response_cb), dialog,
                         issue_dialog_free, 0);
  ed_accessible_name_buttons (GTK_WIDGET (message));
  gtk_window_present (GTK_WINDOW (message));
}

/* The stations ----------------------------------------------------------------------------- */

static void
load_stations (EdPlaceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->stations_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->stations_list), child);
  gtk_widget_set_sensitive (self->add_station_button, self->stored->id != NULL);
  if (self->stored->id == NULL)
    return;

  stations = ed_station_list_at_place (self->context, self->stored->id, &error);
  if (stations == NULL)
    {
      g_warning ("The place's stations cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < stations->len; i++)
    {
      EdStationSummary *station = g_ptr_array_index (stations, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = *station->name != '\0'
        /* Translators: a polling station's code, then its room */
        ? g_strdup_printf (_("Station %s, %s"), station->code, station->name)
        /* Translators: %s is a polling station's code */
        : g_strdup_printf (_("Station %s"), station->code);
      g_autofree char *officers =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " presiding officer",
                                      "%" PRId64 " presiding officers",
                                      station->presiding_officers),
                         station->presiding_officers);
      g_autofree char *clerks =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " poll clerk",
                                      "%" PRId64 " poll clerks", station->poll_clerks),
                         station->poll_clerks);
      g_autofree char *staffing =
        /* Translators: the presiding officers, the poll clerks, then what the station serves */
        g_strdup_printf (_("%s, %s · %s"), officers, clerks,
                         *station->serves != '\0' ? station->serves : _("serves no one yet"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), staffing);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "station-id", g_strdup (station->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->stations_list), row);
    }
}

static void
station_saved_cb (EdPlaceEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0);
  load_stations (self);
}

static void
open_station (EdPlaceEditor *self,
              const char    *station_id)
{
  EdStationEditor *editor = ed_station_editor_new (GTK_WINDOW (self), self->context,
                                                   self->stored->id, station_id);

  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (station_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
station_activated_cb (EdPlaceEditor *self,
                      GtkListBoxRow *row)
{
  open_station (self, g_object_get_data (G_OBJECT (row), "station-id"));
}

static void
add_station_clicked_cb (EdPlaceEditor *self)
{
  if (self->stored->id != NULL)
    open_station (self, NULL);
}

/* Building the form ----------------------------------------------------------------------- */

static void
build_checklist (EdPlaceEditor *self)
{
  AdwPreferencesGroup *groups[ED_N_ACCESS_GROUPS];

  for (guint g = 0; g < ED_N_ACCESS_GROUPS; g++)
    {
      g_autofree char *title =
        /* Translators: %s is a part of the accessibility checklist: Approach, Entrance, … */
        g_strdup_printf (_("Accessibility: %s"), ed_access_group_get_display_name (g));

      groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[g], title);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), groups[g]);
    }
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *answer = adw_combo_row_new ();
      GtkWidget *note = adw_entry_row_new ();

      for (guint a = 0; a < ED_N_ACCESS_ANSWERS; a++)
        gtk_string_list_append (answers, ed_access_answer_get_display_name (a));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     ed_access_item_get_display_name (i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (answer), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer),
                                     ed_access_item_get_question (i));
      adw_combo_row_set_model (ADW_COMBO_ROW (answer), G_LIST_MODEL (answers));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("What the assessor saw"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), answer);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), note);
      adw_preferences_group_add (groups[ed_access_item_get_group (i)], expander);
      g_signal_connect_swapped (answer, "notify::selected", G_CALLBACK (access_changed_cb), self);
      g_signal_connect_swapped (note, "notify::text", G_CALLBACK (access_changed_cb), self);
      self->access_expanders[i] = expander;
      self->access_answer_rows[i] = answer;
      self->access_note_rows[i] = note;
    }
}

static void
build_address (EdPlaceEditor *self)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  self->address_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->address_group), frame);
  g_signal_connect_swapped (self->address_buffer, "changed", G_CALLBACK (access_changed_cb),
                            self);
}

static void
fill_form (EdPlaceEditor *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) bookings = gtk_string_list_new (NULL);
  guint selected = 0;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)),
                           *field_slot (self->stored, i));
  gtk_text_buffer_set_text (self->address_buffer, self->stored->address, -1);

  gtk_string_list_append (districts, _("Not recorded"));
  self->districts = ed_register_polling_districts (self->context, NULL);
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *district = g_ptr_array_index (self->districts, i);
      g_autofree char *label = g_strdup_printf ("%s %s", district->code, district->name);

      gtk_string_list_append (districts, label);
      if (g_strcmp0 (district->id, self->stored->polling_district) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->district_row), G_LIST_MODEL (districts));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->district_row), selected);

  for (guint i = 0; i < ED_N_BOOKING_STATES; i++)
    gtk_string_list_append (bookings, ed_booking_state_get_display_name (i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->booking_row), G_LIST_MODEL (bookings));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->booking_row), self->stored->booking_state);

  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      EdPlaceAccessAnswer *stored = &g_array_index (self->stored_access, EdPlaceAccessAnswer, i);

      adw_combo_row_set_selected (ADW_COMBO_ROW (self->access_answer_rows[i]), stored->answer);
      gtk_editable_set_text (GTK_EDITABLE (self->access_note_rows[i]), stored->note);
    }
  self->loading = FALSE;
  update_state (self);
}

static void
clear_answer (gpointer data)
{
  g_free (((EdPlaceAccessAnswer *)data)->note);
}

/**
 * ed_place_editor_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @place_id: (nullable): the place to edit, or %NULL for a new one
 *
 * Returns: (transfer full): the editor, not yet shown; %NULL (with a warning) if the place
 *   cannot be read
 */
EdPlaceEditor *
ed_place_editor_new (GtkWindow  *parent,
                     EdContext  *context,
                     const char *place_id)
{
  g_autoptr(GError) error = NULL;
  EdPlaceEditor *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_PLACE_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  if (place_id != NULL)
    {
      self->stored = ed_place_edit_load (context, place_id, &error);
      self->stored_access = self->stored != NULL
                              ? ed_place_access_load (context, place_id, &error) : NULL;
      if (self->stored_access == NULL)
        {
          g_warning ("The polling place cannot be read: %s", error->message);
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
    }
  else
    {
      self->stored = ed_place_edit_new ();
      self->stored_access = g_array_new (FALSE, TRUE, sizeof (EdPlaceAccessAnswer));
      g_array_set_clear_func (self->stored_access, clear_answer);
      g_array_set_size (self->stored_access, ED_N_ACCESS_ITEMS);
      for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
        {
          EdPlaceAccessAnswer *slot = &g_array_index (self->stored_access, EdPlaceAccessAnswer, i);

          slot->item = i;
          slot->note = g_strdup ("");
        }
      gtk_window_set_title (GTK_WINDOW (self), _("New Polling Place"));
    }
  fill_form (self);
  load_stations (self);
  load_issues (self);
  return self;
}

static void
ed_place_editor_dispose (GObject *object)
{
  EdPlaceEditor *self = ED_PLACE_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->stored, ed_place_edit_free);
  g_clear_pointer (&self->stored_access, g_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_place_editor_parent_class)->dispose (object);
}

static void
ed_place_editor_class_init (EdPlaceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_place_editor_dispose;

  /**
   * EdPlaceEditor::saved:
   *
   * The place, its checklist or its issues were saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/"
                                               "stations/ed-place-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, page);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, special_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, address_group);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, easting_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, northing_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, uprn_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, booking_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, hire_fee_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, booking_contact_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, payee_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, caretaker_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, key_holder_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, poll_card_note_row);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, issues_group);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, add_issue_button);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, stations_list);
  gtk_widget_class_bind_template_child (widget_class, EdPlaceEditor, add_station_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_issue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, station_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_station_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  /* Escape cancels, asking first if anything typed is not saved (close_request_cb ()). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_place_editor_init (EdPlaceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->issue_rows = g_ptr_array_new ();
  build_address (self);
  build_checklist (self);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
