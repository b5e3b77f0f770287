/* ed-account-entry-details.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

#define ED_TYPE_ACCOUNT_ENTRY_DETAILS (ed_account_entry_details_get_type ())

G_DECLARE_FINAL_TYPE (EdAccountEntryDetails, ed_account_entry_details, ED,
                      ACCOUNT_ENTRY_DETAILS, AdwWindow)

EdAccountEntryDetails *ed_account_entry_details_new (GtkWindow       *parent,
                                                     const EdAccount *account,
                                                     const char      *entry_id);

G_END_DECLS
