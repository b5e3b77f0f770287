/* test-accounts-statement.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The statement of an account as a PDF and as a workbook (issue 17 item 4), on the demo
 * district: read back with pdftotext and with openpyxl, never by eye. Three combined polls
 * share £100.00 as £33.34, £33.33 and £33.33 (RPA 1985 s.15(4)); a reversal names what it
 * reverses; the evidence checklist lists what is still to come; a UK Parliamentary poll's
 * claim shows the overall maximum binding (DOMAIN.md §5.1); a local poll's fee is held to the
 * council's scale; and a supplier's name that looks like a spreadsheet formula or markup is
 * text in both. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "accounts/ed-account.h"
#include "accounts/ed-account-document.h"
#include "accounts/ed-account-statement.h"
#include "core/ed-date.h"
#include "print/ed-document-private.h"
#include "ed-test-accounts.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-full-disk.h"
#include "ed-test-pdf.h"

#define DEMO_ELECTORS 1200
/* Large enough for a parished ward: the May poll has the parishes' poll combined with it. */
#define PARISHED_ELECTORS 9000
#define MAY_POLL "local.ashmere-vale.2027-05-06"
#define COUNCIL "Ashmere Vale District Council"

/* A supplier's name as a hostile hand might type it: a formula a spreadsheet would run, and
 * markup a document might interpret. */
#define HOSTILE_SUPPLIER "=cmd|' /C calc'!A0"
#define HOSTILE_DESCRIPTION "<b>bold</b> & more"

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the statement does not say “%s”:\n%s", needle, text);
}

static void
assert_has_amount (const char *text,
                   EdMoney     amount)
{
  g_autofree char *money = ed_money_format (amount);

  assert_has (text, money);
}

/* A cell of the ledger's row for an entry, by its number, as the document holds it: whole,
 * however its column wraps it on the page. */
static const char *
ledger_cell (EdDocument *document,
             guint       number,
             guint       column)
{
  g_autofree char *wanted = g_strdup_printf ("%u", number);
  gboolean in_ledger = FALSE;

  for (guint b = 0; b < _ed_document_get_n_blocks (document); b++)
    {
      guint level = 0;
      EdDocumentItemKind kind = _ed_document_get_block (document, b, &level);

      if (kind == _ED_DOCUMENT_ITEM_HEADING)
        in_ledger = g_str_equal (_ed_document_get_text (document, b, 0), "Ledger");
      else if (in_ledger && kind == _ED_DOCUMENT_ITEM_ROW &&
               g_str_equal (_ed_document_get_text (document, b, 0), wanted))
        return _ed_document_get_text (document, b, column);
    }
  g_error ("the ledger has no entry %u", number);
}

/* The count of a needle in a text. */
static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text of a PDF with its lines' runs of spaces made one, so that a phrase a table's
 * column laid out reads as a phrase. */
