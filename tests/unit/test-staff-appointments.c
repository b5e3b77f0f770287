/* test-staff-appointments.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Appointments of casual election staff (DOMAIN.md §4.1) on the demo district: made, listed
 * and moved through their states; the warnings an election's appointments raise, among them
 * stations short of the staff the polling plan asks for (DOMAIN.md §3.4); the last election's
 * staff invited to the next; and an appointment whose station has gone, as the validators see
 * it.
 *
 * The demo of 30,000 electors has a May poll (6 May 2027) with the parish polls combined with
 * it, and a polling plan of stations AA1 … AT1 in which Wexcombe Town (AA to AC) is
 * uncontested, so its stations do not open; AD1 is staffed 1 + 3 against a recommended 1 + 4.
 * It is made once and copied for each test. The people are put in by hand, row by row, since
 * the people's own store is not this test's. Tests run with ED_TODAY=2030-01-02. */

#define G_LOG_DOMAIN "test-staff-appointments"

#include "config.h"

#include <glib/gstdio.h>

#include "changes/ed-change-set.h"
#include "changes/ed-validate.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment.h"
#include "staff/ed-staff-tables.h"
#include "staff/ed-staff-warnings.h"
#include "stations/ed-polling-station.h"
#include "stations/ed-station-plan.h"
#include "ed-test-demo.h"

#define DEMO_ELECTORS 30000
#define LOCAL_POLL    "local.ashmere-vale.2027-05-06"
#define PARISH_POLL   "parish.ashmere-vale.2027-05-06"

static char *template_dir;
static EdContext *template_context;

/* The demo, made once, copied whole into the test's folder. */
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
insert_row (EdContext          *context,
            const EdTableDef   *table,
            const char * const *columns,
            GVariant          **values,
            guint               n_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  char *id = NULL;

  g_assert_no_error (error);
  g_assert_true (ed_change_set_insert (change_set, table->name, NULL, columns,
                                       (GVariant * const *)values, n_values, &id, &error));
  g_assert_no_error (error);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  return id;
}

