/* ed-elector-undo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Undo of an officer's add, amend or delete (DESIGN.md §7). The op log is append-only and
 * other desks may already have merged the change, so an undo never rewinds it: it is a new
 * change set that puts the entry back as the snapshot saw it. A deleted row is restored with
 * its own id (so its history stays one), changed columns are set back, and the alterations
 * the change added for the next notice are deleted, so the notice does not list a change that
 * was taken back. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "register/ed-elector-undo.h"

struct _EdElectorSnapshot
{
  char       *elector_id;
  gboolean    existed;
  GHashTable *values;         /* column name → GVariant, for an entry that existed */
  GPtrArray  *alterations;    /* ids of the unpublished alterations of the entry */
};

static const char row_sql[] = "SELECT * FROM elector WHERE id = ?1";
static const char alterations_sql[] =
  "SELECT id FROM register_alteration WHERE elector = ?1 AND notice = '' ORDER BY id";

static GVariant *
column_variant (sqlite3_stmt *stmt,
                int           column,
                EdValueType   type)
{
  const char *text;

  switch (type)
    {
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, column));
    case ED_VALUE_BOOLEAN:
      return g_variant_new_boolean (sqlite3_column_int64 (stmt, column) != 0);
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
    default:
      text = (const char *)sqlite3_column_text (stmt, column);
      return g_variant_new_string (text != NULL ? text : "");
    }
}

/* The entry's synced columns as they are now, or %NULL (with no error) if there is no row. */
static GHashTable *
read_row (EdContext   *context,
          const char  *elector_id,
          GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  const EdTableDef *table = ed_schema_lookup (ed_replica_get_schema (ED_REPLICA (context)),
                                              "elector");
  sqlite3_stmt *stmt = ed_database_cached (database, row_sql, error);
  g_autoptr(GHashTable) values = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  g_assert (table != NULL);
  sqlite3_bind_text (stmt, 1, elector_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_variant_unref);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *name = sqlite3_column_name (stmt, c);
          int index = ed_schema_column_index (table, name);

          /* The id and the change layer's own bookkeeping are not the officer's to undo. */
          if (index < 0)
            continue;
          g_hash_table_insert (values, g_strdup (name),
                               g_variant_ref_sink (column_variant (stmt, c,
                                                                   table->columns[index].type)));
        }
    }
  else if (rc != SQLITE_DONE)
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  return g_steal_pointer (&values);
}

static GPtrArray *
read_alterations (EdContext   *context,
                  const char  *elector_id,
                  GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, alterations_sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, elector_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
contains (GPtrArray  *ids,
          const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/**
 * ed_elector_snapshot_take:
 * @context: the district
 * @elector_id: an elector about to be amended or deleted
 * @error: return location for an error
 *
 * Returns: (transfer full): the entry as it is now, to give back to
 *   ed_elector_snapshot_restore() after the change; %NULL if it could not be read
 */
EdElectorSnapshot *
ed_elector_snapshot_take (EdContext   *context,
                          const char  *elector_id,
                          GError     **error)
{
  g_autoptr(EdElectorSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (elector_id != NULL, NULL);

  snapshot = ed_elector_snapshot_absent (elector_id);
  snapshot->values = read_row (context, elector_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  snapshot->existed = snapshot->values != NULL;
  g_ptr_array_unref (snapshot->alterations);
  snapshot->alterations = read_alterations (context, elector_id, error);
  if (snapshot->alterations == NULL)
    return NULL;
  return g_steal_pointer (&snapshot);
}

/**
 * ed_elector_snapshot_absent:
 * @elector_id: (nullable): the id of an elector about to be added, if known yet
 *
 * Returns: (transfer full): a snapshot of an entry that is not in the register: restoring it
 *   takes the entry (and its pending addition) away again
 */
EdElectorSnapshot *
ed_elector_snapshot_absent (const char *elector_id)
{
  EdElectorSnapshot *snapshot = g_new0 (EdElectorSnapshot, 1);

  snapshot->elector_id = g_strdup (elector_id);
  snapshot->alterations = g_ptr_array_new_with_free_func (g_free);
  return snapshot;
}

/**
 * ed_elector_snapshot_set_id:
 * @snapshot: a snapshot
 * @elector_id: the id the entry was added with
 *
 * For an entry that was added after its snapshot: the id it was given.
 */
void
ed_elector_snapshot_set_id (EdElectorSnapshot *snapshot,
                            const char        *elector_id)
{
  g_return_if_fail (snapshot != NULL);

  g_free (snapshot->elector_id);
  snapshot->elector_id = g_strdup (elector_id);
}

/**
 * ed_elector_snapshot_get_id:
 * @snapshot: a snapshot
 *
 * Returns: (nullable): the elector's row id
 */
const char *
ed_elector_snapshot_get_id (EdElectorSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return snapshot->elector_id;
}

/**
 * ed_elector_snapshot_restore:
 * @context: the district
 * @snapshot: the entry as it was before a change
 * @error: return location for an error
 *
 * Puts the entry back as @snapshot saw it, in one new change set: restores it if it was
 * deleted since, sets back each column that changed, and deletes the alterations waiting for
 * the next notice that were recorded since (or, for an entry that did not exist, the entry and
 * all of them). Alterations already published are history and stay.
 *
 * Returns: whether the entry is as it was
 */
gboolean
ed_elector_snapshot_restore (EdContext          *context,
                             EdElectorSnapshot  *snapshot,
                             GError            **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GPtrArray) alterations = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->elector_id != NULL, FALSE);

  now = read_row (context, snapshot->elector_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  alterations = read_alterations (context, snapshot->elector_id, error);
  if (alterations == NULL)
    return FALSE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;

  /* What the change recorded for the next notice goes first: a pending addition taken back
   * leaves no line on the notice. */
  for (guint i = 0; i < alterations->len; i++)
    if (!contains (snapshot->alterations, g_ptr_array_index (alterations, i)) &&
        !ed_change_set_delete (change_set, "register_alteration",
                               g_ptr_array_index (alterations, i), error))
      return FALSE;

  if (!snapshot->existed)
    {
      if (now != NULL && !ed_change_set_delete (change_set, "elector", snapshot->elector_id,
                                                error))
        return FALSE;
      return ed_change_set_commit (change_set, error);
    }

  if (now == NULL)
    {
      if (!ed_change_set_restore (change_set, "elector", snapshot->elector_id, error))
        return FALSE;
      g_clear_pointer (&now, g_hash_table_unref);
      now = read_row (context, snapshot->elector_id, &local_error);
      if (now == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                                 _("The entry could not be brought back."));
          return FALSE;
        }
    }
  /* An alteration deleted with the entry (a pending addition removed at once) comes back
   * with it. */
  for (guint i = 0; i < snapshot->alterations->len; i++)
    {
      const char *id = g_ptr_array_index (snapshot->alterations, i);

      if (!contains (alterations, id) &&
          !ed_change_set_restore (change_set, "register_alteration", id, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, snapshot->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GVariant *current = g_hash_table_lookup (now, key);

      if (current == NULL || g_variant_equal (current, value))
        continue;
      if (!ed_change_set_set (change_set, "elector", snapshot->elector_id, key, value, error))
        return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}

void
ed_elector_snapshot_free (EdElectorSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->elector_id);
  g_clear_pointer (&snapshot->values, g_hash_table_unref);
  g_clear_pointer (&snapshot->alterations, g_ptr_array_unref);
  g_free (snapshot);
}
