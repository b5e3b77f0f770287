/* ed-conflicts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "changes/ed-replica-private.h"

/* Conflicts are shown to a person with every competing version, who made it, on which desk
 * and roughly when, and resolved by an ordinary edit whose pred is all of them (SYNC.md
 * §4.4), so a resolution made on one desk clears the conflict on every desk it reaches. */

static void
conflict_head_free (EdConflictHead *head)
{
  g_free (head->op_id);
  g_free (head->device);
  g_free (head->user);
  g_free (head->value_json);
  g_free (head);
}

void
ed_conflict_free (EdConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->tbl);
  g_free (conflict->pk);
  g_free (conflict->col);
  g_free (conflict->kind);
  g_clear_pointer (&conflict->heads, g_ptr_array_unref);
  g_free (conflict);
}

/* A short id that every desk computes alike for the same field. */
static char *
conflict_id (const char *tbl,
             const char *pk,
             const char *col)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", tbl, pk, col);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strndup (digest, 10);
}

static EdConflictHead *
make_head (const EdHead *head)
{
  EdConflictHead *shown = g_new0 (EdConflictHead, 1);

  shown->op_id = ed_op_get_id (head->op);
  shown->device = g_strdup (head->op->device);
  shown->user = g_strdup (head->op->user);
  shown->hlc = head->op->hlc;
  shown->kind = head->op->kind;
  shown->value_json = g_strdup (head->value_json);
  return shown;
}

static EdConflict *
build_conflict (EdReplica   *replica,
                const char  *tbl,
                const char  *pk,
                const char  *col,
                const char  *kind,
                GError     **error)
{
  g_autoptr(EdConflict) conflict = g_new0 (EdConflict, 1);
  g_autoptr(GPtrArray) heads = NULL;

  conflict->id = conflict_id (tbl, pk, col);
  conflict->tbl = g_strdup (tbl);
  conflict->pk = g_strdup (pk);
  conflict->col = g_strdup (col);
  conflict->kind = g_strdup (kind);
  conflict->heads = g_ptr_array_new_with_free_func ((GDestroyNotify)conflict_head_free);

  heads = _ed_op_store_get_heads (_ed_replica_get_op_store (replica), tbl, pk, col, error);
  if (heads == NULL)
    return NULL;

  if (g_str_equal (kind, "delete"))
    {
      /* The deletes, then the edits they had not seen: the versions a person weighs. */
      const EdTableDef *table = ed_schema_lookup (ed_replica_get_schema (replica), tbl);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < heads->len; i++)
        {
          EdHead *head = g_ptr_array_index (heads, i);

          g_ptr_array_add (conflict->heads, make_head (head));
          for (guint j = 0; head->op->kind == ED_OP_DEL && head->op->seen != NULL &&
                            head->op->seen[j] != NULL; j++)
            g_hash_table_add (seen, head->op->seen[j]);
        }

      for (guint c = 0; table != NULL && c < table->n_columns; c++)
        {
          g_autoptr(GPtrArray) field = _ed_op_store_get_heads (_ed_replica_get_op_store (replica),
                                                               tbl, pk, table->columns[c].name,
                                                               error);

          if (field == NULL)
            return NULL;
          for (guint i = 0; i < field->len; i++)
            {
              EdHead *head = g_ptr_array_index (field, i);
              g_autofree char *id = ed_op_get_id (head->op);

              if (!g_hash_table_contains (seen, id))
                g_ptr_array_add (conflict->heads, make_head (head));
            }
        }
      return g_steal_pointer (&conflict);
    }

  for (guint i = 0; i < heads->len; i++)
    g_ptr_array_add (conflict->heads, make_head (g_ptr_array_index (heads, i)));
  return g_steal_pointer (&conflict);
}

/**
 * ed_conflicts_list:
 * @replica: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdConflict): the open conflicts
 */
GPtrArray *
ed_conflicts_list (EdReplica  *replica,
                   GError    **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_conflict_free);
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (ED_IS_REPLICA (replica), NULL);

  rows = _ed_op_store_list_conflicts (_ed_replica_get_op_store (replica), error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      EdConflict *conflict = build_conflict (replica, row[0], row[1], row[2], row[3], error);

      if (conflict == NULL)
        return NULL;
      g_ptr_array_add (conflicts, conflict);
    }
  return g_steal_pointer (&conflicts);
}

/**
 * ed_conflicts_lookup:
 * @replica: the district
 * @id: a conflict's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the conflict, or %NULL with @error set
 */
EdConflict *
ed_conflicts_lookup (EdReplica   *replica,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(GPtrArray) conflicts = ed_conflicts_list (replica, error);

  if (conflicts == NULL)
    return NULL;
  for (guint i = 0; i < conflicts->len; i++)
    {
      EdConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->id, id) == 0)
        return g_ptr_array_steal_index (conflicts, i);
    }
  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
               _("There is no open conflict %s"), id);
  return NULL;
}

/**
 * ed_conflicts_resolve_value:
 * @replica: the district
 * @id: a value conflict
 * @value: the value to keep (one of the competing ones, or a new one)
 * @error: return location for an error
 */
gboolean
ed_conflicts_resolve_value (EdReplica   *replica,
                            const char  *id,
                            GVariant    *value,
                            GError     **error)
{
  g_autoptr(EdConflict) conflict = ed_conflicts_lookup (replica, id, error);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);

  if (conflict == NULL)
    return FALSE;
  if (!g_str_equal (conflict->kind, "value"))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("Conflict %s is about a deleted row: keep the row or delete it"), id);
      return FALSE;
    }

  change_set = ed_change_set_begin (replica, error);
  return change_set != NULL &&
         ed_change_set_set (change_set, conflict->tbl, conflict->pk, conflict->col, sunk,
                            error) &&
         ed_change_set_commit (change_set, error);
}

/**
 * ed_conflicts_resolve_delete:
 * @replica: the district
 * @id: a delete conflict
 * @keep_row: %TRUE to keep the row with its edits, %FALSE to confirm the delete
 * @error: return location for an error
 */
gboolean
ed_conflicts_resolve_delete (EdReplica   *replica,
                             const char  *id,
                             gboolean     keep_row,
                             GError     **error)
{
  g_autoptr(EdConflict) conflict = ed_conflicts_lookup (replica, id, error);
  g_autoptr(EdChangeSet) change_set = NULL;
  gboolean ok;

  if (conflict == NULL)
    return FALSE;
  if (!g_str_equal (conflict->kind, "delete"))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("Conflict %s is between values: choose a value"), id);
      return FALSE;
    }

  change_set = ed_change_set_begin (replica, error);
  if (change_set == NULL)
    return FALSE;
  if (keep_row)
    ok = ed_change_set_restore (change_set, conflict->tbl, conflict->pk, error);
  else
    ok = ed_change_set_delete (change_set, conflict->tbl, conflict->pk, error);
  return ok && ed_change_set_commit (change_set, error);
}
