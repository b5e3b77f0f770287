/* ed-account-statement-pdf.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The statement of an election's account as a PDF (issue 17 item 4), laid out in the order
 * an auditor reads a returning officer's account: what the account is and whether it was
 * submitted; its summary in the published statement's structure (DOMAIN.md §5.3); budget
 * against actual by cost head; for combined polls the split of each head among them, with
 * the rule that split it (§5.2); for a UK Parliamentary poll the claim against the maximum
 * recoverable amounts (§5.1); for a local poll the fee against the council's scale; then the
 * ledger, entry by entry, and the evidence still to be got. Every figure is the account's
 * own (ed-account-load.c): nothing is added up here that the account does not add up, so the
 * PDF cannot disagree with the page or the workbook. No one is named but suppliers and the
 * officer who submitted the account. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-document-private.h"
#include "accounts/ed-account-statement.h"
#include "core/ed-date.h"

/* The amounts side by side in a table of the apportionment, polls' and the total's: more
 * would squeeze them onto two lines, so a larger combination takes more than one table. */
#define AMOUNTS_PER_TABLE 5

/* The entries an evidence checklist may list and still be kept whole on one page. */
#define EVIDENCE_KEPT 12

typedef struct
{
  EdAccount   *account;
  EdDocument  *document;
  GHashTable  *numbers;  /* entry id → its number in the ledger, from 1 */
} Statement;

/* "06/05/2027": short enough for a column, and how the UK writes a date in figures. */
static char *
format_day (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  /* Translators: a date in figures: day, month, year */
  return g_strdup_printf (C_("short date", "%02u/%02u/%u"), (guint)g_date_get_day (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_year (date));
}

static guint
entry_number (Statement  *statement,
              const char *entry_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (statement->numbers, entry_id));
}

static void
add_amount_row (EdDocument         *document,
                const char         *label,
                EdMoney             amount,
                EdDocumentRowStyle  style)
{
  g_autofree char *text = ed_money_format (amount);
  const char *cells[] = { label, text };

  ed_document_add_row_styled (document, cells, style);
}

/* A table of labels and amounts, the amounts aligned at the end. */
static void
set_amount_columns (EdDocument *document,
                    const char *label_heading,
                    const char *amount_heading)
{
  const char *headings[] = { label_heading, amount_heading };
  static const double widths[] = { 0.76, 0.24 };

  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  ed_document_set_column_end_aligned (document, 1);
}

static void
add_summary (EdDocument *document,
             EdAccount  *account,
             gint        poll,
             const char *heading)
{
  g_autoptr(GPtrArray) rows = ed_account_statement_summary (account, poll);

  ed_document_add_heading (document, 2, heading);
  set_amount_columns (document, _("Heading"), _("Amount"));
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *row = g_ptr_array_index (rows, i);

      add_amount_row (document, row->label, row->amount,
                      row->kind == ED_STATEMENT_ROW_LINE ? ED_DOCUMENT_ROW_PLAIN
                                                         : ED_DOCUMENT_ROW_TOTAL);
    }
  ed_document_keep_with_heading (document);
}

/* The account's polls, the council, and where the account stands: submitted or not, entries
 * since, and a warning when what was submitted is no longer what the ledger holds. */
