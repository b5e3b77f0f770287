/* ed-cli-info.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/ed-cli-private.h"
#include "changes/ed-merge.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-state-hash.h"
#include "changes/ed-validate.h"

static JsonNode *
build_info (EdContext  *context,
            GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  EdDatabase *database = ed_context_get_database (context);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autoptr(GPtrArray) tables = NULL;
  guint n_keys;
  const EdSettingInfo *keys = ed_district_settings_get_keys (&n_keys);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) clock_warnings = NULL;
  g_autofree char *state_hash = NULL;

  tables = ed_database_list_tables (database, error);
  if (tables == NULL)
    return NULL;

  /* Two desks that have exchanged all their changes show the same hash (SYNC.md §4.12, P1):
   * the quickest check a person can make that sync worked. */
  state_hash = ed_state_hash (ED_REPLICA (context), FALSE, error);
  if (state_hash == NULL)
    return NULL;
  conflicts = ed_conflicts_list (ED_REPLICA (context), error);
  if (conflicts == NULL)
    return NULL;
  items = ed_validate_list_items (ED_REPLICA (context), error);
  if (items == NULL)
    return NULL;
  clock_warnings = ed_merge_list_clock_warnings (ED_REPLICA (context), error);
  if (clock_warnings == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, ed_database_get_path (database));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, ed_database_get_schema_version (database));
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, ed_context_get_device_id (context));
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, ed_context_get_user_name (context));
  json_builder_set_member_name (builder, "state_hash");
  json_builder_add_string_value (builder, state_hash);
  json_builder_set_member_name (builder, "open_conflicts");
  json_builder_add_int_value (builder, conflicts->len);
  json_builder_set_member_name (builder, "validation_items");
  json_builder_add_int_value (builder, items->len);
  /* Other desks whose clocks were more than five minutes ahead when their changes came. */
  json_builder_set_member_name (builder, "clock_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < clock_warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (clock_warnings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "district");
  if (ed_district_settings_is_configured (settings))
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_keys; i++)
        {
          json_builder_set_member_name (builder, keys[i].key);
          if (keys[i].kind == ED_SETTING_BOOLEAN)
            json_builder_add_boolean_value (builder,
                                            g_strcmp0 (ed_district_settings_get (settings, keys[i].key),
                                                       "true") == 0);
          else
            json_builder_add_string_value (builder,
                                           ed_district_settings_get (settings, keys[i].key));
        }
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 count;

      if (!ed_database_count_rows (database, table, &count, error))
        return NULL;
      json_builder_set_member_name (builder, table);
      json_builder_add_int_value (builder, count);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_text (JsonNode *info)
{
  JsonObject *root = json_node_get_object (info);
  JsonObject *tables = json_object_get_object_member (root, "tables");
  g_autoptr(GList) names = json_object_get_members (tables);

  if (json_object_get_null_member (root, "district"))
    g_print (_("District:      (not set up)\n"));
  else
    g_print (_("District:      %s\n"),
             json_object_get_string_member (json_object_get_object_member (root, "district"),
                                            "council-name"));
  g_print (_("Database:      %s\n"), json_object_get_string_member (root, "path"));
  g_print (_("Data format:   %d\n"), (int)json_object_get_int_member (root, "schema_version"));
  g_print (_("Desk id:       %s\n"), json_object_get_string_member (root, "device_id"));
  g_print (_("User:          %s\n"), json_object_get_string_member (root, "user"));
  g_print (_("State hash:    %s\n"), json_object_get_string_member (root, "state_hash"));
  g_print (_("Conflicts:     %u open\n"),
           (guint)json_object_get_int_member (root, "open_conflicts"));
  g_print (_("To check:      %u items\n"),
           (guint)json_object_get_int_member (root, "validation_items"));
  {
    JsonArray *warnings = json_object_get_array_member (root, "clock_warnings");

    for (guint i = 0; i < json_array_get_length (warnings); i++)
      g_print (_("Clock:         %s\n"), json_array_get_string_element (warnings, i));
  }
  g_print (_("Rows:\n"));
  for (GList *l = names; l != NULL; l = l->next)
    g_print ("  %-24s %10" G_GINT64_FORMAT "\n", (const char *)l->data,
             json_object_get_int_member (tables, l->data));
}

int
_ed_cli_info (const EdCommandGlobals  *globals,
              int                  argc,
              char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(JsonNode) info = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Shows the district, its data format version, the number of "
                                  "rows in each table, this desk’s id, the state hash (equal "
                                  "on desks that have exchanged all their changes), and how "
                                  "many conflicts and items to check are open."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "info", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ed_command_usage ("info", _("Unexpected argument “%s”"), argv[1]);

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  info = build_info (context, &error);
  if (info == NULL)
    return ed_command_fail (error);

  if (json)
    ed_command_print_json (info);
  else
    print_text (info);
  return ED_COMMAND_EXIT_OK;
}
