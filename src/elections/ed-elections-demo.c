/* ed-elections-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo district's elections: the council's May poll in every ward, with the parish
 * councils' polls combined with it; one ward and a few parishes uncontested, as usually
 * happens; the timetable's steps shared out among the team, and those whose day has passed
 * done. The people are invented. */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include "core/ed-date.h"
#include "elections/ed-election.h"
#include "elections/ed-elections-demo.h"
#include "register/ed-register-voters.h"

static const char *team[] = {
  "Priya Natarajan", "Owen Blakemore", "Lucy Fenwick", "Marcus Adeyemi",
};

/* The first Thursday in May far enough ahead to count its timetable from: this year's until
 * the end of February, next year's after. */
static void
next_may_poll (const GDate *today,
               GDate       *out)
{
  GDateYear year = g_date_get_year (today);

  if (g_date_get_month (today) > G_DATE_FEBRUARY)
    year++;
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_MAY, year);
  while (g_date_get_weekday (out) != G_DATE_THURSDAY)
    g_date_add_days (out, 1);
}

/* Uncontested: as many candidates stood as there are seats, so no poll is held there. A
 * council's May poll usually has one or two such wards, its parishes more. */
static gboolean
mark_uncontested (EdContext   *context,
                  const char  *election_id,
                  GRand       *rand,
                  guint        one_in,
                  gboolean     parish_seats,
                  GError     **error)
{
  g_autoptr(EdElection) election = ed_election_load (context, election_id, error);

  if (election == NULL)
    return FALSE;
  /* Never the first contest, so that every poll is held somewhere. */
  for (guint i = 0; i < election->contests->len; i++)
    {
      EdContest *contest = g_ptr_array_index (election->contests, i);

      /* A parish council has from five to a dozen or so councillors. */
      if (parish_seats &&
          !ed_contest_set_seats (context, contest->id, (guint)g_rand_int_range (rand, 5, 13),
                                 error))
        return FALSE;
      if (i > 0 && g_rand_int_range (rand, 0, (gint32)one_in) == 0 &&
          !ed_contest_set_contested (context, contest->id, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
mark_past_steps (EdContext    *context,
                 const char   *election_id,
                 const GDate  *today,
                 GRand        *rand,
                 GError      **error)
{
  g_autoptr(EdElection) election = ed_election_load (context, election_id, error);
  g_autoptr(EdTimetable) timetable = NULL;

  if (election == NULL)
    return FALSE;
  timetable = ed_election_get_timetable (context, election, error);
  if (timetable == NULL)
    return FALSE;
  for (guint i = 0; i < timetable->entries->len; i++)
    {
      const EdTimetableEntry *entry = &g_array_index (timetable->entries, EdTimetableEntry, i);
      const char *who = team[g_rand_int_range (rand, 0, G_N_ELEMENTS (team))];
      GDate not_done;

      g_date_clear (&not_done, 1);
      if (!ed_election_set_task (context, election, entry->event, who,
                                 g_date_compare (&entry->date, today) < 0 ? &entry->date
                                                                           : &not_done,
                                 NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_elections_demo:
 * @context: the demo district, its register and stations written
 * @rand: the demo's random stream
 * @options: the demo's options
 * @error: return location for an error
 *
 * Writes the module's part of the demo district (an #EdModuleDemoFunc).
 *
 * Returns: %TRUE on success
 */
gboolean
ed_elections_demo (EdContext            *context,
                   GRand                *rand,
                   const EdDemoOptions  *options,
                   GError              **error)
{
  g_autoptr(GPtrArray) districts = ed_register_list_polling_district_areas (context, error);
  g_autoptr(GHashTable) wards = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parishes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *local_id = NULL;
  g_autofree char *parish_id = NULL;
  EdElectionNew details = { 0, };
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));

  if (districts == NULL)
    return FALSE;
  for (guint i = 0; i < districts->len; i++)
    {
      EdPollingDistrictAreas *areas = g_ptr_array_index (districts, i);

      if (*areas->electoral_area != '\0')
        g_hash_table_add (wards, areas->electoral_area);
      if (*areas->parish != '\0')
        g_hash_table_add (parishes, areas->parish);
    }
  if (g_hash_table_size (wards) == 0)
    return TRUE;

  details.kind = country == ED_COUNTRY_SCOTLAND ? ED_ELECTION_SCOTTISH_LOCAL : ED_ELECTION_LOCAL;
  details.country = country;
  next_may_poll (&options->today, &details.poll);
  local_id = ed_election_add (context, &details, error);
  if (local_id == NULL || !mark_uncontested (context, local_id, rand, 6, FALSE, error) ||
      !mark_past_steps (context, local_id, &options->today, rand, error))
    return FALSE;

  if (g_hash_table_size (parishes) == 0 || country == ED_COUNTRY_SCOTLAND)
    return TRUE;
  details.kind = ED_ELECTION_PARISH;
  details.combine_with = local_id;
  parish_id = ed_election_add (context, &details, error);
  return parish_id != NULL && mark_uncontested (context, parish_id, rand, 3, TRUE, error);
}
