/* ed-op-store.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-op-store-private.h"

/* The merge rules of SYNC.md §4.4, over the tables of 0003-changes.sql.
 *
 * Heads are kept per field. A field nobody has edited since its row was inserted has no
 * field_head rows: its one head is the row's ins op (this saves a row per column per
 * elector). Integrating op X on field F: X becomes a head of F unless a stored op on F
 * already names X in its pred, and every op in X's pred stops being a head of F. Those two
 * rules give the same heads whatever order the ops arrive in, and a duplicate changes
 * nothing, so the merge is idempotent and order-independent.
 *
 * The visible row is then derived from the heads: the winner of each field is the head with
 * the greatest (hlc, device); heads that disagree are a conflict; a row is deleted when every
 * row head is a del and every field head is one those dels had seen.
 *
 * This file takes an op through the store's three parts (ed-op-store-private.h): the log
 * first, then the heads of the field it touches, then the visible row and its conflicts. */

EdOpStore *
_ed_op_store_new (EdDatabase *database,
                  EdSchema   *schema)
{
  EdOpStore *self = g_new0 (EdOpStore, 1);

  self->database = g_object_ref (database);
  self->schema = g_object_ref (schema);
  _ed_row_writer_init (self);
  return self;
}

void
_ed_op_store_free (EdOpStore *self)
{
  if (self == NULL)
    return;
  _ed_row_writer_clear (self);
  _ed_op_log_clear (self);
  g_object_unref (self->database);
  g_object_unref (self->schema);
  g_free (self);
}

/**
 * _ed_op_store_integrate_new_row:
 * @self: the store
 * @op: the ins op of a row no op has named yet (_ed_op_store_row_known())
 * @error: return location for an error
 *
 * Adds a local insert to the log. With no other op on the row there are no heads to update;
 * skipping the search for them matters when an import inserts hundreds of thousands of rows.
 */
gboolean
_ed_op_store_integrate_new_row (EdOpStore   *self,
                                const EdOp  *op,
                                GError     **error)
{
  g_return_val_if_fail (op->kind == ED_OP_INS, FALSE);

  return _ed_op_log_append_local (self, op, error);
}

/**
 * _ed_op_store_integrate:
 * @self: the store
 * @op: an op, made here or received
 * @out_new: (out): whether it was new to this desk
 * @error: return location for an error; %ED_CHANGE_ERROR_INTEGRITY when this desk holds a
 *   different op under the same id
 *
 * Adds @op to the log and updates the heads of the field it touches. The rows it touched must
 * then be recomputed (_ed_op_store_recompute()).
 */
gboolean
_ed_op_store_integrate (EdOpStore   *self,
                        const EdOp  *op,
                        gboolean    *out_new,
                        GError     **error)
{
  if (!_ed_op_log_append_received (self, op, out_new, error))
    return FALSE;
  if (!*out_new)
    return TRUE;
  return _ed_field_heads_integrate (self, op, error);
}

/**
 * _ed_op_store_recompute:
 * @self: the store
 * @tbl: a table
 * @pk: a row
 * @error: return location for an error
 *
 * Derives the visible row and its conflicts from the heads. Ops for a table this version does
 * not know are kept in the log and shown after an upgrade (SYNC.md §4.10).
 */
gboolean
_ed_op_store_recompute (EdOpStore   *self,
                        const char  *tbl,
                        const char  *pk,
                        GError     **error)
{
  const EdTableDef *table = ed_schema_lookup (self->schema, tbl);
  g_autoptr(GPtrArray) row_heads = NULL;
  g_autoptr(GPtrArray) column_heads = NULL;
  gboolean visible;

  if (table == NULL)
    return TRUE;

  if (!_ed_field_heads_load_row (self, table, pk, &row_heads, &column_heads, &visible, error))
    return FALSE;
  if (!_ed_row_writer_materialize (self, table, pk, visible, column_heads, error))
    return FALSE;
  return _ed_field_heads_write_conflicts (self, table, pk, visible, row_heads, column_heads,
                                          error);
}

