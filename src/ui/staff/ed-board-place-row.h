/* ed-board-place-row.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "staff/ed-staff-vocab.h"
#include "stations/ed-station-staffing.h"

G_BEGIN_DECLS

/**
 * EdBoardLine:
 * @appointment: the appointment's row id
 * @name: the person's name, as lists sort it
 * @role: the role taken
 * @state: how far the appointment has gone
 * @other_poll: the title of the poll of the combination it is recorded against, when that is
 *   not the board's own; %NULL otherwise
 * @warning: (nullable): what the warnings say of it, one sentence a line
 *
 * One appointment as the board shows it.
 */
typedef struct
{
  char               *appointment;
  char               *name;
  EdStaffRole         role;
  EdAppointmentState  state;
  char               *other_poll;
  char               *warning;
} EdBoardLine;

/**
 * EdBoardPlace:
 * @kind: what sort of place
 * @station: the polling station's row id, "" for any other place
 * @session: the count's or a postal vote opening's session, "" for none
 * @title: what the place is called: "AB1 Mill Lane Community Centre"
 * @subtitle: a second line (the room), or ""
 * @in_plan: a station of the polling plan, measured against what the plan asks for
 * @can_appoint: whether people can be appointed here from the board
 * @wanted: for a station of the plan, what it asks for
 * @appointed: for a station of the plan, the presiding officers and clerks appointed on
 *   polling day, over every poll of the combination
 * @n_active: the appointments here that will be or were worked
 * @no_poll: a station of the plan with no poll and no one appointed
 * @shortfall: (nullable): what the warnings say of the station's staffing
 * @lines: (element-type EdBoardLine): its appointments, by role, then by name
 *
 * One place of the appointment board.
 */
typedef struct
{
  EdStaffPlace       kind;
  char              *station;
  char              *session;
  char              *title;
  char              *subtitle;
  gboolean           in_plan;
  gboolean           can_appoint;
  EdStationStaffing  wanted;
  EdStationStaffing  appointed;
  guint              n_active;
  gboolean           no_poll;
  char              *shortfall;
  GPtrArray         *lines;
} EdBoardPlace;

EdBoardPlace *ed_board_place_new             (EdStaffPlace        kind,
                                              const char         *station,
                                              const char         *session);
void          ed_board_place_free            (EdBoardPlace       *place);
char         *ed_board_place_dup_staffing    (const EdBoardPlace *place);
void          ed_board_line_free             (EdBoardLine        *line);

#define ED_TYPE_BOARD_PLACE_ROW (ed_board_place_row_get_type ())

G_DECLARE_FINAL_TYPE (EdBoardPlaceRow, ed_board_place_row, ED, BOARD_PLACE_ROW, GtkListBoxRow)

GtkWidget          *ed_board_place_row_new       (const EdBoardPlace *place);
const EdBoardPlace *ed_board_place_row_get_place (EdBoardPlaceRow    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdBoardPlace, ed_board_place_free)

G_END_DECLS
