/* test-accounts-ledger.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An election's account on the demo district (issue 17): the published statement's structure
 * of DOMAIN.md §5.3 from its lines, to the penny; the equal split of RPA 1985 s.15(4) over
 * three polls whose pennies do not divide, and a parish recharged its additional cost only
 * (§5.2); a parliamentary claim whose heads are each within their maximum but whose overall
 * maximum binds (§5.1, SI 2017/637 arts 3 to 5); the ledger's reversals (SYNC.md §4.10); the
 * payroll brought in once; and a submitted account that shows what changed after it. */

#include "config.h"

#include <string.h>

#include "accounts/ed-account.h"
#include "accounts/ed-account-statement.h"
#include "changes/ed-change-set.h"
#include "changes/ed-validate.h"
#include "core/ed-date.h"
#include "staff/ed-payroll.h"
#include "staff/ed-staff-appointment.h"
#include "ed-test-accounts.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"

#define DEMO_ELECTORS 1200
#define PARISHED_ELECTORS 9000
#define MAY_POLL "local.ashmere-vale.2027-05-06"

static gint64
count_entries (EdContext *context)
{
  gint64 n = -1;

  g_assert_true (ed_database_count_rows (ed_replica_get_database (ED_REPLICA (context)),
                                         "account_entry", &n, NULL));
  return n;
}

/* DOMAIN.md §5.3: the Lisburn and Castlereagh statement of 18 May 2023, rebuilt from lines
 * entered under the heads. The deputy returning officer's fee of £5,190.00 is inside the staff
 * costs of £208,002.46, taken out for the sub-total of £382,750.18 and added back with the
 * candidates' postage for the grand total of £507,898.51. */
static void
test_published_statement (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *poll = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  const char *polls[] = { poll, NULL };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  static const struct
  {
    const char *label_start;
    EdMoney     amount;
    EdStatementRowKind kind;
  } expected[] = {
    { "Staff costs (including travel), including the returning officer’s and deputies’ fees "
      "of £5,190.00", 20800246, ED_STATEMENT_ROW_LINE },
    { "Staff costs excluding the fees", 20281246, ED_STATEMENT_ROW_LINE },
    { "Administration", 17993772, ED_STATEMENT_ROW_LINE },
    { "Sub-total", 38275018, ED_STATEMENT_ROW_SUBTOTAL },
    { "Candidates’ election addresses (postage)", 11995833, ED_STATEMENT_ROW_LINE },
    { "Returning officer’s and deputies’ fees", 519000, ED_STATEMENT_ROW_LINE },
    { "Grand total", 50789851, ED_STATEMENT_ROW_TOTAL },
  };
  EdMoney in_total = 0;

  g_free (ed_test_accounts_spend (context, ED_COST_RO_FEES, "Deputy returning officer", 519000, 0,
                                  polls));
  /* Staff, with their travel, in several lines and heads: 202,812.46. */
  g_free (ed_test_accounts_spend (context, ED_COST_STAFF_STATIONS, "Payroll", 14000000, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_STAFF_COUNT, "Payroll", 5000000, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_STAFF_POSTAL_OPENING, "Payroll", 1234567, 0,
                                  polls));
  g_free (ed_test_accounts_spend (context, ED_COST_TRAVEL_SUBSISTENCE, "Payroll", 46679, 0, polls));
  /* Administration, net and VAT: 179,937.72. */
  g_free (ed_test_accounts_spend (context, ED_COST_NOTICES, "Ashmere Gazette", 1000000, 200000,
                                  polls));
  g_free (ed_test_accounts_spend (context, ED_COST_POLL_CARDS, "Print Ltd", 4000000, 800000,
                                  polls));
  g_free (ed_test_accounts_spend (context, ED_COST_PREMISES, "Village halls", 6593772, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_EQUIPMENT, "Van hire", 3400000, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_OTHER, "Stationers", 2000000, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_CANDIDATE_MAILINGS, "Royal Mail", 11995833, 0,
                                  polls));

  account = ed_test_accounts_load (context, poll);
  rows = ed_account_statement_summary (account, -1);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *row = g_ptr_array_index (rows, i);

      g_assert_true (g_str_has_prefix (row->label, expected[i].label_start));
      g_assert_cmpint (row->amount, ==, expected[i].amount);
      g_assert_cmpint (row->kind, ==, expected[i].kind);
      if (row->in_total)
        in_total += row->amount;
    }
  /* The rows the grand total adds come to it; the account's own total is the same. */
  g_assert_cmpint (in_total, ==, 50789851);
  g_assert_cmpint (account->total, ==, 50789851);
  g_assert_cmpint (account->vat, ==, 1000000);
  /* The poll on its own bears all of it. */
  g_assert_cmpint (ed_account_get_poll (account, 0)->total, ==, 50789851);
}

