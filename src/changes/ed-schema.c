/* ed-schema.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "changes/ed-op.h"
#include "changes/ed-schema.h"
#include "sql/ed-sql-resources.h"

/* The registry of a district file's tables: the synced tables each module declares once, the
 * tables that stay on this desk, the validators, and the migrations that make them. It is
 * built per replica from the module list, so tests can add tables of their own without any
 * global state. A test fails if a migration adds a table that is in neither list, so no table
 * can be forgotten by the sync. */

/* The change layer's own migrations: the desk, the op log and its indexes. */
#define ED_CHANGES_MIGRATIONS "/org/electoraldesk/ElectoralDesk/sql"

static const char *change_layer_local_tables[] = {
  "desk_state",        /* this desk's identity, clock and preferences */
  "op_log",            /* every op made or received */
  "op_pred",           /* which op supersedes which, per field */
  "field_head",        /* the current versions of edited fields */
  "conflict",          /* open conflicts, derived from the heads */
  "peer_clock",        /* other desks' clocks as last seen */
  "integrity_alarm",   /* op ids that arrived with different content */
  "validation_item",   /* items the validators raised for a person */
};

struct _EdSchema
{
  GObject     parent_instance;

  GHashTable *tables;      /* name → const EdTableDef* */
  GHashTable *local;       /* name set */
  GPtrArray  *validators;  /* const EdValidator* */
  GPtrArray  *derived;     /* const EdDerivedIndex* */
  const char *identity;    /* the one-row table that says which district this is */
  const char *identity_name; /* its column naming the district for people, or NULL */
  EdMigrations *migrations;
};

G_DEFINE_FINAL_TYPE (EdSchema, ed_schema, G_TYPE_OBJECT)

static void
ed_schema_finalize (GObject *object)
{
  EdSchema *self = (EdSchema *)object;

  g_hash_table_unref (self->tables);
  g_hash_table_unref (self->local);
  g_ptr_array_unref (self->validators);
  g_ptr_array_unref (self->derived);
  g_clear_object (&self->migrations);

  G_OBJECT_CLASS (ed_schema_parent_class)->finalize (object);
}

static void
ed_schema_class_init (EdSchemaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_schema_finalize;
}

static void
ed_schema_init (EdSchema *self)
{
  self->tables = g_hash_table_new (g_str_hash, g_str_equal);
  self->local = g_hash_table_new (g_str_hash, g_str_equal);
  self->validators = g_ptr_array_new ();
  self->derived = g_ptr_array_new ();
}

/**
 * ed_schema_new:
 *
 * Returns: (transfer full): a registry holding the change layer's own tables and migrations;
 *   the district and each module add theirs
 */
EdSchema *
ed_schema_new (void)
{
  EdSchema *self = g_object_new (ED_TYPE_SCHEMA, NULL);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_sql_get_resource ();

  self->migrations = ed_migrations_new ();
  ed_migrations_add_folder (self->migrations, ED_CHANGES_MIGRATIONS);
  for (guint i = 0; i < G_N_ELEMENTS (change_layer_local_tables); i++)
    ed_schema_add_local_table (self, change_layer_local_tables[i]);

  return self;
}

/**
 * ed_schema_add_migrations:
 * @self: the registry
 * @resource_folder: a resource folder of NNNN-name.sql files making the tables added here
 */
void
ed_schema_add_migrations (EdSchema   *self,
                          const char *resource_folder)
{
  g_return_if_fail (ED_IS_SCHEMA (self));

  ed_migrations_add_folder (self->migrations, resource_folder);
}

EdMigrations *
ed_schema_get_migrations (EdSchema *self)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  return self->migrations;
}

void
ed_schema_add_table (EdSchema         *self,
                     const EdTableDef *table)
{
  g_return_if_fail (ED_IS_SCHEMA (self));
  g_return_if_fail (table != NULL && table->name != NULL);
  g_return_if_fail (!g_hash_table_contains (self->tables, table->name));

  g_hash_table_insert (self->tables, (gpointer)table->name, (gpointer)table);
}

void
ed_schema_add_local_table (EdSchema   *self,
                           const char *name)
{
  g_return_if_fail (ED_IS_SCHEMA (self));

  g_hash_table_add (self->local, (gpointer)name);
}

const EdTableDef *
ed_schema_lookup (EdSchema   *self,
                  const char *table)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  return table != NULL ? g_hash_table_lookup (self->tables, table) : NULL;
}

int
ed_schema_column_index (const EdTableDef *table,
                        const char       *column)
{
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < table->n_columns; i++)
    if (g_strcmp0 (table->columns[i].name, column) == 0)
      return (int)i;
  return -1;
}

gboolean
ed_schema_is_local (EdSchema   *self,
                    const char *table)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), FALSE);

  return g_hash_table_contains (self->local, table);
}

