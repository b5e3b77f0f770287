/* ed-elector-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "changes/ed-hlc.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-elector-undo.h"
#include "register/ed-franchise.h"
#include "register/ed-register-search.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "core/ed-today.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-elector-editor.h"
#include "ui/register/ed-move-dialog.h"
#include "ui/widgets/ed-combo-choices.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* One entry in the register, added or amended by hand as applications are determined, or
 * deleted with a reason. The rules are libed-core's (ed-elector-edit.h): this window turns
 * its problems into messages under the fields as the officer types, and never loses typed
 * work without asking (DESIGN.md §7). The form is laid out in ed-elector-editor.ui, with
 * every row it can need; an entry shows those that apply to it. */

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
  gboolean         focused_once;
  guint            touched;          /* a bit per field_rows[] entry the officer has edited */
  EdElectorSnapshot *undo;           /* the entry before the change just saved */
  char            *done_message;     /* what the change just saved was, for a toast */

  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  GtkWidget       *delete_group;
  GtkWidget       *number_row;
  GtkWidget       *address_row;
  GtkWidget       *move_button;
  GtkWidget       *status_row;
  GtkWidget       *district_row;
  GtkWidget       *other_row;
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
  /* What each item of the marker's combo stands for. */
  EdFranchiseMarker markers[ED_FRANCHISE_N_MARKERS];
  guint            n_markers;
  GtkWidget       *attainer_row;
  GtkWidget       *date_of_birth_row;
  GtkWidget       *opt_out_switch;
  GtkWidget       *anonymous_switch;
  GtkWidget       *language_row;
  GtkWidget       *absent_vote_row;
  GtkWidget       *absent_ends_row;
  GtkWidget       *proxy_name_row;
  GtkWidget       *proxy_address_row;
  GtkWidget       *history_group;
};

/* The fields whose problems show under their rows, by the names ed_elector_edit_validate()
 * gives them. */
static const struct
{
  const char *name;
  gsize       row_offset;
} field_rows[] = {
  { "polling_district", G_STRUCT_OFFSET (EdElectorEditor, district_row) },
  { "property", G_STRUCT_OFFSET (EdElectorEditor, property_row) },
  { "street", G_STRUCT_OFFSET (EdElectorEditor, street_row) },
  { "locality", G_STRUCT_OFFSET (EdElectorEditor, locality_row) },
  { "town", G_STRUCT_OFFSET (EdElectorEditor, town_row) },
  { "postcode", G_STRUCT_OFFSET (EdElectorEditor, postcode_row) },
  { "title", G_STRUCT_OFFSET (EdElectorEditor, title_row) },
  { "forenames", G_STRUCT_OFFSET (EdElectorEditor, forenames_row) },
  { "surname", G_STRUCT_OFFSET (EdElectorEditor, surname_row) },
  { "marker", G_STRUCT_OFFSET (EdElectorEditor, marker_row) },
  { "attainer_date", G_STRUCT_OFFSET (EdElectorEditor, attainer_row) },
  { "date_of_birth", G_STRUCT_OFFSET (EdElectorEditor, date_of_birth_row) },
  { "language", G_STRUCT_OFFSET (EdElectorEditor, language_row) },
  { "absent_vote", G_STRUCT_OFFSET (EdElectorEditor, absent_vote_row) },
  { "absent_vote_ends", G_STRUCT_OFFSET (EdElectorEditor, absent_ends_row) },
  { "proxy_name", G_STRUCT_OFFSET (EdElectorEditor, proxy_name_row) },
  { "proxy_address", G_STRUCT_OFFSET (EdElectorEditor, proxy_address_row) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_rows) <= sizeof (guint) * 8);

static GtkWidget *
field_row (EdElectorEditor *self,
           guint            field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field_rows[field].row_offset);
}

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

/* Dates are stored as YYYY-MM-DD. Text that is not a date is kept as typed, so that the
 * rules refuse it and the form is not saved. */
