/* ed-review-rules.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* When a review of polling districts and places may run, what it must do, and by when
 * (DOMAIN.md §3.2, §3.3). The constants and the citations are in ed-review-rules.h. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "stations/ed-review-rules.h"

G_DEFINE_QUARK (ed-review-error-quark, ed_review_error)

static const struct
{
  const char *option;
  const char *name;
} steps[] = {
  [ED_REVIEW_STEP_STARTED] = { "started", N_("Review started") },
  [ED_REVIEW_STEP_NOTICE_PUBLISHED] = { "notice-published", N_("Notice of review published") },
  [ED_REVIEW_STEP_CONSULTATION_CLOSES] = { "consultation-closes", N_("Consultation closes") },
  [ED_REVIEW_STEP_ARO_RECEIVED] =
    { "aro-received", N_("(Acting) Returning Officer’s representations received") },
  [ED_REVIEW_STEP_ARO_PUBLISHED] =
    { "aro-published", N_("(Acting) Returning Officer’s representations published") },
  [ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED] =
    { "access-experts-consulted", N_("Access experts consulted") },
  [ED_REVIEW_STEP_COMMITTEE] = { "committee", N_("Committee meeting") },
  [ED_REVIEW_STEP_COMPLETED] = { "completed", N_("Review completed") },
  [ED_REVIEW_STEP_IMPLEMENTED] = { "implemented", N_("Changes take effect") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (steps) == ED_N_REVIEW_STEPS);

/**
 * ed_review_step_get_display_name:
 * @step: a step of a review
 *
 * Returns: the step as a person names it, translated
 */
const char *
ed_review_step_get_display_name (EdReviewStep step)
{
  g_return_val_if_fail (step < ED_N_REVIEW_STEPS, "");
  return _(steps[step].name);
}

/**
 * ed_review_step_get_option_name:
 * @step: a step of a review
 *
 * Returns: the step's name on the command line, without its dashes ("notice-published")
 */
const char *
ed_review_step_get_option_name (EdReviewStep step)
{
  g_return_val_if_fail (step < ED_N_REVIEW_STEPS, "");
  return steps[step].option;
}

/**
 * ed_review_dates_init:
 * @dates: the dates to clear
 * @kind: the review's kind
 */
void
ed_review_dates_init (EdReviewDates *dates,
                      EdReviewKind   kind)
{
  g_return_if_fail (dates != NULL);

  dates->kind = kind;
  g_date_clear (dates->steps, ED_N_REVIEW_STEPS);
}

/* The window that opens on 1 October of @year: 16 months, to 31 January two years on. */
static void
window_of_year (GDateYear  year,
                GDate     *out_first,
                GDate     *out_last)
{
  if (out_first != NULL)
    {
      g_date_clear (out_first, 1);
      g_date_set_dmy (out_first, 1, G_DATE_OCTOBER, year);
    }
  if (out_last != NULL)
    {
      g_date_clear (out_last, 1);
      g_date_set_dmy (out_last, 1, G_DATE_OCTOBER, year);
      g_date_add_months (out_last, ED_REVIEW_WINDOW_MONTHS);
      g_date_subtract_days (out_last, 1);
    }
}

/* The year whose window is the last to open on or before @date's year. A window runs into the
 * second year after it opens, and the next opens five years on, so the one that can hold
 * @date is this one. */
static GDateYear
window_year_at_or_before (const GDate *date)
{
  GDateYear year = g_date_get_year (date);

  return ED_REVIEW_FIRST_WINDOW_YEAR +
         (year - ED_REVIEW_FIRST_WINDOW_YEAR) / ED_REVIEW_WINDOW_PERIOD_YEARS *
         ED_REVIEW_WINDOW_PERIOD_YEARS;
}

/**
 * ed_review_window_containing:
 * @date: a date
 * @out_first: (out) (optional): the window's first day
 * @out_last: (out) (optional): its last day
 *
 * Finds the compulsory review window that @date falls in (RPA 1983 s.18C).
 *
 * Returns: whether @date is inside a window; if not, the out dates are left alone
 */
