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
#include "core/ed-value-error.h"
#include "core/ed-output-file.h"

#define OPS_FILE_FORMAT "electoral-desk-ops"

/* Version 2 names, in its header, the district of the desk that wrote it (SYNC.md §4.4);
 * version 1 did not, and is still read. */
#define OPS_FILE_VERSION 2
#define OPS_FILE_FIRST_VERSION 1

/* Devices, tables, columns, rows and districts are named by identifiers this program makes:
 * printable ASCII with no spaces (row ids are UUIDs), and neither a double quote nor a
 * backslash, so an identifier is written into JSON as it is (ed_strv_to_json ()) and reads
 * back the same. Anything else in a file is refused before it can reach a message, a log, a
 * terminal or the op log. */
#define MAX_IDENTIFIER_LENGTH 128

static gboolean
is_identifier_span (const char *text,
                    gsize       length)
{
  if (length == 0 || length > MAX_IDENTIFIER_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (text[i] < 0x21 || text[i] > 0x7e || text[i] == '"' || text[i] == '\\')
      return FALSE;
  return TRUE;
}

static gboolean
is_identifier (const char *text)
{
  return is_identifier_span (text, strnlen (text, MAX_IDENTIFIER_LENGTH + 1));
}

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

  if (id == NULL || (colon = strrchr (id, ':')) == NULL ||
      !is_identifier_span (id, colon - id))
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

/**
 * ed_json_get_string:
 * @object: an object read from a file
 * @member: the member wanted
 *
 * json-glib's own getters warn when a member holds another type, and a file from elsewhere
 * may hold anything: this one does not.
 *
 * Returns: (nullable): @member's text, or %NULL when it is missing or not text
 */
const char *
ed_json_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * ed_json_depth_ok:
 * @text: JSON text, not necessarily valid
 * @length: its length in bytes
 *
 * A cheap scan, run before json-glib sees text from another desk: json-glib recurses once per
 * level of nesting, so it must never be handed more than %ED_JSON_MAX_DEPTH levels.
 *
 * Returns: whether @text nests arrays and objects at most %ED_JSON_MAX_DEPTH deep, counting
 *   brackets outside strings only
 */
gboolean
ed_json_depth_ok (const char *text,
                  gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > ED_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * ed_json_parse:
 * @text: JSON text from an op or the op log
 * @error: return location for why it is not JSON
 *
 * json_from_string() behind the nesting check every op value passes.
 *
 * Returns: (transfer full): the parsed node, or %NULL
 */
JsonNode *
ed_json_parse (const char  *text,
               GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!ed_json_depth_ok (text, strlen (text)))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("nested more than %d levels deep"), ED_JSON_MAX_DEPTH);
      return NULL;
    }
  return json_from_string (text, error);
}

