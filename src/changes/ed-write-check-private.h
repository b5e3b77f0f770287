/* ed-write-check-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "changes/ed-schema.h"

G_BEGIN_DECLS

/* The session cross-check of SYNC.md §4.11: in test runs (ED_WRITE_CHECK=1) an SQLite session
 * watches every synced table on the connection, and each change set must account, with an
 * op, for every row its transaction changed. A write that bypasses the change set shows up
 * at the next check and fails the test. */
typedef struct _EdWriteCheck EdWriteCheck;

EdWriteCheck *_ed_write_check_new          (EdDatabase   *database,
                                            EdSchema     *schema);
void          _ed_write_check_free         (EdWriteCheck *self);
gboolean      _ed_write_check_begin        (EdWriteCheck *self,
                                            GError      **error);
void          _ed_write_check_expect       (EdWriteCheck *self,
                                            const char   *tbl,
                                            const char   *pk,
                                            const char   *col);
gboolean      _ed_write_check_finish       (EdWriteCheck *self,
                                            GError      **error);
void          _ed_write_check_discard      (EdWriteCheck *self);
void          _ed_write_check_pause        (EdWriteCheck *self);
void          _ed_write_check_resume       (EdWriteCheck *self);

G_END_DECLS
