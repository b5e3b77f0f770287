/* ed-account-spending-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_SPENDING_VIEW (ed_account_spending_view_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountSpendingView, ed_account_spending_view, ED, ACCOUNT_SPENDING_VIEW,
                      AdwBin)

void        ed_account_spending_view_show                  (EdAccountSpendingView *self,
                                                            EdContext             *context,
                                                            const EdAccount       *account,
                                                            GPtrArray             *items,
                                                            gboolean               same_account);
GtkWindow  *ed_account_spending_view_add_entry             (EdAccountSpendingView *self,
                                                            const char            *poll_id);
GtkWindow  *ed_account_spending_view_open_entry            (EdAccountSpendingView *self,
                                                            const char            *entry_id);
const char *ed_account_spending_view_get_selected          (EdAccountSpendingView *self);
gboolean    ed_account_spending_view_select                (EdAccountSpendingView *self,
                                                            const char            *entry_id);
void        ed_account_spending_view_focus_search          (EdAccountSpendingView *self);
void        ed_account_spending_view_show_missing_evidence (EdAccountSpendingView *self);
void        ed_account_spending_view_clear                 (EdAccountSpendingView *self);
void        ed_account_spending_view_clear_filters         (EdAccountSpendingView *self);
GListModel *ed_account_spending_view_get_shown             (EdAccountSpendingView *self);

G_END_DECLS
