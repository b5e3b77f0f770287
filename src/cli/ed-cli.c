/* ed-cli.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "ed-cli-private.h"

/* electoral-desk-cli [--db FILE] COMMAND …: the app's operations without a window. */

static const EdCliCommand commands[] = {
  { "demo", N_("Write the demo district to a new database"), _ed_cli_demo },
  { "info", N_("Show the district, data format, row counts and desk id"), _ed_cli_info },
  { "settings", N_("Read and change the district settings"), _ed_cli_settings },
  { "register", N_("Search the electoral register and count it"), _ed_cli_register },
  { "history", N_("Show who changed a row, when, and from what to what"), _ed_cli_history },
  { "ops", N_("Export this desk’s changes to a file, or apply another desk’s"), _ed_cli_ops },
  { "conflicts", N_("List and resolve changes two desks made to the same thing"),
    _ed_cli_conflicts },
};

static void
print_help (void)
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
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s  %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\n"
             "“electoral-desk-cli COMMAND --help” describes a command.\n"
             "Exit status: 0 done, 1 the request failed (reason on stderr), 2 usage error.\n"));
}

int
main (int    argc,
      char **argv)
{
  EdCliGlobals globals = { NULL };
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("electoral-desk-cli");

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return ED_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("electoral-desk-cli %s\n", PACKAGE_VERSION);
          return ED_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            return _ed_cli_usage (NULL, _("--db needs a file name"));
          globals.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          globals.db_path = arg + strlen ("--db=");
        }
      else if (arg[0] == '-')
        {
          return _ed_cli_usage (NULL, _("Unknown option “%s”"), arg);
        }
      else
        {
          break;
        }
    }

  if (globals.db_path != NULL && *globals.db_path == '\0')
    return _ed_cli_usage (NULL, _("--db needs a file name"));

  if (i >= argc)
    {
      print_help ();
      return ED_CLI_EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&globals, argc - i, argv + i);

  return _ed_cli_usage (NULL, _("Unknown command “%s”"), argv[i]);
}
