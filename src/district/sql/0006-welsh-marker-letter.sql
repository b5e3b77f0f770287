-- 0006-welsh-marker-letter.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The letter that marks a qualifying foreign citizen on a Welsh register. The law requires an
-- indication but the letter in use is unconfirmed (DOMAIN.md §1.2, [U]), so each district
-- sets its own; W is only the default.
--
-- An empty value means the district has not chosen, and reads as W (ed-district-settings.c).
-- The column's default is empty rather than W because a district inserted before this
-- migration has an insert op without the column, and a merge that rebuilds the row from its
-- ops gives a missing column its type's default, the empty text: every desk must hold the
-- same value, whether or not a merge has rebuilt the row there. A district set up from now on
-- stores W (or its own letter) explicitly.

ALTER TABLE district ADD COLUMN welsh_marker_letter TEXT NOT NULL DEFAULT '';

-- Write the existing row out again, now with the column in its record. A row stored before
-- ADD COLUMN holds no value for it, and the SQLite pre-update hook reads such a column as NULL
-- rather than its default (fixed in later SQLite releases), so the debug write check
-- (ed-write-check.c) would see the next unrelated edit of the row as a change to this column.
UPDATE district SET welsh_marker_letter = welsh_marker_letter;

-- The op log stores an insert whose value lists exactly the table's columns as the bare array
-- of its values, in the column order of the version that wrote it (ed-ins-value.c). The
-- district's inserts logged so far have one value fewer than the table now has, so they could
-- no longer be read back: store them again as the objects they came from, as an insert from
-- another version is stored. The -> operator keeps each value's JSON text as it was, so the
-- object is byte for byte the one the desk that made the insert wrote.
UPDATE op_log
SET val = json_object('council_name', val -> 0,
                      'council_address', val -> 1,
                      'country', val -> 2,
                      'welsh_language', val -> 3,
                      'ero_name', val -> 4,
                      'ro_name', val -> 5,
                      'phone', val -> 6,
                      'email', val -> 7,
                      'website', val -> 8)
WHERE tbl = 'district' AND kind = 'ins' AND val LIKE '[%';