static void
set_field (EdContext        *context,
           const EdTableDef *table,
           const char       *id,
           const char       *column,
           GVariant         *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_true (ed_change_set_set (change_set, table->name, id, column, value, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

static void
delete_row (EdContext        *context,
            const EdTableDef *table,
            const char       *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

  g_assert_true (ed_change_set_delete (change_set, table->name, id, &error));
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
}

/* A person on the staff list, by hand: the people's store is another file's. */
static char *
add_person (EdContext  *context,
            const char *family_name,
            const char *given_names)
{
  const char *columns[] = { "family_name", "given_names" };
  GVariant *values[] = { g_variant_new_string (family_name), g_variant_new_string (given_names) };

  return insert_row (context, &ed_staff_person_table, columns, values, G_N_ELEMENTS (values));
}

static char *
add_person_role (EdContext   *context,
                 const char  *person,
                 EdStaffRole  role)
{
  const char *columns[] = { "person", "role" };
  GVariant *values[] = {
    g_variant_new_string (person), g_variant_new_string (ed_staff_role_to_string (role)),
  };

  return insert_row (context, &ed_staff_person_role_table, columns, values,
                     G_N_ELEMENTS (values));
}

static char *
add_training (EdContext   *context,
              const char  *person,
              EdStaffRole  role,
              const char  *course_date,
              gboolean     attended,
              const char  *valid_until)
{
  const char *columns[] = { "person", "role", "course", "course_date", "attended", "valid_until" };
  GVariant *values[] = {
    g_variant_new_string (person), g_variant_new_string (ed_staff_role_to_string (role)),
    g_variant_new_string ("Training"), g_variant_new_string (course_date),
    g_variant_new_boolean (attended), g_variant_new_string (valid_until),
  };

  return insert_row (context, &ed_staff_training_table, columns, values, G_N_ELEMENTS (values));
}

static char *
set_availability (EdContext      *context,
                  const char     *person,
                  const char     *election,
                  EdAvailability  availability)
{
  const char *columns[] = { "person", "election", "availability" };
  GVariant *values[] = {
    g_variant_new_string (person), g_variant_new_string (election),
    g_variant_new_string (ed_availability_to_string (availability)),
  };

  return insert_row (context, &ed_staff_availability_table, columns, values,
                     G_N_ELEMENTS (values));
}

static char *
election_id (EdContext  *context,
             const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdElection) election = ed_election_load (context, slug, &error);

  g_assert_no_error (error);
  return g_strdup (election->id);
}

static char *
station_id (EdContext  *context,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  char *id = ed_station_find_by_code (context, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* An appointment at a station of @election on polling day. */
static char *
appoint (EdContext   *context,
         const char  *election,
         const char  *person,
         EdStaffRole  role,
         const char  *station,
         const char  *start_time,
         const char  *end_time)
{
  g_autoptr(GError) error = NULL;
  EdStaffAppointmentNew details = {
    .election = election,
    .person = person,
    .role = role,
    .place_kind = ED_STAFF_PLACE_STATION,
    .station = station,
    .start_time = start_time,
    .end_time = end_time,
  };
  char *id = ed_staff_appointment_add (context, &details, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* An appointment at the count. */
static char *
appoint_count (EdContext   *context,
               const char  *election,
               const char  *person,
               const GDate *work_date,
               const char  *start_time,
               const char  *end_time)
{
  g_autoptr(GError) error = NULL;
  EdStaffAppointmentNew details = {
    .election = election,
    .person = person,
    .role = ED_STAFF_ROLE_COUNT_ASSISTANT,
    .place_kind = ED_STAFF_PLACE_COUNT,
    .session = "Verification and count",
    .work_date = work_date,
    .start_time = start_time,
    .end_time = end_time,
  };
  char *id = ed_staff_appointment_add (context, &details, &error);

  g_assert_no_error (error);
  return id;
}

static void
set_state (EdContext          *context,
           const char         *appointment,
           EdAppointmentState  state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_staff_appointment_set_state (context, appointment, state, &error));
  g_assert_no_error (error);
}

static EdAppointmentState
state_of (EdContext  *context,
          const char *appointment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStaffAppointment) loaded = ed_staff_appointment_load (context, appointment, &error);

  g_assert_no_error (error);
  return loaded->state;
}

static GPtrArray *
list_warnings (EdContext     *context,
               EdStationPlan *plan)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = ed_staff_warnings_list (context, LOCAL_POLL, plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  return warnings;
}

/* The warnings of @kind about @id: an appointment, or a station for the stations' kinds. */
static const EdStaffWarning *
find_warning (GPtrArray          *warnings,
              EdStaffWarningKind  kind,
              const char         *id,
              guint              *out_count)
{
  const EdStaffWarning *found = NULL;
  guint count = 0;

  for (guint i = 0; i < warnings->len; i++)
    {
      const EdStaffWarning *warning = g_ptr_array_index (warnings, i);
      gboolean station_kind = kind == ED_STAFF_WARNING_STATION_SHORT ||
                              kind == ED_STAFF_WARNING_NO_PRESIDING_OFFICER;

      if (warning->kind == kind &&
          g_str_equal (station_kind ? warning->station : warning->appointment, id))
        {
          found = found != NULL ? found : warning;
          count++;
        }
    }
  if (out_count != NULL)
    *out_count = count;
  return found;
}

static guint
count_warnings (EdContext          *context,
                EdStationPlan      *plan,
                EdStaffWarningKind  kind,
                const char         *id)
{
  g_autoptr(GPtrArray) warnings = list_warnings (context, plan);
  guint count;

  find_warning (warnings, kind, id, &count);
  return count;
}

static EdStationPlan *
compute_plan (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  EdStationPlan *plan = ed_station_plan_compute (context, &error);

  g_assert_no_error (error);
  return plan;
}

static void
assert_poll_day (const GDate *day)
{
  GDate poll;

  g_date_set_dmy (&poll, 6, G_DATE_MAY, 2027);
  g_assert_cmpint (g_date_compare (day, &poll), ==, 0);
}

static GStrv
ids_of (GPtrArray *appointments)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < appointments->len; i++)
    g_strv_builder_add (builder, ((EdStaffAppointment *)g_ptr_array_index (appointments, i))->id);
  return g_strv_builder_end (builder);
}

/* DOMAIN.md §4.1: a person appointed to a role at a place; invited as of today, on polling day
 * when no other day is given; listed by station (the plan's order, then the stations still to
 * choose, then the count), by person and by role. */
static void
test_add_and_list (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *af1 = station_id (context, "AF1");
  g_autofree char *adams = add_person (context, "Adams", "Ruth");
  g_autofree char *baker = add_person (context, "Baker", "Tom");
  g_autofree char *cole = add_person (context, "Cole", "Ann");
  g_autofree char *po = NULL;
  g_autofree char *clerk = NULL;
  g_autofree char *af1_clerk = NULL;
  g_autofree char *unplaced = NULL;
  g_autofree char *count = NULL;
  g_autoptr(EdStaffAppointment) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) ids = NULL;
  GDate today;
  GDate day;

  /* Added out of every order, so that each list has to sort. */
  count = appoint_count (context, LOCAL_POLL, adams, NULL, "22:30", "03:00");
  af1_clerk = appoint (context, local, adams, ED_STAFF_ROLE_POLL_CLERK, af1, NULL, NULL);
  unplaced = appoint (context, local, baker, ED_STAFF_ROLE_POLL_CLERK, "", NULL, NULL);
  clerk = appoint (context, local, cole, ED_STAFF_ROLE_POLL_CLERK, ad1, "06:15", "22:30");
  po = appoint (context, local, baker, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1, "06:00", "22:45");

  loaded = ed_staff_appointment_load (context, po, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->id, ==, po);
  g_assert_cmpstr (loaded->election, ==, local);
  g_assert_cmpstr (loaded->person, ==, baker);
  g_assert_cmpint (loaded->role, ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_cmpint (loaded->place_kind, ==, ED_STAFF_PLACE_STATION);
  g_assert_cmpstr (loaded->station, ==, ad1);
  g_assert_cmpstr (loaded->session, ==, "");
  g_assert_false (g_date_valid (&loaded->work_date));
  g_assert_cmpstr (loaded->start_time, ==, "06:00");
  g_assert_cmpstr (loaded->end_time, ==, "22:45");
  g_assert_cmpint (loaded->minutes, ==, 0);
  g_assert_cmpint (loaded->state, ==, ED_APPOINTMENT_INVITED);
  ed_today (&today);
  g_assert_cmpint (g_date_compare (&loaded->state_changed_on, &today), ==, 0);
  /* No work date: the election's polling day. */
  {
    g_autoptr(EdElection) election = ed_election_load (context, local, &error);

    ed_staff_appointment_get_work_day (loaded, &election->poll, &day);
    assert_poll_day (&day);
  }

  list = ed_staff_appointment_list (context, LOCAL_POLL, ED_STAFF_APPOINTMENT_BY_STATION,
                                    &error);
  g_assert_no_error (error);
  ids = ids_of (list);
  {
    const char *expected[] = { po, clerk, af1_clerk, unplaced, count, NULL };

    g_assert_cmpstrv (ids, expected);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&ids, g_strfreev);

  list = ed_staff_appointment_list (context, local, ED_STAFF_APPOINTMENT_BY_PERSON, &error);
  ids = ids_of (list);
  {
    /* Adams's two by start time: the day's clerk (no hours) before the night's count. */
    const char *expected[] = { af1_clerk, count, unplaced, po, clerk, NULL };

    g_assert_cmpstrv (ids, expected);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&ids, g_strfreev);

  list = ed_staff_appointment_list (context, local, ED_STAFF_APPOINTMENT_BY_ROLE, &error);
  ids = ids_of (list);
  {
    const char *expected[] = { po, af1_clerk, unplaced, clerk, count, NULL };

    g_assert_cmpstrv (ids, expected);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&ids, g_strfreev);

  /* A person's appointments over every election, by day: a later poll's after. */
  {
    EdElectionNew details = { .kind = ED_ELECTION_LOCAL, .country = ED_COUNTRY_ENGLAND };
    g_autofree char *later = NULL;
    g_autofree char *next_year = NULL;
    GDate work_date;

    g_date_set_dmy (&details.poll, 4, G_DATE_MAY, 2028);
    later = ed_election_add (context, &details, &error);
    g_assert_no_error (error);
    g_date_set_dmy (&work_date, 5, G_DATE_MAY, 2028);
    next_year = appoint_count (context, later, adams, &work_date, "09:00", "17:00");
    list = ed_staff_appointment_list_for_person (context, adams, &error);
    g_assert_no_error (error);
    ids = ids_of (list);
    {
      const char *expected[] = { af1_clerk, count, next_year, NULL };

      g_assert_cmpstrv (ids, expected);
    }
    g_assert_true (g_date_valid (&((EdStaffAppointment *)g_ptr_array_index (list, 2))->work_date));
  }
}

/* What is refused on the way in, each with the field named, and nothing written. */
static void
test_add_refused (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Dale", "Sam");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const struct
  {
    EdStaffAppointmentNew  details;
    GQuark                 domain;
    const char            *says;
  } cases[] = {
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .station = ad1, .start_time = "25:00" }, ED_VALUE_ERROR, "Start time" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .station = ad1, .end_time = "6.15" }, ED_VALUE_ERROR, "End time" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .station = ad1, .minutes = 2000 }, ED_VALUE_ERROR, "Minutes" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .station = "no-such-station" }, G_IO_ERROR, "Station" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_COUNT,
        .station = ad1 }, ED_VALUE_ERROR, "Station" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .station = ad1, .session = "Count 1" }, ED_VALUE_ERROR, "Session" },
    { { .election = local, .person = person, .place_kind = ED_STAFF_PLACE_STATION,
        .note = "two\nlines" }, ED_VALUE_ERROR, "Note" },
    { { .election = local, .person = "no-such-person", .place_kind = ED_STAFF_PLACE_STATION },
      G_IO_ERROR, "Person" },
    { { .election = "no-such-election", .person = person,
        .place_kind = ED_STAFF_PLACE_STATION }, G_IO_ERROR, "election" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = ed_staff_appointment_add (context, &cases[i].details, &error);

      g_assert_null (id);
      g_assert_nonnull (error);
      g_assert_true (error->domain == cases[i].domain);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
    }
  list = ed_staff_appointment_list (context, local, ED_STAFF_APPOINTMENT_BY_STATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* The way an appointment goes (DOMAIN.md §4.1, ed-staff-vocab.h): invited → accepted or
 * declined; accepted → confirmed or declined; confirmed → attended, did not attend or
 * declined (a withdrawal after the letter); and back along any one of those steps to correct
 * a mistake. Nothing else. */
static void
test_state_rules (void)
{
  static const EdAppointmentState I = ED_APPOINTMENT_INVITED, A = ED_APPOINTMENT_ACCEPTED,
                                  D = ED_APPOINTMENT_DECLINED, C = ED_APPOINTMENT_CONFIRMED,
                                  T = ED_APPOINTMENT_ATTENDED, N = ED_APPOINTMENT_DID_NOT_ATTEND;
  const struct
  {
    EdAppointmentState from;
    EdAppointmentState to;
  } allowed[] = {
    { I, A }, { I, D }, { A, C }, { A, D }, { C, T }, { C, N }, { C, D },
    /* Back one step, to correct a mistake. */
    { A, I }, { D, I }, { D, A }, { D, C }, { C, A }, { T, C }, { N, C },
  };

  for (guint from = 0; from < ED_N_APPOINTMENT_STATES; from++)
    for (guint to = 0; to < ED_N_APPOINTMENT_STATES; to++)
      {
        gboolean expected = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
          expected |= allowed[i].from == from && allowed[i].to == to;
        if (ed_appointment_state_can_change (from, to) != expected)
          g_error ("%s → %s should be %s", ed_appointment_state_to_string (from),
                   ed_appointment_state_to_string (to), expected ? "allowed" : "refused");
      }
  g_assert_true (ed_appointment_state_is_active (I));
  g_assert_true (ed_appointment_state_is_active (T));
  g_assert_false (ed_appointment_state_is_active (D));
  g_assert_false (ed_appointment_state_is_active (N));
}

/* Each allowed step taken on a real appointment, with the day it changed recorded. */
static void
test_states_allowed (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Evans", "Jo");
  g_autofree char *id = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, ad1, NULL,
                                 NULL);
  static const EdAppointmentState walk[] = {
    ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_INVITED,       /* accepted by mistake */
    ED_APPOINTMENT_DECLINED, ED_APPOINTMENT_INVITED,       /* asked again */
    ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_DECLINED,      /* withdrew */
    ED_APPOINTMENT_ACCEPTED,                               /* the decline was a slip */
    ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_ACCEPTED,     /* letter recorded too soon */
    ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_DECLINED,     /* withdrew after the letter */
    ED_APPOINTMENT_CONFIRMED,                              /* and changed their mind */
    ED_APPOINTMENT_ATTENDED,
    ED_APPOINTMENT_CONFIRMED,                              /* the wrong Jo Evans */
    ED_APPOINTMENT_DID_NOT_ATTEND, ED_APPOINTMENT_CONFIRMED,
    ED_APPOINTMENT_ATTENDED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    {
      g_autoptr(EdStaffAppointment) loaded = NULL;
      GDate today;

      g_setenv ("ED_TODAY", i % 2 ? "2030-01-02" : "2030-01-03", TRUE);
      set_state (context, id, walk[i]);
      loaded = ed_staff_appointment_load (context, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (loaded->state, ==, walk[i]);
      ed_today (&today);
      g_assert_cmpint (g_date_compare (&loaded->state_changed_on, &today), ==, 0);
    }
  g_setenv ("ED_TODAY", "2030-01-02", TRUE);

  /* The state it is in already: nothing to do, and no error. */
  set_state (context, id, ED_APPOINTMENT_ATTENDED);
}

/* Every step not allowed is refused, saying where the appointment may go, and leaves it as
 * it was; so is attendance recorded before the day worked. */
static void
test_states_refused (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Fox", "Lee");
  g_autofree char *id = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, ad1, NULL,
                                 NULL);
  /* To reach each state: the path from invited. */
  static const EdAppointmentState paths[ED_N_APPOINTMENT_STATES][4] = {
    [ED_APPOINTMENT_INVITED] = { ED_APPOINTMENT_INVITED },
    [ED_APPOINTMENT_ACCEPTED] = { ED_APPOINTMENT_ACCEPTED },
    [ED_APPOINTMENT_DECLINED] = { ED_APPOINTMENT_DECLINED },
    [ED_APPOINTMENT_CONFIRMED] = { ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED },
    [ED_APPOINTMENT_ATTENDED] = { ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED,
                                  ED_APPOINTMENT_ATTENDED },
    [ED_APPOINTMENT_DID_NOT_ATTEND] = { ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED,
                                        ED_APPOINTMENT_DID_NOT_ATTEND },
  };
  guint refused = 0;

  for (guint from = 0; from < ED_N_APPOINTMENT_STATES; from++)
    for (guint to = 0; to < ED_N_APPOINTMENT_STATES; to++)
      {
        if (from == to || ed_appointment_state_can_change (from, to))
          continue;
        /* Back to invited along allowed steps, then on to @from. */
        while (state_of (context, id) != ED_APPOINTMENT_INVITED)
          {
            EdAppointmentState now = state_of (context, id);

            set_state (context, id, now == ED_APPOINTMENT_ATTENDED ||
                                      now == ED_APPOINTMENT_DID_NOT_ATTEND
                                      ? ED_APPOINTMENT_CONFIRMED
                                    : now == ED_APPOINTMENT_CONFIRMED ? ED_APPOINTMENT_ACCEPTED
                                                                       : ED_APPOINTMENT_INVITED);
          }
        for (guint i = 0; i < 4 && paths[from][i] != ED_APPOINTMENT_INVITED; i++)
          set_state (context, id, paths[from][i]);
        g_assert_cmpint (state_of (context, id), ==, from);

        g_assert_false (ed_staff_appointment_set_state (context, id, to, &error));
        g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, ed_appointment_state_get_display_name (from)));
        g_assert_nonnull (strstr (error->message, ed_appointment_state_get_display_name (to)));
        g_clear_error (&error);
        g_assert_cmpint (state_of (context, id), ==, from);
        refused++;
      }
  /* Six states, each to five others, less the fourteen steps allowed. */
  g_assert_cmpuint (refused, ==, 30 - 14);

  /* Attendance is what the payroll pays: not before the day worked. */
  while (state_of (context, id) != ED_APPOINTMENT_CONFIRMED)
    set_state (context, id, state_of (context, id) == ED_APPOINTMENT_INVITED
                              ? ED_APPOINTMENT_ACCEPTED : ED_APPOINTMENT_CONFIRMED);
  g_setenv ("ED_TODAY", "2027-05-05", TRUE);
  g_assert_false (ed_staff_appointment_set_state (context, id, ED_APPOINTMENT_ATTENDED, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_setenv ("ED_TODAY", "2027-05-06", TRUE);
  set_state (context, id, ED_APPOINTMENT_ATTENDED);
  g_setenv ("ED_TODAY", "2030-01-02", TRUE);

  /* An appointment that is not there. */
  g_assert_false (ed_staff_appointment_set_state (context, "no-such-appointment",
                                                  ED_APPOINTMENT_ACCEPTED, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
}

/* The hours are recorded, checked as on the way in; an appointment made in error is removed
 * with what was claimed for it, but not once an approved payroll run has paid it. */
static void
test_hours_and_remove (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Gray", "Kit");
  g_autofree char *id = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, ad1, NULL,
                                 NULL);
  g_autofree char *paid = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1,
                                   NULL, NULL);
  g_autofree char *journey = NULL;
  g_autofree char *expense = NULL;
  g_autofree char *pay_line = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (ed_staff_appointment_update_hours (context, id, "06:15", "22:30", 975, 0,
                                                    &error));
  g_assert_no_error (error);
  {
    g_autoptr(EdStaffAppointment) loaded = ed_staff_appointment_load (context, id, &error);

    g_assert_cmpstr (loaded->start_time, ==, "06:15");
    g_assert_cmpstr (loaded->end_time, ==, "22:30");
    g_assert_cmpint (loaded->minutes, ==, 975);
  }
  /* NULL leaves the times as they are. */
  g_assert_true (ed_staff_appointment_update_hours (context, id, NULL, NULL, 900, 75, &error));
  {
    g_autoptr(EdStaffAppointment) loaded = ed_staff_appointment_load (context, id, &error);

    g_assert_cmpstr (loaded->start_time, ==, "06:15");
    g_assert_cmpint (loaded->minutes, ==, 900);
    g_assert_cmpint (loaded->enhanced_minutes, ==, 75);
  }
  g_assert_false (ed_staff_appointment_update_hours (context, id, "24:00", NULL, 0, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_staff_appointment_update_hours (context, id, NULL, NULL, 1000, 500, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_staff_appointment_update_hours (context, id, NULL, NULL, -1, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  {
    const char *columns[] = { "appointment", "description", "miles" };
    GVariant *values[] = {
      g_variant_new_string (id), g_variant_new_string ("Home to the station"),
      g_variant_new_int64 (42),
    };

    journey = insert_row (context, &ed_staff_journey_table, columns, values, 3);
  }
  {
    const char *columns[] = { "appointment", "description", "amount" };
    GVariant *values[] = {
      g_variant_new_string (id), g_variant_new_string ("Parking"), g_variant_new_int64 (350),
    };

    expense = insert_row (context, &ed_staff_expense_table, columns, values, 3);
  }
  {
    const char *columns[] = { "appointment", "person", "amount" };
    GVariant *values[] = {
      g_variant_new_string (paid), g_variant_new_string (person), g_variant_new_int64 (29238),
    };

    pay_line = insert_row (context, &ed_pay_line_table, columns, values, 3);
  }

  g_assert_false (ed_staff_appointment_remove (context, paid, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ed_staff_appointment_remove (context, id, &error));
  g_assert_no_error (error);
  list = ed_staff_appointment_list (context, local, ED_STAFF_APPOINTMENT_BY_STATION, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((EdStaffAppointment *)g_ptr_array_index (list, 0))->id, ==, paid);

  /* Nothing is left pointing at the removed appointment. */
  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  {
    g_autoptr(GPtrArray) items = ed_validate_list_items (ED_REPLICA (context), &error);

    for (guint i = 0; i < items->len; i++)
      {
        EdValidationItem *item = g_ptr_array_index (items, i);

        g_assert_cmpstr (item->pk, !=, journey);
        g_assert_cmpstr (item->pk, !=, expense);
      }
  }
  g_assert_false (ed_staff_appointment_remove (context, id, &error));
  g_assert_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW);
}

/* One person in two places at once. A presiding officer who counts at night is fine when both
 * have hours and they do not overlap; an appointment without hours fills its day; a poll
 * combined with this one is the same day's work; another day is not. */
static void
test_warning_twice_on_one_day (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *parish = election_id (context, PARISH_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *af1 = station_id (context, "AF1");
  g_autofree char *person = add_person (context, "Hale", "Max");
  g_autofree char *po = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1,
                                 NULL, NULL);
  g_autofree char *count = appoint_count (context, local, person, NULL, "22:30", "03:00");
  g_autoptr(GPtrArray) warnings = list_warnings (context, plan);
  const EdStaffWarning *warning;
  guint n;

  warning = find_warning (warnings, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (warning->other_appointment, ==, count);
  g_assert_cmpstr (warning->person, ==, person);
  g_assert_cmpstr (warning->station, ==, ad1);
  g_assert_nonnull (strstr (warning->message, "Max Hale"));
  g_assert_nonnull (strstr (warning->message, "station AD1"));
  g_assert_nonnull (strstr (warning->message, "22:30–03:00"));
  /* One warning for the pair, not one on each. */
  find_warning (warnings, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, count, &n);
  g_assert_cmpuint (n, ==, 0);

  /* Hours that end as the count starts: no clash. */
  g_assert_true (ed_staff_appointment_update_hours (context, po, "06:15", "22:30", 975, 0,
                                                    &error));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po), ==, 0);
  /* A count that starts before the station closes: a clash. */
  g_assert_true (ed_staff_appointment_update_hours (context, count, "22:00", "03:00", 300, 0,
                                                    &error));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po), ==, 1);
  /* Declined: no longer a clash. */
  set_state (context, count, ED_APPOINTMENT_DECLINED);
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po), ==, 0);

  /* The combined parish poll's row is the same polling day. */
  {
    g_autofree char *clerk = appoint (context, parish, person, ED_STAFF_ROLE_POLL_CLERK, af1,
                                      NULL, NULL);
    g_autoptr(GPtrArray) now = list_warnings (context, plan);

    warning = find_warning (now, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpstr (warning->other_appointment, ==, clerk);
    set_state (context, clerk, ED_APPOINTMENT_DECLINED);
  }
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po), ==, 0);

  /* The count the next day is another day. */
  {
    GDate next_day;
    g_autofree char *next = NULL;

    g_date_set_dmy (&next_day, 7, G_DATE_MAY, 2027);
    next = appoint_count (context, local, person, &next_day, NULL, NULL);
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, po), ==,
                      0);
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, next),
                      ==, 0);
  }
}

