/* ed-field-error.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        ed_field_error_show (GtkWidget  *row,
                                 const char *message);
const char *ed_field_error_get  (GtkWidget  *row);
void        ed_field_error_place (GtkWidget  *row);

G_END_DECLS
