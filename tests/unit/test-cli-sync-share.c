/* test-cli-sync-share.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Three desks, three database files, each command its own process of the real
 * electoral-desk-cli, syncing through a shared folder and through a real WebDAV server
 * (Apache httpd with mod_dav, started by the test on 127.0.0.1): a team made and joined,
 * one elector edited on two desks at once, one conflict shown on all three with both values,
 * resolved on the third and cleared on every desk (SYNC.md §5 criteria 7 and 10); and one
 * desk synced by three processes at once. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ed-test-cli.h"
#include "ed-test-dir.h"
#include "ed-test-webdav.h"

#define N_DESKS 3

typedef struct
{
  char *dbs[N_DESKS];
  char *share_option;
  char *share_value;
  char *passphrase_file;
} Desks;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
cli_ok (const char *db,
        ...)
{
  g_auto(EdTestCliResult) run = { 0 };
  va_list args;
  const char *first;

  va_start (args, db);
  first = va_arg (args, const char *);
  ed_test_cli_runv (&run, db, first, args);
  va_end (args);
  if (run.status != 0)
    g_error ("electoral-desk-cli --db %s %s failed (%d): %s", db, first, run.status, run.err);
}

static char *
state_hash (const char *db)
{
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  ed_test_cli_run_on (&run, db, "info", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "state_hash"));
}

static JsonNode *
conflicts (const char *db)
{
  g_auto(EdTestCliResult) run = { 0 };

  ed_test_cli_run_on (&run, db, "conflicts", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return parse_json (run.out);
}

static void
sync_now (const char *db)
{
  cli_ok (db, "sync", "now", NULL);
}

static void
sync_all (Desks *desks)
{
  for (guint round = 0; round < 2; round++)
    for (guint d = 0; d < N_DESKS; d++)
      sync_now (desks->dbs[d]);
}

static void
assert_same_state (Desks *desks)
{
  g_autofree char *first = state_hash (desks->dbs[0]);

  for (guint d = 1; d < N_DESKS; d++)
    {
      g_autofree char *hash = state_hash (desks->dbs[d]);

      g_assert_cmpstr (hash, ==, first);
    }
}

static void
run_three_desks (EdTestDir  *fixture,
                 const char *share_option,
                 const char *share_value)
{
  Desks desks = { 0 };
  g_autofree char *passphrase = ed_test_dir_file (fixture, "passphrase");
  g_autoptr(JsonNode) list = NULL;
  const char *conflict_id;
  JsonArray *versions;

  g_autofree char *keys = ed_test_dir_file (fixture, "config");

  /* The desks' keys in a folder of this test's own: the command line inherits it. */
  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_assert_true (g_file_set_contents (passphrase, "Ashmere Vale polling day 2027\n", -1, NULL));
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autofree char *name = g_strdup_printf ("desk-%c.db", 'a' + d);

      desks.dbs[d] = ed_test_dir_file (fixture, name);
    }

  /* Desk A keeps the district and makes the team; B and C are new files that join. */
  cli_ok (desks.dbs[0], "demo", "--electors", "300", NULL);
  cli_ok (desks.dbs[0], "sync", "setup", share_option, share_value, "--passphrase-file",
          passphrase, NULL);
  for (guint d = 1; d < N_DESKS; d++)
    cli_ok (desks.dbs[d], "sync", "join", share_option, share_value, "--passphrase-file",
            passphrase, NULL);
  sync_all (&desks);
  assert_same_state (&desks);

  /* One elector, two surnames at once. */
  cli_ok (desks.dbs[0], "register", "amend", "AA1", "--surname", "Alderton", NULL);
  cli_ok (desks.dbs[1], "register", "amend", "AA1", "--surname", "Bellingham", NULL);
  sync_all (&desks);
  assert_same_state (&desks);
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autoptr(JsonNode) each = conflicts (desks.dbs[d]);

      g_assert_cmpuint (json_array_get_length (json_node_get_array (each)), ==, 1);
    }
  list = conflicts (desks.dbs[2]);
  conflict_id = json_object_get_string_member (
    json_array_get_object_element (json_node_get_array (list), 0), "id");
  versions = json_object_get_array_member (
    json_array_get_object_element (json_node_get_array (list), 0), "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);

  /* Resolved on the third desk, which made neither: clear everywhere. */
  cli_ok (desks.dbs[2], "conflicts", "resolve", conflict_id, "--value", "Bellingham", NULL);
  sync_all (&desks);
  assert_same_state (&desks);
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autoptr(JsonNode) each = conflicts (desks.dbs[d]);

      g_assert_cmpuint (json_array_get_length (json_node_get_array (each)), ==, 0);
    }

  for (guint d = 0; d < N_DESKS; d++)
    g_free (desks.dbs[d]);
}

static void
test_three_desks_folder (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autofree char *share = ed_test_dir_file (fixture, "share");

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  run_three_desks (fixture, "--folder", share);
}

