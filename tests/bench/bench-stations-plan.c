/* bench-stations-plan.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling plan recomputed for 1,000,000 electors (budget 1 s): the register's counts
 * per property, every property assigned its station, the stations' electorates, staffing,
 * projection and warnings, and every property's distance to its station with the check for
 * a nearer one, on the demo district of that size (about 470,000 properties and 340
 * stations). The page and the maps recompute the plan whenever the district changes, so
 * this is what a person waits for.
 *
 * The figure is the median of five runs after one that warms the page cache, as a desk that
 * has the district open has it warm. ED_BENCH_ELECTORS overrides the size for a quicker
 * look; ED_BENCH_DB times a district written earlier (by `electoral-desk-cli demo
 * --electors 1000000`, say) instead of writing one, and only reads it. */

#define G_LOG_DOMAIN "ed-bench-stations-plan"

#include "config.h"

#include <time.h>

#include "ed-modules.h"
#include "ed-bench-util.h"
#include "demo/ed-demo.h"
#include "stations/ed-station-plan.h"

#define DEFAULT_ELECTORS 1000000
#define PLAN_BUDGET_MS 1000.0
#define RUNS 5

static double
cpu_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  const char *existing = g_getenv ("ED_BENCH_DB");
  EdDemoOptions options;
  gint64 start;
  double first_ms = 0, median;
  guint n_stations = 0, n_properties = 0, over = 0;

  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "stations.db", NULL);

  ed_demo_options_init (&options);
  options.electors = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10) : DEFAULT_ELECTORS;
  start = g_get_monotonic_time ();
  context = ed_modules_open_district (existing != NULL ? existing : path, &error);
  ed_bench_check (context != NULL, error, "opening the district");
  if (existing == NULL)
    {
      ed_bench_check (ed_demo_generate (context, &options, &error), error, "writing the demo");
      g_print ("# demo district of %u electors written in %.1f s\n", options.electors,
               ed_bench_ms_since (start) / 1000.0);
    }

  for (guint run = 0; run <= RUNS; run++)
    {
      g_autoptr(EdStationPlan) plan = NULL;
      double ms, cpu_ms;
      double cpu_start = cpu_now_ms ();

      start = g_get_monotonic_time ();
      plan = ed_station_plan_compute (context, &error);
      ms = ed_bench_ms_since (start);
      cpu_ms = cpu_now_ms () - cpu_start;
      ed_bench_check (plan != NULL, error, "computing the plan");
      if (run == 0)
        {
          first_ms = ms;
          n_stations = plan->stations->len;
          n_properties = plan->properties->len;
          for (guint s = 0; s < plan->stations->len; s++)
            if (((EdPlanStation *)g_ptr_array_index (plan->stations, s))->warnings &
                ED_STATION_WARNING_OVER_MAXIMUM)
              over++;
          g_print ("# %" G_GINT64_FORMAT " electors\n", plan->electorate->electors);
          ed_bench_check (existing != NULL || plan->electorate->electors == options.electors,
                          NULL, "counting every elector");
        }
      else
        {
          g_array_append_val (samples, ms);
          g_array_append_val (cpu_samples, cpu_ms);
        }
    }
  median = ed_bench_percentile (samples, 50);
  g_print ("# %u properties, %u stations (%u over the maximum); first run %.0f ms, "
           "slowest of %u after it %.0f ms\n", n_properties, n_stations, over, first_ms, RUNS,
           ed_bench_percentile (samples, 100));
  /* On a machine shared with other work the processor time says what the plan costs. */
  g_print ("# processor time, median of %u: %.0f ms\n", RUNS,
           ed_bench_percentile (cpu_samples, 50));
  g_print ("bench: stations-plan %.0f ms budget %.0f ms\n", median, PLAN_BUDGET_MS);

  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return median <= PLAN_BUDGET_MS ? 0 : 1;
}
