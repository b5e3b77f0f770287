/* test-sync-upkeep.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a sync run does after export and ingest (SYNC.md §4.7): each desk's signed
 * acknowledgement of what it holds, read and checked by the others, and a desk's removal of
 * its own old bundles, which waits for a snapshot, every member's acknowledgement and 30
 * days. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-acks.h"
#include "sync/ed-sync-gc.h"
#include "sync/ed-sync-revoke.h"
#include "sync/ed-sync-snapshot.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-sync-team.h"

#define PASSPHRASE "correct horse battery staple"
#define N_ELECTORS 40

typedef struct
{
  char        *share;
  EdTransport *transport;
  EdContext   *a;
  EdContext   *b;
  gint64       now_ms;
} Team;

static gint64
team_clock (gpointer user_data)
{
  return ((Team *)user_data)->now_ms;
}

static EdSync *
sync_for (Team      *team,
          EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdSync *sync = ed_sync_new (context, team->transport, &error);

  g_assert_no_error (error);
  ed_sync_set_clock (sync, team_clock, team);
  return sync;
}

static EdSyncReport
run (Team      *team,
     EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = sync_for (team, context);
  EdSyncReport report;

  g_assert_true (ed_sync_run (sync, &report, NULL, &error));
  g_assert_no_error (error);
  return report;
}

static char *
state_hash (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), FALSE, &error);

  g_assert_no_error (error);
  return hash;
}

static void
set_surname (EdContext  *context,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY id "
                                                      "LIMIT 1", &error);
  g_autoptr(EdChangeSet) change_set = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector",
                                    (const char *)sqlite3_column_text (stmt, 0), "surname",
                                    g_variant_new_string (value), &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_names (Team       *team,
            const char *folder,
            const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ed_transport_list (team->transport, folder, NULL, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      EdShareEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_has_prefix (entry->name, prefix))
        g_ptr_array_add (names, g_strdup (entry->name));
    }
  return names;
}

static guint
n_acks_of (Team      *team,
           EdContext *context)
{
  g_autofree char *prefix = g_strdup_printf ("a-%s-", ed_context_get_device_id (context));
  g_autoptr(GPtrArray) names = list_names (team, ED_SHARE_ACKS, prefix);

  return names->len;
}

static void
team_build (Team      *team,
            EdTestDir *fixture)
{
  g_autoptr(GError) error = NULL;

  team->now_ms = g_get_real_time () / 1000;
  team->share = ed_test_dir_file (fixture, "share");
  g_assert_cmpint (g_mkdir (team->share, 0700), ==, 0);
  team->transport = ed_transport_folder_new (team->share);
  team->a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  team->b = ed_test_sync_open_new_desk (fixture, "b.db");
  g_assert_true (ed_sync_create_team (team->a, team->transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_join (team->b, team->transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  run (team, team->a);
  run (team, team->b);
  run (team, team->a);
}

static void
team_clear (Team *team)
{
  g_clear_object (&team->a);
  g_clear_object (&team->b);
  g_clear_object (&team->transport);
  g_free (team->share);
}

/* What @context's sync_desk row says of @device's newest ack. */
static void
stored_ack (EdContext   *context,
            const char  *device,
            gint64      *out_hlc,
            char       **out_held,
            char       **out_hash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT ack_hlc, ack_held, "
                                                      "ack_state_hash FROM sync_desk WHERE "
                                                      "device = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *out_hlc = sqlite3_column_int64 (stmt, 0);
  *out_held = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  *out_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
}

/* Each desk keeps one ack on the share, the newest; a peer's is read, checked and kept in
 * sync_desk with its version vector and state hash; a forged one is left out and changes
 * nothing; no desk removes another's. */
static void
test_acks (EdTestDir     *fixture,
           gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) held_b = NULL;
  g_autoptr(GHashTable) held_parsed = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *stored_held = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *forged_path = NULL;
  g_autofree char *held_text = NULL;
  g_autoptr(GBytes) forged = NULL;
  const char *b_device;
  gint64 stored_hlc;
  gint64 hlc_before;

  team_build (&team, fixture);
  b_device = ed_context_get_device_id (team.b);
  g_assert_cmpuint (n_acks_of (&team, team.a), ==, 1);
  g_assert_cmpuint (n_acks_of (&team, team.b), ==, 1);

  /* B edits and syncs: its newer ack replaces its older one; A reads it. */
  set_surname (team.b, "Acknowledged");
  run (&team, team.b);
  g_assert_cmpuint (n_acks_of (&team, team.b), ==, 1);
  run (&team, team.a);
  hash_b = state_hash (team.b);
  held_b = ed_sync_version_vector (ed_context_get_database (team.b), &error);
  g_assert_no_error (error);
  held_text = ed_sync_held_to_json (held_b);
  stored_ack (team.a, b_device, &stored_hlc, &stored_held, &stored_hash);
  g_assert_cmpstr (stored_hash, ==, hash_b);
  g_assert_cmpstr (stored_held, ==, held_text);
  held_parsed = ed_sync_held_from_json (stored_held);
  g_assert_cmpint (ed_sync_held_get (held_parsed, b_device), ==, 1);
  g_assert_cmpint (ed_sync_held_get (held_parsed, ed_context_get_device_id (team.a)), >,
                   N_ELECTORS);
  hlc_before = stored_hlc;

  /* A newer-numbered ack for B that B did not sign: left out. */
