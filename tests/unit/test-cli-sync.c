/* test-cli-sync.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "changes/ed-op.h"
#include "ed-test-cli.h"
#include "ed-test-dir.h"

/* Two desks of one district, each its own database file, exchanging changes by hand with the
 * real electoral-desk-cli: the acceptance criteria of SYNC.md §5 (convergence, conflicts,
 * idempotence, corruption) as a person at a terminal would meet them. Desk B is always made
 * from desk A's export applied to a new file, never by copying A's file, which would give
 * both desks the same device id. */

/* The lines the CLI itself wrote on stderr. The core also logs a warning when it records an
 * integrity alarm, which GLib prints on stderr as well; that is a diagnostic for the log, not
 * the command's answer. */
static guint
n_error_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], "electoral-desk-cli: ");
  return n;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

typedef struct
{
  char   *device;
  char   *user;
  char   *state_hash;
  gint64  n_ops;
  gint64  open_conflicts;
} DeskInfo;

static void
desk_info_clear (DeskInfo *info)
{
  g_clear_pointer (&info->device, g_free);
  g_clear_pointer (&info->user, g_free);
  g_clear_pointer (&info->state_hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskInfo, desk_info_clear)

static void
get_info (const char *db,
          DeskInfo   *info)
{
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  desk_info_clear (info);
  ed_test_cli_run_on (&run, db, "info", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  info->device = g_strdup (json_object_get_string_member (object, "device_id"));
  info->user = g_strdup (json_object_get_string_member (object, "user"));
  info->state_hash = g_strdup (json_object_get_string_member (object, "state_hash"));
  info->open_conflicts = json_object_get_int_member (object, "open_conflicts");
  info->n_ops = json_object_get_int_member (json_object_get_object_member (object, "tables"),
                                            "op_log");
  g_assert_nonnull (info->state_hash);
  g_assert_cmpuint (strlen (info->state_hash), >, 0);
}

static char *
state_hash (const char *db)
{
  g_auto(DeskInfo) info = { 0 };

  get_info (db, &info);
  return g_steal_pointer (&info.state_hash);
}

static char *
setting (const char *db,
         const char *key)
{
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, db, "settings", "get", key, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_strchomp (run.out);
  return g_steal_pointer (&run.out);
}

static void
set_setting (const char *db,
             const char *key,
             const char *value)
{
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, db, "settings", "set", key, value, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
export_all (const char *db,
            const char *file)
{
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, db, "ops", "export", "-o", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
}

/* Applies @file to @db and returns what "ops apply --json" counted. */
static void
apply (const char *db,
       const char *file,
       gint64     *out_applied,
       gint64     *out_duplicates)
{
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  ed_test_cli_run_on (&run, db, "ops", "apply", "--json", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  object = json_node_get_object (root);
  if (out_applied != NULL)
    *out_applied = json_object_get_int_member (object, "applied");
  if (out_duplicates != NULL)
    *out_duplicates = json_object_get_int_member (object, "duplicates");
}

/* Everything @from has, @to gets, through a file in @dir. */
static void
send_all (EdTestDir  *fixture,
          const char *from,
          const char *to)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("exchange-%u.json", n++);
  g_autofree char *file = ed_test_dir_file (fixture, name);

  export_all (from, file);
  apply (to, file, NULL, NULL);
}

/* Desk A holds the demo district; desk B is a new database that received A's export. */
static void
make_two_desks (EdTestDir  *fixture,
                char      **out_a,
                char      **out_b)
{
  g_autofree char *a = ed_test_dir_file (fixture, "desk-a.db");
  g_autofree char *b = ed_test_dir_file (fixture, "desk-b.db");
  g_autofree char *file = ed_test_dir_file (fixture, "onboard.json");
  g_auto(EdTestCliResult) run = { 0 };
  gint64 applied = -1, duplicates = -1;

  ed_test_cli_run_on (&run, a, "demo", "--electors", "200", NULL);
  g_assert_cmpint (run.status, ==, 0);
  export_all (a, file);

  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));
  apply (b, file, &applied, &duplicates);
  g_assert_cmpint (applied, >, 0);
  g_assert_cmpint (duplicates, ==, 0);

  *out_a = g_steal_pointer (&a);
  *out_b = g_steal_pointer (&b);
}

static void
assert_same_state (const char *a,
                   const char *b)
{
  g_autofree char *hash_a = state_hash (a);
  g_autofree char *hash_b = state_hash (b);

  g_assert_cmpstr (hash_a, ==, hash_b);
}

static void
test_new_desk_from_export (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_auto(DeskInfo) info_a = { 0 };
  g_auto(DeskInfo) info_b = { 0 };

  make_two_desks (fixture, &a, &b);

  get_info (a, &info_a);
  get_info (b, &info_b);
  g_assert_cmpstr (info_a.state_hash, ==, info_b.state_hash);
  g_assert_cmpstr (info_a.device, !=, info_b.device);
  g_assert_cmpint (info_a.n_ops, ==, info_b.n_ops);
  g_assert_cmpint (info_a.open_conflicts, ==, 0);

  /* The district itself arrived through the ops. */
  name_a = setting (a, "council-name");
  name_b = setting (b, "council-name");
  g_assert_true (g_str_has_suffix (name_b, "District Council"));
  g_assert_cmpstr (name_a, ==, name_b);
}

static void
test_exchange_conflict_resolve (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(DeskInfo) info_a = { 0 };
  g_auto(DeskInfo) info_b = { 0 };
  g_autoptr(JsonNode) list_a = NULL;
  g_autoptr(JsonNode) list_b = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *desk_a = NULL;
  g_autofree char *desk_b = NULL;
  g_auto(EdTestCliResult) run = { 0 };
  const char *conflict_id;
  JsonObject *conflict;
  JsonArray *versions;
  JsonArray *changes;
  gboolean seen_a = FALSE, seen_b = FALSE, seen_resolution = FALSE;
  gint64 start_ms = g_get_real_time () / 1000 - 1000;

  make_two_desks (fixture, &a, &b);
  get_info (a, &info_a);
  get_info (b, &info_b);
  desk_a = g_strndup (info_a.device, 8);
  desk_b = g_strndup (info_b.device, 8);

  /* Apart: different keys merge silently, the same key conflicts. */
  set_setting (a, "phone", "01632 960001");
  set_setting (b, "email", "elections@desk-b.example");
  set_setting (a, "council-name", "Aberwen Borough Council");
  set_setting (b, "council-name", "Aberwen County Council");

  send_all (fixture, a, b);
  send_all (fixture, b, a);
  assert_same_state (a, b);

  {
    g_autofree char *phone = setting (b, "phone");
    g_autofree char *email = setting (a, "email");

    g_assert_cmpstr (phone, ==, "01632 960001");
    g_assert_cmpstr (email, ==, "elections@desk-b.example");
  }

  /* Exactly one conflict, the same on both desks, with both versions and who made them. */
  ed_test_cli_run_on (&run, a, "conflicts", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  list_a = parse_json (run.out);
  ed_test_cli_run_on (&run, b, "conflicts", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  list_b = parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list_a)), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list_b)), ==, 1);
  g_assert_true (json_node_equal (list_a, list_b));

  conflict = json_array_get_object_element (json_node_get_array (list_a), 0);
  conflict_id = json_object_get_string_member (conflict, "id");
  g_assert_cmpstr (json_object_get_string_member (conflict, "table"), ==, "district");
  g_assert_cmpstr (json_object_get_string_member (conflict, "column"), ==, "council_name");
  g_assert_cmpstr (json_object_get_string_member (conflict, "kind"), ==, "value");
  versions = json_object_get_array_member (conflict, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *version = json_array_get_object_element (versions, i);
      const char *value = json_object_get_string_member (version, "value");
      const char *device = json_object_get_string_member (version, "device");
      gint64 time_ms = json_object_get_int_member (version, "time_ms");

      g_assert_cmpstr (json_object_get_string_member (version, "user"), ==, info_a.user);
      g_assert_cmpint (time_ms, >=, start_ms);
      g_assert_cmpint (time_ms, <=, g_get_real_time () / 1000 + 1000);
      if (g_str_equal (value, "Aberwen Borough Council"))
        {
          g_assert_cmpstr (device, ==, info_a.device);
          seen_a = TRUE;
        }
      else
        {
          g_assert_cmpstr (value, ==, "Aberwen County Council");
          g_assert_cmpstr (device, ==, info_b.device);
          seen_b = TRUE;
        }
    }
  g_assert_true (seen_a && seen_b);

  get_info (a, &info_a);
  get_info (b, &info_b);
  g_assert_cmpint (info_a.open_conflicts, ==, 1);
  g_assert_cmpint (info_b.open_conflicts, ==, 1);

  /* The text a person reads names both versions and both desks. */
  ed_test_cli_run_on (&run, b, "conflicts", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, conflict_id));
  g_assert_nonnull (strstr (run.out, "Aberwen Borough Council"));
  g_assert_nonnull (strstr (run.out, "Aberwen County Council"));
  g_assert_nonnull (strstr (run.out, desk_a));
  g_assert_nonnull (strstr (run.out, desk_b));

  /* A value of the wrong kind is refused and changes nothing. */
  ed_test_cli_run_on (&run, a, "conflicts", "resolve", conflict_id, "--value", "", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);
  ed_test_cli_run_on (&run, a, "conflicts", "resolve", "no-such-conflict", "--value", "x", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);

  /* Resolved on A, cleared everywhere once exchanged. */
  ed_test_cli_run_on (&run, a, "conflicts", "resolve", conflict_id, "--value", "Aberwen Council",
                      NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Aberwen Council"));
  ed_test_cli_run_on (&run, a, "conflicts", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No open conflicts"));

  send_all (fixture, a, b);
  assert_same_state (a, b);
  get_info (b, &info_b);
  g_assert_cmpint (info_b.open_conflicts, ==, 0);
  {
    g_autofree char *name = setting (b, "council-name");

    g_assert_cmpstr (name, ==, "Aberwen Council");
  }
  /* Nothing new for A in B's log: sending back changes nothing. */
  send_all (fixture, b, a);
  assert_same_state (a, b);

  /* The history of the district: every version, who, which desk and when. */
  ed_test_cli_run_on (&run, b, "history", "district", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, info_a.user));
  g_assert_nonnull (strstr (run.out, "council-name"));
  g_assert_nonnull (strstr (run.out, "Aberwen Borough Council"));
  g_assert_nonnull (strstr (run.out, "Aberwen County Council"));
  g_assert_nonnull (strstr (run.out, "Aberwen Council"));
  g_assert_nonnull (strstr (run.out, "01632 960001"));
  g_assert_nonnull (strstr (run.out, desk_a));
  g_assert_nonnull (strstr (run.out, desk_b));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  ",
                                       run.out, G_REGEX_MULTILINE, 0));

  ed_test_cli_run_on (&run, a, "history", "district", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  history = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (history), "table"), ==,
                   "district");
  changes = json_object_get_array_member (json_node_get_object (history), "changes");
  g_assert_cmpuint (json_array_get_length (changes), >=, 6);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      g_assert_cmpstr (json_object_get_string_member (change, "user"), ==, info_a.user);
      g_assert_nonnull (json_object_get_string_member (change, "time"));
      if (g_strcmp0 (json_object_get_string_member (change, "kind"), "set") == 0 &&
          g_strcmp0 (json_object_get_string_member (change, "to"), "Aberwen Council") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (change, "device"), ==,
                           info_a.device);
          g_assert_cmpstr (json_object_get_string_member (change, "column"), ==,
                           "council_name");
          seen_resolution = TRUE;
        }
    }
  g_assert_true (seen_resolution);
}

