-- 0020-payroll-mapping.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- How the payroll export names things for the council's payroll (issue 16: "columns mapped in
-- settings"): the heading of each column of the CSV, the element code of each kind of pay
-- line, and the code of each National Insurance category. One row per setting a council has
-- changed; a setting with no row takes the program's default (ed-payroll-mapping.c), so an
-- office that never opens the mapping still gets a file its payroll can be set up to read.
-- A synced table, so every desk exports the same file; two desks that set one setting before
-- they sync have two rows until a person settles it (the validator payroll-mapping-unique),
-- and meanwhile the row with the lower id wins.

CREATE TABLE payroll_mapping (
  id     TEXT PRIMARY KEY NOT NULL,
  key    TEXT NOT NULL DEFAULT '',  -- the setting: column_ni_number, element_fee, nic_election, …
  value  TEXT NOT NULL DEFAULT ''   -- what the export writes for it
) STRICT;
CREATE INDEX payroll_mapping_by_key ON payroll_mapping (key);
