/* bench-register.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Two budgets of DESIGN.md §9 at the size of the largest districts:
 *
 * - demo district generation, 1,000,000 electors (budget 60 s): the whole district written
 *   through change sets, op log and search index included, into a new file;
 * - search as you type over those 1,000,000 electors (budget p95 15 ms): every prefix of
 *   surnames, forenames, streets, postcodes and elector numbers, as a person typing them
 *   would send them, each answered with the first 50 matches the register page shows.
 *
 * ED_BENCH_ELECTORS overrides the size for a quicker look. */

#define G_LOG_DOMAIN "ed-bench-register"

#include "config.h"

#include "ed-modules.h"
#include "ed-bench-util.h"
#include "demo/ed-demo.h"
#include "register/ed-register-search.h"

#define DEFAULT_ELECTORS 1000000
#define DEMO_BUDGET_S 60.0
#define SEARCH_BUDGET_MS 15.0
#define RESULTS_SHOWN 50

/* What people type: names, streets, postcodes and numbers from the demo district. */
static const char *typed[] = {
  "Cartwright", "Oyelaran", "Singh", "Kowalski", "Winterbottom", "Ahmed", "O'Brien",
  "Eleanor Fenwick", "Mohammed Patel", "Rhys Evans", "Farah", "Tomasz",
  "Linden Road", "Orchard House", "Flat 2", "14 Kiln", "Tithe Barn Lane",
  "ZY1 9", "ZY3 7ZL", "ZY12 4", "ZY8",
  "AA1", "AB124", "BC77", "ZZ9",
  "Quillfeather",
};

static void
measure_search (EdContext *context,
                GArray    *samples,
                guint     *out_queries)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      const char *text = typed[i];

      /* Every prefix, as the page searches after each key. */
      for (const char *end = g_utf8_next_char (text);; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (text, end - text);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) results = NULL;
          gint64 start = g_get_monotonic_time ();
          double ms;

          results = ed_register_search (context, prefix, RESULTS_SHOWN, &error);
          ms = ed_bench_ms_since (start);
          ed_bench_check (results != NULL, error, "searching");
          g_array_append_val (samples, ms);
          (*out_queries)++;
          if (*end == '\0')
            break;
        }
    }
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
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  EdDemoOptions options;
  gint64 start;
  double demo_s;
  double p50, p95, worst;
  guint queries = 0;
  gboolean ok;

  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "register.db", NULL);

  ed_demo_options_init (&options);
  options.electors = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10) : DEFAULT_ELECTORS;

  start = g_get_monotonic_time ();
  context = ed_modules_open_district (path, &error);
  ed_bench_check (context != NULL, error, "creating the district");
  ed_bench_check (ed_demo_generate (context, &options, &error), error, "writing the demo");
  demo_s = ed_bench_ms_since (start) / 1000.0;
  g_print ("# %u electors written in %.1f s (%.0f electors/s)\n", options.electors, demo_s,
           options.electors / demo_s);
  g_print ("bench: demo-generation %.1f s budget %.0f s\n", demo_s, DEMO_BUDGET_S);

  /* Twice: the first pass warms the page cache as a day's work would. */
  measure_search (context, samples, &queries);
  g_array_set_size (samples, 0);
  queries = 0;
  measure_search (context, samples, &queries);
  p50 = ed_bench_percentile (samples, 50);
  p95 = ed_bench_percentile (samples, 95);
  worst = ed_bench_percentile (samples, 100);
  g_print ("# %u searches (each prefix of %u typed texts), first %u matches: p50 %.2f ms, "
           "worst %.2f ms\n", queries, (guint)G_N_ELEMENTS (typed), RESULTS_SHOWN, p50, worst);
  g_print ("bench: search-p95 %.2f ms budget %.0f ms\n", p95, SEARCH_BUDGET_MS);

  ok = demo_s <= DEMO_BUDGET_S && p95 <= SEARCH_BUDGET_MS;
  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return ok ? 0 : 1;
}
