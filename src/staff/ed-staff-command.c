/* ed-staff-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff ACTION … and payroll ACTION …: casual election staff and their
 * payroll from the command line. The module's command answers to `staff` and `payroll`; each
 * action parses its own options (ed-staff-command-*.c), and this only finds it. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-staff-command.h"
#include "staff/ed-staff-command-private.h"

const EdModuleCommandName ed_staff_other_commands[] = {
  { "payroll", N_("Run an election’s payroll, approve it, export it and print fee statements") },
  { NULL }
};

/* In the order `staff --help` lists them. */
const EdStaffAction _ed_staff_actions[] = {
  { "import", _ed_staff_command_import, "FILE.csv [--report FILE] [--json]",
    N_("Add or update people from a CSV file, all of it or none") },
  { "list", _ed_staff_command_list,
    "[--json [--with-ni-numbers]] [--role ROLE] [--search TEXT] [--for-removal]",
    N_("The people, by name; or those the district’s retention period says to remove") },
  { "scale", _ed_staff_command_scale, "list | show --election ID | load TEMPLATE --election ID",
    N_("Fee scales: the bundled templates, and what an election pays each role") },
  { "appoint", _ed_staff_command_appoint,
    "PERSON --election ID --role ROLE [--station CODE | --place PLACE --session TEXT] "
    "[--date DATE] [--start HH:MM --end HH:MM]",
    N_("Appoint a person to a role at a polling station, the count or postal vote opening") },
  { "appointments", _ed_staff_command_appointments, "--election ID [--json]",
    N_("An election’s appointments by station, with their states and what to see to") },
  { "state", _ed_staff_command_state, "APPOINTMENT STATE",
    N_("Move an appointment on: invited, accepted, declined, confirmed, attended…") },
  { "invite", _ed_staff_command_invite, "--from ID --election ID",
    N_("Invite an earlier election’s staff to the same roles at another") },
  { "rota", _ed_staff_command_rota, "--election ID -o FILE.pdf",
    N_("The rotas: each station’s staff, the count’s and postal vote opening’s, and the "
       "inspectors’ contact sheet") },
  { "letters", _ed_staff_command_letters, "--election ID -o FILE.pdf",
    N_("An appointment letter for each person accepted or confirmed, merged into one PDF") },
  { NULL }
};

static void
print_help (void)
{
  g_print ("%s\n  electoral-desk-cli staff ACTION …\n\n%s\n\n", _("Usage:"),
           _("Casual election staff: the people the returning officer may appoint and what "
             "they are paid. Each action has --help of its own."));
  for (const EdStaffAction *action = _ed_staff_actions; action->name != NULL; action++)
    g_print ("  %s %s\n      %s\n", action->name, action->usage, _(action->summary));
}

/**
 * ed_staff_command:
 * @globals: the options before the command's name
 * @argc: the number of arguments, the command's name first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli staff ACTION …` and `payroll ACTION …`.
 *
 * Returns: the exit status
 */
int
ed_staff_command (const EdCommandGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  if (g_str_equal (argv[0], "payroll"))
    return _ed_staff_command_payroll (globals, argc, argv);
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (const EdStaffAction *action = _ed_staff_actions; action->name != NULL; action++)
    if (g_str_equal (argv[1], action->name))
      return action->run (globals, argc - 1, argv + 1);
  return ed_command_usage (argv[0], _("“%s” is not an action of %s; --help lists them"),
                           argv[1], argv[0]);
}
