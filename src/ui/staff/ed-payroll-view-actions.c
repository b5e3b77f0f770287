/* ed-payroll-view-actions.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the Payroll view does with a run: approve what is pending, after saying how many lines
 * and how much that locks; write the latest approved run for the council's payroll (CSV), or
 * every approved line as a workbook (XLSX); and print a fee statement for each person paid (PDF). Each is the staff
 * module's own function (the same the `payroll` command calls), run in a worker thread on its
 * own connection, since a large run is thousands of lines. What went well is a toast; what
 * went wrong is a dialog with the module's own words, so that nothing is lost.
 *
 * The exports and statements are of approved lines only, as the module requires, so their
 * actions wait for a first approval and say why in their tooltips until then. */

#define G_LOG_DOMAIN "ed-ui-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-payroll-export.h"
#include "staff/ed-payroll-statements.h"
#include "ui/ed-accessible.h"
#include "ui/staff/ed-payroll-view-private.h"

typedef enum
{
  WRITE_APPROVAL,
  WRITE_CSV,
  WRITE_XLSX,
  WRITE_STATEMENTS,
} Write;

/* --- feedback ----------------------------------------------------------------------------- */

static void
toast (EdPayrollView *self,
       const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_debug ("%s", text);
}

static GtkWindow *
parent_window (EdPayrollView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (EdPayrollView *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _ed_payroll_view_update_actions:
 * @self: the view
 *
 * Makes each action available only when it can work, and says why not in its button's
 * tooltip: approval needs something pending, and the files an approved run.
 */
void
_ed_payroll_view_update_actions (EdPayrollView *self)
{
  const EdPayroll *payroll = self->payroll;
  gboolean idle = self->compute_job == NULL && self->action_job == NULL;
  gboolean shown = payroll != NULL && payroll->people->len > 0;
  gboolean pending = shown && payroll->pending->len > 0;
  gboolean approved = shown && payroll->runs->len > 0;
  const char *approve_tip;
  const char *files_tip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payroll.approve", idle && pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payroll.export", idle && approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payroll.statements", idle && approved);

  if (pending)
    approve_tip = _("Approve what is pending as a new run, and lock it");
  else if (shown)
    approve_tip = _("Nothing to approve: every line is approved");
  else
    approve_tip = _("Nothing to approve: no one is paid yet");
  if (approved)
    files_tip = NULL;
  else
    files_tip = _("Approve the run first: only approved lines go to the payroll");
  gtk_widget_set_tooltip_text (self->approve_button, approve_tip);
  gtk_widget_set_tooltip_text (self->export_button,
                               files_tip != NULL
                                 ? files_tip
                                 : _("Save the latest approved run as CSV for the "
                                     "council’s payroll, or every run as an XLSX workbook"));
  gtk_widget_set_tooltip_text (self->statements_button,
                               files_tip != NULL
                                 ? files_tip
                                 : _("Save a fee statement for each person paid, as a PDF"));
}

/* --- the work ----------------------------------------------------------------------------- */

typedef struct
{
  Write  write;
  char  *election_id;
  char  *path;
  char  *run_id;
  guint  n_lines;    /* lines approved, or written */
  guint  n_people;   /* statements written */
  guint  run;        /* the run a CSV holds, counting the first as 1 */
  guint  n_runs;     /* how many the election has */
  EdMoney total;     /* what the run approved comes to */
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->election_id);
  g_free (work->path);
  g_free (work->run_id);
  g_free (work);
}

/* What the approved runs hold: the new run, or the lines a file took. The council's payroll
 * takes each run once, so the CSV holds the latest run alone; the workbook holds them all. */
static gboolean
count_approved (EdContext  *context,
                Work       *work,
                GError    **error)
{
  g_autoptr(EdPayroll) payroll = ed_payroll_load_approved (context, work->election_id, error);

  if (payroll == NULL)
    return FALSE;
  work->n_lines = payroll->ledger->len;
  work->n_runs = payroll->runs->len;
  if (work->write == WRITE_CSV && payroll->runs->len > 0)
    {
      EdPayrollRun *latest = g_ptr_array_index (payroll->runs, payroll->runs->len - 1);

      work->run = payroll->runs->len;
      work->n_lines = latest->n_lines;
    }
  for (guint i = 0; work->run_id != NULL && i < payroll->runs->len; i++)
    {
      EdPayrollRun *run = g_ptr_array_index (payroll->runs, i);

      if (g_str_equal (run->id, work->run_id))
        {
          work->n_lines = run->n_lines;
          work->total = run->total;
        }
    }
  return TRUE;
}

static gboolean
write_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  EdContext *context = ED_CONTEXT (connection);
  Work *work = task_data;
  g_autoptr(EdDocument) document = NULL;

  switch (work->write)
    {
    case WRITE_APPROVAL:
      /* By the desk's user, as the command does without --by. */
      return ed_payroll_approve (context, work->election_id, NULL, &work->run_id, error) &&
             count_approved (context, work, error);
    case WRITE_CSV:
      return ed_payroll_export_csv (context, work->election_id, work->path, error) &&
             count_approved (context, work, error);
    case WRITE_XLSX:
      return ed_payroll_export_xlsx (context, work->election_id, work->path, error) &&
             count_approved (context, work, error);
    case WRITE_STATEMENTS:
      document = ed_payroll_statements_document (context, work->election_id, &work->n_people,
                                                 error);
      return document != NULL && ed_document_write_pdf (document, work->path, error);
    default:
      g_assert_not_reached ();
    }
}

