/* ed-test-accounts.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account.h"
#include "ed-test-dir.h"

G_BEGIN_DECLS

/* Elections' accounts on a test district (src/accounts/), written as the Accounts page and
 * the command line write them: polls to keep an account of, costs entered against them, the
 * figures of the claim, and the account read back. Each fails the test on any error. */

EdContext *ed_test_accounts_open_demo           (EdTestDir               *fixture,
                                                 guint                    electors);
char      *ed_test_accounts_add_poll            (EdContext               *context,
                                                 EdElectionKind           kind,
                                                 int                      day,
                                                 int                      month,
                                                 int                      year,
                                                 const char              *combine_with);
char      *ed_test_accounts_add_entry           (EdContext               *context,
                                                 const EdAccountEntryNew *entry);
char      *ed_test_accounts_spend_full          (EdContext               *context,
                                                 EdCostHead               head,
                                                 const char              *supplier,
                                                 const char              *description,
                                                 EdMoney                  net,
                                                 EdMoney                  vat,
                                                 const char * const      *polls,
                                                 EdEvidence               evidence);
char      *ed_test_accounts_spend               (EdContext               *context,
                                                 EdCostHead               head,
                                                 const char              *supplier,
                                                 EdMoney                  net,
                                                 EdMoney                  vat,
                                                 const char * const      *polls);
void       ed_test_accounts_spend_parliamentary (EdContext               *context,
                                                 const char              *poll);
void       ed_test_accounts_plant_entry         (EdContext               *context,
                                                 const char              *election,
                                                 const char              *supplier,
                                                 EdMoney                  net);
void       ed_test_accounts_set_estimate        (EdContext               *context,
                                                 const char              *election,
                                                 EdCostHead               head,
                                                 EdMoney                  amount);
void       ed_test_accounts_set_mra             (EdContext               *context,
                                                 const char              *election,
                                                 const EdMra             *mra);
EdAccount *ed_test_accounts_load                (EdContext               *context,
                                                 const char              *election);

G_END_DECLS
