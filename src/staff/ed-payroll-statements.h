/* ed-payroll-statements.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "print/ed-document.h"

G_BEGIN_DECLS

EdDocument *ed_payroll_statements_document (EdContext   *context,
                                            const char  *election_id,
                                            guint       *out_n_people,
                                            GError     **error);
gboolean    ed_payroll_statements_pdf      (EdContext   *context,
                                            const char  *election_id,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
