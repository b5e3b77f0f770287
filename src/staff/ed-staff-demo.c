/* ed-staff-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo district's casual staff: a list of people about twice as long as the May poll
 * needs, as a council keeps a reserve to draw on, the roles each may take and the training they have had, the Nottinghamshire fee scale
 * loaded for the poll, and the poll staffed as a team would have it a few weeks out: every
 * station that opens with its presiding officer and clerks, the count, three postal vote
 * opening sessions and the inspectors' rounds, most appointments confirmed, some still
 * accepted or invited, and a few declined, which leaves a station short as real ones are.
 *
 * Everyone is invented: names from the lists below, addresses in the postcode area ZY (which
 * does not exist), email at example.org and telephone numbers in Ofcom's range for drama
 * (01632 960000 to 960999). No National Insurance number is made up, since a well-formed one
 * could be a real person's: the payroll reference identifies people to the payroll here. */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-today.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-election.h"
#include "stations/ed-station-list.h"
#include "staff/ed-fee-scale.h"
#include "staff/ed-staff-demo.h"
#include "staff/ed-staff-tables.h"
#include "staff/ed-staff-vocab.h"

/* The scale the demo's poll pays: an hourly one, so the payroll shows hours, enhanced rates
 * and the combined-poll uplift (DOMAIN.md §4.2 (a)). */
#define DEMO_FEE_SCALE "nottinghamshire-2023-24"

static const char *given_names[] = {
  "Alys", "Bronwen", "Carys", "Delyth", "Efa", "Ffion", "Gwen", "Hana", "Ines", "Joanna",
  "Kavita", "Linnea", "Mairead", "Noor", "Orla", "Paulina", "Rhiannon", "Saoirse", "Tamsin",
  "Ursula", "Valentina", "Yasmin", "Adrian", "Bartosz", "Cormac", "Dafydd", "Eamon", "Felix",
  "Gethin", "Hassan", "Idris", "Jaroslav", "Kofi", "Lorcan", "Malik", "Neil", "Osian", "Pawel",
  "Ravi", "Stellan", "Tobias", "Vikram",
};

static const char *family_names[] = {
  "Aldridge", "Bannerman", "Blackett", "Burrows", "Cadwallader", "Castellano", "Crowther",
  "Dempsey", "Devereux", "Eckersley", "Fairclough", "Feltham", "Garside", "Gosling",
  "Haigh", "Hollins", "Ibbotson", "Jarvis", "Kearney", "Kettlewell", "Lakin", "Lomax",
  "Madeley", "Mottram", "Nettleton", "Nuttall", "Oldroyd", "Ormerod", "Pickles", "Pritchard",
  "Quarmby", "Ramsbottom", "Rushworth", "Satterthwaite", "Shackleton", "Sowerby", "Thwaite",
  "Tomlinson", "Uttley", "Vasquez", "Waddington", "Whiteley", "Yeadon", "Zaman",
};

static const char *streets[] = {
  "Alder Close", "Brook Terrace", "Chapel Fold", "Dale View", "Elm Grove", "Foundry Lane",
  "Granary Court", "Hawthorn Rise", "Kiln Row", "Lark Hill", "Millrace Walk", "Orchard Way",
};

static const char *towns[] = { "Wexcombe", "Ashmere", "Holbeck Vale", "Marston Cross" };

typedef struct
{
  EdContext    *context;
  GRand        *rand;
  GDate         today;
  GDate         poll;
  char         *election;
  EdChangeSet  *change_set;
  GPtrArray    *people;        /* (element-type utf8) row ids, in the order they were made */
  GPtrArray    *presiding;     /* of those, who may preside */
  guint         next_presiding;
  guint         next_other;
} Builder;

static GVariant *
text (const char *value)
{
  return g_variant_new_string (value);
}

static GVariant *
date (const GDate *day)
{
  char iso[16];

  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", day);
  return g_variant_new_string (iso);
}

static char *
insert (Builder             *builder,
        const char          *table,
        const char * const  *columns,
        GVariant           **values,
        guint                n_values,
        GError             **error)
{
  char *id = NULL;

  if (!ed_change_set_insert (builder->change_set, table, NULL, columns,
                             (GVariant * const *)values, n_values, &id, error))
    return NULL;
  return id;
}

static gboolean
add_role (Builder     *builder,
          const char  *person,
          EdStaffRole  role,
          GError     **error)
{
  static const char *columns[] = { "person", "role" };
  GVariant *values[] = { text (person), text (ed_staff_role_to_string (role)) };
  g_autofree char *id = insert (builder, "staff_person_role", columns, values, 2, error);

  return id != NULL;
}

/* Training for a role: most attended last year's course, still valid; the rest are booked on
 * this spring's and have not been yet, which the appointments' warnings show until they do. */
