/* ed-election-detail.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_ELECTION_DETAIL (ed_election_detail_get_type ())

G_DECLARE_FINAL_TYPE (EdElectionDetail, ed_election_detail, ED, ELECTION_DETAIL, AdwBin)

void     ed_election_detail_show          (EdElectionDetail  *self,
                                           EdContext         *context,
                                           const char        *election_id);
void     ed_election_detail_reload        (EdElectionDetail  *self);
gboolean ed_election_detail_save_calendar (EdElectionDetail  *self,
                                           GFile             *file,
                                           GError           **error);
gboolean ed_election_detail_add_dies_non  (EdElectionDetail  *self,
                                           const GDate       *day,
                                           const char        *reason,
                                           GError           **error);
gboolean ed_election_detail_remove_dies_non (EdElectionDetail  *self,
                                             const GDate       *day,
                                             GError           **error);

gboolean ed_election_detail_is_counting   (EdElectionDetail  *self);
gboolean ed_election_detail_publish_notice (EdElectionDetail  *self,
                                            guint              n,
                                            const char        *folder,
                                            GError           **error);
void     ed_election_detail_save_registers (EdElectionDetail  *self,
                                            const char        *folder,
                                            gboolean           before_final);
gboolean ed_election_detail_is_saving      (EdElectionDetail  *self);

G_END_DECLS
