-- 0021-accounts.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The Returning Officer's accounts of an election (DOMAIN.md §5). An account belongs to a
-- combination of polls and is named by its first poll (election.combined_with is '' there);
-- a poll on its own is a combination of one. Synced tables, every amount in pence.

-- The budget for a cost head, set and revised in the run-up. Two desks that set one head
-- before they sync have two rows until a person settles it (validator account-estimate-unique);
-- meanwhile the row with the lower id counts.
CREATE TABLE account_estimate (
  id        TEXT PRIMARY KEY NOT NULL,
  election  TEXT NOT NULL DEFAULT '',
  head      TEXT NOT NULL DEFAULT '',  -- ro_fees, staff_stations, … (staff/ed-staff-vocab.h)
  amount    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX account_estimate_by_election ON account_estimate (election);

-- A line of expenditure. The entries are a ledger (SYNC.md §4.10): the app writes a row once
-- and never edits or deletes it; a correction is a later row that reverses it (its amounts
-- negated, reverses naming it).
CREATE TABLE account_entry (
  id              TEXT PRIMARY KEY NOT NULL,
  election        TEXT NOT NULL DEFAULT '',  -- the account: the combination's first poll
  head            TEXT NOT NULL DEFAULT 'other',
  supplier        TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  invoice_number  TEXT NOT NULL DEFAULT '',
  invoice_date    TEXT NOT NULL DEFAULT '',
  net             INTEGER NOT NULL DEFAULT 0,
  vat             INTEGER NOT NULL DEFAULT 0,
  polls           TEXT NOT NULL DEFAULT '',  -- the election row ids it serves, space-separated
  evidence        TEXT NOT NULL DEFAULT 'invoice',  -- invoice | receipt | payroll | contract | none
  pay_run         TEXT NOT NULL DEFAULT '',  -- the payroll_run it was brought in from
  reverses        TEXT NOT NULL DEFAULT '',  -- the entry this one reverses
  after_lock      TEXT NOT NULL DEFAULT '',  -- the account_lock it was entered after
  entered_on      TEXT NOT NULL DEFAULT '',
  entered_by      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX account_entry_by_election ON account_entry (election, head);
CREATE INDEX account_entry_by_pay_run ON account_entry (pay_run);

-- A UK Parliamentary constituency's row of the returning officers' charges order, as the
-- order's table prints it: the overall figure is the order's own, never the sum of the others.
CREATE TABLE account_mra (
  id        TEXT PRIMARY KEY NOT NULL,
  election  TEXT NOT NULL DEFAULT '',  -- the parliamentary poll
  services  INTEGER NOT NULL DEFAULT 0,
  expenses  INTEGER NOT NULL DEFAULT 0,
  overall   INTEGER NOT NULL DEFAULT 0,
  source    TEXT NOT NULL DEFAULT ''   -- the order: "SI 2024/693"
) STRICT;
CREATE INDEX account_mra_by_election ON account_mra (election);

-- The council's scale for the returning officer's fee at a local poll (RPA 1983 s.36(4)):
-- a sum for the election, so much for each 1,000 electors and so much for each contested area.
CREATE TABLE account_fee_scale (
  id                   TEXT PRIMARY KEY NOT NULL,
  election             TEXT NOT NULL DEFAULT '',
  per_election         INTEGER NOT NULL DEFAULT 0,
  per_1000_electors    INTEGER NOT NULL DEFAULT 0,
  per_contested_area   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX account_fee_scale_by_election ON account_fee_scale (election);

-- An account submitted: when, by whom, and the entries, total and digest it was submitted
-- with. Entries made after it carry its id; one that was not (a desk that had not yet seen
-- the lock) shows as a change to the account as submitted (validator account-changed).
CREATE TABLE account_lock (
  id          TEXT PRIMARY KEY NOT NULL,
  election    TEXT NOT NULL DEFAULT '',
  locked_on   TEXT NOT NULL DEFAULT '',
  locked_by   TEXT NOT NULL DEFAULT '',
  entries     INTEGER NOT NULL DEFAULT 0,
  total       INTEGER NOT NULL DEFAULT 0,
  digest      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX account_lock_by_election ON account_lock (election);

-- How an account is split where the law leaves the council a choice: what its parish polls
-- are recharged (DOMAIN.md §5.2: the additional cost only, as councils such as North
-- Yorkshire do, or an equal share of what the polls share).
CREATE TABLE account_setup (
  id               TEXT PRIMARY KEY NOT NULL,
  election         TEXT NOT NULL DEFAULT '',
  parish_recharge  TEXT NOT NULL DEFAULT 'additional'  -- additional | equal_share
) STRICT;
CREATE INDEX account_setup_by_election ON account_setup (election);
