/* test-staff-documents.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The staff rota and the appointment letters (issue 16 item 4; DOMAIN.md §4.1), read back
 * from their PDFs with pdftotext: a station's rota names its staff with their hours and
 * telephones and nothing the presiding officer need not see (no date of birth, no National
 * Insurance number); those who declined are left out; there is a letter for each person
 * accepted or confirmed, with the fee of the election's scale (flat: the fee; hourly: the
 * rate an hour) and the next training; a person whose language is Welsh has it in Welsh
 * only, and a district in Welsh-language mode writes Welsh first, then English.
 *
 * On the demo of 30,000 electors (May poll of 6 May 2027, station AD1 open). Every name,
 * address and number is made up. Tests run with ED_TODAY=2030-01-02. */

#define G_LOG_DOMAIN "test-staff-documents"

#include "config.h"

#include <string.h>

#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "elections/ed-election.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-documents.h"
#include "staff/ed-staff-person.h"
#include "stations/ed-polling-station.h"
#include "ed-test-demo.h"
#include "ed-test-pdf.h"

#define DEMO_ELECTORS 30000
#define LOCAL_POLL    "local.ashmere-vale.2027-05-06"

static char *template_dir;
static EdContext *template_context;

/* A scale with an hourly rate for the count, beside Herefordshire's flat station fees. */
static const char scale_json[] =
  "{ \"title\": \"Test scale\", \"source\": \"made up for the test\", \"rates\": ["
  "  { \"role\": \"presiding_officer\", \"basis\": \"flat\", \"rate\": \"£292.38\","
  "    \"mileage_purpose\": \"commuting\", \"nic_category\": \"election\","
  "    \"cost_head\": \"staff_stations\" },"
  "  { \"role\": \"poll_clerk\", \"basis\": \"flat\", \"rate\": \"£179.85\","
  "    \"mileage_purpose\": \"commuting\", \"nic_category\": \"election\","
  "    \"cost_head\": \"staff_stations\" },"
  "  { \"role\": \"count_assistant\", \"basis\": \"hourly\", \"rate\": \"£14.25\","
  "    \"mileage_purpose\": \"commuting\", \"nic_category\": \"election\","
  "    \"cost_head\": \"staff_count\" } ] }";

static EdContext *
open_demo (EdTestDir *fixture)
{
  g_autofree char *path = ed_test_dir_file (fixture, "staff.db");
  g_autoptr(GError) error = NULL;
  char *sql;
  EdContext *context;

  if (template_context == NULL)
    {
      EdTestDir template = { template_dir };

      template_context = ed_test_demo_open_as (&template, "template.db", DEMO_ELECTORS);
      /* The demo staffs its May poll; these tests appoint their own. */
      ed_test_demo_remove_staff (template_context);
    }
  sql = sqlite3_mprintf ("VACUUM INTO %Q", path);
  g_assert_true (ed_database_exec (ed_context_get_database (template_context), sql, &error));
  g_assert_no_error (error);
  sqlite3_free (sql);
  context = ed_modules_open_district (path, &error);
  g_assert_no_error (error);
  return context;
}

static char *
add_person (EdContext   *context,
            const char  *family_name,
            const char  *given_names,
            const char  *phone,
            const char  *ni_number,
            const char  *language,
            EdStaffRole  role)
{
  g_autoptr(EdStaffPerson) person = ed_staff_person_new ();
  g_autoptr(GError) error = NULL;

  g_free (person->family_name);
  person->family_name = g_strdup (family_name);
  g_free (person->given_names);
  person->given_names = g_strdup (given_names);
  g_free (person->phone);
  person->phone = g_strdup (phone);
  g_free (person->address);
  person->address = g_strdup ("4 Heol y Felin\nAberwen");
  g_free (person->postcode);
  person->postcode = g_strdup ("ZY1 2AB");
  g_date_set_dmy (&person->date_of_birth, 13, G_DATE_MAY, 1980);
  g_free (person->ni_number);
  person->ni_number = g_strdup (ni_number);
  g_free (person->language);
  person->language = g_strdup (language);
  g_array_append_val (person->roles, role);
  g_assert_true (ed_staff_person_add (context, person, &error));
  g_assert_no_error (error);
  return g_strdup (person->id);
}

static void
appoint (EdContext          *context,
         const char         *person,
         EdStaffRole         role,
         EdStaffPlace        place,
         const char         *station_code,
         const char         *session,
         const char         *start,
         const char         *end,
         EdAppointmentState  state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *station = station_code != NULL
                               ? ed_station_find_by_code (context, station_code, &error) : NULL;
  g_autofree char *id = NULL;
  EdStaffAppointmentNew details = {
    .election = LOCAL_POLL, .person = person, .role = role, .place_kind = place,
    .station = station, .session = session, .start_time = start, .end_time = end,
  };

  g_assert_no_error (error);
  id = ed_staff_appointment_add (context, &details, &error);
  g_assert_no_error (error);
  if (state == ED_APPOINTMENT_CONFIRMED)
    {
      g_assert_true (ed_staff_appointment_set_state (context, id, ED_APPOINTMENT_ACCEPTED,
                                                     &error));
      g_assert_no_error (error);
    }
  if (state != ED_APPOINTMENT_INVITED)
    {
      g_assert_true (ed_staff_appointment_set_state (context, id, state, &error));
      g_assert_no_error (error);
    }
}

