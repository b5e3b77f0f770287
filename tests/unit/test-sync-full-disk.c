/* test-sync-full-disk.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync when a disk fills up: the share, so that a bundle cannot be written whole, or this
 * desk's own disk, so that an ingest cannot commit. Nothing is lost or half-done either way:
 * the desk's state is as it was, the message says what is full, and the next sync after
 * space is freed does everything.
 *
 * A full disk is made with the file size limit (ed-test-full-disk.h), which makes any write
 * past a given offset fail as a full disk does, in this process only and without mounting
 * anything. */

#include "config.h"

#include <glib/gstdio.h>

#include "changes/ed-conflicts.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-tables.h"
#include "ed-test-full-disk.h"
#include "ed-test-sync-team.h"

#define N_ELECTORS 200
/* Larger than any small write a sync makes to its own records, smaller than the bundle of a
 * few hundred edits or the write-ahead log of their ingest. */
#define FULL_AT_BYTES (48 * 1024)

/* The write-ahead log is emptied, so that what a sync writes next starts at its offset 0. */
static void
checkpoint (EdContext *context)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_database_exec (ed_context_get_database (context),
                                   "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
}

/* Many edits at desk @context, one save each: a bundle far larger than FULL_AT_BYTES. */
static void
amend_many (EdContext  *context,
            const char *surname)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY id",
                                                      &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%04u", surname, i);

      ed_test_sync_set_text (context, g_ptr_array_index (ids, i), "surname", name);
    }
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The share fills up while a desk writes its bundle: the export fails saying the shared
 * folder is full, nothing counts as exported and no bundle appears under a final name; once
 * there is room, the next sync writes it and the other desk gets every edit. */
static void
test_share_full (EdTestDir     *fixture,
                 gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *own = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  EdSyncReport report = { 0 };
  gint64 exported_before;
  guint files_before;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  amend_many (team.a, "Fuller");
  exported_before = ed_sync_state_get_int (ed_context_get_database (team.a), "exported-seq", 0);
  folder = ed_share_device_folder (ed_context_get_device_id (team.a));
  own = g_build_filename (team.share, folder, NULL);
  files_before = count_files (own);
  checkpoint (team.a);

  sync = ed_sync_new (team.a, team.transport, &error);
  g_assert_no_error (error);
  ed_test_full_disk_begin (FULL_AT_BYTES);
  g_assert_false (ed_sync_export (sync, &report, NULL, &error));
  ed_test_full_disk_end ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  g_assert_cmpint (ed_sync_state_get_int (ed_context_get_database (team.a), "exported-seq", 0),
                   ==, exported_before);
  /* The half-written temporary is not left behind for others to list. */
  g_assert_cmpuint (count_files (own), ==, files_before);

  ed_test_sync_run (team.a, team.transport);
  report = ed_test_sync_run (team.b, team.transport);
  g_assert_cmpuint (report.n_applied, ==, N_ELECTORS);
  hash_a = ed_test_sync_state_hash (team.a);
  hash_b = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_sync_team_clear (&team);
}

/* This desk's own disk fills up while it ingests: the transaction is rolled back whole, the
 * desk's state and op log are as they were, the file is not recorded as applied, and the next
 * ingest after space is freed applies it. */
static void
test_own_disk_full (EdTestDir     *fixture,
                    gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_failure = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  EdSyncReport report = { 0 };
  gint64 ops_before;
  gboolean ok;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  amend_many (team.a, "Overflow");
  ed_test_sync_run (team.a, team.transport);

  before = ed_test_sync_state_hash (team.b);
  ops_before = ed_test_sync_count_ops (team.b);
  checkpoint (team.b);
  sync = ed_sync_new (team.b, team.transport, &error);
  g_assert_no_error (error);
  ed_test_full_disk_begin (FULL_AT_BYTES);
  ok = ed_sync_ingest (sync, &report, NULL, &error);
  ed_test_full_disk_end ();
  g_test_message ("ingest on a full disk: %s", ok ? "file left to retry" : error->message);
  /* Either the whole run fails, saying why, or the file is left to be tried again: never
   * half of it. (Why, not a by-product of the rollback: this once said "no such savepoint".) */
  if (ok)
    g_assert_cmpuint (report.n_applied, ==, 0);
  else
    {
      g_autofree char *message = g_ascii_strdown (error->message, -1);

      g_assert_true (g_error_matches (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FULL) ||
                     g_error_matches (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED));
      g_assert_nonnull (strstr (message, "nothing was saved"));
    }
  g_clear_error (&error);

  after_failure = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (after_failure, ==, before);
  g_assert_cmpint (ed_test_sync_count_ops (team.b), ==, ops_before);

  memset (&report, 0, sizeof report);
  g_assert_true (ed_sync_ingest (sync, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, N_ELECTORS);
  hash_a = ed_test_sync_state_hash (team.a);
  hash_b = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_sync_team_clear (&team);
}

int
main (int    argc,
      char **argv)
{
  /* The desks' keys in a folder of the tests' own, not the user's (as test-sync.c). */
  g_autofree char *keys = g_dir_make_tmp ("electoral-desk-sync-keys-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);

  ED_TEST_ADD ("/sync/full-disk/share", test_share_full);
  ED_TEST_ADD ("/sync/full-disk/own-disk-during-ingest", test_own_disk_full);
  return g_test_run ();
}
