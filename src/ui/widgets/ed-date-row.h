/* ed-date-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/widgets/ed-validated-entry-row.h"

G_BEGIN_DECLS

#define ED_TYPE_DATE_ROW (ed_date_row_get_type ())

G_DECLARE_FINAL_TYPE (EdDateRow, ed_date_row, ED, DATE_ROW, EdValidatedEntryRow)

GtkWidget *ed_date_row_new      (void);
gboolean   ed_date_row_get_date (EdDateRow  *self,
                                 GDate      *date,
                                 GError    **error);
char      *ed_date_row_dup_iso  (EdDateRow  *self);

G_END_DECLS
