/* ed-crash-point.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/ed-crash-point.h"

/* A test kills the program at a moment it can name again at the next run, rather than after
 * a sleep that lands somewhere else on a busy machine:
 *
 *   ED_CRASH_TRACE=1  prints "ed-crash-point N NAME" to stderr at every point passed, N
 *                     counting from 1 over every point in the process;
 *   ED_CRASH_AT=N     kills the process with SIGKILL at the Nth point, as a power cut or
 *                     `kill -9` would: no handler runs, nothing is flushed or removed.
 *
 * Points are passed from the main thread and from a job's worker thread, so the count is
 * atomic; a command's work runs in one order, so the same data gives the same points. */

static gsize crash_at;
static gboolean trace;
static gint passed;

static void
read_environment (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      const char *at = g_getenv ("ED_CRASH_AT");

      trace = g_getenv ("ED_CRASH_TRACE") != NULL;
      crash_at = at != NULL ? (gsize)g_ascii_strtoull (at, NULL, 10) : 0;
      g_once_init_leave (&initialised, 1);
    }
}

/**
 * ed_crash_points_enabled:
 *
 * Returns: whether ED_CRASH_AT or ED_CRASH_TRACE is set, so that a point costly to reach
 *   (SQLite's progress handler) is set up only then
 */
gboolean
ed_crash_points_enabled (void)
{
  read_environment ();
  return trace || crash_at > 0;
}

/**
 * ed_crash_point:
 * @name: what the program is about to do or has just done, one word ("commit", "renamed")
 *
 * Counts one crash point, prints it if tracing, and kills the process if it is the one
 * ED_CRASH_AT names.
 */
void
ed_crash_point (const char *name)
{
  guint n;

  if (!ed_crash_points_enabled ())
    return;
  n = (guint)g_atomic_int_add (&passed, 1) + 1;
  if (trace)
    {
      /* Unbuffered and in one write, so that the last line before the kill is there. */
      char line[128];
      int length = g_snprintf (line, sizeof line, "ed-crash-point %u %s\n", n, name);

      if (write (STDERR_FILENO, line, MIN ((gsize)length, sizeof line - 1)) < 0)
        {
          /* Nothing to do: the trace is only for the test to read. */
        }
    }
  if (crash_at > 0 && n == crash_at)
    raise (SIGKILL);
}
