/* ed-change-set.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set-private.h"
#include "changes/ed-replica-private.h"
#include "changes/ed-row-id.h"

/* The only way any module writes a synced table (DESIGN.md §5). A change set is one
 * transaction: each insert, set, delete or restore becomes an op in the log, with this desk's
 * next sequence number and a fresh clock, and the visible rows follow from the ops exactly as
 * they do when ops arrive from another desk. Commit makes all of it durable at once; anything
 * else leaves the database as it was. */

struct _EdChangeSet
{
  GObject    parent_instance;

  EdReplica *replica;
  EdOpStore *store;
  gint64     next_seq;
  guint      n_ops;
  gboolean   open;
  GPtrArray *bulk_inserts;   /* EdBulkInsert*, not owned: their rows wait to be written */
  GError    *bulk_error;     /* a bulk insert's write that failed where none could say so */
};

G_DEFINE_FINAL_TYPE (EdChangeSet, ed_change_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (ed-change-error-quark, ed_change_error)

static void
ed_change_set_dispose (GObject *object)
{
  EdChangeSet *self = (EdChangeSet *)object;

  if (self->open)
    ed_change_set_rollback (self);
  g_clear_object (&self->replica);
  g_clear_pointer (&self->bulk_inserts, g_ptr_array_unref);
  g_clear_error (&self->bulk_error);

  G_OBJECT_CLASS (ed_change_set_parent_class)->dispose (object);
}

static void
ed_change_set_class_init (EdChangeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ed_change_set_dispose;
}

static void
ed_change_set_init (EdChangeSet *self)
{
  self->bulk_inserts = g_ptr_array_new ();
}

static gboolean flush_bulk_inserts (EdChangeSet  *self,
                                    GError      **error);

/**
 * ed_change_set_begin:
 * @replica: the district
 * @error: return location for an error (the district is locked by another program, …)
 *
 * Returns: (transfer full): an open change set; unref it without committing to roll back
 */
EdChangeSet *
ed_change_set_begin (EdReplica  *replica,
                     GError    **error)
{
  g_autoptr(EdChangeSet) self = NULL;
  EdDatabase *database;
  gint64 max_seq;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  database = ed_replica_get_database (replica);
  if (!_ed_write_check_begin (_ed_replica_get_write_check (replica), error))
    return NULL;
  if (!ed_database_begin (database, error))
    return NULL;

  self = g_object_new (ED_TYPE_CHANGE_SET, NULL);
  self->replica = g_object_ref (replica);
  self->store = _ed_replica_get_op_store (replica);
  self->open = TRUE;

  /* The log itself says which number comes next: a rolled-back change set leaves no gap, and
   * no number is ever used twice. */
  max_seq = _ed_op_store_max_seq (self->store, ed_replica_get_device_id (replica), error);
  if (max_seq < 0)
    return NULL;
  self->next_seq = max_seq + 1;
  return g_steal_pointer (&self);
}

static const EdTableDef *
lookup_table (EdChangeSet  *self,
              const char   *table,
              GError      **error)
{
  const EdTableDef *def = ed_schema_lookup (ed_replica_get_schema (self->replica), table);

  if (def == NULL)
    g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_TABLE,
                 _("“%s” is not a synced table"), table);
  return def;
}

static EdOp *
new_op (EdChangeSet *self,
        const char  *table,
        const char  *row_id,
        const char  *column,
        EdOpKind     kind)
{
  EdOp *op = ed_op_new ();

  op->device = g_strdup (ed_replica_get_device_id (self->replica));
  op->seq = self->next_seq;
  op->hlc = ed_hlc_tick (ed_replica_get_hlc (self->replica));
  op->tbl = g_strdup (table);
  op->pk = g_strdup (row_id);
  op->col = g_strdup (column);
  op->kind = kind;
  op->user = g_strdup (ed_replica_get_user_name (self->replica));
  return op;
}

/* Integrates a local op exactly as a received one, then derives the row from it. */
static gboolean
apply_op (EdChangeSet  *self,
          const EdOp   *op,
          GError      **error)
{
  gboolean is_new;

  if (!_ed_op_store_integrate (self->store, op, &is_new, error) ||
      !_ed_op_store_recompute (self->store, op->tbl, op->pk, error))
    return FALSE;

  g_assert (is_new);
  self->next_seq++;
  self->n_ops++;
  _ed_write_check_expect (_ed_replica_get_write_check (self->replica), op->tbl, op->pk,
                          op->kind == ED_OP_SET ? op->col : NULL);
  return TRUE;
}

static gboolean
require_visible (EdChangeSet      *self,
                 const EdTableDef *def,
                 const char       *row_id,
                 GError          **error)
{
  gboolean visible;

  if (!_ed_op_store_row_visible (self->store, def, row_id, &visible, error))
    return FALSE;
  if (!visible)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("There is no row %s in %s (or it was deleted)"), row_id, def->name);
      return FALSE;
    }
  return TRUE;
}