static int
compare_table_names (gconstpointer a,
                     gconstpointer b)
{
  const EdTableDef *table_a = *(const EdTableDef * const *)a;
  const EdTableDef *table_b = *(const EdTableDef * const *)b;

  return strcmp (table_a->name, table_b->name);
}

/**
 * ed_schema_list_tables:
 * @self: a schema
 *
 * Returns: (transfer container) (element-type EdTableDef): the synced tables, by name
 */
GPtrArray *
ed_schema_list_tables (EdSchema *self)
{
  GPtrArray *tables = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  g_hash_table_iter_init (&iter, self->tables);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (tables, value);
  g_ptr_array_sort (tables, compare_table_names);
  return tables;
}

/**
 * ed_schema_set_identity_table:
 * @self: a schema
 * @table: a synced table that holds one row: the district itself
 *
 * Ops for another row of this table come from another district; the merge refuses them, so
 * that a shared-service team cannot pour one council's changes into another's register.
 */
void
ed_schema_set_identity_table (EdSchema   *self,
                              const char *table)
{
  g_return_if_fail (ED_IS_SCHEMA (self));

  self->identity = table;
}

const char *
ed_schema_get_identity_table (EdSchema *self)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  return self->identity;
}

/**
 * ed_schema_set_identity_name_column:
 * @self: a schema
 * @column: the column of the identity table that names the district for people (the
 *   council's name)
 *
 * Lets a refusal of another district's changes name both districts, rather than only ids
 * a person cannot tell apart.
 */
void
ed_schema_set_identity_name_column (EdSchema   *self,
                                    const char *column)
{
  g_return_if_fail (ED_IS_SCHEMA (self));

  self->identity_name = column;
}

const char *
ed_schema_get_identity_name_column (EdSchema *self)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  return self->identity_name;
}

void
ed_schema_add_validator (EdSchema          *self,
                         const EdValidator *validator)
{
  g_return_if_fail (ED_IS_SCHEMA (self));

  g_ptr_array_add (self->validators, (gpointer)validator);
}

/**
 * ed_schema_get_validators:
 * @self: a schema
 *
 * Returns: (transfer none) (element-type EdValidator): the registered validators
 */
GPtrArray *
ed_schema_get_validators (EdSchema *self)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), NULL);

  return self->validators;
}

void
ed_schema_add_derived_index (EdSchema             *self,
                             const EdDerivedIndex *index)
{
  g_return_if_fail (ED_IS_SCHEMA (self));
  g_return_if_fail (index != NULL && index->refresh != NULL);

  g_ptr_array_add (self->derived, (gpointer)index);
}

/**
 * ed_schema_refresh_derived_indexes:
 * @self: a schema
 * @replica: the district, inside the transaction about to commit
 * @error: return location for an error
 *
 * Brings every derived index up to date with the rows the transaction wrote.
 */
gboolean
ed_schema_refresh_derived_indexes (EdSchema           *self,
                                   EdReplica  *replica,
                                   GError            **error)
{
  g_return_val_if_fail (ED_IS_SCHEMA (self), FALSE);

  for (guint i = 0; i < self->derived->len; i++)
    {
      const EdDerivedIndex *index = g_ptr_array_index (self->derived, i);

      if (!index->refresh (replica, error))
        return FALSE;
    }
  return TRUE;
}

/* Values */

