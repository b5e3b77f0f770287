/* ed-op-store.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-ins-value.h"
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
 * row head is a del and every field head is one those dels had seen. */

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

struct _EdOpStore
{
  EdDatabase   *database;
  EdSchema     *schema;
  GHashTable   *table_sql;       /* const EdTableDef* → TableSql* */
  sqlite3_stmt *insert_op_stmt;  /* as insert_row_stmt */
  char         *insert_ops;      /* insert_op_sql for ED_OP_STORE_BATCH_ROWS ops */
  sqlite3_stmt *insert_ops_stmt;
};

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
static const char insert_pred_sql[] =
  "INSERT INTO op_pred (pred_device, pred_seq, tbl, pk, col) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char superseded_sql[] =
  "SELECT 1 FROM op_pred WHERE pred_device = ?1 AND pred_seq = ?2 AND tbl = ?3 AND pk = ?4 "
  "AND col = ?5 LIMIT 1";
static const char insert_head_sql[] =
  "INSERT OR IGNORE INTO field_head (tbl, pk, col, device, seq) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char delete_head_sql[] =
  "DELETE FROM field_head WHERE tbl = ?1 AND pk = ?2 AND col = ?3 AND device = ?4 AND seq = ?5";
static const char field_heads_sql[] =
  "SELECT device, seq FROM field_head WHERE tbl = ?1 AND pk = ?2 AND col = ?3 "
  "ORDER BY device, seq";
static const char row_heads_sql[] =
  "SELECT col, device, seq FROM field_head WHERE tbl = ?1 AND pk = ?2 ORDER BY col, device, seq";
static const char explicit_columns_sql[] =
  "SELECT DISTINCT col FROM field_head WHERE tbl = ?1 AND pk = ?2";
static const char clear_conflicts_sql[] = "DELETE FROM conflict WHERE tbl = ?1 AND pk = ?2";
static const char insert_conflict_sql[] =
  "INSERT INTO conflict (tbl, pk, col, kind) VALUES (?1, ?2, ?3, ?4)";
static const char row_known_sql[] =
  "SELECT 1 FROM op_log WHERE tbl = ?1 AND pk = ?2 LIMIT 1";
static const char list_conflicts_sql[] =
  "SELECT tbl, pk, col, kind FROM conflict ORDER BY tbl, pk, col";
static const char max_seq_sql[] = "SELECT max(seq) FROM op_log WHERE device = ?1";
static const char explicit_heads_sql[] =
  "SELECT h.device, h.seq, o.hlc, o.kind, o.val FROM field_head AS h "
  "JOIN op_log AS o ON o.device = h.device AND o.seq = h.seq "
  "WHERE h.tbl = ?1 AND h.pk = ?2 AND h.col = ?3";
static const char insert_head_of_row_sql[] =
  "SELECT device, seq, hlc, val FROM op_log "
  "WHERE tbl = ?1 AND pk = ?2 AND col = '__row' AND kind = 'ins' ORDER BY device, seq LIMIT 1";
static const char clear_field_conflict_sql[] =
  "DELETE FROM conflict WHERE tbl = ?1 AND pk = ?2 AND col = ?3";

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

static const TableSql *table_sql_for (EdOpStore        *self,
                                      const EdTableDef *table);

EdOpStore *
_ed_op_store_new (EdDatabase *database,
                  EdSchema   *schema)
{
  EdOpStore *self = g_new0 (EdOpStore, 1);

  self->database = g_object_ref (database);
  self->schema = g_object_ref (schema);
  self->table_sql = g_hash_table_new_full (NULL, NULL, NULL, table_sql_free);
  return self;
}

void
_ed_op_store_free (EdOpStore *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->table_sql);
  g_free (self->insert_ops);
  g_object_unref (self->database);
  g_object_unref (self->schema);
  g_free (self);
}

void
_ed_head_free (EdHead *head)
{
  if (head == NULL)
    return;
  ed_op_free (head->op);
  g_free (head->value_json);
  g_free (head);
}

