/* test-register-revise-preview.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/ed-date.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-revise-preview.h"
#include "register/ed-register-revise.h"
#include "ed-test-register.h"

static void
assert_default (const char *today_iso,
                const char *expected)
{
  GDate today = ed_test_date (today_iso);
  g_autofree char *iso = NULL;
  GDate date;

  ed_register_revise_default_date (&today, &date);
  iso = ed_date_format_iso (&date);
  g_assert_cmpstr (iso, ==, expected);
}

/* DOMAIN.md §1.4: the revised register is published by 1 December of the canvass year. The
 * one offered is this year's until the day has passed, then next year's. */
static void
test_default_date (void)
{
  assert_default ("2026-01-01", "2026-12-01");
  assert_default ("2026-07-15", "2026-12-01");
  assert_default ("2026-11-30", "2026-12-01");
  assert_default ("2026-12-01", "2026-12-01");
  assert_default ("2026-12-02", "2027-12-01");
  assert_default ("2026-12-31", "2027-12-01");
}

/* The preview of 1 December 2026 counts what ed_register_revise() then does: a pending
 * addition determined by 30 November joins, one determined on 1 December waits; a pending
 * deletion determined in time leaves, one never determined stays; an amendment is published
 * too. Its cut-offs are DOMAIN.md §1.4's: determinations by Monday 30 November, applications
 * by the 6th working day before that, Friday 20 November. */
static void
test_counts_match_revise (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *ab = ed_test_register_add_district (context, "AB", "Brook");
  g_autofree char *ac = ed_test_register_add_district (context, "AC", "Church");
  g_autofree char *abbey = ed_test_register_add_property (context, aa, "1", "Abbey Road");
  g_autofree char *brook = ed_test_register_add_property (context, ab, "1", "Brook Street");
  g_autofree char *church = ed_test_register_add_property (context, ac, "1", "Church Lane");
  g_autofree char *ann = ed_test_register_add_elector (context, aa, abbey, "AA", 1, 0, "Ash",
                                                       "Ann", "current", 0);
  g_autofree char *bob = ed_test_register_add_elector (context, aa, abbey, "AA", 1, 1, "Ash",
                                                       "Bob", "pending_addition", 0);
  g_autofree char *cat = ed_test_register_add_elector (context, aa, abbey, "AA", 1, 2, "Ash",
                                                       "Cat", "pending_addition", 0);
  g_autofree char *dan = ed_test_register_add_elector (context, ab, brook, "AB", 1, 0, "Birch",
                                                       "Dan", "pending_deletion", 0);
  g_autofree char *eve = ed_test_register_add_elector (context, ab, brook, "AB", 2, 0, "Birch",
                                                       "Eve", "pending_deletion", 0);
  g_autofree char *fay = ed_test_register_add_elector (context, ac, church, "AC", 1, 0, "Cole",
                                                       "Fay", "pending_deletion", 0);
  g_autofree char *deadline = NULL;
  g_autofree char *last_application = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date ("2026-12-01");
  EdRevisePreview preview;
  EdReviseSummary summary;

  g_free (ed_test_register_add_alteration (context, bob, "addition", "2026-11-30", "", ""));
  g_free (ed_test_register_add_alteration (context, cat, "addition", "2026-12-01", "", ""));
  g_free (ed_test_register_add_alteration (context, dan, "deletion", "2026-11-02", "moved", ""));
  g_free (ed_test_register_add_alteration (context, fay, "deletion", "2026-11-12", "died", ""));
  g_free (ed_test_register_add_alteration (context, ann, "amendment", "2026-11-20", "", "name"));

  g_assert_true (ed_register_revise_preview (context, &date, &preview, &error));
  g_assert_no_error (error);
  deadline = ed_date_format_iso (&preview.dates.determination);
  last_application = ed_date_format_iso (&preview.dates.last_application);
  g_assert_cmpstr (deadline, ==, "2026-11-30");
  g_assert_cmpstr (last_application, ==, "2026-11-20");
  g_assert_cmpuint (preview.n_alterations, ==, 4);
  g_assert_cmpuint (preview.n_added, ==, 1);
  g_assert_cmpuint (preview.n_deleted, ==, 2);
  g_assert_cmpuint (preview.n_left_pending, ==, 1);
  g_assert_cmpuint (preview.n_electors, ==, 3);    /* Ann, Bob and Eve */
  g_assert_cmpuint (preview.n_parts, ==, 2);       /* Church's only elector leaves */

  g_assert_true (ed_register_revise (context, &date, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_alterations, ==, preview.n_alterations);
  g_assert_cmpuint (summary.n_added, ==, preview.n_added);
  g_assert_cmpuint (summary.n_deleted, ==, preview.n_deleted);
  g_assert_cmpuint (summary.n_left_pending, ==, preview.n_left_pending);
  g_assert_cmpuint (summary.n_electors, ==, preview.n_electors);
  g_assert_cmpuint (summary.n_parts, ==, preview.n_parts);

  /* Once published, the same date is refused, as the revision itself would refuse it. */
  g_assert_false (ed_register_revise_preview (context, &date, &preview, &error));
  g_assert_error (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED);
}

/* A register with nothing waiting still has its entries to renumber. */
static void
test_nothing_waiting (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "1", "Abbey Road");
  g_autofree char *ann = ed_test_register_add_elector (context, aa, home, "AA", 3, 1, "Ash",
                                                       "Ann", "current", 0);
  g_autofree char *bob = ed_test_register_add_elector (context, aa, "", "AA", 7, 0, "Birch",
                                                       "Bob", "current", ED_TEST_ELECTOR_OTHER);
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = ed_test_date ("2027-12-01");
  EdRevisePreview preview;

  g_assert_true (ed_register_revise_preview (context, &date, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_electors, ==, 2);
  g_assert_cmpuint (preview.n_parts, ==, 1);
  g_assert_cmpuint (preview.n_alterations, ==, 0);
  g_assert_cmpuint (preview.n_left_pending, ==, 0);

  /* Previewing writes nothing. */
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/revise-preview/default-date", test_default_date);
  ED_TEST_ADD ("/register/revise-preview/counts-match-revise", test_counts_match_revise);
  ED_TEST_ADD ("/register/revise-preview/nothing-waiting", test_nothing_waiting);
  return g_test_run ();
}