/* Pryderi (Welsh) presides at AD1 and Abbott clerks there, Howells declined a clerk's place,
 * Evans is only invited; Morgan works the count at an hourly rate; Owen inspects round 1. */
static EdContext *
make_staffed (EdTestDir *fixture,
              gboolean   welsh)
{
  EdContext *context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = ed_election_load (context, LOCAL_POLL, &error);
  g_autofree char *scale_path = ed_test_dir_file (fixture, "scale.json");
  g_autoptr(EdFeeScale) scale = NULL;
  g_autofree char *pryderi = NULL, *abbott = NULL, *howells = NULL, *evans = NULL;
  g_autofree char *morgan = NULL, *owen = NULL;
  g_autoptr(EdStaffTraining) course = ed_staff_training_new ();

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (scale_path, scale_json, -1, &error));
  scale = ed_fee_scale_read_file (scale_path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_fee_scale_apply (context, scale, election, NULL, &error));
  g_assert_no_error (error);
  if (welsh)
    {
      EdDistrictSettings *settings = ed_context_get_settings (context);

      g_assert_true (ed_district_settings_set (settings, "country", "wales", &error));
      g_assert_true (ed_district_settings_set (settings, "welsh-language", "true", &error));
      g_assert_no_error (error);
    }

  pryderi = add_person (context, "Pryderi", "Siân", "01632 960001", "AB123456C", "cy",
                        ED_STAFF_ROLE_PRESIDING_OFFICER);
  abbott = add_person (context, "Abbott", "Mair", "01632 960002", "CE000001D", "",
                       ED_STAFF_ROLE_POLL_CLERK);
  howells = add_person (context, "Howells", "Bethan", "01632 960003", "", "",
                        ED_STAFF_ROLE_POLL_CLERK);
  evans = add_person (context, "Evans", "Dylan", "01632 960004", "", "",
                      ED_STAFF_ROLE_POLL_CLERK);
  morgan = add_person (context, "Morgan", "Elin", "01632 960005", "", "",
                       ED_STAFF_ROLE_COUNT_ASSISTANT);
  owen = add_person (context, "Owen", "Rhys", "01632 960006", "", "",
                     ED_STAFF_ROLE_STATION_INSPECTOR);

  appoint (context, pryderi, ED_STAFF_ROLE_PRESIDING_OFFICER, ED_STAFF_PLACE_STATION, "AD1",
           NULL, "06:30", "22:30", ED_APPOINTMENT_ACCEPTED);
  appoint (context, abbott, ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_PLACE_STATION, "AD1", NULL,
           "06:30", "22:15", ED_APPOINTMENT_CONFIRMED);
  appoint (context, howells, ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_PLACE_STATION, "AD1", NULL,
           "06:30", "22:30", ED_APPOINTMENT_DECLINED);
  appoint (context, evans, ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_PLACE_STATION, "AD1", NULL,
           "06:30", "22:30", ED_APPOINTMENT_INVITED);
  appoint (context, morgan, ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_PLACE_COUNT, NULL,
           "Count night", "22:30", "03:00", ED_APPOINTMENT_ACCEPTED);
  appoint (context, owen, ED_STAFF_ROLE_STATION_INSPECTOR, ED_STAFF_PLACE_OFFICE, NULL,
           "Round 1: north", "07:00", "22:00", ED_APPOINTMENT_ACCEPTED);

  /* Abbott's next course, after today (2030-01-02). */
  g_free (course->person);
  course->person = g_strdup (abbott);
  course->role = ED_STAFF_ROLE_POLL_CLERK;
  g_free (course->course);
  course->course = g_strdup ("Poll clerk training (face to face)");
  g_date_set_dmy (&course->course_date, 2, G_DATE_MARCH, 2030);
  g_assert_true (ed_staff_training_add (context, course, &error));
  g_assert_no_error (error);
  return context;
}

typedef gboolean (*WriteFunc) (EdContext *, EdElection *, const char *, GError **);

static char *
write_text (EdContext  *context,
            EdTestDir  *fixture,
            const char *name,
            WriteFunc   write)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = ed_election_load (context, LOCAL_POLL, &error);
  g_autofree char *path = ed_test_dir_file (fixture, name);

  g_assert_no_error (error);
  g_assert_true (write (context, election, path, &error));
  g_assert_no_error (error);
  return ed_test_pdf_text (path, NULL);
}

