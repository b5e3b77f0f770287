/* ed-staff-documents.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the staff's rota, appointment letters and fee statements share: their wording in
 * English and Welsh, and the election's appointments, people and stations read once.
 *
 * The wording follows the Electoral Commission's Welsh terms as the poll cards do (gorsaf
 * bleidleisio, swyddog llywyddu, clerc pleidleisio, y cyfrif). Welsh sentences are written
 * whole, so that their mutations are right. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <string.h>

#include "district/ed-district-settings.h"
#include "staff/ed-staff-documents-private.h"
#include "stations/ed-station-list.h"

typedef struct
{
  const char *en;
  const char *cy;
} TextPair;

static const TextPair texts[ED_N_STAFF_TEXTS] = {
  [ED_STAFF_TEXT_ROTA] = { "Staff rota", "Rota staff" },
  [ED_STAFF_TEXT_STATION_FMT] = { "Station %s", "Gorsaf %s" },
  [ED_STAFF_TEXT_COUNT] = { "The count", "Y cyfrif" },
  [ED_STAFF_TEXT_POSTAL_OPENING] = { "Postal vote opening", "Agor pleidleisiau post" },
  [ED_STAFF_TEXT_OFFICE] = { "The elections office", "Y swyddfa etholiadau" },
  [ED_STAFF_TEXT_ROLE] = { "Role", "Rôl" },
  [ED_STAFF_TEXT_NAME] = { "Name", "Enw" },
  [ED_STAFF_TEXT_DAY] = { "Day", "Diwrnod" },
  [ED_STAFF_TEXT_TIMES] = { "Times", "Amseroedd" },
  [ED_STAFF_TEXT_PHONE] = { "Telephone", "Ffôn" },
  [ED_STAFF_TEXT_CARETAKER_FMT] = { "Caretaker: %s", "Gofalwr: %s" },
  [ED_STAFF_TEXT_POLLING_DAY_FMT] = { "Polling day: %s", "Diwrnod pleidleisio: %s" },
  [ED_STAFF_TEXT_INSPECTORS] = { "Polling station inspectors’ contact sheet",
                                 "Taflen gyswllt arolygwyr gorsafoedd pleidleisio" },
  [ED_STAFF_TEXT_INSPECTORS_NOTE] =
    { "Every station with its presiding officer’s telephone, for every inspector’s round.",
      "Pob gorsaf gyda rhif ffôn ei swyddog llywyddu, ar gyfer taith pob arolygydd." },
  [ED_STAFF_TEXT_ROUND] = { "Round", "Taith" },
  [ED_STAFF_TEXT_STATION] = { "Station", "Gorsaf" },
  [ED_STAFF_TEXT_PLACE] = { "Place", "Man" },
  [ED_STAFF_TEXT_PRESIDING_OFFICER] = { "Presiding officer", "Swyddog llywyddu" },
  [ED_STAFF_TEXT_NO_ONE] = { "No one appointed yet", "Neb wedi’i benodi eto" },
  [ED_STAFF_TEXT_LETTER] = { "Appointment letter", "Llythyr penodi" },
  [ED_STAFF_TEXT_DEAR_FMT] = { "Dear %s,", "Annwyl %s," },
  [ED_STAFF_TEXT_APPOINTED] =
    { "The returning officer appoints you to work at this poll, as follows.",
      "Mae’r swyddog canlyniadau yn eich penodi i weithio yn y bleidlais hon, fel a ganlyn." },
  [ED_STAFF_TEXT_WHERE] = { "Where", "Ble" },
  [ED_STAFF_TEXT_WHEN] = { "When", "Pryd" },
  [ED_STAFF_TEXT_FEE] = { "Fee", "Ffi" },
  [ED_STAFF_TEXT_FEE_FLAT_FMT] = { "%s", "%s" },
  [ED_STAFF_TEXT_FEE_HOURLY_FMT] = { "%s an hour", "%s yr awr" },
  [ED_STAFF_TEXT_FEE_UNIT_FMT] = { "%s per %s", "%s am bob %s" },
  [ED_STAFF_TEXT_FEE_NONE] = { "To be confirmed", "I’w gadarnhau" },
  [ED_STAFF_TEXT_TRAINING] = { "Training", "Hyfforddiant" },
  [ED_STAFF_TEXT_TRAINING_FMT] = { "%s, %s", "%s, %s" },
  [ED_STAFF_TEXT_NO_TRAINING] = { "None booked", "Dim wedi’i drefnu" },
  [ED_STAFF_TEXT_CLOSING] =
    { "Please tell the elections office at once if you can no longer do this work.",
      "Rhowch wybod i’r swyddfa etholiadau ar unwaith os na allwch wneud y gwaith hwn mwyach." },
  [ED_STAFF_TEXT_SIGNATURE] = { "Returning Officer", "Swyddog Canlyniadau" },
  /* The fee statement (ed-payroll-statements.c). */
  [ED_STAFF_TEXT_STATEMENT] = { "Fee Statement", "Datganiad Ffioedd" },
  [ED_STAFF_TEXT_REFERENCE_FMT] =
    { "Payroll reference: %s\nNational Insurance number: %s",
      "Cyfeirnod y gyflogres: %s\nRhif Yswiriant Gwladol: %s" },
  [ED_STAFF_TEXT_NONE_GIVEN] = { "none given", "dim wedi’i roi" },
  /* A colon before the polling day, so that no mutation is needed in Welsh. */
  [ED_STAFF_TEXT_STATEMENT_ABOUT_FMT] =
    { "Your fees and expenses for the poll of %s (%s), as approved for payment through the "
      "council’s payroll.",
      "Eich ffioedd a’ch treuliau am y bleidlais: %s (%s), fel y’u cymeradwywyd i’w talu drwy "
      "gyflogres y cyngor." },
  [ED_STAFF_TEXT_DATE] = { "Date", "Dyddiad" },
  [ED_STAFF_TEXT_FOR] = { "For", "Am" },
  [ED_STAFF_TEXT_QUANTITY] = { "Quantity", "Nifer" },
  [ED_STAFF_TEXT_RATE] = { "Rate", "Cyfradd" },
  [ED_STAFF_TEXT_AMOUNT] = { "Amount", "Swm" },
  [ED_STAFF_TEXT_TAXABLE] = { "Taxable", "Trethadwy" },
  [ED_STAFF_TEXT_YES] = { "Yes", "Ydy" },
  [ED_STAFF_TEXT_NO] = { "No", "Nac ydy" },
  [ED_STAFF_TEXT_WHAT_FOR_FMT] = { "%s: %s", "%s: %s" },
  [ED_STAFF_TEXT_CORRECTION_FMT] = { "Correction, taking back: %s: %s",
                                     "Cywiriad, yn tynnu’n ôl: %s: %s" },
  [ED_STAFF_TEXT_TOTALS_FMT] =
    { "Total: %s\nTaxable pay: %s\nNot taxable: %s",
      "Cyfanswm: %s\nTâl trethadwy: %s\nHeb ei drethu: %s" },
  [ED_STAFF_TEXT_ELECTION_DUTIES] =
    { "Fees for election duties are taxable pay: tax is deducted through PAYE, but no Class 1 "
      "National Insurance contributions are due on them.",
      "Mae ffioedd am ddyletswyddau etholiad yn dâl trethadwy: didynnir treth drwy TWE, ond nid "
      "oes cyfraniadau Yswiriant Gwladol Dosbarth 1 yn ddyledus arnynt." },
  [ED_STAFF_TEXT_REGISTRATION_DUTIES] =
    { "Pay for registration duties, such as canvassing, is taxable pay on which National "
      "Insurance contributions are due as on any other pay.",
      "Mae tâl am ddyletswyddau cofrestru, fel canfasio, yn dâl trethadwy y mae cyfraniadau "
      "Yswiriant Gwladol yn ddyledus arno fel ar unrhyw dâl arall." },
  [ED_STAFF_TEXT_NOT_TAXED] =
    { "Mileage for business journeys at HMRC’s approved rates, and expenses with a receipt, "
      "repay what you spent and are not taxed.",
      "Mae milltiroedd am deithiau busnes ar gyfraddau cymeradwy CThEF, a threuliau gyda "
      "derbynneb, yn ad-dalu’r hyn a wariwyd gennych ac nid ydynt yn cael eu trethu." },
  /* Welsh counts with the singular noun: "5 uned", "12.4 milltir". */
  [ED_STAFF_TEXT_UNIT_FMT] = { "%s unit", "%s uned" },
  [ED_STAFF_TEXT_UNITS_FMT] = { "%s units", "%s uned" },
  [ED_STAFF_TEXT_HOURS_FMT] = { "%s h", "%s awr" },
  [ED_STAFF_TEXT_HOURS_MINUTES_FMT] = { "%s h %s min", "%s awr %s mun" },
  [ED_STAFF_TEXT_MILES_FMT] = { "%s miles", "%s milltir" },
  [ED_STAFF_TEXT_PASSENGER_MILES_FMT] = { "%s passenger miles", "%s milltir teithwyr" },
};

