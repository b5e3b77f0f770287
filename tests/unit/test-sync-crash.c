/* test-sync-crash.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SYNC.md §5 criterion 2 (Crash safety): the real command, killed with SIGKILL at every named
 * moment of an edit, an export and an ingest (src/core/ed-crash-point.c: each transaction's
 * begin and commit, a bundle's temporary file, its rename, its check, a bundle checked and
 * applied), as a power cut or `kill -9` would. After each kill the district is whole, the
 * edit is there or not (never half), every file under a final name on the share is a whole
 * bundle, and once the desks sync again every desk holds every saved change: the two desks
 * reach one state.
 *
 * Each kill starts from copies of the same two desks, share and keys. The moments are found
 * by an uninterrupted run with ED_CRASH_TRACE; the run is repeated with ED_CRASH_AT=N for
 * each. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "sync/ed-bundle.h"
#include "ed-test-cli.h"
#include "ed-test-dir.h"

#define ELECTORS 300

/* The points that mark a step; "sqlite" and "progress" come many to a step. */
static gboolean
is_named_point (const char *name)
{
  return !g_str_equal (name, "sqlite") && !g_str_equal (name, "progress") &&
         !g_str_equal (name, "output-write");
}

typedef struct
{
  char *root;       /* the test's folder */
  char *live;       /* where each run works: desks, share and keys */
  char *pristine;   /* what each run starts from */
  char *passphrase;
} World;

static char *
live_path (World      *world,
           const char *name)
{
  return g_build_filename (world->live, name, NULL);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents_full (target, contents, (gssize)length,
                                                   G_FILE_SET_CONTENTS_NONE, 0600, NULL));
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
world_reset (World *world)
{
  remove_tree (world->live);
  copy_tree (world->pristine, world->live);
  g_setenv ("XDG_CONFIG_HOME", world->live, TRUE);
}

static void
cli_ok (World      *world,
        const char *desk,
        ...)
{
  g_autofree char *db = live_path (world, desk);
  g_auto(EdTestCliResult) run = { 0 };
  va_list args;
  const char *first;

  va_start (args, desk);
  first = va_arg (args, const char *);
  ed_test_cli_runv (&run, db, first, args);
  va_end (args);
  if (run.status != 0)
    g_error ("%s %s failed (%d): %s", desk, first, run.status, run.err);
}

static char *
state_hash (World      *world,
            const char *desk)
{
  g_autofree char *db = live_path (world, desk);
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(JsonNode) root = NULL;

  ed_test_cli_run_on (&run, db, "info", "--json", NULL);
  if (run.status != 0)
    g_error ("%s does not open after the kill: %s", desk, run.err);
  root = json_from_string (run.out, NULL);
  g_assert_nonnull (root);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "state_hash"));
}

static void
assert_integrity (World      *world,
                  const char *desk)
{
  g_autofree char *db = live_path (world, desk);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

/* Every file under a final bundle name on the share is a whole bundle: a kill may leave a
 * hidden temporary, never half a file under the name readers open. */
static void
assert_share_whole (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_share_whole (path);
      else if (g_str_has_suffix (name, ".esb") && name[0] != '.')
        {
          g_autofree char *contents = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(EdBundleHeader) header = NULL;
          g_autoptr(GError) error = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          header = ed_bundle_read_header (bytes, &error);
          if (header == NULL)
            g_error ("%s is under a final name but is not whole: %s", name, error->message);
        }
    }
}

/* Runs @argv on @desk with ED_CRASH_TRACE, killed at point @crash_at unless it is 0. */
static int
spawn (World       *world,
       const char  *desk,
       const char  *const *args,
       guint        crash_at,
       GPtrArray  **out_points)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *db = live_path (world, desk);
  g_autofree char *at = g_strdup_printf ("%u", crash_at);
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status;

  envp = g_environ_setenv (envp, "ED_CRASH_TRACE", "1", TRUE);
  envp = crash_at > 0 ? g_environ_setenv (envp, "ED_CRASH_AT", at, TRUE)
                      : g_environ_unsetenv (envp, "ED_CRASH_AT");
  g_ptr_array_add (argv, (char *)ED_CLI_PATH);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &wait_status, &error);
  g_assert_no_error (error);

  *out_points = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "ed-crash-point "))
        continue;
      words = g_strsplit (lines[i], " ", 3);
      g_ptr_array_add (*out_points, g_strdup (words[2]));
    }
  if (crash_at == 0 && (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0))
    g_error ("%s failed without a kill: %s", desk, err);
  return wait_status;
}

/* Kills @args on @desk at each of its named points, then brings both desks together again
 * and checks that they meet. Returns how many kills there were. */
