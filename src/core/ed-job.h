/* ed-job.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * EdProgressFunc:
 * @fraction: how much of the work is done, from 0 to 1
 * @text: what is being done, as a sentence a person reads
 * @user_data: the data given with the function
 *
 * How long work says how far it has got. ed_job_progress() is one, for work run as a job.
 */
typedef void (*EdProgressFunc) (double      fraction,
                                const char *text,
                                gpointer    user_data);

#define ED_TYPE_JOB (ed_job_get_type ())

G_DECLARE_FINAL_TYPE (EdJob, ed_job, ED, JOB, GObject)

/**
 * EdJobOpenFunc:
 * @open_data: the data given to ed_job_new()
 * @cancellable: the job's cancellable
 * @error: return location for an error
 *
 * Opens the worker's own connection to the data the job works on, in the worker thread: a
 * connection belongs to the thread that uses it.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
typedef GObject *(*EdJobOpenFunc) (gpointer       open_data,
                                   GCancellable  *cancellable,
                                   GError       **error);

/**
 * EdJobFunc:
 * @job: the job, to report progress with
 * @connection: what the job's #EdJobOpenFunc opened
 * @task_data: the data given to ed_job_run_async()
 * @cancellable: the job's cancellable
 * @error: return location for an error
 *
 * The work, run in the worker thread. Its results go into @task_data, which the job keeps
 * until it is finalized, for the `_finish` function to read.
 *
 * Returns: %TRUE if the work was done, %FALSE with @error set otherwise
 */
typedef gboolean (*EdJobFunc) (EdJob         *job,
                               GObject       *connection,
                               gpointer       task_data,
                               GCancellable  *cancellable,
                               GError       **error);

EdJob        *ed_job_new              (EdJobOpenFunc         open_func,
                                       gpointer              open_data,
                                       GDestroyNotify        open_data_free);
void          ed_job_run_async        (EdJob                *self,
                                       EdJobFunc             func,
                                       gpointer              task_data,
                                       GDestroyNotify        task_data_free,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean      ed_job_run_finish       (EdJob                *self,
                                       GAsyncResult         *result,
                                       GError              **error);
gboolean      ed_job_is_running       (EdJob                *self);
gpointer      ed_job_get_task_data    (EdJob                *self);
GCancellable *ed_job_get_cancellable  (EdJob                *self);
void          ed_job_cancel           (EdJob                *self);

double        ed_job_get_fraction     (EdJob                *self);
const char   *ed_job_get_text         (EdJob                *self);
gboolean      ed_job_get_committed    (EdJob                *self);

void          ed_job_report           (EdJob                *self,
                                       double                fraction,
                                       const char           *text);
void          ed_job_report_committed (EdJob                *self);
void          ed_job_progress         (double                fraction,
                                       const char           *text,
                                       gpointer              job);

G_END_DECLS
