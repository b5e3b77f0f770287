/* ed-stations-command-split.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations split CODE --street STREET…: a station over the maximum
 * (DOMAIN.md §3.4) split by street into a new station in the same place; --preview shows
 * both halves and writes nothing. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "core/ed-value-error.h"
#include "stations/ed-station-split.h"
#include "stations/ed-stations-command-private.h"

static void
add_half_json (JsonBuilder         *builder,
               const char          *name,
               const EdStationHalf *half)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "properties");
  json_builder_add_int_value (builder, half->properties);
  json_builder_set_member_name (builder, "electors");
  json_builder_add_int_value (builder, half->electors);
  json_builder_set_member_name (builder, "in_person");
  json_builder_add_int_value (builder, half->in_person);
  json_builder_set_member_name (builder, "recommended_staffing");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "presiding_officers");
  json_builder_add_int_value (builder, half->recommended.presiding_officers);
  json_builder_set_member_name (builder, "poll_clerks");
  json_builder_add_int_value (builder, half->recommended.poll_clerks);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "over_maximum");
  json_builder_add_boolean_value (builder, half->over_maximum);
  json_builder_end_object (builder);
}

static void
print_json (const char                  *code,
            const char                  *new_code,
            const EdStationSplitPreview *preview)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "station");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "new_station");
  json_builder_add_string_value (builder, new_code);
  add_half_json (builder, "staying", &preview->staying);
  add_half_json (builder, "moving", &preview->moving);
  json_builder_set_member_name (builder, "streets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < preview->streets->len; i++)
    {
      EdPlanStreet *street = g_ptr_array_index (preview->streets, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "polling_district");
      json_builder_add_string_value (builder, street->polling_district_code);
      json_builder_set_member_name (builder, "street");
      json_builder_add_string_value (builder, street->street);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_half (const char          *code,
            const EdStationHalf *half)
{
  /* Translators: a station's code, its electors, those in person, then its recommended
   * staff (presiding officers + poll clerks) */
  g_print (_("%s: %" PRIu64 " electors, %" PRIu64 " in person; recommended staff %u + %u"),
           code, half->electors, half->in_person, half->recommended.presiding_officers,
           half->recommended.poll_clerks);
  if (half->over_maximum)
    g_print (" (%s)", _("still over the maximum"));
  g_print ("\n");
}

int
_ed_stations_command_split (const EdCommandGlobals *globals,
                            int                     argc,
                            char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  g_auto(GStrv) streets = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *next_code = NULL;
  g_auto(EdStationSplitPreview) preview = { 0 };
  EdPlanStation *station;
  gboolean preview_only = FALSE;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "street", 0, 0, G_OPTION_ARG_STRING_ARRAY, &streets,
      N_("A street that moves to the new station (repeat for each)"), N_("STREET") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &new_code,
      N_("The new station's code (default the next free one)"), N_("CODE") },
    { "preview", 0, 0, G_OPTION_ARG_NONE, &preview_only,
      N_("Show both halves and write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("CODE"));
  g_option_context_set_summary (option_context,
                                _("Splits a polling station by street: the streets given move "
                                  "to a new station in the same place, staffed as recommended "
                                  "for its electors. Properties sent to the station by an "
                                  "override, and its electors with no address, stay."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations split", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("stations split",
                             _("“stations split” takes the code of one station"));
  if (streets == NULL || streets[0] == NULL)
    return ed_command_usage ("stations split",
                             _("give the streets that move, each with --street"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  plan = ed_station_plan_compute (context, &error);
  if (plan == NULL)
    return ed_command_fail (error);
  station = ed_station_plan_lookup_code (plan, argv[1]);
  if (station == NULL)
    {
      g_set_error (&error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("There is no polling station with the code %s."), argv[1]);
      return ed_command_fail (error);
    }
  if (!ed_station_split_preview (plan, station->id, (const char * const *)streets, &preview,
                                 &error))
    return ed_command_fail (error);
  next_code = new_code != NULL ? g_strstrip (g_strdup (new_code))
                               : ed_station_next_free_code (plan, station->code);

  if (!preview_only &&
      !ed_station_split_apply (context, station->id, (const char * const *)streets, next_code,
                               NULL, &error))
    return ed_command_fail (error);

  if (json)
    print_json (station->code, next_code, &preview);
  else
    {
      if (preview_only)
        g_print ("%s\n", _("Preview: nothing has been written."));
      else
        /* Translators: the station split, then the new station's code */
        g_print (_("Split station %s: the new station is %s.\n"), station->code, next_code);
      print_half (station->code, &preview.staying);
      print_half (next_code, &preview.moving);
    }
  return ED_COMMAND_EXIT_OK;
}