static const TextPair pay_element_texts[ED_N_PAY_ELEMENTS] = {
  [ED_PAY_FEE] = { "Fee", "Ffi" },
  [ED_PAY_ENHANCED] = { "Enhanced hours", "Oriau ar gyfradd uwch" },
  [ED_PAY_TRAINING] = { "Training", "Hyfforddiant" },
  [ED_PAY_SUPPLEMENT] = { "Combined-poll supplement", "Atodiad pleidleisiau cyfun" },
  [ED_PAY_MILEAGE] = { "Mileage", "Milltiroedd" },
  [ED_PAY_PASSENGER] = { "Passenger mileage", "Milltiroedd teithwyr" },
  [ED_PAY_EXPENSE] = { "Expense", "Traul" },
};

static const TextPair role_texts[ED_N_STAFF_ROLES] = {
  [ED_STAFF_ROLE_PRESIDING_OFFICER] = { "Presiding officer", "Swyddog llywyddu" },
  [ED_STAFF_ROLE_POLL_CLERK] = { "Poll clerk", "Clerc pleidleisio" },
  [ED_STAFF_ROLE_STATION_INSPECTOR] = { "Polling station inspector",
                                        "Arolygydd gorsafoedd pleidleisio" },
  [ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER] = { "Standby presiding officer",
                                                "Swyddog llywyddu wrth gefn" },
  [ED_STAFF_ROLE_COUNT_MANAGER] = { "Count manager", "Rheolwr y cyfrif" },
  [ED_STAFF_ROLE_COUNT_SUPERVISOR] = { "Count supervisor", "Goruchwyliwr y cyfrif" },
  [ED_STAFF_ROLE_COUNT_ASSISTANT] = { "Count assistant", "Cynorthwyydd cyfrif" },
  [ED_STAFF_ROLE_BALLOT_BOX_RECEIPT] = { "Ballot box receipt",
                                         "Derbyn blychau pleidleisio" },
  [ED_STAFF_ROLE_POSTAL_OPENING_MANAGER] = { "Postal vote opening manager",
                                             "Rheolwr agor pleidleisiau post" },
  [ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR] = { "Postal vote opening supervisor",
                                                "Goruchwyliwr agor pleidleisiau post" },
  [ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT] = { "Postal vote opening assistant",
                                               "Cynorthwyydd agor pleidleisiau post" },
  [ED_STAFF_ROLE_POLL_CARD_DELIVERY] = { "Poll card delivery",
                                         "Dosbarthu cardiau pleidleisio" },
  [ED_STAFF_ROLE_CANVASSER] = { "Canvasser", "Canfasiwr" },
  [ED_STAFF_ROLE_TRAINER] = { "Trainer", "Hyfforddwr" },
  [ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER] = { "Deputy returning officer",
                                               "Dirprwy swyddog canlyniadau" },
};

