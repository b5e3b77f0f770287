/* test-register-revise.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "register/ed-register-notice.h"
#include "register/ed-register-order.h"
#include "register/ed-register-revise.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

static char *
number_of (EdContext  *context,
           const char *elector)
{
  return ed_test_register_get (context,
                               "SELECT number_prefix || number || CASE WHEN number_suffix > 0 "
                               "THEN '/' || number_suffix ELSE '' END "
                               "FROM elector WHERE id = ?1",
                               elector);
}

static void
assert_number (EdContext  *context,
               const char *elector,
               const char *expected)
{
  g_autofree char *number = number_of (context, elector);

  g_assert_cmpstr (number, ==, expected);
}

/* DOMAIN.md §1.1 and §1.4: the revised register of 1 December numbers each part afresh in
 * street order (streets alphabetically, properties numbered first then named, a building
 * before its flats, a household in its old order), then Other electors alphabetically, then
 * anonymous entries; suffixes are cleared; and every change determined by 30 November is
 * published with it. A change determined after waits for the next notice. */
static void
test_resequences_in_statutory_order (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *ab = ed_test_register_add_district (context, "AB", "Brook");
  g_autofree char *church_2 = ed_test_register_add_property (context, aa, "2", "Church Road");
  g_autofree char *church_10 = ed_test_register_add_property (context, aa, "10", "Church Road");
  g_autofree char *flat_1 = ed_test_register_add_property (context, aa, "Flat 1, 10",
                                                           "Church Road");
  g_autofree char *flat_2 = ed_test_register_add_property (context, aa, "Flat 2, 10",
                                                           "Church Road");
  g_autofree char *mill_house = ed_test_register_add_property (context, aa, "Mill House",
                                                               "Church Road");
  g_autofree char *abbey_5 = ed_test_register_add_property (context, aa, "5", "Abbey Road");
  g_autofree char *brook_1 = ed_test_register_add_property (context, ab, "1", "Brook Street");
  g_autofree char *smith = ed_test_register_add_elector (context, aa, church_10, "AA", 1, 0,
                                                         "Smith", "Sam", "current", 0);
  g_autofree char *jones = ed_test_register_add_elector (context, aa, church_2, "AA", 2, 0,
                                                         "Jones", "Jo", "current", 0);
  g_autofree char *brown = ed_test_register_add_elector (context, aa, abbey_5, "AA", 3, 0,
                                                         "Brown", "Bea", "current", 0);
  g_autofree char *patel = ed_test_register_add_elector (context, aa, flat_2, "AA", 4, 0,
                                                         "Patel", "Pia", "current", 0);
  g_autofree char *king = ed_test_register_add_elector (context, aa, flat_1, "AA", 5, 0,
                                                        "King", "Kim", "current", 0);
  g_autofree char *ward = ed_test_register_add_elector (context, aa, mill_house, "AA", 6, 0,
                                                        "Ward", "Wyn", "current", 0);
  g_autofree char *jay = ed_test_register_add_elector (context, aa, church_2, "AA", 2, 1,
                                                       "Jones", "Jay", "pending_addition", 0);
  g_autofree char *zeta = ed_test_register_add_elector (context, aa, "", "AA", 7, 0, "Zeta",
                                                        "Zed", "current", ED_TEST_ELECTOR_OTHER);
  g_autofree char *adams = ed_test_register_add_elector (context, aa, "", "AA", 8, 0, "Adams",
                                                         "Al", "current", ED_TEST_ELECTOR_OTHER);
  g_autofree char *anon = ed_test_register_add_elector (context, aa, church_2, "AA", 9, 0,
                                                        "Quiet", "Quin", "current",
                                                        ED_TEST_ELECTOR_ANONYMOUS);
  g_autofree char *anon_other = ed_test_register_add_elector (context, aa, "", "AA", 10, 0,
                                                              "Aaron", "Ava", "current",
                                                              ED_TEST_ELECTOR_ANONYMOUS |
                                                              ED_TEST_ELECTOR_OTHER);
  g_autofree char *leaving = ed_test_register_add_elector (context, aa, abbey_5, "AA", 11, 0,
                                                           "Brown", "Bob", "pending_deletion", 0);
  g_autofree char *late = ed_test_register_add_elector (context, aa, church_2, "AA", 2, 2,
                                                        "Jones", "Jem", "pending_addition", 0);
  g_autofree char *brook = ed_test_register_add_elector (context, ab, brook_1, "AB", 3, 2,
                                                         "Green", "Gil", "current", 0);
  g_autofree char *jay_alteration = NULL;
  g_autofree char *late_alteration = NULL;
  g_autofree char *revised = NULL;
  g_autofree char *jay_notice = NULL;
  g_autofree char *late_notice = NULL;
  g_autofree char *status = NULL;
  g_autofree char *late_status = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *n_suffixed = NULL;
  g_autoptr(GError) error = NULL;
  EdReviseSummary summary;
  GDate date = ed_test_date ("2026-12-01");

  jay_alteration = ed_test_register_add_alteration (context, jay, "addition", "2026-11-20", "",
                                                    "");
  g_free (ed_test_register_add_alteration (context, leaving, "deletion", "2026-11-30", "moved",
                                           ""));
  late_alteration = ed_test_register_add_alteration (context, late, "addition", "2026-12-01",
                                                     "", "");

  g_assert_true (ed_register_revise (context, &date, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  assert_number (context, brown, "AA1");       /* Abbey Road */
  assert_number (context, jones, "AA2");       /* Church Road: 2 */
  assert_number (context, jay, "AA3");         /* 2, after the household, no suffix */
  assert_number (context, smith, "AA4");       /* 10 */
  assert_number (context, king, "AA5");        /* Flat 1, 10 */
  assert_number (context, patel, "AA6");       /* Flat 2, 10 */
  assert_number (context, ward, "AA7");        /* Mill House: named after numbered */
  assert_number (context, adams, "AA8");       /* Other electors, alphabetically */
  assert_number (context, zeta, "AA9");
  assert_number (context, anon, "AA10");       /* anonymous entries last */
  assert_number (context, anon_other, "AA11");
  assert_number (context, late, "AA12");       /* not in this register: after it */
  assert_number (context, brook, "AB1");

  n_suffixed = ed_test_register_get (context,
                                     "SELECT count(*) FROM elector WHERE number_suffix <> 0",
                                     NULL);
  g_assert_cmpstr (n_suffixed, ==, "0");

  revised = ed_test_register_get (context,
                                  "SELECT id FROM register_notice WHERE kind = 'revised' AND "
                                  "publication_date = '2026-12-01' AND published = 1",
                                  NULL);
  g_assert_nonnull (revised);
  jay_notice = ed_test_register_get (context,
                                     "SELECT notice FROM register_alteration WHERE id = ?1",
                                     jay_alteration);
  g_assert_cmpstr (jay_notice, ==, revised);
  late_notice = ed_test_register_get (context,
                                      "SELECT notice FROM register_alteration WHERE id = ?1",
                                      late_alteration);
  g_assert_cmpstr (late_notice, ==, "");
  status = ed_test_register_get (context, "SELECT status FROM elector WHERE id = ?1", jay);
  g_assert_cmpstr (status, ==, "current");
  late_status = ed_test_register_get (context, "SELECT status FROM elector WHERE id = ?1", late);
  g_assert_cmpstr (late_status, ==, "pending_addition");
  gone = ed_test_register_get (context, "SELECT id FROM elector WHERE id = ?1", leaving);
  g_assert_null (gone);

  g_assert_cmpuint (summary.n_parts, ==, 2);
  g_assert_cmpuint (summary.n_electors, ==, 12);
  g_assert_cmpuint (summary.n_left_pending, ==, 1);
  g_assert_cmpuint (summary.n_alterations, ==, 2);
  g_assert_cmpuint (summary.n_added, ==, 1);
  g_assert_cmpuint (summary.n_deleted, ==, 1);
}

static const char parts_sql[] =
  "SELECT e.number_prefix, e.number, e.number_suffix, e.anonymous, "
  "  p.id IS NOT NULL AND NOT e.other_elector, coalesce (p.street, ''), "
  "  coalesce (p.property, ''), e.surname, e.forenames "
  "FROM elector AS e LEFT JOIN property AS p ON p.id = e.property "
  "ORDER BY e.number_prefix, e.number";

/* The revised register is numbered in exactly the order ed_register_entry_compare() gives
 * (DOMAIN.md §1.1), across a demo district's streets, flats, named houses, Other electors and
 * anonymous entries: each entry sorts after the one numbered before it, and each part runs
 * from 1 with no gap and no suffix. */
static void
test_matches_statutory_comparator (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, 1500);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  EdRegisterEntryKey previous = { 0 };
  char *previous_strings[4] = { NULL };
  EdReviseSummary summary;
  GDate date = ed_test_date ("2026-12-01");
  guint n = 0;

  g_assert_true (ed_register_revise (context, &date, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_electors, ==, 1500);
  g_assert_cmpuint (summary.n_renumbered, >, 0);

  stmt = ed_database_prepare (ed_context_get_database (context), parts_sql, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EdRegisterEntryKey key = { 0 };
      char *strings[4];
      const char *prefix = (const char *)sqlite3_column_text (stmt, 0);
      gboolean new_part = n == 0 || g_strcmp0 (prefix, previous.number.prefix) != 0;

      for (guint i = 0; i < 4; i++)
        strings[i] = g_strdup ((const char *)sqlite3_column_text (stmt, 5 + i));
      g_assert_true (ed_elector_number_set (&key.number, prefix,
                                            (guint32)sqlite3_column_int64 (stmt, 1),
                                            (guint32)sqlite3_column_int64 (stmt, 2), NULL));
      key.section = ed_register_section_for (sqlite3_column_int (stmt, 3) != 0,
                                             sqlite3_column_int (stmt, 4) != 0);
      key.street = strings[0];
      key.property = strings[1];
      key.surname = strings[2];
      key.forenames = strings[3];

      g_assert_cmpuint (key.number.suffix, ==, 0);
      if (new_part)
        g_assert_cmpuint (key.number.number, ==, 1);
      else
        {
          g_assert_cmpuint (key.number.number, ==, previous.number.number + 1);
          g_assert_cmpint (ed_register_entry_compare (&previous, &key), <, 0);
        }

      for (guint i = 0; i < 4; i++)
        g_free (previous_strings[i]);
      memcpy (previous_strings, strings, sizeof strings);
      previous = key;
      n++;
    }
  for (guint i = 0; i < 4; i++)
    g_free (previous_strings[i]);
  g_assert_cmpuint (n, ==, 1500);
}

/* A revised register is published once, and after it no notice dated before it can be: the
 * refusals leave the district exactly as it was. */
static void
test_refused_twice (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "1", "Abbey Road");
  g_autofree char *elector = ed_test_register_add_elector (context, aa, home, "AA", 4, 1,
                                                           "Smith", "Sam", "current", 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date ("2026-12-01");
  GDate november = ed_test_date ("2026-11-02");

  g_assert_true (ed_register_revise (context, &date, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_number (context, elector, "AA1");
  before = ed_test_register_state_hash (context);

  g_assert_false (ed_register_revise (context, &date, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED);
  g_clear_error (&error);
  g_assert_false (ed_register_notice_publish_full (context, &november, ED_NOTICE_FLAGS_OPTIONAL,
                                                   fixture->dir, NULL, NULL, NULL, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED);

  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
}

/* A cancelled revision leaves the district as it was (DESIGN.md §6). */
static void
test_cancel_changes_nothing (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "1", "Abbey Road");
  g_autofree char *elector = ed_test_register_add_elector (context, aa, home, "AA", 4, 1,
                                                           "Smith", "Sam", "current", 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date ("2026-12-01");

  g_cancellable_cancel (cancellable);
  g_assert_false (ed_register_revise (context, &date, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
  assert_number (context, elector, "AA4/1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register/revise/resequences-in-statutory-order",
               test_resequences_in_statutory_order);
  ED_TEST_ADD ("/register/revise/matches-statutory-comparator",
               test_matches_statutory_comparator);
  ED_TEST_ADD ("/register/revise/refused-twice", test_refused_twice);
  ED_TEST_ADD ("/register/revise/cancel-changes-nothing", test_cancel_changes_nothing);
  return g_test_run ();
}
