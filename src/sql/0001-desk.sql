-- 0001-desk.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- What belongs to this desk alone and is never shared: its identity and its own preferences.

CREATE TABLE desk_state (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
