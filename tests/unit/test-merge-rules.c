/* test-merge-rules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ed-modules.h"
#include "ed-test-lib.h"
#include "core/ed-database-private.h"
#include "changes/ed-history.h"
#include "ed-test-dir.h"
#include "ed-test-desk.h"
#include "changes/ed-validate.h"

/* One test for each merge rule of SYNC.md §4.4, on in-memory desks. */

#define DESK_A "aaaaaaaa-0000-4000-8000-000000000001"
#define DESK_B "bbbbbbbb-0000-4000-8000-000000000002"
#define DESK_C "cccccccc-0000-4000-8000-000000000003"
#define T0 G_GINT64_CONSTANT (1795000000000)   /* November 2026, in ms */

static void
assert_same_state (EdTestDesk *a,
                   EdTestDesk *b)
{
  g_autofree char *hash_a = ed_test_desk_hash (a);
  g_autofree char *hash_b = ed_test_desk_hash (b);

  g_assert_cmpstr (hash_a, ==, hash_b);
}

/* Two desks that start from the same row. */
static char *
shared_row (EdTestDesk *a,
            EdTestDesk *b)
{
  char *id = ed_test_desk_insert (a, "Station Road", 1);

  ed_test_desk_sync (a, b);
  return id;
}

/* §4.4: concurrent edits of one field give exactly one conflict with both values, on every
 * desk. */
static void
test_concurrent_edits_conflict (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;
  EdTestDesk *desks[] = { a, b };

  a->now_ms += 1000;
  b->now_ms += 2000;
  ed_test_desk_set (a, id, "name", g_variant_new_string ("Station Road North"));
  ed_test_desk_set (b, id, "name", g_variant_new_string ("Station Rd"));
  ed_test_desk_sync (a, b);
  ed_test_desk_sync (b, a);

  for (guint d = 0; d < G_N_ELEMENTS (desks); d++)
    {
      g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (desks[d]->context), NULL);
      EdConflict *conflict;
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      g_assert_cmpuint (conflicts->len, ==, 1);
      conflict = g_ptr_array_index (conflicts, 0);
      g_assert_cmpstr (conflict->kind, ==, "value");
      g_assert_cmpstr (conflict->col, ==, "name");
      g_assert_cmpuint (conflict->heads->len, ==, 2);
      for (guint h = 0; h < 2; h++)
        {
          EdConflictHead *head = g_ptr_array_index (conflict->heads, h);

          g_assert_nonnull (head->user);
          g_assert_cmpint (ed_hlc_get_ms (head->hlc), >=, T0);
          g_ptr_array_add (values, head->value_json);
        }
      g_assert_true (g_strv_contains ((const char * const *)(gpointer[]) {
                                        values->pdata[0], values->pdata[1], NULL },
                                      "\"Station Road North\""));
      g_assert_true (g_strv_contains ((const char * const *)(gpointer[]) {
                                        values->pdata[0], values->pdata[1], NULL },
                                      "\"Station Rd\""));
    }

  /* Both show the same winner: the later clock (B's). */
  on_a = ed_test_desk_get_text (a, id, "name");
  on_b = ed_test_desk_get_text (b, id, "name");
  g_assert_cmpstr (on_a, ==, "Station Rd");
  g_assert_cmpstr (on_b, ==, "Station Rd");
  assert_same_state (a, b);
}

/* §4.4: concurrent edits to the same value are not a conflict. */
static void
test_equal_values_no_conflict (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);

  ed_test_desk_set (a, id, "count", g_variant_new_int64 (7));
  ed_test_desk_set (b, id, "count", g_variant_new_int64 (7));
  ed_test_desk_sync (a, b);
  ed_test_desk_sync (b, a);

  g_assert_cmpuint (ed_test_desk_n_conflicts (a), ==, 0);
  g_assert_cmpuint (ed_test_desk_n_conflicts (b), ==, 0);
  assert_same_state (a, b);
}

