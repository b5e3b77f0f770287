/* ed-payroll-export-csv.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CSV of an election's approved pay that the council's payroll imports (issue 16 item 5):
 * one row for each line of the ledger, reversals included as rows of their own, so that the
 * payroll holds the same lines as the ledger and a correction shows as one. Its headings,
 * element codes and National Insurance codes are the council's mapping
 * (ed-payroll-mapping.c). The National Insurance number is whole: the payroll reports the pay
 * to HMRC under it. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-csv.h"
#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "staff/ed-payroll-export.h"
#include "staff/ed-payroll-mapping.h"
#include "staff/ed-payroll-private.h"

/**
 * ed_payroll_format_pounds:
 * @pence: an amount
 *
 * Returns: (transfer full): the amount in pounds and pence as a file for another program
 *   writes it: "1234.56", "-0.45", with no currency sign and no thousands separator
 */
char *
ed_payroll_format_pounds (EdMoney pence)
{
  guint64 magnitude = pence < 0 ? -(guint64)pence : (guint64)pence;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", pence < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

/**
 * _ed_payroll_load_for_export:
 * @context: the district
 * @election_id: the election's id or row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the election's approved payroll, or %NULL with @error set, with
 *   %ED_PAYROLL_ERROR_NOT_APPROVED when no run of it has been approved
 */
EdPayroll *
_ed_payroll_load_for_export (EdContext   *context,
                             const char  *election_id,
                             GError     **error)
{
  g_autoptr(EdPayroll) payroll = ed_payroll_load_approved (context, election_id, error);

  if (payroll == NULL)
    return NULL;
  if (payroll->ledger->len == 0)
    {
      g_set_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NOT_APPROVED,
                   /* Translators: %s is an election's id */
                   _("No payroll run of %s has been approved yet, so there is nothing to "
                     "export or print"),
                   payroll->election->slug);
      return NULL;
    }
  return g_steal_pointer (&payroll);
}

/**
 * ed_payroll_export_csv_run:
 * @context: the district
 * @election_id: the election's id or row id
 * @run_number: which approved run, counting from 1 the first first, or 0 for every run
 * @path: the file to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes approved pay lines of the election as CSV for the council's payroll: the payroll
 * reference, the National Insurance number, the element code, the amount in pounds
 * ("123.45", negative for a reversal), whether it is taxable (Y or N), the National Insurance
 * category, the work date (ISO 8601) and the description, under the mapping's headings.
 *
 * A run that corrects an earlier one holds only the difference: its reversals and the lines
 * that replace them. The payroll takes each run once, so a correction's file must not carry
 * the earlier run's lines again; every run in one file is for the record.
 *
 * Returns: %TRUE when the file is written; %FALSE with %ED_PAYROLL_ERROR_NOT_APPROVED when
 *   nothing has been approved, or %ED_PAYROLL_ERROR_NO_SUCH_RUN for a run there is not
 */
gboolean
ed_payroll_export_csv_run (EdContext   *context,
                           const char  *election_id,
                           guint        run_number,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(EdPayroll) payroll = NULL;
  g_autoptr(EdPayrollMapping) mapping = NULL;
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *run_id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election_id != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((payroll = _ed_payroll_load_for_export (context, election_id, error)) == NULL)
    return FALSE;
  if (run_number > payroll->runs->len)
    {
      g_set_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NO_SUCH_RUN,
                   /* Translators: %u is a number the person gave; %s an election's id */
                   g_dngettext (GETTEXT_PACKAGE, "There is no run %u: %s has %u approved run",
                                "There is no run %u: %s has %u approved runs",
                                payroll->runs->len),
                   run_number, payroll->election->slug, payroll->runs->len);
      return FALSE;
    }
  if (run_number > 0)
    run_id = ((EdPayrollRun *)g_ptr_array_index (payroll->runs, run_number - 1))->id;
  if ((mapping = ed_payroll_mapping_load (context, error)) == NULL ||
      (out = ed_output_file_new (path, error)) == NULL)
    return FALSE;

  ed_csv_append_row (text, (const char * const *)mapping->values, ED_PAYROLL_MAPPING_N_COLUMNS,
                     ',');
  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      const EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);
      g_autofree char *amount = NULL;
      g_autofree char *work_date = NULL;

      if (run_id != NULL && g_strcmp0 (line->run, run_id) != 0)
        continue;
      amount = ed_payroll_format_pounds (line->amount);
      work_date = ed_date_format_iso (&line->work_date);
      {
        const char *fields[ED_PAYROLL_MAPPING_N_COLUMNS] = {
          [ED_PAYROLL_MAPPING_COLUMN_REFERENCE] = line->person->payroll_reference,
          [ED_PAYROLL_MAPPING_COLUMN_NI_NUMBER] = line->person->ni_number,
          [ED_PAYROLL_MAPPING_COLUMN_ELEMENT] = ed_payroll_mapping_get_element (mapping,
                                                                                line->element),
          [ED_PAYROLL_MAPPING_COLUMN_AMOUNT] = amount,
          [ED_PAYROLL_MAPPING_COLUMN_TAXABLE] = line->taxable ? "Y" : "N",
          [ED_PAYROLL_MAPPING_COLUMN_NIC_CATEGORY] =
            ed_payroll_mapping_get_nic (mapping, line->nic_category),
          [ED_PAYROLL_MAPPING_COLUMN_WORK_DATE] = work_date,
          [ED_PAYROLL_MAPPING_COLUMN_DESCRIPTION] = line->description,
        };

        ed_csv_append_row (text, fields, G_N_ELEMENTS (fields), ',');
      }
      if (text->len >= 64 * 1024)
        {
          if (!ed_output_file_write (out, text->str, text->len, error))
            return FALSE;
          g_string_truncate (text, 0);
        }
    }
  return ed_output_file_write (out, text->str, text->len, error) &&
         ed_output_file_commit (out, error);
}

/**
 * ed_payroll_export_csv:
 * @context: the district
 * @election_id: the election's id or row id
 * @path: the file to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes the latest approved run of the election as CSV for the council's payroll, as
 * ed_payroll_export_csv_run() does: the file the payroll takes after each approval.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_payroll_export_csv (EdContext   *context,
                       const char  *election_id,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(EdPayroll) payroll = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);

  if ((payroll = _ed_payroll_load_for_export (context, election_id, error)) == NULL)
    return FALSE;
  return ed_payroll_export_csv_run (context, election_id, payroll->runs->len, path, error);
}
