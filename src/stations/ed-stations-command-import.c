/* ed-stations-command-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations import FILE… [--dry-run] [--report F.csv] [--json]: the EMS
 * station files into the district, through the same job as the window's import. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "district/ed-command.h"
#include "district/ed-context.h"
#include "stations/ed-stations-command-private.h"
#include "stations/ed-stations-import.h"

#define DROPS_SHOWN 20

static JsonNode *
report_json (EdStationsImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  EdStationFiles *files = report->files;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "layout");
  json_builder_add_string_value (builder, ed_station_files_get_layout_name (files));
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, report->dry_run);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->files->len; i++)
    {
      EdStationFileInfo *info = g_ptr_array_index (files->files, i);
      char delimiter[2] = { info->delimiter, '\0' };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "layout");
      json_builder_add_string_value (builder, ed_station_layout_to_string (info->layout));
      json_builder_set_member_name (builder, "encoding");
      json_builder_add_string_value (builder, ed_csv_encoding_get_name (info->encoding));
      json_builder_set_member_name (builder, "delimiter");
      json_builder_add_string_value (builder, delimiter);
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, info->n_rows);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "places");
  json_builder_add_int_value (builder, files->places->len);
  json_builder_set_member_name (builder, "stations");
  json_builder_add_int_value (builder, files->stations->len);
  json_builder_set_member_name (builder, "addresses");
  json_builder_add_int_value (builder, files->addresses->len);
  json_builder_set_member_name (builder, "dropped");
  json_builder_add_int_value (builder, files->dropped->len);
  json_builder_set_member_name (builder, "dropped_rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->dropped->len; i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (files->dropped, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, drop->file);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, (gint64)drop->line);
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, drop->address);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, drop->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_object (builder);
#define COUNT(name, field) \
  json_builder_set_member_name (builder, name); \
  json_builder_add_int_value (builder, report->field);
  COUNT ("districts_added", n_districts_added)
  COUNT ("properties_added", n_properties_added)
  COUNT ("properties_located", n_properties_located)
  COUNT ("properties_elsewhere", n_properties_elsewhere)
  COUNT ("places_added", n_places_added)
  COUNT ("places_updated", n_places_updated)
  COUNT ("stations_added", n_stations_added)
  COUNT ("stations_updated", n_stations_updated)
  COUNT ("rules_added", n_rules_added)
  COUNT ("rules_removed", n_rules_removed)
  COUNT ("overrides_added", n_overrides_added)
  COUNT ("overrides_removed", n_overrides_removed)
  COUNT ("ops", n_ops)
#undef COUNT
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_report (EdStationsImportReport *report)
{
  EdStationFiles *files = report->files;

  for (guint i = 0; i < MIN (files->dropped->len, DROPS_SHOWN); i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (files->dropped, i);

      /* Translators: the file, the line, then why the row was left out */
      g_printerr (_("%s, line %" PRIu64 ": left out: %s\n"), drop->file, (uint64_t)drop->line,
                  drop->reason);
    }
  if (files->dropped->len > DROPS_SHOWN)
    g_printerr (_("… and %u more\n"), files->dropped->len - DROPS_SHOWN);

  g_print (_("Layout: %s\n"), ed_station_files_get_display_name (files));
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Read %u places, %u stations and %u addresses; %u row left out.\n",
                        "Read %u places, %u stations and %u addresses; %u rows left out.\n",
                        files->dropped->len),
           files->places->len, files->stations->len, files->addresses->len,
           files->dropped->len);
  g_print (report->dry_run
             ? _("Would add %u polling districts, %u properties, %u places and %u stations, "
                 "and %u rules and %u exceptions; nothing was written.\n")
             : _("Added %u polling districts, %u properties, %u places and %u stations, and "
                 "%u rules and %u exceptions.\n"),
           report->n_districts_added, report->n_properties_added, report->n_places_added,
           report->n_stations_added, report->n_rules_added, report->n_overrides_added);
  if (report->n_properties_elsewhere > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u property is in another polling district in the register than "
                          "in the file; the register’s district was kept.\n",
                          "%u properties are in another polling district in the register than "
                          "in the file; the register’s districts were kept.\n",
                          report->n_properties_elsewhere),
             report->n_properties_elsewhere);
  if (report->n_ops == 0)
    g_print (_("The district already matches the file.\n"));
}

int
_ed_stations_command_import (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationsImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *report_path = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  GError *error = NULL;
  EdJob *job;
  int status;
  const GOptionEntry options[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read the files and report what would change, writing nothing"), NULL },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path,
      N_("Write every row left out, and why, to this CSV file"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("FILE…"));
  g_option_context_set_summary (option_context,
                                _("Imports the polling stations and the addresses each serves "
                                  "from an election management system’s export for Democracy "
                                  "Club: Xpress (both layouts, and WebLookup), Idox Eros (both "
                                  "layouts), Democracy Counts (its two files together), EONI "
                                  "or Democracy Club’s own CSV (its two files together). Rows "
                                  "a careful import leaves out (“Other Electors”, no postcode, "
                                  "a UPRN given two stations) are reported with their line and "
                                  "reason; a file no rule reads is refused whole. Importing a "
                                  "file again changes nothing."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations import", &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ed_command_usage ("stations import",
                             _("Usage: stations import FILE… [--dry-run] [--report FILE] "
                               "[--json]"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  paths = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    paths[i - 1] = g_strdup (argv[i]);
  job = ed_stations_import_async (context, (const char * const *)paths, dry_run, NULL,
                                  ed_command_job_done, &result);
  ed_command_wait (job, &result);
  report = ed_stations_import_finish (job, result, &error);
  if (report == NULL)
    return ed_command_fail (error);

  if (report_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (report_path);

      if (!ed_stations_import_report_write_csv (report, file, &error))
        return ed_command_fail (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = report_json (report);

      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  print_report (report);
  return ED_COMMAND_EXIT_OK;
}