/* §4.4: edits of different fields of one row merge silently. */
static void
test_different_fields_merge (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;

  ed_test_desk_set (a, id, "name", g_variant_new_string ("High Street"));
  ed_test_desk_set (b, id, "count", g_variant_new_int64 (42));
  ed_test_desk_sync (a, b);
  ed_test_desk_sync (b, a);

  g_assert_cmpuint (ed_test_desk_n_conflicts (a), ==, 0);
  name = ed_test_desk_get_text (b, id, "name");
  count = ed_test_desk_get_text (a, id, "count");
  g_assert_cmpstr (name, ==, "High Street");
  g_assert_cmpstr (count, ==, "42");
  assert_same_state (a, b);
}

/* §4.4: a delete against an edit it did not see leaves the row visible and flagged. */
static void
test_delete_against_unseen_edit (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  ed_test_desk_delete (a, id);
  ed_test_desk_set (b, id, "name", g_variant_new_string ("Kept Road"));
  ed_test_desk_sync (a, b);
  ed_test_desk_sync (b, a);

  name = ed_test_desk_get_text (a, id, "name");
  g_assert_cmpstr (name, ==, "Kept Road");
  conflicts = ed_conflicts_list (ED_REPLICA (a->context), NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((EdConflict *)g_ptr_array_index (conflicts, 0))->kind, ==, "delete");
  /* Both sides are shown: the delete, and the edit it had not seen. */
  {
    GPtrArray *heads = ((EdConflict *)g_ptr_array_index (conflicts, 0))->heads;

    g_assert_cmpuint (heads->len, ==, 2);
    g_assert_cmpint (((EdConflictHead *)g_ptr_array_index (heads, 0))->kind, ==, ED_OP_DEL);
    g_assert_cmpint (((EdConflictHead *)g_ptr_array_index (heads, 1))->kind, ==, ED_OP_SET);
    g_assert_cmpstr (((EdConflictHead *)g_ptr_array_index (heads, 1))->value_json, ==,
                     "\"Kept Road\"");
  }
  assert_same_state (a, b);

  /* Confirming the delete on B, having now seen the edit, deletes it everywhere. */
  g_assert_true (ed_conflicts_resolve_delete (ED_REPLICA (b->context),
                                              ((EdConflict *)g_ptr_array_index (conflicts, 0))->id,
                                              FALSE, NULL));
  ed_test_desk_sync (b, a);
  g_assert_null (ed_test_desk_get_text (a, id, "name"));
  g_assert_cmpuint (ed_test_desk_n_conflicts (a), ==, 0);
  assert_same_state (a, b);
}

/* A delete that saw every edit simply deletes; a restore brings the row back everywhere. */
static void
test_delete_seen_and_restore (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);
  g_autofree char *name = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;

  ed_test_desk_set (b, id, "name", g_variant_new_string ("Seen Road"));
  ed_test_desk_sync (b, a);
  ed_test_desk_delete (a, id);
  ed_test_desk_sync (a, b);
  g_assert_null (ed_test_desk_get_text (b, id, "name"));
  g_assert_cmpuint (ed_test_desk_n_conflicts (b), ==, 0);

  change_set = ed_change_set_begin (ED_REPLICA (b->context), NULL);
  g_assert_true (ed_change_set_restore (change_set, "thing", id, NULL));
  g_assert_true (ed_change_set_commit (change_set, NULL));
  ed_test_desk_sync (b, a);
  name = ed_test_desk_get_text (a, id, "name");
  g_assert_cmpstr (name, ==, "Seen Road");
  assert_same_state (a, b);
}

/* §4.4: a resolution made on one desk clears the conflict on all. */
static void
test_resolution_clears_everywhere (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autoptr(EdTestDesk) c = ed_test_desk_new (DESK_C, T0);
  g_autofree char *id = shared_row (a, b);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *name = NULL;

  ed_test_desk_sync (a, c);
  ed_test_desk_set (a, id, "name", g_variant_new_string ("One"));
  ed_test_desk_set (b, id, "name", g_variant_new_string ("Two"));
  ed_test_desk_sync (a, c);
  ed_test_desk_sync (b, c);
  g_assert_cmpuint (ed_test_desk_n_conflicts (c), ==, 1);

  conflicts = ed_conflicts_list (ED_REPLICA (c->context), NULL);
  g_assert_true (ed_conflicts_resolve_value (ED_REPLICA (c->context),
                                             ((EdConflict *)g_ptr_array_index (conflicts, 0))->id,
                                             g_variant_new_string ("Three"), NULL));
  g_assert_cmpuint (ed_test_desk_n_conflicts (c), ==, 0);

  ed_test_desk_sync (c, a);
  ed_test_desk_sync (c, b);
  g_assert_cmpuint (ed_test_desk_n_conflicts (a), ==, 0);
  g_assert_cmpuint (ed_test_desk_n_conflicts (b), ==, 0);
  name = ed_test_desk_get_text (b, id, "name");
  g_assert_cmpstr (name, ==, "Three");
  assert_same_state (a, b);
  assert_same_state (a, c);
}

