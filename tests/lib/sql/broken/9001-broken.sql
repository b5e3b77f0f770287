-- 9001-broken.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A migration that fails half-way, after every migration before it and its own first table:
-- a new district made with it must come out empty, not half made.
CREATE TABLE broken_first (id TEXT PRIMARY KEY NOT NULL);
INSERT INTO no_such_table VALUES (1);