/* RPA 1985 s.15(4): a cost shared by three polls is split equally; £100.00 does not divide
 * into three, and the odd penny goes to the first poll of the combination (ed-apportion.c), so
 * the shares add up to the cost exactly. A cost solely for one poll is charged to it, and a
 * reversal takes back from each poll exactly what the cost gave it. */
static void
test_three_way_split (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  g_autofree char *mayor = ed_test_accounts_add_poll (context, ED_ELECTION_MAYORAL, 4, 5, 2028,
                                                      pcc);
  g_autofree char *referendum = ed_test_accounts_add_poll (context, ED_ELECTION_REFERENDUM, 4, 5,
                                                           2028, pcc);
  const char *all[] = { mayor, referendum, pcc, NULL };
  const char *mayor_only[] = { mayor, NULL };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *reversal = NULL;
  const EdAccountEntry *entry;
  EdMoney sum = 0;

  shared = ed_test_accounts_spend (context, ED_COST_PREMISES, "Village halls", 10000, 0, all);
  g_free (ed_test_accounts_spend (context, ED_COST_BALLOT_PAPERS, "Print Ltd", 2500, 500,
                                  mayor_only));
  account = ed_test_accounts_load (context, referendum);
  g_assert_cmpuint (ed_account_n_polls (account), ==, 3);
  /* The account is the combination's, named by its first poll. */
  g_assert_cmpstr (account->election->id, ==, pcc);

  entry = ed_account_find_entry (account, shared);
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->sharing, ==, 3);
  g_assert_cmpint (entry->shares[0], ==, 3334);
  g_assert_cmpint (entry->shares[1], ==, 3333);
  g_assert_cmpint (entry->shares[2], ==, 3333);
  for (guint p = 0; p < 3; p++)
    sum += entry->shares[p];
  g_assert_cmpint (sum, ==, 10000);

  /* The mayoral poll's ballot papers are its own. */
  for (guint p = 0; p < 3; p++)
    {
      EdAccountPoll *poll = ed_account_get_poll (account, p);

      g_assert_cmpint (poll->spent[ED_COST_BALLOT_PAPERS], ==,
                       g_str_equal (poll->election->id, mayor) ? 3000 : 0);
    }
  g_assert_cmpint (account->total, ==, 13000);
  g_clear_pointer (&account, ed_account_free);

  /* Reversed: every poll's premises back to nothing, both entries still in the ledger. */
  reversal = ed_account_reverse_entry (context, shared, &error);
  g_assert_no_error (error);
  account = ed_test_accounts_load (context, pcc);
  g_assert_cmpuint (account->entries->len, ==, 3);
  for (guint p = 0; p < 3; p++)
    g_assert_cmpint (ed_account_get_poll (account, p)->spent[ED_COST_PREMISES], ==, 0);
  g_assert_cmpstr (ed_account_find_entry (account, shared)->reversed_by, ==, reversal);
  g_assert_cmpint (ed_account_find_entry (account, reversal)->gross, ==, -10000);
}

/* DOMAIN.md §5.2: a parish poll combined with the district's is recharged only the additional
 * cost of holding it, by default; the council may choose an equal share instead. */
