/* test-sync-revoke.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Taking a desk out of a sync team (SYNC.md §4.8 Revocation, §5 criterion 9): its later
 * bundles refused, the team moved to a new epoch the revoked desk has no key for, the old
 * passphrase no longer joining, and two desks revoking at once settled by one rule. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "sync/ed-bundle.h"
#include "sync/ed-share-names.h"
#include "sync/ed-sync-revoke.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-sync.h"
#include "sync/ed-transport-folder.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"
#include "ed-test-sync-team.h"

#define PASSPHRASE "correct horse battery staple"
#define NEW_PASSPHRASE "a new passphrase for the team"
#define N_ELECTORS 60

static EdSyncReport
run (EdContext   *context,
     EdTransport *transport)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = ed_sync_new (context, transport, &error);
  EdSyncReport report;

  g_assert_no_error (error);
  g_assert_true (ed_sync_run (sync, &report, NULL, &error));
  g_assert_no_error (error);
  return report;
}

static void
assert_same_state (EdContext *x,
                   EdContext *y)
{
  g_autofree char *hash_x = ed_test_sync_state_hash (x);
  g_autofree char *hash_y = ed_test_sync_state_hash (y);

  g_assert_cmpstr (hash_x, ==, hash_y);
}

static char *
first_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY id "
                                                      "LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
set_text (EdContext  *context,
          const char *column,
          const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = first_elector (context);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", id, column,
                                    g_variant_new_string (value), &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static void
join (EdContext   *context,
      EdTransport *transport,
      const char  *passphrase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_sync_join (context, transport, passphrase, NULL, &error));
  g_assert_no_error (error);
}

static void
revoke_desk (EdContext   *context,
             EdTransport *transport,
             EdContext   *revoked,
             const char  *new_passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync = ed_sync_new (context, transport, &error);

  g_assert_no_error (error);
  g_assert_true (ed_sync_revoke (sync, ed_context_get_device_id (revoked), new_passphrase,
                                 NULL, &error));
  g_assert_no_error (error);
}

/* The epoch of the newest bundle of @context's desk on the share. */
static guint
newest_bundle_epoch (const char *share,
                     EdContext  *context)
{
  g_autofree char *relative = ed_share_device_folder (ed_context_get_device_id (context));
  g_autofree char *folder = g_build_filename (share, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *newest = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EdBundleHeader) header = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gsize length;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".esb") && (newest == NULL || strcmp (name, newest) > 0))
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  g_assert_nonnull (newest);
  path = g_build_filename (folder, newest, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  header = ed_bundle_read_header (bytes, &error);
  g_assert_no_error (error);
  return header->epoch;
}

/* A bundle of @context's ops after @after_seq, sealed with its own keys as its desk would,
 * naming @epoch and sealed with the key of @key_epoch: what a revoked desk could still write
 * to the share with what it holds. Returns its path on the share. */
