/* ed-validate.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-validate.h"

/* Synced tables have no UNIQUE or FOREIGN KEY constraints, because applying another desk's
 * ops must never fail (SYNC.md §4.10). Instead each module registers checks, run after every
 * merge, that raise items for a person: two electors with one number, a property in a polling
 * district that no longer exists. The items are replaced on every run. */

static const char clear_items_sql[] = "DELETE FROM validation_item";
static const char insert_item_sql[] =
  "INSERT INTO validation_item (validator, tbl, pk, message) VALUES (?1, ?2, ?3, ?4)";
static const char list_items_sql[] =
  "SELECT validator, tbl, pk, message FROM validation_item ORDER BY validator, tbl, pk";

void
ed_validation_item_free (EdValidationItem *item)
{
  if (item == NULL)
    return;
  g_free (item->validator);
  g_free (item->tbl);
  g_free (item->pk);
  g_free (item->message);
  g_free (item);
}

void
ed_validation_items_add (GPtrArray  *items,
                         const char *validator,
                         const char *table,
                         const char *row_id,
                         const char *message)
{
  EdValidationItem *item = g_new0 (EdValidationItem, 1);

  item->validator = g_strdup (validator);
  item->tbl = g_strdup (table);
  item->pk = g_strdup (row_id);
  item->message = g_strdup (message);
  g_ptr_array_add (items, item);
}

static char *
quoted_columns (const char * const *columns,
                const char         *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      char *quoted = sqlite3_mprintf ("%s\"%w\"", i > 0 ? separator : "", columns[i]);

      g_string_append (text, quoted);
      sqlite3_free (quoted);
    }
  return g_string_free (text, FALSE);
}

/**
 * ed_validate_unique:
 * @replica: the district
 * @validator: the check's name
 * @table: a synced table
 * @columns: the natural key's columns
 * @what: how a person names the key ("elector number")
 * @items: (element-type EdValidationItem): where to add an item for each row that shares its
 *   key with another
 * @error: return location for an error
 */
gboolean
ed_validate_unique (EdReplica          *replica,
                    const char         *validator,
                    const char         *table,
                    const char * const *columns,
                    const char         *what,
                    GPtrArray          *items,
                    GError            **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  g_autofree char *key = quoted_columns (columns, ", ");
  char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (columns != NULL && columns[0] != NULL, FALSE);

  /* The table and columns come from the module's code, never from input; %w and the quoted
   * column list make them identifiers. */
  sql = sqlite3_mprintf ("SELECT id FROM \"%w\" WHERE (%s) IN (SELECT %s FROM \"%w\" "
                         "GROUP BY %s HAVING count(*) > 1) ORDER BY id",
                         table, key, key, table, key);

  stmt = ed_database_cached (database, sql, error);
  sqlite3_free (sql);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *message = g_strdup_printf (_("Another row of %s has the same %s."),
                                                  table, what);

      ed_validation_items_add (items, validator, table,
                               (const char *)sqlite3_column_text (stmt, 0), message);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_validate_items_from_query:
 * @replica: the district
 * @sql: a query whose rows are (row id, the message's one argument)
 * @validator: the check's name
 * @table: the table the row ids are of
 * @format: the message, translated, with one %s for the row's argument
 * @items: (element-type EdValidationItem): where to add an item for each row
 * @error: return location for an error
 *
 * What most of a module's own checks are: a query for the rows in breach, and a sentence for
 * each.
 *
 * Returns: %TRUE unless the query failed
 */
gboolean
ed_validate_items_from_query (EdReplica   *replica,
                              const char  *sql,
                              const char  *validator,
                              const char  *table,
                              const char  *format,
                              GPtrArray   *items,
                              GError     **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *message =
        g_strdup_printf (format, (const char *)sqlite3_column_text (stmt, 1));

      ed_validation_items_add (items, validator, table,
                               (const char *)sqlite3_column_text (stmt, 0), message);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_validate_reference:
 * @replica: the district
 * @validator: the check's name
 * @table: a synced table
 * @column: a column holding the id of a row of @target_table, or ""
 * @target_table: the table referred to
 * @items: (element-type EdValidationItem): where to add an item for each dangling reference
 * @error: return location for an error
 */
gboolean
ed_validate_reference (EdReplica   *replica,
                       const char  *validator,
                       const char  *table,
                       const char  *column,
                       const char  *target_table,
                       GPtrArray   *items,
                       GError     **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  char *sql = sqlite3_mprintf ("SELECT t.id, t.\"%w\" FROM \"%w\" AS t WHERE t.\"%w\" <> '' "
                               "AND NOT EXISTS (SELECT 1 FROM \"%w\" AS r WHERE r.id = t.\"%w\") "
                               "ORDER BY t.id",
                               column, table, column, target_table, column);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  int rc;

  sqlite3_free (sql);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s refers to %s %s, which does not exist (deleted on another desk?)."),
                         column, target_table, (const char *)sqlite3_column_text (stmt, 1));

      ed_validation_items_add (items, validator, table,
                               (const char *)sqlite3_column_text (stmt, 0), message);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_validate_run:
 * @replica: the district
 * @error: return location for an error
 *
 * Runs every registered check and replaces the stored items with what they found. Called by
 * the merge inside its transaction.
 */
gboolean
ed_validate_run (EdReplica  *replica,
                 GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  GPtrArray *validators = ed_schema_get_validators (ed_replica_get_schema (replica));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_validation_item_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < validators->len; i++)
    {
      const EdValidator *validator = g_ptr_array_index (validators, i);

      if (!validator->func (replica, items, error))
        return FALSE;
    }

  stmt = ed_database_cached (database, clear_items_sql, error);
  if (stmt == NULL || !ed_database_step_reset (database, stmt, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      EdValidationItem *item = g_ptr_array_index (items, i);

      stmt = ed_database_cached (database, insert_item_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, item->validator, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item->tbl, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, item->pk, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, item->message, -1, SQLITE_STATIC);
      if (!ed_database_step_reset (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_validate_list_items:
 * @replica: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdValidationItem): what the last run found
 */
GPtrArray *
ed_validate_list_items (EdReplica  *replica,
                        GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_validation_item_free);
  sqlite3_stmt *stmt = ed_database_cached (database, list_items_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ed_validation_items_add (items, (const char *)sqlite3_column_text (stmt, 0),
                             (const char *)sqlite3_column_text (stmt, 1),
                             (const char *)sqlite3_column_text (stmt, 2),
                             (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}
