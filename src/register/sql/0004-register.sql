-- 0004-register.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The electoral register (DOMAIN.md §1). Synced tables, so TEXT UUID keys and no UNIQUE or
-- FOREIGN KEY constraints: a merge must never fail. Duplicate elector numbers and missing
-- properties or districts are found by the register's validators instead. References are
-- row ids ('' for none); booleans are 0/1; dates are ISO 8601 text ('' for none).

-- Wards and divisions: the areas councillors are elected for.
CREATE TABLE electoral_area (
  id    TEXT PRIMARY KEY NOT NULL,
  code  TEXT NOT NULL DEFAULT '',
  name  TEXT NOT NULL DEFAULT '',
  kind  TEXT NOT NULL DEFAULT 'ward',     -- ward | division
  seats INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE parish (
  id   TEXT PRIMARY KEY NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT ''
) STRICT;

-- One part of the register each (RPR 2001 reg 38); its code prefixes the elector numbers.
CREATE TABLE polling_district (
  id             TEXT PRIMARY KEY NOT NULL,
  code           TEXT NOT NULL DEFAULT '',
  name           TEXT NOT NULL DEFAULT '',
  electoral_area TEXT NOT NULL DEFAULT '',
  parish         TEXT NOT NULL DEFAULT '',
  constituency   TEXT NOT NULL DEFAULT ''
) STRICT;

-- Addresses from the gazetteer: "property" is the number, name or flat ("Flat 2, 14").
CREATE TABLE property (
  id               TEXT PRIMARY KEY NOT NULL,
  uprn             INTEGER NOT NULL DEFAULT 0,
  property         TEXT NOT NULL DEFAULT '',
  street           TEXT NOT NULL DEFAULT '',
  locality         TEXT NOT NULL DEFAULT '',
  town             TEXT NOT NULL DEFAULT '',
  area             TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  polling_district TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX property_by_district ON property (polling_district);

-- An entry in the register. Electors with no printed address (overseas and other special
-- categories) have no property and are listed under "Other electors"; anonymous entries
-- print only as number and N (RPR 2001 reg 41, 41A).
CREATE TABLE elector (
  id                     TEXT PRIMARY KEY NOT NULL,
  polling_district       TEXT NOT NULL DEFAULT '',
  property               TEXT NOT NULL DEFAULT '',
  number_prefix          TEXT NOT NULL DEFAULT '',
  number                 INTEGER NOT NULL DEFAULT 0,
  number_suffix          INTEGER NOT NULL DEFAULT 0,
  title                  TEXT NOT NULL DEFAULT '',
  forenames              TEXT NOT NULL DEFAULT '',
  surname                TEXT NOT NULL DEFAULT '',
  marker                 TEXT NOT NULL DEFAULT '',
  attainer_date          TEXT NOT NULL DEFAULT '',
  open_register_opt_out  INTEGER NOT NULL DEFAULT 0,
  absent_vote            TEXT NOT NULL DEFAULT '',  -- '' | postal | proxy | postal_proxy
  absent_vote_ends       TEXT NOT NULL DEFAULT '',
  proxy_name             TEXT NOT NULL DEFAULT '',
  proxy_address          TEXT NOT NULL DEFAULT '',
  anonymous              INTEGER NOT NULL DEFAULT 0,
  other_elector          INTEGER NOT NULL DEFAULT 0,
  language               TEXT NOT NULL DEFAULT 'en', -- en | cy
  -- current | pending_addition | pending_deletion: a deletion takes effect, and the row is
  -- deleted, when the notice listing it is published.
  status                 TEXT NOT NULL DEFAULT 'current'
) STRICT;
CREATE INDEX elector_by_number ON elector (number_prefix, number, number_suffix);
CREATE INDEX elector_by_property ON elector (property);

-- A notice of alteration or a revised register, as prepared and then published.
CREATE TABLE register_notice (
  id               TEXT PRIMARY KEY NOT NULL,
  kind             TEXT NOT NULL DEFAULT 'monthly',  -- monthly | interim | revised
  publication_date TEXT NOT NULL DEFAULT '',
  published        INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Each determined change to the register, waiting for the next notice until one is published
-- with it (notice is then that notice's id).
CREATE TABLE register_alteration (
  id            TEXT PRIMARY KEY NOT NULL,
  elector       TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL DEFAULT 'addition',   -- addition | deletion | amendment
  determined_on TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '',
  notice        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX register_alteration_by_notice ON register_alteration (notice);
CREATE INDEX register_alteration_by_elector ON register_alteration (elector);

-- Each copy of the register supplied or sold (DOMAIN.md §1.3).
CREATE TABLE register_supply (
  id          TEXT PRIMARY KEY NOT NULL,
  supplied_on TEXT NOT NULL DEFAULT '',
  recipient   TEXT NOT NULL DEFAULT '',
  entitlement TEXT NOT NULL DEFAULT '',
  item        TEXT NOT NULL DEFAULT 'full',  -- full | edited | notice | overseas | marked
  format      TEXT NOT NULL DEFAULT 'data',  -- data | printed
  notice      TEXT NOT NULL DEFAULT '',
  entries     INTEGER NOT NULL DEFAULT 0,
  fee         INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Search as you type over names, addresses, postcodes and elector numbers: local to this desk.
-- Its rowid is the elector's rowid; anything that renumbers rowids (VACUUM) must rebuild it.
-- Searches are prefix terms in any column, never phrases or ranked, so the index keeps no
-- positions (detail=none) or column sizes: less than half the size and the time to build.
-- Prefix indexes keep one- to three-letter searches quick at a million electors.
CREATE VIRTUAL TABLE elector_search USING fts5 (
  name, address, postcode, number,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3',
  detail = none,
  columnsize = 0
);

CREATE VIEW elector_search_source (rowid, name, address, postcode, number) AS
  SELECT e.rowid,
         e.title || ' ' || e.forenames || ' ' || e.surname,
         CASE WHEN e.anonymous THEN '' ELSE
           trim (p.property || ' ' || p.street || ' ' || p.locality || ' ' || p.town) END,
         CASE WHEN e.anonymous THEN '' ELSE p.postcode || ' ' || replace (p.postcode, ' ', '') END,
         e.number_prefix || e.number ||
           CASE WHEN e.number_suffix > 0 THEN '/' || e.number_suffix ELSE '' END
  FROM elector AS e LEFT JOIN property AS p ON p.id = e.property;

-- The electors whose index entries are out of date. Triggers fill it on every write, merges
-- included; the register brings the index up to date from it just before each transaction
-- commits (ed-register-tables.c). Writing the FTS5 table from the triggers instead would make
-- each row's statement a savepoint, and FTS5 writes its pending terms to disk at every
-- savepoint: a bulk import would leave a segment per row to be merged.
CREATE TABLE elector_search_queue (
  elector_rowid INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER elector_search_insert AFTER INSERT ON elector BEGIN
  INSERT OR IGNORE INTO elector_search_queue (elector_rowid) VALUES (NEW.rowid);
END;

CREATE TRIGGER elector_search_update AFTER UPDATE OF title, forenames, surname, property,
  number_prefix, number, number_suffix, anonymous ON elector BEGIN
  INSERT OR IGNORE INTO elector_search_queue (elector_rowid) VALUES (NEW.rowid);
END;

CREATE TRIGGER elector_search_delete AFTER DELETE ON elector BEGIN
  INSERT OR IGNORE INTO elector_search_queue (elector_rowid) VALUES (OLD.rowid);
END;

CREATE TRIGGER elector_search_property AFTER UPDATE OF property, street, locality, town,
  postcode ON property BEGIN
  INSERT OR IGNORE INTO elector_search_queue (elector_rowid)
    SELECT rowid FROM elector WHERE property = NEW.id;
END;

-- How many entries the register holds, kept by triggers: counting a million rows at every
-- start-up would cost the register page its first frame.
CREATE TABLE register_size (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  electors INTEGER NOT NULL
) STRICT;
INSERT INTO register_size (id, electors) VALUES (1, 0);

CREATE TRIGGER register_size_insert AFTER INSERT ON elector BEGIN
  UPDATE register_size SET electors = electors + 1 WHERE id = 1;
END;

CREATE TRIGGER register_size_delete AFTER DELETE ON elector BEGIN
  UPDATE register_size SET electors = electors - 1 WHERE id = 1;
END;
