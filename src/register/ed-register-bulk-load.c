/* ed-register-bulk-load.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding many electors in one transaction. Two triggers of 0004-register.sql run for every
 * elector inserted: one queues it for the search index, the other adds one to the register's
 * size. For a single elector they are the cheapest way to keep both right, whoever writes;
 * for the 300,000 of an import they cost a third of the time spent writing electors, on work
 * that is done better once: the new electors are the rowids above the greatest there was
 * before (SQLite gives a new row the next one), so they are counted and indexed by one
 * statement each, in rowid order, at the end.
 *
 * The triggers are dropped inside the transaction and made again from their own text, which
 * sqlite_schema keeps, before it commits. Schema changes are part of the transaction, so a
 * rollback (an import cancelled or refused half-way) brings them back with everything else,
 * and no other connection ever sees the district without them. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-register-bulk-load.h"

static const char *suspended_triggers[] = {
  "elector_search_insert",
  "register_size_insert",
};

struct _EdRegisterBulkLoad
{
  EdDatabase *database;
  gint64      last_rowid;   /* the greatest elector rowid before the load */
  char       *trigger_sql[G_N_ELEMENTS (suspended_triggers)];
};

static const char last_rowid_sql[] = "SELECT coalesce (max (rowid), 0) FROM elector";
static const char trigger_sql[] =
  "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1";

/* The same rows and text as the register's refresh of the search index
 * (ed-register-tables.c), for the new electors only. None of them can have an entry yet, which
 * the first statement makes sure of at no cost (it finds nothing to delete). Whatever else the
 * transaction queued is indexed at commit as usual. */
static const char finish_sql[] =
  "UPDATE register_size SET electors = electors + "
  "  (SELECT count(*) FROM elector WHERE rowid > ?1) WHERE id = 1;"
  "DELETE FROM elector_search WHERE rowid > ?1;"
  "INSERT INTO elector_search (rowid, name, address, postcode, number) "
  "  SELECT rowid, name, address, postcode, number FROM elector_search_source "
  "  WHERE rowid > ?1 ORDER BY rowid;"
  "DELETE FROM elector_search_queue WHERE elector_rowid > ?1;";

/* FTS5 holds the terms of rows being indexed in memory until they pass its hash size, 1 MiB
 * by default, then writes them out as a segment and merges segments as they pile up. Indexing
 * 300,000 electors that way wrote some thirty segments and merged them over and over, a third
 * of the indexing. With room for 16 MiB it writes two; more room saved no more time, the
 * bigger hash being slower to fill. The setting is kept in the index's own config table, so
 * it is set back for the small writes of every day. A SQLite without it indexes as before. */
#define BULK_HASH_SIZE (16 * 1024 * 1024)
#define DEFAULT_HASH_SIZE (1024 * 1024)
static const char hash_size_sql[] =
  "INSERT INTO elector_search (elector_search, rank) VALUES ('hashsize', ?1)";

static gboolean
query_last_rowid (EdDatabase  *database,
                  gint64      *out_rowid,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, last_rowid_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  *out_rowid = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The text that made @name, or NULL (with no error) when the district has no such trigger. */
static gboolean
query_trigger_sql (EdDatabase  *database,
                   const char  *name,
                   char       **out_sql,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, trigger_sql, error);
  int rc;

  *out_sql = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_sql = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
set_search_hash_size (EdDatabase *database,
                      gint64      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, hash_size_sql, &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, size);
      ed_database_step_done (database, stmt, &error);
    }
  if (error != NULL)
    g_debug ("The search index keeps its hash size: %s", error->message);
}

/**
 * ed_register_bulk_load_begin:
 * @database: a district in a transaction (an open change set) that has not yet written
 * @error: return location for an error
 *
 * Sets aside the per-elector triggers until ed_register_bulk_load_finish(), which the caller
 * must call before it commits; to give up, roll the transaction back and free the load.
 *
 * Returns: (transfer full): the load, or %NULL with @error set
 */
EdRegisterBulkLoad *
ed_register_bulk_load_begin (EdDatabase  *database,
                             GError     **error)
{
  g_autoptr(EdRegisterBulkLoad) load = NULL;

  g_return_val_if_fail (ED_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ed_database_in_transaction (database), NULL);

  load = g_new0 (EdRegisterBulkLoad, 1);
  load->database = g_object_ref (database);
  if (!query_last_rowid (database, &load->last_rowid, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suspended_triggers); i++)
    {
      g_autofree char *drop = NULL;

      if (!query_trigger_sql (database, suspended_triggers[i], &load->trigger_sql[i], error))
        return NULL;
      if (load->trigger_sql[i] == NULL)
        continue;
      drop = g_strdup_printf ("DROP TRIGGER \"%s\"", suspended_triggers[i]);
      if (!ed_database_exec (database, drop, error))
        return NULL;
    }
  return g_steal_pointer (&load);
}

/**
 * ed_register_bulk_load_finish:
 * @load: a load begun in the transaction still open
 * @error: return location for an error
 *
 * Puts the triggers back, adds the new electors to the register's size and indexes them for
 * search.
 */
gboolean
ed_register_bulk_load_finish (EdRegisterBulkLoad  *load,
                              GError             **error)
{
  const char *sql = finish_sql;

  g_return_val_if_fail (load != NULL, FALSE);
  g_return_val_if_fail (ed_database_in_transaction (load->database), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suspended_triggers); i++)
    {
      if (load->trigger_sql[i] != NULL &&
          !ed_database_exec (load->database, load->trigger_sql[i], error))
        return FALSE;
      g_clear_pointer (&load->trigger_sql[i], g_free);
    }

  set_search_hash_size (load->database, BULK_HASH_SIZE);
  while (*sql != '\0')
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const char *rest = NULL;
      int rc = sqlite3_prepare_v2 (ed_database_get_handle (load->database), sql, -1, &stmt,
                                   &rest);

      if (rc != SQLITE_OK)
        {
          ed_database_set_error (load->database, rc, error);
          return FALSE;
        }
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, load->last_rowid);
      if (!ed_database_step_done (load->database, stmt, error))
        return FALSE;
      sql = rest;
    }
  set_search_hash_size (load->database, DEFAULT_HASH_SIZE);
  return TRUE;
}

void
ed_register_bulk_load_free (EdRegisterBulkLoad *load)
{
  if (load == NULL)
    return;
  g_object_unref (load->database);
  for (guint i = 0; i < G_N_ELEMENTS (suspended_triggers); i++)
    g_free (load->trigger_sql[i]);
  g_free (load);
}
