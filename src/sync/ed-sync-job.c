/* ed-sync-job.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sync/ed-sync-job.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-status.h"
#include "sync/ed-sync-tables.h"

/* A sync in a worker thread with its own connection to the district (DESIGN.md §4, SYNC.md
 * §4.6 step 5): the window keeps reading while it runs, and its result, or what stopped it,
 * is kept in the district for the Sync page. */

typedef struct
{
  EdSyncReport report;
} SyncJob;

/* What the last sync did, for the Sync page and `sync status`: its time, and an empty error
 * and what it sent and received, or the sentence that says what stopped it (the counts of
 * the last sync that ran to its end are kept). */
static void
remember_result (EdContext          *context,
                 const EdSyncReport *report,
                 const GError       *error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GError) local_error = NULL;

  if (!ed_sync_state_set_int (database, "last-attempt-ms", g_get_real_time () / 1000,
                              &local_error) ||
      !ed_sync_state_set (database, "last-error", error != NULL ? error->message : "",
                          &local_error) ||
      /* A share out of reach says nothing of the approval: only an answer changes it. */
      ((error == NULL ||
        g_error_matches (error, ED_SYNC_ERROR, ED_SYNC_ERROR_AWAITING_APPROVAL) ||
        g_error_matches (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_A_MEMBER)) &&
       !ed_sync_state_set_int (database, "awaiting-approval", error != NULL &&
                               g_error_matches (error, ED_SYNC_ERROR,
                                                ED_SYNC_ERROR_AWAITING_APPROVAL),
                               &local_error)) ||
      (error == NULL && !ed_sync_last_run_save (database, report, &local_error)))
    g_warning ("Could not keep the result of the sync: %s", local_error->message);
}

/**
 * ed_sync_run_now:
 * @context: a district that syncs
 * @out_report: (out caller-allocates): what was done
 * @cancellable: (nullable): to stop
 * @error: return location for an error
 *
 * One sync, on the calling thread: the share from the district's settings, this desk's ops
 * out and every other desk's in. Its outcome is remembered for the Sync page.
 */
gboolean
ed_sync_run_now (EdContext     *context,
                 EdSyncReport  *out_report,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(EdShareSettings) settings = NULL;
  g_autoptr(EdTransport) transport = NULL;
  g_autoptr(EdSync) sync = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  settings = ed_share_settings_load (context, &local_error);
  if (settings != NULL)
    transport = ed_share_open_transport (settings, &local_error);
  if (transport != NULL)
    sync = ed_sync_new (context, transport, &local_error);
  ok = sync != NULL && ed_sync_run (sync, out_report, cancellable, &local_error);
  if (!g_error_matches (local_error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP))
    remember_result (context, out_report, ok ? NULL : local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static gboolean
sync_work (EdJob         *job,
           GObject       *connection,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  SyncJob *data = task_data;

  ed_job_report (job, 0.0, _("Syncing"));
  if (!ed_sync_run_now (ED_CONTEXT (connection), &data->report, cancellable, error))
    return FALSE;
  ed_job_report (job, 1.0, _("Synced"));
  return TRUE;
}

/**
 * ed_sync_run_async:
 * @context: a district that syncs
 * @cancellable: (nullable): to stop between files
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_sync_run_now() in a job on its own connection.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_sync_run_async (EdContext           *context,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return ed_context_run_job_async (context, sync_work, g_new0 (SyncJob, 1), g_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_sync_run_finish:
 * @job: the job ed_sync_run_async() returned
 * @result: the result handed to the callback
 * @out_report: (out caller-allocates) (optional): what was done
 * @error: return location for an error
 *
 * Returns: whether the sync ran to its end
 */
gboolean
ed_sync_run_finish (EdJob         *job,
                    GAsyncResult  *result,
                    EdSyncReport  *out_report,
                    GError       **error)
{
  SyncJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, sync_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_report != NULL)
    *out_report = data->report;
  return TRUE;
}