static char *
pdf_text (const char *path)
{
  g_autofree char *text = ed_test_pdf_text (path, "-layout", NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("  +", 0, 0, NULL);

  if (text == NULL)
    return NULL;
  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

typedef struct
{
  EdContext *context;
  char      *pcc;
  char      *mayor;
  char      *referendum;
  char      *shared;
  char      *wrong;
  char      *reversal;
  char      *hostile;
  char      *late;
} Combined;

static void
combined_clear (Combined *c)
{
  g_clear_object (&c->context);
  g_free (c->pcc);
  g_free (c->mayor);
  g_free (c->referendum);
  g_free (c->shared);
  g_free (c->wrong);
  g_free (c->reversal);
  g_free (c->hostile);
  g_free (c->late);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Combined, combined_clear)

/* Three combined polls: £100.00 of premises they share, ballot papers for the mayoral poll
 * alone, the fees they share, an entry made in error and reversed, a hostile supplier with no
 * evidence, printing on order, the account submitted, and a late invoice after. */
static void
set_up_combined (EdTestDir *fixture,
                 Combined  *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = NULL;

  c->context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  c->pcc = ed_test_accounts_add_poll (c->context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  c->mayor = ed_test_accounts_add_poll (c->context, ED_ELECTION_MAYORAL, 4, 5, 2028, c->pcc);
  c->referendum = ed_test_accounts_add_poll (c->context, ED_ELECTION_REFERENDUM, 4, 5, 2028,
                                             c->pcc);
  {
    const char *all[] = { c->mayor, c->referendum, c->pcc, NULL };
    const char *mayor_only[] = { c->mayor, NULL };

    ed_test_accounts_set_estimate (c->context, c->pcc, ED_COST_PREMISES, 20000);
    ed_test_accounts_set_estimate (c->context, c->pcc, ED_COST_BALLOT_PAPERS, 5000);
    ed_test_accounts_set_estimate (c->context, c->pcc, ED_COST_RO_FEES, 30000);

    c->shared = ed_test_accounts_spend_full (c->context, ED_COST_PREMISES, "Village halls",
                                             "Hire of six halls", 10000, 0, all,
                                             ED_EVIDENCE_INVOICE);
    g_free (ed_test_accounts_spend (c->context, ED_COST_BALLOT_PAPERS, "Print Ltd", 2500, 500,
                                    mayor_only));
    g_free (ed_test_accounts_spend (c->context, ED_COST_RO_FEES, "Returning officer", 30001, 0,
                                    all));
    c->wrong = ed_test_accounts_spend_full (c->context, ED_COST_EQUIPMENT, "Wrong Hire Co",
                                            "Entered in error", 5000, 1000, all,
                                            ED_EVIDENCE_NONE);
    c->reversal = ed_account_reverse_entry (c->context, c->wrong, &error);
    g_assert_no_error (error);
    c->hostile = ed_test_accounts_spend_full (c->context, ED_COST_NOTICES, HOSTILE_SUPPLIER,
                                              HOSTILE_DESCRIPTION, 1234, 247, all,
                                              ED_EVIDENCE_NONE);
    g_free (ed_test_accounts_spend_full (c->context, ED_COST_POLL_CARDS, "Card Printers",
                                         "Poll cards on order", 40000, 8000, all,
                                         ED_EVIDENCE_CONTRACT));
  }
  lock = ed_account_lock (c->context, c->pcc, "A. Officer", &error);
  g_assert_no_error (error);
  {
    const char *referendum_only[] = { c->referendum, NULL };

    c->late = ed_test_accounts_spend (c->context, ED_COST_OTHER, "Stationers", 999, 0,
                                      referendum_only);
  }
}

/* The combined account's statement: its polls and where it stands, the summary and the heads,
 * the split of each head among the polls with the rule that made it, the ledger with its
 * reversal and the late entry marked, and the checklist of evidence still to come. */
static void
test_pdf_combined (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_auto(Combined) c = { 0 };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "statement.pdf");
  g_autofree char *text = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *reverses = NULL;
  g_autofree char *reversed_by = NULL;
  guint wrong_number = 0, reversal_number = 0, n_headings = 0;
  const EdAccountEntry *shared;

  set_up_combined (fixture, &c);
  account = ed_test_accounts_load (c.context, c.referendum);
  g_assert_cmpuint (ed_account_n_polls (account), ==, 3);
  shared = ed_account_find_entry (account, c.shared);
  g_assert_cmpint (shared->shares[0], ==, 3334);
  g_assert_cmpint (shared->shares[1], ==, 3333);
  g_assert_cmpint (shared->shares[2], ==, 3333);
  g_assert_cmpuint (account->after_lock, ==, 1);
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      if (g_str_equal (entry->id, c.wrong))
        wrong_number = i + 1;
      if (g_str_equal (entry->id, c.reversal))
        reversal_number = i + 1;
    }
  g_assert_cmpuint (wrong_number, >, 0);
  g_assert_cmpuint (reversal_number, >, 0);

  /* The apportionment starts a page of its own, and so does the ledger. */
  document = ed_account_statement_document (account, COUNCIL);
  g_assert_cmpuint (ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT),
                    >=, 3);
  for (guint b = 0; b < _ed_document_get_n_blocks (document); b++)
    {
      guint level = 0;

      if (_ed_document_get_block (document, b, &level) == _ED_DOCUMENT_ITEM_HEADING && level == 1)
        n_headings++;
    }
  g_assert_cmpuint (n_headings, ==, 3);

  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  ed_test_dir_assert_no_temporaries (fixture->dir);
  text = pdf_text (path);
  if (text == NULL)
    return;

  /* What the account is, and where it stands. */
  assert_has (text, "Statement of Account");
  assert_has (text, COUNCIL);
  assert_has (text, "Combined polls of Thursday 4 May 2028");
  assert_has (text, "Mayor of " COUNCIL ": Mayoral election, Thursday 4 May 2028");
  assert_has (text, "Referendum in " COUNCIL ": Referendum, Thursday 4 May 2028");
  assert_has (text, "Submitted on Wednesday 2 January 2030 by A. Officer");
  assert_has (text, "1 entry was made after the submission");
  g_assert_null (strstr (text, "Warning:"));

  /* The summary, with the fees taken out and added back, and the heads. */
  assert_has (text, "Sub-total");
  assert_has (text, "Grand total");
  assert_has_amount (text, account->total);
  assert_has (text, "Estimate and spending by cost head");
  assert_has_amount (text, account->estimate_total);
  assert_has_amount (text, account->estimate_total - account->total);
  /* Premises: £200.00 estimated, £100.00 spent, £100.00 to spare. */
  assert_has (text, "Premises £200.00 £100.00 £100.00");
  /* Nothing under the heads no one estimated or spent on, and never registration. */
  g_assert_null (strstr (text, "Electoral registration"));
  g_assert_null (strstr (text, "Training"));

  /* The split: £100.00 shared by three, the odd penny to the first poll; the fees of
   * £300.01 likewise; each poll's total, which come to the account's. */
  assert_has (text, "RPA 1985 s.15(4)");
  assert_has (text, "Premises £33.34 £33.33 £33.33 £100.00");
  assert_has (text, "£100.01 £100.00 £100.00 £300.01");
  {
    g_autoptr(GString) totals = g_string_new ("Total");

    for (guint p = 0; p < 3; p++)
      {
        g_autofree char *money = ed_money_format (ed_account_get_poll (account, p)->total);

        g_string_append_printf (totals, " %s", money);
      }
    g_string_append_c (totals, ' ');
    {
      g_autofree char *money = ed_money_format (account->total);

      g_string_append (totals, money);
    }
    assert_has (text, totals->str);
  }
  assert_has (text, "Summary for Police and Crime Commissioner");
  assert_has (text, "Summary for Mayor of " COUNCIL);

  /* The ledger: every entry, a reversal naming what it reverses and the late entry marked. */
  assert_has (text, "Ledger");
  assert_has (text, "Shared by 3 polls");
  reverses = g_strdup_printf ("Reverses the entry of 02/01/2030, no. %u", wrong_number);
  reversed_by = g_strdup_printf ("Reversed by no. %u", reversal_number);
  assert_has (ledger_cell (document, reversal_number, 2), reverses);
  assert_has (ledger_cell (document, wrong_number, 2), reversed_by);
  assert_has (ledger_cell (document, reversal_number, 2), "Evidence: None held");
  assert_has (ledger_cell (document, 8, 2), "Entered after the submission");
  assert_has (ledger_cell (document, 8, 3), "For Referendum in " COUNCIL);
  assert_has (ledger_cell (document, 1, 2), "Invoice INV-1 of 20/05/2028");
  g_assert_null (strstr (ledger_cell (document, 7, 2), "Entered after"));
  /* On the page, as far as the columns let a line run. */
  assert_has (text, "Reverses the entry of");
  assert_has (text, reversed_by);
  assert_has (text, "Entered after the");
  assert_has (text, "-£60.00");
  assert_has (text, "20/05/2028");

  /* Hostile text is only text. */
  assert_has (text, HOSTILE_SUPPLIER);
  assert_has (text, HOSTILE_DESCRIPTION);

  /* The checklist: the hostile supplier with nothing held, the cards on order; not the entry
   * reversed, which needs no evidence, nor its reversal. */
  checklist = g_strdup (strstr (text, "Evidence checklist"));
  g_assert_nonnull (checklist);
  assert_has (checklist, "2 entries need evidence");
  assert_has (checklist, HOSTILE_SUPPLIER);
  assert_has (checklist, "None held");
  assert_has (checklist, "Card Printers");
  assert_has (checklist, "Contract or order");
  g_assert_null (strstr (checklist, "Wrong Hire Co"));
  g_assert_null (strstr (checklist, "Village halls"));
  g_assert_cmpuint (count (text, "Wrong Hire Co"), ==, 2);
}

