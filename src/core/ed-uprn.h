/* ed-uprn.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ED_UPRN_MAX:
 *
 * The largest Unique Property Reference Number: twelve digits. UPRNs start at 1.
 */
#define ED_UPRN_MAX (G_GUINT64_CONSTANT (999999999999))

gboolean  ed_uprn_parse     (const char  *text,
                             guint64     *out,
                             GError     **error);
char     *ed_uprn_normalise (const char  *text,
                             GError     **error);
char     *ed_uprn_format    (guint64      uprn);
gboolean  ed_uprn_is_valid  (guint64      uprn);

G_END_DECLS
