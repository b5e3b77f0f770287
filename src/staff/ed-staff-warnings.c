/* ed-staff-warnings.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an election's appointments have to see to before polling day: a person in two places
 * at once, training missing or run out, a station short of the staff the polling plan asks for
 * or with no presiding officer (DOMAIN.md §3.4), a presiding officer who does not hold that
 * role, and a person appointed to a poll they said they cannot work. Warnings, not refusals:
 * an office appoints first and sorts the rest out as answers come in.
 *
 * An appointment declined, or not attended, will not be or was not worked: it raises no
 * warning and counts towards no station. The polls of a combination share their stations and
 * staff (ed_election_load_combination ()), so a station's staff are counted over every poll of
 * the combination, whichever poll's row each appointment is recorded against. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-vocab.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-election.h"
#include "staff/ed-staff-appointment-private.h"
#include "staff/ed-staff-warnings.h"

static const EdTerm warning_kind_terms[] = {
  [ED_STAFF_WARNING_TWICE_ON_ONE_DAY] = { "twice_on_one_day", N_("Appointed twice on one day") },
  [ED_STAFF_WARNING_TRAINING_MISSING] = { "training_missing", N_("Training missing") },
  [ED_STAFF_WARNING_TRAINING_EXPIRED] = { "training_expired", N_("Training expired") },
  [ED_STAFF_WARNING_STATION_SHORT] = { "station_short", N_("Station short of staff") },
  [ED_STAFF_WARNING_NO_PRESIDING_OFFICER] = { "no_presiding_officer", N_("No presiding officer") },
  [ED_STAFF_WARNING_ROLE_NOT_HELD] = { "role_not_held", N_("Role not held") },
  [ED_STAFF_WARNING_UNAVAILABLE] = { "unavailable", N_("Marked unavailable") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (warning_kind_terms) == ED_N_STAFF_WARNINGS);

ED_DEFINE_TERMS (ed_staff_warning_kind, EdStaffWarningKind, warning_kind_terms)

void
ed_staff_warning_free (EdStaffWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->appointment);
  g_free (warning->other_appointment);
  g_free (warning->person);
  g_free (warning->station);
  g_free (warning->message);
  g_free (warning);
}

/**
 * ed_staff_role_needs_training:
 * @role: a role
 *
 * Whether a person must have attended training for @role before working it: every role at a
 * polling station, the count and postal vote opening, where ballot papers and voters are
 * handled. Poll card delivery and canvassing are not the poll's; a trainer gives the training
 * and a deputy returning officer acts for the returning officer.
 *
 * Returns: %TRUE when @role needs current training
 */
gboolean
ed_staff_role_needs_training (EdStaffRole role)
{
  switch (role)
    {
    case ED_STAFF_ROLE_POLL_CARD_DELIVERY:
    case ED_STAFF_ROLE_CANVASSER:
    case ED_STAFF_ROLE_TRAINER:
    case ED_STAFF_ROLE_DEPUTY_RETURNING_OFFICER:
    case ED_N_STAFF_ROLES:
    default:
      return FALSE;
    case ED_STAFF_ROLE_PRESIDING_OFFICER:
    case ED_STAFF_ROLE_POLL_CLERK:
    case ED_STAFF_ROLE_STATION_INSPECTOR:
    case ED_STAFF_ROLE_STANDBY_PRESIDING_OFFICER:
    case ED_STAFF_ROLE_COUNT_MANAGER:
    case ED_STAFF_ROLE_COUNT_SUPERVISOR:
    case ED_STAFF_ROLE_COUNT_ASSISTANT:
    case ED_STAFF_ROLE_BALLOT_BOX_RECEIPT:
    case ED_STAFF_ROLE_POSTAL_OPENING_MANAGER:
    case ED_STAFF_ROLE_POSTAL_OPENING_SUPERVISOR:
    case ED_STAFF_ROLE_POSTAL_OPENING_ASSISTANT:
      return TRUE;
    }
}