/* A role whose training is missing or ran out on the day worked: a course for that role,
 * attended, before the day, and valid until the day or later (0017-staff.sql). */
static void
test_warning_training (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Irwin", "Pat");
  g_autofree char *po = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1,
                                 NULL, NULL);
  g_autofree char *training = NULL;
  g_autoptr(GPtrArray) warnings = list_warnings (context, plan);
  const EdStaffWarning *warning;
  guint n;

  warning = find_warning (warnings, ED_STAFF_WARNING_TRAINING_MISSING, po, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (warning->message, "Pat Irwin"));
  g_assert_nonnull (strstr (warning->message, "Presiding officer"));

  /* Not what counts: a poll clerk's course, a course booked but not attended, and one on the
   * day itself. */
  g_free (add_training (context, person, ED_STAFF_ROLE_POLL_CLERK, "2027-04-01", TRUE, ""));
  g_free (add_training (context, person, ED_STAFF_ROLE_PRESIDING_OFFICER, "2027-04-02", FALSE,
                        ""));
  g_free (add_training (context, person, ED_STAFF_ROLE_PRESIDING_OFFICER, "2027-05-06", TRUE,
                        ""));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TRAINING_MISSING, po), ==, 1);

  /* Attended, but ran out the day before. */
  training = add_training (context, person, ED_STAFF_ROLE_PRESIDING_OFFICER, "2025-03-01", TRUE,
                           "2027-05-05");
  {
    g_autoptr(GPtrArray) now = list_warnings (context, plan);

    find_warning (now, ED_STAFF_WARNING_TRAINING_MISSING, po, &n);
    g_assert_cmpuint (n, ==, 0);
    warning = find_warning (now, ED_STAFF_WARNING_TRAINING_EXPIRED, po, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_nonnull (strstr (warning->message, "5 May 2027"));
  }
  /* Valid until the day itself: current. */
  set_field (context, &ed_staff_training_table, training, "valid_until",
             g_variant_new_string ("2027-05-06"));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TRAINING_EXPIRED, po), ==, 0);
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TRAINING_MISSING, po), ==, 0);
  /* With no end: current. */
  set_field (context, &ed_staff_training_table, training, "valid_until",
             g_variant_new_string (""));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TRAINING_EXPIRED, po), ==, 0);

  /* A role that needs no training raises nothing. */
  {
    g_autoptr(GError) error = NULL;
    EdStaffAppointmentNew details = {
      .election = local, .person = person, .role = ED_STAFF_ROLE_POLL_CARD_DELIVERY,
      .place_kind = ED_STAFF_PLACE_OFFICE,
    };
    g_autofree char *delivery = ed_staff_appointment_add (context, &details, &error);

    g_assert_no_error (error);
    g_assert_false (ed_staff_role_needs_training (ED_STAFF_ROLE_POLL_CARD_DELIVERY));
    g_assert_true (ed_staff_role_needs_training (ED_STAFF_ROLE_COUNT_ASSISTANT));
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_TRAINING_MISSING, delivery),
                      ==, 0);
  }
}

