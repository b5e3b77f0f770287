-- 0011-sync.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- This desk's own record of sync through a shared folder (SYNC.md §4.3, §4.6): local tables,
-- never synced, which a desk can always rebuild by reading the share again.

-- How this desk reaches the share and where it stands there, as keys and values: the share
-- (`share-kind` folder or webdav, `share-location`, `share-user`), the team (`team`,
-- `district`, `founder`, `founder-sign-public`, `epoch`), this desk (`incarnation`,
-- `exported-seq`, the last seq of its own ops it has written to the share and verified), and
-- what the last sync did (`last-sync-ms`, `last-result`).
CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

-- The ledger: every sealed file this desk has read on the share, and what came of it. Its
-- size and modification time are only a hint to skip a file already applied; a file that
-- failed is read again, with backoff, and shown for a person when it keeps failing.
CREATE TABLE sync_bundle (
  path          TEXT PRIMARY KEY NOT NULL,
  size          INTEGER NOT NULL,
  mtime         INTEGER NOT NULL,
  status        TEXT NOT NULL
                CHECK (status IN ('applied', 'duplicate', 'incomplete', 'corrupt', 'refused')),
  device        TEXT NOT NULL DEFAULT '',
  seq_from      INTEGER NOT NULL DEFAULT 0,
  seq_to        INTEGER NOT NULL DEFAULT 0,
  n_applied     INTEGER NOT NULL DEFAULT 0,
  first_seen_ms INTEGER NOT NULL,
  last_tried_ms INTEGER NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  message       TEXT NOT NULL DEFAULT ''
) STRICT;

-- The team's desks as this desk has verified them from the roster on the share: their keys,
-- whether they may write, and what their latest acknowledgement says they hold.
CREATE TABLE sync_desk (
  device            TEXT PRIMARY KEY NOT NULL,
  user              TEXT NOT NULL DEFAULT '',
  host              TEXT NOT NULL DEFAULT '',
  sign_public       TEXT NOT NULL,
  box_public        TEXT NOT NULL,
  state             TEXT NOT NULL CHECK (state IN ('member', 'requested', 'revoked')),
  joined_hlc        INTEGER NOT NULL DEFAULT 0,
  revoked_epoch     INTEGER NOT NULL DEFAULT 0,
  revoked_after_seq INTEGER NOT NULL DEFAULT 0,
  ack_hlc           INTEGER NOT NULL DEFAULT 0,
  ack_held          TEXT NOT NULL DEFAULT '{}',
  ack_state_hash    TEXT NOT NULL DEFAULT ''
) STRICT;
