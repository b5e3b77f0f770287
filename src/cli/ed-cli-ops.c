/* ed-cli-ops.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli/ed-cli-private.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-merge.h"
#include "core/ed-output-file.h"

/* Moving changes between desks by hand, as plain JSON files: for tests, for support, and for a
 * team without a shared folder yet. The merge does not care how ops travel (SYNC.md §4.1). */

typedef struct
{
  char   *device;
  gint64  first;
  gint64  last;
  guint   count;
} DeskRange;

static void
desk_range_free (DeskRange *range)
{
  g_free (range->device);
  g_free (range);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const DeskRange *range_a = *(const DeskRange * const *)a;
  const DeskRange *range_b = *(const DeskRange * const *)b;

  return g_strcmp0 (range_a->device, range_b->device);
}

/* DEVICE:SEQ is an op id, except that 0 is allowed: "nothing from that desk yet". */
static gboolean
parse_since_arg (const char  *arg,
                 char       **out_device,
                 gint64      *out_seq)
{
  const char *colon = strrchr (arg, ':');
  guint64 seq;

  if (colon == NULL || colon == arg ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, G_MAXINT64, &seq, NULL))
    return FALSE;
  *out_device = g_strndup (arg, colon - arg);
  *out_seq = (gint64)seq;
  return TRUE;
}

/* Parses the repeated --since DEVICE:SEQ into what ed_merge_export() takes. On a usage error
 * it prints why and returns NULL with *out_status set. */
static GHashTable *
parse_since (char **since_args,
             int   *out_status)
{
  g_autoptr(GHashTable) since = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; since_args != NULL && since_args[i] != NULL; i++)
    {
      g_autofree char *device = NULL;
      gint64 seq;

      if (!parse_since_arg (since_args[i], &device, &seq))
        {
          *out_status = ed_command_usage ("ops",
                                       _("--since takes DESK-ID:NUMBER (the last change the other "
                                         "desk has from that desk), not “%s”"),
                                       since_args[i]);
          return NULL;
        }
      if (g_hash_table_contains (since, device))
        {
          *out_status = ed_command_usage ("ops", _("--since names the desk “%s” twice"), device);
          return NULL;
        }
      g_hash_table_insert (since, g_steal_pointer (&device), g_memdup2 (&seq, sizeof seq));
    }
  return g_steal_pointer (&since);
}

/* Tells the person what the file holds per desk, and so what to pass as --since next time. */
static void
print_export_summary (GPtrArray  *ops,
                      const char *path)
{
  g_autoptr(GHashTable) by_device = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ranges = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_range_free);
  g_autofree char *name = g_filename_display_name (path);

  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);
      DeskRange *range = g_hash_table_lookup (by_device, op->device);

      if (range == NULL)
        {
          range = g_new0 (DeskRange, 1);
          range->device = g_strdup (op->device);
          range->first = op->seq;
          range->last = op->seq;
          g_ptr_array_add (ranges, range);
          g_hash_table_insert (by_device, range->device, range);
        }
      range->first = MIN (range->first, op->seq);
      range->last = MAX (range->last, op->seq);
      range->count++;
    }
  g_ptr_array_sort (ranges, compare_ranges);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u change to %s\n", "Wrote %u changes to %s\n",
                        ops->len),
           ops->len, name);
  for (guint i = 0; i < ranges->len; i++)
    {
      const DeskRange *range = g_ptr_array_index (ranges, i);

      /* Translators: the numbers are a desk's own change numbers, which never have gaps. */
      g_print (_("  from desk %s: numbers %" PRId64 " to %" PRId64 "\n"),
               range->device, range->first, range->last);
    }
}

static int
ops_export (const EdCommandGlobals  *globals,
            char               **since_args,
            const char          *output)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GHashTable) since = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *district = NULL;
  GError *error = NULL;
  int status;

  if (since_args != NULL)
    {
      since = parse_since (since_args, &status);
      if (since == NULL)
        return status;
    }

  context = ed_command_open_existing (globals, &error);
  if (context == NULL)
    return ed_command_fail (error);

  /* The file names its district, so that a desk of another district refuses it even when it
   * holds none of the district's own row, as an export --since does not. */
  district = ed_merge_get_district_id (ED_REPLICA (context), &error);
  if (error != NULL)
    return ed_command_fail (error);
  ops = ed_merge_export (ED_REPLICA (context), since, &error);
  if (ops == NULL || !ed_ops_write_file (ops, district, output, &error))
    return ed_command_fail (error);

  print_export_summary (ops, output);
  return ED_COMMAND_EXIT_OK;
}

/* SQLite's files beside a database, which it would read as that database's own. */
static void
remove_log_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
}

/* A new desk is made by applying a peer's export to a file that does not exist yet: if that
 * fails, the half-made database must not be left behind to be mistaken for a district. */
static void
remove_new_database (const char *path)
{
  remove_log_files (path);
  g_remove (path);
}

