/* ed-demo.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

void     ed_demo_options_init (EdDemoOptions        *options);
gboolean ed_demo_generate     (EdContext            *context,
                               const EdDemoOptions  *options,
                               GError              **error);

G_END_DECLS