static void
test_parish_recharge (EdTestDir     *fixture,
                      gconstpointer  data)
{
  /* Large enough for a second ward, which is parished: the demo's parish poll. */
  g_autoptr(EdContext) context = ed_test_accounts_open_demo (fixture, PARISHED_ELECTORS);
  g_autoptr(EdElection) may = NULL;
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) polls = g_ptr_array_new ();
  g_autofree char *shared = NULL;
  const char *parish_id = NULL;
  const EdAccountEntry *entry;
  guint n_parish = 0;

  may = ed_election_load (context, MAY_POLL, &error);
  g_assert_no_error (error);
  /* A commissioner's poll combined too, so that the district's poll shares with another. */
  g_free (ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 6, 5, 2027, may->id));
  combination = ed_election_load_combination (context, may, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < combination->len; p++)
    {
      EdElection *poll = g_ptr_array_index (combination, p);

      g_ptr_array_add (polls, poll->id);
      if (poll->kind == ED_ELECTION_PARISH)
        {
          n_parish++;
          parish_id = poll->id;
        }
    }
  g_ptr_array_add (polls, NULL);
  g_assert_cmpuint (n_parish, >, 0);

  shared = ed_test_accounts_spend (context, ED_COST_PREMISES, "Village halls", 99999, 0,
                  (const char * const *)polls->pdata);
  {
    const char *parish_only[] = { parish_id, NULL };

    g_free (ed_test_accounts_spend (context, ED_COST_BALLOT_PAPERS, "Print Ltd", 1234, 0,
                                    parish_only));
  }

  account = ed_test_accounts_load (context, MAY_POLL);
  entry = ed_account_find_entry (account, shared);
  /* The district's poll bears the whole shared cost; each parish only its own papers. */
  g_assert_cmpuint (entry->sharing, ==, combination->len - n_parish);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    {
      EdAccountPoll *poll = ed_account_get_poll (account, p);

      if (poll->election->kind == ED_ELECTION_PARISH)
        {
          g_assert_cmpint (entry->shares[p], ==, 0);
          g_assert_cmpint (poll->total, ==, g_str_equal (poll->election->id, parish_id) ? 1234 : 0);
        }
    }
  g_clear_pointer (&account, ed_account_free);

  g_assert_true (ed_account_set_parish_recharge (context, MAY_POLL,
                                                 ED_PARISH_RECHARGE_EQUAL_SHARE, &error));
  g_assert_no_error (error);
  account = ed_test_accounts_load (context, MAY_POLL);
  entry = ed_account_find_entry (account, shared);
  g_assert_cmpuint (entry->sharing, ==, combination->len);
  {
    EdMoney sum = 0;

    for (guint p = 0; p < ed_account_n_polls (account); p++)
      {
        sum += entry->shares[p];
        g_assert_cmpint (entry->shares[p], >=, 99999 / (gint64)combination->len);
      }
    g_assert_cmpint (sum, ==, 99999);
  }
}

/* DOMAIN.md §5.1: each head within its maximum, the two together over the overall maximum,
 * which the order sets apart from their sum: the overall cap binds. The advance is 75% of the
 * estimate, and the claim is due six months after the poll. */
static void
test_overall_cap_binds (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *poll = ed_test_accounts_add_poll (context, ED_ELECTION_UK_PARLIAMENTARY_BY, 9, 3,
                                                     2028, NULL);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  const EdMra mra = { .services = 1000000, .expenses = 9000000, .overall = 9500000 };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GDate deadline;

  ed_test_accounts_set_mra (context, poll, &mra);
  g_assert_false (ed_account_set_mra (context, pcc, &mra, "", &error));
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOT_PARLIAMENTARY);
  g_clear_error (&error);
  ed_test_accounts_set_estimate (context, poll, ED_COST_STAFF_STATIONS, 8000000);
  ed_test_accounts_set_estimate (context, poll, ED_COST_RO_FEES, 1000000);
  /* Set again: revised, not added to. */
  ed_test_accounts_set_estimate (context, poll, ED_COST_RO_FEES, 900000);

  /* Mailings among them, which are claimed apart from the maximum. */
  ed_test_accounts_spend_parliamentary (context, poll);

  account = ed_test_accounts_load (context, poll);
  g_assert_cmpint (account->parliamentary, ==, 0);
  g_assert_true (account->has_mra);
  g_assert_cmpstr (account->mra_source, ==, "SI 2024/693");
  g_assert_cmpint (account->recoverable.services_claimed, ==, 900000);
  g_assert_cmpint (account->recoverable.expenses_claimed, ==, 8800000);
  g_assert_cmpint (account->recoverable.services_over_cap, ==, 0);
  g_assert_cmpint (account->recoverable.expenses_over_cap, ==, 0);
  g_assert_cmpint (account->recoverable.over_overall, ==, 200000);
  g_assert_cmpint (account->recoverable.recoverable, ==, 9500000);
  g_assert_cmpint (account->estimate[ED_COST_RO_FEES], ==, 900000);
  g_assert_cmpint (account->estimate_total, ==, 8900000);
  g_assert_cmpint (account->advance, ==, 6675000);
  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, 9, G_DATE_SEPTEMBER, 2028);
  g_assert_cmpint (g_date_compare (&account->claim_deadline, &deadline), ==, 0);
}

