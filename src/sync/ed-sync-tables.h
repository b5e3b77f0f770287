/* ed-sync-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"
#include "core/ed-database.h"

G_BEGIN_DECLS

/**
 * EdSyncFileStatus:
 * @ED_SYNC_FILE_APPLIED: read, checked and applied
 * @ED_SYNC_FILE_DUPLICATE: read and checked; every op in it was here already (a copy of
 *   another file, such as a sync client's conflict copy)
 * @ED_SYNC_FILE_INCOMPLETE: cut short or still arriving: read again later
 * @ED_SYNC_FILE_CORRUPT: whole, but changed on the way or forged: read again later, in case
 *   an intact copy replaces it, and shown for a person
 * @ED_SYNC_FILE_REFUSED: intact, but not this team's or district's, or from a desk that may
 *   not write it: never applied
 */
typedef enum
{
  ED_SYNC_FILE_APPLIED,
  ED_SYNC_FILE_DUPLICATE,
  ED_SYNC_FILE_INCOMPLETE,
  ED_SYNC_FILE_CORRUPT,
  ED_SYNC_FILE_REFUSED,
} EdSyncFileStatus;

const char *ed_sync_file_status_to_string   (EdSyncFileStatus   status);
gboolean    ed_sync_file_status_from_string (const char        *text,
                                             EdSyncFileStatus  *out_status);
const char *ed_sync_file_status_get_display_name (EdSyncFileStatus status);

/**
 * EdSyncFileRecord:
 * @path: the file's path on the share
 * @size: its size when last read
 * @mtime: its modification time when last read
 * @status: what came of reading it
 * @device: the desk that wrote it, from its header ("" if it had none)
 * @seq_from: the first of its ops
 * @seq_to: the last
 * @n_applied: how many of its ops were new here
 * @first_seen_ms: when this desk first saw it
 * @last_tried_ms: when it last read it
 * @attempts: how many times it has read it without applying it
 * @message: what was wrong, for a person
 *
 * One row of the ledger (sync_bundle).
 */
typedef struct
{
  char             *path;
  guint64           size;
  gint64            mtime;
  EdSyncFileStatus  status;
  char             *device;
  gint64            seq_from;
  gint64            seq_to;
  guint64           n_applied;
  gint64            first_seen_ms;
  gint64            last_tried_ms;
  guint             attempts;
  char             *message;
} EdSyncFileRecord;

void              ed_sync_file_record_free  (EdSyncFileRecord  *record);

void              ed_sync_add_schema        (EdSchema          *schema);

char             *ed_sync_state_get         (EdDatabase        *database,
                                             const char        *key,
                                             GError           **error);
gboolean          ed_sync_state_set         (EdDatabase        *database,
                                             const char        *key,
                                             const char        *value,
                                             GError           **error);
gint64            ed_sync_state_get_int     (EdDatabase        *database,
                                             const char        *key,
                                             gint64             fallback);
gboolean          ed_sync_state_set_int     (EdDatabase        *database,
                                             const char        *key,
                                             gint64             value,
                                             GError           **error);

EdSyncFileRecord *ed_sync_ledger_lookup     (EdDatabase        *database,
                                             const char        *path,
                                             GError           **error);
gboolean          ed_sync_ledger_record     (EdDatabase        *database,
                                             const EdSyncFileRecord *record,
                                             GError           **error);
GPtrArray        *ed_sync_ledger_list_failing (EdDatabase      *database,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdSyncFileRecord, ed_sync_file_record_free)

G_END_DECLS
