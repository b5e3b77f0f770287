/* ed-account.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accounts/ed-accounts-vocab.h"
#include "accounts/ed-recoverable.h"
#include "core/ed-money.h"
#include "district/ed-context.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

#define ED_ACCOUNT_ERROR (ed_account_error_quark ())

/**
 * EdAccountError:
 * @ED_ACCOUNT_ERROR_STORED: a row the accounts cannot read: a value this version does not
 *   know (a newer desk's), or a date that is not one
 * @ED_ACCOUNT_ERROR_INVALID: an entry, estimate or figure that cannot be recorded as given
 * @ED_ACCOUNT_ERROR_NOT_IN_COMBINATION: a poll that is not one of the account's
 * @ED_ACCOUNT_ERROR_NO_SUCH_ENTRY: an entry the account does not hold
 * @ED_ACCOUNT_ERROR_REVERSED: a reversal of an entry already reversed, or of a reversal
 * @ED_ACCOUNT_ERROR_NOT_PARLIAMENTARY: maximum recoverable amounts for an account with no
 *   UK Parliamentary poll
 * @ED_ACCOUNT_ERROR_NOTHING_NEW: payroll brought in when every approved run is in already,
 *   or a lock of an account that has not changed since it was locked
 */
typedef enum
{
  ED_ACCOUNT_ERROR_STORED,
  ED_ACCOUNT_ERROR_INVALID,
  ED_ACCOUNT_ERROR_NOT_IN_COMBINATION,
  ED_ACCOUNT_ERROR_NO_SUCH_ENTRY,
  ED_ACCOUNT_ERROR_REVERSED,
  ED_ACCOUNT_ERROR_NOT_PARLIAMENTARY,
  ED_ACCOUNT_ERROR_NOTHING_NEW,
} EdAccountError;

/* The share of the estimate a UK Parliamentary poll is advanced before the poll: "typically
 * 75%" (DOMAIN.md §5.1). [U] The claims unit may advance another share; the account shows
 * the figure as an expectation, not a payment. */
#define ED_ACCOUNT_ADVANCE_PERCENT 75

/* A claim is due within six months of the poll (DOMAIN.md §5.1). */
#define ED_ACCOUNT_CLAIM_MONTHS 6

/**
 * EdAccountEntryNew:
 * @head: the cost head
 * @supplier: who is paid
 * @description: what for
 * @invoice_number: the supplier's invoice number, or ""
 * @invoice_date: (nullable): the invoice's date, or %NULL
 * @net: the amount before VAT, in pence; negative for a credit
 * @vat: the VAT, in pence
 * @polls: (array zero-terminated=1): the polls it serves, by id or row id: one for a cost
 *   solely for that poll, several for a cost they share
 * @evidence: what is held to show it
 *
 * A line of expenditure as a person enters it.
 */
typedef struct
{
  EdCostHead          head;
  const char         *supplier;
  const char         *description;
  const char         *invoice_number;
  const GDate        *invoice_date;
  EdMoney             net;
  EdMoney             vat;
  const char * const *polls;
  EdEvidence          evidence;
} EdAccountEntryNew;

/**
 * EdAccountEntry:
 * @id: its account_entry row id
 * @head: the cost head
 * @supplier: who is paid
 * @description: what for
 * @invoice_number: or ""
 * @invoice_date: or a cleared date
 * @net: before VAT, in pence
 * @vat: the VAT
 * @gross: @net and @vat: what the entry costs
 * @polls: (array zero-terminated=1): the election row ids of the polls it serves
 * @sharing: how many polls its cost is split between (DOMAIN.md §5.2): 1 for a cost solely
 *   for one poll
 * @shares: (array length=n_polls): what falls to each poll of the account, in the account's
 *   order of its polls; they add up to @gross exactly
 * @evidence: what is held
 * @pay_run: the payroll_run it was brought in from, or ""
 * @reverses: the entry it reverses, or ""
 * @reversed_by: the entry that reverses it, or ""
 * @after_lock: the account_lock it was entered after, or ""
 * @entered_on: the day it was entered
 * @entered_by: who entered it
 *
 * A line of an account's ledger.
 */
typedef struct
{
  char        *id;
  EdCostHead   head;
  char        *supplier;
  char        *description;
  char        *invoice_number;
  GDate        invoice_date;
  EdMoney      net;
  EdMoney      vat;
  EdMoney      gross;
  char       **polls;
  guint        sharing;
  EdMoney     *shares;
  EdEvidence   evidence;
  char        *pay_run;
  char        *reverses;
  char        *reversed_by;
  char        *after_lock;
  GDate        entered_on;
  char        *entered_by;
} EdAccountEntry;

/**
 * EdFeeScale:
 * @per_election: a sum for the election, in pence
 * @per_1000_electors: so much for each 1,000 electors of the poll, in pence
 * @per_contested_area: so much for each contested ward or parish, in pence
 *
 * The council's scale for the returning officer's fee at a local poll (RPA 1983 s.36(4),
 * DOMAIN.md §5.3). Councils set their own; any of the three may be nought.
 */
typedef struct
{
  EdMoney per_election;
  EdMoney per_1000_electors;
  EdMoney per_contested_area;
} EdFeeScale;

/**
 * EdAccountPoll:
 * @election: (transfer none): the poll
 * @spent: (array fixed-size=ED_N_COST_HEADS): what falls to it under each head
 * @total: what falls to it in all
 * @has_fee_scale: whether the council's scale for the fee is entered (local polls)
 * @fee_scale: the scale
 * @electors: the electorate the scale counts: the poll's electorate as fixed, 0 before
 * @contested: its contested areas
 * @scale_fee: the fee the scale gives
 * @fee_over_scale: of the fees charged to it, what is above the scale's fee
 *
 * One poll of an account, with its share of the costs.
 */