static char *
forge_bundle (EdContext   *context,
              EdTransport *transport,
              gint64       after_seq,
              guint        epoch,
              guint        key_epoch)
{
  const char *device = ed_context_get_device_id (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *keys_path = ed_sync_desk_keys_path (device);
  g_autoptr(EdDeskKeys) keys = ed_desk_keys_load (keys_path, &error);
  g_autoptr(GHashTable) team_keys = ed_team_keys_load (device, &error);
  g_autoptr(GPtrArray) ops = ed_merge_export_device (ED_REPLICA (context), device, after_seq,
                                                     1000, &error);
  g_autoptr(EdBundleHeader) header = g_new0 (EdBundleHeader, 1);
  g_autofree char *district = ed_merge_get_district_id (ED_REPLICA (context), &error);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  char *text;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (ops->len, >, 0);
  text = ed_ops_to_data (ops, district, &length);
  body = g_bytes_new_take (text, length);
  header->format = ED_BUNDLE_FORMAT;
  header->kind = ED_BUNDLE_KIND_OPS;
  header->team = ed_sync_state_get (ed_context_get_database (context), "team", &error);
  header->district = g_strdup (district);
  header->epoch = epoch;
  header->device = g_strdup (device);
  header->incarnation = g_strdup ("forged");
  header->seq_from = ((EdOp *)g_ptr_array_index (ops, 0))->seq;
  header->seq_to = ((EdOp *)g_ptr_array_index (ops, ops->len - 1))->seq;
  header->n_ops = ops->len;
  header->created_hlc = 1;
  file = ed_bundle_seal (header, body,
                         g_hash_table_lookup (team_keys, GUINT_TO_POINTER (key_epoch)), keys,
                         &error);
  g_assert_no_error (error);
  path = ed_share_bundle_path (device, header->seq_from, header->seq_to);
  folder = g_path_get_dirname (path);
  g_assert_true (ed_transport_make_folder (transport, folder, NULL, &error));
  g_assert_true (ed_transport_write_new (transport, path, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static EdSyncFileStatus
ledger_status (EdContext  *context,
               const char *path,
               char      **out_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSyncFileRecord) record = ed_sync_ledger_lookup (ed_context_get_database (context),
                                                              path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  if (out_message != NULL)
    *out_message = g_strdup (record->message);
  return record->status;
}

static gint64
max_seq (EdContext  *context,
         const char *device)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT coalesce (max (seq), 0) FROM "
                                                      "op_log WHERE device = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, device, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  char        *share;
  EdTransport *transport;
  EdContext   *a;
  EdContext   *b;
  EdContext   *x;
} Team;

/* A makes the team with the demo district; B and X join with the passphrase; all sync, and
 * X's own edit reaches A. */
static void
team_build (Team      *team,
            EdTestDir *fixture)
{
  g_autoptr(GError) error = NULL;

  team->share = ed_test_dir_file (fixture, "share");
  g_assert_cmpint (g_mkdir (team->share, 0700), ==, 0);
  team->transport = ed_transport_folder_new (team->share);
  team->a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  team->b = ed_test_sync_open_new_desk (fixture, "b.db");
  team->x = ed_test_sync_open_new_desk (fixture, "x.db");
  g_assert_true (ed_sync_create_team (team->a, team->transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  join (team->b, team->transport, PASSPHRASE);
  join (team->x, team->transport, PASSPHRASE);
  run (team->a, team->transport);
  run (team->b, team->transport);
  run (team->x, team->transport);
  set_text (team->x, "forenames", "Before Revocation");
  run (team->x, team->transport);
  run (team->a, team->transport);
  assert_same_state (team->a, team->x);
}

static void
team_clear (Team *team)
{
  g_clear_object (&team->a);
  g_clear_object (&team->b);
  g_clear_object (&team->x);
  g_clear_object (&team->transport);
  g_free (team->share);
}

/* SYNC.md §5 criterion 9: after X is taken out, its bundles in a later epoch, and those after
 * the last of its ops the revoking desk had applied, are refused with a reason; the other
 * desks move to the new epoch and converge; the old passphrase joins no one. */
static void
test_revoked_desk_later_bundles_refused (EdTestDir     *fixture,
                                         gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync_x = NULL;
  g_autoptr(EdContext) d = NULL;
  g_autofree char *later_epoch = NULL;
  g_autofree char *later_seq = NULL;
  g_autofree char *message = NULL;
  const char *x_device;
  gint64 accepted;
  EdSyncReport report;

  team_build (&team, fixture);
  x_device = ed_context_get_device_id (team.x);
  accepted = max_seq (team.a, x_device);
  g_assert_cmpint (accepted, >, 0);
  revoke_desk (team.a, team.transport, team.x, NULL);

  /* The other desks pick up the new epoch's key and write with it. */
  run (team.a, team.transport);
  run (team.b, team.transport);
  set_text (team.b, "forenames", "After Revocation");
  run (team.b, team.transport);
  g_assert_cmpuint (newest_bundle_epoch (team.share, team.b), ==, 2);
  run (team.a, team.transport);
  assert_same_state (team.a, team.b);

  /* X cannot sync any more, and says why. */
  set_text (team.x, "forenames", "Written After Revocation");
  sync_x = ed_sync_new (team.x, team.transport, &error);
  g_assert_no_error (error);
  g_assert_false (ed_sync_run (sync_x, &report, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER);
  g_assert_nonnull (strstr (error->message, "taken out"));
  g_clear_error (&error);

  /* What it could still write with its own keys is refused: a bundle after its last accepted
   * seq in its old epoch, and its old ops claimed for the new epoch. */
  later_seq = forge_bundle (team.x, team.transport, accepted, 1, 1);
  report = run (team.b, team.transport);
  g_assert_cmpuint (report.n_refused, ==, 1);
  g_assert_cmpint (ledger_status (team.b, later_seq, &message), ==, ED_SYNC_FILE_REFUSED);
  g_assert_nonnull (strstr (message, "taken out"));
  g_assert_true (ed_transport_remove (team.transport, later_seq, NULL, &error));
  g_assert_no_error (error);
  later_epoch = forge_bundle (team.x, team.transport, 0, 2, 1);
  report = run (team.a, team.transport);
  g_assert_cmpuint (report.n_refused, >=, 1);
  g_assert_cmpint (ledger_status (team.a, later_epoch, NULL), ==, ED_SYNC_FILE_REFUSED);
  assert_same_state (team.a, team.b);

  /* The old passphrase no longer joins: the team's key moved on without a new one. */
  d = ed_test_sync_open_new_desk (fixture, "d.db");
  g_assert_false (ed_sync_join (d, team.transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_PASSPHRASE_CHANGED);
  g_assert_nonnull (strstr (error->message, "passphrase was changed"));
  g_clear_error (&error);
  g_assert_false (ed_sync_is_set_up (d));

  team_clear (&team);
}

/* A new passphrase given with the revocation: the old one is told it was changed, the new one
 * joins a desk that reaches the others' state, older epochs' bundles included. The revoked
 * desk's id can never come back, even with a join entry proving the new key. */
static void
test_new_passphrase (EdTestDir     *fixture,
                     gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) d = NULL;
  g_autoptr(EdContext) e = NULL;
  g_autoptr(EdSync) sync_a = NULL;
  g_autoptr(EdRosterEntry) entry = g_new0 (EdRosterEntry, 1);
  g_autoptr(EdDeskKeys) x_keys = NULL;
  g_autoptr(GHashTable) d_keys = NULL;
  g_autoptr(GBytes) sealed_entry = NULL;
  g_autofree char *x_keys_path = NULL;
  g_autofree char *roster_path = NULL;

  team_build (&team, fixture);
  revoke_desk (team.a, team.transport, team.x, NEW_PASSPHRASE);

  d = ed_test_sync_open_new_desk (fixture, "d.db");
  g_assert_false (ed_sync_join (d, team.transport, PASSPHRASE, NULL, &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_PASSPHRASE_CHANGED);
  g_clear_error (&error);

  e = ed_test_sync_open_new_desk (fixture, "e.db");
  join (e, team.transport, NEW_PASSPHRASE);
  /* A member seals the older epochs' keys to it at its next sync. */
  run (team.a, team.transport);
  run (e, team.transport);
  assert_same_state (team.a, e);

  /* X, which knows nothing but could learn the new passphrase, writes a join entry proving
   * the new key: the roster still holds it revoked. */
  d_keys = ed_team_keys_load (ed_context_get_device_id (e), &error);
  g_assert_no_error (error);
  x_keys_path = ed_sync_desk_keys_path (ed_context_get_device_id (team.x));
  x_keys = ed_desk_keys_load (x_keys_path, &error);
  g_assert_no_error (error);
  entry->kind = ED_ROSTER_JOIN;
  entry->team = ed_sync_state_get (ed_context_get_database (team.a), "team", &error);
  entry->device = g_strdup (ed_context_get_device_id (team.x));
  entry->user = g_strdup ("x");
  entry->host = g_strdup ("x");
  memcpy (entry->sign_public, x_keys->sign_public, ED_SIGN_PUBLIC_BYTES);
  memcpy (entry->box_public, x_keys->box_public, ED_BOX_PUBLIC_BYTES);
  entry->epoch = 2;
  entry->by = g_strdup (entry->device);
  entry->hlc = G_MAXINT64 / 2;
  sealed_entry = ed_roster_entry_seal (entry, x_keys,
                                       g_hash_table_lookup (d_keys, GUINT_TO_POINTER (2)));
  roster_path = ed_share_roster_path (entry->hlc, entry->device);
  g_assert_true (ed_transport_write_new (team.transport, roster_path, sealed_entry, NULL,
                                         &error));
  g_assert_no_error (error);

  sync_a = ed_sync_new (team.a, team.transport, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_refresh_team (sync_a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_run (sync_a, &(EdSyncReport){ 0 }, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (team.a),
                                                        "SELECT state FROM sync_desk WHERE "
                                                        "device = ?1", &error);

    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, entry->device, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "revoked");
  }
  /* No key of the new epoch was ever sealed to it. */
  {
    g_autofree char *sealed = ed_share_sealed_key_path (2, entry->device);
    g_autofree char *full = g_build_filename (team.share, sealed, NULL);

    g_assert_false (g_file_test (full, G_FILE_TEST_EXISTS));
  }

  team_clear (&team);
}

/* A desk cannot take itself out, nor one the team does not have, nor one twice. */
static void
test_refusals (EdTestDir     *fixture,
               gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdSync) sync_a = NULL;

  team_build (&team, fixture);
  sync_a = ed_sync_new (team.a, team.transport, &error);
  g_assert_no_error (error);

  g_assert_false (ed_sync_revoke (sync_a, ed_context_get_device_id (team.a), NULL, NULL,
                                  &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_CANNOT_REVOKE);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);

  g_assert_false (ed_sync_revoke (sync_a, "00000000-0000-4000-8000-000000000000", NULL, NULL,
                                  &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER);
  g_clear_error (&error);

  g_assert_true (ed_sync_revoke (sync_a, ed_context_get_device_id (team.x), NULL, NULL,
                                 &error));
  g_assert_no_error (error);
  g_assert_false (ed_sync_revoke (sync_a, ed_context_get_device_id (team.x), NULL, NULL,
                                  &error));
  g_assert_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_CANNOT_REVOKE);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  team_clear (&team);
}

/* A revocation interrupted after its entry was written, before its new epoch: revoking again
 * goes on and makes the epoch, rather than saying the desk is out already. */
static void
test_interrupted_revocation_resumes (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *sealed_full = NULL;
  const char *a_device;
  const char *name;

  team_build (&team, fixture);
  a_device = ed_context_get_device_id (team.a);
  revoke_desk (team.a, team.transport, team.x, NULL);

  /* As if A had stopped after the revocation entry: no epoch 2 anywhere. */
  keys = ed_team_keys_load (a_device, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_remove (keys, GUINT_TO_POINTER (2)));
  g_assert_true (ed_team_keys_save (a_device, keys, &error));
  g_assert_no_error (error);
  folder = g_build_filename (team.share, ED_SHARE_KEYS, NULL);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "team-2."))
      {
        g_autofree char *full = g_build_filename (folder, name, NULL);

        g_assert_cmpint (g_unlink (full), ==, 0);
      }

  revoke_desk (team.a, team.transport, team.x, NULL);
  sealed = ed_share_sealed_key_path (2, ed_context_get_device_id (team.b));
  sealed_full = g_build_filename (team.share, sealed, NULL);
  g_assert_true (g_file_test (sealed_full, G_FILE_TEST_EXISTS));
  run (team.b, team.transport);
  set_text (team.b, "forenames", "After The Resumed Revocation");
  run (team.b, team.transport);
  g_assert_cmpuint (newest_bundle_epoch (team.share, team.b), ==, 2);

  team_clear (&team);
}

/* Two desks revoke at once: A takes out X and B takes out Y before B has A's key of epoch 2
 * (its sealed copy not yet arrived). B's claim of epoch 2 finds it taken; B claims epoch 3,
 * sealed to the desks left after both revocations. Every remaining desk ends on epoch 3 with
 * one key, X and Y have none for it, and all converge. */
static void
test_two_revoke_at_once (EdTestDir     *fixture,
                         gconstpointer  data)
{
  Team team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) c = NULL;
  g_autoptr(EdContext) y = NULL;
  g_autoptr(GHashTable) keys_a = NULL;
  g_autoptr(GHashTable) keys_b = NULL;
  g_autoptr(GHashTable) keys_c = NULL;
  g_autofree char *b_sealed = NULL;
  const char *revoked[2];

  team_build (&team, fixture);
  c = ed_test_sync_open_new_desk (fixture, "c.db");
  y = ed_test_sync_open_new_desk (fixture, "y.db");
  join (c, team.transport, PASSPHRASE);
  join (y, team.transport, PASSPHRASE);
  run (team.a, team.transport);
  run (team.b, team.transport);
  run (c, team.transport);
  run (y, team.transport);

  revoke_desk (team.a, team.transport, team.x, NULL);
  b_sealed = ed_share_sealed_key_path (2, ed_context_get_device_id (team.b));
  g_assert_true (ed_transport_remove (team.transport, b_sealed, NULL, &error));
  g_assert_no_error (error);
  revoke_desk (team.b, team.transport, y, NULL);

  run (team.a, team.transport);
  run (team.b, team.transport);
  run (c, team.transport);
  set_text (c, "forenames", "Written In Epoch Three");
  run (c, team.transport);
  run (team.a, team.transport);
  run (team.b, team.transport);

  keys_a = ed_team_keys_load (ed_context_get_device_id (team.a), &error);
  keys_b = ed_team_keys_load (ed_context_get_device_id (team.b), &error);
  keys_c = ed_team_keys_load (ed_context_get_device_id (c), &error);
  g_assert_no_error (error);
  for (guint epoch = 1; epoch <= 3; epoch++)
    {
      EdTeamKey *a = g_hash_table_lookup (keys_a, GUINT_TO_POINTER (epoch));
      EdTeamKey *b = g_hash_table_lookup (keys_b, GUINT_TO_POINTER (epoch));
      EdTeamKey *k = g_hash_table_lookup (keys_c, GUINT_TO_POINTER (epoch));

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_nonnull (k);
      g_assert_cmpmem (a->bytes, ED_TEAM_KEY_BYTES, b->bytes, ED_TEAM_KEY_BYTES);
      g_assert_cmpmem (a->bytes, ED_TEAM_KEY_BYTES, k->bytes, ED_TEAM_KEY_BYTES);
    }
  g_assert_cmpuint (newest_bundle_epoch (team.share, c), ==, 3);

  revoked[0] = ed_context_get_device_id (team.x);
  revoked[1] = ed_context_get_device_id (y);
  for (guint i = 0; i < G_N_ELEMENTS (revoked); i++)
    {
      g_autofree char *sealed = ed_share_sealed_key_path (3, revoked[i]);
      g_autofree char *full = g_build_filename (team.share, sealed, NULL);

      g_assert_false (g_file_test (full, G_FILE_TEST_EXISTS));
    }
  assert_same_state (team.a, team.b);
  assert_same_state (team.a, c);

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

  ED_TEST_ADD ("/sync/revoke/criterion-9/revoked-desk-later-bundles-refused",
               test_revoked_desk_later_bundles_refused);
  ED_TEST_ADD ("/sync/revoke/new-passphrase-and-never-rejoin", test_new_passphrase);
  ED_TEST_ADD ("/sync/revoke/refusals", test_refusals);
  ED_TEST_ADD ("/sync/revoke/two-desks-at-once", test_two_revoke_at_once);
  ED_TEST_ADD ("/sync/revoke/interrupted-revocation-resumes",
               test_interrupted_revocation_resumes);

  return g_test_run ();
}
