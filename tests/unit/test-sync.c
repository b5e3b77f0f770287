/* test-sync.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Desks of one district syncing through a shared folder (SYNC.md §4.5–4.8), each its own
 * database file, with the engine's own functions: a team made and joined, bundles exported and
 * ingested, and the acceptance criteria of SYNC.md §5 that the engine answers for on its own
 * (conflicts, idempotence, corruption, noise, protection at rest, the version gate, another
 * district, a forged desk, an export interrupted). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-merge.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "sync/ed-bundle.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-register.h"
#include "ed-test-sync-team.h"

#define PASSPHRASE ED_TEST_SYNC_PASSPHRASE
#define N_ELECTORS 200

/* SYNC.md §5 criterion 1 in brief: a new desk joins with the passphrase and reaches its
 * peer's state hash from the bundles alone. */
static void
test_join_and_converge (EdTestDir     *fixture,
                        gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autofree char *district_a = NULL;
  g_autofree char *district_b = NULL;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  district_a = ed_merge_get_district_id (ED_REPLICA (team.a), NULL);
  district_b = ed_merge_get_district_id (ED_REPLICA (team.b), NULL);
  g_assert_cmpstr (district_a, ==, district_b);
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §5 criterion 7 (Conflicts): two desks edit one field with different values; after
 * sync both show exactly one conflict with both values; equal values and different fields
 * merge silently; resolving on one desk clears it on both. */
static void
test_conflict_both_desks (EdTestDir     *fixture,
                          gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *elector = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  EdConflict *conflict;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  elector = ed_test_sync_first_elector (team.a);

  ed_test_sync_set_text (team.a, elector, "surname", "Alpha");
  ed_test_sync_set_text (team.b, elector, "surname", "Beta");
  ed_test_sync_set_text (team.a, elector, "forenames", "Same");
  ed_test_sync_set_text (team.b, elector, "forenames", "Same");
  ed_test_sync_set_text (team.a, elector, "title", "Dr");
  ed_test_sync_set_text (team.b, elector, "proxy_name", "Other Field");
  ed_test_sync_run (team.a, team.transport);
  ed_test_sync_run (team.b, team.transport);
  ed_test_sync_run (team.a, team.transport);

  g_assert_cmpuint (ed_test_sync_n_conflicts (team.a), ==, 1);
  g_assert_cmpuint (ed_test_sync_n_conflicts (team.b), ==, 1);
  conflicts = ed_conflicts_list (ED_REPLICA (team.b), &error);
  g_assert_no_error (error);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->col, ==, "surname");
  g_assert_cmpuint (conflict->heads->len, ==, 2);

  /* Resolved on B by a new value naming both heads: clear on both once synced. */
  ed_test_sync_set_text (team.b, elector, "surname", "Gamma");
  ed_test_sync_run (team.b, team.transport);
  ed_test_sync_run (team.a, team.transport);
  g_assert_cmpuint (ed_test_sync_n_conflicts (team.a), ==, 0);
  g_assert_cmpuint (ed_test_sync_n_conflicts (team.b), ==, 0);
  hash_a = ed_test_sync_state_hash (team.a);
  hash_b = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §5 criterion 3 (Idempotence): ingesting the whole share again, with the ledger
 * forgotten, leaves the state hash as it was and adds no op. */
static void
test_ingest_twice (EdTestDir     *fixture,
                   gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EdSync) sync = NULL;
  EdSyncReport report = { 0 };
  gint64 n_ops;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  before = ed_test_sync_state_hash (team.b);
  n_ops = ed_test_sync_count_ops (team.b);
  g_assert_true (ed_database_exec (ed_context_get_database (team.b), "DELETE FROM sync_bundle",
                                   &error));
  sync = ed_sync_new (team.b, team.transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_ingest (sync, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 0);
  g_assert_cmpuint (report.n_duplicate_files, >=, 1);
  after = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (ed_test_sync_count_ops (team.b), ==, n_ops);
  ed_test_sync_team_clear (&team);
}

/* Every file under @folder, recursively, as paths relative to it. */
static void
list_files (const char *root,
            const char *folder,
            GPtrArray  *out)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (root, path, out);
      else
        g_ptr_array_add (out, g_strdup (path + strlen (root) + 1));
    }
}

