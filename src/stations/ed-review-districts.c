/* ed-review-districts.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The per-district table of a review's committee report (DOMAIN.md §3.3): each polling
 * district with its ward or parish, its electorate now and projected, the places and stations
 * that serve it, the open accessibility issues there, and what the review proposes. The
 * electorate now and in five years is the polling plan's (ed-station-plan.h), the names,
 * wards and parishes the register's (ed-register-district-profile.h); the rest is this
 * module's own tables. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include "core/ed-database.h"
#include "register/ed-register-district-profile.h"
#include "stations/ed-review-districts.h"
#include "stations/ed-station-plan.h"
#include "stations/ed-station-review.h"

void
ed_review_district_free (EdReviewDistrict *district)
{
  if (district == NULL)
    return;
  g_free (district->polling_district);
  g_free (district->code);
  g_free (district->name);
  g_free (district->electoral_area);
  g_free (district->parish);
  g_clear_pointer (&district->places, g_ptr_array_unref);
  g_clear_pointer (&district->stations, g_ptr_array_unref);
  g_clear_pointer (&district->access_notes, g_ptr_array_unref);
  g_free (district->proposed_place);
  g_free (district->reason);
  g_free (district);
}

static EdReviewDistrict *
find_district (GPtrArray  *districts,
               const char *id)
{
  for (guint i = 0; i < districts->len; i++)
    {
      EdReviewDistrict *district = g_ptr_array_index (districts, i);

      if (g_str_equal (district->polling_district, id))
        return district;
    }
  return NULL;
}

static void
add_once (GPtrArray  *list,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), text))
      return;
  g_ptr_array_add (list, g_strdup (text));
}

/* Which station serves which district, by place: every station with a rule for the district,
 * whether for all of it or a street. */
static const char coverage_sql[] =
  "SELECT c.polling_district, s.place, coalesce (p.name, ''), s.code "
  "FROM station_coverage AS c JOIN polling_station AS s ON s.id = c.station "
  "LEFT JOIN polling_place AS p ON p.id = s.place "
  "ORDER BY c.polling_district, p.name, s.code, s.id";
static const char open_issues_sql[] =
  "SELECT description FROM place_access_issue WHERE place = ?1 AND resolved_on = '' "
  "ORDER BY raised_on, id";

static gboolean
add_coverage (EdDatabase  *database,
              GPtrArray   *districts,
              GError     **error)
{
  g_autoptr(GPtrArray) place_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) place_rows = g_ptr_array_new ();
  sqlite3_stmt *stmt = ed_database_cached (database, coverage_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdReviewDistrict *district =
        find_district (districts, (const char *)sqlite3_column_text (stmt, 0));

      if (district == NULL)
        continue;
      add_once (district->places, (const char *)sqlite3_column_text (stmt, 2));
      add_once (district->stations, (const char *)sqlite3_column_text (stmt, 3));
      g_ptr_array_add (place_ids, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (place_rows, district);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  /* The open issues of each place a district's stations are in. */
  stmt = ed_database_cached (database, open_issues_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < place_ids->len; i++)
    {
      EdReviewDistrict *district = g_ptr_array_index (place_rows, i);

      sqlite3_bind_text (stmt, 1, g_ptr_array_index (place_ids, i), -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        add_once (district->access_notes, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          ed_database_set_error (database, rc, error);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * ed_review_districts:
 * @context: the district
 * @review: (nullable): the review whose proposals to show; %NULL for none
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdReviewDistrict): every polling district, by code,
 *   as a review's per-district table shows it
 */
GPtrArray *
ed_review_districts (EdContext   *context,
                     const char  *review,
                     GError     **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  EdDatabase *database;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  if ((profiles = ed_register_polling_district_profiles (context, error)) == NULL ||
      (plan = ed_station_plan_compute (context, error)) == NULL)
    return NULL;
  if (review != NULL && (proposals = ed_review_proposal_list (context, review, error)) == NULL)
    return NULL;

  districts = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_review_district_free);
  for (guint i = 0; i < profiles->len; i++)
    {
      EdPollingDistrictProfile *profile = g_ptr_array_index (profiles, i);
      EdReviewDistrict *district = g_new0 (EdReviewDistrict, 1);

      district->polling_district = g_strdup (profile->id);
      district->code = g_strdup (profile->code);
      district->name = g_strdup (profile->name);
      district->electoral_area = g_strdup (profile->electoral_area);
      district->parish = g_strdup (profile->parish);
      district->places = g_ptr_array_new_with_free_func (g_free);
      district->stations = g_ptr_array_new_with_free_func (g_free);
      district->access_notes = g_ptr_array_new_with_free_func (g_free);
      district->proposed_place = g_strdup ("");
      district->reason = g_strdup ("");
      /* The electorate now and in five years as the polling plan counts them, so the report
       * and the plan never disagree. */
      for (guint j = 0; j < plan->districts->len; j++)
        {
          EdPlanDistrict *counted = g_ptr_array_index (plan->districts, j);

          if (g_str_equal (counted->id, profile->id))
            {
              district->electors = (gint64)counted->electors;
              district->projected = (gint64)counted->projected_electors;
            }
        }
      g_ptr_array_add (districts, district);
    }
  if (!add_coverage (database, districts, error))
    return NULL;

  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      EdReviewProposal *proposal = g_ptr_array_index (proposals, i);
      EdReviewDistrict *district = find_district (districts, proposal->polling_district);

      if (district == NULL)
        continue;
      district->has_proposal = TRUE;
      district->action = proposal->action;
      g_free (district->proposed_place);
      district->proposed_place = g_strdup (proposal->proposed_place_name);
      g_free (district->reason);
      district->reason = g_strdup (proposal->reason);
    }
  return g_steal_pointer (&districts);
}
