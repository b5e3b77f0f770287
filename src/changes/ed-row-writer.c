/* ed-row-writer.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-op-store-private.h"

/* The synced tables as the ops leave them: each row holds its fields' winners, and a deleted
 * row is not there. Only what differs is written, so that the change a person sees in the audit
 * trail and the session cross-check (ed-write-check.c) is exactly the change the ops made. */

/* The statements on one synced table, written once: a bulk insert would otherwise spend a
 * tenth of its time formatting the same SQL text again for every row. */
typedef struct
{
  char         *select_row;
  char         *insert_row;
  char         *delete_row;
  char         *row_visible;
  GStrv         update_column;   /* in the registry's column order */
  GStrv         set_column;      /* the same, writing only a value that differs */
  GStrv         column_is;       /* whether a column holds a value */
  sqlite3_stmt *insert_row_stmt; /* owned by the database's cache, looked up once */
  char         *insert_rows;     /* insert_row for ED_OP_STORE_BATCH_ROWS rows */
  sqlite3_stmt *insert_rows_stmt;
  sqlite3_stmt *row_visible_stmt;
  sqlite3_stmt **set_column_stmts;
} TableSql;

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->select_row);
  g_free (sql->insert_row);
  g_free (sql->insert_rows);
  g_free (sql->delete_row);
  g_free (sql->row_visible);
  g_strfreev (sql->update_column);
  g_strfreev (sql->set_column);
  g_strfreev (sql->column_is);
  g_free (sql->set_column_stmts);
  g_free (sql);
}

void
_ed_row_writer_init (EdOpStore *self)
{
  self->table_sql = g_hash_table_new_full (NULL, NULL, NULL, table_sql_free);
}

void
_ed_row_writer_clear (EdOpStore *self)
{
  g_hash_table_unref (self->table_sql);
}

/* Statements on a synced table. Table and column names come from the schema registry, never
 * from input; %w quotes them as identifiers. */
static sqlite3_stmt *
table_statement (EdOpStore        *self,
                 const char       *sql,
                 GError          **error)
{
  return ed_database_cached (self->database, sql, error);
}

/* "c1", "c2", … in the registry's order. */
static char *
column_list_sql (const EdTableDef *table)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      char *quoted = sqlite3_mprintf ("%s\"%w\"", i > 0 ? ", " : "", table->columns[i].name);

      g_string_append (list, quoted);
      sqlite3_free (quoted);
    }
  return g_string_free (list, FALSE);
}

static char *
select_row_sql (const EdTableDef *table)
{
  g_autofree char *columns = column_list_sql (table);
  char *sql = sqlite3_mprintf ("SELECT %s FROM \"%w\" WHERE id = ?1", columns, table->name);
  char *copy = g_strdup (sql);

  sqlite3_free (sql);
  return copy;
}

/* OR IGNORE is not there to hide a clash: the callers insert only rows that are not there,
 * and a row that was not written is an error (insert_row_step()). It is there because a
 * statement whose conflicts abort, on a table with triggers (the register's search queue and
 * count), runs inside a statement journal that copies every page the row touches, 4 KiB
 * each: an import of 300,000 electors wrote 8 GB of journal for 350 MB of data. The
 * triggers' own statements take the same resolution, and cannot clash either. */
