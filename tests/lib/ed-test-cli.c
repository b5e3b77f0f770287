/* ed-test-cli.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-test-cli.h"

void
ed_test_cli_result_clear (EdTestCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* Runs the CLI with `--db @db` (none when %NULL) and then @first_arg, @args up to a NULL.
 * A result used before is cleared first, so one result can serve a sequence of runs. */
void
ed_test_cli_runv (EdTestCliResult *result,
                  const char      *db,
                  const char      *first_arg,
                  va_list          args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  ed_test_cli_result_clear (result);
  g_ptr_array_add (argv, (char *)ED_CLI_PATH);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *)"--db");
      g_ptr_array_add (argv, (char *)db);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  if (result->status != 0 && g_test_verbose ())
    g_test_message ("exit %d: %s", result->status, result->err);
}

/* Runs the CLI with the arguments given, up to a NULL. */
void
ed_test_cli_run (EdTestCliResult *result,
                 const char      *first_arg,
                 ...)
{
  va_list args;

  va_start (args, first_arg);
  ed_test_cli_runv (result, NULL, first_arg, args);
  va_end (args);
}

/* Runs the CLI on the database @db (none when %NULL) with the arguments after it, up to a
 * NULL. */
void
ed_test_cli_run_on (EdTestCliResult *result,
                    const char      *db,
                    ...)
{
  va_list args;
  const char *first_arg;

  va_start (args, db);
  first_arg = va_arg (args, const char *);
  ed_test_cli_runv (result, db, first_arg, args);
  va_end (args);
}

guint
ed_test_cli_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}
