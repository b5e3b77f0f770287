/* test-register-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-register-vocab"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-schema.h"
#include "core/ed-value-error.h"
#include "register/ed-register-tables.h"
#include "register/ed-register-vocab.h"

#define REGISTER_SQL "/org/electoraldesk/ElectoralDesk/register/sql"

/* One vocabulary, its functions over plain numbers so that one test walks them all. */
typedef struct
{
  const char        *name;
  const EdTableDef  *table;    /* where it is stored and 0004-register.sql lists its values */
  const char        *column;
  gboolean           loose;    /* read in any case, as people type it on the command line */
  guint              n_values;
  const char        *stored[6];  /* as databases and files hold them, in the enum's order */
  const char      *(*to_string)    (guint value);
  gboolean         (*from_string)  (const char *text, guint *out, GError **error);
  const char      *(*display_name) (guint value);
} Vocabulary;

#define WRAP(prefix, Type) \
  static const char * \
  prefix##_to (guint value) \
  { \
    return ed_##prefix##_to_string ((Type)value); \
  } \
  static gboolean \
  prefix##_from (const char  *text, \
                 guint       *out, \
                 GError     **error) \
  { \
    Type value; \
    if (!ed_##prefix##_from_string (text, &value, error)) \
      return FALSE; \
    if (out != NULL) \
      *out = value; \
    return TRUE; \
  } \
  static const char * \
  prefix##_name (guint value) \
  { \
    return ed_##prefix##_get_display_name ((Type)value); \
  }

WRAP (absent_vote, EdAbsentVote)
WRAP (elector_status, EdElectorStatus)
WRAP (elector_language, EdElectorLanguage)
WRAP (electoral_area_kind, EdElectoralAreaKind)
WRAP (notice_kind, EdNoticeKind)
WRAP (alteration_kind, EdAlterationKind)
WRAP (deletion_reason, EdDeletionReason)
WRAP (sale_kind, EdSaleKind)
WRAP (sale_format, EdSaleFormat)
WRAP (register_edition, EdRegisterEdition)

#define FUNCS(prefix) prefix##_to, prefix##_from, prefix##_name

static const Vocabulary vocabularies[] = {
  { "absent vote", &ed_elector_table, "absent_vote", FALSE, ED_N_ABSENT_VOTES,
    { "", "postal", "proxy", "postal_proxy" }, FUNCS (absent_vote) },
  { "elector status", &ed_elector_table, "status", FALSE, ED_N_ELECTOR_STATUSES,
    { "current", "pending_addition", "pending_deletion" }, FUNCS (elector_status) },
  { "elector language", &ed_elector_table, "language", FALSE, ED_N_ELECTOR_LANGUAGES,
    { "en", "cy" }, FUNCS (elector_language) },
  { "electoral area kind", &ed_electoral_area_table, "kind", FALSE, ED_N_ELECTORAL_AREA_KINDS,
    { "ward", "division" }, FUNCS (electoral_area_kind) },
  { "notice kind", &ed_register_notice_table, "kind", FALSE, ED_N_NOTICE_KINDS,
    { "monthly", "interim", "revised" }, FUNCS (notice_kind) },
  { "alteration kind", &ed_register_alteration_table, "kind", FALSE, ED_N_ALTERATION_KINDS,
    { "addition", "deletion", "amendment" }, FUNCS (alteration_kind) },
  /* Stored in register_alteration.reason, whose SQL lists no values: other alterations
   * keep "" there. */
  { "deletion reason", NULL, NULL, FALSE, ED_N_DELETION_REASONS,
    { "moved", "died", "objection_upheld", "duplicate", "other" }, FUNCS (deletion_reason) },
  { "sale kind", &ed_register_supply_table, "item", TRUE, ED_N_SALE_KINDS,
    { "full", "edited", "notice", "overseas", "marked" }, FUNCS (sale_kind) },
  { "sale format", &ed_register_supply_table, "format", TRUE, ED_N_SALE_FORMATS,
    { "data", "printed" }, FUNCS (sale_format) },
  /* Not stored: named on the command line, in actions and in file names. */
  { "register edition", NULL, NULL, FALSE, ED_N_REGISTER_EDITIONS, { "full", "open" },
    FUNCS (register_edition) },
};

/* Every value reads back as itself, and no two are stored alike. */
static void
test_round_trip (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("%s", vocabulary->name);
      g_assert_cmpuint (vocabulary->n_values, >, 1);
      for (guint i = 0; i < vocabulary->n_values; i++)
        {
          g_autoptr(GError) error = NULL;
          const char *text = vocabulary->to_string (i);
          guint back = G_MAXUINT;

          g_assert_nonnull (text);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_true (vocabulary->from_string (text, &back, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (back, ==, i);
          g_assert_false (g_hash_table_contains (seen, text));
          g_hash_table_add (seen, (gpointer)text);
        }
    }
}

/* The values as existing databases and files hold them read the same as they always did. */
static void
test_stored_values (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];

      g_assert_cmpuint (vocabulary->n_values, <, G_N_ELEMENTS (vocabulary->stored));
      g_assert_null (vocabulary->stored[vocabulary->n_values]);
      for (guint i = 0; i < vocabulary->n_values; i++)
        g_assert_cmpstr (vocabulary->to_string (i), ==, vocabulary->stored[i]);
    }
}

