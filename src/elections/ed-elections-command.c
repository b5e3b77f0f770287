/* ed-elections-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli election ACTION … and pollcards ACTION …: elections, their timetables
 * and electorates, and the poll cards, from the command line. The module's command answers
 * to `elections`, `election` and `pollcards`; each action parses its own options
 * (ed-elections-command-*.c), and this only finds it. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-elections-command.h"
#include "elections/ed-elections-command-private.h"

const EdModuleCommandName ed_elections_other_commands[] = {
  { "election", N_("The same as elections") },
  { "pollcards", N_("Check poll cards, print them and write the printer’s data file") },
  { NULL }
};

/* In the order `election --help` lists them. */
const EdElectionsAction _ed_election_actions[] = {
  { "add", _ed_election_command_add,
    "--type TYPE --poll-date DATE [--country C] [--area CODE…] [--uncontested CODE…] "
    "[--seats CODE=N…] [--title TEXT] [--combine-with ID] [--json]",
    N_("Add a poll, the areas it is fought in and their seats") },
  { "list", _ed_election_command_list, "[--json]",
    N_("The district’s elections, the latest first") },
  { "timetable", _ed_election_command_timetable, "ID [--json] [--ics FILE.ics]",
    N_("Every statutory date of a poll, as a checklist, or as an iCalendar file") },
  { "task", _ed_election_command_task,
    "ID EVENT [--who NAME] [--done DATE | --not-done] [--note TEXT]",
    N_("Record who does a step of the timetable and when it was done") },
  { "dies-non", _ed_election_command_dies_non,
    "DATE --reason TEXT | --list [--json] | DATE --remove",
    N_("Add a day of thanksgiving or mourning, which every timetable skips; list or remove "
       "them") },
  { "cards", _ed_election_command_cards, "ID --requested | --not-requested",
    N_("Whether a Welsh community council asked for poll cards for its poll") },
  { "notices", _ed_election_command_notices, "ID [--json] | ID --publish 1|2|3 [-o DIR]",
    N_("A poll’s interim notices of alteration; publish one, the final one fixing the "
       "electorate") },
  { "electorate", _ed_election_command_electorate, "ID [--json]",
    N_("Who may vote at each poll, by contest and station, and by way of voting") },
  { "station-registers", _ed_election_command_station_registers,
    "ID -o DIR [--before-final]",
    N_("Each polling station’s register and corresponding number list, as PDF files") },
  { NULL }
};

/* In the order `pollcards --help` lists them. */
const EdElectionsAction _ed_pollcards_actions[] = {
  { "check", _ed_pollcards_command_check, "ID [--json]", N_("The pre-print check, as a report") },
  { "print", _ed_pollcards_command_print,
    "ID -o FILE.pdf [--layout a6|a4-4up] [--sort walk|postcode|number] [--proof] "
    "[--override REASON]",
    N_("Print the poll cards as a PDF: proofs, or the final cards once the check passes") },
  { "data", _ed_pollcards_command_data, "ID -o FILE.csv [--sort walk|postcode|number]",
    N_("Write the printer’s data file, one row for each card") },
  { NULL }
};

static const EdElectionsAction *
actions_for (const char *command)
{
  return g_str_equal (command, "pollcards") ? _ed_pollcards_actions : _ed_election_actions;
}

static void
print_help (const char              *command,
            const EdElectionsAction *actions)
{
  g_print ("%s\n  electoral-desk-cli %s ACTION …\n\n%s\n\n", _("Usage:"), command,
           actions == _ed_pollcards_actions
             ? _("Poll cards for an election: the pre-print check, proofs, the final print and "
                 "the printer’s data file. Each action has --help of its own.")
             : _("Elections: their contests, timetables, electorates and polling-station "
                 "registers. Each action has --help of its own."));
  for (const EdElectionsAction *action = actions; action->name != NULL; action++)
    g_print ("  %s %s\n      %s\n", action->name, action->usage, _(action->summary));
}

/**
 * _ed_elections_command_open:
 * @globals: the options before the command's name
 * @id_or_slug: the election as typed
 * @out_context: (out): the district
 * @out_election: (out): the election
 * @error: return location for an error
 *
 * Opens the district and finds the election an action is about.
 *
 * Returns: %TRUE on success
 */
gboolean
_ed_elections_command_open (const EdCommandGlobals  *globals,
                            const char              *id_or_slug,
                            EdContext              **out_context,
                            EdElection             **out_election,
                            GError                 **error)
{
  g_autoptr(EdContext) context = ed_command_open_existing (globals, error);
  g_autoptr(EdElection) election = NULL;

  if (context == NULL)
    return FALSE;
  election = ed_election_load (context, id_or_slug, error);
  if (election == NULL)
    return FALSE;
  *out_context = g_steal_pointer (&context);
  *out_election = g_steal_pointer (&election);
  return TRUE;
}

/**
 * ed_elections_command:
 * @globals: the options before the command's name
 * @argc: the number of arguments, the command's name first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli election ACTION …` (or `elections`) and `pollcards ACTION …`.
 *
 * Returns: the exit status
 */
int
ed_elections_command (const EdCommandGlobals  *globals,
                      int                      argc,
                      char                   **argv)
{
  const EdElectionsAction *actions = actions_for (argv[0]);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help (argv[0], actions);
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (const EdElectionsAction *action = actions; action->name != NULL; action++)
    if (g_str_equal (argv[1], action->name))
      return action->run (globals, argc - 1, argv + 1);
  return ed_command_usage (argv[0], _("“%s” is not an action of %s; --help lists them"),
                           argv[1], argv[0]);
}