static void
add_opening (Statement  *statement,
             const char *council_name)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  static const double widths[] = { 0.24, 0.76 };
  const char *headings[] = { "", "" };
  g_autofree char *status = NULL;
  guint n_polls = ed_account_n_polls (account);

  if (n_polls == 1)
    {
      g_autofree char *label = _ed_account_poll_label (account, 0);

      ed_document_add_heading (document, 1, label);
    }
  else
    {
      g_autofree char *day = ed_date_format_long (&account->election->poll);
      /* Translators: %s is a polling day: "Thursday 4 May 2028" */
      g_autofree char *title = g_strdup_printf (_("Combined polls of %s"), day);

      ed_document_add_heading (document, 1, title);
    }

  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  {
    const char *cells[] = { _("Council"), council_name };

    ed_document_add_row (document, cells);
  }
  for (guint p = 0; p < n_polls; p++)
    {
      EdElection *election = ed_account_get_poll (account, p)->election;
      g_autofree char *label = _ed_account_poll_label (account, p);
      g_autofree char *day = ed_date_format_long (&election->poll);
      /* Translators: a poll's title, its kind ("Referendum") and its polling day */
      g_autofree char *text = g_strdup_printf (_("%s: %s, %s"), label,
                                               ed_election_kind_get_display_name (election->kind),
                                               day);
      const char *cells[] = { p > 0 ? "" : n_polls > 1 ? _("Polls") : _("Poll"), text };

      ed_document_add_row (document, cells);
    }

  if (account->locks->len > 0)
    {
      EdAccountLock *latest = g_ptr_array_index (account->locks, account->locks->len - 1);
      g_autofree char *day = ed_date_format_long (&latest->locked_on);

      if (*latest->locked_by != '\0')
        /* Translators: a day, then who submitted the account */
        status = g_strdup_printf (_("Submitted on %s by %s"), day, latest->locked_by);
      else
        /* Translators: %s is a day */
        status = g_strdup_printf (_("Submitted on %s"), day);
    }
  else
    status = g_strdup (_("Not yet submitted"));
  {
    const char *cells[] = { _("Status"), status };

    ed_document_add_row (document, cells);
  }
  if (account->after_lock > 0)
    {
      g_autofree char *since = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u entry was made after the submission",
                     "%u entries were made after the submission", account->after_lock),
        account->after_lock);
      const char *cells[] = { "", since };

      ed_document_add_row (document, cells);
    }
  if (account->changed_since_lock)
    ed_document_add_paragraph (
      document,
      _("Warning: the entries the submission covered are no longer as they were submitted. An "
        "entry was made or changed without the submission being seen, by another desk or "
        "outside Electoral Desk. Check the ledger, then submit the account again."));
}

static void
add_by_head (Statement *statement)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  const char *headings[] = { _("Cost head"), _("Estimate"), _("Spent"), _("Remaining") };
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };

  ed_document_add_heading (document, 2, _("Estimate and spending by cost head"));
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint c = 1; c < G_N_ELEMENTS (headings); c++)
    ed_document_set_column_end_aligned (document, c);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      g_autofree char *estimate = NULL;
      g_autofree char *spent = NULL;
      g_autofree char *remaining = NULL;

      /* Registration is the register's cost, never an election's (0021-accounts.sql). */
      if (h == ED_COST_REGISTRATION || (account->estimate[h] == 0 && account->spent[h] == 0))
        continue;
      estimate = ed_money_format (account->estimate[h]);
      spent = ed_money_format (account->spent[h]);
      remaining = ed_money_format (account->estimate[h] - account->spent[h]);
      {
        const char *cells[] = { ed_cost_head_get_display_name (h), estimate, spent, remaining };

        ed_document_add_row (document, cells);
      }
    }
  {
    g_autofree char *estimate = ed_money_format (account->estimate_total);
    g_autofree char *spent = ed_money_format (account->total);
    g_autofree char *remaining = ed_money_format (account->estimate_total - account->total);
    const char *cells[] = { _("Total"), estimate, spent, remaining };

    ed_document_add_row_styled (document, cells, ED_DOCUMENT_ROW_TOTAL);
  }
  ed_document_keep_with_heading (document);
}

/* The claim of the UK Parliamentary poll to the Elections Claims Unit: its share of the
 * account against the charges order's maximum recoverable amounts (DOMAIN.md §5.1). */
