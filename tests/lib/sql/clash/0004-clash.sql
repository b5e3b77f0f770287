-- 0004-clash.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Takes a number the register already has: a district must refuse to open with it.
CREATE TABLE clash (id TEXT PRIMARY KEY NOT NULL);
