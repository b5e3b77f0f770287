/* ed-staff-warnings.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "staff/ed-staff-vocab.h"
#include "stations/ed-station-plan.h"

G_BEGIN_DECLS

/**
 * EdStaffWarningKind:
 * @ED_STAFF_WARNING_TWICE_ON_ONE_DAY: a person has two appointments on one day whose hours
 *   overlap, or of which one has no hours set
 * @ED_STAFF_WARNING_TRAINING_MISSING: the role needs training and the person attended none
 *   for it before the day worked
 * @ED_STAFF_WARNING_TRAINING_EXPIRED: the person's training for the role ran out before the
 *   day worked
 * @ED_STAFF_WARNING_STATION_SHORT: a station of the poll has fewer presiding officers or poll
 *   clerks appointed than the polling plan asks for (DOMAIN.md §3.4)
 * @ED_STAFF_WARNING_NO_PRESIDING_OFFICER: a station of the poll has no presiding officer
 *   appointed, whom the law requires (DOMAIN.md §3.4)
 * @ED_STAFF_WARNING_ROLE_NOT_HELD: a person appointed presiding officer does not hold that
 *   role
 * @ED_STAFF_WARNING_UNAVAILABLE: a person is appointed to an election they are marked
 *   unavailable for
 *
 * What an election's appointments have to see to.
 */
typedef enum
{
  ED_STAFF_WARNING_TWICE_ON_ONE_DAY,
  ED_STAFF_WARNING_TRAINING_MISSING,
  ED_STAFF_WARNING_TRAINING_EXPIRED,
  ED_STAFF_WARNING_STATION_SHORT,
  ED_STAFF_WARNING_NO_PRESIDING_OFFICER,
  ED_STAFF_WARNING_ROLE_NOT_HELD,
  ED_STAFF_WARNING_UNAVAILABLE,
  ED_N_STAFF_WARNINGS,
} EdStaffWarningKind;

const char *ed_staff_warning_kind_to_string        (EdStaffWarningKind   value);
gboolean    ed_staff_warning_kind_from_string      (const char          *text,
                                                    EdStaffWarningKind  *out,
                                                    GError             **error);
const char *ed_staff_warning_kind_get_display_name (EdStaffWarningKind   value);

/**
 * EdStaffWarning:
 * @kind: what it is
 * @appointment: the appointment concerned, "" for a station's warning
 * @other_appointment: for %ED_STAFF_WARNING_TWICE_ON_ONE_DAY, the other appointment that day
 *   (perhaps another election's); otherwise ""
 * @person: the staff_person concerned, "" for a station's warning
 * @station: the polling station concerned, "" when the appointment is elsewhere
 * @message: a sentence a person reads, naming the person or station
 *
 * One thing to see to in an election's appointments.
 */
typedef struct
{
  EdStaffWarningKind  kind;
  char               *appointment;
  char               *other_appointment;
  char               *person;
  char               *station;
  char               *message;
} EdStaffWarning;

GPtrArray *ed_staff_warnings_list       (EdContext      *context,
                                         const char     *election,
                                         EdStationPlan  *plan,
                                         GError        **error);
gboolean   ed_staff_role_needs_training (EdStaffRole     role);
void       ed_staff_station_wanted      (const EdPlanStation *station,
                                         EdStationStaffing   *out_wanted);
void       ed_staff_warning_free        (EdStaffWarning *warning);

G_END_DECLS
