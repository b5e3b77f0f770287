/* ed-today.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <time.h>

#include "core/ed-date.h"
#include "ui/ed-today.h"

/**
 * ed_today:
 * @out: (out caller-allocates): where to write the date
 *
 * The day the window's rules are checked against and changes are determined on: the local
 * date. A build with test hooks takes ED_TEST_TODAY (YYYY-MM-DD) instead, so that an
 * end-to-end test can stand on either side of a notice's deadline whatever the calendar says.
 */
void
ed_today (GDate *out)
{
  g_return_if_fail (out != NULL);

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
#ifdef ED_TEST_HOOKS
  {
    const char *fixed = g_getenv ("ED_TEST_TODAY");
    GDate date;

    g_date_clear (&date, 1);
    if (fixed != NULL && ed_date_parse_iso (fixed, &date, NULL))
      *out = date;
  }
#endif
}
