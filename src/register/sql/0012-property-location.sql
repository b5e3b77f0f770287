-- 0012-property-location.sql
-- Copyright 2026 The Electoral Desk authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Where each property stands, as an Ordnance Survey National Grid easting and northing in
-- whole metres (0 and 0 for not known): the polling plan measures each elector's walk to the
-- station from it, and the maps place the property's dot there (DOMAIN.md §3). Coordinates
-- come from the gazetteer through the register import, from the EMS station files and from
-- the demo. A metre is finer than AddressBase's own precision for a property's point.
--
-- The defaults are 0 for the reason 0006-welsh-marker-letter.sql gives: a property inserted
-- before this migration has an insert op without these columns, and a merge that rebuilds
-- the row from its ops gives a missing column its type's default.

ALTER TABLE property ADD COLUMN easting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE property ADD COLUMN northing INTEGER NOT NULL DEFAULT 0;

-- Write the existing rows out again with the columns in their records (0006 says why).
UPDATE property SET easting = easting, northing = northing;

-- The properties' inserts logged so far are bare arrays of the eight values the table had
-- (ed-ins-value.c): store them again as the objects they came from, byte for byte, as 0008
-- does for the electors' inserts.
UPDATE op_log
SET val = json_object('uprn', val -> 0,
                      'property', val -> 1,
                      'street', val -> 2,
                      'locality', val -> 3,
                      'town', val -> 4,
                      'area', val -> 5,
                      'postcode', val -> 6,
                      'polling_district', val -> 7)
WHERE tbl = 'property' AND kind = 'ins' AND val LIKE '[%'
  AND CASE WHEN json_valid (val) THEN json_array_length (val) END = 8;