GStrv
ed_strv_from_json (const char  *json,
                   GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  node = ed_json_parse (json != NULL ? json : "[]", NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *shown = ed_value_display_text (json != NULL ? json : "");

      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("Expected a list of op ids, found “%s”"), shown);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = json_array_get_string_element (array, i);

      if (id == NULL || !ed_op_id_parse (id, NULL, NULL))
        {
          g_autofree char *shown = ed_value_display_text (json);

          g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                       _("“%s” holds something that is not an op id"), shown);
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
  /* json-glib takes escapes such as \213 as a raw byte, so text it returns need not be
   * UTF-8; nothing that is not may reach the op log, a GVariant or a message. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("field “%s” is not UTF-8 text"), member);
      return NULL;
    }
  return json_node_get_string (node);
}

static const char *
require_identifier (JsonObject  *object,
                    const char  *member,
                    GError     **error)
{
  const char *text = require_string (object, member, error);

  if (text != NULL && !is_identifier (text))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("field “%s” is not an identifier (up to %d letters, digits and "
                     "punctuation, with no spaces, quotation marks or backslashes)"),
                   member, MAX_IDENTIFIER_LENGTH);
      return NULL;
    }
  return text;
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

  if ((text = require_identifier (object, "device", error)) == NULL)
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
  if ((text = require_identifier (object, "tbl", error)) == NULL)
    return NULL;
  op->tbl = g_strdup (text);
  if ((text = require_identifier (object, "pk", error)) == NULL)
    return NULL;
  op->pk = g_strdup (text);
  if ((text = require_identifier (object, "col", error)) == NULL)
    return NULL;
  op->col = g_strdup (text);
  if ((text = require_string (object, "kind", error)) == NULL)
    return NULL;
  if (!ed_op_kind_from_string (text, &op->kind))
    {
      g_autofree char *shown = ed_value_display_text (text);

      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("“%s” is not a kind of op (ins, set, del, restore)"), shown);
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
      if ((text = require_string (object, "val", error)) == NULL)
        return NULL;
      op->val = g_strdup (text);
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

/* A refused value, for a message: the value may be megabytes long, not UTF-8 at all, or hold
 * control characters; ed_value_display_text () quotes every value the same way. */
static char *
value_excerpt (const char *text)
{
  return ed_value_display_text (text);
}

static const char *
type_description (EdValueType type)
{
  switch (type)
    {
    case ED_VALUE_TEXT:
      return _("text");
    case ED_VALUE_INTEGER:
      return _("a whole number");
    case ED_VALUE_BOOLEAN:
      return _("true or false");
    case ED_VALUE_MONEY:
      return _("an amount in pence");
    case ED_VALUE_DATE:
      return _("a date");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The value @node holds when it is one of @type; else %NULL. */
static GVariant *
node_value (JsonNode    *node,
            EdValueType  type)
{
  GType value_type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  value_type = json_node_get_value_type (node);
  switch (type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      /* An op may reach here from elsewhere than a file, and an escape inside its value
       * can make bytes that are not UTF-8: such text is no column's value. */
      if (value_type == G_TYPE_STRING &&
          g_utf8_validate (json_node_get_string (node), -1, NULL))
        return g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
      return NULL;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      if (value_type == G_TYPE_INT64)
        return g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
      return NULL;
    case ED_VALUE_BOOLEAN:
      if (value_type == G_TYPE_BOOLEAN)
        return g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
      return NULL;
    default:
      return NULL;
    }
}

/* A column this version does not know may come from a newer desk (SYNC.md §4.10): its value is
 * kept, but must still be one value of a kind some column can hold. */
static gboolean
node_is_scalar (JsonNode *node)
{
  GType value_type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  value_type = json_node_get_value_type (node);
  return value_type == G_TYPE_STRING || value_type == G_TYPE_INT64 ||
         value_type == G_TYPE_BOOLEAN;
}

/* Why the JSON @text of one column's value, parsed as @node, is not a value of that column;
 * %NULL when it is. @table and @column may be unknown to this version. */
static char *
column_value_problem (const EdTableDef *table,
                      const char       *column,
                      JsonNode         *node,
                      const char       *text,
                      gboolean          canonical)
{
  g_autofree char *excerpt = value_excerpt (text);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *canonical_text = NULL;
  int index = table != NULL ? ed_schema_column_index (table, column) : -1;
  EdValueType type;

  if (index < 0)
    return node_is_scalar (node)
             ? NULL
             : g_strdup_printf (_("“%s” is not a single value"), excerpt);

  type = table->columns[index].type;
  value = node_value (node, type);
  if (value == NULL)
    return g_strdup_printf (_("“%s” is not %s"), excerpt, type_description (type));
  if (!ed_value_check (type, value, &local_error))
    {
      g_autofree char *reason = ed_value_display_message (local_error->message);

      return g_strdup_printf ("“%s”: %s", excerpt, reason);
    }

  /* Desks compare values byte for byte (SYNC.md §4.4), so a value written another way would
   * conflict with the same value from another desk. */
  canonical_text = canonical ? ed_value_to_json (value) : NULL;
  if (canonical_text != NULL && strcmp (canonical_text, text) != 0)
    return g_strdup_printf (_("“%s” is not written as this program writes it (%s)"), excerpt,
                            canonical_text);
  return NULL;
}

/**
 * ed_op_check_value:
 * @op: an op from another desk
 * @schema: the district's tables
 * @error: return location for what is wrong with its value (%ED_CHANGE_ERROR_BAD_VALUE)
 *
 * Values are typed on arrival (SYNC.md §4.4): a set's value must be a value of its column's
 * type, in canonical form, and an ins's value an object of such values, one per column. A
 * column or table this version does not know is kept for an upgrade (§4.10), so its values
 * need only be single JSON values. No value is parsed before its nesting is checked.
 *
 * Returns: whether the value may be applied
 */
gboolean
ed_op_check_value (const EdOp  *op,
                   EdSchema    *schema,
                   GError     **error)
{
  const EdTableDef *table;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *shown_column = NULL;
  const char *column = op->col;

  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (ED_IS_SCHEMA (schema), FALSE);

  if (op->val == NULL || (op->kind != ED_OP_SET && op->kind != ED_OP_INS))
    return TRUE;

  table = ed_schema_lookup (schema, op->tbl);
  excerpt = value_excerpt (op->val);
  if (!ed_json_depth_ok (op->val, strlen (op->val)))
    problem = g_strdup_printf (_("the value is nested more than %d levels deep"),
                               ED_JSON_MAX_DEPTH);
  else if ((node = json_from_string (op->val, NULL)) == NULL)
    problem = g_strdup_printf (_("“%s” is not a JSON value"), excerpt);
  else if (op->kind == ED_OP_SET)
    problem = column_value_problem (table, op->col, node, op->val, TRUE);
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    problem = g_strdup_printf (_("“%s” is not an object of the row’s values"), excerpt);
  else
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL && problem == NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autofree char *text = NULL;

          json_generator_set_root (generator, member);
          text = json_generator_to_data (generator, NULL);
          problem = column_value_problem (table, l->data, member, text, FALSE);
          if (problem != NULL)
            column = l->data;
        }
    }

  if (problem == NULL)
    return TRUE;
  /* The column may be a member name of the file's insert object: any text at all. */
  shown_column = ed_value_display_text (column);
  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
               /* Translators: table.column in row ID: what is wrong with the value */
               _("%s.%s in row %s: %s"), op->tbl, shown_column, op->pk, problem);
  return FALSE;
}

