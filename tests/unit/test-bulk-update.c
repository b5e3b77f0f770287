/* test-bulk-update.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The change set's bulk update (used by the revised register) must leave exactly what
 * ed_change_set_set() leaves, whatever state each field is in: never edited, edited here,
 * edited on another desk, or in conflict. Two districts are made alike, one is changed field
 * by field and the other in bulk, and everything is compared: the op log byte for byte, the
 * heads, the preds, the conflicts, the rows and the state hash (SYNC.md §4.3–4.4). */

#include "config.h"

#include "core/ed-database-private.h"
#include "changes/ed-op-store-private.h"
#include "ed-test-desk.h"

/* Awkward text: escapes, a quote, a control character and non-ASCII in NFC. */
#define AWKWARD_NAME "Zoë \"Jo\" O\\Brien\n\t\x01 Łódź"

#define ROW_FRESH     "00000000-0000-4000-8000-000000000001"
#define ROW_EDITED    "00000000-0000-4000-8000-000000000002"
#define ROW_CONFLICT  "00000000-0000-4000-8000-000000000003"
#define ROW_ELSEWHERE "00000000-0000-4000-8000-000000000004"
#define ROW_DELETED   "00000000-0000-4000-8000-000000000005"

typedef struct
{
  EdTestDesk *a;
  EdTestDesk *b;
} World;

static void
insert_row (EdTestDesk *desk,
            const char *id,
            const char *name,
            gint64      count)
{
  const char *columns[] = { "name", "count" };
  GVariant *values[] = { g_variant_new_string (name), g_variant_new_int64 (count) };
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_change_set_insert (change_set, "thing", id, columns, values, 2, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* Desk a ends with one row of each kind; everything here is deterministic (fixed ids and
 * clocks), so two worlds are alike. */
static void
world_init (World *world)
{
  world->a = ed_test_desk_new ("desk-a", 1000);
  world->b = ed_test_desk_new ("desk-b", 2000);

  insert_row (world->a, ROW_FRESH, "one", 1);
  insert_row (world->a, ROW_EDITED, "two", 2);
  insert_row (world->a, ROW_CONFLICT, "three", 3);
  insert_row (world->a, ROW_ELSEWHERE, "four", 0);
  insert_row (world->a, ROW_DELETED, "five", 5);
  world->a->now_ms += 10;
  ed_test_desk_set (world->a, ROW_EDITED, "count", g_variant_new_int64 (20));
  ed_test_desk_sync (world->a, world->b);

  ed_test_desk_set (world->b, ROW_CONFLICT, "name", g_variant_new_string ("bee"));
  ed_test_desk_set (world->b, ROW_CONFLICT, "count", g_variant_new_int64 (7));
  ed_test_desk_set (world->b, ROW_ELSEWHERE, "flag", g_variant_new_boolean (TRUE));
  world->a->now_ms += 10;
  ed_test_desk_set (world->a, ROW_CONFLICT, "name", g_variant_new_string ("ay"));
  ed_test_desk_set (world->a, ROW_CONFLICT, "count", g_variant_new_int64 (8));
  ed_test_desk_delete (world->a, ROW_DELETED);
  ed_test_desk_sync (world->b, world->a);
  g_assert_cmpuint (ed_test_desk_n_conflicts (world->a), ==, 2);
  world->a->now_ms += 10;
}

static void
world_clear (World *world)
{
  g_clear_pointer (&world->a, ed_test_desk_free);
  g_clear_pointer (&world->b, ed_test_desk_free);
}

/* One row's new values; NULL name, count < 0 or flag < 0 leave the field alone. */
typedef struct
{
  const char *id;
  const char *name;
  gint64      count;
  int         flag;
} Change;

static const Change changes[] = {
  { ROW_FRESH, AWKWARD_NAME, 2, TRUE },
  { ROW_EDITED, "two and a bit", 20, -1 },     /* count unchanged: no op */
  { ROW_CONFLICT, "ay", 9, -1 },                /* the value it has, but in conflict */
  { ROW_ELSEWHERE, NULL, 0, TRUE },             /* both unchanged: no op */
};

static guint
apply_one_by_one (EdTestDesk *desk)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(GError) error = NULL;
  guint n_ops;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      const Change *change = &changes[i];

      if (change->name != NULL)
        g_assert_true (ed_change_set_set (change_set, "thing", change->id, "name",
                                          g_variant_new_string (change->name), &error));
      if (change->count >= 0)
        g_assert_true (ed_change_set_set (change_set, "thing", change->id, "count",
                                          g_variant_new_int64 (change->count), &error));
      if (change->flag >= 0)
        g_assert_true (ed_change_set_set (change_set, "thing", change->id, "flag",
                                          g_variant_new_boolean (change->flag), &error));
      g_assert_no_error (error);
    }
  n_ops = ed_change_set_get_n_ops (change_set);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return n_ops;
}