/**
 * _ed_op_store_insert_new_row:
 * @self: the store
 * @table: the row's table
 * @op: the row's ins op; its val is the stored form, the array of every column's value
 *   (_ed_ins_value_compact())
 * @values: the same values, one for each of @table's columns in the registry's order
 * @error: return location for an error
 *
 * Logs the ins op of a new local row and writes the row, in two prepared statements: the
 * bulk insert's path, with no text to format or parse again for each row.
 */
gboolean
_ed_op_store_insert_new_row (EdOpStore        *self,
                             const EdTableDef *table,
                             const EdOp       *op,
                             const EdRawValue *values,
                             GError          **error)
{
  g_return_val_if_fail (op->kind == ED_OP_INS && op->val != NULL && op->val[0] == '[', FALSE);

  if (!_ed_op_log_append_new_row (self, op, error))
    return FALSE;
  return _ed_row_writer_insert_new_row (self, table, op->pk, values, error);
}

/**
 * _ed_op_store_insert_new_rows:
 * @self: the store
 * @table: the rows' table
 * @ops: (array length=n_rows): the rows' ins ops, as for _ed_op_store_insert_new_row()
 * @values: @n_rows runs of one value for each of @table's columns
 * @n_rows: how many
 * @error: return location for an error
 *
 * Logs and writes many new local rows, %ED_OP_STORE_BATCH_ROWS to a statement. One statement
 * per row opens and closes a cursor on the table, the op log and each of their indexes, and
 * finds its place in each from the root; many rows to a statement keep the cursors where the
 * last row left them, which for time-ordered ids is where the next one goes.
 */
gboolean
_ed_op_store_insert_new_rows (EdOpStore        *self,
                              const EdTableDef *table,
                              const EdOp       *ops,
                              const EdRawValue *values,
                              guint             n_rows,
                              GError          **error)
{
  if (n_rows != ED_OP_STORE_BATCH_ROWS)
    {
      for (guint r = 0; r < n_rows; r++)
        if (!_ed_op_store_insert_new_row (self, table, &ops[r], &values[r * table->n_columns],
                                          error))
          return FALSE;
      return TRUE;
    }

  if (!_ed_op_log_append_new_rows (self, ops, n_rows, error))
    return FALSE;
  return _ed_row_writer_insert_new_rows (self, table, ops, values, n_rows, error);
}

/**
 * _ed_op_store_integrate_local_set:
 * @self: the store
 * @table: the op's table
 * @column: the op's column, by its place in @table's registry order
 * @op: a new local set op whose pred is every head of its field
 *   (_ed_op_store_local_set_heads())
 * @had_explicit: whether the field had heads of its own before @op
 * @value: the value @op sets, as the column holds it
 * @error: return location for an error
 *
 * Leaves the log, the heads and the row exactly as _ed_op_store_integrate() then
 * _ed_op_store_recompute() leave them for such an op, without deriving the whole row again:
 * the op supersedes every version of its field, so the field has one head and no conflict,
 * its value is the op's, and the row stays visible; nothing else of the row changes.
 */
gboolean
_ed_op_store_integrate_local_set (EdOpStore         *self,
                                  const EdTableDef  *table,
                                  guint              column,
                                  const EdOp        *op,
                                  gboolean           had_explicit,
                                  const EdRawValue  *value,
                                  GError           **error)
{
  g_return_val_if_fail (op->kind == ED_OP_SET && column < table->n_columns, FALSE);

  if (!_ed_op_log_append_local (self, op, error))
    return FALSE;
  if (!_ed_field_heads_supersede_local (self, op, had_explicit, error))
    return FALSE;
  if (!_ed_row_writer_set_column (self, table, column, op->pk, value, error))
    return FALSE;
  return _ed_field_heads_clear_conflict (self, op, error);
}
