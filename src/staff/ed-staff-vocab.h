/* ed-staff-vocab.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdStaffRole:
 * @ED_STAFF_ROLE_PRESIDING_OFFICER: in charge of a polling station; the only one who may refuse a ballot for want of ID
 * @ED_STAFF_ROLE_POLL_CLERK: issues ballot papers at a polling station
 * @ED_STAFF_ROLE_STATION_INSPECTOR: visits a round of stations through polling day
 * @ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER: ready to take a station whose presiding officer cannot
 * @ED_STAFF_ROLE_COUNT_MANAGER: runs the count
 * @ED_STAFF_ROLE_COUNT_SUPERVISOR: leads a table at the count
 * @ED_STAFF_ROLE_COUNT_ASSISTANT: verifies and counts ballot papers
 * @ED_STAFF_ROLE_BALLOT_BOX_RECEIPT: receives and checks ballot boxes at the count
 * @ED_STAFF_ROLE_POSTAL_OPENING_MANAGER: runs postal vote opening sessions
 * @ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR: leads a table at postal vote opening
 * @ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT: opens postal votes and checks identifiers
 * @ED_STAFF_ROLE_POLL_CARD_DELIVERY: delivers poll cards by hand
 * @ED_STAFF_ROLE_CANVASSER: canvasses for the electoral registration officer; registration duties, so the pay is not exempt from National Insurance
 * @ED_STAFF_ROLE_TRAINER: delivers training sessions
 * @ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER: acts for the returning officer
 *
 * A job a person does for the returning officer or the electoral registration officer
 * (DOMAIN.md §4.1); it decides the fee, the training needed and whether the pay is for
 * election duties. Stored in staff_person_role.role, staff_training.role, fee_rate.role and
 * staff_appointment.role.
 */
typedef enum
{
  ED_STAFF_ROLE_PRESIDING_OFFICER,
  ED_STAFF_ROLE_POLL_CLERK,
  ED_STAFF_ROLE_STATION_INSPECTOR,
  ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER,
  ED_STAFF_ROLE_COUNT_MANAGER,
  ED_STAFF_ROLE_COUNT_SUPERVISOR,
  ED_STAFF_ROLE_COUNT_ASSISTANT,
  ED_STAFF_ROLE_BALLOT_BOX_RECEIPT,
  ED_STAFF_ROLE_POSTAL_OPENING_MANAGER,
  ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR,
  ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT,
  ED_STAFF_ROLE_POLL_CARD_DELIVERY,
  ED_STAFF_ROLE_CANVASSER,
  ED_STAFF_ROLE_TRAINER,
  ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER,
  ED_N_STAFF_ROLES,
} EdStaffRole;

const char *ed_staff_role_to_string        (EdStaffRole   value);
gboolean    ed_staff_role_from_string      (const char  *text,
                                            EdStaffRole  *out,
                                            GError     **error);
const char *ed_staff_role_get_display_name (EdStaffRole   value);

/**
 * EdStaffPlace:
 * @ED_STAFF_PLACE_STATION: a polling station of the polling plan
 * @ED_STAFF_PLACE_COUNT: the count
 * @ED_STAFF_PLACE_POSTAL_OPENING: a postal vote opening session
 * @ED_STAFF_PLACE_OFFICE: the elections office or in the field: training, canvassing, poll-card delivery
 *
 * Where an appointment is worked. Stored in staff_appointment.place_kind.
 */
typedef enum
{
  ED_STAFF_PLACE_STATION,
  ED_STAFF_PLACE_COUNT,
  ED_STAFF_PLACE_POSTAL_OPENING,
  ED_STAFF_PLACE_OFFICE,
  ED_N_STAFF_PLACES,
} EdStaffPlace;

const char *ed_staff_place_to_string        (EdStaffPlace   value);
gboolean    ed_staff_place_from_string      (const char  *text,
                                             EdStaffPlace  *out,
                                             GError     **error);
const char *ed_staff_place_get_display_name (EdStaffPlace   value);

