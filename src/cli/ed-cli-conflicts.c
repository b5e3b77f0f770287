/* ed-cli-conflicts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "cli/ed-cli-private.h"
#include "changes/ed-conflicts.h"

/* Two desks that changed the same thing unseen by each other: nothing is chosen for the
 * people (SYNC.md §4.4), so this command shows every version and takes their decision. */

#define DELETE_CONFLICT "delete"

/* The value of a head as a person reads it. A head of a delete conflict may be an edit of any
 * column, which the head does not name, so the type comes from the JSON itself; the shown text
 * is the same as with the column's type. */
static char *
describe_head (const EdConflictHead *head)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *display = NULL;
  g_autofree char *line = NULL;
  EdValueType type;

  switch (head->kind)
    {
    case ED_OP_DEL:
      return g_strdup (_("delete the row"));
    case ED_OP_RESTORE:
      return g_strdup (_("restore the row"));
    case ED_OP_INS:
      if (head->value_json == NULL || !g_str_has_prefix (head->value_json, "{"))
        break;
      return g_strdup (_("the row as it was created"));
    case ED_OP_SET:
    default:
      break;
    }

  if (head->value_json == NULL)
    return g_strdup (_("(no value)"));

  node = json_from_string (head->value_json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (head->value_json);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      type = ED_VALUE_BOOLEAN;
      break;
    case G_TYPE_INT64:
      type = ED_VALUE_INTEGER;
      break;
    case G_TYPE_STRING:
      type = ED_VALUE_TEXT;
      break;
    default:
      return g_strdup (head->value_json);
    }

  value = ed_value_from_json (type, head->value_json, NULL);
  if (value == NULL)
    return g_strdup (head->value_json);
  display = ed_value_to_display (value);
  line = _ed_cli_one_line (display);
  return g_strdup_printf (_("“%s”"), line);
}

static const char *
describe_kind (const EdConflict *conflict)
{
  if (g_strcmp0 (conflict->kind, DELETE_CONFLICT) == 0)
    return _("deleted on one desk, changed on another");
  return _("different values");
}

static void
print_text (GPtrArray *conflicts)
{
  if (conflicts->len == 0)
    {
      g_print (_("No open conflicts.\n"));
      return;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      const EdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->kind, DELETE_CONFLICT) == 0)
        {
          /* Translators: conflict id, its kind, table and row */
          g_print (_("Conflict %s (%s): %s row %s\n"), conflict->id, describe_kind (conflict),
                   conflict->tbl, conflict->pk);
        }
      else
        {
          /* Translators: conflict id, its kind, table, row and column */
          g_print (_("Conflict %s (%s): %s row %s, %s\n"), conflict->id,
                   describe_kind (conflict), conflict->tbl, conflict->pk,
                   _ed_cli_column_label (conflict->tbl, conflict->col));
        }

      for (guint j = 0; j < conflict->heads->len; j++)
        {
          const EdConflictHead *head = g_ptr_array_index (conflict->heads, j);
          g_autofree char *what = describe_head (head);
          g_autofree char *desk = _ed_cli_short_desk (head->device);
          g_autofree char *when = _ed_cli_format_time (head->hlc);

          /* Translators: a competing version: its value, then the desk, the person and roughly
           * when (that desk's clock may be off) */
          g_print (_("  %s: desk %s, %s, about %s\n"), what, desk,
                   head->user != NULL ? head->user : "", when);
        }
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u open conflict. Decide it with “electoral-desk-cli conflicts resolve "
                        "ID --value VALUE” (for a deleted row: --value keep or --value delete).\n",
                        "%u open conflicts. Decide each with “electoral-desk-cli conflicts resolve "
                        "ID --value VALUE” (for a deleted row: --value keep or --value delete).\n",
                        conflicts->len),
           conflicts->len);
}

static void
add_head_json (JsonBuilder          *builder,
               const EdConflictHead *head)
{
  g_autofree char *display = describe_head (head);
  g_autofree char *desk = _ed_cli_short_desk (head->device);
  g_autofree char *time = _ed_cli_format_time_iso (head->hlc);
  JsonNode *value = head->value_json != NULL ? json_from_string (head->value_json, NULL) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, head->op_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ed_op_kind_to_string (head->kind));
  json_builder_set_member_name (builder, "value");
  if (value != NULL)
    json_builder_add_value (builder, value);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "display");
  json_builder_add_string_value (builder, display);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, head->device);
  json_builder_set_member_name (builder, "desk");
  json_builder_add_string_value (builder, desk);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, head->user != NULL ? head->user : "");
  json_builder_set_member_name (builder, "time");
  if (time != NULL)
    json_builder_add_string_value (builder, time);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "time_ms");
  json_builder_add_int_value (builder, ed_hlc_get_ms (head->hlc));
  json_builder_end_object (builder);
}

