/* ed-elections-command-add.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli election add and list: a new poll with its contests, and the district's
 * elections. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-elections-command-private.h"

static void
build_election_json (JsonBuilder *builder,
                     EdElection  *election)
{
  g_autofree char *poll = ed_date_format_iso (&election->poll);

  json_builder_begin_object (builder);
  ed_command_json_add_string (builder, "id", election->slug);
  ed_command_json_add_string (builder, "row_id", election->id);
  ed_command_json_add_string (builder, "kind", ed_election_kind_to_string (election->kind));
  ed_command_json_add_string (builder, "country", ed_country_to_string (election->country));
  ed_command_json_add_string (builder, "poll_date", poll);
  ed_command_json_add_string (builder, "title", election->title);
  ed_command_json_add_string (builder, "combined_with", election->combined_with);
  ed_command_json_add_boolean (builder, "cards_requested", election->cards_requested);
  json_builder_set_member_name (builder, "contests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < election->contests->len; i++)
    {
      EdContest *contest = g_ptr_array_index (election->contests, i);

      json_builder_begin_object (builder);
      ed_command_json_add_string (builder, "id", contest->slug);
      ed_command_json_add_string (builder, "area_kind",
                                  ed_contest_area_to_string (contest->area_kind));
      ed_command_json_add_string (builder, "area", contest->code);
      ed_command_json_add_string (builder, "name", contest->name);
      ed_command_json_add_int (builder, "seats", contest->seats);
      ed_command_json_add_boolean (builder, "contested", contest->contested);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_election (EdElection *election)
{
  g_autofree char *poll = ed_date_format_long (&election->poll);

  /* Translators: an election's id, its kind and its polling day */
  g_print (_("%s: %s on %s\n"), election->slug, ed_election_kind_get_display_name (election->kind),
           poll);
  g_print ("  %s\n", election->title);
  for (guint i = 0; i < election->contests->len; i++)
    {
      EdContest *contest = g_ptr_array_index (election->contests, i);

      if (contest->contested)
        /* Translators: a contest's name and its seats */
        g_print (ngettext ("  %s: %u seat\n", "  %s: %u seats\n", contest->seats),
                 contest->name, contest->seats);
      else
        /* Translators: a contest's name */
        g_print (_("  %s: uncontested, no poll\n"), contest->name);
    }
}

int
_ed_election_command_add (const EdCommandGlobals  *globals,
                          int                      argc,
                          char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autofree char *type = NULL;
  g_autofree char *country = NULL;
  g_autofree char *poll_date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *combine_with = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) areas = NULL;
  g_auto(GStrv) uncontested = NULL;
  g_auto(GStrv) seats = NULL;
  gboolean json = FALSE;
  EdElectionNew details = { 0, };
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("The kind of poll: uk_parliamentary_general, uk_parliamentary_by, local, parish, pcc, "
         "mayoral, senedd, scottish_local or referendum"), N_("TYPE") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("england, wales or scotland (default the district’s)"), N_("COUNTRY") },
    { "poll-date", 0, 0, G_OPTION_ARG_STRING, &poll_date, N_("Polling day"), N_("DATE") },
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &areas,
      N_("An area contested, by its code; repeat for each (default every area)"), N_("CODE") },
    { "uncontested", 0, 0, G_OPTION_ARG_STRING_ARRAY, &uncontested,
      N_("An area where no poll is held, as no more stood than there are seats"), N_("CODE") },
    { "seats", 0, 0, G_OPTION_ARG_STRING_ARRAY, &seats,
      N_("The seats to fill in an area, where not as the register records"), N_("CODE=N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The body elected, as the poll cards name it (default the council’s name)"),
      N_("TEXT") },
    { "combine-with", 0, 0, G_OPTION_ARG_STRING, &combine_with,
      N_("A poll on the same day to take with this one, sharing cards, stations and staff"),
      N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new election as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Adds a poll: its kind, polling day and the areas it is fought "
                                  "in, with their seats. Its id follows Democracy Club’s, such "
                                  "as local.ashmere-vale.2027-05-06."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election add", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("election add",
                             _("“election add” takes no arguments besides its options"));
  if (type == NULL || poll_date == NULL)
    return ed_command_usage ("election add",
                             _("Say what the poll is and when: --type TYPE --poll-date DATE"));
  if (!ed_election_kind_from_string (type, &details.kind, &error))
    {
      g_prefix_error (&error, "--type: ");
      return ed_command_fail (error);
    }
  if (!ed_date_parse (poll_date, &details.poll, &error))
    {
      g_prefix_error (&error, "--poll-date: ");
      return ed_command_fail (error);
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  details.country = ed_district_settings_get_country (ed_context_get_settings (context));
  if (country != NULL && !ed_country_from_string (country, &details.country))
    return ed_command_usage ("election add",
                             _("--country: expected england, wales or scotland, not “%s”"),
                             country);
  details.title = title;
  details.areas = (const char * const *)areas;
  details.uncontested = (const char * const *)uncontested;
  details.seats = (const char * const *)seats;
  details.combine_with = combine_with;
  id = ed_election_add (context, &details, &error);
  if (id == NULL)
    return ed_command_fail (error);
  election = ed_election_load (context, id, &error);
  if (election == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      build_election_json (builder, election);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else
    print_election (election);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_election_command_list (const EdCommandGlobals  *globals,
                           int                      argc,
                           char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the elections as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the district’s elections, the latest poll first, with "
                                  "their contests."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "election list", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("election list",
                             _("“election list” takes no arguments besides its options"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  elections = ed_election_list (context, &error);
  if (elections == NULL)
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < elections->len; i++)
        build_election_json (builder, g_ptr_array_index (elections, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  if (elections->len == 0)
    g_print ("%s\n", _("No elections yet: “election add” adds one."));
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      print_election (election);
      if (ed_election_is_combined (election))
        {
          g_autoptr(EdElection) first = ed_election_load (context, election->combined_with,
                                                          NULL);

          if (first != NULL)
            /* Translators: %s is another election's id */
            g_print (_("  Combined with %s\n"), first->slug);
        }
    }
  return ED_COMMAND_EXIT_OK;
}
