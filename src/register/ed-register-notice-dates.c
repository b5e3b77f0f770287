/* ed-register-notice-dates.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The notices of alteration an officer can publish next, by the district's calendar: what
 * the notice page offers to choose from. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-register-notice-dates.h"
#include "register/ed-register-notice-private.h"

/**
 * ed_register_notice_upcoming:
 * @context: the district
 * @from: the first day a notice may be published on, usually today
 * @n_notices: how many notices to list
 * @error: return location for a calendar that does not cover the dates
 *
 * Lists the next monthly notices of alteration published on or after @from, optional ones
 * (the months before the revised register, DOMAIN.md §1.4) included and marked as such by
 * their `required` member. The revised register itself is not among them: it is published
 * by revising the register.
 *
 * Returns: (transfer full) (element-type EdNoticeDates): the notices in date order, or
 *   %NULL with @error set
 */
GArray *
ed_register_notice_upcoming (EdContext    *context,
                             const GDate  *from,
                             guint         n_notices,
                             GError      **error)
{
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(GArray) notices = g_array_sized_new (FALSE, FALSE, sizeof (EdNoticeDates), n_notices);
  GDate after = *from;

  g_return_val_if_fail (g_date_valid (from), NULL);

  calendar = _ed_register_calendar (context, error);
  if (calendar == NULL)
    return NULL;

  while (notices->len < n_notices)
    {
      EdNoticeDates dates;

      if (!ed_notice_timetable_next_possible (calendar, &after, NULL, &dates, error))
        return NULL;
      g_array_append_val (notices, dates);
      after = dates.publication;
      g_date_add_days (&after, 1);
    }
  return g_steal_pointer (&notices);
}
