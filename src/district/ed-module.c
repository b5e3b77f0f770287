/* ed-module.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-district"

#include "config.h"

#include "district/ed-module.h"

/**
 * ed_module_list_lookup:
 * @modules: (array zero-terminated=1): a module list
 * @id: a module's id
 *
 * Returns: (nullable): the module called @id, or %NULL when the list has none
 */
const EdModule *
ed_module_list_lookup (const EdModule * const *modules,
                       const char             *id)
{
  g_return_val_if_fail (modules != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; modules[i] != NULL; i++)
    if (g_str_equal (modules[i]->id, id))
      return modules[i];
  return NULL;
}

/* Every module's demo part picks its names this way, so one seed gives one district. */
const char *
ed_demo_pick (GRand       *rand,
              const char **choices,
              guint        n_choices)
{
  return choices[g_rand_int_range (rand, 0, (gint32)n_choices)];
}