static void
add_claim (Statement *statement)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  EdAccountPoll *poll = ed_account_get_poll (account, (guint)account->parliamentary);
  const EdRecoverable *claim = &account->recoverable;
  g_autofree char *deadline = ed_date_format_long (&account->claim_deadline);
  g_autofree char *advance_label = NULL;

  ed_document_add_heading (document, 2, _("Claim to the Elections Claims Unit"));
  if (ed_account_n_polls (account) > 1)
    {
      g_autofree char *label = _ed_account_poll_label (account, (guint)account->parliamentary);
      /* Translators: %s is the UK Parliamentary poll's title */
      g_autofree char *text = g_strdup_printf (_("The claim for %s is its share of the account."),
                                               label);

      ed_document_add_paragraph (document, text);
    }

  set_amount_columns (document, _("Claim"), _("Amount"));
  add_amount_row (document, _("Services claimed: the returning officer’s fees"),
                  claim->services_claimed, ED_DOCUMENT_ROW_PLAIN);
  add_amount_row (document, _("Expenses claimed: every other head but the candidates’ election "
                              "addresses"),
                  claim->expenses_claimed, ED_DOCUMENT_ROW_PLAIN);
  if (account->has_mra)
    {
      add_amount_row (document, _("Maximum recoverable for services"), account->mra.services,
                      ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Maximum recoverable for expenses"), account->mra.expenses,
                      ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Overall maximum recoverable"), account->mra.overall,
                      ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Disallowed: services over their maximum"),
                      claim->services_over_cap, ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Disallowed: expenses over their maximum"),
                      claim->expenses_over_cap, ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Disallowed: over the overall maximum"), claim->over_overall,
                      ED_DOCUMENT_ROW_PLAIN);
      add_amount_row (document, _("Recoverable"), claim->recoverable, ED_DOCUMENT_ROW_TOTAL);
    }
  else
    add_amount_row (document, _("Claimed"), claim->recoverable, ED_DOCUMENT_ROW_TOTAL);
  add_amount_row (document, _("Candidates’ election addresses, claimed apart from the maximum"),
                  poll->spent[ED_COST_CANDIDATE_MAILINGS], ED_DOCUMENT_ROW_PLAIN);
  /* Translators: %d is a percentage, such as 75 */
  advance_label = g_strdup_printf (_("Advance expected: %d%% of the poll’s share of the "
                                     "estimate"),
                                   ED_ACCOUNT_ADVANCE_PERCENT);
  add_amount_row (document, advance_label, account->advance, ED_DOCUMENT_ROW_PLAIN);

  if (account->has_mra)
    {
      const char *source = *account->mra_source != '\0' ? account->mra_source
                                                        : _("the charges order");
      /* Translators: %s is the order the amounts were read from: "SI 2024/693" */
      g_autofree char *text = g_strdup_printf (
        _("The maximum recoverable amounts are those of %s. The services and the expenses are "
          "each held to their own maximum, then what is left of both to the overall maximum, "
          "which the order sets for itself. The advance is what the claims unit typically "
          "pays before the poll, not a payment received."),
        source);

      ed_document_add_paragraph (document, text);
    }
  else
    ed_document_add_paragraph (
      document,
      _("No maximum recoverable amounts have been entered from the charges order: what may be "
        "recovered cannot be worked out until they are."));
  {
    /* Translators: %s is a date: "Saturday 9 September 2028" */
    g_autofree char *due = g_strdup_printf (_("The claim and its evidence are due at the "
                                              "Elections Claims Unit by %s, six months after "
                                              "the poll."),
                                            deadline);

    ed_document_add_paragraph (document, due);
  }
  ed_document_keep_with_heading (document);
}