/**
 * EdAppointmentState:
 * @ED_APPOINTMENT_INVITED: asked, no answer yet
 * @ED_APPOINTMENT_ACCEPTED: said yes
 * @ED_APPOINTMENT_DECLINED: said no
 * @ED_APPOINTMENT_CONFIRMED: sent the appointment letter
 * @ED_APPOINTMENT_ATTENDED: worked the appointment, so is paid for it
 * @ED_APPOINTMENT_DID_NOT_ATTEND: did not work it, so is not paid for it
 *
 * How far an appointment has gone: invited, then accepted or declined, then confirmed, then
 * attended or not. Stored in staff_appointment.state.
 */
typedef enum
{
  ED_APPOINTMENT_INVITED,
  ED_APPOINTMENT_ACCEPTED,
  ED_APPOINTMENT_DECLINED,
  ED_APPOINTMENT_CONFIRMED,
  ED_APPOINTMENT_ATTENDED,
  ED_APPOINTMENT_DID_NOT_ATTEND,
  ED_N_APPOINTMENT_STATES,
} EdAppointmentState;

const char *ed_appointment_state_to_string        (EdAppointmentState   value);
gboolean    ed_appointment_state_from_string      (const char  *text,
                                                   EdAppointmentState  *out,
                                                   GError     **error);
const char *ed_appointment_state_get_display_name (EdAppointmentState   value);

/**
 * EdFeeBasis:
 * @ED_FEE_FLAT: a sum for the day
 * @ED_FEE_HOURLY: a rate for each hour worked
 * @ED_FEE_PER_UNIT: a rate for each unit of work, such as a form delivered
 *
 * How a role's fee is reckoned. Stored in fee_rate.basis.
 */
typedef enum
{
  ED_FEE_FLAT,
  ED_FEE_HOURLY,
  ED_FEE_PER_UNIT,
  ED_N_FEE_BASES,
} EdFeeBasis;

const char *ed_fee_basis_to_string        (EdFeeBasis   value);
gboolean    ed_fee_basis_from_string      (const char  *text,
                                           EdFeeBasis  *out,
                                           GError     **error);
const char *ed_fee_basis_get_display_name (EdFeeBasis   value);

/**
 * EdSupplementKind:
 * @ED_SUPPLEMENT_NONE: no supplement
 * @ED_SUPPLEMENT_PERCENT: an uplift on the day's fee, as Nottinghamshire's 20%
 * @ED_SUPPLEMENT_FLAT: a sum added to the day, as Herefordshire's £30
 *
 * What a role is paid extra when polls are combined, once per person per polling day however
 * many polls there are (DOMAIN.md §4.3). Stored in fee_rate.supplement_kind.
 */
typedef enum
{
  ED_SUPPLEMENT_NONE,
  ED_SUPPLEMENT_PERCENT,
  ED_SUPPLEMENT_FLAT,
  ED_N_SUPPLEMENT_KINDS,
} EdSupplementKind;

const char *ed_supplement_kind_to_string        (EdSupplementKind   value);
gboolean    ed_supplement_kind_from_string      (const char  *text,
                                                 EdSupplementKind  *out,
                                                 GError     **error);
const char *ed_supplement_kind_get_display_name (EdSupplementKind   value);

/**
 * EdJourneyPurpose:
 * @ED_JOURNEY_BUSINESS: such as carrying the ballot box to the count, or an inspector's round
 * @ED_JOURNEY_COMMUTING: between home and the one place a person works all day
 *
 * Whether a journey is business travel, paid free of tax at HMRC's approved rates, or ordinary
 * commuting, whose mileage is taxable pay (ITEPA 2003 s.229–230, s.339(5); DOMAIN.md §4.3).
 * Stored in staff_journey.purpose.
 */
typedef enum
{
  ED_JOURNEY_BUSINESS,
  ED_JOURNEY_COMMUTING,
  ED_N_JOURNEY_PURPOSES,
} EdJourneyPurpose;

