/* ed-recoverable.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a returning officer may recover of a UK Parliamentary claim (DOMAIN.md §5.1): the
 * charges for services and the expenses necessarily rendered and incurred, each within the
 * maximum the charges order sets for it (RPA 1983 s.29(3A); SI 2017/637 arts 4 and 5), and
 * the two together within the overall maximum (s.29(3); art 3). The overall maximum is read
 * from the order's table, never worked out from the other two: it is not always their sum, so
 * it can bind when each head is within its own. */

#include "config.h"

#include "accounts/ed-recoverable.h"

/**
 * ed_recoverable_compute:
 * @mra: the constituency's maximum recoverable amounts
 * @services: the charges for services claimed, in pence
 * @expenses: the expenses claimed, in pence
 * @out: (out caller-allocates): what is recoverable, and what is disallowed and why
 *
 * Holds a claim against the maximum recoverable amounts: each head first against its own
 * maximum, then what is left of both against the overall maximum.
 */
void
ed_recoverable_compute (const EdMra   *mra,
                        EdMoney        services,
                        EdMoney        expenses,
                        EdRecoverable *out)
{
  EdMoney services_allowed, expenses_allowed;

  g_return_if_fail (mra != NULL && out != NULL);
  g_return_if_fail (mra->services >= 0 && mra->expenses >= 0 && mra->overall >= 0);

  out->services_claimed = services;
  out->expenses_claimed = expenses;
  services_allowed = MIN (services, mra->services);
  expenses_allowed = MIN (expenses, mra->expenses);
  out->services_over_cap = services - services_allowed;
  out->expenses_over_cap = expenses - expenses_allowed;
  out->over_overall = MAX (services_allowed + expenses_allowed - mra->overall, 0);
  out->recoverable = services_allowed + expenses_allowed - out->over_overall;
}