const char *
_ed_staff_text (EdStaffText        text,
                EdElectorLanguage  language)
{
  g_return_val_if_fail (text < ED_N_STAFF_TEXTS, "");

  return language == ED_ELECTOR_LANGUAGE_WELSH ? texts[text].cy : texts[text].en;
}

/* "Gorsaf / Station": Welsh first where both are written. */
static char *
both (const TextPair      *pair,
      EdStaffDocLanguages  languages)
{
  switch (languages)
    {
    case ED_STAFF_DOC_WELSH:
      return g_strdup (pair->cy);
    case ED_STAFF_DOC_BILINGUAL:
      return g_strdup_printf ("%s / %s", pair->cy, pair->en);
    case ED_STAFF_DOC_ENGLISH:
    default:
      return g_strdup (pair->en);
    }
}

char *
_ed_staff_text_both (EdStaffText          text,
                     EdStaffDocLanguages  languages)
{
  g_return_val_if_fail (text < ED_N_STAFF_TEXTS, g_strdup (""));

  return both (&texts[text], languages);
}

const char *
_ed_staff_role_text (EdStaffRole        role,
                     EdElectorLanguage  language)
{
  g_return_val_if_fail (role < ED_N_STAFF_ROLES, "");

  return language == ED_ELECTOR_LANGUAGE_WELSH ? role_texts[role].cy : role_texts[role].en;
}

const char *
_ed_staff_pay_element_text (EdPayElement      element,
                            EdElectorLanguage language)
{
  g_return_val_if_fail (element < ED_N_PAY_ELEMENTS, "");

  return language == ED_ELECTOR_LANGUAGE_WELSH ? pay_element_texts[element].cy
                                               : pay_element_texts[element].en;
}