/**
 * ed_ops_to_data:
 * @ops: (element-type EdOp): the ops
 * @district: (nullable): the district of the desk that writes them
 *   (ed_merge_get_district_id()), which every receiver checks against its own; %NULL only
 *   for a desk of no district
 * @out_length: (out): the length of the text
 *
 * The ops as the text of an ops file: what ed_ops_write_file() writes and a sync bundle
 * carries.
 *
 * Returns: (transfer full): the text
 */
char *
ed_ops_to_data (GPtrArray   *ops,
                const char  *district,
                gsize       *out_length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ops != NULL, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, OPS_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, OPS_FILE_VERSION);
  json_builder_set_member_name (builder, "district");
  if (district != NULL)
    json_builder_add_string_value (builder, district);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ops->len; i++)
    json_builder_add_value (builder, ed_op_to_json (g_ptr_array_index (ops, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, out_length);
}

/**
 * ed_ops_write_file:
 * @ops: (element-type EdOp): the ops
 * @district: (nullable): the district of the desk that writes them, as for ed_ops_to_data()
 * @path: the file to write (replaced atomically)
 * @error: return location for an error
 */
gboolean
ed_ops_write_file (GPtrArray   *ops,
                   const char  *district,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (ops != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = ed_ops_to_data (ops, district, &length);
  /* Whole or not at all, 0600, and a killed export leaves a temporary no one mistakes for
   * an ops file (core/ed-output-file.c). */
  return ed_output_file_set_contents (path, text, length, error);
}

/* The district a file of version 2 names, or %NULL in @out_district when it names none (a
 * desk of no district). */
static gboolean
read_district (JsonObject  *root,
               const char  *name,
               char       **out_district,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "district");

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *out_district = NULL;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: the file does not say which district its changes belong to"), name);
      return FALSE;
    }
  if (!is_identifier (json_node_get_string (node)))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: the district the file names is not an identifier"), name);
      return FALSE;
    }
  *out_district = g_strdup (json_node_get_string (node));
  return TRUE;
}

