/* ed-account-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account.h"
#include "changes/ed-change-set.h"
#include "core/ed-database.h"

G_BEGIN_DECLS

char       *_ed_account_digest           (EdDatabase  *database,
                                          const char  *election_id,
                                          const char  *lock_id,
                                          guint       *out_entries,
                                          EdMoney     *out_total,
                                          GError     **error);
EdElection *_ed_account_load_first_poll  (EdContext   *context,
                                          const char  *election_id,
                                          GError     **error);
char       *_ed_account_latest_lock      (EdDatabase  *database,
                                          const char  *election_id,
                                          GError     **error);

char       *_ed_account_insert_payroll_entry (EdContext    *context,
                                              EdChangeSet  *change_set,
                                              const char   *election_id,
                                              EdCostHead    head,
                                              const char   *supplier,
                                              const char   *description,
                                              const char   *invoice_date,
                                              EdMoney       amount,
                                              const char   *polls,
                                              const char   *pay_run,
                                              GError      **error);

G_END_DECLS