/* A local poll's fee against the council's scale for it (RPA 1983 s.36(4), DOMAIN.md §5.3). */
static void
add_fee_scale (Statement *statement,
               guint      index)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  EdAccountPoll *poll = ed_account_get_poll (account, index);
  g_autofree char *label = _ed_account_poll_label (account, index);
  g_autofree char *heading = NULL;
  g_autofree char *per_election = ed_money_format (poll->fee_scale.per_election);
  g_autofree char *per_1000 = ed_money_format (poll->fee_scale.per_1000_electors);
  g_autofree char *per_area = ed_money_format (poll->fee_scale.per_contested_area);
  g_autofree char *scale = NULL;
  g_autofree char *electors = NULL;
  g_autofree char *contested = g_strdup_printf ("%u", poll->contested);

  /* The scale counts the electorate as fixed for the poll: before then there is none. */
  if (g_date_valid (&poll->election->electorate_fixed_on))
    electors = g_strdup_printf ("%" G_GINT64_FORMAT, poll->electors);
  else
    electors = g_strdup (_("Not yet fixed"));
  if (ed_account_n_polls (account) == 1)
    heading = g_strdup (_("The returning officer’s fee against the council’s scale"));
  else
    /* Translators: %s is a poll's title */
    heading = g_strdup_printf (_("The returning officer’s fee for %s against the council’s "
                                 "scale"),
                               label);
  ed_document_add_heading (document, 2, heading);

  set_amount_columns (document, _("Fee"), _("Amount"));
  {
    const char *cells[] = { _("Electors in the contested areas"), electors };

    ed_document_add_row (document, cells);
  }
  {
    const char *cells[] = { _("Contested areas"), contested };

    ed_document_add_row (document, cells);
  }
  add_amount_row (document, _("Fee by the scale"), poll->scale_fee, ED_DOCUMENT_ROW_PLAIN);
  add_amount_row (document, _("Fees charged to the poll"), poll->spent[ED_COST_RO_FEES],
                  ED_DOCUMENT_ROW_PLAIN);
  add_amount_row (document, _("Over the scale"), poll->fee_over_scale, ED_DOCUMENT_ROW_TOTAL);

  /* Translators: three amounts: the scale's sum for the election, for each 1,000 electors
   * and for each contested ward or parish */
  scale = g_strdup_printf (_("The scale: %s for the election, %s for each 1,000 electors and %s "
                             "for each contested area."),
                           per_election, per_1000, per_area);
  ed_document_add_paragraph (document, scale);
  if (poll->fee_over_scale > 0)
    {
      g_autofree char *over = ed_money_format (poll->fee_over_scale);
      /* Translators: %s is an amount */
      g_autofree char *text = g_strdup_printf (_("The fees charged are %s more than the scale "
                                                 "allows."),
                                               over);

      ed_document_add_paragraph (document, text);
    }
  else
    ed_document_add_paragraph (document, _("The fees charged are within the scale."));
  ed_document_keep_with_heading (document);
}

/* Heads down, polls across: each poll's share of each head, and each poll's total, which
 * together come to the account's. A combination too large for one table takes several, their
 * columns aligned, the account's total in the last. */
static void
add_apportionment_table (Statement *statement,
                         guint      first,
                         guint      end)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  guint n_polls = ed_account_n_polls (account);
  gboolean last = end == n_polls;
  gboolean only = first == 0 && last;
  guint n_amounts = only ? (end - first) + 1 : AMOUNTS_PER_TABLE;
  guint n_columns = 1 + n_amounts;
  guint total_column = 1 + (end - first);
  g_autofree const char **headings = g_new0 (const char *, n_columns);
  g_autofree double *widths = g_new0 (double, n_columns);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  headings[0] = _("Cost head");
  widths[0] = 0.30;
  for (guint c = 1; c < n_columns; c++)
    {
      widths[c] = 0.70 / MAX (n_amounts, AMOUNTS_PER_TABLE - 1);
      headings[c] = "";
    }
  for (guint p = first; p < end; p++)
    {
      g_ptr_array_add (labels, _ed_account_poll_label (account, p));
      headings[1 + p - first] = g_ptr_array_index (labels, labels->len - 1);
    }
  if (last)
    headings[total_column] = _("Total");
  ed_document_set_columns (document, headings, widths, n_columns);
  for (guint c = 1; c < n_columns; c++)
    ed_document_set_column_end_aligned (document, c);

  for (guint h = 0; h <= ED_N_COST_HEADS; h++)
    {
      gboolean total = h == ED_N_COST_HEADS;

      if (!total && account->spent[h] == 0)
        continue;
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup (total ? _("Total") : ed_cost_head_get_display_name (h)));
      for (guint p = first; p < end; p++)
        {
          EdAccountPoll *poll = ed_account_get_poll (account, p);

          g_ptr_array_add (cells, ed_money_format (total ? poll->total : poll->spent[h]));
        }
      if (last)
        g_ptr_array_add (cells, ed_money_format (total ? account->total : account->spent[h]));
      while (cells->len < n_columns)
        g_ptr_array_add (cells, g_strdup (""));
      ed_document_add_row_styled (document, (const char * const *)cells->pdata,
                                  total ? ED_DOCUMENT_ROW_TOTAL : ED_DOCUMENT_ROW_PLAIN);
    }
}