/* DOMAIN.md §3.4 against the polling plan: a presiding officer at every station that opens,
 * and as many clerks as the plan asks for (the station's own staffing, raised to the
 * guidance's for its electorate). Wexcombe Town's stations do not open: no poll there. */
static void
test_warning_station_staffing (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *parish = election_id (context, PARISH_POLL);
  g_autofree char *aa1 = station_id (context, "AA1");
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *af1 = station_id (context, "AF1");
  EdPlanStation *ad1_plan = ed_station_plan_lookup_code (plan, "AD1");
  g_autoptr(GPtrArray) clerks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *po = NULL;
  g_autofree char *person = NULL;
  g_autoptr(GPtrArray) warnings = list_warnings (context, plan);
  const EdStaffWarning *warning;
  guint n;

  /* The demo as the plan has it: AD1 staffed 1 + 3, its electorate calling for 1 + 4. */
  g_assert_cmpuint (ad1_plan->staffing.poll_clerks, ==, 3);
  g_assert_cmpuint (ad1_plan->recommended.poll_clerks, ==, 4);

  /* Nobody appointed: every station that opens has no presiding officer, and is short of its
   * clerks; the uncontested ward's have neither warning. */
  for (guint i = 0; i < plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, i);
      gboolean opens = !g_str_has_prefix (station->code, "AA") &&
                       !g_str_has_prefix (station->code, "AB") &&
                       !g_str_has_prefix (station->code, "AC");

      find_warning (warnings, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, station->id, &n);
      g_assert_cmpuint (n, ==, opens ? 1 : 0);
      find_warning (warnings, ED_STAFF_WARNING_STATION_SHORT, station->id, &n);
      g_assert_cmpuint (n, ==, opens ? 1 : 0);
    }
  warning = find_warning (warnings, ED_STAFF_WARNING_STATION_SHORT, ad1, &n);
  g_assert_cmpstr (warning->message, ==,
                   "Station AD1 has 0 of the 4 poll clerks the plan asks for.");
  warning = find_warning (warnings, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, ad1, &n);
  g_assert_cmpstr (warning->message, ==, "Station AD1 has no presiding officer appointed.");

  /* A presiding officer and three clerks: the plan's own staffing, short of the guidance. */
  person = add_person (context, "Jones", "Ida");
  po = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1, NULL, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *clerk = add_person (context, "Clerk", "Number");

      g_ptr_array_add (clerks, appoint (context, local, clerk, ED_STAFF_ROLE_POLL_CLERK, ad1,
                                        NULL, NULL));
    }
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = list_warnings (context, plan);
  find_warning (warnings, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, ad1, &n);
  g_assert_cmpuint (n, ==, 0);
  warning = find_warning (warnings, ED_STAFF_WARNING_STATION_SHORT, ad1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (warning->message, ==,
                   "Station AD1 has 3 of the 4 poll clerks the plan asks for.");

  /* The fourth clerk, appointed to the combined parish poll's row: the same station's staff. */
  {
    g_autofree char *clerk = add_person (context, "Clerk", "Four");
    g_autofree char *fourth = appoint (context, parish, clerk, ED_STAFF_ROLE_POLL_CLERK, ad1,
                                       NULL, NULL);

    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_STATION_SHORT, ad1), ==,
                      0);
    /* Declined, or did not attend: counts for nothing. */
    set_state (context, fourth, ED_APPOINTMENT_DECLINED);
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_STATION_SHORT, ad1), ==,
                      1);
    set_state (context, fourth, ED_APPOINTMENT_ACCEPTED);
    set_state (context, fourth, ED_APPOINTMENT_CONFIRMED);
    set_state (context, fourth, ED_APPOINTMENT_DID_NOT_ATTEND);
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_STATION_SHORT, ad1), ==,
                      1);
    set_state (context, fourth, ED_APPOINTMENT_CONFIRMED);
    g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_STATION_SHORT, ad1), ==,
                      0);
  }
  /* The presiding officer declines: the station has none again. */
  set_state (context, po, ED_APPOINTMENT_DECLINED);
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, ad1),
                    ==, 1);
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_STATION_SHORT, ad1), ==, 0);
  set_state (context, po, ED_APPOINTMENT_INVITED);

  /* A station staffed above the guidance asks for what it is staffed to: AF1 made 1 + 3. */
  {
    g_autoptr(EdStationEdit) edit = ed_station_edit_load (context, af1, &error);
    g_autoptr(EdStationPlan) replanned = NULL;
    g_autoptr(GPtrArray) now = NULL;

    g_free (edit->poll_clerks);
    edit->poll_clerks = g_strdup ("3");
    g_assert_true (ed_station_edit_save (context, edit, &error));
    g_assert_no_error (error);
    replanned = compute_plan (context);
    now = list_warnings (context, replanned);
    warning = find_warning (now, ED_STAFF_WARNING_STATION_SHORT, af1, &n);
    g_assert_cmpstr (warning->message, ==,
                     "Station AF1 has 0 of the 3 poll clerks the plan asks for.");
  }

  /* A station that does not open but has staff appointed is checked all the same. */
  {
    g_autofree char *clerk = add_person (context, "Kent", "Viv");
    g_autofree char *at_aa1 = appoint (context, local, clerk, ED_STAFF_ROLE_POLL_CLERK, aa1,
                                       NULL, NULL);

    g_clear_pointer (&warnings, g_ptr_array_unref);
    warnings = list_warnings (context, plan);
    find_warning (warnings, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, aa1, &n);
    g_assert_cmpuint (n, ==, 1);
    warning = find_warning (warnings, ED_STAFF_WARNING_STATION_SHORT, aa1, &n);
    g_assert_cmpuint (n, ==, 1);
  }

  /* The warnings come by kind. */
  for (guint i = 1; i < warnings->len; i++)
    g_assert_cmpint (((EdStaffWarning *)g_ptr_array_index (warnings, i - 1))->kind, <=,
                     ((EdStaffWarning *)g_ptr_array_index (warnings, i))->kind);

  /* The plan computed here when none is given agrees. */
  {
    g_autoptr(GPtrArray) own = ed_staff_warnings_list (context, LOCAL_POLL, NULL, &error);

    g_assert_no_error (error);
    find_warning (own, ED_STAFF_WARNING_STATION_SHORT, ad1, &n);
    g_assert_cmpuint (n, ==, 0);
    find_warning (own, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, aa1, &n);
    g_assert_cmpuint (n, ==, 1);
  }
}

