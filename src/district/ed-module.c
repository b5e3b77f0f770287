/* ed-module.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-district"

#include "config.h"

#include "district/ed-module.h"

/* Every module's demo part picks its names this way, so one seed gives one district. */
const char *
ed_demo_pick (GRand       *rand,
              const char **choices,
              guint        n_choices)
{
  return choices[g_rand_int_range (rand, 0, (gint32)n_choices)];
}
