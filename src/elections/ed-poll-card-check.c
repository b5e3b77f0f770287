/* ed-poll-card-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check of an election's poll cards (issue: "poll cards that print right
 * first time"): run before any final output and shown as a report. It reads the register
 * through the same roll the cards are printed from, and checks what a wrong card costs a
 * council a reprint for: a card with no station, a station whose place is not booked. Errors
 * refuse the final print unless a person overrides them with a reason. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-election-roll.h"
#include "elections/ed-poll-card-check.h"

static void
item_free (EdPollCardCheckItem *item)
{
  g_free (item->code);
  g_free (item->message);
  g_free (item->elector_number);
  g_free (item->station_code);
  g_free (item);
}

static void
station_free (EdPollCardCheckStation *station)
{
  g_free (station->code);
  g_free (station->place_name);
  g_free (station);
}

void
ed_poll_card_check_free (EdPollCardCheck *check)
{
  if (check == NULL)
    return;
  g_clear_pointer (&check->items, g_ptr_array_unref);
  g_clear_pointer (&check->stations, g_ptr_array_unref);
  g_free (check);
}

typedef struct
{
  EdPollCardCheck *check;
  EdElectionRoll  *roll;
  /* One row per roll station, then one for cards with no station. */
  GPtrArray       *by_station;
  EdProgressFunc   progress;
  gpointer         progress_data;
  gint64           total;
  gint64           seen;
} Checker;

static void
add_item (EdPollCardCheck  *check,
          EdCheckSeverity   severity,
          const char       *code,
          const char       *elector_number,
          const char       *station_code,
          char             *message)
{
  EdPollCardCheckItem *item = g_new0 (EdPollCardCheckItem, 1);

  item->severity = severity;
  item->code = g_strdup (code);
  item->message = message;
  item->elector_number = g_strdup (elector_number);
  item->station_code = g_strdup (station_code);
  g_ptr_array_add (check->items, item);
  if (severity == ED_CHECK_ERROR)
    check->n_errors++;
  else
    check->n_warnings++;
}

static gboolean
check_entry (EdElectionRoll     *roll,
             const EdRollEntry  *entry,
             gpointer            user_data,
             GError            **error)
{
  Checker *checker = user_data;
  EdPollCardCheckStation *row;

  if (checker->progress != NULL && ++checker->seen % 4096 == 0)
    checker->progress ((double)checker->seen / (double)MAX (checker->total, 1),
                       _("Checking the poll cards"), checker->progress_data);
  if (!ed_election_roll_entry_gets_card (roll, entry))
    return TRUE;

  checker->check->cards[entry->variant]++;
  row = g_ptr_array_index (checker->by_station,
                           entry->station >= 0 ? (guint)entry->station
                                               : checker->by_station->len - 1);
  row->cards[entry->variant]++;

  if (entry->station < 0 && entry->variant != ED_POLL_CARD_POSTAL &&
      entry->variant != ED_POLL_CARD_PROXY_POSTAL)
    {
      g_autofree char *number = ed_elector_number_format (&entry->voter->number);

      add_item (checker->check, ED_CHECK_ERROR, "no-station", number, NULL,
                /* Translators: %s is an elector number */
                g_strdup_printf (_("Elector %s votes in person but no polling station serves "
                                   "their address: give the street or district a station in "
                                   "the polling plan."), number));
    }
  return TRUE;
}

/* Each station cards name: its place must be booked for the day. */
static void
check_bookings (Checker *checker)
{
  for (guint s = 0; s < checker->roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (checker->roll->stations, s);
      EdPollCardCheckStation *row = g_ptr_array_index (checker->by_station, s);
      guint64 in_person = row->cards[ED_POLL_CARD_ORDINARY] + row->cards[ED_POLL_CARD_PROXY];

      if (in_person == 0)
        continue;
      if (*station->place_id == '\0')
        add_item (checker->check, ED_CHECK_ERROR, "station-without-place", NULL, station->code,
                  /* Translators: %s is a polling station's code */
                  g_strdup_printf (_("Station %s has no polling place: the cards would name "
                                     "no building."), station->code));
      else if (station->booking_state == ED_BOOKING_CANCELLED)
        add_item (checker->check, ED_CHECK_ERROR, "place-cancelled", NULL, station->code,
                  /* Translators: a station's code, then its place's name */
                  g_strdup_printf (_("The booking of %2$s, the place of station %1$s, is "
                                     "cancelled: its cards would send electors to a building "
                                     "that will not be open."),
                                   station->code, station->place_name));
      else if (station->booking_state != ED_BOOKING_CONFIRMED)
        add_item (checker->check, ED_CHECK_WARNING, "place-not-confirmed", NULL, station->code,
                  /* Translators: a station's code, then its place's name */
                  g_strdup_printf (_("The booking of %2$s, the place of station %1$s, is not "
                                     "yet confirmed."),
                                   station->code, station->place_name));
    }
}