/* A UK Parliamentary by-election: each head within its maximum, the overall maximum binding;
 * the advance expected and the claim's deadline. Before the order's figures are entered, the
 * statement says that what is recoverable cannot be worked out. */
static void
test_pdf_claim (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *poll = ed_test_accounts_add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, 9, 3,
                                                     2028, NULL);
  const EdMra mra = { .services = 1000000, .expenses = 9000000, .overall = 9500000 };
  g_autofree char *path = ed_test_dir_file (fixture, "claim.pdf");
  g_autofree char *text = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  ed_test_accounts_set_estimate (context, poll, ED_COST_STAFF_STATIONS, 8000000);
  ed_test_accounts_set_estimate (context, poll, ED_COST_RO_FEES, 900000);
  ed_test_accounts_spend_parliamentary (context, poll);

  account = ed_test_accounts_load (context, poll);
  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text != NULL)
    {
      assert_has (text, "Claim to the Elections Claims Unit");
      assert_has (text, "No maximum recoverable amounts have been entered");
      assert_has (text, "Claimed £97,000.00");
      assert_has (text, "Not yet submitted");
      /* One poll: no apportionment. */
      g_assert_null (strstr (text, "Apportionment"));
      g_clear_pointer (&text, g_free);
    }
  g_clear_pointer (&account, ed_account_free);

  ed_test_accounts_set_mra (context, poll, &mra);
  account = ed_test_accounts_load (context, poll);
  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    return;
  assert_has (text, "UK Parliament");
  assert_has (text, "Services claimed: the returning officer’s fees £9,000.00");
  assert_has (text, "£88,000.00");
  assert_has (text, "Maximum recoverable for services £10,000.00");
  assert_has (text, "Maximum recoverable for expenses £90,000.00");
  assert_has (text, "Overall maximum recoverable £95,000.00");
  assert_has (text, "Disallowed: services over their maximum £0.00");
  assert_has (text, "Disallowed: expenses over their maximum £0.00");
  assert_has (text, "Disallowed: over the overall maximum £2,000.00");
  assert_has (text, "Recoverable £95,000.00");
  assert_has (text, "claimed apart from the maximum £40,000.00");
  assert_has (text, "£66,750.00");
  assert_has (text, "Saturday 9 September 2028");
  assert_has (text, "SI 2024/693");
  g_assert_null (strstr (text, "No maximum recoverable amounts"));
  /* Every entry has its invoice. */
  assert_has (text, "No entries need evidence");
}