char *
_ed_staff_role_text_both (EdStaffRole          role,
                          EdStaffDocLanguages  languages)
{
  g_return_val_if_fail (role < ED_N_STAFF_ROLES, g_strdup (""));

  return both (&role_texts[role], languages);
}

static void
doc_station_free (EdStaffDocStation *station)
{
  g_free (station->id);
  g_free (station->code);
  g_free (station->name);
  g_free (station->place_name);
  g_free (station->address);
  g_free (station->caretaker);
  g_free (station);
}

/* "1 Church Street, Aberwen ZY1 2AB": the place's name is in the station's title. */
static char *
place_address (const EdListedPlace *place)
{
  g_auto(GStrv) lines = g_strsplit (place->address, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, lines[i]);
    }
  if (*place->postcode != '\0')
    g_string_append_printf (text, text->len > 0 ? " %s" : "%s", place->postcode);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_ed_staff_doc_data_free (EdStaffDocData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->appointments, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_hash_table_unref);
  g_clear_pointer (&data->stations, g_hash_table_unref);
  g_free (data);
}

/**
 * _ed_staff_doc_data_load:
 * @context: the district
 * @election: the election
 * @error: return location for an error
 *
 * Reads the election's appointments, every person and every station once, so that a
 * document of thousands of appointments asks the database a handful of questions.
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
EdStaffDocData *
_ed_staff_doc_data_load (EdContext   *context,
                         EdElection  *election,
                         GError     **error)
{
  g_autoptr(EdStaffDocData) data = g_new0 (EdStaffDocData, 1);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) places = NULL;

  data->election = election;
  data->welsh_mode =
    ed_district_settings_get_welsh_language (ed_context_get_settings (context));
  data->appointments = ed_staff_appointment_list (context, election->id,
                                                  ED_STAFF_APPOINTMENT_BY_STATION, error);
  if (data->appointments == NULL)
    return NULL;
  people = ed_staff_person_list (context, ED_STAFF_ROLE_ANY, NULL, error);
  if (people == NULL)
    return NULL;
  data->people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)ed_staff_person_free);
  for (guint i = 0; i < people->len; i++)
    {
      EdStaffPerson *person = g_ptr_array_steal_index_fast (people, i--);

      g_hash_table_insert (data->people, person->id, person);
    }
  places = ed_stations_list_places (context, error);
  if (places == NULL)
    return NULL;
  data->stations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)doc_station_free);
  for (guint p = 0; p < places->len; p++)
    {
      const EdListedPlace *place = g_ptr_array_index (places, p);
      g_autofree char *address = place_address (place);

      for (guint s = 0; s < place->stations->len; s++)
        {
          const EdListedStation *listed = g_ptr_array_index (place->stations, s);
          EdStaffDocStation *station = g_new0 (EdStaffDocStation, 1);

          station->id = g_strdup (listed->id);
          station->code = g_strdup (listed->code);
          station->name = g_strdup (listed->name);
          station->place_name = g_strdup (place->name);
          station->address = g_strdup (address);
          station->caretaker = g_strdup (place->caretaker != NULL ? place->caretaker : "");
          g_hash_table_insert (data->stations, station->id, station);
        }
    }
  return g_steal_pointer (&data);
}

/* "Station AA1 — Village Hall, Small Hall", "Gorsaf AA1 / Station AA1 — …". */
char *
_ed_staff_doc_station_title (const EdStaffDocStation *station,
                             EdStaffDocLanguages      languages)
{
  g_autofree char *cy = g_strdup_printf (texts[ED_STAFF_TEXT_STATION_FMT].cy, station->code);
  g_autofree char *en = g_strdup_printf (texts[ED_STAFF_TEXT_STATION_FMT].en, station->code);
  const char *label = languages == ED_STAFF_DOC_WELSH ? cy : en;
  g_autofree char *joined = languages == ED_STAFF_DOC_BILINGUAL
                              ? g_strdup_printf ("%s / %s", cy, en) : NULL;

  if (joined != NULL)
    label = joined;
  if (*station->name != '\0')
    return g_strdup_printf ("%s — %s, %s", label, station->place_name, station->name);
  return g_strdup_printf ("%s — %s", label, station->place_name);
}

/* "06:30–22:30", or "" when no hours are set. */
char *
_ed_staff_doc_times (const EdStaffAppointment *appointment)
{
  if (*appointment->start_time == '\0')
    return g_strdup ("");
  return g_strdup_printf ("%s–%s", appointment->start_time, appointment->end_time);
}
