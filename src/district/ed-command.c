/* ed-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-command"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "changes/ed-replica.h"
#include "core/ed-database.h"
#include "district/ed-command.h"
#include "district/ed-context.h"

/* What every command of `electoral-desk-cli` shares, whichever module it belongs to: exit
 * statuses, messages, option parsing and opening the district. */

/* Reports a failed request: one line on stderr, exit status 1. Takes the error. */
int
ed_command_fail (GError *error)
{
  g_printerr ("electoral-desk-cli: %s\n", error->message);
  g_error_free (error);
  return ED_COMMAND_EXIT_ERROR;
}

int
ed_command_usage (const char *command,
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
  return ED_COMMAND_EXIT_USAGE;
}

/* Parses a command's own options. On a usage error it prints why and sets *out_status. */
gboolean
ed_command_parse (GOptionContext   *option_context,
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
      *out_status = ed_command_usage (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

char *
ed_command_database_path (const EdCommandGlobals *globals)
{
  if (globals->db_path != NULL)
    return g_strdup (globals->db_path);
  return ed_context_get_default_database_path ();
}

/**
 * ed_command_open:
 * @globals: the command line's global options
 * @path: the district file
 * @error: return location for a #GError
 *
 * Opens @path for a command, and tells the person on standard error anything opening it did
 * that they should know (a file others could read, made private).
 *
 * Returns: (transfer full) (nullable): the open district, or %NULL with @error set
 */
EdContext *
ed_command_open (const EdCommandGlobals  *globals,
                 const char              *path,
                 GError                 **error)
{
  EdContext *context = ed_context_open (path, globals->modules, error);
  g_autofree char *notice = NULL;

  if (context == NULL)
    return NULL;
  notice = ed_database_dup_privacy_notice (ed_replica_get_database (ED_REPLICA (context)));
  if (notice != NULL)
    g_printerr ("%s\n", notice);
  return context;
}

/* Commands that only read must never create an empty district by mistake. */
EdContext *
ed_command_open_existing (const EdCommandGlobals  *globals,
                          GError                 **error)
{
  g_autofree char *path = ed_command_database_path (globals);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no district at “%s”. Create one in the app, or try "
                     "“electoral-desk-cli --db %s demo”."), name, name);
      return NULL;
    }
  return ed_command_open (globals, path, error);
}

void
ed_command_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * ed_command_json_add_string:
 * @builder: a builder inside an object
 * @name: the member's name
 * @value: its value
 *
 * Adds one member to the object @builder is building: what every `--json` output does.
 */
void
ed_command_json_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * ed_command_json_add_int:
 * @builder: a builder inside an object
 * @name: the member's name
 * @value: its value
 */
void
ed_command_json_add_int (JsonBuilder *builder,
                         const char  *name,
                         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * ed_command_json_add_boolean:
 * @builder: a builder inside an object
 * @name: the member's name
 * @value: its value
 */
void
ed_command_json_add_boolean (JsonBuilder *builder,
                             const char  *name,
                             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/**
 * ed_command_job_done:
 * @source: the job
 * @result: its result
 * @user_data: (type GAsyncResult**): where ed_command_wait() looks for the result
 *
 * The callback to start a job with when a command waits for it with ed_command_wait().
 */
void
ed_command_job_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
print_progress_cb (EdJob      *job,
                   double      fraction,
                   const char *text)
{
  g_printerr ("\r%3.0f%% %-36s", fraction * 100.0, text);
}

/**
 * ed_command_wait:
 * @job: a job started with ed_command_job_done() as its callback and @result as its data
 * @result: (inout): set when the job is done; %NULL until then
 *
 * Runs the main loop until @job is done, showing its progress on stderr when that is a
 * terminal (and nothing when it is a file or a pipe, which a script reads).
 */
void
ed_command_wait (EdJob         *job,
                 GAsyncResult **result)
{
  gboolean terminal = isatty (STDERR_FILENO);
  gulong handler = 0;

  g_return_if_fail (ED_IS_JOB (job));
  g_return_if_fail (result != NULL);

  if (terminal)
    handler = g_signal_connect (job, "progress", G_CALLBACK (print_progress_cb), NULL);
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (terminal)
    {
      g_signal_handler_disconnect (job, handler);
      g_printerr ("\r%44s\r", "");
    }
}
