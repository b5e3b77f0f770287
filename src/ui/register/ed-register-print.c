/* ed-register-print.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Printing the published register and saving it as a PDF, from the register page. Building a
 * register of a million entries takes seconds, and writing its 20,000 pages a minute, so both
 * run in a worker thread on a connection of their own (a context belongs to one thread),
 * with a progress window that can cancel. A PDF is written beside its target and moved over
 * it only when complete, so cancelling leaves no half-written file. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui/ed-print.h"
#include "register/ed-register-document.h"
#include "ui/register/ed-register-print.h"

typedef struct
{
  EdRegisterEdition  edition;
  char              *database_path;
  const EdModule * const *modules;
  char              *pdf_path;       /* NULL to print */
  GDate              as_at;
  GtkWindow         *parent;
  GtkWindow         *progress;
  GCancellable      *cancellable;
  guint              pulse_id;

  /* Results, set by the worker. */
  EdDocument        *document;       /* to print */
  guint              n_entries;
  guint              n_pages;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database_path);
  g_free (job->pdf_path);
  g_clear_object (&job->parent);
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->progress != NULL)
    gtk_window_destroy (job->progress);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->document, ed_document_free);
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
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autofree char *partial = NULL;
  GError *error = NULL;

  context = ed_context_open (job->database_path, job->modules, &error);
  if (context != NULL)
    document = ed_register_document_new (context, job->edition, &job->as_at, cancellable,
                                         &job->n_entries, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->pdf_path == NULL)
    {
      job->document = g_steal_pointer (&document);
      g_task_return_boolean (task, TRUE);
      return;
    }

  partial = g_strconcat (job->pdf_path, ".partial", NULL);
  if (!ed_document_write_pdf (document, partial, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_unlink (partial);
      g_task_return_error (task, error);
      return;
    }
  if (g_rename (partial, job->pdf_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not save “%s”: %s"), job->pdf_path,
                               g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
build_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&job->pulse_id, g_source_remove);
  g_clear_pointer (&job->progress, gtk_window_destroy);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (job->parent,
                      job->pdf_path != NULL ? _("Could Not Export the Register")
                                            : _("Could Not Print the Register"),
                      error->message);
    }
  else if (job->pdf_path == NULL)
    ed_print_document (job->parent, g_steal_pointer (&job->document),
                       GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  else
    {
      g_autofree char *name = g_path_get_basename (job->pdf_path);
      g_autofree char *entries = g_strdup_printf (
        ngettext ("%u entry", "%u entries", job->n_entries), job->n_entries);
      g_autofree char *body = g_strdup_printf (
        /* TRANSLATORS: "60000 entries on 1406 pages in register.pdf" */
        ngettext ("%s on %u page in %s", "%s on %u pages in %s", job->n_pages), entries,
        job->n_pages, name);

      show_message (job->parent, _("Register Exported"), body);
    }
  job_free (job);
}

/* The worker stops at its next check, which may be a while into a long PDF; the window goes
 * at once, and the file is not kept. */
static void
cancel_clicked_cb (Job *job)
{
  g_cancellable_cancel (job->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (job->progress), FALSE);
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static GtkWindow *
progress_window_new (Job *job)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (_("A large register takes a minute or two."));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
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
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (box), title);
  /* Building gives no fraction to show, so the bar pulses. */
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.08);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), bar);
  job->pulse_id = g_timeout_add (100, pulse_cb, bar);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), job);
  gtk_box_append (GTK_BOX (box), cancel);
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}

static void
run_job (Job *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, job->cancellable, build_done_cb, job);

  job->progress = progress_window_new (job);
  gtk_window_present (job->progress);
  g_task_set_task_data (task, job, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, build_thread);
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
  job->database_path = g_strdup (ed_database_get_path (ed_context_get_database (context)));
  job->modules = ed_context_get_modules (context);
  job->parent = GTK_IS_WINDOW (root) ? g_object_ref (GTK_WINDOW (root)) : NULL;
  job->cancellable = g_cancellable_new ();
  /* The register as it stands today. */
  g_date_clear (&job->as_at, 1);
  g_date_set_time_t (&job->as_at, time (NULL));
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
