/* ed-register-command.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register search|stats: the register from the command line. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/ed-today.h"
#include "register/ed-register-command-private.h"
#include "core/ed-date.h"
#include "print/ed-document.h"
#include "core/ed-money.h"
#include "register/ed-notice-timetable.h"
#include "register/ed-register-document.h"
#include "register/ed-register-export.h"
#include "register/ed-register-import.h"
#include "register/ed-register-search.h"
#include "register/ed-register-stats.h"
#include "register/ed-sale-fee.h"

#define DEFAULT_SEARCH_LIMIT 50

static void
add_counts_json (JsonBuilder *builder,
                 const char  *member,
                 GPtrArray   *counts)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      EdRegisterCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, count->key);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, count->label);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, count->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_counts (const char *heading,
              GPtrArray  *counts)
{
  g_print ("\n%s\n", heading);
  for (guint i = 0; i < counts->len; i++)
    {
      EdRegisterCount *count = g_ptr_array_index (counts, i);

      g_print ("  %-40s %9" G_GINT64_FORMAT "\n", count->label, count->count);
    }
}

static int
register_stats (EdContext *context,
                gboolean   json)
{
  g_autoptr(EdRegisterStats) stats = NULL;
  GError *error = NULL;

  stats = ed_register_stats_compute (context, &error);
  if (stats == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "electors");
      json_builder_add_int_value (builder, stats->electors);
      add_counts_json (builder, "polling_districts", stats->by_polling_district);
      add_counts_json (builder, "markers", stats->by_marker);
      add_counts_json (builder, "absent_votes", stats->by_absent_vote);
      add_counts_json (builder, "status", stats->by_status);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  g_print (_("%" PRId64 " electors\n"), stats->electors);
  print_counts (_("By polling district"), stats->by_polling_district);
  print_counts (_("By franchise marker"), stats->by_marker);
  print_counts (_("By absent vote"), stats->by_absent_vote);
  print_counts (_("By status"), stats->by_status);
  return ED_COMMAND_EXIT_OK;
}

static int
register_search (EdContext  *context,
                 const char *text,
                 guint       limit,
                 gboolean    json)
{
  g_autoptr(GPtrArray) results = NULL;
  GError *error = NULL;

  results = ed_register_search (context, text, limit, &error);
  if (results == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          EdElectorSummary *summary = g_ptr_array_index (results, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, summary->id);
          json_builder_set_member_name (builder, "number");
          json_builder_add_string_value (builder, summary->number);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, summary->name);
          json_builder_set_member_name (builder, "address");
          json_builder_add_string_value (builder, summary->address);
          json_builder_set_member_name (builder, "postcode");
          json_builder_add_string_value (builder, summary->postcode);
          json_builder_set_member_name (builder, "marker");
          json_builder_add_string_value (builder, summary->marker);
          json_builder_set_member_name (builder, "absent_vote");
          json_builder_add_string_value (builder,
                                         ed_absent_vote_to_string (summary->absent_vote));
          json_builder_set_member_name (builder, "anonymous");
          json_builder_add_boolean_value (builder, summary->anonymous);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, ed_elector_status_to_string (summary->status));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  if (results->len == 0)
    {
      g_print (_("No elector matches “%s”.\n"), text);
      return ED_COMMAND_EXIT_OK;
    }
  for (guint i = 0; i < results->len; i++)
    {
      EdElectorSummary *summary = g_ptr_array_index (results, i);

      /* Anonymous entries show as number and N only, as in the printed register. */
      if (summary->anonymous)
        g_print ("%-10s N\n", summary->number);
      else
        g_print ("%-10s %-2s %-36s %s%s%s\n", summary->number, summary->marker, summary->name,
                 summary->address, summary->postcode[0] != '\0' ? "  " : "",
                 summary->postcode);
    }
  if (results->len == limit)
    g_printerr (_("The first %u matches; use --limit to see more.\n"), limit);
  return ED_COMMAND_EXIT_OK;
}

