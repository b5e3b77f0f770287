-- 0016-elector-by-district.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A poll reads the register one polling district at a time (the poll cards, the
-- polling-station registers, the electorate of each contest): without this index each
-- district's read would scan every elector of the council.

CREATE INDEX elector_by_district ON elector (polling_district);
