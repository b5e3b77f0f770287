/* ed-op-log.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-ins-value.h"
#include "changes/ed-op-store-private.h"

/* The op log (SYNC.md §4.3): every op this desk holds, made here or received, under its id
 * (device, seq). An op is stored once and never changed; an ins op's values are stored as the
 * array of every column's value (ed-ins-value.c), and read back as the object. */

static const char insert_op_sql[] =
  "INSERT INTO op_log (device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING";
static const char select_op_sql[] =
  "SELECT device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user FROM op_log "
  "WHERE device = ?1 AND seq = ?2";
static const char select_insert_sql[] =
  "SELECT device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user FROM op_log "
  "WHERE tbl = ?1 AND pk = ?2 AND col = '__row' AND kind = 'ins' ORDER BY device, seq LIMIT 1";
static const char select_all_ops_sql[] =
  "SELECT device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user FROM op_log "
  "ORDER BY device, seq";
static const char select_device_ops_sql[] =
  "SELECT device, seq, hlc, tbl, pk, col, kind, val, pred, seen, user FROM op_log "
  "WHERE device = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";
static const char row_known_sql[] =
  "SELECT 1 FROM op_log WHERE tbl = ?1 AND pk = ?2 LIMIT 1";
static const char max_seq_sql[] = "SELECT max(seq) FROM op_log WHERE device = ?1";

void
_ed_op_log_clear (EdOpStore *self)
{
  g_free (self->insert_ops);
}

static EdOp *
op_from_row (EdOpStore    *self,
             sqlite3_stmt *stmt)
{
  EdOp *op = ed_op_new ();
  const char *val;

  op->device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  op->seq = sqlite3_column_int64 (stmt, 1);
  op->hlc = sqlite3_column_int64 (stmt, 2);
  op->tbl = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  op->pk = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  op->col = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
  ed_op_kind_from_string ((const char *)sqlite3_column_text (stmt, 6), &op->kind);
  val = (const char *)sqlite3_column_text (stmt, 7);
  if (op->kind == ED_OP_INS && val != NULL && val[0] == '[')
    op->val = _ed_ins_value_expand (ed_schema_lookup (self->schema, op->tbl), val);
  if (op->val == NULL)
    op->val = g_strdup (val);
  op->pred = ed_strv_from_json ((const char *)sqlite3_column_text (stmt, 8), NULL);
  op->seen = ed_strv_from_json ((const char *)sqlite3_column_text (stmt, 9), NULL);
  op->user = g_strdup ((const char *)sqlite3_column_text (stmt, 10));
  return op;
}

/* Ops read from the log: the first only, or every one. */
typedef struct
{
  EdOpStore *self;
  EdOp      *first;
  GPtrArray *all;
} OpRows;

static gboolean
first_op_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  OpRows *rows = user_data;

  rows->first = op_from_row (rows->self, stmt);
  return FALSE;
}

static gboolean
add_op_cb (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  OpRows *rows = user_data;

  g_ptr_array_add (rows->all, op_from_row (rows->self, stmt));
  return TRUE;
}

/* Runs a statement expected to give at most one op row. */
static EdOp *
fetch_one_op (EdOpStore     *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  OpRows rows = { self, NULL, NULL };

  if (!ed_database_step_rows (self->database, stmt, first_op_cb, &rows, error))
    return NULL;
  return rows.first;
}

EdOp *
_ed_op_store_load_op (EdOpStore   *self,
                      const char  *device,
                      gint64       seq,
                      GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, select_op_sql, error);

  if (stmt == NULL)
    return NULL;
  _ed_op_store_bind_text (stmt, 1, device);
  sqlite3_bind_int64 (stmt, 2, seq);
  return fetch_one_op (self, stmt, error);
}

/**
 * _ed_op_store_find_insert:
 *
 * Returns: (transfer full) (nullable): the ins op of the row, if it has arrived; %NULL with
 *   @error unset when it has not
 */
EdOp *
_ed_op_store_find_insert (EdOpStore   *self,
                          const char  *tbl,
                          const char  *pk,
                          GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, select_insert_sql, error);

  if (stmt == NULL)
    return NULL;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
  return fetch_one_op (self, stmt, error);
}

/* Whether any op has named this row: it exists, or existed, or was edited on a desk that had
 * it. Answered from the index. */
