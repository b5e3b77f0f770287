/* ed-payroll-export.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"
#include "staff/ed-payroll.h"

G_BEGIN_DECLS

gboolean  ed_payroll_export_csv   (EdContext   *context,
                                   const char  *election_id,
                                   const char  *path,
                                   GError     **error);
gboolean  ed_payroll_export_csv_run (EdContext   *context,
                                     const char  *election_id,
                                     guint        run_number,
                                     const char  *path,
                                     GError     **error);
gboolean  ed_payroll_export_xlsx  (EdContext   *context,
                                   const char  *election_id,
                                   const char  *path,
                                   GError     **error);

char     *ed_payroll_format_pounds (EdMoney      pence);

G_END_DECLS
