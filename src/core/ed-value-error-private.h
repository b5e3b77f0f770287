/* ed-value-error-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-value-error.h"

G_BEGIN_DECLS

char     *_ed_value_display_text (const char *input);
gboolean  _ed_value_is_space     (const char *p,
                                  gsize      *out_len);
char     *_ed_value_strip        (const char *input);

G_END_DECLS
