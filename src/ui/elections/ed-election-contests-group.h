/* ed-election-contests-group.h
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

#define ED_TYPE_ELECTION_CONTESTS_GROUP (ed_election_contests_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionContestsGroup, ed_election_contests_group, ED,
                      ELECTION_CONTESTS_GROUP, AdwPreferencesGroup)

void ed_election_contests_group_set_election (EdElectionContestsGroup *self,
                                              EdContext               *context,
                                              EdElection              *election);

G_END_DECLS
