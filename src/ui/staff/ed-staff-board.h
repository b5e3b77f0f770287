/* ed-staff-board.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"
#include "ui/staff/ed-appoint-dialog.h"
#include "ui/staff/ed-board-place-row.h"

G_BEGIN_DECLS

#define ED_TYPE_STAFF_BOARD (ed_staff_board_get_type ())

G_DECLARE_FINAL_TYPE (EdStaffBoard, ed_staff_board, ED, STAFF_BOARD, AdwBin)

void                ed_staff_board_set_context  (EdStaffBoard *self,
                                                 EdContext    *context,
                                                 const char   *election_id);
void                ed_staff_board_set_election (EdStaffBoard *self,
                                                 const char   *election_id);
const char         *ed_staff_board_get_election (EdStaffBoard *self);
void                ed_staff_board_reload       (EdStaffBoard *self);
gboolean            ed_staff_board_is_ready     (EdStaffBoard *self);

guint               ed_staff_board_get_n_places (EdStaffBoard *self);
const EdBoardPlace *ed_staff_board_get_place    (EdStaffBoard *self,
                                                 guint         index);
gint                ed_staff_board_find_place   (EdStaffBoard *self,
                                                 EdStaffPlace  kind,
                                                 const char   *station_or_session);
void                ed_staff_board_select_place (EdStaffBoard *self,
                                                 guint         index);
GPtrArray          *ed_staff_board_get_warnings (EdStaffBoard *self);
EdAppointDialog    *ed_staff_board_open_appoint (EdStaffBoard *self);
char               *ed_staff_board_drop_person  (EdStaffBoard *self,
                                                 guint         index,
                                                 const char   *person_id,
                                                 GError      **error);

G_END_DECLS
