/* ed-stations-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The stations module's vocabularies: each closed set of values a column of its tables
 * (0013-stations.sql) keeps as text. As for the register's (ed-register-vocab.h),
 * ed_*_to_string() gives the stored value, ed_*_from_string() reads one back (an unknown
 * value is an %ED_VALUE_ERROR_INVALID that lists what is expected), and
 * ed_*_get_display_name() names it for people, translated. Stored values never change.
 */

/**
 * EdBookingState:
 * @ED_BOOKING_PROVISIONAL: `provisional`: the venue is wanted, not yet asked
 * @ED_BOOKING_PROVISIONALLY_BOOKED: `provisionally_booked`: held for the poll, not confirmed
 * @ED_BOOKING_CONFIRMED: `confirmed`: booked in writing
 * @ED_BOOKING_CANCELLED: `cancelled`: no longer booked
 *
 * Where the booking of a polling place stands, as `polling_place.booking_state` keeps it.
 */
typedef enum
{
  ED_BOOKING_PROVISIONAL,
  ED_BOOKING_PROVISIONALLY_BOOKED,
  ED_BOOKING_CONFIRMED,
  ED_BOOKING_CANCELLED,
  ED_N_BOOKING_STATES,
} EdBookingState;

/**
 * EdAccessGroup:
 *
 * The parts of the accessibility checklist (DOMAIN.md §3.5), in the order a visit walks them.
 */
typedef enum
{
  ED_ACCESS_GROUP_APPROACH,
  ED_ACCESS_GROUP_ENTRANCE,
  ED_ACCESS_GROUP_INSIDE,
  ED_ACCESS_GROUP_EQUIPMENT,
  ED_N_ACCESS_GROUPS,
} EdAccessGroup;

/**
 * EdAccessItem:
 *
 * One question of the accessibility checklist (DOMAIN.md §3.5), as
 * `place_access_check.item` keeps it. Each is put so that "yes" is the accessible answer.
 */
typedef enum
{
  ED_ACCESS_PARKING,
  ED_ACCESS_PATH,
  ED_ACCESS_DROPPED_KERBS,
  ED_ACCESS_LEVEL_SITE_ENTRANCE,
  ED_ACCESS_SIGNS,
  ED_ACCESS_OUTSIDE_LIGHTING,
  ED_ACCESS_STEP_FREE_ENTRANCE,
  ED_ACCESS_HANDRAILS,
  ED_ACCESS_STEP_EDGES,
  ED_ACCESS_DOOR_WIDTH,
  ED_ACCESS_DOOR_EASY,
  ED_ACCESS_LEVEL_THRESHOLD,
  ED_ACCESS_INTERNAL_WIDTHS,
  ED_ACCESS_INTERNAL_LEVEL,
  ED_ACCESS_TURNING_SPACE,
  ED_ACCESS_FLOOR,
  ED_ACCESS_INSIDE_LIGHTING,
  ED_ACCESS_CHAIRS,
  ED_ACCESS_ACCESSIBLE_BOOTH,
  ED_ACCESS_BALLOT_BOX_HEIGHT,
  ED_ACCESS_VOTING_AIDS,
  ED_ACCESS_PRIVATE_AREA,
  ED_N_ACCESS_ITEMS,
} EdAccessItem;

/**
 * EdAccessAnswer:
 * @ED_ACCESS_ANSWER_UNKNOWN: not yet assessed (stored as "")
 * @ED_ACCESS_ANSWER_YES: `yes`: meets the question
 * @ED_ACCESS_ANSWER_NO: `no`: does not; an open issue says what will be done
 * @ED_ACCESS_ANSWER_NOT_APPLICABLE: `not_applicable`: nothing to assess (no steps, say)
 */
typedef enum
{
  ED_ACCESS_ANSWER_UNKNOWN,
  ED_ACCESS_ANSWER_YES,
  ED_ACCESS_ANSWER_NO,
  ED_ACCESS_ANSWER_NOT_APPLICABLE,
  ED_N_ACCESS_ANSWERS,
} EdAccessAnswer;

/**
 * EdReviewKind:
 * @ED_REVIEW_COMPULSORY: `compulsory`: the five-yearly review of ERAA 2013
 * @ED_REVIEW_INTERIM: `interim`: a review at any other time (after ward changes, say)
 */
typedef enum
{
  ED_REVIEW_COMPULSORY,
  ED_REVIEW_INTERIM,
  ED_N_REVIEW_KINDS,
} EdReviewKind;

/**
 * EdRepresentationKind:
 *
 * Who made a representation to a review, as `review_representation.kind` keeps it: the
 * (A)RO's must be published within 30 days (DOMAIN.md §3.3).
 */
typedef enum
{
  ED_REPRESENTATION_ARO,
  ED_REPRESENTATION_ELECTOR,
  ED_REPRESENTATION_COUNCILLOR,
  ED_REPRESENTATION_ACCESS_EXPERT,
  ED_REPRESENTATION_PARISH_COUNCIL,
  ED_REPRESENTATION_OTHER,
  ED_N_REPRESENTATION_KINDS,
} EdRepresentationKind;

/**
 * EdProposalAction:
 * @ED_PROPOSAL_KEEP: `keep`: the district and its place stay as they are
 * @ED_PROPOSAL_CHANGE: `change`: the review proposes a change, which the reason describes
 */
typedef enum
{
  ED_PROPOSAL_KEEP,
  ED_PROPOSAL_CHANGE,
  ED_N_PROPOSAL_ACTIONS,
} EdProposalAction;

const char     *ed_booking_state_to_string             (EdBookingState        state);
gboolean        ed_booking_state_from_string           (const char           *text,
                                                        EdBookingState       *out,
                                                        GError              **error);
const char     *ed_booking_state_get_display_name      (EdBookingState        state);

const char     *ed_access_group_get_display_name       (EdAccessGroup         group);

const char     *ed_access_item_to_string               (EdAccessItem          item);
gboolean        ed_access_item_from_string             (const char           *text,
                                                        EdAccessItem         *out,
                                                        GError              **error);
const char     *ed_access_item_get_display_name        (EdAccessItem          item);
const char     *ed_access_item_get_question            (EdAccessItem          item);
EdAccessGroup   ed_access_item_get_group               (EdAccessItem          item);

const char     *ed_access_answer_to_string             (EdAccessAnswer        answer);
gboolean        ed_access_answer_from_string           (const char           *text,
                                                        EdAccessAnswer       *out,
                                                        GError              **error);
const char     *ed_access_answer_get_display_name      (EdAccessAnswer        answer);

const char     *ed_review_kind_to_string               (EdReviewKind          kind);
gboolean        ed_review_kind_from_string             (const char           *text,
                                                        EdReviewKind         *out,
                                                        GError              **error);
const char     *ed_review_kind_get_display_name        (EdReviewKind          kind);

const char     *ed_representation_kind_to_string       (EdRepresentationKind  kind);
gboolean        ed_representation_kind_from_string     (const char           *text,
                                                        EdRepresentationKind *out,
                                                        GError              **error);
const char     *ed_representation_kind_get_display_name (EdRepresentationKind kind);

const char     *ed_proposal_action_to_string           (EdProposalAction      action);
gboolean        ed_proposal_action_from_string         (const char           *text,
                                                        EdProposalAction     *out,
                                                        GError              **error);
const char     *ed_proposal_action_get_display_name    (EdProposalAction      action);

G_END_DECLS
