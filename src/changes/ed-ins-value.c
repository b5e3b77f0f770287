/* ed-ins-value.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the op log stores the value of an insert. Everywhere else an ins op's value is a JSON
 * object of every column, which any desk can read whatever columns it knows. Stored that way
 * the column names were most of the op log: half of a district file of a million electors.
 * So an object that lists exactly the registry's columns, in its order and in canonical form
 * (as every desk writes them), is stored as the array of its values, and expanded back to the
 * same bytes when read. Anything else, such as an insert from a newer version with a column
 * this one does not know, is stored as it came.
 *
 * The array is read against the registry's columns as they are now, so a migration that adds
 * a column to a synced table must also store that table's stored ins values as objects again,
 * as 0006-welsh-marker-letter.sql does for the district table. */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include <string.h>

#include "changes/ed-ins-value.h"

/* The end of the scalar JSON value (string, number, true, false or null) starting at @p, or
 * NULL if there is none. ed_value_append_json() writes nothing else; an object or array in
 * an ins value from elsewhere is not compacted. */
static const char *
skip_scalar (const char *p)
{
  const char *start = p;

  if (*p == '"')
    {
      for (p++; *p != '"'; p++)
        {
          if (*p == '\0')
            return NULL;
          if (*p == '\\' && *++p == '\0')
            return NULL;
        }
      return p + 1;
    }

  while (*p != '\0' && strchr ("-+.0123456789eEtrufalsn", *p) != NULL)
    p++;
  return p > start ? p : NULL;
}

/**
 * _ed_ins_value_compact:
 * @table: the table the row is in
 * @object_json: an ins op's value
 *
 * Returns: (transfer full) (nullable): the array of values, or %NULL when @object_json is not
 *   exactly the canonical object of @table's columns (store it as it is)
 */
char *
_ed_ins_value_compact (const EdTableDef *table,
                       const char       *object_json)
{
  g_autoptr(GString) array = NULL;
  const char *p = object_json;

  if (table == NULL || object_json == NULL || *p++ != '{')
    return NULL;

  array = g_string_sized_new (strlen (object_json));
  g_string_append_c (array, '[');
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *name = table->columns[i].name;
      gsize name_len = strlen (name);
      const char *end;

      if (*p != '"' || strncmp (p + 1, name, name_len) != 0 || p[name_len + 1] != '"' ||
          p[name_len + 2] != ':')
        return NULL;
      p += name_len + 3;
      if ((end = skip_scalar (p)) == NULL)
        return NULL;
      if (i > 0)
        g_string_append_c (array, ',');
      g_string_append_len (array, p, end - p);
      p = end;
      if (*p != (i + 1 < table->n_columns ? ',' : '}'))
        return NULL;
      p++;
    }
  if (table->n_columns == 0 && *p++ != '}')
    return NULL;
  if (*p != '\0')
    return NULL;
  g_string_append_c (array, ']');
  return g_string_free (g_steal_pointer (&array), FALSE);
}

/**
 * _ed_ins_value_expand:
 * @table: the table the row is in
 * @array_json: a value stored by _ed_ins_value_compact()
 *
 * Returns: (transfer full) (nullable): the object it came from, or %NULL if @array_json does
 *   not hold one value for each of @table's columns
 */
char *
_ed_ins_value_expand (const EdTableDef *table,
                      const char       *array_json)
{
  g_autoptr(GString) object = NULL;
  const char *p = array_json;

  if (table == NULL || array_json == NULL || *p++ != '[')
    return NULL;

  object = g_string_sized_new (strlen (array_json) + 24 * table->n_columns);
  g_string_append_c (object, '{');
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *end = skip_scalar (p);

      if (end == NULL || *end != (i + 1 < table->n_columns ? ',' : ']'))
        return NULL;
      if (i > 0)
        g_string_append_c (object, ',');
      g_string_append_c (object, '"');
      g_string_append (object, table->columns[i].name);
      g_string_append (object, "\":");
      g_string_append_len (object, p, end - p);
      p = end + 1;
    }
  if (table->n_columns == 0 && *p++ != ']')
    return NULL;
  if (*p != '\0')
    return NULL;
  g_string_append_c (object, '}');
  return g_string_free (g_steal_pointer (&object), FALSE);
}

/**
 * _ed_ins_value_nth:
 * @table: the table the row is in
 * @array_json: a value stored by _ed_ins_value_compact()
 * @index: a column's place in @table's registry order
 * @out_len: (out): the length of the value's JSON text
 *
 * Finds one column's value in a stored ins value without expanding it: what a set of that
 * field compares with while the field is still as inserted.
 *
 * Returns: (nullable): the start of the value's JSON text inside @array_json, or %NULL
 *   exactly when _ed_ins_value_expand() would give %NULL
 */
const char *
_ed_ins_value_nth (const EdTableDef *table,
                   const char       *array_json,
                   guint             index,
                   gsize            *out_len)
{
  const char *p = array_json;
  const char *found = NULL;

  g_return_val_if_fail (index < table->n_columns, NULL);

  if (array_json == NULL || *p++ != '[')
    return NULL;
  /* The whole array is walked: one with too few or too many values is not expanded, so its
   * values are not read either. */
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *end = skip_scalar (p);

      if (end == NULL || *end != (i + 1 < table->n_columns ? ',' : ']'))
        return NULL;
      if (i == index)
        {
          found = p;
          *out_len = end - p;
        }
      p = end + 1;
    }
  if (*p != '\0')
    return NULL;
  return found;
}
