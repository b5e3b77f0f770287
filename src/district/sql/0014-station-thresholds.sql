-- 0014-station-thresholds.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The two electorates that decide a polling station's size and staffing (DOMAIN.md §3.4): the
-- most electors, postal voters excluded, one station should serve (the Electoral Commission's
-- 2,250 since the Elections Act 2022) and the most a presiding officer and two poll clerks
-- should serve before a third clerk is needed (1,250). The guidance is advisory, so each
-- district may set its own; each holds a whole number as text.
--
-- An empty value means the district follows the guidance, and reads as its figure
-- (ed-district-settings.c). The defaults are empty for the reason 0006-welsh-marker-letter.sql
-- gives: a district inserted before this migration has an insert op without these columns,
-- and a merge that rebuilds the row from its ops gives a missing column the empty text, so
-- every desk holds the same value whether or not a merge has rebuilt the row there. Empty
-- also keeps "not chosen" apart from any figure, so a district that never chose follows the
-- guidance if it changes again.

ALTER TABLE district ADD COLUMN station_maximum_electors TEXT NOT NULL DEFAULT '';
ALTER TABLE district ADD COLUMN station_two_clerks_electors TEXT NOT NULL DEFAULT '';

-- Write the existing row out again with the columns in its record (0006 says why).
UPDATE district
SET station_maximum_electors = station_maximum_electors,
    station_two_clerks_electors = station_two_clerks_electors;

-- The district's inserts logged since 0006 are bare arrays of the ten values the table had
-- (ed-ins-value.c): store them again as the objects they came from, byte for byte, as 0006
-- did for those before it. Only an array of the ten values is one of them: anything else was
-- never readable as the district's insert and is kept as it is.
UPDATE op_log
SET val = json_object('council_name', val -> 0,
                      'council_address', val -> 1,
                      'country', val -> 2,
                      'welsh_language', val -> 3,
                      'ero_name', val -> 4,
                      'ro_name', val -> 5,
                      'phone', val -> 6,
                      'email', val -> 7,
                      'website', val -> 8,
                      'welsh_marker_letter', val -> 9)
WHERE tbl = 'district' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 10;
