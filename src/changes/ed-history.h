/* ed-history.h
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
 * EdHistoryEntry:
 * @op_id: the op
 * @hlc: when (see ed_hlc_get_ms())
 * @device: the desk
 * @user: who
 * @kind: what
 * @col: the column ("__row" for inserts, deletes and restores)
 * @from_display: (nullable): the value(s) it replaced, for a person to read
 * @to_display: (nullable): the value it wrote
 */
typedef struct
{
  char     *op_id;
  gint64    hlc;
  char     *device;
  char     *user;
  EdOpKind  kind;
  char     *col;
  char     *from_display;
  char     *to_display;
} EdHistoryEntry;

void       ed_history_entry_free (EdHistoryEntry *entry);
GPtrArray *ed_history_for_row    (EdReplica      *replica,
                                  const char     *table,
                                  const char     *row_id,
                                  GError        **error);

G_END_DECLS
