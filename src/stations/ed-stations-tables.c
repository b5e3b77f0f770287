/* ed-stations-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The module's synced tables as the change set, merge and validators see them (the SQL is in
 * 0013-stations.sql), and the checks a merge runs over them (DOMAIN.md §3). */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-validate.h"
#include "core/ed-database.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-stations-resources.h"
#include "stations/ed-stations-tables.h"

/* Each in its enum's order (ed-stations-tables.h). */
static const EdColumnDef polling_place_columns[] = {
  [ED_POLLING_PLACE_COL_NAME] = { "name", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_ADDRESS] = { "address", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_POSTCODE] = { "postcode", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_UPRN] = { "uprn", ED_VALUE_INTEGER },
  [ED_POLLING_PLACE_COL_EASTING] = { "easting", ED_VALUE_INTEGER },
  [ED_POLLING_PLACE_COL_NORTHING] = { "northing", ED_VALUE_INTEGER },
  [ED_POLLING_PLACE_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_SPECIAL_CIRCUMSTANCES] = { "special_circumstances", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_CARETAKER] = { "caretaker", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_KEY_HOLDER] = { "key_holder", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_BOOKING_CONTACT] = { "booking_contact", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_PAYEE] = { "payee", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_HIRE_FEE] = { "hire_fee", ED_VALUE_MONEY },
  [ED_POLLING_PLACE_COL_BOOKING_STATE] = { "booking_state", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_POLL_CARD_NOTE] = { "poll_card_note", ED_VALUE_TEXT },
  [ED_POLLING_PLACE_COL_EMS_ID] = { "ems_id", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (polling_place_columns) == ED_POLLING_PLACE_N_COLS);

static const EdColumnDef polling_station_columns[] = {
  [ED_POLLING_STATION_COL_PLACE] = { "place", ED_VALUE_TEXT },
  [ED_POLLING_STATION_COL_CODE] = { "code", ED_VALUE_TEXT },
  [ED_POLLING_STATION_COL_NAME] = { "name", ED_VALUE_TEXT },
  [ED_POLLING_STATION_COL_PRESIDING_OFFICERS] = { "presiding_officers", ED_VALUE_INTEGER },
  [ED_POLLING_STATION_COL_POLL_CLERKS] = { "poll_clerks", ED_VALUE_INTEGER },
  [ED_POLLING_STATION_COL_EMS_ID] = { "ems_id", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (polling_station_columns) == ED_POLLING_STATION_N_COLS);

static const EdColumnDef station_coverage_columns[] = {
  [ED_STATION_COVERAGE_COL_STATION] = { "station", ED_VALUE_TEXT },
  [ED_STATION_COVERAGE_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_STATION_COVERAGE_COL_STREET] = { "street", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (station_coverage_columns) == ED_STATION_COVERAGE_N_COLS);

static const EdColumnDef station_override_columns[] = {
  [ED_STATION_OVERRIDE_COL_PROPERTY] = { "property", ED_VALUE_TEXT },
  [ED_STATION_OVERRIDE_COL_STATION] = { "station", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (station_override_columns) == ED_STATION_OVERRIDE_N_COLS);

static const EdColumnDef place_access_check_columns[] = {
  [ED_PLACE_ACCESS_CHECK_COL_PLACE] = { "place", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_CHECK_COL_ITEM] = { "item", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_CHECK_COL_ANSWER] = { "answer", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_CHECK_COL_NOTE] = { "note", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (place_access_check_columns) == ED_PLACE_ACCESS_CHECK_N_COLS);

static const EdColumnDef place_access_issue_columns[] = {
  [ED_PLACE_ACCESS_ISSUE_COL_PLACE] = { "place", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_ISSUE_COL_ITEM] = { "item", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_ISSUE_COL_DESCRIPTION] = { "description", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_ISSUE_COL_ACTION] = { "action", ED_VALUE_TEXT },
  [ED_PLACE_ACCESS_ISSUE_COL_RAISED_ON] = { "raised_on", ED_VALUE_DATE },
  [ED_PLACE_ACCESS_ISSUE_COL_RESOLVED_ON] = { "resolved_on", ED_VALUE_DATE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (place_access_issue_columns) == ED_PLACE_ACCESS_ISSUE_N_COLS);

static const EdColumnDef district_growth_columns[] = {
  [ED_DISTRICT_GROWTH_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_DISTRICT_GROWTH_COL_DWELLINGS] = { "dwellings", ED_VALUE_INTEGER },
  [ED_DISTRICT_GROWTH_COL_ELECTORS_PER_DWELLING_X100] =
    { "electors_per_dwelling_x100", ED_VALUE_INTEGER },
  [ED_DISTRICT_GROWTH_COL_NOTE] = { "note", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (district_growth_columns) == ED_DISTRICT_GROWTH_N_COLS);

static const EdColumnDef station_review_columns[] = {
  [ED_STATION_REVIEW_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_STATION_REVIEW_COL_TITLE] = { "title", ED_VALUE_TEXT },
  [ED_STATION_REVIEW_COL_STARTED_ON] = { "started_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_NOTICE_PUBLISHED_ON] = { "notice_published_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_CONSULTATION_CLOSES_ON] = { "consultation_closes_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_ARO_REPRESENTATIONS_RECEIVED_ON] =
    { "aro_representations_received_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_ARO_REPRESENTATIONS_PUBLISHED_ON] =
    { "aro_representations_published_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_ACCESS_EXPERTS_CONSULTED_ON] =
    { "access_experts_consulted_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_COMMITTEE_ON] = { "committee_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_COMPLETED_ON] = { "completed_on", ED_VALUE_DATE },
  [ED_STATION_REVIEW_COL_IMPLEMENTED_ON] = { "implemented_on", ED_VALUE_DATE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (station_review_columns) == ED_STATION_REVIEW_N_COLS);

static const EdColumnDef review_representation_columns[] = {
  [ED_REVIEW_REPRESENTATION_COL_REVIEW] = { "review", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_FROM_WHOM] = { "from_whom", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_RECEIVED_ON] = { "received_on", ED_VALUE_DATE },
  [ED_REVIEW_REPRESENTATION_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_PLACE] = { "place", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_BODY] = { "body", ED_VALUE_TEXT },
  [ED_REVIEW_REPRESENTATION_COL_RESPONSE] = { "response", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (review_representation_columns) ==
                 ED_REVIEW_REPRESENTATION_N_COLS);

static const EdColumnDef review_proposal_columns[] = {
  [ED_REVIEW_PROPOSAL_COL_REVIEW] = { "review", ED_VALUE_TEXT },
  [ED_REVIEW_PROPOSAL_COL_POLLING_DISTRICT] = { "polling_district", ED_VALUE_TEXT },
  [ED_REVIEW_PROPOSAL_COL_ACTION] = { "action", ED_VALUE_TEXT },
  [ED_REVIEW_PROPOSAL_COL_PROPOSED_PLACE] = { "proposed_place", ED_VALUE_TEXT },
  [ED_REVIEW_PROPOSAL_COL_REASON] = { "reason", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (review_proposal_columns) == ED_REVIEW_PROPOSAL_N_COLS);

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns) }

const EdTableDef ed_polling_place_table = TABLE ("polling_place", polling_place_columns);
const EdTableDef ed_polling_station_table = TABLE ("polling_station", polling_station_columns);
const EdTableDef ed_station_coverage_table = TABLE ("station_coverage", station_coverage_columns);
const EdTableDef ed_station_override_table = TABLE ("station_override", station_override_columns);
const EdTableDef ed_place_access_check_table =
  TABLE ("place_access_check", place_access_check_columns);
const EdTableDef ed_place_access_issue_table =
  TABLE ("place_access_issue", place_access_issue_columns);
const EdTableDef ed_district_growth_table = TABLE ("district_growth", district_growth_columns);
const EdTableDef ed_station_review_table = TABLE ("station_review", station_review_columns);
const EdTableDef ed_review_representation_table =
  TABLE ("review_representation", review_representation_columns);
const EdTableDef ed_review_proposal_table = TABLE ("review_proposal", review_proposal_columns);

/* Two desks can each give a new station the next free number before they sync; the poll
 * card and the register copy name a station by its code, so it must be one station's. */
static gboolean
validate_unique_codes (EdReplica  *replica,
                       GPtrArray  *items,
                       GError    **error)
{
  static const char *columns[] = { "code", NULL };

  return ed_validate_unique (replica, "station-code-unique", "polling_station", columns,
                             _("station code"), items, error);
}

static gboolean
validate_references (EdReplica  *replica,
                     GPtrArray  *items,
                     GError    **error)
{
  static const struct
  {
    const char *table;
    const char *column;
    const char *target;
  } references[] = {
    { "polling_place", "polling_district", "polling_district" },
    { "polling_station", "place", "polling_place" },
    { "station_coverage", "station", "polling_station" },
    { "station_coverage", "polling_district", "polling_district" },
    { "station_override", "property", "property" },
    { "station_override", "station", "polling_station" },
    { "place_access_check", "place", "polling_place" },
    { "place_access_issue", "place", "polling_place" },
    { "district_growth", "polling_district", "polling_district" },
    { "review_representation", "review", "station_review" },
    { "review_representation", "polling_district", "polling_district" },
    { "review_representation", "place", "polling_place" },
    { "review_proposal", "review", "station_review" },
    { "review_proposal", "polling_district", "polling_district" },
    { "review_proposal", "proposed_place", "polling_place" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (!ed_validate_reference (replica, "stations-references", references[i].table,
                                references[i].column, references[i].target, items, error))
      return FALSE;
  return TRUE;
}

/* Only once the district has a station at all: a register with no stations yet entered is
 * not a plan with every district left out. */
static const char unserved_sql[] =
  "SELECT d.id, d.code FROM polling_district AS d "
  "WHERE EXISTS (SELECT 1 FROM polling_station) "
  "  AND NOT EXISTS (SELECT 1 FROM station_coverage AS c "
  "                  JOIN polling_station AS s ON s.id = c.station "
  "                  WHERE c.polling_district = d.id) "
  "ORDER BY d.code, d.id";

/* Every elector must have a station to vote at (RPA 1983 s.18A: every polling district has a
 * polling place, or is one). */
static gboolean
validate_districts_served (EdReplica  *replica,
                           GPtrArray  *items,
                           GError    **error)
{
  return ed_validate_items_from_query (
    replica, unserved_sql, "district-without-station", "polling_district",
    /* Translators: %s is a polling district's code */
    _("Polling district %s has no polling station."), items, error);
}

/* A place outside every district its station serves, with no special circumstances
 * recorded. A place whose district is not recorded is not judged. */
static const char outside_sql[] =
  "SELECT s.id, s.code FROM polling_station AS s "
  "JOIN polling_place AS p ON p.id = s.place "
  "WHERE p.polling_district != '' AND p.special_circumstances = '' "
  "  AND EXISTS (SELECT 1 FROM station_coverage AS c WHERE c.station = s.id) "
  "  AND NOT EXISTS (SELECT 1 FROM station_coverage AS c "
  "                  WHERE c.station = s.id AND c.polling_district = p.polling_district) "
  "ORDER BY s.code, s.id";

/* A polling place must be inside the polling district unless special circumstances make that
 * undesirable (RPA 1983 s.18B(4)(b), DOMAIN.md §3.1). */
static gboolean
validate_place_in_district (EdReplica  *replica,
                            GPtrArray  *items,
                            GError    **error)
{
  return ed_validate_items_from_query (
    replica, outside_sql, "station-place-outside-district", "polling_station",
    /* Translators: %s is a polling station's code */
    _("The place of station %s is outside every district the station "
      "serves, and no special circumstances are recorded."),
    items, error);
}

static const char open_issues_sql[] =
  "SELECT p.id, p.name FROM polling_place AS p "
  "WHERE p.booking_state != 'cancelled' "
  "  AND EXISTS (SELECT 1 FROM place_access_issue AS i "
  "              WHERE i.place = p.id AND i.resolved_on = '') "
  "ORDER BY p.name, p.id";

/* The council must, so far as is reasonable and practicable, designate only places accessible
 * to disabled electors (RPA 1983 s.18B(4)(d), DOMAIN.md §3.1). */
static gboolean
validate_access_issues (EdReplica  *replica,
                        GPtrArray  *items,
                        GError    **error)
{
  return ed_validate_items_from_query (
    replica, open_issues_sql, "place-open-access-issues", "polling_place",
    /* Translators: %s is a polling place's name */
    _("%s has open accessibility issues."), items, error);
}

/* Every coverage rule of a station that exists, lowest code first: the order the assignment
 * breaks ties in (ed-station-assignment.c). */
static const char coverage_rules_sql[] =
  "SELECT c.id, c.polling_district, c.street, s.id, s.code, coalesce (d.code, '') "
  "FROM station_coverage AS c "
  "JOIN polling_station AS s ON s.id = c.station "
  "LEFT JOIN polling_district AS d ON d.id = c.polling_district "
  "ORDER BY s.code, s.id, c.id";

/* A whole polling district, or one street of it, given to two stations: nothing divides its
 * electors between them, so the assignment gives them all to the lower code and the other
 * station's rule does nothing. Two desks each covering a district before they sync do this;
 * a person must choose, or give one of them streets. Each rule that loses is reported. */
static gboolean
validate_coverage_ambiguous (EdReplica  *replica,
                             GPtrArray  *items,
                             GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, coverage_rules_sql, error);
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *street = (const char *)sqlite3_column_text (stmt, 2);
      const char *station = (const char *)sqlite3_column_text (stmt, 3);
      g_autofree char *street_key = ed_station_street_key (street);
      char *key = g_strconcat ((const char *)sqlite3_column_text (stmt, 1), "\x1f", street_key,
                               NULL);
      const char *winner = g_hash_table_lookup (first, key);

      if (winner == NULL)
        {
          g_hash_table_insert (first, key,
                               g_strdup_printf ("%s\x1f%s", station,
                                                (const char *)sqlite3_column_text (stmt, 4)));
          continue;
        }
      g_free (key);
      if (g_str_has_prefix (winner, station) && winner[strlen (station)] == '\x1f')
        continue;  /* the same station twice: nothing to choose */
      {
        const char *winner_code = strchr (winner, '\x1f') + 1;
        const char *district = (const char *)sqlite3_column_text (stmt, 5);
        const char *code = (const char *)sqlite3_column_text (stmt, 4);
        g_autofree char *message = NULL;

        if (*street_key == '\0')
          /* Translators: a polling district's code, then three station codes */
          message = g_strdup_printf (_("Polling district %s is given whole to stations %s and "
                                       "%s: its electors vote at %s until one rule is removed "
                                       "or the district is divided by street."),
                                     district, winner_code, code, winner_code);
        else
          /* Translators: a street, a polling district's code, then three station codes */
          message = g_strdup_printf (_("%s in polling district %s is given to stations %s and "
                                       "%s: its electors vote at %s until one rule is "
                                       "removed."),
                                     street, district, winner_code, code, winner_code);
        ed_validation_items_add (items, "station-coverage-ambiguous", "station_coverage",
                                 (const char *)sqlite3_column_text (stmt, 0), message);
      }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const EdValidator validators[] = {
  { "station-code-unique", validate_unique_codes },
  { "stations-references", validate_references },
  { "district-without-station", validate_districts_served },
  { "station-place-outside-district", validate_place_in_district },
  { "place-open-access-issues", validate_access_issues },
  { "station-coverage-ambiguous", validate_coverage_ambiguous },
};

/* The module's row of the module list: its tables, validators and migrations
 * (stations/sql). */
void
ed_stations_add_schema (EdSchema *schema)
{
  static const EdTableDef *tables[] = {
    &ed_polling_place_table, &ed_polling_station_table, &ed_station_coverage_table,
    &ed_station_override_table, &ed_place_access_check_table, &ed_place_access_issue_table,
    &ed_district_growth_table, &ed_station_review_table, &ed_review_representation_table,
    &ed_review_proposal_table,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    ed_schema_add_table (schema, tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    ed_schema_add_validator (schema, &validators[i]);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_stations_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/stations/sql");
}