static char *
insert_row_sql (const EdTableDef *table,
                guint             n_rows)
{
  char *head = sqlite3_mprintf ("INSERT OR IGNORE INTO \"%w\" (id", table->name);
  GString *sql = g_string_new (head);

  sqlite3_free (head);
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *quoted = sqlite3_mprintf (", \"%w\"", table->columns[i].name);

      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      guint first = r * (table->n_columns + 1) + 1;

      g_string_append_printf (sql, "%s(?%u", r > 0 ? ", " : "", first);
      for (guint i = 0; i < table->n_columns; i++)
        g_string_append_printf (sql, ", ?%u", first + i + 1);
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

static char *
owned_mprintf (char *sqlite_text)
{
  char *copy = g_strdup (sqlite_text);

  sqlite3_free (sqlite_text);
  return copy;
}

static const TableSql *
table_sql_for (EdOpStore        *self,
               const EdTableDef *table)
{
  TableSql *sql = g_hash_table_lookup (self->table_sql, table);
  GStrvBuilder *updates;

  if (sql != NULL)
    return sql;

  sql = g_new0 (TableSql, 1);
  sql->select_row = select_row_sql (table);
  sql->insert_row = insert_row_sql (table, 1);
  sql->insert_rows = insert_row_sql (table, ED_OP_STORE_BATCH_ROWS);
  sql->delete_row = owned_mprintf (sqlite3_mprintf ("DELETE FROM \"%w\" WHERE id = ?1",
                                                    table->name));
  sql->row_visible = owned_mprintf (sqlite3_mprintf ("SELECT 1 FROM \"%w\" WHERE id = ?1",
                                                     table->name));
  /* OR IGNORE as in insert_row_sql(), for the same reason (the register's triggers fire on
   * updates too); a row not written is an error (update_step()). */
  updates = g_strv_builder_new ();
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *update = sqlite3_mprintf ("UPDATE OR IGNORE \"%w\" SET \"%w\" = ?1 WHERE id = ?2",
                                      table->name, table->columns[i].name);

      g_strv_builder_add (updates, update);
      sqlite3_free (update);
    }
  sql->update_column = g_strv_builder_end (updates);
  g_strv_builder_unref (updates);

  updates = g_strv_builder_new ();
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *update = sqlite3_mprintf ("UPDATE OR IGNORE \"%w\" SET \"%w\" = ?1 "
                                      "WHERE id = ?2 AND \"%w\" IS NOT ?1",
                                      table->name, table->columns[i].name,
                                      table->columns[i].name);

      g_strv_builder_add (updates, update);
      sqlite3_free (update);
    }
  sql->set_column = g_strv_builder_end (updates);
  g_strv_builder_unref (updates);

  updates = g_strv_builder_new ();
  for (guint i = 0; i < table->n_columns; i++)
    {
      char *is = sqlite3_mprintf ("SELECT \"%w\" IS ?1 FROM \"%w\" WHERE id = ?2",
                                  table->columns[i].name, table->name);

      g_strv_builder_add (updates, is);
      sqlite3_free (is);
    }
  sql->column_is = g_strv_builder_end (updates);
  g_strv_builder_unref (updates);
  sql->set_column_stmts = g_new0 (sqlite3_stmt *, table->n_columns);

  g_hash_table_insert (self->table_sql, (gpointer)table, sql);
  return sql;
}

static sqlite3_stmt *
insert_row_statement (EdOpStore        *self,
                      const EdTableDef *table,
                      GError          **error)
{
  TableSql *sql = (TableSql *)table_sql_for (self, table);

  /* The cache never drops a statement, so it can be held; held, it is not found again by
   * hashing its text, which is long, for every row. */
  if (sql->insert_row_stmt == NULL)
    sql->insert_row_stmt = table_statement (self, sql->insert_row, error);
  return sql->insert_row_stmt;
}

/* Steps a bound insert_row statement: see insert_row_sql() for why a row not written is
 * checked for here. */
static gboolean
insert_row_step (EdOpStore        *self,
                 sqlite3_stmt     *stmt,
                 const EdTableDef *table,
                 const char       *pk,
                 GError          **error)
{
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_ROW_EXISTS,
                   _("%s already has a row %s"), table->name, pk);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bind_variant (sqlite3_stmt *stmt,
              int           position,
              GVariant     *value)
{
  /* The values outlive the statement's step, so SQLite need not copy them. */
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, position, g_variant_get_string (value, NULL), -1, SQLITE_STATIC);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, position, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, position, g_variant_get_boolean (value));
  else
    return FALSE;
  return TRUE;
}

