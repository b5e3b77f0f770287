/* bench-payroll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The payroll run of an election for 2,000 people (issue 16: budget 1 s), on a district built
 * here: the demo's May poll with Nottinghamshire's scale, and 2,000 people who attended it,
 * at a combined poll, as a large district's polling day and count are staffed: a presiding officer in ten, with
 * training and two journeys, half of them poll clerks, three in ten count assistants by the
 * hour, and one in ten in two roles. Working the payroll out (reading every appointment,
 * journey, expense and training record, the rules, the ledger) and approving it (the same
 * again inside the change set, then every line written with its op and the run's digest) are
 * timed apart, each against the budget.
 *
 * Working it out changes nothing, so it is the median of five runs after one that warms the
 * page cache; the approval writes the whole run once, as a first approval does. */

#define G_LOG_DOMAIN "ed-bench-payroll"

#include "config.h"

#include <locale.h>

#include "changes/ed-change-set.h"
#include "demo/ed-demo.h"
#include "ed-bench-util.h"
#include "ed-modules.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-payroll.h"

#define PEOPLE 2000
#define BUDGET_MS 1000.0
#define RUNS 5
#define NOTTS "nottinghamshire-2023-24"

enum { PERSON_FAMILY, PERSON_GIVEN, PERSON_REFERENCE, PERSON_NI, N_PERSON };
enum { APPT_ELECTION, APPT_PERSON, APPT_ROLE, APPT_PLACE, APPT_DATE, APPT_MINUTES, APPT_ENHANCED,
       APPT_STATE, N_APPT };
enum { JOURNEY_APPOINTMENT, JOURNEY_DESCRIPTION, JOURNEY_VEHICLE, JOURNEY_MILES,
       JOURNEY_PASSENGERS, JOURNEY_PURPOSE, N_JOURNEY };
enum { TRAINING_PERSON, TRAINING_ROLE, TRAINING_DATE, TRAINING_ATTENDED, N_TRAINING };

typedef struct
{
  EdBulkInsert *people;
  EdBulkInsert *appointments;
  EdBulkInsert *journeys;
  EdBulkInsert *training;
  const char   *election;
  GDate         poll;
} Staffing;

static char *
add_appointment (Staffing    *s,
                 const char  *person,
                 EdStaffRole  role,
                 EdStaffPlace place,
                 const char  *work_date,
                 gint64       minutes,
                 gint64       enhanced)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  ed_bulk_insert_set_text (s->appointments, APPT_ELECTION, s->election);
  ed_bulk_insert_set_text (s->appointments, APPT_PERSON, person);
  ed_bulk_insert_set_text (s->appointments, APPT_ROLE, ed_staff_role_to_string (role));
  ed_bulk_insert_set_text (s->appointments, APPT_PLACE, ed_staff_place_to_string (place));
  ed_bulk_insert_set_text (s->appointments, APPT_DATE, work_date);
  ed_bulk_insert_set_int64 (s->appointments, APPT_MINUTES, minutes);
  ed_bulk_insert_set_int64 (s->appointments, APPT_ENHANCED, enhanced);
  ed_bulk_insert_set_text (s->appointments, APPT_STATE,
                           ed_appointment_state_to_string (ED_APPOINTMENT_ATTENDED));
  ed_bench_check (ed_bulk_insert_add (s->appointments, &id, &error), error,
                  "adding an appointment");
  return id;
}

static void
add_journey (Staffing         *s,
             const char       *appointment,
             const char       *description,
             gint64            tenths,
             gint64            passengers,
             EdJourneyPurpose  purpose)
{
  g_autoptr(GError) error = NULL;

  ed_bulk_insert_set_text (s->journeys, JOURNEY_APPOINTMENT, appointment);
  ed_bulk_insert_set_text (s->journeys, JOURNEY_DESCRIPTION, description);
  ed_bulk_insert_set_text (s->journeys, JOURNEY_VEHICLE, ed_vehicle_to_string (ED_VEHICLE_CAR));
  ed_bulk_insert_set_int64 (s->journeys, JOURNEY_MILES, tenths);
  ed_bulk_insert_set_int64 (s->journeys, JOURNEY_PASSENGERS, passengers);
  ed_bulk_insert_set_text (s->journeys, JOURNEY_PURPOSE, ed_journey_purpose_to_string (purpose));
  ed_bench_check (ed_bulk_insert_add (s->journeys, NULL, &error), error, "adding a journey");
}

