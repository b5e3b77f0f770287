/* ed-bench-hooks.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measurements the benchmarks under tests/bench/ take from inside the real app, switched on
 * by environment variables and otherwise inert. Each prints "NAME VALUE" lines on standard
 * output and quits the app:
 *
 * ED_BENCH_FIRST_FRAME=1: the monotonic clock when the first frame has been painted, and when
 *   the window opened on a list, the first with rows (bench-startup.py subtracts the time it
 *   launched the process).
 *
 * ED_BENCH_REGISTER_PAGE=FILE: once the window is up, opens FILE's district, and reports the
 *   milliseconds until a painted frame shows the register's first rows; then, once the view has
 *   the whole register, scrolls it from top to bottom in jumps, a frame at a time, reporting the longest frame and the resident
 *   memory (current and peak) at the end (bench-register-page.py). A frame's time is the work
 *   of making it: from the start of the frame clock's painting (before-paint) to its end.
 *   The same frame's processor time is reported too, which a busy machine's other processes do
 *   not lengthen, and the time between frames, which cannot go below the display's refresh
 *   interval (16.7 ms at 60 Hz), so it is not what the 16 ms budget is about. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <string.h>
#include <time.h>

#include "ui/ed-bench-hooks.h"

/* Jumps from the top of the register to its bottom: each lands on rows the lazy model has not
 * loaded, as a person dragging the scrollbar would. */
#define SCROLL_STEPS 400

typedef struct
{
  GtkWidget     *window;
  char          *path;
  gint64         open_started_us;
  gint64         last_frame_us;
  gint64         longest_interval_us;
  gint64         frame_started_us;
  gint64         frame_started_cpu_us;
  gint64         longest_frame_us;
  gint64         longest_frame_cpu_us;
  GdkFrameClock *clock;
  GtkColumnView *column_view;
  guint          n_items;
  guint          step;
} RegisterPageBench;

static void frame_started_cb (GdkFrameClock *clock, RegisterPageBench *bench);
static void frame_painted_cb (GdkFrameClock *clock, RegisterPageBench *bench);

static void
register_page_bench_free (RegisterPageBench *bench)
{
  if (bench->clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (bench->clock, frame_started_cb, bench);
      g_signal_handlers_disconnect_by_func (bench->clock, frame_painted_cb, bench);
      g_object_unref (bench->clock);
    }
  g_free (bench->path);
  g_free (bench);
}

static GtkColumnView *
find_mapped_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_mapped_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first painted frame that shows what the window opened on: when that is a list, a frame
 * with its rows on it, not an empty view waiting for them. */
static void
print_first_frame_cb (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  GtkColumnView *column_view = find_mapped_column_view (window);

  if (column_view != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))) == 0)
    return;
  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, print_first_frame_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
first_frame_window_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (print_first_frame_cb), window);
}

/* Reads one "Name:  N kB" line of /proc/self/status, in megabytes. */
static double
process_status_mb (const char *name)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize name_len = strlen (name);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], name, name_len) == 0 && lines[i][name_len] == ':')
      return g_ascii_strtod (lines[i] + name_len + 1, NULL) / 1024.0;
  return -1;
}

/* The processor time this thread has used. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64)now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The items of the model under the view's selection and any slice of it. */
static guint
whole_model_n_items (GListModel *model)
{
  for (;;)
    {
      if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (GTK_IS_SLICE_LIST_MODEL (model))
        model = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));
      else
        return model != NULL ? g_list_model_get_n_items (model) : 0;
    }
}

static void
frame_started_cb (GdkFrameClock     *clock,
                  RegisterPageBench *bench)
{
  bench->frame_started_us = g_get_monotonic_time ();
  bench->frame_started_cpu_us = thread_cpu_us ();
}

