/* ed-sync-scheduler.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "changes/ed-conflicts.h"
#include "changes/ed-replica.h"
#include "sync/ed-sync-desk-info.h"
#include "sync/ed-sync-job.h"
#include "sync/ed-sync-tables.h"
#include "ui/sync/ed-sync-scheduler.h"

/* When a desk that syncs runs a sync (SYNC.md §4.5–4.6): once the person has stopped editing
 * for a while, so that a burst of edits goes out as one bundle; on a timer, to bring in the
 * other desks' edits; when asked; and before the window closes. Each run is a job on its own
 * connection, so the window never waits on the share. One run at a time: a reason to run that
 * comes during a run is kept, and one more run follows it.
 *
 * Edits are noticed by reading this desk's newest op's sequence number every second: a lookup
 * in op_log's primary key, a few microseconds however large the district. */

struct _EdSyncScheduler
{
  GObject       parent_instance;

  EdContext    *context;
  guint         idle_delay_ms;
  guint         ingest_interval_ms;
  guint         edit_check_ms;
  gboolean      run_at_start;

  guint         edit_check_id;
  guint         idle_id;
  guint         ingest_id;
  guint         start_id;
  gint64        seen_seq;

  EdJob        *job;          /* the run under way, if any */
  GCancellable *cancellable;  /* the running job's */
  gboolean      queued;       /* one more run once this one ends */
  guint         n_runs;
  gint64        last_sync_ms;
  char         *last_error;
  guint         n_conflicts;
  GPtrArray    *flush_tasks;  /* GTask: waiting until this desk's edits are on the share */
};

