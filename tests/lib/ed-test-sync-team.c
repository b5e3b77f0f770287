/* ed-test-sync-team.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "sync/ed-transport-folder.h"
#include "ed-test-demo.h"
#include "ed-test-sync-team.h"

/**
 * ed_test_sync_open_new_desk:
 * @fixture: the test's folder
 * @name: the new database's file name in it
 *
 * Returns: (transfer full): a desk with an empty district, as before it joins a team
 */
EdContext *
ed_test_sync_open_new_desk (EdTestDir  *fixture,
                            const char *name)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);

  g_assert_no_error (error);
  return context;
}

/**
 * ed_test_sync_run:
 * @context: a desk that is set up for sync
 * @transport: its way to the share
 *
 * Exports and ingests once, asserting it succeeds.
 *
 * Returns: what the run did
 */
EdSyncReport
ed_test_sync_run (EdContext   *context,
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

char *
ed_test_sync_state_hash (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (context), TRUE, &error);

  g_assert_no_error (error);
  return hash;
}

gint64
ed_test_sync_count_ops (EdContext *context)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "op_log", &n,
                                         &error));
  g_assert_no_error (error);
  return n;
}

/**
 * ed_test_sync_team_build:
 * @team: (out caller-allocates): the team
 * @fixture: the test's folder
 * @n_electors: the size of the demo district
 *
 * Desk A with the demo district makes a team on an empty share; desk B, a new file, joins it
 * with the passphrase; both sync until B holds the district, which is checked.
 */
void
ed_test_sync_team_build (EdTestSyncTeam *team,
                         EdTestDir      *fixture,
                         guint           n_electors)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  EdSyncReport report;

  team->share = ed_test_dir_file (fixture, "share");
  g_assert_cmpint (g_mkdir (team->share, 0700), ==, 0);
  team->transport = ed_transport_folder_new (team->share);
  team->a = ed_test_demo_open_as (fixture, "a.db", n_electors);
  team->b = ed_test_sync_open_new_desk (fixture, "b.db");

  g_assert_true (ed_sync_create_team (team->a, team->transport, ED_TEST_SYNC_PASSPHRASE, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (ed_sync_join (team->b, team->transport, ED_TEST_SYNC_PASSPHRASE, NULL,
                               &error));
  g_assert_no_error (error);

  report = ed_test_sync_run (team->a, team->transport);
  g_assert_cmpuint (report.n_exported, ==, ed_test_sync_count_ops (team->a));
  g_assert_cmpuint (report.n_bundles_written, >=, 1);
  report = ed_test_sync_run (team->b, team->transport);
  g_assert_cmpuint (report.n_applied, ==, ed_test_sync_count_ops (team->a));
  g_assert_cmpuint (report.n_incomplete + report.n_corrupt + report.n_refused, ==, 0);

  hash_a = ed_test_sync_state_hash (team->a);
  hash_b = ed_test_sync_state_hash (team->b);
  g_assert_cmpstr (hash_a, ==, hash_b);
}

void
ed_test_sync_team_clear (EdTestSyncTeam *team)
{
  g_clear_object (&team->a);
  g_clear_object (&team->b);
  g_clear_object (&team->transport);
  g_clear_pointer (&team->share, g_free);
}

/**
 * ed_test_sync_first_elector:
 * @context: a desk
 *
 * Returns: (transfer full): the id of the elector first in number order
 */
char *
ed_test_sync_first_elector (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT id FROM elector ORDER BY "
                                                      "number_prefix, number LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* One person's edit of one field of an elector, saved. */
void
ed_test_sync_set_text (EdContext  *context,
                       const char *elector,
                       const char *column,
                       const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_set (change_set, "elector", elector, column,
                                    g_variant_new_string (value), &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

guint
ed_test_sync_n_conflicts (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  return conflicts->len;
}