static void
set_date (char      **field,
          GtkWidget  *row)
{
  g_autofree char *iso = ed_date_row_dup_iso (ED_DATE_ROW (row));

  set_text (field, iso != NULL ? iso : entry_text (row));
}

static const char *
welsh_letter (EdElectorEditor *self)
{
  return ed_district_settings_get_welsh_marker_letter (ed_context_get_settings (self->context));
}

/* The chosen marker's letter. A legacy E or K has no letter to give: it is only ever the
 * imported entry's own, kept as stored, so that the rules say why it cannot stay. */
static void
set_marker (EdElectorEditor *self,
            EdElectorEdit   *edit)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->marker_row));
  const char *letter;

  if (selected >= self->n_markers)
    return;
  letter = ed_franchise_marker_to_letter (self->markers[selected], welsh_letter (self));
  if (letter != NULL)
    set_text (&edit->marker, letter);
}

/* The marker's choices: those valid in the district's country today (DOMAIN.md §1.2), and
 * the entry's own if it is not one of them (a G kept from before 7 May 2024, an imported E),
 * so that opening an entry never changes it unasked. */
static void
load_markers (EdElectorEditor *self,
              const char      *stored)
{
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (self->context));
  GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->marker_row)));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  EdFranchiseMarker current = ED_FRANCHISE_MARKER_NONE;
  guint position = 0;

  self->n_markers = ed_franchise_markers_offered (country, &self->today, self->markers);
  if (!ed_franchise_marker_parse (stored, welsh_letter (self), &current, NULL))
    current = ED_FRANCHISE_MARKER_NONE;
  while (position < self->n_markers && self->markers[position] != current)
    position++;
  if (position == self->n_markers)
    self->markers[self->n_markers++] = current;

  for (guint i = 0; i < self->n_markers; i++)
    {
      const char *letter = ed_franchise_marker_to_letter (self->markers[i], welsh_letter (self));
      const char *name = ed_franchise_marker_get_display_name (self->markers[i]);

      if (letter == NULL || *letter == '\0')
        g_ptr_array_add (items, g_strdup (name));
      else
        /* Translators: a franchise marker in the editor's list: its letter, then what it
         * means, as in "F — Overseas elector". */
        g_ptr_array_add (items, g_strdup_printf (C_("franchise marker", "%s — %s"), letter,
                                                 name));
    }
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char *const *)items->pdata);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->marker_row), position);
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
  set_marker (self, edit);
  set_date (&edit->attainer_date, self->attainer_row);
  set_date (&edit->date_of_birth, self->date_of_birth_row);
  edit->open_register_opt_out = gtk_switch_get_active (GTK_SWITCH (self->opt_out_switch));
  edit->anonymous = gtk_switch_get_active (GTK_SWITCH (self->anonymous_switch));
  if (absent < ED_N_ABSENT_VOTES)
    set_text (&edit->absent_vote, ed_absent_vote_to_string (absent));
  set_date (&edit->absent_vote_ends, self->absent_ends_row);
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

/* A date that is not one is told in the words of the people's grammar, not of the stored
 * form the rules check. */
static void
show_problem (GtkWidget  *row,
              const char *message)
{
  g_autoptr(GError) error = NULL;

  if (message != NULL && ED_IS_DATE_ROW (row) &&
      !ed_date_row_get_date (ED_DATE_ROW (row), NULL, &error) &&
      !g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY))
    message = error->message;
  ed_field_error_show (row, message);
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
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      const char *message = ed_field_problems_lookup (problems, field_rows[i].name);
      gboolean touched = (self->touched & (1u << i)) != 0;

      /* An untouched field of a new entry is not wrong yet, only empty. */
      show_problem (field_row (self, i), touched || self->show_all_problems ? message : NULL);
    }

  proxy = ed_absent_vote_from_string (edit->absent_vote, &vote, NULL) &&
          ed_absent_vote_is_by_proxy (vote);
  gtk_widget_set_visible (self->proxy_name_row, proxy || edit->proxy_name[0] != '\0');
  gtk_widget_set_visible (self->proxy_address_row, proxy || edit->proxy_address[0] != '\0');
  new_address = self->stored == NULL && self->initial->property[0] == '\0';
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
  if (self->loading)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (field_row (self, i) == row)
      self->touched |= 1u << i;
  update_state (self);
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

