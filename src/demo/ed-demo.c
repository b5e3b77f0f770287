/* ed-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "demo/ed-demo-private.h"
#include "core/ed-value-error.h"

/* The demo district is wholly synthetic: invented places under the reserved ".example" domain,
 * phone numbers from Ofcom's range for drama (01632 960xxx), and postcodes in the ZY area,
 * which Royal Mail has never used. No real person's name is paired with a real address. */

void
ed_demo_options_init (EdDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = ED_DEMO_DEFAULT_SEED;
  options->electors = ED_DEMO_DEFAULT_ELECTORS;
  g_date_clear (&options->today, 1);
  g_date_set_time_t (&options->today, time (NULL));
}

/**
 * ed_demo_generate:
 * @context: a context on a district that has not been set up
 * @options: the seed and size
 * @error: return location for an error
 *
 * Writes the demo district. The same seed gives the same district. It refuses a database that
 * already holds a district, so it can never overwrite real work.
 */
gboolean
ed_demo_generate (EdContext            *context,
                  const EdDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(GRand) rand = NULL;
  const EdModule * const *modules;
  EdDistrictSettings *settings;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  settings = ed_context_get_settings (context);
  if (ed_district_settings_is_configured (settings))
    {
      g_autofree char *name =
        g_filename_display_name (ed_database_get_path (ed_context_get_database (context)));

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” already holds the district “%s”; the demo is only written to a new "
                     "database file."), name, ed_district_settings_get_council_name (settings));
      return FALSE;
    }

  if (options->electors > ED_DEMO_MAX_ELECTORS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The demo district holds at most %u electors"), ED_DEMO_MAX_ELECTORS);
      return FALSE;
    }
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);

  rand = g_rand_new_with_seed (options->seed);

  if (!_ed_demo_add_district (context, rand, error))
    return FALSE;

  modules = ed_context_get_modules (context);
  for (guint i = 0; modules[i] != NULL; i++)
    if (modules[i]->add_demo != NULL && !modules[i]->add_demo (context, rand, options, error))
      return FALSE;

  return TRUE;
}