static gboolean
add_training (Builder     *builder,
              const char  *person,
              EdStaffRole  role,
              GError     **error)
{
  static const char *columns[] = { "person", "role", "course", "course_date", "attended",
                                   "valid_until" };
  gboolean attended = g_rand_int_range (builder->rand, 0, 10) < 7;
  GDate course = builder->today;
  GDate valid_until;
  g_autofree char *id = NULL;

  if (attended)
    g_date_subtract_days (&course, (guint)g_rand_int_range (builder->rand, 120, 330));
  else
    {
      course = builder->poll;
      g_date_subtract_days (&course, (guint)g_rand_int_range (builder->rand, 10, 25));
    }
  valid_until = course;
  g_date_add_years (&valid_until, 2);
  {
    GVariant *values[] = {
      text (person), text (ed_staff_role_to_string (role)),
      text (ed_staff_role_get_display_name (role)), date (&course),
      g_variant_new_boolean (attended), date (&valid_until),
    };

    id = insert (builder, "staff_training", columns, values, G_N_ELEMENTS (values), error);
  }
  return id != NULL;
}

static char *
add_person (Builder  *builder,
            guint     n,
            GError  **error)
{
  static const char *columns[] = {
    "family_name", "given_names", "email", "phone", "address", "postcode", "date_of_birth",
    "payroll_reference", "council_employee", "starter_statement", "starter_date",
  };
  const char *given = ed_demo_pick (builder->rand, given_names, G_N_ELEMENTS (given_names));
  const char *family = ed_demo_pick (builder->rand, family_names, G_N_ELEMENTS (family_names));
  g_autofree char *mixed_case_email = g_strdup_printf ("%s.%s.%u@example.org", given, family, n);
  g_autofree char *email = g_ascii_strdown (mixed_case_email, -1);
  g_autofree char *phone = g_strdup_printf ("01632 960%03u", n % 1000);
  g_autofree char *address =
    g_strdup_printf ("%d %s\n%s", g_rand_int_range (builder->rand, 1, 120),
                     ed_demo_pick (builder->rand, streets, G_N_ELEMENTS (streets)),
                     ed_demo_pick (builder->rand, towns, G_N_ELEMENTS (towns)));
  g_autofree char *postcode = g_strdup_printf ("ZY%d %d%c%c", g_rand_int_range (builder->rand, 1, 9),
                                               g_rand_int_range (builder->rand, 1, 9),
                                               'A' + g_rand_int_range (builder->rand, 0, 20),
                                               'A' + g_rand_int_range (builder->rand, 0, 20));
  g_autofree char *reference = g_strdup_printf ("ES%05u", n + 1);
  GDate born = builder->today;
  GDate starter = builder->today;
  guint statement = (guint)g_rand_int_range (builder->rand, 0, ED_N_STARTER_STATEMENTS);

  g_date_subtract_years (&born, (guint)g_rand_int_range (builder->rand, 22, 76));
  g_date_subtract_days (&born, (guint)g_rand_int_range (builder->rand, 0, 365));
  g_date_subtract_days (&starter, (guint)g_rand_int_range (builder->rand, 60, 2000));
  {
    GVariant *values[] = {
      text (family), text (given), text (email), text (phone), text (address), text (postcode),
      date (&born), text (reference),
      g_variant_new_boolean (g_rand_int_range (builder->rand, 0, 10) == 0),
      text (ed_starter_statement_to_string (statement)), date (&starter),
    };

    return insert (builder, "staff_person", columns, values, G_N_ELEMENTS (values), error);
  }
}

/* The people, each able to be a poll clerk; about a third may preside, and others count or
 * open postal votes too. */
static gboolean
add_people (Builder  *builder,
            guint     n_people,
            GError  **error)
{
  for (guint n = 0; n < n_people; n++)
    {
      g_autofree char *person = add_person (builder, n, error);
      gboolean presides = n % 3 == 0;

      if (person == NULL || !add_role (builder, person, ED_STAFF_ROLE_POLL_CLERK, error) ||
          !add_training (builder, person, ED_STAFF_ROLE_POLL_CLERK, error))
        return FALSE;
      if (presides && (!add_role (builder, person, ED_STAFF_ROLE_PRESIDING_OFFICER, error) ||
                       !add_training (builder, person, ED_STAFF_ROLE_PRESIDING_OFFICER, error)))
        return FALSE;
      if (!presides && n % 3 == 1 &&
          (!add_role (builder, person, ED_STAFF_ROLE_COUNT_ASSISTANT, error) ||
           !add_role (builder, person, ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT, error)))
        return FALSE;
      if (presides)
        g_ptr_array_add (builder->presiding, g_strdup (person));
      g_ptr_array_add (builder->people, g_steal_pointer (&person));
    }
  return TRUE;
}

