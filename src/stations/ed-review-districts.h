/* ed-review-districts.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "stations/ed-stations-vocab.h"

G_BEGIN_DECLS

/**
 * EdReviewDistrict:
 * @polling_district: the polling district's row id
 * @code: its code
 * @name: its name, "" for none
 * @electoral_area: its ward or division, "" for none
 * @parish: its parish or community, "" for none
 * @electors: its electorate now: the register's entries in it
 * @projected: its electorate in five years, as the polling plan projects it
 * @places: (element-type utf8): the names of the polling places whose stations serve it
 * @stations: (element-type utf8): the codes of those stations
 * @access_notes: (element-type utf8): the open accessibility issues at those places
 * @has_proposal: whether the review proposes anything for it yet
 * @action: what the review proposes: keep or change
 * @proposed_place: the polling place proposed, "" for none
 * @reason: why
 *
 * One row of a review's per-district table (DOMAIN.md §3.3): a polling district as the
 * committee sees it.
 */
typedef struct
{
  char             *polling_district;
  char             *code;
  char             *name;
  char             *electoral_area;
  char             *parish;
  gint64            electors;
  gint64            projected;
  GPtrArray        *places;
  GPtrArray        *stations;
  GPtrArray        *access_notes;
  gboolean          has_proposal;
  EdProposalAction  action;
  char             *proposed_place;
  char             *reason;
} EdReviewDistrict;

void       ed_review_district_free     (EdReviewDistrict  *district);
GPtrArray *ed_review_districts         (EdContext         *context,
                                        const char        *review,
                                        GError           **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdReviewDistrict, ed_review_district_free)

G_END_DECLS
