/* ed-account-statement.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account.h"

G_BEGIN_DECLS

/**
 * EdStatementSection:
 * @ED_STATEMENT_STAFF: staff costs, with their travel and training
 * @ED_STATEMENT_ADMINISTRATION: administration: advertising, stationery and printing, postage,
 *   premises, transport, equipment
 * @ED_STATEMENT_MAILINGS: the candidates' election addresses
 * @ED_STATEMENT_FEES: the returning officer's and deputies' fees
 *
 * The headings of a published statement of an election's costs (DOMAIN.md §5.3), which the
 * cost heads fall under.
 */
typedef enum
{
  ED_STATEMENT_STAFF,
  ED_STATEMENT_ADMINISTRATION,
  ED_STATEMENT_MAILINGS,
  ED_STATEMENT_FEES,
  ED_N_STATEMENT_SECTIONS,
} EdStatementSection;

/**
 * EdStatementRowKind:
 * @ED_STATEMENT_ROW_LINE: a heading's figure
 * @ED_STATEMENT_ROW_SUBTOTAL: a sub-total of the lines above it
 * @ED_STATEMENT_ROW_TOTAL: the grand total
 */
typedef enum
{
  ED_STATEMENT_ROW_LINE,
  ED_STATEMENT_ROW_SUBTOTAL,
  ED_STATEMENT_ROW_TOTAL,
} EdStatementRowKind;

/**
 * EdStatementRow:
 * @kind: what it is
 * @label: what it says
 * @amount: in pence
 * @in_total: whether the grand total adds it: the staff costs including the fees are shown,
 *   then taken apart, as the published statements do
 *
 * A row of a statement's summary.
 */
typedef struct
{
  EdStatementRowKind  kind;
  char               *label;
  EdMoney             amount;
  gboolean            in_total;
} EdStatementRow;

EdStatementSection  ed_cost_head_get_statement_section (EdCostHead   head);
GPtrArray          *ed_account_statement_summary       (EdAccount   *account,
                                                        gint         poll);
void                ed_statement_row_free              (EdStatementRow *row);

G_END_DECLS
