/* test-staff-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The staff module's vocabularies read back what they write, refuse what they do not know,
 * and hold the same values as the comments of 0017-staff.sql list beside their columns. */

#define G_LOG_DOMAIN "test-staff-vocab"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-schema.h"
#include "core/ed-value-error.h"
#include "staff/ed-staff-tables.h"
#include "staff/ed-staff-vocab.h"
#include "ed-test-sql-columns.h"

#define STAFF_SQL "/org/electoraldesk/ElectoralDesk/staff/sql/0017-staff.sql"

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

WRAP (staff_role, EdStaffRole)
WRAP (staff_place, EdStaffPlace)
WRAP (appointment_state, EdAppointmentState)
WRAP (fee_basis, EdFeeBasis)
WRAP (supplement_kind, EdSupplementKind)
WRAP (journey_purpose, EdJourneyPurpose)
WRAP (vehicle, EdVehicle)
WRAP (nic_category, EdNicCategory)
WRAP (pay_element, EdPayElement)
WRAP (starter_statement, EdStarterStatement)
WRAP (availability, EdAvailability)
WRAP (cost_head, EdCostHead)

#define FUNCS(prefix) prefix##_to, prefix##_from, prefix##_name

static const Vocabulary vocabularies[] = {
  /* Too many to list beside each column; the comment names the header. */
  { "staff role", &ed_staff_person_role_table, "role", FALSE, ED_N_STAFF_ROLES,
    FUNCS (staff_role) },
  { "place", &ed_staff_appointment_table, "place_kind", TRUE, ED_N_STAFF_PLACES,
    FUNCS (staff_place) },
  { "appointment state", &ed_staff_appointment_table, "state", TRUE, ED_N_APPOINTMENT_STATES,
    FUNCS (appointment_state) },
  { "fee basis", &ed_fee_rate_table, "basis", TRUE, ED_N_FEE_BASES, FUNCS (fee_basis) },
  { "supplement kind", &ed_fee_rate_table, "supplement_kind", TRUE, ED_N_SUPPLEMENT_KINDS,
    FUNCS (supplement_kind) },
  { "journey purpose (default)", &ed_fee_rate_table, "mileage_purpose", TRUE,
    ED_N_JOURNEY_PURPOSES, FUNCS (journey_purpose) },
  { "vehicle", &ed_staff_journey_table, "vehicle", TRUE, ED_N_VEHICLES, FUNCS (vehicle) },
  { "NIC category", &ed_fee_rate_table, "nic_category", TRUE, ED_N_NIC_CATEGORIES,
    FUNCS (nic_category) },
  { "NIC category (pay line)", &ed_pay_line_table, "nic_category", TRUE, ED_N_NIC_CATEGORIES,
    FUNCS (nic_category) },
  { "pay element", &ed_pay_line_table, "element", TRUE, ED_N_PAY_ELEMENTS,
    FUNCS (pay_element) },
  { "availability", &ed_staff_availability_table, "availability", TRUE, ED_N_AVAILABILITIES,
    FUNCS (availability) },
  /* '' for no answer yet, so the column's DEFAULT is not a value: checked below. */
  { "starter statement", NULL, NULL, FALSE, ED_N_STARTER_STATEMENTS,
    FUNCS (starter_statement) },
  /* The heads of DOMAIN.md §5; the comment names an example. */
  { "cost head", &ed_fee_rate_table, "cost_head", FALSE, ED_N_COST_HEADS, FUNCS (cost_head) },
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
  static const char *unknown[] = { "", "Poll_clerk", " car", "car ", "poll clerk", "E",
                                   "Presiding officer" };

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

static GHashTable *
staff_sql (void)
{
  g_autoptr(EdSchema) schema = ed_schema_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  /* Adding the module's schema is what registers its resources. */
  ed_staff_add_schema (schema);
  bytes = g_resources_lookup_data (STAFF_SQL, 0, &error);
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
 * the column's DEFAULT is one of them. */
static void
test_agrees_with_sql (void)
{
  g_autoptr(GHashTable) columns = staff_sql ();
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
        g_error ("0017-staff.sql has no column %s", key);
      if (!vocabulary->listed)
        {
          /* The value its comment gives as an example is one of the enum's. */
          g_assert_nonnull (strstr (column->comment, vocabulary->to_string (1)));
          g_assert_true (vocabulary->from_string (vocabulary->to_string (1), NULL, NULL));
          n_checked++;
          continue;
        }
      if (column->values == NULL)
        g_error ("0017-staff.sql lists no values beside %s", key);
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
  g_assert_cmpuint (n_checked, ==, 12);

  /* staff_person.starter_statement: A | B | C, or '' before the checklist is answered. */
  {
    EdTestSqlColumn *starter = g_hash_table_lookup (columns, "staff_person.starter_statement");

    g_assert_nonnull (starter);
    g_assert_nonnull (starter->values);
    g_assert_cmpuint (starter->values->len, ==, ED_N_STARTER_STATEMENTS + 1);
    for (guint i = 0; i < ED_N_STARTER_STATEMENTS; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (starter->values,
                                                       ed_starter_statement_to_string (i),
                                                       g_str_equal, NULL));
    g_assert_cmpstr (starter->default_value, ==, "");
  }
}

/* The reader sees a list that runs over two comment lines, as a long one does, and a
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

  g_test_add_func ("/staff/vocab/round-trip", test_round_trip);
  g_test_add_func ("/staff/vocab/unknown-refused", test_unknown_refused);
  g_test_add_func ("/staff/vocab/sql-reader-sees-lists", test_sql_reader_sees_lists);
  g_test_add_func ("/staff/vocab/agrees-with-sql", test_agrees_with_sql);

  return g_test_run ();
}
