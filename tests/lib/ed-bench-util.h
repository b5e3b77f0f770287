/* ed-bench-util.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

G_BEGIN_DECLS

/* Helpers shared by the C benchmarks. Each benchmark prints comment lines starting with "# "
 * and exactly one line "bench: NAME VALUE UNIT budget BUDGET UNIT" (DESIGN.md §9), and exits
 * 1 when the figure is over budget. */

void    ed_bench_init        (void);
char   *ed_bench_make_dir    (void);
void    ed_bench_remove_dir  (const char *path);
double  ed_bench_ms_since    (gint64      start_us);
double  ed_bench_percentile  (GArray     *samples,
                              double      percent);
void    ed_bench_check       (gboolean    ok,
                              GError     *error,
                              const char *what);

G_END_DECLS
