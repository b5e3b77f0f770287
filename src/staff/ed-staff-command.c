/* ed-staff-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff ACTION …: casual election staff from the command line. Each action
 * parses its own options (ed-staff-command-*.c); this only finds it. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "staff/ed-staff-command.h"
#include "staff/ed-staff-command-private.h"

static const struct
{
  const char    *name;
  EdCommandFunc  run;
  const char    *usage;    /* the arguments after the name, untranslated */
  const char    *summary;  /* translatable, marked with N_() */
} actions[] = {
  { "scale", _ed_staff_command_scale, "list | show --election ID | load TEMPLATE --election ID",
    N_("Fee scales: the bundled templates, and what an election pays each role") },
};

static void
print_help (void)
{
  g_print ("%s\n  electoral-desk-cli staff ACTION …\n\n%s\n\n", _("Usage:"),
           _("Casual election staff: fee scales. Each action has --help of its own."));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_print ("  %s %s\n      %s\n", actions[i].name, actions[i].usage, _(actions[i].summary));
}

/**
 * ed_staff_command:
 * @globals: the options before the command's name
 * @argc: the number of arguments, the command's name first
 * @argv: (array length=argc): the arguments
 *
 * Runs `electoral-desk-cli staff ACTION …`.
 *
 * Returns: the exit status
 */
int
ed_staff_command (const EdCommandGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help ();
      return argc < 2 ? ED_COMMAND_EXIT_USAGE : ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i].name))
      return actions[i].run (globals, argc - 1, argv + 1);
  return ed_command_usage ("staff", _("“%s” is not an action of staff; --help lists them"),
                           argv[1]);
}
