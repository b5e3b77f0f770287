/* test-accounts-arithmetic.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The arithmetic of election accounts (DOMAIN.md §5): a combined poll's shared costs split
 * equally among its polls (RPA 1985 s.15(4), §5.2), to the penny, the odd pence by the stated
 * rule and every split adding up to its cost; and a UK Parliamentary claim held against the
 * maximum recoverable amounts of its charges order (RPA 1983 s.29(3), (3A); §5.1), where each
 * head can be within its own maximum and the overall maximum still binds. */

#define G_LOG_DOMAIN "test-accounts-arithmetic"

#include "config.h"

#include <locale.h>

#include "accounts/ed-apportion.h"
#include "accounts/ed-recoverable.h"

static EdMoney
sum (const EdMoney *shares,
     guint          n)
{
  EdMoney total = 0;

  for (guint i = 0; i < n; i++)
    total += shares[i];
  return total;
}

/* £100.00 shared by three polls: 3,333⅓p each, so 3,334p, 3,333p, 3,333p, the odd penny to
 * the first poll the combination lists; the shares add up to £100.00. RBWM in 2015 split
 * premises and equipment "on a third basis" across its three polls (§5.2). */
static void
test_three_way_odd_penny (void)
{
  EdMoney shares[3];

  ed_apportion_equally (10000, 3, shares);
  g_assert_cmpint (shares[0], ==, 3334);
  g_assert_cmpint (shares[1], ==, 3333);
  g_assert_cmpint (shares[2], ==, 3333);
  g_assert_cmpint (sum (shares, 3), ==, 10000);

  /* Two pence over: the first two polls take one each. */
  ed_apportion_equally (10001, 3, shares);
  g_assert_cmpint (shares[0], ==, 3334);
  g_assert_cmpint (shares[1], ==, 3334);
  g_assert_cmpint (shares[2], ==, 3333);
  g_assert_cmpint (sum (shares, 3), ==, 10001);

  /* Fewer pence than polls. */
  ed_apportion_equally (2, 3, shares);
  g_assert_cmpint (shares[0], ==, 1);
  g_assert_cmpint (shares[1], ==, 1);
  g_assert_cmpint (shares[2], ==, 0);
}

/* Every split of every cost from 0p to £10.00 among one to seven polls adds up to the cost,
 * and no two shares differ by more than a penny. */
static void
test_shares_add_up (void)
{
  for (guint n = 1; n <= 7; n++)
    for (EdMoney amount = 0; amount <= 1000; amount++)
      {
        EdMoney shares[7];
        EdMoney least = G_MAXINT64, most = G_MININT64;

        ed_apportion_equally (amount, n, shares);
        g_assert_cmpint (sum (shares, n), ==, amount);
        for (guint i = 0; i < n; i++)
          {
            least = MIN (least, shares[i]);
            most = MAX (most, shares[i]);
          }
        g_assert_cmpint (most - least, <=, 1);
      }
}

/* A reversal takes back from each poll exactly what the cost gave it, odd penny and all: the
 * ledger of a corrected invoice nets to nothing for every poll (SYNC.md §4.10). */
static void
test_reversal_nets_to_nothing (void)
{
  EdMoney cost[3], reversal[3];

  ed_apportion_equally (12346, 3, cost);
  ed_apportion_equally (-12346, 3, reversal);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (cost[i] + reversal[i], ==, 0);
  g_assert_cmpint (reversal[0], ==, -4116);
  g_assert_cmpint (reversal[1], ==, -4115);
  g_assert_cmpint (sum (reversal, 3), ==, -12346);
}

/* A cost solely attributable to one poll (its ballot papers) is that poll's alone; a cost of
 * two of three polls is split between those two, the odd penny to the first of them in the
 * combination's order (§5.2). */
static void
test_costs_of_some_polls (void)
{
  EdMoney shares[3];
  const guint parish_only[] = { 2 };
  const guint last_two[] = { 1, 2 };

  ed_apportion_among (45678, parish_only, 1, 3, shares);
  g_assert_cmpint (shares[0], ==, 0);
  g_assert_cmpint (shares[1], ==, 0);
  g_assert_cmpint (shares[2], ==, 45678);

  ed_apportion_among (1001, last_two, 2, 3, shares);
  g_assert_cmpint (shares[0], ==, 0);
  g_assert_cmpint (shares[1], ==, 501);
  g_assert_cmpint (shares[2], ==, 500);
}

/* Each head within its own maximum, and the overall maximum smaller than the two together,
 * as an order may set it (§5.1): the overall maximum binds, and what is over it is
 * disallowed as such, not charged to either head. */
static void
test_overall_cap_binds (void)
{
  const EdMra mra = { .services = 3000000, .expenses = 9000000, .overall = 11500000 };
  EdRecoverable claim;

  ed_recoverable_compute (&mra, 2950000, 8900000, &claim);
  g_assert_cmpint (claim.services_over_cap, ==, 0);
  g_assert_cmpint (claim.expenses_over_cap, ==, 0);
  g_assert_cmpint (claim.over_overall, ==, 350000);
  g_assert_cmpint (claim.recoverable, ==, 11500000);
  g_assert_cmpint (claim.services_claimed + claim.expenses_claimed - claim.services_over_cap -
                     claim.expenses_over_cap - claim.over_overall, ==, claim.recoverable);
}

/* A head over its own maximum is cut to it first; what is left may then be within the
 * overall maximum. */
static void
test_head_cap_binds (void)
{
  const EdMra mra = { .services = 3000000, .expenses = 9000000, .overall = 12000000 };
  EdRecoverable claim;

  ed_recoverable_compute (&mra, 3100000, 8000000, &claim);
  g_assert_cmpint (claim.services_over_cap, ==, 100000);
  g_assert_cmpint (claim.expenses_over_cap, ==, 0);
  g_assert_cmpint (claim.over_overall, ==, 0);
  g_assert_cmpint (claim.recoverable, ==, 11000000);

  /* Within every maximum: all of it. */
  ed_recoverable_compute (&mra, 1000000, 2000000, &claim);
  g_assert_cmpint (claim.recoverable, ==, 3000000);
  g_assert_cmpint (claim.over_overall, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accounts/apportion/three-way-odd-penny", test_three_way_odd_penny);
  g_test_add_func ("/accounts/apportion/shares-add-up", test_shares_add_up);
  g_test_add_func ("/accounts/apportion/reversal-nets-to-nothing",
                   test_reversal_nets_to_nothing);
  g_test_add_func ("/accounts/apportion/costs-of-some-polls", test_costs_of_some_polls);
  g_test_add_func ("/accounts/recoverable/overall-cap-binds", test_overall_cap_binds);
  g_test_add_func ("/accounts/recoverable/head-cap-binds", test_head_cap_binds);

  return g_test_run ();
}