static void
variant_unref0 (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

/**
 * ed_change_set_insert:
 * @self: an open change set
 * @table: a synced table
 * @row_id: (nullable): the new row's UUID, or %NULL to make one
 * @columns: (array length=n_values): column names
 * @values: (array length=n_values): their values; columns left out take their type's default
 * @n_values: how many
 * @out_row_id: (out) (optional) (transfer full): the row's id
 * @error: return location for an error
 *
 * Inserts a row: one ins op carrying every column's value.
 */
gboolean
ed_change_set_insert (EdChangeSet         *self,
                      const char          *table,
                      const char          *row_id,
                      const char * const  *columns,
                      GVariant * const    *values,
                      guint                n_values,
                      char               **out_row_id,
                      GError             **error)
{
  const EdTableDef *def;
  g_autoptr(GPtrArray) row = NULL;
  g_autofree char *id = NULL;
  g_autoptr(EdOp) op = NULL;
  gboolean known = FALSE;
  GString *json;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, FALSE);
  g_return_val_if_fail (n_values == 0 || (columns != NULL && values != NULL), FALSE);

  if (!flush_bulk_inserts (self, error))
    return FALSE;

  if ((def = lookup_table (self, table, error)) == NULL)
    return FALSE;

  /* Only the columns left out are given their type's default. Until then the row has holes,
   * which a value refused part way through leaves for the cleanup. */
  row = g_ptr_array_new_full (def->n_columns, variant_unref0);
  g_ptr_array_set_size (row, def->n_columns);

  for (guint i = 0; i < n_values; i++)
    {
      int index = ed_schema_column_index (def, columns[i]);

      if (index < 0)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                       _("%s has no column “%s”"), table, columns[i]);
          return FALSE;
        }
      if (!ed_value_check (def->columns[index].type, values[i], error))
        {
          g_prefix_error (error, "%s.%s: ", table, columns[i]);
          return FALSE;
        }
      g_clear_pointer (&g_ptr_array_index (row, index), g_variant_unref);
      g_ptr_array_index (row, index) = g_variant_ref_sink (values[i]);
    }
  for (guint i = 0; i < def->n_columns; i++)
    if (g_ptr_array_index (row, i) == NULL)
      g_ptr_array_index (row, i) = ed_value_default (def->columns[i].type);

  /* An id made here cannot be taken; one the caller chose might be. */
  id = row_id != NULL ? g_strdup (row_id) : ed_row_id_new ();
  if (row_id != NULL && !_ed_op_store_row_known (self->store, table, id, &known, error))
    return FALSE;
  if (known)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_ROW_EXISTS,
                   _("%s already has a row %s"), table, id);
      return FALSE;
    }

  /* The ins op's value: one JSON object of every column, in the registry's order. */
  json = g_string_sized_new (512);
  g_string_append_c (json, '{');
  for (guint i = 0; i < def->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      g_string_append (json, def->columns[i].name);
      g_string_append (json, "\":");
      ed_value_append_json (json, g_ptr_array_index (row, i));
    }
  g_string_append_c (json, '}');

  op = new_op (self, table, id, ED_ROW_COLUMN, ED_OP_INS);
  op->val = g_string_free (json, FALSE);

  /* A new row has nothing to merge with: write it directly rather than derive it. */
  if (!_ed_op_store_integrate_new_row (self->store, op, error) ||
      !_ed_op_store_insert_row (self->store, def, id, (GVariant * const *)row->pdata, error))
    return FALSE;
  self->next_seq++;
  self->n_ops++;
  _ed_write_check_expect (_ed_replica_get_write_check (self->replica), table, id, NULL);

  if (out_row_id != NULL)
    *out_row_id = g_steal_pointer (&id);
  return TRUE;
}

/* The values of the row being added: set ones, the rest their type's default. */
typedef struct
{
  EdValueType type;
  gboolean    is_set;
} BulkSlot;

struct _EdBulkInsert
{
  EdChangeSet      *change_set;
  const EdTableDef *table;
  guint            *index;   /* the caller's column i is the registry's column index[i] */
  guint             n_columns;
  BulkSlot         *slots;   /* in the registry's order, as are values */
  EdRawValue       *values;
  GString          *array;   /* the stored ins value, remade for each row */

  /* Rows added and not yet written, ED_OP_STORE_BATCH_ROWS at most: their ops and values,
   * with every text (ids, ins values, the caller's values) copied into @pending_text. */
  EdOp             *pending_ops;
  EdRawValue       *pending_values;
  guint             n_pending;
  GStringChunk     *pending_text;
};

