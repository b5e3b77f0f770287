/* ed-election-notices-group.h
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

#define ED_TYPE_ELECTION_NOTICES_GROUP (ed_election_notices_group_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionNoticesGroup, ed_election_notices_group, ED,
                      ELECTION_NOTICES_GROUP, AdwPreferencesGroup)

void     ed_election_notices_group_set_election (EdElectionNoticesGroup  *self,
                                                 EdContext               *context,
                                                 EdElection              *election);
gboolean ed_election_notices_group_publish      (EdElectionNoticesGroup  *self,
                                                 guint                    n,
                                                 const char              *folder,
                                                 GError                 **error);

G_END_DECLS