static sqlite3_stmt *
cached (EdOpStore   *self,
        const char  *sql,
        GError     **error)
{
  return ed_database_cached (self->database, sql, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           position,
           const char   *text)
{
  sqlite3_bind_text (stmt, position, text, -1, SQLITE_STATIC);
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
  sqlite3_stmt *stmt = cached (self, select_op_sql, error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, device);
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
  sqlite3_stmt *stmt = cached (self, select_insert_sql, error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
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
  sqlite3_stmt *stmt = cached (self, row_known_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
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
  sqlite3_stmt *stmt = cached (self, max_seq_sql, error);
  gint64 seq = -1;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, device);
  if (!ed_database_step_rows (self->database, stmt, first_int64_cb, &seq, error))
    return -1;
  return seq;
}

static gboolean
add_conflict_cb (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  char **row = g_new0 (char *, 5);

  for (int i = 0; i < 4; i++)
    row[i] = g_strdup ((const char *)sqlite3_column_text (stmt, i));
  g_ptr_array_add (user_data, row);
  return TRUE;
}

/**
 * _ed_op_store_list_conflicts:
 *
 * Returns: (transfer full) (element-type GStrv): each open conflict as { tbl, pk, col, kind },
 *   in a stable order
 */
GPtrArray *
_ed_op_store_list_conflicts (EdOpStore  *self,
                             GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  sqlite3_stmt *stmt = cached (self, list_conflicts_sql, error);

  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_conflict_cb, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
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
  sqlite3_stmt *stmt = cached (self, select_all_ops_sql, error);
  OpRows rows = { self, NULL, ops };

  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_op_cb, &rows, error))
    return NULL;
  return g_steal_pointer (&ops);
}

static gboolean
is_superseded (EdOpStore   *self,
               const char  *device,
               gint64       seq,
               const char  *tbl,
               const char  *pk,
               const char  *col,
               gboolean    *out_superseded,
               GError     **error)
{
  sqlite3_stmt *stmt = cached (self, superseded_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, device);
  sqlite3_bind_int64 (stmt, 2, seq);
  bind_text (stmt, 3, tbl);
  bind_text (stmt, 4, pk);
  bind_text (stmt, 5, col);
  return ed_database_step_exists (self->database, stmt, out_superseded, error);
}

static gboolean
change_head (EdOpStore   *self,
             const char  *sql,
             const char  *tbl,
             const char  *pk,
             const char  *col,
             const char  *device,
             gint64       seq,
             GError     **error)
{
  sqlite3_stmt *stmt = cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
  bind_text (stmt, 3, col);
  bind_text (stmt, 4, device);
  sqlite3_bind_int64 (stmt, 5, seq);
  return ed_database_step_reset (self->database, stmt, error);
}

/* Adds @device:@seq as a head of the field unless an op on the field already supersedes it. */
static gboolean
add_head_unless_superseded (EdOpStore   *self,
                            const char  *tbl,
                            const char  *pk,
                            const char  *col,
                            const char  *device,
                            gint64       seq,
                            GError     **error)
{
  gboolean superseded;

  if (!is_superseded (self, device, seq, tbl, pk, col, &superseded, error))
    return FALSE;
  if (superseded)
    return TRUE;
  return change_head (self, insert_head_sql, tbl, pk, col, device, seq, error);
}