/* An entry slipped in among those a submission covered (a desk that had not seen it): the
 * statement warns, and says which submission it means. */
static void
test_pdf_changed_since_submission (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  const char *polls[] = { pcc, NULL };
  g_autofree char *path = ed_test_dir_file (fixture, "changed.pdf");
  g_autofree char *lock = NULL;
  g_autofree char *text = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  g_free (ed_test_accounts_spend (context, ED_COST_NOTICES, "Gazette", 1000, 200, polls));
  lock = ed_account_lock (context, pcc, "A. Officer", &error);
  g_assert_no_error (error);
  ed_test_accounts_plant_entry (context, pcc, "Caterers", 999);
  account = ed_test_accounts_load (context, pcc);
  g_assert_true (account->changed_since_lock);
  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    return;
  assert_has (text, "Submitted on Wednesday 2 January 2030 by A. Officer");
  assert_has (text, "Warning: the entries the submission covered are no longer as they were");
  g_assert_null (strstr (text, "after the submission"));
}

/* A local poll's fee against the council's scale: the fee charged above it is stated. An
 * account with no entries says so. */
static void
test_pdf_fee_scale (EdTestDir     *fixture,
                    gconstpointer  data)
{
  /* The demo's own May account taken away: the test writes its own. */
  g_autoptr(EdContext) context = ed_test_accounts_open_demo (fixture, DEMO_ELECTORS);
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "local.pdf");
  g_autofree char *text = NULL;
  g_autofree char *scale_fee = NULL;
  g_autofree char *over = NULL;
  const EdFeeScale scale = { .per_election = 50000, .per_1000_electors = 5300,
                             .per_contested_area = 1000 };
  EdAccountPoll *poll;

  account = ed_test_accounts_load (context, MAY_POLL);
  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text != NULL)
    {
      assert_has (text, "No entries have been made.");
      assert_has (text, "No entries need evidence");
      g_clear_pointer (&text, g_free);
    }
  g_clear_pointer (&account, ed_account_free);

  g_assert_true (ed_account_set_fee_scale (context, MAY_POLL, &scale, &error));
  g_assert_no_error (error);
  {
    const char *polls[] = { MAY_POLL, NULL };

    g_free (ed_test_accounts_spend (context, ED_COST_RO_FEES, "Returning officer", 150000, 0,
                                    polls));
  }
  account = ed_test_accounts_load (context, MAY_POLL);
  poll = ed_account_get_poll (account, 0);
  g_assert_true (poll->has_fee_scale);
  g_assert_cmpint (poll->fee_over_scale, >, 0);
  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    return;
  {
    g_autofree char *money = ed_money_format (poll->scale_fee);

    scale_fee = g_strdup_printf ("Fee by the scale %s", money);
  }
  over = ed_money_format (poll->fee_over_scale);
  assert_has (text, "against the council’s scale");
  assert_has (text, scale_fee);
  assert_has (text, "Fees charged to the poll £1,500.00");
  assert_has (text, "£500.00 for the election, £53.00 for each 1,000 electors and £10.00 for "
                    "each contested area");
  {
    g_autofree char *line = g_strdup_printf ("Over the scale %s", over);
    g_autofree char *sentence = g_strdup_printf ("The fees charged are %s more than the scale",
                                                 over);

    assert_has (text, line);
    assert_has (text, sentence);
  }
}

