/* ed-cli-history.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "changes/ed-change-set.h"
#include "cli/ed-cli-private.h"
#include "changes/ed-history.h"
#include "changes/ed-merge.h"

/* The op log is the audit trail (DESIGN.md §5): this command reads one row's part of it. */

static void
set_unknown_table_error (EdSchema    *schema,
                         const char  *table,
                         GError     **error)
{
  g_autoptr(GPtrArray) tables = ed_schema_list_tables (schema);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (names, (gpointer)((const EdTableDef *)g_ptr_array_index (tables, i))->name);
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **)names->pdata);

  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE,
               _("There is no synced table called “%s”; the synced tables are: %s."),
               table, list);
}

/* A one-row table such as "district" is named without its row id, which nobody types. The op
 * log knows the id without any SQL of ours: it is the row of the table's ins ops. Counting
 * first keeps a large table from being read in full only to say that it has many rows. */
static char *
find_only_row (EdContext   *context,
               const char  *table,
               int         *out_status,
               GError     **error)
{
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) row_ids = g_ptr_array_new ();
  gint64 count;

  *out_status = ED_COMMAND_EXIT_ERROR;
  if (!ed_database_count_rows (ed_context_get_database (context), table, &count, error))
    return NULL;
  if (count == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("“%s” has no rows yet, so it has no history."), table);
      return NULL;
    }
  if (count > 1)
    {
      *out_status = ed_command_usage ("history",
                                   _("“%s” has %" PRId64 " rows: name one by its id"),
                                   table, count);
      return NULL;
    }

  ops = ed_merge_export (ED_REPLICA (context), NULL, error);
  if (ops == NULL)
    return NULL;
  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (op->kind == ED_OP_INS && g_str_equal (op->tbl, table) &&
          !g_ptr_array_find_with_equal_func (row_ids, op->pk, g_str_equal, NULL))
        g_ptr_array_add (row_ids, op->pk);
    }

  if (row_ids->len == 1)
    return g_strdup (g_ptr_array_index (row_ids, 0));

  if (row_ids->len == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("The row of “%s” has no recorded changes."), table);
      return NULL;
    }

  /* A row deleted and another created since: only a person can say which one is meant. */
  g_ptr_array_add (row_ids, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **)row_ids->pdata);

    *out_status = ed_command_usage ("history", _("“%s” has had more than one row: name one of %s"),
                                 table, list);
  }
  return NULL;
}

static char *
quote_value (const char *display)
{
  g_autofree char *line = NULL;

  if (display == NULL)
    return g_strdup (_("(nothing)"));
  line = _ed_cli_one_line (display);
  return g_strdup_printf (_("“%s”"), line);
}

static char *
describe_change (const char           *table,
                 const EdHistoryEntry *entry)
{
  switch (entry->kind)
    {
    case ED_OP_INS:
      return g_strdup (_("created the row"));
    case ED_OP_DEL:
      return g_strdup (_("deleted the row"));
    case ED_OP_RESTORE:
      return g_strdup (_("restored the row"));
    case ED_OP_SET:
    default:
      {
        const char *label = _ed_cli_column_label (table, entry->col);
        g_autofree char *to = quote_value (entry->to_display);

        if (entry->from_display == NULL)
          return g_strdup_printf (_("set %s to %s"), label, to);
        else
          {
            g_autofree char *from = quote_value (entry->from_display);

            return g_strdup_printf (_("changed %s from %s to %s"), label, from, to);
          }
      }
    }
}

