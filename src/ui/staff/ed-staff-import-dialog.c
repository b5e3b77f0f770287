/* ed-staff-import-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports casual staff from a CSV file into the open district: pick a file, watch the progress
 * (and cancel), then either what the file added and updated or every refused row with its
 * line, column and why. The import is all or nothing (ed_staff_import ()), so cancelling or a
 * refused row leaves the district as it was. It runs as a job (ed_staff_import_async (), which
 * the command line runs too) on a connection of its own to the same database. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "staff/ed-staff-import.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/staff/ed-staff-import-dialog.h"

/* A list box makes a widget per row; beyond this many problems the saved report is the place
 * to read them, and the count says so. */
#define PROBLEMS_SHOWN 500

struct _EdStaffImportDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  EdJob                *job;      /* set while an import runs */
  GtkFileChooserNative *chooser;
  EdStaffImportReport  *report;   /* the last import, for Save Report… */
  gboolean              closed;

  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  EdJobPage            *job_page;
  AdwStatusPage        *done_page;
  GtkLabel             *refused_label;
  GtkListBox           *problem_list;
};

G_DEFINE_FINAL_TYPE (EdStaffImportDialog, ed_staff_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
problem_row (EdStaffImportProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  if (problem->field[0] != '\0')
    /* Translators: a refused row of a staff file: the line of the file, then the column */
    title = g_strdup_printf (_("Line %" PRIu64 ", %s"), problem->line, problem->field);
  else
    /* Translators: a whole row of an import was refused; %s is the line number */
    title = g_strdup_printf (_("Line %" PRIu64), problem->line);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->reason);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_refused (EdStaffImportDialog *self,
              EdStaffImportReport *report)
{
  GtkWidget *child;
  g_autofree char *text = NULL;
  guint n_problems = report->problems->len;
  g_autofree char *n_text = ed_number_format_count (report->n_refused);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  for (guint i = 0; i < MIN (n_problems, PROBLEMS_SHOWN); i++)
    gtk_list_box_append (self->problem_list,
                         problem_row (g_ptr_array_index (report->problems, i)));

  if (n_problems > PROBLEMS_SHOWN)
    {
      g_autofree char *shown_text = ed_number_format_count (PROBLEMS_SHOWN);

      /* Translators: a count of refused rows, then how many of their problems are listed */
      text = g_strdup_printf (_("Nothing was imported: %s rows were refused. The first %s "
                                "problems are listed; save the report to see them all."),
                              n_text, shown_text);
    }
  else
    /* Translators: %s is a count of refused rows */
    text = g_strdup_printf (ngettext ("Nothing was imported: %s row was refused. Correct it "
                                      "and import the file again.",
                                      "Nothing was imported: %s rows were refused. Correct them "
                                      "and import the file again.", report->n_refused),
                            n_text);
  gtk_label_set_text (self->refused_label, text);
  gtk_stack_set_visible_child_name (self->stack, "refused");
}

/* "4 people added, 1 updated and 2 unchanged." */
static char *
import_summary (const EdStaffImportReport *report)
{
  g_autofree char *n_added = ed_number_format_count (report->n_added);
  g_autofree char *n_updated = ed_number_format_count (report->n_updated);
  g_autofree char *n_unchanged = ed_number_format_count (report->n_unchanged);
  g_autofree char *added = NULL;

  added = g_strdup_printf (ngettext ("%s person added", "%s people added", report->n_added),
                           n_added);
  /* Translators: after a staff import: "4 people added", then how many people already in the
   * district it updated, and how many it gave as they were */
  return g_strdup_printf (_("%s, %s updated and %s unchanged."), added, n_updated,
                          n_unchanged);
}

static void
show_start (EdStaffImportDialog *self,
            const char          *why)
{
  AdwToast *toast;

  gtk_stack_set_visible_child_name (self->stack, "start");
  if (why == NULL)
    return;
  toast = adw_toast_new (why);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdStaffImportDialog) self = user_data;
  g_autoptr(EdStaffImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  report = ed_staff_import_finish (ED_JOB (source), result, &error);
  g_clear_object (&self->job);
  if (self->closed)
    return;

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_start (self, _("Import cancelled: the district is as it was"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The file could not be imported: %s"),
                                                  error->message);

          show_start (self, why);
        }
      return;
    }

  if (report->n_refused > 0)
    {
      show_refused (self, report);
      g_clear_pointer (&self->report, ed_staff_import_report_free);
      self->report = g_steal_pointer (&report);
      return;
    }

  summary = import_summary (report);
  adw_status_page_set_description (self->done_page, summary);
  gtk_stack_set_visible_child_name (self->stack, "done");
  g_signal_emit (self, signals[IMPORTED], 0, report->n_added + report->n_updated);
}