static void
test_three_desks_webdav (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdTestWebdav) server = ed_test_webdav_start (&error);

  if (server == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  run_three_desks (fixture, "--webdav", server->url);
}

static char *
device_id (const char *db)
{
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  ed_test_cli_run_on (&run, db, "info", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "device_id"));
}

/* SYNC.md §4.8 Revocation from the command line: desk A takes desk C out with a new
 * passphrase; C is told it was taken out, the old passphrase is told it was changed, the new
 * one joins, and the desks left converge. */
static void
test_revoke (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *passphrase = ed_test_dir_file (fixture, "passphrase");
  g_autofree char *new_passphrase = ed_test_dir_file (fixture, "new-passphrase");
  g_autofree char *keys = ed_test_dir_file (fixture, "config");
  g_autofree char *a_device = NULL;
  g_autofree char *c_device = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_d = NULL;
  g_auto(EdTestCliResult) revoked = { 0 };
  g_auto(EdTestCliResult) old_join = { 0 };
  g_auto(EdTestCliResult) self_revoke = { 0 };
  Desks desks = { 0 };
  g_autofree char *d_db = ed_test_dir_file (fixture, "desk-d.db");
  g_autofree char *e_db = ed_test_dir_file (fixture, "desk-e.db");

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  g_assert_true (g_file_set_contents (passphrase, "Ashmere Vale polling day 2027\n", -1, NULL));
  g_assert_true (g_file_set_contents (new_passphrase, "Ashmere Vale count night\n", -1, NULL));
  for (guint d = 0; d < N_DESKS; d++)
    {
      g_autofree char *name = g_strdup_printf ("desk-%c.db", 'a' + d);

      desks.dbs[d] = ed_test_dir_file (fixture, name);
    }
  cli_ok (desks.dbs[0], "demo", "--electors", "50", NULL);
  cli_ok (desks.dbs[0], "sync", "setup", "--folder", share, "--passphrase-file", passphrase,
          NULL);
  for (guint d = 1; d < N_DESKS; d++)
    cli_ok (desks.dbs[d], "sync", "join", "--folder", share, "--passphrase-file", passphrase,
            NULL);
  sync_all (&desks);

  a_device = device_id (desks.dbs[0]);
  ed_test_cli_run_on (&self_revoke, desks.dbs[0], "sync", "revoke", a_device, NULL);
  g_assert_cmpint (self_revoke.status, !=, 0);
  g_assert_nonnull (strstr (self_revoke.err, "itself"));

  c_device = device_id (desks.dbs[2]);
  cli_ok (desks.dbs[0], "sync", "revoke", c_device, "--passphrase-file", new_passphrase, NULL);
  ed_test_cli_run_on (&revoked, desks.dbs[2], "sync", "now", NULL);
  g_assert_cmpint (revoked.status, !=, 0);
  g_assert_nonnull (strstr (revoked.err, "taken out"));

  ed_test_cli_run_on (&old_join, d_db, "sync", "join", "--folder", share, "--passphrase-file",
                      passphrase, NULL);
  g_assert_cmpint (old_join.status, !=, 0);
  g_assert_nonnull (strstr (old_join.err, "passphrase was changed"));
  cli_ok (e_db, "sync", "join", "--folder", share, "--passphrase-file", new_passphrase, NULL);

  cli_ok (desks.dbs[1], "register", "amend", "AA1", "--surname", "Bellingham", NULL);
  for (guint round = 0; round < 2; round++)
    {
      sync_now (desks.dbs[0]);
      sync_now (desks.dbs[1]);
      sync_now (e_db);
    }
  hash_a = state_hash (desks.dbs[0]);
  hash_b = state_hash (desks.dbs[1]);
  hash_d = state_hash (e_db);
  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, ==, hash_d);

  for (guint d = 0; d < N_DESKS; d++)
    g_free (desks.dbs[d]);
}

/* SYNC.md §5 criterion 10 from the command line: "sync snapshot" on one desk, and a new desk
 * that joins starts from it ("from_snapshot") and reaches the same state hash. */
