-- 0002-district.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The district's settings, shared by every desk: one row. Like every synced table it has a
-- TEXT UUID key and no UNIQUE or FOREIGN KEY constraints, so that merging never fails.

CREATE TABLE district (
  id              TEXT PRIMARY KEY NOT NULL,
  council_name    TEXT NOT NULL DEFAULT '',
  council_address TEXT NOT NULL DEFAULT '',
  country         TEXT NOT NULL DEFAULT 'england',
  welsh_language  INTEGER NOT NULL DEFAULT 0,
  ero_name        TEXT NOT NULL DEFAULT '',
  ro_name         TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  website         TEXT NOT NULL DEFAULT ''
) STRICT;
