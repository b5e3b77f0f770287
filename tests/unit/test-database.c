/* test-database.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "ed-test-lib.h"
#include <sys/stat.h>

#include "core/ed-database-private.h"
#include "ed-test-dir.h"

static void
test_create_new_file (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "sub/folder/district.db");
  g_autoptr(EdDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_cmpint (ed_database_get_schema_version (database), ==,
                   ed_migrations_get_latest (ed_test_migrations ()));
  g_assert_cmpint (ed_migrations_get_latest (ed_test_migrations ()), >=, 2);

  /* A brand-new file had nothing to lose: no backup. */
  g_assert_null (ed_database_get_backup_path (database));

  /* The register holds personal data: owner-only, whatever the umask. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_empty_file_migrates_and_reopens (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "empty.db");
  g_autoptr(GError) error = NULL;
  EdDatabase *database;
  int version;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* Made by hand, readable by others: made private first, with a notice for the person. */
  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  {
    g_autofree char *notice = ed_database_dup_privacy_notice (database);

    g_assert_nonnull (notice);
    g_assert_true (g_pattern_match_simple ("*empty.db*0644*0600*", notice));
  }
  version = ed_database_get_schema_version (database);
  g_assert_cmpint (version, ==, ed_migrations_get_latest (ed_test_migrations ()));
  /* The empty file existed before: it was backed up first. */
  g_assert_nonnull (ed_database_get_backup_path (database));
  g_assert_true (g_file_test (ed_database_get_backup_path (database), G_FILE_TEST_IS_REGULAR));
  g_object_unref (database);

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  g_assert_null (ed_database_dup_privacy_notice (database));
  g_assert_cmpint (ed_database_get_schema_version (database), ==, version);
  /* Nothing to migrate the second time, so no second backup. */
  g_assert_null (ed_database_get_backup_path (database));
  g_object_unref (database);
}

static void
test_older_version_is_backed_up_then_migrated (EdTestDir     *fixture,
                                               gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) backup = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  EdDatabase *database;
  sqlite3_stmt *stmt;

  /* A file as version 1 of the schema left it, with a row of data. */
  database = _ed_database_open_at_version (path, ed_test_migrations (), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_database_get_schema_version (database), ==, 1);
  g_assert_true (ed_database_exec (database,
                                   "INSERT INTO desk_state VALUES ('marker', 'kept')", &error));
  g_object_unref (database);

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_database_get_schema_version (database), ==,
                   ed_migrations_get_latest (ed_test_migrations ()));
  g_assert_nonnull (ed_database_get_backup_path (database));
  g_assert_true (g_str_has_prefix (ed_database_get_backup_path (database), path));

  /* The data survived the upgrade. */
  stmt = ed_database_prepare (database, "SELECT value FROM desk_state WHERE key = 'marker'",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "kept");
  sqlite3_finalize (stmt);

  /* The backup is the file as it was: version 1 with the row, and no district table. */
  backup = _ed_database_open_at_version (ed_database_get_backup_path (database), ed_test_migrations (), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_database_get_schema_version (backup), ==, 1);
  tables = ed_database_list_tables (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, "desk_state");

  g_object_unref (database);
}

