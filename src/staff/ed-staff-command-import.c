/* ed-staff-command-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff import FILE.csv [--report F] [--json]: people from a CSV file,
 * through the same job a window's import would run (ed-staff-import.c lists the columns). */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "district/ed-command.h"
#include "district/ed-context.h"
#include "staff/ed-staff-command-private.h"
#include "staff/ed-staff-import.h"

#define PROBLEMS_SHOWN 20

static void
add_counts (JsonBuilder         *builder,
            const char          *file,
            EdStaffImportReport *report)
{
  ed_command_json_add_string (builder, "file", file);
  ed_command_json_add_boolean (builder, "written", report != NULL && report->written);
  ed_command_json_add_int (builder, "rows", report != NULL ? report->n_rows : 0);
  ed_command_json_add_int (builder, "added", report != NULL ? report->n_added : 0);
  ed_command_json_add_int (builder, "updated", report != NULL ? report->n_updated : 0);
  ed_command_json_add_int (builder, "unchanged", report != NULL ? report->n_unchanged : 0);
  ed_command_json_add_int (builder, "refused", report != NULL ? report->n_refused : 0);
}

/* Counts, each row's outcome and every problem; or, for a file refused whole, its error. */
static void
print_json (const char          *file,
            EdStaffImportReport *report,
            const GError        *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_counts (builder, file, report);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  if (error != NULL)
    {
      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "file", file);
      ed_command_json_add_string (builder, "message", error->message);
      json_builder_end_object (builder);
    }
  for (guint i = 0; report != NULL && i < report->problems->len; i++)
    {
      EdStaffImportProblem *problem = g_ptr_array_index (report->problems, i);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "file", file);
      ed_command_json_add_int (builder, "line", (gint64)problem->line);
      ed_command_json_add_string (builder, "field", problem->field);
      ed_command_json_add_string (builder, "message", problem->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; report != NULL && i < report->rows->len; i++)
    {
      EdStaffImportRow *row = g_ptr_array_index (report->rows, i);

      json_builder_begin_object (builder);
      ed_command_json_add_int (builder, "line", (gint64)row->line);
      ed_command_json_add_string (builder, "outcome",
                                  ed_staff_import_outcome_to_string (row->outcome));
      ed_command_json_add_string (builder, "name", row->name);
      ed_command_json_add_string (builder, "id", row->person_id != NULL ? row->person_id : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_problems (EdStaffImportReport *report)
{
  for (guint i = 0; i < MIN (report->problems->len, PROBLEMS_SHOWN); i++)
    {
      EdStaffImportProblem *problem = g_ptr_array_index (report->problems, i);

      /* Translators: the file, the line, the column, then what was expected */
      g_printerr (_("%s, line %" PRIu64 ", %s: %s\n"), report->file, (uint64_t)problem->line,
                  *problem->field != '\0' ? problem->field : _("row"), problem->reason);
    }
  if (report->problems->len > PROBLEMS_SHOWN)
    g_printerr (_("… and %u more\n"), report->problems->len - PROBLEMS_SHOWN);
}

int
_ed_staff_command_import (const EdCommandGlobals  *globals,
                          int                      argc,
                          char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStaffImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *file = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  EdJob *job;
  int status;
  const GOptionEntry options[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path,
      N_("Write what became of each row (added, updated, unchanged or refused, and why) to "
         "this CSV file"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the counts and the problems as JSON"),
      NULL },
    { NULL }
  };

  columns = g_strjoinv (", ", (char **)ed_staff_import_get_columns ());
  summary = g_strdup_printf (
    /* Translators: %s is the list of column names, which are not translated */
    _("Adds people from a CSV file whose first line names its columns, in any case and any "
      "order, from these: %s. Only family_name is required. An address’s lines are separated "
      "by “;”, and so are roles, each its value or its name (presiding_officer or “Presiding "
      "officer”); council_employee is yes or no, starter_statement A, B or C, language cy for "
      "Welsh; dates are written as 13/5/1980, 13 May 1980 or 1980-05-13. Every row is checked "
      "first, and if any is refused nothing is imported: each problem is reported with its "
      "file, line and column. Importing a file again adds no one: a row is the person with "
      "its payroll_reference, else its ni_number, else its family name, given names and date "
      "of birth, and it updates that person."),
    columns);
  option_context = g_option_context_new (_("FILE.csv"));
  g_option_context_set_summary (option_context, summary);
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "staff import", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("staff import",
                             _("Usage: staff import FILE.csv [--report FILE] [--json]"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  file = g_filename_display_basename (argv[1]);
  job = ed_staff_import_async (context, argv[1], NULL, ed_command_job_done, &result);
  ed_command_wait (job, &result);
  report = ed_staff_import_finish (job, result, &error);
  if (report == NULL)
    {
      if (json)
        print_json (file, NULL, error);
      return ed_command_fail (error);
    }

  /* The problems are shown first: a report that cannot be written (a full disk) must not
   * hide them. */
  if (!json)
    print_problems (report);
  if (report_path != NULL)
    {
      g_autoptr(GFile) report_file = g_file_new_for_commandline_arg (report_path);

      if (!ed_staff_import_report_write_csv (report, report_file, &error))
        {
          if (report->problems->len == 0)
            return ed_command_fail (error);
          g_printerr ("electoral-desk-cli: %s\n", error->message);
          g_clear_error (&error);
        }
    }

  if (json)
    print_json (file, report, NULL);
  if (report->problems->len > 0)
    {
      if (!json)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "electoral-desk-cli: %u problem in %u rows; nothing was "
                                 "imported\n",
                                 "electoral-desk-cli: %u problems in %u rows; nothing was "
                                 "imported\n",
                                 report->problems->len),
                    report->problems->len, report->n_rows);
      return ED_COMMAND_EXIT_ERROR;
    }
  if (!json)
    /* Translators: the file, then how many people it added, updated and left as they were */
    g_print (_("Imported %s: %u added, %u updated, %u unchanged.\n"), report->file,
             report->n_added, report->n_updated, report->n_unchanged);
  return ED_COMMAND_EXIT_OK;
}
