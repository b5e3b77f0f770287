/* ed-election-timetable-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTION_TIMETABLE_GROUP (ed_election_timetable_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionTimetableGroup, ed_election_timetable_group, ED,
                      ELECTION_TIMETABLE_GROUP, AdwPreferencesGroup)

void       ed_election_timetable_group_set_election        (EdElectionTimetableGroup  *self,
                                                            EdContext                 *context,
                                                            EdElection                *election,
                                                            gboolean                   keep);
gboolean   ed_election_timetable_group_save_calendar       (EdElectionTimetableGroup  *self,
                                                            GFile                     *file,
                                                            GError                   **error);
gboolean   ed_election_timetable_group_add_dies_non        (EdElectionTimetableGroup  *self,
                                                            const GDate               *day,
                                                            const char                *reason,
                                                            GError                   **error);
GtkWidget *ed_election_timetable_group_get_skip_day_button (EdElectionTimetableGroup  *self);

G_END_DECLS