/* §4.4: an edit made after seeing another never conflicts, whatever the clocks say. */
static void
test_causal_edit_never_conflicts (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0 + 3 * G_GINT64_CONSTANT (86400000));
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);   /* three days behind A */
  g_autofree char *id = shared_row (a, b);
  g_autofree char *name = NULL;

  ed_test_desk_set (a, id, "name", g_variant_new_string ("First"));
  ed_test_desk_sync (a, b);
  ed_test_desk_set (b, id, "name", g_variant_new_string ("Second, having seen First"));
  ed_test_desk_sync (b, a);

  g_assert_cmpuint (ed_test_desk_n_conflicts (a), ==, 0);
  name = ed_test_desk_get_text (a, id, "name");
  g_assert_cmpstr (name, ==, "Second, having seen First");
  assert_same_state (a, b);
}

/* Idempotence and order: the same batch twice, or backwards, changes nothing more. */
static void
test_idempotent_and_order_free (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autoptr(EdTestDesk) c = ed_test_desk_new (DESK_C, T0);
  g_autofree char *id = ed_test_desk_insert (a, "Mill Lane", 1);
  g_autofree char *other = ed_test_desk_insert (a, "Quay Street", 2);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_b_again = NULL;
  g_autofree char *hash_c = NULL;
  EdMergeStats stats;

  ed_test_desk_set (a, id, "name", g_variant_new_string ("Mill Lane East"));
  ed_test_desk_set (a, id, "flag", g_variant_new_boolean (TRUE));
  ed_test_desk_delete (a, other);
  ops = ed_merge_export (ED_REPLICA (a->context), NULL, NULL);
  for (guint i = ops->len; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (ops, i - 1));

  g_assert_true (ed_merge_apply (ED_REPLICA (b->context), NULL, ops, &stats, NULL));
  g_assert_cmpuint (stats.applied, ==, ops->len);
  hash_b = ed_test_desk_hash (b);
  g_assert_true (ed_merge_apply (ED_REPLICA (b->context), NULL, ops, &stats, NULL));
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.duplicates, ==, ops->len);
  hash_b_again = ed_test_desk_hash (b);
  g_assert_cmpstr (hash_b, ==, hash_b_again);

  g_assert_true (ed_merge_apply (ED_REPLICA (c->context), NULL, reversed, NULL, NULL));
  hash_c = ed_test_desk_hash (c);
  g_assert_cmpstr (hash_b, ==, hash_c);
  assert_same_state (a, b);
}

/* §4.4 step 1: the same op id with different content is refused with an alarm, and nothing
 * of the batch is applied. */
