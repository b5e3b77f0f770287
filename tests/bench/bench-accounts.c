/* bench-accounts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Apportioning and totalling 50,000 expenditure lines across three polls (issue 17: budget
 * 1 s): a combination of a commissioner's, a mayoral and a referendum poll, whose ledger holds
 * 50,000 entries of every head, a third shared by all three, a third by two, the rest solely
 * for one, with reversals among them. What is timed is ed_account_load (), which reads the
 * ledger, splits each entry among its polls and totals by head and poll, and the statement's
 * summary of the whole account and of each poll. Prints the median of five loads after a
 * first, and the first. */

#define G_LOG_DOMAIN "ed-bench-accounts"

#include "config.h"

#include <locale.h>

#include "accounts/ed-account.h"
#include "accounts/ed-account-statement.h"
#include "accounts/ed-accounts-tables.h"
#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "demo/ed-demo.h"
#include "ed-bench-util.h"
#include "ed-modules.h"

#define ENTRIES 50000
#define BUDGET_MS 1000.0
#define RUNS 5

static char *
add_poll (EdContext      *context,
          EdElectionKind  kind,
          const char     *combine_with)
{
  g_autoptr(GError) error = NULL;
  EdElectionNew details = { .kind = kind, .country = ED_COUNTRY_ENGLAND,
                            .combine_with = combine_with };
  char *id;

  g_date_clear (&details.poll, 1);
  g_date_set_dmy (&details.poll, 4, G_DATE_MAY, 2028);
  id = ed_election_add (context, &details, &error);
  ed_bench_check (id != NULL, error, "adding a poll");
  return id;
}

/* The ledger, written as a desk's bulk entry would be: one change set. */
static void
write_ledger (EdContext  *context,
              char      **polls)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  const char *columns[ED_ACCOUNT_ENTRY_N_COLS];
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autofree char *shared_all = g_strjoin (" ", polls[0], polls[1], polls[2], NULL);
  g_autofree char *shared_two = g_strjoin (" ", polls[1], polls[2], NULL);
  g_autofree char *previous = NULL;
  EdBulkInsert *bulk;

  ed_bench_check (change_set != NULL, error, "starting the ledger");
  for (guint c = 0; c < ED_ACCOUNT_ENTRY_N_COLS; c++)
    columns[c] = ed_account_entry_table.columns[c].name;
  bulk = ed_change_set_bulk_insert (change_set, ed_account_entry_table.name, columns,
                                    ED_ACCOUNT_ENTRY_N_COLS, &error);
  ed_bench_check (bulk != NULL, error, "starting the inserts");
  for (guint i = 0; i < ENTRIES; i++)
    {
      EdCostHead head = i % ED_COST_REGISTRATION;
      g_autofree char *supplier = g_strdup_printf ("Supplier %u", i % 700);
      g_autofree char *invoice = g_strdup_printf ("INV-%06u", i);
      gboolean reversal = previous != NULL && i % 50 == 0;
      EdMoney net = g_rand_int_range (rand, 1, 500000);
      char *id = NULL;

      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_ELECTION, polls[0]);
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_HEAD, ed_cost_head_to_string (head));
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_SUPPLIER, supplier);
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_DESCRIPTION, "Goods and services");
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_INVOICE_NUMBER, invoice);
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_INVOICE_DATE, "2028-05-20");
      ed_bulk_insert_set_int64 (bulk, ED_ACCOUNT_ENTRY_COL_NET, reversal ? -net : net);
      ed_bulk_insert_set_int64 (bulk, ED_ACCOUNT_ENTRY_COL_VAT, (reversal ? -net : net) / 5);
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_POLLS,
                               i % 3 == 0 ? shared_all : i % 3 == 1 ? shared_two
                                                                    : polls[i % 2]);
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_EVIDENCE,
                               ed_evidence_to_string (i % 40 == 0 ? ED_EVIDENCE_NONE
                                                                  : ED_EVIDENCE_INVOICE));
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_PAY_RUN, "");
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_REVERSES, reversal ? previous : "");
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_AFTER_LOCK, "");
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_ENTERED_ON, "2028-05-21");
      ed_bulk_insert_set_text (bulk, ED_ACCOUNT_ENTRY_COL_ENTERED_BY, "Bench");
      ed_bench_check (ed_bulk_insert_add (bulk, &id, &error), error, "adding an entry");
      g_free (previous);
      previous = id;
    }
  ed_bench_check (ed_bulk_insert_flush (bulk, &error), error, "writing the ledger");
  ed_bulk_insert_free (bulk);
  ed_bench_check (ed_change_set_commit (change_set, &error), error, "committing the ledger");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  char *polls[4] = { NULL };
  EdDemoOptions options;
  double first_ms = 0, median_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "accounts.db", NULL);

  start = g_get_monotonic_time ();
  context = ed_modules_open_district (path, &error);
  ed_bench_check (context != NULL, error, "opening the district");
  /* A small demo district: the polls need its areas, not its electors. */
  ed_demo_options_init (&options);
  options.electors = 1200;
  ed_bench_check (ed_demo_generate (context, &options, &error), error, "writing the demo");
  polls[0] = add_poll (context, ED_ELECTION_PCC, NULL);
  polls[1] = add_poll (context, ED_ELECTION_MAYORAL, polls[0]);
  polls[2] = add_poll (context, ED_ELECTION_REFERENDUM, polls[0]);
  write_ledger (context, polls);
  g_print ("# %u entries across 3 polls written in %.1f s\n", ENTRIES,
           ed_bench_ms_since (start) / 1000.0);

  for (guint run = 0; run <= RUNS; run++)
    {
      g_autoptr(EdAccount) account = NULL;
      EdMoney by_poll = 0;
      double ms;

      start = g_get_monotonic_time ();
      account = ed_account_load (context, polls[0], &error);
      ed_bench_check (account != NULL, error, "loading the account");
      for (gint p = -1; p < (gint)ed_account_n_polls (account); p++)
        g_ptr_array_unref (ed_account_statement_summary (account, p));
      ms = ed_bench_ms_since (start);

      /* What was timed is right: the polls' shares come to the account's total. */
      for (guint p = 0; p < ed_account_n_polls (account); p++)
        by_poll += ed_account_get_poll (account, p)->total;
      ed_bench_check (account->entries->len == ENTRIES && by_poll == account->total, NULL,
                      "splitting every entry");
      if (run == 0)
        {
          g_autofree char *total = ed_money_format (account->total);

          first_ms = ms;
          g_print ("# %u entries, %s in all, %u without evidence; first load %.0f ms\n",
                   account->entries->len, total, account->missing_evidence, ms);
        }
      else
        g_array_append_val (samples, ms);
    }
  median_ms = ed_bench_percentile (samples, 50);
  g_print ("bench: accounts-load-%u-entries-3-polls %.0f ms budget %.0f ms (first %.0f ms)\n",
           ENTRIES, median_ms, BUDGET_MS, first_ms);

  for (guint i = 0; i < 3; i++)
    g_free (polls[i]);
  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return median_ms <= BUDGET_MS ? 0 : 1;
}