/**
 * ed_ops_from_data:
 * @contents: the text of an ops file
 * @length: its length
 * @name: what to call it in messages: the file's name, or the bundle's
 * @out_district: (out) (optional) (transfer full) (nullable): the district the text says its
 *   ops belong to, for ed_merge_apply(); %NULL for the first format, which does not say
 * @error: return location for what is wrong with it: name, op number, field
 *
 * Reads the ops of an ops file's text, as ed_ops_read_file() does a file's.
 *
 * Returns: (transfer full) (element-type EdOp): the ops, or %NULL
 */
GPtrArray *
ed_ops_from_data (const char  *contents,
                  gsize        length,
                  const char  *name,
                  char       **out_district,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_op_free);
  g_autofree char *district = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *array;
  JsonNode *ops_node;
  JsonNode *version_node;
  gint64 version;
  gsize start;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (start = 0; start < length && g_ascii_isspace (contents[start]); start++)
    ;
  if (start == length)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: the file is empty; it holds no changes"), name);
      return NULL;
    }
  if (!ed_json_depth_ok (contents, length))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not an ops file: its JSON is nested more than %d levels deep"),
                   name, ED_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* The parser quotes the file's bytes, which may be anything. */
      g_autofree char *shown = ed_value_display_message (local_error->message);

      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not a readable JSON file: %s"), name, shown);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      g_strcmp0 (ed_json_get_string (json_node_get_object (json_parser_get_root (parser)),
                                     "format"),
                 OPS_FILE_FORMAT) != 0)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not an Electoral Desk ops file (no \"format\": \"%s\")"),
                   name, OPS_FILE_FORMAT);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  version_node = json_object_get_member (root, "version");
  version = version_node != NULL && JSON_NODE_HOLDS_VALUE (version_node) &&
            json_node_get_value_type (version_node) == G_TYPE_INT64
              ? json_node_get_int (version_node) : 0;
  if (version < OPS_FILE_FIRST_VERSION || version > OPS_FILE_VERSION)
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: ops file version %" PRId64 " is not supported "
                     "(this version reads %d to %d)"),
                   name, version, OPS_FILE_FIRST_VERSION, OPS_FILE_VERSION);
      return NULL;
    }
  if (version >= 2 && !read_district (root, name, &district, error))
    return NULL;

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

  if (out_district != NULL)
    *out_district = g_steal_pointer (&district);
  return g_steal_pointer (&ops);
}

/**
 * ed_ops_read_file:
 * @path: an ops file
 * @out_district: (out) (optional) (transfer full) (nullable): the district the file says its
 *   ops belong to, for ed_merge_apply(); %NULL for a file of the first format, which does not
 *   say
 * @error: return location for what is wrong with it: file, op number, field
 *
 * Returns: (transfer full) (element-type EdOp): the ops, or %NULL
 */
GPtrArray *
ed_ops_read_file (const char  *path,
                  char       **out_district,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  /* Read, not mapped: the checks look at the whole text before json-glib does. */
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_INVALID,
                   _("%s: not a readable JSON file: %s"), name, local_error->message);
      return NULL;
    }
  return ed_ops_from_data (contents, length, name, out_district, error);
}
