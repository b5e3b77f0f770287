/* ed-write-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "changes/ed-op.h"
#include "changes/ed-write-check-private.h"

struct _EdWriteCheck
{
  EdDatabase      *database;
  EdSchema        *schema;
  sqlite3_session *session;
  GHashTable      *expected;   /* "tbl\x1fpk" (row ops) and "tbl\x1fpk\x1fcol" (sets) */
};

static gboolean
write_check_enabled (void)
{
  return g_strcmp0 (g_getenv ("ED_WRITE_CHECK"), "1") == 0;
}

static sqlite3_session *
new_session (EdWriteCheck *self)
{
  sqlite3_session *session = NULL;
  g_autoptr(GPtrArray) tables = ed_schema_list_tables (self->schema);

  if (sqlite3session_create (ed_database_get_handle (self->database), "main", &session) !=
      SQLITE_OK)
    g_error ("Cannot create the SQLite session for the write check");

  for (guint i = 0; i < tables->len; i++)
    {
      const EdTableDef *table = g_ptr_array_index (tables, i);

      if (sqlite3session_attach (session, table->name) != SQLITE_OK)
        g_error ("Cannot attach the write check to table %s", table->name);
    }
  return session;
}

/**
 * _ed_write_check_new:
 *
 * Returns: (nullable): a write check on the connection, or %NULL when the check is off
 *   (always, outside test runs)
 */
EdWriteCheck *
_ed_write_check_new (EdDatabase *database,
                     EdSchema   *schema)
{
  EdWriteCheck *self;

  if (!write_check_enabled ())
    return NULL;

  self = g_new0 (EdWriteCheck, 1);
  self->database = g_object_ref (database);
  self->schema = g_object_ref (schema);
  self->expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->session = new_session (self);
  return self;
}

static char *
describe_stray_changes (EdWriteCheck *self,
                        gboolean      only_unexpected)
{
  GString *stray = g_string_new (NULL);
  sqlite3_changeset_iter *iter = NULL;
  void *changeset = NULL;
  int size = 0;

  if (sqlite3session_changeset (self->session, &size, &changeset) != SQLITE_OK)
    {
      g_string_append (stray, "(the session could not produce a changeset)");
      return g_string_free (stray, FALSE);
    }

  if (size > 0 && sqlite3changeset_start (&iter, size, changeset) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        {
          const char *table;
          int n_columns, op, indirect;
          sqlite3_value *pk_value = NULL;
          const char *pk;
          const EdTableDef *def;

          sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
          if (op == SQLITE_INSERT)
            sqlite3changeset_new (iter, 0, &pk_value);
          else
            sqlite3changeset_old (iter, 0, &pk_value);
          pk = pk_value != NULL ? (const char *)sqlite3_value_text (pk_value) : "";
          def = ed_schema_lookup (self->schema, table);

          if (op == SQLITE_UPDATE && def != NULL)
            {
              /* Column 0 is id; the synced columns follow in table order, which need not be
               * the registry's, so each changed column is named from the table itself. */
              for (int c = 1; c < n_columns; c++)
                {
                  sqlite3_value *new_value = NULL;
                  g_autofree char *key = NULL;
                  g_autofree char *row_key = NULL;
                  const char *column = NULL;
                  sqlite3_stmt *info = NULL;
                  char *sql = sqlite3_mprintf ("SELECT name FROM pragma_table_info(%Q) "
                                               "WHERE cid = %d", table, c);

                  if (sqlite3changeset_new (iter, c, &new_value) != SQLITE_OK ||
                      new_value == NULL)
                    {
                      sqlite3_free (sql);
                      continue;
                    }
                  if (sqlite3_prepare_v2 (ed_database_get_handle (self->database), sql, -1,
                                          &info, NULL) == SQLITE_OK &&
                      sqlite3_step (info) == SQLITE_ROW)
                    column = (const char *)sqlite3_column_text (info, 0);
                  key = g_strdup_printf ("%s\x1f%s\x1f%s", table, pk, column ? column : "?");
                  row_key = g_strdup_printf ("%s\x1f%s", table, pk);
                  if (!only_unexpected || (!g_hash_table_contains (self->expected, key) &&
                                           !g_hash_table_contains (self->expected, row_key)))
                    g_string_append_printf (stray, "%supdate %s.%s of row %s",
                                            stray->len > 0 ? "; " : "", table,
                                            column ? column : "?", pk);
                  sqlite3_finalize (info);
                  sqlite3_free (sql);
                }
            }
          else
            {
              g_autofree char *key = g_strdup_printf ("%s\x1f%s", table, pk);

              if (!only_unexpected || !g_hash_table_contains (self->expected, key))
                g_string_append_printf (stray, "%s%s of row %s in %s",
                                        stray->len > 0 ? "; " : "",
                                        op == SQLITE_INSERT ? "insert" : "delete", pk, table);
            }
        }
      sqlite3changeset_finalize (iter);
    }
  sqlite3_free (changeset);
  return g_string_free (stray, FALSE);
}

static void
reset_session (EdWriteCheck *self)
{
  sqlite3session_delete (self->session);
  self->session = new_session (self);
  g_hash_table_remove_all (self->expected);
}

static gboolean
report (const char  *what,
        const char  *stray,
        GError     **error)
{
  g_critical ("Write check: %s: %s", what, stray);
  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_UNRECORDED_WRITE,
               "%s: %s", what, stray);
  return FALSE;
}

/* Before a change set starts: anything the session holds now was written outside one. */
gboolean
_ed_write_check_begin (EdWriteCheck  *self,
                       GError       **error)
{
  g_autofree char *stray = NULL;

  if (self == NULL || sqlite3session_isempty (self->session))
    return TRUE;

  stray = describe_stray_changes (self, FALSE);
  reset_session (self);
  if (*stray == '\0')
    return TRUE;
  return report ("synced rows changed outside a change set", stray, error);
}

/* @col NULL: the op may insert or delete the whole row (ins, del, restore, and recomputes
 * that follow them). */
void
_ed_write_check_expect (EdWriteCheck *self,
                        const char   *tbl,
                        const char   *pk,
                        const char   *col)
{
  if (self == NULL)
    return;

  if (col == NULL)
    {
      g_hash_table_add (self->expected, g_strdup_printf ("%s\x1f%s", tbl, pk));
      return;
    }
  g_hash_table_add (self->expected, g_strdup_printf ("%s\x1f%s\x1f%s", tbl, pk, col));
}

gboolean
_ed_write_check_finish (EdWriteCheck  *self,
                        GError       **error)
{
  g_autofree char *stray = NULL;

  if (self == NULL)
    return TRUE;

  stray = describe_stray_changes (self, TRUE);
  reset_session (self);
  if (*stray == '\0')
    return TRUE;
  return report ("synced rows changed without a matching op", stray, error);
}

/* A rolled-back change set changed nothing; forget what it did. */
void
_ed_write_check_discard (EdWriteCheck *self)
{
  if (self != NULL)
    reset_session (self);
}

/* The merge writes only what ops dictate, from other desks' ops; it is not checked. */
void
_ed_write_check_pause (EdWriteCheck *self)
{
  if (self != NULL)
    sqlite3session_enable (self->session, 0);
}

void
_ed_write_check_resume (EdWriteCheck *self)
{
  if (self != NULL)
    sqlite3session_enable (self->session, 1);
}

void
_ed_write_check_free (EdWriteCheck *self)
{
  if (self == NULL)
    return;
  sqlite3session_delete (self->session);
  g_hash_table_unref (self->expected);
  g_object_unref (self->database);
  g_object_unref (self->schema);
  g_free (self);
}