static void
test_apply_twice_changes_nothing (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *file = ed_test_dir_file (fixture, "a.json");
  g_auto(DeskInfo) before = { 0 };
  g_auto(DeskInfo) after = { 0 };
  g_auto(EdTestCliResult) run = { 0 };
  gint64 applied = -1, duplicates = -1;

  make_two_desks (fixture, &a, &b);
  set_setting (a, "ro-name", "Rhian Returning");
  export_all (a, file);

  apply (b, file, &applied, &duplicates);
  g_assert_cmpint (applied, ==, 1);
  g_assert_cmpint (duplicates, >, 0);
  get_info (b, &before);

  ed_test_cli_run_on (&run, b, "ops", "apply", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Applied 0 new changes"));
  get_info (b, &after);
  g_assert_cmpstr (before.state_hash, ==, after.state_hash);
  g_assert_cmpint (before.n_ops, ==, after.n_ops);

  apply (b, file, &applied, &duplicates);
  g_assert_cmpint (applied, ==, 0);
  g_assert_cmpint (duplicates, ==, after.n_ops);
  assert_same_state (a, b);
}

static gint64
highest_seq (const char *file,
             const char *device)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ops = ed_ops_read_file (file, NULL, &error);
  gint64 highest = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (g_str_equal (op->device, device))
        highest = MAX (highest, op->seq);
    }
  return highest;
}