/* What every check reads. */
typedef struct
{
  EdContext     *context;
  EdElection    *election;
  GPtrArray     *polls;         /* (element-type EdElection): the combination */
  GPtrArray     *appointments;  /* the election's own, by station */
  EdStationPlan *plan;
  GHashTable    *names;         /* person id → "Given Family" */
  GHashTable    *codes;         /* station id → code, from the plan */
  GPtrArray     *warnings;
} Check;

static const char *
person_name (Check      *check,
             const char *person)
{
  const char *name = g_hash_table_lookup (check->names, person);

  return name != NULL ? name : _("Someone no longer on the staff list");
}

/* "Poll clerk at station 12, 06:15–22:30", for a sentence. */
static char *
describe (Check                    *check,
          const EdStaffAppointment *appointment)
{
  g_autofree char *place = NULL;
  g_autofree char *role_at = NULL;

  if (appointment->place_kind == ED_STAFF_PLACE_STATION)
    {
      const char *code = g_hash_table_lookup (check->codes, appointment->station);

      if (code != NULL)
        /* Translators: %s is a polling station's code */
        place = g_strdup_printf (_("station %s"), code);
      else if (*appointment->station == '\0')
        place = g_strdup (_("a station still to be chosen"));
      else
        place = g_strdup (_("a station no longer in the plan"));
    }
  else if (*appointment->session != '\0')
    place = g_strdup (appointment->session);
  else
    switch (appointment->place_kind)
      {
      case ED_STAFF_PLACE_COUNT:
        place = g_strdup (_("the count"));
        break;
      case ED_STAFF_PLACE_POSTAL_OPENING:
        place = g_strdup (_("postal vote opening"));
        break;
      case ED_STAFF_PLACE_OFFICE:
      case ED_STAFF_PLACE_STATION:
      case ED_N_STAFF_PLACES:
      default:
        place = g_strdup (_("the elections office"));
        break;
      }
  /* Translators: a role at a place, "Poll clerk at station 12" */
  role_at = g_strdup_printf (_("%1$s at %2$s"),
                             ed_staff_role_get_display_name (appointment->role), place);
  if (*appointment->start_time == '\0' || *appointment->end_time == '\0')
    return g_steal_pointer (&role_at);
  /* Translators: an appointment and its hours, "Poll clerk at station 12, 06:15–22:30" */
  return g_strdup_printf (_("%1$s, %2$s–%3$s"), role_at, appointment->start_time,
                          appointment->end_time);
}

static void
add_warning (Check                    *check,
             EdStaffWarningKind        kind,
             const EdStaffAppointment *appointment,
             const EdStaffAppointment *other,
             const char               *station,
             char                     *message)
{
  EdStaffWarning *warning = g_new0 (EdStaffWarning, 1);

  warning->kind = kind;
  warning->appointment = g_strdup (appointment != NULL ? appointment->id : "");
  warning->other_appointment = g_strdup (other != NULL ? other->id : "");
  warning->person = g_strdup (appointment != NULL ? appointment->person : "");
  warning->station = g_strdup (station != NULL ? station : "");
  warning->message = message;
  g_ptr_array_add (check->warnings, warning);
}

/* The minutes of the day an appointment spans, or FALSE when it has no start and end: then it
 * is taken to fill the day. An end at or before the start is past midnight, as a count that
 * runs into the night. */
static gboolean
get_span (const EdStaffAppointment *appointment,
          guint                    *out_start,
          guint                    *out_end)
{
  if (!ed_staff_time_parse (appointment->start_time, out_start, NULL) ||
      !ed_staff_time_parse (appointment->end_time, out_end, NULL))
    return FALSE;
  if (*out_end <= *out_start)
    *out_end += 24 * 60;
  return TRUE;
}

/* Two appointments on one day clash unless both have hours and they do not overlap: a
 * presiding officer from 06:15 to 22:30 may count from 22:30, and one with no hours set is
 * taken to fill the day. Only the work day is compared: a count past midnight does not clash
 * with the next day's work. */
static gboolean
appointments_clash (const EdStaffAppointment *a,
                    const EdStaffAppointment *b)
{
  guint a_start, a_end, b_start, b_end;

  if (!get_span (a, &a_start, &a_end) || !get_span (b, &b_start, &b_end))
    return TRUE;
  return a_start < b_end && b_start < a_end;
}