static gboolean
field_has_explicit_heads (EdOpStore   *self,
                          const char  *tbl,
                          const char  *pk,
                          const char  *col,
                          gboolean    *out_has,
                          GError     **error)
{
  sqlite3_stmt *stmt = cached (self, field_heads_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
  bind_text (stmt, 3, col);
  return ed_database_step_exists (self->database, stmt, out_has, error);
}

/* Before the first edit of a field, its implicit head (the row's ins op) is written down, so
 * that the rules below can retire it like any other head. */
static gboolean
make_heads_explicit (EdOpStore   *self,
                     const char  *tbl,
                     const char  *pk,
                     const char  *col,
                     GError     **error)
{
  g_autoptr(EdOp) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has;

  if (!field_has_explicit_heads (self, tbl, pk, col, &has, error))
    return FALSE;
  if (has)
    return TRUE;

  insert = _ed_op_store_find_insert (self, tbl, pk, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (insert == NULL)
    return TRUE;
  return add_head_unless_superseded (self, tbl, pk, col, insert->device, insert->seq, error);
}

static gboolean
add_text_cb (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  g_ptr_array_add (user_data, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  return TRUE;
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
  sqlite3_stmt *stmt = cached (self, insert_op_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, op->device);
  sqlite3_bind_int64 (stmt, 2, op->seq);
  sqlite3_bind_int64 (stmt, 3, op->hlc);
  bind_text (stmt, 4, op->tbl);
  bind_text (stmt, 5, op->pk);
  bind_text (stmt, 6, op->col);
  bind_text (stmt, 7, ed_op_kind_to_string (op->kind));
  if (compact != NULL)
    bind_text (stmt, 8, compact);
  else if (op->val != NULL)
    bind_text (stmt, 8, op->val);
  bind_text (stmt, 9, pred);
  bind_text (stmt, 10, seen);
  bind_text (stmt, 11, op->user != NULL ? op->user : "");
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;

  *out_new = sqlite3_changes (ed_database_get_handle (self->database)) > 0;
  return TRUE;
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
  gboolean is_new;

  g_return_val_if_fail (op->kind == ED_OP_INS, FALSE);

  if (!store_op (self, op, &is_new, error))
    return FALSE;
  /* A local op id is never reused: finding one taken means the sequence went wrong. */
  if (!is_new)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" G_GINT64_FORMAT " is already in the log"), op->device, op->seq);
      return FALSE;
    }
  return TRUE;
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
  gboolean is_new;

  if (!store_op (self, op, &is_new, error))
    return FALSE;

  if (!is_new)
    {
      g_autoptr(EdOp) stored = _ed_op_store_load_op (self, op->device, op->seq, error);

      if (stored == NULL)
        return FALSE;
      if (!ed_op_content_equal (stored, op))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                       _("Op %s:%" G_GINT64_FORMAT " arrived with content different from the "
                         "op this desk holds under that id; nothing was applied"),
                       op->device, op->seq);
          return FALSE;
        }
      *out_new = FALSE;
      return TRUE;
    }
  *out_new = TRUE;

  if (op->kind == ED_OP_INS)
    {
      /* Edits that arrived before the insert already made their fields explicit; the insert
       * is a head of those too, unless they supersede it (they always do, having been made
       * on a desk that had the row). */
      sqlite3_stmt *stmt = cached (self, explicit_columns_sql, error);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, op->tbl);
      bind_text (stmt, 2, op->pk);
      if (!ed_database_step_rows (self->database, stmt, add_text_cb, columns, error))
        return FALSE;

      for (guint i = 0; i < columns->len; i++)
        if (!add_head_unless_superseded (self, op->tbl, op->pk, g_ptr_array_index (columns, i),
                                         op->device, op->seq, error))
          return FALSE;
      return TRUE;
    }

  if (!make_heads_explicit (self, op->tbl, op->pk, op->col, error))
    return FALSE;

  for (guint i = 0; op->pred != NULL && op->pred[i] != NULL; i++)
    {
      g_autofree char *device = NULL;
      sqlite3_stmt *stmt;
      gint64 seq;

      if (!ed_op_id_parse (op->pred[i], &device, &seq))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("“%s” is not an op id"), op->pred[i]);
          return FALSE;
        }

      stmt = cached (self, insert_pred_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, device);
      sqlite3_bind_int64 (stmt, 2, seq);
      bind_text (stmt, 3, op->tbl);
      bind_text (stmt, 4, op->pk);
      bind_text (stmt, 5, op->col);
      if (!ed_database_step_reset (self->database, stmt, error))
        return FALSE;

      if (!change_head (self, delete_head_sql, op->tbl, op->pk, op->col, device, seq, error))
        return FALSE;
    }

  return add_head_unless_superseded (self, op->tbl, op->pk, op->col, op->device, op->seq,
                                     error);
}

/* Everything recompute needs about one row, read in a few queries. */
typedef struct
{
  EdOp       *insert;         /* NULL until the row's ins arrives */
  JsonObject *insert_values;  /* its object of values */
  JsonNode   *insert_node;
  GHashTable *explicit;       /* col → GPtrArray of op ids */
  GHashTable *ops;            /* op id → EdOp, loaded once */
} RowState;

static void
row_state_clear (RowState *state)
{
  ed_op_free (state->insert);
  g_clear_pointer (&state->insert_node, json_node_unref);
  g_clear_pointer (&state->explicit, g_hash_table_unref);
  g_clear_pointer (&state->ops, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowState, row_state_clear)

/* One row of row_heads_sql into RowState.explicit. */
static gboolean
add_row_head_cb (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  GHashTable *explicit = user_data;
  const char *col = (const char *)sqlite3_column_text (stmt, 0);
  GPtrArray *ids = g_hash_table_lookup (explicit, col);

  if (ids == NULL)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (explicit, g_strdup (col), ids);
    }
  g_ptr_array_add (ids, ed_op_id_make ((const char *)sqlite3_column_text (stmt, 1),
                                       sqlite3_column_int64 (stmt, 2)));
  return TRUE;
}