#define FORGED_ACK "{\"ack\": \"{}\", \"signature\": \"AAAA\"}"
  forged_path = ed_share_ack_path (b_device, 999999);
  forged = g_bytes_new_static (FORGED_ACK, strlen (FORGED_ACK));
  g_assert_true (ed_transport_write_new (team.transport, forged_path, forged, NULL, &error));
  g_assert_no_error (error);
  run (&team, team.a);
  g_clear_pointer (&stored_held, g_free);
  g_clear_pointer (&stored_hash, g_free);
  stored_ack (team.a, b_device, &stored_hlc, &stored_held, &stored_hash);
  g_assert_cmpint (stored_hlc, ==, hlc_before);
  g_assert_cmpstr (stored_hash, ==, hash_b);
  /* Still there: A never removes a file of B's. */
  {
    g_autofree char *full = g_build_filename (team.share, forged_path, NULL);

    g_assert_true (g_file_test (full, G_FILE_TEST_EXISTS));
  }

  team_clear (&team);
}

static guint
n_bundles_of (Team      *team,
              EdContext *context)
{
  g_autofree char *folder = ed_share_device_folder (ed_context_get_device_id (context));
  g_autoptr(GPtrArray) names = list_names (team, folder, "b-");

  return names->len;
}

static void
write_snapshot (Team      *team,
                EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = sync_for (team, context);

  g_assert_true (ed_sync_snapshot (sync, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ed_sync_gc() on @context's desk with the clock @days_later days on. */
static guint
gc_later (Team      *team,
          EdContext *context,
          gint64     days_later)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = sync_for (team, context);
  gint64 saved = team->now_ms;
  guint removed = 0;

  team->now_ms += days_later * 24 * 60 * 60 * 1000;
  g_assert_true (ed_sync_gc (sync, &removed, NULL, &error));
  g_assert_no_error (error);
  team->now_ms = saved;
  return removed;
}

/* SYNC.md §4.7 GC: a desk removes its own bundles only once a snapshot covers them, every
 * member's newest ack shows them held, and 30 days have passed; with any one of the three
 * missing, nothing is removed. Another desk's bundles are never touched. */
static void
test_gc_needs_all_three (EdTestDir     *fixture,
                         gconstpointer  data)
{
  Team team = { 0 };
  guint first;
  guint b_bundles;

  team_build (&team, fixture);
  set_surname (team.b, "B Writes Too");
  run (&team, team.b);
  run (&team, team.a);
  b_bundles = n_bundles_of (&team, team.b);
  first = n_bundles_of (&team, team.a);
  g_assert_cmpuint (first, >=, 1);

  /* No snapshot yet: nothing goes, however late. */
  g_assert_cmpuint (gc_later (&team, team.a, 31), ==, 0);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, first);

  /* Covered and acknowledged, but not 30 days old. */
  write_snapshot (&team, team.a);
  g_assert_cmpuint (gc_later (&team, team.a, 0), ==, 0);
  g_assert_cmpuint (gc_later (&team, team.a, 29), ==, 0);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, first);

  /* A new bundle after the snapshot, acknowledged by B: it stays (no snapshot covers it); the
   * covered ones go after 30 days. */
  set_surname (team.a, "After The Snapshot");
  run (&team, team.a);
  run (&team, team.b);
  run (&team, team.a);
  g_assert_cmpuint (gc_later (&team, team.a, 31), ==, first);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, 1);

  /* Covered by a new snapshot and old enough, but B has not acknowledged it yet. */
  set_surname (team.a, "Not Yet Read By B");
  run (&team, team.a);
  write_snapshot (&team, team.a);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, 2);
  g_assert_cmpuint (gc_later (&team, team.a, 31), ==, 1);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, 1);
  run (&team, team.b);
  run (&team, team.a);
  g_assert_cmpuint (gc_later (&team, team.a, 31), ==, 1);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, 0);

  /* B's bundles were never A's to remove. */
  g_assert_cmpuint (n_bundles_of (&team, team.b), ==, b_bundles);

  team_clear (&team);
}

/* A snapshot of a desk taken out of the team holds nothing back: no new desk starts from it,
 * and its desk can no longer replace it. */
static void
test_gc_ignores_revoked_snapshot (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) x = NULL;
  g_autoptr(EdSync) sync_a = NULL;

  team_build (&team, fixture);
  x = ed_test_sync_open_new_desk (fixture, "x.db");
  g_assert_true (ed_sync_join (x, team.transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  run (&team, x);
  write_snapshot (&team, x);

  set_surname (team.a, "After X's Snapshot");
  run (&team, team.a);
  run (&team, team.b);
  sync_a = sync_for (&team, team.a);
  g_assert_true (ed_sync_revoke (sync_a, ed_context_get_device_id (x), NULL, NULL, &error));
  g_assert_no_error (error);
  write_snapshot (&team, team.a);
  run (&team, team.b);
  run (&team, team.a);
  g_assert_cmpuint (n_bundles_of (&team, team.a), >=, 2);
  gc_later (&team, team.a, 31);
  g_assert_cmpuint (n_bundles_of (&team, team.a), ==, 0);

  team_clear (&team);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keys = g_dir_make_tmp ("electoral-desk-sync-keys-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);

  ED_TEST_ADD ("/sync/upkeep/acks", test_acks);
  ED_TEST_ADD ("/sync/upkeep/gc-needs-all-three", test_gc_needs_all_three);
  ED_TEST_ADD ("/sync/upkeep/gc-ignores-revoked-snapshot", test_gc_ignores_revoked_snapshot);

  return g_test_run ();
}