static void
assert_refused (const Vocabulary *vocabulary,
                const char       *text)
{
  g_autoptr(GError) error = NULL;
  guint out = G_MAXUINT;

  if (vocabulary->from_string (text, &out, &error))
    g_error ("%s: “%s” was read as %s", vocabulary->name, text, vocabulary->to_string (out));
  g_assert_nonnull (error);
  g_assert_true (error->domain == ED_VALUE_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (out, ==, G_MAXUINT);
  /* Without an error to fill, it only says no. */
  g_assert_false (vocabulary->from_string (text, NULL, NULL));
}

static void
test_unknown_refused (void)
{
  static const char *unknown[] = { "unknown", "postal proxy", "pending", "Wales", "-", "\t" };

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];

      for (guint u = 0; u < G_N_ELEMENTS (unknown); u++)
        assert_refused (vocabulary, unknown[u]);
      for (guint i = 0; i < vocabulary->n_values; i++)
        {
          const char *text = vocabulary->to_string (i);
          g_autofree char *longer = g_strconcat (text, "x", NULL);
          g_autofree char *upper = g_ascii_strup (text, -1);
          g_autofree char *spaced = g_strconcat (" ", text, NULL);

          assert_refused (vocabulary, longer);
          /* Stored values are compared exactly: a value in another case or with a space is
           * not one the register wrote. */
          if (!vocabulary->loose && !g_str_equal (upper, text))
            assert_refused (vocabulary, upper);
          if (!vocabulary->loose)
            assert_refused (vocabulary, spaced);
        }
    }
}

static void
test_display_names (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < vocabulary->n_values; i++)
        {
          const char *name = vocabulary->display_name (i);

          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, "");
          g_assert_true (g_utf8_validate (name, -1, NULL));
          /* Names are for people: capitalised, not the stored value. */
          g_assert_true (g_unichar_isupper (g_utf8_get_char (name)));
          g_assert_cmpstr (name, !=, vocabulary->to_string (i));
          if (g_hash_table_contains (seen, name))
            g_error ("%s: two values are called “%s”", vocabulary->name, name);
          g_hash_table_add (seen, (gpointer)name);
        }
    }
}

/* An absent vote by proxy needs the proxy's name; a postal vote does not. */
static void
test_absent_vote_by_proxy (void)
{
  g_assert_false (ed_absent_vote_is_by_proxy (ED_ABSENT_VOTE_NONE));
  g_assert_false (ed_absent_vote_is_by_proxy (ED_ABSENT_VOTE_POSTAL));
  g_assert_true (ed_absent_vote_is_by_proxy (ED_ABSENT_VOTE_PROXY));
  g_assert_true (ed_absent_vote_is_by_proxy (ED_ABSENT_VOTE_POSTAL_PROXY));
}

/* What the migrations say of one column: its SQL type, the values a comment lists beside
 * it ("-- '' | postal | proxy") and its DEFAULT. */
typedef struct
{
  char      *type;
  GPtrArray *values;
  char      *default_value;
} SqlColumn;

static void
sql_column_free (SqlColumn *column)
{
  if (column->values != NULL)
    g_ptr_array_unref (column->values);
  g_free (column->type);
  g_free (column->default_value);
  g_free (column);
}

/* "current | pending_addition | pending_deletion: a deletion takes effect, …" */
static GPtrArray *
listed_values (const char *comment)
{
  g_autofree char *list = g_strdup (comment);
  g_auto(GStrv) parts = NULL;
  GPtrArray *values;
  char *colon;

  if (strchr (list, '|') == NULL)
    return NULL;
  if ((colon = strchr (list, ':')) != NULL)
    *colon = '\0';
  parts = g_strsplit (list, "|", -1);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (parts[i]);

      g_ptr_array_add (values, g_strdup (g_str_equal (value, "''") ? "" : value));
    }
  return values;
}

/* Reads `CREATE TABLE name (` … `)` blocks into @columns ("table.column" → SqlColumn) and,
 * if given, @tables (table → its column names after the id, in order). A column's list is in
 * the comment on its line, or in the comment lines just above it. A later migration's word
 * overrides an earlier. */
