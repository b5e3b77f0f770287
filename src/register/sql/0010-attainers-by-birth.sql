-- 0010-attainers-by-birth.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The register page's Attainers filter keeps the entries that give an attainer date and,
-- since 0008-elector-date-of-birth.sql, those whose date of birth puts them under voting age
-- today, which may have no attainer date at all. Which dates of birth those are changes
-- every day, so the index holds every entry with either date (attainers, 16- and
-- 17-year-olds in Wales and Scotland, and anyone whose date of birth was recorded: a small
-- share of the register) and the query keeps the ones under age (ed-register-search.c,
-- which repeats this WHERE clause word for word). It holds both dates, so that telling them
-- apart reads no row of the table.

DROP INDEX elector_attainers;
CREATE INDEX elector_attainers
  ON elector (number_prefix, number, number_suffix, attainer_date, date_of_birth)
  WHERE attainer_date != '' OR date_of_birth != '';
