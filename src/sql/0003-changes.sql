-- 0003-changes.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The operation log and merge state (SYNC.md §4.3). All local to this desk: the op log is
-- what desks exchange, but each desk keeps its own copy and derives the rest from it.

-- Every change ever made or received, immutable; also the audit trail. col is '__row' for
-- ins, del and restore. val is canonical JSON (an object of every column for ins). pred and
-- seen are JSON arrays of "device:seq".
CREATE TABLE op_log (
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  hlc    INTEGER NOT NULL,
  tbl    TEXT NOT NULL,
  pk     TEXT NOT NULL,
  col    TEXT NOT NULL,
  kind   TEXT NOT NULL CHECK (kind IN ('ins', 'set', 'del', 'restore')),
  val    TEXT,
  pred   TEXT NOT NULL DEFAULT '[]',
  seen   TEXT NOT NULL DEFAULT '[]',
  user   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (device, seq)
) STRICT;
CREATE INDEX op_log_by_field ON op_log (tbl, pk, col);

-- Which ops list which others in their pred, per field: an op is not a head of a field once a
-- stored op on that field names it.
CREATE TABLE op_pred (
  pred_device TEXT NOT NULL,
  pred_seq    INTEGER NOT NULL,
  tbl         TEXT NOT NULL,
  pk          TEXT NOT NULL,
  col         TEXT NOT NULL
) STRICT;
CREATE INDEX op_pred_by_pred ON op_pred (pred_device, pred_seq, tbl, pk, col);

-- The current heads of each field that has been edited since its row was inserted. A field
-- with no rows here has one head: its row's ins op.
CREATE TABLE field_head (
  tbl    TEXT NOT NULL,
  pk     TEXT NOT NULL,
  col    TEXT NOT NULL,
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  PRIMARY KEY (tbl, pk, col, device, seq)
) STRICT, WITHOUT ROWID;

-- Open conflicts, derived from the heads: kind 'value' when a field's heads hold different
-- values, 'delete' when a row is deleted on one desk and edited unseen on another.
CREATE TABLE conflict (
  tbl  TEXT NOT NULL,
  pk   TEXT NOT NULL,
  col  TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('value', 'delete')),
  PRIMARY KEY (tbl, pk, col)
) STRICT, WITHOUT ROWID;

-- What each other desk's clock looked like when its ops arrived.
CREATE TABLE peer_clock (
  device       TEXT PRIMARY KEY NOT NULL,
  max_hlc      INTEGER NOT NULL,
  ahead_ms     INTEGER NOT NULL DEFAULT 0,
  last_seen_ms INTEGER NOT NULL
) STRICT;

-- The same op id arriving with different content: never applied, always shown.
CREATE TABLE integrity_alarm (
  device      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  stored      TEXT NOT NULL,
  received    TEXT NOT NULL
) STRICT;

-- Items for a person to fix, raised by the validators after a merge.
CREATE TABLE validation_item (
  validator TEXT NOT NULL,
  tbl       TEXT NOT NULL,
  pk        TEXT NOT NULL,
  message   TEXT NOT NULL
) STRICT;