static void
read_sql_columns (const char *sql,
                  GHashTable *columns,
                  GHashTable *tables)
{
  g_autoptr(GRegex) create = g_regex_new ("^CREATE TABLE (\\w+) \\($", 0, 0, NULL);
  g_autoptr(GRegex) column = g_regex_new ("^\\s+(\\w+)\\s+(TEXT|INTEGER)\\b", 0, 0, NULL);
  g_autoptr(GRegex) default_text = g_regex_new ("DEFAULT '([^']*)'", 0, 0, NULL);
  /* A later migration's column comes after the table's others (0008-elector-date-of-birth.sql). */
  g_autoptr(GRegex) add_column =
    g_regex_new ("^ALTER TABLE (\\w+) ADD COLUMN (\\w+) (TEXT|INTEGER)\\b", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (sql, "\n", -1);
  g_autofree char *table = NULL;
  g_autoptr(GString) comment_above = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autoptr(GMatchInfo) match = NULL;
      const char *dashes = strstr (line, "--");
      g_autofree char *stripped = g_strstrip (g_strdup (line));

      if (g_regex_match (create, line, 0, &match))
        {
          g_free (table);
          table = g_match_info_fetch (match, 1);
          g_string_truncate (comment_above, 0);
          if (tables != NULL)
            g_hash_table_replace (tables, g_strdup (table),
                                  g_ptr_array_new_with_free_func (g_free));
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);
      if (g_regex_match (add_column, line, 0, &match))
        {
          g_autofree char *added_to = g_match_info_fetch (match, 1);
          g_autofree char *name = g_match_info_fetch (match, 2);
          g_autoptr(GMatchInfo) default_match = NULL;
          SqlColumn *entry = g_new0 (SqlColumn, 1);

          entry->type = g_match_info_fetch (match, 3);
          if (g_regex_match (default_text, line, 0, &default_match))
            entry->default_value = g_match_info_fetch (default_match, 1);
          if (tables != NULL)
            g_ptr_array_add (g_hash_table_lookup (tables, added_to), g_strdup (name));
          g_hash_table_replace (columns, g_strdup_printf ("%s.%s", added_to, name), entry);
          g_clear_pointer (&match, g_match_info_free);
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);
      if (table == NULL)
        continue;
      if (g_str_has_prefix (stripped, ")"))
        {
          g_clear_pointer (&table, g_free);
          continue;
        }
      if (g_str_has_prefix (stripped, "--"))
        {
          /* Only the first line of a comment block can open a list. */
          if (comment_above->len == 0)
            g_string_append (comment_above, stripped + 2);
          continue;
        }
      if (g_regex_match (column, line, 0, &match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autoptr(GMatchInfo) default_match = NULL;
          SqlColumn *entry = g_new0 (SqlColumn, 1);

          entry->type = g_match_info_fetch (match, 2);
          entry->values = listed_values (dashes != NULL ? dashes + 2 : comment_above->str);
          if (g_regex_match (default_text, line, 0, &default_match))
            entry->default_value = g_match_info_fetch (default_match, 1);
          if (tables != NULL && !g_str_equal (name, "id"))
            g_ptr_array_add (g_hash_table_lookup (tables, table), g_strdup (name));
          g_hash_table_replace (columns, g_strdup_printf ("%s.%s", table, name), entry);
        }
      g_string_truncate (comment_above, 0);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static GHashTable *
register_sql_columns (GHashTable *tables)
{
  g_autoptr(EdSchema) schema = ed_schema_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)sql_column_free);

  /* Adding the register's schema is what registers its resources. */
  ed_register_add_schema (schema);
  names = g_resources_enumerate_children (REGISTER_SQL, 0, &error);
  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", REGISTER_SQL, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      read_sql_columns (sql, columns, tables);
    }
  return columns;
}

/* Each enum and the values its table's SQL lists beside the column hold the same values, and
 * the column's DEFAULT is one of them: a value added to one and not the other fails here. */
static void
test_agrees_with_sql (void)
{
  g_autoptr(GHashTable) columns = register_sql_columns (NULL);
  guint n_checked = 0;

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];
      g_autofree char *key = NULL;
      g_autoptr(GPtrArray) ours = g_ptr_array_new ();
      SqlColumn *column;

      if (vocabulary->table == NULL)
        continue;
      g_test_message ("%s: %s.%s", vocabulary->name, vocabulary->table->name,
                      vocabulary->column);
      /* The column is one the change set writes. */
      g_assert_cmpint (ed_schema_column_index (vocabulary->table, vocabulary->column), >=, 0);

      key = g_strdup_printf ("%s.%s", vocabulary->table->name, vocabulary->column);
      column = g_hash_table_lookup (columns, key);
      if (column == NULL || column->values == NULL)
        g_error ("the register's SQL lists no values beside %s", key);
      for (guint i = 0; i < vocabulary->n_values; i++)
        g_ptr_array_add (ours, (gpointer)vocabulary->to_string (i));
      g_ptr_array_sort (ours, compare_strings);
      g_ptr_array_sort (column->values, compare_strings);
      if (ours->len != column->values->len)
        g_error ("%s: %u values in the enum, %u listed in the SQL", key, ours->len,
                 column->values->len);
      for (guint i = 0; i < ours->len; i++)
        g_assert_cmpstr (g_ptr_array_index (ours, i), ==, g_ptr_array_index (column->values, i));

      g_assert_nonnull (column->default_value);
      g_assert_true (vocabulary->from_string (column->default_value, NULL, NULL));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 8);
}

