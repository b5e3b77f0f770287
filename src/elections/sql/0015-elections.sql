-- 0015-elections.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Elections, the areas each is contested in, the timetable's checklist, the extra days the
-- calendar skips, and a record of every poll-card output (DOMAIN.md §2, §8). Synced tables,
-- so TEXT UUID keys and no UNIQUE or FOREIGN KEY constraints: the module's validators
-- (ed-elections-tables.c) find two elections with one id, a contest whose area has gone, a
-- combination that points nowhere. References are row ids ('' for none); booleans are 0/1;
-- dates are ISO 8601 text ('' for none).

-- One poll: what it is for, where and when. Polls combined with each other share poll cards,
-- stations and staff; each names the first of its combination in `combined_with` ('' for a
-- poll on its own, or for the first).
CREATE TABLE election (
  id                    TEXT PRIMARY KEY NOT NULL,
  -- uk_parliamentary_general | uk_parliamentary_by | local | parish | pcc | mayoral |
  -- senedd | scottish_local | referendum
  kind                  TEXT NOT NULL DEFAULT 'local',
  country               TEXT NOT NULL DEFAULT 'england',  -- england | wales | scotland
  poll_date             TEXT NOT NULL DEFAULT '',
  title                 TEXT NOT NULL DEFAULT '',         -- "Ashmere Vale District Council"
  slug                  TEXT NOT NULL DEFAULT '',         -- local.ashmere-vale.2027-05-06
  combined_with         TEXT NOT NULL DEFAULT '',
  second_interim_date   TEXT NOT NULL DEFAULT '',         -- the ERO's choice; '' for the default
  count_date            TEXT NOT NULL DEFAULT '',         -- '' for the night of the poll
  cards_requested       INTEGER NOT NULL DEFAULT 1,       -- Welsh community polls: only if asked
  electorate_fixed_on   TEXT NOT NULL DEFAULT '',         -- the final interim notice's date
  notes                 TEXT NOT NULL DEFAULT ''
) STRICT;

-- One ballot: an area the election is fought in, and its seats. An uncontested area holds no
-- poll, so none of its electors is sent a card for it.
CREATE TABLE contest (
  id                  TEXT PRIMARY KEY NOT NULL,
  election            TEXT NOT NULL DEFAULT '',
  area_kind           TEXT NOT NULL DEFAULT 'ward',  -- ward | parish | constituency | whole
  area                TEXT NOT NULL DEFAULT '',      -- electoral_area or parish id, constituency name, '' for whole
  name                TEXT NOT NULL DEFAULT '',      -- "Mill Ward"
  seats               INTEGER NOT NULL DEFAULT 1,
  contested           INTEGER NOT NULL DEFAULT 1,
  slug                TEXT NOT NULL DEFAULT '',      -- local.ashmere-vale.mill-ward.2027-05-06
  fixed_electorate    INTEGER NOT NULL DEFAULT 0     -- electors when the electorate was fixed
) STRICT;
CREATE INDEX contest_by_election ON contest (election);

-- The timetable as a checklist: who does each step and when it was done. The dates are
-- counted from the poll each time, never stored, so a change to the calendar moves them.
CREATE TABLE timetable_task (
  id        TEXT PRIMARY KEY NOT NULL,
  election  TEXT NOT NULL DEFAULT '',
  event     TEXT NOT NULL DEFAULT '',  -- a timetable event: notice_of_election, … (ed-elections-vocab.h)
  assignee  TEXT NOT NULL DEFAULT '',
  done_on   TEXT NOT NULL DEFAULT '',
  note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX timetable_task_by_election ON timetable_task (election, event);

-- Days the district's calendar skips beyond its bank holidays: a day of thanksgiving or
-- mourning is a dies non (DOMAIN.md §8).
CREATE TABLE extra_dies_non (
  id      TEXT PRIMARY KEY NOT NULL,
  day     TEXT NOT NULL DEFAULT '',
  reason  TEXT NOT NULL DEFAULT ''
) STRICT;

-- Each poll-card output: proofs, the final print, the printer's data file. A final output
-- made over the pre-print check's errors records who overrode it and why.
CREATE TABLE poll_card_run (
  id               TEXT PRIMARY KEY NOT NULL,
  election         TEXT NOT NULL DEFAULT '',
  kind             TEXT NOT NULL DEFAULT 'proof',  -- proof | final | data
  made_on          TEXT NOT NULL DEFAULT '',
  layout           TEXT NOT NULL DEFAULT 'a6',     -- a6 | a4-4up
  sort_order       TEXT NOT NULL DEFAULT 'walk',   -- walk | postcode | number
  cards            INTEGER NOT NULL DEFAULT 0,
  check_errors     INTEGER NOT NULL DEFAULT 0,
  override_reason  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX poll_card_run_by_election ON poll_card_run (election);
