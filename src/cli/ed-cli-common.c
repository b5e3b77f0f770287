/* ed-cli-common.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ed-cli-private.h"

/* Reports a failed request: one line on stderr, exit status 1. Takes the error. */
int
_ed_cli_fail (GError *error)
{
  g_printerr ("electoral-desk-cli: %s\n", error->message);
  g_error_free (error);
  return ED_CLI_EXIT_ERROR;
}

int
_ed_cli_usage (const char *command,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("electoral-desk-cli: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “electoral-desk-cli %s --help”.\n"), command);
  else
    g_printerr (_("Try “electoral-desk-cli --help”.\n"));
  return ED_CLI_EXIT_USAGE;
}

/* Parses a command's own options. On a usage error it prints why and sets *out_status. */
gboolean
_ed_cli_parse (GOptionContext   *option_context,
               const char       *command,
               int              *argc,
               char           ***argv,
               int              *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("electoral-desk-cli %s", command);

  /* The usage line of --help names the command as it is typed. */
  g_set_prgname (prgname);
  if (!g_option_context_parse (option_context, argc, argv, &error))
    {
      *out_status = _ed_cli_usage (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

char *
_ed_cli_database_path (const EdCliGlobals *globals)
{
  if (globals->db_path != NULL)
    return g_strdup (globals->db_path);
  return ed_context_get_default_database_path ();
}

/* Commands that only read must never create an empty district by mistake. */
EdContext *
_ed_cli_open_existing (const EdCliGlobals  *globals,
                       GError             **error)
{
  g_autofree char *path = _ed_cli_database_path (globals);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no district at “%s”. Create one in the app, or try "
                     "“electoral-desk-cli --db %s demo”."), name, name);
      return NULL;
    }
  return ed_context_open (path, error);
}

void
_ed_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* People read a change's time in their own time zone and to the minute: the clock's counter
 * and the seconds tell them nothing, and "approximate" is all a clock on another desk gives. */
char *
_ed_cli_format_time (gint64 hlc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ed_hlc_get_ms (hlc) / 1000);

  if (time == NULL)
    return g_strdup ("-");
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/* Scripts get the full local time with its offset, so they need not know our time zone. */
char *
_ed_cli_format_time_iso (gint64 hlc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ed_hlc_get_ms (hlc) / 1000);

  if (time == NULL)
    return NULL;
  return g_date_time_format_iso8601 (time);
}

/* Eight hex digits tell a team's few desks apart, and fit a line. */
char *
_ed_cli_short_desk (const char *device)
{
  return g_strndup (device != NULL ? device : "", 8);
}

/* Keeps one change or version per line: an address's lines are joined with commas. */
char *
_ed_cli_one_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (", ", lines);
}

/* The district's columns are shown under the names people give "settings set", so a change
 * reads as the command that made it. */
const char *
_ed_cli_column_label (const char *table,
                      const char *column)
{
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  if (g_strcmp0 (table, "district") != 0)
    return column;
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i].column, column) == 0)
      return keys[i].key;
  return column;
}
