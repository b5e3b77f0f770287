/* ed-account-budget-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_BUDGET_VIEW (ed_account_budget_view_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountBudgetView, ed_account_budget_view, ED, ACCOUNT_BUDGET_VIEW, AdwBin)

void       ed_account_budget_view_show             (EdAccountBudgetView *self,
                                                    EdContext           *context,
                                                    const EdAccount     *account);
void       ed_account_budget_view_clear            (EdAccountBudgetView *self);
void       ed_account_budget_view_bring_in_payroll (EdAccountBudgetView *self);
gboolean   ed_account_budget_view_is_busy          (EdAccountBudgetView *self);
GtkWidget *ed_account_budget_view_get_estimate_entry (EdAccountBudgetView *self,
                                                      EdCostHead           head);

G_END_DECLS
