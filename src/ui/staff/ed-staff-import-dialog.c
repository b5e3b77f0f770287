/* ed-staff-import-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports casual staff from a CSV file into the open district, in the shared import dialog
 * (EdCsvImportDialog): this file gives it the staff import, all or nothing
 * (ed_staff_import ()), run as a job (ed_staff_import_async (), which the command line runs
 * too), how to read its report (what the file added and updated, or every refused row with
 * its line and column) and what the dialog calls itself. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "staff/ed-staff-import.h"
#include "ui/ed-number-format.h"
#include "ui/staff/ed-staff-import-dialog.h"

struct _EdStaffImportDialog
{
  EdCsvImportDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (EdStaffImportDialog, ed_staff_import_dialog, ED_TYPE_CSV_IMPORT_DIALOG)

static const EdCsvImportTexts texts = {
  .title = N_("Import People"),
  .start_title = N_("Import People From a File"),
  .start_description = N_("Choose a CSV file of casual staff with a header row: family_name, "
                          "and any of given_names, email, phone, address, postcode, "
                          "date_of_birth, ni_number, payroll_reference, council_employee, "
                          "starter_statement, starter_date, roles, language and notes. Every "
                          "row is checked first: if any is refused, nothing is imported. A "
                          "person already here is updated, not added twice."),
  .done_title = N_("People Imported"),
  .file_filter = N_("Staff files (CSV)"),
  .cancelled = N_("Import cancelled: the district is as it was"),
};

static EdJob *
import_async (EdContext           *context,
              const char          *path,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  return ed_staff_import_async (context, path, NULL, callback, user_data);
}

static gpointer
import_finish (EdJob         *job,
               GAsyncResult  *result,
               GError       **error)
{
  return ed_staff_import_finish (job, result, error);
}

static void
report_free (gpointer report)
{
  ed_staff_import_report_free (report);
}

static gboolean
report_write_csv (gpointer   report,
                  GFile     *file,
                  GError   **error)
{
  return ed_staff_import_report_write_csv (report, file, error);
}

static guint
report_n_refused (gpointer report)
{
  return ((EdStaffImportReport *)report)->n_refused;
}

/* A refused row may have more than one problem. */
static guint
report_n_problems (gpointer report)
{
  return ((EdStaffImportReport *)report)->problems->len;
}

static char *
report_problem (gpointer     report,
                guint        i,
                const char **reason)
{
  EdStaffImportProblem *problem = g_ptr_array_index (((EdStaffImportReport *)report)->problems,
                                                     i);

  *reason = problem->reason;
  if (problem->field[0] != '\0')
    /* Translators: a refused row of a staff file: the line of the file, then the column */
    return g_strdup_printf (_("Line %" PRIu64 ", %s"), problem->line, problem->field);
  /* Translators: a whole row of an import was refused; %s is the line number */
  return g_strdup_printf (_("Line %" PRIu64), problem->line);
}

static char *
describe_cut_list (const char *n_refused,
                   const char *n_listed)
{
  /* Translators: a count of refused rows, then how many of their problems are listed */
  return g_strdup_printf (_("Nothing was imported: %s rows were refused. The first %s "
                            "problems are listed; save the report to see them all."),
                          n_refused, n_listed);
}

/* "4 people added, 1 updated and 2 unchanged." */
static char *
describe_imported (gpointer  data,
                   guint    *n_imported)
{
  EdStaffImportReport *report = data;
  g_autofree char *n_added = ed_number_format_count (report->n_added);
  g_autofree char *n_updated = ed_number_format_count (report->n_updated);
  g_autofree char *n_unchanged = ed_number_format_count (report->n_unchanged);
  g_autofree char *added = NULL;

  *n_imported = report->n_added + report->n_updated;
  added = g_strdup_printf (ngettext ("%s person added", "%s people added", report->n_added),
                           n_added);
  /* Translators: after a staff import: "4 people added", then how many people already in the
   * district it updated, and how many it gave as they were */
  return g_strdup_printf (_("%s, %s updated and %s unchanged."), added, n_updated,
                          n_unchanged);
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
  g_return_if_fail (ED_IS_STAFF_IMPORT_DIALOG (self));

  ed_csv_import_dialog_import_file (ED_CSV_IMPORT_DIALOG (self), file);
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

  return ed_csv_import_dialog_is_running (ED_CSV_IMPORT_DIALOG (self));
}

static void
ed_staff_import_dialog_class_init (EdStaffImportDialogClass *klass)
{
  EdCsvImportDialogClass *import_class = ED_CSV_IMPORT_DIALOG_CLASS (klass);

  /* EdCsvImportDialog::imported carries the people added or updated. */
  import_class->texts = &texts;
  import_class->import_async = import_async;
  import_class->import_finish = import_finish;
  import_class->report_free = report_free;
  import_class->report_write_csv = report_write_csv;
  import_class->report_n_refused = report_n_refused;
  import_class->report_n_problems = report_n_problems;
  import_class->report_problem = report_problem;
  import_class->describe_cut_list = describe_cut_list;
  import_class->describe_imported = describe_imported;
}

static void
ed_staff_import_dialog_init (EdStaffImportDialog *self)
{
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
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return g_object_new (ED_TYPE_STAFF_IMPORT_DIALOG, "transient-for", parent, "context", context,
                       NULL);
}
