/* ed-payroll.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-money.h"
#include "district/ed-context.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_PAYROLL_ERROR (ed_payroll_error_quark ())

/**
 * EdPayrollError:
 * @ED_PAYROLL_ERROR_STORED: a row the payroll cannot read: a value this version does not
 *   know (a newer desk's), or a date that is not one
 * @ED_PAYROLL_ERROR_NO_RATE: an attended appointment whose role the election pays no fee for
 * @ED_PAYROLL_ERROR_NOTHING_PENDING: an approval with nothing to approve
 * @ED_PAYROLL_ERROR_NOT_APPROVED: an export or statements of an election with no approved run
 * @ED_PAYROLL_ERROR_NO_SUCH_RUN: an export of an approved run the election does not have
 */
typedef enum
{
  ED_PAYROLL_ERROR_STORED,
  ED_PAYROLL_ERROR_NO_RATE,
  ED_PAYROLL_ERROR_NOTHING_PENDING,
  ED_PAYROLL_ERROR_NOT_APPROVED,
  ED_PAYROLL_ERROR_NO_SUCH_RUN,
} EdPayrollError;

/**
 * EdPayrollLineState:
 * @ED_PAYROLL_LINE_APPROVED: a line of an approved run, as the ledger holds it
 * @ED_PAYROLL_LINE_PAID: a line the rules give now that is identical to an approved one, so
 *   already paid
 * @ED_PAYROLL_LINE_NEW: a line the rules give now that no approved line is identical to:
 *   the next approval writes it
 * @ED_PAYROLL_LINE_REVERSAL: the reversal of an approved line the rules no longer give: the
 *   next approval writes it
 *
 * Where a line of a payroll stands.
 */
typedef enum
{
  ED_PAYROLL_LINE_APPROVED,
  ED_PAYROLL_LINE_PAID,
  ED_PAYROLL_LINE_NEW,
  ED_PAYROLL_LINE_REVERSAL,
} EdPayrollLineState;

/**
 * EdPayrollTotals:
 * @gross: what the lines come to, in pence
 * @taxable: of which taxable pay
 * @non_taxable: of which not taxable
 * @nic: by National Insurance category, indexed by #EdNicCategory
 * @cost_heads: by cost head, indexed by #EdCostHead
 * @n_lines: how many lines
 *
 * What some lines of a payroll come to.
 */
typedef struct
{
  EdMoney gross;
  EdMoney taxable;
  EdMoney non_taxable;
  EdMoney nic[ED_N_NIC_CATEGORIES];
  EdMoney cost_heads[ED_N_COST_HEADS];
  guint   n_lines;
} EdPayrollTotals;

/**
 * EdPayrollPerson:
 * @id: the staff_person row id
 * @family_name: as staff_person holds it ("" for a person whose row is gone)
 * @given_names: as staff_person holds it
 * @payroll_reference: the council payroll's reference, or ""
 * @ni_number: the National Insurance number, normalised ("QQ123456C"), or ""
 * @address: lines separated by "\n", or ""
 * @postcode: or ""
 * @language: "cy" for a person written to in Welsh, else ""
 * @total: what the person is due now: the lines the rules give
 * @pending: what the next approval writes for them: new lines and reversals
 * @approved: what the approved runs have paid them, net of reversals
 *
 * A person the payroll pays, or paid. @approved and @pending add up to @total.
 */
typedef struct
{
  char            *id;
  char            *family_name;
  char            *given_names;
  char            *payroll_reference;
  char            *ni_number;
  char            *address;
  char            *postcode;
  char            *language;
  EdPayrollTotals  total;
  EdPayrollTotals  pending;
  EdPayrollTotals  approved;
} EdPayrollPerson;

