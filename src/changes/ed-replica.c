/* ed-replica.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-change-set-private.h"
#include "changes/ed-replica-private.h"

/* This desk's replica of the district's shared data: the database file, the schema of synced
 * tables, the desk's clock and identity, and the op log behind them. Everything in changes/
 * works on a replica; the district's EdContext is one, with the district settings and the
 * module list on top, so the write path below knows nothing of districts or modules. */

typedef struct
{
  EdDatabase     *database;
  EdSchema       *schema;
  EdHlc          *hlc;
  EdOpStore      *op_store;
  EdWriteCheck   *write_check;
  EdDeskIdentity *desk;
} EdReplicaPrivate;

/* The data format whose migration created the op log (0003-changes.sql). */
#define ED_OP_LOG_SCHEMA_VERSION 3

G_DEFINE_TYPE_WITH_PRIVATE (EdReplica, ed_replica, G_TYPE_OBJECT)

static void
ed_replica_finalize (GObject *object)
{
  EdReplica *self = (EdReplica *)object;
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_clear_object (&priv->desk);
  g_clear_pointer (&priv->write_check, _ed_write_check_free);
  g_clear_pointer (&priv->op_store, _ed_op_store_free);
  g_clear_object (&priv->hlc);
  g_clear_object (&priv->schema);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (ed_replica_parent_class)->finalize (object);
}

static void
ed_replica_class_init (EdReplicaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_replica_finalize;
}

static void
ed_replica_init (EdReplica *self)
{
}

static const char select_hlc_sql[] = "SELECT value FROM desk_state WHERE key = 'hlc'";
static const char save_hlc_sql[] =
  "INSERT INTO desk_state (key, value) VALUES ('hlc', ?1) "
  "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static gboolean
load_hlc (EdReplicaPrivate  *priv,
          GError           **error)
{
  sqlite3_stmt *stmt = ed_database_cached (priv->database, select_hlc_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ed_hlc_set_last (priv->hlc, g_ascii_strtoll ((const char *)sqlite3_column_text (stmt, 0),
                                                 NULL, 10));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (priv->database, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ed_replica_save_hlc (EdReplica  *self,
                      GError    **error)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, ed_hlc_get_last (priv->hlc));
  sqlite3_stmt *stmt = ed_database_cached (priv->database, save_hlc_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  return ed_database_step_reset (priv->database, stmt, error);
}

gboolean
_ed_replica_merged (EdReplica  *self,
                    GError    **error)
{
  EdReplicaClass *klass = ED_REPLICA_GET_CLASS (self);

  return klass->merged == NULL || klass->merged (self, error);
}

/**
 * ed_replica_load:
 * @self: a replica not loaded yet (a subclass calls this once, from its constructor)
 * @database_path: the database file, created and migrated when needed; ":memory:" for a
 *   database in memory
 * @schema: the synced and local tables
 * @clock: (nullable): the wall clock; %NULL for the system's
 * @clock_data: data for @clock
 * @device_id: (nullable): a fixed device id, so that a test's seed replays exactly; %NULL for
 *   the desk's own
 * @error: return location for an error
 *
 * Returns: %TRUE when the replica is ready for change sets and merges
 */
gboolean
ed_replica_load (EdReplica    *self,
                 const char   *database_path,
                 EdSchema     *schema,
                 EdClockFunc   clock,
                 gpointer      clock_data,
                 const char   *device_id,
                 GError      **error)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);
  int opened_version;

  g_return_val_if_fail (ED_IS_REPLICA (self), FALSE);
  g_return_val_if_fail (priv->database == NULL, FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (ED_IS_SCHEMA (schema), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv->database = ed_database_open (database_path, ed_schema_get_migrations (schema), error);
  if (priv->database == NULL)
    return FALSE;

  priv->schema = g_object_ref (schema);
  priv->hlc = ed_hlc_new (clock, clock_data);
  if (!load_hlc (priv, error))
    return FALSE;
  priv->op_store = _ed_op_store_new (priv->database, priv->schema);
  priv->write_check = _ed_write_check_new (priv->database, priv->schema);

  priv->desk = device_id != NULL ? _ed_desk_identity_load_with_id (priv->database, device_id,
                                                                     error)
                                 : ed_desk_identity_load (priv->database, error);
  if (priv->desk == NULL)
    return FALSE;

  /* Only files from before the op log (data format 3) can hold rows no op names; looking for
   * them in every file would read a million-elector register at every start-up. */
  opened_version = ed_database_get_opened_schema_version (priv->database);
  if (opened_version > 0 && opened_version < ED_OP_LOG_SCHEMA_VERSION &&
      !_ed_change_set_adopt_unlogged_rows (self, error))
    return FALSE;

  return TRUE;
}

EdDatabase *
ed_replica_get_database (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->database;
}

EdSchema *
ed_replica_get_schema (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->schema;
}

EdHlc *
ed_replica_get_hlc (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->hlc;
}

EdDeskIdentity *
ed_replica_get_desk (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->desk;
}

const char *
ed_replica_get_device_id (EdReplica *self)
{
  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return ed_desk_identity_get_device_id (ed_replica_get_desk (self));
}

const char *
ed_replica_get_user_name (EdReplica *self)
{
  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return ed_desk_identity_get_user_name (ed_replica_get_desk (self));
}

EdOpStore *
_ed_replica_get_op_store (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->op_store;
}

EdWriteCheck *
_ed_replica_get_write_check (EdReplica *self)
{
  EdReplicaPrivate *priv = ed_replica_get_instance_private (self);

  g_return_val_if_fail (ED_IS_REPLICA (self), NULL);

  return priv->write_check;
}