/* Refused entries say why and leave the ledger as it was; a reversal is taken once. */
static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  g_autofree char *other = ed_test_accounts_add_poll (context, ED_ELECTION_MAYORAL, 7, 9, 2028,
                                                      NULL);
  const char *polls[] = { pcc, NULL };
  const char *across[] = { pcc, other, NULL };
  const char *nowhere[] = { NULL };
  g_autofree char *entry_id = ed_test_accounts_spend (context, ED_COST_NOTICES, "Gazette", 1000,
                                                      200, polls);
  g_autofree char *reversal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_entries (context);
  struct
  {
    EdAccountEntryNew entry;
    int               code;
  } refused[] = {
    { { .head = ED_COST_NOTICES, .supplier = "  ", .net = 100, .polls = polls },
      ED_ACCOUNT_ERROR_INVALID },
    { { .head = ED_COST_NOTICES, .supplier = "Gazette", .polls = polls },
      ED_ACCOUNT_ERROR_INVALID },
    { { .head = ED_COST_REGISTRATION, .supplier = "Canvass", .net = 100, .polls = polls },
      ED_ACCOUNT_ERROR_INVALID },
    { { .head = ED_COST_NOTICES, .supplier = "Gazette", .net = 100, .polls = across },
      ED_ACCOUNT_ERROR_NOT_IN_COMBINATION },
    { { .head = ED_COST_NOTICES, .supplier = "Gazette", .net = 100, .polls = nowhere },
      ED_ACCOUNT_ERROR_INVALID },
    { { .head = ED_COST_NOTICES, .supplier = "Ga\xffzette", .net = 100, .polls = polls },
      ED_ACCOUNT_ERROR_INVALID },
    { { .head = ED_COST_NOTICES, .supplier = "Gazette", .net = ED_MONEY_MAX, .vat = 1,
        .polls = polls },
      ED_ACCOUNT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *id = ed_account_add_entry (context, &refused[i].entry, &error);

      g_assert_null (id);
      g_assert_error (error, ED_ACCOUNT_ERROR, refused[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      g_assert_cmpint (count_entries (context), ==, before);
    }

  reversal = ed_account_reverse_entry (context, entry_id, &error);
  g_assert_no_error (error);
  g_assert_null (ed_account_reverse_entry (context, entry_id, &error));
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_REVERSED);
  g_clear_error (&error);
  g_assert_null (ed_account_reverse_entry (context, reversal, &error));
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_REVERSED);
  g_clear_error (&error);
  g_assert_null (ed_account_reverse_entry (context, "no-such-entry", &error));
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NO_SUCH_ENTRY);
  g_clear_error (&error);
  g_assert_cmpint (count_entries (context), ==, before + 1);
}

/* Two desks reverse one entry before they sync: the validator says so, and nothing is
 * edited. Planted as the second desk's row would arrive. */
