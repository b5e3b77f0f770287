/* ed-bench-sync-hooks.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SYNC.md §6 T5, measured inside the real app (tests/bench/bench-sync-ingest.py): the window
 * keeps drawing while a sync's worker ingests other desks' ops. With ED_BENCH_SYNC_INGEST set
 * to a district that syncs, the app opens it, waits until the register's first rows are
 * painted and the page has settled, then runs one sync (win.sync-now, as the Sync page's
 * button does) and, from the run's start until a second and a half after its end (the pages'
 * reload included), keeps a frame drawn every refresh and a 2 ms heartbeat on the main loop.
 * It prints the longest gap between frames (and the main thread's processor time in it), the
 * longest gap between heartbeats (the longest the main loop was held), the longest frame, and
 * what the run did, then quits. It also times
 * the scheduler's look for new edits, which runs on the main loop every second. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <time.h>

#include "sync/ed-sync-desk-info.h"
#include "ui/ed-bench-hooks.h"

/* The scheduler's look for new edits, timed this many times. */
#define EDIT_CHECKS 1000

/* How long the page is left to settle after its first rows are painted (the screenful model
 * fills the rest of the view over a few frames). */
#define SETTLE_US (1 * G_USEC_PER_SEC)
/* How long frames are measured after the run's end: the pages' reload, a few rows a frame,
 * is done well within it. */
#define AFTER_US (3 * G_USEC_PER_SEC / 2)
#define HEARTBEAT_MS 2

typedef struct
{
  GtkWidget     *window;
  char          *path;
  EdSyncScheduler *scheduler;
  GdkFrameClock *clock;
  guint          heartbeat_id;

  gint64         rows_shown_us;
  gboolean       asked;
  gboolean       measuring;
  gboolean       finished;

  gint64         run_started_us;
  gint64         run_finished_us;
  gint64         last_tick_us;
  gint64         last_tick_cpu_us;
  gint64         longest_gap_us;
  gint64         longest_gap_cpu_us;   /* the main thread's processor time in that gap */
  gint64         last_beat_us;
  gint64         longest_stall_us;
  gint64         longest_stall_end_us;
  gint64         frame_started_us;
  gint64         longest_frame_us;
  guint          frames;

  EdSyncReport   report;
  char          *error;
} SyncIngestBench;

static void
quit (SyncIngestBench *bench)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window))));
}

/* The processor time the main thread has used: a gap between frames that used little of it
 * was the machine's other work, not the window's. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64)now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
has_rows (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget))
    return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
      GTK_COLUMN_VIEW (widget)))) > 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_rows (child))
      return TRUE;
  return FALSE;
}

static void
report_and_quit (SyncIngestBench *bench)
{
  if (bench->error != NULL)
    g_print ("sync-error %s\n", bench->error);
  g_print ("sync-ingest-ms %.1f\n", (bench->run_finished_us - bench->run_started_us) / 1000.0);
  g_print ("applied-ops %" G_GUINT64_FORMAT "\n", bench->report.n_applied);
  g_print ("files-read %u\n", bench->report.n_files_read);
  g_print ("frames %u\n", bench->frames);
  g_print ("longest-frame-gap-ms %.1f\n", bench->longest_gap_us / 1000.0);
  g_print ("longest-frame-gap-cpu-ms %.1f\n", bench->longest_gap_cpu_us / 1000.0);
  g_print ("longest-main-loop-stall-ms %.1f\n", bench->longest_stall_us / 1000.0);
  g_print ("longest-frame-ms %.1f\n", bench->longest_frame_us / 1000.0);
  /* Where the longest stall ended, from the run's start: after sync-ingest-ms, it was the
   * work the window does with the run's result. */
  g_print ("longest-stall-ended-at-ms %.1f\n",
           (bench->longest_stall_end_us - bench->run_started_us) / 1000.0);
  quit (bench);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SyncIngestBench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (bench->measuring)
    {
      if (now - bench->last_tick_us > bench->longest_gap_us)
        {
          bench->longest_gap_us = now - bench->last_tick_us;
          bench->longest_gap_cpu_us = cpu - bench->last_tick_cpu_us;
        }
      bench->frames++;
    }
  bench->last_tick_us = now;
  bench->last_tick_cpu_us = cpu;

  if (!bench->asked)
    {
      if (bench->rows_shown_us == 0 && has_rows (bench->window))
        bench->rows_shown_us = now;
      if (bench->rows_shown_us > 0 && now - bench->rows_shown_us >= SETTLE_US)
        {
          bench->asked = TRUE;
          gtk_widget_activate_action (bench->window, "win.sync-now", NULL);
        }
    }
  else if (bench->finished && now - bench->run_finished_us >= AFTER_US)
    {
      bench->measuring = FALSE;
      report_and_quit (bench);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  SyncIngestBench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->measuring && now - bench->last_beat_us > bench->longest_stall_us)
    {
      bench->longest_stall_us = now - bench->last_beat_us;
      bench->longest_stall_end_us = now;
    }
  bench->last_beat_us = now;
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock   *clock,
                 SyncIngestBench *bench)
{
  bench->frame_started_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock   *clock,
                SyncIngestBench *bench)
{
  if (bench->measuring && bench->frame_started_us > 0)
    bench->longest_frame_us = MAX (bench->longest_frame_us,
                                   g_get_monotonic_time () - bench->frame_started_us);
  bench->frame_started_us = 0;
}