static void
add_summary_json (JsonBuilder *builder,
                  EdAccount   *account,
                  gint         poll)
{
  g_autoptr(GPtrArray) rows = ed_account_statement_summary (account, poll);

  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *row = g_ptr_array_index (rows, i);

      if (row->kind == ED_STATEMENT_ROW_LINE)
        continue;
      json_builder_set_member_name (builder, row->kind == ED_STATEMENT_ROW_SUBTOTAL
                                               ? "subtotal" : "grand_total");
      json_builder_add_int_value (builder, row->amount);
    }
}

static void
add_member_int (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* What the workbook must hold, from the account itself, for the reader to check it against. */
static void
write_expected (EdAccount  *account,
                const char *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  add_member_int (builder, "estimate_total", account->estimate_total);
  add_member_int (builder, "total", account->total);
  add_member_int (builder, "net", account->net);
  add_member_int (builder, "vat", account->vat);
  add_summary_json (builder, account, -1);
  json_builder_set_member_name (builder, "heads");
  json_builder_begin_object (builder);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (h != ED_COST_REGISTRATION && (account->estimate[h] != 0 || account->spent[h] != 0))
      {
        json_builder_set_member_name (builder, ed_cost_head_get_display_name (h));
        json_builder_begin_array (builder);
        json_builder_add_int_value (builder, account->estimate[h]);
        json_builder_add_int_value (builder, account->spent[h]);
        json_builder_end_array (builder);
      }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "polls");
  json_builder_begin_array (builder);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdAccountPoll *poll = ed_account_get_poll (account, p);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, poll->election->title);
      add_member_int (builder, "total", poll->total);
      add_summary_json (builder, account, (gint)p);
      json_builder_set_member_name (builder, "heads");
      json_builder_begin_object (builder);
      for (guint h = 0; h < ED_N_COST_HEADS; h++)
        if (account->spent[h] != 0)
          add_member_int (builder, ed_cost_head_get_display_name (h), poll->spent[h]);
      json_builder_end_object (builder);
      if ((gint)p == account->parliamentary && account->has_mra)
        {
          json_builder_set_member_name (builder, "claim");
          json_builder_begin_object (builder);
          add_member_int (builder, "services", account->recoverable.services_claimed);
          add_member_int (builder, "expenses", account->recoverable.expenses_claimed);
          add_member_int (builder, "services_over_cap", account->recoverable.services_over_cap);
          add_member_int (builder, "expenses_over_cap", account->recoverable.expenses_over_cap);
          add_member_int (builder, "over_overall", account->recoverable.over_overall);
          add_member_int (builder, "recoverable", account->recoverable.recoverable);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, entry->supplier);
      add_member_int (builder, "net", entry->net);
      add_member_int (builder, "vat", entry->vat);
      add_member_int (builder, "gross", entry->gross);
      json_builder_set_member_name (builder, "shares");
      json_builder_begin_array (builder);
      for (guint p = 0; p < ed_account_n_polls (account); p++)
        json_builder_add_int_value (builder, entry->shares[p]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "literals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      if (g_str_equal (entry->supplier, HOSTILE_SUPPLIER))
        {
          json_builder_add_string_value (builder, HOSTILE_SUPPLIER);
          json_builder_add_string_value (builder, HOSTILE_DESCRIPTION);
        }
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
}