static gboolean
row_state_load (EdOpStore   *self,
                const char  *tbl,
                const char  *pk,
                RowState    *state,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  state->explicit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)g_ptr_array_unref);
  state->ops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)ed_op_free);

  state->insert = _ed_op_store_find_insert (self, tbl, pk, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (state->insert != NULL)
    {
      state->insert_node = json_from_string (state->insert->val, NULL);
      if (state->insert_node != NULL && JSON_NODE_HOLDS_OBJECT (state->insert_node))
        state->insert_values = json_node_get_object (state->insert_node);
      g_hash_table_insert (state->ops, ed_op_get_id (state->insert), ed_op_copy (state->insert));
    }

  stmt = cached (self, row_heads_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
  return ed_database_step_rows (self->database, stmt, add_row_head_cb, state->explicit, error);
}

static EdOp *
row_state_op (EdOpStore   *self,
              RowState    *state,
              const char  *id,
              GError     **error)
{
  EdOp *op = g_hash_table_lookup (state->ops, id);
  g_autofree char *device = NULL;
  gint64 seq;

  if (op != NULL)
    return op;
  if (!ed_op_id_parse (id, &device, &seq))
    return NULL;
  op = _ed_op_store_load_op (self, device, seq, error);
  if (op != NULL)
    g_hash_table_insert (state->ops, g_strdup (id), op);
  return op;
}

/* The canonical JSON of a value read from an op, or NULL for one no column holds. */
static char *
node_json (JsonNode *member)
{
  g_autoptr(GVariant) value = NULL;

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member))
    return NULL;
  switch (json_node_get_value_type (member))
    {
    case G_TYPE_STRING:
      value = g_variant_ref_sink (g_variant_new_string (json_node_get_string (member)));
      break;
    case G_TYPE_INT64:
      value = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (member)));
      break;
    case G_TYPE_BOOLEAN:
      value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (member)));
      break;
    default:
      return NULL;
    }
  return ed_value_to_json (value);
}

static char *
member_json (JsonObject *values,
             const char *column)
{
  return node_json (values != NULL ? json_object_get_member (values, column) : NULL);
}

/* The canonical JSON of one column's value in an ins op's object of values. */
char *
_ed_op_store_column_value_of_insert (const EdOp *insert,
                                     const char *column)
{
  g_autoptr(JsonNode) node = NULL;

  if (insert == NULL || insert->val == NULL)
    return NULL;
  node = json_from_string (insert->val, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return member_json (json_node_get_object (node), column);
}

/* The heads of one field, each with its value for that field. */
static GPtrArray *
row_state_heads (EdOpStore   *self,
                 RowState    *state,
                 const char  *col,
                 GError     **error)
{
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify)_ed_head_free);
  GPtrArray *ids = g_hash_table_lookup (state->explicit, col);
  gboolean is_row = g_str_equal (col, ED_ROW_COLUMN);

  if (ids == NULL)
    {
      if (state->insert != NULL)
        {
          EdHead *head = g_new0 (EdHead, 1);

          head->op = ed_op_copy (state->insert);
          head->value_json = is_row ? NULL : member_json (state->insert_values, col);
          g_ptr_array_add (heads, head);
        }
      return g_steal_pointer (&heads);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      EdOp *op = row_state_op (self, state, g_ptr_array_index (ids, i), &local_error);
      EdHead *head;

      if (op == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }
      head = g_new0 (EdHead, 1);
      head->op = ed_op_copy (op);
      if (is_row)
        head->value_json = NULL;
      else if (op->kind == ED_OP_INS)
        head->value_json = member_json (state->insert_values, col);
      else
        head->value_json = g_strdup (op->val);
      g_ptr_array_add (heads, head);
    }
  return g_steal_pointer (&heads);
}

/**
 * _ed_op_store_get_heads:
 *
 * Returns: (transfer full) (element-type EdHead): the heads of one field, or of the row
 *   itself with @col "__row"; empty when the row's ins has not arrived
 */
GPtrArray *
_ed_op_store_get_heads (EdOpStore   *self,
                        const char  *tbl,
                        const char  *pk,
                        const char  *col,
                        GError     **error)
{
  g_auto(RowState) state = { NULL };

  if (!row_state_load (self, tbl, pk, &state, error))
    return NULL;
  return row_state_heads (self, &state, col, error);
}

/* Greatest (hlc, device) wins; device ids compare byte-wise so every desk agrees. */
static int
compare_heads (const EdHead *a,
               const EdHead *b)
{
  if (a->op->hlc != b->op->hlc)
    return a->op->hlc < b->op->hlc ? -1 : 1;
  if (strcmp (a->op->device, b->op->device) != 0)
    return strcmp (a->op->device, b->op->device);
  return a->op->seq < b->op->seq ? -1 : (a->op->seq > b->op->seq);
}

EdHead *
_ed_heads_winner (GPtrArray *heads)
{
  EdHead *winner = NULL;

  for (guint i = 0; i < heads->len; i++)
    {
      EdHead *head = g_ptr_array_index (heads, i);

      if (winner == NULL || compare_heads (head, winner) > 0)
        winner = head;
    }
  return winner;
}

gboolean
_ed_heads_disagree (GPtrArray *heads)
{
  for (guint i = 1; i < heads->len; i++)
    {
      EdHead *first = g_ptr_array_index (heads, 0);
      EdHead *other = g_ptr_array_index (heads, i);

      if (g_strcmp0 (first->value_json, other->value_json) != 0)
        return TRUE;
    }
  return FALSE;
}

