/* ed-stations-command-assign.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations assign ADDRESS --station CODE | --rules: one address sent to a
 * station by hand, whatever its street's and district's rules say, or given back to them. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "register/ed-register-find.h"
#include "stations/ed-polling-station.h"
#include "stations/ed-stations-command-private.h"

int
_ed_stations_command_assign (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *station_code = NULL;
  g_autofree char *property = NULL;
  g_autofree char *station = NULL;
  gboolean rules = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "station", 0, 0, G_OPTION_ARG_STRING, &station_code,
      N_("The station the address’s electors vote at"), N_("CODE") },
    { "rules", 0, 0, G_OPTION_ARG_NONE, &rules,
      N_("Let the street’s and district’s rules decide again"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("ADDRESS"));
  g_option_context_set_summary (option_context,
                                _("Sends one address to a station by hand, whatever the rules "
                                  "for its street and district say. The address is named by an "
                                  "elector number there (AB124) or its UPRN."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations assign", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("stations assign",
                             _("Name one address: an elector number there or its UPRN"));
  if ((station_code == NULL) == !rules)
    return ed_command_usage ("stations assign", _("Say --station CODE or --rules"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  property = ed_register_find_address (context, argv[1], &error);
  if (property == NULL)
    return ed_command_fail (error);
  if (station_code != NULL && (station = ed_station_find_by_code (context, station_code,
                                                                   &error)) == NULL)
    return ed_command_fail (error);
  if (!ed_station_override_set (context, property, station, &error))
    return ed_command_fail (error);
  if (station_code != NULL)
    /* Translators: an address as the officer named it, then a station's code */
    g_print (_("%s now votes at station %s.\n"), argv[1], station_code);
  else
    /* Translators: an address as the officer named it */
    g_print (_("%s now votes where its street’s and district’s rules say.\n"), argv[1]);
  return ED_COMMAND_EXIT_OK;
}