G_DEFINE_FINAL_TYPE (EdSyncScheduler, ed_sync_scheduler, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_IDLE_DELAY,
  PROP_INGEST_INTERVAL,
  PROP_EDIT_CHECK_INTERVAL,
  PROP_RUN_AT_START,
  PROP_RUNNING,
  PROP_LAST_SYNC_MS,
  PROP_LAST_ERROR,
  PROP_N_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  RUN_STARTED,
  RUN_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_run (EdSyncScheduler *self);

static void
request_run (EdSyncScheduler *self)
{
  if (self->job != NULL)
    self->queued = TRUE;
  else
    start_run (self);
}

static gboolean
idle_cb (gpointer user_data)
{
  EdSyncScheduler *self = user_data;

  self->idle_id = 0;
  request_run (self);
  return G_SOURCE_REMOVE;
}

/* The person edited: the export waits until they have been still for the idle delay. */
static void
restart_idle_timer (EdSyncScheduler *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_timeout_add (self->idle_delay_ms, idle_cb, self);
}

static gboolean
edit_check_cb (gpointer user_data)
{
  EdSyncScheduler *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 seq = ed_sync_get_own_seq (self->context, &error);

  if (seq < 0)
    g_debug ("Could not read this desk's newest edit: %s", error->message);
  else if (seq != self->seen_seq)
    {
      self->seen_seq = seq;
      restart_idle_timer (self);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
ingest_cb (gpointer user_data)
{
  request_run (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_cb (gpointer user_data)
{
  EdSyncScheduler *self = user_data;

  self->start_id = 0;
  request_run (self);
  return G_SOURCE_REMOVE;
}

static void
restart_timers (EdSyncScheduler *self)
{
  if (self->context == NULL)
    return;
  g_clear_handle_id (&self->edit_check_id, g_source_remove);
  g_clear_handle_id (&self->ingest_id, g_source_remove);
  self->edit_check_id = g_timeout_add (self->edit_check_ms, edit_check_cb, self);
  self->ingest_id = g_timeout_add (self->ingest_interval_ms, ingest_cb, self);
}

static guint
count_conflicts (EdSyncScheduler *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = ed_conflicts_list (ED_REPLICA (self->context), &error);

  if (conflicts == NULL)
    {
      g_debug ("Could not count the open conflicts: %s", error->message);
      return self->n_conflicts;
    }
  return conflicts->len;
}

static void
complete_flushes (EdSyncScheduler *self,
                  const GError    *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->flush_tasks);

  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(EdSyncScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  EdSyncReport report = { 0 };
  gboolean ok;

  ok = ed_sync_run_finish (ED_JOB (source), result, &report, &error);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);

  g_free (self->last_error);
  self->last_error = ok ? NULL : g_strdup (error->message);
  if (ok)
    self->last_sync_ms = g_get_real_time () / 1000;
  self->n_conflicts = count_conflicts (self);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC_MS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
  if (!self->queued)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[RUN_FINISHED], 0, ok ? &report : NULL, error);

  if (self->queued)
    {
      self->queued = FALSE;
      start_run (self);
      return;
    }
  complete_flushes (self, error);
}

static void
start_run (EdSyncScheduler *self)
{
  gboolean was_running = self->job != NULL;

  g_return_if_fail (self->job == NULL);

  /* This run takes every edit made so far with it. */
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->n_runs++;
  self->cancellable = g_cancellable_new ();
  self->job = g_object_ref (ed_sync_run_async (self->context, self->cancellable, run_done_cb,
                                               g_object_ref (self)));
  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[RUN_STARTED], 0);
}

static void
ed_sync_scheduler_constructed (GObject *object)
{
  EdSyncScheduler *self = ED_SYNC_SCHEDULER (object);
  EdDatabase *database = ed_context_get_database (self->context);
  g_autofree char *last_error = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (ed_sync_scheduler_parent_class)->constructed (object);

  self->last_sync_ms = ed_sync_state_get_int (database, "last-sync-ms", 0);
  last_error = ed_sync_state_get (database, "last-error", NULL);
  if (last_error != NULL && last_error[0] != '\0')
    self->last_error = g_steal_pointer (&last_error);
  self->n_conflicts = count_conflicts (self);
  self->seen_seq = ed_sync_get_own_seq (self->context, NULL);

  restart_timers (self);
  /* Edits left from before (the app closed during an export, or before sync was set up)
   * go out as any other. */
  if (ed_sync_has_unexported (self->context, &error))
    restart_idle_timer (self);
  if (self->run_at_start)
    self->start_id = g_idle_add_full (G_PRIORITY_LOW, start_cb, self, NULL);
}

static void
ed_sync_scheduler_dispose (GObject *object)
{
  EdSyncScheduler *self = ED_SYNC_SCHEDULER (object);

  ed_sync_scheduler_stop (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ed_sync_scheduler_parent_class)->dispose (object);
}

static void
ed_sync_scheduler_finalize (GObject *object)
{
  EdSyncScheduler *self = ED_SYNC_SCHEDULER (object);

  g_free (self->last_error);
  g_ptr_array_unref (self->flush_tasks);

  G_OBJECT_CLASS (ed_sync_scheduler_parent_class)->finalize (object);
}

static void
ed_sync_scheduler_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdSyncScheduler *self = ED_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_IDLE_DELAY:
      g_value_set_uint (value, self->idle_delay_ms);
      break;

    case PROP_INGEST_INTERVAL:
      g_value_set_uint (value, self->ingest_interval_ms);
      break;

    case PROP_EDIT_CHECK_INTERVAL:
      g_value_set_uint (value, self->edit_check_ms);
      break;

    case PROP_RUN_AT_START:
      g_value_set_boolean (value, self->run_at_start);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->job != NULL);
      break;

    case PROP_LAST_SYNC_MS:
      g_value_set_int64 (value, self->last_sync_ms);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sync_scheduler_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EdSyncScheduler *self = ED_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_IDLE_DELAY:
      self->idle_delay_ms = g_value_get_uint (value);
      if (self->idle_id != 0)
        restart_idle_timer (self);
      break;

    case PROP_INGEST_INTERVAL:
      self->ingest_interval_ms = g_value_get_uint (value);
      restart_timers (self);
      break;

    case PROP_EDIT_CHECK_INTERVAL:
      self->edit_check_ms = g_value_get_uint (value);
      restart_timers (self);
      break;

    case PROP_RUN_AT_START:
      self->run_at_start = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_sync_scheduler_class_init (EdSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ed_sync_scheduler_constructed;
  object_class->dispose = ed_sync_scheduler_dispose;
  object_class->finalize = ed_sync_scheduler_finalize;
  object_class->get_property = ed_sync_scheduler_get_property;
  object_class->set_property = ed_sync_scheduler_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ED_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The intervals are properties so that tests can shorten them. */
  properties[PROP_IDLE_DELAY] =
    g_param_spec_uint ("idle-delay", NULL, NULL, 1, G_MAXUINT, ED_SYNC_SCHEDULER_IDLE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_INGEST_INTERVAL] =
    g_param_spec_uint ("ingest-interval", NULL, NULL, 1, G_MAXUINT,
                       ED_SYNC_SCHEDULER_INGEST_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDIT_CHECK_INTERVAL] =
    g_param_spec_uint ("edit-check-interval", NULL, NULL, 1, G_MAXUINT,
                       ED_SYNC_SCHEDULER_EDIT_CHECK_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN_AT_START] =
    g_param_spec_boolean ("run-at-start", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC_MS] =
    g_param_spec_int64 ("last-sync-ms", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdSyncScheduler::run-started:
   *
   * A run has started on its worker.
   */
  signals[RUN_STARTED] =
    g_signal_new ("run-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  /**
   * EdSyncScheduler::run-finished:
   * @report: (nullable): what the run did (an #EdSyncReport), %NULL if it failed
   * @error: (nullable): what stopped it
   *
   * A run has ended. When @report says ops were applied, what the window shows is out of
   * date.
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_ERROR);
}

static void
ed_sync_scheduler_init (EdSyncScheduler *self)
{
  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ed_sync_scheduler_new:
 * @context: a district that syncs (ed_sync_is_set_up())
 *
 * Returns: (transfer full): a scheduler with the default intervals, running its first sync
 *   soon after
 */
EdSyncScheduler *
ed_sync_scheduler_new (EdContext *context)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return g_object_new (ED_TYPE_SYNC_SCHEDULER, "context", context, NULL);
}

EdContext *
ed_sync_scheduler_get_context (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), NULL);

  return self->context;
}

/**
 * ed_sync_scheduler_run_now:
 * @self: a scheduler
 *
 * Syncs now, or straight after the run under way.
 */
void
ed_sync_scheduler_run_now (EdSyncScheduler *self)
{
  g_return_if_fail (ED_IS_SYNC_SCHEDULER (self));

  request_run (self);
}

/**
 * ed_sync_scheduler_stop:
 * @self: a scheduler
 *
 * No more runs of its own: its timers end. A run under way, and one asked for by
 * ed_sync_scheduler_run_now() or ed_sync_scheduler_flush_async(), still runs.
 */
void
ed_sync_scheduler_stop (EdSyncScheduler *self)
{
  g_return_if_fail (ED_IS_SYNC_SCHEDULER (self));

  g_clear_handle_id (&self->edit_check_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->ingest_id, g_source_remove);
  g_clear_handle_id (&self->start_id, g_source_remove);
}

gboolean
ed_sync_scheduler_get_running (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), FALSE);

  return self->job != NULL;
}

