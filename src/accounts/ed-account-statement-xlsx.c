/* ed-account-statement-xlsx.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The statement of an election's account as a workbook (issue 17 item 4), for the finance
 * team and the auditor to check in a spreadsheet: the whole account (estimate, spending and
 * what remains by cost head, and the summary the published statements give, DOMAIN.md §5.3);
 * a sheet for each poll with its share by head, its summary and, for a UK Parliamentary
 * poll, the claim against the maximum recoverable amounts (§5.1); the apportionment, entry by
 * entry and poll by poll, with a check column that is nought when the shares add up to the
 * cost (§5.2); and the ledger.
 *
 * Figures are numbers in pounds with a currency format, never text, and every total is a
 * formula over the cells it adds, carrying the value the account came to as its cached
 * result: a person who changes a cell sees the totals follow, and a program that does not
 * calculate (and the test that reads the file back) sees the account's figures. Whatever a
 * person typed (a supplier, a description, an invoice number) is written as a string, never
 * as a formula, so "=cmd|…" in a supplier's name is text in every spreadsheet.
 *
 * The workbook is written whole or not at all, and a full disk said as for any file, by
 * core/ed-output-workbook.c. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "accounts/ed-account-document-private.h"
#include "accounts/ed-account-statement.h"
#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "core/ed-output-workbook.h"

typedef struct
{
  EdAccount     *account;
  lxw_workbook  *workbook;
  lxw_format    *bold;
  lxw_format    *heading;
  lxw_format    *wrap;
  lxw_format    *money;
  lxw_format    *money_bold;
  lxw_format    *date;
  GHashTable    *taken;  /* sheet names in use, case-folded: Excel ignores case */
} Book;

static double
pounds (EdMoney pence)
{
  /* Exact to the penny for any amount an account holds: pence below 2^53 are whole doubles. */
  return (double)pence / 100.0;
}

/* "J4", as Excel names a cell, from zero-based row and column. */
static char *
cell (guint row,
      guint col)
{
  char letters[4] = { 0, };

  g_assert (col < 26 * 27);
  if (col < 26)
    letters[0] = (char)('A' + col);
  else
    {
      letters[0] = (char)('A' + col / 26 - 1);
      letters[1] = (char)('A' + col % 26);
    }
  return g_strdup_printf ("%s%u", letters, row + 1);
}

static char *
range (guint first_row,
       guint last_row,
       guint col)
{
  g_autofree char *from = cell (first_row, col);
  g_autofree char *to = cell (last_row, col);

  return g_strdup_printf ("%s:%s", from, to);
}

/* A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\, no apostrophe
 * at either end, not "History" (which Excel keeps for itself), and unlike any other sheet's
 * whatever the case. A name that is taken gets a number after it. */
static char *
sheet_name (Book       *book,
            const char *wanted)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && strchr ("[]:*?/\\", (int)c) != NULL)
        g_string_append_c (clean, '-');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  base = g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1),
                                                LXW_SHEETNAME_MAX));
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = LXW_SHEETNAME_MAX - (glong)strlen (suffix);
      g_autofree char *stem = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), room));
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;
      gsize len;

      /* Cut short, it may end in an apostrophe or a space. */
      len = strlen (stem);
      while (len > 0 && (stem[len - 1] == '\'' || stem[len - 1] == ' '))
        stem[--len] = '\0';
      name = g_strconcat (*stem != '\0' ? stem : "Sheet", suffix, NULL);
      folded = g_utf8_casefold (name, -1);
      if (g_str_equal (folded, "history") || g_hash_table_contains (book->taken, folded))
        continue;
      g_hash_table_add (book->taken, g_steal_pointer (&folded));
      return g_steal_pointer (&name);
    }
}

static void
write_date (Book          *book,
            lxw_worksheet *sheet,
            guint          row,
            guint          col,
            const GDate   *date)
{
  lxw_datetime datetime = { 0, };

  if (!g_date_valid (date))
    return;
  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  worksheet_write_datetime (sheet, row, col, &datetime, book->date);
}

