/* ed-review-rules.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stations/ed-stations-vocab.h"

G_BEGIN_DECLS

/*
 * The statutory timing of reviews of polling districts and polling places (DOMAIN.md §3.2,
 * §3.3), encoded once: no database, only the law and the calendar.
 *
 * RPA 1983 s.18C, as ERAA 2013 s.17 amended it: a compulsory review must be started and
 * completed within the 16 months beginning with 1 October 2013, and within each period of
 * 16 months beginning with 1 October of every fifth year after 2013. The windows so far are
 * 1 Oct 2013–31 Jan 2015, 1 Oct 2018–31 Jan 2020 and 1 Oct 2023–31 Jan 2025; the next ones
 * (1 Oct 2028–31 Jan 2030, …) are derived from that rule, which DOMAIN.md marks [U], so the
 * first year, the period and the length are constants here: a change in the law is a change
 * of these three numbers.
 */
#define ED_REVIEW_FIRST_WINDOW_YEAR    2013
#define ED_REVIEW_WINDOW_PERIOD_YEARS  5
#define ED_REVIEW_WINDOW_MONTHS        16

/* The council publishes the (A)RO's representations within 30 days of receiving them
 * (RPA 1983 Sch A1; DOMAIN.md §3.3). */
#define ED_REVIEW_ARO_PUBLICATION_DAYS 30

#define ED_REVIEW_ERROR (ed_review_error_quark ())

/**
 * EdReviewError:
 * @ED_REVIEW_ERROR_OUTSIDE_WINDOW: a compulsory review starts or ends outside a window
 * @ED_REVIEW_ERROR_BAD_DATE: a step's date is before the review started, in the future, or
 *   out of order with another step
 * @ED_REVIEW_ERROR_NOT_FOUND: no review, district or place by that name
 * @ED_REVIEW_ERROR_AMBIGUOUS: more than one review or place answers to it
 * @ED_REVIEW_ERROR_INCOMPLETE: something a document or an action needs is not recorded yet
 */
typedef enum
{
  ED_REVIEW_ERROR_OUTSIDE_WINDOW,
  ED_REVIEW_ERROR_BAD_DATE,
  ED_REVIEW_ERROR_NOT_FOUND,
  ED_REVIEW_ERROR_AMBIGUOUS,
  ED_REVIEW_ERROR_INCOMPLETE,
} EdReviewError;

/**
 * EdReviewStep:
 *
 * The dated steps of a review (DOMAIN.md §3.3), in the order they usually come, each kept in
 * a column of `station_review`.
 */
typedef enum
{
  ED_REVIEW_STEP_STARTED,
  ED_REVIEW_STEP_NOTICE_PUBLISHED,
  ED_REVIEW_STEP_CONSULTATION_CLOSES,
  ED_REVIEW_STEP_ARO_RECEIVED,
  ED_REVIEW_STEP_ARO_PUBLISHED,
  ED_REVIEW_STEP_ACCESS_EXPERTS_CONSULTED,
  ED_REVIEW_STEP_COMMITTEE,
  ED_REVIEW_STEP_COMPLETED,
  ED_REVIEW_STEP_IMPLEMENTED,
  ED_N_REVIEW_STEPS,
} EdReviewStep;

/**
 * EdReviewDates:
 * @kind: compulsory or interim
 * @steps: each step's date, cleared (g_date_valid() false) where not recorded
 *
 * What the rules need to know of a review.
 */
typedef struct
{
  EdReviewKind kind;
  GDate        steps[ED_N_REVIEW_STEPS];
} EdReviewDates;

/**
 * EdReviewCheckState:
 * @ED_REVIEW_CHECK_DONE: done, and in time
 * @ED_REVIEW_CHECK_TO_DO: not done, and not yet late
 * @ED_REVIEW_CHECK_LATE: done after its deadline, or not done and its deadline has passed
 * @ED_REVIEW_CHECK_WAITING: cannot be done until another step is (the (A)RO's
 *   representations are published once received)
 */
typedef enum
{
  ED_REVIEW_CHECK_DONE,
  ED_REVIEW_CHECK_TO_DO,
  ED_REVIEW_CHECK_LATE,
  ED_REVIEW_CHECK_WAITING,
} EdReviewCheckState;

/**
 * EdReviewCheck:
 * @step: the step the check is about
 * @state: where it stands
 * @deadline: the last day for it, cleared where the law sets none
 * @text: what a person reads: the step, and what is missing or late (translated)
 *
 * One "must" of DOMAIN.md §3.3 (and, for a compulsory review, §3.2's window) for a review.
 */
typedef struct
{
  EdReviewStep        step;
  EdReviewCheckState  state;
  GDate               deadline;
  char               *text;
} EdReviewCheck;

GQuark       ed_review_error_quark                 (void);

void         ed_review_dates_init                  (EdReviewDates       *dates,
                                                    EdReviewKind         kind);

const char  *ed_review_step_get_display_name       (EdReviewStep         step);
const char  *ed_review_step_get_option_name        (EdReviewStep         step);

gboolean     ed_review_window_containing           (const GDate         *date,
                                                    GDate               *out_first,
                                                    GDate               *out_last);
void         ed_review_window_next                 (const GDate         *date,
                                                    GDate               *out_first,
                                                    GDate               *out_last);
gboolean     ed_review_compulsory_dates_check      (const GDate         *started,
                                                    const GDate         *completed,
                                                    GError             **error);
void         ed_review_aro_publication_deadline    (const GDate         *received,
                                                    GDate               *out_deadline);
gboolean     ed_review_dates_check                 (const EdReviewDates *dates,
                                                    const GDate         *today,
                                                    GError             **error);

void         ed_review_check_free                  (EdReviewCheck       *check);
GPtrArray   *ed_review_checklist                   (const EdReviewDates *dates,
                                                    const GDate         *today);

gboolean     ed_representation_kind_is_named       (EdRepresentationKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdReviewCheck, ed_review_check_free)

G_END_DECLS
