/* ed-person-editor.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One person of the casual staff: their details, the roles they may take, their training and
 * whether they can work at the election chosen on the Staff page. Every field is checked as it
 * is typed, by the rules the store saves by (ed_staff_person_check ()), with the reason under
 * the field; Save writes the person through the store and closes, and a refusal leaves the
 * form open as typed (DESIGN.md §7). Training is recorded as it is added, not with Save. The
 * National Insurance number is shown masked until the officer asks to see it: the list and
 * this form are read over shoulders, and only the payroll needs the whole number. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "register/ed-elector-edit.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-person-editor.h"
#include "ui/staff/ed-training-dialog.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"
#include "ui/widgets/ed-validated-entry-row.h"

struct _EdPersonEditor
{
  AdwWindow       parent_instance;

  EdContext      *context;
  EdStaffPerson  *stored;             /* as loaded or last saved; a new person's has no id */
  char           *election_id;        /* whose availability the form shows, or NULL */
  EdAvailability  stored_availability;
  char           *stored_note;
  guint           touched;            /* a bit per field_rows entry the officer has changed */
  gboolean        loading;
  gboolean        show_all_problems;
  gboolean        closing;
  gboolean        ni_revealed;
  gboolean        focused_once;

  GtkWidget      *role_checks[ED_N_STAFF_ROLES];
  GPtrArray      *training_rows;
  GtkTextBuffer  *address_buffer;

  GtkWidget      *toasts;
  GtkWidget      *save_button;
  GtkWidget      *family_name_row;
  GtkWidget      *given_names_row;
  GtkWidget      *email_row;
  GtkWidget      *phone_row;
  GtkWidget      *postcode_row;
  GtkWidget      *address_view;
  GtkWidget      *date_of_birth_row;
  GtkWidget      *ni_number_row;
  GtkWidget      *ni_reveal_button;
  GtkWidget      *payroll_reference_row;
  GtkWidget      *council_employee_switch;
  GtkWidget      *starter_statement_row;
  GtkWidget      *starter_date_row;
  GtkWidget      *language_row;
  GtkWidget      *notes_row;
  GtkWidget      *roles_row;
  GtkWidget      *training_group;
  GtkWidget      *add_training_button;
  GtkWidget      *availability_group;
  GtkWidget      *availability_row;
  GtkWidget      *availability_note_row;
};

