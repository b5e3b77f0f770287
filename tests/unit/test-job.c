/* test-job.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "changes/ed-change-set.h"
#include "changes/ed-state-hash.h"
#include "core/ed-database.h"
#include "core/ed-job.h"
#include "ed-test-lib.h"
#include "ed-test-register.h"

/* Long work as a job (DESIGN.md §6): a worker thread on a connection of its own, progress
 * delivered on the main context in order, cancel, errors, and a district left as it was by
 * work that stops half way. */

static GThread *main_thread;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_false (ed_job_is_running (ED_JOB (source)));
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GObject *
open_database (gpointer       path,
               GCancellable  *cancellable,
               GError       **error)
{
  return G_OBJECT (ed_database_open (path, ed_test_migrations (), error));
}

static EdJob *
database_job_new (EdTestDir *fixture)
{
  return ed_job_new (open_database, ed_test_dir_file (fixture, "job.db"), g_free);
}

/* ---- counting steps --------------------------------------------------------------------- */

typedef struct
{
  guint    n_steps;
  guint    last_step;      /* the last step the worker reported */
  GThread *thread;
  gboolean commit_then_cancel;
} Steps;

static gboolean
count_steps (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  Steps *steps = task_data;

  g_assert_true (ED_IS_DATABASE (connection));
  steps->thread = g_thread_self ();
  for (guint i = 0; i <= steps->n_steps; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %u", i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ed_job_report (job, (double)i / steps->n_steps, text);
      steps->last_step = i;
    }
  if (steps->commit_then_cancel)
    {
      ed_job_report_committed (job);
      /* As if Cancel were pressed just after the commit. */
      g_cancellable_cancel (cancellable);
    }
  return TRUE;
}

typedef struct
{
  GArray    *fractions;
  GPtrArray *texts;
  guint      n_fraction_notifies;
  double     cancel_past;     /* cancel on the first report past this; < 0 never */
  EdJob     *job;
} Seen;

static void
progress_cb (EdJob      *job,
             double      fraction,
             const char *text,
             Seen       *seen)
{
  g_assert_true (g_thread_self () == main_thread);
  /* The properties are the report's by the time the signal is emitted. */
  g_assert_cmpfloat (ed_job_get_fraction (job), ==, fraction);
  g_assert_cmpstr (ed_job_get_text (job), ==, text);
  g_array_append_val (seen->fractions, fraction);
  g_ptr_array_add (seen->texts, g_strdup (text));
  if (seen->cancel_past >= 0.0 && fraction > seen->cancel_past)
    {
      seen->cancel_past = -1.0;
      ed_job_cancel (job);
    }
}

static void
fraction_notify_cb (EdJob      *job,
                    GParamSpec *pspec,
                    Seen       *seen)
{
  seen->n_fraction_notifies++;
}

static void
seen_init (Seen  *seen,
           EdJob *job)
{
  memset (seen, 0, sizeof *seen);
  seen->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  seen->texts = g_ptr_array_new_with_free_func (g_free);
  seen->cancel_past = -1.0;
  seen->job = job;
  g_signal_connect (job, "progress", G_CALLBACK (progress_cb), seen);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (fraction_notify_cb), seen);
}

static void
seen_clear (Seen *seen)
{
  g_array_unref (seen->fractions);
  g_ptr_array_unref (seen->texts);
}

static void
test_progress_in_order (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdJob) job = database_job_new (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Steps *steps = g_new0 (Steps, 1);
  Seen seen;

  steps->n_steps = 200;
  seen_init (&seen, job);
  ed_job_run_async (job, count_steps, steps, g_free, NULL, done_cb, &result);
  g_assert_true (ed_job_is_running (job));
  g_assert_true (ed_job_run_finish (job, wait_for (&result), &error));
  g_assert_no_error (error);

  /* Every report, in the order made, all before the result; done in another thread. */
  g_assert_true (steps->thread != main_thread);
  g_assert_cmpuint (seen.fractions->len, ==, steps->n_steps + 1);
  for (guint i = 0; i <= steps->n_steps; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %u", i);

      g_assert_cmpfloat_with_epsilon (g_array_index (seen.fractions, double, i),
                                      (double)i / steps->n_steps, 1e-9);
      g_assert_cmpstr (g_ptr_array_index (seen.texts, i), ==, text);
    }
  g_assert_cmpfloat (ed_job_get_fraction (job), ==, 1.0);
  g_assert_cmpstr (ed_job_get_text (job), ==, "Step 200");
  /* The first report, 0, is no change of fraction. */
  g_assert_cmpuint (seen.n_fraction_notifies, ==, steps->n_steps);
  g_assert_false (ed_job_is_running (job));
  g_assert_false (ed_job_get_committed (job));
  seen_clear (&seen);
}