/* A value as this column holds it: the winner's, or the type's default when no op gives one
 * (a column added after the row was inserted). */
static GVariant *
column_value (const EdColumnDef *column,
              const char        *json)
{
  GVariant *value = json != NULL ? ed_value_from_json (column->type, json, NULL) : NULL;

  return value != NULL ? value : ed_value_default (column->type);
}

static char *
stored_value_json (sqlite3_stmt      *stmt,
                   int                index,
                   const EdColumnDef *column)
{
  g_autoptr(GVariant) value = NULL;

  switch (column->type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      value = g_variant_ref_sink (g_variant_new_string (
        sqlite3_column_text (stmt, index) != NULL
          ? (const char *)sqlite3_column_text (stmt, index) : ""));
      break;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, index)));
      break;
    case ED_VALUE_BOOLEAN:
      value = g_variant_ref_sink (g_variant_new_boolean (sqlite3_column_int (stmt, index) != 0));
      break;
    default:
      g_assert_not_reached ();
    }
  return ed_value_to_json (value);
}

/**
 * _ed_op_store_insert_row:
 *
 * Writes a new row as a local insert leaves it: the fast path for the change set, which knows
 * there is nothing to merge.
 */
gboolean
_ed_op_store_insert_row (EdOpStore        *self,
                         const EdTableDef *table,
                         const char       *pk,
                         GVariant * const *values,
                         GError          **error)
{
  sqlite3_stmt *stmt = insert_row_statement (self, table, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, pk);
  for (guint i = 0; i < table->n_columns; i++)
    bind_variant (stmt, i + 2, values[i]);
  return insert_row_step (self, stmt, table, pk, error);
}

/* Binds a new row's id at @first and its values, in the registry's order, after it. */
static void
bind_new_row (sqlite3_stmt     *stmt,
              int               first,
              const EdTableDef *table,
              const char       *pk,
              const EdRawValue *values)
{
  _ed_op_store_bind_text (stmt, first, pk);
  for (guint i = 0; i < table->n_columns; i++)
    switch (table->columns[i].type)
      {
      case ED_VALUE_TEXT:
      case ED_VALUE_DATE:
        _ed_op_store_bind_text (stmt, first + 1 + i, values[i].text);
        break;
      case ED_VALUE_INTEGER:
      case ED_VALUE_MONEY:
      case ED_VALUE_BOOLEAN:
        sqlite3_bind_int64 (stmt, first + 1 + i, values[i].number);
        break;
      default:
        g_assert_not_reached ();
      }
}

/* Writes a new local row whose ins op _ed_op_log_append_new_row() has logged. */
gboolean
_ed_row_writer_insert_new_row (EdOpStore        *self,
                               const EdTableDef *table,
                               const char       *pk,
                               const EdRawValue *values,
                               GError          **error)
{
  sqlite3_stmt *stmt = insert_row_statement (self, table, error);

  if (stmt == NULL)
    return FALSE;
  bind_new_row (stmt, 1, table, pk, values);
  return insert_row_step (self, stmt, table, pk, error);
}

/* Writes %ED_OP_STORE_BATCH_ROWS new local rows, whose ins ops @ops
 * _ed_op_log_append_new_rows() has logged, in one statement. */