G_DEFINE_FINAL_TYPE (EdPersonEditor, ed_person_editor, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows whose problems show under them, by the fields ed_staff_person_check () names. */
static const struct
{
  const char *field;
  gsize       row_offset;
} field_rows[] = {
  { "family_name", G_STRUCT_OFFSET (EdPersonEditor, family_name_row) },
  { "given_names", G_STRUCT_OFFSET (EdPersonEditor, given_names_row) },
  { "email", G_STRUCT_OFFSET (EdPersonEditor, email_row) },
  { "phone", G_STRUCT_OFFSET (EdPersonEditor, phone_row) },
  { "postcode", G_STRUCT_OFFSET (EdPersonEditor, postcode_row) },
  { "date_of_birth", G_STRUCT_OFFSET (EdPersonEditor, date_of_birth_row) },
  { "ni_number", G_STRUCT_OFFSET (EdPersonEditor, ni_number_row) },
  { "payroll_reference", G_STRUCT_OFFSET (EdPersonEditor, payroll_reference_row) },
  { "starter_statement", G_STRUCT_OFFSET (EdPersonEditor, starter_statement_row) },
  { "starter_date", G_STRUCT_OFFSET (EdPersonEditor, starter_date_row) },
  { "language", G_STRUCT_OFFSET (EdPersonEditor, language_row) },
  { "notes", G_STRUCT_OFFSET (EdPersonEditor, notes_row) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_rows) <= sizeof (guint) * 8);

/* The language row's choices, in order: what staff_person.language stores for each. */
static const char * const languages[] = { "", "cy" };

static GtkWidget *
field_row (EdPersonEditor *self,
           guint           field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field_rows[field].row_offset);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  EdFieldProblem *problem = g_new0 (EdFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A date row's date; text that is no date is a problem for @field. */
static void
read_date (GtkWidget  *row,
           const char *field,
           GDate      *out,
           GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;

  if (ed_date_row_get_date (ED_DATE_ROW (row), out, &error))
    return;
  g_date_clear (out, 1);
  if (!g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY))
    add_problem (problems, field, error->message);
}

/* The person as the form has them, untidied, and the dates that could not be read. */
static EdStaffPerson *
read_form (EdPersonEditor *self,
           GPtrArray      *date_problems)
{
  EdStaffPerson *person = ed_staff_person_new ();
  GtkTextIter start, end;
  guint starter = adw_combo_row_get_selected (ADW_COMBO_ROW (self->starter_statement_row));
  guint language = adw_combo_row_get_selected (ADW_COMBO_ROW (self->language_row));

  person->id = g_strdup (self->stored->id);
#define TAKE(member, row) \
  g_free (person->member); \
  person->member = g_strdup (text_of (self->row))
  TAKE (family_name, family_name_row);
  TAKE (given_names, given_names_row);
  TAKE (email, email_row);
  TAKE (phone, phone_row);
  TAKE (postcode, postcode_row);
  TAKE (payroll_reference, payroll_reference_row);
  TAKE (notes, notes_row);
#undef TAKE
  gtk_text_buffer_get_bounds (self->address_buffer, &start, &end);
  g_free (person->address);
  person->address = gtk_text_buffer_get_text (self->address_buffer, &start, &end, FALSE);

  /* The row shows only a mask of a stored number until it is revealed, and then the number
   * spaced as HMRC prints it, which is the stored number still. */
  g_free (person->ni_number);
  if (self->ni_revealed || *self->stored->ni_number == '\0')
    {
      g_autofree char *normalised = NULL;

      if (ed_ni_number_normalise (text_of (self->ni_number_row), &normalised, NULL) &&
          g_str_equal (normalised, self->stored->ni_number))
        person->ni_number = g_strdup (self->stored->ni_number);
      else
        person->ni_number = g_strdup (text_of (self->ni_number_row));
    }
  else
    person->ni_number = g_strdup (self->stored->ni_number);

  read_date (self->date_of_birth_row, "date_of_birth", &person->date_of_birth, date_problems);
  read_date (self->starter_date_row, "starter_date", &person->starter_date, date_problems);
  person->council_employee =
    gtk_switch_get_active (GTK_SWITCH (self->council_employee_switch));
  person->starter_statement = starter >= 1 && starter - 1 < ED_N_STARTER_STATEMENTS
                                ? (EdStarterStatement)(starter - 1) : ED_STARTER_NONE;
  g_free (person->language);
  person->language = g_strdup (language < G_N_ELEMENTS (languages) ? languages[language] : "");
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->role_checks[r])))
      {
        EdStaffRole role = r;

        g_array_append_val (person->roles, role);
      }
  return person;
}

/* What is wrong with @person, field by field, as the store would refuse it. */
static GPtrArray *
check_person (const EdStaffPerson *person,
              GPtrArray           *date_problems)
{
  g_autoptr(EdStaffPerson) copy = ed_staff_person_copy (person);
  GPtrArray *problems;
  GDate today;

  ed_today (&today);
  problems = ed_staff_person_check (copy, &today);
  for (guint i = 0; i < date_problems->len; i++)
    {
      EdFieldProblem *problem = g_ptr_array_index (date_problems, i);

      add_problem (problems, problem->field, problem->message);
    }
  return problems;
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static gboolean
people_differ (const EdStaffPerson *a,
               const EdStaffPerson *b)
{
  if (a->roles->len != b->roles->len)
    return TRUE;
  for (guint i = 0; i < a->roles->len; i++)
    if (g_array_index (a->roles, EdStaffRole, i) != g_array_index (b->roles, EdStaffRole, i))
      return TRUE;
  return g_strcmp0 (a->family_name, b->family_name) != 0 ||
         g_strcmp0 (a->given_names, b->given_names) != 0 ||
         g_strcmp0 (a->email, b->email) != 0 || g_strcmp0 (a->phone, b->phone) != 0 ||
         g_strcmp0 (a->address, b->address) != 0 || g_strcmp0 (a->postcode, b->postcode) != 0 ||
         !same_date (&a->date_of_birth, &b->date_of_birth) ||
         g_strcmp0 (a->ni_number, b->ni_number) != 0 ||
         g_strcmp0 (a->payroll_reference, b->payroll_reference) != 0 ||
         a->council_employee != b->council_employee ||
         a->starter_statement != b->starter_statement ||
         !same_date (&a->starter_date, &b->starter_date) ||
         g_strcmp0 (a->language, b->language) != 0 || g_strcmp0 (a->notes, b->notes) != 0;
}

static EdAvailability
chosen_availability (EdPersonEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->availability_row));

  return selected < ED_N_AVAILABILITIES ? (EdAvailability)selected : ED_AVAILABILITY_UNKNOWN;
}

