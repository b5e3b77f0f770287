/* ed-account-fee-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_FEE_GROUP (ed_account_fee_group_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountFeeGroup, ed_account_fee_group, ED, ACCOUNT_FEE_GROUP,
                      AdwPreferencesGroup)

void ed_account_fee_group_show  (EdAccountFeeGroup *self,
                                 EdContext         *context,
                                 const EdAccount   *account);
void ed_account_fee_group_clear (EdAccountFeeGroup *self);

G_END_DECLS