static void
test_snapshot (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *passphrase = ed_test_dir_file (fixture, "passphrase");
  g_autofree char *keys = ed_test_dir_file (fixture, "config");
  g_autofree char *a_db = ed_test_dir_file (fixture, "desk-a.db");
  g_autofree char *c_db = ed_test_dir_file (fixture, "desk-c.db");
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_c = NULL;
  g_auto(EdTestCliResult) snapshot = { 0 };
  g_auto(EdTestCliResult) first = { 0 };
  g_autoptr(JsonNode) report = NULL;

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  g_assert_true (g_file_set_contents (passphrase, "Ashmere Vale polling day 2027\n", -1, NULL));
  cli_ok (a_db, "demo", "--electors", "80", NULL);
  cli_ok (a_db, "sync", "setup", "--folder", share, "--passphrase-file", passphrase, NULL);
  sync_now (a_db);
  ed_test_cli_run_on (&snapshot, a_db, "sync", "snapshot", NULL);
  g_assert_cmpint (snapshot.status, ==, 0);
  g_assert_nonnull (strstr (snapshot.out, "esync-v1/snapshots/s-"));

  cli_ok (c_db, "sync", "join", "--folder", share, "--passphrase-file", passphrase, NULL);
  ed_test_cli_run_on (&first, c_db, "sync", "now", "--json", NULL);
  g_assert_cmpint (first.status, ==, 0);
  report = parse_json (first.out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (report),
                                                 "from_snapshot"));
  hash_a = state_hash (a_db);
  hash_c = state_hash (c_db);
  g_assert_cmpstr (hash_a, ==, hash_c);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names of the bundle files in @folder, sorted: "b-<from>-<to>.esb" sort by range. */
static GPtrArray *
list_bundles (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* The app's background sync and a script's `sync now` may run on one desk at once: three
 * processes syncing one database together, round after round, write each edit in exactly one
 * bundle (the ranges follow on with no gap and no overlap, and no file is left half-made),
 * and another desk reads them all. */
static void
test_one_desk_three_processes (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *passphrase = ed_test_dir_file (fixture, "passphrase");
  g_autofree char *keys = ed_test_dir_file (fixture, "config");
  g_autofree char *a = ed_test_dir_file (fixture, "desk-a.db");
  g_autofree char *b = ed_test_dir_file (fixture, "desk-b.db");
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GDir) devices = NULL;
  g_auto(EdTestCliResult) status = { 0 };
  g_autoptr(JsonNode) root = NULL;
  guint64 next_from = 1;

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  g_assert_true (g_file_set_contents (passphrase, "Ashmere Vale polling day 2027\n", -1, NULL));
  cli_ok (a, "demo", "--electors", "120", NULL);
  cli_ok (a, "sync", "setup", "--folder", share, "--passphrase-file", passphrase, NULL);
  cli_ok (b, "sync", "join", "--folder", share, "--passphrase-file", passphrase, NULL);

  for (guint round = 0; round < 6; round++)
    {
      GSubprocess *runs[3];

      for (guint i = 1; i <= 4; i++)
        {
          g_autofree char *number = g_strdup_printf ("AA%u", i);
          g_autofree char *surname = g_strdup_printf ("Concurrent-%u-%u", round, i);

          cli_ok (a, "register", "amend", number, "--surname", surname, NULL);
        }
      for (guint p = 0; p < G_N_ELEMENTS (runs); p++)
        {
          g_autoptr(GError) error = NULL;

          runs[p] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, ED_CLI_PATH,
                                      "--db", a, "sync", "now", NULL);
          g_assert_no_error (error);
        }
      for (guint p = 0; p < G_N_ELEMENTS (runs); p++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (g_subprocess_wait_check (runs[p], NULL, &error));
          g_assert_no_error (error);
          g_object_unref (runs[p]);
        }
    }

  /* Desk A's folder is the only one under devices/ so far. */
  own = g_build_filename (share, "esync-v1", "devices", NULL);
  devices = g_dir_open (own, 0, NULL);
  g_assert_nonnull (devices);
  {
    g_autofree char *folder = g_build_filename (own, g_dir_read_name (devices), NULL);

    g_assert_null (g_dir_read_name (devices));
    bundles = list_bundles (folder);
  }
  g_assert_cmpuint (bundles->len, >=, 6);
  for (guint i = 0; i < bundles->len; i++)
    {
      const char *name = g_ptr_array_index (bundles, i);
      guint64 from = 0;
      guint64 to = 0;

      g_assert_cmpint (sscanf (name, "b-%12" G_GUINT64_FORMAT "-%12" G_GUINT64_FORMAT ".esb",
                               &from, &to), ==, 2);
      g_assert_cmpuint (from, ==, next_from);
      g_assert_cmpuint (to, >=, from);
      next_from = to + 1;
    }

  cli_ok (b, "sync", "now", NULL);
  hash_a = state_hash (a);
  hash_b = state_hash (b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_cli_run_on (&status, b, "sync", "status", "--json", NULL);
  g_assert_cmpint (status.status, ==, 0);
  root = parse_json (status.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (root), "files_not_applied")), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/cli/sync-share/three-desks-folder", test_three_desks_folder);
  ED_TEST_ADD ("/cli/sync-share/three-desks-webdav", test_three_desks_webdav);
  ED_TEST_ADD ("/cli/sync-share/one-desk-three-processes", test_one_desk_three_processes);
  ED_TEST_ADD ("/cli/sync-share/revoke", test_revoke);
  ED_TEST_ADD ("/cli/sync-share/criterion-10/snapshot", test_snapshot);

  return g_test_run ();
}
