/* ed-replica.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "core/ed-desk-identity.h"
#include "changes/ed-hlc.h"
#include "changes/ed-schema.h"

G_BEGIN_DECLS

#define ED_TYPE_REPLICA (ed_replica_get_type ())

G_DECLARE_DERIVABLE_TYPE (EdReplica, ed_replica, ED, REPLICA, GObject)

/**
 * EdReplicaClass:
 * @merged: called inside ed_merge_apply() after a merge that applied at least one op has
 *   committed, so that what is read from the synced tables (the district settings) can be
 *   read again; an error is the merge's error
 */
struct _EdReplicaClass
{
  GObjectClass parent_class;

  gboolean (*merged) (EdReplica  *self,
                      GError    **error);

  gpointer padding[4];
};

gboolean        ed_replica_load          (EdReplica    *self,
                                          const char   *database_path,
                                          EdSchema     *schema,
                                          EdClockFunc   clock,
                                          gpointer      clock_data,
                                          const char   *device_id,
                                          GError      **error);
EdDatabase     *ed_replica_get_database  (EdReplica    *self);
EdSchema       *ed_replica_get_schema    (EdReplica    *self);
EdHlc          *ed_replica_get_hlc       (EdReplica    *self);
EdDeskIdentity *ed_replica_get_desk      (EdReplica    *self);
const char     *ed_replica_get_device_id (EdReplica    *self);
const char     *ed_replica_get_user_name (EdReplica    *self);

G_END_DECLS
