-- 0019-staff-retention.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- How many years after a person's last appointment the staff module lists them for removal
-- (issue 16: people not appointed for a set number of years are listed for removal). No law
-- sets the period: each council's own retention schedule does, so it is a district setting.
-- An empty value reads as 4 years (ed-district-settings.c), for the reasons
-- 0014-station-thresholds.sql gives for keeping "not chosen" empty: a district inserted before
-- this migration has an insert op without the column, and a merge that rebuilds the row from
-- its ops gives a missing column the empty text.

ALTER TABLE district ADD COLUMN staff_retention_years TEXT NOT NULL DEFAULT '';

-- Write the existing row out again with the column in its record (0006 says why).
UPDATE district SET staff_retention_years = staff_retention_years;

-- The district's inserts logged since 0014 are bare arrays of the twelve values the table had
-- (ed-ins-value.c): store them again as the objects they came from, byte for byte, as 0014 did
-- for those before it. Only an array of the twelve values is one of them.
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
                      'welsh_marker_letter', val -> 9,
                      'station_maximum_electors', val -> 10,
                      'station_two_clerks_electors', val -> 11)
WHERE tbl = 'district' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 12;
