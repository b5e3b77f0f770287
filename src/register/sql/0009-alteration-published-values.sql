-- 0009-alteration-published-values.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An alteration has effect only from its notice (RPA 1983 s.13A(2)(b)). The editor writes
-- an amendment's new values into the elector's row at once, so that the officer works with
-- the entry as it now is; the published and supplied versions must still show it as it stood
-- at the last published notice (or revised register) until the amendment's own notice is
-- published. An amendment therefore keeps the published values of the fields it changed: a
-- JSON object of column to value, such as {"surname":"Smith"}, and the published walk shows
-- those values while the amendment waits for its notice (ed-register-export.c). An entry
-- amended again before its notice keeps, with each amendment, the values before it; the
-- earliest waiting amendment naming a field holds its published value. Empty for an
-- addition, a deletion, an amendment of nothing published, and an amendment recorded before
-- this migration (whose entry shows its new values, as it always has).
--
-- Synced like the rest of the alteration (SYNC.md §4.10): it is written once, with the
-- alteration's insert, and never changed. The default is empty for the reason
-- 0006-welsh-marker-letter.sql gives.

ALTER TABLE register_alteration ADD COLUMN published TEXT NOT NULL DEFAULT '';

-- Write the existing rows out again with the column in their records, as 0008 does for the
-- elector table, so that the debug write check reads the column as empty and not NULL.
UPDATE register_alteration SET published = published;

-- The alterations' inserts logged so far are stored as bare arrays of the table's six values
-- by position (ed-ins-value.c): store them again as the objects they came from, as 0008 does.
UPDATE op_log
SET val = json_object('elector', val -> 0,
                      'kind', val -> 1,
                      'determined_on', val -> 2,
                      'reason', val -> 3,
                      'detail', val -> 4,
                      'notice', val -> 5)
WHERE tbl = 'register_alteration' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 6;