static int
ops_apply (const EdCommandGlobals *globals,
           const char         *input,
           gboolean            json)
{
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *path = ed_command_database_path (globals);
  g_autofree char *input_name = g_filename_display_name (input);
  g_autofree char *district = NULL;
  g_autofree char *partial = NULL;
  GError *error = NULL;
  EdMergeStats stats = { 0 };
  gboolean is_new;

  /* The file is read in full before the district is opened, so that a bad file changes
   * nothing, not even by creating a database. Its errors name it already. */
  ops = ed_ops_read_file (input, &district, &error);
  if (ops == NULL)
    return ed_command_fail (error);

  /* A new desk is written under a hidden temporary name beside @path and renamed into place
   * once whole, as the demo is (core/ed-output-file.h): the district is created and migrated
   * in one transaction and the ops applied in another, so a desk killed in between would
   * otherwise leave an empty district, with its own desk id, under the name asked for. */
  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (is_new)
    {
      partial = ed_output_file_new_temp_path (path, &error);
      if (partial == NULL)
        return ed_command_fail (error);
    }
  context = ed_command_open (globals, is_new ? partial : path, &error);
  if (context == NULL)
    {
      if (is_new)
        remove_new_database (partial);
      return ed_command_fail (error);
    }

  if (!ed_merge_apply (ED_REPLICA (context), district, ops, &stats, &error))
    {
      g_autoptr(GError) local_error = error;

      g_clear_object (&context);
      if (is_new)
        remove_new_database (partial);
      error = g_error_new (local_error->domain, local_error->code, "%s: %s", input_name,
                           local_error->message);
      return ed_command_fail (error);
    }

  /* The apply is done and committed; a failure to count conflicts must not look like a failed
   * apply, so it only leaves the count out. */
  conflicts = ed_conflicts_list (ED_REPLICA (context), NULL);

  if (is_new)
    {
      /* Everything in the write-ahead log goes into the file before it is renamed (a disk
       * too full for that fails here), and the connection is closed, so that the file is
       * the whole district; it goes back to WAL when it is next opened. */
      if (!ed_database_exec (ed_context_get_database (context), "PRAGMA journal_mode = DELETE",
                             &error))
        {
          g_clear_object (&context);
          remove_new_database (partial);
          return ed_command_fail (error);
        }
      g_clear_object (&context);
      /* Nothing was at @path; SQLite's files beside it would be read as the new file's. */
      remove_log_files (path);
      if (!ed_output_file_rename_into_place (partial, path, &error))
        {
          remove_new_database (partial);
          return ed_command_fail (error);
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, input_name);
      json_builder_set_member_name (builder, "applied");
      json_builder_add_int_value (builder, stats.applied);
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, stats.duplicates);
      json_builder_set_member_name (builder, "open_conflicts");
      if (conflicts != NULL)
        json_builder_add_int_value (builder, conflicts->len);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ed_command_print_json (root);
      return ED_COMMAND_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Applied %u new change from %s; ", "Applied %u new changes from %s; ",
                        stats.applied),
           stats.applied, input_name);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u was already here.\n", "%u were already here.\n",
                        stats.duplicates),
           stats.duplicates);
  if (conflicts != NULL && conflicts->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u conflict is open: see “electoral-desk-cli conflicts list”.\n",
                          "%u conflicts are open: see “electoral-desk-cli conflicts list”.\n",
                          conflicts->len),
             conflicts->len);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_cli_ops (const EdCommandGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_auto(GStrv) since_args = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING_ARRAY, &since_args,
      N_("With export: leave out what the other desk has, up to NUMBER from that desk "
         "(repeat for each desk)"), N_("DESK-ID:NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With export: the file to write"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With apply: print the counts as JSON"), NULL },
    { NULL }
  };

  option_context = g_option_context_new (_("export -o FILE | apply FILE"));
  g_option_context_set_summary (option_context,
                                _("Moves changes between desks as plain JSON files.\n"
                                  "“export” writes this desk’s changes, and those it has from "
                                  "other desks; by default all of them.\n"
                                  "“apply” merges a file from another desk into this one (a new "
                                  "database file becomes a copy of that desk’s district). "
                                  "Applying a file twice changes nothing."));
  g_option_context_set_description (option_context,
                                    _("Exit status 1 means the file was refused and nothing "
                                      "changed: it is not an ops file, it belongs to another "
                                      "district, it holds a value that does not fit its column, "
                                      "or it holds a change whose number this desk knows with "
                                      "different content."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "ops", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ed_command_usage ("ops", _("Say what to do: export -o FILE, or apply FILE"));
  action = argv[1];

  if (g_str_equal (action, "export"))
    {
      if (argc != 2)
        return ed_command_usage ("ops", _("Unexpected argument “%s”"), argv[2]);
      if (output == NULL || *output == '\0')
        return ed_command_usage ("ops", _("“ops export” needs -o FILE"));
      if (json)
        return ed_command_usage ("ops", _("--json goes with “ops apply”"));
      return ops_export (globals, since_args, output);
    }
  else if (g_str_equal (action, "apply"))
    {
      if (argc != 3)
        return ed_command_usage ("ops", _("Usage: ops apply FILE"));
      if (since_args != NULL || output != NULL)
        return ed_command_usage ("ops", _("--since and -o go with “ops export”"));
      return ops_apply (globals, argv[2], json);
    }

  return ed_command_usage ("ops", _("Unknown action “%s”: use export or apply"), action);
}
