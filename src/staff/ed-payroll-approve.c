/* ed-payroll-approve.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Approving an election's payroll: what is pending (ed-payroll.c), written as a run of the
 * ledger in one change set. The app writes approved lines once and never edits or deletes
 * them (SYNC.md §4.10); the run's digest of its lines lets the validator payroll-run-changed
 * see any line changed outside it (ed-payroll-digest.c). */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-row-id.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "staff/ed-payroll.h"
#include "staff/ed-payroll-private.h"
#include "staff/ed-staff-tables.h"

static gboolean
add_pay_line (EdBulkInsert         *bulk,
              const char           *run_id,
              const char           *election_id,
              const EdPayrollLine  *line,
              GError              **error)
{
  g_autofree char *work_date = ed_date_format_iso (&line->work_date);

  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_RUN, run_id);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_ELECTION, election_id);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_PERSON, line->person->id);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_APPOINTMENT, line->appointment);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_ELEMENT, ed_pay_element_to_string (line->element));
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_DESCRIPTION, line->description);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_WORK_DATE, work_date);
  ed_bulk_insert_set_int64 (bulk, ED_PAY_LINE_COL_QUANTITY, line->quantity);
  ed_bulk_insert_set_int64 (bulk, ED_PAY_LINE_COL_RATE, line->rate);
  ed_bulk_insert_set_int64 (bulk, ED_PAY_LINE_COL_AMOUNT, line->amount);
  ed_bulk_insert_set_boolean (bulk, ED_PAY_LINE_COL_TAXABLE, line->taxable);
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_NIC_CATEGORY,
                           ed_nic_category_to_string (line->nic_category));
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_COST_HEAD,
                           ed_cost_head_to_string (line->cost_head));
  ed_bulk_insert_set_text (bulk, ED_PAY_LINE_COL_REVERSES, line->reverses);
  return ed_bulk_insert_add (bulk, NULL, error);
}

static gboolean
write_pay_lines (EdChangeSet  *change_set,
                 EdPayroll    *payroll,
                 const char   *run_id,
                 GError      **error)
{
  const char *columns[ED_PAY_LINE_N_COLS];
  g_autoptr(EdBulkInsert) bulk = NULL;

  for (guint c = 0; c < ED_PAY_LINE_N_COLS; c++)
    columns[c] = ed_pay_line_table.columns[c].name;
  if ((bulk = ed_change_set_bulk_insert (change_set, ed_pay_line_table.name, columns,
                                         G_N_ELEMENTS (columns), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < payroll->pending->len; i++)
    if (!add_pay_line (bulk, run_id, payroll->election->id,
                       g_ptr_array_index (payroll->pending, i), error))
      return FALSE;
  return ed_bulk_insert_flush (bulk, error);
}

/**
 * ed_payroll_approve:
 * @context: the district
 * @election_id: the election's id or row id
 * @approved_by: (nullable): who approves it; %NULL for the desk's user
 * @out_run_id: (out) (optional) (transfer full): the new payroll_run row's id
 * @error: return location for an error
 *
 * Approves what is pending in the election's payroll (ed_payroll_compute()): writes one
 * payroll_run row, approved today, with the number of its lines, their total and their
 * digest, and its pay_line rows (the reversals and the new lines), in one change set. The
 * payroll is worked out inside the change set's transaction, so what is approved is what the
 * district held at that moment. Approved lines are never edited or deleted: a correction is a
 * later run's reversing line.
 *
 * Returns: %TRUE on success; %FALSE with the district as it was, with
 *   %ED_PAYROLL_ERROR_NOTHING_PENDING when every line is approved already
 */
gboolean
ed_payroll_approve (EdContext   *context,
                    const char  *election_id,
                    const char  *approved_by,
                    char       **out_run_id,
                    GError     **error)
{
  static const char * const run_columns[] = {
    "election", "approved_on", "approved_by", "lines", "total", "digest",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (run_columns) == ED_PAYROLL_RUN_N_COLS);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autofree char *run_id = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *by = NULL;
  EdDatabase *database;
  EdMoney total = 0;
  guint n_lines = 0;
  GDate today;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (approved_by == NULL || *approved_by == '\0')
    approved_by = ed_context_get_user_name (context);
  if (approved_by == NULL)
    approved_by = "";
  /* Stored text is NFC (DESIGN.md §4). */
  if ((by = g_utf8_normalize (approved_by, -1, G_NORMALIZE_NFC)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The name of who approves the payroll is not valid text"));
      return FALSE;
    }
  database = ed_replica_get_database (ED_REPLICA (context));

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (payroll = _ed_payroll_load (context, election_id, TRUE, error)) == NULL)
    return FALSE;
  if (payroll->pending->len == 0)
    {
      g_set_error (error, ED_PAYROLL_ERROR, ED_PAYROLL_ERROR_NOTHING_PENDING,
                   payroll->ledger->len > 0
                     /* Translators: %s is an election's id */
                     ? _("Nothing to approve for %s: every line of its payroll is approved "
                         "already")
                     /* Translators: %s is an election's id */
                     : _("Nothing to approve for %s: no attended appointment of it is paid"),
                   payroll->election->slug);
      return FALSE;
    }

  /* The lines first, so that the run's digest is of them as they are stored. */
  run_id = ed_row_id_new ();
  if (!write_pay_lines (change_set, payroll, run_id, error) ||
      (digest = _ed_payroll_run_digest (database, run_id, &n_lines, &total, error)) == NULL)
    return FALSE;

  ed_today (&today);
  today_text = ed_date_format_iso (&today);
  {
    GVariant *values[] = {
      g_variant_new_string (payroll->election->id),
      g_variant_new_string (today_text),
      g_variant_new_string (by),
      g_variant_new_int64 (n_lines),
      g_variant_new_int64 (total),
      g_variant_new_string (digest),
    };

    if (!ed_change_set_insert (change_set, ed_payroll_run_table.name, run_id, run_columns,
                               values, G_N_ELEMENTS (values), NULL, error) ||
        !ed_change_set_commit (change_set, error))
      return FALSE;
  }
  if (out_run_id != NULL)
    *out_run_id = g_steal_pointer (&run_id);
  return TRUE;
}
