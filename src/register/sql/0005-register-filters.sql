-- 0005-register-filters.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Indexes for the register page's filters (absent voters, marked electors, attainers, pending
-- changes), so that a filtered count and any page of a filtered list read only the matching
-- electors, in register order, instead of the whole table. Each is partial: it holds only the
-- electors the filter can match (a fifth of the register at most), so it costs little to keep up
-- as electors are written. The filter by polling district needs none: a district's electors are
-- the range of elector_by_number under its prefix.
--
-- ed-register-search.c repeats each WHERE clause word for word, which is what lets SQLite use
-- a partial index.

CREATE INDEX elector_marked ON elector (number_prefix, number, number_suffix, marker)
  WHERE marker != '';
CREATE INDEX elector_absent ON elector (number_prefix, number, number_suffix, absent_vote)
  WHERE absent_vote != '';
CREATE INDEX elector_attainers ON elector (number_prefix, number, number_suffix)
  WHERE attainer_date != '';
CREATE INDEX elector_pending ON elector (number_prefix, number, number_suffix, status)
  WHERE status != 'current';
