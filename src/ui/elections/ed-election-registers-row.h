/* ed-election-registers-row.h
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

#define ED_TYPE_ELECTION_REGISTERS_ROW (ed_election_registers_row_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionRegistersRow, ed_election_registers_row, ED,
                      ELECTION_REGISTERS_ROW, AdwActionRow)

void     ed_election_registers_row_set_election (EdElectionRegistersRow *self,
                                                 EdContext              *context,
                                                 EdElection             *election);
void     ed_election_registers_row_save         (EdElectionRegistersRow *self,
                                                 const char             *folder,
                                                 gboolean                before_final);
gboolean ed_election_registers_row_is_saving    (EdElectionRegistersRow *self);

G_END_DECLS
