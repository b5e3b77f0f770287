/* ed-date.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ed_date_parse_iso     (const char     *text,
                                 GDate          *out,
                                 GError        **error);
gboolean  ed_date_parse         (const char     *text,
                                 GDate          *out,
                                 GError        **error);
char     *ed_date_format_iso    (const GDate    *date);
char     *ed_date_format_long   (const GDate    *date);
gboolean  ed_date_is_weekend    (const GDate    *date);
void      ed_date_easter_sunday (GDateYear       year,
                                 GDate          *out);

G_END_DECLS
