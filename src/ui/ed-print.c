/* ed-print.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Printing a document through GtkPrintOperation with the same drawing code that writes its
 * PDF: the operation paginates the document for the paper the dialog chose, in points with
 * the origin at the paper's corner (the document keeps its own margins), and draws each
 * page with ed_document_draw_page(). */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui/ed-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                EdDocument        *document)
{
  guint n_pages = ed_document_paginate (document, gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              EdDocument        *document)
{
  ed_document_draw_page (document, gtk_print_context_get_cairo_context (context), (guint)page);
}

static void
show_error (GtkPrintOperation *operation,
            const GError      *error)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), "ed-parent");
  GtkWidget *dialog;

  /* Once: GTK may report a failure both through ::done and from gtk_print_operation_run(). */
  if (g_object_get_data (G_OBJECT (operation), "ed-error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "ed-error-shown", GINT_TO_POINTER (TRUE));
  dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (operation, error);
    }
}

static GtkPrintOperation *
operation_new (GtkWindow  *parent,
               EdDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_object_set_data_full (G_OBJECT (operation), "ed-document", document,
                          (GDestroyNotify)ed_document_free);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), "ed-parent", g_object_ref (parent),
                            g_object_unref);
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, ed_document_get_title (document));

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  return operation;
}

/**
 * ed_print_document:
 * @parent: (nullable): the window the print dialog belongs to
 * @document: (transfer full): what to print; freed when printing is over
 * @action: show the print dialog, or a preview
 *
 * Prints @document on A4 unless the dialog chooses other paper. Returns at once; the
 * operation runs from the main loop, and GTK holds it until it is over.
 */
void
ed_print_document (GtkWindow               *parent,
                   EdDocument              *document,
                   GtkPrintOperationAction  action)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (document != NULL);

  operation = operation_new (parent, document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (gtk_print_operation_run (operation, action, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (operation, error);
}

/**
 * ed_print_document_export:
 * @document: (transfer full): what to print; freed before this returns
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Prints @document to a PDF through the print operation, without a dialog: the path a
 * printer takes, for checking it draws what ed_document_write_pdf() does.
 */
gboolean
ed_print_document_export (EdDocument  *document,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = operation_new (NULL, document);
  gtk_print_operation_set_export_filename (operation, path);
  /* Reported here, not in a dialog. */
  g_object_set_data (G_OBJECT (operation), "ed-error-shown", GINT_TO_POINTER (TRUE));
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
