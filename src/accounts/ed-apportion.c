/* ed-apportion.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The split of a combined poll's costs between its polls (DOMAIN.md §5.2): the cost of
 * taking the polls together, apart from what is solely attributable to one of them, is
 * apportioned equally among the elections (RPA 1985 s.15(4)); a cost solely for one poll is
 * that poll's alone.
 *
 * Shares are whole pence and add up exactly to the cost. Where the pence do not divide, the
 * rule is stated and never varies: each share is the cost divided by the number of polls,
 * rounded towards zero, and the pence left over go one each to the polls in the order the
 * combination lists them, the first first. A reversal of a cost is split by the same rule
 * with the opposite sign, so that it takes back from each poll exactly what the cost gave it.
 * The odd penny is the only place the rule could differ between two desks; having one rule
 * makes every desk's statement the same. */

#include "config.h"

#include "accounts/ed-apportion.h"

/**
 * ed_apportion_equally:
 * @amount: a cost shared by every poll of a combination, in pence; negative for a reversal
 * @n_polls: how many polls the combination has, at least one
 * @out_shares: (array length=n_polls) (out caller-allocates): each poll's share, in the
 *   combination's order
 *
 * Splits @amount equally among @n_polls polls: the pence that do not divide go one each to
 * the first polls.
 */
void
ed_apportion_equally (EdMoney  amount,
                      guint    n_polls,
                      EdMoney *out_shares)
{
  guint *all;

  g_return_if_fail (n_polls > 0);
  g_return_if_fail (out_shares != NULL);

  all = g_newa (guint, n_polls);
  for (guint i = 0; i < n_polls; i++)
    all[i] = i;
  ed_apportion_among (amount, all, n_polls, n_polls, out_shares);
}

/**
 * ed_apportion_among:
 * @amount: a cost, in pence; negative for a reversal
 * @polls: (array length=n_sharing): the polls that share it, as indexes into the
 *   combination, each once, in the combination's order
 * @n_sharing: how many polls share it: one for a cost solely attributable to one poll
 * @n_polls: how many polls the combination has
 * @out_shares: (array length=n_polls) (out caller-allocates): each poll's share; 0 for a poll
 *   that does not share the cost
 *
 * Splits @amount equally among the polls that share it, as ed_apportion_equally() does: a
 * cost of two of three polls (a count of the two whose votes it counts) is theirs alone.
 */
void
ed_apportion_among (EdMoney      amount,
                    const guint *polls,
                    guint        n_sharing,
                    guint        n_polls,
                    EdMoney     *out_shares)
{
  /* Work on the size of the cost: C's division of a negative number rounds towards zero
   * too, but its remainder's sign would then decide who gets the odd penny. */
  guint64 magnitude = amount < 0 ? -(guint64)amount : (guint64)amount;
  gint64 sign = amount < 0 ? -1 : 1;
  guint64 each, left;

  g_return_if_fail (polls != NULL && n_sharing > 0 && n_sharing <= n_polls);
  g_return_if_fail (out_shares != NULL);

  each = magnitude / n_sharing;
  left = magnitude % n_sharing;
  for (guint i = 0; i < n_polls; i++)
    out_shares[i] = 0;
  for (guint i = 0; i < n_sharing; i++)
    {
      g_return_if_fail (polls[i] < n_polls);
      out_shares[polls[i]] = sign * (gint64)(each + (i < left ? 1 : 0));
    }
}