static guint
apply_in_bulk (EdTestDesk *desk)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(EdBulkUpdate) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name", "count", "flag" };
  guint n_ops, total = 0;

  bulk = ed_change_set_bulk_update (change_set, "thing", columns, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      const Change *change = &changes[i];

      if (change->name != NULL)
        ed_bulk_update_set_text (bulk, 0, change->name);
      if (change->count >= 0)
        ed_bulk_update_set_int64 (bulk, 1, change->count);
      if (change->flag >= 0)
        ed_bulk_update_set_boolean (bulk, 2, change->flag);
      g_assert_true (ed_bulk_update_apply (bulk, change->id, &n_ops, &error));
      g_assert_no_error (error);
      total += n_ops;
    }
  g_clear_pointer (&bulk, ed_bulk_update_free);
  g_assert_cmpuint (ed_change_set_get_n_ops (change_set), ==, total);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return total;
}

/* Every row of a query, as text. */
static char *
dump (EdTestDesk *desk,
      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  stmt = ed_database_prepare (ed_context_get_database (desk->context), sql, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", (const char *)sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static const char *const state_queries[] = {
  "SELECT device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user FROM op_log "
  "ORDER BY device, seq",
  "SELECT * FROM field_head ORDER BY tbl, pk, col, device, seq",
  "SELECT * FROM op_pred ORDER BY pred_device, pred_seq, tbl, pk, col",
  "SELECT * FROM conflict ORDER BY tbl, pk, col",
  "SELECT id, name, count, flag FROM thing ORDER BY id",
};

static void
test_same_as_set (void)
{
  World one = { NULL }, bulk = { NULL };
  g_autofree char *hash_one = NULL;
  g_autofree char *hash_bulk = NULL;
  guint n_one, n_bulk;

  world_init (&one);
  world_init (&bulk);
  n_one = apply_one_by_one (one.a);
  n_bulk = apply_in_bulk (bulk.a);
  /* Fresh: 3; edited: name; conflict: name and count. */
  g_assert_cmpuint (n_one, ==, 6);
  g_assert_cmpuint (n_bulk, ==, n_one);

  for (guint i = 0; i < G_N_ELEMENTS (state_queries); i++)
    {
      g_autofree char *expected = dump (one.a, state_queries[i]);
      g_autofree char *actual = dump (bulk.a, state_queries[i]);

      g_assert_cmpstr (actual, ==, expected);
    }
  g_assert_cmpuint (ed_test_desk_n_conflicts (bulk.a), ==, 0);
  hash_one = ed_test_desk_hash (one.a);
  hash_bulk = ed_test_desk_hash (bulk.a);
  g_assert_cmpstr (hash_bulk, ==, hash_one);

  /* The other desk derives the same from the bulk update's ops. */
  ed_test_desk_sync (bulk.a, bulk.b);
  g_clear_pointer (&hash_one, g_free);
  hash_one = ed_test_desk_hash (bulk.b);
  g_assert_cmpstr (hash_one, ==, hash_bulk);

  world_clear (&one);
  world_clear (&bulk);
}

/* A second update of fields the first one set: their heads are its set ops now. */
static void
test_again (void)
{
  World one = { NULL }, bulk = { NULL };

  world_init (&one);
  world_init (&bulk);
  apply_one_by_one (one.a);
  apply_in_bulk (bulk.a);
  one.a->now_ms += 10;
  bulk.a->now_ms += 10;
  g_assert_cmpuint (apply_one_by_one (one.a), ==, 0);
  g_assert_cmpuint (apply_in_bulk (bulk.a), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (state_queries); i++)
    {
      g_autofree char *expected = dump (one.a, state_queries[i]);
      g_autofree char *actual = dump (bulk.a, state_queries[i]);

      g_assert_cmpstr (actual, ==, expected);
    }
  world_clear (&one);
  world_clear (&bulk);
}

static void
test_refused (void)
{
  World world = { NULL };
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdBulkUpdate) bulk = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name" };
  const char *unknown[] = { "name", "colour" };
  guint n_ops = 1;

  world_init (&world);
  change_set = ed_change_set_begin (ED_REPLICA (world.a->context), NULL);

  bulk = ed_change_set_bulk_update (change_set, "thing", unknown, 2, &error);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN);
  g_assert_null (bulk);
  g_clear_error (&error);

  bulk = ed_change_set_bulk_update (change_set, "nothing", columns, 1, &error);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE);
  g_assert_null (bulk);
  g_clear_error (&error);

  bulk = ed_change_set_bulk_update (change_set, "thing", columns, 1, &error);
  g_assert_no_error (error);
  ed_bulk_update_set_text (bulk, 0, "Zoe\xcc\x81");
  g_assert_false (ed_bulk_update_apply (bulk, ROW_FRESH, &n_ops, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_assert_cmpuint (n_ops, ==, 0);
  g_clear_error (&error);

  ed_bulk_update_set_text (bulk, 0, "gone");
  g_assert_false (ed_bulk_update_apply (bulk, ROW_DELETED, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
  g_clear_error (&error);

  /* Nothing set: nothing done, not even the row looked up. */
  g_assert_true (ed_bulk_update_apply (bulk, ROW_DELETED, &n_ops, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ops, ==, 0);
  g_assert_cmpuint (ed_change_set_get_n_ops (change_set), ==, 0);

  g_clear_pointer (&bulk, ed_bulk_update_free);
  g_clear_object (&change_set);
  world_clear (&world);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/bulk-update/same-as-set", test_same_as_set);
  g_test_add_func ("/changes/bulk-update/again", test_again);
  g_test_add_func ("/changes/bulk-update/refused", test_refused);
  return g_test_run ();
}