static gboolean
availability_changed (EdPersonEditor *self)
{
  return self->election_id != NULL &&
         (chosen_availability (self) != self->stored_availability ||
          g_strcmp0 (text_of (self->availability_note_row), self->stored_note) != 0);
}

/**
 * ed_person_editor_has_unsaved_changes:
 * @self: the editor
 *
 * Returns: %TRUE if anything typed or chosen is not saved
 */
gboolean
ed_person_editor_has_unsaved_changes (EdPersonEditor *self)
{
  g_autoptr(GPtrArray) date_problems = NULL;
  g_autoptr(EdStaffPerson) person = NULL;

  g_return_val_if_fail (ED_IS_PERSON_EDITOR (self), FALSE);

  date_problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  person = read_form (self, date_problems);
  return date_problems->len > 0 || people_differ (self->stored, person) ||
         availability_changed (self);
}

/* The address has no row under it for a message: it takes the error style and the message as
 * its description, as in Preferences. */
static void
show_address_problem (EdPersonEditor *self,
                      const char     *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (self->address_view, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->address_view),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->address_view),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }
  gtk_widget_add_css_class (self->address_view, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->address_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->address_view),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

/* Shows each field's problem under it; returns the first row with one, or NULL. */
static GtkWidget *
show_problems (EdPersonEditor *self,
               GPtrArray      *problems)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      const char *message = ed_field_problems_lookup (problems, field_rows[i].field);
      gboolean touched = (self->touched & (1u << i)) != 0;
      GtkWidget *row = field_row (self, i);

      /* An untouched field of a new person is not wrong yet, only empty. */
      if (!touched && !self->show_all_problems && self->stored->id == NULL)
        message = NULL;
      ed_field_error_show (row, message);
      if (message != NULL && first == NULL)
        first = row;
    }
  show_address_problem (self, ed_field_problems_lookup (problems, "address"));
  if (first == NULL && ed_field_problems_lookup (problems, "address") != NULL)
    first = self->address_view;
  return first;
}

static void
update_state (EdPersonEditor *self)
{
  g_autoptr(GPtrArray) date_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdStaffPerson) person = NULL;

  if (self->loading)
    return;
  date_problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  person = read_form (self, date_problems);
  problems = check_person (person, date_problems);
  show_problems (self, problems);
  /* Save stays offered while a field is wrong: pressing it says what to put right. */
  gtk_widget_set_sensitive (self->save_button,
                            self->stored->id == NULL || people_differ (self->stored, person) ||
                              date_problems->len > 0 || availability_changed (self));
}

static void
field_changed_cb (EdPersonEditor *self,
                  GParamSpec     *pspec,
                  GObject        *row)
{
  if (self->loading)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if ((GObject *)field_row (self, i) == row)
      self->touched |= 1u << i;
  update_state (self);
}

static void
contents_changed_cb (EdPersonEditor *self)
{
  update_state (self);
}

/* The whole number, to check against a form or to correct; it stays shown until the form
 * closes. */
