/* ed-stations-tables.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-schema.h"

G_BEGIN_DECLS

/*
 * The columns of each of the module's synced tables (0013-stations.sql), in the order of its
 * EdTableDef, which the state hash reads, so it never changes: a column is addressed by its
 * enum, never by its position.
 */

typedef enum
{
  ED_POLLING_PLACE_COL_NAME,
  ED_POLLING_PLACE_COL_ADDRESS,
  ED_POLLING_PLACE_COL_POSTCODE,
  ED_POLLING_PLACE_COL_UPRN,
  ED_POLLING_PLACE_COL_EASTING,
  ED_POLLING_PLACE_COL_NORTHING,
  ED_POLLING_PLACE_COL_POLLING_DISTRICT,
  ED_POLLING_PLACE_COL_SPECIAL_CIRCUMSTANCES,
  ED_POLLING_PLACE_COL_CARETAKER,
  ED_POLLING_PLACE_COL_KEY_HOLDER,
  ED_POLLING_PLACE_COL_BOOKING_CONTACT,
  ED_POLLING_PLACE_COL_PAYEE,
  ED_POLLING_PLACE_COL_HIRE_FEE,
  ED_POLLING_PLACE_COL_BOOKING_STATE,
  ED_POLLING_PLACE_COL_POLL_CARD_NOTE,
  ED_POLLING_PLACE_COL_EMS_ID,
  ED_POLLING_PLACE_N_COLS,
} EdPollingPlaceColumn;

typedef enum
{
  ED_POLLING_STATION_COL_PLACE,
  ED_POLLING_STATION_COL_CODE,
  ED_POLLING_STATION_COL_NAME,
  ED_POLLING_STATION_COL_PRESIDING_OFFICERS,
  ED_POLLING_STATION_COL_POLL_CLERKS,
  ED_POLLING_STATION_COL_EMS_ID,
  ED_POLLING_STATION_N_COLS,
} EdPollingStationColumn;

typedef enum
{
  ED_STATION_COVERAGE_COL_STATION,
  ED_STATION_COVERAGE_COL_POLLING_DISTRICT,
  ED_STATION_COVERAGE_COL_STREET,
  ED_STATION_COVERAGE_N_COLS,
} EdStationCoverageColumn;

typedef enum
{
  ED_STATION_OVERRIDE_COL_PROPERTY,
  ED_STATION_OVERRIDE_COL_STATION,
  ED_STATION_OVERRIDE_N_COLS,
} EdStationOverrideColumn;

typedef enum
{
  ED_PLACE_ACCESS_CHECK_COL_PLACE,
  ED_PLACE_ACCESS_CHECK_COL_ITEM,
  ED_PLACE_ACCESS_CHECK_COL_ANSWER,
  ED_PLACE_ACCESS_CHECK_COL_NOTE,
  ED_PLACE_ACCESS_CHECK_N_COLS,
} EdPlaceAccessCheckColumn;

typedef enum
{
  ED_PLACE_ACCESS_ISSUE_COL_PLACE,
  ED_PLACE_ACCESS_ISSUE_COL_ITEM,
  ED_PLACE_ACCESS_ISSUE_COL_DESCRIPTION,
  ED_PLACE_ACCESS_ISSUE_COL_ACTION,
  ED_PLACE_ACCESS_ISSUE_COL_RAISED_ON,
  ED_PLACE_ACCESS_ISSUE_COL_RESOLVED_ON,
  ED_PLACE_ACCESS_ISSUE_N_COLS,
} EdPlaceAccessIssueColumn;

typedef enum
{
  ED_DISTRICT_GROWTH_COL_POLLING_DISTRICT,
  ED_DISTRICT_GROWTH_COL_DWELLINGS,
  ED_DISTRICT_GROWTH_COL_ELECTORS_PER_DWELLING_X100,
  ED_DISTRICT_GROWTH_COL_NOTE,
  ED_DISTRICT_GROWTH_N_COLS,
} EdDistrictGrowthColumn;

typedef enum
{
  ED_STATION_REVIEW_COL_KIND,
  ED_STATION_REVIEW_COL_TITLE,
  ED_STATION_REVIEW_COL_STARTED_ON,
  ED_STATION_REVIEW_COL_NOTICE_PUBLISHED_ON,
  ED_STATION_REVIEW_COL_CONSULTATION_CLOSES_ON,
  ED_STATION_REVIEW_COL_ARO_REPRESENTATIONS_RECEIVED_ON,
  ED_STATION_REVIEW_COL_ARO_REPRESENTATIONS_PUBLISHED_ON,
  ED_STATION_REVIEW_COL_ACCESS_EXPERTS_CONSULTED_ON,
  ED_STATION_REVIEW_COL_COMMITTEE_ON,
  ED_STATION_REVIEW_COL_COMPLETED_ON,
  ED_STATION_REVIEW_COL_IMPLEMENTED_ON,
  ED_STATION_REVIEW_N_COLS,
} EdStationReviewColumn;

typedef enum
{
  ED_REVIEW_REPRESENTATION_COL_REVIEW,
  ED_REVIEW_REPRESENTATION_COL_FROM_WHOM,
  ED_REVIEW_REPRESENTATION_COL_KIND,
  ED_REVIEW_REPRESENTATION_COL_RECEIVED_ON,
  ED_REVIEW_REPRESENTATION_COL_POLLING_DISTRICT,
  ED_REVIEW_REPRESENTATION_COL_PLACE,
  ED_REVIEW_REPRESENTATION_COL_BODY,
  ED_REVIEW_REPRESENTATION_COL_RESPONSE,
  ED_REVIEW_REPRESENTATION_N_COLS,
} EdReviewRepresentationColumn;

typedef enum
{
  ED_REVIEW_PROPOSAL_COL_REVIEW,
  ED_REVIEW_PROPOSAL_COL_POLLING_DISTRICT,
  ED_REVIEW_PROPOSAL_COL_ACTION,
  ED_REVIEW_PROPOSAL_COL_PROPOSED_PLACE,
  ED_REVIEW_PROPOSAL_COL_REASON,
  ED_REVIEW_PROPOSAL_N_COLS,
} EdReviewProposalColumn;

/*
 * The longest text each column may hold, in characters, checked wherever text enters the
 * module (the station files, the forms and the command line) with ed_register_text_check ():
 * - a venue's or a person's name, a contact: 200 (a name and a telephone number);
 * - an address: 500 over all its lines; a code or an EMS id: 40;
 * - a note, a description, a representation or a response: 20,000, a few pages.
 */
#define ED_STATIONS_NAME_MAX_CHARS    200
#define ED_STATIONS_ADDRESS_MAX_CHARS 500
#define ED_STATIONS_CODE_MAX_CHARS    40
#define ED_STATIONS_TEXT_MAX_CHARS    20000

extern const EdTableDef ed_polling_place_table;
extern const EdTableDef ed_polling_station_table;
extern const EdTableDef ed_station_coverage_table;
extern const EdTableDef ed_station_override_table;
extern const EdTableDef ed_place_access_check_table;
extern const EdTableDef ed_place_access_issue_table;
extern const EdTableDef ed_district_growth_table;
extern const EdTableDef ed_station_review_table;
extern const EdTableDef ed_review_representation_table;
extern const EdTableDef ed_review_proposal_table;

void ed_stations_add_schema (EdSchema *schema);

G_END_DECLS
