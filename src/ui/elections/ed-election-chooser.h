/* ed-election-chooser.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "district/ed-context.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTION_CHOOSER (ed_election_chooser_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionChooser, ed_election_chooser, ED, ELECTION_CHOOSER, GtkWidget)

GtkWidget  *ed_election_chooser_new             (void);
void        ed_election_chooser_set_context     (EdElectionChooser *self,
                                                 EdContext         *context);
void        ed_election_chooser_reload          (EdElectionChooser *self);
const char *ed_election_chooser_get_election_id (EdElectionChooser *self);
void        ed_election_chooser_set_election_id (EdElectionChooser *self,
                                                 const char        *election_id);
EdElection *ed_election_chooser_get_election    (EdElectionChooser *self);
GPtrArray  *ed_election_chooser_get_elections   (EdElectionChooser *self);
EdElection *ed_election_chooser_find            (EdElectionChooser *self,
                                                 const char        *id_or_slug);

G_END_DECLS
