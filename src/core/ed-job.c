/* ed-job.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Long work (imports, exports, printing, publishing) as a job (DESIGN.md §6): a GTask run in
 * a worker thread on a connection of its own, which the caller says how to open, since a
 * connection belongs to one thread and core knows no district. The worker reports progress
 * as a fraction and a sentence; the reports reach the main context, in order, as the
 * `progress` signal and the `fraction` and `text` properties. A window stays responsive and
 * the command line prints the same reports.
 *
 * A report waits for the one before it to have been delivered. So the main loop never holds
 * more than one, however fast the worker goes, and a cancel made on seeing a report is seen
 * by the worker at its next check after its next report: work that checks its cancellable
 * between reports and before it commits never commits past a Cancel pressed while it was
 * running, whatever the threads' timing.
 *
 * The result is what the work returned, even if the job was cancelled meanwhile (GTask would
 * otherwise report "cancelled" for work that had already committed). */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include "core/ed-crash-point.h"
#include "core/ed-job.h"

struct _EdJob
{
  GObject              parent_instance;

  EdJobOpenFunc        open_func;
  gpointer             open_data;
  GDestroyNotify       open_data_free;
  EdJobFunc            func;
  gpointer             task_data;
  GDestroyNotify       task_data_free;

  GMainContext        *context;       /* where reports and the result are delivered */
  GCancellable        *cancellable;
  gulong               cancelled_id;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  gboolean             running;

  /* As delivered on the main context. */
  double               fraction;
  char                *text;
  gboolean             committed;

  /* Between the worker and the main context. */
  GMutex               lock;
  GCond                delivered;
  gboolean             report_pending;
};

G_DEFINE_FINAL_TYPE (EdJob, ed_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FRACTION,
  PROP_TEXT,
  PROP_COMMITTED,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ed_job_finalize (GObject *object)
{
  EdJob *self = ED_JOB (object);

  g_assert (self->cancelled_id == 0);
  if (self->task_data_free != NULL)
    g_clear_pointer (&self->task_data, self->task_data_free);
  if (self->open_data_free != NULL)
    g_clear_pointer (&self->open_data, self->open_data_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_free (self->text);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->delivered);

  G_OBJECT_CLASS (ed_job_parent_class)->finalize (object);
}

static void
ed_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  EdJob *self = ED_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_COMMITTED:
      g_value_set_boolean (value, self->committed);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_job_class_init (EdJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_job_finalize;
  object_class->get_property = ed_job_get_property;

  /**
   * EdJob:fraction:
   *
   * How much of the work is done, from 0 to 1, as last reported.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EdJob:text:
   *
   * What the work is doing, as last reported; %NULL before the first report.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EdJob:committed:
   *
   * Whether the work has committed its change (ed_job_report_committed()): from then on a
   * cancel stops only what is left, and the result says what was done.
   */
  properties[PROP_COMMITTED] =
    g_param_spec_boolean ("committed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EdJob:running:
   *
   * Whether the job has started and its callback has not run yet.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdJob::progress:
   * @fraction: how much of the work is done, from 0 to 1
   * @text: what is being done
   *
   * A report from the worker, emitted on the main context the job was started from, in the
   * order the worker made them.
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE,
                                    G_TYPE_STRING);
}

static void
ed_job_init (EdJob *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->delivered);
}

/**
 * ed_job_new:
 * @open_func: opens the worker's own connection, in the worker thread
 * @open_data: data for @open_func
 * @open_data_free: (nullable): frees @open_data with the job
 *
 * Returns: (transfer full): a job, to be run once with ed_job_run_async()
 */
EdJob *
ed_job_new (EdJobOpenFunc  open_func,
            gpointer       open_data,
            GDestroyNotify open_data_free)
{
  EdJob *self;

  g_return_val_if_fail (open_func != NULL, NULL);

  self = g_object_new (ED_TYPE_JOB, NULL);
  self->open_func = open_func;
  self->open_data = open_data;
  self->open_data_free = open_data_free;
  return self;
}

/* ---- reports, from the worker to the main context --------------------------------------- */

typedef struct
{
  EdJob    *job;
  double    fraction;
  char     *text;
  gboolean  committed;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->job);
  g_free (report->text);
  g_free (report);
}

static void
deliver (EdJob  *self,
         Report *report)
{
  if (report->committed)
    {
      if (!self->committed)
        {
          self->committed = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTED]);
        }
    }
  else
    {
      g_object_freeze_notify (G_OBJECT (self));
      if (self->fraction != report->fraction)
        {
          self->fraction = report->fraction;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
        }
      if (g_strcmp0 (self->text, report->text) != 0)
        {
          g_free (self->text);
          self->text = g_strdup (report->text);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
        }
      g_object_thaw_notify (G_OBJECT (self));
      g_signal_emit (self, signals[PROGRESS], 0, report->fraction, report->text);
    }
}

static gboolean
deliver_cb (gpointer data)
{
  Report *report = data;
  EdJob *self = report->job;

  deliver (self, report);

  /* Only now, after the handlers have run, may the worker go on to its next report. */
  g_mutex_lock (&self->lock);
  self->report_pending = FALSE;
  g_cond_broadcast (&self->delivered);
  g_mutex_unlock (&self->lock);
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              EdJob        *self)
{
  /* A worker waiting to report goes on to its check at once: a main loop that has stopped
   * (the program is closing) must not hold it. */
  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->delivered);
  g_mutex_unlock (&self->lock);
}

