/* ed-postcode.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ed_postcode_normalise (const char  *input,
                                 char       **out_normalised,
                                 GError     **error);
gboolean  ed_postcode_is_valid  (const char  *input);
char     *ed_postcode_outward   (const char  *postcode);

G_END_DECLS
