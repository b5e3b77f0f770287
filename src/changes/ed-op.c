/* ed-op.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-op.h"
#include "core/ed-output-file.h"

#define OPS_FILE_FORMAT "electoral-desk-ops"
#define OPS_FILE_VERSION 1

static const char *kind_names[] = { "ins", "set", "del", "restore" };

EdOp *
ed_op_new (void)
{
  return g_new0 (EdOp, 1);
}

EdOp *
ed_op_copy (const EdOp *op)
{
  EdOp *copy;

  g_return_val_if_fail (op != NULL, NULL);

  copy = ed_op_new ();
  copy->device = g_strdup (op->device);
  copy->seq = op->seq;
  copy->hlc = op->hlc;
  copy->tbl = g_strdup (op->tbl);
  copy->pk = g_strdup (op->pk);
  copy->col = g_strdup (op->col);
  copy->kind = op->kind;
  copy->val = g_strdup (op->val);
  copy->pred = g_strdupv (op->pred);
  copy->seen = g_strdupv (op->seen);
  copy->user = g_strdup (op->user);
  return copy;
}

void
ed_op_free (EdOp *op)
{
  if (op == NULL)
    return;
  g_free (op->device);
  g_free (op->tbl);
  g_free (op->pk);
  g_free (op->col);
  g_free (op->val);
  g_strfreev (op->pred);
  g_strfreev (op->seen);
  g_free (op->user);
  g_free (op);
}

char *
ed_op_id_make (const char *device,
               gint64      seq)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, device, seq);
}

char *
ed_op_get_id (const EdOp *op)
{
  g_return_val_if_fail (op != NULL, NULL);

  return ed_op_id_make (op->device, op->seq);
}

gboolean
ed_op_id_parse (const char  *id,
                char       **out_device,
                gint64      *out_seq)
{
  const char *colon;
  guint64 seq;

  if (id == NULL || (colon = strrchr (id, ':')) == NULL || colon == id)
    return FALSE;
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &seq, NULL))
    return FALSE;

  if (out_device != NULL)
    *out_device = g_strndup (id, colon - id);
  if (out_seq != NULL)
    *out_seq = (gint64)seq;
  return TRUE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

/* Two copies of one op id must agree in every byte that matters; anything else means a desk
 * reused an id (a restored backup writing on) or a file was tampered with. */
gboolean
ed_op_content_equal (const EdOp *a,
                     const EdOp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->device, b->device) == 0 &&
         a->seq == b->seq &&
         a->hlc == b->hlc &&
         g_strcmp0 (a->tbl, b->tbl) == 0 &&
         g_strcmp0 (a->pk, b->pk) == 0 &&
         g_strcmp0 (a->col, b->col) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->val, b->val) == 0 &&
         strv_equal ((const char * const *)a->pred, (const char * const *)b->pred) &&
         strv_equal ((const char * const *)a->seen, (const char * const *)b->seen) &&
         g_strcmp0 (a->user, b->user) == 0;
}

const char *
ed_op_kind_to_string (EdOpKind kind)
{
  g_return_val_if_fail (kind <= ED_OP_RESTORE, NULL);

  return kind_names[kind];
}

gboolean
ed_op_kind_from_string (const char *text,
                        EdOpKind   *out_kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (text, kind_names[i]) == 0)
      {
        *out_kind = (EdOpKind)i;
        return TRUE;
      }
  return FALSE;
}

/* Op ids contain no characters JSON must escape (a UUID, a colon, digits), so the array is
 * written directly; the result is canonical for a given list. */
char *
ed_strv_to_json (const char * const *strv)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      g_string_append (json, strv[i]);
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

GStrv
ed_strv_from_json (const char  *json,
                   GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  node = json_from_string (json != NULL ? json : "[]", NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("Expected a list of op ids, found “%s”"), json);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = json_array_get_string_element (array, i);

      if (id == NULL || !ed_op_id_parse (id, NULL, NULL))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("“%s” holds something that is not an op id"), json);
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static void
add_strv_member (JsonBuilder        *builder,
                 const char         *name,
                 const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/**
 * ed_op_to_json:
 * @op: an op
 *
 * Returns: (transfer full): the op as a JSON object for the ops file; the value is kept as
 *   its canonical JSON text, so it travels byte for byte
 */
JsonNode *
ed_op_to_json (const EdOp *op)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (op != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, op->device);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, op->seq);
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_int_value (builder, op->hlc);
  json_builder_set_member_name (builder, "tbl");
  json_builder_add_string_value (builder, op->tbl);
  json_builder_set_member_name (builder, "pk");
  json_builder_add_string_value (builder, op->pk);
  json_builder_set_member_name (builder, "col");
  json_builder_add_string_value (builder, op->col);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ed_op_kind_to_string (op->kind));
  json_builder_set_member_name (builder, "val");
  if (op->val != NULL)
    json_builder_add_string_value (builder, op->val);
  else
    json_builder_add_null_value (builder);
  add_strv_member (builder, "pred", (const char * const *)op->pred);
  add_strv_member (builder, "seen", (const char * const *)op->seen);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, op->user != NULL ? op->user : "");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
require_string (JsonObject  *object,
                const char  *member,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("field “%s” is missing or is not text"), member);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
