/* ed-poll-card-check.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pre-print check of an election's poll cards (issue: "poll cards that print right
 * first time"): run before any final output and shown as a report. It reads the register
 * through the same roll the cards are printed from, and checks it against what does not come
 * from the roll: the polling plan the stations module computes on its own (each address's
 * station, what each station serves, its electorate), the places table, and the elector's
 * entry read afresh (who may vote, which card their absent vote calls for). What it looks
 * for is what a wrong card costs a council a reprint for, or worse: a card sending electors
 * to the wrong building, a card to someone who may not vote, two cards to one person, an
 * address that does not show in the envelope window. Errors refuse the final print unless a
 * person overrides them with a reason (ed_poll_card_check_gate()), which is recorded with the
 * run.
 *
 * This file holds the run from start to end, the gate and the job, and the reasons an entry
 * gets no card; the checks of each entry are in ed-poll-card-check-entry.c, those against the
 * polling plan in ed-poll-card-check-plan.c, and the report's findings and order in
 * ed-poll-card-check-report.c. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-poll-card-check-private.h"

G_DEFINE_QUARK (ed-poll-card-check-error-quark, ed_poll_card_check_error)

static void
item_free (EdPollCardCheckItem *item)
{
  g_free (item->code);
  g_free (item->message);
  g_free (item->elector_number);
  g_free (item->station_code);
  g_free (item);
}

void
_ed_poll_card_check_station_free (EdPollCardCheckStation *station)
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

static const struct
{
  const char *name;
  const char *description;
} left_out_terms[] = {
  { "not-yet-registered", N_("Pending additions: not in the register until their notice") },
  { "franchise", N_("Franchise does not include the poll") },
  { "under-age", N_("Under the voting age on polling day") },
  { "no-contest", N_("Polling district votes in no contested area") },
  { "no-cards-requested", N_("The poll sends no cards") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (left_out_terms) == ED_N_CARD_LEFT_OUT);

/**
 * ed_card_left_out_to_string:
 * @reason: why an entry gets no card
 *
 * Returns: (transfer none): its stable name, as the JSON report gives it
 */
const char *
ed_card_left_out_to_string (EdCardLeftOut reason)
{
  g_return_val_if_fail (reason < ED_N_CARD_LEFT_OUT, NULL);
  return left_out_terms[reason].name;
}

/**
 * ed_card_left_out_describe:
 * @reason: why an entry gets no card
 *
 * Returns: (transfer none): the reason for a report, translated
 */
const char *
ed_card_left_out_describe (EdCardLeftOut reason)
{
  g_return_val_if_fail (reason < ED_N_CARD_LEFT_OUT, NULL);
  return _(left_out_terms[reason].description);
}

