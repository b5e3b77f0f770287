/* test-stations-review-rules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "stations/ed-review-rules.h"

/* The statutory timing of reviews of polling districts and places (DOMAIN.md §3.2, §3.3):
 * RPA 1983 s.18C as ERAA 2013 s.17 made it, and the 30 days of RPA 1983 Sch A1. */

static GDate
day (GDateDay   d,
     GDateMonth m,
     GDateYear  y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
assert_day (const GDate *date,
            GDateDay     d,
            GDateMonth   m,
            GDateYear    y)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, d);
  g_assert_cmpuint (g_date_get_month (date), ==, m);
  g_assert_cmpuint (g_date_get_year (date), ==, y);
}

/* "16 months beginning with 1 October 2013 and … 1 October of every fifth year after": the
 * windows of DOMAIN.md §3.2, 2013, 2018 and 2023 as published, 2028 as derived, each from its
 * first to its last day and not a day either side. */
static void
test_windows (void)
{
  static const GDateYear years[] = { 2013, 2018, 2023, 2028, 2033 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDateYear y = years[i];
      GDate before = day (30, G_DATE_SEPTEMBER, y);
      GDate opens = day (1, G_DATE_OCTOBER, y);
      GDate middle = day (29, G_DATE_FEBRUARY, 2024);
      GDate closes = day (31, G_DATE_JANUARY, y + 2);
      GDate after = day (1, G_DATE_FEBRUARY, y + 2);
      GDate first;
      GDate last;

      g_assert_false (ed_review_window_containing (&before, &first, &last));
      g_assert_true (ed_review_window_containing (&opens, &first, &last));
      assert_day (&first, 1, G_DATE_OCTOBER, y);
      assert_day (&last, 31, G_DATE_JANUARY, y + 2);
      g_assert_true (ed_review_window_containing (&closes, &first, &last));
      assert_day (&first, 1, G_DATE_OCTOBER, y);
      g_assert_false (ed_review_window_containing (&after, NULL, NULL));

      /* The next window from the day before one opens is that one; from the day after one
       * closes, the one five years on. */
      ed_review_window_next (&before, &first, &last);
      assert_day (&first, 1, G_DATE_OCTOBER, y);
      ed_review_window_next (&after, &first, &last);
      assert_day (&first, 1, G_DATE_OCTOBER, y + 5);
      assert_day (&last, 31, G_DATE_JANUARY, y + 7);

      /* A leap day inside the 2023 window. */
      if (y == 2023)
        {
          g_assert_true (ed_review_window_containing (&middle, &first, &last));
          assert_day (&first, 1, G_DATE_OCTOBER, 2023);
        }
    }
}

/* Before the first window there is none to be in; the next is the first. */
static void
test_before_first_window (void)
{
  GDate old = day (1, G_DATE_JANUARY, 2010);
  GDate first;
  GDate last;

  g_assert_false (ed_review_window_containing (&old, &first, &last));
  ed_review_window_next (&old, &first, &last);
  assert_day (&first, 1, G_DATE_OCTOBER, 2013);
  assert_day (&last, 31, G_DATE_JANUARY, 2015);
}

