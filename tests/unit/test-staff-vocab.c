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
#include "ed-test-vocab.h"

#define STAFF_SQL "/org/electoraldesk/ElectoralDesk/staff/sql/0017-staff.sql"

ED_TEST_VOCAB_WRAP (staff_role, EdStaffRole)
ED_TEST_VOCAB_WRAP (staff_place, EdStaffPlace)
ED_TEST_VOCAB_WRAP (appointment_state, EdAppointmentState)
ED_TEST_VOCAB_WRAP (fee_basis, EdFeeBasis)
ED_TEST_VOCAB_WRAP (supplement_kind, EdSupplementKind)
ED_TEST_VOCAB_WRAP (journey_purpose, EdJourneyPurpose)
ED_TEST_VOCAB_WRAP (vehicle, EdVehicle)
ED_TEST_VOCAB_WRAP (nic_category, EdNicCategory)
ED_TEST_VOCAB_WRAP (pay_element, EdPayElement)
ED_TEST_VOCAB_WRAP (starter_statement, EdStarterStatement)
ED_TEST_VOCAB_WRAP (availability, EdAvailability)
ED_TEST_VOCAB_WRAP (cost_head, EdCostHead)

#define FUNCS ED_TEST_VOCAB_FUNCS

static const EdTestVocabulary vocabularies[] = {
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
  ed_test_vocab_assert_round_trip (vocabularies, G_N_ELEMENTS (vocabularies));
}

static void
test_unknown_refused (void)
{
  static const char *unknown[] = { "", "Poll_clerk", " car", "car ", "poll clerk", "E",
                                   "Presiding officer", NULL };

  ed_test_vocab_assert_unknown_refused (vocabularies, G_N_ELEMENTS (vocabularies), unknown);
}

/* Each stored enum and the values the SQL lists beside its column are the same values, and
 * the column's DEFAULT is one of them. */
static void
test_agrees_with_sql (void)
{
  g_autoptr(GHashTable) columns = ed_test_vocab_read_module_sql (ed_staff_add_schema, STAFF_SQL);
  guint n_checked = ed_test_vocab_assert_agrees_with_sql (vocabularies,
                                                          G_N_ELEMENTS (vocabularies), columns,
                                                          "0017-staff.sql");

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
