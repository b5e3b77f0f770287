/* test-bulk-insert.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The change set's bulk insert (used by the register import) must leave exactly what
 * ed_change_set_insert() leaves: the same ins op in the log, byte for byte apart from the
 * row id, sequence number and clock, and the same row; and another desk must derive the same
 * state from its ops (SYNC.md §4.3). */

#include "config.h"

#include "core/ed-database-private.h"
#include "changes/ed-op-store-private.h"
#include "changes/ed-replica-private.h"
#include "ed-test-desk.h"

/* Awkward text: escapes, a quote, a control character and non-ASCII in NFC. */
#define AWKWARD_NAME "Zoë \"Jo\" O\\Brien\n\t\x01 Łódź"

static char *
stored_val (EdTestDesk *desk,
            const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *val = NULL;

  stmt = ed_database_prepare (ed_context_get_database (desk->context),
                              "SELECT val FROM op_log WHERE pk = ?1 AND kind = 'ins'", NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    val = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return val;
}

static char *
row_text (EdTestDesk *desk,
          const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *text = NULL;

  stmt = ed_database_prepare (ed_context_get_database (desk->context),
                              "SELECT name || '|' || count || '|' || flag FROM thing "
                              "WHERE id = ?1", NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return text;
}

static void
test_same_as_insert (void)
{
  g_autoptr(EdTestDesk) desk = ed_test_desk_new ("desk-a", 1000);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(EdBulkInsert) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "flag", "name", "count" };
  GVariant *values[] = {
    g_variant_new_boolean (TRUE), g_variant_new_string (AWKWARD_NAME), g_variant_new_int64 (-42),
  };
  g_autofree char *one_id = NULL;
  g_autofree char *bulk_id = NULL;
  g_autofree char *default_id = NULL;
  g_autoptr(EdOp) one = NULL;
  g_autoptr(EdOp) many = NULL;
  g_autofree char *one_val = NULL;
  g_autofree char *bulk_val = NULL;
  g_autofree char *one_row = NULL;
  g_autofree char *bulk_row = NULL;
  g_autofree char *default_row = NULL;
  EdOpStore *store = _ed_replica_get_op_store (ED_REPLICA (desk->context));

  g_assert_true (ed_change_set_insert (change_set, "thing", NULL, columns, values, 3, &one_id,
                                       &error));
  g_assert_no_error (error);

  bulk = ed_change_set_bulk_insert (change_set, "thing", columns, 3, &error);
  g_assert_no_error (error);
  ed_bulk_insert_set_boolean (bulk, 0, TRUE);
  ed_bulk_insert_set_text (bulk, 1, AWKWARD_NAME);
  ed_bulk_insert_set_int64 (bulk, 2, -42);
  g_assert_true (ed_bulk_insert_add (bulk, &bulk_id, &error));
  g_assert_no_error (error);
  /* Values are forgotten after each row: this one takes every default. */
  g_assert_true (ed_bulk_insert_add (bulk, &default_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bulk, ed_bulk_insert_free);
  g_assert_cmpuint (ed_change_set_get_n_ops (change_set), ==, 3);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  one_val = stored_val (desk, one_id);
  bulk_val = stored_val (desk, bulk_id);
  g_assert_cmpstr (bulk_val, ==, one_val);
  g_assert_true (bulk_val[0] == '[');

  one = _ed_op_store_find_insert (store, "thing", one_id, &error);
  g_assert_no_error (error);
  many = _ed_op_store_find_insert (store, "thing", bulk_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (many->val, ==, one->val);
  g_assert_cmpstr (many->user, ==, one->user);
  g_assert_cmpstr (many->device, ==, one->device);
  g_assert_cmpint (many->seq, ==, one->seq + 1);
  g_assert_cmpint (many->hlc, >, one->hlc);
  g_assert_true (many->pred == NULL || many->pred[0] == NULL);

  one_row = row_text (desk, one_id);
  bulk_row = row_text (desk, bulk_id);
  g_assert_cmpstr (bulk_row, ==, one_row);
  default_row = row_text (desk, default_id);
  g_assert_cmpstr (default_row, ==, "|0|0");
}

/* Another desk derives the same rows from the bulk insert's ops, and edits merge onto them. */
static void
test_merges (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new ("desk-a", 1000);
  g_autoptr(EdTestDesk) b = ed_test_desk_new ("desk-b", 2000);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (a->context), NULL);
  g_autoptr(EdBulkInsert) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name", "count" };
  g_autofree char *first = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *name = NULL;

  bulk = ed_change_set_bulk_insert (change_set, "thing", columns, 2, &error);
  g_assert_no_error (error);
  for (gint64 i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %" G_GINT64_FORMAT, i);

      ed_bulk_insert_set_text (bulk, 0, text);
      ed_bulk_insert_set_int64 (bulk, 1, i);
      g_assert_true (ed_bulk_insert_add (bulk, i == 0 ? &first : NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&bulk, ed_bulk_insert_free);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  ed_test_desk_sync (a, b);
  hash_a = ed_test_desk_hash (a);
  hash_b = ed_test_desk_hash (b);
  g_assert_cmpstr (hash_a, ==, hash_b);

  ed_test_desk_set (b, first, "name", g_variant_new_string ("renamed"));
  ed_test_desk_sync (b, a);
  name = ed_test_desk_get_text (a, first, "name");
  g_assert_cmpstr (name, ==, "renamed");
  g_clear_pointer (&hash_a, g_free);
  g_clear_pointer (&hash_b, g_free);
  hash_a = ed_test_desk_hash (a);
  hash_b = ed_test_desk_hash (b);
  g_assert_cmpstr (hash_a, ==, hash_b);
}

static gint64
count_rows (EdTestDesk *desk,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (desk->context),
                                                      sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Rows are written ED_OP_STORE_BATCH_ROWS to a statement: an added row is nonetheless there
 * for the change set's next write, its text is copied (the caller's buffer is reused), the
 * ops keep the order the rows were added in, and rows still waiting when the bulk insert is
 * freed are written, or all dropped by a rollback. */
static void
test_written_in_batches (void)
{
  g_autoptr(EdTestDesk) desk = ed_test_desk_new ("desk-a", 1000);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(EdBulkInsert) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name", "count" };
  const guint n = 2 * ED_OP_STORE_BATCH_ROWS + 7;
  g_autofree char *third = NULL;
  g_autofree char *name = NULL;
  char text[32];

  bulk = ed_change_set_bulk_insert (change_set, "thing", columns, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_snprintf (text, sizeof text, "row %u", i);
      ed_bulk_insert_set_text (bulk, 0, text);
      ed_bulk_insert_set_int64 (bulk, 1, i);
      g_assert_true (ed_bulk_insert_add (bulk, i == 2 ? &third : NULL, &error));
      g_assert_no_error (error);
      if (i == 2)
        {
          /* Not yet written, yet the change set finds it to edit. */
          g_assert_true (ed_change_set_set (change_set, "thing", third, "name",
                                            g_variant_new_string ("third"), &error));
          g_assert_no_error (error);
        }
    }
  g_clear_pointer (&bulk, ed_bulk_insert_free);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM thing"), ==, n);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM thing WHERE name = 'row ' || count "
                                     "OR (count = 2 AND name = 'third')"), ==, n);
  name = ed_test_desk_get_text (desk, third, "name");
  g_assert_cmpstr (name, ==, "third");
  /* n ins ops and the set, numbered one after another in the order they were made. */
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM op_log WHERE tbl = 'thing'"), ==,
                   n + 1);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM op_log AS a JOIN op_log AS b "
                                     "ON b.device = a.device AND b.seq = a.seq + 1 "
                                     "WHERE a.tbl = 'thing' AND b.tbl = 'thing' "
                                     "AND b.hlc <= a.hlc"), ==, 0);
  g_assert_cmpint (count_rows (desk, "SELECT seq FROM op_log WHERE kind = 'set'"), ==,
                   count_rows (desk, "SELECT seq FROM op_log WHERE pk = (SELECT pk FROM op_log "
                                     "WHERE kind = 'set') AND kind = 'ins'") + 1);

  g_clear_object (&change_set);
  change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  bulk = ed_change_set_bulk_insert (change_set, "thing", columns, 2, &error);
  for (guint i = 0; i < ED_OP_STORE_BATCH_ROWS + 3; i++)
    g_assert_true (ed_bulk_insert_add (bulk, NULL, &error));
  g_clear_pointer (&bulk, ed_bulk_insert_free);
  ed_change_set_rollback (change_set);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM thing"), ==, n);
  g_assert_cmpint (count_rows (desk, "SELECT count(*) FROM op_log WHERE tbl = 'thing'"), ==,
                   n + 1);
}