static const char same_people_sql[] =
  "SELECT " _ED_STAFF_APPOINTMENT_COLUMNS " FROM staff_appointment AS a "
  "WHERE a.person IN (SELECT person FROM staff_appointment WHERE election = ?1) "
  "ORDER BY a.person, a.id";

/* (a) Every appointment of the election's people, at any election, so that a poll clerk
 * already at another poll that day is seen; one warning for each pair that clashes, on the
 * election's own appointment. */
static gboolean
check_twice_on_one_day (Check   *check,
                        GError **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GHashTable) polls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (GDate));
  g_autoptr(GHashTable) rank = g_hash_table_new (g_str_hash, g_str_equal);
  guint run = 0;

  all = _ed_staff_appointment_read (ed_replica_get_database (ED_REPLICA (check->context)),
                                    same_people_sql, check->election->id, error);
  if (all == NULL)
    return FALSE;
  if (all->len == 0)
    return TRUE;
  elections = ed_election_list (check->context, error);
  if (elections == NULL)
    return FALSE;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      g_hash_table_insert (polls, election->id, &election->poll);
    }
  /* Where each of the election's own appointments comes in its station order: of a pair that
   * are both the election's, the warning is on the first, the station before the count. */
  for (guint i = 0; i < check->appointments->len; i++)
    g_hash_table_insert (rank,
                         ((EdStaffAppointment *)g_ptr_array_index (check->appointments, i))->id,
                         GUINT_TO_POINTER (i + 1));
  g_array_set_size (days, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (all, i);
      const GDate *poll = g_hash_table_lookup (polls, appointment->election);
      GDate *day = &g_array_index (days, GDate, i);

      if (poll != NULL)
        ed_staff_appointment_get_work_day (appointment, poll, day);
      else
        g_date_clear (day, 1);
    }

  /* Runs of one person's appointments; the pairs within each. */
  for (guint i = 0; i <= all->len; i++)
    {
      EdStaffAppointment *first = g_ptr_array_index (all, run);

      if (i < all->len &&
          g_str_equal (((EdStaffAppointment *)g_ptr_array_index (all, i))->person, first->person))
        continue;
      for (guint x = run; x < i; x++)
        for (guint y = x + 1; y < i; y++)
          {
            EdStaffAppointment *a = g_ptr_array_index (all, x);
            EdStaffAppointment *b = g_ptr_array_index (all, y);
            const GDate *day = &g_array_index (days, GDate, x);
            guint a_rank = GPOINTER_TO_UINT (g_hash_table_lookup (rank, a->id));
            guint b_rank = GPOINTER_TO_UINT (g_hash_table_lookup (rank, b->id));
            gboolean a_here = a_rank != 0 && (b_rank == 0 || a_rank < b_rank);
            gboolean b_here = b_rank != 0;
            g_autofree char *name_day = NULL;
            g_autofree char *a_text = NULL;
            g_autofree char *b_text = NULL;
            EdStaffAppointment *here;
            EdStaffAppointment *other;

            if ((!a_here && !b_here) || !ed_appointment_state_is_active (a->state) ||
                !ed_appointment_state_is_active (b->state) || !g_date_valid (day) ||
                !g_date_valid (&g_array_index (days, GDate, y)) ||
                g_date_compare (day, &g_array_index (days, GDate, y)) != 0 ||
                !appointments_clash (a, b))
              continue;
            here = a_here ? a : b;
            other = a_here ? b : a;
            name_day = ed_date_format_long (day);
            a_text = describe (check, here);
            b_text = describe (check, other);
            add_warning (check, ED_STAFF_WARNING_TWICE_ON_ONE_DAY, here, other, here->station,
                         /* Translators: %1$s is a person's name, %2$s a date, %3$s and %4$s
                          * appointments, "Poll clerk at station 12, 06:15–22:30" */
                         g_strdup_printf (_("%1$s is appointed twice on %2$s: %3$s; and %4$s."),
                                          person_name (check, here->person), name_day, a_text,
                                          b_text));
          }
      run = i;
    }
  return TRUE;
}