gboolean
ed_review_window_containing (const GDate *date,
                             GDate       *out_first,
                             GDate       *out_last)
{
  GDate first;
  GDate last;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_get_year (date) < ED_REVIEW_FIRST_WINDOW_YEAR)
    return FALSE;
  window_of_year (window_year_at_or_before (date), &first, &last);
  if (g_date_compare (date, &first) < 0 || g_date_compare (date, &last) > 0)
    return FALSE;
  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = last;
  return TRUE;
}

/**
 * ed_review_window_next:
 * @date: a date
 * @out_first: (out): the window's first day
 * @out_last: (out): its last day
 *
 * Finds the compulsory review window @date falls in, or else the next to open after it.
 */
void
ed_review_window_next (const GDate *date,
                       GDate       *out_first,
                       GDate       *out_last)
{
  GDateYear year;
  GDate last;

  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_get_year (date) < ED_REVIEW_FIRST_WINDOW_YEAR)
    year = ED_REVIEW_FIRST_WINDOW_YEAR;
  else
    {
      year = window_year_at_or_before (date);
      window_of_year (year, NULL, &last);
      if (g_date_compare (date, &last) > 0)
        year += ED_REVIEW_WINDOW_PERIOD_YEARS;
    }
  window_of_year (year, out_first, out_last);
}

static char *
format_window (const GDate *first,
               const GDate *last)
{
  g_autofree char *from = ed_date_format_long (first);
  g_autofree char *to = ed_date_format_long (last);

  /* Translators: a compulsory review window, "1 October 2028 to 31 January 2030" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

/**
 * ed_review_compulsory_dates_check:
 * @started: the day the review started
 * @completed: (nullable): the day it was completed; %NULL or cleared while it is under way
 * @error: return location for an %ED_REVIEW_ERROR_OUTSIDE_WINDOW
 *
 * Checks that a compulsory review starts inside a window and, once completed, finishes inside
 * the same one (RPA 1983 s.18C as ERAA 2013 s.17 made it). The message names the window to
 * use instead.
 *
 * Returns: %TRUE if the dates are lawful
 */
gboolean
ed_review_compulsory_dates_check (const GDate  *started,
                                  const GDate  *completed,
                                  GError      **error)
{
  GDate first;
  GDate last;

  g_return_val_if_fail (started != NULL && g_date_valid (started), FALSE);

  if (!ed_review_window_containing (started, &first, &last))
    {
      g_autofree char *day = ed_date_format_long (started);
      g_autofree char *window = NULL;

      ed_review_window_next (started, &first, &last);
      window = format_window (&first, &last);
      g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW,
                   /* Translators: the first %s is a date, the second a window "1 October 2028
                    * to 31 January 2030" */
                   _("A compulsory review cannot start on %s: it must start and finish within "
                     "a review window, and the next runs from %s. Start an interim review "
                     "instead if one is needed now"),
                   day, window);
      return FALSE;
    }
  if (completed != NULL && g_date_valid (completed) &&
      (g_date_compare (completed, &first) < 0 || g_date_compare (completed, &last) > 0))
    {
      g_autofree char *day = ed_date_format_long (completed);
      g_autofree char *window = format_window (&first, &last);

      g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_OUTSIDE_WINDOW,
                   /* Translators: the first %s is a date, the second a window */
                   _("A compulsory review cannot be completed on %s: it started in the window "
                     "from %s and must be completed within it"),
                   day, window);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_review_aro_publication_deadline:
 * @received: the day the (A)RO's representations were received
 * @out_deadline: (out): the last day to publish them
 *
 * The council publishes the (A)RO's representations within 30 days of receiving them
 * (RPA 1983 Sch A1): by the 30th day after the day of receipt.
 */
void
ed_review_aro_publication_deadline (const GDate *received,
                                    GDate       *out_deadline)
{
  g_return_if_fail (received != NULL && g_date_valid (received));
  g_return_if_fail (out_deadline != NULL);

  *out_deadline = *received;
  g_date_add_days (out_deadline, ED_REVIEW_ARO_PUBLICATION_DAYS);
}

/* Steps that record something done: they cannot be later than today. The consultation's
 * close and the committee's meeting are planned ahead, and changes take effect on a date
 * set in advance. */
static gboolean
step_is_done_on (EdReviewStep step)
{
  return step != ED_REVIEW_STEP_CONSULTATION_CLOSES && step != ED_REVIEW_STEP_COMMITTEE &&
         step != ED_REVIEW_STEP_IMPLEMENTED;
}

static gboolean
bad_date (GError      **error,
          EdReviewStep  step,
          const char   *format,
          const GDate  *other_date)
{
  g_autofree char *other = ed_date_format_long (other_date);
  g_autofree char *message = g_strdup_printf (format, other);

  g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE, "%s: %s",
               ed_review_step_get_display_name (step), message);
  return FALSE;
}