typedef struct
{
  EdElection *election;
  EdMoney     spent[ED_N_COST_HEADS];
  EdMoney     total;
  gboolean    has_fee_scale;
  EdFeeScale  fee_scale;
  gint64      electors;
  guint       contested;
  EdMoney     scale_fee;
  EdMoney     fee_over_scale;
} EdAccountPoll;

/**
 * EdAccountLock:
 * @id: its account_lock row id
 * @locked_on: the day the account was submitted
 * @locked_by: who submitted it
 * @entries: how many entries it held
 * @total: what they came to
 * @digest: the SHA-256 of those entries, in hexadecimal
 *
 * An account as it was submitted.
 */
typedef struct
{
  char    *id;
  GDate    locked_on;
  char    *locked_by;
  guint    entries;
  EdMoney  total;
  char    *digest;
} EdAccountLock;

/**
 * EdAccount:
 * @election: the account's election: the first poll of its combination
 * @polls: (element-type EdAccountPoll): its polls, the first first
 * @entries: (element-type EdAccountEntry): its ledger, in the order entered
 * @estimate: (array fixed-size=ED_N_COST_HEADS): the estimate by head
 * @spent: (array fixed-size=ED_N_COST_HEADS): what the entries come to by head
 * @estimate_total: the estimate in all
 * @net: the entries' net amounts in all
 * @vat: their VAT in all
 * @total: what the entries come to: @net and @vat
 * @missing_evidence: entries (not reversed, not reversals) with no evidence held
 * @parliamentary: the index in @polls of its UK Parliamentary poll, or -1
 * @has_mra: whether that poll's maximum recoverable amounts are entered
 * @mra: they
 * @mra_source: the order they were read from, or ""
 * @recoverable: that poll's claim against them: services are its share of the returning
 *   officer's fees, expenses its share of every other head but the candidates' mailings,
 *   which are claimed apart
 * @advance: %ED_ACCOUNT_ADVANCE_PERCENT of that poll's share of the estimate
 * @claim_deadline: the last day for its claim
 * @parish_recharge: what its parish polls are recharged
 * @locks: (element-type EdAccountLock): the account's submissions, the first first
 * @after_lock: entries made after the latest submission
 * @changed_since_lock: whether the entries the latest submission covers are no longer what
 *   it was submitted with (a change outside the app, or a desk that had not yet seen it)
 *
 * An election's account: its estimate, its ledger and the split of each cost among its polls
 * (DOMAIN.md §5.2), worked out as it stands.
 */
typedef struct
{
  EdElection *election;
  GPtrArray  *polls;
  GPtrArray  *entries;
  EdMoney     estimate[ED_N_COST_HEADS];
  EdMoney     spent[ED_N_COST_HEADS];
  EdMoney     estimate_total;
  EdMoney     net;
  EdMoney     vat;
  EdMoney     total;
  guint       missing_evidence;
  gint        parliamentary;
  gboolean    has_mra;
  EdMra       mra;
  char       *mra_source;
  EdRecoverable recoverable;
  EdMoney     advance;
  GDate       claim_deadline;
  EdParishRecharge parish_recharge;
  GPtrArray  *locks;
  guint       after_lock;
  gboolean    changed_since_lock;
} EdAccount;

GQuark      ed_account_error_quark      (void);

char       *ed_account_add_entry        (EdContext                *context,
                                         const EdAccountEntryNew  *entry,
                                         GError                  **error);
char       *ed_account_reverse_entry    (EdContext                *context,
                                         const char               *entry_id,
                                         GError                  **error);
gboolean    ed_account_set_estimate     (EdContext                *context,
                                         const char               *election_id,
                                         EdCostHead                head,
                                         EdMoney                   amount,
                                         GError                  **error);
gboolean    ed_account_set_mra          (EdContext                *context,
                                         const char               *election_id,
                                         const EdMra              *mra,
                                         const char               *source,
                                         GError                  **error);
gboolean    ed_account_set_fee_scale    (EdContext                *context,
                                         const char               *election_id,
                                         const EdFeeScale         *scale,
                                         GError                  **error);
gboolean    ed_account_set_parish_recharge (EdContext           *context,
                                            const char          *election_id,
                                            EdParishRecharge     recharge,
                                            GError             **error);
guint       ed_account_bring_in_payroll (EdContext                *context,
                                         const char               *election_id,
                                         GError                  **error);
char       *ed_account_lock             (EdContext                *context,
                                         const char               *election_id,
                                         const char               *locked_by,
                                         GError                  **error);
EdAccount  *ed_account_load             (EdContext                *context,
                                         const char               *election_id,
                                         GError                  **error);

EdMoney     ed_fee_scale_compute        (const EdFeeScale         *scale,
                                         gint64                    electors,
                                         guint                     contested);
gboolean    ed_account_head_is_service  (EdCostHead                head);
const EdAccountEntry *ed_account_find_entry (EdAccount            *account,
                                             const char           *entry_id);
guint       ed_account_n_polls          (EdAccount                *account);
EdAccountPoll *ed_account_get_poll      (EdAccount                *account,
                                         guint                     index);

void        ed_account_free             (EdAccount                *account);
void        ed_account_entry_free       (EdAccountEntry           *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdAccount, ed_account_free)

G_END_DECLS
