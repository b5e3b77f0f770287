/* ed-training-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A training course for one person: the role it trains for, its name and day, whether they
 * attended and when it lapses. Add is offered only once the course can be recorded, each
 * field checked as it is typed; the record is written at once (ed_staff_training_add ()), as
 * a training register is kept, not with the person's form. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-value-error.h"
#include "staff/ed-staff-person.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-training-dialog.h"
#include "ui/widgets/ed-date-row.h"
#include "ui/widgets/ed-field-error.h"

struct _EdTrainingDialog
{
  AdwMessageDialog  parent_instance;

  EdContext        *context;
  char             *person_id;

  GtkWidget        *role_row;
  GtkWidget        *course_row;
  GtkWidget        *course_date_row;
  GtkWidget        *attended_switch;
  GtkWidget        *valid_until_row;
};

G_DEFINE_FINAL_TYPE (EdTrainingDialog, ed_training_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  ADDED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reads the form into @training; FALSE, with each field's problem shown under it, when it
 * cannot be recorded. An empty field is not shown as a mistake until it has been typed in. */
static gboolean
read_form (EdTrainingDialog *self,
           EdStaffTraining  *training)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) until_error = NULL;
  g_autofree char *course = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->course_row))));
  guint role = adw_combo_row_get_selected (ADW_COMBO_ROW (self->role_row));
  gboolean has_date;
  gboolean has_until;
  gboolean ok;

  training->role = role < ED_N_STAFF_ROLES ? role : ED_STAFF_ROLE_PRESIDING_OFFICER;
  g_free (training->course);
  training->course = g_strdup (course);
  training->attended = gtk_switch_get_active (GTK_SWITCH (self->attended_switch));

  has_date = ed_date_row_get_date (ED_DATE_ROW (self->course_date_row), &training->course_date,
                                   &date_error);
  if (!has_date)
    g_date_clear (&training->course_date, 1);
  ed_field_error_show (self->course_date_row,
                       !has_date && !g_error_matches (date_error, ED_VALUE_ERROR,
                                                      ED_VALUE_ERROR_EMPTY)
                         ? date_error->message : NULL);

  has_until = ed_date_row_get_date (ED_DATE_ROW (self->valid_until_row), &training->valid_until,
                                    &until_error);
  if (!has_until)
    g_date_clear (&training->valid_until, 1);
  ok = has_date && *course != '\0';
  if (!has_until && !g_error_matches (until_error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY))
    {
      ed_field_error_show (self->valid_until_row, until_error->message);
      ok = FALSE;
    }
  else if (has_until && has_date &&
           g_date_compare (&training->valid_until, &training->course_date) < 0)
    {
      ed_field_error_show (self->valid_until_row, _("expected a day on or after the course"));
      ok = FALSE;
    }
  else
    ed_field_error_show (self->valid_until_row, NULL);
  return ok;
}

static void
field_changed_cb (EdTrainingDialog *self)
{
  g_autoptr(EdStaffTraining) training = ed_staff_training_new ();

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add",
                                           read_form (self, training));
}

/* The dialog closes on any answer, so a refusal is handed to the form that opened it. */
static void
ed_training_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  EdTrainingDialog *self = ED_TRAINING_DIALOG (dialog);
  g_autoptr(EdStaffTraining) training = ed_staff_training_new ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || !read_form (self, training))
    return;
  training->person = g_strdup (self->person_id);
  if (!ed_staff_training_add (self->context, training, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0, training->id);
}

static void
ed_training_dialog_dispose (GObject *object)
{
  EdTrainingDialog *self = ED_TRAINING_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->person_id, g_free);

  G_OBJECT_CLASS (ed_training_dialog_parent_class)->dispose (object);
}

static void
ed_training_dialog_class_init (EdTrainingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ed_training_dialog_dispose;
  dialog_class->response = ed_training_dialog_response;

  /**
   * EdTrainingDialog::added:
   * @self: the dialog
   * @training_id: the record added
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * EdTrainingDialog::failed:
   * @self: the dialog
   * @message: why the course could not be recorded
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  g_type_ensure (ED_TYPE_DATE_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-training-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdTrainingDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, EdTrainingDialog, course_row);
  gtk_widget_class_bind_template_child (widget_class, EdTrainingDialog, course_date_row);
  gtk_widget_class_bind_template_child (widget_class, EdTrainingDialog, attended_switch);
  gtk_widget_class_bind_template_child (widget_class, EdTrainingDialog, valid_until_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
ed_training_dialog_init (EdTrainingDialog *self)
{
  GtkStringList *roles;

  gtk_widget_init_template (GTK_WIDGET (self));
  roles = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->role_row)));
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    gtk_string_list_append (roles, ed_staff_role_get_display_name (r));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}

/**
 * ed_training_dialog_new:
 * @parent: (nullable): the person's form
 * @context: the district
 * @person_id: the person trained
 * @roles: (element-type EdStaffRole): the roles the person may take; the first is chosen
 *
 * Returns: (transfer full): the dialog, not yet shown
 */
EdTrainingDialog *
ed_training_dialog_new (GtkWindow    *parent,
                        EdContext    *context,
                        const char   *person_id,
                        const GArray *roles)
{
  EdTrainingDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  self = g_object_new (ED_TYPE_TRAINING_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->person_id = g_strdup (person_id);
  if (roles != NULL && roles->len > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->role_row),
                                g_array_index (roles, EdStaffRole, 0));
  return self;
}
