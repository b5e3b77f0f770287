/* ed-demo-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-demo.h"

G_BEGIN_DECLS

/* One function per module's part of the demo district, called in order by ed_demo_generate()
 * with the same random stream, so the whole district follows from the seed. */
gboolean _ed_demo_add_district (EdContext  *context,
                                GRand      *rand,
                                GError    **error);

gboolean _ed_demo_add_register (EdContext    *context,
                                GRand        *rand,
                                const GDate  *today,
                                guint         n_electors,
                                GError      **error);

const char *_ed_demo_pick (GRand       *rand,
                           const char **choices,
                           guint        n_choices);

G_END_DECLS
