/* test-sync-criteria.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Acceptance criteria of SYNC.md §5 that concern what a person sees after sync rather than
 * the files on the share: a row deleted on one desk while edited on another (criterion 8),
 * and the session cross-check of every write, ingest included (criterion 12). */

#include "config.h"

#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "ed-test-sync-team.h"

#define N_ELECTORS 60

static gboolean
elector_exists (EdContext  *context,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT 1 FROM elector WHERE id = ?1",
                                                      &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static char *
surname_of (EdContext  *context,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                      "SELECT surname FROM elector WHERE id = ?1",
                                                      &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
delete_elector (EdContext  *context,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_no_error (error);
  g_assert_true (ed_change_set_delete (change_set, "elector", id, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* The one open conflict on @context, which must be the delete conflict about @id. */
static char *
delete_conflict_about (EdContext  *context,
                       const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (context), &error);
  EdConflict *conflict;

  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->kind, ==, "delete");
  g_assert_cmpstr (conflict->tbl, ==, "elector");
  g_assert_cmpstr (conflict->pk, ==, id);
  return g_strdup (conflict->id);
}

/* Desk A deletes an elector while desk B amends their surname; after sync both desks still
 * show the elector, each with the one conflict that asks a person to decide. */
static char *
delete_against_edit (EdTestSyncTeam *team,
                     EdTestDir      *fixture)
{
  char *elector;
  g_autofree char *conflict_a = NULL;
  g_autofree char *conflict_b = NULL;

  ed_test_sync_team_build (team, fixture, N_ELECTORS);
  elector = ed_test_sync_first_elector (team->a);
  delete_elector (team->a, elector);
  ed_test_sync_set_text (team->b, elector, "surname", "Amended-Afterwards");
  ed_test_sync_run (team->a, team->transport);
  ed_test_sync_run (team->b, team->transport);
  ed_test_sync_run (team->a, team->transport);

  g_assert_true (elector_exists (team->a, elector));
  g_assert_true (elector_exists (team->b, elector));
  conflict_a = delete_conflict_about (team->a, elector);
  conflict_b = delete_conflict_about (team->b, elector);
  g_assert_cmpstr (conflict_a, ==, conflict_b);

  /* Time passing and more syncs decide nothing: only a person does. */
  ed_test_sync_run (team->b, team->transport);
  ed_test_sync_run (team->a, team->transport);
  g_assert_true (elector_exists (team->a, elector));
  g_assert_cmpuint (ed_test_sync_n_conflicts (team->a), ==, 1);
  return elector;
}

/* SYNC.md §5 criterion 8 (Delete vs edit): the row stays visible and flagged on every desk
 * until a person decides; keeping it, on the desk that deleted it, keeps the edit everywhere. */
static void
test_delete_vs_edit_kept (EdTestDir     *fixture,
                          gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *elector = delete_against_edit (&team, fixture);
  g_autofree char *conflict = delete_conflict_about (team.a, elector);
  g_autofree char *surname_a = NULL;
  g_autofree char *surname_b = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;

  g_assert_true (ed_conflicts_resolve_delete (ED_REPLICA (team.a), conflict, TRUE, &error));
  g_assert_no_error (error);
  ed_test_sync_run (team.a, team.transport);
  ed_test_sync_run (team.b, team.transport);

  for (EdContext **desk = (EdContext *[]) { team.a, team.b, NULL }; *desk != NULL; desk++)
    {
      g_assert_cmpuint (ed_test_sync_n_conflicts (*desk), ==, 0);
      g_assert_true (elector_exists (*desk, elector));
    }
  surname_a = surname_of (team.a, elector);
  surname_b = surname_of (team.b, elector);
  g_assert_cmpstr (surname_a, ==, "Amended-Afterwards");
  g_assert_cmpstr (surname_b, ==, "Amended-Afterwards");
  hash_a = ed_test_sync_state_hash (team.a);
  hash_b = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_sync_team_clear (&team);
}

/* Criterion 8, the other decision: confirming the delete, on the desk that edited, removes
 * the row on both. */
static void
test_delete_vs_edit_deleted (EdTestDir     *fixture,
                             gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *elector = delete_against_edit (&team, fixture);
  g_autofree char *conflict = delete_conflict_about (team.b, elector);
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;

  g_assert_true (ed_conflicts_resolve_delete (ED_REPLICA (team.b), conflict, FALSE, &error));
  g_assert_no_error (error);
  ed_test_sync_run (team.b, team.transport);
  ed_test_sync_run (team.a, team.transport);

  g_assert_cmpuint (ed_test_sync_n_conflicts (team.a), ==, 0);
  g_assert_cmpuint (ed_test_sync_n_conflicts (team.b), ==, 0);
  g_assert_false (elector_exists (team.a, elector));
  g_assert_false (elector_exists (team.b, elector));
  hash_a = ed_test_sync_state_hash (team.a);
  hash_b = ed_test_sync_state_hash (team.b);
  g_assert_cmpstr (hash_a, ==, hash_b);
  ed_test_sync_team_clear (&team);
}

/* SYNC.md §5 criterion 12 (Session cross-check): every test runs with the check of §4.11 on
 * (tests/meson.build sets ED_WRITE_CHECK), so a write that bypasses the op layer anywhere in
 * the suite fails that test. Here: the check is on; ingest, which writes rows without
 * change sets, leaves no mismatch behind on either desk; and a stray write on a desk that
 * has synced is still caught. */
static void
test_session_check_spans_sync (EdTestDir     *fixture,
                               gconstpointer  data)
{
  EdTestSyncTeam team = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) after_ingest = NULL;
  g_autofree char *elector = NULL;
  g_autofree char *sql = NULL;
  EdChangeSet *after_stray;

  g_assert_cmpstr (g_getenv ("ED_WRITE_CHECK"), ==, "1");
  ed_test_sync_team_build (&team, fixture, N_ELECTORS);
  elector = ed_test_sync_first_elector (team.a);
  ed_test_sync_set_text (team.a, elector, "surname", "Alpha");
  ed_test_sync_set_text (team.b, elector, "surname", "Beta");
  ed_test_sync_set_text (team.b, elector, "forenames", "Other Field");
  ed_test_sync_run (team.a, team.transport);
  ed_test_sync_run (team.b, team.transport);
  ed_test_sync_run (team.a, team.transport);

  /* Beginning a change set runs the check on everything written since the last one. */
  for (EdContext **desk = (EdContext *[]) { team.a, team.b, NULL }; *desk != NULL; desk++)
    {
      g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (*desk), &error);

      g_assert_no_error (error);
      g_assert_nonnull (change_set);
      g_assert_true (ed_change_set_commit (change_set, &error));
      g_assert_no_error (error);
    }

  sql = g_strdup_printf ("UPDATE elector SET surname = 'Stray' WHERE id = '%s'", elector);
  g_assert_true (ed_database_exec (ed_context_get_database (team.b), sql, &error));
  g_assert_no_error (error);
  g_test_expect_message ("ed-changes", G_LOG_LEVEL_CRITICAL, "*outside a change set*");
  after_stray = ed_change_set_begin (ED_REPLICA (team.b), &error);
  g_test_assert_expected_messages ();
  g_assert_null (after_stray);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNRECORDED_WRITE);
  g_assert_nonnull (strstr (error->message, "elector.surname"));
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

  ED_TEST_ADD ("/sync/criterion-8/delete-vs-edit/kept", test_delete_vs_edit_kept);
  ED_TEST_ADD ("/sync/criterion-8/delete-vs-edit/deleted", test_delete_vs_edit_deleted);
  ED_TEST_ADD ("/sync/criterion-12/session-check-spans-sync", test_session_check_spans_sync);
  return g_test_run ();
}
