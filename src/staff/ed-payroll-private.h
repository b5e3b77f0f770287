/* ed-payroll-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "core/ed-money.h"
#include "staff/ed-payroll.h"

G_BEGIN_DECLS

/* The digest of an approved run's lines (ed-payroll-digest.c), shared by the approval, which
 * stores it, and the validator payroll-run-changed (ed-staff-tables.c), which works it out
 * again. Both select the line's columns as _ED_PAYROLL_DIGEST_COLUMNS lists them, from a
 * pay_line aliased `l`, ordered by l.id. */
#define _ED_PAYROLL_DIGEST_COLUMNS \
  "l.id, l.run, l.election, l.person, l.appointment, l.element, l.description, " \
  "l.work_date, l.quantity, l.rate, l.amount, l.taxable, l.nic_category, l.cost_head, " \
  "l.reverses"
#define _ED_PAYROLL_DIGEST_N_COLUMNS 15
/* Where amount is among them. */
#define _ED_PAYROLL_DIGEST_AMOUNT 10

typedef struct _EdPayrollDigest EdPayrollDigest;

EdPayrollDigest *_ed_payroll_digest_new      (void);
void             _ed_payroll_digest_add_line (EdPayrollDigest  *digest,
                                              sqlite3_stmt     *stmt,
                                              int               first_column);
char            *_ed_payroll_digest_finish   (EdPayrollDigest  *digest,
                                              guint            *out_n_lines,
                                              EdMoney          *out_total);
char            *_ed_payroll_run_digest      (EdDatabase       *database,
                                              const char       *run_id,
                                              guint            *out_n_lines,
                                              EdMoney          *out_total,
                                              GError          **error);

/* The payroll of an election: the approved ledger, and what the rules give now when
 * @compute (ed-payroll.c). */
EdPayroll       *_ed_payroll_load            (EdContext        *context,
                                              const char       *election_id,
                                              gboolean          compute,
                                              GError          **error);

/* Whether a fee line's quantity is units rather than minutes (ed-payroll.c). */
gboolean         _ed_payroll_line_is_per_unit (const EdPayrollLine *line);

/* The approved payroll the exports and the statements are of (ed-payroll-export-csv.c). */
EdPayroll       *_ed_payroll_load_for_export (EdContext        *context,
                                              const char       *election_id,
                                              GError          **error);

G_END_DECLS
