/* ed-csv-import-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a CSV file into the open district: pick a file, watch the progress (and cancel),
 * then either what the file brought in or every refused row with its line, column and why.
 * Every import behind it is all or nothing, so cancelling or a refused row leaves the district
 * as it was; each runs as a job (which the command line runs too) on a connection of its own
 * to the same database, and WAL lets the window keep reading meanwhile.
 *
 * The register's and the staff list's imports are subclasses that fill in the class: the job,
 * how to read its report and what the dialog calls itself (EdCsvImportDialogClass). Everything
 * a person sees and does is here once, so the two cannot drift apart. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "ui/ed-csv-import-dialog.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"

/* A list box makes a widget per row; beyond this many problems the saved report is the place
 * to read them, and the count says so. */
#define PROBLEMS_SHOWN 500

typedef struct
{
  EdContext            *context;
  EdJob                *job;      /* set while an import runs */
  GtkFileChooserNative *chooser;
  gpointer              report;   /* the last refused import, for Save Report… */
  gboolean              closed;

  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  EdJobPage            *job_page;
  AdwStatusPage        *start_page;
  AdwStatusPage        *done_page;
  GtkLabel             *refused_label;
  GtkListBox           *problem_list;
} EdCsvImportDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (EdCsvImportDialog, ed_csv_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget_report (EdCsvImportDialog *self)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  if (priv->report != NULL)
    ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->report_free (g_steal_pointer (&priv->report));
}

static GtkWidget *
problem_row (EdCsvImportDialog *self,
             gpointer           report,
             guint              i)
{
  GtkWidget *row = adw_action_row_new ();
  const char *reason = NULL;
  g_autofree char *title = ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->report_problem (report, i,
                                                                                 &reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_refused (EdCsvImportDialog *self,
              gpointer           report)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  EdCsvImportDialogClass *klass = ED_CSV_IMPORT_DIALOG_GET_CLASS (self);
  GtkWidget *child;
  g_autofree char *text = NULL;
  guint n_refused = klass->report_n_refused (report);
  guint n_problems = klass->report_n_problems (report);
  g_autofree char *n_text = ed_number_format_count (n_refused);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (priv->problem_list))) != NULL)
    gtk_list_box_remove (priv->problem_list, child);
  for (guint i = 0; i < MIN (n_problems, PROBLEMS_SHOWN); i++)
    gtk_list_box_append (priv->problem_list, problem_row (self, report, i));

  if (n_problems > PROBLEMS_SHOWN)
    {
      g_autofree char *shown_text = ed_number_format_count (PROBLEMS_SHOWN);

      text = klass->describe_cut_list (n_text, shown_text);
    }
  else
    /* Translators: %s is a count of refused rows */
    text = g_strdup_printf (ngettext ("Nothing was imported: %s row was refused. Correct it "
                                      "and import the file again.",
                                      "Nothing was imported: %s rows were refused. Correct them "
                                      "and import the file again.", n_refused),
                            n_text);
  gtk_label_set_text (priv->refused_label, text);
  gtk_stack_set_visible_child_name (priv->stack, "refused");
}

static void
show_start (EdCsvImportDialog *self,
            const char        *why)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  AdwToast *toast;

  gtk_stack_set_visible_child_name (priv->stack, "start");
  if (why == NULL)
    return;
  toast = adw_toast_new (why);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (priv->toasts, toast);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdCsvImportDialog) self = user_data;
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  EdCsvImportDialogClass *klass = ED_CSV_IMPORT_DIALOG_GET_CLASS (self);
  gpointer report;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_imported = 0;

  report = klass->import_finish (ED_JOB (source), result, &error);
  g_clear_object (&priv->job);
  if (priv->closed)
    {
      if (report != NULL)
        klass->report_free (report);
      return;
    }

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_start (self, _(klass->texts->cancelled));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The file could not be imported: %s"),
                                                  error->message);

          show_start (self, why);
        }
      return;
    }

  if (klass->report_n_refused (report) > 0)
    {
      show_refused (self, report);
      forget_report (self);
      priv->report = report;
      return;
    }

  summary = klass->describe_imported (report, &n_imported);
  klass->report_free (report);
  adw_status_page_set_description (priv->done_page, summary);
  gtk_stack_set_visible_child_name (priv->stack, "done");
  g_signal_emit (self, signals[IMPORTED], 0, n_imported);
}

/**
 * ed_csv_import_dialog_import_file:
 * @self: the dialog
 * @file: a CSV file of the kind the dialog imports
 *
 * Starts importing @file, as choosing it does.
 */
