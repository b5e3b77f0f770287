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
#include "ed-test-vocab.h"

#define ELECTIONS_SQL "/org/electoraldesk/ElectoralDesk/elections/sql/0015-elections.sql"

ED_TEST_VOCAB_WRAP (election_kind, EdElectionKind)
ED_TEST_VOCAB_WRAP (contest_area, EdContestArea)
ED_TEST_VOCAB_WRAP (timetable_event, EdTimetableEvent)
ED_TEST_VOCAB_WRAP (poll_card_variant, EdPollCardVariant)
ED_TEST_VOCAB_WRAP (poll_card_layout, EdPollCardLayout)
ED_TEST_VOCAB_WRAP (poll_card_order, EdPollCardOrder)
ED_TEST_VOCAB_WRAP (poll_card_run_kind, EdPollCardRunKind)

#define FUNCS ED_TEST_VOCAB_FUNCS

static const EdTestVocabulary vocabularies[] = {
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
  ed_test_vocab_assert_round_trip (vocabularies, G_N_ELEMENTS (vocabularies));
}

static void
test_unknown_refused (void)
{
  static const char *unknown[] = { "", "unknown", "Local", " local", "local ", "by-election",
                                   "notice of election", NULL };

  ed_test_vocab_assert_unknown_refused (vocabularies, G_N_ELEMENTS (vocabularies), unknown);
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

/* Each stored enum and the values the SQL lists beside its column are the same values, and
 * the column's DEFAULT is one of them; the country column lists the district's countries. */
static void
test_agrees_with_sql (void)
{
  g_autoptr(GHashTable) columns = ed_test_vocab_read_module_sql (ed_elections_add_schema, ELECTIONS_SQL);
  guint n_checked = ed_test_vocab_assert_agrees_with_sql (vocabularies,
                                                          G_N_ELEMENTS (vocabularies), columns,
                                                          "0015-elections.sql");

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
