/* test-sync-status.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where a desk's sync stands, as the Sync page and `sync status` read it: a desk that does not
 * sync; two desks of a team, one with its clock twenty minutes fast, that edit one elector at
 * once; what the last sync did and what stopped a later one; and the command line telling the
 * same story as the read model. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "changes/ed-change-set.h"
#include "district/ed-context-private.h"
#include "ed-modules.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-status.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-transport-folder.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-dir.h"

#define PASSPHRASE "correct horse battery staple"
#define N_ELECTORS 60
#define FAST_MS (20 * 60 * 1000)

static gint64
fast_clock (gpointer user_data)
{
  return g_get_real_time () / 1000 + FAST_MS;
}

static void
set_surname (EdContext  *context,
             const char *id,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", id, "surname",
                                    g_variant_new_string (value), &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static char *
first_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY "
                                                      "number_prefix, number LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
sync_ok (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdSyncReport report;

  g_assert_true (ed_sync_run_now (context, &report, NULL, &error));
  g_assert_no_error (error);
}

static EdSyncStatus *
load (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdSyncStatus *status = ed_sync_status_load (context, &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

static void
test_not_set_up (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  g_autoptr(EdSyncStatus) status = load (context);

  g_assert_false (status->set_up);
  g_assert_cmpstr (status->share_location, ==, "");
  g_assert_cmpint (status->last_sync_ms, ==, 0);
  g_assert_false (status->has_last_run);
  g_assert_cmpstr (status->last_error, ==, "");
  g_assert_cmpuint (status->desks->len, ==, 0);
  g_assert_cmpuint (status->files_not_applied->len, ==, 0);
  g_assert_cmpuint (status->alarms->len, ==, 0);
  g_assert_cmpuint (status->n_conflicts, ==, 0);
}

static const EdSyncDeskStatus *
find_desk (const EdSyncStatus *status,
           const char         *device)
{
  for (guint i = 0; i < status->desks->len; i++)
    {
      const EdSyncDeskStatus *desk = g_ptr_array_index (status->desks, i);

      if (g_str_equal (desk->device, device))
        return desk;
    }
  g_assert_not_reached ();
}

static JsonObject *
cli_json (JsonNode  **out_root,
          const char *db,
          const char *action)
{
  g_auto(EdTestCliResult) run = { 0 };
  g_autoptr(GError) error = NULL;

  ed_test_cli_run_on (&run, db, "sync", action, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  *out_root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return JSON_NODE_HOLDS_OBJECT (*out_root) ? json_node_get_object (*out_root) : NULL;
}

static void
test_team (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autofree char *share = ed_test_dir_file (fixture, "share");
  g_autofree char *path_a = ed_test_dir_file (fixture, "a.db");
  g_autofree char *path_b = ed_test_dir_file (fixture, "b.db");
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) b = NULL;
  g_autoptr(EdSyncStatus) status = NULL;
  g_autoptr(EdSyncStatus) status_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *elector = NULL;
  EdShareSettings settings = { ED_SHARE_FOLDER, share, NULL, NULL };
  const EdSyncDeskStatus *desk_a;
  const EdSyncDeskStatus *desk_b;
  JsonObject *object;
  JsonArray *desks;
  gint64 before_ms = g_get_real_time () / 1000;

  g_assert_cmpint (g_mkdir (share, 0700), ==, 0);
  transport = ed_transport_folder_new (share);
  a = ed_test_demo_open_as (fixture, "a.db", N_ELECTORS);
  b = _ed_context_open_full (path_b, ed_modules_get_all (), NULL,
                             fast_clock, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ed_sync_create_team (a, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (a, &settings, &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_join (b, transport, PASSPHRASE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_share_settings_save (b, &settings, &error));
  g_assert_no_error (error);

  /* Set up, never synced. */
  status = load (a);
  g_assert_true (status->set_up);
  g_assert_cmpint (status->share_kind, ==, ED_SHARE_FOLDER);
  g_assert_cmpstr (status->share_location, ==, share);
  g_assert_cmpint (status->last_sync_ms, ==, 0);
  g_assert_false (status->has_last_run);
  g_clear_pointer (&status, ed_sync_status_free);

  sync_ok (a);
  sync_ok (b);
  elector = first_elector (a);
  set_surname (a, elector, "Alpha");
  set_surname (b, elector, "Beta");
  sync_ok (b);
  sync_ok (a);
  sync_ok (b);

  status = load (a);
  g_assert_cmpint (status->last_sync_ms, >=, before_ms);
  g_assert_cmpint (status->last_attempt_ms, >=, status->last_sync_ms - 1000);
  g_assert_cmpstr (status->last_error, ==, "");
  /* A's last sync brought in B's edit and sent its own. */
  g_assert_true (status->has_last_run);
  g_assert_cmpuint (status->last_run.n_applied, ==, 1);
  g_assert_cmpuint (status->last_run.n_exported, ==, 1);
  g_assert_cmpuint (status->last_run.n_corrupt + status->last_run.n_incomplete +
                    status->last_run.n_refused, ==, 0);
  g_assert_cmpint (status->exported_seq, >, 0);
  g_assert_cmpuint (status->n_conflicts, ==, 1);

  /* Both desks, this one marked; B's clock twenty minutes fast is flagged, A has no
   * contact or skew of its own. */
  g_assert_cmpuint (status->desks->len, ==, 2);
  desk_a = find_desk (status, ed_context_get_device_id (a));
  desk_b = find_desk (status, ed_context_get_device_id (b));
  g_assert_true (desk_a->this_desk);
  g_assert_false (desk_b->this_desk);
  g_assert_cmpint (desk_a->state, ==, ED_DESK_MEMBER);
  g_assert_cmpint (desk_b->state, ==, ED_DESK_MEMBER);
  g_assert_nonnull (desk_a->fingerprint);
  g_assert_cmpint (desk_a->last_contact_ms, ==, 0);
  g_assert_false (desk_a->skewed);
  g_assert_cmpint (desk_b->last_contact_ms, >=, before_ms);
  g_assert_cmpint (desk_b->skew_ms, >, ED_HLC_SKEW_FLAG_MS);
  g_assert_cmpint (desk_b->skew_ms, <=, FAST_MS + 1000);
  g_assert_true (desk_b->skewed);

  /* B sees A's clock a little behind its own, from A's edit synced before B's next sync:
   * not flagged, since a clock behind cannot be told from an op made a while ago. */
  status_b = load (b);
  desk_a = find_desk (status_b, ed_context_get_device_id (a));
  g_assert_cmpint (desk_a->skew_ms, <, 0);
  g_assert_false (desk_a->skewed);
  g_assert_cmpuint (status_b->n_conflicts, ==, 1);

  /* The command line reads the same. */
  object = cli_json (&root, path_a, "status");
  g_assert_cmpstr (json_object_get_string_member (object, "share"), ==, share);
  g_assert_cmpstr (json_object_get_string_member (object, "share_kind"), ==, "folder");
  g_assert_cmpint (json_object_get_int_member (object, "open_conflicts"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "exported_seq"), ==,
                   status->exported_seq);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object,
                                                                         "files_not_applied")),
                    ==, 0);
  g_clear_pointer (&root, json_node_unref);
  {
    g_auto(EdTestCliResult) run = { 0 };

    ed_test_cli_run_on (&run, path_a, "sync", "desks", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = json_from_string (run.out, &error);
    g_assert_no_error (error);
    desks = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (desks), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *row = json_array_get_object_element (desks, i);
        const EdSyncDeskStatus *desk = g_ptr_array_index (status->desks, i);

        g_assert_cmpstr (json_object_get_string_member (row, "device"), ==, desk->device);
        g_assert_cmpstr (json_object_get_string_member (row, "fingerprint"), ==,
                         desk->fingerprint);
        g_assert_cmpint (json_object_get_boolean_member (row, "this_desk"), ==,
                         desk->this_desk);
      }
  }
  g_clear_pointer (&status, ed_sync_status_free);

  /* A sync that cannot reach the share says so; the counts of the last one that ran stay. */
  {
    g_autofree char *moved = ed_test_dir_file (fixture, "share-moved");
    EdSyncReport report;

    g_assert_cmpint (g_rename (share, moved), ==, 0);
    g_assert_false (ed_sync_run_now (a, &report, NULL, &error));
    g_assert_nonnull (error);
    status = load (a);
    g_assert_cmpstr (status->last_error, ==, error->message);
    g_assert_true (status->has_last_run);
    g_assert_cmpuint (status->last_run.n_applied, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keys = g_dir_make_tmp ("electoral-desk-sync-keys-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", keys, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("ED_SYNC_PWHASH_FAST", "1", TRUE);

  ED_TEST_ADD ("/sync-status/not-set-up", test_not_set_up);
  ED_TEST_ADD ("/sync-status/team", test_team);

  return g_test_run ();
}