static void
test_refused (void)
{
  g_autoptr(EdTestDesk) desk = ed_test_desk_new ("desk-a", 1000);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(EdBulkInsert) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name" };
  const char *unknown[] = { "name", "colour" };

  bulk = ed_change_set_bulk_insert (change_set, "thing", unknown, 2, &error);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN);
  g_assert_null (bulk);
  g_clear_error (&error);

  bulk = ed_change_set_bulk_insert (change_set, "nothing", columns, 1, &error);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE);
  g_assert_null (bulk);
  g_clear_error (&error);

  bulk = ed_change_set_bulk_insert (change_set, "thing", columns, 1, &error);
  g_assert_no_error (error);
  /* "e" and a combining acute accent: the same name as "é", but not in NFC. */
  ed_bulk_insert_set_text (bulk, 0, "Zoe\xcc\x81");
  g_assert_false (ed_bulk_insert_add (bulk, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_clear_error (&error);
  ed_bulk_insert_set_text (bulk, 0, "bad \xff");
  g_assert_false (ed_bulk_insert_add (bulk, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (ed_change_set_get_n_ops (change_set), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/bulk-insert/same-as-insert", test_same_as_insert);
  g_test_add_func ("/changes/bulk-insert/merges", test_merges);
  g_test_add_func ("/changes/bulk-insert/written-in-batches", test_written_in_batches);
  g_test_add_func ("/changes/bulk-insert/refused", test_refused);
  return g_test_run ();
}
