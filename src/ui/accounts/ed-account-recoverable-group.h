/* ed-account-recoverable-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_RECOVERABLE_GROUP (ed_account_recoverable_group_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountRecoverableGroup, ed_account_recoverable_group, ED,
                      ACCOUNT_RECOVERABLE_GROUP, AdwPreferencesGroup)

void ed_account_recoverable_group_show  (EdAccountRecoverableGroup *self,
                                         EdContext                 *context,
                                         const EdAccount           *account,
                                         gboolean                   other);
void ed_account_recoverable_group_clear (EdAccountRecoverableGroup *self);

G_END_DECLS
