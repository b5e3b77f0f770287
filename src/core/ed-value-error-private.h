/* ed-value-error-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-value-error.h"

G_BEGIN_DECLS

gboolean  _ed_value_is_space     (const char *p,
                                  gsize      *out_len);

G_END_DECLS