/* A compulsory review must start and finish within one window (s.18C(1)). */
static void
test_compulsory_dates (void)
{
  GDate start = day (2, G_DATE_OCTOBER, 2028);
  GDate last_day = day (31, G_DATE_JANUARY, 2030);
  GDate too_late = day (1, G_DATE_FEBRUARY, 2030);
  GDate between = day (1, G_DATE_MARCH, 2027);
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_review_compulsory_dates_check (&start, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ed_review_compulsory_dates_check (&start, &last_day, &error));
  g_assert_no_error (error);

  g_assert_false (ed_review_compulsory_dates_check (&start, &too_late, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW);
  g_assert_nonnull (strstr (error->message, "1 February 2030"));
  g_assert_nonnull (strstr (error->message, "31 January 2030"));
  g_clear_error (&error);

  /* Between windows: the message names the next one and the way out. */
  g_assert_false (ed_review_compulsory_dates_check (&between, NULL, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW);
  g_assert_nonnull (strstr (error->message, "1 October 2028"));
  g_assert_nonnull (strstr (error->message, "31 January 2030"));
  g_assert_nonnull (strstr (error->message, "interim"));
}

/* The (A)RO's representations are published within 30 days of receipt (Sch A1). */
static void
test_aro_deadline (void)
{
  GDate received = day (10, G_DATE_OCTOBER, 2028);
  GDate january = day (31, G_DATE_JANUARY, 2029);
  GDate deadline;

  ed_review_aro_publication_deadline (&received, &deadline);
  assert_day (&deadline, 9, G_DATE_NOVEMBER, 2028);
  ed_review_aro_publication_deadline (&january, &deadline);
  assert_day (&deadline, 2, G_DATE_MARCH, 2029);
}

static EdReviewCheck *
check_of (GPtrArray    *checks,
          EdReviewStep  step)
{
  for (guint i = 0; i < checks->len; i++)
    {
      EdReviewCheck *check = g_ptr_array_index (checks, i);

      if (check->step == step)
        return check;
    }
  g_assert_not_reached ();
}

/* The 30 days in the checklist: the 30th day is in time, the 31st late, and an unpublished
 * set is late only once the 30th day has passed. */
static void
test_checklist_aro (void)
{
  EdReviewDates dates;
  GDate today = day (1, G_DATE_DECEMBER, 2028);
  GDate on_deadline = day (9, G_DATE_NOVEMBER, 2028);
  GDate day_after = day (10, G_DATE_NOVEMBER, 2028);
  g_autoptr(GPtrArray) checks = NULL;
  EdReviewCheck *check;

  ed_review_dates_init (&dates, ED_REVIEW_INTERIM);
  dates.steps[ED_REVIEW_STEP_STARTED] = day (2, G_DATE_OCTOBER, 2028);

  /* Nothing received: waiting, not late. */
  checks = ed_review_checklist (&dates, &today);
  g_assert_cmpuint (checks->len, ==, 4);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_ARO_PUBLISHED)->state, ==,
                   ED_REVIEW_CHECK_WAITING);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_NOTICE_PUBLISHED)->state, ==,
                   ED_REVIEW_CHECK_TO_DO);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED)->state, ==,
                   ED_REVIEW_CHECK_TO_DO);
  g_clear_pointer (&checks, g_ptr_array_unref);

  dates.steps[ED_REVIEW_STEP_ARO_RECEIVED] = day (10, G_DATE_OCTOBER, 2028);
  checks = ed_review_checklist (&dates, &on_deadline);
  check = check_of (checks, ED_REVIEW_STEP_ARO_PUBLISHED);
  g_assert_cmpint (check->state, ==, ED_REVIEW_CHECK_TO_DO);
  assert_day (&check->deadline, 9, G_DATE_NOVEMBER, 2028);
  g_assert_nonnull (strstr (check->text, "9 November 2028"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  checks = ed_review_checklist (&dates, &day_after);
  check = check_of (checks, ED_REVIEW_STEP_ARO_PUBLISHED);
  g_assert_cmpint (check->state, ==, ED_REVIEW_CHECK_LATE);
  g_assert_true (g_str_has_prefix (check->text, "Late"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED] = on_deadline;
  checks = ed_review_checklist (&dates, &today);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_ARO_PUBLISHED)->state, ==,
                   ED_REVIEW_CHECK_DONE);
  g_clear_pointer (&checks, g_ptr_array_unref);

  dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED] = day_after;
  checks = ed_review_checklist (&dates, &today);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_ARO_PUBLISHED)->state, ==,
                   ED_REVIEW_CHECK_LATE);
}

/* A compulsory review's checklist adds completion within its window. */
static void
test_checklist_window (void)
{
  EdReviewDates dates;
  GDate in_window = day (1, G_DATE_DECEMBER, 2029);
  GDate after_window = day (1, G_DATE_FEBRUARY, 2030);
  g_autoptr(GPtrArray) checks = NULL;
  EdReviewCheck *check;

  ed_review_dates_init (&dates, ED_REVIEW_COMPULSORY);
  dates.steps[ED_REVIEW_STEP_STARTED] = day (2, G_DATE_OCTOBER, 2028);
  dates.steps[ED_REVIEW_STEP_NOTICE_PUBLISHED] = day (2, G_DATE_OCTOBER, 2028);
  checks = ed_review_checklist (&dates, &in_window);
  g_assert_cmpuint (checks->len, ==, 5);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_NOTICE_PUBLISHED)->state, ==,
                   ED_REVIEW_CHECK_DONE);
  check = check_of (checks, ED_REVIEW_STEP_COMPLETED);
  g_assert_cmpint (check->state, ==, ED_REVIEW_CHECK_TO_DO);
  assert_day (&check->deadline, 31, G_DATE_JANUARY, 2030);
  g_clear_pointer (&checks, g_ptr_array_unref);

  checks = ed_review_checklist (&dates, &after_window);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_COMPLETED)->state, ==,
                   ED_REVIEW_CHECK_LATE);
  g_clear_pointer (&checks, g_ptr_array_unref);

  dates.steps[ED_REVIEW_STEP_COMPLETED] = day (24, G_DATE_JANUARY, 2030);
  checks = ed_review_checklist (&dates, &after_window);
  g_assert_cmpint (check_of (checks, ED_REVIEW_STEP_COMPLETED)->state, ==,
                   ED_REVIEW_CHECK_DONE);
}