static void
add_apportionment (Statement *statement)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  guint n_polls = ed_account_n_polls (account);
  /* The total takes a place in the last table: one with no poll beside it would look lost. */
  guint per_table = n_polls % AMOUNTS_PER_TABLE == 0 ? AMOUNTS_PER_TABLE - 1 : AMOUNTS_PER_TABLE;

  ed_document_add_heading (document, 1, _("Apportionment among the polls"));
  ed_document_add_paragraph (document, _ed_account_apportionment_rule (account));
  if (n_polls + 1 <= AMOUNTS_PER_TABLE)
    add_apportionment_table (statement, 0, n_polls);
  else
    for (guint first = 0; first < n_polls; first += per_table)
      add_apportionment_table (statement, first, MIN (first + per_table, n_polls));

  for (guint p = 0; p < n_polls; p++)
    {
      g_autofree char *label = _ed_account_poll_label (account, p);
      /* Translators: %s is a poll's title */
      g_autofree char *heading = g_strdup_printf (_("Summary for %s"), label);

      add_summary (document, account, (gint)p, heading);
    }
}

/* What an entry's row says of it besides its figures and its head: who was paid and for
 * what, the invoice and the evidence held, and how it stands in the ledger's history. */
static char *
entry_what (Statement            *statement,
            const EdAccountEntry *entry)
{
  EdAccount *account = statement->account;
  GString *what = g_string_new (entry->supplier);
  g_autofree char *invoice_day = format_day (&entry->invoice_date);

  if (*entry->description != '\0')
    g_string_append_printf (what, "\n%s", entry->description);
  /* A cost on order has no invoice yet, and says nothing of one: its evidence says why. */
  if (*entry->invoice_number != '\0' || *invoice_day != '\0')
    g_string_append_c (what, '\n');
  if (*entry->invoice_number != '\0' && *invoice_day != '\0')
    /* Translators: an invoice's number, then its date */
    g_string_append_printf (what, _("Invoice %s of %s"), entry->invoice_number, invoice_day);
  else if (*entry->invoice_number != '\0')
    /* Translators: %s is an invoice's number */
    g_string_append_printf (what, _("Invoice %s"), entry->invoice_number);
  else if (*invoice_day != '\0')
    /* Translators: %s is an invoice's date */
    g_string_append_printf (what, _("Invoice of %s"), invoice_day);
  g_string_append_c (what, '\n');
  /* Translators: %s is what is held to show a cost: "Receipt", "None held" */
  g_string_append_printf (what, _("Evidence: %s"), ed_evidence_get_display_name (entry->evidence));

  if (*entry->reverses != '\0')
    {
      const EdAccountEntry *reversed = ed_account_find_entry (account, entry->reverses);

      if (reversed != NULL)
        {
          g_autofree char *day = format_day (&reversed->entered_on);

          g_string_append_c (what, '\n');
          /* Translators: the day an entry was made, then its number in the ledger */
          g_string_append_printf (what, _("Reverses the entry of %s, no. %u"), day,
                                  entry_number (statement, reversed->id));
        }
      else
        g_string_append_printf (what, "\n%s", _("Reverses an entry not in this account"));
    }
  if (*entry->reversed_by != '\0')
    {
      g_string_append_c (what, '\n');
      /* Translators: %u is the number in the ledger of the entry that reverses this one */
      g_string_append_printf (what, _("Reversed by no. %u"),
                              entry_number (statement, entry->reversed_by));
    }
  if (*entry->after_lock != '\0')
    g_string_append_printf (what, "\n%s", _("Entered after the submission"));
  return g_string_free (what, FALSE);
}

/* The share of the text width each of the ledger's amounts needs: its total, in bold, must
 * fit on one line, and an account over a million pounds is two characters wider than most. */