static void
test_integrity_alarm (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *id = shared_row (a, b);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = ed_test_desk_insert (a, "New Row", 5);
  EdOp *tampered;
  gint64 alarms = 0;

  ops = ed_merge_export (ED_REPLICA (a->context), NULL, NULL);
  tampered = g_ptr_array_index (ops, 0);   /* the ins of the shared row, which B holds */
  g_free (tampered->val);
  tampered->val = g_strdup ("{\"name\":\"Forged\",\"count\":1,\"flag\":false}");

  before = ed_test_desk_hash (b);
  g_assert_false (ed_merge_apply (ED_REPLICA (b->context), NULL, ops, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY);
  after = ed_test_desk_hash (b);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (ed_test_desk_get_text (b, other, "name"));
  g_assert_true (ed_database_count_rows (ed_context_get_database (b->context), "integrity_alarm",
                                         &alarms, NULL));
  g_assert_cmpint (alarms, ==, 1);
}

/* Sequence numbers run from 1 without gaps, and a rolled-back change set uses none. */
static void
test_sequence_without_gaps (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *id = ed_test_desk_insert (a, "One", 1);
  g_autoptr(GPtrArray) ops = NULL;

  {
    g_autoptr(EdChangeSet) abandoned = ed_change_set_begin (ED_REPLICA (a->context), NULL);

    g_assert_true (ed_change_set_set (abandoned, "thing", id, "count", g_variant_new_int64 (9),
                                      NULL));
    /* Dropped without commit: rolled back. */
  }
  ed_test_desk_set (a, id, "count", g_variant_new_int64 (2));

  ops = ed_merge_export (ED_REPLICA (a->context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 2);
  for (guint i = 0; i < ops->len; i++)
    g_assert_cmpint (((EdOp *)g_ptr_array_index (ops, i))->seq, ==, i + 1);
  g_assert_cmpstr (((EdOp *)g_ptr_array_index (ops, 1))->val, ==, "2");
}

/* An ins carries every value; a set names the heads it replaced; setting the same value is
 * not an op. */
static void
test_op_shapes (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *id = ed_test_desk_insert (a, "Bridge End", 3);
  g_autoptr(GPtrArray) ops = NULL;
  EdOp *insert, *set;
  g_autofree char *insert_id = NULL;

  ed_test_desk_set (a, id, "name", g_variant_new_string ("Bridge End"));   /* unchanged */
  ed_test_desk_set (a, id, "name", g_variant_new_string ("Bridge Street"));
  ops = ed_merge_export (ED_REPLICA (a->context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 2);

  insert = g_ptr_array_index (ops, 0);
  g_assert_cmpint (insert->kind, ==, ED_OP_INS);
  g_assert_cmpstr (insert->col, ==, "__row");
  g_assert_cmpstr (insert->val, ==, "{\"name\":\"Bridge End\",\"count\":3,\"flag\":false}");
  g_assert_cmpuint (g_strv_length (insert->pred), ==, 0);

  set = g_ptr_array_index (ops, 1);
  insert_id = ed_op_get_id (insert);
  g_assert_cmpint (set->kind, ==, ED_OP_SET);
  g_assert_cmpstr (set->val, ==, "\"Bridge Street\"");
  g_assert_cmpuint (g_strv_length (set->pred), ==, 1);
  g_assert_cmpstr (set->pred[0], ==, insert_id);
  g_assert_cmpint (set->hlc, >, insert->hlc);
}

/* Values must be canonical: text in NFC, of the column's type. */
static void
test_rejects_bad_values (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *id = ed_test_desk_insert (a, "Ok", 1);
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (a->context), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_change_set_set (change_set, "thing", id, "count",
                                     g_variant_new_string ("seven"), &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ed_change_set_set (change_set, "thing", id, "name",
                                     g_variant_new_string ("Mo\xcc\x82n"), &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
  g_clear_error (&error);
  /* Refused on inserting too, with the row half built (and no warning on the way out). */
  {
    const char *columns[] = { "name", "count" };
    GVariant *values[] = { g_variant_new_string ("Mo\xcc\x82n"), g_variant_new_int64 (1) };

    g_assert_false (ed_change_set_insert (change_set, "thing", NULL, columns, values, 2, NULL,
                                          &error));
    g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE);
    g_clear_error (&error);
    g_variant_unref (g_variant_ref_sink (values[0]));
    g_variant_unref (g_variant_ref_sink (values[1]));
  }
  g_assert_false (ed_change_set_set (change_set, "thing", id, "colour",
                                     g_variant_new_string ("red"), &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN);
  g_clear_error (&error);
  g_assert_false (ed_change_set_set (change_set, "nothing", id, "name",
                                     g_variant_new_string ("x"), &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE);
  g_clear_error (&error);
  g_assert_false (ed_change_set_set (change_set, "thing", "no-such-row", "name",
                                     g_variant_new_string ("x"), &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
}

static gboolean
validate_unique_names (EdReplica  *replica,
                       GPtrArray  *items,
                       GError    **error)
{
  const char *key[] = { "name", NULL };

  return ed_validate_unique (replica, "unique-name", "thing", key, "name", items, error);
}

static const EdValidator unique_names = { "unique-name", validate_unique_names };

/* Validators run after a merge: two desks that each add a row with the same natural key
 * (two electors given one number) raise an item for a person on both rows. */
static void
test_validator_after_merge (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;
  g_autoptr(GPtrArray) items = NULL;

  ed_schema_add_validator (ed_context_get_schema (b->context), &unique_names);
  on_a = ed_test_desk_insert (a, "AB124", 1);
  on_b = ed_test_desk_insert (b, "AB124", 2);
  ed_test_desk_sync (a, b);

  items = ed_validate_list_items (ED_REPLICA (b->context), NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((EdValidationItem *)g_ptr_array_index (items, 0))->validator, ==,
                   "unique-name");
  g_assert_nonnull (strstr (((EdValidationItem *)g_ptr_array_index (items, 0))->message, "name"));
}

static char *
query_district_id (EdTestDesk *desk)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (desk->context),
                                            "SELECT id FROM district", &error);
  char *id;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return id;
}

/* A shared-service team's desks hold two councils: one district's changes are never poured
 * into the other's register. */
static void
test_other_district_refused (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0);
  g_autoptr(EdTestDesk) c = ed_test_desk_new (DESK_C, T0);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *district_b = NULL;
  g_autofree char *a_id = NULL;
  g_autofree char *b_id = NULL;

  g_hash_table_insert (values, "council-name", "Testbury District Council");
  g_hash_table_insert (values, "country", "england");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (a->context), values,
                                              NULL));
  g_hash_table_insert (values, "council-name", "Otherton Borough Council");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (b->context), values,
                                              NULL));

  /* A new desk joins A's district by taking A's changes. */
  ed_test_desk_sync (a, c);
  g_assert_cmpstr (ed_district_settings_get_council_name (ed_context_get_settings (c->context)),
                   ==, "Testbury District Council");

  /* B's changes are another council's. */
  before = ed_test_desk_hash (c);
  ops = ed_merge_export (ED_REPLICA (b->context), NULL, NULL);
  district_b = ed_merge_get_district_id (ED_REPLICA (b->context), NULL);
  g_assert_nonnull (district_b);
  g_assert_false (ed_merge_apply (ED_REPLICA (c->context), district_b, ops, NULL, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_OTHER_DISTRICT);
  after = ed_test_desk_hash (c);
  g_assert_cmpstr (before, ==, after);

  /* Issue 11, item 11: the message tells the two districts apart. Their ids, made at the
   * same moment, share their first characters, which were all it showed; it names each
   * council and gives each id whole. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Otherton Borough Council"));
  g_assert_nonnull (strstr (error->message, "Testbury District Council"));
  a_id = query_district_id (a);
  b_id = query_district_id (b);
  g_assert_cmpstr (a_id, !=, b_id);
  g_assert_nonnull (strstr (error->message, a_id));
  g_assert_nonnull (strstr (error->message, b_id));
}

/* The generic checks modules use: duplicate natural keys and dangling references. */
static void
test_generic_validators (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *one = ed_test_desk_insert (a, "Same", 1);
  g_autofree char *two = ed_test_desk_insert (a, "Same", 2);
  g_autofree char *three = ed_test_desk_insert (a, "Different", 1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_validation_item_free);
  const char *key[] = { "name", NULL };

  g_assert_true (ed_validate_unique (ED_REPLICA (a->context), "unique-name", "thing", key, "name", items,
                                     NULL));
  g_assert_cmpuint (items->len, ==, 2);
  g_ptr_array_set_size (items, 0);

  /* "name" read as a reference to a row of thing: none of them is an id. */
  g_assert_true (ed_validate_reference (ED_REPLICA (a->context), "name-ref", "thing", "name", "thing", items,
                                        NULL));
  g_assert_cmpuint (items->len, ==, 3);
}

/* SYNC.md §4.11: a write that bypasses the change set is caught at the next change set. */
static void
test_write_check_catches_bypass (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *id = ed_test_desk_insert (a, "Honest", 1);
  g_autofree char *sql = g_strdup_printf ("UPDATE thing SET name = 'Sneaky' WHERE id = '%s'",
                                          id);
  g_autoptr(GError) error = NULL;
  EdChangeSet *change_set;

  if (g_strcmp0 (g_getenv ("ED_WRITE_CHECK"), "1") != 0)
    {
      g_test_skip ("ED_WRITE_CHECK is not set");
      return;
    }

  g_assert_true (ed_database_exec (ed_context_get_database (a->context), sql, NULL));
  g_test_expect_message ("ed-changes", G_LOG_LEVEL_CRITICAL, "*outside a change set*");
  change_set = ed_change_set_begin (ED_REPLICA (a->context), &error);
  g_test_assert_expected_messages ();
  g_assert_null (change_set);
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNRECORDED_WRITE);
  g_assert_nonnull (strstr (error->message, "thing.name"));
}

/* The op log is the audit trail: who changed what, from what to what. */
static void
test_history (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autofree char *id = ed_test_desk_insert (a, "Old Name", 1);
  g_autoptr(GPtrArray) history = NULL;
  EdHistoryEntry *entry;

  a->now_ms += 60000;
  ed_test_desk_set (a, id, "name", g_variant_new_string ("New Name"));
  history = ed_history_for_row (ED_REPLICA (a->context), "thing", id, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->kind, ==, ED_OP_SET);
  g_assert_cmpstr (entry->col, ==, "name");
  g_assert_cmpstr (entry->from_display, ==, "Old Name");
  g_assert_cmpstr (entry->to_display, ==, "New Name");
  g_assert_cmpstr (entry->user, ==, ed_context_get_user_name (a->context));
  g_assert_cmpint (ed_hlc_get_ms (entry->hlc), ==, T0 + 60000);
}

/* SYNC.md §4.2: the clock. */
static void
test_hlc (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  g_autoptr(EdTestDesk) b = ed_test_desk_new (DESK_B, T0 + 3 * G_GINT64_CONSTANT (31536000000));
  EdHlc *hlc = ed_context_get_hlc (a->context);
  gint64 first, second, after_jump;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  first = ed_hlc_tick (hlc);
  second = ed_hlc_tick (hlc);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (ed_hlc_get_ms (second), ==, T0);
  g_assert_cmpuint (ed_hlc_get_counter (second), ==, 1);

  /* The wall clock jumps back an hour: the clock does not. */
  a->now_ms -= 3600000;
  after_jump = ed_hlc_tick (hlc);
  g_assert_cmpint (after_jump, >, second);
  a->now_ms += 3600000;

  /* A remote clock within the hour is followed... */
  g_assert_true (ed_hlc_receive (hlc, ed_hlc_pack (T0 + 600000, 0)));
  g_assert_cmpint (ed_hlc_get_ms (ed_hlc_tick (hlc)), ==, T0 + 600000);

  /* ...one three years ahead is not, and its desk is flagged. */
  id = ed_test_desk_insert (b, "From the future", 1);
  ed_test_desk_sync (b, a);
  g_assert_cmpint (ed_hlc_get_ms (ed_hlc_tick (hlc)), <, T0 + 3600000);
  warnings = ed_merge_list_clock_warnings (ED_REPLICA (a->context), NULL);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "days ahead"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "bbbbbbbb"));
}