typedef struct
{
  EdStaffRole role;
  GDate       course_date;
  gboolean    attended;
  GDate       valid_until;  /* cleared for no end */
} Training;

static void
read_date (sqlite3_stmt *stmt,
           int           column,
           GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL && *text != '\0' && !ed_date_parse_iso (text, out, NULL))
    g_date_clear (out, 1);
}

static const char training_sql[] =
  "SELECT person, role, course_date, attended, valid_until FROM staff_training "
  "WHERE person IN (SELECT person FROM staff_appointment WHERE election = ?1)";

/* Each person's training records, by person id. */
static GHashTable *
load_training (Check   *check,
               GError **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (check->context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, training_sql, error);
  g_autoptr(GHashTable) training =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, check->election->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *person = (const char *)sqlite3_column_text (stmt, 0);
      GArray *records = g_hash_table_lookup (training, person);
      Training record;

      if (!ed_staff_role_from_string ((const char *)sqlite3_column_text (stmt, 1), &record.role,
                                      NULL))
        continue;
      read_date (stmt, 2, &record.course_date);
      record.attended = sqlite3_column_int64 (stmt, 3) != 0;
      read_date (stmt, 4, &record.valid_until);
      if (records == NULL)
        {
          records = g_array_new (FALSE, FALSE, sizeof (Training));
          g_hash_table_insert (training, g_strdup (person), records);
        }
      g_array_append_val (records, record);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&training);
}

/* (b) A role's training is current on a day when a course for it was attended before that
 * day and is valid until that day or later, or has no end. Failing that, the training ran out
 * when some such course ended before the day, and is missing otherwise. */
static gboolean
check_training (Check   *check,
                GError **error)
{
  g_autoptr(GHashTable) training = load_training (check, error);

  if (training == NULL)
    return FALSE;
  for (guint i = 0; i < check->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (check->appointments, i);
      GArray *records = g_hash_table_lookup (training, appointment->person);
      g_autofree char *day_text = NULL;
      gboolean current = FALSE;
      GDate lapsed;
      GDate day;

      if (!ed_appointment_state_is_active (appointment->state) ||
          !ed_staff_role_needs_training (appointment->role))
        continue;
      ed_staff_appointment_get_work_day (appointment, &check->election->poll, &day);
      g_date_clear (&lapsed, 1);
      for (guint j = 0; records != NULL && j < records->len && !current; j++)
        {
          Training *record = &g_array_index (records, Training, j);

          if (record->role != appointment->role || !record->attended ||
              !g_date_valid (&record->course_date) ||
              g_date_compare (&record->course_date, &day) >= 0)
            continue;
          if (!g_date_valid (&record->valid_until) ||
              g_date_compare (&record->valid_until, &day) >= 0)
            current = TRUE;
          else if (!g_date_valid (&lapsed) || g_date_compare (&record->valid_until, &lapsed) > 0)
            lapsed = record->valid_until;
        }
      if (current)
        continue;
      day_text = ed_date_format_long (&day);
      if (g_date_valid (&lapsed))
        {
          g_autofree char *lapsed_text = ed_date_format_long (&lapsed);

          add_warning (check, ED_STAFF_WARNING_TRAINING_EXPIRED, appointment, NULL,
                       appointment->station,
                       /* Translators: %1$s is a person's name, %2$s a role, %3$s the day the
                        * training ran out, %4$s the day worked */
                       g_strdup_printf (_("%1$s’s training for the role “%2$s” ran out on %3$s, "
                                          "before the work on %4$s."),
                                        person_name (check, appointment->person),
                                        ed_staff_role_get_display_name (appointment->role),
                                        lapsed_text, day_text));
        }
      else
        add_warning (check, ED_STAFF_WARNING_TRAINING_MISSING, appointment, NULL,
                     appointment->station,
                     /* Translators: %1$s is a person's name, %2$s a role, %3$s the day worked */
                     g_strdup_printf (_("%1$s has attended no training for the role “%2$s” "
                                        "before the work on %3$s."),
                                      person_name (check, appointment->person),
                                      ed_staff_role_get_display_name (appointment->role),
                                      day_text));
    }
  return TRUE;
}

