/* ed-state-hash.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-replica-private.h"
#include "changes/ed-state-hash.h"

/* A fingerprint of what a person can see: every visible row of every synced table and every
 * open conflict with its competing values. Rows are taken in id order and values in their
 * canonical form, so two desks that hold the same ops agree whatever order those arrived in
 * and whatever their clocks said. With heads, it also covers which version of each field is
 * current: the stronger check the merge simulator uses (SYNC.md §4.12 P1). */

static void
feed (GChecksum  *checksum,
      const char *text)
{
  g_checksum_update (checksum, (const guchar *)text, -1);
  g_checksum_update (checksum, (const guchar *)"\x1f", 1);
}

static void
feed_heads (GChecksum *checksum,
            GPtrArray *heads)
{
  g_auto(GStrv) ids = _ed_heads_ids (heads);

  for (guint i = 0; ids[i] != NULL; i++)
    feed (checksum, ids[i]);
  feed (checksum, "\x1e");
}

static gboolean
hash_table_rows (EdReplica        *replica,
                 GChecksum        *checksum,
                 const EdTableDef *table,
                 gboolean          with_heads,
                 GError          **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  EdOpStore *store = _ed_replica_get_op_store (replica);
  g_autoptr(GPtrArray) pks = g_ptr_array_new_with_free_func (g_free);
  GString *sql = g_string_new ("SELECT id");
  sqlite3_stmt *stmt;
  char *from;
  int rc;

  for (guint i = 0; i < table->n_columns; i++)
    {
      char *column = sqlite3_mprintf (", quote(\"%w\")", table->columns[i].name);

      g_string_append (sql, column);
      sqlite3_free (column);
    }
  from = sqlite3_mprintf (" FROM \"%w\" ORDER BY id", table->name);
  g_string_append (sql, from);
  sqlite3_free (from);

  stmt = ed_database_cached (database, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return FALSE;

  feed (checksum, table->name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i <= table->n_columns; i++)
        feed (checksum, (const char *)sqlite3_column_text (stmt, i));
      if (with_heads)
        g_ptr_array_add (pks, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  if (pks->len > 0)
    {
      /* The row's own head, then each column's: every row's state loaded once. */
      g_autofree const char **cols = g_new (const char *, table->n_columns + 1);

      cols[0] = "__row";
      for (guint i = 0; i < table->n_columns; i++)
        cols[i + 1] = table->columns[i].name;
      for (guint p = 0; p < pks->len; p++)
        {
          g_autoptr(GPtrArray) all = _ed_op_store_get_row_heads (
            store, table->name, g_ptr_array_index (pks, p), cols, table->n_columns + 1, error);

          if (all == NULL)
            return FALSE;
          for (guint i = 0; i < all->len; i++)
            feed_heads (checksum, g_ptr_array_index (all, i));
        }
    }
  return TRUE;
}

static gboolean
hash_conflicts (EdReplica  *replica,
                GChecksum  *checksum,
                GError    **error)
{
  EdOpStore *store = _ed_replica_get_op_store (replica);
  g_autoptr(GPtrArray) rows = _ed_op_store_list_conflicts (store, error);

  if (rows == NULL)
    return FALSE;

  feed (checksum, "conflicts");
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) heads = _ed_op_store_get_heads (store, row[0], row[1], row[2], error);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();

      if (heads == NULL)
        return FALSE;
      for (int c = 0; c < 4; c++)
        feed (checksum, row[c]);
      for (guint h = 0; h < heads->len; h++)
        {
          EdHead *head = g_ptr_array_index (heads, h);

          g_ptr_array_add (values, head->value_json != NULL ? head->value_json
                                                            : (char *)ed_op_kind_to_string (head->op->kind));
        }
      g_ptr_array_sort (values, _ed_compare_string_ptrs);
      for (guint v = 0; v < values->len; v++)
        feed (checksum, g_ptr_array_index (values, v));
    }
  return TRUE;
}

/**
 * ed_state_hash:
 * @replica: the district
 * @with_heads: also cover the current versions of every field
 * @error: return location for an error
 *
 * Returns: (transfer full): a SHA-256 in hex of the visible state, or %NULL
 */
char *
ed_state_hash (EdReplica  *replica,
               gboolean    with_heads,
               GError    **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = NULL;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  tables = ed_schema_list_tables (ed_replica_get_schema (replica));
  for (guint i = 0; i < tables->len; i++)
    if (!hash_table_rows (replica, checksum, g_ptr_array_index (tables, i), with_heads, error))
      return NULL;
  if (!hash_conflicts (replica, checksum, error))
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}
