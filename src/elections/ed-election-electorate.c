/* ed-election-electorate.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The electorate of each poll of a combination: who may vote, contest by contest and
 * station by station, split by the way they vote, how many entries may not vote and why,
 * and how many poll cards go out. One walk of the roll counts every poll at once; the final
 * interim notice fixes the figures (DOMAIN.md §1.4), which are then kept beside each
 * contest. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-elections-tables.h"

/* How many entries pass between two progress reports. */
#define PROGRESS_EVERY 2000

void
ed_election_electorate_free (EdElectionElectorate *electorate)
{
  if (electorate == NULL)
    return;
  for (guint p = 0; p < electorate->n_polls; p++)
    {
      EdPollElectorate *poll = &electorate->polls[p];

      for (guint c = 0; poll->contests != NULL && c < poll->election->contests->len; c++)
        g_free (poll->contests[c].stations);
      g_free (poll->contests);
    }
  g_clear_pointer (&electorate->roll, ed_election_roll_free);
  g_free (electorate);
}

/**
 * ed_electorate_way_get_display_name:
 * @way: a way of voting, as the poll card it calls for names it
 *
 * Returns: (transfer none): its name as a column heading, translated
 */
const char *
ed_electorate_way_get_display_name (EdPollCardVariant way)
{
  switch (way)
    {
    case ED_POLL_CARD_ORDINARY:
      return _("In Person");
    case ED_POLL_CARD_POSTAL:
      return _("Postal");
    case ED_POLL_CARD_PROXY:
      return _("Proxy");
    case ED_POLL_CARD_PROXY_POSTAL:
      return _("Postal Proxy");
    case ED_N_POLL_CARD_VARIANTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
count_add (EdElectorateCount *count,
           EdPollCardVariant  way)
{
  count->electors++;
  count->by_way[way]++;
}

typedef struct
{
  EdElectionElectorate *electorate;
  gint64                expected;
  EdProgressFunc        progress;
  gpointer              progress_data;
} Counting;

static gboolean
count_entry (EdElectionRoll     *roll,
             const EdRollEntry  *entry,
             gpointer            user_data,
             GError            **error)
{
  Counting *counting = user_data;
  EdElectionElectorate *electorate = counting->electorate;
  guint n_stations = roll->stations->len;
  guint station = entry->station >= 0 ? (guint)entry->station : n_stations;

  for (guint p = 0; p < electorate->n_polls; p++)
    {
      EdPollElectorate *poll = &electorate->polls[p];
      EdContestElectorate *contest;

      if (entry->district == NULL || entry->district->contest[p] < 0)
        continue;
      if (!(entry->votes & (1u << p)))
        {
          poll->refused[entry->refusal[p]]++;
          continue;
        }
      contest = &poll->contests[entry->district->contest[p]];
      count_add (&poll->total, entry->variant);
      count_add (&contest->total, entry->variant);
      count_add (&contest->stations[station], entry->variant);
    }
  electorate->cards += ed_election_roll_entry_gets_card (roll, entry);
  electorate->n_entries++;
  if (counting->progress != NULL && electorate->n_entries % PROGRESS_EVERY == 0)
    counting->progress (0.05 + 0.95 * (double)electorate->n_entries /
                                  (double)MAX (counting->expected, electorate->n_entries),
                        _("Counting the electorate"), counting->progress_data);
  return TRUE;
}

/**
 * ed_election_electorate_compute:
 * @context: the district
 * @election: a poll; every poll of its combination is counted
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop early
 * @error: return location for an error
 *
 * Counts who may vote at each poll of the combination as the register stands: the entries
 * of the polling districts that vote in one of its contests that may vote at it
 * (ed_election_eligibility()), split by contest, by the station their address votes at and
 * by the way they vote; a pending addition is not counted until its notice is published.
 * The poll cards the combination sends are counted in the same pass.
 *
 * Returns: (transfer full): the electorate, or %NULL with @error set
 */
EdElectionElectorate *
ed_election_electorate_compute (EdContext       *context,
                                EdElection      *election,
                                EdProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(EdElectionElectorate) electorate = g_new0 (EdElectionElectorate, 1);
  Counting counting = {
    .electorate = electorate,
    .progress = progress,
    .progress_data = progress_data,
  };
  guint n_slots;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  electorate->roll = ed_election_roll_new (context, election, error);
  if (electorate->roll == NULL)
    return NULL;
  n_slots = electorate->roll->stations->len + 1;
  electorate->n_polls = electorate->roll->polls->len;
  for (guint p = 0; p < electorate->n_polls; p++)
    {
      EdPollElectorate *poll = &electorate->polls[p];

      poll->election = ed_election_roll_get_poll (electorate->roll, p);
      poll->contests = g_new0 (EdContestElectorate, poll->election->contests->len);
      for (guint c = 0; c < poll->election->contests->len; c++)
        poll->contests[c].stations = g_new0 (EdElectorateCount, n_slots);
    }
  if (progress != NULL)
    {
      counting.expected = ed_election_roll_count_entries (electorate->roll, context, error);
      if (counting.expected < 0)
        return NULL;
      progress (0.05, _("Counting the electorate"), progress_data);
    }
  if (!ed_election_roll_foreach (electorate->roll, context, ED_VOTER_ORDER_NUMBER, FALSE,
                                 cancellable, count_entry, &counting, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, _("Counting the electorate"), progress_data);
  return g_steal_pointer (&electorate);
}

/**
 * ed_election_electorate_get_station:
 * @electorate: an electorate
 * @poll: a poll's index in the combination
 * @contest: a contest's index in the poll
 * @station: a station's index in the roll's stations, or -1 for the addresses with none
 *
 * Returns: (transfer none): the contest's electors at the station
 */
const EdElectorateCount *
ed_election_electorate_get_station (EdElectionElectorate *electorate,
                                    guint                 poll,
                                    guint                 contest,
                                    gint                  station)
{
  guint n_stations;

  g_return_val_if_fail (electorate != NULL && poll < electorate->n_polls, NULL);
  g_return_val_if_fail (contest < electorate->polls[poll].election->contests->len, NULL);
  n_stations = electorate->roll->stations->len;
  g_return_val_if_fail (station < (gint)n_stations, NULL);

  return &electorate->polls[poll].contests[contest].stations[station >= 0 ? (guint)station
                                                                          : n_stations];
}

typedef struct
{
  char                 *election_id;
  EdElectionElectorate *electorate;
} ComputeJob;

static void
compute_job_free (ComputeJob *data)
{
  g_free (data->election_id);
  g_clear_pointer (&data->electorate, ed_election_electorate_free);
  g_free (data);
}

static gboolean
compute_work (EdJob         *job,
              GObject       *connection,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  ComputeJob *data = task_data;
  g_autoptr(EdElection) election = NULL;

  ed_job_report (job, 0.0, _("Counting the electorate"));
  election = ed_election_load (ED_CONTEXT (connection), data->election_id, error);
  if (election == NULL)
    return FALSE;
  data->electorate = ed_election_electorate_compute (ED_CONTEXT (connection), election,
                                                     ed_job_progress, job, cancellable, error);
  return data->electorate != NULL && !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * ed_election_electorate_compute_async:
 * @context: the district
 * @election_id: the id or row id of a poll of the combination
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Counts the electorate (ed_election_electorate_compute()) on the district's own
 * connection in a worker thread, with progress.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_election_electorate_compute_async (EdContext           *context,
                                      const char          *election_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ComputeJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  data = g_new0 (ComputeJob, 1);
  data->election_id = g_strdup (election_id);
  return ed_context_run_job_async (context, compute_work, data,
                                   (GDestroyNotify)compute_job_free, cancellable, callback,
                                   user_data);
}

/**
 * ed_election_electorate_compute_finish:
 * @job: the job ed_election_electorate_compute_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the electorate, or %NULL on an error
 */
EdElectionElectorate *
ed_election_electorate_compute_finish (EdJob         *job,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  ComputeJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, compute_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->electorate);
}

/**
 * ed_election_fix_electorate:
 * @context: the district
 * @election: a poll of the combination
 * @day: the day the final interim notice fixed it
 * @error: return location for an error
 *
 * Counts the electorate as the register stands and records it as fixed on @day
 * (DOMAIN.md §1.4): `election.electorate_fixed_on` of every poll of the combination and
 * `contest.fixed_electorate` of each contest, in one change set. Called once the final
 * interim notice is published, whose alterations are then in the register.
 *
 * Returns: %TRUE on success; %FALSE with the district unchanged
 */
gboolean
ed_election_fix_electorate (EdContext    *context,
                            EdElection   *election,
                            const GDate  *day,
                            GError      **error)
{
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *day_text = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  electorate = ed_election_electorate_compute (context, election, NULL, NULL, NULL, error);
  if (electorate == NULL)
    return FALSE;
  day_text = ed_date_format_iso (day);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  for (guint p = 0; p < electorate->n_polls; p++)
    {
      EdPollElectorate *poll = &electorate->polls[p];

      if (!ed_change_set_set (change_set, ed_election_table.name, poll->election->id,
                              "electorate_fixed_on", g_variant_new_string (day_text), error))
        return FALSE;
      for (guint c = 0; c < poll->election->contests->len; c++)
        {
          EdContest *contest = g_ptr_array_index (poll->election->contests, c);

          if (!ed_change_set_set (change_set, ed_contest_table.name, contest->id,
                                  "fixed_electorate",
                                  g_variant_new_int64 (poll->contests[c].total.electors),
                                  error))
            return FALSE;
        }
    }
  if (!ed_change_set_commit (change_set, error))
    return FALSE;
  election->electorate_fixed_on = *day;
  return TRUE;
}