static void
test_reversed_twice_is_flagged (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  const char *polls[] = { pcc, NULL };
  g_autofree char *entry_id = ed_test_accounts_spend (context, ED_COST_NOTICES, "Gazette", 1000, 0,
                                                      polls);
  g_autofree char *reversal = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const columns[] = { "election", "head", "supplier", "net", "polls",
                                          "reverses", "evidence" };
  gboolean flagged = FALSE;

  reversal = ed_account_reverse_entry (context, entry_id, &error);
  g_assert_no_error (error);
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  {
    GVariant *values[] = {
      g_variant_new_string (pcc), g_variant_new_string ("notices"),
      g_variant_new_string ("Gazette"), g_variant_new_int64 (-1000),
      g_variant_new_string (pcc), g_variant_new_string (entry_id),
      g_variant_new_string ("invoice"),
    };

    g_assert_true (ed_change_set_insert (change_set, "account_entry", NULL, columns, values,
                                         G_N_ELEMENTS (values), NULL, &error));
    g_assert_true (ed_change_set_commit (change_set, &error));
    g_assert_no_error (error);
  }
  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  items = ed_validate_list_items (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    flagged |= g_str_equal (((EdValidationItem *)g_ptr_array_index (items, i))->validator,
                            "account-entry-reversed-twice");
  g_assert_true (flagged);
}

/* The payroll comes in as entries, once: each approved run of the combination's polls by
 * cost head, shared by the polls; brought in again, nothing new. */
static void
test_payroll_brought_in (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_accounts_open_demo (fixture, DEMO_ELECTORS);
  g_autoptr(EdElection) may = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(EdPayroll) payroll = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  EdMoney election_costs = 0;
  guint added;

  may = ed_election_load (context, MAY_POLL, &error);
  g_assert_no_error (error);
  appointments = ed_staff_appointment_list (context, may->id, ED_STAFF_APPOINTMENT_BY_STATION,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (appointments->len, >, 4);
  for (guint i = 0; i < 4; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

      g_assert_true (ed_change_set_set (change_set, "staff_appointment", appointment->id, "state",
                                        g_variant_new_string ("attended"), &error));
      g_assert_true (ed_change_set_commit (change_set, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ed_payroll_approve (context, may->id, "A. Officer", NULL, &error));
  g_assert_no_error (error);
  payroll = ed_payroll_load_approved (context, may->id, &error);
  g_assert_no_error (error);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (h != ED_COST_REGISTRATION)
      election_costs += payroll->approved.cost_heads[h];
  g_assert_cmpint (election_costs, >, 0);

  added = ed_account_bring_in_payroll (context, MAY_POLL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added, >, 0);
  account = ed_test_accounts_load (context, MAY_POLL);
  g_assert_cmpuint (account->entries->len, ==, added);
  g_assert_cmpint (account->total, ==, election_costs);
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      g_assert_cmpint (entry->evidence, ==, ED_EVIDENCE_PAYROLL);
      g_assert_cmpstr (entry->pay_run, ==, ((EdPayrollRun *)g_ptr_array_index (payroll->runs, 0))->id);
    }

  g_assert_cmpuint (ed_account_bring_in_payroll (context, MAY_POLL, &error), ==, 0);
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOTHING_NEW);
}

/* A submitted account: entries after it are marked as such; a submission with nothing new is
 * refused; an entry slipped in among those it covered (a desk that had not seen it) shows. */
static void
test_lock (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, DEMO_ELECTORS);
  g_autofree char *pcc = ed_test_accounts_add_poll (context, ED_ELECTION_PCC, 4, 5, 2028, NULL);
  const char *polls[] = { pcc, NULL };
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *late = NULL;
  g_autofree char *again = NULL;
  EdAccountLock *submitted;

  g_free (ed_test_accounts_spend (context, ED_COST_NOTICES, "Gazette", 1000, 200, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_PREMISES, "Hall", 5000, 0, polls));
  lock = ed_account_lock (context, pcc, "A. Officer", &error);
  g_assert_no_error (error);
  g_assert_null (ed_account_lock (context, pcc, NULL, &error));
  g_assert_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOTHING_NEW);
  g_clear_error (&error);

  account = ed_test_accounts_load (context, pcc);
  g_assert_cmpuint (account->locks->len, ==, 1);
  submitted = g_ptr_array_index (account->locks, 0);
  g_assert_cmpuint (submitted->entries, ==, 2);
  g_assert_cmpint (submitted->total, ==, 6200);
  g_assert_cmpstr (submitted->locked_by, ==, "A. Officer");
  g_assert_false (account->changed_since_lock);
  g_assert_cmpuint (account->after_lock, ==, 0);
  g_clear_pointer (&account, ed_account_free);

  /* A late invoice: entered after, and shown so. */
  late = ed_test_accounts_spend (context, ED_COST_OTHER, "Stationers", 300, 60, polls);
  account = ed_test_accounts_load (context, pcc);
  g_assert_cmpuint (account->after_lock, ==, 1);
  g_assert_cmpstr (ed_account_find_entry (account, late)->after_lock, ==, lock);
  g_assert_false (account->changed_since_lock);
  g_clear_pointer (&account, ed_account_free);

  /* Another desk's entry, made before it saw the submission. */
  ed_test_accounts_plant_entry (context, pcc, "Caterers", 999);
  account = ed_test_accounts_load (context, pcc);
  g_assert_true (account->changed_since_lock);
  g_clear_pointer (&account, ed_account_free);

  /* Submitted again, it covers everything. */
  again = ed_account_lock (context, pcc, NULL, &error);
  g_assert_no_error (error);
  account = ed_test_accounts_load (context, pcc);
  g_assert_cmpuint (account->locks->len, ==, 2);
  g_assert_false (account->changed_since_lock);
  g_assert_cmpuint (((EdAccountLock *)g_ptr_array_index (account->locks, 1))->entries, ==, 4);
}