/**
 * EdPayrollLine:
 * @state: where it stands
 * @id: (nullable): its pay_line row id when approved, or the approved line's when paid;
 *   %NULL for a line not yet approved
 * @run: (nullable): the payroll_run of @id
 * @person: (transfer none): who it pays
 * @appointment: the staff_appointment row id it pays, or ""
 * @element: what it is for
 * @description: the role, the journey or the expense
 * @work_date: the day
 * @quantity: minutes, units or tenths of a mile, or 0 for a flat amount; negative on a
 *   reversal
 * @rate: pence an hour, a unit or a mile, or the amount of a flat amount
 * @amount: pence; negative on a reversal
 * @taxable: whether it is taxable pay
 * @nic_category: election or registration duties
 * @cost_head: where it is accounted
 * @reverses: the pay_line row id it reverses, or ""
 */
typedef struct
{
  EdPayrollLineState  state;
  char               *id;
  char               *run;
  EdPayrollPerson    *person;
  char               *appointment;
  EdPayElement        element;
  char               *description;
  GDate               work_date;
  gint64              quantity;
  EdMoney             rate;
  EdMoney             amount;
  gboolean            taxable;
  EdNicCategory       nic_category;
  EdCostHead          cost_head;
  char               *reverses;
} EdPayrollLine;

/**
 * EdPayrollRun:
 * @id: its payroll_run row id
 * @approved_on: the day it was approved
 * @approved_by: who approved it
 * @n_lines: how many lines it wrote
 * @total: what they came to, in pence
 * @digest: the SHA-256 of its lines, in hexadecimal
 *
 * An approved payroll run.
 */
typedef struct
{
  char    *id;
  GDate    approved_on;
  char    *approved_by;
  guint    n_lines;
  EdMoney  total;
  char    *digest;
} EdPayrollRun;

/**
 * EdPayroll:
 * @election: the election
 * @combined: whether its polling day is that of a combined poll
 * @people: (element-type EdPayrollPerson): everyone it pays or paid, by name
 * @lines: (element-type EdPayrollLine): what the rules give now, paid and new, person by
 *   person in the rules' order
 * @reversals: (element-type EdPayrollLine): the pending reversals, person by person
 * @pending: (element-type EdPayrollLine): what the next approval writes, person by person,
 *   each person's reversals first; the lines are those of @lines and @reversals
 * @ledger: (element-type EdPayrollLine): every approved line, run by run, person by person
 * @runs: (element-type EdPayrollRun): the approved runs, the first first
 * @total: what @lines come to
 * @pending_total: what @pending comes to
 * @approved: what @ledger comes to
 *
 * An election's payroll: what its attended appointments are due under the pay rules, against
 * what its approved runs have paid.
 */
typedef struct
{
  EdElection      *election;
  gboolean         combined;
  GPtrArray       *people;
  GPtrArray       *lines;
  GPtrArray       *reversals;
  GPtrArray       *pending;
  GPtrArray       *ledger;
  GPtrArray       *runs;
  EdPayrollTotals  total;
  EdPayrollTotals  pending_total;
  EdPayrollTotals  approved;
} EdPayroll;

GQuark     ed_payroll_error_quark          (void);

EdPayroll *ed_payroll_compute              (EdContext      *context,
                                            const char     *election_id,
                                            GError        **error);
EdPayroll *ed_payroll_load_approved        (EdContext      *context,
                                            const char     *election_id,
                                            GError        **error);
gboolean   ed_payroll_approve              (EdContext      *context,
                                            const char     *election_id,
                                            const char     *approved_by,
                                            char          **out_run_id,
                                            GError        **error);
void       ed_payroll_free                 (EdPayroll      *payroll);

char      *ed_payroll_person_get_name      (const EdPayrollPerson *person);
char      *ed_payroll_person_get_sort_name (const EdPayrollPerson *person);
char      *ed_payroll_line_format_quantity (const EdPayrollLine   *line);
const char *ed_payroll_line_state_to_string (EdPayrollLineState   state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPayroll, ed_payroll_free)

G_END_DECLS