static void
write_money (Book          *book,
             lxw_worksheet *sheet,
             guint          row,
             guint          col,
             EdMoney        amount)
{
  worksheet_write_number (sheet, row, col, pounds (amount), book->money);
}

static void
write_headings (Book               *book,
                lxw_worksheet      *sheet,
                guint               row,
                const char * const *headings,
                guint               n)
{
  for (guint c = 0; c < n; c++)
    worksheet_write_string (sheet, row, c, headings[c], book->bold);
}

/* The summary in the published statement's structure, in two columns from @row: its lines
 * are figures; a sub-total is a formula adding the lines above it that count, and the grand
 * total one adding the last sub-total and the lines after it that count (ed-account-statement.c
 * says which). Returns the row after it. */
static guint
write_summary (Book          *book,
               lxw_worksheet *sheet,
               guint          row,
               gint           poll)
{
  g_autoptr(GPtrArray) rows = ed_account_statement_summary (book->account, poll);
  g_autoptr(GString) adds = g_string_new (NULL);

  worksheet_write_string (sheet, row++, 0, _("Summary"), book->heading);
  for (guint i = 0; i < rows->len; i++, row++)
    {
      EdStatementRow *line = g_ptr_array_index (rows, i);
      g_autofree char *here = cell (row, 1);

      if (line->kind == ED_STATEMENT_ROW_LINE)
        {
          worksheet_write_string (sheet, row, 0, line->label, book->wrap);
          write_money (book, sheet, row, 1, line->amount);
          if (line->in_total)
            g_string_append_printf (adds, "%s%s", adds->len > 0 ? "+" : "", here);
          continue;
        }
      {
        g_autofree char *formula = g_strdup_printf ("=%s", adds->len > 0 ? adds->str : "0");

        worksheet_write_string (sheet, row, 0, line->label, book->bold);
        worksheet_write_formula_num (sheet, row, 1, formula, book->money_bold,
                                     pounds (line->amount));
        /* What follows adds to this. */
        g_string_assign (adds, here);
      }
    }
  return row;
}

/* The whole account: estimate, spending and what remains by head, then its summary. */
static void
write_account_sheet (Book       *book,
                     const char *name)
{
  EdAccount *account = book->account;
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  const char *headings[] = { _("Cost head"), _("Estimate"), _("Spent"), _("Remaining") };
  guint row = 0, first;

  if (ed_account_n_polls (account) == 1)
    {
      g_autofree char *label = _ed_account_poll_label (account, 0);

      worksheet_write_string (sheet, row++, 0, label, book->heading);
    }
  else
    {
      g_autofree char *day = ed_date_format_long (&account->election->poll);
      g_autofree char *title = g_strdup_printf (_("Combined polls of %s"), day);

      worksheet_write_string (sheet, row++, 0, title, book->heading);
    }
  worksheet_write_string (sheet, row, 0, _("Polling day"), NULL);
  write_date (book, sheet, row++, 1, &account->election->poll);
  worksheet_write_string (sheet, row, 0, _("Status"), NULL);
  if (account->locks->len > 0)
    {
      EdAccountLock *latest = g_ptr_array_index (account->locks, account->locks->len - 1);
      g_autofree char *day = ed_date_format_long (&latest->locked_on);
      g_autofree char *status = g_strdup_printf (_("Submitted on %s by %s"), day,
                                                 latest->locked_by);

      worksheet_write_string (sheet, row++, 1, status, NULL);
    }
  else
    worksheet_write_string (sheet, row++, 1, _("Not yet submitted"), NULL);
  row++;

  worksheet_write_string (sheet, row++, 0, _("Estimate and spending by cost head"),
                          book->heading);
  write_headings (book, sheet, row++, headings, G_N_ELEMENTS (headings));
  first = row;
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      g_autofree char *estimate = NULL;
      g_autofree char *spent = NULL;
      g_autofree char *formula = NULL;

      if (h == ED_COST_REGISTRATION || (account->estimate[h] == 0 && account->spent[h] == 0))
        continue;
      estimate = cell (row, 1);
      spent = cell (row, 2);
      formula = g_strdup_printf ("=%s-%s", estimate, spent);
      worksheet_write_string (sheet, row, 0, ed_cost_head_get_display_name (h), NULL);
      write_money (book, sheet, row, 1, account->estimate[h]);
      write_money (book, sheet, row, 2, account->spent[h]);
      worksheet_write_formula_num (sheet, row++, 3, formula, book->money,
                                   pounds (account->estimate[h] - account->spent[h]));
    }
  worksheet_write_string (sheet, row, 0, _("Total"), book->bold);
  {
    const EdMoney totals[] = { account->estimate_total, account->total,
                               account->estimate_total - account->total };

    for (guint c = 1; c <= 3; c++)
      {
        g_autofree char *cells = range (first, MAX (row, first + 1) - 1, c);
        g_autofree char *formula = row > first ? g_strdup_printf ("=SUM(%s)", cells)
                                               : g_strdup ("=0");

        worksheet_write_formula_num (sheet, row, c, formula, book->money_bold,
                                     pounds (totals[c - 1]));
      }
  }
  row += 2;
  write_summary (book, sheet, row, -1);

  worksheet_set_column (sheet, 0, 0, 60, NULL);
  worksheet_set_column (sheet, 1, 3, 16, NULL);
}