/**
 * ed_review_dates_check:
 * @dates: a review's dates
 * @today: the day it is
 * @error: return location for an %ED_REVIEW_ERROR
 *
 * Checks a review's dates as they would be stored: it has started; no step comes before the
 * start; what is recorded as done is not after @today; the (A)RO's representations are not
 * published before they were received; completion and taking effect come after the start;
 * and a compulsory review starts and ends within one window
 * (ed_review_compulsory_dates_check()).
 *
 * Returns: %TRUE if the dates may be stored
 */
gboolean
ed_review_dates_check (const EdReviewDates  *dates,
                       const GDate          *today,
                       GError              **error)
{
  const GDate *started;

  g_return_val_if_fail (dates != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  started = &dates->steps[ED_REVIEW_STEP_STARTED];
  if (!g_date_valid (started))
    {
      g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_INCOMPLETE,
                           _("A review needs the date it started"));
      return FALSE;
    }
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      const GDate *day = &dates->steps[step];

      if (!g_date_valid (day))
        continue;
      if (g_date_compare (day, started) < 0)
        return bad_date (error, step, _("the date is before the review started, on %s"),
                         started);
      if (step_is_done_on (step) && g_date_compare (day, today) > 0)
        return bad_date (error, step, _("the date is after today, %s; record a step once it "
                                        "is done"), today);
    }
  if (g_date_valid (&dates->steps[ED_REVIEW_STEP_ARO_PUBLISHED]))
    {
      const GDate *received = &dates->steps[ED_REVIEW_STEP_ARO_RECEIVED];

      if (!g_date_valid (received))
        {
          g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE, "%s: %s",
                       ed_review_step_get_display_name (ED_REVIEW_STEP_ARO_PUBLISHED),
                       _("record first when the representations were received"));
          return FALSE;
        }
      if (g_date_compare (&dates->steps[ED_REVIEW_STEP_ARO_PUBLISHED], received) < 0)
        return bad_date (error, ED_REVIEW_STEP_ARO_PUBLISHED,
                         _("the date is before the representations were received, on %s"),
                         received);
    }
  if (g_date_valid (&dates->steps[ED_REVIEW_STEP_IMPLEMENTED]) &&
      g_date_valid (&dates->steps[ED_REVIEW_STEP_COMPLETED]) &&
      g_date_compare (&dates->steps[ED_REVIEW_STEP_IMPLEMENTED],
                      &dates->steps[ED_REVIEW_STEP_COMPLETED]) < 0)
    return bad_date (error, ED_REVIEW_STEP_IMPLEMENTED,
                     _("changes cannot take effect before the review was completed, on %s"),
                     &dates->steps[ED_REVIEW_STEP_COMPLETED]);
  if (dates->kind == ED_REVIEW_COMPULSORY &&
      !ed_review_compulsory_dates_check (started, &dates->steps[ED_REVIEW_STEP_COMPLETED],
                                         error))
    return FALSE;
  return TRUE;
}

