/* ed-sync-describe.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-conflicts.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

char       *ed_sync_describe_record (EdContext            *context,
                                     const char           *table,
                                     const char           *row_id);
char       *ed_sync_describe_field  (const char           *table,
                                     const char           *column);
char       *ed_sync_describe_value  (const EdConflictHead *head);
char       *ed_sync_describe_when   (gint64                ms,
                                     gint64                now_ms);
char       *ed_sync_describe_desk   (const char           *device,
                                     const char           *user,
                                     GPtrArray            *desks);

G_END_DECLS