gboolean
_ed_row_writer_insert_new_rows (EdOpStore        *self,
                                const EdTableDef *table,
                                const EdOp       *ops,
                                const EdRawValue *values,
                                guint             n_rows,
                                GError          **error)
{
  TableSql *sql = (TableSql *)table_sql_for (self, table);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (n_rows == ED_OP_STORE_BATCH_ROWS, FALSE);

  if (sql->insert_rows_stmt == NULL &&
      (sql->insert_rows_stmt = table_statement (self, sql->insert_rows, error)) == NULL)
    return FALSE;
  stmt = sql->insert_rows_stmt;
  for (guint r = 0; r < n_rows; r++)
    bind_new_row (stmt, (int)(r * (table->n_columns + 1) + 1), table, ops[r].pk,
                  &values[r * table->n_columns]);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) != (int)n_rows)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_ROW_EXISTS,
                   _("%s already has a row %s or one of the %u after it"), table->name,
                   ops[0].pk, n_rows - 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ed_op_store_row_visible (EdOpStore        *self,
                          const EdTableDef *table,
                          const char       *pk,
                          gboolean         *out_visible,
                          GError          **error)
{
  TableSql *sql = (TableSql *)table_sql_for (self, table);
  sqlite3_stmt *stmt;

  /* Held as insert_row_statement() holds its statement: a bulk update asks for every row. */
  if (sql->row_visible_stmt == NULL)
    sql->row_visible_stmt = table_statement (self, sql->row_visible, error);
  if ((stmt = sql->row_visible_stmt) == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, pk);
  return ed_database_step_exists (self->database, stmt, out_visible, error);
}

/* Steps a bound update of one column of an existing row, which must write the row: see
 * table_sql_for() for why a row not written is checked for here. */
static gboolean
update_step (EdOpStore        *self,
             sqlite3_stmt     *stmt,
             const EdTableDef *table,
             guint             column,
             const char       *pk,
             GError          **error)
{
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("%s.%s of row %s cannot take that value: the table refuses it"),
                   table->name, table->columns[column].name, pk);
      return FALSE;
    }
  return TRUE;
}

/* The row as a synced table holds it, each value as canonical JSON. */
typedef struct
{
  const EdTableDef *table;
  GPtrArray        *values;
  gboolean          found;
} StoredRow;

static gboolean
read_stored_row_cb (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  StoredRow *row = user_data;

  row->found = TRUE;
  for (guint i = 0; i < row->table->n_columns; i++)
    g_ptr_array_add (row->values, stored_value_json (stmt, i, &row->table->columns[i]));
  return FALSE;
}

/* Brings the visible row in line with the winners: insert, update the fields that differ,
 * or delete. */
gboolean
_ed_row_writer_materialize (EdOpStore        *self,
                            const EdTableDef *table,
                            const char       *pk,
                            gboolean          visible,
                            GPtrArray        *column_heads,
                            GError          **error)
{
  const TableSql *table_sql = table_sql_for (self, table);
  sqlite3_stmt *stmt = table_statement (self, table_sql->select_row, error);
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func (g_free);
  StoredRow stored = { table, current, FALSE };
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, pk);
  if (!ed_database_step_rows (self->database, stmt, read_stored_row_cb, &stored, error))
    return FALSE;
  exists = stored.found;

  if (!visible)
    {
      if (!exists)
        return TRUE;
      stmt = table_statement (self, table_sql->delete_row, error);
      if (stmt == NULL)
        return FALSE;
      _ed_op_store_bind_text (stmt, 1, pk);
      return ed_database_step_reset (self->database, stmt, error);
    }

  if (!exists)
    {
      g_autoptr(GPtrArray) values =
        g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);

      for (guint i = 0; i < table->n_columns; i++)
        {
          EdHead *winner = _ed_heads_winner (g_ptr_array_index (column_heads, i));

          g_ptr_array_add (values, column_value (&table->columns[i],
                                                 winner != NULL ? winner->value_json : NULL));
        }
      return _ed_op_store_insert_row (self, table, pk, (GVariant * const *)values->pdata, error);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      EdHead *winner = _ed_heads_winner (g_ptr_array_index (column_heads, i));
      g_autoptr(GVariant) value = column_value (&table->columns[i],
                                                winner != NULL ? winner->value_json : NULL);
      g_autofree char *json = ed_value_to_json (value);

      if (g_strcmp0 (json, g_ptr_array_index (current, i)) == 0)
        continue;

      stmt = table_statement (self, table_sql->update_column[i], error);
      if (stmt == NULL)
        return FALSE;
      bind_variant (stmt, 1, value);
      _ed_op_store_bind_text (stmt, 2, pk);
      if (!update_step (self, stmt, table, i, pk, error))
        return FALSE;
    }
  return TRUE;
}