/* Runs the reader over a workbook; FALSE when openpyxl is missing and the test is skipped. */
static gboolean
read_back (EdTestDir  *fixture,
           const char *workbook,
           EdAccount  *account)
{
  g_autofree char *expected = ed_test_dir_file (fixture, "expected.json");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "unit", "read-accounts-xlsx.py",
                                                   NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", script, workbook, expected, NULL };
  int wait_status = 0;

  write_expected (account, expected);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 77)
    {
      g_test_skip ("python3-openpyxl is not installed: the workbook is not read back");
      return FALSE;
    }
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("the workbook does not read back:\n%s%s", out, err);
  g_assert_nonnull (strstr (out, "workbook ok"));
  return TRUE;
}

/* The combined account's workbook: a sheet for the account, one for each poll, the
 * apportionment with its check column all nought, and the ledger; amounts as numbers, totals
 * as formulas that come to the account's figures, the hostile supplier as text. */
static void
test_xlsx_combined (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_auto(Combined) c = { 0 };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ed_test_dir_file (fixture, "statement.xlsx");

  set_up_combined (fixture, &c);
  account = ed_test_accounts_load (c.context, c.pcc);
  g_assert_true (ed_account_statement_write_xlsx (account, path, &error));
  g_assert_no_error (error);
  ed_test_dir_assert_no_temporaries (fixture->dir);
  read_back (fixture, path, account);
}

