/* ed-cli-district.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli district create: a new district, as the window's New District dialog
 * makes one (ed_context_create()). The other settings are for "settings". */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/ed-cli-private.h"

int
_ed_cli_district (const EdCommandGlobals  *globals,
                  int                      argc,
                  char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display_path = NULL;
  gboolean json = FALSE;
  GError *error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The council’s name"), N_("NAME") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("england, wales or scotland: which law the register follows"), N_("COUNTRY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("create"));
  g_option_context_set_summary (option_context,
                                _("“create” makes a new district in a new database file (--db, "
                                  "or the default district), as the app’s New District "
                                  "dialog does. Its other settings are set with "
                                  "“electoral-desk-cli settings”."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "district", &argc, &argv, &status))
    return status;

  if (argc != 2 || !g_str_equal (argv[1], "create"))
    return ed_command_usage ("district", _("Usage: district create --name NAME "
                                           "--country england|wales|scotland"));
  if (name == NULL || country == NULL)
    return ed_command_usage ("district", _("Give the council’s name (--name) and its country "
                                           "(--country)"));

  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, "council-name", name);
  g_hash_table_insert (values, "country", country);
  path = ed_command_database_path (globals);
  context = ed_context_create (path, globals->modules, values, &error);
  if (context == NULL)
    return ed_command_fail (error);

  display_path = g_filename_display_name (path);
  if (json)
    {
      EdDistrictSettings *settings = ed_context_get_settings (context);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, display_path);
      json_builder_set_member_name (builder, "council_name");
      json_builder_add_string_value (builder, ed_district_settings_get_council_name (settings));
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, ed_district_settings_get (settings, "country"));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
    }
  else
    g_print (_("Created the district “%s” in %s\n"),
             ed_district_settings_get_council_name (ed_context_get_settings (context)),
             display_path);
  return ED_COMMAND_EXIT_OK;
}
