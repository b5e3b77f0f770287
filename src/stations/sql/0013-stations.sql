-- 0013-stations.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Polling places, polling stations, which addresses each station serves, the accessibility of
-- each venue, and the reviews of districts and places (DOMAIN.md §3). Synced tables, so TEXT
-- UUID keys and no UNIQUE or FOREIGN KEY constraints: two stations with one code, a station
-- whose place has gone, a district no station serves are found by the module's validators
-- (ed-stations-tables.c). References are row ids ('' for none); booleans are 0/1; dates are
-- ISO 8601 text ('' for none); money is pence. Coordinates are Ordnance Survey National Grid
-- metres, 0 and 0 for not known.

-- The building or area the council designates (RPA 1983 s.18B). It should stand inside the
-- polling district it serves; where it cannot, special_circumstances says why.
CREATE TABLE polling_place (
  id                    TEXT PRIMARY KEY NOT NULL,
  name                  TEXT NOT NULL DEFAULT '',
  address               TEXT NOT NULL DEFAULT '',   -- lines separated by line feeds
  postcode              TEXT NOT NULL DEFAULT '',
  uprn                  INTEGER NOT NULL DEFAULT 0,
  easting               INTEGER NOT NULL DEFAULT 0,
  northing              INTEGER NOT NULL DEFAULT 0,
  polling_district      TEXT NOT NULL DEFAULT '',   -- the district the building stands in
  special_circumstances TEXT NOT NULL DEFAULT '',
  caretaker             TEXT NOT NULL DEFAULT '',   -- name and telephone
  key_holder            TEXT NOT NULL DEFAULT '',
  booking_contact       TEXT NOT NULL DEFAULT '',
  payee                 TEXT NOT NULL DEFAULT '',
  hire_fee              INTEGER NOT NULL DEFAULT 0,
  -- provisional | provisionally_booked | confirmed | cancelled
  booking_state         TEXT NOT NULL DEFAULT 'provisional',
  poll_card_note        TEXT NOT NULL DEFAULT '',   -- printed on the poll cards of its stations
  ems_id                TEXT NOT NULL DEFAULT ''    -- the id the EMS file gave it, to match again
) STRICT;

-- The room or area where people vote, chosen by the (A)RO; a place may hold several. The
-- staffing is the default for each poll: a presiding officer and the poll clerks.
CREATE TABLE polling_station (
  id                 TEXT PRIMARY KEY NOT NULL,
  place              TEXT NOT NULL DEFAULT '',
  code               TEXT NOT NULL DEFAULT '',      -- its number or code, as on the poll card
  name               TEXT NOT NULL DEFAULT '',      -- the room, when the place has several
  presiding_officers INTEGER NOT NULL DEFAULT 1,
  poll_clerks        INTEGER NOT NULL DEFAULT 2,
  ems_id             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX polling_station_by_place ON polling_station (place);

-- What a station serves: a whole polling district (street '') or one street of it. A street
-- rule wins over its district's whole-district rule, so a district can be split by street.
CREATE TABLE station_coverage (
  id               TEXT PRIMARY KEY NOT NULL,
  station          TEXT NOT NULL DEFAULT '',
  polling_district TEXT NOT NULL DEFAULT '',
  street           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX station_coverage_by_district ON station_coverage (polling_district, street);
CREATE INDEX station_coverage_by_station ON station_coverage (station);

-- One property sent to another station than its district and street rules give it.
CREATE TABLE station_override (
  id       TEXT PRIMARY KEY NOT NULL,
  property TEXT NOT NULL DEFAULT '',
  station  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX station_override_by_property ON station_override (property);

-- The answer to one question of the accessibility checklist (DOMAIN.md §3.5) for a place:
-- one row per question, so two desks answering different questions never clash.
CREATE TABLE place_access_check (
  id     TEXT PRIMARY KEY NOT NULL,
  place  TEXT NOT NULL DEFAULT '',
  item   TEXT NOT NULL DEFAULT '',   -- an EdAccessItem: parking | path | … | private_area
  answer TEXT NOT NULL DEFAULT '',   -- '' | yes | no | not_applicable
  note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX place_access_check_by_place ON place_access_check (place);

-- A problem found at a place, open until resolved_on is set.
CREATE TABLE place_access_issue (
  id          TEXT PRIMARY KEY NOT NULL,
  place       TEXT NOT NULL DEFAULT '',
  item        TEXT NOT NULL DEFAULT '',   -- the checklist question it is about, or ''
  description TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL DEFAULT '',   -- what will be done about it, and by whom
  raised_on   TEXT NOT NULL DEFAULT '',
  resolved_on TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX place_access_issue_by_place ON place_access_issue (place);

-- New homes expected in a polling district over the next five years, for the plan's
-- projection. electors_per_dwelling_x100 is the expected electors per new home times 100;
-- 0 means the district's present ratio of electors to properties.
CREATE TABLE district_growth (
  id                         TEXT PRIMARY KEY NOT NULL,
  polling_district           TEXT NOT NULL DEFAULT '',
  dwellings                  INTEGER NOT NULL DEFAULT 0,
  electors_per_dwelling_x100 INTEGER NOT NULL DEFAULT 0,
  note                       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX district_growth_by_district ON district_growth (polling_district);

-- A review of polling districts and places (DOMAIN.md §3.2, §3.3) and the dates of its steps.
CREATE TABLE station_review (
  id                                TEXT PRIMARY KEY NOT NULL,
  kind                              TEXT NOT NULL DEFAULT 'compulsory', -- compulsory | interim
  title                             TEXT NOT NULL DEFAULT '',
  started_on                        TEXT NOT NULL DEFAULT '',
  notice_published_on               TEXT NOT NULL DEFAULT '',
  consultation_closes_on            TEXT NOT NULL DEFAULT '',
  aro_representations_received_on   TEXT NOT NULL DEFAULT '',
  aro_representations_published_on  TEXT NOT NULL DEFAULT '',
  access_experts_consulted_on       TEXT NOT NULL DEFAULT '',
  committee_on                      TEXT NOT NULL DEFAULT '',
  completed_on                      TEXT NOT NULL DEFAULT '',
  implemented_on                    TEXT NOT NULL DEFAULT ''
) STRICT;

-- A representation made to a review, and the council's response.
CREATE TABLE review_representation (
  id               TEXT PRIMARY KEY NOT NULL,
  review           TEXT NOT NULL DEFAULT '',
  from_whom        TEXT NOT NULL DEFAULT '',
  -- aro | elector | councillor | access_expert | parish_council | other
  kind             TEXT NOT NULL DEFAULT 'elector',
  received_on      TEXT NOT NULL DEFAULT '',
  polling_district TEXT NOT NULL DEFAULT '',
  place            TEXT NOT NULL DEFAULT '',
  body             TEXT NOT NULL DEFAULT '',
  response         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX review_representation_by_review ON review_representation (review);

-- What a review proposes for one polling district: keep it as it is, or change it.
CREATE TABLE review_proposal (
  id               TEXT PRIMARY KEY NOT NULL,
  review           TEXT NOT NULL DEFAULT '',
  polling_district TEXT NOT NULL DEFAULT '',
  action           TEXT NOT NULL DEFAULT 'keep',   -- keep | change
  proposed_place   TEXT NOT NULL DEFAULT '',
  reason           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX review_proposal_by_review ON review_proposal (review);
