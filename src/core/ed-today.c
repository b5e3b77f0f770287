/* ed-today.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Today's date, for the rules that depend on it (a notice is never published before its
 * determination deadline has passed). A build with test hooks reads ED_TODAY (an ISO date)
 * instead, so that tests written around a fixed timetable do not start failing as the real
 * calendar passes it; other builds always use the system's date. */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <time.h>

#include "core/ed-date.h"
#include "core/ed-today.h"

/**
 * ed_today:
 * @out: (out): today's date in local time
 */
void
ed_today (GDate *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
#ifdef ED_TEST_HOOKS
  {
    const char *fixed = g_getenv ("ED_TODAY");

    if (fixed != NULL && ed_date_parse_iso (fixed, out, NULL))
      return;
    g_date_clear (out, 1);
  }
#endif
  g_date_set_time_t (out, time (NULL));
}