static double
amount_share (EdAccount *account)
{
  /* By characters: "-£999.99" is eight, "£999,999.99" eleven, "-£1,234,567.89" fourteen. */
  static const double shares[] = { 0.115, 0.125, 0.13, 0.136, 0.146, 0.158, 0.175 };
  gsize widest = 0;
  const EdMoney totals[] = { account->net, account->vat, account->total };

  for (guint i = 0; i < account->entries->len + G_N_ELEMENTS (totals); i++)
    {
      const EdAccountEntry *entry = i < account->entries->len
                                      ? g_ptr_array_index (account->entries, i) : NULL;
      const EdMoney amounts[] = { entry != NULL ? entry->net : totals[0],
                                  entry != NULL ? entry->vat : totals[1],
                                  entry != NULL ? entry->gross : totals[2] };

      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        {
          g_autofree char *text = ed_money_format (amounts[a]);

          widest = MAX (widest, (gsize)g_utf8_strlen (text, -1));
        }
    }
  return shares[CLAMP (widest, 8, 14) - 8];
}

static void
add_ledger (Statement *statement)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  const char *headings[] = {
    _("No."), _("Entered"), _("Supplier, invoice and evidence"),
    ed_account_n_polls (account) > 1 ? _("Head and polls") : _("Cost head"),
    _("Net"), _("VAT"), _("Gross"),
  };
  double amount = amount_share (account);
  /* The number to three figures and the day entered, the three amounts; what is left to the
   * supplier and the head, which wrap well. */
  double widths[] = { 0.055, 0.12, 0, 0.165, amount, amount, amount };

  G_STATIC_ASSERT (G_N_ELEMENTS (widths) == G_N_ELEMENTS (headings));
  widths[2] = 1.0 - 0.055 - 0.12 - 0.165 - 3 * amount;

  ed_document_add_heading (document, 1, _("Ledger"));
  ed_document_add_paragraph (
    document,
    _("Every entry in the order it was made. A correction is a reversing entry: the entry and "
      "its reversal both stay in the ledger, and together come to nothing."));
  if (account->entries->len == 0)
    {
      ed_document_add_paragraph (document, _("No entries have been made."));
      return;
    }

  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  for (guint c = 4; c < G_N_ELEMENTS (headings); c++)
    ed_document_set_column_end_aligned (document, c);
  for (guint i = 0; i < account->entries->len; i++)
    {
      const EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *entered = format_day (&entry->entered_on);
      g_autofree char *what = entry_what (statement, entry);
      g_autofree char *polls = NULL;
      g_autofree char *head = NULL;
      g_autofree char *net = ed_money_format (entry->net);
      g_autofree char *vat = ed_money_format (entry->vat);
      g_autofree char *gross = ed_money_format (entry->gross);

      if (ed_account_n_polls (account) > 1)
        {
          polls = _ed_account_entry_polls_text (account, entry);
          if (entry->sharing == 1)
            {
              /* Translators: %s is the title of the one poll a cost is charged to */
              g_autofree char *one = g_strdup_printf (_("For %s"), polls);

              g_free (polls);
              polls = g_steal_pointer (&one);
            }
          head = g_strdup_printf ("%s\n%s", ed_cost_head_get_display_name (entry->head), polls);
        }
      else
        head = g_strdup (ed_cost_head_get_display_name (entry->head));
      {
        const char *cells[] = { number, entered, what, head, net, vat, gross };

        ed_document_add_row (document, cells);
      }
    }
  {
    g_autofree char *net = ed_money_format (account->net);
    g_autofree char *vat = ed_money_format (account->vat);
    g_autofree char *gross = ed_money_format (account->total);
    const char *cells[] = { "", "", _("Total"), "", net, vat, gross };

    ed_document_add_row_styled (document, cells, ED_DOCUMENT_ROW_TOTAL);
  }
}

/* The costs whose evidence is still to be got: what the claim's scrutiny will ask for
 * (DOMAIN.md §5.1). */
