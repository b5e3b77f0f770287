/* ed-ni-number.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ed_ni_number_normalise (const char  *input,
                                  char       **out_normalised,
                                  GError     **error);
char     *ed_ni_number_format    (const char  *normalised);
char     *ed_ni_number_mask      (const char  *normalised);

G_END_DECLS
