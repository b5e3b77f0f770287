/* ed-demo-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "demo/ed-demo.h"

G_BEGIN_DECLS

/* The district's own part of the demo: the council, its officers and its contact details. */
gboolean _ed_demo_add_district (EdContext  *context,
                                GRand      *rand,
                                GError    **error);

G_END_DECLS
