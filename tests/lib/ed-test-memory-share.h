/* ed-test-memory-share.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport.h"

G_BEGIN_DECLS

/* A shared folder held in memory, for the sync simulator: exact, fast and deterministic (a
 * file's modification time is a counter, not the clock). Several desks share one by each
 * holding a reference. */

#define ED_TYPE_TEST_MEMORY_SHARE (ed_test_memory_share_get_type ())
G_DECLARE_FINAL_TYPE (EdTestMemoryShare, ed_test_memory_share, ED, TEST_MEMORY_SHARE, GObject)

EdTransport *ed_test_memory_share_new        (void);
GPtrArray   *ed_test_memory_share_list_all   (EdTestMemoryShare *self);
GBytes      *ed_test_memory_share_get        (EdTestMemoryShare *self,
                                              const char        *path);
void         ed_test_memory_share_put        (EdTestMemoryShare *self,
                                              const char        *path,
                                              GBytes            *contents);

G_END_DECLS