static void
ni_reveal_clicked_cb (EdPersonEditor *self)
{
  g_autofree char *formatted = NULL;

  if (self->ni_revealed)
    return;
  formatted = ed_ni_number_format (self->stored->ni_number);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->ni_number_row), formatted);
  gtk_editable_set_editable (GTK_EDITABLE (self->ni_number_row), TRUE);
  self->loading = FALSE;
  self->ni_revealed = TRUE;
  /* The focus would be lost with the button; it goes to the number it showed. */
  gtk_widget_grab_focus (self->ni_number_row);
  gtk_widget_set_visible (self->ni_reveal_button, FALSE);
  update_state (self);
}

static void
show_ni_number (EdPersonEditor *self)
{
  gboolean masked = !self->ni_revealed && *self->stored->ni_number != '\0';
  g_autofree char *mask = masked ? ed_ni_number_mask (self->stored->ni_number) : NULL;

  /* A number another desk stored in a shape this one cannot mask is not shown at all. */
  gtk_editable_set_text (GTK_EDITABLE (self->ni_number_row),
                         masked ? (mask != NULL ? mask : "") : self->stored->ni_number);
  gtk_editable_set_editable (GTK_EDITABLE (self->ni_number_row), !masked);
  gtk_widget_set_visible (self->ni_reveal_button, masked);
}

/* --- training ----------------------------------------------------------------------------- */

static void load_training (EdPersonEditor *self);

static void
show_toast (EdPersonEditor *self,
            const char     *message)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (message));
}

static void
attended_clicked_cb (GtkButton      *button,
                     EdPersonEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ed_staff_training_set_attended (self->context,
                                       g_object_get_data (G_OBJECT (button), "training-id"),
                                       TRUE, &error))
    {
      show_toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0, self->stored->id);
  load_training (self);
}

static char *
training_subtitle (const EdStaffTraining *training)
{
  g_autofree char *day = ed_date_format_long (&training->course_date);
  g_autofree char *held = NULL;
  g_autofree char *lapses = NULL;

  /* Translators: the role a course trains for, then the day it is held */
  held = g_strdup_printf (C_("training", "%s · %s"),
                          ed_staff_role_get_display_name (training->role), day);
  if (g_date_valid (&training->valid_until))
    {
      g_autofree char *until = ed_date_format_long (&training->valid_until);

      /* Translators: %s is the last day a course counts */
      lapses = g_strdup_printf (_("valid until %s"), until);
    }
  else
    lapses = g_strdup (_("does not lapse"));
  /* Translators: whether the person attended a course, then how long it counts: "Attended ·
   * valid until Friday 6 April 2029" */
  return g_strdup_printf (C_("training", "%s\n%s · %s"), held,
                          training->attended ? _("Attended") : _("Not attended"), lapses);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
add_training_row (EdPersonEditor *self,
                  GtkWidget      *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->training_group), row);
  g_ptr_array_add (self->training_rows, row);
}

static void
load_training (EdPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < self->training_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->training_group),
                                  g_ptr_array_index (self->training_rows, i));
  g_ptr_array_set_size (self->training_rows, 0);

  gtk_widget_set_sensitive (self->add_training_button, self->stored->id != NULL);
  if (self->stored->id == NULL)
    {
      add_training_row (self, placeholder_row (_("Save the person first to record their "
                                                 "training.")));
      return;
    }
  records = ed_staff_training_list (self->context, self->stored->id, &error);
  if (records == NULL)
    {
      g_warning ("The person's training cannot be read: %s", error->message);
      return;
    }
  if (records->len == 0)
    {
      add_training_row (self, placeholder_row (_("No training recorded")));
      return;
    }
  for (guint i = 0; i < records->len; i++)
    {
      EdStaffTraining *training = g_ptr_array_index (records, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = training_subtitle (training);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), training->course);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!training->attended)
        {
          GtkWidget *button = gtk_button_new_with_label (_("Mark Attended"));
          /* Translators: the name of a button that records a course as attended; %s is the
           * course */
          g_autofree char *name = g_strdup_printf (_("Mark “%s” attended"), training->course);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "training-id", g_strdup (training->id),
                                  g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (attended_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      add_training_row (self, row);
    }
}

