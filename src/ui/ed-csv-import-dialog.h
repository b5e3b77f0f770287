/* ed-csv-import-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/ed-job.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_CSV_IMPORT_DIALOG (ed_csv_import_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (EdCsvImportDialog, ed_csv_import_dialog, ED, CSV_IMPORT_DIALOG,
                          AdwWindow)

/**
 * EdCsvImportTexts:
 * @title: the window's title, and the file chooser's
 * @start_title: the first page's title
 * @start_description: what the file must hold, under it
 * @done_title: the page's title once the file is imported
 * @file_filter: the name of the chooser's filter for CSV files
 * @cancelled: the toast once an import is cancelled
 *
 * What a kind of import calls itself. Each is marked with N_() and translated when shown.
 */
typedef struct
{
  const char *title;
  const char *start_title;
  const char *start_description;
  const char *done_title;
  const char *file_filter;
  const char *cancelled;
} EdCsvImportTexts;

/**
 * EdCsvImportDialogClass:
 * @texts: what this kind of import calls itself
 * @import_async: starts importing the file at @path into @context as a job
 * @import_finish: the job's report, or %NULL and why (cancelled, or the file unreadable)
 * @report_free: frees a report
 * @report_write_csv: writes a report's refused rows to @file, for Save Report…
 * @report_n_refused: the rows a report refused; none means the import was committed
 * @report_n_problems: the problems it lists (a row may have more than one)
 * @report_problem: the title of its @i'th problem's row, and in @reason why
 * @describe_cut_list: the sentence over a list cut short: @n_refused rows were refused and
 *   the first @n_listed problems are listed
 * @describe_imported: the sentence once the file is imported, and in @n_imported the count
 *   the ::imported signal carries
 *
 * What differs between one kind of import and another. Every member must be set.
 */
struct _EdCsvImportDialogClass
{
  AdwWindowClass          parent_class;

  const EdCsvImportTexts *texts;

  EdJob    *(*import_async)       (EdContext           *context,
                                   const char          *path,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
  gpointer  (*import_finish)      (EdJob               *job,
                                   GAsyncResult        *result,
                                   GError             **error);
  void      (*report_free)        (gpointer             report);
  gboolean  (*report_write_csv)   (gpointer             report,
                                   GFile               *file,
                                   GError             **error);
  guint     (*report_n_refused)   (gpointer             report);
  guint     (*report_n_problems)  (gpointer             report);
  char     *(*report_problem)     (gpointer             report,
                                   guint                i,
                                   const char         **reason);
  char     *(*describe_cut_list)  (const char          *n_refused,
                                   const char          *n_listed);
  char     *(*describe_imported)  (gpointer             report,
                                   guint               *n_imported);
};

void     ed_csv_import_dialog_import_file (EdCsvImportDialog *self,
                                           GFile             *file);
gboolean ed_csv_import_dialog_is_running  (EdCsvImportDialog *self);

G_END_DECLS
