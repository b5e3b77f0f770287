/* bench-staff-documents.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An election's staff rota and appointment letters for about 200 polling stations and 2,000
 * people (issue 16 item 4; budget 5 s for the two): the demo district of 300,000 electors,
 * whose polling plan has 199 stations, with 2,000 synthetic people appointed to its May poll: a presiding officer and
 * four poll clerks at each station, the rest at the count's and postal vote opening's
 * sessions and on inspectors' rounds, every appointment accepted, one person in ten writing
 * in Welsh. It times the rota's PDF and the letters' PDF and prints both against the budget,
 * with the peak resident memory.
 *
 * ED_BENCH_ELECTORS sets the district's size for a quicker look. */

#define G_LOG_DOMAIN "ed-bench-staff-documents"

#include "config.h"

#include <sys/resource.h>

#include "changes/ed-change-set.h"
#include "demo/ed-demo.h"
#include "ed-bench-util.h"
#include "ed-modules.h"
#include "elections/ed-election.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-documents.h"
#include "staff/ed-staff-vocab.h"
#include "stations/ed-station-list.h"

#define DEFAULT_ELECTORS 300000
#define PEOPLE 2000
#define BUDGET_S 5.0

static const char *const family_names[] = {
  "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
  "Griffiths", "Price", "Owen", "Abbott", "Pryderi", "Howells", "Bevan", "Rees", "Powell",
};
static const char *const given_names[] = {
  "Siân", "Mair", "Elin", "Bethan", "Rhys", "Dylan", "Gareth", "Catrin", "Owain", "Nia",
  "Tomos", "Ffion", "Alun", "Megan", "Iwan", "Lowri",
};

static void
insert (EdChangeSet        *change_set,
        const char         *table,
        const char * const *columns,
        GVariant          **values,
        guint               n_values,
        char              **out_id)
{
  g_autoptr(GError) error = NULL;

  ed_bench_check (ed_change_set_insert (change_set, table, NULL, columns,
                                        (GVariant * const *)values, n_values, out_id, &error),
                  error, "adding a row");
}

/* The people and their appointments, in one change set, as an import would write them. */
static guint
appoint_people (EdContext  *context,
                EdElection *election,
                GPtrArray  *stations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  guint n_station_staff = MIN (PEOPLE, stations->len * 5);

  ed_bench_check (change_set != NULL, error, "beginning the change set");
  for (guint i = 0; i < PEOPLE; i++)
    {
      g_autofree char *person = NULL;
      g_autofree char *phone = g_strdup_printf ("01632 %06u", 100000 + i);
      g_autofree char *address = g_strdup_printf ("%u Heol y Felin\nAberwen", i + 1);
      g_autofree char *ni = g_strdup_printf ("AB%06uC", i);
      g_autofree char *session = NULL;
      const char *person_columns[] = { "family_name", "given_names", "phone", "address",
                                       "postcode", "date_of_birth", "ni_number", "language" };
      GVariant *person_values[] = {
        g_variant_new_string (family_names[i % G_N_ELEMENTS (family_names)]),
        g_variant_new_string (given_names[(i / 7) % G_N_ELEMENTS (given_names)]),
        g_variant_new_string (phone), g_variant_new_string (address),
        g_variant_new_string ("ZY1 2AB"), g_variant_new_string ("1980-05-13"),
        g_variant_new_string (ni), g_variant_new_string (i % 10 == 0 ? "cy" : ""),
      };
      const char *columns[] = { "election", "person", "role", "place_kind", "station",
                                "session", "start_time", "end_time", "minutes", "state" };
      EdStaffRole role;
      EdStaffPlace place;
      const char *station = "";
      const char *start = "06:30", *end = "22:30";

      insert (change_set, "staff_person", person_columns, person_values,
              G_N_ELEMENTS (person_values), &person);
      if (i < n_station_staff)
        {
          const EdListedStation *listed = g_ptr_array_index (stations, i / 5);

          role = i % 5 == 0 ? ED_STAFF_ROLE_PRESIDING_OFFICER : ED_STAFF_ROLE_POLL_CLERK;
          place = ED_STAFF_PLACE_STATION;
          station = listed->id;
          session = g_strdup ("");
        }
      else if (i % 25 == 0)
        {
          role = ED_STAFF_ROLE_STATION_INSPECTOR;
          place = ED_STAFF_PLACE_OFFICE;
          session = g_strdup_printf ("Round %u", i % 40 + 1);
          start = "07:00";
          end = "22:00";
        }
      else if (i % 3 == 0)
        {
          role = ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT;
          place = ED_STAFF_PLACE_POSTAL_OPENING;
          session = g_strdup_printf ("Postal vote opening %u", i % 6 + 1);
          start = "09:00";
          end = "13:00";
        }
      else
        {
          role = ED_STAFF_ROLE_COUNT_ASSISTANT;
          place = ED_STAFF_PLACE_COUNT;
          session = g_strdup_printf ("Count table %u", i % 4 + 1);
          start = "22:30";
          end = "03:00";
        }
      {
        GVariant *values[] = {
          g_variant_new_string (election->id), g_variant_new_string (person),
          g_variant_new_string (ed_staff_role_to_string (role)),
          g_variant_new_string (ed_staff_place_to_string (place)),
          g_variant_new_string (station), g_variant_new_string (session),
          g_variant_new_string (start), g_variant_new_string (end), g_variant_new_int64 (240),
          g_variant_new_string (ed_appointment_state_to_string (ED_APPOINTMENT_ACCEPTED)),
        };

        insert (change_set, "staff_appointment", columns, values, G_N_ELEMENTS (values), NULL);
      }
    }
  ed_bench_check (ed_change_set_commit (change_set, &error), error, "appointing the people");
  return n_station_staff / 5;
}