/* A UK Parliamentary poll's claim, under its shares: what is claimed refers to the shares
 * above, each disallowance and what is recoverable is a formula over the claim and the
 * maximums, as ed_recoverable_compute() works them out. */
static void
write_claim (Book          *book,
             lxw_worksheet *sheet,
             guint          row,
             const guint   *head_rows,
             guint          total_row)
{
  EdAccount *account = book->account;
  const EdRecoverable *claim = &account->recoverable;
  g_autoptr(GString) services = g_string_new ("=");
  g_autofree char *expenses = NULL;
  g_autofree char *total = cell (total_row, 1);
  g_autofree char *s = cell (row + 1, 1);
  g_autofree char *e = cell (row + 2, 1);
  g_autofree char *ms = cell (row + 3, 1);
  g_autofree char *me = cell (row + 4, 1);
  g_autofree char *mo = cell (row + 5, 1);
  g_autofree char *so = cell (row + 6, 1);
  g_autofree char *eo = cell (row + 7, 1);
  g_autofree char *oo = cell (row + 8, 1);
  g_autofree char *so_formula = g_strdup_printf ("=MAX(0,%s-%s)", s, ms);
  g_autofree char *eo_formula = g_strdup_printf ("=MAX(0,%s-%s)", e, me);
  g_autofree char *oo_formula = g_strdup_printf ("=MAX(0,%s-%s+%s-%s-%s)", s, so, e, eo, mo);
  g_autofree char *recoverable = g_strdup_printf ("=%s-%s+%s-%s-%s", s, so, e, eo, oo);
  EdAccountPoll *poll = ed_account_get_poll (account, (guint)account->parliamentary);

  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (ed_account_head_is_service (h) && head_rows[h] != G_MAXUINT)
      {
        g_autofree char *here = cell (head_rows[h], 1);

        g_string_append_printf (services, "%s%s", services->len > 1 ? "+" : "", here);
      }
  if (services->len == 1)
    g_string_append_c (services, '0');
  if (head_rows[ED_COST_CANDIDATE_MAILINGS] != G_MAXUINT)
    {
      g_autofree char *mailings = cell (head_rows[ED_COST_CANDIDATE_MAILINGS], 1);

      expenses = g_strdup_printf ("=%s-%s-%s", total, s, mailings);
    }
  else
    expenses = g_strdup_printf ("=%s-%s", total, s);

  worksheet_write_string (sheet, row++, 0, _("Claim to the Elections Claims Unit"),
                          book->heading);
  worksheet_write_string (sheet, row, 0, _("Services claimed: the returning officer’s fees"),
                          NULL);
  worksheet_write_formula_num (sheet, row++, 1, services->str, book->money,
                               pounds (claim->services_claimed));
  worksheet_write_string (sheet, row, 0, _("Expenses claimed: every other head but the "
                                          "candidates’ election addresses"),
                          book->wrap);
  worksheet_write_formula_num (sheet, row++, 1, expenses, book->money,
                               pounds (claim->expenses_claimed));
  if (account->has_mra)
    {
      worksheet_write_string (sheet, row, 0, _("Maximum recoverable for services"), NULL);
      write_money (book, sheet, row++, 1, account->mra.services);
      worksheet_write_string (sheet, row, 0, _("Maximum recoverable for expenses"), NULL);
      write_money (book, sheet, row++, 1, account->mra.expenses);
      worksheet_write_string (sheet, row, 0, _("Overall maximum recoverable"), NULL);
      write_money (book, sheet, row++, 1, account->mra.overall);
      worksheet_write_string (sheet, row, 0, _("Disallowed: services over their maximum"), NULL);
      worksheet_write_formula_num (sheet, row++, 1, so_formula, book->money,
                                   pounds (claim->services_over_cap));
      worksheet_write_string (sheet, row, 0, _("Disallowed: expenses over their maximum"), NULL);
      worksheet_write_formula_num (sheet, row++, 1, eo_formula, book->money,
                                   pounds (claim->expenses_over_cap));
      worksheet_write_string (sheet, row, 0, _("Disallowed: over the overall maximum"), NULL);
      worksheet_write_formula_num (sheet, row++, 1, oo_formula, book->money,
                                   pounds (claim->over_overall));
      worksheet_write_string (sheet, row, 0, _("Recoverable"), book->bold);
      worksheet_write_formula_num (sheet, row++, 1, recoverable, book->money_bold,
                                   pounds (claim->recoverable));
      worksheet_write_string (sheet, row, 0, _("Source of the maximums"), NULL);
      worksheet_write_string (sheet, row++, 1, account->mra_source, NULL);
    }
  else
    {
      g_autofree char *claimed = g_strdup_printf ("=%s+%s", s, e);

      worksheet_write_string (sheet, row, 0, _("Claimed"), book->bold);
      worksheet_write_formula_num (sheet, row++, 1, claimed, book->money_bold,
                                   pounds (claim->recoverable));
      worksheet_write_string (sheet, row++, 0,
                              _("No maximum recoverable amounts have been entered from the "
                                "charges order: what may be recovered cannot be worked out "
                                "until they are."),
                              NULL);
    }
  worksheet_write_string (sheet, row, 0, _("Candidates’ election addresses, claimed apart "
                                          "from the maximum"),
                          book->wrap);
  if (head_rows[ED_COST_CANDIDATE_MAILINGS] != G_MAXUINT)
    {
      g_autofree char *mailings = cell (head_rows[ED_COST_CANDIDATE_MAILINGS], 1);
      g_autofree char *formula = g_strdup_printf ("=%s", mailings);

      worksheet_write_formula_num (sheet, row++, 1, formula, book->money,
                                   pounds (poll->spent[ED_COST_CANDIDATE_MAILINGS]));
    }
  else
    write_money (book, sheet, row++, 1, 0);
  {
    /* Translators: %d is a percentage, such as 75 */
    g_autofree char *label = g_strdup_printf (_("Advance expected: %d%% of the poll’s share of "
                                                "the estimate"),
                                              ED_ACCOUNT_ADVANCE_PERCENT);

    worksheet_write_string (sheet, row, 0, label, book->wrap);
    write_money (book, sheet, row++, 1, account->advance);
  }
  worksheet_write_string (sheet, row, 0, _("Claim due by"), NULL);
  write_date (book, sheet, row++, 1, &account->claim_deadline);
}

