/* ed-sale-fee.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/ed-value-error.h"
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

/**
 * ed_sale_fee_check:
 * @kind: what is sold
 * @format: data or printed
 * @n_entries: how many entries the copy covers, as a person gave it
 * @out_fee: (out) (optional): the fee in pence
 * @error: return location for an %ED_VALUE_ERROR_OUT_OF_RANGE
 *
 * ed_sale_fee() for a count that has not been checked: a count below 0 or above
 * %ED_SALE_FEE_MAX_ENTRIES is an error saying so, never a fee of £0.00.
 *
 * Returns: %TRUE if @n_entries is within range and @out_fee is set
 */
gboolean
ed_sale_fee_check (EdSaleKind     kind,
                   EdSaleFormat   format,
                   gint64         n_entries,
                   EdMoney       *out_fee,
                   GError       **error)
{
  g_return_val_if_fail ((guint) kind < ED_N_SALE_KINDS, FALSE);
  g_return_val_if_fail ((guint) format < ED_N_SALE_FORMATS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_entries < 0 || (guint64) n_entries > ED_SALE_FEE_MAX_ENTRIES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   /* Translators: the first number is the count given, the second the
                    * largest the fee calculator takes. */
                   _("%" PRId64 " entries is outside the range the sale fee is calculated "
                     "for: expected a number of entries from 0 to %" PRIu64),
                   (int64_t) n_entries, (uint64_t) ED_SALE_FEE_MAX_ENTRIES);
      return FALSE;
    }
  if (out_fee != NULL)
    *out_fee = ed_sale_fee (kind, format, (guint64) n_entries);
  return TRUE;
}
