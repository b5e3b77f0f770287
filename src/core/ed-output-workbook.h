/* ed-output-workbook.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "core/ed-output-file.h"

G_BEGIN_DECLS

lxw_workbook *ed_output_workbook_new   (EdOutputFile  *out,
                                        GError       **error);
gboolean      ed_output_workbook_close (lxw_workbook  *workbook,
                                        EdOutputFile  *out,
                                        GError       **error);

G_END_DECLS