/* Spaces alone are no text: no override reason, no proxy's name, no part of an address. */
gboolean
_ed_poll_card_check_is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* What one run keeps as it reads the register, besides the plan's side of it. */
static void
checker_init (EdPollCardChecker *checker)
{
  _ed_poll_card_check_read_plan (checker);
  checker->card_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker->card_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  checker->code_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
checker_clear (EdPollCardChecker *checker)
{
  _ed_poll_card_check_clear_plan (checker);
  g_clear_pointer (&checker->card_ids, g_hash_table_unref);
  g_clear_pointer (&checker->card_numbers, g_hash_table_unref);
  g_clear_pointer (&checker->people, g_hash_table_unref);
  g_clear_pointer (&checker->code_counts, g_hash_table_unref);
  g_clear_pointer (&checker->first_pending_deletion, g_free);
  g_clear_pointer (&checker->first_unaddressed, g_free);
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
 * Checks the cards of the poll and those combined with it before they are printed. It reads
 * every entry of the register, and each finding has a stable code:
 * - errors: `no-station`, `station-without-place`, `place-cancelled`,
 *   `station-differs-from-plan` (the roll and the polling plan send an address to two
 *   stations), `station-outside-district`, `entry-district-differs`, `station-place-differs`,
 *   `station-address-incomplete`, `station-postcode-invalid`, `duplicate-card`,
 *   `duplicate-elector-number`, `wrong-variant`, `card-not-eligible`,
 *   `eligible-without-card`, `proxy-without-name`, `proxy-without-address`,
 *   `address-not-found`, `address-too-long`;
 * - warnings: `place-not-confirmed`, `possible-duplicate-entry`,
 *   `absent-vote-end-unreadable`, `pending-deletion`, `no-address`, `station-count-differs`,
 *   `station-postal-count-differs`.
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
  g_autoptr(EdStationPlan) plan = NULL;
  g_autoptr(EdPollCardCheck) check = g_new0 (EdPollCardCheck, 1);
  g_autoptr(GPtrArray) by_station = NULL;
  EdPollCardChecker checker = { .progress = progress, .progress_data = progress_data };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  check->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return NULL;
  plan = ed_station_plan_compute (context, error);
  if (plan == NULL)
    return NULL;
  by_station =
    g_ptr_array_new_with_free_func ((GDestroyNotify)_ed_poll_card_check_station_free);
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
  checker.plan = plan;
  checker.by_station = by_station;
  checker.welsh_letter =
    ed_district_settings_get_welsh_marker_letter (ed_context_get_settings (context));
  if (progress != NULL)
    checker.total = ed_register_count_voters (context, NULL, NULL);
  checker_init (&checker);
  ok = ed_election_roll_foreach (roll, context, ED_VOTER_ORDER_REGISTER, TRUE, cancellable,
                                 _ed_poll_card_check_entry, &checker, error);
  if (ok)
    {
      _ed_poll_card_check_report_unserved (&checker);
      _ed_poll_card_check_stations (&checker);
      _ed_poll_card_check_counts (&checker);
      _ed_poll_card_check_finish (&checker);
    }
  checker_clear (&checker);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, _("Checking the poll cards"), progress_data);
  return g_steal_pointer (&check);
}

/**
 * ed_poll_card_check_gate:
 * @context: the district
 * @election: one poll of the combination about to be printed
 * @override_reason: (nullable): why a person prints over the check's errors, or %NULL
 * @cancellable: (nullable): to stop the check
 * @out_check: (out) (optional) (transfer full): the report, also when the print is refused
 * @error: return location for an error: %ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS when the print
 *   is refused
 *
 * The pre-print check as the final outputs run it: they go ahead when it finds no errors, or
 * when a person gives a reason to print over them (a reason of spaces is none). The caller
 * records the reason and the number of errors with the run.
 *
 * Returns: %TRUE if the final output may go ahead
 */
gboolean
ed_poll_card_check_gate (EdContext         *context,
                         EdElection        *election,
                         const char        *override_reason,
                         GCancellable      *cancellable,
                         EdPollCardCheck  **out_check,
                         GError           **error)
{
  g_autoptr(EdPollCardCheck) check = NULL;
  gboolean passes;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);

  if (out_check != NULL)
    *out_check = NULL;
  check = ed_poll_card_check_run (context, election, NULL, NULL, cancellable, error);
  if (check == NULL)
    return FALSE;
  passes = check->n_errors == 0 || !_ed_poll_card_check_is_blank (override_reason);
  if (!passes)
    g_set_error (error, ED_POLL_CARD_CHECK_ERROR, ED_POLL_CARD_CHECK_ERROR_FOUND_ERRORS,
                 g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: a number of errors, then the election's id */
                              "The pre-print check found %u error, so the cards were not "
                              "printed. See it with “pollcards check %s”, put it right, or "
                              "print over it giving a reason.",
                              "The pre-print check found %u errors, so the cards were not "
                              "printed. See them with “pollcards check %s”, put them right, "
                              "or print over them giving a reason.",
                              check->n_errors),
                 check->n_errors, election->slug);
  if (out_check != NULL)
    *out_check = g_steal_pointer (&check);
  return passes;
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