static void
training_added_cb (EdPersonEditor *self,
                   const char     *training_id)
{
  show_toast (self, _("Training recorded"));
  g_signal_emit (self, signals[CHANGED], 0, self->stored->id);
  load_training (self);
}

static void
training_failed_cb (EdPersonEditor *self,
                    const char     *message)
{
  show_toast (self, message);
}

/**
 * ed_person_editor_add_training:
 * @self: the editor of a saved person
 *
 * Asks for a course to record, as Add Training… does.
 */
void
ed_person_editor_add_training (EdPersonEditor *self)
{
  g_autoptr(GArray) roles = NULL;
  EdTrainingDialog *dialog;

  g_return_if_fail (ED_IS_PERSON_EDITOR (self));

  if (self->stored->id == NULL)
    return;
  /* The roles ticked, saved or not, are the likeliest for a course. */
  roles = g_array_new (FALSE, FALSE, sizeof (EdStaffRole));
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->role_checks[r])))
      {
        EdStaffRole role = r;

        g_array_append_val (roles, role);
      }
  dialog = ed_training_dialog_new (GTK_WINDOW (self), self->context, self->stored->id, roles);
  g_signal_connect_object (dialog, "added", G_CALLBACK (training_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (training_failed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_training_clicked_cb (EdPersonEditor *self)
{
  ed_person_editor_add_training (self);
}

/* --- saving ------------------------------------------------------------------------------- */

const char *
ed_person_editor_get_person_id (EdPersonEditor *self)
{
  g_return_val_if_fail (ED_IS_PERSON_EDITOR (self), NULL);
  return self->stored->id;
}

static void
refuse (EdPersonEditor  *self,
        GPtrArray       *problems,
        GError         **error)
{
  EdFieldProblem *problem = g_ptr_array_index (problems, 0);
  GtkWidget *first;

  self->show_all_problems = TRUE;
  first = show_problems (self, problems);
  if (first != NULL)
    gtk_widget_grab_focus (first);
  /* Translators: a field's label, then what was expected of it */
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("%s: %s"),
               ed_staff_person_field_get_display_name (problem->field), problem->message);
}

/**
 * ed_person_editor_save:
 * @self: the editor
 * @error: return location for an error: an %ED_VALUE_ERROR naming the first field that is
 *   wrong (each wrong field then shows why under it), or the store's error
 *
 * Saves the person and their roles, then their availability if it changed. On an error the
 * form stays as typed, to be put right and saved again.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_person_editor_save (EdPersonEditor  *self,
                       GError         **error)
{
  g_autoptr(GPtrArray) date_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(EdStaffPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean saved = TRUE;
  gboolean was_new;

  g_return_val_if_fail (ED_IS_PERSON_EDITOR (self), FALSE);

  date_problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  person = read_form (self, date_problems);
  problems = check_person (person, date_problems);
  if (problems->len > 0)
    {
      refuse (self, problems, error);
      return FALSE;
    }

  if (person->id == NULL)
    saved = ed_staff_person_add (self->context, person, &local_error);
  else if (people_differ (self->stored, person))
    saved = ed_staff_person_update (self->context, person, &local_error);
  if (!saved)
    {
      /* Another desk's rules may be stricter than the form knew: say it at the field. */
      if (g_error_matches (local_error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID))
        {
          g_clear_pointer (&problems, g_ptr_array_unref);
          problems = check_person (person, date_problems);
          if (problems->len > 0)
            show_problems (self, problems);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* What is saved is now what the form holds, so a second Save adds no one twice; a person
   * just added can be given training. */
  was_new = self->stored->id == NULL;
  ed_staff_person_free (self->stored);
  self->stored = g_steal_pointer (&person);
  if (was_new)
    {
      g_autofree char *name = ed_staff_person_dup_name (self->stored);

      gtk_window_set_title (GTK_WINDOW (self), name);
      load_training (self);
    }

  if (availability_changed (self))
    {
      if (!ed_staff_availability_set (self->context, self->stored->id, self->election_id,
                                      chosen_availability (self),
                                      text_of (self->availability_note_row), error))
        {
          g_signal_emit (self, signals[CHANGED], 0, self->stored->id);
          return FALSE;
        }
      self->stored_availability = chosen_availability (self);
      g_free (self->stored_note);
      self->stored_note = g_strdup (text_of (self->availability_note_row));
    }
  g_signal_emit (self, signals[CHANGED], 0, self->stored->id);
  return TRUE;
}

static void
save_clicked_cb (EdPersonEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ed_person_editor_save (self, &error))
    {
      /* A field's problem is shown under it; anything else is said here. */
      if (!g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID))
        show_toast (self, error->message);
      return;
    }
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EdPersonEditor *self = ED_PERSON_EDITOR (widget);

  if (gtk_widget_get_sensitive (self->save_button))
    save_clicked_cb (self);
}

