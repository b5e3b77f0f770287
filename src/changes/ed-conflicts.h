/* ed-conflicts.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"
#include "changes/ed-op.h"

G_BEGIN_DECLS

/**
 * EdConflictHead:
 * @op_id: the op ("device:seq")
 * @device: the desk that made it
 * @user: who made it
 * @hlc: when (see ed_hlc_get_ms())
 * @kind: the op's kind
 * @value_json: the value it holds, canonical JSON (%NULL for a del)
 */
typedef struct
{
  char     *op_id;
  char     *device;
  char     *user;
  gint64    hlc;
  EdOpKind  kind;
  char     *value_json;
} EdConflictHead;

/**
 * EdConflict:
 * @id: a short stable id for people and the command line
 * @tbl: the table
 * @pk: the row
 * @col: the column, or "__row" for a delete conflict
 * @kind: "value" (the heads hold different values) or "delete" (deleted on one desk, edited
 *   unseen on another)
 * @heads: (element-type EdConflictHead): the competing versions
 */
typedef struct
{
  char      *id;
  char      *tbl;
  char      *pk;
  char      *col;
  char      *kind;
  GPtrArray *heads;
} EdConflict;

void        ed_conflict_free           (EdConflict  *conflict);
GPtrArray  *ed_conflicts_list          (EdReplica   *replica,
                                        GError     **error);
EdConflict *ed_conflicts_lookup        (EdReplica   *replica,
                                        const char  *id,
                                        GError     **error);
gboolean    ed_conflicts_resolve_value (EdReplica   *replica,
                                        const char  *id,
                                        GVariant    *value,
                                        GError     **error);
gboolean    ed_conflicts_resolve_delete (EdReplica  *replica,
                                        const char  *id,
                                        gboolean     keep_row,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdConflict, ed_conflict_free)

G_END_DECLS