/**
 * ed_change_set_bulk_insert:
 * @self: an open change set
 * @table: a synced table
 * @columns: (array length=n_columns): the columns each row may set; the rest take their
 *   type's default
 * @n_columns: how many
 * @error: return location for an error
 *
 * Starts adding many rows to @table: set each row's values with ed_bulk_insert_set_text()
 * and the like (by their place in @columns), then add it with ed_bulk_insert_add(). Other
 * writes to the change set may come in between. Free it before the change set.
 *
 * Returns: (transfer full): the bulk insert, or %NULL with @error set
 */
EdBulkInsert *
ed_change_set_bulk_insert (EdChangeSet         *self,
                           const char          *table,
                           const char * const  *columns,
                           guint                n_columns,
                           GError             **error)
{
  const EdTableDef *def;
  EdBulkInsert *bulk;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, NULL);
  g_return_val_if_fail (n_columns == 0 || columns != NULL, NULL);

  if ((def = lookup_table (self, table, error)) == NULL)
    return NULL;

  bulk = g_new0 (EdBulkInsert, 1);
  bulk->change_set = g_object_ref (self);
  bulk->table = def;
  bulk->index = g_new0 (guint, MAX (n_columns, 1));
  bulk->n_columns = n_columns;
  bulk->slots = g_new0 (BulkSlot, MAX (def->n_columns, 1));
  bulk->values = g_new0 (EdRawValue, MAX (def->n_columns, 1));
  bulk->array = g_string_sized_new (512);
  bulk->pending_ops = g_new0 (EdOp, ED_OP_STORE_BATCH_ROWS);
  bulk->pending_values = g_new0 (EdRawValue, ED_OP_STORE_BATCH_ROWS * MAX (def->n_columns, 1));
  bulk->pending_text = g_string_chunk_new (16384);
  for (guint i = 0; i < def->n_columns; i++)
    bulk->slots[i].type = def->columns[i].type;

  for (guint i = 0; i < n_columns; i++)
    {
      int index = ed_schema_column_index (def, columns[i]);

      if (index < 0)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                       _("%s has no column “%s”"), table, columns[i]);
          ed_bulk_insert_free (bulk);
          return NULL;
        }
      bulk->index[i] = (guint)index;
    }
  g_ptr_array_add (self->bulk_inserts, bulk);
  return bulk;
}

static gboolean
bulk_slot_is (EdBulkInsert *bulk,
              guint         column,
              EdValueType   type,
              EdValueType   other_type)
{
  g_return_val_if_fail (bulk != NULL && column < bulk->n_columns, FALSE);

  return bulk->slots[bulk->index[column]].type == type ||
         bulk->slots[bulk->index[column]].type == other_type;
}

/**
 * ed_bulk_insert_set_text:
 * @bulk: a bulk insert
 * @column: the place of a text or date column in the columns the bulk insert was made with
 * @value: its value for the next row, kept (not copied) until ed_bulk_insert_add()
 */
void
ed_bulk_insert_set_text (EdBulkInsert *bulk,
                         guint         column,
                         const char   *value)
{
  g_return_if_fail (bulk_slot_is (bulk, column, ED_VALUE_TEXT, ED_VALUE_DATE));
  g_return_if_fail (value != NULL);

  bulk->slots[bulk->index[column]].is_set = TRUE;
  bulk->values[bulk->index[column]].text = value;
}

/**
 * ed_bulk_insert_set_int64:
 * @bulk: a bulk insert
 * @column: the place of an integer or money column
 * @value: its value for the next row
 */
void
ed_bulk_insert_set_int64 (EdBulkInsert *bulk,
                          guint         column,
                          gint64        value)
{
  g_return_if_fail (bulk_slot_is (bulk, column, ED_VALUE_INTEGER, ED_VALUE_MONEY));

  bulk->slots[bulk->index[column]].is_set = TRUE;
  bulk->values[bulk->index[column]].number = value;
}

/**
 * ed_bulk_insert_set_boolean:
 * @bulk: a bulk insert
 * @column: the place of a boolean column
 * @value: its value for the next row
 */
void
ed_bulk_insert_set_boolean (EdBulkInsert *bulk,
                            guint         column,
                            gboolean      value)
{
  g_return_if_fail (bulk_slot_is (bulk, column, ED_VALUE_BOOLEAN, ED_VALUE_BOOLEAN));

  bulk->slots[bulk->index[column]].is_set = TRUE;
  bulk->values[bulk->index[column]].number = value ? 1 : 0;
}

static gboolean
bulk_insert_write_pending (EdBulkInsert  *bulk,
                          GError       **error)
{
  guint n = bulk->n_pending;

  if (n == 0)
    return TRUE;
  bulk->n_pending = 0;
  if (!_ed_op_store_insert_new_rows (bulk->change_set->store, bulk->table, bulk->pending_ops,
                                     bulk->pending_values, n, error))
    return FALSE;
  g_string_chunk_clear (bulk->pending_text);
  return TRUE;
}

