/* ed-field-heads.c
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

/* The heads of each field (SYNC.md §4.4): the versions of it no other op has superseded,
 * kept in field_head, with op_pred saying which ops each op superseded on its field. A field
 * nobody has edited since its row was inserted has no field_head rows: its one head is the
 * row's ins op. From the heads follow each field's winner, the conflicts (heads that
 * disagree, a delete some desk's edit had not seen) and whether the row is deleted. */

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
static const char explicit_heads_sql[] =
  "SELECT h.device, h.seq, o.hlc, o.kind, o.val FROM field_head AS h "
  "JOIN op_log AS o ON o.device = h.device AND o.seq = h.seq "
  "WHERE h.tbl = ?1 AND h.pk = ?2 AND h.col = ?3";
static const char insert_head_of_row_sql[] =
  "SELECT device, seq, hlc, val FROM op_log "
  "WHERE tbl = ?1 AND pk = ?2 AND col = '__row' AND kind = 'ins' ORDER BY device, seq LIMIT 1";
static const char clear_conflicts_sql[] = "DELETE FROM conflict WHERE tbl = ?1 AND pk = ?2";
static const char insert_conflict_sql[] =
  "INSERT INTO conflict (tbl, pk, col, kind) VALUES (?1, ?2, ?3, ?4)";
static const char list_conflicts_sql[] =
  "SELECT tbl, pk, col, kind FROM conflict ORDER BY tbl, pk, col";
static const char clear_field_conflict_sql[] =
  "DELETE FROM conflict WHERE tbl = ?1 AND pk = ?2 AND col = ?3";

void
_ed_head_free (EdHead *head)
{
  if (head == NULL)
    return;
  ed_op_free (head->op);
  g_free (head->value_json);
  g_free (head);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, superseded_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, device);
  sqlite3_bind_int64 (stmt, 2, seq);
  _ed_op_store_bind_text (stmt, 3, tbl);
  _ed_op_store_bind_text (stmt, 4, pk);
  _ed_op_store_bind_text (stmt, 5, col);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
  _ed_op_store_bind_text (stmt, 3, col);
  _ed_op_store_bind_text (stmt, 4, device);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, field_heads_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
  _ed_op_store_bind_text (stmt, 3, col);
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

/* Records that @op supersedes each op of its pred on its field and, with @retire_heads, that
 * they are heads of that field no more. */
static gboolean
retire_preds (EdOpStore   *self,
              const EdOp  *op,
              gboolean     retire_heads,
              GError     **error)
{
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

      stmt = ed_database_cached (self->database, insert_pred_sql, error);
      if (stmt == NULL)
        return FALSE;
      _ed_op_store_bind_text (stmt, 1, device);
      sqlite3_bind_int64 (stmt, 2, seq);
      _ed_op_store_bind_text (stmt, 3, op->tbl);
      _ed_op_store_bind_text (stmt, 4, op->pk);
      _ed_op_store_bind_text (stmt, 5, op->col);
      if (!ed_database_step_reset (self->database, stmt, error))
        return FALSE;

      if (retire_heads &&
          !change_head (self, delete_head_sql, op->tbl, op->pk, op->col, device, seq, error))
        return FALSE;
    }
  return TRUE;
}

/* Updates the heads of the field an op new to the log touches: it becomes a head unless a
 * stored op on the field already supersedes it, and every op in its pred stops being one. */