gboolean
_ed_op_store_row_known (EdOpStore   *self,
                        const char  *tbl,
                        const char  *pk,
                        gboolean    *out_known,
                        GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, row_known_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
  return ed_database_step_exists (self->database, stmt, out_known, error);
}

static gboolean
first_int64_cb (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
  return FALSE;
}

gint64
_ed_op_store_max_seq (EdOpStore   *self,
                      const char  *device,
                      GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, max_seq_sql, error);
  gint64 seq = -1;

  if (stmt == NULL)
    return -1;
  _ed_op_store_bind_text (stmt, 1, device);
  if (!ed_database_step_rows (self->database, stmt, first_int64_cb, &seq, error))
    return -1;
  return seq;
}

/**
 * _ed_op_store_all_ops:
 *
 * Returns: (transfer full) (element-type EdOp): every op this desk holds, by device and seq
 */
GPtrArray *
_ed_op_store_all_ops (EdOpStore  *self,
                      GError    **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  sqlite3_stmt *stmt = ed_database_cached (self->database, select_all_ops_sql, error);
  OpRows rows = { self, NULL, ops };

  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_op_cb, &rows, error))
    return NULL;
  return g_steal_pointer (&ops);
}

/**
 * _ed_op_store_device_ops:
 * @device: a device id
 * @after_seq: the last seq not wanted
 * @limit: the most ops to return
 *
 * Returns: (transfer full) (element-type EdOp): @device's ops after @after_seq, by seq
 */
GPtrArray *
_ed_op_store_device_ops (EdOpStore   *self,
                         const char  *device,
                         gint64       after_seq,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  sqlite3_stmt *stmt = ed_database_cached (self->database, select_device_ops_sql, error);
  OpRows rows = { self, NULL, ops };

  if (stmt == NULL)
    return NULL;
  _ed_op_store_bind_text (stmt, 1, device);
  sqlite3_bind_int64 (stmt, 2, after_seq);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (!ed_database_step_rows (self->database, stmt, add_op_cb, &rows, error))
    return NULL;
  return g_steal_pointer (&ops);
}

static gboolean
store_op (EdOpStore   *self,
          const EdOp  *op,
          gboolean    *out_new,
          GError     **error)
{
  g_autofree char *pred = ed_strv_to_json ((const char * const *)op->pred);
  g_autofree char *seen = ed_strv_to_json ((const char * const *)op->seen);
  g_autofree char *compact = op->kind == ED_OP_INS
    ? _ed_ins_value_compact (ed_schema_lookup (self->schema, op->tbl), op->val) : NULL;
  sqlite3_stmt *stmt = ed_database_cached (self->database, insert_op_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, op->device);
  sqlite3_bind_int64 (stmt, 2, op->seq);
  sqlite3_bind_int64 (stmt, 3, op->hlc);
  _ed_op_store_bind_text (stmt, 4, op->tbl);
  _ed_op_store_bind_text (stmt, 5, op->pk);
  _ed_op_store_bind_text (stmt, 6, op->col);
  _ed_op_store_bind_text (stmt, 7, ed_op_kind_to_string (op->kind));
  if (compact != NULL)
    _ed_op_store_bind_text (stmt, 8, compact);
  else if (op->val != NULL)
    _ed_op_store_bind_text (stmt, 8, op->val);
  _ed_op_store_bind_text (stmt, 9, pred);
  _ed_op_store_bind_text (stmt, 10, seen);
  _ed_op_store_bind_text (stmt, 11, op->user != NULL ? op->user : "");
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;

  *out_new = sqlite3_changes (ed_database_get_handle (self->database)) > 0;
  return TRUE;
}

/* Adds an op made on this desk. A local op id is never reused: finding one taken means the
 * sequence went wrong. */
gboolean
_ed_op_log_append_local (EdOpStore   *self,
                         const EdOp  *op,
                         GError     **error)
{
  gboolean is_new;

  if (!store_op (self, op, &is_new, error))
    return FALSE;
  if (!is_new)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" PRId64 " is already in the log"), op->device, op->seq);
      return FALSE;
    }
  return TRUE;
}

/* Adds an op, made here or received. One this desk holds already is a duplicate delivery,
 * unless its content differs: then two ops were made under one id (SYNC.md §4.4), and the
 * error is %ED_CHANGE_ERROR_INTEGRITY. */
