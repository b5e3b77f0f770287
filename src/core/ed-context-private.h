/* ed-context-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-context.h"
#include "ed-op-store-private.h"
#include "ed-write-check-private.h"

G_BEGIN_DECLS

/* For tests and the merge simulator: a context on @path (":memory:" for a database in
 * memory), with its own schema, wall clock and, when given, a fixed device id so that a seed
 * replays exactly. */
EdContext *_ed_context_open_full (const char  *path,
                                  EdSchema    *schema,
                                  EdClockFunc  clock,
                                  gpointer     clock_data,
                                  const char  *device_id,
                                  GError     **error);

/* Persists the clock after a change set or merge has used it (inside its transaction). */
gboolean   _ed_context_save_hlc  (EdContext   *self,
                                  GError     **error);

EdOpStore    *_ed_context_get_op_store    (EdContext *self);
EdWriteCheck *_ed_context_get_write_check (EdContext *self);

G_END_DECLS
