/* ed-staff-appointment.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"

G_BEGIN_DECLS

/* The most characters a session's name and an appointment's note hold. */
#define ED_STAFF_SESSION_MAX_CHARS 200
#define ED_STAFF_NOTE_MAX_CHARS    20000

/* A day is 1,440 minutes; more than that on one appointment is a slip of the keyboard. */
#define ED_STAFF_MAX_MINUTES 1440

/**
 * EdStaffAppointment:
 * @id: its row id
 * @election: the election's row id
 * @person: the staff_person's row id
 * @role: the role taken
 * @place_kind: where it is worked
 * @station: the polling station's row id, "" for another place or a station still to be
 *   chosen
 * @session: the count's or a postal vote opening's session, "" for a station
 * @work_date: the day worked, or a cleared date for the election's polling day
 * @start_time: "HH:MM", or "" when not set
 * @end_time: "HH:MM", or ""; at or before @start_time when the work runs past midnight
 * @minutes: minutes paid at the ordinary rate
 * @enhanced_minutes: minutes paid at the enhanced rate
 * @units: units of work, for a per-unit fee
 * @state: how far the appointment has gone
 * @state_changed_on: the day @state was last set
 * @note: free text
 *
 * A person appointed to a role at a place for an election (staff_appointment).
 */
typedef struct
{
  char               *id;
  char               *election;
  char               *person;
  EdStaffRole         role;
  EdStaffPlace        place_kind;
  char               *station;
  char               *session;
  GDate               work_date;
  char               *start_time;
  char               *end_time;
  gint64              minutes;
  gint64              enhanced_minutes;
  gint64              units;
  EdAppointmentState  state;
  GDate               state_changed_on;
  char               *note;
} EdStaffAppointment;

/**
 * EdStaffAppointmentNew:
 * @election: the election's row id or slug
 * @person: the staff_person's row id
 * @role: the role
 * @place_kind: where it is worked
 * @station: (nullable): for a station, the polling station's row id, or %NULL or "" for one
 *   still to be chosen; %NULL or "" for any other place
 * @session: (nullable): for another place, which session ("Postal vote opening 3")
 * @work_date: (nullable): the day worked, or %NULL or a cleared date for polling day
 * @start_time: (nullable): "HH:MM", or %NULL or "" for none
 * @end_time: (nullable): "HH:MM", or %NULL or "" for none
 * @minutes: minutes paid at the ordinary rate
 * @enhanced_minutes: minutes paid at the enhanced rate
 * @units: units of work, for a per-unit fee
 * @note: (nullable): free text
 *
 * A new appointment, as a form or the command line describes it.
 */
typedef struct
{
  const char   *election;
  const char   *person;
  EdStaffRole   role;
  EdStaffPlace  place_kind;
  const char   *station;
  const char   *session;
  const GDate  *work_date;
  const char   *start_time;
  const char   *end_time;
  gint64        minutes;
  gint64        enhanced_minutes;
  gint64        units;
  const char   *note;
} EdStaffAppointmentNew;

/**
 * EdStaffAppointmentOrder:
 * @ED_STAFF_APPOINTMENT_BY_STATION: stations by code, then the other places; within a place,
 *   by role, then by name
 * @ED_STAFF_APPOINTMENT_BY_PERSON: by family name and given names, then by work day
 * @ED_STAFF_APPOINTMENT_BY_ROLE: by role in the vocabulary's order, then by name
 *
 * The orders an election's appointments are listed in.
 */
typedef enum
{
  ED_STAFF_APPOINTMENT_BY_STATION,
  ED_STAFF_APPOINTMENT_BY_PERSON,
  ED_STAFF_APPOINTMENT_BY_ROLE,
} EdStaffAppointmentOrder;

/**
 * EdStaffInviteSkip:
 * @ED_STAFF_INVITE_ALREADY_APPOINTED: the person already has an appointment for the new
 *   election (or a poll combined with it), in whatever state
 * @ED_STAFF_INVITE_UNAVAILABLE: the person is marked unavailable for the new election
 * @ED_STAFF_INVITE_PERSON_GONE: the person is no longer on the staff list
 *
 * Why a bulk invitation passed someone over.
 */
typedef enum
{
  ED_STAFF_INVITE_ALREADY_APPOINTED,
  ED_STAFF_INVITE_UNAVAILABLE,
  ED_STAFF_INVITE_PERSON_GONE,
  ED_N_STAFF_INVITE_SKIPS,
} EdStaffInviteSkip;

/**
 * EdStaffInviteSkipped:
 * @reason: why
 * @person: the staff_person's row id
 * @appointment: the earlier election's appointment that was not carried over
 * @message: a sentence naming the person and the reason
 */
typedef struct
{
  EdStaffInviteSkip  reason;
  char              *person;
  char              *appointment;
  char              *message;
} EdStaffInviteSkipped;

/**
 * EdStaffInviteReport:
 * @invited: the appointments made
 * @unplaced: of those, the ones at a station no longer in the polling plan, made with no
 *   station, to be placed
 * @skipped: (element-type EdStaffInviteSkipped): those passed over, in the earlier election's
 *   station order
 * @n_skipped: how many of @skipped there are for each #EdStaffInviteSkip
 *
 * What a bulk invitation did.
 */
typedef struct
{
  guint      invited;
  guint      unplaced;
  GPtrArray *skipped;
  guint      n_skipped[ED_N_STAFF_INVITE_SKIPS];
} EdStaffInviteReport;

char                *ed_staff_appointment_add             (EdContext             *context,
                                                           const EdStaffAppointmentNew *details,
                                                           GError               **error);
EdStaffAppointment  *ed_staff_appointment_load            (EdContext             *context,
                                                           const char            *id,
                                                           GError               **error);
gboolean             ed_staff_appointment_set_state       (EdContext             *context,
                                                           const char            *id,
                                                           EdAppointmentState     state,
                                                           GError               **error);
gboolean             ed_staff_appointment_update_hours    (EdContext             *context,
                                                           const char            *id,
                                                           const char            *start_time,
                                                           const char            *end_time,
                                                           gint64                 minutes,
                                                           gint64                 enhanced_minutes,
                                                           GError               **error);
gboolean             ed_staff_appointment_remove          (EdContext             *context,
                                                           const char            *id,
                                                           GError               **error);
GPtrArray           *ed_staff_appointment_list            (EdContext             *context,
                                                           const char            *election,
                                                           EdStaffAppointmentOrder order,
                                                           GError               **error);
GPtrArray           *ed_staff_appointment_list_for_person (EdContext             *context,
                                                           const char            *person,
                                                           GError               **error);
EdStaffInviteReport *ed_staff_appointment_invite_from     (EdContext             *context,
                                                           const char            *from_election,
                                                           const char            *to_election,
                                                           GError               **error);

gboolean             ed_appointment_state_can_change      (EdAppointmentState     from,
                                                           EdAppointmentState     to);
gboolean             ed_appointment_state_is_active       (EdAppointmentState     state);
void                 ed_staff_appointment_get_work_day    (const EdStaffAppointment *appointment,
                                                           const GDate           *polling_day,
                                                           GDate                 *out_day);
gboolean             ed_staff_time_parse                  (const char            *text,
                                                           guint                 *out_minutes,
                                                           GError               **error);

void                 ed_staff_appointment_free            (EdStaffAppointment    *appointment);
void                 ed_staff_invite_report_free          (EdStaffInviteReport   *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffAppointment, ed_staff_appointment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffInviteReport, ed_staff_invite_report_free)

G_END_DECLS
