/* ed-account-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accounts/ed-account.h"
#include "print/ed-document.h"

G_BEGIN_DECLS

EdDocument *ed_account_statement_document   (EdAccount    *account,
                                             const char   *council_name);
gboolean    ed_account_statement_write_pdf  (EdAccount    *account,
                                             const char   *council_name,
                                             const char   *path,
                                             GError      **error);
gboolean    ed_account_statement_write_xlsx (EdAccount    *account,
                                             const char   *path,
                                             GError      **error);

G_END_DECLS
