/* ed-change-set.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ed-context.h"

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

EdChangeSet *ed_change_set_begin       (EdContext           *context,
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

G_END_DECLS