/* Writes every bulk insert's waiting rows, before anything that might read them. */
static gboolean
flush_bulk_inserts (EdChangeSet  *self,
                    GError      **error)
{
  for (guint i = 0; i < self->bulk_inserts->len; i++)
    if (!bulk_insert_write_pending (g_ptr_array_index (self->bulk_inserts, i), error))
      return FALSE;
  if (self->bulk_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->bulk_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_bulk_insert_add:
 * @bulk: a bulk insert whose change set is open
 * @out_row_id: (out) (optional) (transfer full): the new row's id
 * @error: return location for an error: a text not in NFC, …
 *
 * Adds a row with a new id and the values set since the last row; the values are then
 * forgotten (copied, not kept). The ins op is the one ed_change_set_insert() would make of the
 * same values. The row is written with others, by ed_bulk_insert_flush() at the latest.
 */
gboolean
ed_bulk_insert_add (EdBulkInsert  *bulk,
                    char         **out_row_id,
                    GError       **error)
{
  EdChangeSet *self;
  const EdTableDef *def;
  g_autofree char *id = NULL;
  EdRawValue *row;
  EdOp *op;
  gboolean ok = TRUE;

  g_return_val_if_fail (bulk != NULL, FALSE);
  self = bulk->change_set;
  def = bulk->table;
  g_return_val_if_fail (self->open, FALSE);

  /* The stored form of the ins value (ed-ins-value.c): the array of every column's
   * canonical JSON in the registry's order, written here directly rather than made as the
   * object and compacted. */
  g_string_truncate (bulk->array, 0);
  g_string_append_c (bulk->array, '[');
  for (guint i = 0; i < def->n_columns && ok; i++)
    {
      BulkSlot *slot = &bulk->slots[i];
      EdRawValue *value = &bulk->values[i];

      if (i > 0)
        g_string_append_c (bulk->array, ',');
      switch (slot->type)
        {
        case ED_VALUE_TEXT:
        case ED_VALUE_DATE:
          if (!slot->is_set)
            value->text = "";
          else if (!ed_value_check_text (value->text, error))
            {
              g_prefix_error (error, "%s.%s: ", def->name, def->columns[i].name);
              ok = FALSE;
              break;
            }
          ed_value_append_json_text (bulk->array, value->text);
          break;
        case ED_VALUE_INTEGER:
        case ED_VALUE_MONEY:
          if (!slot->is_set)
            value->number = 0;
          g_string_append_printf (bulk->array, "%" G_GINT64_FORMAT, value->number);
          break;
        case ED_VALUE_BOOLEAN:
          if (!slot->is_set)
            value->number = 0;
          g_string_append (bulk->array, value->number != 0 ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_c (bulk->array, ']');
  for (guint i = 0; i < def->n_columns; i++)
    bulk->slots[i].is_set = FALSE;
  if (!ok)
    return FALSE;

  if (bulk->n_pending == ED_OP_STORE_BATCH_ROWS && !bulk_insert_write_pending (bulk, error))
    return FALSE;

  id = ed_row_id_new ();
  op = &bulk->pending_ops[bulk->n_pending];
  op->device = (char *)ed_replica_get_device_id (self->replica);
  op->seq = self->next_seq;
  op->hlc = ed_hlc_tick (ed_replica_get_hlc (self->replica));
  op->tbl = (char *)def->name;
  op->pk = g_string_chunk_insert (bulk->pending_text, id);
  op->col = (char *)ED_ROW_COLUMN;
  op->kind = ED_OP_INS;
  op->val = g_string_chunk_insert_len (bulk->pending_text, bulk->array->str, bulk->array->len);
  op->user = (char *)ed_replica_get_user_name (self->replica);
  row = &bulk->pending_values[bulk->n_pending * def->n_columns];
  for (guint i = 0; i < def->n_columns; i++)
    {
      row[i] = bulk->values[i];
      if (def->columns[i].type == ED_VALUE_TEXT || def->columns[i].type == ED_VALUE_DATE)
        row[i].text = g_string_chunk_insert (bulk->pending_text, bulk->values[i].text);
    }
  bulk->n_pending++;

  /* The numbers are taken now, so that ops keep the order their rows were added in. */
  self->next_seq++;
  self->n_ops++;
  _ed_write_check_expect (_ed_replica_get_write_check (self->replica), def->name, id, NULL);

  if (out_row_id != NULL)
    *out_row_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * ed_bulk_insert_flush:
 * @bulk: a bulk insert whose change set is open
 * @error: return location for an error
 *
 * Writes the rows added so far. Rows are written many to a statement, so an added row may not
 * yet be in its table; any other write or read through the change set, and its commit, first
 * writes them, and so does freeing the bulk insert, but only this says at once what went
 * wrong.
 */
gboolean
ed_bulk_insert_flush (EdBulkInsert  *bulk,
                      GError       **error)
{
  g_return_val_if_fail (bulk != NULL, FALSE);
  g_return_val_if_fail (bulk->change_set->open, FALSE);

  return bulk_insert_write_pending (bulk, error);
}

void
ed_bulk_insert_free (EdBulkInsert *bulk)
{
  if (bulk == NULL)
    return;
  /* Rows added are never dropped: a write that fails here fails the commit. */
  if (bulk->change_set->open && bulk->n_pending > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!bulk_insert_write_pending (bulk, &error) && bulk->change_set->bulk_error == NULL)
        bulk->change_set->bulk_error = g_steal_pointer (&error);
    }
  g_ptr_array_remove_fast (bulk->change_set->bulk_inserts, bulk);
  g_free (bulk->pending_ops);
  g_free (bulk->pending_values);
  g_string_chunk_free (bulk->pending_text);
  g_object_unref (bulk->change_set);
  g_free (bulk->index);
  g_free (bulk->slots);
  g_free (bulk->values);
  g_string_free (bulk->array, TRUE);
  g_free (bulk);
}

/**
 * ed_change_set_set:
 * @self: an open change set
 * @table: a synced table
 * @row_id: a visible row
 * @column: the column
 * @value: the new value
 * @error: return location for an error
 *
 * Sets one field. The op supersedes every current version of the field, so setting a field
 * in conflict resolves the conflict. Setting the value it already has, with no conflict,
 * records nothing.
 */
gboolean
ed_change_set_set (EdChangeSet  *self,
                   const char   *table,
                   const char   *row_id,
                   const char   *column,
                   GVariant     *value,
                   GError      **error)
{
  const EdTableDef *def;
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(EdOp) op = NULL;
  g_autoptr(GVariant) sunk = NULL;
  g_autofree char *json = NULL;
  EdHead *winner;
  int index;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  sunk = g_variant_ref_sink (value);
  if (!flush_bulk_inserts (self, error))
    return FALSE;
  if ((def = lookup_table (self, table, error)) == NULL)
    return FALSE;
  index = ed_schema_column_index (def, column);
  if (index < 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                   _("%s has no column “%s”"), table, column);
      return FALSE;
    }
  if (!ed_value_check (def->columns[index].type, sunk, error))
    {
      g_prefix_error (error, "%s.%s: ", table, column);
      return FALSE;
    }
  if (!require_visible (self, def, row_id, error))
    return FALSE;

  heads = _ed_op_store_get_heads (self->store, table, row_id, column, error);
  if (heads == NULL)
    return FALSE;

  json = ed_value_to_json (sunk);
  winner = _ed_heads_winner (heads);
  if (winner != NULL && !_ed_heads_disagree (heads) && g_strcmp0 (winner->value_json, json) == 0)
    return TRUE;

  op = new_op (self, table, row_id, column, ED_OP_SET);
  op->val = g_steal_pointer (&json);
  op->pred = _ed_heads_ids (heads);
  return apply_op (self, op, error);
}

/* The caller's columns of a bulk update, in the order they were given. */
typedef struct
{
  guint       index;     /* the registry's column */
  EdValueType type;
  gboolean    is_set;
  EdRawValue  value;
} BulkField;

struct _EdBulkUpdate
{
  EdChangeSet      *change_set;
  const EdTableDef *table;
  BulkField        *fields;
  guint             n_fields;
  GString          *json;    /* the value of the op being made */
};

/**
 * ed_change_set_bulk_update:
 * @self: an open change set
 * @table: a synced table
 * @columns: (array length=n_columns): the columns each row may set, in the order their ops
 *   are recorded
 * @n_columns: how many
 * @error: return location for an error
 *
 * Starts setting fields of many rows of @table: set a row's new values with
 * ed_bulk_update_set_text() and the like (by their place in @columns), then write them with
 * ed_bulk_update_apply(). Each field is recorded exactly as ed_change_set_set() records it,
 * but the columns and statements are looked up once, values are plain C values, and the row
 * is not derived again from all of its ops. Other writes to the change set may come in
 * between. Free it before the change set.
 *
 * Returns: (transfer full): the bulk update, or %NULL with @error set
 */
EdBulkUpdate *
ed_change_set_bulk_update (EdChangeSet         *self,
                           const char          *table,
                           const char * const  *columns,
                           guint                n_columns,
                           GError             **error)
{
  const EdTableDef *def;
  EdBulkUpdate *bulk;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, NULL);
  g_return_val_if_fail (n_columns == 0 || columns != NULL, NULL);

  if (!flush_bulk_inserts (self, error))
    return NULL;

  if ((def = lookup_table (self, table, error)) == NULL)
    return NULL;

  bulk = g_new0 (EdBulkUpdate, 1);
  bulk->change_set = g_object_ref (self);
  bulk->table = def;
  bulk->fields = g_new0 (BulkField, MAX (n_columns, 1));
  bulk->n_fields = n_columns;
  bulk->json = g_string_sized_new (64);
  for (guint i = 0; i < n_columns; i++)
    {
      int index = ed_schema_column_index (def, columns[i]);

      if (index < 0)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNKNOWN_COLUMN,
                       _("%s has no column “%s”"), table, columns[i]);
          ed_bulk_update_free (bulk);
          return NULL;
        }
      bulk->fields[i].index = (guint)index;
      bulk->fields[i].type = def->columns[index].type;
    }
  return bulk;
}

static BulkField *
bulk_field (EdBulkUpdate *bulk,
            guint         column,
            EdValueType   type,
            EdValueType   other_type)
{
  g_return_val_if_fail (bulk != NULL && column < bulk->n_fields, NULL);
  g_return_val_if_fail (bulk->fields[column].type == type ||
                        bulk->fields[column].type == other_type, NULL);

  return &bulk->fields[column];
}

/**
 * ed_bulk_update_set_text:
 * @bulk: a bulk update
 * @column: the place of a text or date column in the columns the bulk update was made with
 * @value: its new value in the next row, kept (not copied) until ed_bulk_update_apply()
 */
void
ed_bulk_update_set_text (EdBulkUpdate *bulk,
                         guint         column,
                         const char   *value)
{
  BulkField *field = bulk_field (bulk, column, ED_VALUE_TEXT, ED_VALUE_DATE);

  g_return_if_fail (field != NULL && value != NULL);

  field->is_set = TRUE;
  field->value.text = value;
}

/**
 * ed_bulk_update_set_int64:
 * @bulk: a bulk update
 * @column: the place of an integer or money column
 * @value: its new value in the next row
 */
void
ed_bulk_update_set_int64 (EdBulkUpdate *bulk,
                          guint         column,
                          gint64        value)
{
  BulkField *field = bulk_field (bulk, column, ED_VALUE_INTEGER, ED_VALUE_MONEY);

  g_return_if_fail (field != NULL);

  field->is_set = TRUE;
  field->value.number = value;
}

/**
 * ed_bulk_update_set_boolean:
 * @bulk: a bulk update
 * @column: the place of a boolean column
 * @value: its new value in the next row
 */
void
ed_bulk_update_set_boolean (EdBulkUpdate *bulk,
                            guint         column,
                            gboolean      value)
{
  BulkField *field = bulk_field (bulk, column, ED_VALUE_BOOLEAN, ED_VALUE_BOOLEAN);

  g_return_if_fail (field != NULL);

  field->is_set = TRUE;
  field->value.number = value ? 1 : 0;
}

/* The op's value: the canonical JSON ed_value_to_json() makes of the same value. */
static gboolean
bulk_field_json (EdBulkUpdate  *bulk,
                 BulkField     *field,
                 GError       **error)
{
  g_string_truncate (bulk->json, 0);
  switch (field->type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      if (!ed_value_check_text (field->value.text, error))
        {
          g_prefix_error (error, "%s.%s: ", bulk->table->name,
                          bulk->table->columns[field->index].name);
          return FALSE;
        }
      ed_value_append_json_text (bulk->json, field->value.text);
      break;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      g_string_append_printf (bulk->json, "%" G_GINT64_FORMAT, field->value.number);
      break;
    case ED_VALUE_BOOLEAN:
      g_string_append (bulk->json, field->value.number != 0 ? "true" : "false");
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
bulk_update_row (EdBulkUpdate  *bulk,
                 const char    *row_id,
                 guint         *n_ops,
                 GError       **error)
{
  EdChangeSet *self = bulk->change_set;
  const EdTableDef *def = bulk->table;
  gboolean any = FALSE;

  for (guint i = 0; i < bulk->n_fields; i++)
    any |= bulk->fields[i].is_set;
  if (!any)
    return TRUE;
  if (!require_visible (self, def, row_id, error))
    return FALSE;

  /* A set changes neither whether the row is visible nor any other field, so each field's
   * heads are read and written as ed_change_set_set() would in the same order. */
  for (guint i = 0; i < bulk->n_fields; i++)
    {
      BulkField *field = &bulk->fields[i];
      const char *column = def->columns[field->index].name;
      g_auto(GStrv) pred = NULL;
      gboolean explicit, unchanged;
      EdOp op = { 0 };

      if (!field->is_set)
        continue;
      if (!bulk_field_json (bulk, field, error) ||
          !_ed_op_store_local_set_heads (self->store, def, field->index, row_id,
                                         bulk->json->str, &pred, &explicit, &unchanged, error))
        return FALSE;
      if (unchanged)
        continue;

      op.device = (char *)ed_replica_get_device_id (self->replica);
      op.seq = self->next_seq;
      op.hlc = ed_hlc_tick (ed_replica_get_hlc (self->replica));
      op.tbl = (char *)def->name;
      op.pk = (char *)row_id;
      op.col = (char *)column;
      op.kind = ED_OP_SET;
      op.val = bulk->json->str;
      op.pred = pred;
      op.user = (char *)ed_replica_get_user_name (self->replica);
      if (!_ed_op_store_integrate_local_set (self->store, def, field->index, &op, explicit,
                                             &field->value, error))
        return FALSE;
      self->next_seq++;
      self->n_ops++;
      (*n_ops)++;
      _ed_write_check_expect (_ed_replica_get_write_check (self->replica), def->name, row_id,
                              column);
    }
  return TRUE;
}

/**
 * ed_bulk_update_apply:
 * @bulk: a bulk update whose change set is open
 * @row_id: a visible row
 * @out_n_ops: (out) (optional): how many ops were recorded: a field that already holds its
 *   value, with no conflict, records none
 * @error: return location for an error
 *
 * Sets the fields of @row_id given since the last row, each as ed_change_set_set() would, in
 * the order of the bulk update's columns; the values are then forgotten, also on error.
 * Setting no field does nothing.
 */
gboolean
ed_bulk_update_apply (EdBulkUpdate  *bulk,
                      const char    *row_id,
                      guint         *out_n_ops,
                      GError       **error)
{
  guint n_ops = 0;
  gboolean ok;

  g_return_val_if_fail (bulk != NULL && row_id != NULL, FALSE);
  g_return_val_if_fail (bulk->change_set->open, FALSE);

  /* The row may be one a bulk insert has yet to write. */
  ok = flush_bulk_inserts (bulk->change_set, error) &&
       bulk_update_row (bulk, row_id, &n_ops, error);
  for (guint i = 0; i < bulk->n_fields; i++)
    bulk->fields[i].is_set = FALSE;
  if (out_n_ops != NULL)
    *out_n_ops = n_ops;
  return ok;
}

void
ed_bulk_update_free (EdBulkUpdate *bulk)
{
  if (bulk == NULL)
    return;
  g_object_unref (bulk->change_set);
  g_free (bulk->fields);
  g_string_free (bulk->json, TRUE);
  g_free (bulk);
}

/* Every version of every field of the row: what a delete has seen. */
static char **
all_field_heads (EdChangeSet      *self,
                 const EdTableDef *def,
                 const char       *row_id,
                 GError          **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) unique = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < def->n_columns; i++)
    {
      g_autoptr(GPtrArray) heads = _ed_op_store_get_heads (self->store, def->name, row_id,
                                                           def->columns[i].name, error);
      g_auto(GStrv) head_ids = NULL;

      if (heads == NULL)
        return NULL;
      head_ids = _ed_heads_ids (heads);
      for (guint j = 0; head_ids[j] != NULL; j++)
        if (!g_hash_table_contains (unique, head_ids[j]))
          {
            char *id = g_strdup (head_ids[j]);

            g_hash_table_add (unique, id);
            g_ptr_array_add (ids, id);
          }
    }

  g_ptr_array_sort (ids, _ed_compare_string_ptrs);
  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/**
 * ed_change_set_delete:
 * @self: an open change set
 * @table: a synced table
 * @row_id: a visible row
 * @error: return location for an error
 *
 * Deletes a row. The op records every version of the row it saw, so an edit made elsewhere
 * that it did not see keeps the row alive, flagged for a person (SYNC.md §4.4). Deleting a
 * row that is in a delete conflict confirms the delete.
 */
gboolean
ed_change_set_delete (EdChangeSet  *self,
                      const char   *table,
                      const char   *row_id,
                      GError      **error)
{
  const EdTableDef *def;
  g_autoptr(GPtrArray) row_heads = NULL;
  g_autoptr(EdOp) op = NULL;
  char **seen;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, FALSE);

  if (!flush_bulk_inserts (self, error))
    return FALSE;

  if ((def = lookup_table (self, table, error)) == NULL)
    return FALSE;
  if (!require_visible (self, def, row_id, error))
    return FALSE;

  row_heads = _ed_op_store_get_heads (self->store, table, row_id, ED_ROW_COLUMN, error);
  if (row_heads == NULL)
    return FALSE;
  seen = all_field_heads (self, def, row_id, error);
  if (seen == NULL)
    return FALSE;

  op = new_op (self, table, row_id, ED_ROW_COLUMN, ED_OP_DEL);
  op->pred = _ed_heads_ids (row_heads);
  op->seen = seen;
  return apply_op (self, op, error);
}

/**
 * ed_change_set_restore:
 * @self: an open change set
 * @table: a synced table
 * @row_id: a deleted row
 * @error: return location for an error
 *
 * Brings a deleted row back with the values it had.
 */
gboolean
ed_change_set_restore (EdChangeSet  *self,
                       const char   *table,
                       const char   *row_id,
                       GError      **error)
{
  const EdTableDef *def;
  g_autoptr(GPtrArray) row_heads = NULL;
  g_autoptr(EdOp) op = NULL;
  gboolean visible;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, FALSE);

  if (!flush_bulk_inserts (self, error))
    return FALSE;

  if ((def = lookup_table (self, table, error)) == NULL)
    return FALSE;
  if (!_ed_op_store_row_visible (self->store, def, row_id, &visible, error))
    return FALSE;

  row_heads = _ed_op_store_get_heads (self->store, table, row_id, ED_ROW_COLUMN, error);
  if (row_heads == NULL)
    return FALSE;
  if (row_heads->len == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("There is no row %s in %s"), row_id, table);
      return FALSE;
    }
  if (visible)
    {
      gboolean any_delete = FALSE;

      for (guint i = 0; i < row_heads->len; i++)
        any_delete |= ((EdHead *)g_ptr_array_index (row_heads, i))->op->kind == ED_OP_DEL;
      /* A visible row with a delete among its heads is a delete conflict: restoring keeps it. */
      if (!any_delete)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NOT_DELETED,
                       _("Row %s of %s is not deleted"), row_id, table);
          return FALSE;
        }
    }

  op = new_op (self, table, row_id, ED_ROW_COLUMN, ED_OP_RESTORE);
  op->pred = _ed_heads_ids (row_heads);
  return apply_op (self, op, error);
}