/* What a review may store: no step before the start, nothing done after today (planned steps
 * may be), publication after receipt, and the compulsory window. */
static void
test_dates_check (void)
{
  EdReviewDates dates;
  GDate today = day (2, G_DATE_JANUARY, 2029);
  g_autoptr(GError) error = NULL;

  ed_review_dates_init (&dates, ED_REVIEW_COMPULSORY);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_INCOMPLETE);
  g_clear_error (&error);

  dates.steps[ED_REVIEW_STEP_STARTED] = day (2, G_DATE_OCTOBER, 2028);
  g_assert_true (ed_review_dates_check (&dates, &today, &error));
  g_assert_no_error (error);

  dates.steps[ED_REVIEW_STEP_NOTICE_PUBLISHED] = day (1, G_DATE_OCTOBER, 2028);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_assert_true (g_str_has_prefix (error->message, "Notice of review published"));
  g_clear_error (&error);
  dates.steps[ED_REVIEW_STEP_NOTICE_PUBLISHED] = day (3, G_DATE_OCTOBER, 2028);

  /* Done in the future: refused. Planned in the future: kept. */
  dates.steps[ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED] = day (3, G_DATE_JANUARY, 2029);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_clear_error (&error);
  g_date_clear (&dates.steps[ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED], 1);
  dates.steps[ED_REVIEW_STEP_COMMITTEE] = day (24, G_DATE_JANUARY, 2029);
  g_assert_true (ed_review_dates_check (&dates, &today, &error));
  g_assert_no_error (error);

  /* Published with no receipt, or before it. */
  dates.steps[ED_REVIEW_STEP_ARO_PUBLISHED] = day (1, G_DATE_NOVEMBER, 2028);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_clear_error (&error);
  dates.steps[ED_REVIEW_STEP_ARO_RECEIVED] = day (2, G_DATE_NOVEMBER, 2028);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
  g_clear_error (&error);
  dates.steps[ED_REVIEW_STEP_ARO_RECEIVED] = day (20, G_DATE_OCTOBER, 2028);
  g_assert_true (ed_review_dates_check (&dates, &today, &error));
  g_assert_no_error (error);

  /* Completed after the window: refused for a compulsory review, kept for an interim. */
  today = day (1, G_DATE_MARCH, 2030);
  dates.steps[ED_REVIEW_STEP_COMPLETED] = day (1, G_DATE_FEBRUARY, 2030);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW);
  g_clear_error (&error);
  dates.kind = ED_REVIEW_INTERIM;
  g_assert_true (ed_review_dates_check (&dates, &today, &error));
  g_assert_no_error (error);

  /* Changes cannot take effect before the review is completed. */
  dates.steps[ED_REVIEW_STEP_IMPLEMENTED] = day (31, G_DATE_JANUARY, 2030);
  g_assert_false (ed_review_dates_check (&dates, &today, &error));
  g_assert_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE);
}

/* Whose names the published documents show: office holders and bodies, not private
 * individuals. */
static void
test_named_kinds (void)
{
  g_assert_true (ed_representation_kind_is_named (ED_REPRESENTATION_ARO));
  g_assert_true (ed_representation_kind_is_named (ED_REPRESENTATION_COUNCILLOR));
  g_assert_true (ed_representation_kind_is_named (ED_REPRESENTATION_ACCESS_EXPERT));
  g_assert_true (ed_representation_kind_is_named (ED_REPRESENTATION_PARISH_COUNCIL));
  g_assert_false (ed_representation_kind_is_named (ED_REPRESENTATION_ELECTOR));
  g_assert_false (ed_representation_kind_is_named (ED_REPRESENTATION_OTHER));
}

/* Each step has a name for people and a distinct one for the command line. */
static void
test_step_names (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      g_assert_cmpstr (ed_review_step_get_display_name (step), !=, "");
      g_assert_true (g_hash_table_add (seen, (gpointer)ed_review_step_get_option_name (step)));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stations/review-rules/windows", test_windows);
  g_test_add_func ("/stations/review-rules/before-first-window", test_before_first_window);
  g_test_add_func ("/stations/review-rules/compulsory-dates", test_compulsory_dates);
  g_test_add_func ("/stations/review-rules/aro-deadline", test_aro_deadline);
  g_test_add_func ("/stations/review-rules/checklist-aro", test_checklist_aro);
  g_test_add_func ("/stations/review-rules/checklist-window", test_checklist_window);
  g_test_add_func ("/stations/review-rules/dates-check", test_dates_check);
  g_test_add_func ("/stations/review-rules/named-kinds", test_named_kinds);
  g_test_add_func ("/stations/review-rules/step-names", test_step_names);
  return g_test_run ();
}
