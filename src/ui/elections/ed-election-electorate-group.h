/* ed-election-electorate-group.h
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

#define ED_TYPE_ELECTION_ELECTORATE_GROUP (ed_election_electorate_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionElectorateGroup, ed_election_electorate_group, ED,
                      ELECTION_ELECTORATE_GROUP, AdwPreferencesGroup)

void     ed_election_electorate_group_set_election (EdElectionElectorateGroup *self,
                                                    EdContext                 *context,
                                                    EdElection                *election);
void     ed_election_electorate_group_count        (EdElectionElectorateGroup *self);
gboolean ed_election_electorate_group_is_counting  (EdElectionElectorateGroup *self);

G_END_DECLS