/* Every op, in rowid order, as one text: what the op log holds. */
static char *
op_log_text (EdDatabase *database)
{
  static const char sql[] =
    "SELECT group_concat (rowid || '|' || device || '|' || seq || '|' || hlc || '|' || tbl || "
    "  '|' || pk || '|' || col || '|' || kind || '|' || quote (val) || '|' || pred || '|' || "
    "  seen || '|' || user, ';') FROM (SELECT rowid, * FROM op_log ORDER BY rowid)";
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ed_database_prepare (database, sql, &error);
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* 0007-op-log-kind-check.sql makes the op log again to change its check on kind: every op
 * stays as it was, rowid included, the index is back, and the check still holds. */
static void
test_op_log_remade_with_its_ops (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "ops.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  EdDatabase *database;
  sqlite3_stmt *stmt;

  database = _ed_database_open_at_version (path, ed_test_migrations (), 6, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (database,
    "INSERT INTO op_log (rowid, device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user) "
    "VALUES (7, 'd1', 1, 100, 'elector', 'e1', '__row', 'ins', '[\"Ann\"]', '[]', '[]', 'A'),"
    "  (9, 'd1', 2, 101, 'elector', 'e1', 'surname', 'set', '\"Bo\"', '[\"d1:1\"]', '[]', 'A'),"
    "  (12, 'd2', 1, 102, 'elector', 'e1', '__row', 'del', NULL, '[\"d1:1\"]', "
    "    '[\"d1:2\"]', 'B'),"
    "  (13, 'd2', 2, 103, 'elector', 'e1', '__row', 'restore', NULL, '[\"d2:1\"]', '[]', 'B')",
    &error));
  g_assert_no_error (error);
  before = op_log_text (database);
  g_object_unref (database);

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  after = op_log_text (database);
  g_assert_cmpstr (after, ==, before);

  stmt = ed_database_prepare (database, "SELECT count(*) FROM sqlite_schema "
                              "WHERE type = 'index' AND name = 'op_log_by_field' "
                              "AND tbl_name = 'op_log'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_false (ed_database_exec (database,
                                    "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind) "
                                    "VALUES ('d3', 1, 1, 'elector', 'e2', '__row', 'insert')",
                                    &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The same (device, seq) twice is still refused by the key. */
  g_assert_false (ed_database_exec (database,
                                    "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind) "
                                    "VALUES ('d1', 1, 1, 'elector', 'e2', '__row', 'ins')",
                                    &error));
  g_assert_nonnull (error);
  g_object_unref (database);
}

static void
test_newer_schema_refused_untouched (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "future.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  sqlite3 *db;
  g_autofree char *stamp = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  /* A file written by a later release: our application id, a schema we do not know. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  stamp = g_strdup_printf ("CREATE TABLE future_things (id TEXT); "
                           "INSERT INTO future_things VALUES ('x'); "
                           "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                           ED_DATABASE_APPLICATION_ID,
                           ed_migrations_get_latest (ed_test_migrations ()) + 5);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_null (database);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_test_message ("message: %s", error->message);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  /* No backup, no journal left beside it: the folder holds just the file. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_other_program_database_refused (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "other.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_null (database);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_not_a_database (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "notes.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  const char text[] = "These are somebody's notes, not a database. They are long enough to "
                      "fill a SQLite header and then some more text to be sure of it.";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_null (database);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));
}

static void
test_corrupt_file (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "corrupt.db");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  EdDatabase *database;

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  g_object_unref (database);

  /* Keep the header, wreck the schema page that follows it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, 3000);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_null (database);
  g_assert_true (g_error_matches (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CORRUPT) ||
                 g_error_matches (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_NOT_A_DATABASE));
}

static void
test_locked_by_another_connection (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  sqlite3 *other;

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);

  /* Another program holds the write lock; we wait our busy timeout, then say who to blame. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (ed_database_get_handle (database), 50);

  g_assert_false (ed_database_begin (database, &error));
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "another program"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_cannot_create_in_missing_readonly_place (EdTestDir     *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;

  database = ed_database_open ("/proc/electoral-desk/district.db", ed_test_migrations (), &error);
  g_assert_null (database);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_CANT_OPEN);
}

static void
test_error_messages_for_sqlite_codes (void)
{
  static const struct
  {
    int code;
    int expected;
    const char *words;
  } cases[] = {
    { SQLITE_BUSY, ED_DATABASE_ERROR_LOCKED, "another program" },
    { SQLITE_FULL, ED_DATABASE_ERROR_FULL, "full" },
    { SQLITE_NOTADB, ED_DATABASE_ERROR_NOT_A_DATABASE, "not an Electoral Desk" },
    { SQLITE_CORRUPT, ED_DATABASE_ERROR_CORRUPT, "damaged" },
    { SQLITE_READONLY, ED_DATABASE_ERROR_READ_ONLY, "cannot be written" },
    { SQLITE_CANTOPEN, ED_DATABASE_ERROR_CANT_OPEN, "cannot be opened" },
    { SQLITE_IOERR_WRITE, ED_DATABASE_ERROR_FAILED, "disk or network" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      _ed_database_set_sqlite_error (&error, NULL, cases[i].code, "/some/district.db");
      g_assert_error (error, ED_DATABASE_ERROR, cases[i].expected);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_nonnull (strstr (error->message, "district.db"));
    }
}

static void
test_wal_and_pragmas (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "wal.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  sqlite3_stmt *stmt;

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);

  stmt = ed_database_prepare (database, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  stmt = ed_database_prepare (database, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  /* A new file takes the larger pages a district of a million electors writes faster. */
  stmt = ed_database_prepare (database, "PRAGMA page_size", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 16384);
  sqlite3_finalize (stmt);
}

static void
test_rollback_leaves_nothing (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "tx.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = NULL;
  gint64 count = -1;

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_true (ed_database_begin (database, &error));
  g_assert_true (ed_database_exec (database, "INSERT INTO desk_state VALUES ('a', 'b')", &error));
  ed_database_rollback (database);
  g_assert_true (ed_database_count_rows (database, "desk_state", &count, &error));
  g_assert_cmpint (count, ==, 0);

  /* A failing statement reports SQLite's reason through our error domain. */
  g_assert_false (ed_database_exec (database, "INSERT INTO no_such_table VALUES (1)", &error));
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

typedef struct
{
  GArray *values;
  guint   wanted;
} ReadRows;

static gboolean
read_row_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  ReadRows *read = user_data;
  gint64 value = sqlite3_column_int64 (stmt, 0);

  g_array_append_val (read->values, value);
  return read->values->len < read->wanted;
}

static void
test_step_helpers (EdTestDir     *fixture,
                   gconstpointer  data)
{
  static const char insert_sql[] = "INSERT INTO step_test (n) VALUES (?1)";
  static const char select_sql[] = "SELECT abs(n) FROM step_test WHERE n >= ?1 ORDER BY rowid";
  g_autofree char *path = ed_test_dir_file (fixture, "step.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdDatabase) database = ed_database_open (path, ed_test_migrations (), &error);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  ReadRows read = { values, G_MAXUINT };
  gboolean found;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (ed_database_exec (database, "CREATE TABLE step_test (n INTEGER NOT NULL "
                                   "CHECK (n <> 0))", &error));
  for (gint64 n = 1; n <= 3; n++)
    {
      stmt = ed_database_cached (database, insert_sql, &error);
      sqlite3_bind_int64 (stmt, 1, n);
      g_assert_true (ed_database_step_reset (database, stmt, &error));
      g_assert_no_error (error);
    }

  /* A refused row is reported, and the statement is ready for the next one. */
  stmt = ed_database_cached (database, insert_sql, &error);
  sqlite3_bind_int64 (stmt, 1, 0);
  g_assert_false (ed_database_step_reset (database, stmt, &error));
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  sqlite3_bind_int64 (stmt, 1, G_MININT64);
  g_assert_true (ed_database_step_reset (database, stmt, &error));

  /* Whether a query has a row, and the statement reset either way. */
  stmt = ed_database_cached (database, select_sql, &error);
  sqlite3_bind_int64 (stmt, 1, 3);
  g_assert_true (ed_database_step_exists (database, stmt, &found, &error));
  g_assert_true (found);
  g_assert_false (sqlite3_stmt_busy (stmt));
  sqlite3_bind_int64 (stmt, 1, 4);
  g_assert_true (ed_database_step_exists (database, stmt, &found, &error));
  g_assert_false (found);
  g_assert_no_error (error);

  /* Every row, in order, while the function asks for the next... */
  sqlite3_bind_int64 (stmt, 1, 2);
  g_assert_true (ed_database_step_rows (database, stmt, read_row_cb, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpint (g_array_index (values, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (values, gint64, 1), ==, 3);

  /* ... up to where it stops, leaving the statement reset to run again... */
  g_array_set_size (values, 0);
  read.wanted = 1;
  sqlite3_bind_int64 (stmt, 1, 1);
  g_assert_true (ed_database_step_rows (database, stmt, read_row_cb, &read, &error));
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_false (sqlite3_stmt_busy (stmt));

  /* ... and SQLite's failure on a row as an error: abs() of the smallest integer, the row
   * after the three others, overflows. */
  g_array_set_size (values, 0);
  read.wanted = G_MAXUINT;
  sqlite3_bind_int64 (stmt, 1, G_MININT64);
  g_assert_false (ed_database_step_rows (database, stmt, read_row_cb, &read, &error));
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_FAILED);
  g_assert_cmpuint (values->len, ==, 3);
  g_assert_false (sqlite3_stmt_busy (stmt));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/core/database/create-new-file-0600", test_create_new_file);
  ED_TEST_ADD ("/core/database/migrate/empty-file-migrates-and-reopens",
               test_empty_file_migrates_and_reopens);
  ED_TEST_ADD ("/core/database/migrate/older-version-backed-up-first",
               test_older_version_is_backed_up_then_migrated);
  ED_TEST_ADD ("/core/database/migrate/op-log-remade-with-its-ops",
               test_op_log_remade_with_its_ops);
  ED_TEST_ADD ("/core/database/migrate/newer-schema-refused-untouched",
               test_newer_schema_refused_untouched);
  ED_TEST_ADD ("/core/database/refuses-other-program-database",
               test_other_program_database_refused);
  ED_TEST_ADD ("/core/database/refuses-non-database", test_not_a_database);
  ED_TEST_ADD ("/core/database/refuses-corrupt-file", test_corrupt_file);
  ED_TEST_ADD ("/core/database/locked-by-another-program", test_locked_by_another_connection);
  ED_TEST_ADD ("/core/database/cannot-create", test_cannot_create_in_missing_readonly_place);
  g_test_add_func ("/core/database/error-messages", test_error_messages_for_sqlite_codes);
  ED_TEST_ADD ("/core/database/wal-and-pragmas", test_wal_and_pragmas);
  ED_TEST_ADD ("/core/database/rollback-leaves-nothing", test_rollback_leaves_nothing);
  ED_TEST_ADD ("/core/database/step-helpers", test_step_helpers);

  return g_test_run ();
}
