/* ed-op.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "changes/ed-schema.h"

G_BEGIN_DECLS

#define ED_ROW_COLUMN "__row"   /* the column of ins, del and restore ops */

/* How deeply an ops file or an op's value may nest arrays and objects. json-glib parses by
 * recursion, so a file of 100,000 brackets exhausts the stack; the deepest legitimate
 * nesting is 4 (file, list of ops, op, list of op ids). */
#define ED_JSON_MAX_DEPTH 64

typedef enum
{
  ED_OP_INS,
  ED_OP_SET,
  ED_OP_DEL,
  ED_OP_RESTORE,
} EdOpKind;

/**
 * EdOp:
 * @device: the desk that made it
 * @seq: its number on that desk, from 1, without gaps
 * @hlc: the hybrid logical clock when it was made
 * @tbl: the synced table
 * @pk: the row's UUID
 * @col: the column, or "__row" for ins, del and restore
 * @kind: what it does
 * @val: canonical JSON: the value of a set, an object of every column for an ins, else %NULL
 * @pred: the op ids ("device:seq") it supersedes: the field's (or row's) heads when made
 * @seen: for a del, every field head of the row when it was deleted
 * @user: who made it
 *
 * One change to one field or row. An op id (device, seq) names the same content on every
 * desk for ever.
 */
typedef struct
{
  char     *device;
  gint64    seq;
  gint64    hlc;
  char     *tbl;
  char     *pk;
  char     *col;
  EdOpKind  kind;
  char     *val;
  GStrv     pred;
  GStrv     seen;
  char     *user;
} EdOp;

EdOp       *ed_op_new                (void);
EdOp       *ed_op_copy               (const EdOp   *op);
void        ed_op_free               (EdOp         *op);
char       *ed_op_get_id             (const EdOp   *op);
char       *ed_op_id_make            (const char   *device,
                                      gint64        seq);
gboolean    ed_op_id_parse           (const char   *id,
                                      char        **out_device,
                                      gint64       *out_seq);
gboolean    ed_op_content_equal      (const EdOp   *a,
                                      const EdOp   *b);
const char *ed_op_kind_to_string     (EdOpKind      kind);
gboolean    ed_op_kind_from_string   (const char   *text,
                                      EdOpKind     *out_kind);
char       *ed_strv_to_json          (const char * const *strv);
GStrv       ed_strv_from_json        (const char   *json,
                                      GError      **error);

gboolean    ed_json_depth_ok         (const char   *text,
                                      gsize         length);
const char *ed_json_get_string       (JsonObject   *object,
                                      const char   *member);
JsonNode   *ed_json_parse            (const char   *text,
                                      GError      **error);

JsonNode   *ed_op_to_json            (const EdOp   *op);
EdOp       *ed_op_from_json          (JsonNode     *node,
                                      GError      **error);
gboolean    ed_op_check_value        (const EdOp   *op,
                                      EdSchema     *schema,
                                      GError      **error);
char       *ed_ops_to_data           (GPtrArray    *ops,
                                      const char   *district,
                                      gsize        *out_length);
GPtrArray  *ed_ops_from_data         (const char   *contents,
                                      gsize         length,
                                      const char   *name,
                                      char        **out_district,
                                      GError      **error);
gboolean    ed_ops_write_file        (GPtrArray    *ops,
                                      const char   *district,
                                      const char   *path,
                                      GError      **error);
GPtrArray  *ed_ops_read_file         (const char   *path,
                                      char        **out_district,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdOp, ed_op_free)

G_END_DECLS