void
ed_csv_import_dialog_import_file (EdCsvImportDialog *self,
                                  GFile             *file)
{
  EdCsvImportDialogPrivate *priv;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  EdJob *job;

  g_return_if_fail (ED_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  priv = ed_csv_import_dialog_get_instance_private (self);
  g_return_if_fail (priv->job == NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_start (self, _("Only files on this computer can be imported"));
      return;
    }

  name = g_file_get_basename (file);
  ed_job_page_set_description (priv->job_page, name);
  gtk_stack_set_visible_child_name (priv->stack, "progress");

  /* The job keeps this dialog until it is done, even once closed. */
  job = ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->import_async (priv->context, path, import_done_cb,
                                                             g_object_ref (self));
  priv->job = g_object_ref (job);
  ed_job_page_watch (priv->job_page, job);
}

/**
 * ed_csv_import_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether an import is under way
 */
gboolean
ed_csv_import_dialog_is_running (EdCsvImportDialog *self)
{
  EdCsvImportDialogPrivate *priv;

  g_return_val_if_fail (ED_IS_CSV_IMPORT_DIALOG (self), FALSE);
  priv = ed_csv_import_dialog_get_instance_private (self);

  return priv->job != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  EdCsvImportDialog *self = user_data;
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ed_csv_import_dialog_import_file (self, file);
    }
  g_clear_object (&priv->chooser);
}

static void
choose_clicked_cb (EdCsvImportDialog *self)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  const EdCsvImportTexts *texts = ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->texts;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (priv->chooser != NULL || priv->job != NULL)
    return;
  priv->chooser = gtk_file_chooser_native_new (_(texts->title), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (csv, _(texts->file_filter));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (priv->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (priv->chooser), all);
  g_signal_connect (priv->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (priv->chooser));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  EdCsvImportDialog *self = user_data;
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  if (response == GTK_RESPONSE_ACCEPT && priv->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      AdwToast *toast;

      if (ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->report_write_csv (priv->report, file, &error))
        toast = adw_toast_new (_("Report saved"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The report could not be saved: %s"),
                                                  error->message);

          toast = adw_toast_new (why);
        }
      adw_toast_overlay_add_toast (priv->toasts, toast);
    }
  g_object_unref (chooser);
}

static void
save_report_clicked_cb (EdCsvImportDialog *self)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  GtkFileChooserNative *chooser;

  if (priv->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("refused-rows.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
ed_csv_import_dialog_close_request (GtkWindow *window)
{
  EdCsvImportDialog *self = ED_CSV_IMPORT_DIALOG (window);
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  /* Closing is cancelling: the worker stops at its next check and the job keeps the dialog
   * alive until it has. */
  priv->closed = TRUE;
  if (priv->job != NULL)
    ed_job_cancel (priv->job);
  return GTK_WINDOW_CLASS (ed_csv_import_dialog_parent_class)->close_request (window);
}

static void
ed_csv_import_dialog_constructed (GObject *object)
{
  EdCsvImportDialog *self = ED_CSV_IMPORT_DIALOG (object);
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);
  const EdCsvImportTexts *texts = ED_CSV_IMPORT_DIALOG_GET_CLASS (self)->texts;

  G_OBJECT_CLASS (ed_csv_import_dialog_parent_class)->constructed (object);

  /* The subclass's texts are only known once the instance is of its type, not in init. */
  gtk_window_set_title (GTK_WINDOW (self), _(texts->title));
  adw_status_page_set_title (priv->start_page, _(texts->start_title));
  adw_status_page_set_description (priv->start_page, _(texts->start_description));
  adw_status_page_set_title (priv->done_page, _(texts->done_title));
}

static void
ed_csv_import_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EdCsvImportDialog *self = ED_CSV_IMPORT_DIALOG (object);
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_csv_import_dialog_dispose (GObject *object)
{
  EdCsvImportDialog *self = ED_CSV_IMPORT_DIALOG (object);
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  if (priv->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (priv->chooser));
  g_clear_object (&priv->chooser);
  g_clear_object (&priv->context);
  /* A job still running keeps this object alive; its result must not touch widgets. */
  priv->closed = TRUE;
  if (priv->job != NULL)
    ed_job_cancel (priv->job);
  forget_report (self);

  G_OBJECT_CLASS (ed_csv_import_dialog_parent_class)->dispose (object);
}

static void
ed_csv_import_dialog_class_init (EdCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ed_csv_import_dialog_constructed;
  object_class->set_property = ed_csv_import_dialog_set_property;
  object_class->dispose = ed_csv_import_dialog_dispose;
  window_class->close_request = ed_csv_import_dialog_close_request;

  /**
   * EdCsvImportDialog:context:
   *
   * The district to import into.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ED_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdCsvImportDialog::imported:
   * @n_imported: what the import brought in, as the subclass counts it (the electors added,
   *   or the people added or updated)
   *
   * The import was committed: the district has changed.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/ed-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, toasts);
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, stack);
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, start_page);
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, done_page);
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, refused_label);
  gtk_widget_class_bind_template_child_private (widget_class, EdCsvImportDialog, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_report_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_csv_import_dialog_init (EdCsvImportDialog *self)
{
  EdCsvImportDialogPrivate *priv = ed_csv_import_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Progress. Nothing is written until every row has been read and checked, and then in one
   * change set, so cancelling at any point leaves the district as it was. The page takes its
   * title and its progress bar's name when it is made, so it is added here. */
  priv->job_page = ED_JOB_PAGE (ed_job_page_new (_("Importing…"), _("Import progress")));
  gtk_stack_add_named (priv->stack, GTK_WIDGET (priv->job_page), "progress");
  gtk_stack_set_visible_child_name (priv->stack, "start");
}
