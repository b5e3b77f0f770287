/* ed-staff-vocab.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The staff module's vocabularies (ed-staff-vocab.h), each one table from its enum to the
 * value its column stores and the name people read. The values are what 0017-staff.sql lists
 * beside each column; test-staff-vocab.c holds the two to each other. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-vocab.h"
#include "staff/ed-staff-vocab.h"

static const EdTerm staff_role_terms[] = {
  [ED_STAFF_ROLE_PRESIDING_OFFICER] = { "presiding_officer", N_("Presiding officer") },
  [ED_STAFF_ROLE_POLL_CLERK] = { "poll_clerk", N_("Poll clerk") },
  [ED_STAFF_ROLE_STATION_INSPECTOR] = { "station_inspector", N_("Polling station inspector") },
  [ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER] = { "standby_presiding_officer", N_("Standby presiding officer") },
  [ED_STAFF_ROLE_COUNT_MANAGER] = { "count_manager", N_("Count manager") },
  [ED_STAFF_ROLE_COUNT_SUPERVISOR] = { "count_supervisor", N_("Count supervisor") },
  [ED_STAFF_ROLE_COUNT_ASSISTANT] = { "count_assistant", N_("Count assistant") },
  [ED_STAFF_ROLE_BALLOT_BOX_RECEIPT] = { "ballot_box_receipt", N_("Ballot box receipt") },
  [ED_STAFF_ROLE_POSTAL_OPENING_MANAGER] = { "postal_opening_manager", N_("Postal vote opening manager") },
  [ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR] = { "postal_opening_supervisor", N_("Postal vote opening supervisor") },
  [ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT] = { "postal_opening_assistant", N_("Postal vote opening assistant") },
  [ED_STAFF_ROLE_POLL_CARD_DELIVERY] = { "poll_card_delivery", N_("Poll card delivery") },
  [ED_STAFF_ROLE_CANVASSER] = { "canvasser", N_("Canvasser") },
  [ED_STAFF_ROLE_TRAINER] = { "trainer", N_("Trainer") },
  [ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER] = { "deputy_returning_officer", N_("Deputy returning officer") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_role_terms) == ED_N_STAFF_ROLES);

static const EdTerm staff_place_terms[] = {
  [ED_STAFF_PLACE_STATION] = { "station", N_("Polling station") },
  [ED_STAFF_PLACE_COUNT] = { "count", N_("Count") },
  [ED_STAFF_PLACE_POSTAL_OPENING] = { "postal_opening", N_("Postal vote opening") },
  [ED_STAFF_PLACE_OFFICE] = { "office", N_("Elections office") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (staff_place_terms) == ED_N_STAFF_PLACES);

static const EdTerm appointment_state_terms[] = {
  [ED_APPOINTMENT_INVITED] = { "invited", N_("Invited") },
  [ED_APPOINTMENT_ACCEPTED] = { "accepted", N_("Accepted") },
  [ED_APPOINTMENT_DECLINED] = { "declined", N_("Declined") },
  [ED_APPOINTMENT_CONFIRMED] = { "confirmed", N_("Confirmed") },
  [ED_APPOINTMENT_ATTENDED] = { "attended", N_("Attended") },
  [ED_APPOINTMENT_DID_NOT_ATTEND] = { "did_not_attend", N_("Did not attend") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (appointment_state_terms) == ED_N_APPOINTMENT_STATES);

static const EdTerm fee_basis_terms[] = {
  [ED_FEE_FLAT] = { "flat", N_("Flat fee") },
  [ED_FEE_HOURLY] = { "hourly", N_("Hourly") },
  [ED_FEE_PER_UNIT] = { "per_unit", N_("Per unit") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (fee_basis_terms) == ED_N_FEE_BASES);

static const EdTerm supplement_kind_terms[] = {
  [ED_SUPPLEMENT_NONE] = { "none", N_("None") },
  [ED_SUPPLEMENT_PERCENT] = { "percent", N_("Percentage") },
  [ED_SUPPLEMENT_FLAT] = { "flat", N_("Flat add-on") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (supplement_kind_terms) == ED_N_SUPPLEMENT_KINDS);

static const EdTerm journey_purpose_terms[] = {
  [ED_JOURNEY_BUSINESS] = { "business", N_("Business") },
  [ED_JOURNEY_COMMUTING] = { "commuting", N_("Commuting") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (journey_purpose_terms) == ED_N_JOURNEY_PURPOSES);

static const EdTerm vehicle_terms[] = {
  [ED_VEHICLE_CAR] = { "car", N_("Car or van") },
  [ED_VEHICLE_MOTORCYCLE] = { "motorcycle", N_("Motorcycle") },
  [ED_VEHICLE_BICYCLE] = { "bicycle", N_("Bicycle") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (vehicle_terms) == ED_N_VEHICLES);

static const EdTerm nic_category_terms[] = {
  [ED_NIC_ELECTION] = { "election", N_("Election duties") },
  [ED_NIC_REGISTRATION] = { "registration", N_("Registration duties") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (nic_category_terms) == ED_N_NIC_CATEGORIES);

static const EdTerm pay_element_terms[] = {
  [ED_PAY_FEE] = { "fee", N_("Fee") },
  [ED_PAY_ENHANCED] = { "enhanced", N_("Enhanced hours") },
  [ED_PAY_TRAINING] = { "training", N_("Training") },
  [ED_PAY_SUPPLEMENT] = { "supplement", N_("Combined-poll supplement") },
  [ED_PAY_MILEAGE] = { "mileage", N_("Mileage") },
  [ED_PAY_PASSENGER] = { "passenger", N_("Passenger mileage") },
  [ED_PAY_EXPENSE] = { "expense", N_("Expense") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (pay_element_terms) == ED_N_PAY_ELEMENTS);

static const EdTerm starter_statement_terms[] = {
  [ED_STARTER_A] = { "A", N_("Statement A") },
  [ED_STARTER_B] = { "B", N_("Statement B") },
  [ED_STARTER_C] = { "C", N_("Statement C") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (starter_statement_terms) == ED_N_STARTER_STATEMENTS);

static const EdTerm availability_terms[] = {
  [ED_AVAILABILITY_AVAILABLE] = { "available", N_("Available") },
  [ED_AVAILABILITY_UNAVAILABLE] = { "unavailable", N_("Not available") },
  [ED_AVAILABILITY_UNKNOWN] = { "unknown", N_("Not asked") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (availability_terms) == ED_N_AVAILABILITIES);

static const EdTerm cost_head_terms[] = {
  [ED_COST_RO_FEES] = { "ro_fees", N_("Returning officer and deputy fees") },
  [ED_COST_STAFF_STATIONS] = { "staff_stations", N_("Staff at polling stations") },
  [ED_COST_STAFF_COUNT] = { "staff_count", N_("Staff at the count") },
  [ED_COST_STAFF_POSTAL_OPENING] = { "staff_postal_opening", N_("Staff at postal vote opening") },
  [ED_COST_STAFF_POLL_CARDS] = { "staff_poll_cards", N_("Staff for poll cards") },
  [ED_COST_STAFF_ADMINISTRATION] = { "staff_administration", N_("Administration staff") },
  [ED_COST_TRAVEL_SUBSISTENCE] = { "travel_subsistence", N_("Travel and subsistence") },
  [ED_COST_NOMINATIONS] = { "nominations", N_("Nominations") },
  [ED_COST_BALLOT_PAPERS] = { "ballot_papers", N_("Ballot papers") },
  [ED_COST_POLL_CARDS] = { "poll_cards", N_("Poll cards: print and postage") },
  [ED_COST_POSTAL_VOTES] = { "postal_votes", N_("Postal votes: print and postage") },
  [ED_COST_CANDIDATE_MAILINGS] = { "candidate_mailings", N_("Candidates’ election addresses") },
  [ED_COST_NOTICES] = { "notices", N_("Notices and advertising") },
  [ED_COST_PREMISES] = { "premises", N_("Premises") },
  [ED_COST_EQUIPMENT] = { "equipment", N_("Equipment and transport") },
  [ED_COST_IT] = { "it", N_("IT") },
  [ED_COST_TRAINING] = { "training", N_("Training") },
  [ED_COST_OTHER] = { "other", N_("Stationery, phone, bank and other") },
  [ED_COST_REGISTRATION] = { "registration", N_("Electoral registration") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (cost_head_terms) == ED_N_COST_HEADS);

ED_DEFINE_TERMS (ed_staff_role, EdStaffRole, staff_role_terms)
ED_DEFINE_TERMS (ed_staff_place, EdStaffPlace, staff_place_terms)
ED_DEFINE_TERMS (ed_appointment_state, EdAppointmentState, appointment_state_terms)
ED_DEFINE_TERMS (ed_fee_basis, EdFeeBasis, fee_basis_terms)
ED_DEFINE_TERMS (ed_supplement_kind, EdSupplementKind, supplement_kind_terms)
ED_DEFINE_TERMS (ed_journey_purpose, EdJourneyPurpose, journey_purpose_terms)
ED_DEFINE_TERMS (ed_vehicle, EdVehicle, vehicle_terms)
ED_DEFINE_TERMS (ed_nic_category, EdNicCategory, nic_category_terms)
ED_DEFINE_TERMS (ed_pay_element, EdPayElement, pay_element_terms)
ED_DEFINE_TERMS (ed_starter_statement, EdStarterStatement, starter_statement_terms)
ED_DEFINE_TERMS (ed_availability, EdAvailability, availability_terms)
ED_DEFINE_TERMS (ed_cost_head, EdCostHead, cost_head_terms)
