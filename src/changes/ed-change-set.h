/* ed-change-set.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"

G_BEGIN_DECLS

#define ED_CHANGE_ERROR (ed_change_error_quark ())

/**
 * EdChangeError:
 * @ED_CHANGE_ERROR_UNKNOWN_TABLE: the table is not a synced table
 * @ED_CHANGE_ERROR_UNKNOWN_COLUMN: the table has no such column
 * @ED_CHANGE_ERROR_BAD_VALUE: the value is not of the column's type
 * @ED_CHANGE_ERROR_NO_SUCH_ROW: the row does not exist, or is deleted
 * @ED_CHANGE_ERROR_ROW_EXISTS: a row with that id exists already
 * @ED_CHANGE_ERROR_NOT_DELETED: restore of a row that is not deleted
 * @ED_CHANGE_ERROR_UNRECORDED_WRITE: a synced row changed without an operation (test builds)
 * @ED_CHANGE_ERROR_INTEGRITY: the same op id arrived with different content
 * @ED_CHANGE_ERROR_INVALID: a malformed op or file
 * @ED_CHANGE_ERROR_OTHER_DISTRICT: ops from another district's desks
 */
typedef enum
{
  ED_CHANGE_ERROR_UNKNOWN_TABLE,
  ED_CHANGE_ERROR_UNKNOWN_COLUMN,
  ED_CHANGE_ERROR_BAD_VALUE,
  ED_CHANGE_ERROR_NO_SUCH_ROW,
  ED_CHANGE_ERROR_ROW_EXISTS,
  ED_CHANGE_ERROR_NOT_DELETED,
  ED_CHANGE_ERROR_UNRECORDED_WRITE,
  ED_CHANGE_ERROR_INTEGRITY,
  ED_CHANGE_ERROR_INVALID,
  ED_CHANGE_ERROR_OTHER_DISTRICT,
} EdChangeError;

#define ED_TYPE_CHANGE_SET (ed_change_set_get_type ())

G_DECLARE_FINAL_TYPE (EdChangeSet, ed_change_set, ED, CHANGE_SET, GObject)

GQuark       ed_change_error_quark     (void);

EdChangeSet *ed_change_set_begin       (EdReplica           *replica,
                                        GError             **error);
gboolean     ed_change_set_insert      (EdChangeSet         *self,
                                        const char          *table,
                                        const char          *row_id,
                                        const char * const  *columns,
                                        GVariant * const    *values,
                                        guint                n_values,
                                        char               **out_row_id,
                                        GError             **error);
gboolean     ed_change_set_set         (EdChangeSet         *self,
                                        const char          *table,
                                        const char          *row_id,
                                        const char          *column,
                                        GVariant            *value,
                                        GError             **error);
gboolean     ed_change_set_delete      (EdChangeSet         *self,
                                        const char          *table,
                                        const char          *row_id,
                                        GError             **error);
gboolean     ed_change_set_restore     (EdChangeSet         *self,
                                        const char          *table,
                                        const char          *row_id,
                                        GError             **error);
gboolean     ed_change_set_commit      (EdChangeSet         *self,
                                        GError             **error);
void         ed_change_set_rollback    (EdChangeSet         *self);
guint        ed_change_set_get_n_ops   (EdChangeSet         *self);

/**
 * EdBulkInsert:
 *
 * Many new rows of one table in an open change set, each recorded exactly as
 * ed_change_set_insert() records it (one ins op carrying every column's value), without
 * GVariants, and with the columns and statements looked up once.
 */
typedef struct _EdBulkInsert EdBulkInsert;

EdBulkInsert *ed_change_set_bulk_insert   (EdChangeSet         *self,
                                           const char          *table,
                                           const char * const  *columns,
                                           guint                n_columns,
                                           GError             **error);
void          ed_bulk_insert_set_text     (EdBulkInsert        *bulk,
                                           guint                column,
                                           const char          *value);
void          ed_bulk_insert_set_int64    (EdBulkInsert        *bulk,
                                           guint                column,
                                           gint64               value);
void          ed_bulk_insert_set_boolean  (EdBulkInsert        *bulk,
                                           guint                column,
                                           gboolean             value);
gboolean      ed_bulk_insert_add          (EdBulkInsert        *bulk,
                                           char               **out_row_id,
                                           GError             **error);
gboolean      ed_bulk_insert_flush        (EdBulkInsert        *bulk,
                                           GError             **error);
void          ed_bulk_insert_free         (EdBulkInsert        *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdBulkInsert, ed_bulk_insert_free)

/**
 * EdBulkUpdate:
 *
 * Fields of many rows of one table set in an open change set, each recorded exactly as
 * ed_change_set_set() records it (one set op per field that changes), without GVariants,
 * with the columns and statements looked up once.
 */
typedef struct _EdBulkUpdate EdBulkUpdate;

EdBulkUpdate *ed_change_set_bulk_update   (EdChangeSet         *self,
                                           const char          *table,
                                           const char * const  *columns,
                                           guint                n_columns,
                                           GError             **error);
void          ed_bulk_update_set_text     (EdBulkUpdate        *bulk,
                                           guint                column,
                                           const char          *value);
void          ed_bulk_update_set_int64    (EdBulkUpdate        *bulk,
                                           guint                column,
                                           gint64               value);
void          ed_bulk_update_set_boolean  (EdBulkUpdate        *bulk,
                                           guint                column,
                                           gboolean             value);
gboolean      ed_bulk_update_apply        (EdBulkUpdate        *bulk,
                                           const char          *row_id,
                                           guint               *out_n_ops,
                                           GError             **error);
void          ed_bulk_update_free         (EdBulkUpdate        *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdBulkUpdate, ed_bulk_update_free)

G_END_DECLS
