/* ed-stations-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations ACTION …: polling places and stations from the command line.
 * Each action parses its own options (ed-stations-command-*.c); this only finds it. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stations/ed-stations-command.h"
#include "stations/ed-stations-command-private.h"

/* In the order `stations --help` lists them. */
const EdStationsAction _ed_stations_actions[] = {
  { "list", _ed_stations_command_list, "[--json]",
    N_("The polling places, their bookings and their stations") },
  { "plan", _ed_stations_command_plan, "[--json]",
    N_("The polling plan: electors per station, staffing and warnings") },
  { "split", _ed_stations_command_split, "CODE --street STREET… [--code NEW] [--preview]",
    N_("Split a station by street into a new station in the same place") },
  { "assign", _ed_stations_command_assign, "ADDRESS --station CODE | --rules",
    N_("Send one address to a station by hand, or back to its street’s and district’s rules") },
  { "growth", _ed_stations_command_growth,
    "--district CODE [--homes N] [--electors-per-home NUMBER] [--note TEXT]",
    N_("The new homes expected in a polling district, for the plan’s projection") },
  { "import", _ed_stations_command_import, "FILE… [--dry-run] [--report F.csv] [--json]",
    N_("Import polling stations and their addresses from an EMS station file") },
  { "map", _ed_stations_command_map, "[--district CODE] -o FILE.pdf|FILE.png",
    N_("Draw a map of the stations and the properties each serves") },
  { "review", _ed_stations_command_review, "new|list|show|step|representation|proposal|notice|report …",
    N_("Reviews of polling districts and places: start one, record its steps, representations "
       "and proposals, and print its notice and committee report") },
  { "export", _ed_stations_command_export, "--format democracy-club -o NAME.csv",
    N_("Write the stations and their addresses for Democracy Club’s WhereDoIVote") },
  { NULL }
};

static void
print_help (void)
{
  g_print ("%s\n  electoral-desk-cli stations ACTION …\n\n%s\n\n", _("Usage:"),
           _("Polling districts, places and stations: the polling plan, maps, reviews and the "
             "EMS station files. Each action has --help of its own."));
  for (const EdStationsAction *action = _ed_stations_actions; action->name != NULL; action++)
    g_print ("  %s %s\n      %s\n", action->name, action->usage, _(action->summary));
}

/**
 * ed_stations_command:
 * @globals: the options before the command's name
 * @argc: the number of arguments, the command's name first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli stations ACTION …`.
 *
 * Returns: the exit status
 */
int
ed_stations_command (const EdCommandGlobals  *globals,
                     int                      argc,
                     char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (const EdStationsAction *action = _ed_stations_actions; action->name != NULL; action++)
    if (g_str_equal (argv[1], action->name))
      return action->run (globals, argc - 1, argv + 1);
  return ed_command_usage ("stations", _("“%s” is not an action of stations; --help lists "
                                         "them"), argv[1]);
}
