/* ed-staff-documents-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "elections/ed-election.h"
#include "register/ed-register-vocab.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-person.h"

G_BEGIN_DECLS

/* The documents' own wording, in English and in Welsh (ed-staff-documents-text.c): a rota and
 * a letter are in the language of the district and of the person they go to, not of the desk
 * printing them, so they are not gettext's (as the poll cards are not). */
typedef enum
{
  ED_STAFF_TEXT_ROTA,
  ED_STAFF_TEXT_STATION_FMT,
  ED_STAFF_TEXT_COUNT,
  ED_STAFF_TEXT_POSTAL_OPENING,
  ED_STAFF_TEXT_OFFICE,
  ED_STAFF_TEXT_ROLE,
  ED_STAFF_TEXT_NAME,
  ED_STAFF_TEXT_DAY,
  ED_STAFF_TEXT_TIMES,
  ED_STAFF_TEXT_PHONE,
  ED_STAFF_TEXT_CARETAKER_FMT,
  ED_STAFF_TEXT_POLLING_DAY_FMT,
  ED_STAFF_TEXT_INSPECTORS,
  ED_STAFF_TEXT_INSPECTORS_NOTE,
  ED_STAFF_TEXT_ROUND,
  ED_STAFF_TEXT_STATION,
  ED_STAFF_TEXT_PLACE,
  ED_STAFF_TEXT_PRESIDING_OFFICER,
  ED_STAFF_TEXT_NO_ONE,
  ED_STAFF_TEXT_LETTER,
  ED_STAFF_TEXT_DEAR_FMT,
  ED_STAFF_TEXT_APPOINTED,
  ED_STAFF_TEXT_WHERE,
  ED_STAFF_TEXT_WHEN,
  ED_STAFF_TEXT_FEE,
  ED_STAFF_TEXT_FEE_FLAT_FMT,
  ED_STAFF_TEXT_FEE_HOURLY_FMT,
  ED_STAFF_TEXT_FEE_UNIT_FMT,
  ED_STAFF_TEXT_FEE_NONE,
  ED_STAFF_TEXT_TRAINING,
  ED_STAFF_TEXT_TRAINING_FMT,
  ED_STAFF_TEXT_NO_TRAINING,
  ED_STAFF_TEXT_CLOSING,
  ED_STAFF_TEXT_SIGNATURE,
  ED_STAFF_TEXT_STATEMENT,
  ED_STAFF_TEXT_REFERENCE_FMT,
  ED_STAFF_TEXT_NONE_GIVEN,
  ED_STAFF_TEXT_STATEMENT_ABOUT_FMT,
  ED_STAFF_TEXT_DATE,
  ED_STAFF_TEXT_FOR,
  ED_STAFF_TEXT_QUANTITY,
  ED_STAFF_TEXT_RATE,
  ED_STAFF_TEXT_AMOUNT,
  ED_STAFF_TEXT_TAXABLE,
  ED_STAFF_TEXT_YES,
  ED_STAFF_TEXT_NO,
  ED_STAFF_TEXT_WHAT_FOR_FMT,
  ED_STAFF_TEXT_CORRECTION_FMT,
  ED_STAFF_TEXT_TOTALS_FMT,
  ED_STAFF_TEXT_ELECTION_DUTIES,
  ED_STAFF_TEXT_REGISTRATION_DUTIES,
  ED_STAFF_TEXT_NOT_TAXED,
  ED_STAFF_TEXT_UNIT_FMT,
  ED_STAFF_TEXT_UNITS_FMT,
  ED_STAFF_TEXT_HOURS_FMT,
  ED_STAFF_TEXT_HOURS_MINUTES_FMT,
  ED_STAFF_TEXT_MILES_FMT,
  ED_STAFF_TEXT_PASSENGER_MILES_FMT,
  ED_N_STAFF_TEXTS,
} EdStaffText;

/* Which languages a document or a part of it is written in: one, or Welsh then English. */
typedef enum
{
  ED_STAFF_DOC_ENGLISH,
  ED_STAFF_DOC_WELSH,
  ED_STAFF_DOC_BILINGUAL,
} EdStaffDocLanguages;

const char *_ed_staff_text             (EdStaffText        text,
                                        EdElectorLanguage  language);
char       *_ed_staff_text_both        (EdStaffText        text,
                                        EdStaffDocLanguages languages);
const char *_ed_staff_role_text        (EdStaffRole        role,
                                        EdElectorLanguage  language);
char       *_ed_staff_role_text_both   (EdStaffRole        role,
                                        EdStaffDocLanguages languages);
const char *_ed_staff_pay_element_text (EdPayElement      element,
                                        EdElectorLanguage language);

/**
 * EdStaffDocStation:
 * @id: the station's row id
 * @code: its code
 * @name: its room, "" when its place has one
 * @place_name: its place's name
 * @address: the place's address on one line, with its postcode
 * @caretaker: whom to call to open the place, "" when not recorded
 */
typedef struct
{
  char *id;
  char *code;
  char *name;
  char *place_name;
  char *address;
  char *caretaker;
} EdStaffDocStation;

/**
 * EdStaffDocData:
 * @election: (transfer none): the election, the caller's
 * @appointments: (element-type EdStaffAppointment): its appointments by station
 * @people: (element-type utf8 EdStaffPerson): the people, by row id
 * @stations: (element-type utf8 EdStaffDocStation): the stations, by row id
 * @welsh_mode: whether the district writes in Welsh and English (a district in Wales in
 *   Welsh-language mode)
 *
 * What the rota and the letters are drawn from, read once.
 */
typedef struct
{
  EdElection *election;
  GPtrArray  *appointments;
  GHashTable *people;
  GHashTable *stations;
  gboolean    welsh_mode;
} EdStaffDocData;

EdStaffDocData *_ed_staff_doc_data_load   (EdContext       *context,
                                           EdElection      *election,
                                           GError         **error);
void            _ed_staff_doc_data_free   (EdStaffDocData  *data);
char           *_ed_staff_doc_station_title (const EdStaffDocStation *station,
                                             EdStaffDocLanguages      languages);
char           *_ed_staff_doc_times       (const EdStaffAppointment *appointment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStaffDocData, _ed_staff_doc_data_free)

G_END_DECLS