/* A poll's sheet: its share of each head the account spent on, their total, its summary,
 * and its claim or its fee against the scale. */
static void
write_poll_sheet (Book       *book,
                  const char *name,
                  guint       index)
{
  EdAccount *account = book->account;
  EdAccountPoll *poll = ed_account_get_poll (account, index);
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  g_autofree char *label = _ed_account_poll_label (account, index);
  const char *headings[] = { _("Cost head"), _("Share") };
  guint head_rows[ED_N_COST_HEADS];
  guint row = 0, first, total_row;

  worksheet_write_string (sheet, row++, 0, label, book->heading);
  worksheet_write_string (sheet, row, 0, _("Poll"), NULL);
  worksheet_write_string (sheet, row++, 1, ed_election_kind_get_display_name (poll->election->kind),
                          NULL);
  worksheet_write_string (sheet, row, 0, _("Polling day"), NULL);
  write_date (book, sheet, row++, 1, &poll->election->poll);
  row++;

  worksheet_write_string (sheet, row++, 0, _("Share by cost head"), book->heading);
  write_headings (book, sheet, row++, headings, G_N_ELEMENTS (headings));
  first = row;
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      head_rows[h] = G_MAXUINT;
      if (account->spent[h] == 0)
        continue;
      head_rows[h] = row;
      worksheet_write_string (sheet, row, 0, ed_cost_head_get_display_name (h), NULL);
      write_money (book, sheet, row++, 1, poll->spent[h]);
    }
  total_row = row;
  worksheet_write_string (sheet, row, 0, _("Total"), book->bold);
  {
    g_autofree char *cells = range (first, MAX (row, first + 1) - 1, 1);
    g_autofree char *formula = row > first ? g_strdup_printf ("=SUM(%s)", cells)
                                           : g_strdup ("=0");

    worksheet_write_formula_num (sheet, row++, 1, formula, book->money_bold, pounds (poll->total));
  }
  row++;
  row = write_summary (book, sheet, row, (gint)index);

  if ((gint)index == account->parliamentary)
    write_claim (book, sheet, row + 1, head_rows, total_row);
  else if (poll->has_fee_scale)
    {
      g_autofree char *fees = head_rows[ED_COST_RO_FEES] != G_MAXUINT
                                ? cell (head_rows[ED_COST_RO_FEES], 1) : NULL;
      g_autofree char *scale_cell = NULL;
      g_autofree char *fees_cell = NULL;
      g_autofree char *over = NULL;

      row++;
      worksheet_write_string (sheet, row++, 0,
                              _("The returning officer’s fee against the council’s scale"),
                              book->heading);
      worksheet_write_string (sheet, row, 0, _("Electors in the contested areas"), NULL);
      /* The scale counts the electorate as fixed for the poll: before then there is none. */
      if (g_date_valid (&poll->election->electorate_fixed_on))
        worksheet_write_number (sheet, row++, 1, (double)poll->electors, NULL);
      else
        worksheet_write_string (sheet, row++, 1, _("Not yet fixed"), NULL);
      worksheet_write_string (sheet, row, 0, _("Contested areas"), NULL);
      worksheet_write_number (sheet, row++, 1, poll->contested, NULL);
      scale_cell = cell (row, 1);
      worksheet_write_string (sheet, row, 0, _("Fee by the scale"), NULL);
      write_money (book, sheet, row++, 1, poll->scale_fee);
      fees_cell = cell (row, 1);
      worksheet_write_string (sheet, row, 0, _("Fees charged to the poll"), NULL);
      if (fees != NULL)
        {
          g_autofree char *formula = g_strdup_printf ("=%s", fees);

          worksheet_write_formula_num (sheet, row++, 1, formula, book->money,
                                       pounds (poll->spent[ED_COST_RO_FEES]));
        }
      else
        write_money (book, sheet, row++, 1, 0);
      over = g_strdup_printf ("=MAX(0,%s-%s)", fees_cell, scale_cell);
      worksheet_write_string (sheet, row, 0, _("Over the scale"), book->bold);
      worksheet_write_formula_num (sheet, row++, 1, over, book->money_bold,
                                   pounds (poll->fee_over_scale));
    }

  worksheet_set_column (sheet, 0, 0, 60, NULL);
  worksheet_set_column (sheet, 1, 1, 16, NULL);
}