static gint
errors_first (gconstpointer a,
              gconstpointer b)
{
  const EdPollCardCheckItem *x = *(EdPollCardCheckItem **)a;
  const EdPollCardCheckItem *y = *(EdPollCardCheckItem **)b;

  return (gint)x->severity - (gint)y->severity;
}

/**
 * ed_poll_card_check_run:
 * @context: the district
 * @election: one poll of the combination whose cards are checked
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop early
 * @error: return location for an error
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
EdPollCardCheck *
ed_poll_card_check_run (EdContext       *context,
                        EdElection      *election,
                        EdProgressFunc   progress,
                        gpointer         progress_data,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(EdPollCardCheck) check = g_new0 (EdPollCardCheck, 1);
  g_autoptr(GPtrArray) by_station = NULL;
  Checker checker = { .progress = progress, .progress_data = progress_data };

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  check->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return NULL;
  by_station = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  for (guint s = 0; s <= roll->stations->len; s++)
    {
      EdPollCardCheckStation *row = g_new0 (EdPollCardCheckStation, 1);
      EdRollStation *station = s < roll->stations->len ? g_ptr_array_index (roll->stations, s)
                                                        : NULL;

      row->code = g_strdup (station != NULL ? station->code : "");
      row->place_name = g_strdup (station != NULL ? station->place_name : "");
      g_ptr_array_add (by_station, row);
    }
  checker.check = check;
  checker.roll = roll;
  checker.by_station = by_station;
  if (progress != NULL)
    checker.total = ed_election_roll_count_entries (roll, context, NULL);
  if (!ed_election_roll_foreach (roll, context, ED_VOTER_ORDER_REGISTER, FALSE, cancellable,
                                 check_entry, &checker, error))
    return NULL;
  check_bookings (&checker);

  /* The stations that have cards, by code; then the cards with none, if any. */
  check->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  for (guint s = 0; s < by_station->len; s++)
    {
      EdPollCardCheckStation *row = g_ptr_array_index (by_station, s);
      guint64 cards = 0;

      for (guint v = 0; v < ED_N_POLL_CARD_VARIANTS; v++)
        cards += row->cards[v];
      if (cards > 0)
        g_ptr_array_add (check->stations, g_ptr_array_steal_index (by_station, s--));
    }
  g_ptr_array_sort (check->items, errors_first);
  if (progress != NULL)
    progress (1.0, _("Checking the poll cards"), progress_data);
  return g_steal_pointer (&check);
}

typedef struct
{
  char            *election_id;
  EdPollCardCheck *check;
} CheckJob;

static void
check_job_free (CheckJob *data)
{
  g_free (data->election_id);
  g_clear_pointer (&data->check, ed_poll_card_check_free);
  g_free (data);
}

static gboolean
check_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  CheckJob *data = task_data;
  g_autoptr(EdElection) election = ed_election_load (ED_CONTEXT (connection),
                                                     data->election_id, error);

  if (election == NULL)
    return FALSE;
  data->check = ed_poll_card_check_run (ED_CONTEXT (connection), election, ed_job_progress,
                                        job, cancellable, error);
  return data->check != NULL;
}

/**
 * ed_poll_card_check_run_async:
 * @context: the district
 * @election: one poll of the combination whose cards are checked
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_poll_card_check_run() on the district's own connection in a worker thread.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_poll_card_check_run_async (EdContext           *context,
                              EdElection          *election,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  CheckJob *data = g_new0 (CheckJob, 1);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  data->election_id = g_strdup (election->id);
  return ed_context_run_job_async (context, check_work, data, (GDestroyNotify)check_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_poll_card_check_run_finish:
 * @job: the job ed_poll_card_check_run_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the report
 */
EdPollCardCheck *
ed_poll_card_check_run_finish (EdJob         *job,
                               GAsyncResult  *result,
                               GError       **error)
{
  CheckJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, check_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->check);
}