/* The statutory fee needs no district: RP(E&W) Regs 2001 as DOMAIN.md §1.3 sets them out. */
static int
register_sale_fee (gint64      entries,
                   const char *kind_text,
                   const char *format_text,
                   gboolean    json)
{
  g_autofree char *fee_text = NULL;
  GError *error = NULL;
  EdSaleKind kind;
  EdSaleFormat format;
  EdMoney fee;

  /* Beyond the calculator's range is an error, never a fee of £0.00. */
  if (!ed_sale_kind_from_string (kind_text, &kind, &error) ||
      !ed_sale_format_from_string (format_text, &format, &error) ||
      !ed_sale_fee_check (kind, format, entries, &fee, &error))
    return ed_command_fail (error);

  fee_text = ed_money_format (fee);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ed_sale_kind_to_string (kind));
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, ed_sale_format_to_string (format));
      json_builder_set_member_name (builder, "entries");
      json_builder_add_int_value (builder, entries);
      json_builder_set_member_name (builder, "fee_pence");
      json_builder_add_int_value (builder, fee);
      json_builder_set_member_name (builder, "fee");
      json_builder_add_string_value (builder, fee_text);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else
    g_print ("%s\n", fee_text);
  return ED_COMMAND_EXIT_OK;
}

static char *
format_date (const GDate *date)
{
  char text[64];

  g_date_strftime (text, sizeof text, "%a %d %b %Y", date);
  return g_strdup (text);
}

/* The next notices of alteration (DOMAIN.md §1.4), counted in working days on the calendar of
 * the district's country. */
static int
register_timetable (EdContext  *context,
                    const char *from_text,
                    int         months,
                    gboolean    json)
{
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  GError *error = NULL;
  GDate from;

  calendar = ed_calendar_new (country == ED_COUNTRY_SCOTLAND ? ED_JURISDICTION_SCOTLAND
                                                             : ED_JURISDICTION_ENGLAND_AND_WALES,
                              &error);
  if (calendar == NULL)
    return ed_command_fail (error);
  g_date_clear (&from, 1);
  if (from_text != NULL)
    {
      if (!ed_date_parse_iso (from_text, &from, &error))
        return ed_command_fail (error);
    }
  else
    ed_today (&from);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    g_print ("%-18s %-22s %-22s %s\n", _("Notice published"), _("Applications by"),
             _("Determined by"), _("Required?"));

  for (int i = 0; i < months; i++)
    {
      g_autofree char *publication = NULL;
      g_autofree char *applications = NULL;
      g_autofree char *determination = NULL;
      EdNoticeDates dates;

      if (!ed_notice_timetable_next_possible (calendar, &from, NULL, &dates, &error))
        return ed_command_fail (error);
      if (json)
        {
          g_autofree char *publication_iso = ed_date_format_iso (&dates.publication);
          g_autofree char *applications_iso = ed_date_format_iso (&dates.last_application);
          g_autofree char *determination_iso = ed_date_format_iso (&dates.determination);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "publication");
          json_builder_add_string_value (builder, publication_iso);
          json_builder_set_member_name (builder, "last_application");
          json_builder_add_string_value (builder, applications_iso);
          json_builder_set_member_name (builder, "determination");
          json_builder_add_string_value (builder, determination_iso);
          json_builder_set_member_name (builder, "required");
          json_builder_add_boolean_value (builder, dates.required);
          json_builder_end_object (builder);
        }
      else
        {
          publication = format_date (&dates.publication);
          applications = format_date (&dates.last_application);
          determination = format_date (&dates.determination);
          g_print ("%-18s %-22s %-22s %s\n", publication, applications, determination,
                   dates.required ? _("yes") : _("no: before the revised register"));
        }
      from = dates.publication;
      g_date_add_days (&from, 1);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  return ED_COMMAND_EXIT_OK;
}