/* Every entry with its share for each poll, and a check that the shares come to its cost. */
static void
write_apportionment_sheet (Book       *book,
                           const char *name)
{
  EdAccount *account = book->account;
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  guint n_polls = ed_account_n_polls (account);
  guint check_col = 4 + n_polls;
  guint row = 0, first;

  worksheet_write_string (sheet, row++, 0, _("Apportionment among the polls"), book->heading);
  worksheet_write_string (sheet, row++, 0, _ed_account_apportionment_rule (account), NULL);
  row++;
  worksheet_write_string (sheet, row, 0, _("No."), book->bold);
  worksheet_write_string (sheet, row, 1, _("Supplier"), book->bold);
  worksheet_write_string (sheet, row, 2, _("Cost head"), book->bold);
  worksheet_write_string (sheet, row, 3, _("Gross"), book->bold);
  for (guint p = 0; p < n_polls; p++)
    {
      g_autofree char *label = _ed_account_poll_label (account, p);

      worksheet_write_string (sheet, row, 4 + p, label, book->bold);
    }
  worksheet_write_string (sheet, row++, check_col, _("Check: gross less the shares"), book->bold);
  worksheet_freeze_panes (sheet, row, 0);

  first = row;
  for (guint i = 0; i < account->entries->len; i++, row++)
    {
      const EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *gross = cell (row, 3);
      g_autofree char *shares = NULL;
      g_autofree char *from = cell (row, 4);
      g_autofree char *to = cell (row, 3 + n_polls);
      g_autofree char *check = NULL;
      EdMoney left = entry->gross;

      worksheet_write_number (sheet, row, 0, i + 1, NULL);
      worksheet_write_string (sheet, row, 1, entry->supplier, NULL);
      worksheet_write_string (sheet, row, 2, ed_cost_head_get_display_name (entry->head), NULL);
      write_money (book, sheet, row, 3, entry->gross);
      for (guint p = 0; p < n_polls; p++)
        {
          write_money (book, sheet, row, 4 + p, entry->shares[p]);
          left -= entry->shares[p];
        }
      shares = g_strdup_printf ("%s:%s", from, to);
      check = g_strdup_printf ("=%s-SUM(%s)", gross, shares);
      worksheet_write_formula_num (sheet, row, check_col, check, book->money, pounds (left));
    }
  worksheet_write_string (sheet, row, 2, _("Total"), book->bold);
  for (guint c = 3; c <= check_col; c++)
    {
      g_autofree char *cells = range (first, MAX (row, first + 1) - 1, c);
      g_autofree char *formula = row > first ? g_strdup_printf ("=SUM(%s)", cells)
                                             : g_strdup ("=0");
      EdMoney value = 0;

      if (c == 3)
        value = account->total;
      else if (c < check_col)
        value = ed_account_get_poll (account, c - 4)->total;
      else
        {
          value = account->total;
          for (guint p = 0; p < n_polls; p++)
            value -= ed_account_get_poll (account, p)->total;
        }
      worksheet_write_formula_num (sheet, row, c, formula, book->money_bold, pounds (value));
    }

  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, 2, 30, NULL);
  worksheet_set_column (sheet, 3, check_col, 16, NULL);
}