static void
print_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const EdConflict *conflict = g_ptr_array_index (conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, conflict->id);
      json_builder_set_member_name (builder, "table");
      json_builder_add_string_value (builder, conflict->tbl);
      json_builder_set_member_name (builder, "row");
      json_builder_add_string_value (builder, conflict->pk);
      json_builder_set_member_name (builder, "column");
      json_builder_add_string_value (builder, conflict->col);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, conflict->kind);
      json_builder_set_member_name (builder, "versions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < conflict->heads->len; j++)
        add_head_json (builder, g_ptr_array_index (conflict->heads, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

/* Reads what the person typed as a value of the conflicted column. The district's settings
 * have rules beyond their column's type (a valid email, a known country), which a resolution
 * must follow as "settings set" does. */
static GVariant *
parse_value (EdContext         *context,
             const EdConflict  *conflict,
             const char        *text,
             GError           **error)
{
  const EdTableDef *table = ed_schema_lookup (ed_context_get_schema (context), conflict->tbl);
  g_autofree char *clean = NULL;
  const char *key;
  int column;

  column = table != NULL ? ed_schema_column_index (table, conflict->col) : -1;
  if (column < 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                   _("This version of Electoral Desk does not know the column “%s” of “%s”."),
                   conflict->col, conflict->tbl);
      return NULL;
    }

  key = _ed_cli_column_label (conflict->tbl, conflict->col);
  if (g_str_equal (conflict->tbl, "district") && ed_district_settings_lookup_key (key) != NULL)
    {
      if (!ed_district_settings_normalise_value (key, text, &clean, error))
        return NULL;
      text = clean;
    }

  return ed_value_parse (table->columns[column].type, text, error);
}

static int
conflicts_resolve (EdContext  *context,
                   const char *id,
                   const char *text)
{
  g_autoptr(EdConflict) conflict = NULL;
  GError *error = NULL;

  conflict = ed_conflicts_lookup (ED_REPLICA (context), id, &error);
  if (conflict == NULL)
    {
      /* Resolved meanwhile, here or on a desk whose changes arrived: the list says what is
       * still open. */
      if (error == NULL || g_error_matches (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW))
        {
          g_clear_error (&error);
          g_set_error (&error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                       _("There is no open conflict “%s”: see “electoral-desk-cli conflicts "
                         "list”."), id);
        }
      return ed_command_fail (error);
    }

  if (g_strcmp0 (conflict->kind, DELETE_CONFLICT) == 0)
    {
      gboolean keep;

      if (g_str_equal (text, "keep"))
        keep = TRUE;
      else if (g_str_equal (text, "delete"))
        keep = FALSE;
      else
        {
          g_set_error (&error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                       _("Conflict %s is about a row deleted on one desk and changed on "
                         "another: use --value keep or --value delete, not “%s”."), id, text);
          return ed_command_fail (error);
        }

      if (!ed_conflicts_resolve_delete (ED_REPLICA (context), id, keep, &error))
        return ed_command_fail (error);
      if (keep)
        g_print (_("Resolved conflict %s: the row is kept.\n"), id);
      else
        g_print (_("Resolved conflict %s: the row is deleted.\n"), id);
      return ED_COMMAND_EXIT_OK;
    }

  {
    g_autoptr(GVariant) value = parse_value (context, conflict, text, &error);
    g_autofree char *display = NULL;
    g_autofree char *line = NULL;

    if (value == NULL || !ed_conflicts_resolve_value (ED_REPLICA (context), id, value, &error))
      return ed_command_fail (error);

    display = ed_value_to_display (value);
    line = _ed_cli_one_line (display);
    g_print (_("Resolved conflict %s: %s is now “%s”.\n"), id,
             _ed_cli_column_label (conflict->tbl, conflict->col), line);
  }
  return ED_COMMAND_EXIT_OK;
}

int
_ed_cli_conflicts (const EdCommandGlobals  *globals,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *value = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (with list)"), NULL },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value,
      N_("With resolve: the value to keep (for a deleted row: keep or delete)"), N_("VALUE") },
    { NULL }
  };

  option_context = g_option_context_new (_("list | resolve ID --value VALUE"));
  g_option_context_set_summary (option_context,
                                _("Lists the changes that desks made to the same thing without "
                                  "seeing each other’s, and settles them.\n"
                                  "“list” shows each competing version with its desk, person "
                                  "and approximate time. “resolve” keeps VALUE (which may be "
                                  "any value, not only one of the versions); the decision "
                                  "reaches the other desks with the next exchange of changes."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "conflicts", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ed_command_usage ("conflicts", _("Say what to do: list, or resolve ID --value VALUE"));
  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return ed_command_usage ("conflicts", _("“conflicts list” takes no arguments"));
      if (value != NULL)
        return ed_command_usage ("conflicts", _("--value goes with “conflicts resolve”"));
    }
  else if (g_str_equal (action, "resolve"))
    {
      if (argc != 3)
        return ed_command_usage ("conflicts", _("Usage: conflicts resolve ID --value VALUE"));
      if (value == NULL)
        return ed_command_usage ("conflicts", _("Say what to keep with --value VALUE"));
      if (json)
        return ed_command_usage ("conflicts", _("--json goes with “conflicts list”"));
    }
  else
    {
      return ed_command_usage ("conflicts", _("Unknown action “%s”: use list or resolve"), action);
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (context), &error);

      if (conflicts == NULL)
        return ed_command_fail (error);
      if (json)
        print_json (conflicts);
      else
        print_text (conflicts);
      return ED_COMMAND_EXIT_OK;
    }

  {
    /* A value typed with "\n" between lines, as with "settings set". */
    g_autofree char *text = g_strcompress (value);

    return conflicts_resolve (context, argv[2], text);
  }
}
