-- 0017-staff.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Casual election staff: the people, what they may do and have trained for, the fee scale of
-- each election, their appointments, journeys and expenses, and the approved payroll as a
-- ledger (DOMAIN.md §4). Synced tables, so TEXT UUID keys and no UNIQUE or FOREIGN KEY
-- constraints: the module's validators (ed-staff-tables.c) find what points nowhere.
-- References are row ids ('' for none); booleans are 0/1; dates are ISO 8601 text ('' for
-- none); money is whole pence; times are "HH:MM".

-- A person the returning officer may appoint. No bank details: the council's payroll holds
-- them, keyed by the payroll reference. The National Insurance number is kept for the payroll
-- export only, in its normalised form (QQ123456C).
CREATE TABLE staff_person (
  id                 TEXT PRIMARY KEY NOT NULL,
  family_name        TEXT NOT NULL DEFAULT '',
  given_names        TEXT NOT NULL DEFAULT '',
  email              TEXT NOT NULL DEFAULT '',
  phone              TEXT NOT NULL DEFAULT '',
  address            TEXT NOT NULL DEFAULT '',  -- lines separated by "\n"
  postcode           TEXT NOT NULL DEFAULT '',
  date_of_birth      TEXT NOT NULL DEFAULT '',
  ni_number          TEXT NOT NULL DEFAULT '',
  payroll_reference  TEXT NOT NULL DEFAULT '',
  council_employee   INTEGER NOT NULL DEFAULT 0,
  starter_statement  TEXT NOT NULL DEFAULT '',  -- A | B | C | '': HMRC's starter checklist
  starter_date       TEXT NOT NULL DEFAULT '',
  language           TEXT NOT NULL DEFAULT '',  -- '' | cy: letters in Welsh first
  notes              TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_person_by_name ON staff_person (family_name, given_names);

-- A role a person may take (ed-staff-vocab.h): a presiding officer may also be a poll clerk.
CREATE TABLE staff_person_role (
  id      TEXT PRIMARY KEY NOT NULL,
  person  TEXT NOT NULL DEFAULT '',
  role    TEXT NOT NULL DEFAULT ''  -- presiding_officer, poll_clerk, … (ed-staff-vocab.h)
) STRICT;
CREATE INDEX staff_person_role_by_person ON staff_person_role (person);

-- A training course a person was booked on or attended; a role's training is current on a
-- day when it was attended before that day and `valid_until` is '' or not before it.
CREATE TABLE staff_training (
  id           TEXT PRIMARY KEY NOT NULL,
  person       TEXT NOT NULL DEFAULT '',
  role         TEXT NOT NULL DEFAULT '',   -- the role the course trains for
  course       TEXT NOT NULL DEFAULT '',   -- "Presiding officer training (face to face)"
  course_date  TEXT NOT NULL DEFAULT '',
  attended     INTEGER NOT NULL DEFAULT 0,
  valid_until  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_training_by_person ON staff_training (person);

-- Whether a person can work at an election.
CREATE TABLE staff_availability (
  id            TEXT PRIMARY KEY NOT NULL,
  person        TEXT NOT NULL DEFAULT '',
  election      TEXT NOT NULL DEFAULT '',
  availability  TEXT NOT NULL DEFAULT 'unknown',  -- available | unavailable | unknown
  note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_availability_by_election ON staff_availability (election, person);

-- What an election pays each role, loaded from a template in data/fee-scales and then the
-- election's own. Rates are whole pence; a percentage is in hundredths of a per cent (2000 is
-- 20%), so no rate is ever rounded before it is multiplied (DOMAIN.md §4.3).
CREATE TABLE fee_rate (
  id                  TEXT PRIMARY KEY NOT NULL,
  election            TEXT NOT NULL DEFAULT '',
  role                TEXT NOT NULL DEFAULT '',
  basis               TEXT NOT NULL DEFAULT 'flat',  -- flat | hourly | per_unit
  rate                INTEGER NOT NULL DEFAULT 0,     -- pence a day, an hour or a unit
  enhanced_rate       INTEGER NOT NULL DEFAULT 0,     -- pence an hour at unsocial hours; 0 for none
  unit_name           TEXT NOT NULL DEFAULT '',       -- "form delivered", for per-unit fees
  training_fee        INTEGER NOT NULL DEFAULT 0,     -- paid only when the training was attended
  supplement_kind     TEXT NOT NULL DEFAULT 'none',   -- none | percent | flat
  supplement          INTEGER NOT NULL DEFAULT 0,     -- basis points or pence, per person per polling day
  mileage_purpose     TEXT NOT NULL DEFAULT 'commuting',  -- business | commuting: the role's default
  nic_category        TEXT NOT NULL DEFAULT 'election',   -- election | registration
  cost_head           TEXT NOT NULL DEFAULT 'staff_stations',  -- ro_fees, staff_stations, … (ed-staff-vocab.h)
  source              TEXT NOT NULL DEFAULT ''        -- the template it came from
) STRICT;
CREATE INDEX fee_rate_by_election ON fee_rate (election, role);

-- A person appointed to a role at a place for an election, and how far the appointment has
-- gone. Hours are kept in minutes.
CREATE TABLE staff_appointment (
  id                TEXT PRIMARY KEY NOT NULL,
  election          TEXT NOT NULL DEFAULT '',
  person            TEXT NOT NULL DEFAULT '',
  role              TEXT NOT NULL DEFAULT '',
  place_kind        TEXT NOT NULL DEFAULT 'station',  -- station | count | postal_opening | office
  station           TEXT NOT NULL DEFAULT '',         -- polling_station id, for a station
  session           TEXT NOT NULL DEFAULT '',         -- "Postal vote opening 3", for other places
  work_date         TEXT NOT NULL DEFAULT '',         -- '' for polling day
  start_time        TEXT NOT NULL DEFAULT '',
  end_time          TEXT NOT NULL DEFAULT '',
  minutes           INTEGER NOT NULL DEFAULT 0,       -- hours paid at the ordinary rate
  enhanced_minutes  INTEGER NOT NULL DEFAULT 0,       -- hours paid at the enhanced rate
  units             INTEGER NOT NULL DEFAULT 0,       -- for a per-unit fee
  state             TEXT NOT NULL DEFAULT 'invited',  -- invited | accepted | declined | confirmed | attended | did_not_attend
  state_changed_on  TEXT NOT NULL DEFAULT '',
  note              TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX staff_appointment_by_election ON staff_appointment (election, person);
CREATE INDEX staff_appointment_by_person ON staff_appointment (person);

-- A journey claimed for an appointment, in tenths of a mile. Business travel at HMRC's
-- approved rates is not taxable; commuting is (DOMAIN.md §4.3).
CREATE TABLE staff_journey (
  id           TEXT PRIMARY KEY NOT NULL,
  appointment  TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL DEFAULT '',
  vehicle      TEXT NOT NULL DEFAULT 'car',  -- car | motorcycle | bicycle
  miles        INTEGER NOT NULL DEFAULT 0,   -- tenths of a mile
  passengers   INTEGER NOT NULL DEFAULT 0,
  purpose      TEXT NOT NULL DEFAULT ''      -- business | commuting | '' for the role's default
) STRICT;
CREATE INDEX staff_journey_by_appointment ON staff_journey (appointment);

-- An expense claimed for an appointment, with whether a receipt was seen.
CREATE TABLE staff_expense (
  id           TEXT PRIMARY KEY NOT NULL,
  appointment  TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL DEFAULT '',
  amount       INTEGER NOT NULL DEFAULT 0,  -- pence
  receipted    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX staff_expense_by_appointment ON staff_expense (appointment);

-- An approved payroll run: who approved it, when, and what it came to. Once approved its
-- lines are a ledger (SYNC.md §4.10): a correction is a later run's reversing line.
CREATE TABLE payroll_run (
  id           TEXT PRIMARY KEY NOT NULL,
  election     TEXT NOT NULL DEFAULT '',
  approved_on  TEXT NOT NULL DEFAULT '',
  approved_by  TEXT NOT NULL DEFAULT '',
  lines        INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL DEFAULT 0,  -- pence
  digest       TEXT NOT NULL DEFAULT ''     -- of its lines, to show a line changed after approval
) STRICT;
CREATE INDEX payroll_run_by_election ON payroll_run (election);

-- One line of an approved run: an element of a person's pay, rounded once (DOMAIN.md §4.3).
CREATE TABLE pay_line (
  id            TEXT PRIMARY KEY NOT NULL,
  run           TEXT NOT NULL DEFAULT '',
  election      TEXT NOT NULL DEFAULT '',
  person        TEXT NOT NULL DEFAULT '',
  appointment   TEXT NOT NULL DEFAULT '',
  element       TEXT NOT NULL DEFAULT 'fee',  -- fee | enhanced | training | supplement | mileage | passenger | expense
  description   TEXT NOT NULL DEFAULT '',
  work_date     TEXT NOT NULL DEFAULT '',
  quantity      INTEGER NOT NULL DEFAULT 0,   -- minutes, units or tenths of a mile; 0 for a flat amount
  rate          INTEGER NOT NULL DEFAULT 0,   -- pence
  amount        INTEGER NOT NULL DEFAULT 0,   -- pence; negative on a reversing line
  taxable       INTEGER NOT NULL DEFAULT 1,
  nic_category  TEXT NOT NULL DEFAULT 'election',  -- election | registration
  cost_head     TEXT NOT NULL DEFAULT 'staff_stations',  -- ro_fees, staff_stations, … (ed-staff-vocab.h)
  reverses      TEXT NOT NULL DEFAULT ''      -- the line this one reverses
) STRICT;
CREATE INDEX pay_line_by_run ON pay_line (run);
CREATE INDEX pay_line_by_person ON pay_line (person, work_date);