void
ed_review_check_free (EdReviewCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->text);
  g_free (check);
}

static EdReviewCheck *
check_new (GPtrArray          *checks,
           EdReviewStep        step,
           EdReviewCheckState  state,
           const GDate        *deadline,
           char               *text)
{
  EdReviewCheck *check = g_new0 (EdReviewCheck, 1);

  check->step = step;
  check->state = state;
  g_date_clear (&check->deadline, 1);
  if (deadline != NULL)
    check->deadline = *deadline;
  check->text = text;
  g_ptr_array_add (checks, check);
  return check;
}

/* A step the law requires with no deadline of its own. */
static void
check_done (GPtrArray           *checks,
            const EdReviewDates *dates,
            EdReviewStep         step,
            const char          *missing)
{
  const GDate *day = &dates->steps[step];

  if (g_date_valid (day))
    {
      g_autofree char *when = ed_date_format_long (day);

      check_new (checks, step, ED_REVIEW_CHECK_DONE, NULL,
                 /* Translators: a step of a review, done on a date: "Notice of review
                  * published: 2 October 2028" */
                 g_strdup_printf (_("%s: %s"), ed_review_step_get_display_name (step), when));
    }
  else
    check_new (checks, step, ED_REVIEW_CHECK_TO_DO, NULL, g_strdup (missing));
}

static void
check_aro_published (GPtrArray           *checks,
                     const EdReviewDates *dates,
                     const GDate         *today)
{
  const GDate *received = &dates->steps[ED_REVIEW_STEP_ARO_RECEIVED];
  const GDate *published = &dates->steps[ED_REVIEW_STEP_ARO_PUBLISHED];
  g_autofree char *by = NULL;
  GDate deadline;

  if (!g_date_valid (received))
    {
      check_new (checks, ED_REVIEW_STEP_ARO_PUBLISHED, ED_REVIEW_CHECK_WAITING, NULL,
                 g_strdup (_("The (Acting) Returning Officer’s representations are to be "
                             "published within 30 days of being received; none are recorded "
                             "as received yet")));
      return;
    }
  ed_review_aro_publication_deadline (received, &deadline);
  by = ed_date_format_long (&deadline);
  if (g_date_valid (published))
    {
      g_autofree char *when = ed_date_format_long (published);

      if (g_date_compare (published, &deadline) <= 0)
        check_new (checks, ED_REVIEW_STEP_ARO_PUBLISHED, ED_REVIEW_CHECK_DONE, &deadline,
                   g_strdup_printf (_("(Acting) Returning Officer’s representations published "
                                      "on %s, within 30 days"), when));
      else
        check_new (checks, ED_REVIEW_STEP_ARO_PUBLISHED, ED_REVIEW_CHECK_LATE, &deadline,
                   g_strdup_printf (_("(Acting) Returning Officer’s representations published "
                                      "on %s, after the 30 days that ended on %s"), when, by));
    }
  else if (g_date_compare (today, &deadline) > 0)
    check_new (checks, ED_REVIEW_STEP_ARO_PUBLISHED, ED_REVIEW_CHECK_LATE, &deadline,
               g_strdup_printf (_("Late: the (Acting) Returning Officer’s representations were "
                                  "to be published by %s"), by));
  else
    check_new (checks, ED_REVIEW_STEP_ARO_PUBLISHED, ED_REVIEW_CHECK_TO_DO, &deadline,
               g_strdup_printf (_("Publish the (Acting) Returning Officer’s representations "
                                  "by %s"), by));
}

