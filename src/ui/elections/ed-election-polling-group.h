/* ed-election-polling-group.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "elections/ed-election.h"
#include "ui/elections/ed-election-registers-row.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTION_POLLING_GROUP (ed_election_polling_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionPollingGroup, ed_election_polling_group, ED,
                      ELECTION_POLLING_GROUP, AdwPreferencesGroup)

void                    ed_election_polling_group_set_election      (EdElectionPollingGroup *self,
                                                                     EdContext              *context,
                                                                     EdElection             *election);
void                    ed_election_polling_group_set_cards         (EdElectionPollingGroup *self,
                                                                     gint64                  cards);
EdElectionRegistersRow *ed_election_polling_group_get_registers_row (EdElectionPollingGroup *self);

G_END_DECLS