/* A district written before the op log existed (data format 2) has rows no op names; opening
 * it records them, so they reach other desks and can be edited without being lost. */
static void
test_adopts_rows_from_older_versions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ed-adopt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(EdDatabase) old = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  EdDistrictSettings *settings;

  old = _ed_database_open_at_version (path, ed_test_migrations (), 2, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (old, "INSERT INTO district (id, council_name, country) "
                                   "VALUES ('0f0f0f0f-0000-4000-8000-000000000000', "
                                   "'Oldtown District Council', 'england')", &error));
  g_clear_object (&old);

  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  ops = ed_merge_export (ED_REPLICA (context), NULL, NULL);
  g_assert_cmpuint (ops->len, ==, 1);
  g_assert_cmpint (((EdOp *)g_ptr_array_index (ops, 0))->kind, ==, ED_OP_INS);
  g_assert_nonnull (strstr (((EdOp *)g_ptr_array_index (ops, 0))->val,
                            "\"council_name\":\"Oldtown District Council\""));

  settings = ed_context_get_settings (context);
  g_assert_true (ed_district_settings_set (settings, "ro-name", "Jo Tester", &error));
  g_assert_no_error (error);
  g_assert_true (ed_district_settings_reload (settings, &error));
  g_assert_cmpstr (ed_district_settings_get_council_name (settings), ==,
                   "Oldtown District Council");
  g_assert_cmpstr (ed_district_settings_get (settings, "ro-name"), ==, "Jo Tester");

  g_clear_object (&context);
  ed_test_dir_remove_all (dir);
}