/* What the entry is, and, for a new elector, where: at the address they were added from,
 * as an Other elector, or at a new address in a chosen polling district. */
static void
load_entry_group (EdElectorEditor *self)
{
  EdElectorEdit *edit = self->initial;
  g_autofree char *number = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GtkStringList) names = NULL;

  if (self->stored != NULL)
    number = ed_elector_number_format (&edit->number);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->number_row), number != NULL ? number : "");
  if (edit->property[0] != '\0')
    address = ed_elector_edit_address_text (self->context, edit->property, NULL);
  if (self->stored != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->address_row),
                                   edit->other_elector || address == NULL || address[0] == '\0'
                                     ? _("Other elector: no address")
                                     : address);
      gtk_widget_set_visible (self->address_row, TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), status_text (edit->status));
      gtk_widget_set_visible (self->status_row, TRUE);
      return;
    }

  gtk_widget_set_visible (self->other_row, TRUE);
  if (edit->property[0] != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->address_row),
                                   address != NULL ? address : "");
      gtk_widget_set_visible (self->address_row, TRUE);
      return;
    }

  /* A new address: choose its polling district, then type it. */
  names = gtk_string_list_new (NULL);
  self->districts = ed_register_polling_districts (self->context, NULL);
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *choice = g_ptr_array_index (self->districts, i);
      g_autofree char *label = g_strdup_printf ("%s %s", choice->code, choice->name);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->district_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->district_row), 0);
  gtk_widget_set_visible (self->district_row, TRUE);
}

