/* ed-register-print.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Printing the published register and saving it as a PDF, from the register page. Building a
 * register of a million entries takes seconds, and writing its 20,000 pages a minute, so both
 * run as jobs (ed_register_document_new_async(), ed_register_document_write_pdf_async()) on
 * a connection of their own, with a progress window that can cancel. A PDF replaces its
 * target only when complete, so cancelling leaves no half-written file. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/ed-today.h"
#include "ui/ed-accessible.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-print.h"
#include "register/ed-register-document.h"
#include "ui/register/ed-register-print.h"

typedef struct
{
  EdRegisterEdition  edition;
  EdContext         *context;
  char              *pdf_path;       /* NULL to print */
  GDate              as_at;
  GtkWindow         *parent;
  GtkWindow         *progress;
  EdJob             *job;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->context);
  g_free (job->pdf_path);
  g_clear_object (&job->parent);
  if (job->progress != NULL)
    gtk_window_destroy (job->progress);
  g_clear_object (&job->job);
  g_free (job);
}

/* The actions take the edition as it is named on the command line. */
static void
append_edition_item (GMenu             *menu,
                     const char        *label,
                     const char        *action,
                     EdRegisterEdition  edition)
{
  g_autofree char *detailed =
    g_action_print_detailed_name (action,
                                  g_variant_new_string (ed_register_edition_to_string (edition)));

  g_menu_append (menu, label, detailed);
}

GtkWidget *
ed_register_print_button_new (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) full = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  append_edition_item (full, _("_Print Full Register…"), "register.print",
                       ED_REGISTER_EDITION_FULL);
  append_edition_item (full, _("_Export Full Register as PDF…"), "register.export-pdf",
                       ED_REGISTER_EDITION_FULL);
  append_edition_item (open, _("Print _Open Register…"), "register.print",
                       ED_REGISTER_EDITION_OPEN);
  append_edition_item (open, _("Export Open Register as P_DF…"), "register.export-pdf",
                       ED_REGISTER_EDITION_OPEN);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (full));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-print-symbolic");
  gtk_widget_set_tooltip_text (button, _("Print and export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print and export"), -1);
  return button;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      const char       *uri)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "open"))
    return;
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_message (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                  _("Could Not Open the Register"), error->message);
}

/* A finished export is told with the way to look at it: an officer's next step is nearly
 * always to open the file and check it. */
static void
show_exported (GtkWindow  *parent,
               const char *path,
               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Register Exported"), body);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (exported_response_cb),
                         g_file_get_uri (file), (GClosureNotify)(void (*) (void))g_free, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(EdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  guint n_pages = 0;
  gboolean ok;

  g_clear_pointer (&job->progress, gtk_window_destroy);
  if (job->pdf_path == NULL)
    ok = (document = ed_register_document_new_finish (ED_JOB (source), result, &n_entries,
                                                      &error)) != NULL;
  else
    ok = ed_register_document_write_pdf_finish (ED_JOB (source), result, &n_entries, &n_pages,
                                                &error);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (job->parent,
                      job->pdf_path != NULL ? _("Could Not Export the Register")
                                            : _("Could Not Print the Register"),
                      error->message);
    }
  else if (job->pdf_path == NULL)
    ed_print_document (job->parent, g_steal_pointer (&document),
                       GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  else
    {
      g_autofree char *name = g_path_get_basename (job->pdf_path);
      g_autofree char *count = ed_number_format_count (n_entries);
      g_autofree char *pages = ed_number_format_count (n_pages);
      g_autofree char *entries = g_strdup_printf (
        /* TRANSLATORS: %s is a count with its thousands grouped, "60,000" */
        ngettext ("%s entry", "%s entries", n_entries), count);
      g_autofree char *body = g_strdup_printf (
        /* TRANSLATORS: "60,000 entries on 1,406 pages in register.pdf" */
        ngettext ("%s on %s page in %s", "%s on %s pages in %s", n_pages), entries,
        pages, name);

      show_exported (job->parent, job->pdf_path, body);
    }
  job_free (job);
}

static GtkWindow *
progress_window_new (Job *job)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page;
  const char *text;

  if (job->pdf_path != NULL)
    text = job->edition == ED_REGISTER_EDITION_FULL ? _("Exporting the Full Register…")
                                                    : _("Exporting the Open Register…");
  else
    text = job->edition == ED_REGISTER_EDITION_FULL ? _("Preparing the Full Register…")
                                                    : _("Preparing the Open Register…");
  gtk_window_set_title (GTK_WINDOW (window), text);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), job->parent);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);

  /* Cancel stops the job at its next check: between pages of a long PDF, whose file is not
   * kept; the window goes when the job has stopped. */
  page = ed_job_page_new (text, text);
  ed_job_page_set_description (ED_JOB_PAGE (page), _("A large register takes a minute or two."));
  adw_window_set_content (ADW_WINDOW (window), page);
  return GTK_WINDOW (window);
}

static void
run_job (Job *job)
{
  EdJob *running;

  job->progress = progress_window_new (job);
  gtk_window_present (job->progress);
  if (job->pdf_path == NULL)
    running = ed_register_document_new_async (job->context, job->edition, &job->as_at, NULL,
                                              print_done_cb, job);
  else
    running = ed_register_document_write_pdf_async (job->context, job->edition, &job->as_at,
                                                    job->pdf_path, NULL, print_done_cb, job);
  job->job = g_object_ref (running);
  ed_job_page_watch (ED_JOB_PAGE (adw_window_get_content (ADW_WINDOW (job->progress))),
                     running);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Job             *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (job->pdf_path = g_file_get_path (file)) == NULL)
    {
      job_free (job);
      return;
    }
  run_job (job);
}

static Job *
job_new (GtkWidget  *widget,
         EdContext  *context,
         const char *edition)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  Job *job = g_new0 (Job, 1);

  if (!ed_register_edition_from_string (edition, &job->edition, NULL))
    {
      g_critical ("No edition of the register is called “%s”", edition);
      g_free (job);
      return NULL;
    }
  job->context = g_object_ref (context);
  job->parent = GTK_IS_WINDOW (root) ? g_object_ref (GTK_WINDOW (root)) : NULL;
  /* The register as it stands today. */
  g_date_clear (&job->as_at, 1);
  ed_today (&job->as_at);
  return job;
}

void
ed_register_print_start (GtkWidget  *widget,
                         EdContext  *context,
                         const char *edition,
                         gboolean    to_pdf)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = NULL;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ED_IS_CONTEXT (context));

  job = job_new (widget, context, edition);
  if (job == NULL)
    return;
  if (!to_pdf)
    {
      run_job (job);
      return;
    }

  chooser = gtk_file_chooser_native_new (job->edition == ED_REGISTER_EDITION_FULL
                                           ? _("Export Full Register as PDF")
                                           : _("Export Open Register as PDF"),
                                         job->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     job->edition == ED_REGISTER_EDITION_FULL
                                       ? _("full-register.pdf")
                                       : _("open-register.pdf"));
  pdf = gtk_file_filter_new ();
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ed_register_print_export_pdf (GtkWidget  *widget,
                              EdContext  *context,
                              const char *edition,
                              GFile      *file)
{
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ED_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  job = job_new (widget, context, edition);
  if (job == NULL)
    return;
  job->pdf_path = g_file_get_path (file);
  if (job->pdf_path == NULL)
    {
      show_message (job->parent, _("Could Not Export the Register"),
                    _("The register can only be saved to a local file."));
      job_free (job);
      return;
    }
  run_job (job);
}
