/* ed-accounts-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-vocab.h"
#include "accounts/ed-accounts-vocab.h"

static const EdTerm evidence_terms[] = {
  [ED_EVIDENCE_INVOICE] = { "invoice", N_("Invoice") },
  [ED_EVIDENCE_RECEIPT] = { "receipt", N_("Receipt") },
  [ED_EVIDENCE_PAYROLL] = { "payroll", N_("Approved payroll") },
  [ED_EVIDENCE_CONTRACT] = { "contract", N_("Contract or order") },
  [ED_EVIDENCE_NONE] = { "none", N_("None held") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (evidence_terms) == ED_N_EVIDENCE);

ED_DEFINE_TERMS (ed_evidence, EdEvidence, evidence_terms)

static const EdTerm parish_recharge_terms[] = {
  [ED_PARISH_RECHARGE_ADDITIONAL] = { "additional", N_("The additional cost only") },
  [ED_PARISH_RECHARGE_EQUAL_SHARE] = { "equal_share", N_("An equal share of shared costs") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (parish_recharge_terms) == ED_N_PARISH_RECHARGES);

ED_DEFINE_TERMS (ed_parish_recharge, EdParishRecharge, parish_recharge_terms)