/**
 * ed_staff_import_dialog_import_file:
 * @self: the dialog
 * @file: a staff CSV
 *
 * Starts importing @file, as choosing it does.
 */
void
ed_staff_import_dialog_import_file (EdStaffImportDialog *self,
                                    GFile               *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  EdJob *job;

  g_return_if_fail (ED_IS_STAFF_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job == NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_start (self, _("Only files on this computer can be imported"));
      return;
    }

  name = g_file_get_basename (file);
  ed_job_page_set_description (self->job_page, name);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The job keeps this dialog until it is done, even once closed. */
  job = ed_staff_import_async (self->context, path, NULL, import_done_cb, g_object_ref (self));
  self->job = g_object_ref (job);
  ed_job_page_watch (self->job_page, job);
}

/**
 * ed_staff_import_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether an import is under way
 */
gboolean
ed_staff_import_dialog_is_running (EdStaffImportDialog *self)
{
  g_return_val_if_fail (ED_IS_STAFF_IMPORT_DIALOG (self), FALSE);

  return self->job != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  EdStaffImportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ed_staff_import_dialog_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (EdStaffImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->job != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import People"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Staff files (CSV)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  EdStaffImportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      AdwToast *toast;

      if (ed_staff_import_report_write_csv (self->report, file, &error))
        toast = adw_toast_new (_("Report saved"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The report could not be saved: %s"),
                                                  error->message);

          toast = adw_toast_new (why);
        }
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
  g_object_unref (chooser);
}

static void
save_report_clicked_cb (EdStaffImportDialog *self)
{
  GtkFileChooserNative *chooser;

  if (self->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("refused-rows.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
ed_staff_import_dialog_close_request (GtkWindow *window)
{
  EdStaffImportDialog *self = ED_STAFF_IMPORT_DIALOG (window);

  /* Closing is cancelling: the worker stops at its next check and the job keeps the dialog
   * alive until it has. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  return GTK_WINDOW_CLASS (ed_staff_import_dialog_parent_class)->close_request (window);
}

static void
ed_staff_import_dialog_dispose (GObject *object)
{
  EdStaffImportDialog *self = ED_STAFF_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  /* A job still running keeps this object alive; its result must not touch widgets. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  g_clear_pointer (&self->report, ed_staff_import_report_free);

  G_OBJECT_CLASS (ed_staff_import_dialog_parent_class)->dispose (object);
}

static void
ed_staff_import_dialog_class_init (EdStaffImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_staff_import_dialog_dispose;
  window_class->close_request = ed_staff_import_dialog_close_request;

  /**
   * EdStaffImportDialog::imported:
   * @n_people: the people added or updated
   *
   * The import was committed: the district's staff have changed.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/staff/ed-staff-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdStaffImportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdStaffImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EdStaffImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, EdStaffImportDialog, refused_label);
  gtk_widget_class_bind_template_child (widget_class, EdStaffImportDialog, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_report_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_staff_import_dialog_init (EdStaffImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Progress. Nothing is written until every row has been read and checked, and then in one
   * change set, so cancelling at any point leaves the district as it was. The page takes its
   * title and its progress bar's name when it is made, so it is added here. */
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Importing…"), _("Import progress")));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");
  gtk_stack_set_visible_child_name (self->stack, "start");
}

/**
 * ed_staff_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district to import into
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
EdStaffImportDialog *
ed_staff_import_dialog_new (GtkWindow *parent,
                            EdContext *context)
{
  EdStaffImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_STAFF_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  return self;
}