static void
test_export_since (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *all = ed_test_dir_file (fixture, "all.json");
  g_autofree char *news = ed_test_dir_file (fixture, "news.json");
  g_autofree char *since_a = NULL;
  g_autofree char *since_b = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DeskInfo) info_a = { 0 };
  g_auto(DeskInfo) info_b = { 0 };
  g_auto(EdTestCliResult) run = { 0 };
  gint64 applied = -1, duplicates = -1;
  gint64 last_a;

  make_two_desks (fixture, &a, &b);
  get_info (a, &info_a);
  get_info (b, &info_b);
  export_all (a, all);
  last_a = highest_seq (all, info_a.device);
  g_assert_cmpint (last_a, >, 0);

  /* The summary tells the person what to give --since next time. */
  ed_test_cli_run_on (&run, a, "ops", "export", "-o", all, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, info_a.device));

  set_setting (a, "website", "https://aberwen.example/elections");
  set_setting (b, "ero-name", "Emyr Registration");
  since_a = g_strdup_printf ("%s:%" G_GINT64_FORMAT, info_a.device, last_a);
  since_b = g_strdup_printf ("%s:%" G_GINT64_FORMAT, info_b.device, (gint64)0);
  send_all (fixture, b, a);

  /* Told that B has A's changes up to last_a and none of B's own, A sends its one new change
   * and B's change back. */
  ed_test_cli_run_on (&run, a, "ops", "export", "--since", since_a, "--since", since_b, "-o", news,
                      NULL);
  g_assert_cmpint (run.status, ==, 0);
  ops = ed_ops_read_file (news, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ops->len, ==, 2);
  for (guint i = 0; i < ops->len; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      g_assert_true (g_str_equal (op->device, info_b.device) ||
                     (g_str_equal (op->device, info_a.device) && op->seq > last_a));
    }

  apply (b, news, &applied, &duplicates);
  g_assert_cmpint (applied, ==, 1);
  g_assert_cmpint (duplicates, ==, 1);
  assert_same_state (a, b);

  /* Told the truth about B's own changes, A leaves them out. */
  g_free (since_b);
  since_b = g_strdup_printf ("%s:%" G_GINT64_FORMAT, info_b.device, highest_seq (news,
                                                                                info_b.device));
  ed_test_cli_run_on (&run, a, "ops", "export", "--since", since_a, "--since", since_b, "-o", news,
                      NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&ops, g_ptr_array_unref);
  ops = ed_ops_read_file (news, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ops->len, ==, 1);
  g_assert_cmpstr (((const EdOp *)g_ptr_array_index (ops, 0))->device, ==, info_a.device);

  /* Malformed or repeated --since is a usage error. */
  ed_test_cli_run_on (&run, a, "ops", "export", "--since", "nonsense", "-o", news, NULL);
  g_assert_cmpint (run.status, ==, 2);
  ed_test_cli_run_on (&run, a, "ops", "export", "--since", since_a, "--since", since_a, "-o", news,
                      NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_bad_files_are_refused (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *file = ed_test_dir_file (fixture, "a.json");
  g_autofree char *tampered = ed_test_dir_file (fixture, "tampered.json");
  g_autofree char *garbage = ed_test_dir_file (fixture, "garbage.json");
  g_autofree char *fresh = ed_test_dir_file (fixture, "fresh.db");
  g_autofree char *phone_before = NULL;
  g_autofree char *phone_after = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *district = NULL;
  g_auto(DeskInfo) before = { 0 };
  g_auto(DeskInfo) after = { 0 };
  g_auto(EdTestCliResult) run = { 0 };
  gboolean changed = FALSE;

  make_two_desks (fixture, &a, &b);
  set_setting (a, "ro-name", "Rhian Returning");
  send_all (fixture, a, b);

  /* A file that holds a change B has not seen, and one that B has, altered. */
  set_setting (a, "phone", "01632 960999");
  export_all (a, file);
  ops = ed_ops_read_file (file, &district, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ops->len && !changed; i++)
    {
      EdOp *op = g_ptr_array_index (ops, i);

      if (op->kind == ED_OP_SET && g_strcmp0 (op->val, "\"Rhian Returning\"") == 0)
        {
          g_free (op->val);
          op->val = g_strdup ("\"Mallory\"");
          changed = TRUE;
        }
    }
  g_assert_true (changed);
  g_assert_true (ed_ops_write_file (ops, district, tampered, &error));
  g_assert_no_error (error);

  get_info (b, &before);
  phone_before = setting (b, "phone");
  ed_test_cli_run_on (&run, b, "ops", "apply", tampered, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (n_error_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "tampered.json"));
  g_assert_nonnull (strstr (run.err, "different"));
  get_info (b, &after);
  g_assert_cmpstr (before.state_hash, ==, after.state_hash);
  g_assert_cmpint (before.n_ops, ==, after.n_ops);
  phone_after = setting (b, "phone");
  g_assert_cmpstr (phone_before, ==, phone_after);

  /* Not an ops file at all. */
  g_assert_true (g_file_set_contents (garbage, "{\"ops\": [ not json", -1, NULL));
  ed_test_cli_run_on (&run, b, "ops", "apply", garbage, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "garbage.json"));
  get_info (b, &after);
  g_assert_cmpstr (before.state_hash, ==, after.state_hash);

  /* A new desk is not created from a bad file. */
  ed_test_cli_run_on (&run, fresh, "ops", "apply", garbage, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* The intact file still applies. */
  ed_test_cli_run_on (&run, b, "ops", "apply", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_same_state (a, b);
}

/* The district a file names in its header, as ed_ops_read_file() reads it. */
static char *
district_of_file (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  char *district = NULL;

  ops = ed_ops_read_file (file, &district, &error);
  g_assert_no_error (error);
  g_assert_nonnull (district);
  return district;
}

/* Issue: "ops export --since" from district D, applied to district B, poured D's electors into
 * B, because the file held no row of D's district table. */
static void
test_other_district_incremental_refused (EdTestDir     *fixture,
                                         gconstpointer  data)
{
  g_autofree char *d = ed_test_dir_file (fixture, "district-d.db");
  g_autofree char *b = ed_test_dir_file (fixture, "district-b.db");
  g_autofree char *all_d = ed_test_dir_file (fixture, "all-d.json");
  g_autofree char *all_b = ed_test_dir_file (fixture, "all-b.json");
  g_autofree char *news = ed_test_dir_file (fixture, "news-d.json");
  g_autofree char *fresh = ed_test_dir_file (fixture, "fresh.db");
  g_autofree char *since = NULL;
  g_autofree char *district_d = NULL;
  g_autofree char *district_b = NULL;
  g_auto(DeskInfo) info_d = { 0 };
  g_auto(DeskInfo) before = { 0 };
  g_auto(DeskInfo) after = { 0 };
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, d, "demo", "--electors", "100", NULL);
  g_assert_cmpint (run.status, ==, 0);
  ed_test_cli_run_on (&run, b, "demo", "--electors", "50", NULL);
  g_assert_cmpint (run.status, ==, 0);
  get_info (d, &info_d);
  since = g_strdup_printf ("%s:1", info_d.device);
  ed_test_cli_run_on (&run, d, "ops", "export", "--since", since, "-o", news, NULL);
  g_assert_cmpint (run.status, ==, 0);

  get_info (b, &before);
  ed_test_cli_run_on (&run, b, "ops", "apply", news, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (n_error_lines (run.err), ==, 1);
  g_assert_null (strstr (run.err, "CRITICAL"));
  g_assert_nonnull (strstr (run.err, "news-d.json"));
  g_assert_nonnull (strstr (run.err, "nothing was applied"));
  get_info (b, &after);
  g_assert_cmpstr (before.state_hash, ==, after.state_hash);
  g_assert_cmpint (before.n_ops, ==, after.n_ops);

  /* Both districts are named, each in full. */
  export_all (d, all_d);
  export_all (b, all_b);
  district_d = district_of_file (all_d);
  district_b = district_of_file (all_b);
  g_assert_cmpstr (district_d, !=, district_b);
  g_assert_nonnull (strstr (run.err, district_d));
  g_assert_nonnull (strstr (run.err, district_b));

  /* Nor does it make a new desk: that needs the district itself first. */
  ed_test_cli_run_on (&run, fresh, "ops", "apply", news, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* The whole of D is refused too, and D's own desks still take it. */
  ed_test_cli_run_on (&run, b, "ops", "apply", all_d, NULL);
  g_assert_cmpint (run.status, ==, 1);
  get_info (b, &after);
  g_assert_cmpstr (before.state_hash, ==, after.state_hash);
  ed_test_cli_run_on (&run, fresh, "ops", "apply", all_d, NULL);
  g_assert_cmpint (run.status, ==, 0);
  ed_test_cli_run_on (&run, fresh, "ops", "apply", news, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_same_state (d, fresh);
}

/* Writes @text as an ops file of district @district holding one op. */
static void
write_one_op_file (const char *path,
                   const char *district,
                   const char *op_json)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"electoral-desk-ops\", \"version\": 2, "
                                           "\"district\": \"%s\", \"ops\": [%s]}",
                                           district, op_json);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Issue: a value not of its column's type was applied as an empty value; 100,000 levels of
 * brackets crashed the command; an empty file raised a GLib critical. Each is refused with
 * one line saying why, and the district is left as it was. */
static void
test_hostile_values_refused (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *all = ed_test_dir_file (fixture, "all.json");
  g_autofree char *bad = ed_test_dir_file (fixture, "bad.json");
  g_autofree char *district = NULL;
  g_autofree char *area = NULL;
  g_autofree char *pred = NULL;
  g_autofree char *deep = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DeskInfo) before = { 0 };
  g_auto(DeskInfo) after = { 0 };
  const char *values[] = { "not json", "42", "\\\"two\\\"", NULL };
  const char *columns[] = { "name", "name", "seats" };

  make_two_desks (fixture, &a, &b);
  export_all (a, all);
  ops = ed_ops_read_file (all, &district, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ops->len && area == NULL; i++)
    {
      const EdOp *op = g_ptr_array_index (ops, i);

      if (op->kind == ED_OP_INS && g_str_equal (op->tbl, "electoral_area"))
        {
          area = g_strdup (op->pk);
          pred = ed_op_get_id (op);
        }
    }
  g_assert_nonnull (area);

  get_info (b, &before);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(EdTestCliResult) run = { 0 };
      g_autofree char *op = g_strdup_printf (
        "{\"device\": \"dddddddd-0000-4000-8000-00000000000d\", \"seq\": 1, \"hlc\": 1, "
        "\"tbl\": \"electoral_area\", \"pk\": \"%s\", \"col\": \"%s\", \"kind\": \"set\", "
        "\"val\": \"%s\", \"pred\": [\"%s\"], \"seen\": [], \"user\": \"mallory\"}",
        area, columns[i], values[i], pred);

      write_one_op_file (bad, district, op);
      ed_test_cli_run_on (&run, b, "ops", "apply", bad, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, columns[i]));
      g_assert_nonnull (strstr (run.err, "nothing was applied"));
      get_info (b, &after);
      g_assert_cmpstr (before.state_hash, ==, after.state_hash);
      g_assert_cmpint (before.n_ops, ==, after.n_ops);
    }

  /* A file, and a value inside a file, nested 100,000 deep; an empty file. */
  deep = g_strnfill (100000, '[');
  {
    g_autofree char *deep_value = NULL;
    const char *texts[3];
    const char *reasons[] = { "nested", "nested", "empty" };

    deep_value = g_strdup_printf (
      "{\"format\": \"electoral-desk-ops\", \"version\": 2, \"district\": \"%s\", \"ops\": "
      "[{\"device\": \"dddddddd-0000-4000-8000-00000000000d\", \"seq\": 1, \"hlc\": 1, "
      "\"tbl\": \"electoral_area\", \"pk\": \"%s\", \"col\": \"name\", \"kind\": \"set\", "
      "\"val\": \"%s\", \"pred\": [], \"seen\": [], \"user\": \"mallory\"}]}",
      district, area, deep);
    texts[0] = deep;
    texts[1] = deep_value;
    texts[2] = "";
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_auto(EdTestCliResult) run = { 0 };

        g_assert_true (g_file_set_contents (bad, texts[i], -1, NULL));
        ed_test_cli_run_on (&run, b, "ops", "apply", bad, NULL);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);
        g_assert_nonnull (strstr (run.err, reasons[i]));
        g_assert_null (strstr (run.err, "CRITICAL"));
        get_info (b, &after);
        g_assert_cmpstr (before.state_hash, ==, after.state_hash);
      }
  }
}