/**
 * ed_change_set_commit:
 * @self: an open change set
 * @error: return location for an error; on error everything is rolled back
 */
gboolean
ed_change_set_commit (EdChangeSet  *self,
                      GError      **error)
{
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_CHANGE_SET (self) && self->open, FALSE);

  database = ed_replica_get_database (self->replica);
  if (!flush_bulk_inserts (self, error) ||
      (self->n_ops > 0 && !_ed_replica_save_hlc (self->replica, error)) ||
      !ed_schema_refresh_derived_indexes (ed_replica_get_schema (self->replica), self->replica,
                                          error) ||
      !_ed_write_check_finish (_ed_replica_get_write_check (self->replica), error) ||
      !ed_database_commit (database, error))
    {
      ed_change_set_rollback (self);
      return FALSE;
    }
  self->open = FALSE;
  return TRUE;
}

void
ed_change_set_rollback (EdChangeSet *self)
{
  g_return_if_fail (ED_IS_CHANGE_SET (self));

  if (!self->open)
    return;
  ed_database_rollback (ed_replica_get_database (self->replica));
  _ed_write_check_discard (_ed_replica_get_write_check (self->replica));
  self->open = FALSE;
}

guint
ed_change_set_get_n_ops (EdChangeSet *self)
{
  g_return_val_if_fail (ED_IS_CHANGE_SET (self), 0);

  return self->n_ops;
}

