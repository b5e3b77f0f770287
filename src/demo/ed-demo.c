/* ed-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "demo/ed-demo-private.h"
#include "core/ed-output-file.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"

/* The demo district is wholly synthetic: invented places under the reserved ".example" domain,
 * phone numbers from Ofcom's range for drama (01632 960xxx), and postcodes in the ZY area,
 * which Royal Mail has never used. No real person's name is paired with a real address. */

void
ed_demo_options_init (EdDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = ED_DEMO_DEFAULT_SEED;
  options->electors = ED_DEMO_DEFAULT_ELECTORS;
  /* The day the rest of the program takes as today, so that a demo made by a test is the
   * same whatever day the test runs (core/ed-today.c). */
  ed_today (&options->today);
  options->progress = NULL;
  options->progress_data = NULL;
  options->cancellable = NULL;
}

/* The demo is only ever written where no district is, so it can never overwrite real
 * work. */
static gboolean
refuse_a_district (EdContext  *context,
                   GError    **error)
{
  EdDistrictSettings *settings = ed_context_get_settings (context);
  g_autofree char *name = NULL;

  if (!ed_district_settings_is_configured (settings))
    return TRUE;
  name = g_filename_display_name (ed_database_get_path (ed_context_get_database (context)));
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               _("“%s” already holds the district “%s”; the demo is only written to a new "
                 "database file."), name, ed_district_settings_get_council_name (settings));
  return FALSE;
}

/**
 * ed_demo_generate:
 * @context: a context on a district that has not been set up
 * @options: the seed and size
 * @error: return location for an error
 *
 * Writes the demo district. The same seed gives the same district. It refuses a database that
 * already holds a district, so it can never overwrite real work.
 */
gboolean
ed_demo_generate (EdContext            *context,
                  const EdDemoOptions  *options,
                  GError              **error)
{
  g_autoptr(GRand) rand = NULL;
  const EdModule * const *modules;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!refuse_a_district (context, error))
    return FALSE;

  if (options->electors > ED_DEMO_MAX_ELECTORS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The demo district holds at most %u electors"), ED_DEMO_MAX_ELECTORS);
      return FALSE;
    }
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);

  rand = g_rand_new_with_seed (options->seed);

  if (!_ed_demo_add_district (context, rand, error))
    return FALSE;

  if (options->progress != NULL)
    options->progress (0.0, _("Writing the district"), options->progress_data);
  modules = ed_context_get_modules (context);
  for (guint i = 0; modules[i] != NULL; i++)
    if (g_cancellable_set_error_if_cancelled (options->cancellable, error) ||
        (modules[i]->add_demo != NULL && !modules[i]->add_demo (context, rand, options, error)))
      return FALSE;
  /* A report, then a check: a cancel made on seeing any earlier report is seen here
   * (core/ed-job.c), so a job never reports a demo written that was asked to stop. */
  if (options->progress != NULL)
    options->progress (1.0, _("Written"), options->progress_data);
  return !g_cancellable_set_error_if_cancelled (options->cancellable, error);
}

/* ---- writing a demo file, as a job -------------------------------------------------------- */

typedef struct
{
  char                   *path;
  char                   *partial;   /* set by write_open(), in the worker */
  const EdModule * const *modules;
  EdDemoOptions           options;
  gboolean                settled;   /* finish moved the file into place, or removed it */
} WriteJob;

/* The file and what SQLite keeps beside it. */
static void
remove_database_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  /* Never finished: nothing is left behind. */
  if (!job->settled && job->partial != NULL)
    remove_database_files (job->partial);
  g_free (job->path);
  g_free (job->partial);
  g_free (job);
}

static GObject *
write_open (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  WriteJob *job = data;
  g_autofree char *folder = NULL;

  if (g_file_test (job->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(EdContext) existing = ed_context_open (job->path, job->modules, error);

      if (existing == NULL || !refuse_a_district (existing, error))
        return NULL;
    }
  /* The app's demo goes in its data folder, which a new desk has not made yet. */
  folder = g_path_get_dirname (job->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  /* Written under a hidden temporary name beside @path (core/ed-output-file.h), so that a
   * demo killed half way leaves no district under the name a person opens, only a
   * `.NAME.XXXXXX.partial` that is safe to delete. */
  job->partial = ed_output_file_new_temp_path (job->path, error);
  if (job->partial == NULL)
    return NULL;
  return G_OBJECT (ed_context_open (job->partial, job->modules, error));
}

static gboolean
write_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  WriteJob *data = task_data;

  data->options.progress = ed_job_progress;
  data->options.progress_data = job;
  data->options.cancellable = cancellable;
  /* The file is renamed on its own: everything in the write-ahead log goes into it first, and
   * a disk too full for that fails the demo here rather than losing the log's part of it
   * in the rename. The district goes back to WAL when it is next opened. */
  return ed_demo_generate (ED_CONTEXT (connection), &data->options, error) &&
         ed_database_exec (ed_context_get_database (ED_CONTEXT (connection)),
                           "PRAGMA journal_mode = DELETE", error);
}

/**
 * ed_demo_write_async:
 * @path: the database file to write the demo district to; a file that holds a district is
 *   refused
 * @modules: (array zero-terminated=1): the module list
 * @options: the seed and size; its progress and cancellable are the job's own
 * @cancellable: (nullable): to stop, leaving @path as it was
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Writes the demo district (ed_demo_generate()) in a job with progress, whole or not at all:
 * it is written to a file beside @path, which ed_demo_write_finish() moves to @path once it
 * is complete, and which is removed if the job is stopped or fails.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_demo_write_async (const char              *path,
                     const EdModule * const  *modules,
                     const EdDemoOptions     *options,
                     GCancellable            *cancellable,
                     GAsyncReadyCallback      callback,
                     gpointer                 user_data)
{
  g_autoptr(EdJob) job = NULL;
  WriteJob *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (modules != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  data = g_new0 (WriteJob, 1);
  data->path = g_strdup (path);
  data->modules = modules;
  data->options = *options;
  job = ed_job_new (write_open, data, NULL);
  ed_job_run_async (job, write_work, data, write_job_free, cancellable, callback, user_data);
  /* The running task holds the job until its callback has run. */
  return job;
}

/**
 * ed_demo_write_finish:
 * @job: the job ed_demo_write_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Moves the demo district, once written, to its path.
 *
 * Returns: whether the demo district is at its path
 */
gboolean
ed_demo_write_finish (EdJob         *job,
                      GAsyncResult  *result,
                      GError       **error)
{
  WriteJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, write_work), FALSE);

  data = ed_job_get_task_data (job);
  data->settled = TRUE;
  if (!ed_job_run_finish (job, result, error))
    {
      g_autofree char *name = g_filename_display_name (data->path);

      if (data->partial != NULL)
        remove_database_files (data->partial);
      /* The error may name the temporary file; a person knows the file they asked for. */
      if (error != NULL && *error != NULL &&
          !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          data->partial != NULL)
        g_prefix_error (error, _("The demo district was not written to “%s”: "), name);
      return FALSE;
    }
  /* The worker's connection is closed by now: the file is whole, with no log beside it.
   * What was at the path held no district (write_open() saw to that); SQLite's files beside
   * it would be read as the new file's. */
  remove_database_files (data->path);
  if (!ed_output_file_rename_into_place (data->partial, data->path, error))
    {
      remove_database_files (data->partial);
      return FALSE;
    }
  return TRUE;
}
