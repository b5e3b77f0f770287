/* test-elections-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The elections module's vocabularies read back what they write, refuse what they do not
 * know, and hold the same values as the comments of 0015-elections.sql list beside their
 * columns. */

#define G_LOG_DOMAIN "test-elections-vocab"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-schema.h"
#include "core/ed-value-error.h"
#include "district/ed-district-settings.h"
#include "elections/ed-elections-tables.h"
#include "elections/ed-elections-vocab.h"
#include "ed-test-sql-columns.h"

#define ELECTIONS_SQL "/org/electoraldesk/ElectoralDesk/elections/sql/0015-elections.sql"

typedef struct
{
  const char        *name;
  const EdTableDef  *table;   /* where it is stored, or NULL */
  const char        *column;
  gboolean           listed;  /* the SQL lists its values beside the column */
  guint              n_values;
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

WRAP (election_kind, EdElectionKind)
WRAP (contest_area, EdContestArea)
WRAP (timetable_event, EdTimetableEvent)
WRAP (poll_card_variant, EdPollCardVariant)
WRAP (poll_card_layout, EdPollCardLayout)
WRAP (poll_card_order, EdPollCardOrder)
WRAP (poll_card_run_kind, EdPollCardRunKind)

#define FUNCS(prefix) prefix##_to, prefix##_from, prefix##_name

static const Vocabulary vocabularies[] = {
  { "election kind", &ed_election_table, "kind", TRUE, ED_N_ELECTION_KINDS,
    FUNCS (election_kind) },
  { "contest area", &ed_contest_table, "area_kind", TRUE, ED_N_CONTEST_AREAS,
    FUNCS (contest_area) },
  /* Its comment names one value and the header: too many to list. */
  { "timetable event", &ed_timetable_task_table, "event", FALSE, ED_N_TIMETABLE_EVENTS,
    FUNCS (timetable_event) },
  /* Not stored: chosen on the command line and in the dialog. */
  { "poll card variant", NULL, NULL, FALSE, ED_N_POLL_CARD_VARIANTS,
    FUNCS (poll_card_variant) },
  { "poll card layout", &ed_poll_card_run_table, "layout", TRUE, ED_N_POLL_CARD_LAYOUTS,
    FUNCS (poll_card_layout) },
  { "poll card order", &ed_poll_card_run_table, "sort_order", TRUE, ED_N_POLL_CARD_ORDERS,
    FUNCS (poll_card_order) },
  { "poll card run kind", &ed_poll_card_run_table, "kind", TRUE, ED_N_POLL_CARD_RUN_KINDS,
    FUNCS (poll_card_run_kind) },
};

/* Every value reads back as itself; no two are stored alike; names are for people. */
static void
test_round_trip (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("%s", vocabulary->name);
      g_assert_cmpuint (vocabulary->n_values, >, 1);
      for (guint i = 0; i < vocabulary->n_values; i++)
        {
          g_autoptr(GError) error = NULL;
          const char *text = vocabulary->to_string (i);
          const char *name = vocabulary->display_name (i);
          guint back = G_MAXUINT;

          g_assert_nonnull (text);
          g_assert_cmpstr (text, !=, "");
          g_assert_true (vocabulary->from_string (text, &back, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (back, ==, i);
          g_assert_false (g_hash_table_contains (seen, text));
          g_hash_table_add (seen, (gpointer)text);

          g_assert_nonnull (name);
          g_assert_true (g_utf8_validate (name, -1, NULL));
          g_assert_true (g_unichar_isupper (g_utf8_get_char (name)));
          g_assert_cmpstr (name, !=, text);
          if (g_hash_table_contains (names, name))
            g_error ("%s: two values are called “%s”", vocabulary->name, name);
          g_hash_table_add (names, (gpointer)name);
        }
    }
}

static void
test_unknown_refused (void)
{
  static const char *unknown[] = { "", "unknown", "Local", " local", "local ", "by-election",
                                   "notice of election" };

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    for (guint u = 0; u < G_N_ELEMENTS (unknown); u++)
      {
        g_autoptr(GError) error = NULL;
        guint out = G_MAXUINT;

        if (vocabularies[v].from_string (unknown[u], &out, &error))
          g_error ("%s: “%s” was read as %s", vocabularies[v].name, unknown[u],
                   vocabularies[v].to_string (out));
        g_assert_nonnull (error);
        g_assert_true (error->domain == ED_VALUE_ERROR);
        g_assert_cmpstr (error->message, !=, "");
        g_assert_cmpuint (out, ==, G_MAXUINT);
      }
}

/* The ids of Democracy Club's scheme, and the area each kind of poll is fought over. */
static void
test_id_prefixes_and_areas (void)
{
  g_assert_cmpstr (ed_election_kind_get_id_prefix (ED_ELECTION_LOCAL), ==, "local");
  g_assert_cmpstr (ed_election_kind_get_id_prefix (ED_ELECTION_UK_PARLIAMENTARY_GENERAL), ==,
                   "parl");
  g_assert_cmpstr (ed_election_kind_get_id_prefix (ED_ELECTION_MAYORAL), ==, "mayor");
  for (guint k = 0; k < ED_N_ELECTION_KINDS; k++)
    {
      const char *prefix = ed_election_kind_get_id_prefix (k);

      g_assert_nonnull (prefix);
      g_assert_cmpuint (strspn (prefix, "abcdefghijklmnopqrstuvwxyz"), ==, strlen (prefix));
      g_assert_cmpuint (ed_contest_area_for_kind (k), <, ED_N_CONTEST_AREAS);
    }
  g_assert_cmpint (ed_contest_area_for_kind (ED_ELECTION_LOCAL), ==, ED_CONTEST_AREA_WARD);
  g_assert_cmpint (ed_contest_area_for_kind (ED_ELECTION_PARISH), ==, ED_CONTEST_AREA_PARISH);
  g_assert_cmpint (ed_contest_area_for_kind (ED_ELECTION_UK_PARLIAMENTARY_BY), ==,
                   ED_CONTEST_AREA_CONSTITUENCY);
  g_assert_cmpint (ed_contest_area_for_kind (ED_ELECTION_PCC), ==, ED_CONTEST_AREA_WHOLE);
}

static GHashTable *
elections_sql (void)
{
  g_autoptr(EdSchema) schema = ed_schema_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  /* Adding the module's schema is what registers its resources. */
  ed_elections_add_schema (schema);
  bytes = g_resources_lookup_data (ELECTIONS_SQL, 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return ed_test_sql_columns_read (sql);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* Each stored enum and the values the SQL lists beside its column are the same values, and
 * the column's DEFAULT is one of them; the country column lists the district's countries. */
static void
test_agrees_with_sql (void)
{
  g_autoptr(GHashTable) columns = elections_sql ();
  guint n_checked = 0;

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      const Vocabulary *vocabulary = &vocabularies[v];
      g_autofree char *key = NULL;
      g_autoptr(GPtrArray) ours = g_ptr_array_new ();
      EdTestSqlColumn *column;

      if (vocabulary->table == NULL)
        continue;
      g_test_message ("%s: %s.%s", vocabulary->name, vocabulary->table->name,
                      vocabulary->column);
      g_assert_cmpint (ed_schema_column_index (vocabulary->table, vocabulary->column), >=, 0);
      key = g_strdup_printf ("%s.%s", vocabulary->table->name, vocabulary->column);
      column = g_hash_table_lookup (columns, key);
      if (column == NULL)
        g_error ("0015-elections.sql has no column %s", key);
      if (!vocabulary->listed)
        {
          /* The value its comment gives as an example is one of the enum's. */
          g_assert_nonnull (strstr (column->comment, vocabulary->to_string (1)));
          g_assert_true (vocabulary->from_string (vocabulary->to_string (1), NULL, NULL));
          n_checked++;
          continue;
        }
      if (column->values == NULL)
        g_error ("0015-elections.sql lists no values beside %s", key);
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
  g_assert_cmpuint (n_checked, ==, 6);

  /* election.country holds the district settings' countries. */
  {
    EdTestSqlColumn *country = g_hash_table_lookup (columns, "election.country");
    EdCountry parsed;

    g_assert_nonnull (country);
    g_assert_nonnull (country->values);
    g_assert_cmpuint (country->values->len, ==, ED_COUNTRY_SCOTLAND + 1);
    for (guint i = 0; i < country->values->len; i++)
      {
        g_assert_true (ed_country_from_string (g_ptr_array_index (country->values, i),
                                               &parsed));
        g_assert_cmpstr (ed_country_to_string (parsed), ==,
                         g_ptr_array_index (country->values, i));
      }
    g_assert_true (ed_country_from_string (country->default_value, &parsed));
  }
}

/* The reader sees a list that runs over two comment lines, as election.kind's does, and a
 * value missing from the enum would show. */
static void
test_sql_reader_sees_lists (void)
{
  static const char sql[] =
    "CREATE TABLE t (\n"
    "  id TEXT PRIMARY KEY NOT NULL,\n"
    "  -- a | b |\n"
    "  -- c\n"
    "  k  TEXT NOT NULL DEFAULT 'b',\n"
    "  x  TEXT NOT NULL DEFAULT '',  -- p | q\n"
    "  n  INTEGER NOT NULL DEFAULT 0\n"
    ") STRICT;\n";
  g_autoptr(GHashTable) columns = ed_test_sql_columns_read (sql);
  EdTestSqlColumn *k = g_hash_table_lookup (columns, "t.k");
  EdTestSqlColumn *x = g_hash_table_lookup (columns, "t.x");

  g_assert_nonnull (k);
  g_assert_cmpuint (k->values->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (k->values, 2), ==, "c");
  g_assert_cmpstr (k->default_value, ==, "b");
  g_assert_cmpuint (x->values->len, ==, 2);
  g_assert_null (((EdTestSqlColumn *)g_hash_table_lookup (columns, "t.n"))->values);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/elections/vocab/round-trip", test_round_trip);
  g_test_add_func ("/elections/vocab/unknown-refused", test_unknown_refused);
  g_test_add_func ("/elections/vocab/id-prefixes-and-areas", test_id_prefixes_and_areas);
  g_test_add_func ("/elections/vocab/sql-reader-sees-lists", test_sql_reader_sees_lists);
  g_test_add_func ("/elections/vocab/agrees-with-sql", test_agrees_with_sql);

  return g_test_run ();
}