/* Only the presiding officer decides on ID and orders removals (DOMAIN.md §3.4): one appointed
 * to it should hold that role. */
static void
test_warning_role_not_held (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Lowe", "Dee");
  g_autofree char *po = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1,
                                 NULL, NULL);
  g_autofree char *clerk = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, "", NULL,
                                    NULL);
  g_autoptr(GPtrArray) warnings = list_warnings (context, plan);
  const EdStaffWarning *warning;
  guint n;

  warning = find_warning (warnings, ED_STAFF_WARNING_ROLE_NOT_HELD, po, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (warning->message, "Dee Lowe"));
  /* A poll clerk is not asked to hold the role. */
  find_warning (warnings, ED_STAFF_WARNING_ROLE_NOT_HELD, clerk, &n);
  g_assert_cmpuint (n, ==, 0);

  /* Another role held does not do. */
  g_free (add_person_role (context, person, ED_STAFF_ROLE_POLL_CLERK));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_ROLE_NOT_HELD, po), ==, 1);
  g_free (add_person_role (context, person, ED_STAFF_ROLE_PRESIDING_OFFICER));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_ROLE_NOT_HELD, po), ==, 0);
}

/* A person appointed though marked unavailable for the election, or for a poll combined with
 * it, whose polling day is the same. */
