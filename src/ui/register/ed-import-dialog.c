/* ed-import-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a register CSV into the open district, in the shared import dialog
 * (EdCsvImportDialog): this file gives it the register's import, all or nothing
 * (ed_register_import_csv()), run as a job (ed_register_import_async(), which the command
 * line runs too), how to read its report and what the dialog calls itself. */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "ui/ed-number-format.h"
#include "ui/register/ed-import-dialog.h"
#include "register/ed-register-import.h"

struct _EdImportDialog
{
  EdCsvImportDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (EdImportDialog, ed_import_dialog, ED_TYPE_CSV_IMPORT_DIALOG)

static const EdCsvImportTexts texts = {
  .title = N_("Import Register"),
  .start_title = N_("Import a Register"),
  .start_description = N_("Choose a CSV file with the columns the full register export writes. "
                          "Every row is checked first: if any is refused, nothing is imported."),
  .done_title = N_("Register Imported"),
  .file_filter = N_("Register files (CSV)"),
  .cancelled = N_("Import cancelled: the register is as it was"),
};

static EdJob *
import_async (EdContext           *context,
              const char          *path,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  return ed_register_import_async (context, path, NULL, callback, user_data);
}

static gpointer
import_finish (EdJob         *job,
               GAsyncResult  *result,
               GError       **error)
{
  return ed_register_import_finish (job, result, error);
}

static void
report_free (gpointer report)
{
  ed_import_report_free (report);
}

static gboolean
report_write_csv (gpointer   report,
                  GFile     *file,
                  GError   **error)
{
  return ed_import_report_write_csv (report, file, error);
}

/* Every problem is a refused row of its own. */
static guint
report_n_problems (gpointer report)
{
  return ((EdImportReport *)report)->problems->len;
}

static char *
report_problem (gpointer     report,
                guint        i,
                const char **reason)
{
  EdImportProblem *problem = g_ptr_array_index (((EdImportReport *)report)->problems, i);

  *reason = problem->reason;
  if (problem->field[0] != '\0')
    /* Translators: a refused row of an import: the line of the file, the column and what the
     * file held there */
    return g_strdup_printf (_("Line %" PRIu64 ", %s “%s”"), problem->line, problem->field,
                            problem->value);
  /* Translators: a whole row of an import was refused; %s is the line number */
  return g_strdup_printf (_("Line %" PRIu64), problem->line);
}

static char *
describe_cut_list (const char *n_refused,
                   const char *n_listed)
{
  /* Translators: both are counts of refused rows, "1,200" and "100" */
  return g_strdup_printf (_("Nothing was imported: %s rows were refused. The first %s are "
                            "listed; save the report to see them all."),
                          n_refused, n_listed);
}

/* "60,000 electors at 24,180 addresses, in 12 new polling districts." */
static char *
describe_imported (gpointer  data,
                   guint    *n_imported)
{
  EdImportReport *report = data;
  g_autofree char *n_electors = ed_number_format_count (report->n_electors);
  g_autofree char *n_properties = ed_number_format_count (report->n_properties);
  g_autofree char *n_districts = ed_number_format_count (report->n_polling_districts);
  g_autofree char *electors = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *districts = NULL;

  *n_imported = report->n_electors;
  electors = g_strdup_printf (ngettext ("%s elector", "%s electors", report->n_electors),
                              n_electors);
  addresses = g_strdup_printf (ngettext ("%s address", "%s addresses", report->n_properties),
                               n_properties);
  districts = g_strdup_printf (ngettext ("%s new polling district", "%s new polling districts",
                                         report->n_polling_districts),
                               n_districts);
  /* Translators: after a successful import: "60,000 electors", "24,180 addresses" and
   * "12 new polling districts" */
  return g_strdup_printf (_("%s at %s, in %s."), electors, addresses, districts);
}

/**
 * ed_import_dialog_import_file:
 * @self: the dialog
 * @file: a register CSV
 *
 * Starts importing @file, as choosing it does.
 */
void
ed_import_dialog_import_file (EdImportDialog *self,
                              GFile          *file)
{
  g_return_if_fail (ED_IS_IMPORT_DIALOG (self));

  ed_csv_import_dialog_import_file (ED_CSV_IMPORT_DIALOG (self), file);
}

/**
 * ed_import_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether an import is under way
 */
gboolean
ed_import_dialog_is_running (EdImportDialog *self)
{
  g_return_val_if_fail (ED_IS_IMPORT_DIALOG (self), FALSE);

  return ed_csv_import_dialog_is_running (ED_CSV_IMPORT_DIALOG (self));
}

static void
ed_import_dialog_class_init (EdImportDialogClass *klass)
{
  EdCsvImportDialogClass *import_class = ED_CSV_IMPORT_DIALOG_CLASS (klass);

  /* EdCsvImportDialog::imported carries the electors added. */
  import_class->texts = &texts;
  import_class->import_async = import_async;
  import_class->import_finish = import_finish;
  import_class->report_free = report_free;
  import_class->report_write_csv = report_write_csv;
  import_class->report_n_refused = report_n_problems;
  import_class->report_n_problems = report_n_problems;
  import_class->report_problem = report_problem;
  import_class->describe_cut_list = describe_cut_list;
  import_class->describe_imported = describe_imported;
}

static void
ed_import_dialog_init (EdImportDialog *self)
{
}

/**
 * ed_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district to import into
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
EdImportDialog *
ed_import_dialog_new (GtkWindow *parent,
                      EdContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return g_object_new (ED_TYPE_IMPORT_DIALOG, "transient-for", parent, "context", context, NULL);
}
