-- 0018-fee-rate-travel.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A flat travel allowance in a role's fee. Some scales add a fixed sum for travel to the
-- day's fee instead of paying mileage: Herefordshire's presiding officer fee of £352.38
-- includes £20 travel expenses, "non-taxable due to transportation of a ballot box", and its
-- poll clerk fee of £229.85 includes £10 travel expenses with no such note (DOMAIN.md §4.2
-- (b)). Folded into the fee, the £20 would be taxed; kept out of it, it is a line of its own
-- that is taxable or not by the journey it pays for, as mileage is (DOMAIN.md §4.3): carrying
-- the ballot box to the count is business travel and not taxable, travel between home and
-- the one station a person works at all day is commuting and taxable. Neither column of
-- 0017-staff.sql can hold it: the training fee is paid only when training was attended, and
-- the supplement only at a combined poll.
--
-- The defaults are those a merge gives a column added after a row was inserted (0006-welsh-
-- marker-letter.sql says why they must be): no allowance, and '' for the purpose, which reads
-- as the rate's mileage_purpose, as staff_journey.purpose does.

ALTER TABLE fee_rate ADD COLUMN travel_allowance INTEGER NOT NULL DEFAULT 0;  -- pence a day
-- business | commuting | '' for the rate's mileage_purpose
ALTER TABLE fee_rate ADD COLUMN travel_purpose TEXT NOT NULL DEFAULT '';

-- Write the existing rows out again with the columns in their records (0006 says why).
UPDATE fee_rate
SET travel_allowance = travel_allowance,
    travel_purpose = travel_purpose;

-- The fee rates' inserts logged so far are bare arrays of the thirteen values the table had
-- (ed-ins-value.c): store them again as the objects they came from, byte for byte, as 0006
-- does for the district table. Only an array of the thirteen values is one of them: anything
-- else was never readable as a fee rate's insert and is kept as it is.
UPDATE op_log
SET val = json_object('election', val -> 0,
                      'role', val -> 1,
                      'basis', val -> 2,
                      'rate', val -> 3,
                      'enhanced_rate', val -> 4,
                      'unit_name', val -> 5,
                      'training_fee', val -> 6,
                      'supplement_kind', val -> 7,
                      'supplement', val -> 8,
                      'mileage_purpose', val -> 9,
                      'nic_category', val -> 10,
                      'cost_head', val -> 11,
                      'source', val -> 12)
WHERE tbl = 'fee_rate' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 13;
