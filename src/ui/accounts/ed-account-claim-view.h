/* ed-account-claim-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_CLAIM_VIEW (ed_account_claim_view_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountClaimView, ed_account_claim_view, ED, ACCOUNT_CLAIM_VIEW, AdwBin)

void      ed_account_claim_view_show       (EdAccountClaimView *self,
                                            EdContext          *context,
                                            const EdAccount    *account);
void      ed_account_claim_view_clear      (EdAccountClaimView *self);
gboolean  ed_account_claim_view_can_submit (EdAccountClaimView *self);
void      ed_account_claim_view_submit     (EdAccountClaimView *self);
void      ed_account_claim_view_save_statement        (EdAccountClaimView *self,
                                                       GFile              *file);
void      ed_account_claim_view_choose_statement_file (EdAccountClaimView *self);
gboolean  ed_account_claim_view_is_busy    (EdAccountClaimView *self);

G_END_DECLS
