/* ed-election-skipped-group.h
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

#define ED_TYPE_ELECTION_SKIPPED_GROUP (ed_election_skipped_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionSkippedGroup, ed_election_skipped_group, ED,
                      ELECTION_SKIPPED_GROUP, AdwPreferencesGroup)

void     ed_election_skipped_group_set_election        (EdElectionSkippedGroup  *self,
                                                        EdContext               *context,
                                                        EdElection              *election);
void     ed_election_skipped_group_set_skip_day_button (EdElectionSkippedGroup  *self,
                                                        GtkWidget               *button);
gboolean ed_election_skipped_group_remove_dies_non     (EdElectionSkippedGroup  *self,
                                                        const GDate             *day,
                                                        GError                 **error);

G_END_DECLS