static void
test_warning_unavailable (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *parish = election_id (context, PARISH_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Moss", "Al");
  g_autofree char *clerk = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, ad1, NULL,
                                    NULL);
  g_autofree char *availability = NULL;
  const EdStaffWarning *warning;
  guint n;

  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_UNAVAILABLE, clerk), ==, 0);
  availability = set_availability (context, person, local, ED_AVAILABILITY_UNAVAILABLE);
  {
    g_autoptr(GPtrArray) warnings = list_warnings (context, plan);

    warning = find_warning (warnings, ED_STAFF_WARNING_UNAVAILABLE, clerk, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_nonnull (strstr (warning->message, "Al Moss"));
  }
  set_field (context, &ed_staff_availability_table, availability, "availability",
             g_variant_new_string (ed_availability_to_string (ED_AVAILABILITY_AVAILABLE)));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_UNAVAILABLE, clerk), ==, 0);

  /* Unavailable for the parish poll combined with it: the same day. */
  g_free (set_availability (context, person, parish, ED_AVAILABILITY_UNAVAILABLE));
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_UNAVAILABLE, clerk), ==, 1);
  set_state (context, clerk, ED_APPOINTMENT_DECLINED);
  g_assert_cmpuint (count_warnings (context, plan, ED_STAFF_WARNING_UNAVAILABLE, clerk), ==, 0);
}

