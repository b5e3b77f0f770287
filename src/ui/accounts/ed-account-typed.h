/* ed-account-typed.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/ed-money.h"

G_BEGIN_DECLS

void      ed_account_typed_show        (GtkWidget  *row,
                                        const char *text,
                                        gboolean    force);
void      ed_account_typed_show_amount (GtkWidget  *row,
                                        gboolean    known,
                                        EdMoney     amount,
                                        gboolean    force);
gboolean  ed_account_typed_read_amount (GtkWidget  *row,
                                        gboolean    empty_is_nothing,
                                        EdMoney    *out);
gboolean  ed_account_typed_differs     (GtkWidget  *row);

G_END_DECLS
