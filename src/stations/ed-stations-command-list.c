/* ed-stations-command-list.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations list: the polling places, their bookings and the stations in
 * each. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/ed-money.h"
#include "stations/ed-station-list.h"
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
print_json (GPtrArray *places)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < places->len; i++)
    {
      EdListedPlace *place = g_ptr_array_index (places, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", place->id);
      add_string (builder, "name", place->name);
      add_string (builder, "address", place->address);
      add_string (builder, "postcode", place->postcode);
      add_int (builder, "easting", place->easting);
      add_int (builder, "northing", place->northing);
      add_string (builder, "polling_district", place->polling_district_code);
      add_string (builder, "booking_state", ed_booking_state_to_string (place->booking_state));
      add_int (builder, "hire_fee_pence", place->hire_fee);
      add_string (builder, "caretaker", place->caretaker);
      add_string (builder, "booking_contact", place->booking_contact);
      add_int (builder, "open_access_issues", place->open_access_issues);
      json_builder_set_member_name (builder, "stations");
      json_builder_begin_array (builder);
      for (guint s = 0; s < place->stations->len; s++)
        {
          EdListedStation *station = g_ptr_array_index (place->stations, s);

          json_builder_begin_object (builder);
          add_string (builder, "id", station->id);
          add_string (builder, "code", station->code);
          add_string (builder, "name", station->name);
          add_int (builder, "presiding_officers", station->presiding_officers);
          add_int (builder, "poll_clerks", station->poll_clerks);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

static void
print_text (GPtrArray *places)
{
  for (guint i = 0; i < places->len; i++)
    {
      EdListedPlace *place = g_ptr_array_index (places, i);
      g_autofree char *fee = ed_money_format (place->hire_fee);
      g_auto(GStrv) lines = g_strsplit (place->address, "\n", -1);
      g_autofree char *address = g_strjoinv (", ", lines);

      g_print ("%s\n", place->name);
      if (*address != '\0' || *place->postcode != '\0')
        g_print ("  %s%s%s\n", address, *address != '\0' && *place->postcode != '\0' ? ", " : "",
                 place->postcode);
      /* Translators: the place's polling district code, its booking state and its hire fee */
      g_print (_("  District %s · %s · hire fee %s\n"),
               *place->polling_district_code != '\0' ? place->polling_district_code : "—",
               ed_booking_state_get_display_name (place->booking_state), fee);
      if (place->open_access_issues > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "  %u open accessibility issue\n",
                              "  %u open accessibility issues\n", place->open_access_issues),
                 place->open_access_issues);
      if (place->stations->len == 0)
        g_print (_("  No stations\n"));
      for (guint s = 0; s < place->stations->len; s++)
        {
          EdListedStation *station = g_ptr_array_index (place->stations, s);

          g_autofree char *label = *station->name != '\0'
                                     ? g_strdup_printf ("%s (%s)", station->code, station->name)
                                     : g_strdup (station->code);

          /* Translators: a station's code (and room), then its default staff: presiding
           * officers + poll clerks */
          g_print (_("  Station %s: staff %u + %u\n"), label, station->presiding_officers,
                   station->poll_clerks);
        }
    }
}

int
_ed_stations_command_list (const EdCommandGlobals *globals,
                           int                     argc,
                           char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) places = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Lists the polling places in name order, with their "
                                  "bookings and the stations in each."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations list", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("stations list", _("“stations list” takes no arguments"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  places = ed_stations_list_places (context, &error);
  if (places == NULL)
    return ed_command_fail (error);

  if (json)
    print_json (places);
  else if (places->len == 0)
    g_print (_("No polling places yet.\n"));
  else
    print_text (places);
  return ED_COMMAND_EXIT_OK;
}