/* A declined appointment raises no warning, whatever is wrong with it. */
static void
test_declined_raises_none (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(EdStationPlan) plan = compute_plan (context);
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *person = add_person (context, "Nash", "Bo");
  g_autofree char *po = appoint (context, local, person, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1,
                                 NULL, NULL);
  g_autofree char *count = appoint_count (context, local, person, NULL, NULL, NULL);
  guint before;
  guint after;

  g_free (set_availability (context, person, local, ED_AVAILABILITY_UNAVAILABLE));
  {
    g_autoptr(GPtrArray) warnings = list_warnings (context, plan);

    before = 0;
    for (guint i = 0; i < warnings->len; i++)
      before += g_str_equal (((EdStaffWarning *)g_ptr_array_index (warnings, i))->appointment, po);
    /* Twice on one day, no training, not a presiding officer, unavailable. */
    g_assert_cmpuint (before, ==, 4);
  }
  set_state (context, po, ED_APPOINTMENT_DECLINED);
  {
    g_autoptr(GPtrArray) warnings = list_warnings (context, plan);

    after = 0;
    for (guint i = 0; i < warnings->len; i++)
      {
        EdStaffWarning *warning = g_ptr_array_index (warnings, i);

        after += g_str_equal (warning->appointment, po) ||
                 g_str_equal (warning->other_appointment, po);
      }
    g_assert_cmpuint (after, ==, 0);
    /* The station has no presiding officer again. */
    find_warning (warnings, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, ad1, &after);
    g_assert_cmpuint (after, ==, 1);
  }
}

static const EdStaffAppointment *
find_appointment_of (GPtrArray  *appointments,
                     const char *person)
{
  const EdStaffAppointment *found = NULL;

  for (guint i = 0; i < appointments->len; i++)
    {
      const EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);

      if (g_str_equal (appointment->person, person))
        {
          g_assert_null (found);
          found = appointment;
        }
    }
  return found;
}

/* The last election's staff invited to the next: those who attended or were confirmed, at the
 * same station while it is in the plan and to be placed once it is not; passed over when
 * already appointed, unavailable, or gone from the staff list. */