/* Every table a migrated database holds is either synced or declared local. */
static void
test_every_table_registered (void)
{
  g_autoptr(EdContext) context = ed_modules_open_district (":memory:", NULL);
  EdSchema *schema = ed_context_get_schema (context);
  g_autoptr(GPtrArray) tables = ed_database_list_tables (ed_context_get_database (context),
                                                         NULL);

  g_assert_cmpuint (tables->len, >, 5);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      if (ed_schema_lookup (schema, table) == NULL && !ed_schema_is_local (schema, table))
        g_error ("Table %s is neither synced (ed_schema_add_table) nor declared local-only "
                 "(ed-schema-tables.c)", table);
    }

  /* And the other way: every registered table is in the database. */
  {
    g_autoptr(GPtrArray) synced = ed_schema_list_tables (schema);

    for (guint i = 0; i < synced->len; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (
        tables, ((EdTableDef *)g_ptr_array_index (synced, i))->name, g_str_equal, NULL));
  }
}

/* Settings edits go through the change set and are in the history. */
static void
test_settings_are_ops (void)
{
  g_autoptr(EdTestDesk) a = ed_test_desk_new (DESK_A, T0);
  EdDistrictSettings *settings = ed_context_get_settings (a->context);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ops = NULL;

  g_hash_table_insert (values, "council-name", "Testbury District Council");
  g_hash_table_insert (values, "country", "wales");
  g_hash_table_insert (values, "welsh-language", "true");
  g_assert_true (ed_district_settings_create (settings, values, NULL));
  g_assert_true (ed_district_settings_set (settings, "country", "england", NULL));

  ops = ed_merge_export (ED_REPLICA (a->context), NULL, NULL);
  /* The insert, then the country and (turned off with it) Welsh-language mode. */
  g_assert_cmpuint (ops->len, ==, 3);
  g_assert_cmpstr (((EdOp *)g_ptr_array_index (ops, 1))->col, ==, "country");
  g_assert_cmpstr (((EdOp *)g_ptr_array_index (ops, 2))->col, ==, "welsh_language");
  g_assert_cmpstr (((EdOp *)g_ptr_array_index (ops, 2))->val, ==, "false");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/rules/concurrent-edits-one-conflict", test_concurrent_edits_conflict);
  g_test_add_func ("/sync/rules/equal-values-no-conflict", test_equal_values_no_conflict);
  g_test_add_func ("/sync/rules/different-fields-merge", test_different_fields_merge);
  g_test_add_func ("/sync/rules/delete-against-unseen-edit", test_delete_against_unseen_edit);
  g_test_add_func ("/sync/rules/delete-seen-and-restore", test_delete_seen_and_restore);
  g_test_add_func ("/sync/rules/resolution-clears-everywhere", test_resolution_clears_everywhere);
  g_test_add_func ("/sync/rules/causal-edit-never-conflicts", test_causal_edit_never_conflicts);
  g_test_add_func ("/sync/rules/idempotent-and-order-free", test_idempotent_and_order_free);
  g_test_add_func ("/sync/rules/integrity-alarm", test_integrity_alarm);
  g_test_add_func ("/sync/change-set/sequence-without-gaps", test_sequence_without_gaps);
  g_test_add_func ("/sync/change-set/op-shapes", test_op_shapes);
  g_test_add_func ("/sync/change-set/rejects-bad-values", test_rejects_bad_values);
  g_test_add_func ("/sync/change-set/settings-are-ops", test_settings_are_ops);
  g_test_add_func ("/sync/validate/after-merge", test_validator_after_merge);
  g_test_add_func ("/sync/rules/other-district-refused", test_other_district_refused);
  g_test_add_func ("/sync/validate/generic-checks", test_generic_validators);
  g_test_add_func ("/sync/write-check/catches-bypass", test_write_check_catches_bypass);
  g_test_add_func ("/sync/history/from-and-to", test_history);
  g_test_add_func ("/sync/hlc/rules", test_hlc);
  g_test_add_func ("/sync/schema/every-table-registered", test_every_table_registered);
  g_test_add_func ("/sync/change-set/adopts-rows-from-older-versions",
                   test_adopts_rows_from_older_versions);

  return g_test_run ();
}
