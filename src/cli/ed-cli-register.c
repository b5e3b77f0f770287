/* ed-cli-register.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli register search|stats: the register from the command line. */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-cli-private.h"
#include "ed-register-search.h"
#include "ed-register-stats.h"

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
    return _ed_cli_fail (error);

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
      _ed_cli_print_json (root);
      return ED_CLI_EXIT_OK;
    }

  g_print (_("%" G_GINT64_FORMAT " electors\n"), stats->electors);
  print_counts (_("By polling district"), stats->by_polling_district);
  print_counts (_("By franchise marker"), stats->by_marker);
  print_counts (_("By absent vote"), stats->by_absent_vote);
  print_counts (_("By status"), stats->by_status);
  return ED_CLI_EXIT_OK;
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
    return _ed_cli_fail (error);

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
          json_builder_add_string_value (builder, summary->absent_vote);
          json_builder_set_member_name (builder, "anonymous");
          json_builder_add_boolean_value (builder, summary->anonymous);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, summary->status);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _ed_cli_print_json (root);
      return ED_CLI_EXIT_OK;
    }

  if (results->len == 0)
    {
      g_print (_("No elector matches “%s”.\n"), text);
      return ED_CLI_EXIT_OK;
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
  return ED_CLI_EXIT_OK;
}

int
_ed_cli_register (const EdCliGlobals  *globals,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_SEARCH_LIMIT;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("With search: the most matches to print (default 50)"), "N" },
    { NULL }
  };

  option_context = g_option_context_new (_("search TEXT | stats"));
  g_option_context_set_summary (option_context,
                                _("The electoral register.\n"
                                  "“search” finds electors by name, address, postcode or "
                                  "elector number: each word must start a word of the entry. "
                                  "“stats” counts electors by polling district, franchise "
                                  "marker, absent vote and status."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!_ed_cli_parse (option_context, "register", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return _ed_cli_usage ("register", _("Say what to do: search TEXT, or stats"));
  action = argv[1];
  if (g_str_equal (action, "search"))
    {
      if (argc != 3)
        return _ed_cli_usage ("register", _("Usage: register search TEXT"));
      if (limit < 1)
        return _ed_cli_usage ("register", _("--limit must be 1 or more"));
    }
  else if (g_str_equal (action, "stats"))
    {
      if (argc != 2)
        return _ed_cli_usage ("register", _("“register stats” takes no arguments"));
    }
  else
    {
      return _ed_cli_usage ("register", _("Unknown action “%s”: use search or stats"), action);
    }

  context = _ed_cli_open_existing (globals, &error);
  if (context == NULL)
    return _ed_cli_fail (error);

  if (g_str_equal (action, "search"))
    return register_search (context, argv[2], (guint)limit, json);
  return register_stats (context, json);
}
