/* ed-account-document-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accounts/ed-account-document.h"

G_BEGIN_DECLS

char     *_ed_account_poll_label           (EdAccount            *account,
                                            guint                 poll);
gint      _ed_account_entry_bearer         (EdAccount            *account,
                                            const EdAccountEntry *entry);
char     *_ed_account_entry_polls_text     (EdAccount            *account,
                                            const EdAccountEntry *entry);
gboolean  _ed_account_entry_wants_evidence (const EdAccountEntry *entry);
const char *_ed_account_apportionment_rule (EdAccount          *account);

G_END_DECLS