static gboolean
bytes_contain (const char *data,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* SYNC.md §5 criterion 9 (Protection at rest): no file on the share holds any elector's
 * name or any postcode of the district, in any form a grep would find. */
static void
test_nothing_readable_on_share (EdTestDir     *fixture,
                                gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) canaries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  stmt = ed_database_prepare (ed_context_get_database (team.a),
                              "SELECT surname FROM elector WHERE length (surname) >= 5 "
                              "UNION SELECT postcode FROM property WHERE postcode != ''",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (canaries, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_assert_cmpuint (canaries->len, >, 50);

  list_files (team.share, team.share, files);
  g_assert_cmpuint (files->len, >=, 5);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (team.share, g_ptr_array_index (files, i), NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (guint j = 0; j < canaries->len; j++)
        if (bytes_contain (contents, length, g_ptr_array_index (canaries, j)))
          g_error ("%s holds “%s” in plain text", (char *)g_ptr_array_index (files, i),
                   (char *)g_ptr_array_index (canaries, j));
    }
  ed_test_sync_team_clear (&team);
}

static char *
first_bundle_path (EdTestSyncTeam *team,
                   EdContext      *desk)
{
  g_autofree char *folder = ed_share_device_folder (ed_context_get_device_id (desk));
  g_autofree char *full = g_build_filename (team->share, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (full, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".esb"))
      return g_build_filename (full, name, NULL);
  g_assert_not_reached ();
}

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize)length, &error));
  g_assert_no_error (error);
}

/* SYNC.md §5 criterion 5 (Noise): desktop.ini, Thumbs.db, .DS_Store, temporary files, and
 * copies of a bundle under the names sync clients give them; the new desk syncs fully, the
 * copies counted as duplicates and nothing as an error. */
