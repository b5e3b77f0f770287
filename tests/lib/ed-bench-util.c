/* ed-bench-util.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-bench"

#include "config.h"

#include "ed-bench-util.h"
#include "ed-test-dir.h"

/* The session cross-check (SYNC.md §4.11) is for test runs; a benchmark measures what a desk
 * runs, so it is off whatever the environment says. */
void
ed_bench_init (void)
{
  g_unsetenv ("ED_WRITE_CHECK");
}

char *
ed_bench_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("electoral-desk-bench-XXXXXX", &error);

  if (dir == NULL)
    g_error ("Cannot make a temporary folder: %s", error->message);
  return dir;
}

/* The same walk as the tests' folders take (ed-test-dir.c). */
void
ed_bench_remove_dir (const char *path)
{
  ed_test_dir_remove_all (path);
}

double
ed_bench_ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

static int
ed_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The nearest-rank percentile of @samples (sorted in place): the smallest sample with at least
 * @percent % of the samples at or below it. */
double
ed_bench_percentile (GArray *samples,
                     double  percent)
{
  guint rank;

  g_assert (samples->len > 0);
  g_array_sort (samples, ed_bench_compare_doubles);
  rank = (guint)ceil (percent / 100.0 * samples->len);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

void
ed_bench_check (gboolean    ok,
                GError     *error,
                const char *what)
{
  if (!ok)
    g_error ("%s failed: %s", what, error != NULL ? error->message : "no error set");
}