/* The demo's May account, as written on the demo's day (23 November 2026, months before the
 * poll): an estimate for every head of the election, the costs ordered so far with their
 * invoices to come, a repeated invoice reversed, the fee scale, and the shares of every cost
 * adding up to it. */
static void
test_demo_account (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, PARISHED_ELECTORS);
  g_autoptr(EdAccount) account = ed_test_accounts_load (context, MAY_POLL);
  guint reversals = 0;
  EdMoney by_poll = 0;

  g_assert_cmpuint (ed_account_n_polls (account), ==, 2);
  g_assert_cmpint (account->estimate_total, >, account->total);
  g_assert_cmpint (account->estimate[ED_COST_REGISTRATION], ==, 0);
  g_assert_cmpuint (account->entries->len, >, 10);
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);
      EdMoney sum = 0;

      for (guint p = 0; p < ed_account_n_polls (account); p++)
        sum += entry->shares[p];
      g_assert_cmpint (sum, ==, entry->gross);
      g_assert_cmpint (entry->evidence, ==, ED_EVIDENCE_CONTRACT);
      g_assert_false (g_date_valid (&entry->invoice_date));
      reversals += entry->reverses[0] != '\0';
    }
  g_assert_cmpuint (reversals, ==, 1);
  for (guint p = 0; p < ed_account_n_polls (account); p++)
    by_poll += ed_account_get_poll (account, p)->total;
  g_assert_cmpint (by_poll, ==, account->total);
  g_assert_true (ed_account_get_poll (account, 0)->has_fee_scale);
  g_assert_cmpint (ed_account_get_poll (account, 0)->scale_fee, >, 0);
  /* The parish bears its own notice and ballot papers only. */
  g_assert_cmpint (ed_account_get_poll (account, 1)->spent[ED_COST_POLL_CARDS], ==, 0);
  g_assert_cmpint (ed_account_get_poll (account, 1)->spent[ED_COST_BALLOT_PAPERS], >, 0);
}

/* The fee scale of a local poll: so much for the election, for each 1,000 electors and for
 * each contested area, a half penny rounded up once. */
static void
test_fee_scale (void)
{
  const EdFeeScale wiltshire = { .per_1000_electors = 5300 };
  const EdFeeScale mixed = { .per_election = 50000, .per_1000_electors = 2555,
                             .per_contested_area = 1000 };
  const EdFeeScale huge = { .per_election = ED_MONEY_MAX, .per_1000_electors = ED_MONEY_MAX };

  /* 5.3p an elector (Wiltshire) for 100,000 electors: £5,300.00. */
  g_assert_cmpint (ed_fee_scale_compute (&wiltshire, 100000, 0), ==, 530000);
  /* 1,234 electors at 2,555p a 1,000 is 3,152.87p: 3,153p. */
  g_assert_cmpint (ed_fee_scale_compute (&mixed, 1234, 3), ==, 50000 + 3153 + 3000);
  g_assert_cmpint (ed_fee_scale_compute (&huge, 1000000, 0), ==, ED_MONEY_MAX);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/accounts/statement/published-structure", test_published_statement);
  ED_TEST_ADD ("/accounts/apportion/three-polls", test_three_way_split);
  ED_TEST_ADD ("/accounts/apportion/parish-recharge", test_parish_recharge);
  ED_TEST_ADD ("/accounts/claim/overall-cap-binds", test_overall_cap_binds);
  ED_TEST_ADD ("/accounts/ledger/refusals", test_refusals);
  ED_TEST_ADD ("/accounts/ledger/reversed-twice", test_reversed_twice_is_flagged);
  ED_TEST_ADD ("/accounts/payroll/brought-in-once", test_payroll_brought_in);
  ED_TEST_ADD ("/accounts/lock/changes-after", test_lock);
  ED_TEST_ADD ("/accounts/demo/may-account", test_demo_account);
  g_test_add_func ("/accounts/fee-scale/compute", test_fee_scale);

  return g_test_run ();
}