/* The parliamentary poll's workbook: its claim, each disallowance and what is recoverable as
 * formulas over what is claimed and the maximums. */
static void
test_xlsx_claim (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *poll = ed_test_accounts_add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, 9, 3,
                                                     2028, NULL);
  const EdMra mra = { .services = 800000, .expenses = 9000000, .overall = 9500000 };
  g_autofree char *path = ed_test_dir_file (fixture, "claim.xlsx");
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  ed_test_accounts_set_mra (context, poll, &mra);
  ed_test_accounts_spend_parliamentary (context, poll);
  account = ed_test_accounts_load (context, poll);
  /* The services over their maximum, and what is left over the overall maximum. */
  g_assert_cmpint (account->recoverable.services_over_cap, ==, 100000);
  g_assert_cmpint (account->recoverable.over_overall, ==, 100000);
  g_assert_true (ed_account_statement_write_xlsx (account, path, &error));
  g_assert_no_error (error);
  read_back (fixture, path, account);
}

/* The demo's May poll and its parishes' poll, with a commissioner's, a mayor's, a referendum
 * and a parliamentary by-election combined with them: six polls, more than one table's
 * width. The parishes bear their own costs only; the parliamentary poll's claim is its share.
 * The workbook of the same account reads back as well. */
static void
test_many_polls (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, PARISHED_ELECTORS);
  g_autoptr(EdElection) may = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(EdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parliamentary = NULL;
  g_autofree char *pdf = ed_test_dir_file (fixture, "many.pdf");
  g_autofree char *xlsx = ed_test_dir_file (fixture, "many.xlsx");
  g_autofree char *text = NULL;
  const EdMra mra = { .services = 100000, .expenses = 500000, .overall = 550000 };
  const char *parish = NULL;
  guint n_premises = 0;

  may = ed_election_load (context, MAY_POLL, &error);
  g_assert_no_error (error);
  g_free (ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 6, 5, 2027, may->id));
  g_free (ed_test_accounts_add_poll (context, ED_ELECTION_MAYORAL, 6, 5, 2027, may->id));
  g_free (ed_test_accounts_add_poll (context, ED_ELECTION_REFERENDUM, 6, 5, 2027, may->id));
  parliamentary = ed_test_accounts_add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, 6, 5, 2027,
                                             may->id);
  ed_test_accounts_set_mra (context, parliamentary, &mra);

  account = ed_test_accounts_load (context, MAY_POLL);
  g_assert_cmpuint (ed_account_n_polls (account), ==, 6);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdElection *poll = ed_account_get_poll (account, p)->election;

      g_ptr_array_add (all, g_strdup (poll->id));
      if (poll->kind == ED_ELECTION_PARISH)
        parish = poll->id;
    }
  g_assert_nonnull (parish);
  g_ptr_array_add (all, NULL);
  {
    const char *parish_only[] = { parish, NULL };

    g_free (ed_test_accounts_spend (context, ED_COST_PREMISES, "Village halls", 10000, 0,
                   (const char * const *)all->pdata));
    g_free (ed_test_accounts_spend (context, ED_COST_RO_FEES, "Returning officer", 123457, 0,
                   (const char * const *)all->pdata));
    g_free (ed_test_accounts_spend (context, ED_COST_BALLOT_PAPERS, "Print Ltd", 1234, 0,
                                    parish_only));
  }
  g_clear_pointer (&account, ed_account_free);
  account = ed_test_accounts_load (context, MAY_POLL);
  g_assert_cmpint (account->parliamentary, >=, 0);

  /* The heads by poll take two tables, the second with the account's total: premises are a
   * row of the heads' estimate and spending, and of each. */
  document = ed_account_statement_document (account, COUNCIL);
  for (guint b = 0; b < _ed_document_get_n_blocks (document); b++)
    if (_ed_document_get_block (document, b, NULL) == _ED_DOCUMENT_ITEM_ROW &&
        g_str_equal (_ed_document_get_text (document, b, 0), "Premises"))
      n_premises++;
  g_assert_cmpuint (n_premises, ==, 3);

  g_assert_true (ed_account_statement_write_pdf (account, COUNCIL, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text != NULL)
    {
      assert_has (text, "parish polls bear their additional");
      assert_has (text, "The claim for UK Parliament is its share of the account.");
      assert_has (text, "Parish and town councils");
      assert_has_amount (text, account->total);
      assert_has_amount (text, account->recoverable.recoverable);
    }

  g_assert_true (ed_account_statement_write_xlsx (account, xlsx, &error));
  g_assert_no_error (error);
  read_back (fixture, xlsx, account);
}

