/* ed-cli-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/ed-cli-private.h"
#include "demo/ed-demo.h"

int
_ed_cli_demo (const EdCommandGlobals  *globals,
              int                  argc,
              char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display_path = NULL;
  GError *error = NULL;
  EdDemoOptions options;
  gint64 seed = ED_DEMO_DEFAULT_SEED;
  int electors = ED_DEMO_DEFAULT_ELECTORS;
  int status;
  EdJob *job;
  const GOptionEntry entries[] = {
    { "electors", 0, 0, G_OPTION_ARG_INT, &electors,
      N_("Number of electors (default 60,000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Random seed: the same seed writes the same district (default 2026)"), "S" },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Writes a synthetic demo district to a new database file "
                                  "(by default the demo district in your data folder).\n"
                                  "A database that already holds a district is refused."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "demo", &argc, &argv, &status))
    return status;

  if (argc > 1)
    return ed_command_usage ("demo", _("Unexpected argument “%s”"), argv[1]);
  if (electors < 0)
    return ed_command_usage ("demo", _("--electors must be 0 or more"));
  if (seed < 0 || seed > G_MAXUINT32)
    return ed_command_usage ("demo", _("--seed must be between 0 and %u"), G_MAXUINT32);

  ed_demo_options_init (&options);
  options.seed = (guint32)seed;
  options.electors = (guint)electors;

  path = globals->db_path != NULL ? g_strdup (globals->db_path)
                                  : ed_context_get_demo_database_path ();
  /* The same job as the window's: the district appears whole, or not at all. */
  job = ed_demo_write_async (path, globals->modules, &options, NULL, ed_command_job_done,
                             &result);
  ed_command_wait (job, &result);
  if (!ed_demo_write_finish (job, result, &error))
    return ed_command_fail (error);

  context = ed_command_open (globals, path, &error);
  if (context == NULL)
    return ed_command_fail (error);

  display_path = g_filename_display_name (path);
  g_print (_("Wrote the demo district “%s” to %s\n"),
           ed_district_settings_get_council_name (ed_context_get_settings (context)),
           display_path);
  return ED_COMMAND_EXIT_OK;
}
