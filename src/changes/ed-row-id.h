/* ed-row-id.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ed_row_id_new             (void);
gint64    ed_row_id_get_unix_ms     (const char *row_id);

/* For tests: the id a given clock reading would start from. */
char     *_ed_row_id_new_at         (gint64      unix_ms);

G_END_DECLS
