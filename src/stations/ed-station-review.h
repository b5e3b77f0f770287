/* ed-station-review.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "stations/ed-review-rules.h"

G_BEGIN_DECLS

/**
 * EdStationReview:
 * @id: the review's row id
 * @title: what the council calls it ("Compulsory review 2028")
 * @dates: its kind and the dates of its steps
 *
 * A review of polling districts and polling places (DOMAIN.md §3.2, §3.3).
 */
typedef struct
{
  char          *id;
  char          *title;
  EdReviewDates  dates;
} EdStationReview;

/**
 * EdReviewRepresentation:
 * @id: its row id; %NULL for one not yet added
 * @review: the review's row id
 * @from_whom: who made it, as they signed it
 * @kind: what they are (elector, councillor, …)
 * @received_on: the day it was received
 * @polling_district_code: the code of the polling district it is about, "" for none; the
 *   store finds the district from it
 * @place_name: the name of the polling place it is about, "" for none
 * @body: what it says
 * @response: the council's response, "" while there is none
 *
 * A representation made to a review (DOMAIN.md §3.3).
 */
typedef struct
{
  char                 *id;
  char                 *review;
  char                 *from_whom;
  EdRepresentationKind  kind;
  GDate                 received_on;
  char                 *polling_district_code;
  char                 *place_name;
  char                 *body;
  char                 *response;
} EdReviewRepresentation;

/**
 * EdReviewProposal:
 * @id: its row id
 * @review: the review's row id
 * @polling_district: the polling district's row id
 * @polling_district_code: its code
 * @action: keep it as it is, or change it
 * @proposed_place_name: the polling place proposed, "" for none
 * @reason: why
 *
 * What a review proposes for one polling district.
 */
typedef struct
{
  char             *id;
  char             *review;
  char             *polling_district;
  char             *polling_district_code;
  EdProposalAction  action;
  char             *proposed_place_name;
  char             *reason;
} EdReviewProposal;

void                    ed_station_review_free            (EdStationReview         *review);
void                    ed_review_representation_free     (EdReviewRepresentation  *representation);
void                    ed_review_proposal_free           (EdReviewProposal        *proposal);

char                   *ed_station_review_start           (EdContext               *context,
                                                           EdReviewKind             kind,
                                                           const char              *title,
                                                           const GDate             *started_on,
                                                           GError                 **error);
GPtrArray              *ed_station_review_list            (EdContext               *context,
                                                           GError                 **error);
EdStationReview        *ed_station_review_get             (EdContext               *context,
                                                           const char              *id,
                                                           GError                 **error);
char                   *ed_station_review_resolve         (EdContext               *context,
                                                           const char              *reference,
                                                           GError                 **error);
gboolean                ed_station_review_update          (EdContext               *context,
                                                           const EdStationReview   *review,
                                                           GError                 **error);
gboolean                ed_station_review_set_step        (EdContext               *context,
                                                           const char              *id,
                                                           EdReviewStep             step,
                                                           const GDate             *date,
                                                           GError                 **error);

char                   *ed_review_representation_add      (EdContext               *context,
                                                           const EdReviewRepresentation *representation,
                                                           GError                 **error);
gboolean                ed_review_representation_update   (EdContext               *context,
                                                           const EdReviewRepresentation *representation,
                                                           GError                 **error);
GPtrArray              *ed_review_representation_list     (EdContext               *context,
                                                           const char              *review,
                                                           GError                 **error);
char                   *ed_review_representation_resolve  (EdContext               *context,
                                                           const char              *review,
                                                           const char              *reference,
                                                           GError                 **error);

char                   *ed_review_proposal_set            (EdContext               *context,
                                                           const char              *review,
                                                           const char              *polling_district_code,
                                                           EdProposalAction         action,
                                                           const char              *proposed_place_name,
                                                           const char              *reason,
                                                           GError                 **error);
GPtrArray              *ed_review_proposal_list           (EdContext               *context,
                                                           const char              *review,
                                                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationReview, ed_station_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdReviewRepresentation, ed_review_representation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdReviewProposal, ed_review_proposal_free)

G_END_DECLS