/* User and system time this process has used, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage now;

  getrusage (RUSAGE_SELF, &now);
  return now.ru_utime.tv_sec + now.ru_stime.tv_sec +
         (now.ru_utime.tv_usec + now.ru_stime.tv_usec) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rota = NULL;
  g_autofree char *letters = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) stations = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  EdDemoOptions options;
  struct rusage usage;
  double rota_s, letters_s, rota_cpu_s, letters_cpu_s, cpu_start;
  guint n_stations;
  gint64 start;

  ed_bench_init ();
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "staff.db", NULL);
  rota = g_build_filename (dir, "rota.pdf", NULL);
  letters = g_build_filename (dir, "letters.pdf", NULL);

  ed_demo_options_init (&options);
  options.electors = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10) : DEFAULT_ELECTORS;
  start = g_get_monotonic_time ();
  context = ed_modules_open_district (path, &error);
  ed_bench_check (context != NULL, error, "opening the district");
  ed_bench_check (ed_demo_generate (context, &options, &error), error, "writing the demo");
  g_print ("# demo district of %u electors written in %.1f s\n", options.electors,
           ed_bench_ms_since (start) / 1000.0);

  {
    g_autoptr(GPtrArray) elections = ed_election_list (context, &error);

    ed_bench_check (elections != NULL, error, "listing the elections");
    for (guint i = 0; i < elections->len && election == NULL; i++)
      if (((EdElection *)g_ptr_array_index (elections, i))->kind == ED_ELECTION_LOCAL)
        election = ed_election_load (context, ((EdElection *)elections->pdata[i])->id, &error);
    ed_bench_check (election != NULL, error, "finding the demo's local election");
  }
  ed_bench_check (ed_fee_scale_load (context, "herefordshire", election->id, &error), error,
                  "loading the fee scale");
  places = ed_stations_list_places (context, &error);
  ed_bench_check (places != NULL, error, "listing the stations");
  for (guint p = 0; p < places->len; p++)
    {
      EdListedPlace *place = g_ptr_array_index (places, p);

      for (guint s = 0; s < place->stations->len; s++)
        g_ptr_array_add (stations, g_ptr_array_index (place->stations, s));
    }
  start = g_get_monotonic_time ();
  n_stations = appoint_people (context, election, stations);
  g_print ("# %u stations in the plan, %u staffed; %u people appointed in %.1f s\n",
           stations->len, n_stations, PEOPLE, ed_bench_ms_since (start) / 1000.0);

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  ed_bench_check (ed_staff_rota_pdf (context, election, rota, &error), error,
                  "writing the rota");
  rota_s = ed_bench_ms_since (start) / 1000.0;
  rota_cpu_s = cpu_seconds () - cpu_start;
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  ed_bench_check (ed_staff_letters_pdf (context, election, letters, &error), error,
                  "writing the letters");
  letters_s = ed_bench_ms_since (start) / 1000.0;
  letters_cpu_s = cpu_seconds () - cpu_start;
  getrusage (RUSAGE_SELF, &usage);

  /* The processor time as well as the time on the clock: on a busy machine the second
   * measures the neighbours, and the first still says what the code costs. */
  g_print ("bench: staff-rota-pdf %.2f s (cpu %.2f s)\n", rota_s, rota_cpu_s);
  g_print ("bench: staff-letters-pdf %.2f s (cpu %.2f s)\n", letters_s, letters_cpu_s);
  g_print ("bench: staff-documents %.2f s budget %.0f s\n", rota_s + letters_s, BUDGET_S);
  g_print ("bench: staff-documents-peak-rss %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&context);
  ed_bench_remove_dir (dir);
  return 0;
}
