/* ed-recoverable.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-money.h"

G_BEGIN_DECLS

/**
 * EdMra:
 * @services: the maximum recoverable amount for specified services, in pence (the charges
 *   order's second column)
 * @expenses: the maximum recoverable amount for specified expenses, in pence (its third)
 * @overall: the overall maximum recoverable amount, in pence (its fourth)
 *
 * A constituency's row of a returning officers' charges order (DOMAIN.md §5.1), as the order
 * prints it: the overall figure is the order's own, not the sum of the other two.
 */
typedef struct
{
  EdMoney services;
  EdMoney expenses;
  EdMoney overall;
} EdMra;

/**
 * EdRecoverable:
 * @services_claimed: the services claimed
 * @expenses_claimed: the expenses claimed
 * @services_over_cap: of the services claimed, what is above their maximum and disallowed
 * @expenses_over_cap: of the expenses claimed, what is above their maximum and disallowed
 * @over_overall: of what is left, what is above the overall maximum and disallowed
 * @recoverable: what the returning officer may recover
 *
 * A claim against the maximum recoverable amounts. The claimed amounts less the three
 * disallowances come to @recoverable.
 */
typedef struct
{
  EdMoney services_claimed;
  EdMoney expenses_claimed;
  EdMoney services_over_cap;
  EdMoney expenses_over_cap;
  EdMoney over_overall;
  EdMoney recoverable;
} EdRecoverable;

void ed_recoverable_compute (const EdMra   *mra,
                             EdMoney        services,
                             EdMoney        expenses,
                             EdRecoverable *out);

G_END_DECLS