static const char role_holders_sql[] = "SELECT person FROM staff_person_role WHERE role = ?1";

/* (d) Only the presiding officer decides on ID and orders removals (DOMAIN.md §3.4), so the
 * role is one a person is recorded as fit to take, not one given to whoever is free. */
static gboolean
check_roles_held (Check   *check,
                  GError **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (check->context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, role_holders_sql, error);
  g_autoptr(GHashTable) holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EdStaffRole role = ED_STAFF_ROLE_PRESIDING_OFFICER;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ed_staff_role_to_string (role), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (holders, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < check->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (check->appointments, i);
      g_autofree char *text = NULL;

      if (!ed_appointment_state_is_active (appointment->state) || appointment->role != role ||
          g_hash_table_contains (holders, appointment->person))
        continue;
      text = describe (check, appointment);
      add_warning (check, ED_STAFF_WARNING_ROLE_NOT_HELD, appointment, NULL,
                   appointment->station,
                   /* Translators: %1$s is a person's name, %2$s an appointment ("Presiding
                    * officer at station 12"), %3$s the role */
                   g_strdup_printf (_("%1$s is appointed %2$s but does not hold the role "
                                      "“%3$s”."),
                                    person_name (check, appointment->person), text,
                                    ed_staff_role_get_display_name (role)));
    }
  return TRUE;
}

/* (e) */
static gboolean
check_availability (Check   *check,
                    GError **error)
{
  g_autoptr(GHashTable) unavailable =
    _ed_staff_appointment_unavailable (check->context, check->polls, error);

  if (unavailable == NULL)
    return FALSE;
  for (guint i = 0; i < check->appointments->len; i++)
    {
      EdStaffAppointment *appointment = g_ptr_array_index (check->appointments, i);
      g_autofree char *text = NULL;

      if (!ed_appointment_state_is_active (appointment->state) ||
          !g_hash_table_contains (unavailable, appointment->person))
        continue;
      text = describe (check, appointment);
      add_warning (check, ED_STAFF_WARNING_UNAVAILABLE, appointment, NULL, appointment->station,
                   /* Translators: %1$s is a person's name, %2$s an appointment ("Poll clerk at
                    * station 12") */
                   g_strdup_printf (_("%1$s is appointed %2$s but is marked unavailable for "
                                      "this election."),
                                    person_name (check, appointment->person), text));
    }
  return TRUE;
}


typedef struct
{
  GHashTable *presiding_officers;  /* person ids */
  GHashTable *poll_clerks;
} StationStaff;

static void
station_staff_free (StationStaff *staff)
{
  g_hash_table_unref (staff->presiding_officers);
  g_hash_table_unref (staff->poll_clerks);
  g_free (staff);
}

/* Each station's presiding officers and poll clerks on polling day, over the combination's
 * polls, each person once. Work at a station on another day (setting up the day before) is
 * not polling day's staff. */
static GHashTable *
count_station_staff (Check   *check,
                     GError **error)
{
  g_autoptr(GHashTable) stations =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)station_staff_free);

  for (guint p = 0; p < check->polls->len; p++)
    {
      EdElection *poll = g_ptr_array_index (check->polls, p);
      g_autoptr(GPtrArray) own = NULL;
      GPtrArray *appointments = check->appointments;

      if (!g_str_equal (poll->id, check->election->id))
        {
          own = ed_staff_appointment_list (check->context, poll->id,
                                           ED_STAFF_APPOINTMENT_BY_STATION, error);
          if (own == NULL)
            return NULL;
          appointments = own;
        }
      for (guint i = 0; i < appointments->len; i++)
        {
          EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
          StationStaff *staff;
          GDate day;

          ed_staff_appointment_get_work_day (appointment, &poll->poll, &day);
          if (!ed_appointment_state_is_active (appointment->state) ||
              appointment->place_kind != ED_STAFF_PLACE_STATION ||
              *appointment->station == '\0' ||
              g_date_compare (&day, &check->election->poll) != 0 ||
              (appointment->role != ED_STAFF_ROLE_PRESIDING_OFFICER &&
               appointment->role != ED_STAFF_ROLE_POLL_CLERK))
            continue;
          staff = g_hash_table_lookup (stations, appointment->station);
          if (staff == NULL)
            {
              staff = g_new0 (StationStaff, 1);
              staff->presiding_officers =
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              staff->poll_clerks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (stations, g_strdup (appointment->station), staff);
            }
          g_hash_table_add (appointment->role == ED_STAFF_ROLE_PRESIDING_OFFICER
                              ? staff->presiding_officers : staff->poll_clerks,
                            g_strdup (appointment->person));
        }
    }
  return g_steal_pointer (&stations);
}