static void
run_started_cb (SyncIngestBench *bench)
{
  gint64 now = g_get_monotonic_time ();

  bench->measuring = TRUE;
  bench->run_started_us = now;
  bench->last_tick_us = now;
  bench->last_tick_cpu_us = thread_cpu_us ();
  bench->last_beat_us = now;
}

static void
run_finished_cb (EdSyncScheduler    *scheduler,
                 const EdSyncReport *report,
                 const GError       *error,
                 SyncIngestBench    *bench)
{
  bench->run_finished_us = g_get_monotonic_time ();
  bench->finished = TRUE;
  if (report != NULL)
    bench->report = *report;
  else
    bench->error = g_strdup (error->message);
}

/* What the scheduler's look for new edits (once a second) costs the main loop. */
static void
time_edit_check (EdContext *context)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < EDIT_CHECKS; i++)
    if (ed_sync_get_own_seq (context, NULL) < 0)
      g_printerr ("The edit check failed\n");
  g_print ("edit-check-us %.1f\n", (double)(g_get_monotonic_time () - start) / EDIT_CHECKS);
}

static gboolean
open_cb (gpointer user_data)
{
  SyncIngestBench *bench = user_data;
  g_autoptr(GError) error = NULL;

  if (!ed_window_open_district (ED_WINDOW (bench->window), bench->path, &error))
    {
      g_printerr ("%s\n", error->message);
      quit (bench);
      return G_SOURCE_REMOVE;
    }
  bench->scheduler = ed_window_get_sync_scheduler (ED_WINDOW (bench->window));
  if (bench->scheduler == NULL)
    {
      g_printerr ("The district does not sync\n");
      quit (bench);
      return G_SOURCE_REMOVE;
    }
  /* Only the run the benchmark asks for, once the page has settled. */
  ed_sync_scheduler_stop (bench->scheduler);
  time_edit_check (ed_window_get_context (ED_WINDOW (bench->window)));
  g_signal_connect_swapped (bench->scheduler, "run-started", G_CALLBACK (run_started_cb),
                            bench);
  g_signal_connect (bench->scheduler, "run-finished", G_CALLBACK (run_finished_cb), bench);
  bench->clock = g_object_ref (gtk_widget_get_frame_clock (bench->window));
  g_signal_connect (bench->clock, "before-paint", G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
  gtk_widget_add_tick_callback (bench->window, tick_cb, bench, NULL);
  bench->heartbeat_id = g_timeout_add (HEARTBEAT_MS, heartbeat_cb, bench);
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (GtkWidget       *window,
                  SyncIngestBench *bench)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, bench);
  g_idle_add_full (G_PRIORITY_LOW, open_cb, bench, NULL);
}

/* The bench lives as long as the process: it ends with the application's quit. */
gboolean
ed_bench_sync_hooks_install (EdWindow *window)
{
  const char *path = g_getenv ("ED_BENCH_SYNC_INGEST");
  SyncIngestBench *bench;

  if (path == NULL || *path == '\0')
    return FALSE;
  bench = g_new0 (SyncIngestBench, 1);
  bench->window = GTK_WIDGET (window);
  bench->path = g_strdup (path);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), bench);
  return TRUE;
}