/* Where the team has got to a few weeks before the poll. */
static EdAppointmentState
pick_state (Builder *builder)
{
  gint32 roll = g_rand_int_range (builder->rand, 0, 100);

  return roll < 80 ? ED_APPOINTMENT_CONFIRMED
       : roll < 92 ? ED_APPOINTMENT_ACCEPTED
       : roll < 98 ? ED_APPOINTMENT_INVITED
                   : ED_APPOINTMENT_DECLINED;
}

typedef struct
{
  EdStaffRole   role;
  EdStaffPlace  place;
  const char   *station;
  const char   *session;
  const GDate  *work_date;   /* NULL for polling day */
  const char   *start;
  const char   *end;
  gint64        minutes;
  gint64        enhanced_minutes;
} Post;

static gboolean
appoint (Builder     *builder,
         const char  *person,
         const Post  *post,
         GError     **error)
{
  static const char *columns[] = {
    "election", "person", "role", "place_kind", "station", "session", "work_date",
    "start_time", "end_time", "minutes", "enhanced_minutes", "state", "state_changed_on",
  };
  GDate changed = builder->today;
  g_autofree char *id = NULL;

  g_date_subtract_days (&changed, (guint)g_rand_int_range (builder->rand, 0, 30));
  {
    GVariant *values[] = {
      text (builder->election), text (person), text (ed_staff_role_to_string (post->role)),
      text (ed_staff_place_to_string (post->place)), text (post->station ? post->station : ""),
      text (post->session ? post->session : ""),
      post->work_date != NULL ? date (post->work_date) : text (""),
      text (post->start), text (post->end), g_variant_new_int64 (post->minutes),
      g_variant_new_int64 (post->enhanced_minutes),
      text (ed_appointment_state_to_string (pick_state (builder))), date (&changed),
    };

    id = insert (builder, "staff_appointment", columns, values, G_N_ELEMENTS (values), error);
  }
  return id != NULL;
}

/* The next person for a post: presiding officers from those who may preside, everyone else
 * from the rest of the pool in turn, so no one is booked twice on one day. */
static const char *
next_person (Builder  *builder,
             gboolean  presiding)
{
  if (presiding)
    return builder->next_presiding < builder->presiding->len
             ? g_ptr_array_index (builder->presiding, builder->next_presiding++)
             : NULL;
  while (builder->next_other < builder->people->len)
    {
      const char *person = g_ptr_array_index (builder->people, builder->next_other++);

      if (!g_ptr_array_find_with_equal_func (builder->presiding, person, g_str_equal, NULL))
        return person;
    }
  return NULL;
}

static gboolean
staff_station (Builder                *builder,
               const EdListedStation  *station,
               GError                **error)
{
  Post post = { ED_STAFF_ROLE_PRESIDING_OFFICER, ED_STAFF_PLACE_STATION, station->id, NULL,
                NULL, "06:15", "22:30", 16 * 60 + 15, 0 };
  const char *person;

  for (guint i = 0; i < MAX (station->presiding_officers, 1); i++)
    if ((person = next_person (builder, TRUE)) != NULL && !appoint (builder, person, &post, error))
      return FALSE;
  post.role = ED_STAFF_ROLE_POLL_CLERK;
  post.start = "06:30";
  post.end = "22:15";
  post.minutes = 15 * 60 + 45;
  for (guint i = 0; i < station->poll_clerks; i++)
    if ((person = next_person (builder, FALSE)) != NULL && !appoint (builder, person, &post, error))
      return FALSE;
  return TRUE;
}

/* The count on the night of the poll, the postal vote opening sessions of the last week and
 * the inspectors' rounds. */
static gboolean
staff_the_rest (Builder  *builder,
                guint     n_stations,
                GError  **error)
{
  Post count = { ED_STAFF_ROLE_COUNT_ASSISTANT, ED_STAFF_PLACE_COUNT, NULL, NULL, NULL,
                 "22:00", "03:00", 2 * 60, 3 * 60 };
  const char *person;

  for (guint i = 0; i < MAX (n_stations * 2 / 3, 4); i++)
    if ((person = next_person (builder, FALSE)) != NULL && !appoint (builder, person, &count, error))
      return FALSE;

  for (guint session = 1; session <= 3; session++)
    {
      g_autofree char *name = g_strdup_printf ("Postal vote opening %u", session);
      GDate day = builder->poll;
      Post opening = { ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT, ED_STAFF_PLACE_POSTAL_OPENING,
                       NULL, name, &day, "10:00", "14:00", 4 * 60, 0 };

      g_date_subtract_days (&day, 3 * (4 - session) - 2);
      for (guint i = 0; i < 4; i++)
        if ((person = next_person (builder, FALSE)) != NULL &&
            !appoint (builder, person, &opening, error))
          return FALSE;
    }

  for (guint round = 1; round <= (n_stations + 9) / 10; round++)
    {
      g_autofree char *name = g_strdup_printf ("Round %u", round);
      Post inspector = { ED_STAFF_ROLE_STATION_INSPECTOR, ED_STAFF_PLACE_STATION, NULL, name,
                         NULL, "06:00", "22:30", 16 * 60 + 30, 0 };

      if ((person = next_person (builder, TRUE)) != NULL &&
          (!add_role (builder, person, ED_STAFF_ROLE_STATION_INSPECTOR, error) ||
           !add_training (builder, person, ED_STAFF_ROLE_STATION_INSPECTOR, error) ||
           !appoint (builder, person, &inspector, error)))
        return FALSE;
    }
  return TRUE;
}