static void
test_invite_from (EdTestDir     *fixture,
                  gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *ad1 = station_id (context, "AD1");
  g_autofree char *af1 = station_id (context, "AF1");
  g_autofree char *ag1 = station_id (context, "AG1");
  g_autofree char *next = NULL;
  g_autofree char *attended = add_person (context, "Owen", "Cy");
  g_autofree char *confirmed = add_person (context, "Page", "Di");
  g_autofree char *moved = add_person (context, "Quinn", "Ed");
  g_autofree char *away = add_person (context, "Reed", "Flo");
  g_autofree char *already = add_person (context, "Shaw", "Gus");
  g_autofree char *only_invited = add_person (context, "Todd", "Hal");
  g_autofree char *declined = add_person (context, "Urry", "Ivy");
  g_autofree char *counter = add_person (context, "Vale", "Jan");
  g_autofree char *gone = add_person (context, "Webb", "Kay");
  g_autofree char *gone_appointment = NULL;
  g_autoptr(EdStaffInviteReport) report = NULL;
  g_autoptr(GPtrArray) invited = NULL;
  const EdStaffAppointment *found;
  struct
  {
    const char         *person;
    EdStaffRole         role;
    const char         *station;
    EdAppointmentState  state;
  } earlier[] = {
    { attended, ED_STAFF_ROLE_PRESIDING_OFFICER, ad1, ED_APPOINTMENT_ATTENDED },
    { confirmed, ED_STAFF_ROLE_POLL_CLERK, af1, ED_APPOINTMENT_CONFIRMED },
    { moved, ED_STAFF_ROLE_POLL_CLERK, ag1, ED_APPOINTMENT_ATTENDED },
    { away, ED_STAFF_ROLE_POLL_CLERK, ad1, ED_APPOINTMENT_ATTENDED },
    { already, ED_STAFF_ROLE_POLL_CLERK, ad1, ED_APPOINTMENT_ATTENDED },
    { only_invited, ED_STAFF_ROLE_POLL_CLERK, ad1, ED_APPOINTMENT_INVITED },
    { declined, ED_STAFF_ROLE_POLL_CLERK, ad1, ED_APPOINTMENT_DECLINED },
    { gone, ED_STAFF_ROLE_POLL_CLERK, af1, ED_APPOINTMENT_ATTENDED },
  };
  EdElectionNew details = { .kind = ED_ELECTION_LOCAL, .country = ED_COUNTRY_ENGLAND };
  GDate count_day;

  /* The May 2027 poll's staff, as it went. */
  for (guint i = 0; i < G_N_ELEMENTS (earlier); i++)
    {
      g_autofree char *id = appoint (context, local, earlier[i].person, earlier[i].role,
                                     earlier[i].station, "06:15", "22:30");
      static const EdAppointmentState path[] = {
        ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_ATTENDED,
      };

      if (earlier[i].state == ED_APPOINTMENT_DECLINED)
        set_state (context, id, ED_APPOINTMENT_DECLINED);
      for (guint j = 0; j < G_N_ELEMENTS (path) && earlier[i].state != ED_APPOINTMENT_INVITED &&
                        earlier[i].state != ED_APPOINTMENT_DECLINED; j++)
        {
          set_state (context, id, path[j]);
          if (path[j] == earlier[i].state)
            break;
        }
      if (earlier[i].person == gone)
        gone_appointment = g_strdup (id);
    }
  /* A count the day after the poll, worked. */
  g_date_set_dmy (&count_day, 7, G_DATE_MAY, 2027);
  {
    g_autofree char *id = appoint_count (context, local, counter, &count_day, "09:00", "17:00");

    set_state (context, id, ED_APPOINTMENT_ACCEPTED);
    set_state (context, id, ED_APPOINTMENT_CONFIRMED);
    set_state (context, id, ED_APPOINTMENT_ATTENDED);
  }

  /* The next poll, a year on; what changed in between. */
  g_date_set_dmy (&details.poll, 4, G_DATE_MAY, 2028);
  next = ed_election_add (context, &details, &error);
  g_assert_no_error (error);
  g_assert_true (ed_station_delete (context, ag1, &error));
  g_assert_no_error (error);
  g_free (set_availability (context, away, next, ED_AVAILABILITY_UNAVAILABLE));
  {
    g_autofree char *id = appoint (context, next, already, ED_STAFF_ROLE_POLL_CLERK, af1, NULL,
                                   NULL);

    /* Having said no to the new poll is an answer already. */
    set_state (context, id, ED_APPOINTMENT_DECLINED);
  }
  delete_row (context, &ed_staff_person_table, gone);

  report = ed_staff_appointment_invite_from (context, LOCAL_POLL, next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->invited, ==, 4);
  g_assert_cmpuint (report->unplaced, ==, 1);
  g_assert_cmpuint (report->skipped->len, ==, 3);
  g_assert_cmpuint (report->n_skipped[ED_STAFF_INVITE_ALREADY_APPOINTED], ==, 1);
  g_assert_cmpuint (report->n_skipped[ED_STAFF_INVITE_UNAVAILABLE], ==, 1);
  g_assert_cmpuint (report->n_skipped[ED_STAFF_INVITE_PERSON_GONE], ==, 1);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      EdStaffInviteSkipped *skipped = g_ptr_array_index (report->skipped, i);

      switch (skipped->reason)
        {
        case ED_STAFF_INVITE_ALREADY_APPOINTED:
          g_assert_cmpstr (skipped->person, ==, already);
          g_assert_nonnull (strstr (skipped->message, "Gus Shaw"));
          break;
        case ED_STAFF_INVITE_UNAVAILABLE:
          g_assert_cmpstr (skipped->person, ==, away);
          g_assert_nonnull (strstr (skipped->message, "Flo Reed"));
          break;
        case ED_STAFF_INVITE_PERSON_GONE:
          g_assert_cmpstr (skipped->appointment, ==, gone_appointment);
          break;
        case ED_N_STAFF_INVITE_SKIPS:
        default:
          g_assert_not_reached ();
        }
    }

  invited = ed_staff_appointment_list (context, next, ED_STAFF_APPOINTMENT_BY_STATION, &error);
  g_assert_no_error (error);
  /* The four invited and the one already there. */
  g_assert_cmpuint (invited->len, ==, 5);
  found = find_appointment_of (invited, attended);
  g_assert_cmpint (found->role, ==, ED_STAFF_ROLE_PRESIDING_OFFICER);
  g_assert_cmpstr (found->station, ==, ad1);
  g_assert_cmpint (found->state, ==, ED_APPOINTMENT_INVITED);
  g_assert_cmpstr (found->start_time, ==, "06:15");
  g_assert_cmpint (found->minutes, ==, 0);
  found = find_appointment_of (invited, confirmed);
  g_assert_cmpstr (found->station, ==, af1);
  /* Its station gone from the plan: the same role, to be placed. */
  found = find_appointment_of (invited, moved);
  g_assert_cmpint (found->role, ==, ED_STAFF_ROLE_POLL_CLERK);
  g_assert_cmpint (found->place_kind, ==, ED_STAFF_PLACE_STATION);
  g_assert_cmpstr (found->station, ==, "");
  /* The day after the poll stays the day after the poll. */
  found = find_appointment_of (invited, counter);
  g_assert_cmpint (found->place_kind, ==, ED_STAFF_PLACE_COUNT);
  g_assert_cmpstr (found->session, ==, "Verification and count");
  {
    GDate expected;

    g_date_set_dmy (&expected, 5, G_DATE_MAY, 2028);
    g_assert_cmpint (g_date_compare (&found->work_date, &expected), ==, 0);
  }
  g_assert_null (find_appointment_of (invited, only_invited));
  g_assert_null (find_appointment_of (invited, declined));
  g_assert_null (find_appointment_of (invited, away));

  /* Again: all of them are appointed now. */
  g_clear_pointer (&report, ed_staff_invite_report_free);
  report = ed_staff_appointment_invite_from (context, local, next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->invited, ==, 0);
  g_assert_cmpuint (report->n_skipped[ED_STAFF_INVITE_ALREADY_APPOINTED], ==, 5);

  /* Not from an election into itself. */
  g_assert_null (ed_staff_appointment_invite_from (context, next, next, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
}

/* An appointment whose station was deleted (on another desk, say) is the `staff-references`
 * validator's to report. */
static void
test_deleted_station_validated (EdTestDir     *fixture,
                                gconstpointer  data)
{
  g_autoptr(EdContext) context = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *local = election_id (context, LOCAL_POLL);
  g_autofree char *af1 = station_id (context, "AF1");
  g_autofree char *person = add_person (context, "Young", "Liz");
  g_autofree char *id = appoint (context, local, person, ED_STAFF_ROLE_POLL_CLERK, af1, NULL,
                                 NULL);
  g_autoptr(GPtrArray) items = NULL;
  guint found = 0;

  g_assert_true (ed_station_delete (context, af1, &error));
  g_assert_no_error (error);
  g_assert_true (ed_validate_run (ED_REPLICA (context), &error));
  g_assert_no_error (error);
  items = ed_validate_list_items (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      EdValidationItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->validator, "staff-references") &&
          g_str_equal (item->tbl, "staff_appointment") && g_str_equal (item->pk, id))
        {
          g_assert_nonnull (strstr (item->message, af1));
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);

  /* The appointment still lists, with no station code to show; a new one there is refused. */
  {
    g_autoptr(GPtrArray) list = ed_staff_appointment_list (context, local,
                                                           ED_STAFF_APPOINTMENT_BY_STATION,
                                                           &error);
    g_autofree char *refused = NULL;
    EdStaffAppointmentNew details = {
      .election = local, .person = person, .role = ED_STAFF_ROLE_POLL_CLERK,
      .place_kind = ED_STAFF_PLACE_STATION, .station = af1,
    };

    g_assert_cmpuint (list->len, ==, 1);
    refused = ed_staff_appointment_add (context, &details, &error);
    g_assert_null (refused);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  template_dir = g_dir_make_tmp ("ed-test-staff-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/staff/appointments/state-rules", test_state_rules);
  ED_TEST_ADD ("/staff/appointments/add-and-list", test_add_and_list);
  ED_TEST_ADD ("/staff/appointments/add-refused", test_add_refused);
  ED_TEST_ADD ("/staff/appointments/states-allowed", test_states_allowed);
  ED_TEST_ADD ("/staff/appointments/states-refused", test_states_refused);
  ED_TEST_ADD ("/staff/appointments/hours-and-remove", test_hours_and_remove);
  ED_TEST_ADD ("/staff/appointments/invite-from", test_invite_from);
  ED_TEST_ADD ("/staff/appointments/deleted-station-validated", test_deleted_station_validated);
  ED_TEST_ADD ("/staff/warnings/twice-on-one-day", test_warning_twice_on_one_day);
  ED_TEST_ADD ("/staff/warnings/training", test_warning_training);
  ED_TEST_ADD ("/staff/warnings/station-staffing", test_warning_station_staffing);
  ED_TEST_ADD ("/staff/warnings/role-not-held", test_warning_role_not_held);
  ED_TEST_ADD ("/staff/warnings/unavailable", test_warning_unavailable);
  ED_TEST_ADD ("/staff/warnings/declined-raises-none", test_declined_raises_none);

  status = g_test_run ();
  g_clear_object (&template_context);
  ed_test_dir_remove_all (template_dir);
  g_free (template_dir);
  return status;
}