static void
post (EdJob      *self,
      double      fraction,
      const char *text,
      gboolean    committed)
{
  Report *report = g_new0 (Report, 1);
  g_autoptr(GSource) source = NULL;

  report->job = g_object_ref (self);
  report->fraction = CLAMP (fraction, 0.0, 1.0);
  report->text = g_strdup (text);
  report->committed = committed;

  /* Made on the main context itself: nothing to carry. */
  if (g_main_context_is_owner (self->context))
    {
      deliver (self, report);
      report_free (report);
      return;
    }

  g_mutex_lock (&self->lock);
  while (self->report_pending && !g_cancellable_is_cancelled (self->cancellable))
    g_cond_wait (&self->delivered, &self->lock);
  self->report_pending = TRUE;
  g_mutex_unlock (&self->lock);

  /* At the default priority, as GTask delivers the result: the last report arrives before
   * the result does. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[ed-job] progress");
  g_source_set_callback (source, deliver_cb, report, report_free);
  g_source_attach (source, self->context);
}

/**
 * ed_job_report:
 * @self: a running job
 * @fraction: how much of the work is done, from 0 to 1
 * @text: what is being done, as a sentence a person reads
 *
 * Reports progress, from the work function in the worker thread. The report reaches the main
 * context as #EdJob::progress; it waits first for the previous report to have been delivered
 * (see the file's opening comment).
 */
void
ed_job_report (EdJob      *self,
               double      fraction,
               const char *text)
{
  g_return_if_fail (ED_IS_JOB (self));
  g_return_if_fail (self->running);
  g_return_if_fail (text != NULL);

  ed_crash_point ("progress");
  post (self, fraction, text, FALSE);
}

/**
 * ed_job_report_committed:
 * @self: a running job
 *
 * Says that the work has committed its change, so a cancel from now on only stops what is
 * left (writing files, say): #EdJob:committed becomes %TRUE on the main context, in order
 * with the reports.
 */
void
ed_job_report_committed (EdJob *self)
{
  g_return_if_fail (ED_IS_JOB (self));
  g_return_if_fail (self->running);

  post (self, 0.0, NULL, TRUE);
}

/**
 * ed_job_progress:
 * @fraction: how much of the work is done, from 0 to 1
 * @text: what is being done
 * @job: (type EdJob): the job
 *
 * ed_job_report() as an #EdProgressFunc, to hand to work that takes one with the job as its
 * data.
 */
void
ed_job_progress (double      fraction,
                 const char *text,
                 gpointer    job)
{
  ed_job_report (job, fraction, text);
}

/* ---- running ---------------------------------------------------------------------------- */

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  EdJob *self = source_object;
  g_autoptr(GObject) connection = NULL;
  GError *error = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  connection = self->open_func (self->open_data, cancellable, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ok = self->func (self, connection, self->task_data, cancellable, &error);
  /* Closed here, in the thread that used it, before the result is delivered. */
  g_clear_object (&connection);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      g_critical ("A job's work failed without saying why");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "Failed");
    }
}

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EdJob *self = ED_JOB (source_object);

  g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (self->callback != NULL)
    self->callback (source_object, result, self->user_data);
}

/**
 * ed_job_run_async:
 * @self: a job not run before
 * @func: the work, run in a worker thread on the connection the job opens there
 * @task_data: data for @func, which also holds its results
 * @task_data_free: (nullable): frees @task_data with the job
 * @cancellable: (nullable): to stop the work; %NULL for one of the job's own
 *   (ed_job_cancel())
 * @callback: called on the thread-default main context of the caller when the work is done
 * @user_data: data for @callback
 *
 * Runs @func in a worker thread. Reports and the result are delivered on the main context
 * that is the thread default when this is called; @callback's source object is the job.
 */
void
ed_job_run_async (EdJob               *self,
                  EdJobFunc            func,
                  gpointer             task_data,
                  GDestroyNotify       task_data_free,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ED_IS_JOB (self));
  g_return_if_fail (self->func == NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->func = func;
  self->task_data = task_data;
  self->task_data_free = task_data_free;
  self->callback = callback;
  self->user_data = user_data;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  self->cancelled_id = g_cancellable_connect (self->cancellable, G_CALLBACK (cancelled_cb), self,
                                              NULL);
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  /* The work function is the tag: a module's _finish checks that the result is its own. */
  g_task_set_source_tag (task, func);
  g_task_set_name (task, "[ed-job]");
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

/**
 * ed_job_run_finish:
 * @self: the job
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED when the work stopped on a
 *   cancel
 *
 * Returns: whether the work was done; its results are in ed_job_get_task_data()
 */
gboolean
ed_job_run_finish (EdJob         *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (ED_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ed_job_is_running:
 * @self: a job
 *
 * Returns: whether the job has started and its callback has not run yet
 */
gboolean
ed_job_is_running (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), FALSE);

  return self->running;
}

/**
 * ed_job_get_task_data:
 * @self: a job
 *
 * Returns: (transfer none): the data given to ed_job_run_async(), with the work's results
 */
gpointer
ed_job_get_task_data (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), NULL);

  return self->task_data;
}

/**
 * ed_job_get_cancellable:
 * @self: a job that has been started
 *
 * Returns: (transfer none): the cancellable the work checks
 */
GCancellable *
ed_job_get_cancellable (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), NULL);

  return self->cancellable;
}

/**
 * ed_job_cancel:
 * @self: a job
 *
 * Asks the work to stop. It stops at its next check; unless it had committed already
 * (#EdJob:committed), it leaves everything as it was, and the result is
 * %G_IO_ERROR_CANCELLED.
 */
void
ed_job_cancel (EdJob *self)
{
  g_return_if_fail (ED_IS_JOB (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

double
ed_job_get_fraction (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), 0.0);

  return self->fraction;
}

const char *
ed_job_get_text (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), NULL);

  return self->text;
}

gboolean
ed_job_get_committed (EdJob *self)
{
  g_return_val_if_fail (ED_IS_JOB (self), FALSE);

  return self->committed;
}
