/* ed-validated-entry-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ED_TYPE_VALIDATED_ENTRY_ROW (ed_validated_entry_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (EdValidatedEntryRow, ed_validated_entry_row, ED, VALIDATED_ENTRY_ROW,
                          AdwEntryRow)

struct _EdValidatedEntryRowClass
{
  AdwEntryRowClass parent_class;
};

GtkWidget  *ed_validated_entry_row_new       (void);
void        ed_validated_entry_row_set_error (EdValidatedEntryRow *self,
                                              const char          *message);
const char *ed_validated_entry_row_get_error (EdValidatedEntryRow *self);

G_END_DECLS