static const char *
failure_heading (Write write)
{
  switch (write)
    {
    case WRITE_APPROVAL:
      return _("Cannot Approve the Run");
    case WRITE_CSV:
    case WRITE_XLSX:
      return _("Cannot Export the Payroll");
    case WRITE_STATEMENTS:
    default:
      return _("Cannot Save the Fee Statements");
    }
}

/* "Saved “payroll.csv”: 312 approved lines", and what was left out of it. */
static char *
describe_file (EdPayrollView *self,
               Work          *work)
{
  g_autofree char *name = g_path_get_basename (work->path);
  g_autofree char *saved = NULL;
  guint n_pending = self->payroll != NULL ? self->payroll->pending->len : 0;

  if (work->write == WRITE_STATEMENTS)
    /* Translators: %s is a file's name, %u how many fee statements it holds */
    saved = g_strdup_printf (ngettext ("Saved “%s”: %u fee statement",
                                       "Saved “%s”: %u fee statements", work->n_people),
                             name, work->n_people);
  else if (work->write == WRITE_CSV)
    /* Translators: %s is a file's name, then which approved run it holds, of how many, and
     * how many lines of pay that run has */
    saved = g_strdup_printf (ngettext ("Saved “%s”: run %u of %u, %u line",
                                       "Saved “%s”: run %u of %u, %u lines", work->n_lines),
                             name, work->run, work->n_runs, work->n_lines);
  else
    /* Translators: %s is a file's name, %u how many lines of pay it holds */
    saved = g_strdup_printf (ngettext ("Saved “%s”: %u approved line",
                                       "Saved “%s”: %u approved lines", work->n_lines),
                             name, work->n_lines);
  if (n_pending == 0)
    return g_steal_pointer (&saved);
  /* Translators: what a file just saved left out; %u is a number of lines of pay. It follows
   * "Saved “payroll.csv”: 312 approved lines" */
  return g_strdup_printf (ngettext ("%s, not the %u line pending approval",
                                    "%s, not the %u lines pending approval", n_pending),
                          saved, n_pending);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(EdPayrollView) self = user_data;
  g_autoptr(GError) error = NULL;
  Work *work = ed_job_get_task_data (ED_JOB (source));
  g_autofree char *done = NULL;

  if (ED_JOB (source) == self->action_job)
    g_clear_object (&self->action_job);
  /* The view went with its window while the file was written: nowhere left to say so. */
  if (self->people == NULL)
    {
      if (!ed_job_run_finish (ED_JOB (source), result, &error))
        g_warning ("%s: %s", failure_heading (work->write), error->message);
      return;
    }
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      show_error (self, failure_heading (work->write), error);
      /* A refused approval may have met a run another desk changed: show what is there. */
      if (work->write == WRITE_APPROVAL)
        _ed_payroll_view_refresh (self);
      else
        _ed_payroll_view_update_actions (self);
      return;
    }
  if (work->write == WRITE_APPROVAL)
    {
      g_autofree char *total = ed_money_format (work->total);

      /* Translators: %u is a number of lines of pay, %s what they come to */
      done = g_strdup_printf (ngettext ("Run approved: %u line, %s",
                                        "Run approved: %u lines, %s", work->n_lines),
                              work->n_lines, total);
      _ed_payroll_view_refresh (self);
    }
  else
    {
      done = describe_file (self, work);
      _ed_payroll_view_update_actions (self);
    }
  gtk_widget_set_visible (self->spinner, self->compute_job != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->compute_job != NULL);
  toast (self, done);
}

static void
start (EdPayrollView *self,
       Write          write,
       const char    *path)
{
  Work *work;

  g_return_if_fail (self->context != NULL && ed_payroll_view_get_election (self) != NULL);
  g_return_if_fail (self->action_job == NULL);

  work = g_new0 (Work, 1);
  work->write = write;
  work->election_id = g_strdup (ed_payroll_view_get_election (self));
  work->path = g_strdup (path);
  self->action_job = g_object_ref (ed_context_run_job_async (self->context, write_work, work,
                                                             work_free, NULL, written_cb,
                                                             g_object_ref (self)));
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  _ed_payroll_view_update_actions (self);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/* A file the module can write: one on this computer, or it is said why not. */
static const char *
local_path (EdPayrollView *self,
            GFile         *file,
            Write          write)
{
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Choose a file on this computer."));

      show_error (self, failure_heading (write), error);
    }
  return path;
}