static void
load_history (EdElectorEditor *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *n_changes = NULL;
  GtkWidget *group = self->history_group;

  if (self->stored == NULL)
    return;

  gtk_widget_set_visible (group, TRUE);

  history = ed_elector_history (self->context, self->stored->id, &error);
  if (history == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The history could not be read."));
      g_warning ("Could not read the elector’s history: %s", error->message);
      return;
    }
  n_changes = ed_number_format_count (history->len);
  /* Translators: %s is a count of changes to an elector's entry */
  count = g_strdup_printf (ngettext ("%s change, newest first", "%s changes, newest first",
                                     history->len),
                           n_changes);
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

/* The name the officer knows the entry by, in toasts and questions. */
static char *
elector_name (const EdElectorEdit *edit)
{
  g_autofree char *name = g_strjoin (" ", edit->forenames, edit->surname, NULL);

  g_strstrip (name);
  if (name[0] == '\0')
    return ed_elector_number_format (&edit->number);
  return g_steal_pointer (&name);
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
  g_clear_pointer (&self->undo, ed_elector_snapshot_free);
  g_clear_pointer (&self->done_message, g_free);
  if (self->stored != NULL)
    {
      g_autoptr(EdElectorSnapshot) before = ed_elector_snapshot_take (self->context,
                                                                      self->stored->id, error);
      g_autofree char *name = NULL;

      if (before == NULL)
        return FALSE;
      if (!ed_elector_edit_amend (self->context, edit, &self->today, error))
        return FALSE;
      self->undo = g_steal_pointer (&before);
      name = elector_name (edit);
      /* Translators: a toast after the editor saved; %s is the elector's name */
      self->done_message = g_strdup_printf (_("Changes to %s saved"), name);
    }
  else
    {
      g_autofree char *name = NULL;
      g_autofree char *number = NULL;

      if (!ed_elector_edit_add (self->context, edit, &self->today, error))
        return FALSE;
      self->undo = ed_elector_snapshot_absent (edit->id);
      name = elector_name (edit);
      number = ed_elector_number_format (&edit->number);
      /* Translators: a toast after an elector was added; the name, then the elector number
       * they were given */
      self->done_message = g_strdup_printf (_("%s added as %s"), name, number);
    }

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

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_clicked_cb (ED_ELECTOR_EDITOR (widget));
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

static void
release_editor (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
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
  /* Discard closes the editor from within the dialog's response; the dialog lets go of its
   * parent only after, so the editor stays until the dialog is gone. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb),
                         g_object_ref (self), release_editor, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

typedef struct
{
  EdElectorEditor  *self;
  GtkCheckButton   *reasons[ED_N_DELETION_REASONS];
  GtkEntry         *other;
  AdwMessageDialog *dialog;   /* owns this */
} DeleteDialog;

static void present_delete_dialog (EdElectorEditor *self,
                                   guint            reason,
                                   const char      *other_reason,
                                   const char      *problem);

static void
delete_dialog_free (gpointer  user_data,
                    GClosure *closure)
{
  DeleteDialog *data = user_data;

  g_object_unref (data->self);
  g_free (data);
}

static guint
chosen_reason (DeleteDialog *data)
{
  for (guint r = 0; r < ED_N_DELETION_REASONS; r++)
    if (gtk_check_button_get_active (data->reasons[r]))
      return r;
  return GTK_INVALID_LIST_POSITION;
}

/* Delete is offered once a reason is chosen, and for "Other" once it is said in words. */
static void
update_delete_response (DeleteDialog *data)
{
  guint reason = chosen_reason (data);
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->other))));

  gtk_widget_set_visible (GTK_WIDGET (data->other), reason == ED_DELETION_OTHER);
  adw_message_dialog_set_response_enabled (data->dialog, "delete",
                                           reason < ED_N_DELETION_REASONS &&
                                             (reason != ED_DELETION_OTHER || words[0] != '\0'));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteDialog     *data)
{
  EdElectorEditor *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElectorSnapshot) before = NULL;
  g_autofree char *name = NULL;
  guint reason = chosen_reason (data);
  const char *other = gtk_editable_get_text (GTK_EDITABLE (data->other));

  if (!g_str_equal (response, "delete"))
    return;
  if (reason < ED_N_DELETION_REASONS)
    before = ed_elector_snapshot_take (self->context, self->stored->id, &error);
  else
    g_set_error_literal (&error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                         _("Choose why the entry is deleted."));
  if (before == NULL ||
      !ed_elector_delete (self->context, self->stored->id, reason, other, &self->today, &error))
    {
      /* The question has closed by now (AdwMessageDialog closes before it answers): ask it
       * again as it was, with the reason chosen, the words typed and why it was refused. */
      present_delete_dialog (self, reason, other, error->message);
      return;
    }
  g_clear_pointer (&self->undo, ed_elector_snapshot_free);
  self->undo = g_steal_pointer (&before);
  g_clear_pointer (&self->done_message, g_free);
  name = elector_name (self->stored);
  self->done_message =
    self->stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION
      /* Translators: a toast after a pending addition was deleted; %s is the name */
      ? g_strdup_printf (_("%s removed"), name)
      /* Translators: a toast after an elector was deleted; %s is the name */
      : g_strdup_printf (_("%s to be deleted at the next notice"), name);
  close_after_save (self, self->stored->id);
}

