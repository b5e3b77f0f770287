/* ed-test-accounts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "changes/ed-change-set.h"
#include "ed-test-accounts.h"
#include "ed-test-demo.h"

/* The demo district without its own accounts (the May poll's), for a test that writes an
 * account of its own. */
EdContext *
ed_test_accounts_open_demo (EdTestDir *fixture,
                            guint      electors)
{
  EdContext *context = ed_test_demo_open (fixture, electors);

  ed_test_demo_remove_accounts (context);
  return context;
}

/* A poll in England on @day/@month/@year, on its own or combined with @combine_with's, as
 * the Elections page adds one. Returns its row id. */
char *
ed_test_accounts_add_poll (EdContext      *context,
                           EdElectionKind  kind,
                           int             day,
                           int             month,
                           int             year,
                           const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = kind, .country = ED_COUNTRY_ENGLAND,
                            .combine_with = combine_with };
  char *id;

  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  id = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* @entry entered in the ledger as the entry dialog enters it. Returns the entry's row id. */
char *
ed_test_accounts_add_entry (EdContext               *context,
                            const EdAccountEntryNew *entry)
{
  g_autoptr(GError) error = NULL;
  char *id = ed_account_add_entry (context, entry, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A cost entered from its invoice, INV-1 of 20 May 2028, for @polls (a %NULL-terminated list
 * of row ids) to share; @evidence is what is held for it. Returns the entry's row id. */
char *
ed_test_accounts_spend_full (EdContext          *context,
                             EdCostHead          head,
                             const char         *supplier,
                             const char         *description,
                             EdMoney             net,
                             EdMoney             vat,
                             const char * const *polls,
                             EdEvidence          evidence)
{
  GDate invoice_date;
  EdAccountEntryNew entry = {
    .head = head, .supplier = supplier, .description = description,
    .invoice_number = "INV-1", .invoice_date = &invoice_date, .net = net, .vat = vat,
    .polls = polls, .evidence = evidence,
  };

  g_date_clear (&invoice_date, 1);
  g_date_set_dmy (&invoice_date, 20, G_DATE_MAY, 2028);
  return ed_test_accounts_add_entry (context, &entry);
}

/* The same, with no description and the invoice held. */
char *
ed_test_accounts_spend (EdContext          *context,
                        EdCostHead          head,
                        const char         *supplier,
                        EdMoney             net,
                        EdMoney             vat,
                        const char * const *polls)
{
  return ed_test_accounts_spend_full (context, head, supplier, "", net, vat, polls,
                                      ED_EVIDENCE_INVOICE);
}

/* What a UK Parliamentary poll's account is spent on in the tests of its claim: £9,000.00 of
 * the returning officer's fees (the services), £60,000.00 of staff at the stations and
 * £28,000.00 of premises with their VAT (the expenses: £88,000.00), and £40,000.00 of the
 * candidates' election addresses, which are claimed apart from the maximums. */
void
ed_test_accounts_spend_parliamentary (EdContext  *context,
                                      const char *poll)
{
  const char *polls[] = { poll, NULL };

  g_free (ed_test_accounts_spend (context, ED_COST_RO_FEES, "Returning officer", 900000, 0,
                                  polls));
  g_free (ed_test_accounts_spend (context, ED_COST_STAFF_STATIONS, "Payroll", 6000000, 0, polls));
  g_free (ed_test_accounts_spend (context, ED_COST_PREMISES, "Village halls", 2300000, 500000,
                                  polls));
  g_free (ed_test_accounts_spend (context, ED_COST_CANDIDATE_MAILINGS, "Royal Mail", 4000000, 0,
                                  polls));
}

/* An entry of @election's alone, written into the ledger as another desk's would arrive by
 * sync: straight through a change set, not through ed_account_add_entry (), so that nothing
 * marks it as made after the account's latest submission. Its head is "other" and its
 * evidence a receipt. */
void
ed_test_accounts_plant_entry (EdContext  *context,
                              const char *election,
                              const char *supplier,
                              EdMoney     net)
{
  static const char * const columns[] = { "election", "head", "supplier", "net", "polls",
                                          "evidence" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  GVariant *values[] = {
    g_variant_new_string (election), g_variant_new_string ("other"),
    g_variant_new_string (supplier), g_variant_new_int64 (net),
    g_variant_new_string (election), g_variant_new_string ("receipt"),
  };

  g_assert_no_error (error);
  g_assert_true (ed_change_set_insert (change_set, "account_entry", NULL, columns, values,
                                       G_N_ELEMENTS (values), NULL, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* @election's account estimates @amount under @head, in place of any estimate before. */
void
ed_test_accounts_set_estimate (EdContext  *context,
                               const char *election,
                               EdCostHead  head,
                               EdMoney     amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_account_set_estimate (context, election, head, amount, &error));
  g_assert_no_error (error);
}

/* The maximum recoverable amounts of a UK Parliamentary poll, as the charges order SI 2024/693
 * would give them. */
void
ed_test_accounts_set_mra (EdContext   *context,
                          const char  *election,
                          const EdMra *mra)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_account_set_mra (context, election, mra, "SI 2024/693", &error));
  g_assert_no_error (error);
}

/* The account of @election's combination, read afresh. */
EdAccount *
ed_test_accounts_load (EdContext  *context,
                       const char *election)
{
  g_autoptr(GError) error = NULL;
  EdAccount *account = ed_account_load (context, election, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}