static int
register_export (EdContext  *context,
                 const char *edition_text,
                 const char *format,
                 const char *as_at_text,
                 const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autofree char *display = g_file_get_parse_name (file);
  GError *error = NULL;
  EdRegisterEdition edition;
  guint n_entries = 0;
  GDate as_at;

  if (!ed_register_edition_from_string (edition_text, &edition, &error))
    return ed_command_fail (error);
  g_date_clear (&as_at, 1);
  if (as_at_text != NULL)
    {
      if (!ed_date_parse_iso (as_at_text, &as_at, &error))
        return ed_command_fail (error);
    }
  else
    ed_today (&as_at);

  if (g_strcmp0 (format, "pdf") == 0)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GAsyncResult) result = NULL;
      EdJob *job;

      if (path == NULL)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("“%s” is not a local file"), display);
          return ed_command_fail (error);
        }
      /* The same job as the window's export, most of a minute at a million electors. */
      job = ed_register_document_write_pdf_async (context, edition, &as_at, path, NULL,
                                                  ed_command_job_done, &result);
      ed_command_wait (job, &result);
      if (!ed_register_document_write_pdf_finish (job, result, &n_entries, NULL, &error))
        return ed_command_fail (error);
    }
  else if (!ed_register_export_csv (context, edition, &as_at, file, &n_entries, &error))
    return ed_command_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u entry to %s\n", "Wrote %u entries to %s\n",
                        n_entries), n_entries, display);
  return ED_COMMAND_EXIT_OK;
}

#define PROBLEMS_SHOWN 20

static int
register_import (EdContext  *context,
                 const char *path,
                 const char *report_path)
{
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;
  EdJob *job;

  /* The same job as the window's import. */
  job = ed_register_import_async (context, path, NULL, ed_command_job_done, &result);
  ed_command_wait (job, &result);
  report = ed_register_import_finish (job, result, &error);
  if (report == NULL)
    return ed_command_fail (error);

  /* The problems are shown first: a report that cannot be written (a full disk) must not
   * hide them. */
  if (report->problems->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      for (guint i = 0; i < MIN (report->problems->len, PROBLEMS_SHOWN); i++)
        {
          EdImportProblem *problem = g_ptr_array_index (report->problems, i);

          /* Translators: the file, the line, the column, the value, then what was expected */
          g_printerr (_("%s, line %" PRIu64 ", %s “%s”: %s\n"), name, problem->line,
                      problem->field[0] != '\0' ? problem->field : _("row"), problem->value,
                      problem->reason);
        }
      if (report->problems->len > PROBLEMS_SHOWN)
        g_printerr (_("… and %u more\n"), report->problems->len - PROBLEMS_SHOWN);
    }

  if (report_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (report_path);

      if (!ed_import_report_write_csv (report, file, &error))
        {
          if (report->problems->len == 0)
            return ed_command_fail (error);
          g_printerr ("electoral-desk-cli: %s\n", error->message);
          g_clear_error (&error);
        }
    }

  if (report->problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "electoral-desk-cli: %u problem in %u rows; nothing was imported\n",
                               "electoral-desk-cli: %u problems in %u rows; nothing was imported\n",
                               report->problems->len),
                  report->problems->len, report->n_rows);
      return ED_COMMAND_EXIT_ERROR;
    }

  g_print (_("Imported %u electors at %u addresses in %u new polling districts.\n"),
           report->n_electors, report->n_properties, report->n_polling_districts);
  return ED_COMMAND_EXIT_OK;
}

