/* ed-account-apportion-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_APPORTION_VIEW (ed_account_apportion_view_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountApportionView, ed_account_apportion_view, ED,
                      ACCOUNT_APPORTION_VIEW, AdwBin)

void ed_account_apportion_view_show (EdAccountApportionView *self,
                                     EdContext              *context,
                                     const EdAccount        *account);
void ed_account_apportion_view_clear (EdAccountApportionView *self);

G_END_DECLS
