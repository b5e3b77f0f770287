/* ed-elections-tables.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The module's synced tables as the change set, merge and validators see them (the SQL is in
 * 0015-elections.sql), and the checks a merge runs over them. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-validate.h"
#include "core/ed-database.h"
#include "elections/ed-elections-resources.h"
#include "elections/ed-elections-tables.h"

/* Each in its enum's order (ed-elections-tables.h). */
static const EdColumnDef election_columns[] = {
  [ED_ELECTION_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_ELECTION_COL_COUNTRY] = { "country", ED_VALUE_TEXT },
  [ED_ELECTION_COL_POLL_DATE] = { "poll_date", ED_VALUE_DATE },
  [ED_ELECTION_COL_TITLE] = { "title", ED_VALUE_TEXT },
  [ED_ELECTION_COL_SLUG] = { "slug", ED_VALUE_TEXT },
  [ED_ELECTION_COL_COMBINED_WITH] = { "combined_with", ED_VALUE_TEXT },
  [ED_ELECTION_COL_SECOND_INTERIM_DATE] = { "second_interim_date", ED_VALUE_DATE },
  [ED_ELECTION_COL_COUNT_DATE] = { "count_date", ED_VALUE_DATE },
  [ED_ELECTION_COL_CARDS_REQUESTED] = { "cards_requested", ED_VALUE_BOOLEAN },
  [ED_ELECTION_COL_ELECTORATE_FIXED_ON] = { "electorate_fixed_on", ED_VALUE_DATE },
  [ED_ELECTION_COL_NOTES] = { "notes", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (election_columns) == ED_ELECTION_N_COLS);

static const EdColumnDef contest_columns[] = {
  [ED_CONTEST_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_CONTEST_COL_AREA_KIND] = { "area_kind", ED_VALUE_TEXT },
  [ED_CONTEST_COL_AREA] = { "area", ED_VALUE_TEXT },
  [ED_CONTEST_COL_NAME] = { "name", ED_VALUE_TEXT },
  [ED_CONTEST_COL_SEATS] = { "seats", ED_VALUE_INTEGER },
  [ED_CONTEST_COL_CONTESTED] = { "contested", ED_VALUE_BOOLEAN },
  [ED_CONTEST_COL_SLUG] = { "slug", ED_VALUE_TEXT },
  [ED_CONTEST_COL_FIXED_ELECTORATE] = { "fixed_electorate", ED_VALUE_INTEGER },
};
G_STATIC_ASSERT (G_N_ELEMENTS (contest_columns) == ED_CONTEST_N_COLS);

static const EdColumnDef timetable_task_columns[] = {
  [ED_TIMETABLE_TASK_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_TIMETABLE_TASK_COL_EVENT] = { "event", ED_VALUE_TEXT },
  [ED_TIMETABLE_TASK_COL_ASSIGNEE] = { "assignee", ED_VALUE_TEXT },
  [ED_TIMETABLE_TASK_COL_DONE_ON] = { "done_on", ED_VALUE_DATE },
  [ED_TIMETABLE_TASK_COL_NOTE] = { "note", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (timetable_task_columns) == ED_TIMETABLE_TASK_N_COLS);

static const EdColumnDef extra_dies_non_columns[] = {
  [ED_EXTRA_DIES_NON_COL_DAY] = { "day", ED_VALUE_DATE },
  [ED_EXTRA_DIES_NON_COL_REASON] = { "reason", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (extra_dies_non_columns) == ED_EXTRA_DIES_NON_N_COLS);

static const EdColumnDef poll_card_run_columns[] = {
  [ED_POLL_CARD_RUN_COL_ELECTION] = { "election", ED_VALUE_TEXT },
  [ED_POLL_CARD_RUN_COL_KIND] = { "kind", ED_VALUE_TEXT },
  [ED_POLL_CARD_RUN_COL_MADE_ON] = { "made_on", ED_VALUE_DATE },
  [ED_POLL_CARD_RUN_COL_LAYOUT] = { "layout", ED_VALUE_TEXT },
  [ED_POLL_CARD_RUN_COL_SORT_ORDER] = { "sort_order", ED_VALUE_TEXT },
  [ED_POLL_CARD_RUN_COL_CARDS] = { "cards", ED_VALUE_INTEGER },
  [ED_POLL_CARD_RUN_COL_CHECK_ERRORS] = { "check_errors", ED_VALUE_INTEGER },
  [ED_POLL_CARD_RUN_COL_OVERRIDE_REASON] = { "override_reason", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (poll_card_run_columns) == ED_POLL_CARD_RUN_N_COLS);

#define TABLE(name, columns) { name, columns, G_N_ELEMENTS (columns) }

const EdTableDef ed_election_table = TABLE ("election", election_columns);
const EdTableDef ed_contest_table = TABLE ("contest", contest_columns);
const EdTableDef ed_timetable_task_table = TABLE ("timetable_task", timetable_task_columns);
const EdTableDef ed_extra_dies_non_table = TABLE ("extra_dies_non", extra_dies_non_columns);
const EdTableDef ed_poll_card_run_table = TABLE ("poll_card_run", poll_card_run_columns);

/* Two desks can each add the May poll before they sync; the id names the poll to Democracy
 * Club and on every document, so it must be one election's. */
static gboolean
validate_unique_slugs (EdReplica  *replica,
                       GPtrArray  *items,
                       GError    **error)
{
  static const char *election_columns_[] = { "slug", NULL };
  static const char *contest_columns_[] = { "slug", NULL };

  return ed_validate_unique (replica, "election-id-unique", "election", election_columns_,
                             _("election id"), items, error) &&
         ed_validate_unique (replica, "election-id-unique", "contest", contest_columns_,
                             _("contest id"), items, error);
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
    { "election", "combined_with", "election" },
    { "contest", "election", "election" },
    { "timetable_task", "election", "election" },
    { "poll_card_run", "election", "election" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (!ed_validate_reference (replica, "elections-references", references[i].table,
                                references[i].column, references[i].target, items, error))
      return FALSE;
  return TRUE;
}

/* A ward or parish contest names its area by row id; a constituency by the name the register
 * gives it. */
static const char contest_area_sql[] =
  "SELECT c.id, c.name FROM contest AS c "
  "WHERE (c.area_kind = 'ward' AND NOT EXISTS "
  "         (SELECT 1 FROM electoral_area AS a WHERE a.id = c.area)) "
  "   OR (c.area_kind = 'parish' AND NOT EXISTS "
  "         (SELECT 1 FROM parish AS p WHERE p.id = c.area)) "
  "   OR (c.area_kind = 'constituency' AND NOT EXISTS "
  "         (SELECT 1 FROM polling_district AS d WHERE d.constituency = c.area)) "
  "ORDER BY c.name, c.id";

static gboolean
validate_contest_areas (EdReplica  *replica,
                        GPtrArray  *items,
                        GError    **error)
{
  return ed_validate_items_from_query (
    replica, contest_area_sql, "contest-area-missing", "contest",
    /* Translators: %s is a contest's name, such as "Mill Ward" */
    _("The area of the contest in %s is no longer in the register."),
    items, error);
}

/* Combined polls are taken together on one day (RPA 1983 s.15, RPA 1985 s.15): two desks
 * can each move one of them. */
static const char combination_date_sql[] =
  "SELECT e.id, e.slug FROM election AS e "
  "JOIN election AS f ON f.id = e.combined_with "
  "WHERE e.poll_date != f.poll_date "
  "ORDER BY e.slug, e.id";

static gboolean
validate_combination_dates (EdReplica  *replica,
                            GPtrArray  *items,
                            GError    **error)
{
  return ed_validate_items_from_query (
    replica, combination_date_sql, "election-combination-date", "election",
    /* Translators: %s is an election's id, such as
     * local.ashmere-vale.2027-05-06 */
    _("%s is combined with a poll on another day."), items, error);
}

static const EdValidator validators[] = {
  { "election-id-unique", validate_unique_slugs },
  { "elections-references", validate_references },
  { "contest-area-missing", validate_contest_areas },
  { "election-combination-date", validate_combination_dates },
};

/* The module's row of the module list: its tables, validators and migrations
 * (elections/sql). */
void
ed_elections_add_schema (EdSchema *schema)
{
  static const EdTableDef *tables[] = {
    &ed_election_table, &ed_contest_table, &ed_timetable_task_table,
    &ed_extra_dies_non_table, &ed_poll_card_run_table,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    ed_schema_add_table (schema, tables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    ed_schema_add_validator (schema, &validators[i]);

  /* Referencing the resource keeps the linker from dropping it out of the static library;
   * its constructor registers it. */
  (void)ed_elections_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/elections/sql");
}