/**
 * _ed_change_set_adopt_unlogged_rows:
 * @replica: the district, just opened
 * @error: return location for an error
 *
 * Gives every synced row that no op names an ins op made from its current values. Rows
 * written before the op log existed (a district from an older version) would otherwise never
 * reach another desk, and an edit of one would derive the row from ops that do not exist.
 */
gboolean
_ed_change_set_adopt_unlogged_rows (EdReplica  *replica,
                                    GError    **error)
{
  g_autoptr(EdChangeSet) self = NULL;
  g_autoptr(GPtrArray) tables = ed_schema_list_tables (ed_replica_get_schema (replica));
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) existing = ed_database_list_tables (ed_replica_get_database (replica),
                                                           error);
  guint n_rows = 0;

  if (existing == NULL)
    return FALSE;

  for (guint t = 0; t < tables->len; t++)
    {
      const EdTableDef *table = g_ptr_array_index (tables, t);
      GPtrArray *rows;

      /* A table a test declares before creating it holds nothing yet; the migrated tables
       * all exist (a test checks every registered table is there). */
      if (!g_ptr_array_find_with_equal_func (existing, table->name, g_str_equal, NULL))
        {
          g_ptr_array_add (pending, g_ptr_array_new ());
          continue;
        }

      rows = _ed_op_store_unlogged_rows (_ed_replica_get_op_store (replica), table, error);
      if (rows == NULL)
        return FALSE;
      n_rows += rows->len;
      g_ptr_array_add (pending, rows);
    }
  if (n_rows == 0)
    return TRUE;

  self = ed_change_set_begin (replica, error);
  if (self == NULL)
    return FALSE;

  for (guint t = 0; t < tables->len; t++)
    {
      const EdTableDef *table = g_ptr_array_index (tables, t);
      GPtrArray *rows = g_ptr_array_index (pending, t);

      for (guint r = 0; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          g_autoptr(EdOp) op = new_op (self, table->name, row[0], ED_ROW_COLUMN, ED_OP_INS);
          gboolean is_new;

          op->val = g_strdup (row[1]);
          if (!_ed_op_store_integrate (self->store, op, &is_new, error))
            return FALSE;
          self->next_seq++;
          self->n_ops++;
        }
    }

  g_debug ("Recorded %u rows written before the op log", n_rows);
  return ed_change_set_commit (self, error);
}