/* Never a date of birth or a National Insurance number, however written. */
static void
assert_nothing_private (const char *text)
{
  const char *private[] = { "AB123456C", "AB 12 34 56 C", "CE000001D", "CE 00 00 01 D",
                            "1980", "13/05", "13 May" };

  for (guint i = 0; i < G_N_ELEMENTS (private); i++)
    g_assert_null (strstr (text, private[i]));
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Issue 16 item 4: AD1's rota names its presiding officer and clerk with their hours and
 * telephones and the place's address; the count has its session; the inspectors' sheet
 * names the inspector's round and AD1's presiding officer; no one who declined. */
static void
test_rota (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autoptr(EdContext) context = make_staffed (fixture, FALSE);
  g_autofree char *text = write_text (context, fixture, "rota.pdf", ed_staff_rota_pdf);

  if (text == NULL)
    return;
  assert_nothing_private (text);
  g_assert_nonnull (strstr (text, "Station AD1"));
  g_assert_nonnull (strstr (text, "Pryderi, Siân"));
  g_assert_nonnull (strstr (text, "06:30–22:30"));
  g_assert_nonnull (strstr (text, "01632 960001"));
  g_assert_nonnull (strstr (text, "Abbott, Mair"));
  g_assert_nonnull (strstr (text, "06:30–22:15"));
  g_assert_nonnull (strstr (text, "Evans, Dylan"));
  g_assert_null (strstr (text, "Howells"));
  g_assert_nonnull (strstr (text, "The count — Count night"));
  g_assert_nonnull (strstr (text, "22:30–03:00"));
  g_assert_nonnull (strstr (text, "Polling station inspectors’ contact sheet"));
  g_assert_nonnull (strstr (text, "Round 1: north"));
  /* The presiding officer's telephone twice: on the station's rota and the inspectors'. */
  g_assert_cmpuint (count (text, "01632 960001"), ==, 2);
}

/* Issue 16 item 4: a letter for each person accepted or confirmed, none for the invited or
 * the declined; the flat fee as the sum, the hourly one as the rate an hour; the next
 * training course; Welsh only to a person whose language is Welsh. */
static void
test_letters (EdTestDir     *fixture,
              gconstpointer  data)
{
  g_autoptr(EdContext) context = make_staffed (fixture, FALSE);
  g_autofree char *text = write_text (context, fixture, "letters.pdf", ed_staff_letters_pdf);

  if (text == NULL)
    return;
  assert_nothing_private (text);
  g_assert_cmpuint (count (text, "Dear "), ==, 3);
  g_assert_nonnull (strstr (text, "Dear Mair Abbott,"));
  g_assert_nonnull (strstr (text, "Dear Elin Morgan,"));
  g_assert_nonnull (strstr (text, "Dear Rhys Owen,"));
  g_assert_null (strstr (text, "Howells"));
  g_assert_null (strstr (text, "Evans"));
  g_assert_nonnull (strstr (text, "Annwyl Siân Pryderi,"));
  g_assert_nonnull (strstr (text, "Swyddog llywyddu"));
  g_assert_nonnull (strstr (text, "£292.38"));
  g_assert_nonnull (strstr (text, "£179.85"));
  g_assert_nonnull (strstr (text, "£14.25 an hour"));
  g_assert_nonnull (strstr (text, "Poll clerk training (face to face)"));
  g_assert_nonnull (strstr (text, "Saturday 2 March 2030"));
}

/* Issue 16 item 4: in a district in Welsh-language mode, Welsh first, then English; still
 * Welsh only for a person whose language is Welsh. */
static void
test_letters_welsh (EdTestDir     *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdContext) context = make_staffed (fixture, TRUE);
  g_autofree char *text = write_text (context, fixture, "letters.pdf", ed_staff_letters_pdf);
  g_autofree char *rota = write_text (context, fixture, "rota.pdf", ed_staff_rota_pdf);
  const char *annwyl, *dear;

  if (text == NULL)
    return;
  annwyl = strstr (text, "Annwyl Mair Abbott,");
  dear = strstr (text, "Dear Mair Abbott,");
  g_assert_nonnull (annwyl);
  g_assert_nonnull (dear);
  g_assert_cmpint (annwyl - text, <, dear - text);
  g_assert_nonnull (strstr (text, "£14.25 yr awr"));
  g_assert_nonnull (strstr (text, "Annwyl Siân Pryderi,"));
  g_assert_null (strstr (text, "Dear Siân Pryderi,"));
  g_assert_cmpuint (count (text, "Dear "), ==, 3);

  g_assert_nonnull (strstr (rota, "Gorsaf AD1 / Station AD1"));
  g_assert_nonnull (strstr (rota, "Swyddog llywyddu"));
  g_assert_nonnull (strstr (rota, "Swyddog llywyddu / Presiding"));
  g_assert_nonnull (strstr (rota, "Rota staff / Staff rota"));
  assert_nothing_private (rota);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  template_dir = g_dir_make_tmp ("test-staff-documents-XXXXXX", NULL);
  g_test_add ("/staff/documents/rota", EdTestDir, NULL, ed_test_dir_setup, test_rota,
              ed_test_dir_teardown);
  g_test_add ("/staff/documents/letters", EdTestDir, NULL, ed_test_dir_setup, test_letters,
              ed_test_dir_teardown);
  g_test_add ("/staff/documents/letters-welsh", EdTestDir, NULL, ed_test_dir_setup,
              test_letters_welsh, ed_test_dir_teardown);
  status = g_test_run ();
  g_clear_object (&template_context);
  ed_test_dir_remove_all (template_dir);
  g_free (template_dir);
  return status;
}