static void
discard_response_cb (EdPersonEditor *self,
                     const char     *response)
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
close_request_cb (EdPersonEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->closing || !ed_person_editor_has_unsaved_changes (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"),
                                                       _("The changes to this person are not "
                                                         "saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb),
                         g_object_ref (self), release_editor, G_CONNECT_SWAPPED);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* --- building the form -------------------------------------------------------------------- */

/* The roles ticked, said on the folded row. */
static void
show_roles_chosen (EdPersonEditor *self)
{
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->role_checks[r])))
      {
        if (chosen->len > 0)
          /* Translators: between the roles a person may take, in a list of people */
          g_string_append (chosen, C_("roles", ", "));
        g_string_append (chosen, ed_staff_role_get_display_name (r));
      }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->roles_row),
                                 chosen->len > 0 ? chosen->str : _("No roles"));
}

static void
roles_changed_cb (EdPersonEditor *self)
{
  show_roles_chosen (self);
  update_state (self);
}

static void
build_roles (EdPersonEditor *self)
{
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ed_staff_role_get_display_name (r));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Named by the row, whose activatable widget it is. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (roles_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->roles_row), row);
      self->role_checks[r] = check;
    }
}

static void
set_date (GtkWidget   *row,
          const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? ed_date_format_iso (date) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_form (EdPersonEditor *self)
{
  const EdStaffPerson *person = self->stored;
  guint language = 0;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row), person->family_name);
  gtk_editable_set_text (GTK_EDITABLE (self->given_names_row), person->given_names);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), person->email);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), person->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->postcode_row), person->postcode);
  gtk_text_buffer_set_text (self->address_buffer, person->address, -1);
  set_date (self->date_of_birth_row, &person->date_of_birth);
  show_ni_number (self);
  gtk_editable_set_text (GTK_EDITABLE (self->payroll_reference_row), person->payroll_reference);
  gtk_switch_set_active (GTK_SWITCH (self->council_employee_switch), person->council_employee);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->starter_statement_row),
                              person->starter_statement == ED_STARTER_NONE
                                ? 0 : person->starter_statement + 1);
  set_date (self->starter_date_row, &person->starter_date);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], person->language))
      language = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->language_row), language);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), person->notes);
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->role_checks[r]),
                                 ed_staff_person_has_role (person, r));
  show_roles_chosen (self);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->availability_row), self->stored_availability);
  gtk_editable_set_text (GTK_EDITABLE (self->availability_note_row), self->stored_note);
  self->loading = FALSE;
  update_state (self);
}

/* The election's answer, and the group that shows it; no election, no group. */
static gboolean
load_availability (EdPersonEditor  *self,
                   GError         **error)
{
  g_autoptr(EdElection) election = NULL;
  g_autofree char *day = NULL;
  g_autofree char *description = NULL;

  self->stored_availability = ED_AVAILABILITY_UNKNOWN;
  self->stored_note = g_strdup ("");
  if (self->election_id == NULL)
    return TRUE;
  election = ed_election_load (self->context, self->election_id, error);
  if (election == NULL)
    return FALSE;
  if (self->stored->id != NULL)
    {
      g_clear_pointer (&self->stored_note, g_free);
      if (!ed_staff_availability_get (self->context, self->stored->id, self->election_id,
                                      &self->stored_availability, &self->stored_note, error))
        return FALSE;
    }
  day = ed_date_format_long (&election->poll);
  /* Translators: the election a person's availability is for: its title, then its polling
   * day */
  description = g_strdup_printf (_("For %s on %s"), election->title, day);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->availability_group),
                                         description);
  gtk_widget_set_visible (self->availability_group, TRUE);
  return TRUE;
}

