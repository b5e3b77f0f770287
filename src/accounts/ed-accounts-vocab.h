/* ed-accounts-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdEvidence:
 * @ED_EVIDENCE_INVOICE: the supplier's invoice
 * @ED_EVIDENCE_RECEIPT: a receipt
 * @ED_EVIDENCE_PAYROLL: an approved payroll run
 * @ED_EVIDENCE_CONTRACT: a contract or order, the invoice still to come
 * @ED_EVIDENCE_NONE: none held yet
 *
 * What the returning officer holds to show a cost was incurred: the claim's scrutiny asks for
 * it (DOMAIN.md §5.1), and the evidence checklist lists what is missing. Stored in
 * account_entry.evidence.
 */
typedef enum
{
  ED_EVIDENCE_INVOICE,
  ED_EVIDENCE_RECEIPT,
  ED_EVIDENCE_PAYROLL,
  ED_EVIDENCE_CONTRACT,
  ED_EVIDENCE_NONE,
  ED_N_EVIDENCE,
} EdEvidence;

const char *ed_evidence_to_string        (EdEvidence   value);
gboolean    ed_evidence_from_string      (const char  *text,
                                          EdEvidence  *out,
                                          GError     **error);
const char *ed_evidence_get_display_name (EdEvidence   value);

/**
 * EdParishRecharge:
 * @ED_PARISH_RECHARGE_ADDITIONAL: a parish poll combined with others bears only the costs
 *   that are its own (its ballot papers, its notices): the additional cost of holding it,
 *   as councils such as North Yorkshire recharge (DOMAIN.md §5.2) [S]
 * @ED_PARISH_RECHARGE_EQUAL_SHARE: a parish poll bears an equal share of what the polls
 *   share, as every other poll does (RPA 1985 s.15(4))
 *
 * What a council recharges its parishes for their polls (RPA 1983 s.36(5) lets it require
 * repayment; how much is its own policy). Stored in account_setup.parish_recharge.
 */
typedef enum
{
  ED_PARISH_RECHARGE_ADDITIONAL,
  ED_PARISH_RECHARGE_EQUAL_SHARE,
  ED_N_PARISH_RECHARGES,
} EdParishRecharge;

const char *ed_parish_recharge_to_string        (EdParishRecharge   value);
gboolean    ed_parish_recharge_from_string      (const char        *text,
                                                 EdParishRecharge  *out,
                                                 GError           **error);
const char *ed_parish_recharge_get_display_name (EdParishRecharge   value);

G_END_DECLS