static void
check_window (GPtrArray           *checks,
              const EdReviewDates *dates,
              const GDate         *today)
{
  const GDate *started = &dates->steps[ED_REVIEW_STEP_STARTED];
  const GDate *completed = &dates->steps[ED_REVIEW_STEP_COMPLETED];
  g_autofree char *by = NULL;
  GDate first;
  GDate last;

  if (!ed_review_window_containing (started, &first, &last))
    {
      check_new (checks, ED_REVIEW_STEP_STARTED, ED_REVIEW_CHECK_LATE, NULL,
                 g_strdup (_("A compulsory review must start within a review window; this "
                             "one started outside every window")));
      return;
    }
  by = ed_date_format_long (&last);
  if (g_date_valid (completed))
    {
      g_autofree char *when = ed_date_format_long (completed);

      if (g_date_compare (completed, &last) <= 0)
        check_new (checks, ED_REVIEW_STEP_COMPLETED, ED_REVIEW_CHECK_DONE, &last,
                   g_strdup_printf (_("Completed on %s, within the review window that ends "
                                      "on %s"), when, by));
      else
        check_new (checks, ED_REVIEW_STEP_COMPLETED, ED_REVIEW_CHECK_LATE, &last,
                   g_strdup_printf (_("Completed on %s, after the review window ended on %s"),
                                    when, by));
    }
  else if (g_date_compare (today, &last) > 0)
    check_new (checks, ED_REVIEW_STEP_COMPLETED, ED_REVIEW_CHECK_LATE, &last,
               g_strdup_printf (_("Late: the review was to be completed by %s"), by));
  else
    check_new (checks, ED_REVIEW_STEP_COMPLETED, ED_REVIEW_CHECK_TO_DO, &last,
               g_strdup_printf (_("Complete the review by %s, when its window ends"), by));
}

/**
 * ed_review_checklist:
 * @dates: a review's dates
 * @today: the day it is (ed_today())
 *
 * What the law requires of the review (DOMAIN.md §3.3's "must" steps, and for a compulsory
 * review §3.2's window), each with where it stands on @today: the notice of review, the
 * consultation of the (A)RO, the publication of the (A)RO's representations within 30 days,
 * the views of people with expertise in access for disabled people, and completion within
 * the window.
 *
 * Returns: (transfer full) (element-type EdReviewCheck): the checks, in the order of the steps
 */
GPtrArray *
ed_review_checklist (const EdReviewDates *dates,
                     const GDate         *today)
{
  g_autoptr(GPtrArray) checks = NULL;

  g_return_val_if_fail (dates != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  checks = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_review_check_free);
  check_done (checks, dates, ED_REVIEW_STEP_NOTICE_PUBLISHED,
              _("Publish a notice of the review"));
  check_done (checks, dates, ED_REVIEW_STEP_ARO_RECEIVED,
              _("Consult the (Acting) Returning Officer for each constituency and record when "
                "their representations are received"));
  check_aro_published (checks, dates, today);
  check_done (checks, dates, ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED,
              _("Seek the views of people with expertise in access for disabled people"));
  if (dates->kind == ED_REVIEW_COMPULSORY && g_date_valid (&dates->steps[ED_REVIEW_STEP_STARTED]))
    check_window (checks, dates, today);
  return g_steal_pointer (&checks);
}

/**
 * ed_representation_kind_is_named:
 * @kind: who made a representation
 *
 * Whether the review's published documents name whoever made a representation of this kind.
 * Councils publish every representation (DOMAIN.md §3.3) but, as is usual, withhold private
 * individuals' names: an elector's, or another person's, is published as what they are
 * ("An elector"). Office holders and bodies are named: the (A)RO, councillors, parish and
 * town councils, and access experts, whom the council invites as organisations.
 *
 * Returns: %TRUE if the name is published
 */
gboolean
ed_representation_kind_is_named (EdRepresentationKind kind)
{
  switch (kind)
    {
    case ED_REPRESENTATION_ARO:
    case ED_REPRESENTATION_COUNCILLOR:
    case ED_REPRESENTATION_ACCESS_EXPERT:
    case ED_REPRESENTATION_PARISH_COUNCIL:
      return TRUE;
    case ED_REPRESENTATION_ELECTOR:
    case ED_REPRESENTATION_OTHER:
    case ED_N_REPRESENTATION_KINDS:
    default:
      return FALSE;
    }
}
