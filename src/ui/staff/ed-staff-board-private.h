/* ed-staff-board-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the appointment board's files share: the board itself (ed-staff-board.c: the
 * elections, the plan, the places and the people) and what a person does on it
 * (ed-staff-board-actions.c: appointing, states, removal, bulk invitation). */

#pragma once

#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"
#include "stations/ed-station-plan.h"
#include "ui/elections/ed-election-chooser.h"
#include "ui/staff/ed-board-place-row.h"
#include "ui/staff/ed-staff-board.h"

G_BEGIN_DECLS

struct _EdStaffBoard
{
  AdwBin              parent_instance;

  EdContext          *context;
  gboolean            reading;       /* the chooser is read with the board, which then shows
                                        itself once */
  GPtrArray          *polls;         /* EdElection: the combination chosen */
  EdStationPlan      *plan;
  GCancellable       *cancellable;   /* the plan's job, while it runs */
  gboolean            plan_stale;    /* to be worked out again when next on screen */
  gboolean            stale;         /* to be read again when next on screen */
  GPtrArray          *appointments;  /* EdStaffAppointment, over the combination */
  GPtrArray          *warnings;      /* EdStaffWarning */
  GPtrArray          *people;        /* EdStaffPerson, everyone */
  GHashTable         *people_by_id;  /* id → EdStaffPerson in @people */
  GPtrArray          *places;        /* EdBoardPlace, in the list's order */
  GHashTable         *removed;       /* id → EdStaffAppointment removed, for Undo */
  GListStore         *available;     /* EdStaffPersonItem */
  GDate               today;

  GtkWidget          *toasts;
  GtkWidget          *stack;
  GtkWidget          *spinner;
  GtkWidget          *empty_page;
  EdElectionChooser  *election_chooser; /* the first poll of each combination */
  GtkWidget          *warnings_expander;
  GtkWidget          *warnings_list;
  GtkWidget          *places_scrolled;
  GtkWidget          *places_list;
  GtkWidget          *people_search;
  GtkWidget          *people_view;
  GtkSingleSelection *people_selection;
};

EdElection         *_ed_staff_board_chosen_election    (EdStaffBoard             *self);
EdElection         *_ed_staff_board_previous_election  (EdStaffBoard             *self);
EdBoardPlace       *_ed_staff_board_selected_place     (EdStaffBoard             *self);
const char         *_ed_staff_board_person_name        (EdStaffBoard             *self,
                                                        const char               *person_id,
                                                        char                    **out_free);
void                _ed_staff_board_refresh            (EdStaffBoard             *self);
const EdStaffRole  *_ed_staff_board_place_roles        (const EdBoardPlace       *place,
                                                        guint                    *n_roles);
EdStaffRole         _ed_staff_board_default_role       (const EdBoardPlace       *place);
EdStaffRole         _ed_staff_board_role_for           (const EdBoardPlace       *place,
                                                        const EdStaffPerson      *person);
EdBoardPlace       *_ed_staff_board_unplaced           (GHashTable               *others,
                                                        GPtrArray                *places,
                                                        const EdStaffAppointment *appointment);

void                _ed_staff_board_class_init_actions (GtkWidgetClass           *widget_class);
void                _ed_staff_board_init_drop_target   (EdStaffBoard             *self);

G_END_DECLS
