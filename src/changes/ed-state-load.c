/* ed-state-load.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-replica-private.h"
#include "changes/ed-state-load.h"
#include "changes/ed-validate.h"
#include "changes/ed-write-check-private.h"

/**
 * ed_replica_load_state:
 * @replica: a district that holds no ops yet
 * @load: (scope call): writes the rows of the state
 * @user_data: data for @load
 * @error: return location for an error
 *
 * Loads a whole state another desk held (a sync snapshot, SYNC.md §4.7) in one transaction:
 * the rows @load writes, then the derived indexes brought up to date (the search index is
 * rebuilt whole, as the register's bulk paths do) and the validators run. Like a merge, it
 * writes only what other desks' ops made, so the write check (SYNC.md §4.11) is paused for it.
 * Nothing of it stays when @load or anything after it fails.
 *
 * Returns: whether the state was loaded
 */
gboolean
ed_replica_load_state (EdReplica        *replica,
                       EdStateLoadFunc   load,
                       gpointer          user_data,
                       GError          **error)
{
  EdDatabase *database;
  EdWriteCheck *check;
  gboolean ok;

  g_return_val_if_fail (ED_IS_REPLICA (replica), FALSE);
  g_return_val_if_fail (load != NULL, FALSE);

  database = ed_replica_get_database (replica);
  check = _ed_replica_get_write_check (replica);
  if (!_ed_write_check_begin (check, error) || !ed_database_begin (database, error))
    return FALSE;

  _ed_write_check_pause (check);
  ok = load (replica, user_data, error) &&
       ed_schema_refresh_derived_indexes (ed_replica_get_schema (replica), replica, error) &&
       ed_validate_run (replica, error) &&
       _ed_replica_save_hlc (replica, error) &&
       ed_database_commit (database, error);
  _ed_write_check_resume (check);
  if (!ok)
    {
      ed_database_rollback (database);
      return FALSE;
    }
  return _ed_replica_merged (replica, error);
}