require_int (JsonObject  *object,
             const char  *member,
             gint64      *out_value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("field “%s” is missing or is not a whole number"), member);
      return FALSE;
    }
  *out_value = json_node_get_int (node);
  return TRUE;
}

static GStrv
require_ids (JsonObject  *object,
             const char  *member,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("field “%s” is missing or is not a list"), member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id = JSON_NODE_HOLDS_VALUE (element) &&
                       json_node_get_value_type (element) == G_TYPE_STRING
                         ? json_node_get_string (element) : NULL;

      if (id == NULL || !ed_op_id_parse (id, NULL, NULL))
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("field “%s” holds something that is not an op id"), member);
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

/**
 * ed_op_from_json:
 * @node: a JSON object from an ops file
 * @error: return location for what is wrong with it
 *
 * Returns: (transfer full): the op, or %NULL
 */
EdOp *
ed_op_from_json (JsonNode  *node,
                 GError   **error)
{
  g_autoptr(EdOp) op = ed_op_new ();
  JsonObject *object;
  JsonNode *val;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                           _("an op is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if ((text = require_string (object, "device", error)) == NULL)
    return NULL;
  op->device = g_strdup (text);
  if (!require_int (object, "seq", &op->seq, error) ||
      !require_int (object, "hlc", &op->hlc, error))
    return NULL;
  if (op->seq < 1 || op->hlc < 0)
    {
      g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                           _("seq must be 1 or more and hlc not negative"));
      return NULL;
    }
  if ((text = require_string (object, "tbl", error)) == NULL)
    return NULL;
  op->tbl = g_strdup (text);
  if ((text = require_string (object, "pk", error)) == NULL)
    return NULL;
  op->pk = g_strdup (text);
  if ((text = require_string (object, "col", error)) == NULL)
    return NULL;
  op->col = g_strdup (text);
  if ((text = require_string (object, "kind", error)) == NULL)
    return NULL;
  if (!ed_op_kind_from_string (text, &op->kind))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("“%s” is not a kind of op (ins, set, del, restore)"), text);
      return NULL;
    }

  val = json_object_get_member (object, "val");
  if (val != NULL && !JSON_NODE_HOLDS_NULL (val))
    {
      if (!JSON_NODE_HOLDS_VALUE (val) || json_node_get_value_type (val) != G_TYPE_STRING)
        {
          g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                               _("field “val” must be JSON text or null"));
          return NULL;
        }
      op->val = g_strdup (json_node_get_string (val));
    }

  if ((op->pred = require_ids (object, "pred", error)) == NULL ||
      (op->seen = require_ids (object, "seen", error)) == NULL)
    return NULL;
  if ((text = require_string (object, "user", error)) == NULL)
    return NULL;
  op->user = g_strdup (text);

  if ((op->kind == ED_OP_SET) == g_str_equal (op->col, ED_ROW_COLUMN) ||
      ((op->kind == ED_OP_SET || op->kind == ED_OP_INS) && op->val == NULL))
    {
      g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                           _("the op’s kind, column and value do not go together"));
      return NULL;
    }

  return g_steal_pointer (&op);
}

/**
 * ed_ops_write_file:
 * @ops: (element-type EdOp): the ops
 * @path: the file to write (replaced atomically)
 * @error: return location for an error
 */
gboolean
ed_ops_write_file (GPtrArray   *ops,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (ops != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, OPS_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, OPS_FILE_VERSION);
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ops->len; i++)
    json_builder_add_value (builder, ed_op_to_json (g_ptr_array_index (ops, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  /* Whole or not at all, 0600, and a killed export leaves a temporary no one mistakes for
   * an ops file (core/ed-output-file.c). */
  return ed_output_file_set_contents (path, text, length, error);
}

/**
 * ed_ops_read_file:
 * @path: an ops file
 * @error: return location for what is wrong with it: file, op number, field
 *
 * Returns: (transfer full) (element-type EdOp): the ops, or %NULL
 */
GPtrArray *
ed_ops_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *array;
  JsonNode *ops_node;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not a readable JSON file: %s"), name, local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      g_strcmp0 (json_object_get_string_member_with_default (
                   json_node_get_object (json_parser_get_root (parser)), "format", ""),
                 OPS_FILE_FORMAT) != 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not an Electoral Desk ops file (no \"format\": \"%s\")"),
                   name, OPS_FILE_FORMAT);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_get_int_member_with_default (root, "version", 0) != OPS_FILE_VERSION)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: ops file version %" PRId64 " is not supported "
                     "(this version reads %d)"),
                   name, json_object_get_int_member_with_default (root, "version", 0),
                   OPS_FILE_VERSION);
      return NULL;
    }

  ops_node = json_object_get_member (root, "ops");
  if (ops_node == NULL || !JSON_NODE_HOLDS_ARRAY (ops_node))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: no list of ops"), name);
      return NULL;
    }

  array = json_node_get_array (ops_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      EdOp *op = ed_op_from_json (json_array_get_element (array, i), &local_error);

      if (op == NULL)
        {
          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("%s: op %u: %s"), name, i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (ops, op);
    }

  return g_steal_pointer (&ops);
}
