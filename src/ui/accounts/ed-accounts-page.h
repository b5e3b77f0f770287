/* ed-accounts-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account.h"
#include "ui/ed-module-page.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNTS_PAGE (ed_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountsPage, ed_accounts_page, ED, ACCOUNTS_PAGE, EdModulePage)

void             ed_accounts_page_set_election (EdAccountsPage *self,
                                                const char     *election_id);
const char      *ed_accounts_page_get_election (EdAccountsPage *self);
const EdAccount *ed_accounts_page_get_account  (EdAccountsPage *self);
gboolean         ed_accounts_page_is_busy      (EdAccountsPage *self);

G_END_DECLS