/* Whether a station opens for the poll: it serves a polling district that votes in one of the
 * combination's contested polls (an uncontested ward holds no poll). */
static gboolean
station_opens (const EdPlanStation *station,
               GHashTable          *voting)
{
  for (guint i = 0; i < station->coverage->len; i++)
    {
      EdPlanCoverage *coverage = g_ptr_array_index (station->coverage, i);

      if (g_hash_table_contains (voting, coverage->polling_district))
        return TRUE;
    }
  return FALSE;
}

/**
 * ed_staff_station_wanted:
 * @station: a station of the polling plan
 * @out_wanted: (out caller-allocates): the presiding officers and poll clerks it is to have
 *
 * What the plan asks of a station on polling day (DOMAIN.md §3.4): its own staffing, raised to
 * the guidance's for its electorate where its own is below that (the plan flags such a station
 * too); more than the guidance is the officer's choice, and is what the station is staffed to.
 * The warnings judge a station short against this, and the appointment board shows it.
 */
void
ed_staff_station_wanted (const EdPlanStation *station,
                         EdStationStaffing   *out_wanted)
{
  g_return_if_fail (station != NULL && out_wanted != NULL);

  out_wanted->presiding_officers = MAX (station->staffing.presiding_officers,
                                        station->recommended.presiding_officers);
  out_wanted->poll_clerks = MAX (station->staffing.poll_clerks,
                                 station->recommended.poll_clerks);
}

/* (c) Against the polling plan (DOMAIN.md §3.4), as ed_staff_station_wanted () reckons what
 * it asks of a station. A station is checked when it opens for the poll or has staff
 * appointed to it anyway. A station with no presiding officer has its own warning; the short
 * warning then speaks of the clerks alone. */
