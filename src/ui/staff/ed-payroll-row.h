/* ed-payroll-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "staff/ed-payroll.h"

G_BEGIN_DECLS

/**
 * EdPayrollPersonColumn:
 *
 * The columns of the Payroll view's list of people, in its order.
 */
typedef enum
{
  ED_PAYROLL_PERSON_NAME,
  ED_PAYROLL_PERSON_REFERENCE,
  ED_PAYROLL_PERSON_NI_NUMBER,
  ED_PAYROLL_PERSON_GROSS,
  ED_PAYROLL_PERSON_TAXABLE,
  ED_PAYROLL_PERSON_NON_TAXABLE,
  ED_PAYROLL_PERSON_STATE,
  ED_N_PAYROLL_PERSON_COLUMNS,
} EdPayrollPersonColumn;

/**
 * EdPayrollLineColumn:
 *
 * The columns of the Payroll view's list of a person's lines, in its order.
 */
typedef enum
{
  ED_PAYROLL_LINE_ELEMENT,
  ED_PAYROLL_LINE_DESCRIPTION,
  ED_PAYROLL_LINE_DATE,
  ED_PAYROLL_LINE_QUANTITY,
  ED_PAYROLL_LINE_AMOUNT,
  ED_PAYROLL_LINE_TAXABLE,
  ED_PAYROLL_LINE_NIC,
  ED_PAYROLL_LINE_STATE,
  ED_N_PAYROLL_LINE_COLUMNS,
} EdPayrollLineColumn;

#define ED_TYPE_PAYROLL_ROW (ed_payroll_row_get_type ())

G_DECLARE_FINAL_TYPE (EdPayrollRow, ed_payroll_row, ED, PAYROLL_ROW, GObject)

EdPayrollRow *ed_payroll_row_new_person (const EdPayrollPerson *person);
EdPayrollRow *ed_payroll_row_new_line   (const EdPayrollLine   *line);
const char   *ed_payroll_row_get_id     (EdPayrollRow          *self);
const char   *ed_payroll_row_get_text   (EdPayrollRow          *self,
                                         guint                  column);
const char   *ed_payroll_row_get_style  (EdPayrollRow          *self);

gboolean      ed_payroll_column_is_amount (gboolean             person,
                                           guint                column);

G_END_DECLS
