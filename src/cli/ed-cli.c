/* ed-cli.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cli/ed-cli.h"
#include "cli/ed-cli-private.h"

/* electoral-desk-cli [--db FILE] COMMAND …: the app's operations without a window. */

/* The commands of the district as a whole; each module adds its own group from its row of
 * the module list. */
static const struct
{
  const char    *name;
  const char    *summary;
  EdCommandFunc  run;
} district_commands[] = {
  { "district", N_("Create a new district"), _ed_cli_district },
  { "demo", N_("Write the demo district to a new database"), _ed_cli_demo },
  { "info", N_("Show the district, data format, row counts and desk id"), _ed_cli_info },
  { "settings", N_("Read and change the district settings"), _ed_cli_settings },
  { "history", N_("Show who changed a row, when, and from what to what"), _ed_cli_history },
  { "ops", N_("Export this desk’s changes to a file, or apply another desk’s"), _ed_cli_ops },
  { "conflicts", N_("List and resolve changes two desks made to the same thing"),
    _ed_cli_conflicts },
};

static void
print_help (const EdModule * const *modules)
{
  g_autofree char *default_path = ed_context_get_default_database_path ();

  g_print (_("Usage:\n"
             "  electoral-desk-cli [--db FILE] COMMAND [OPTION…]\n"
             "\n"
             "Electoral Desk from the command line.\n"
             "\n"
             "Options:\n"
             "  --db FILE     The district's database (default: %s)\n"
             "  --version     Show the version and exit\n"
             "  -h, --help    Show this help and exit\n"
             "\n"
             "Commands:\n"), default_path);
  for (guint i = 0; i < G_N_ELEMENTS (district_commands); i++)
    g_print ("  %-12s  %s\n", district_commands[i].name, _(district_commands[i].summary));
  for (guint i = 0; modules[i] != NULL; i++)
    if (modules[i]->command != NULL)
      {
        g_print ("  %-12s  %s\n", modules[i]->id, _(modules[i]->summary));
        for (const EdModuleCommandName *other = modules[i]->other_commands;
             other != NULL && other->name != NULL; other++)
          g_print ("  %-12s  %s\n", other->name, _(other->summary));
      }
  g_print (_("\n"
             "“electoral-desk-cli COMMAND --help” describes a command.\n"
             "Exit status: 0 done, 1 the request failed (reason on stderr), 2 usage error.\n"));
}

/**
 * ed_cli_run:
 * @modules: (array zero-terminated=1): the module list whose command groups are offered
 * @argc: the number of arguments
 * @argv: the arguments, the program's name first
 *
 * Runs one command line of `electoral-desk-cli`.
 *
 * Returns: the exit status: 0 done, 1 the request failed, 2 a usage error
 */
int
ed_cli_run (const EdModule * const  *modules,
            int                      argc,
            char                   **argv)
{
  EdCommandGlobals globals = { NULL, modules };
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (modules);
          return ED_COMMAND_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("electoral-desk-cli %s\n", PACKAGE_VERSION);
          return ED_COMMAND_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            return ed_command_usage (NULL, _("--db needs a file name"));
          globals.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          globals.db_path = arg + strlen ("--db=");
        }
      else if (arg[0] == '-')
        {
          return ed_command_usage (NULL, _("Unknown option “%s”"), arg);
        }
      else
        {
          break;
        }
    }

  if (globals.db_path != NULL && *globals.db_path == '\0')
    return ed_command_usage (NULL, _("--db needs a file name"));

  if (i >= argc)
    {
      print_help (modules);
      return ED_COMMAND_EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (district_commands); c++)
    if (g_str_equal (argv[i], district_commands[c].name))
      return district_commands[c].run (&globals, argc - i, argv + i);
  for (guint m = 0; modules[m] != NULL; m++)
    {
      if (modules[m]->command == NULL)
        continue;
      if (g_str_equal (argv[i], modules[m]->id))
        return modules[m]->command (&globals, argc - i, argv + i);
      for (const EdModuleCommandName *other = modules[m]->other_commands;
           other != NULL && other->name != NULL; other++)
        if (g_str_equal (argv[i], other->name))
          return modules[m]->command (&globals, argc - i, argv + i);
    }

  return ed_command_usage (NULL, _("Unknown command “%s”"), argv[i]);
}
