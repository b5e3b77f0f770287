/* ed-schema-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "ed-district-settings.h"
#include "ed-register-tables.h"
#include "ed-schema-tables.h"

/* Every table in a district database, in one place: the synced tables each module declares,
 * and the tables that stay on this desk. A test fails if a migration adds a table that is
 * in neither list, so no table can be forgotten by the sync. */

static const char *local_tables[] = {
  "desk_state",        /* this desk's identity, clock and preferences */
  "op_log",            /* every op made or received */
  "op_pred",           /* which op supersedes which, per field */
  "field_head",        /* the current versions of edited fields */
  "conflict",          /* open conflicts, derived from the heads */
  "peer_clock",        /* other desks' clocks as last seen */
  "integrity_alarm",   /* op ids that arrived with different content */
  "validation_item",   /* items the validators raised for a person */
};

void
_ed_schema_add_application_tables (EdSchema *schema)
{
  for (guint i = 0; i < G_N_ELEMENTS (local_tables); i++)
    ed_schema_add_local_table (schema, local_tables[i]);

  /* core */
  ed_schema_add_table (schema, &ed_district_table);
  ed_schema_set_identity_table (schema, ed_district_table.name);
  ed_schema_add_validator (schema, &ed_district_validator);

  _ed_register_add_tables (schema);
}
