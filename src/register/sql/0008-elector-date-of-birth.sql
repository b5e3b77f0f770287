-- 0008-elector-date-of-birth.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An elector's date of birth, optional. In Wales and Scotland an attainer's entry gives the
-- date they reach voting age (16) and a 16- or 17-year-old local-government-only elector's
-- entry the date they turn 18 (DOMAIN.md §1.2): one attainer date cannot hold both, so the
-- entry may hold the date of birth they both come from (ed_elector_dates_from_birth ()). It is
-- never published, printed or supplied (DOMAIN.md §1.3).
--
-- An entry made before this migration has no date of birth and keeps its attainer date, which
-- the editor and the import have always checked as the day the elector reaches voting age:
-- 16 in Wales and Scotland, so that the day they turn 18 is that date two years on
-- (ed_elector_shown_date ()). Nothing in its data needs to change to stay right.
--
-- The default is empty for the reason 0006-welsh-marker-letter.sql gives: an elector inserted
-- before this migration has an insert op without the column, and a merge that rebuilds the
-- row from its ops gives a missing column the empty text.

ALTER TABLE elector ADD COLUMN date_of_birth TEXT NOT NULL DEFAULT '';

-- Write the existing rows out again with the column in their records, as 0006 does: the
-- SQLite pre-update hook reads a column added later as NULL, not as its default, so the debug
-- write check would otherwise see the next unrelated edit of a row as a change to this column.
UPDATE elector SET date_of_birth = date_of_birth;

-- The electors' inserts logged so far are stored as bare arrays of the table's values by
-- position (ed-ins-value.c) and hold one value fewer than the table now has: store them
-- again as the objects they came from, byte for byte, as 0006 does for the district table.
-- Only an array of the nineteen values is one of them: anything else was never readable as
-- an elector's insert and is kept as it is.
UPDATE op_log
SET val = json_object('polling_district', val -> 0,
                      'property', val -> 1,
                      'number_prefix', val -> 2,
                      'number', val -> 3,
                      'number_suffix', val -> 4,
                      'title', val -> 5,
                      'forenames', val -> 6,
                      'surname', val -> 7,
                      'marker', val -> 8,
                      'attainer_date', val -> 9,
                      'open_register_opt_out', val -> 10,
                      'absent_vote', val -> 11,
                      'absent_vote_ends', val -> 12,
                      'proxy_name', val -> 13,
                      'proxy_address', val -> 14,
                      'anonymous', val -> 15,
                      'other_elector', val -> 16,
                      'language', val -> 17,
                      'status', val -> 18)
WHERE tbl = 'elector' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 19;