/* Only the frames of the scroll count: from its first jump to its last. */
static void
frame_painted_cb (GdkFrameClock     *clock,
                  RegisterPageBench *bench)
{
  if (bench->frame_started_us > 0 && bench->step > 0)
    {
      bench->longest_frame_us = MAX (bench->longest_frame_us,
                                     g_get_monotonic_time () - bench->frame_started_us);
      bench->longest_frame_cpu_us = MAX (bench->longest_frame_cpu_us,
                                         thread_cpu_us () - bench->frame_started_cpu_us);
    }
  bench->frame_started_us = 0;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RegisterPageBench *bench = user_data;
  GtkScrollable *scrollable = GTK_SCROLLABLE (bench->column_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (scrollable);
  gint64 now = g_get_monotonic_time ();
  double top = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* The scroll starts once the view has the whole register (ed_screenful_set_model () gives it
   * a screenful first, then the rest over a few frames): what it times is scrolling the page,
   * not opening it, which first-rows-ms times. */
  if (bench->step == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (bench->column_view))) <
        bench->n_items)
    return G_SOURCE_CONTINUE;

  if (bench->last_frame_us > 0)
    bench->longest_interval_us = MAX (bench->longest_interval_us, now - bench->last_frame_us);
  bench->last_frame_us = now;

  if (bench->step > SCROLL_STEPS)
    {
      g_print ("scroll-steps %u\n", SCROLL_STEPS);
      g_print ("scroll-longest-frame-ms %.1f\n", bench->longest_frame_us / 1000.0);
      g_print ("scroll-longest-frame-cpu-ms %.1f\n", bench->longest_frame_cpu_us / 1000.0);
      g_print ("scroll-longest-interval-ms %.1f\n", bench->longest_interval_us / 1000.0);
      g_print ("rss-mb %.1f\n", process_status_mb ("VmRSS"));
      g_print ("rss-peak-mb %.1f\n", process_status_mb ("VmHWM"));
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window))));
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adjustment, top * bench->step / SCROLL_STEPS);
  bench->step++;
  return G_SOURCE_CONTINUE;
}

static void
register_page_after_paint_cb (GdkFrameClock     *clock,
                              RegisterPageBench *bench)
{
  GtkColumnView *column_view = find_mapped_column_view (bench->window);
  GListModel *model;

  if (column_view == NULL)
    return;
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  if (g_list_model_get_n_items (model) == 0)
    return;

  g_print ("first-rows-ms %.1f\n",
           (g_get_monotonic_time () - bench->open_started_us) / 1000.0);
  g_print ("rows %u\n", g_list_model_get_n_items (model));
  g_signal_handlers_disconnect_by_func (clock, register_page_after_paint_cb, bench);

  bench->column_view = column_view;
  bench->n_items = whole_model_n_items (model);
  bench->clock = g_object_ref (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_started_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (column_view), scroll_tick_cb, bench,
                                (GDestroyNotify) register_page_bench_free);
}

/* Opens the district from an idle after the window's first frame, so that what is timed is
 * opening the district and showing its register, not starting the process. */
static gboolean
register_page_open_cb (gpointer user_data)
{
  RegisterPageBench *bench = user_data;
  g_autoptr(GError) error = NULL;

  bench->open_started_us = g_get_monotonic_time ();
  if (!ed_window_open_district (ED_WINDOW (bench->window), bench->path, &error))
    {
      g_printerr ("%s\n", error->message);
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window))));
      register_page_bench_free (bench);
      return G_SOURCE_REMOVE;
    }
  g_signal_connect (gtk_widget_get_frame_clock (bench->window), "after-paint",
                    G_CALLBACK (register_page_after_paint_cb), bench);
  return G_SOURCE_REMOVE;
}

static void
register_page_window_mapped_cb (GtkWidget         *window,
                                RegisterPageBench *bench)
{
  g_signal_handlers_disconnect_by_func (window, register_page_window_mapped_cb, bench);
  g_idle_add_full (G_PRIORITY_LOW, register_page_open_cb, bench, NULL);
}

/**
 * ed_bench_hooks_install:
 * @window: the application's first window, not yet shown
 *
 * Returns: %TRUE if a benchmark hook took charge of what the window opens, so the
 *   application must not open a district itself
 */
gboolean
ed_bench_hooks_install (EdWindow *window)
{
  const char *register_page_path = g_getenv ("ED_BENCH_REGISTER_PAGE");

  if (g_getenv ("ED_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (first_frame_window_mapped_cb), NULL);
  if (ed_bench_sync_hooks_install (window))
    return TRUE;

  if (register_page_path != NULL && *register_page_path != '\0')
    {
      RegisterPageBench *bench = g_new0 (RegisterPageBench, 1);

      bench->window = GTK_WIDGET (window);
      bench->path = g_strdup (register_page_path);
      g_signal_connect (window, "map", G_CALLBACK (register_page_window_mapped_cb), bench);
      return TRUE;
    }
  return FALSE;
}