static void
test_history_errors (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *a = ed_test_dir_file (fixture, "desk-a.db");
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, a, "demo", "--electors", "200", NULL);
  g_assert_cmpint (run.status, ==, 0);

  ed_test_cli_run_on (&run, a, "history", "no_such_table", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "no_such_table"));
  g_assert_nonnull (strstr (run.err, "district"));

  ed_test_cli_run_on (&run, a, "history", "district", "00000000-0000-4000-8000-000000000000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (ed_test_cli_count_lines (run.err), ==, 1);

  ed_test_cli_run_on (&run, a, "history", NULL);
  g_assert_cmpint (run.status, ==, 2);
  ed_test_cli_run_on (&run, a, "history", "district", "x", "y", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_help_and_usage (void)
{
  const char *commands[] = { "history", "ops", "conflicts" };
  const char *usage_errors[][4] = {
    { "ops", NULL },
    { "ops", "frobnicate", NULL },
    { "ops", "export", NULL },
    { "ops", "apply", NULL },
    { "ops", "apply", "--since", "x:1" },
    { "conflicts", NULL },
    { "conflicts", "frobnicate", NULL },
    { "conflicts", "resolve", "abc", NULL },
    { "conflicts", "list", "--value", "x" },
    { "conflicts", "list", "--bogus", NULL },
  };
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_nonnull (strstr (run.out, commands[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(EdTestCliResult) help = { 0 };

      ed_test_cli_run_on (&help, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, commands[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (usage_errors); i++)
    {
      g_auto(EdTestCliResult) usage = { 0 };

      ed_test_cli_run_on (&usage, NULL, usage_errors[i][0], usage_errors[i][1], usage_errors[i][2],
                          usage_errors[i][3], NULL);
      g_assert_cmpint (usage.status, ==, 2);
      g_assert_nonnull (strstr (usage.err, "--help"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-sync/help-and-usage", test_help_and_usage);
  ED_TEST_ADD ("/cli-sync/new-desk-from-export", test_new_desk_from_export);
  ED_TEST_ADD ("/cli-sync/exchange-conflict-resolve", test_exchange_conflict_resolve);
  ED_TEST_ADD ("/cli-sync/apply-twice-changes-nothing", test_apply_twice_changes_nothing);
  ED_TEST_ADD ("/cli-sync/export-since", test_export_since);
  ED_TEST_ADD ("/cli-sync/bad-files-are-refused", test_bad_files_are_refused);
  ED_TEST_ADD ("/cli-sync/other-district-incremental-refused",
               test_other_district_incremental_refused);
  ED_TEST_ADD ("/cli-sync/hostile-values-refused", test_hostile_values_refused);
  ED_TEST_ADD ("/cli-sync/history-errors", test_history_errors);

  return g_test_run ();
}