/**
 * ed_payroll_view_export:
 * @self: the view
 * @file: where to write: an `.xlsx` file for a workbook, anything else for the CSV the
 *   council's payroll imports
 *
 * Writes the chosen election's latest approved run as CSV (ed_payroll_export_csv ()), or every
 * approved line as a workbook, in a worker thread, then says what it wrote in a toast, or what
 * went wrong in a dialog. The view is busy until it is done.
 */
void
ed_payroll_view_export (EdPayrollView *self,
                        GFile         *file)
{
  Write write;
  const char *path;

  g_return_if_fail (ED_IS_PAYROLL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  write = g_file_peek_path (file) != NULL && has_suffix (g_file_peek_path (file), ".xlsx")
            ? WRITE_XLSX : WRITE_CSV;
  if ((path = local_path (self, file, write)) != NULL)
    start (self, write, path);
}

/**
 * ed_payroll_view_write_statements:
 * @self: the view
 * @file: the PDF to write
 *
 * Writes a fee statement for each person the chosen election's approved runs paid, in a
 * worker thread, as ed_payroll_view_export() does.
 */
void
ed_payroll_view_write_statements (EdPayrollView *self,
                                  GFile         *file)
{
  const char *path;

  g_return_if_fail (ED_IS_PAYROLL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = local_path (self, file, WRITE_STATEMENTS)) != NULL)
    start (self, WRITE_STATEMENTS, path);
}

/* --- approve ------------------------------------------------------------------------------ */

static void
approve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EdPayrollView    *self)
{
  if (!g_str_equal (response, "approve") || self->action_job != NULL || self->context == NULL)
    return;
  start (self, WRITE_APPROVAL, NULL);
}

static void
approve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (widget);
  const EdPayroll *payroll = self->payroll;
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (payroll == NULL || payroll->pending->len == 0)
    return;
  amount = ed_money_format (payroll->pending_total.gross);
  /* Translators: %u is a number of lines of pay, the first %s what they come to, the second
   * the election */
  body = g_strdup_printf (ngettext ("This approves and locks %u line, %s, of the payroll for "
                                    "%s. An approved line is never edited: a correction "
                                    "afterwards is a reversing line in a later run.",
                                    "This approves and locks %u lines, %s, of the payroll for "
                                    "%s. An approved line is never edited: a correction "
                                    "afterwards is a reversing line in a later run.",
                                    payroll->pending->len),
                          payroll->pending->len, amount, payroll->election->title);
  dialog = adw_message_dialog_new (parent_window (self), _("Approve the Payroll Run?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "approve", _("_Approve Run"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (approve_response_cb), self, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- the files ---------------------------------------------------------------------------- */

#define FILTER_SUFFIX_KEY "ed-payroll-suffix"

static GtkFileChooserNative *
save_chooser_new (EdPayrollView *self,
                  const char    *title,
                  const char    *name)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char           *suffix,
            const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data_full (G_OBJECT (filter), FILTER_SUFFIX_KEY, g_strdup (suffix), g_free);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

/* The file chosen, with the suffix of the kind chosen when its name has neither. */
static GFile *
chosen_file (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), FILTER_SUFFIX_KEY)
                                      : NULL;
  g_autofree char *name = NULL;
  g_autofree char *with_suffix = NULL;

  if (file == NULL || suffix == NULL || g_file_peek_path (file) == NULL)
    return g_steal_pointer (&file);
  name = g_file_get_basename (file);
  if (has_suffix (name, ".csv") || has_suffix (name, ".xlsx") || has_suffix (name, ".pdf"))
    return g_steal_pointer (&file);
  with_suffix = g_strdup_printf ("%s.%s", g_file_peek_path (file), suffix);
  return g_file_new_for_path (with_suffix);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    EdPayrollView   *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? chosen_file (chooser) : NULL;

  if (file != NULL)
    ed_payroll_view_export (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->payroll == NULL)
    return;
  name = g_strdup_printf ("%s-payroll.csv", self->payroll->election->slug);
  chooser = save_chooser_new (self, _("Export for Payroll"), name);
  add_filter (chooser, _("CSV for the council’s payroll"), "csv", "text/csv");
  add_filter (chooser, _("XLSX workbook"), "xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
statements_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        EdPayrollView   *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? chosen_file (chooser) : NULL;

  if (file != NULL)
    ed_payroll_view_write_statements (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
statements_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EdPayrollView *self = ED_PAYROLL_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->payroll == NULL)
    return;
  name = g_strdup_printf ("%s-fee-statements.pdf", self->payroll->election->slug);
  chooser = save_chooser_new (self, _("Save Fee Statements"), name);
  add_filter (chooser, _("PDF documents"), "pdf", "application/pdf");
  g_signal_connect_object (chooser, "response", G_CALLBACK (statements_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _ed_payroll_view_class_install_actions:
 * @widget_class: the view's class
 *
 * Installs payroll.approve, payroll.export and payroll.statements.
 */
void
_ed_payroll_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "payroll.approve", NULL, approve_action_cb);
  gtk_widget_class_install_action (widget_class, "payroll.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "payroll.statements", NULL,
                                   statements_action_cb);
}