gboolean
_ed_op_log_append_received (EdOpStore   *self,
                            const EdOp  *op,
                            gboolean    *out_new,
                            GError     **error)
{
  g_autoptr(EdOp) stored = NULL;

  if (!store_op (self, op, out_new, error))
    return FALSE;
  if (*out_new)
    return TRUE;

  stored = _ed_op_store_load_op (self, op->device, op->seq, error);
  if (stored == NULL)
    return FALSE;
  if (!ed_op_content_equal (stored, op))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" PRId64 " arrived with content different from the "
                     "op this desk holds under that id; nothing was applied"),
                   op->device, op->seq);
      return FALSE;
    }
  return TRUE;
}

/* Binds an ins op of a new local row at @first and the ten positions after it. */
static void
bind_new_row_op (sqlite3_stmt *stmt,
                 int           first,
                 const EdOp   *op)
{
  _ed_op_store_bind_text (stmt, first, op->device);
  sqlite3_bind_int64 (stmt, first + 1, op->seq);
  sqlite3_bind_int64 (stmt, first + 2, op->hlc);
  _ed_op_store_bind_text (stmt, first + 3, op->tbl);
  _ed_op_store_bind_text (stmt, first + 4, op->pk);
  _ed_op_store_bind_text (stmt, first + 5, ED_ROW_COLUMN);
  _ed_op_store_bind_text (stmt, first + 6, ed_op_kind_to_string (ED_OP_INS));
  _ed_op_store_bind_text (stmt, first + 7, op->val);
  _ed_op_store_bind_text (stmt, first + 8, "[]");
  _ed_op_store_bind_text (stmt, first + 9, "[]");
  _ed_op_store_bind_text (stmt, first + 10, op->user != NULL ? op->user : "");
}

/* Adds the ins op of a new local row (_ed_op_store_insert_new_row()), whose val is the stored
 * form already. The statement is held: the cache never drops one, and held, it is not found
 * again by hashing its text for every row. */
gboolean
_ed_op_log_append_new_row (EdOpStore   *self,
                           const EdOp  *op,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->insert_op_stmt == NULL &&
      (self->insert_op_stmt = ed_database_cached (self->database, insert_op_sql, error)) == NULL)
    return FALSE;
  stmt = self->insert_op_stmt;
  bind_new_row_op (stmt, 1, op);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" PRId64 " is already in the log"), op->device, op->seq);
      return FALSE;
    }
  return TRUE;
}

/* insert_op_sql for ED_OP_STORE_BATCH_ROWS ops. */
static char *
insert_ops_sql (void)
{
  const char *values = strstr (insert_op_sql, "VALUES ") + strlen ("VALUES ");
  GString *sql = g_string_new_len (insert_op_sql, values - insert_op_sql);

  for (guint r = 0; r < ED_OP_STORE_BATCH_ROWS; r++)
    {
      guint first = r * 11 + 1;

      g_string_append_printf (sql, "%s(?%u", r > 0 ? ", " : "", first);
      for (guint i = 1; i < 11; i++)
        g_string_append_printf (sql, ", ?%u", first + i);
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " ON CONFLICT DO NOTHING");
  return g_string_free (sql, FALSE);
}

/* Adds the ins ops of %ED_OP_STORE_BATCH_ROWS new local rows in one statement
 * (_ed_op_store_insert_new_rows()). */
gboolean
_ed_op_log_append_new_rows (EdOpStore   *self,
                            const EdOp  *ops,
                            guint        n_rows,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (n_rows == ED_OP_STORE_BATCH_ROWS, FALSE);

  if (self->insert_ops == NULL)
    self->insert_ops = insert_ops_sql ();
  if (self->insert_ops_stmt == NULL &&
      (self->insert_ops_stmt = ed_database_cached (self->database, self->insert_ops,
                                                   error)) == NULL)
    return FALSE;
  stmt = self->insert_ops_stmt;
  for (guint r = 0; r < n_rows; r++)
    {
      g_return_val_if_fail (ops[r].kind == ED_OP_INS && ops[r].val != NULL &&
                            ops[r].val[0] == '[', FALSE);
      bind_new_row_op (stmt, (int)(r * 11 + 1), &ops[r]);
    }
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) != (int)n_rows)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" PRId64 " or one of the %u after it is already in the "
                     "log"), ops[0].device, ops[0].seq, n_rows - 1);
      return FALSE;
    }
  return TRUE;
}