/* The first poll of the district's May combination, which the staff are appointed to. */
static char *
find_may_poll (EdContext  *context,
               GDate      *out_poll,
               GError    **error)
{
  g_autoptr(GPtrArray) elections = ed_election_list (context, error);

  if (elections == NULL)
    return NULL;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      if ((election->kind == ED_ELECTION_LOCAL || election->kind == ED_ELECTION_SCOTTISH_LOCAL) &&
          *election->combined_with == '\0')
        {
          *out_poll = election->poll;
          return g_strdup (election->id);
        }
    }
  return g_strdup ("");
}

/* The stations the poll opens: those where at least one elector of the combination votes. */
static GHashTable *
stations_that_open (EdContext     *context,
                    const char    *election_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(EdElection) election = ed_election_load (context, election_id, error);
  g_autoptr(EdElectionElectorate) electorate = NULL;
  GHashTable *open;

  if (election == NULL)
    return NULL;
  electorate = ed_election_electorate_compute (context, election, NULL, NULL, cancellable, error);
  if (electorate == NULL)
    return NULL;
  open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint s = 0; s < electorate->roll->stations->len; s++)
    {
      EdRollStation *station = g_ptr_array_index (electorate->roll->stations, s);
      gint64 electors = 0;

      for (guint p = 0; p < electorate->n_polls; p++)
        {
          EdElection *poll = electorate->polls[p].election;

          for (guint c = 0; c < poll->contests->len; c++)
            electors += ed_election_electorate_get_station (electorate, p, c, (gint)s)->electors;
        }
      if (electors > 0)
        g_hash_table_add (open, g_strdup (station->id));
    }
  return open;
}

/**
 * ed_staff_demo:
 * @context: the demo district, with its register, stations and elections
 * @rand: the demo's random stream
 * @options: the demo's options
 * @error: return location for an error
 *
 * Writes the demo district's casual staff and the May poll's appointments.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_staff_demo (EdContext            *context,
               GRand                *rand,
               const EdDemoOptions  *options,
               GError              **error)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) open = NULL;
  g_autoptr(GPtrArray) to_staff = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) presiding = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *election = NULL;
  Builder builder = { context, rand, options->today, { 0 }, NULL, NULL, people, presiding };
  guint needed = 0;

  election = find_may_poll (context, &builder.poll, error);
  if (election == NULL)
    return FALSE;
  if (*election == '\0')
    return TRUE;
  builder.election = election;

  places = ed_stations_list_places (context, error);
  open = places != NULL ? stations_that_open (context, election, options->cancellable, error)
                        : NULL;
  if (open == NULL)
    return FALSE;
  for (guint p = 0; p < places->len; p++)
    {
      EdListedPlace *place = g_ptr_array_index (places, p);

      for (guint s = 0; s < place->stations->len; s++)
        {
          EdListedStation *station = g_ptr_array_index (place->stations, s);

          if (!g_hash_table_contains (open, station->id))
            continue;
          g_ptr_array_add (to_staff, station);
          needed += MAX (station->presiding_officers, 1) + station->poll_clerks;
        }
    }
  if (to_staff->len == 0)
    return TRUE;
  /* Count, postal vote opening and inspectors; then the list is about twice that. */
  needed += MAX (to_staff->len * 2 / 3, 4) + 12 + (to_staff->len + 9) / 10;

  if (!ed_fee_scale_load (context, DEMO_FEE_SCALE, election, error))
    return FALSE;
  builder.change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (builder.change_set == NULL)
    return FALSE;
  if (!add_people (&builder, needed * 2 + to_staff->len, error))
    goto failed;
  for (guint i = 0; i < to_staff->len; i++)
    if (!staff_station (&builder, g_ptr_array_index (to_staff, i), error))
      goto failed;
  if (!staff_the_rest (&builder, to_staff->len, error) ||
      !ed_change_set_commit (builder.change_set, error))
    goto failed;
  g_clear_object (&builder.change_set);
  return TRUE;

failed:
  g_clear_object (&builder.change_set);
  return FALSE;
}
