/* ed-staff-appointment-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "staff/ed-staff-appointment.h"

G_BEGIN_DECLS

/* The columns every read of staff_appointment selects, aliased "a": the id, then the synced
 * columns in EdStaffAppointmentColumn's order, so that column 1 + ED_STAFF_APPOINTMENT_COL_X
 * is X. */
#define _ED_STAFF_APPOINTMENT_COLUMNS                                                     \
  "a.id, a.election, a.person, a.role, a.place_kind, a.station, a.session, a.work_date, " \
  "a.start_time, a.end_time, a.minutes, a.enhanced_minutes, a.units, a.state, "          \
  "a.state_changed_on, a.note"
#define _ED_STAFF_APPOINTMENT_N_COLUMNS 16

/* What the appointment files share: a row read into an appointment (%NULL for one holding a
 * role, place or state this version does not know), the people's names as sentences give
 * them, who is marked unavailable for some polls, a new row written into a change set, and
 * whether a station is in the plan. */
EdStaffAppointment *_ed_staff_appointment_from_row     (sqlite3_stmt  *stmt);
GPtrArray          *_ed_staff_appointment_read         (EdDatabase    *database,
                                                        const char    *sql,
                                                        const char    *key,
                                                        GError       **error);
GHashTable         *_ed_staff_appointment_person_names (EdContext     *context,
                                                        GError       **error);
GHashTable         *_ed_staff_appointment_unavailable  (EdContext     *context,
                                                        GPtrArray     *polls,
                                                        GError       **error);
gboolean            _ed_staff_appointment_insert       (EdChangeSet   *change_set,
                                                        const char    *election_id,
                                                        const EdStaffAppointmentNew *details,
                                                        char         **out_id,
                                                        GError       **error);
gboolean            _ed_staff_appointment_station_exists (EdContext   *context,
                                                          const char  *station,
                                                          gboolean    *out_exists,
                                                          GError     **error);

G_END_DECLS