enum
{
  LEDGER_NUMBER,
  LEDGER_ENTERED,
  LEDGER_SUPPLIER,
  LEDGER_DESCRIPTION,
  LEDGER_INVOICE,
  LEDGER_INVOICE_DATE,
  LEDGER_HEAD,
  LEDGER_POLLS,
  LEDGER_NET,
  LEDGER_VAT,
  LEDGER_GROSS,
  LEDGER_EVIDENCE,
  LEDGER_REVERSES,
  LEDGER_REVERSED_BY,
  LEDGER_AFTER_SUBMISSION,
  N_LEDGER_COLUMNS,
};

static void
write_ledger_sheet (Book       *book,
                    const char *name)
{
  EdAccount *account = book->account;
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  const char *headings[N_LEDGER_COLUMNS] = {
    [LEDGER_NUMBER] = _("No."),
    [LEDGER_ENTERED] = _("Entered"),
    [LEDGER_SUPPLIER] = _("Supplier"),
    [LEDGER_DESCRIPTION] = _("Description"),
    [LEDGER_INVOICE] = _("Invoice number"),
    [LEDGER_INVOICE_DATE] = _("Invoice date"),
    [LEDGER_HEAD] = _("Cost head"),
    [LEDGER_POLLS] = _("Polls"),
    [LEDGER_NET] = _("Net"),
    [LEDGER_VAT] = _("VAT"),
    [LEDGER_GROSS] = _("Gross"),
    [LEDGER_EVIDENCE] = _("Evidence held"),
    [LEDGER_REVERSES] = _("Reverses no."),
    [LEDGER_REVERSED_BY] = _("Reversed by no."),
    [LEDGER_AFTER_SUBMISSION] = _("After the submission"),
  };
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  guint row = 0, first;

  for (guint i = 0; i < account->entries->len; i++)
    g_hash_table_insert (numbers, ((EdAccountEntry *)g_ptr_array_index (account->entries, i))->id,
                         GUINT_TO_POINTER (i + 1));

  worksheet_write_string (sheet, row++, 0, _("Ledger"), book->heading);
  row++;
  write_headings (book, sheet, row++, headings, N_LEDGER_COLUMNS);
  worksheet_freeze_panes (sheet, row, 0);
  first = row;
  for (guint i = 0; i < account->entries->len; i++, row++)
    {
      const EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *polls = _ed_account_entry_polls_text (account, entry);
      guint reverses = *entry->reverses != '\0'
                         ? GPOINTER_TO_UINT (g_hash_table_lookup (numbers, entry->reverses)) : 0;
      guint reversed_by = *entry->reversed_by != '\0'
                            ? GPOINTER_TO_UINT (g_hash_table_lookup (numbers, entry->reversed_by))
                            : 0;

      worksheet_write_number (sheet, row, LEDGER_NUMBER, i + 1, NULL);
      write_date (book, sheet, row, LEDGER_ENTERED, &entry->entered_on);
      worksheet_write_string (sheet, row, LEDGER_SUPPLIER, entry->supplier, NULL);
      worksheet_write_string (sheet, row, LEDGER_DESCRIPTION, entry->description, NULL);
      worksheet_write_string (sheet, row, LEDGER_INVOICE, entry->invoice_number, NULL);
      write_date (book, sheet, row, LEDGER_INVOICE_DATE, &entry->invoice_date);
      worksheet_write_string (sheet, row, LEDGER_HEAD, ed_cost_head_get_display_name (entry->head),
                              NULL);
      worksheet_write_string (sheet, row, LEDGER_POLLS, polls, NULL);
      write_money (book, sheet, row, LEDGER_NET, entry->net);
      write_money (book, sheet, row, LEDGER_VAT, entry->vat);
      write_money (book, sheet, row, LEDGER_GROSS, entry->gross);
      worksheet_write_string (sheet, row, LEDGER_EVIDENCE,
                              ed_evidence_get_display_name (entry->evidence), NULL);
      if (reverses > 0)
        worksheet_write_number (sheet, row, LEDGER_REVERSES, reverses, NULL);
      if (reversed_by > 0)
        worksheet_write_number (sheet, row, LEDGER_REVERSED_BY, reversed_by, NULL);
      if (*entry->after_lock != '\0')
        worksheet_write_string (sheet, row, LEDGER_AFTER_SUBMISSION, _("Yes"), NULL);
    }
  worksheet_write_string (sheet, row, LEDGER_POLLS, _("Total"), book->bold);
  {
    const EdMoney totals[] = { account->net, account->vat, account->total };

    for (guint c = LEDGER_NET; c <= LEDGER_GROSS; c++)
      {
        g_autofree char *cells = range (first, MAX (row, first + 1) - 1, c);
        g_autofree char *formula = row > first ? g_strdup_printf ("=SUM(%s)", cells)
                                               : g_strdup ("=0");

        worksheet_write_formula_num (sheet, row, c, formula, book->money_bold,
                                     pounds (totals[c - LEDGER_NET]));
      }
  }

  worksheet_set_column (sheet, LEDGER_NUMBER, LEDGER_NUMBER, 6, NULL);
  worksheet_set_column (sheet, LEDGER_ENTERED, LEDGER_ENTERED, 13, NULL);
  worksheet_set_column (sheet, LEDGER_SUPPLIER, LEDGER_DESCRIPTION, 28, NULL);
  worksheet_set_column (sheet, LEDGER_INVOICE, LEDGER_INVOICE_DATE, 14, NULL);
  worksheet_set_column (sheet, LEDGER_HEAD, LEDGER_POLLS, 28, NULL);
  worksheet_set_column (sheet, LEDGER_NET, LEDGER_GROSS, 14, NULL);
  worksheet_set_column (sheet, LEDGER_EVIDENCE, LEDGER_AFTER_SUBMISSION, 18, NULL);
}

