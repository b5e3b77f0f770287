/* ed-stations-command-plan.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations plan: the polling plan (DOMAIN.md §3.4): each station's
 * electorate with postal voters excluded, its staffing against the recommendation and what
 * to see to; each polling district's electorate, its five-year projection and how many of
 * its properties stand nearer another station than their own. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "stations/ed-station-plan.h"
#include "stations/ed-stations-command-private.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_staffing (JsonBuilder             *builder,
              const char              *name,
              const EdStationStaffing *staffing)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_int (builder, "presiding_officers", staffing->presiding_officers);
  add_int (builder, "poll_clerks", staffing->poll_clerks);
  json_builder_end_object (builder);
}

static void
add_station_json (JsonBuilder   *builder,
                  EdPlanStation *station)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", station->id);
  add_string (builder, "code", station->code);
  add_string (builder, "name", station->name);
  add_string (builder, "place", station->place_name);
  add_int (builder, "easting", station->easting);
  add_int (builder, "northing", station->northing);
  add_string (builder, "booking_state", ed_booking_state_to_string (station->booking_state));
  json_builder_set_member_name (builder, "serves");
  json_builder_begin_array (builder);
  for (guint c = 0; c < station->coverage->len; c++)
    {
      EdPlanCoverage *coverage = g_ptr_array_index (station->coverage, c);

      json_builder_begin_object (builder);
      add_string (builder, "polling_district", coverage->polling_district_code);
      add_string (builder, "street", coverage->street);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_int (builder, "properties", station->properties);
  add_int (builder, "electors", station->electors);
  add_int (builder, "postal_voters_excluded", station->postal);
  add_int (builder, "in_person", station->in_person);
  add_int (builder, "projected_in_person", station->projected_in_person);
  add_staffing (builder, "staffing", &station->staffing);
  add_staffing (builder, "recommended_staffing", &station->recommended);
  add_int (builder, "nearer_another_station", station->nearer_elsewhere);
  add_int (builder, "furthest_metres", station->furthest_metres);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint bit = 0; bit < ED_STATION_N_WARNINGS; bit++)
    if (station->warnings & (1u << bit))
      json_builder_add_string_value (builder, ed_station_warning_to_string (1u << bit));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_district_json (JsonBuilder    *builder,
                   EdPlanDistrict *district)
{
  json_builder_begin_object (builder);
  add_string (builder, "code", district->code);
  add_string (builder, "name", district->name);
  add_int (builder, "properties", district->properties);
  add_int (builder, "electors", district->electors);
  add_int (builder, "postal_voters", district->postal);
  add_int (builder, "in_person", district->in_person);
  add_int (builder, "new_dwellings", district->new_dwellings);
  add_int (builder, "projected_electors", district->projected_electors);
  add_int (builder, "properties_without_coordinates", district->without_coordinates);
  add_int (builder, "properties_nearer_another_station", district->nearer_elsewhere);
  add_int (builder, "properties_without_station", district->without_station);
  add_int (builder, "electors_without_station", district->electors_without_station);
  json_builder_end_object (builder);
}

static void
print_json (EdStationPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_object (builder);
  add_int (builder, "maximum_electors", plan->thresholds.maximum_electors);
  add_int (builder, "two_clerks_electors", plan->thresholds.two_clerks_electors);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "stations");
  json_builder_begin_array (builder);
  for (guint s = 0; s < plan->stations->len; s++)
    add_station_json (builder, g_ptr_array_index (plan->stations, s));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "polling_districts");
  json_builder_begin_array (builder);
  for (guint d = 0; d < plan->districts->len; d++)
    add_district_json (builder, g_ptr_array_index (plan->districts, d));
  json_builder_end_array (builder);
  add_int (builder, "properties_without_station", plan->without_station);
  add_int (builder, "electors_without_station", plan->electors_without_station);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static char *
describe_coverage (EdPlanStation *station)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *last_district = NULL;

  for (guint c = 0; c < station->coverage->len; c++)
    {
      EdPlanCoverage *coverage = g_ptr_array_index (station->coverage, c);

      if (g_strcmp0 (last_district, coverage->polling_district_code) != 0)
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append (text, *coverage->polling_district_code != '\0'
                                   ? coverage->polling_district_code : "?");
          last_district = coverage->polling_district_code;
          if (*coverage->street != '\0')
            g_string_append_printf (text, ": %s", coverage->street);
        }
      else if (*coverage->street != '\0')
        g_string_append_printf (text, ", %s", coverage->street);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_warnings (EdStationWarnings warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint bit = 0; bit < ED_STATION_N_WARNINGS; bit++)
    if (warnings & (1u << bit))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "",
                              ed_station_warning_get_display_name (1u << bit));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_text (EdStationPlan *plan)
{
  g_print (_("Polling plan: at most %u electors per station, postal voters excluded; a third "
             "poll clerk above %u.\n\n"),
           plan->thresholds.maximum_electors, plan->thresholds.two_clerks_electors);
  for (guint s = 0; s < plan->stations->len; s++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, s);
      g_autofree char *serves = describe_coverage (station);
      g_autofree char *warnings = describe_warnings (station->warnings);

      g_print ("%s  %s%s%s%s\n", station->code, station->place_name,
               *station->name != '\0' ? " (" : "", station->name,
               *station->name != '\0' ? ")" : "");
      if (*serves != '\0')
        /* Translators: the polling districts and streets a station serves */
        g_print (_("  Serves %s\n"), serves);
      g_print (_("  %" PRIu64 " electors, %" PRIu64 " postal voters excluded: %" PRIu64
                 " in person; %" PRIu64 " in five years\n"),
               station->electors, station->postal, station->in_person,
               station->projected_in_person);
      /* Translators: presiding officers + poll clerks, as staffed and as recommended */
      g_print (_("  Staff %u + %u, recommended %u + %u\n"),
               station->staffing.presiding_officers, station->staffing.poll_clerks,
               station->recommended.presiding_officers, station->recommended.poll_clerks);
      if (station->nearer_elsewhere > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "  %" PRIu64 " property nearer another station\n",
                              "  %" PRIu64 " properties nearer another station\n",
                              station->nearer_elsewhere),
                 station->nearer_elsewhere);
      if (*warnings != '\0')
        g_print (_("  Warnings: %s\n"), warnings);
    }

  g_print ("\n%s\n", _("Polling districts"));
  for (guint d = 0; d < plan->districts->len; d++)
    {
      EdPlanDistrict *district = g_ptr_array_index (plan->districts, d);

      g_print ("%s  %s\n", district->code, district->name);
      g_print (_("  %" PRIu64 " electors (%" PRIu64 " in person) at %" PRIu64
                 " properties; %" PRIu64 " in five years\n"),
               district->electors, district->in_person, district->properties,
               district->projected_electors);
      g_print (_("  Nearer another station: %" PRIu64 "; no coordinates: %" PRIu64
                 "; no station: %" PRIu64 "\n"),
               district->nearer_elsewhere, district->without_coordinates,
               district->without_station);
    }
  if (plan->electors_without_station > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\n%" PRIu64 " elector has no polling station.\n",
                          "\n%" PRIu64 " electors have no polling station.\n",
                          plan->electors_without_station),
             plan->electors_without_station);
}

int
_ed_stations_command_plan (const EdCommandGlobals *globals,
                           int                     argc,
                           char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Shows the polling plan: each station's electors with postal "
                                  "voters excluded, its staffing against the recommendation "
                                  "and its warnings; each polling district's electorate, its "
                                  "five-year projection and the properties nearer another "
                                  "station than their own."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations plan", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("stations plan", _("“stations plan” takes no arguments"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  plan = ed_station_plan_compute (context, &error);
  if (plan == NULL)
    return ed_command_fail (error);

  if (json)
    print_json (plan);
  else if (plan->stations->len == 0)
    g_print (_("No polling stations yet.\n"));
  else
    print_text (plan);
  return ED_COMMAND_EXIT_OK;
}