static void
test_noisy_share (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) c = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_c = NULL;
  g_autofree char *folder = NULL;
  static const char *const copies[] = {
    "%s (conflicted copy 2026-12-01).esb",
    "%s-DESKTOP-7.esb",
    "%s.sync-conflict-20261201-120000-ABCDEFG.esb",
  };
  static const char *const noise[] = {
    "desktop.ini", "Thumbs.db", ".DS_Store", ".~b-000000000001-000000000009.esb.1a2b3c4d.partial",
  };
  EdSyncReport report;
  gsize length;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  ed_test_sync_run (a, transport);

  bundle = first_bundle_path (&(EdTestSyncTeam){ NULL, NULL, share, NULL }, a);
  g_assert_true (g_file_get_contents (bundle, &contents, &length, NULL));
  folder = g_path_get_dirname (bundle);
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *stem = g_strndup (bundle, strlen (bundle) - strlen (".esb"));
      g_autofree char *copy = g_strdup_printf (copies[i], stem);

      write_file (copy, contents, length);
    }
  for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
    {
      g_autofree char *in_folder = g_build_filename (folder, noise[i], NULL);
      g_autofree char *at_root = g_build_filename (share, ED_SHARE_ROOT, noise[i], NULL);

      write_file (in_folder, "noise", 5);
      write_file (at_root, "noise", 5);
    }
  /* An empty folder a sync client made for a desk that never wrote. */
  {
    g_autofree char *empty = g_build_filename (share, ED_SHARE_DEVICES, "not-a-desk", NULL);

    g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  }

  c = ed_test_sync_open_new_desk (fixture, "c.db");
  g_assert_true (ed_sync_join (c, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  report = ed_test_sync_run (c, transport);
  g_assert_cmpuint (report.n_duplicate_files, ==, G_N_ELEMENTS (copies));
  g_assert_cmpuint (report.n_incomplete + report.n_corrupt + report.n_refused, ==, 0);
  hash_a = ed_test_sync_state_hash (a);
  hash_c = ed_test_sync_state_hash (c);
  g_assert_cmpstr (hash_a, ==, hash_c);
}

/* SYNC.md §5 criterion 4 (Corruption), as the engine meets it: a bundle cut short is not
 * applied and changes nothing, is recorded as incomplete, and is applied when the whole file
 * arrives. (Every byte and bit of a bundle: test-bundle.c.) */
static void
test_cut_bundle_then_whole (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) c = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *empty_hash = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_c = NULL;
  EdSyncReport report = { 0 };
  gsize length;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  ed_test_sync_run (a, transport);
  bundle = first_bundle_path (&(EdTestSyncTeam){ NULL, NULL, share, NULL }, a);
  g_assert_true (g_file_get_contents (bundle, &contents, &length, NULL));
  write_file (bundle, contents, length / 2);

  c = ed_test_sync_open_new_desk (fixture, "c.db");
  g_assert_true (ed_sync_join (c, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  empty_hash = ed_test_sync_state_hash (c);
  sync = ed_sync_new (c, transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_ingest (sync, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 0);
  g_assert_cmpuint (report.n_incomplete, >=, 1);
  hash_c = ed_test_sync_state_hash (c);
  g_assert_cmpstr (hash_c, ==, empty_hash);
  g_clear_pointer (&hash_c, g_free);

  /* The whole file arrives (a later mtime and size): read again and applied at once. */
  write_file (bundle, contents, length);
  memset (&report, 0, sizeof report);
  g_assert_true (ed_sync_ingest (sync, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_incomplete, ==, 0);
  hash_a = ed_test_sync_state_hash (a);
  hash_c = ed_test_sync_state_hash (c);
  g_assert_cmpstr (hash_a, ==, hash_c);
}

/* A wrong passphrase writes nothing to the share and leaves the desk out of sync. */
static void
test_wrong_passphrase (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *roster = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) c = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  before = ed_transport_list (transport, ED_SHARE_ROSTER, NULL, &error);
  g_assert_no_error (error);

  c = ed_test_sync_open_new_desk (fixture, "c.db");
  g_assert_false (ed_sync_join (c, transport, "wrong horse", NULL, &error));
  g_assert_error (error, ED_SYNC_CRYPTO_ERROR, ED_SYNC_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (ed_sync_is_set_up (c));
  after = ed_transport_list (transport, ED_SHARE_ROSTER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* SYNC.md §5 criterion 13 (Version gate): a share set up by a newer version is neither
 * joined nor written to, with a message that says to update. */
static void
test_newer_share_refused (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *team_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) c = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autoptr(GRegex) format = NULL;
  EdSyncReport report;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);

  team_path = g_build_filename (share, ED_SHARE_TEAM_FILE, NULL);
  g_assert_true (g_file_get_contents (team_path, &contents, NULL, NULL));
  format = g_regex_new ("\"format\"\\s*:\\s*1", 0, 0, NULL);
  newer = g_regex_replace_literal (format, contents, -1, 0, "\"format\" : 2", 0, NULL);
  g_assert_cmpstr (newer, !=, contents);
  write_file (team_path, newer, strlen (newer));

  c = ed_test_sync_open_new_desk (fixture, "c.db");
  g_assert_false (ed_sync_join (c, transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);

  sync = ed_sync_new (a, transport, &error);
  g_assert_no_error (error);
  g_assert_false (ed_sync_run (sync, &report, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NEWER_FORMAT);
}

/* A desk of another district cannot join the team, whatever the passphrase. */
static void
test_other_district_refused (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) other = NULL;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  other = ed_test_demo_open_as (fixture, "other.db", 20);
  g_assert_false (ed_sync_join (other, transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_OTHER_DISTRICT);
}

/* A second team on a share that has one is refused: join it instead. */
static void
test_second_team_refused (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) other = NULL;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  other = ed_test_demo_open_as (fixture, "other.db", 20);
  g_assert_false (ed_sync_create_team (other, transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_TEAM_EXISTS);
}

static gint64
clock_at (gpointer user_data)
{
  return *(gint64 *)user_data;
}

/* The roster is read again at every sync, and a file read before is not parsed again while
 * its bytes are the same. A member's entry replaced in place by one whose signature does not
 * check must be noticed: the desk's bundle is not applied until the true entry is back. */
static void
test_roster_entry_replaced_in_place (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync_a = NULL;
  g_autoptr(EdSync) sync_b = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *elector = NULL;
  g_autofree char *entry_path = NULL;
  g_autofree char *true_entry = NULL;
  g_autofree char *forged_entry = NULL;
  g_autofree char *surname = NULL;
  const char *device_b;
  EdSyncReport report = { 0 };
  gsize length = 0;
  gint64 now_ms = g_get_real_time () / 1000;
  char *signature;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  device_b = ed_context_get_device_id (team.b);
  sync_a = ed_sync_new (team.a, team.transport, &error);
  g_assert_no_error (error);
  ed_sync_set_clock (sync_a, clock_at, &now_ms);
  sync_b = ed_sync_new (team.b, team.transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_ingest (sync_a, &report, NULL, &error));
  g_assert_no_error (error);

  /* Desk b edits and writes its bundle while still a member. */
  elector = ed_test_sync_first_elector (team.a);
  ed_test_sync_set_text (team.b, elector, "surname", "Replaced");
  g_assert_true (ed_sync_export (sync_b, &report, NULL, &error));
  g_assert_no_error (error);

  /* Desk b's own entry: the one that names it and is signed by it. */
  files = ed_transport_list (team.transport, ED_SHARE_ROSTER, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len && entry_path == NULL; i++)
    {
      EdShareEntry *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (team.share, ED_SHARE_ROSTER, file->name, NULL);
      g_autofree char *text = NULL;

      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(EdRosterEntry) entry = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      bytes = g_bytes_new (text, length);
      entry = ed_roster_entry_parse (bytes, path, NULL);
      if (entry != NULL && entry->kind == ED_ROSTER_JOIN && g_str_equal (entry->device, device_b))
        {
          entry_path = g_steal_pointer (&path);
          true_entry = g_steal_pointer (&text);
        }
    }
  g_assert_nonnull (entry_path);

  /* The same entry, its signature's first character changed. */
  forged_entry = g_strdup (true_entry);
  signature = strstr (forged_entry, "\"signature\"");
  g_assert_nonnull (signature);
  signature = strchr (signature + strlen ("\"signature\""), '"');
  g_assert_nonnull (signature);
  signature[1] = signature[1] == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents (entry_path, forged_entry, -1, &error));

  report = (EdSyncReport) { 0 };
  g_assert_true (ed_sync_ingest (sync_a, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 0);
  g_assert_cmpuint (report.n_incomplete + report.n_refused, ==, 1);
  surname = ed_test_register_get (team.a, "SELECT surname FROM elector WHERE id = ?1", elector);
  g_assert_cmpstr (surname, !=, "Replaced");

  /* The true entry back: the same bundle is applied when it is next tried. */
  g_assert_true (g_file_set_contents (entry_path, true_entry, -1, &error));
  now_ms += 24 * 60 * 60 * 1000;
  report = (EdSyncReport) { 0 };
  g_assert_true (ed_sync_ingest (sync_a, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, >=, 1);
  g_clear_pointer (&surname, g_free);
  surname = ed_test_register_get (team.a, "SELECT surname FROM elector WHERE id = ?1", elector);
  g_assert_cmpstr (surname, ==, "Replaced");
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §5 criterion 9, second half: a bundle signed by a desk that is not in the team (its
 * own keys, the team key stolen) is never applied. */
static void
test_forged_desk_refused (EdTestDir     *fixture,
                          gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDeskKeys) forger = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(EdBundleHeader) header = g_new0 (EdBundleHeader, 1);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *district = NULL;
  EdSyncReport report = { 0 };
  gsize length;
  EdOp *op;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  hash_before = ed_test_sync_state_hash (team.b);
  keys = ed_team_keys_load (ed_context_get_device_id (team.a), &error);
  g_assert_no_error (error);

  /* An op that claims to be from a desk of its own making. */
  ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  op = ed_op_new ();
  op->device = g_strdup ("0f0f0f0f-0000-4000-8000-00000000f00d");
  op->seq = 1;
  op->hlc = 1;
  op->tbl = g_strdup ("elector");
  op->pk = ed_test_sync_first_elector (team.a);
  op->col = g_strdup ("surname");
  op->kind = ED_OP_SET;
  op->val = g_strdup ("\"Forged\"");
  op->pred = g_new0 (char *, 1);
  op->seen = g_new0 (char *, 1);
  op->user = g_strdup ("Mallory");
  g_ptr_array_add (ops, op);
  district = ed_merge_get_district_id (ED_REPLICA (team.a), NULL);
  text = ed_ops_to_data (ops, district, &length);
  body = g_bytes_new (text, length);

  forger = ed_desk_keys_generate ();
  header->format = ED_BUNDLE_FORMAT;
  header->kind = ED_BUNDLE_KIND_OPS;
  header->team = ed_sync_state_get (ed_context_get_database (team.a), "team", NULL);
  header->district = g_strdup (district);
  header->epoch = 1;
  header->device = g_strdup (op->device);
  header->incarnation = g_strdup ("forged");
  header->seq_from = header->seq_to = 1;
  header->n_ops = 1;
  file = ed_bundle_seal (header, body, g_hash_table_lookup (keys, GUINT_TO_POINTER (1)), forger,
                         &error);
  g_assert_no_error (error);
  path = ed_share_bundle_path (op->device, 1, 1);
  folder = g_path_get_dirname (path);
  g_assert_true (ed_transport_make_folder (team.transport, folder, NULL, &error));
  g_assert_true (ed_transport_write_new (team.transport, path, file, NULL, &error));
  g_assert_no_error (error);

  sync = ed_sync_new (team.b, team.transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_ingest (sync, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 0);
  g_assert_cmpuint (report.n_incomplete + report.n_refused + report.n_corrupt, ==, 1);
  hash_after = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_before, ==, hash_after);
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §4.5 step 5: an export that wrote its bundle but stopped before counting it finds
 * it next time, checks it, and writes no second bundle of the same ops. */
static void
test_export_interrupted (EdTestDir     *fixture,
                         gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *elector = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  EdSyncReport report;
  gint64 exported;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  elector = ed_test_sync_first_elector (team.a);
  ed_test_sync_set_text (team.a, elector, "surname", "Counted");
  exported = ed_sync_state_get_int (ed_context_get_database (team.a), "exported-seq", 0);
  report = ed_test_sync_run (team.a, team.transport);
  g_assert_cmpuint (report.n_exported, ==, 1);

  /* As if it had stopped before counting: the bundle is on the share, the seq not moved. */
  g_assert_true (ed_sync_state_set_int (ed_context_get_database (team.a), "exported-seq",
                                        exported, &error));
  folder = ed_share_device_folder (ed_context_get_device_id (team.a));
  before = ed_transport_list (team.transport, folder, NULL, &error);
  report = ed_test_sync_run (team.a, team.transport);
  g_assert_cmpuint (report.n_bundles_written, ==, 0);
  after = ed_transport_list (team.transport, folder, NULL, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (ed_sync_state_get_int (ed_context_get_database (team.a), "exported-seq", 0),
                   >, exported);
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §4.8b: a desk asks to join without the passphrase; it can sync nothing until a
 * member approves it (the keys whose fingerprint was compared, no others), and then reaches
 * its peer's state. A desk that only asked cannot approve another. */
static void
test_request_and_approve (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) d = NULL;
  g_autoptr(EdContext) e = NULL;
  g_autoptr(EdSync) sync_a = NULL;
  g_autoptr(EdSync) sync_d = NULL;
  g_autoptr(EdSync) sync_e = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_d = NULL;
  g_autoptr(EdTeamDesk) shown = NULL;
  g_autoptr(EdTeamDesk) other = NULL;
  EdSyncReport report;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_assert_true (ed_sync_create_team (a, transport, NULL, NULL, &error));
  g_assert_no_error (error);
  ed_test_sync_run (a, transport);

  /* No passphrase on this share: joining by one is refused. */
  d = ed_test_sync_open_new_desk (fixture, "d.db");
  g_assert_false (ed_sync_join (d, transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER);
  g_clear_error (&error);

  g_assert_true (ed_sync_request_join (d, transport, NULL, &error));
  g_assert_no_error (error);
  sync_d = ed_sync_new (d, transport, &error);
  g_assert_no_error (error);
  g_assert_false (ed_sync_run (sync_d, &report, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL);
  g_clear_error (&error);

  /* Another desk that only asked cannot let it in. */
  e = ed_test_sync_open_new_desk (fixture, "e.db");
  g_assert_true (ed_sync_request_join (e, transport, NULL, &error));
  g_assert_no_error (error);
  sync_e = ed_sync_new (e, transport, &error);
  g_assert_no_error (error);
  g_assert_false (ed_sync_approve (sync_e, ed_context_get_device_id (d), NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL);
  g_clear_error (&error);

  /* Approved only with the keys whose fingerprint the person compared: another key (here
   * e's, as a second request under d's id would bring) is refused and approves nothing. */
  sync_a = ed_sync_new (a, transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_refresh_team (sync_a, NULL, &error));
  g_assert_no_error (error);
  shown = ed_sync_lookup_desk (a, ed_context_get_device_id (d), &error);
  g_assert_no_error (error);
  other = ed_sync_lookup_desk (a, ed_context_get_device_id (e), &error);
  g_assert_no_error (error);
  g_assert_false (ed_sync_approve_shown (sync_a, ed_context_get_device_id (d),
                                         other->sign_public, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER);
  g_clear_error (&error);
  g_assert_false (ed_sync_run (sync_d, &report, NULL, &error));
  g_clear_error (&error);
  g_assert_true (ed_sync_approve_shown (sync_a, ed_context_get_device_id (d),
                                        shown->sign_public, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run (sync_d, &report, NULL, &error));
  g_assert_no_error (error);
  hash_a = ed_test_sync_state_hash (a);
  hash_d = ed_test_sync_state_hash (d);
  g_assert_cmpstr (hash_a, ==, hash_d);
}

/* What the window reads between runs: this desk's newest op, which only its own edits move;
 * whether it has edits not on the share; a desk of the roster as last read, with the keys
 * whose fingerprint the desk itself shows. */
static void
test_desk_info (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) d = NULL;
  g_autoptr(EdTeamDesk) desk = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *listed = NULL;
  EdTestSyncTeam team = { 0 };
  gint64 seq_a;

  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  seq_a = ed_sync_get_own_seq (team.a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seq_a, >, 0);
  g_assert_false (ed_sync_has_unexported (team.a, &error));
  g_assert_no_error (error);
  /* Desk B took A's ops, none of its own. */
  g_assert_cmpint (ed_sync_get_own_seq (team.b, &error), ==, 0);
  g_assert_no_error (error);

  id = ed_test_sync_first_elector (team.a);
  ed_test_sync_set_text (team.a, id, "surname", "Quillfeather");
  g_assert_cmpint (ed_sync_get_own_seq (team.a, &error), >, seq_a);
  g_assert_true (ed_sync_has_unexported (team.a, &error));
  ed_test_sync_run (team.a, team.transport);
  g_assert_false (ed_sync_has_unexported (team.a, &error));
  ed_test_sync_run (team.b, team.transport);
  g_assert_cmpint (ed_sync_get_own_seq (team.b, &error), ==, 0);

  /* A desk that asks to join, as A lists it after reading the roster. */
  d = ed_test_sync_open_new_desk (fixture, "d.db");
  g_assert_true (ed_sync_request_join (d, team.transport, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ed_sync_lookup_desk (team.a, ed_context_get_device_id (d), &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER);
  g_clear_error (&error);
  ed_test_sync_run (team.a, team.transport);
  desk = ed_sync_lookup_desk (team.a, ed_context_get_device_id (d), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk->state, ==, ED_DESK_REQUESTED);
  g_assert_cmpstr (desk->device, ==, ed_context_get_device_id (d));
  g_assert_cmpstr (desk->user, ==, ed_context_get_user_name (d));
  g_assert_cmpstr (desk->host, ==, g_get_host_name ());
  shown = ed_sync_get_own_fingerprint (d, &error);
  g_assert_no_error (error);
  listed = ed_sync_fingerprint (desk->sign_public);
  g_assert_cmpstr (shown, ==, listed);
  g_clear_pointer (&desk, ed_team_desk_free);
  desk = ed_sync_lookup_desk (team.a, ed_context_get_device_id (team.b), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk->state, ==, ED_DESK_MEMBER);

  ed_test_sync_team_clear (&team);
}

int
main (int    argc,
      char **argv)
{
  /* The desks' keys in a folder of the tests' own, not the user's: every desk has its own
   * device id, so its own files there. (Not G_TEST_OPTION_ISOLATE_DIRS, whose folders GLib
   * 2.74 never frees.) */
  g_autofree char *keys = g_dir_make_tmp ("electoral-desk-sync-keys-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);

  ED_TEST_ADD ("/sync/join-and-converge", test_join_and_converge);
  ED_TEST_ADD ("/sync/criterion-7/conflict-on-both-desks", test_conflict_both_desks);
  ED_TEST_ADD ("/sync/criterion-3/ingest-twice", test_ingest_twice);
  ED_TEST_ADD ("/sync/criterion-9/nothing-readable-on-share", test_nothing_readable_on_share);
  ED_TEST_ADD ("/sync/criterion-9/forged-desk-refused", test_forged_desk_refused);
  ED_TEST_ADD ("/sync/criterion-9/roster-entry-replaced-in-place",
               test_roster_entry_replaced_in_place);
  ED_TEST_ADD ("/sync/criterion-5/noisy-share", test_noisy_share);
  ED_TEST_ADD ("/sync/criterion-4/cut-bundle-then-whole", test_cut_bundle_then_whole);
  ED_TEST_ADD ("/sync/criterion-13/newer-share-refused", test_newer_share_refused);
  ED_TEST_ADD ("/sync/wrong-passphrase", test_wrong_passphrase);
  ED_TEST_ADD ("/sync/other-district-refused", test_other_district_refused);
  ED_TEST_ADD ("/sync/second-team-refused", test_second_team_refused);
  ED_TEST_ADD ("/sync/export-interrupted", test_export_interrupted);
  ED_TEST_ADD ("/sync/request-and-approve", test_request_and_approve);
  ED_TEST_ADD ("/sync/desk-info", test_desk_info);

  return g_test_run ();
}
