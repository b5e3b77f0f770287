/* ed-staff-import.h
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
 * ED_STAFF_IMPORT_ERROR:
 *
 * Error domain for a staff file refused whole, before any row is read: a header without a
 * family_name column or with a column no staff file has. Each message names the file, line 1
 * and the column, and says what was expected. A file that cannot be read as CSV fails with
 * the %ED_CSV_ERROR of core/ed-csv.h, which names the file and the line.
 */
#define ED_STAFF_IMPORT_ERROR (ed_staff_import_error_quark ())

/**
 * EdStaffImportError:
 * @ED_STAFF_IMPORT_ERROR_MISSING_COLUMN: the header has no family_name column
 * @ED_STAFF_IMPORT_ERROR_UNKNOWN_COLUMN: the header names a column no staff file has
 */
typedef enum
{
  ED_STAFF_IMPORT_ERROR_MISSING_COLUMN,
  ED_STAFF_IMPORT_ERROR_UNKNOWN_COLUMN,
} EdStaffImportError;

/**
 * EdStaffImportOutcome:
 * @ED_STAFF_IMPORT_ADDED: a new person
 * @ED_STAFF_IMPORT_UPDATED: a person already in the district, whose details the row changed
 * @ED_STAFF_IMPORT_UNCHANGED: a person already in the district, as the row gives them
 * @ED_STAFF_IMPORT_REFUSED: the row was refused; the report's problems say why
 * @ED_STAFF_IMPORT_NOT_IMPORTED: the row was good, but others were refused, so nothing was
 *   written
 *
 * What became of one row of a staff file.
 */
typedef enum
{
  ED_STAFF_IMPORT_ADDED,
  ED_STAFF_IMPORT_UPDATED,
  ED_STAFF_IMPORT_UNCHANGED,
  ED_STAFF_IMPORT_REFUSED,
  ED_STAFF_IMPORT_NOT_IMPORTED,
} EdStaffImportOutcome;

/**
 * EdStaffImportProblem:
 * @line: the line of the file the row starts on
 * @field: the column as the file's header names it, or "" for the whole row
 * @reason: what was expected, translated
 *
 * Why a row was refused.
 */
typedef struct
{
  guint64  line;
  char    *field;
  char    *reason;
} EdStaffImportProblem;

/**
 * EdStaffImportRow:
 * @line: the line of the file the row starts on
 * @outcome: what became of it
 * @name: the person's name as the row gives it, "Family, Given"
 * @person_id: the person's row id when added or matched, or %NULL
 */
typedef struct
{
  guint64               line;
  EdStaffImportOutcome  outcome;
  char                 *name;
  char                 *person_id;
} EdStaffImportRow;

/**
 * EdStaffImportReport:
 * @file: the file's name, for messages
 * @written: whether the district was changed: no row refused, and something to change
 * @n_rows: the rows read
 * @n_added: people added
 * @n_updated: people whose details changed
 * @n_unchanged: people the file gives as they already were
 * @n_refused: rows refused
 * @rows: (element-type EdStaffImportRow): every row, in the file's order
 * @problems: (element-type EdStaffImportProblem): every problem, in the file's order
 *
 * What a staff import did. When any row is refused nothing is written.
 */
typedef struct
{
  char      *file;
  gboolean   written;
  guint      n_rows;
  guint      n_added;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_refused;
  GPtrArray *rows;
  GPtrArray *problems;
} EdStaffImportReport;

GQuark               ed_staff_import_error_quark        (void);
const char * const  *ed_staff_import_get_columns        (void);
const char          *ed_staff_import_outcome_to_string  (EdStaffImportOutcome   outcome);

void                 ed_staff_import_report_free        (EdStaffImportReport   *report);
gboolean             ed_staff_import_report_write_csv   (EdStaffImportReport   *report,
                                                         GFile                 *file,
                                                         GError               **error);
EdStaffImportReport *ed_staff_import                    (EdContext             *context,
                                                         const char            *path,
                                                         EdProgressFunc         progress,
                                                         gpointer               progress_data,
                                                         GCancellable          *cancellable,
                                                         GError               **error);
EdJob               *ed_staff_import_async              (EdContext             *context,
                                                         const char            *path,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
EdStaffImportReport *ed_staff_import_finish             (EdJob                 *job,
                                                         GAsyncResult          *result,
                                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffImportReport, ed_staff_import_report_free)

G_END_DECLS