/* Pads by characters, not bytes, so that a name such as "Siân" keeps the columns straight. */
static void
append_padded (GString    *line,
               const char *text,
               glong       width)
{
  g_string_append (line, text);
  for (glong n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
print_text (const char *table,
            const char *row_id,
            GPtrArray  *entries)
{
  const char *when_header = C_("history column", "When");
  const char *desk_header = C_("history column", "Desk");
  const char *who_header = C_("history column", "Who");
  glong when_width = MAX (16, g_utf8_strlen (when_header, -1));
  glong desk_width = MAX (8, g_utf8_strlen (desk_header, -1));
  glong who_width = g_utf8_strlen (who_header, -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const EdHistoryEntry *entry = g_ptr_array_index (entries, i);

      who_width = MAX (who_width, g_utf8_strlen (entry->user != NULL ? entry->user : "", -1));
    }

  g_print (_("History of %s row %s\n"), table, row_id);
  append_padded (line, when_header, when_width);
  append_padded (line, desk_header, desk_width);
  append_padded (line, who_header, who_width);
  g_string_append (line, C_("history column", "What"));
  g_print ("%s\n", line->str);

  for (guint i = 0; i < entries->len; i++)
    {
      const EdHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = _ed_cli_format_time (entry->hlc);
      g_autofree char *desk = _ed_cli_short_desk (entry->device);
      g_autofree char *what = describe_change (table, entry);

      g_string_truncate (line, 0);
      append_padded (line, when, when_width);
      append_padded (line, desk, desk_width);
      append_padded (line, entry->user != NULL ? entry->user : "", who_width);
      g_string_append (line, what);
      g_print ("%s\n", line->str);
    }
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (const char *table,
            const char *row_id,
            GPtrArray  *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "table");
  json_builder_add_string_value (builder, table);
  json_builder_set_member_name (builder, "row");
  json_builder_add_string_value (builder, row_id);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const EdHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *time = _ed_cli_format_time_iso (entry->hlc);
      g_autofree char *desk = _ed_cli_short_desk (entry->device);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "op", entry->op_id);
      add_nullable_string (builder, "time", time);
      json_builder_set_member_name (builder, "time_ms");
      json_builder_add_int_value (builder, ed_hlc_get_ms (entry->hlc));
      add_nullable_string (builder, "device", entry->device);
      add_nullable_string (builder, "desk", desk);
      add_nullable_string (builder, "user", entry->user);
      add_nullable_string (builder, "kind", ed_op_kind_to_string (entry->kind));
      add_nullable_string (builder, "column", entry->col);
      add_nullable_string (builder, "from", entry->from_display);
      add_nullable_string (builder, "to", entry->to_display);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ed_command_print_json (root);
}

int
_ed_cli_history (const EdCommandGlobals  *globals,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *row_id = NULL;
  GError *error = NULL;
  gboolean json = FALSE;
  const char *table;
  int status;
  const GOptionEntry entries_options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("TABLE [ROW-ID]"));
  g_option_context_set_summary (option_context,
                                _("Shows every change to one row of a synced table: when (local "
                                  "time), on which desk, by whom, and from what to what.\n"
                                  "ROW-ID may be left out for a table with one row, such as "
                                  "“district”."));
  g_option_context_add_main_entries (option_context, entries_options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "history", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ed_command_usage ("history", _("Name a table, and the row unless the table has one row"));
  if (argc > 3)
    return ed_command_usage ("history", _("Unexpected argument “%s”"), argv[3]);
  table = argv[1];

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  if (ed_schema_lookup (ed_context_get_schema (context), table) == NULL)
    {
      set_unknown_table_error (ed_context_get_schema (context), table, &error);
      return ed_command_fail (error);
    }

  if (argc == 3)
    {
      row_id = g_strdup (argv[2]);
    }
  else
    {
      row_id = find_only_row (context, table, &status, &error);
      if (row_id == NULL)
        return error != NULL ? ed_command_fail (error) : status;
    }

  entries = ed_history_for_row (ED_REPLICA (context), table, row_id, &error);
  if ((entries == NULL && g_error_matches (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW)) ||
      (entries != NULL && entries->len == 0))
    {
      /* Said as the other "no such" messages of the command line are, with the way out. */
      g_clear_error (&error);
      g_set_error (&error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("There is no row “%s” in “%s”: row ids are the UUIDs in the table’s "
                     "“id” column."), row_id, table);
    }
  if (error != NULL)
    return ed_command_fail (error);

  if (json)
    print_json (table, row_id, entries);
  else
    print_text (table, row_id, entries);
  return ED_COMMAND_EXIT_OK;
}