const char *ed_journey_purpose_to_string        (EdJourneyPurpose   value);
gboolean    ed_journey_purpose_from_string      (const char  *text,
                                                 EdJourneyPurpose  *out,
                                                 GError     **error);
const char *ed_journey_purpose_get_display_name (EdJourneyPurpose   value);

/**
 * EdVehicle:
 * @ED_VEHICLE_CAR: 45p a mile for the first 10,000 business miles of the tax year, 25p after
 * @ED_VEHICLE_MOTORCYCLE: 24p a mile
 * @ED_VEHICLE_BICYCLE: 20p a mile
 *
 * What a journey was made in, which sets HMRC's approved mileage rate. Stored in
 * staff_journey.vehicle.
 */
typedef enum
{
  ED_VEHICLE_CAR,
  ED_VEHICLE_MOTORCYCLE,
  ED_VEHICLE_BICYCLE,
  ED_N_VEHICLES,
} EdVehicle;

const char *ed_vehicle_to_string        (EdVehicle   value);
gboolean    ed_vehicle_from_string      (const char  *text,
                                         EdVehicle  *out,
                                         GError     **error);
const char *ed_vehicle_get_display_name (EdVehicle   value);

/**
 * EdNicCategory:
 * @ED_NIC_ELECTION: no Class 1 National Insurance
 * @ED_NIC_REGISTRATION: normal National Insurance, as for canvassers
 *
 * Whether pay is for election duties, taxable but outside Class 1 National Insurance, or for
 * registration duties, on which National Insurance is due as normal (DOMAIN.md §4.4). Stored
 * in fee_rate.nic_category and pay_line.nic_category.
 */
typedef enum
{
  ED_NIC_ELECTION,
  ED_NIC_REGISTRATION,
  ED_N_NIC_CATEGORIES,
} EdNicCategory;

const char *ed_nic_category_to_string        (EdNicCategory   value);
gboolean    ed_nic_category_from_string      (const char  *text,
                                              EdNicCategory  *out,
                                              GError     **error);
const char *ed_nic_category_get_display_name (EdNicCategory   value);

/**
 * EdPayElement:
 * @ED_PAY_FEE: the role's fee at the ordinary rate
 * @ED_PAY_ENHANCED: hours at the enhanced rate
 * @ED_PAY_TRAINING: the training fee, paid when the training was attended
 * @ED_PAY_SUPPLEMENT: once per person per polling day
 * @ED_PAY_MILEAGE: at HMRC's approved rates
 * @ED_PAY_PASSENGER: 5p a passenger a mile
 * @ED_PAY_EXPENSE: another expense claimed
 *
 * What a line of pay is for. Stored in pay_line.element.
 */
typedef enum
{
  ED_PAY_FEE,
  ED_PAY_ENHANCED,
  ED_PAY_TRAINING,
  ED_PAY_SUPPLEMENT,
  ED_PAY_MILEAGE,
  ED_PAY_PASSENGER,
  ED_PAY_EXPENSE,
  ED_N_PAY_ELEMENTS,
} EdPayElement;

const char *ed_pay_element_to_string        (EdPayElement   value);
gboolean    ed_pay_element_from_string      (const char  *text,
                                             EdPayElement  *out,
                                             GError     **error);
const char *ed_pay_element_get_display_name (EdPayElement   value);

/**
 * EdStarterStatement:
 * @ED_STARTER_A: this is my first job since 6 April, and I have had no benefits or pensions
 * @ED_STARTER_B: this is now my only job
 * @ED_STARTER_C: I have another job or a pension
 *
 * The statement a person chose on HMRC's starter checklist, which sets their tax code. Stored
 * in staff_person.starter_statement.
 */
typedef enum
{
  ED_STARTER_A,
  ED_STARTER_B,
  ED_STARTER_C,
  ED_N_STARTER_STATEMENTS,
} EdStarterStatement;