/* A failed write leaves nothing behind and says why. */
static void
test_write_failure (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autoptr(EdAccount) account = ed_test_accounts_load (context, MAY_POLL);
  g_autofree char *missing = ed_test_dir_file (fixture, "no-such-folder/statement");
  g_autofree char *pdf = g_strconcat (missing, ".pdf", NULL);
  g_autofree char *xlsx = g_strconcat (missing, ".xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_account_statement_write_pdf (account, COUNCIL, pdf, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (ed_account_statement_write_xlsx (account, xlsx, &error));
  g_assert_nonnull (error);
  ed_test_dir_assert_no_temporaries (fixture->dir);
}

/* The disk fills up half way through the workbook (ed-test-full-disk.h): the error names the
 * file and says the disk is full, in the words of the PDF's on the same disk, and nothing is
 * left under any name. */
static void
test_xlsx_full_disk (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autoptr(EdAccount) account = ed_test_accounts_load (context, MAY_POLL);
  g_autofree char *out = ed_test_dir_file (fixture, "out");
  g_autofree char *xlsx = g_build_filename (out, "statement.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (out, "statement.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pdf_error = NULL;
  g_autoptr(GString) pdf_words = NULL;
  g_autoptr(GDir) left = NULL;
  GStatBuf whole;
  gboolean written;

  g_assert_no_errno (g_mkdir (out, 0700));
  /* Written on a disk with room first, for its size. */
  g_assert_true (ed_account_statement_write_xlsx (account, xlsx, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (xlsx, &whole));
  g_assert_no_errno (g_unlink (xlsx));

  ed_test_full_disk_begin ((guint64)whole.st_size / 2);
  written = ed_account_statement_write_xlsx (account, xlsx, &error);
  g_assert_false (ed_account_statement_write_pdf (account, COUNCIL, pdf, &pdf_error));
  ed_test_full_disk_end ();

  g_assert_false (written);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_error (pdf_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  pdf_words = g_string_new (pdf_error->message);
  g_assert_cmpuint (g_string_replace (pdf_words, "statement.pdf", "statement.xlsx", 0), ==, 1);
  g_assert_cmpstr (error->message, ==, pdf_words->str);
  left = g_dir_open (out, 0, NULL);
  g_assert_nonnull (left);
  g_assert_null (g_dir_read_name (left));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/accounts/statement/pdf/combined", test_pdf_combined);
  ED_TEST_ADD ("/accounts/statement/pdf/claim", test_pdf_claim);
  ED_TEST_ADD ("/accounts/statement/pdf/fee-scale", test_pdf_fee_scale);
  ED_TEST_ADD ("/accounts/statement/pdf/changed-since-submission",
               test_pdf_changed_since_submission);
  ED_TEST_ADD ("/accounts/statement/xlsx/combined", test_xlsx_combined);
  ED_TEST_ADD ("/accounts/statement/xlsx/claim", test_xlsx_claim);
  ED_TEST_ADD ("/accounts/statement/many-polls", test_many_polls);
  ED_TEST_ADD ("/accounts/statement/write-failure", test_write_failure);
  ED_TEST_ADD ("/accounts/statement/xlsx/full-disk", test_xlsx_full_disk);

  return g_test_run ();
}
