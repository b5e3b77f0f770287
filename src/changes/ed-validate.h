/* ed-validate.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-replica.h"

G_BEGIN_DECLS

/**
 * EdValidationItem:
 * @validator: which check raised it
 * @tbl: the table
 * @pk: the row to look at
 * @message: what a person should fix
 */
typedef struct
{
  char *validator;
  char *tbl;
  char *pk;
  char *message;
} EdValidationItem;

void       ed_validation_item_free   (EdValidationItem   *item);
void       ed_validation_items_add   (GPtrArray          *items,
                                      const char         *validator,
                                      const char         *table,
                                      const char         *row_id,
                                      const char         *message);
gboolean   ed_validate_unique        (EdReplica          *replica,
                                      const char         *validator,
                                      const char         *table,
                                      const char * const *columns,
                                      const char         *what,
                                      GPtrArray          *items,
                                      GError            **error);
gboolean   ed_validate_items_from_query (EdReplica       *replica,
                                         const char      *sql,
                                         const char      *validator,
                                         const char      *table,
                                         const char      *format,
                                         GPtrArray       *items,
                                         GError         **error);
gboolean   ed_validate_reference     (EdReplica          *replica,
                                      const char         *validator,
                                      const char         *table,
                                      const char         *column,
                                      const char         *target_table,
                                      GPtrArray          *items,
                                      GError            **error);
gboolean   ed_validate_run           (EdReplica          *replica,
                                      GError            **error);
GPtrArray *ed_validate_list_items    (EdReplica          *replica,
                                      GError            **error);

G_END_DECLS