/* Ready to type, at the first field. Done once shown: a window given its focus before then is
 * announced to screen readers as a filler, not as a window. */
static void
ed_person_editor_map (GtkWidget *widget)
{
  EdPersonEditor *self = ED_PERSON_EDITOR (widget);

  GTK_WIDGET_CLASS (ed_person_editor_parent_class)->map (widget);
  if (!self->focused_once)
    {
      self->focused_once = TRUE;
      gtk_widget_grab_focus (self->family_name_row);
    }
}

static void
ed_person_editor_dispose (GObject *object)
{
  EdPersonEditor *self = ED_PERSON_EDITOR (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->stored, ed_staff_person_free);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->stored_note, g_free);
  g_clear_pointer (&self->training_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_person_editor_parent_class)->dispose (object);
}

static void
ed_person_editor_class_init (EdPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_person_editor_dispose;
  widget_class->map = ed_person_editor_map;

  /**
   * EdPersonEditor::changed:
   * @self: the editor
   * @person_id: the person saved, or whose training was recorded
   *
   * Something was written: lists showing the person can read them again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  g_type_ensure (ED_TYPE_DATE_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, given_names_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, ni_number_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, ni_reveal_button);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, payroll_reference_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, council_employee_switch);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, starter_statement_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, starter_date_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, roles_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, training_group);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, add_training_button);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, availability_group);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, availability_row);
  gtk_widget_class_bind_template_child (widget_class, EdPersonEditor, availability_note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, ni_reveal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_training_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  /* Escape cancels, asking first if anything typed is not saved (close_request_cb ()). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_person_editor_init (EdPersonEditor *self)
{
  GtkStringList *list;

  /* Nothing is read from the form until fill_form () has filled it. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->training_rows = g_ptr_array_new ();
  self->address_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->address_view));
  g_signal_connect_swapped (self->address_buffer, "changed", G_CALLBACK (contents_changed_cb),
                            self);

  list = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->starter_statement_row)));
  gtk_string_list_append (list, _("Not filled in"));
  for (guint i = 0; i < ED_N_STARTER_STATEMENTS; i++)
    gtk_string_list_append (list, ed_starter_statement_get_display_name (i));
  list = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->language_row)));
  gtk_string_list_append (list, _("English"));
  gtk_string_list_append (list, _("Welsh"));
  list = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->availability_row)));
  for (guint i = 0; i < ED_N_AVAILABILITIES; i++)
    gtk_string_list_append (list, ed_availability_get_display_name (i));

  build_roles (self);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_person_editor_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @person_id: (nullable): the person to edit, or %NULL for a new one
 * @election_id: (nullable): the election whose availability the form shows, or %NULL
 *
 * Returns: (transfer full): the editor, not yet shown; %NULL (with a warning) if the person
 *   cannot be read
 */
EdPersonEditor *
ed_person_editor_new (GtkWindow  *parent,
                      EdContext  *context,
                      const char *person_id,
                      const char *election_id)
{
  g_autoptr(GError) error = NULL;
  EdPersonEditor *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->election_id = g_strdup (election_id);
  self->stored = person_id != NULL ? ed_staff_person_load (context, person_id, &error)
                                   : ed_staff_person_new ();
  if (self->stored == NULL || !load_availability (self, &error))
    {
      g_warning ("The person cannot be read: %s", error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  if (person_id != NULL)
    {
      g_autofree char *name = ed_staff_person_dup_name (self->stored);

      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  fill_form (self);
  load_training (self);
  return self;
}
