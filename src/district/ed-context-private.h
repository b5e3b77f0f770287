/* ed-context-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/* For tests and the merge simulator: a context on @path (":memory:" for a database in
 * memory), with its own schema, wall clock and, when given, a fixed device id so that a seed
 * replays exactly. */
EdContext *_ed_context_open_full (const char              *path,
                                  const EdModule * const  *modules,
                                  EdSchema                *schema,
                                  EdClockFunc              clock,
                                  gpointer                 clock_data,
                                  const char              *device_id,
                                  GError                 **error);

G_END_DECLS
