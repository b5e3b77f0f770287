/* ed-register-import.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdImportProblem:
 * @line: the line of the file the row starts on
 * @field: the column, as named in the file's header ("" for the whole row)
 * @value: what the file held
 * @reason: what was expected
 *
 * Why one row of an import was refused.
 */
typedef struct
{
  guint64  line;
  char    *field;
  char    *value;
  char    *reason;
} EdImportProblem;

/**
 * EdImportReport:
 * @n_rows: rows read
 * @n_electors: electors added (0 when any row was refused)
 * @n_properties: properties added
 * @n_polling_districts: polling districts added
 * @problems: (element-type EdImportProblem): every refused row and why
 */
typedef struct
{
  guint      n_rows;
  guint      n_electors;
  guint      n_properties;
  guint      n_polling_districts;
  GPtrArray *problems;
} EdImportReport;

typedef void (*EdImportProgressFunc) (double      fraction,
                                      const char *what,
                                      gpointer    user_data);

void            ed_import_report_free          (EdImportReport        *report);
gboolean        ed_import_report_write_csv     (EdImportReport        *report,
                                                GFile                 *file,
                                                GError               **error);
EdImportReport *ed_register_import_csv         (EdContext             *context,
                                                const char            *path,
                                                EdImportProgressFunc   progress,
                                                gpointer               progress_data,
                                                GCancellable          *cancellable,
                                                GError               **error);
EdJob          *ed_register_import_async       (EdContext             *context,
                                                const char            *path,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
EdImportReport *ed_register_import_finish      (EdJob                 *job,
                                                GAsyncResult          *result,
                                                GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdImportReport, ed_import_report_free)

G_END_DECLS
