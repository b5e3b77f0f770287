/* ed-stations-command-export.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations export --format democracy-club -o F.csv: the district's
 * stations and the station of each address, for Democracy Club's WhereDoIVote. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "district/ed-command.h"
#include "district/ed-context.h"
#include "stations/ed-stations-command-private.h"
#include "stations/ed-stations-export.h"

int
_ed_stations_command_export (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *addresses_path = NULL;
  g_autofree char *stations_path = NULL;
  gboolean json = FALSE;
  guint n_addresses = 0, n_stations = 0;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format: democracy-club (the only one so far)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write NAME-addresses.csv and NAME-stations.csv beside this name"), N_("NAME.csv") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new ("");
  g_option_context_set_summary (option_context,
                                _("Writes the district’s polling stations and the station of "
                                  "each address in Democracy Club’s CSV, for the council to "
                                  "send to WhereDoIVote. With -o testbury.csv it writes two "
                                  "files: testbury-addresses.csv (address, uprn, postcode, "
                                  "polling_station) and testbury-stations.csv "
                                  "(internal_council_id, address, postcode, lng, lat, "
                                  "districts). Both appear, or neither."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations export", &argc, &argv, &status))
    return status;
  if (argc != 1 || format == NULL || output == NULL)
    return ed_command_usage ("stations export",
                             _("Usage: stations export --format democracy-club -o NAME.csv"));
  if (!g_str_equal (format, "democracy-club"))
    return ed_command_usage ("stations export",
                             _("“%s” is not a format stations export writes; the formats are: "
                               "democracy-club"), format);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  addresses_path = ed_stations_export_democracy_club_path (output, "addresses");
  stations_path = ed_stations_export_democracy_club_path (output, "stations");
  if (!ed_stations_export_democracy_club (context, addresses_path, stations_path, &n_addresses,
                                          &n_stations, &error))
    return ed_command_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "addresses_file");
      json_builder_add_string_value (builder, addresses_path);
      json_builder_set_member_name (builder, "stations_file");
      json_builder_add_string_value (builder, stations_path);
      json_builder_set_member_name (builder, "addresses");
      json_builder_add_int_value (builder, n_addresses);
      json_builder_set_member_name (builder, "stations");
      json_builder_add_int_value (builder, n_stations);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u address to %s\n",
                        "Wrote %u addresses to %s\n", n_addresses),
           n_addresses, addresses_path);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u station to %s\n",
                        "Wrote %u stations to %s\n", n_stations),
           n_stations, stations_path);
  return ED_COMMAND_EXIT_OK;
}
