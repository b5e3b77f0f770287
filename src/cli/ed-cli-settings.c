/* ed-cli-settings.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/ed-cli-private.h"
#include "core/ed-value-error.h"

static char *
describe_keys (void)
{
  GString *text = g_string_new (_("Keys:\n"));
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (text, "  %-19s %s\n", keys[i].key, _(keys[i].description));
  return g_string_free (text, FALSE);
}

static gboolean
require_configured (EdContext  *context,
                    GError    **error)
{
  if (ed_district_settings_is_configured (ed_context_get_settings (context)))
    return TRUE;

  g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("The district has not been set up yet: create it in the app, or write "
                         "the demo district with “electoral-desk-cli demo”."));
  return FALSE;
}

static int
settings_list (EdContext *context,
               gboolean   json)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < n_keys; i++)
        {
          json_builder_set_member_name (builder, keys[i].key);
          json_builder_add_string_value (builder, ed_district_settings_get (settings,
                                                                            keys[i].key));
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *value = g_strdup (ed_district_settings_get (settings, keys[i].key));

      /* An address keeps to one line here, so the output stays one key per line. */
      g_strdelimit (value, "\n", ',');
      g_print ("%-19s %s\n", keys[i].key, value);
    }
  return ED_COMMAND_EXIT_OK;
}

int
_ed_cli_settings (const EdCommandGlobals  *globals,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *keys_help = describe_keys ();
  GError *error = NULL;
  gboolean json = FALSE;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (with list)"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("list | get KEY | set KEY VALUE"));
  g_option_context_set_summary (option_context,
                                _("Reads and changes the district settings. In a VALUE, “\\n” "
                                  "starts a new line of the council address."));
  g_option_context_set_description (option_context, keys_help);
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "settings", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ed_command_usage ("settings", _("Say what to do: list, get KEY or set KEY VALUE"));
  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return ed_command_usage ("settings", _("“settings list” takes no arguments"));
    }
  else if (g_str_equal (action, "get"))
    {
      if (argc != 3)
        return ed_command_usage ("settings", _("Usage: settings get KEY"));
    }
  else if (g_str_equal (action, "set"))
    {
      if (argc != 4)
        return ed_command_usage ("settings", _("Usage: settings set KEY VALUE"));
    }
  else
    {
      return ed_command_usage ("settings", _("Unknown action “%s”: use list, get or set"), action);
    }

  if (argc > 2 && ed_district_settings_lookup_key (argv[2]) == NULL)
    return ed_command_usage ("settings", _("Unknown key “%s”"), argv[2]);
  if (json && !g_str_equal (action, "list"))
    return ed_command_usage ("settings", _("--json goes with “settings list”"));

  context = ed_command_open_existing (globals, &error);
  if (context == NULL || !require_configured (context, &error))
    return ed_command_fail (error);

  if (g_str_equal (action, "list"))
    return settings_list (context, json);

  if (g_str_equal (action, "get"))
    {
      g_print ("%s\n", ed_district_settings_get (ed_context_get_settings (context), argv[2]));
      return ED_COMMAND_EXIT_OK;
    }

  {
    g_autofree char *value = g_strcompress (argv[3]);

    if (!ed_district_settings_set (ed_context_get_settings (context), argv[2], value, &error))
      return ed_command_fail (error);
  }
  return ED_COMMAND_EXIT_OK;
}