/**
 * ed_sync_scheduler_get_n_runs:
 * @self: a scheduler
 *
 * Returns: how many runs it has started
 */
guint
ed_sync_scheduler_get_n_runs (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), 0);

  return self->n_runs;
}

/**
 * ed_sync_scheduler_get_last_sync_ms:
 * @self: a scheduler
 *
 * Returns: when the last sync that ran to its end ended, in milliseconds since 1970, or 0
 */
gint64
ed_sync_scheduler_get_last_sync_ms (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), 0);

  return self->last_sync_ms;
}

/**
 * ed_sync_scheduler_get_last_error:
 * @self: a scheduler
 *
 * Returns: (nullable): what stopped the last run, %NULL if it ran to its end
 */
const char *
ed_sync_scheduler_get_last_error (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), NULL);

  return self->last_error;
}

guint
ed_sync_scheduler_get_n_conflicts (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), 0);

  return self->n_conflicts;
}

/**
 * ed_sync_scheduler_needs_flush:
 * @self: a scheduler
 *
 * Returns: whether closing now could leave this desk's edits off the share: a run is under
 *   way, or there are edits not exported yet
 */
gboolean
ed_sync_scheduler_needs_flush (EdSyncScheduler *self)
{
  g_return_val_if_fail (ED_IS_SYNC_SCHEDULER (self), FALSE);

  return self->job != NULL || ed_sync_has_unexported (self->context, NULL);
}

typedef struct
{
  EdSyncScheduler *self;
  GTask           *task;
  GSource         *timeout;
} Flush;

static void
flush_free (gpointer data)
{
  Flush *flush = data;

  g_source_destroy (flush->timeout);
  g_source_unref (flush->timeout);
  g_free (flush);
}

/* The wait is over: the run is stopped between files, and the window closes without it. */
static gboolean
flush_timeout_cb (gpointer data)
{
  Flush *flush = data;
  EdSyncScheduler *self = flush->self;
  GTask *task = flush->task;

  if (!g_ptr_array_remove (self->flush_tasks, g_object_ref (task)))
    {
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The share did not answer in time: this desk’s latest edits go "
                             "out at its next sync"));
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/**
 * ed_sync_scheduler_flush_async:
 * @self: a scheduler
 * @timeout_ms: how long to wait at most
 * @callback: called once this desk's edits are on the share, or the wait is over
 * @user_data: data for @callback
 *
 * Exports this desk's edits before the window closes (SYNC.md §4.5: export on quit): waits
 * for the run under way and runs once more after it, or runs once, or, with nothing to send,
 * finishes at once.
 */
void
ed_sync_scheduler_flush_async (EdSyncScheduler     *self,
                               guint                timeout_ms,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Flush *flush;

  g_return_if_fail (ED_IS_SYNC_SCHEDULER (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, ed_sync_scheduler_flush_async);
  if (!ed_sync_scheduler_needs_flush (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  flush = g_new0 (Flush, 1);
  flush->self = self;
  flush->task = task;
  flush->timeout = g_timeout_source_new (timeout_ms);
  g_source_set_callback (flush->timeout, flush_timeout_cb, flush, NULL);
  g_source_attach (flush->timeout, NULL);
  g_task_set_task_data (task, flush, flush_free);
  g_ptr_array_add (self->flush_tasks, g_object_ref (task));
  request_run (self);
}

gboolean
ed_sync_scheduler_flush_finish (EdSyncScheduler  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
