/* ed-op-store-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "changes/ed-op.h"
#include "changes/ed-schema.h"

G_BEGIN_DECLS

/* The op log and the state derived from it (SYNC.md §4.3–4.4), shared by the change set
 * (local ops) and the merge (ops from other desks): both integrate an op the same way, then
 * recompute the rows it touched.
 *
 * One store, in four files: ed-op-log.c appends ops to op_log and reads them back;
 * ed-field-heads.c keeps each field's current versions (field_head, op_pred) and derives the
 * conflicts from them; ed-row-writer.c brings the synced tables in line with the winners; and
 * ed-op-store.c takes an op through the three. */
typedef struct _EdOpStore EdOpStore;

/* One version of a field: the op, and the value it gives that field. */
typedef struct
{
  EdOp *op;
  char *value_json;   /* NULL for ins/del/restore on "__row" */
} EdHead;

/* One column's value for _ed_op_store_insert_new_row(): @text for text and date columns,
 * @number for the others (booleans as 0 or 1). */
typedef struct
{
  const char *text;
  gint64      number;
} EdRawValue;

EdOpStore *_ed_op_store_new          (EdDatabase   *database,
                                      EdSchema     *schema);
void       _ed_op_store_free         (EdOpStore    *self);

gboolean   _ed_op_store_integrate_new_row (EdOpStore *self,
                                           const EdOp *op,
                                           GError   **error);
gboolean   _ed_op_store_integrate    (EdOpStore    *self,
                                      const EdOp   *op,
                                      gboolean     *out_new,
                                      GError      **error);
gboolean   _ed_op_store_recompute    (EdOpStore    *self,
                                      const char   *tbl,
                                      const char   *pk,
                                      GError      **error);
gboolean   _ed_op_store_insert_row   (EdOpStore        *self,
                                      const EdTableDef *table,
                                      const char       *pk,
                                      GVariant * const *values,
                                      GError          **error);
gboolean   _ed_op_store_insert_new_row (EdOpStore        *self,
                                        const EdTableDef *table,
                                        const EdOp       *op,
                                        const EdRawValue *values,
                                        GError          **error);
/* How many new rows _ed_op_store_insert_new_rows() writes to a statement. */
#define ED_OP_STORE_BATCH_ROWS 50

gboolean   _ed_op_store_insert_new_rows (EdOpStore        *self,
                                         const EdTableDef *table,
                                         const EdOp       *ops,
                                         const EdRawValue *values,
                                         guint             n_rows,
                                         GError          **error);
gboolean   _ed_op_store_local_set_heads (EdOpStore         *self,
                                         const EdTableDef  *table,
                                         guint              column,
                                         const char        *pk,
                                         const char        *value_json,
                                         char            ***out_pred,
                                         gboolean          *out_explicit,
                                         gboolean          *out_unchanged,
                                         GError           **error);
gboolean   _ed_op_store_integrate_local_set (EdOpStore         *self,
                                             const EdTableDef  *table,
                                             guint              column,
                                             const EdOp        *op,
                                             gboolean           had_explicit,
                                             const EdRawValue  *value,
                                             GError           **error);

EdOp      *_ed_op_store_load_op      (EdOpStore    *self,
                                      const char   *device,
                                      gint64        seq,
                                      GError      **error);
EdOp      *_ed_op_store_find_insert  (EdOpStore    *self,
                                      const char   *tbl,
                                      const char   *pk,
                                      GError      **error);
gboolean   _ed_op_store_row_known    (EdOpStore    *self,
                                      const char   *tbl,
                                      const char   *pk,
                                      gboolean     *out_known,
                                      GError      **error);
GPtrArray *_ed_op_store_get_heads    (EdOpStore    *self,
                                      const char   *tbl,
                                      const char   *pk,
                                      const char   *col,
                                      GError      **error);
GPtrArray *_ed_op_store_get_row_heads (EdOpStore          *self,
                                       const char         *tbl,
                                       const char         *pk,
                                       const char * const *cols,
                                       guint               n_cols,
                                       GError            **error);
gboolean   _ed_op_store_row_visible  (EdOpStore    *self,
                                      const EdTableDef *table,
                                      const char   *pk,
                                      gboolean     *out_visible,
                                      GError      **error);
gint64     _ed_op_store_max_seq      (EdOpStore    *self,
                                      const char   *device,
                                      GError      **error);