static gboolean
check_stations (Check   *check,
                GError **error)
{
  g_autoptr(EdElectionRoll) roll = ed_election_roll_new (check->context, check->election, error);
  g_autoptr(GHashTable) voting = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) staffed = NULL;

  if (roll == NULL)
    return FALSE;
  for (guint i = 0; i < roll->districts->len; i++)
    g_hash_table_add (voting, ((EdRollDistrict *)g_ptr_array_index (roll->districts, i))->id);
  staffed = count_station_staff (check, error);
  if (staffed == NULL)
    return FALSE;

  for (guint i = 0; i < check->plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (check->plan->stations, i);
      StationStaff *staff = g_hash_table_lookup (staffed, station->id);
      g_autoptr(GString) short_of = g_string_new ("");
      guint presiding_officers;
      guint poll_clerks;
      guint want_presiding_officers;
      guint want_poll_clerks;
      EdStationStaffing wanted;

      if (staff == NULL && !station_opens (station, voting))
        continue;
      presiding_officers = staff != NULL ? g_hash_table_size (staff->presiding_officers) : 0;
      poll_clerks = staff != NULL ? g_hash_table_size (staff->poll_clerks) : 0;
      ed_staff_station_wanted (station, &wanted);
      want_presiding_officers = wanted.presiding_officers;
      want_poll_clerks = wanted.poll_clerks;

      if (presiding_officers == 0)
        add_warning (check, ED_STAFF_WARNING_NO_PRESIDING_OFFICER, NULL, NULL, station->id,
                     /* Translators: %s is a polling station's code */
                     g_strdup_printf (_("Station %s has no presiding officer appointed."),
                                      station->code));
      if (presiding_officers > 0 && presiding_officers < want_presiding_officers)
        g_string_append_printf (short_of,
                                /* Translators: %1$s is a polling station's code; %2$u of
                                 * %3$u presiding officers are appointed */
                                ngettext ("Station %1$s has %2$u of the %3$u presiding officer "
                                          "the plan asks for.",
                                          "Station %1$s has %2$u of the %3$u presiding officers "
                                          "the plan asks for.",
                                          want_presiding_officers),
                                station->code, presiding_officers, want_presiding_officers);
      if (poll_clerks < want_poll_clerks)
        {
          if (short_of->len > 0)
            g_string_append_c (short_of, ' ');
          g_string_append_printf (short_of,
                                  /* Translators: %1$s is a polling station's code; %2$u of
                                   * %3$u poll clerks are appointed */
                                  ngettext ("Station %1$s has %2$u of the %3$u poll clerk the "
                                            "plan asks for.",
                                            "Station %1$s has %2$u of the %3$u poll clerks the "
                                            "plan asks for.",
                                            want_poll_clerks),
                                  station->code, poll_clerks, want_poll_clerks);
        }
      if (short_of->len > 0)
        add_warning (check, ED_STAFF_WARNING_STATION_SHORT, NULL, NULL, station->id,
                     g_string_free (g_steal_pointer (&short_of), FALSE));
    }
  return TRUE;
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b)
{
  return (int)(*(EdStaffWarning **)a)->kind - (int)(*(EdStaffWarning **)b)->kind;
}

/**
 * ed_staff_warnings_list:
 * @context: the district
 * @election: an election's row id or slug
 * @plan: (nullable): the polling plan, when the caller has computed it, or %NULL to compute
 *   it here (it reads the whole register)
 * @error: return location for an error
 *
 * What the election's appointments have to see to (#EdStaffWarningKind). Appointments
 * declined or not attended raise none and count for nothing.
 *
 * Returns: (transfer container) (element-type EdStaffWarning): the warnings by kind, in the
 *   kinds' order; within a kind by station or by person
 */
GPtrArray *
ed_staff_warnings_list (EdContext      *context,
                        const char     *election,
                        EdStationPlan  *plan,
                        GError        **error)
{
  g_autoptr(EdElection) loaded = NULL;
  g_autoptr(GPtrArray) polls = NULL;
  g_autoptr(GPtrArray) appointments = NULL;
  g_autoptr(EdStationPlan) own_plan = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) warnings =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_warning_free);
  Check check;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  loaded = ed_election_load (context, election, error);
  if (loaded == NULL)
    return NULL;
  polls = ed_election_load_combination (context, loaded, error);
  if (polls == NULL)
    return NULL;
  appointments = ed_staff_appointment_list (context, loaded->id, ED_STAFF_APPOINTMENT_BY_STATION,
                                            error);
  if (appointments == NULL)
    return NULL;
  if (plan == NULL)
    {
      own_plan = ed_station_plan_compute (context, error);
      if (own_plan == NULL)
        return NULL;
      plan = own_plan;
    }
  names = _ed_staff_appointment_person_names (context, error);
  if (names == NULL)
    return NULL;
  for (guint i = 0; i < plan->stations->len; i++)
    {
      EdPlanStation *station = g_ptr_array_index (plan->stations, i);

      g_hash_table_insert (codes, station->id, station->code);
    }

  check = (Check) {
    .context = context,
    .election = loaded,
    .polls = polls,
    .appointments = appointments,
    .plan = plan,
    .names = names,
    .codes = codes,
    .warnings = warnings,
  };
  if (!check_twice_on_one_day (&check, error) || !check_training (&check, error) ||
      !check_stations (&check, error) || !check_roles_held (&check, error) ||
      !check_availability (&check, error))
    return NULL;
  /* Stable: within a kind, the order the check found them in. */
  g_ptr_array_sort (warnings, compare_kinds);
  return g_steal_pointer (&warnings);
}