/* Sets one column of a visible row to the value of a new local set
 * (_ed_op_store_integrate_local_set()). As in _ed_row_writer_materialize(), only a value that
 * differs is written. */
gboolean
_ed_row_writer_set_column (EdOpStore         *self,
                           const EdTableDef  *table,
                           guint              column,
                           const char        *pk,
                           const EdRawValue  *value,
                           GError           **error)
{
  TableSql *table_sql = (TableSql *)table_sql_for (self, table);
  sqlite3_stmt *stmt;

  if (table_sql->set_column_stmts[column] == NULL &&
      (table_sql->set_column_stmts[column] =
         table_statement (self, table_sql->set_column[column], error)) == NULL)
    return FALSE;
  stmt = table_sql->set_column_stmts[column];
  switch (table->columns[column].type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      _ed_op_store_bind_text (stmt, 1, value->text);
      break;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
    case ED_VALUE_BOOLEAN:
      sqlite3_bind_int64 (stmt, 1, value->number);
      break;
    default:
      g_assert_not_reached ();
    }
  _ed_op_store_bind_text (stmt, 2, pk);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) == 0)
    {
      gboolean holds = FALSE;

      /* Nothing written: the row held the value already, or the table refused it. */
      stmt = table_statement (self, table_sql->column_is[column], error);
      if (stmt == NULL)
        return FALSE;
      if (table->columns[column].type == ED_VALUE_TEXT ||
          table->columns[column].type == ED_VALUE_DATE)
        _ed_op_store_bind_text (stmt, 1, value->text);
      else
        sqlite3_bind_int64 (stmt, 1, value->number);
      _ed_op_store_bind_text (stmt, 2, pk);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        holds = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      if (!holds)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                       _("%s.%s of row %s cannot take that value: the table refuses it"),
                       table->name, table->columns[column].name, pk);
          return FALSE;
        }
    }
  return TRUE;
}

/* One row of a query for id and every column, as { id, JSON object of the values }. */
static gboolean
add_unlogged_row_cb (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  StoredRow *rows = user_data;
  const EdTableDef *table = rows->table;
  GString *json = g_string_new ("{");
  char **row = g_new0 (char *, 3);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *value = stored_value_json (stmt, i + 1, &table->columns[i]);

      g_string_append_printf (json, "%s\"%s\":%s", i > 0 ? "," : "",
                              table->columns[i].name, value);
    }
  g_string_append_c (json, '}');
  row[0] = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  row[1] = g_string_free (json, FALSE);
  g_ptr_array_add (rows->values, row);
  return TRUE;
}

/**
 * _ed_op_store_unlogged_rows:
 *
 * Rows that no op has ever named: written before the op log existed (a district made by an
 * older version), so no other desk can learn of them.
 *
 * Returns: (transfer full) (element-type GStrv): { id, canonical JSON object of the values }
 */
GPtrArray *
_ed_op_store_unlogged_rows (EdOpStore        *self,
                            const EdTableDef *table,
                            GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *columns = column_list_sql (table);
  StoredRow stored = { table, rows, FALSE };
  char *sql;
  sqlite3_stmt *stmt;

  sql = sqlite3_mprintf ("SELECT id, %s FROM \"%w\" AS t WHERE NOT EXISTS (SELECT 1 FROM op_log "
                         "WHERE op_log.tbl = %Q AND op_log.pk = t.id AND op_log.col = '__row') "
                         "ORDER BY id", columns, table->name, table->name);
  stmt = ed_database_cached (self->database, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_unlogged_row_cb, &stored, error))
    return NULL;
  return g_steal_pointer (&rows);
}