GPtrArray *_ed_op_store_unlogged_rows (EdOpStore        *self,
                                       const EdTableDef *table,
                                       GError          **error);
GPtrArray *_ed_op_store_list_conflicts (EdOpStore *self,
                                        GError   **error);
GPtrArray *_ed_op_store_device_ops   (EdOpStore    *self,
                                      const char   *device,
                                      gint64        after_seq,
                                      guint         limit,
                                      GError      **error);
GPtrArray *_ed_op_store_all_ops      (EdOpStore    *self,
                                      GError      **error);
char      *_ed_op_store_column_value_of_insert (const EdOp *insert,
                                                const char *column);

int        _ed_compare_string_ptrs   (gconstpointer a,
                                      gconstpointer b);
void       _ed_head_free             (EdHead       *head);
char     **_ed_heads_ids             (GPtrArray    *heads);
gboolean   _ed_heads_disagree        (GPtrArray    *heads);
EdHead    *_ed_heads_winner          (GPtrArray    *heads);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdHead, _ed_head_free)

/* Between the store's own files. */

struct _EdOpStore
{
  EdDatabase   *database;
  EdSchema     *schema;
  /* The row writer's statements on each synced table: const EdTableDef* → TableSql*. */
  GHashTable   *table_sql;
  /* The op log's statements for new local rows, held as the row writer holds its own. */
  sqlite3_stmt *insert_op_stmt;
  char         *insert_ops;      /* insert_op_sql for ED_OP_STORE_BATCH_ROWS ops */
  sqlite3_stmt *insert_ops_stmt;
};

/* The values bound are the caller's and outlive the statement's step. */
static inline void
_ed_op_store_bind_text (sqlite3_stmt *stmt,
                        int           position,
                        const char   *text)
{
  sqlite3_bind_text (stmt, position, text, -1, SQLITE_STATIC);
}

void       _ed_op_log_clear                (EdOpStore         *self);
gboolean   _ed_op_log_append_local         (EdOpStore         *self,
                                            const EdOp        *op,
                                            GError           **error);
gboolean   _ed_op_log_append_received      (EdOpStore         *self,
                                            const EdOp        *op,
                                            gboolean          *out_new,
                                            GError           **error);
gboolean   _ed_op_log_append_new_row       (EdOpStore         *self,
                                            const EdOp        *op,
                                            GError           **error);
gboolean   _ed_op_log_append_new_rows      (EdOpStore         *self,
                                            const EdOp        *ops,
                                            guint              n_rows,
                                            GError           **error);

gboolean   _ed_field_heads_integrate       (EdOpStore         *self,
                                            const EdOp        *op,
                                            GError           **error);
gboolean   _ed_field_heads_supersede_local (EdOpStore         *self,
                                            const EdOp        *op,
                                            gboolean           had_explicit,
                                            GError           **error);
gboolean   _ed_field_heads_load_row        (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            const char        *pk,
                                            GPtrArray        **out_row_heads,
                                            GPtrArray        **out_column_heads,
                                            gboolean          *out_visible,
                                            GError           **error);
gboolean   _ed_field_heads_write_conflicts (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            const char        *pk,
                                            gboolean           visible,
                                            GPtrArray         *row_heads,
                                            GPtrArray         *column_heads,
                                            GError           **error);
gboolean   _ed_field_heads_clear_conflict  (EdOpStore         *self,
                                            const EdOp        *op,
                                            GError           **error);

void       _ed_row_writer_init             (EdOpStore         *self);
void       _ed_row_writer_clear            (EdOpStore         *self);
gboolean   _ed_row_writer_insert_new_row   (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            const char        *pk,
                                            const EdRawValue  *values,
                                            GError           **error);
gboolean   _ed_row_writer_insert_new_rows  (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            const EdOp        *ops,
                                            const EdRawValue  *values,
                                            guint              n_rows,
                                            GError           **error);
gboolean   _ed_row_writer_materialize      (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            const char        *pk,
                                            gboolean           visible,
                                            GPtrArray         *column_heads,
                                            GError           **error);
gboolean   _ed_row_writer_set_column       (EdOpStore         *self,
                                            const EdTableDef  *table,
                                            guint              column,
                                            const char        *pk,
                                            const EdRawValue  *value,
                                            GError           **error);

G_END_DECLS