static void
add_evidence_checklist (Statement *statement)
{
  EdAccount *account = statement->account;
  EdDocument *document = statement->document;
  const char *headings[] = { _("No."), _("Supplier"), _("Cost head"), _("Gross"),
                             _("Evidence held") };
  static const double widths[] = { 0.06, 0.32, 0.24, 0.14, 0.24 };
  guint n = 0;

  for (guint i = 0; i < account->entries->len; i++)
    n += _ed_account_entry_wants_evidence (g_ptr_array_index (account->entries, i));

  ed_document_add_heading (document, 2, _("Evidence checklist"));
  if (n == 0)
    {
      ed_document_add_paragraph (document,
                                 _("No entries need evidence: each cost that stands has its "
                                   "invoice, receipt or payroll run."));
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u entry needs evidence: none is held, or only the contract or order with "
                   "its invoice still to come.",
                   "%u entries need evidence: none is held, or only the contract or order with "
                   "its invoice still to come.",
                   n),
      n);

    ed_document_add_paragraph (document, text);
  }
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  ed_document_set_column_end_aligned (document, 3);
  for (guint i = 0; i < account->entries->len; i++)
    {
      const EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      g_autofree char *number = NULL;
      g_autofree char *gross = NULL;

      if (!_ed_account_entry_wants_evidence (entry))
        continue;
      number = g_strdup_printf ("%u", i + 1);
      gross = ed_money_format (entry->gross);
      {
        const char *cells[] = { number, entry->supplier,
                                ed_cost_head_get_display_name (entry->head), gross,
                                ed_evidence_get_display_name (entry->evidence) };

        ed_document_add_row (document, cells);
      }
    }
  /* A short list stays with its heading; a long one runs on over the pages. */
  if (n <= EVIDENCE_KEPT)
    ed_document_keep_with_heading (document);
}

/**
 * ed_account_statement_document:
 * @account: an account
 * @council_name: the council's name, for the running header
 *
 * Lays out the account's statement: its polls and whether it was submitted; its summary as
 * the published statements lay theirs out; estimate, spending and what remains by cost head;
 * for combined polls the split of each head among them and each poll's summary; the claim of
 * a UK Parliamentary poll against its maximum recoverable amounts; the fee of a local poll
 * against the council's scale; the ledger; and the entries whose evidence is still to come.
 *
 * Returns: (transfer full): the document
 */
EdDocument *
ed_account_statement_document (EdAccount  *account,
                               const char *council_name)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  Statement statement = { account, NULL, numbers };

  g_return_val_if_fail (account != NULL, NULL);

  if (council_name == NULL)
    council_name = "";
  for (guint i = 0; i < account->entries->len; i++)
    g_hash_table_insert (numbers,
                         ((EdAccountEntry *)g_ptr_array_index (account->entries, i))->id,
                         GUINT_TO_POINTER (i + 1));

  statement.document = ed_document_new (council_name, _("Returning Officer’s Account"),
                                        _("Statement of Account"));
  day = ed_date_format_long (&account->election->poll);
  /* Translators: %s is a date */
  subtitle = g_strdup_printf (_("Polling day: %s"), day);
  ed_document_set_subtitle (statement.document, subtitle);

  add_opening (&statement, council_name);
  add_summary (statement.document, account, -1, _("Summary"));
  add_by_head (&statement);
  if (account->parliamentary >= 0)
    add_claim (&statement);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    if (ed_account_get_poll (account, p)->has_fee_scale)
      add_fee_scale (&statement, p);
  if (ed_account_n_polls (account) > 1)
    add_apportionment (&statement);
  add_ledger (&statement);
  add_evidence_checklist (&statement);
  return statement.document;
}

/**
 * ed_account_statement_write_pdf:
 * @account: an account
 * @council_name: the council's name, for the running header
 * @path: the PDF to write, whole or not at all (ed-output-file.h)
 * @error: return location for an error
 *
 * Writes ed_account_statement_document() as a PDF.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ed_account_statement_write_pdf (EdAccount   *account,
                                const char  *council_name,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(EdDocument) document = NULL;

  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = ed_account_statement_document (account, council_name);
  return ed_document_write_pdf (document, path, error);
}