static guint
kill_at_every_named_point (World              *world,
                           const char         *desk,
                           const char  *const *args)
{
  g_autoptr(GPtrArray) points = NULL;
  guint killed = 0;

  world_reset (world);
  spawn (world, desk, args, 0, &points);
  g_assert_cmpuint (points->len, >, 0);

  for (guint n = 1; n <= points->len; n++)
    {
      const char *name = g_ptr_array_index (points, n - 1);
      g_autoptr(GPtrArray) passed = NULL;
      g_autofree char *share = NULL;
      g_autofree char *hash_a = NULL;
      g_autofree char *hash_b = NULL;
      int wait_status;

      if (!is_named_point (name))
        continue;
      world_reset (world);
      wait_status = spawn (world, desk, args, n, &passed);
      if (!WIFSIGNALED (wait_status) || WTERMSIG (wait_status) != SIGKILL)
        g_error ("%s %s was to be killed at point %u (%s) but was not", desk, args[0], n,
                 name);
      g_assert_cmpuint (passed->len, ==, n);
      killed++;

      assert_integrity (world, "a.db");
      assert_integrity (world, "b.db");
      share = live_path (world, "share");
      assert_share_whole (share);

      /* Every desk comes to hold every saved change. */
      cli_ok (world, "a.db", "sync", "now", NULL);
      cli_ok (world, "b.db", "sync", "now", NULL);
      cli_ok (world, "a.db", "sync", "now", NULL);
      hash_a = state_hash (world, "a.db");
      hash_b = state_hash (world, "b.db");
      if (g_strcmp0 (hash_a, hash_b) != 0)
        g_error ("%s %s killed at point %u (%s): the desks do not meet after syncing",
                 desk, args[0], n, name);
      g_test_message ("%s %s killed at point %u of %u (%s): the desks meet", desk, args[0], n,
                      points->len, name);
    }
  return killed;
}

/* Two desks of one district in a team on a shared folder, in step, as each kill starts. */
static void
world_build (World     *world,
             EdTestDir *fixture)
{
  g_autofree char *share = NULL;

  world->root = g_strdup (fixture->dir);
  world->live = ed_test_dir_file (fixture, "live");
  world->pristine = ed_test_dir_file (fixture, "pristine");
  world->passphrase = ed_test_dir_file (fixture, "passphrase");
  g_assert_true (g_file_set_contents (world->passphrase, "kill nine\n", -1, NULL));
  g_assert_cmpint (g_mkdir (world->live, 0700), ==, 0);
  g_setenv ("XDG_CONFIG_HOME", world->live, TRUE);
  share = live_path (world, "share");
  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);

  cli_ok (world, "a.db", "demo", "--electors", G_STRINGIFY (ELECTORS), NULL);
  cli_ok (world, "a.db", "sync", "setup", "--folder", share, "--passphrase-file",
          world->passphrase, NULL);
  cli_ok (world, "b.db", "sync", "join", "--folder", share, "--passphrase-file",
          world->passphrase, NULL);
  cli_ok (world, "a.db", "sync", "now", NULL);
  cli_ok (world, "b.db", "sync", "now", NULL);
}

/* The world, with an edit on each desk not yet synced, as the pristine copy. */
static void
world_freeze (World *world)
{
  remove_tree (world->pristine);
  copy_tree (world->live, world->pristine);
}

static void
world_clear (World *world)
{
  g_free (world->root);
  g_free (world->live);
  g_free (world->pristine);
  g_free (world->passphrase);
}

static void
test_kill_sync (EdTestDir     *fixture,
                gconstpointer  data)
{
  World world = { 0 };
  static const char *const amend[] = {
    "register", "amend", "AA2", "--surname", "Killingworth", NULL,
  };
  static const char *const sync_now[] = { "sync", "now", NULL };
  guint killed = 0;

  world_build (&world, fixture);
  /* Each desk has a change the other has not seen. */
  cli_ok (&world, "a.db", "register", "amend", "AA1", "--surname", "Ambleside", NULL);
  cli_ok (&world, "b.db", "register", "amend", "AA3", "--surname", "Barnstaple", NULL);
  world_freeze (&world);

  /* An edit killed: there or not, and synced either way. */
  killed += kill_at_every_named_point (&world, "a.db", amend);
  /* A's export and ingest killed: its change and B's reach both desks. */
  killed += kill_at_every_named_point (&world, "a.db", sync_now);
  /* B's, once A's bundle waits on the share. */
  world_reset (&world);
  cli_ok (&world, "a.db", "sync", "now", NULL);
  world_freeze (&world);
  killed += kill_at_every_named_point (&world, "b.db", sync_now);

  g_test_message ("killed at %u named points", killed);
  g_assert_cmpuint (killed, >=, 20);
  world_clear (&world);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/sync/crash/killed-at-every-named-point", test_kill_sync);

  return g_test_run ();
}