/**
 * ed_account_statement_write_xlsx:
 * @account: an account
 * @path: the file to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes the account's statement as an XLSX workbook: a sheet of the whole account, one for
 * each poll (named by its id), the apportionment, and the ledger. Amounts are numbers in
 * pounds; every total is a formula.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_account_statement_write_xlsx (EdAccount   *account,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) poll_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *account_name = NULL;
  g_autofree char *apportionment_name = NULL;
  g_autofree char *ledger_name = NULL;
  Book book = { 0, };

  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((out = ed_output_file_new (path, error)) == NULL ||
      (book.workbook = ed_output_workbook_new (out, error)) == NULL)
    return FALSE;
  book.account = account;
  book.taken = taken;
  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  book.heading = workbook_add_format (book.workbook);
  format_set_bold (book.heading);
  format_set_font_size (book.heading, 13);
  book.wrap = workbook_add_format (book.workbook);
  format_set_text_wrap (book.wrap);
  book.money = workbook_add_format (book.workbook);
  format_set_num_format (book.money, "£#,##0.00;-£#,##0.00");
  book.money_bold = workbook_add_format (book.workbook);
  format_set_num_format (book.money_bold, "£#,##0.00;-£#,##0.00");
  format_set_bold (book.money_bold);
  book.date = workbook_add_format (book.workbook);
  format_set_num_format (book.date, "d mmm yyyy");

  /* The sheets of their own kind are named first, so that a poll whose id is "ledger" is the
   * one that gives way. */
  account_name = sheet_name (&book, _("Account"));
  apportionment_name = sheet_name (&book, _("Apportionment"));
  ledger_name = sheet_name (&book, _("Ledger"));
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdElection *election = ed_account_get_poll (account, p)->election;

      g_ptr_array_add (poll_names, sheet_name (&book, *election->slug != '\0' ? election->slug
                                                                              : election->id));
    }

  write_account_sheet (&book, account_name);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    write_poll_sheet (&book, g_ptr_array_index (poll_names, p), p);
  write_apportionment_sheet (&book, apportionment_name);
  write_ledger_sheet (&book, ledger_name);

  return ed_output_workbook_close (book.workbook, out, error);
}