static void
present_delete_dialog (EdElectorEditor *self,
                       guint            reason,
                       const char      *other_reason,
                       const char      *problem)
{
  AdwMessageDialog *dialog;
  DeleteDialog *data = g_new0 (DeleteDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = elector_name (self->stored);
  g_autofree char *number = ed_elector_number_format (&self->stored->number);
  g_autofree char *heading = NULL;
  const char *body;

  data->self = g_object_ref (self);
  /* The reasons as radio buttons, all in view, and none chosen for the officer. */
  for (EdDeletionReason r = 0; r < ED_N_DELETION_REASONS; r++)
    {
      data->reasons[r] = GTK_CHECK_BUTTON (
        gtk_check_button_new_with_label (ed_deletion_reason_get_display_name (r)));
      if (r > 0)
        gtk_check_button_set_group (data->reasons[r], data->reasons[0]);
      gtk_check_button_set_active (data->reasons[r], r == reason);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->reasons[r]));
    }
  data->other = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (data->other), other_reason != NULL ? other_reason : "");
  gtk_entry_set_placeholder_text (data->other, _("The reason in words"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->other), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The reason in words"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->other));

  /* Translators: the question before deleting an entry: the elector's name and number */
  heading = g_strdup_printf (_("Delete %s (%s)?"), name, number);
  if (problem != NULL)
    body = problem;
  else if (self->stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION)
    body = _("The addition is not published yet, so the entry is removed at once. Choose a "
             "reason.");
  else
    body = _("The entry is deleted when the next notice of alteration is published. Choose a "
             "reason.");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data->dialog = dialog;
  update_delete_response (data);
  for (guint r = 0; r < ED_N_DELETION_REASONS; r++)
    g_signal_connect_swapped (data->reasons[r], "toggled", G_CALLBACK (update_delete_response),
                              data);
  g_signal_connect_swapped (data->other, "changed", G_CALLBACK (update_delete_response), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), data,
                         delete_dialog_free, 0);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_clicked_cb (EdElectorEditor *self)
{
  present_delete_dialog (self, GTK_INVALID_LIST_POSITION, NULL, NULL);
}

static void
moved_cb (EdElectorEditor *self,
          const char      *elector_id)
{
  g_autofree char *name = elector_name (self->stored);

  /* A move is a deletion and an addition for the notice, not an edit of this form: the
   * toast says so and offers no Undo of the form. */
  g_clear_pointer (&self->undo, ed_elector_snapshot_free);
  g_free (self->done_message);
  /* Translators: %s is the elector's name */
  self->done_message = g_strdup_printf (_("%s moved"), name);
  close_after_save (self, elector_id);
}

static void
move_clicked_cb (EdElectorEditor *self)
{
  EdMoveDialog *dialog = ed_move_dialog_new (GTK_WINDOW (self), self->context, self->stored->id,
                                             &self->today);

  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The entry as stored, or a new one, into the form. */
static void
load_form (EdElectorEditor *self)
{
  EdElectorEdit *edit = self->initial;

  self->loading = TRUE;
  load_entry_group (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), edit->title);
  gtk_editable_set_text (GTK_EDITABLE (self->forenames_row), edit->forenames);
  gtk_editable_set_text (GTK_EDITABLE (self->surname_row), edit->surname);
  load_markers (self, edit->marker);
  gtk_editable_set_text (GTK_EDITABLE (self->attainer_row), edit->attainer_date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_of_birth_row), edit->date_of_birth);
  gtk_switch_set_active (GTK_SWITCH (self->opt_out_switch), edit->open_register_opt_out);
  gtk_switch_set_active (GTK_SWITCH (self->anonymous_switch), edit->anonymous);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->language_row),
                              language_position (edit->language));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->absent_vote_row),
                              absent_vote_position (edit->absent_vote));
  gtk_editable_set_text (GTK_EDITABLE (self->absent_ends_row), edit->absent_vote_ends);
  gtk_editable_set_text (GTK_EDITABLE (self->proxy_name_row), edit->proxy_name);
  gtk_editable_set_text (GTK_EDITABLE (self->proxy_address_row), edit->proxy_address);
  load_history (self);
  gtk_widget_set_visible (self->delete_group,
                          self->stored != NULL &&
                            self->stored->status != ED_ELECTOR_STATUS_PENDING_DELETION);
  /* A move is its own dialog (ed-move-dialog.c): an entry with an address may move. */
  gtk_widget_set_visible (self->move_button,
                          self->stored != NULL && self->stored->property[0] != '\0' &&
                            self->stored->status != ED_ELECTOR_STATUS_PENDING_DELETION);
  self->loading = FALSE;
  update_state (self);
}

/* Ready to type: a new address starts with its house, everything else with the title. Done
 * once shown: a window given its focus before then is announced to screen readers as a
 * filler, not as a window. */
