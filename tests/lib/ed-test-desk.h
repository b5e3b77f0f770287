/* ed-test-desk.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-modules.h"
#include "changes/ed-change-set.h"
#include "changes/ed-conflicts.h"
#include "district/ed-context-private.h"
#include "changes/ed-merge.h"
#include "changes/ed-state-hash.h"

G_BEGIN_DECLS

/* A desk for merge tests: an in-memory district with a test table "thing" (name, count,
 * flag), a clock the test sets, and a fixed device id. */
typedef struct
{
  EdContext *context;
  gint64     now_ms;
} EdTestDesk;

EdTestDesk *ed_test_desk_new         (const char *device_id,
                                      gint64      now_ms);
void        ed_test_desk_free        (EdTestDesk *desk);
char       *ed_test_desk_insert      (EdTestDesk *desk,
                                      const char *name,
                                      gint64      count);
void        ed_test_desk_set         (EdTestDesk *desk,
                                      const char *id,
                                      const char *column,
                                      GVariant   *value);
void        ed_test_desk_delete      (EdTestDesk *desk,
                                      const char *id);
void        ed_test_desk_sync        (EdTestDesk *from,
                                      EdTestDesk *to);
char       *ed_test_desk_hash        (EdTestDesk *desk);
char       *ed_test_desk_get_text    (EdTestDesk *desk,
                                      const char *id,
                                      const char *column);
guint       ed_test_desk_n_conflicts (EdTestDesk *desk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTestDesk, ed_test_desk_free)

G_END_DECLS
