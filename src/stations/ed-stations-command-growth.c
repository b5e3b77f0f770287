/* ed-stations-command-growth.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations growth: the new homes expected in a polling district over the
 * next five years, from which the polling plan projects its electorate. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "register/ed-register-find.h"
#include "stations/ed-district-growth.h"
#include "stations/ed-stations-command-private.h"

int
_ed_stations_command_growth (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdDistrictGrowth) growth = NULL;
  g_autofree char *district_code = NULL;
  g_autofree char *electors = NULL;
  g_autofree char *note = NULL;
  g_autofree char *district = NULL;
  gint64 homes = -1;
  gint64 electors_x100 = 0;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "district", 0, 0, G_OPTION_ARG_STRING, &district_code,
      N_("The polling district, by its code"), N_("CODE") },
    { "homes", 0, 0, G_OPTION_ARG_INT64, &homes,
      N_("The new homes expected there over the next five years (0 for none)"), "N" },
    { "electors-per-home", 0, 0, G_OPTION_ARG_STRING, &electors,
      N_("The electors expected in each, such as 2.1 (default the district’s present figure)"),
      N_("NUMBER") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("Where the figure comes from"), N_("TEXT") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Records the new homes expected in a polling district over "
                                  "the next five years, from which the polling plan projects "
                                  "its electorate; without --homes, prints the figure "
                                  "recorded."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations growth", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("stations growth",
                             _("“stations growth” takes no arguments besides its options"));
  if (district_code == NULL)
    return ed_command_usage ("stations growth", _("Say which polling district: --district CODE"));
  if (electors != NULL && !ed_district_growth_parse_electors (electors, &electors_x100, &error))
    return ed_command_fail (error);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  district = ed_register_find_polling_district (context, district_code, &error);
  if (district == NULL)
    return ed_command_fail (error);
  if (homes >= 0 &&
      !ed_district_growth_set (context, district, homes, electors_x100,
                               note != NULL ? note : "", &error))
    return ed_command_fail (error);

  growth = ed_district_growth_get (context, district, &error);
  if (growth == NULL)
    return ed_command_fail (error);
  if (growth->electors_per_dwelling_x100 > 0)
    /* Translators: a district's code, the new homes expected there, and the electors in
     * each, as 2.10 */
    g_print (_("%s: %" PRId64 " new homes expected in five years, %" PRId64 ".%02" PRId64
               " electors in each\n"),
             district_code, growth->dwellings, growth->electors_per_dwelling_x100 / 100,
             growth->electors_per_dwelling_x100 % 100);
  else
    /* Translators: a district's code and the new homes expected there */
    g_print (_("%s: %" PRId64 " new homes expected in five years, with as many electors in "
               "each as the district’s homes have now\n"),
             district_code, growth->dwellings);
  return ED_COMMAND_EXIT_OK;
}