static void
ed_elector_editor_map (GtkWidget *widget)
{
  EdElectorEditor *self = ED_ELECTOR_EDITOR (widget);

  GTK_WIDGET_CLASS (ed_elector_editor_parent_class)->map (widget);
  if (!self->focused_once)
    {
      self->focused_once = TRUE;
      gtk_widget_grab_focus (gtk_widget_get_visible (self->new_address_group)
                               ? self->property_row
                               : self->title_row);
    }
}

static void
ed_elector_editor_dispose (GObject *object)
{
  EdElectorEditor *self = (EdElectorEditor *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->stored, ed_elector_edit_free);
  g_clear_pointer (&self->initial, ed_elector_edit_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->undo, ed_elector_snapshot_free);
  g_clear_pointer (&self->done_message, g_free);

  G_OBJECT_CLASS (ed_elector_editor_parent_class)->dispose (object);
}

static void
ed_elector_editor_class_init (EdElectorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_elector_editor_dispose;
  widget_class->map = ed_elector_editor_map;

  /**
   * EdElectorEditor::saved:
   * @self: the editor
   * @elector_id: the elector added, amended or deleted
   *
   * Emitted after a save, just before the window closes, so that lists can refresh.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  g_type_ensure (ED_TYPE_DATE_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-elector-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, move_button);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, other_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, other_switch);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, new_address_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, property_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, street_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, locality_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, town_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, forenames_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, surname_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, marker_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, attainer_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, opt_out_switch);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, absent_vote_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, absent_ends_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, proxy_name_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, proxy_address_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectorEditor, history_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  /* Escape cancels, asking first if anything typed is not saved (close_request_cb()). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_elector_editor_init (EdElectorEditor *self)
{
  GtkStringList *languages;
  GtkStringList *absent_votes;

  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));

  /* The combos' items come from the vocabularies, in the enums' order. */
  self->loading = TRUE;
  languages = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->language_row)));
  for (EdElectorLanguage l = 0; l < ED_N_ELECTOR_LANGUAGES; l++)
    gtk_string_list_append (languages, ed_elector_language_get_display_name (l));
  absent_votes = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->absent_vote_row)));
  for (EdAbsentVote v = 0; v < ED_N_ABSENT_VOTES; v++)
    gtk_string_list_append (absent_votes, ed_absent_vote_get_display_name (v));
  /* "B — Qualifying or retained-rights EU citizen" is longer than the combo's own list shows. */
  ed_combo_row_show_choices_in_full (ADW_COMBO_ROW (self->marker_row));
  self->loading = FALSE;

  ed_today (&self->today);
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
                       "title", elector_id != NULL ? _("Edit Elector") : _("Add Elector"),
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
      gtk_window_set_title (GTK_WINDOW (self), _("Add Elector"));
      self->initial = ed_elector_edit_new ();
      if (property_id != NULL && property_id[0] != '\0' &&
          !ed_elector_edit_prefill_property (self->initial, context, property_id, &error))
        g_warning ("Could not read the address %s: %s", property_id, error->message);
    }
  load_form (self);
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

/**
 * ed_elector_editor_take_undo:
 * @self: an editor that has saved or deleted
 *
 * Returns: (transfer full) (nullable): the entry as it was before the change, for an Undo
 */
EdElectorSnapshot *
ed_elector_editor_take_undo (EdElectorEditor *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), NULL);

  return g_steal_pointer (&self->undo);
}

/**
 * ed_elector_editor_get_done_message:
 * @self: an editor that has saved or deleted
 *
 * Returns: (nullable): a sentence saying what was just done, for a toast
 */
const char *
ed_elector_editor_get_done_message (EdElectorEditor *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), NULL);

  return self->done_message;
}

/**
 * ed_elector_editor_ask_delete:
 * @self: an editor of an entry in the register
 *
 * Asks whether to delete the entry, as its Delete button does: the Delete key on the list.
 *
 * Returns: whether the question was asked (an entry already to be deleted, or a new one,
 *   cannot be deleted)
 */
gboolean
ed_elector_editor_ask_delete (EdElectorEditor *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_EDITOR (self), FALSE);

  if (!gtk_widget_get_visible (self->delete_group))
    return FALSE;
  delete_clicked_cb (self);
  return TRUE;
}
