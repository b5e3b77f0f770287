/* ed-election-ical.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "elections/ed-election.h"

G_BEGIN_DECLS

char     *ed_timetable_to_ical    (EdElection   *election,
                                   EdTimetable  *timetable,
                                   GPtrArray    *tasks,
                                   GDateTime    *stamp);
gboolean  ed_timetable_write_ical (EdElection   *election,
                                   EdTimetable  *timetable,
                                   GPtrArray    *tasks,
                                   const char   *path,
                                   GError      **error);

G_END_DECLS
