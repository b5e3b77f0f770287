/* ed-stations-command-map.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli stations map [--district CODE] -o FILE.pdf|FILE.png: a map of the
 * polling stations and the properties each serves, for a committee report or a notice. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stations/ed-station-map.h"
#include "stations/ed-stations-command-private.h"

static gboolean
has_map_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".png");
}

int
_ed_stations_command_map (const EdCommandGlobals *globals,
                          int                     argc,
                          char                  **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationMap) map = NULL;
  g_autofree char *district = NULL;
  g_autofree char *output = NULL;
  g_autofree char *shown = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("The polling district to map (default all of them)"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, ending in .pdf or .png"), N_("FILE") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Draws a map of the polling stations: each property as a dot "
                                  "in the colour of its station, the polling places and "
                                  "stations, and the polling districts' outlines, with a "
                                  "legend, a scale bar and a north arrow. A .pdf is an A4 "
                                  "landscape page; a .png an image of the same page."));
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "stations map", &argc, &argv, &status))
    return status;
  if (argc != 1)
    return ed_command_usage ("stations map", _("“stations map” takes no arguments besides "
                                               "its options"));
  if (output == NULL)
    return ed_command_usage ("stations map", _("Say where to write the map: -o FILE.pdf or "
                                               "-o FILE.png"));
  if (!has_map_extension (output))
    return ed_command_usage ("stations map", _("“%s” is neither a PDF nor a PNG file: end "
                                               "its name in .pdf or .png"), output);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);
  map = ed_station_map_new_from_district (context, district, &error);
  if (map == NULL)
    return ed_command_fail (error);
  if (!ed_station_map_write (map, output, &error))
    return ed_command_fail (error);

  shown = g_filename_display_name (output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u property, %u of them with no station.\n",
                        "Wrote %s: %u properties, %u of them with no station.\n",
                        ed_station_map_get_n_properties (map)),
           shown, ed_station_map_get_n_properties (map), ed_station_map_get_n_unassigned (map));
  return ED_COMMAND_EXIT_OK;
}