const char *ed_starter_statement_to_string        (EdStarterStatement   value);
gboolean    ed_starter_statement_from_string      (const char  *text,
                                                   EdStarterStatement  *out,
                                                   GError     **error);
const char *ed_starter_statement_get_display_name (EdStarterStatement   value);

/**
 * EdAvailability:
 * @ED_AVAILABILITY_AVAILABLE: available
 * @ED_AVAILABILITY_UNAVAILABLE: not available
 * @ED_AVAILABILITY_UNKNOWN: not asked
 *
 * Whether a person can work at an election. Stored in staff_availability.availability.
 */
typedef enum
{
  ED_AVAILABILITY_AVAILABLE,
  ED_AVAILABILITY_UNAVAILABLE,
  ED_AVAILABILITY_UNKNOWN,
  ED_N_AVAILABILITIES,
} EdAvailability;

const char *ed_availability_to_string        (EdAvailability   value);
gboolean    ed_availability_from_string      (const char  *text,
                                              EdAvailability  *out,
                                              GError     **error);
const char *ed_availability_get_display_name (EdAvailability   value);

/**
 * EdCostHead:
 * @ED_COST_RO_FEES: returning officer and deputy fees
 * @ED_COST_STAFF_STATIONS: staff at polling stations
 * @ED_COST_STAFF_COUNT: staff at the count
 * @ED_COST_STAFF_POSTAL_OPENING: staff at postal vote opening
 * @ED_COST_STAFF_POLL_CARDS: staff for poll cards
 * @ED_COST_STAFF_ADMINISTRATION: administration staff
 * @ED_COST_TRAVEL_SUBSISTENCE: travel and subsistence
 * @ED_COST_NOMINATIONS: nominations
 * @ED_COST_BALLOT_PAPERS: ballot papers
 * @ED_COST_POLL_CARDS: poll cards: print and postage
 * @ED_COST_POSTAL_VOTES: postal votes: print and postage
 * @ED_COST_CANDIDATE_MAILINGS: the delivery of candidates' election addresses, which the
 *   published statements show apart (DOMAIN.md §5.3)
 * @ED_COST_NOTICES: notices and advertising
 * @ED_COST_PREMISES: premises
 * @ED_COST_EQUIPMENT: equipment and transport
 * @ED_COST_IT: it
 * @ED_COST_TRAINING: training
 * @ED_COST_OTHER: stationery, phone, bank and other
 * @ED_COST_REGISTRATION: electoral registration
 *
 * The heads an election's costs are accounted under, as the Returning Officer's claims and the
 * published statements lay them out (DOMAIN.md §5); staff pay is spread over the staff heads,
 * and a canvasser's pay is the registration officer's, not the election's. Stored in
 * fee_rate.cost_head and pay_line.cost_head.
 */
typedef enum
{
  ED_COST_RO_FEES,
  ED_COST_STAFF_STATIONS,
  ED_COST_STAFF_COUNT,
  ED_COST_STAFF_POSTAL_OPENING,
  ED_COST_STAFF_POLL_CARDS,
  ED_COST_STAFF_ADMINISTRATION,
  ED_COST_TRAVEL_SUBSISTENCE,
  ED_COST_NOMINATIONS,
  ED_COST_BALLOT_PAPERS,
  ED_COST_POLL_CARDS,
  ED_COST_POSTAL_VOTES,
  ED_COST_CANDIDATE_MAILINGS,
  ED_COST_NOTICES,
  ED_COST_PREMISES,
  ED_COST_EQUIPMENT,
  ED_COST_IT,
  ED_COST_TRAINING,
  ED_COST_OTHER,
  ED_COST_REGISTRATION,
  ED_N_COST_HEADS,
} EdCostHead;

const char *ed_cost_head_to_string        (EdCostHead   value);
gboolean    ed_cost_head_from_string      (const char  *text,
                                           EdCostHead  *out,
                                           GError     **error);
const char *ed_cost_head_get_display_name (EdCostHead   value);

G_END_DECLS
