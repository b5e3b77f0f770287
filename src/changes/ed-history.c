/* ed-history.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-replica-private.h"
#include "changes/ed-history.h"

/* The op log read as an audit trail: who changed what, when, from what to what (DESIGN.md
 * §5). "From" is the value of every version the change replaced, so a resolved conflict
 * shows both of the values it chose between. */

static const char row_ops_sql[] =
  "SELECT device, seq FROM op_log WHERE tbl = ?1 AND pk = ?2 ORDER BY hlc, device, seq";

void
ed_history_entry_free (EdHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->op_id);
  g_free (entry->device);
  g_free (entry->user);
  g_free (entry->col);
  g_free (entry->from_display);
  g_free (entry->to_display);
  g_free (entry);
}

static char *
display_json (const EdTableDef *table,
              const char       *col,
              const char       *json)
{
  int index = table != NULL ? ed_schema_column_index (table, col) : -1;
  g_autoptr(GVariant) value = NULL;

  if (json == NULL)
    return NULL;
  if (index >= 0)
    value = ed_value_from_json (table->columns[index].type, json, NULL);
  return value != NULL ? ed_value_to_display (value) : g_strdup (json);
}

static char *
field_value_of (EdOpStore  *store,
                const char *id,
                const char *col)
{
  g_autofree char *device = NULL;
  g_autoptr(EdOp) op = NULL;
  gint64 seq;

  if (!ed_op_id_parse (id, &device, &seq))
    return NULL;
  op = _ed_op_store_load_op (store, device, seq, NULL);
  if (op == NULL)
    return NULL;
  if (op->kind == ED_OP_INS)
    return _ed_op_store_column_value_of_insert (op, col);
  if (op->kind == ED_OP_SET)
    return g_strdup (op->val);
  return NULL;
}

/**
 * ed_history_for_row:
 * @replica: the district
 * @table: a synced table
 * @row_id: a row, visible or deleted
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdHistoryEntry): every change to the row, oldest
 *   first
 */
GPtrArray *
ed_history_for_row (EdReplica   *replica,
                    const char  *table,
                    const char  *row_id,
                    GError     **error)
{
  EdDatabase *database;
  EdOpStore *store;
  const EdTableDef *def;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  database = ed_replica_get_database (replica);
  store = _ed_replica_get_op_store (replica);
  def = ed_schema_lookup (ed_replica_get_schema (replica), table);
  if (def == NULL)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE,
                   _("“%s” is not a synced table"), table);
      return NULL;
    }

  stmt = ed_database_cached (database, row_ops_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, ed_op_id_make ((const char *)sqlite3_column_text (stmt, 0),
                                         sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  if (ids->len == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("%s has no row %s"), table, row_id);
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_history_entry_free);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *device = NULL;
      g_autoptr(EdOp) op = NULL;
      EdHistoryEntry *entry;
      gint64 seq;

      ed_op_id_parse (g_ptr_array_index (ids, i), &device, &seq);
      op = _ed_op_store_load_op (store, device, seq, error);
      if (op == NULL)
        return NULL;

      entry = g_new0 (EdHistoryEntry, 1);
      entry->op_id = ed_op_get_id (op);
      entry->hlc = op->hlc;
      entry->device = g_strdup (op->device);
      entry->user = g_strdup (op->user);
      entry->kind = op->kind;
      entry->col = g_strdup (op->col);

      if (op->kind == ED_OP_SET)
        {
          g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

          for (guint p = 0; op->pred != NULL && op->pred[p] != NULL; p++)
            {
              g_autofree char *json = field_value_of (store, op->pred[p], op->col);
              char *shown = display_json (def, op->col, json);

              if (shown != NULL)
                g_ptr_array_add (before, shown);
            }
          g_ptr_array_add (before, NULL);
          entry->from_display = g_strjoinv (_(" | "), (char **)before->pdata);
          entry->to_display = display_json (def, op->col, op->val);
        }
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}