int
ed_register_command (const EdCommandGlobals  *globals,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_SEARCH_LIMIT;
  gint64 n_entries = -1;
  g_autofree char *kind = NULL;
  g_autofree char *format = NULL;
  g_autofree char *from = NULL;
  int months = 6;
  g_autofree char *edition = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *report = NULL;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("With search: the most matches to print (default 50)"), "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT64, &n_entries,
      N_("With sale-fee: how many entries the copy holds"), "N" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("With sale-fee: full, edited, notice, overseas or marked"), N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("With sale-fee: data or printed; with export: csv"), N_("FORMAT") },
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition,
      N_("With export: full (every field; the import format) or open (the open register)"),
      N_("EDITION") },
    { "as-at", 0, 0, G_OPTION_ARG_STRING, &as_at,
      N_("With export: the date the register is as at (default today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With export: the file to write"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_("With import: write every refused row, and why, to this CSV file"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("With timetable: the date to count from (default today)"), N_("DATE") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months,
      N_("With timetable: how many notices to list (default 6)"), "N" },
    { NULL }
  };

  /* supply and supplies have options of their own. */
  if (argc >= 2 && (g_str_equal (argv[1], "supply") || g_str_equal (argv[1], "supplies")))
    return _ed_register_command_supply (globals, argc - 1, argv + 1);

  /* expiring has options of its own (ed-register-command-expiring.c). */
  if (argc >= 2 && g_str_equal (argv[1], "expiring"))
    return _ed_register_command_expiring (globals, argc - 1, argv + 1);

  /* add, amend, delete and move have the editor's fields as options
   * (ed-register-command-edit.c). */
  if (argc >= 2 && (g_str_equal (argv[1], "add") || g_str_equal (argv[1], "amend") ||
                    g_str_equal (argv[1], "delete") || g_str_equal (argv[1], "move")))
    return _ed_register_command_edit (globals, argc, argv);

  /* notice and revise have options of their own (ed-cli-register-notice.c). */
  if (argc >= 2 && (g_str_equal (argv[1], "notice") || g_str_equal (argv[1], "revise")))
    return _ed_register_command_notice (globals, argc, argv);

  option_context = g_option_context_new (_("search TEXT | stats | import FILE | export | "
                                           "add | amend | delete | move | timetable | notice | "
                                           "revise | sale-fee | expiring"));
  g_option_context_set_summary (option_context,
                                _("The electoral register.\n"
                                  "“search” finds electors by name, address, postcode or "
                                  "elector number: each word must start a word of the entry. "
                                  "“stats” counts electors by polling district, franchise "
                                  "marker, absent vote and status. “timetable” lists the next "
                                  "notices of alteration with their last dates for applications "
                                  "and determinations. “import” reads the CSV that “export "
                                  "--edition full” writes: every row is checked first, and one "
                                  "refused row leaves the district unchanged. “export” writes the register as CSV in "
                                  "the statutory order (--edition full|open -o FILE). "
                                  "“sale-fee” gives the statutory fee for a "
                                  "copy of the register (--entries, --kind, --format). "
                                  "“notice” previews or publishes a notice of alteration and "
                                  "“revise” the revised register: see “register notice "
                                  "--help” and “register revise --help”."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "register", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ed_command_usage ("register",
                          _("Say what to do: search TEXT, stats, timetable or sale-fee"));
  action = argv[1];

  if (g_str_equal (action, "sale-fee"))
    {
      if (argc != 2)
        return ed_command_usage ("register", _("“register sale-fee” takes no arguments"));
      if (n_entries < 0 || kind == NULL || format == NULL)
        return ed_command_usage ("register", _("Usage: register sale-fee --entries N "
                                            "--kind full|edited|notice|overseas|marked "
                                            "--format data|printed"));
      return register_sale_fee (n_entries, kind, format, json);
    }
  if (g_str_equal (action, "search"))
    {
      if (argc != 3)
        return ed_command_usage ("register", _("Usage: register search TEXT"));
      if (limit < 1)
        return ed_command_usage ("register", _("--limit must be 1 or more"));
    }
  else if (g_str_equal (action, "import"))
    {
      if (argc != 3)
        return ed_command_usage ("register", _("Usage: register import FILE [--report FILE]"));
    }
  else if (g_str_equal (action, "export"))
    {
      if (argc != 2)
        return ed_command_usage ("register", _("“register export” takes no arguments"));
      if (edition == NULL || output == NULL)
        return ed_command_usage ("register", _("Usage: register export --edition full|open "
                                            "[--format csv] [--as-at DATE] -o FILE"));
      if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "pdf"))
        return ed_command_usage ("register", _("--format for export is csv or pdf"));
    }
  else if (g_str_equal (action, "stats") || g_str_equal (action, "timetable"))
    {
      if (argc != 2)
        return ed_command_usage ("register", _("“register %s” takes no arguments"), action);
      if (months < 1 || months > 36)
        return ed_command_usage ("register", _("--months must be between 1 and 36"));
    }
  else
    {
      return ed_command_usage ("register",
                            _("Unknown action “%s”: use search, stats, import, export, "
                              "timetable, notice, revise or sale-fee"),
                            action);
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (g_str_equal (action, "search"))
    return register_search (context, argv[2], (guint)limit, json);
  if (g_str_equal (action, "timetable"))
    return register_timetable (context, from, months, json);
  if (g_str_equal (action, "export"))
    return register_export (context, edition, format, as_at, output);
  if (g_str_equal (action, "import"))
    return register_import (context, argv[2], report);
  return register_stats (context, json);
}