/* For g_ptr_array_sort() of strings: byte order, the same on every desk. */
int
_ed_compare_string_ptrs (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * _ed_heads_ids:
 *
 * Returns: (transfer full): the heads' op ids, sorted, for a pred
 */
char **
_ed_heads_ids (GPtrArray *heads)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < heads->len; i++)
    g_ptr_array_add (ids, ed_op_get_id (((EdHead *)g_ptr_array_index (heads, i))->op));
  g_ptr_array_sort (ids, _ed_compare_string_ptrs);
  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Statements on a synced table. Table and column names come from the schema registry, never
 * from input; %w quotes them as identifiers. */
static sqlite3_stmt *
table_statement (EdOpStore        *self,
                 const char       *sql,
                 GError          **error)
{
  return cached (self, sql, error);
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
  bind_text (stmt, 1, pk);
  for (guint i = 0; i < table->n_columns; i++)
    bind_variant (stmt, i + 2, values[i]);
  return insert_row_step (self, stmt, table, pk, error);
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
/* Binds an ins op of a new local row at @first and the ten positions after it. */
static void
bind_new_row_op (sqlite3_stmt *stmt,
                 int           first,
                 const EdOp   *op)
{
  bind_text (stmt, first, op->device);
  sqlite3_bind_int64 (stmt, first + 1, op->seq);
  sqlite3_bind_int64 (stmt, first + 2, op->hlc);
  bind_text (stmt, first + 3, op->tbl);
  bind_text (stmt, first + 4, op->pk);
  bind_text (stmt, first + 5, ED_ROW_COLUMN);
  bind_text (stmt, first + 6, ed_op_kind_to_string (ED_OP_INS));
  bind_text (stmt, first + 7, op->val);
  bind_text (stmt, first + 8, "[]");
  bind_text (stmt, first + 9, "[]");
  bind_text (stmt, first + 10, op->user != NULL ? op->user : "");
}

/* Binds a new row's id at @first and its values, in the registry's order, after it. */
static void
bind_new_row (sqlite3_stmt     *stmt,
              int               first,
              const EdTableDef *table,
              const char       *pk,
              const EdRawValue *values)
{
  bind_text (stmt, first, pk);
  for (guint i = 0; i < table->n_columns; i++)
    switch (table->columns[i].type)
      {
      case ED_VALUE_TEXT:
      case ED_VALUE_DATE:
        bind_text (stmt, first + 1 + i, values[i].text);
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (op->kind == ED_OP_INS && op->val != NULL && op->val[0] == '[', FALSE);

  if (self->insert_op_stmt == NULL &&
      (self->insert_op_stmt = cached (self, insert_op_sql, error)) == NULL)
    return FALSE;
  stmt = self->insert_op_stmt;
  bind_new_row_op (stmt, 1, op);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (ed_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" G_GINT64_FORMAT " is already in the log"), op->device, op->seq);
      return FALSE;
    }

  if ((stmt = insert_row_statement (self, table, error)) == NULL)
    return FALSE;
  bind_new_row (stmt, 1, table, op->pk, values);
  return insert_row_step (self, stmt, table, op->pk, error);
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
  TableSql *sql;
  sqlite3_stmt *stmt;

  if (n_rows != ED_OP_STORE_BATCH_ROWS)
    {
      for (guint r = 0; r < n_rows; r++)
        if (!_ed_op_store_insert_new_row (self, table, &ops[r], &values[r * table->n_columns],
                                          error))
          return FALSE;
      return TRUE;
    }

  if (self->insert_ops == NULL)
    self->insert_ops = insert_ops_sql ();
  if (self->insert_ops_stmt == NULL &&
      (self->insert_ops_stmt = cached (self, self->insert_ops, error)) == NULL)
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
                   _("Op %s:%" G_GINT64_FORMAT " or one of the %u after it is already in the "
                     "log"), ops[0].device, ops[0].seq, n_rows - 1);
      return FALSE;
    }

  sql = (TableSql *)table_sql_for (self, table);
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
  bind_text (stmt, 1, pk);
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
 * or delete. Only what differs is written, so the change a person sees in the audit trail
 * and the session cross-check is exactly the change the ops made. */
static gboolean
materialize (EdOpStore        *self,
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
  bind_text (stmt, 1, pk);
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
      bind_text (stmt, 1, pk);
      return ed_database_step_reset (self->database, stmt, error);
    }

  if (!exists)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);

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
      bind_text (stmt, 2, pk);
      if (!update_step (self, stmt, table, i, pk, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_conflict (EdOpStore   *self,
                const char  *tbl,
                const char  *pk,
                const char  *col,
                const char  *kind,
                GError     **error)
{
  sqlite3_stmt *stmt = cached (self, insert_conflict_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
  bind_text (stmt, 3, col);
  bind_text (stmt, 4, kind);
  return ed_database_step_reset (self->database, stmt, error);
}

/* A row is deleted when every row head is a del and every field head is one of the versions
 * those dels had seen: an edit the deleting desk never saw keeps the row alive, flagged. */
static gboolean
is_deleted (GPtrArray *row_heads,
            GPtrArray *column_heads)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (row_heads->len == 0)
    return FALSE;
  for (guint i = 0; i < row_heads->len; i++)
    {
      EdHead *head = g_ptr_array_index (row_heads, i);

      if (head->op->kind != ED_OP_DEL)
        return FALSE;
      for (guint j = 0; head->op->seen != NULL && head->op->seen[j] != NULL; j++)
        g_hash_table_add (seen, head->op->seen[j]);
    }

  for (guint c = 0; c < column_heads->len; c++)
    {
      GPtrArray *heads = g_ptr_array_index (column_heads, c);

      for (guint i = 0; i < heads->len; i++)
        {
          g_autofree char *id = ed_op_get_id (((EdHead *)g_ptr_array_index (heads, i))->op);

          if (!g_hash_table_contains (seen, id))
            return FALSE;
        }
    }
  return TRUE;
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
  g_auto(RowState) state = { NULL };
  g_autoptr(GPtrArray) row_heads = NULL;
  g_autoptr(GPtrArray) column_heads = NULL;
  gboolean visible = FALSE;
  sqlite3_stmt *stmt;

  if (table == NULL)
    return TRUE;

  if (!row_state_load (self, tbl, pk, &state, error))
    return FALSE;

  row_heads = row_state_heads (self, &state, ED_ROW_COLUMN, error);
  if (row_heads == NULL)
    return FALSE;

  column_heads = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < table->n_columns; i++)
    {
      GPtrArray *heads = row_state_heads (self, &state, table->columns[i].name, error);

      if (heads == NULL)
        return FALSE;
      g_ptr_array_add (column_heads, heads);
    }

  if (state.insert != NULL)
    visible = !is_deleted (row_heads, column_heads);

  if (!materialize (self, table, pk, visible, column_heads, error))
    return FALSE;

  stmt = cached (self, clear_conflicts_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, tbl);
  bind_text (stmt, 2, pk);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;

  if (!visible)
    return TRUE;

  for (guint i = 0; i < table->n_columns; i++)
    if (_ed_heads_disagree (g_ptr_array_index (column_heads, i)) &&
        !write_conflict (self, tbl, pk, table->columns[i].name, "value", error))
      return FALSE;

  for (guint i = 0; i < row_heads->len; i++)
    if (((EdHead *)g_ptr_array_index (row_heads, i))->op->kind == ED_OP_DEL)
      return write_conflict (self, tbl, pk, ED_ROW_COLUMN, "delete", error);

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
  stmt = cached (self, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_unlogged_row_cb, &stored, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* The canonical JSON of one scalar of a stored ins value, as member_json() would give it
 * from the expanded object. Nearly every scalar is canonical already (ed_value_append_json()
 * wrote it) and is recognised without a parser; anything else is parsed. */
static char *
scalar_json (const char *scalar,
             gsize       len)
{
  g_autofree char *wrapped = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean plain = len > 0;

  if (len >= 2 && scalar[0] == '"')
    {
      for (gsize i = 1; i + 1 < len && plain; i++)
        plain = (guchar)scalar[i] >= 0x20 && scalar[i] != '\\';
      if (plain && g_utf8_validate_len (scalar + 1, len - 2, NULL))
        return g_strndup (scalar, len);
    }
  else if ((len == 4 && strncmp (scalar, "true", 4) == 0) ||
           (len == 5 && strncmp (scalar, "false", 5) == 0))
    return g_strndup (scalar, len);
  else
    {
      gsize start = scalar[0] == '-' ? 1 : 0;

      /* A whole number without a leading zero (nor "-0") is its own canonical form. */
      plain = len > start && len - start <= 18 &&
              (scalar[start] != '0' || (len - start == 1 && start == 0));
      for (gsize i = start; i < len && plain; i++)
        plain = g_ascii_isdigit (scalar[i]);
      if (plain)
        return g_strndup (scalar, len);
    }

  wrapped = g_strdup_printf ("[%.*s]", (int)len, scalar);
  node = json_from_string (wrapped, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) != 1)
    return NULL;
  return node_json (json_array_get_element (json_node_get_array (node), 0));
}

/* A column's value in the row's ins op as row_state_heads() gives it: from the stored array
 * directly, or from the object for an ins value stored as it came. */
static char *
insert_value_json (const EdTableDef *table,
                   guint             column,
                   const char       *stored)
{
  g_autoptr(JsonNode) node = NULL;
  const char *scalar;
  gsize len = 0;

  if (stored == NULL)
    return NULL;
  if (stored[0] == '[')
    {
      scalar = _ed_ins_value_nth (table, stored, column, &len);
      if (scalar != NULL)
        return scalar_json (scalar, len);
    }
  node = json_from_string (stored, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return member_json (json_node_get_object (node), table->columns[column].name);
}

/* One version of a field, as a local set needs it. */
typedef struct
{
  char   *id;
  char   *device;
  gint64  seq;
  gint64  hlc;
  char   *value_json;
  gboolean of_insert;   /* an ins op: its value is read from the row's ins op */
} LightHead;

static void
light_head_clear (LightHead *head)
{
  g_free (head->id);
  g_free (head->device);
  g_free (head->value_json);
}

static int
compare_light_heads (const LightHead *a,
                     const LightHead *b)
{
  int cmp;

  /* As compare_heads(). */
  if (a->hlc != b->hlc)
    return a->hlc < b->hlc ? -1 : 1;
  if ((cmp = strcmp (a->device, b->device)) != 0)
    return cmp;
  return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/* One row of insert_head_of_row_sql, as the head of one column. */
typedef struct
{
  const EdTableDef *table;
  guint             column;
  LightHead        *head;
  gboolean          found;
} InsertHead;

static gboolean
read_insert_head_cb (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  InsertHead *insert = user_data;
  LightHead *head = insert->head;

  insert->found = TRUE;
  head->device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  head->seq = sqlite3_column_int64 (stmt, 1);
  head->hlc = sqlite3_column_int64 (stmt, 2);
  head->id = ed_op_id_make (head->device, head->seq);
  head->value_json = insert_value_json (insert->table, insert->column,
                                        (const char *)sqlite3_column_text (stmt, 3));
  return FALSE;
}

/* The row's ins op (the one _ed_op_store_find_insert() finds), without parsing its value. */
static gboolean
load_insert_head (EdOpStore        *self,
                  const EdTableDef *table,
                  guint             column,
                  const char       *pk,
                  LightHead        *out_head,
                  gboolean         *out_found,
                  GError          **error)
{
  sqlite3_stmt *stmt = cached (self, insert_head_of_row_sql, error);
  InsertHead insert = { table, column, out_head, FALSE };

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, table->name);
  bind_text (stmt, 2, pk);
  if (!ed_database_step_rows (self->database, stmt, read_insert_head_cb, &insert, error))
    return FALSE;
  *out_found = insert.found;
  return TRUE;
}

/* One row of explicit_heads_sql. */
static gboolean
add_light_head_cb (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  LightHead head = { NULL };

  head.device = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  head.seq = sqlite3_column_int64 (stmt, 1);
  head.hlc = sqlite3_column_int64 (stmt, 2);
  head.id = ed_op_id_make (head.device, head.seq);
  /* An ins head holds the value of the row's ins op, as in row_state_heads(); that is read
   * once the statement is done. */
  head.of_insert = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "ins") == 0;
  if (!head.of_insert)
    head.value_json = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  g_array_append_val ((GArray *)user_data, head);
  return TRUE;
}

/**
 * _ed_op_store_local_set_heads:
 * @self: the store
 * @table: a synced table
 * @column: a column's place in @table's registry order
 * @pk: a visible row
 * @value_json: the canonical JSON of the value to set
 * @out_pred: (out) (transfer full): the field's head ids, sorted: the set op's pred
 * @out_explicit: (out): whether the field has heads of its own (field_head rows)
 * @out_unchanged: (out): whether the field already holds @value_json with no conflict, so
 *   that a set records nothing
 * @error: return location for an error
 *
 * What ed_change_set_set() learns from _ed_op_store_get_heads(), read in one or two indexed
 * queries, with only the field's own value taken from the row's ins op.
 */
gboolean
_ed_op_store_local_set_heads (EdOpStore         *self,
                              const EdTableDef  *table,
                              guint              column,
                              const char        *pk,
                              const char        *value_json,
                              char            ***out_pred,
                              gboolean          *out_explicit,
                              gboolean          *out_unchanged,
                              GError           **error)
{
  g_autoptr(GArray) heads = g_array_new (FALSE, TRUE, sizeof (LightHead));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  sqlite3_stmt *stmt = cached (self, explicit_heads_sql, error);
  LightHead insert = { NULL };
  gboolean insert_loaded = FALSE;
  gboolean insert_found = FALSE;
  gboolean ok = TRUE;
  LightHead *winner = NULL;
  gboolean disagree = FALSE;

  g_return_val_if_fail (column < table->n_columns, FALSE);

  g_array_set_clear_func (heads, (GDestroyNotify)light_head_clear);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, table->name);
  bind_text (stmt, 2, pk);
  bind_text (stmt, 3, table->columns[column].name);
  if (!ed_database_step_rows (self->database, stmt, add_light_head_cb, heads, error))
    return FALSE;

  *out_explicit = heads->len > 0;
  for (guint i = 0; i < heads->len; i++)
    {
      LightHead *head = &g_array_index (heads, LightHead, i);

      if (!head->of_insert)
        continue;
      if (ok && !insert_loaded)
        {
          ok = load_insert_head (self, table, column, pk, &insert, &insert_found, error);
          insert_loaded = TRUE;
        }
      if (ok && insert_found)
        head->value_json = g_strdup (insert.value_json);
    }
  /* A field nobody has edited: its one head is the row's ins op. */
  if (ok && heads->len == 0)
    {
      ok = load_insert_head (self, table, column, pk, &insert, &insert_found, error);
      if (ok && insert_found)
        {
          g_array_append_val (heads, insert);
          memset (&insert, 0, sizeof insert);
        }
    }
  light_head_clear (&insert);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < heads->len; i++)
    {
      LightHead *head = &g_array_index (heads, LightHead, i);

      if (winner == NULL || compare_light_heads (head, winner) > 0)
        winner = head;
      if (i > 0 && g_strcmp0 (g_array_index (heads, LightHead, 0).value_json,
                              head->value_json) != 0)
        disagree = TRUE;
      g_ptr_array_add (ids, g_steal_pointer (&head->id));
    }
  *out_unchanged = winner != NULL && !disagree &&
                   g_strcmp0 (winner->value_json, value_json) == 0;

  g_ptr_array_sort (ids, _ed_compare_string_ptrs);
  g_ptr_array_add (ids, NULL);
  *out_pred = (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
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
  TableSql *table_sql = (TableSql *)table_sql_for (self, table);
  sqlite3_stmt *stmt;
  gboolean is_new;

  g_return_val_if_fail (op->kind == ED_OP_SET && column < table->n_columns, FALSE);

  if (!store_op (self, op, &is_new, error))
    return FALSE;
  if (!is_new)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INTEGRITY,
                   _("Op %s:%" G_GINT64_FORMAT " is already in the log"), op->device, op->seq);
      return FALSE;
    }

  /* Without heads of its own, the field's one head is the ins op, which
   * make_heads_explicit() would write down only for the loop below to retire it again. */
  for (guint i = 0; op->pred != NULL && op->pred[i] != NULL; i++)
    {
      g_autofree char *device = NULL;
      gint64 seq;

      if (!ed_op_id_parse (op->pred[i], &device, &seq))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("“%s” is not an op id"), op->pred[i]);
          return FALSE;
        }
      stmt = cached (self, insert_pred_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, device);
      sqlite3_bind_int64 (stmt, 2, seq);
      bind_text (stmt, 3, op->tbl);
      bind_text (stmt, 4, op->pk);
      bind_text (stmt, 5, op->col);
      if (!ed_database_step_reset (self->database, stmt, error))
        return FALSE;
      if (had_explicit &&
          !change_head (self, delete_head_sql, op->tbl, op->pk, op->col, device, seq, error))
        return FALSE;
    }
  if (!add_head_unless_superseded (self, op->tbl, op->pk, op->col, op->device, op->seq, error))
    return FALSE;

  /* The row: only a value that differs is written, as materialize() does. */
  if (table_sql->set_column_stmts[column] == NULL &&
      (table_sql->set_column_stmts[column] =
         table_statement (self, table_sql->set_column[column], error)) == NULL)
    return FALSE;
  stmt = table_sql->set_column_stmts[column];
  switch (table->columns[column].type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      bind_text (stmt, 1, value->text);
      break;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
    case ED_VALUE_BOOLEAN:
      sqlite3_bind_int64 (stmt, 1, value->number);
      break;
    default:
      g_assert_not_reached ();
    }
  bind_text (stmt, 2, op->pk);
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
        bind_text (stmt, 1, value->text);
      else
        sqlite3_bind_int64 (stmt, 1, value->number);
      bind_text (stmt, 2, op->pk);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        holds = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      if (!holds)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                       _("%s.%s of row %s cannot take that value: the table refuses it"),
                       table->name, table->columns[column].name, op->pk);
          return FALSE;
        }
    }

  stmt = cached (self, clear_field_conflict_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, op->tbl);
  bind_text (stmt, 2, op->pk);
  bind_text (stmt, 3, op->col);
  return ed_database_step_reset (self->database, stmt, error);
}