static void
add_training (Staffing    *s,
              const char  *person,
              EdStaffRole  role)
{
  g_autoptr(GError) error = NULL;

  ed_bulk_insert_set_text (s->training, TRAINING_PERSON, person);
  ed_bulk_insert_set_text (s->training, TRAINING_ROLE, ed_staff_role_to_string (role));
  ed_bulk_insert_set_text (s->training, TRAINING_DATE, "2020-04-01");
  ed_bulk_insert_set_boolean (s->training, TRAINING_ATTENDED, TRUE);
  ed_bench_check (ed_bulk_insert_add (s->training, NULL, &error), error, "adding training");
}

static void
staff_election (EdContext  *context,
                EdElection *election)
{
  static const char * const person_columns[] = {
    "family_name", "given_names", "payroll_reference", "ni_number",
  };
  static const char * const appointment_columns[] = {
    "election", "person", "role", "place_kind", "work_date", "minutes", "enhanced_minutes",
    "state",
  };
  static const char * const journey_columns[] = {
    "appointment", "description", "vehicle", "miles", "passengers", "purpose",
  };
  static const char * const training_columns[] = { "person", "role", "course_date", "attended" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_autofree char *count_day = NULL;
  Staffing s = { .election = election->id, .poll = election->poll };
  GDate count;

  ed_bench_check (change_set != NULL, error, "starting the staffing");
  s.people = ed_change_set_bulk_insert (change_set, "staff_person", person_columns, N_PERSON,
                                        &error);
  s.appointments = ed_change_set_bulk_insert (change_set, "staff_appointment",
                                              appointment_columns, N_APPT, &error);
  s.journeys = ed_change_set_bulk_insert (change_set, "staff_journey", journey_columns,
                                          N_JOURNEY, &error);
  s.training = ed_change_set_bulk_insert (change_set, "staff_training", training_columns,
                                          N_TRAINING, &error);
  ed_bench_check (s.training != NULL, error, "starting the inserts");
  count = election->poll;
  g_date_add_days (&count, 1);
  count_day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&count),
                               g_date_get_month (&count), g_date_get_day (&count));

  for (guint i = 0; i < PEOPLE; i++)
    {
      g_autofree char *family = g_strdup_printf ("Person%04u", i);
      g_autofree char *reference = g_strdup_printf ("PR%05u", i);
      g_autofree char *ni = g_strdup_printf ("AB%06uC", i);
      g_autofree char *person = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      guint kind = i % 10;

      ed_bulk_insert_set_text (s.people, PERSON_FAMILY, family);
      ed_bulk_insert_set_text (s.people, PERSON_GIVEN, "Sam");
      ed_bulk_insert_set_text (s.people, PERSON_REFERENCE, reference);
      ed_bulk_insert_set_text (s.people, PERSON_NI, ni);
      ed_bench_check (ed_bulk_insert_add (s.people, &person, &error), error, "adding a person");

      if (kind == 0)
        {
          first = add_appointment (&s, person, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                   ED_STAFF_PLACE_STATION, "", 930, 0);
          add_journey (&s, first, "Home to the station", 35 + i % 50, 0, ED_JOURNEY_COMMUTING);
          add_journey (&s, first, "Ballot box to the count", 124 + i % 70, 1,
                       ED_JOURNEY_BUSINESS);
          add_training (&s, person, ED_STAFF_ROLE_PRESIDING_OFFICER);
        }
      else if (kind <= 5)
        {
          first = add_appointment (&s, person, ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_PLACE_STATION,
                                   "", 900, 0);
          if (kind % 2 == 1)
            add_training (&s, person, ED_STAFF_ROLE_POLL_CLERK);
        }
      else if (kind <= 8)
        first = add_appointment (&s, person, ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_PLACE_COUNT,
                                 count_day, 240 + i % 60, 120 + i % 30);
      else
        {
          first = add_appointment (&s, person, ED_STAFF_ROLE_POLL_CLERK, ED_STAFF_PLACE_STATION,
                                   "", 450, 0);
          second = add_appointment (&s, person, ED_STAFF_ROLE_PRESIDING_OFFICER,
                                    ED_STAFF_PLACE_STATION, "", 480, 0);
          add_training (&s, person, ED_STAFF_ROLE_PRESIDING_OFFICER);
        }
    }
  ed_bench_check (ed_bulk_insert_flush (s.people, &error) &&
                  ed_bulk_insert_flush (s.appointments, &error) &&
                  ed_bulk_insert_flush (s.journeys, &error) &&
                  ed_bulk_insert_flush (s.training, &error), error, "writing the staff");
  ed_bulk_insert_free (s.people);
  ed_bulk_insert_free (s.appointments);
  ed_bulk_insert_free (s.journeys);
  ed_bulk_insert_free (s.training);
  ed_bench_check (ed_change_set_commit (change_set, &error), error, "committing the staff");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *run_id = NULL;
  EdElection *election = NULL;
  EdDemoOptions options;
  guint n_lines = 0;
  double compute_ms, approve_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "payroll.db", NULL);

  ed_demo_options_init (&options);
  options.electors = 2000;
  start = g_get_monotonic_time ();
  context = ed_modules_open_district (path, &error);
  ed_bench_check (context != NULL, error, "opening the district");
  ed_bench_check (ed_demo_generate (context, &options, &error), error, "writing the demo");
  elections = ed_election_list (context, &error);
  ed_bench_check (elections != NULL && elections->len > 0, error, "finding the May poll");
  election = g_ptr_array_index (elections, 0);
  ed_bench_check (ed_fee_scale_load (context, NOTTS, election->id, &error), error,
                  "loading the scale");
  /* A Police and Crime Commissioner poll the same day, as in May 2028: a combined poll, so
   * the presiding officers and clerks have their supplement. */
  {
    EdElectionNew pcc = { .kind = ED_ELECTION_PCC, .country = election->country,
                          .poll = election->poll, .combine_with = election->id };
    g_autofree char *pcc_id = ed_election_add (context, &pcc, &error);

    ed_bench_check (pcc_id != NULL, error, "combining a poll with it");
  }
  staff_election (context, election);
  g_print ("# district with %u people at %s written in %.1f s\n", PEOPLE, election->slug,
           ed_bench_ms_since (start) / 1000.0);

  for (guint run = 0; run <= RUNS; run++)
    {
      g_autoptr(EdPayroll) payroll = NULL;
      double ms;

      start = g_get_monotonic_time ();
      payroll = ed_payroll_compute (context, election->id, &error);
      ms = ed_bench_ms_since (start);
      ed_bench_check (payroll != NULL, error, "working out the payroll");
      if (run == 0)
        {
          g_autofree char *total = ed_money_format (payroll->total.gross);

          n_lines = payroll->lines->len;
          g_print ("# %u people paid, %u lines, %s; first run %.0f ms\n", payroll->people->len,
                   n_lines, total, ms);
          ed_bench_check (payroll->people->len == PEOPLE, NULL, "paying everyone");
        }
      else
        g_array_append_val (samples, ms);
    }
  compute_ms = ed_bench_percentile (samples, 50);

  start = g_get_monotonic_time ();
  ed_bench_check (ed_payroll_approve (context, election->id, "Bench", &run_id, &error), error,
                  "approving the payroll");
  approve_ms = ed_bench_ms_since (start);
  g_print ("# approval wrote %u lines and their ops in one change set\n", n_lines);

  g_print ("bench: payroll-compute-%u-people %.0f ms budget %.0f ms\n", PEOPLE, compute_ms,
           BUDGET_MS);
  g_print ("bench: payroll-approve-%u-people %.0f ms budget %.0f ms\n", PEOPLE, approve_ms,
           BUDGET_MS);

  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return compute_ms <= BUDGET_MS && approve_ms <= BUDGET_MS ? 0 : 1;
}
