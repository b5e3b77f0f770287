-- 9001-things.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The test module's one synced table. Numbered far above the program's own migrations, so
-- that the program can grow without this file being renumbered.
CREATE TABLE thing (
  id    TEXT PRIMARY KEY NOT NULL,
  name  TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL DEFAULT 0
);
