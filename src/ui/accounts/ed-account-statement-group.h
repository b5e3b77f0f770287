/* ed-account-statement-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_STATEMENT_GROUP (ed_account_statement_group_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountStatementGroup, ed_account_statement_group, ED,
                      ACCOUNT_STATEMENT_GROUP, AdwPreferencesGroup)

void     ed_account_statement_group_show        (EdAccountStatementGroup *self,
                                                 EdContext               *context,
                                                 const EdAccount         *account);
void     ed_account_statement_group_clear       (EdAccountStatementGroup *self);
void     ed_account_statement_group_save        (EdAccountStatementGroup *self,
                                                 GFile                   *file);
void     ed_account_statement_group_choose_file (EdAccountStatementGroup *self);
gboolean ed_account_statement_group_is_busy     (EdAccountStatementGroup *self);

G_END_DECLS
