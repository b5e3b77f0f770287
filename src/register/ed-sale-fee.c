/* ed-sale-fee.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-sale-fee.h"

typedef struct
{
  EdMoney base;       /* pence, charged once per register the ERO maintains */
  EdMoney per_unit;   /* pence for each unit of entries, or part of one */
  guint64 unit;       /* entries in a unit */
} FeeRate;

/* The statutory fees, [C] in DOMAIN.md §1.3 (RP(E&W) Regs 2001 as the EC guidance sets them
 * out, S16, S17; the marked register fees are reg 120, substituted by SI 2008/1901 reg 5,
 * S18). Indexed by EdSaleKind, then EdSaleFormat. A notice of alteration and the edited
 * register cost what the full register does; the list of overseas electors is charged per
 * 100 entries rather than per 1,000. */
static const FeeRate fee_rates[ED_N_SALE_KINDS][ED_N_SALE_FORMATS] = {
  [ED_SALE_KIND_FULL] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_EDITED] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_NOTICE] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_OVERSEAS] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 100 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 100 },
  },
  [ED_SALE_KIND_MARKED] = {
    [ED_SALE_FORMAT_DATA] = { 1000, 100, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 200, 1000 },
  },
};

/**
 * ed_sale_fee:
 * @kind: what is sold
 * @format: data or printed
 * @n_entries: how many entries the copy covers, at most %ED_SALE_FEE_MAX_ENTRIES
 *
 * The statutory fee for one copy (DOMAIN.md §1.3): a base fee plus a rate for each 1,000
 * entries (100 for the list of overseas electors) "or part", so a part unit is charged as
 * a whole one. 62,345 entries of the full register cost £20 + 63 × £1.50 = £114.50 as data,
 * and £10 + 63 × £5 = £325.00 printed.
 *
 * The base fee is charged once for each register the ERO maintains, not for each polling
 * district, so call this once per register with all the entries requested from it. No
 * other administration fee may be added (S17, S18).
 *
 * Returns: the fee in pence
 */
EdMoney
ed_sale_fee (EdSaleKind   kind,
             EdSaleFormat format,
             guint64      n_entries)
{
  const FeeRate *rate;
  guint64 units;

  g_return_val_if_fail ((guint) kind < ED_N_SALE_KINDS, 0);
  g_return_val_if_fail ((guint) format < ED_N_SALE_FORMATS, 0);
  g_return_val_if_fail (n_entries <= ED_SALE_FEE_MAX_ENTRIES, 0);

  rate = &fee_rates[kind][format];
  units = n_entries / rate->unit + (n_entries % rate->unit != 0 ? 1 : 0);

  return rate->base + (EdMoney) units * rate->per_unit;
}