static const GVariantType *
variant_type_for (EdValueType type)
{
  switch (type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      return G_VARIANT_TYPE_STRING;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return G_VARIANT_TYPE_INT64;
    case ED_VALUE_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_value_default:
 * @type: a value type
 *
 * Returns: (transfer full): the value a column of @type holds when none was given
 */
GVariant *
ed_value_default (EdValueType type)
{
  switch (type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      return g_variant_ref_sink (g_variant_new_string (""));
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      return g_variant_ref_sink (g_variant_new_int64 (0));
    case ED_VALUE_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (FALSE));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Values are canonical (SYNC.md §4.4): text must be valid UTF-8 in NFC, so that two desks
 * that typed the same name compare equal byte for byte. */
gboolean
ed_value_check (EdValueType   type,
                GVariant     *value,
                GError      **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_variant_is_of_type (value, variant_type_for (type)))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("Expected a value of type %s, got %s"),
                   g_variant_type_peek_string (variant_type_for (type)),
                   g_variant_get_type_string (value));
      return FALSE;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return ed_value_check_text (g_variant_get_string (value, NULL), error);
  return TRUE;
}

/**
 * ed_value_check_text:
 * @text: the value of a text or date column
 * @error: return location for an error
 *
 * The check ed_value_check() makes of a string, for callers that hold plain C strings.
 */
gboolean
ed_value_check_text (const char  *text,
                     GError     **error)
{
  g_autofree char *nfc = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  /* Plain ASCII, most of any register, is NFC already: skip the normaliser. */
  for (p = text; *p != '\0' && (guchar)*p < 0x80; p++)
    ;
  if (*p == '\0')
    return TRUE;

  if (g_utf8_validate (p, -1, NULL))
    nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || strcmp (nfc, text) != 0)
    {
      g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                           _("Text must be UTF-8 in normalised (NFC) form"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_value_append_json:
 * @json: where to append
 * @value: a string, int64 or boolean value
 *
 * Appends the value's canonical JSON text, compared byte for byte.
 */
void
ed_value_append_json (GString  *json,
                      GVariant *value)
{
  g_return_if_fail (value != NULL);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      char digits[24];

      g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
      g_string_append (json, digits);
      return;
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    {
      g_string_append (json, g_variant_get_boolean (value) ? "true" : "false");
      return;
    }

  ed_value_append_json_text (json, g_variant_get_string (value, NULL));
}

/**
 * ed_value_append_json_text:
 * @json: where to append
 * @text: a string value
 *
 * Appends the canonical JSON text of a string value, as ed_value_append_json() does.
 */
void
ed_value_append_json_text (GString    *json,
                           const char *text)
{
  const char *run = text;
  const char *p;

  /* Only '"', '\\' and control characters are escaped; everything else stays as UTF-8, so
   * the encoding of a text is unique. Runs with nothing to escape, nearly every text, are
   * copied whole. */
  g_string_append_c (json, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (json, run, p - run);
      run = p + 1;
      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char)c);
        }
      else if (c == '\n')
        g_string_append (json, "\\n");
      else if (c == '\t')
        g_string_append (json, "\\t");
      else if (c == '\r')
        g_string_append (json, "\\r");
      else
        g_string_append_printf (json, "\\u%04x", c);
    }
  g_string_append_len (json, run, p - run);
  g_string_append_c (json, '"');
}

/**
 * ed_value_to_json:
 * @value: a string, int64 or boolean value
 *
 * Returns: (transfer full): the value's canonical JSON text, compared byte for byte
 */
char *
ed_value_to_json (GVariant *value)
{
  GString *json = g_string_sized_new (32);

  g_return_val_if_fail (value != NULL, NULL);

  ed_value_append_json (json, value);
  return g_string_free (json, FALSE);
}

/**
 * ed_value_from_json:
 * @type: the column's type
 * @json: canonical JSON text of one value
 * @error: return location for an error
 *
 * Returns: (transfer full): the value, or %NULL if @json is not a value of @type
 */
GVariant *
ed_value_from_json (EdValueType   type,
                    const char   *json,
                    GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  GType value_type;

  g_return_val_if_fail (json != NULL, NULL);

  node = ed_json_parse (json, &local_error);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("“%s” is not a single JSON value"), json);
      return NULL;
    }

  value_type = json_node_get_value_type (node);
  switch (type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      if (value_type == G_TYPE_STRING)
        return g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
      break;
    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      if (value_type == G_TYPE_INT64)
        return g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
      break;
    case ED_VALUE_BOOLEAN:
      if (value_type == G_TYPE_BOOLEAN)
        return g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
      break;
    default:
      break;
    }

  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
               _("“%s” is not a value of the column’s type"), json);
  return NULL;
}

/**
 * ed_value_parse:
 * @type: the column's type
 * @text: what a person typed
 * @error: return location for an error saying what was expected
 *
 * Returns: (transfer full): the value, or %NULL
 */
GVariant *
ed_value_parse (EdValueType   type,
                const char   *text,
                GError      **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  switch (type)
    {
    case ED_VALUE_TEXT:
    case ED_VALUE_DATE:
      {
        g_autofree char *nfc = g_utf8_validate (text, -1, NULL)
                                 ? g_utf8_normalize (text, -1, G_NORMALIZE_NFC) : NULL;

        if (nfc == NULL)
          {
            g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                                 _("The value is not valid UTF-8 text"));
            return NULL;
          }
        return g_variant_ref_sink (g_variant_new_string (nfc));
      }

    case ED_VALUE_INTEGER:
    case ED_VALUE_MONEY:
      {
        gint64 number;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
          {
            g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                         _("“%s” is not a whole number"), text);
            return NULL;
          }
        return g_variant_ref_sink (g_variant_new_int64 (number));
      }

    case ED_VALUE_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1") ||
          g_ascii_strcasecmp (text, "yes") == 0)
        return g_variant_ref_sink (g_variant_new_boolean (TRUE));
      if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0") ||
          g_ascii_strcasecmp (text, "no") == 0)
        return g_variant_ref_sink (g_variant_new_boolean (FALSE));
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_BAD_VALUE,
                   _("“%s” is not true or false"), text);
      return NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_value_to_display:
 * @value: a value
 *
 * Returns: (transfer full): the value as a person reads it
 */
char *
ed_value_to_display (GVariant *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? _("yes") : _("no"));
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
}