gboolean
_ed_field_heads_integrate (EdOpStore   *self,
                           const EdOp  *op,
                           GError     **error)
{
  if (op->kind == ED_OP_INS)
    {
      /* Edits that arrived before the insert already made their fields explicit; the insert
       * is a head of those too, unless they supersede it (they always do, having been made
       * on a desk that had the row). */
      sqlite3_stmt *stmt = ed_database_cached (self->database, explicit_columns_sql, error);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

      if (stmt == NULL)
        return FALSE;
      _ed_op_store_bind_text (stmt, 1, op->tbl);
      _ed_op_store_bind_text (stmt, 2, op->pk);
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
  if (!retire_preds (self, op, TRUE, error))
    return FALSE;
  return add_head_unless_superseded (self, op->tbl, op->pk, op->col, op->device, op->seq,
                                     error);
}

/* The same for a new local set whose pred is every head of its field
 * (_ed_op_store_integrate_local_set()). */
gboolean
_ed_field_heads_supersede_local (EdOpStore   *self,
                                 const EdOp  *op,
                                 gboolean     had_explicit,
                                 GError     **error)
{
  /* Without heads of its own, the field's one head is the ins op, which
   * make_heads_explicit() would write down only for retire_preds() to retire it again. */
  if (!retire_preds (self, op, had_explicit, error))
    return FALSE;
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
      state->insert_node = ed_json_parse (state->insert->val, NULL);
      if (state->insert_node != NULL && JSON_NODE_HOLDS_OBJECT (state->insert_node))
        state->insert_values = json_node_get_object (state->insert_node);
      g_hash_table_insert (state->ops, ed_op_get_id (state->insert), ed_op_copy (state->insert));
    }

  stmt = ed_database_cached (self->database, row_heads_sql, error);
  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
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
  node = ed_json_parse (insert->val, NULL);
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

/* The heads of each of @cols of one row, its state loaded once: for a fingerprint of every
 * field (ed-state-hash.c), which would otherwise load each row once a column. Returns an
 * array of @n_cols arrays of #EdHead, or %NULL. */
GPtrArray *
_ed_op_store_get_row_heads (EdOpStore           *self,
                            const char          *tbl,
                            const char          *pk,
                            const char * const  *cols,
                            guint                n_cols,
                            GError             **error)
{
  g_auto(RowState) state = { NULL };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  if (!row_state_load (self, tbl, pk, &state, error))
    return NULL;
  for (guint i = 0; i < n_cols; i++)
    {
      GPtrArray *heads = row_state_heads (self, &state, cols[i], error);

      if (heads == NULL)
        return NULL;
      g_ptr_array_add (all, heads);
    }
  return g_steal_pointer (&all);
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

/* The heads of a row (of "__row" and of each of @table's columns, in the registry's order), and
 * whether the row is visible: its ins op has arrived and it is not deleted. */
gboolean
_ed_field_heads_load_row (EdOpStore         *self,
                          const EdTableDef  *table,
                          const char        *pk,
                          GPtrArray        **out_row_heads,
                          GPtrArray        **out_column_heads,
                          gboolean          *out_visible,
                          GError           **error)
{
  g_auto(RowState) state = { NULL };
  g_autoptr(GPtrArray) row_heads = NULL;
  g_autoptr(GPtrArray) column_heads = NULL;

  if (!row_state_load (self, table->name, pk, &state, error))
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

  *out_visible = state.insert != NULL && !is_deleted (row_heads, column_heads);
  *out_row_heads = g_steal_pointer (&row_heads);
  *out_column_heads = g_steal_pointer (&column_heads);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, insert_conflict_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, tbl);
  _ed_op_store_bind_text (stmt, 2, pk);
  _ed_op_store_bind_text (stmt, 3, col);
  _ed_op_store_bind_text (stmt, 4, kind);
  return ed_database_step_reset (self->database, stmt, error);
}

/* Replaces the row's conflicts with those its heads (_ed_field_heads_load_row()) show: a field
 * whose heads disagree, and a delete that a visible row survived. */
gboolean
_ed_field_heads_write_conflicts (EdOpStore         *self,
                                 const EdTableDef  *table,
                                 const char        *pk,
                                 gboolean           visible,
                                 GPtrArray         *row_heads,
                                 GPtrArray         *column_heads,
                                 GError           **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, clear_conflicts_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, table->name);
  _ed_op_store_bind_text (stmt, 2, pk);
  if (!ed_database_step_reset (self->database, stmt, error))
    return FALSE;

  if (!visible)
    return TRUE;

  for (guint i = 0; i < table->n_columns; i++)
    if (_ed_heads_disagree (g_ptr_array_index (column_heads, i)) &&
        !write_conflict (self, table->name, pk, table->columns[i].name, "value", error))
      return FALSE;

  for (guint i = 0; i < row_heads->len; i++)
    if (((EdHead *)g_ptr_array_index (row_heads, i))->op->kind == ED_OP_DEL)
      return write_conflict (self, table->name, pk, ED_ROW_COLUMN, "delete", error);

  return TRUE;
}

/* Clears the conflict on the field @op sets, which has one head once @op supersedes them all. */
gboolean
_ed_field_heads_clear_conflict (EdOpStore   *self,
                                const EdOp  *op,
                                GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (self->database, clear_field_conflict_sql, error);

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, op->tbl);
  _ed_op_store_bind_text (stmt, 2, op->pk);
  _ed_op_store_bind_text (stmt, 3, op->col);
  return ed_database_step_reset (self->database, stmt, error);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, list_conflicts_sql, error);

  if (stmt == NULL)
    return NULL;
  if (!ed_database_step_rows (self->database, stmt, add_conflict_cb, rows, error))
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
  node = ed_json_parse (wrapped, NULL);
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
  node = ed_json_parse (stored, NULL);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, insert_head_of_row_sql, error);
  InsertHead insert = { table, column, out_head, FALSE };

  if (stmt == NULL)
    return FALSE;
  _ed_op_store_bind_text (stmt, 1, table->name);
  _ed_op_store_bind_text (stmt, 2, pk);
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
  sqlite3_stmt *stmt = ed_database_cached (self->database, explicit_heads_sql, error);
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
  _ed_op_store_bind_text (stmt, 1, table->name);
  _ed_op_store_bind_text (stmt, 2, pk);
  _ed_op_store_bind_text (stmt, 3, table->columns[column].name);
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
