/* ed-test-desk.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-test-desk.h"

static const EdColumnDef ed_test_thing_columns[] = {
  { "name", ED_VALUE_TEXT },
  { "count", ED_VALUE_INTEGER },
  { "flag", ED_VALUE_BOOLEAN },
};

static const EdTableDef ed_test_thing_table = {
  "thing", ed_test_thing_columns, G_N_ELEMENTS (ed_test_thing_columns)
};

static gint64
ed_test_desk_clock (gpointer data)
{
  return ((EdTestDesk *)data)->now_ms;
}

EdTestDesk *
ed_test_desk_new (const char *device_id,
                  gint64      now_ms)
{
  EdTestDesk *desk = g_new0 (EdTestDesk, 1);
  g_autoptr(EdSchema) schema = ed_modules_new_schema ();
  g_autoptr(GError) error = NULL;

  ed_schema_add_table (schema, &ed_test_thing_table);
  desk->now_ms = now_ms;
  desk->context = _ed_context_open_full (":memory:", ed_modules_get_all (), schema,
                                         ed_test_desk_clock, desk, device_id, &error);
  g_assert_no_error (error);
  g_assert_true (ed_database_exec (ed_context_get_database (desk->context),
                                   "CREATE TABLE thing (id TEXT PRIMARY KEY NOT NULL, "
                                   "name TEXT NOT NULL DEFAULT '', "
                                   "count INTEGER NOT NULL DEFAULT 0, "
                                   "flag INTEGER NOT NULL DEFAULT 0) STRICT", &error));
  return desk;
}

void
ed_test_desk_free (EdTestDesk *desk)
{
  g_object_unref (desk->context);
  g_free (desk);
}

char *
ed_test_desk_insert (EdTestDesk *desk,
                     const char *name,
                     gint64      count)
{
  const char *columns[] = { "name", "count" };
  GVariant *values[] = { g_variant_new_string (name), g_variant_new_int64 (count) };
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (ed_change_set_insert (change_set, "thing", NULL, columns, values, 2, &id,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  return id;
}

void
ed_test_desk_set (EdTestDesk *desk,
                  const char *id,
                  const char *column,
                  GVariant   *value)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_change_set_set (change_set, "thing", id, column, value, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
}

void
ed_test_desk_delete (EdTestDesk *desk,
                     const char *id)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (desk->context), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_change_set_delete (change_set, "thing", id, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
}

/* Sends everything @from holds to @to. */
void
ed_test_desk_sync (EdTestDesk *from,
                   EdTestDesk *to)
{
  g_autoptr(GPtrArray) ops = ed_merge_export (ED_REPLICA (from->context), NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *district = ed_merge_get_district_id (ED_REPLICA (from->context), &error);

  g_assert_no_error (error);
  g_assert_nonnull (ops);
  g_assert_true (ed_merge_apply (ED_REPLICA (to->context), district, ops, NULL, &error));
  g_assert_no_error (error);
}

char *
ed_test_desk_hash (EdTestDesk *desk)
{
  g_autoptr(GError) error = NULL;
  char *hash = ed_state_hash (ED_REPLICA (desk->context), TRUE, &error);

  g_assert_no_error (error);
  return hash;
}

char *
ed_test_desk_get_text (EdTestDesk *desk,
                       const char *id,
                       const char *column)
{
  char *sql = sqlite3_mprintf ("SELECT \"%w\" FROM thing WHERE id = %Q", column, id);
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (desk->context), sql, NULL);
  char *text = NULL;

  sqlite3_free (sql);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

guint
ed_test_desk_n_conflicts (EdTestDesk *desk)
{
  g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (desk->context), NULL);

  g_assert_nonnull (conflicts);
  return conflicts->len;
}
