/* ed-account-statement.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The summary of an account as the published statements lay it out (DOMAIN.md §5.3, the
 * Lisburn and Castlereagh statement of May 2023): the staff costs are shown with the fees
 * inside them, then without; the sub-total adds the staff without the fees to the
 * administration; the grand total adds the candidates' mailings and the fees back. Read as a
 * structure, not a list to add up: summing its rows would count the fees twice. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-statement.h"

/**
 * ed_cost_head_get_statement_section:
 * @head: a cost head
 *
 * Returns: the heading of a published statement it falls under
 */
EdStatementSection
ed_cost_head_get_statement_section (EdCostHead head)
{
  switch (head)
    {
    case ED_COST_RO_FEES:
      return ED_STATEMENT_FEES;
    case ED_COST_STAFF_STATIONS:
    case ED_COST_STAFF_COUNT:
    case ED_COST_STAFF_POSTAL_OPENING:
    case ED_COST_STAFF_POLL_CARDS:
    case ED_COST_STAFF_ADMINISTRATION:
    case ED_COST_TRAVEL_SUBSISTENCE:
    case ED_COST_TRAINING:
      return ED_STATEMENT_STAFF;
    case ED_COST_CANDIDATE_MAILINGS:
      return ED_STATEMENT_MAILINGS;
    case ED_COST_NOMINATIONS:
    case ED_COST_BALLOT_PAPERS:
    case ED_COST_POLL_CARDS:
    case ED_COST_POSTAL_VOTES:
    case ED_COST_NOTICES:
    case ED_COST_PREMISES:
    case ED_COST_EQUIPMENT:
    case ED_COST_IT:
    case ED_COST_OTHER:
    case ED_COST_REGISTRATION:
    case ED_N_COST_HEADS:
    default:
      return ED_STATEMENT_ADMINISTRATION;
    }
}

void
ed_statement_row_free (EdStatementRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row);
}

static void
add_row (GPtrArray          *rows,
         EdStatementRowKind  kind,
         char               *label,
         EdMoney             amount,
         gboolean            in_total)
{
  EdStatementRow *row = g_new0 (EdStatementRow, 1);

  row->kind = kind;
  row->label = label;
  row->amount = amount;
  row->in_total = in_total;
  g_ptr_array_add (rows, row);
}

/**
 * ed_account_statement_summary:
 * @account: an account
 * @poll: the index of one of its polls, for that poll's share; -1 for the whole account
 *
 * Returns: (transfer full) (element-type EdStatementRow): the summary's rows, in order
 */
GPtrArray *
ed_account_statement_summary (EdAccount *account,
                              gint       poll)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_statement_row_free);
  EdMoney sections[ED_N_STATEMENT_SECTIONS] = { 0 };
  const EdMoney *spent;
  g_autofree char *fees_text = NULL;
  EdMoney subtotal;

  g_return_val_if_fail (account != NULL, rows);
  g_return_val_if_fail (poll < (gint)account->polls->len, rows);

  spent = poll < 0 ? account->spent : ed_account_get_poll (account, (guint)poll)->spent;
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    sections[ed_cost_head_get_statement_section (h)] += spent[h];
  subtotal = sections[ED_STATEMENT_STAFF] + sections[ED_STATEMENT_ADMINISTRATION];
  fees_text = ed_money_format (sections[ED_STATEMENT_FEES]);

  add_row (rows, ED_STATEMENT_ROW_LINE,
           /* Translators: %s is an amount: "£5,190.00" */
           g_strdup_printf (_("Staff costs (including travel), including the returning "
                              "officer’s and deputies’ fees of %s"),
                            fees_text),
           sections[ED_STATEMENT_STAFF] + sections[ED_STATEMENT_FEES], FALSE);
  add_row (rows, ED_STATEMENT_ROW_LINE,
           g_strdup (_("Staff costs excluding the fees")), sections[ED_STATEMENT_STAFF], TRUE);
  add_row (rows, ED_STATEMENT_ROW_LINE,
           g_strdup (_("Administration (advertising, stationery and printing, postage, "
                       "premises, transport, equipment)")),
           sections[ED_STATEMENT_ADMINISTRATION], TRUE);
  add_row (rows, ED_STATEMENT_ROW_SUBTOTAL, g_strdup (_("Sub-total")), subtotal, FALSE);
  add_row (rows, ED_STATEMENT_ROW_LINE,
           g_strdup (_("Candidates’ election addresses (postage)")),
           sections[ED_STATEMENT_MAILINGS], TRUE);
  add_row (rows, ED_STATEMENT_ROW_LINE, g_strdup (_("Returning officer’s and deputies’ fees")),
           sections[ED_STATEMENT_FEES], TRUE);
  add_row (rows, ED_STATEMENT_ROW_TOTAL, g_strdup (_("Grand total")),
           subtotal + sections[ED_STATEMENT_MAILINGS] + sections[ED_STATEMENT_FEES], FALSE);
  return rows;
}