/* A cancel made on seeing a report is seen by the worker at its next check after its next
 * report, however the threads are scheduled. */
static void
test_cancel_from_progress (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdJob) job = database_job_new (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Steps *steps = g_new0 (Steps, 1);
  Seen seen;

  steps->n_steps = 100000;
  seen_init (&seen, job);
  seen.cancel_past = 0.0;
  ed_job_run_async (job, count_steps, steps, g_free, NULL, done_cb, &result);
  g_assert_false (ed_job_run_finish (job, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Step 1 is the first past 0; the worker may make step 2's report, not step 3's. */
  g_assert_cmpuint (steps->last_step, <=, 2);
  g_assert_cmpuint (seen.fractions->len, <=, 3);
  g_assert_true (g_cancellable_is_cancelled (ed_job_get_cancellable (job)));
  seen_clear (&seen);
}

static GObject *
open_refused (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gboolean *opened = data;

  *opened = TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "Not today");
  return NULL;
}

static gboolean
must_not_run (EdJob         *job,
              GObject       *connection,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_assert_not_reached ();
}

static void
test_cancel_before_start (EdTestDir     *fixture,
                          gconstpointer  data)
{
  gboolean opened = FALSE;
  g_autoptr(EdJob) job = ed_job_new (open_refused, &opened, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ed_job_run_async (job, must_not_run, NULL, NULL, cancellable, done_cb, &result);
  g_assert_true (ed_job_get_cancellable (job) == cancellable);
  g_assert_false (ed_job_run_finish (job, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (opened);
}

static gboolean
refuse (EdJob         *job,
        GObject       *connection,
        gpointer       task_data,
        GCancellable  *cancellable,
        GError       **error)
{
  ed_job_report (job, 0.5, "Half way");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full");
  return FALSE;
}

static void
test_errors (EdTestDir     *fixture,
             gconstpointer  data)
{
  gboolean opened = FALSE;
  g_autoptr(EdJob) unopened = ed_job_new (open_refused, &opened, NULL);
  g_autoptr(EdJob) refused = database_job_new (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The connection could not be opened: the work never runs. */
  ed_job_run_async (unopened, must_not_run, NULL, NULL, NULL, done_cb, &result);
  g_assert_false (ed_job_run_finish (unopened, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (opened);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The work's own error, after the report it made. */
  ed_job_run_async (refused, refuse, NULL, NULL, NULL, done_cb, &result);
  g_assert_false (ed_job_run_finish (refused, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (ed_job_get_text (refused), ==, "Half way");
}

static void
committed_notify_cb (EdJob      *job,
                     GParamSpec *pspec,
                     gboolean   *notified)
{
  *notified = TRUE;
}

/* Work that committed is reported as done, even when a cancel came after: the change is in. */
static void
test_result_after_commit (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdJob) job = database_job_new (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Steps *steps = g_new0 (Steps, 1);
  gboolean notified = FALSE;

  steps->n_steps = 3;
  steps->commit_then_cancel = TRUE;
  g_signal_connect (job, "notify::committed", G_CALLBACK (committed_notify_cb), &notified);
  ed_job_run_async (job, count_steps, steps, g_free, NULL, done_cb, &result);
  g_assert_true (ed_job_run_finish (job, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (notified);
  g_assert_true (ed_job_get_committed (job));
  g_assert_true (g_cancellable_is_cancelled (ed_job_get_cancellable (job)));
}

/* ---- the worker's own connection ------------------------------------------------------- */

typedef struct
{
  EdDatabase *main_database;
  GObject    *connection;
  GThread    *thread;
  gboolean    seen_uncommitted;   /* set on the main context while the worker's write is open */
} Separate;

static const char insert_sql[] = "INSERT INTO desk_state (key, value) VALUES ('job-test', 'x')";
static const char count_sql[] = "SELECT count(*) FROM desk_state WHERE key = 'job-test'";

static gint64
count_test_rows (EdDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, count_sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
write_on_own_connection (EdJob         *job,
                         GObject       *connection,
                         gpointer       task_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Separate *separate = task_data;
  EdDatabase *database = ED_DATABASE (connection);

  separate->connection = connection;
  separate->thread = g_thread_self ();
  g_object_add_weak_pointer (connection, (gpointer *)&separate->connection);
  if (!ed_database_begin (database, error) || !ed_database_exec (database, insert_sql, error))
    return FALSE;
  /* The main context reads while this write is open: it must not see it. */
  ed_job_report (job, 0.5, "Written, not committed");
  ed_job_report (job, 0.9, "Committing");
  return ed_database_commit (database, error);
}

static void
read_while_open_cb (EdJob      *job,
                    double      fraction,
                    const char *text,
                    Separate   *separate)
{
  if (fraction == 0.5)
    {
      g_assert_cmpint (count_test_rows (separate->main_database), ==, 0);
      separate->seen_uncommitted = TRUE;
    }
}

static void
test_own_connection (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "job.db");
  g_autoptr(EdDatabase) database = NULL;
  g_autoptr(EdJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Separate separate = { NULL, };

  database = ed_database_open (path, ed_test_migrations (), &error);
  g_assert_no_error (error);
  separate.main_database = database;
  job = ed_job_new (open_database, g_strdup (path), g_free);
  g_signal_connect (job, "progress", G_CALLBACK (read_while_open_cb), &separate);
  ed_job_run_async (job, write_on_own_connection, &separate, NULL, NULL, done_cb, &result);
  g_assert_true (ed_job_run_finish (job, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_true (separate.thread != main_thread);
  g_assert_true (separate.seen_uncommitted);
  /* Closed in the worker, before the result came. */
  g_assert_null (separate.connection);
  g_assert_cmpint (count_test_rows (database), ==, 1);
}

/* ---- a district's job ------------------------------------------------------------------- */

typedef struct
{
  EdContext *main_context;
  gboolean   checked;
} District;

static gboolean
add_district_in_steps (EdJob         *job,
                       GObject       *connection,
                       gpointer       task_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  District *district = task_data;
  EdContext *context = ED_CONTEXT (connection);
  g_autoptr(EdChangeSet) change_set = NULL;
  const char *columns[] = { "code", "name" };
  GVariant *values[2];

  /* Its own context on the same district, with the same modules. */
  g_assert_true (ED_IS_CONTEXT (connection));
  g_assert_true (context != district->main_context);
  g_assert_cmpstr (ed_database_get_path (ed_context_get_database (context)), ==,
                   ed_database_get_path (ed_context_get_database (district->main_context)));
  g_assert_true (ed_context_get_modules (context) ==
                 ed_context_get_modules (district->main_context));
  district->checked = TRUE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  values[0] = g_variant_new_string ("ZZ");
  values[1] = g_variant_new_string ("Zeal");
  ed_job_report (job, 0.0, "Adding");
  if (!ed_change_set_insert (change_set, "polling_district", NULL, columns,
                             (GVariant * const *)values, G_N_ELEMENTS (columns), NULL, error))
    return FALSE;
  for (guint i = 1; i <= 4; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ed_job_report (job, i / 5.0, "Still adding");
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return ed_change_set_commit (change_set, error);
}

static void
run_district_job (EdContext *context,
                  gboolean   cancel_half_way,
                  GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  District district = { context, FALSE };
  Seen seen;
  EdJob *job;

  job = ed_context_run_job_async (context, add_district_in_steps, &district, NULL, NULL,
                                  done_cb, &result);
  g_assert_true (ED_IS_JOB (job));
  g_object_ref (job);
  seen_init (&seen, job);
  if (cancel_half_way)
    seen.cancel_past = 0.0;
  ed_job_run_finish (job, wait_for (&result), error);
  g_assert_true (district.checked);
  g_object_unref (job);
  seen_clear (&seen);
}

static void
test_district_job (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_autofree char *after_cancel = NULL;
  g_autofree char *after_commit = NULL;
  gint64 n_ops_before;
  gint64 n_ops;

  g_assert_no_error (error);
  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "op_log",
                                         &n_ops_before, &error));

  /* Cancelled half way through its change set: the district is as it was. */
  run_district_job (context, TRUE, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after_cancel = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_cancel, ==, before);
  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "op_log", &n_ops,
                                         &error));
  g_assert_cmpint (n_ops, ==, n_ops_before);

  /* Left to finish, it commits, and the window's own context sees the change. */
  run_district_job (context, FALSE, &error);
  g_assert_no_error (error);
  after_commit = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_commit, !=, before);
  g_assert_true (ed_database_count_rows (ed_context_get_database (context), "op_log", &n_ops,
                                         &error));
  g_assert_cmpint (n_ops, >, n_ops_before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  /* Built once here rather than first in a worker. */
  (void)ed_test_migrations ();

  ED_TEST_ADD ("/core/job/progress-in-order", test_progress_in_order);
  ED_TEST_ADD ("/core/job/cancel-from-progress", test_cancel_from_progress);
  ED_TEST_ADD ("/core/job/cancel-before-start", test_cancel_before_start);
  ED_TEST_ADD ("/core/job/errors", test_errors);
  ED_TEST_ADD ("/core/job/result-after-commit", test_result_after_commit);
  ED_TEST_ADD ("/core/job/own-connection", test_own_connection);
  ED_TEST_ADD ("/district/job/cancel-leaves-district", test_district_job);
  return g_test_run ();
}