/* The parser above finds a disagreement: a list with a value the enum lacks. */
static void
test_sql_reader_sees_lists (void)
{
  static const char sql[] =
    "CREATE TABLE t (\n"
    "  id TEXT PRIMARY KEY NOT NULL,\n"
    "  a  TEXT NOT NULL DEFAULT 'x',  -- x | '' | y\n"
    "  -- p | q: what it is\n"
    "  -- and more\n"
    "  b  TEXT NOT NULL DEFAULT 'q',\n"
    "  c  INTEGER NOT NULL DEFAULT 0\n"
    ") STRICT;\n";
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify)sql_column_free);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  GPtrArray *order;
  SqlColumn *a;
  SqlColumn *b;

  read_sql_columns (sql, columns, tables);
  a = g_hash_table_lookup (columns, "t.a");
  b = g_hash_table_lookup (columns, "t.b");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->values->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (a->values, 1), ==, "");
  g_assert_cmpstr (a->default_value, ==, "x");
  g_assert_cmpuint (b->values->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (b->values, 1), ==, "q");
  g_assert_null (((SqlColumn *)g_hash_table_lookup (columns, "t.c"))->values);
  g_assert_cmpstr (((SqlColumn *)g_hash_table_lookup (columns, "t.c"))->type, ==, "INTEGER");
  order = g_hash_table_lookup (tables, "t");
  g_assert_cmpuint (order->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (order, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (order, 2), ==, "c");
}

/* Each synced table's EdTableDef, whose column enums (ed-register-tables.h) index it, names
 * the columns its SQL creates, in the same order and of matching types. */
static void
test_tables_match_sql (void)
{
  static const EdTableDef *defs[] = {
    &ed_electoral_area_table, &ed_parish_table, &ed_polling_district_table,
    &ed_property_table, &ed_elector_table, &ed_register_notice_table,
    &ed_register_alteration_table, &ed_register_supply_table,
  };
  static const struct
  {
    const EdTableDef *table;
    guint             column;
    const char       *name;
  } named[] = {
    { &ed_elector_table, ED_ELECTOR_COL_SURNAME, "surname" },
    { &ed_elector_table, ED_ELECTOR_COL_ABSENT_VOTE, "absent_vote" },
    { &ed_elector_table, ED_ELECTOR_COL_STATUS, "status" },
    { &ed_property_table, ED_PROPERTY_COL_POLLING_DISTRICT, "polling_district" },
    { &ed_register_supply_table, ED_REGISTER_SUPPLY_COL_FEE, "fee" },
  };
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) columns = register_sql_columns (tables);

  for (guint t = 0; t < G_N_ELEMENTS (defs); t++)
    {
      const EdTableDef *def = defs[t];
      GPtrArray *order = g_hash_table_lookup (tables, def->name);

      g_test_message ("%s", def->name);
      g_assert_nonnull (order);
      g_assert_cmpuint (order->len, ==, def->n_columns);
      for (guint c = 0; c < def->n_columns; c++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", def->name, def->columns[c].name);
          SqlColumn *column = g_hash_table_lookup (columns, key);
          gboolean text = def->columns[c].type == ED_VALUE_TEXT ||
                          def->columns[c].type == ED_VALUE_DATE;

          g_assert_cmpstr (def->columns[c].name, ==, g_ptr_array_index (order, c));
          g_assert_nonnull (column);
          g_assert_cmpstr (column->type, ==, text ? "TEXT" : "INTEGER");
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    g_assert_cmpstr (named[i].table->columns[named[i].column].name, ==, named[i].name);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/vocab/round-trip", test_round_trip);
  g_test_add_func ("/register/vocab/stored-values", test_stored_values);
  g_test_add_func ("/register/vocab/unknown-refused", test_unknown_refused);
  g_test_add_func ("/register/vocab/display-names", test_display_names);
  g_test_add_func ("/register/vocab/absent-vote-by-proxy", test_absent_vote_by_proxy);
  g_test_add_func ("/register/vocab/sql-reader-sees-lists", test_sql_reader_sees_lists);
  g_test_add_func ("/register/vocab/agrees-with-sql", test_agrees_with_sql);
  g_test_add_func ("/register/tables/match-sql", test_tables_match_sql);

  return g_test_run ();
}
