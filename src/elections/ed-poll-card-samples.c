/* ed-poll-card-samples.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first card of each variant, for the preview before printing. The roll is walked in
 * street order, the order cards are printed in by default, until one card of every variant
 * is found. An anonymous elector's card carries no name or address, so it shows little of
 * what will be printed: one is taken only when no other elector gets that variant. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-poll-card-print.h"
#include "elections/ed-poll-card-samples.h"

typedef struct
{
  EdPollCardSamples *samples;
  EdPollCard        *anonymous[ED_N_POLL_CARD_VARIANTS];
  gboolean           found_all;
} Finder;

static gboolean
have_all (Finder *finder)
{
  for (guint i = 0; i < ED_N_POLL_CARD_VARIANTS; i++)
    if (finder->samples->cards[i] == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
find_entry (EdElectionRoll     *roll,
            const EdRollEntry  *entry,
            gpointer            user_data,
            GError            **error)
{
  Finder *finder = user_data;
  EdPollCardSamples *samples = finder->samples;
  EdPollCard **slot;

  if (!ed_election_roll_entry_gets_card (roll, entry) ||
      samples->cards[entry->variant] != NULL)
    return TRUE;
  slot = entry->voter->anonymous ? &finder->anonymous[entry->variant]
                                 : &samples->cards[entry->variant];
  if (*slot != NULL)
    return TRUE;
  *slot = ed_poll_card_new (samples->setup, roll, entry);
  if (!have_all (finder))
    return TRUE;
  /* Stops the walk: the caller knows this error for what it is. */
  finder->found_all = TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "found");
  return FALSE;
}

/**
 * ed_poll_card_samples_find:
 * @context: the district
 * @election: a poll of the combination
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * Finds the first card of each variant the election sends, as ed_poll_cards_write_pdf()
 * would make it.
 *
 * Returns: (transfer full) (nullable): the samples, or %NULL with @error set
 */
EdPollCardSamples *
ed_poll_card_samples_find (EdContext     *context,
                           EdElection    *election,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(EdPollCardSamples) samples = g_new0 (EdPollCardSamples, 1);
  g_autoptr(GError) local_error = NULL;
  Finder finder = { samples, { NULL, }, FALSE };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  samples->roll = ed_election_roll_new (context, election, error);
  if (samples->roll == NULL)
    return NULL;
  samples->setup = ed_poll_card_setup_new (context, samples->roll, error);
  if (samples->setup == NULL)
    return NULL;
  ok = ed_election_roll_foreach (samples->roll, context,
                                 ed_poll_card_order_to_voter_order (ED_POLL_CARD_ORDER_WALK),
                                 FALSE, cancellable, find_entry, &finder, &local_error);
  for (guint i = 0; i < ED_N_POLL_CARD_VARIANTS; i++)
    {
      if (samples->cards[i] == NULL)
        samples->cards[i] = g_steal_pointer (&finder.anonymous[i]);
      g_clear_pointer (&finder.anonymous[i], ed_poll_card_free);
    }
  if (!ok && !finder.found_all)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&samples);
}

typedef struct
{
  char              *election_id;
  EdPollCardSamples *samples;
} FindJob;

static void
find_job_free (FindJob *data)
{
  g_free (data->election_id);
  g_clear_pointer (&data->samples, ed_poll_card_samples_free);
  g_free (data);
}

static gboolean
find_work (EdJob         *job,
           GObject       *connection,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  FindJob *data = task_data;
  g_autoptr(EdElection) election = NULL;

  ed_job_report (job, 0.0, _("Finding a card of each kind"));
  election = ed_election_load (ED_CONTEXT (connection), data->election_id, error);
  if (election == NULL)
    return FALSE;
  data->samples = ed_poll_card_samples_find (ED_CONTEXT (connection), election, cancellable,
                                             error);
  return data->samples != NULL;
}

/**
 * ed_poll_card_samples_find_async:
 * @context: the district
 * @election_id: the id or row id of a poll of the combination
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * ed_poll_card_samples_find() on the district's own connection in a worker thread.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_poll_card_samples_find_async (EdContext           *context,
                                 const char          *election_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  FindJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  data = g_new0 (FindJob, 1);
  data->election_id = g_strdup (election_id);
  return ed_context_run_job_async (context, find_work, data, (GDestroyNotify)find_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_poll_card_samples_find_finish:
 * @job: the job ed_poll_card_samples_find_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the samples, or %NULL on an error
 */
EdPollCardSamples *
ed_poll_card_samples_find_finish (EdJob         *job,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  FindJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->samples);
}

/**
 * ed_poll_card_samples_count:
 * @samples: samples
 *
 * Returns: how many variants have a card
 */
guint
ed_poll_card_samples_count (EdPollCardSamples *samples)
{
  guint n = 0;

  g_return_val_if_fail (samples != NULL, 0);

  for (guint i = 0; i < ED_N_POLL_CARD_VARIANTS; i++)
    n += samples->cards[i] != NULL;
  return n;
}

void
ed_poll_card_samples_free (EdPollCardSamples *samples)
{
  if (samples == NULL)
    return;
  for (guint i = 0; i < ED_N_POLL_CARD_VARIANTS; i++)
    g_clear_pointer (&samples->cards[i], ed_poll_card_free);
  g_clear_pointer (&samples->setup, ed_poll_card_setup_free);
  g_clear_pointer (&samples->roll, ed_election_roll_free);
  g_free (samples);
}
