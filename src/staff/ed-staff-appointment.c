/* ed-staff-appointment.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Appointments: a person appointed to a role at a place for an election (DOMAIN.md §4.1),
 * and how far each has gone, from the invitation to the day worked. Each write is one change
 * set. The lists are in ed-staff-appointment-list.c, the bulk invitation in
 * ed-staff-appointment-invite.c and the warnings in ed-staff-warnings.c. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "register/ed-register-tables.h"
#include "staff/ed-staff-appointment-private.h"
#include "staff/ed-staff-tables.h"
#include "stations/ed-polling-station.h"

#define COL(x) (1 + ED_STAFF_APPOINTMENT_COL_##x)

void
ed_staff_appointment_free (EdStaffAppointment *appointment)
{
  if (appointment == NULL)
    return;
  g_free (appointment->id);
  g_free (appointment->election);
  g_free (appointment->person);
  g_free (appointment->station);
  g_free (appointment->session);
  g_free (appointment->start_time);
  g_free (appointment->end_time);
  g_free (appointment->note);
  g_free (appointment);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* A stored date, cleared for "" (and for anything else that is not one: the merge keeps
 * dates well formed, so only a hand-edited file holds such). */
static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *out)
{
  const char *text = column_text (stmt, column);

  g_date_clear (out, 1);
  if (*text != '\0' && !ed_date_parse_iso (text, out, NULL))
    g_date_clear (out, 1);
}

EdStaffAppointment *
_ed_staff_appointment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(EdStaffAppointment) appointment = g_new0 (EdStaffAppointment, 1);

  /* A role, place or state this version does not know is a newer desk's: the row is left out
   * rather than shown as something it is not. */
  if (!ed_staff_role_from_string (column_text (stmt, COL (ROLE)), &appointment->role, NULL) ||
      !ed_staff_place_from_string (column_text (stmt, COL (PLACE_KIND)),
                                   &appointment->place_kind, NULL) ||
      !ed_appointment_state_from_string (column_text (stmt, COL (STATE)), &appointment->state,
                                         NULL))
    {
      g_debug ("Appointment %s left out: a role, place or state not known",
               column_text (stmt, 0));
      return NULL;
    }
  appointment->id = g_strdup (column_text (stmt, 0));
  appointment->election = g_strdup (column_text (stmt, COL (ELECTION)));
  appointment->person = g_strdup (column_text (stmt, COL (PERSON)));
  appointment->station = g_strdup (column_text (stmt, COL (STATION)));
  appointment->session = g_strdup (column_text (stmt, COL (SESSION)));
  column_date (stmt, COL (WORK_DATE), &appointment->work_date);
  appointment->start_time = g_strdup (column_text (stmt, COL (START_TIME)));
  appointment->end_time = g_strdup (column_text (stmt, COL (END_TIME)));
  appointment->minutes = sqlite3_column_int64 (stmt, COL (MINUTES));
  appointment->enhanced_minutes = sqlite3_column_int64 (stmt, COL (ENHANCED_MINUTES));
  appointment->units = sqlite3_column_int64 (stmt, COL (UNITS));
  column_date (stmt, COL (STATE_CHANGED_ON), &appointment->state_changed_on);
  appointment->note = g_strdup (column_text (stmt, COL (NOTE)));
  return g_steal_pointer (&appointment);
}

/* Every appointment @sql finds, with @key bound to its first parameter. */
GPtrArray *
_ed_staff_appointment_read (EdDatabase  *database,
                            const char  *sql,
                            const char  *key,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  g_autoptr(GPtrArray) appointments =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_appointment_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStaffAppointment *appointment = _ed_staff_appointment_from_row (stmt);

      if (appointment != NULL)
        g_ptr_array_add (appointments, appointment);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&appointments);
}

static const char names_sql[] = "SELECT id, given_names, family_name FROM staff_person";

/* Each person's name as a sentence gives it, "Given Family", by row id. */
GHashTable *
_ed_staff_appointment_person_names (EdContext  *context,
                                    GError    **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, names_sql, error);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *given = column_text (stmt, 1);
      const char *family = column_text (stmt, 2);
      char *name;

      if (*given != '\0' && *family != '\0')
        /* Translators: a person's name in a sentence: %1$s the given names, %2$s the family
         * name */
        name = g_strdup_printf (C_("person name", "%1$s %2$s"), given, family);
      else
        name = g_strdup (*family != '\0' ? family : given);
      g_hash_table_insert (names, g_strdup (column_text (stmt, 0)), name);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static const char unavailable_sql[] =
  "SELECT person FROM staff_availability WHERE election = ?1 AND availability = ?2";

/* The people marked unavailable for any of @polls (element-type EdElection), as a set of row
 * ids. A person unavailable for one poll of a combination cannot work its polling day for the
 * others; and two desks' rows for one person count as unavailable if either says so. */
GHashTable *
_ed_staff_appointment_unavailable (EdContext  *context,
                                   GPtrArray  *polls,
                                   GError    **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, unavailable_sql, error);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < polls->len; i++)
    {
      EdElection *poll = g_ptr_array_index (polls, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, poll->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, ed_availability_to_string (ED_AVAILABILITY_UNAVAILABLE), -1,
                         SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (people, g_strdup (column_text (stmt, 0)));
      if (rc != SQLITE_DONE)
        {
          ed_database_set_error (database, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&people);
}

/* Whether @station is a polling station of the plan, through the stations module's API. */
gboolean
_ed_staff_appointment_station_exists (EdContext   *context,
                                      const char  *station,
                                      gboolean    *out_exists,
                                      GError     **error)
{
  g_autoptr(EdStationEdit) edit = NULL;
  g_autoptr(GError) local_error = NULL;

  edit = ed_station_edit_load (context, station, &local_error);
  if (edit != NULL)
    {
      *out_exists = TRUE;
      return TRUE;
    }
  if (g_error_matches (local_error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW))
    {
      *out_exists = FALSE;
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
set_gone_error (GError **error)
{
  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
               _("The appointment is no longer in the district (deleted on another desk?)."));
}

static const char load_sql[] =
  "SELECT " _ED_STAFF_APPOINTMENT_COLUMNS " FROM staff_appointment AS a WHERE a.id = ?1";

/**
 * ed_staff_appointment_load:
 * @context: the district
 * @id: an appointment's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the appointment, or %NULL with %ED_CHANGE_ERROR_NO_SUCH_ROW when
 *   there is none
 */
EdStaffAppointment *
ed_staff_appointment_load (EdContext   *context,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = _ed_staff_appointment_read (ed_replica_get_database (ED_REPLICA (context)), load_sql,
                                      id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * ed_staff_time_parse:
 * @text: a time of day as "HH:MM", 00:00 to 23:59
 * @out_minutes: (out) (optional): the minutes since midnight
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Returns: %TRUE when @text is a time of day
 */
gboolean
ed_staff_time_parse (const char  *text,
                     guint       *out_minutes,
                     GError     **error)
{
  guint64 hours;
  guint64 minutes;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("expected a time of day as HH:MM, such as 06:15"));
      return FALSE;
    }
  hours = (guint64)(text[0] - '0') * 10 + (guint64)(text[1] - '0');
  minutes = (guint64)(text[3] - '0') * 10 + (guint64)(text[4] - '0');
  if (hours > 23 || minutes > 59)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("expected a time of day from 00:00 to 23:59"));
      return FALSE;
    }
  if (out_minutes != NULL)
    *out_minutes = (guint)(hours * 60 + minutes);
  return TRUE;
}

/* The field's name leads each message, so a form or a command can say which one is wrong. */
static gboolean
check_time (const char  *text,
            const char  *field,
            GError     **error)
{
  if (text == NULL || *text == '\0' || ed_staff_time_parse (text, NULL, error))
    return TRUE;
  g_prefix_error (error, "%s: ", field);
  return FALSE;
}

static gboolean
check_minutes (gint64       minutes,
               const char  *field,
               GError     **error)
{
  if (minutes >= 0 && minutes <= ED_STAFF_MAX_MINUTES)
    return TRUE;
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
               /* Translators: %s is the field, %d the most minutes in a day */
               _("%s: expected from 0 to %d minutes"), field, ED_STAFF_MAX_MINUTES);
  return FALSE;
}

static gboolean
check_hours (const char  *start_time,
             const char  *end_time,
             gint64       minutes,
             gint64       enhanced_minutes,
             GError     **error)
{
  if (!check_time (start_time, _("Start time"), error) ||
      !check_time (end_time, _("End time"), error) ||
      !check_minutes (minutes, _("Minutes"), error) ||
      !check_minutes (enhanced_minutes, _("Enhanced minutes"), error))
    return FALSE;
  if (minutes + enhanced_minutes > ED_STAFF_MAX_MINUTES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Minutes: the ordinary and enhanced minutes come to more than a day"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (const char  *text,
            guint        max_chars,
            const char  *field,
            GError     **error)
{
  if (text == NULL || ed_register_text_check (text, max_chars, error))
    return TRUE;
  g_prefix_error (error, "%s: ", field);
  return FALSE;
}

static const char person_sql[] = "SELECT 1 FROM staff_person WHERE id = ?1";

static gboolean
check_person (EdContext   *context,
              const char  *person,
              GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, person_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("Person: no one on the staff list has that id (deleted on another desk?)"));
  else
    ed_database_set_error (database, rc, error);
  return FALSE;
}

/* A station appointment names a station of the plan, or none yet; the other places name a
 * session instead. */
static gboolean
check_place (EdContext                    *context,
             const EdStaffAppointmentNew  *details,
             GError                      **error)
{
  const char *station = details->station != NULL ? details->station : "";
  const char *session = details->session != NULL ? details->session : "";
  gboolean exists;

  if ((guint)details->place_kind >= ED_N_STAFF_PLACES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("Place: not a place"));
      return FALSE;
    }
  if (details->place_kind != ED_STAFF_PLACE_STATION)
    {
      if (*station != '\0')
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("Station: only an appointment at a polling station names one"));
          return FALSE;
        }
      return check_text (session, ED_STAFF_SESSION_MAX_CHARS, _("Session"), error);
    }
  if (*session != '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("Session: an appointment at a polling station has none; the count and "
                     "postal vote opening have sessions"));
      return FALSE;
    }
  if (*station == '\0')
    return TRUE;
  if (!_ed_staff_appointment_station_exists (context, station, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Station: not a polling station of the plan (deleted on another desk?)"));
      return FALSE;
    }
  return TRUE;
}

static const char * const new_columns[] = {
  "election", "person", "role", "place_kind", "station", "session", "work_date",
  "start_time", "end_time", "minutes", "enhanced_minutes", "units", "state",
  "state_changed_on", "note",
};

/* Writes a new appointment of @election_id (a row id), invited today, into @change_set; its
 * details are checked already. */
gboolean
_ed_staff_appointment_insert (EdChangeSet                  *change_set,
                              const char                   *election_id,
                              const EdStaffAppointmentNew  *details,
                              char                        **out_id,
                              GError                      **error)
{
  g_autofree char *work_date = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  work_date = details->work_date != NULL && g_date_valid (details->work_date)
                ? ed_date_format_iso (details->work_date) : g_strdup ("");
  ed_today (&today);
  today_text = ed_date_format_iso (&today);
  {
    GVariant *values[] = {
      g_variant_new_string (election_id),
      g_variant_new_string (details->person),
      g_variant_new_string (ed_staff_role_to_string (details->role)),
      g_variant_new_string (ed_staff_place_to_string (details->place_kind)),
      g_variant_new_string (details->station != NULL ? details->station : ""),
      g_variant_new_string (details->session != NULL ? details->session : ""),
      g_variant_new_string (work_date),
      g_variant_new_string (details->start_time != NULL ? details->start_time : ""),
      g_variant_new_string (details->end_time != NULL ? details->end_time : ""),
      g_variant_new_int64 (details->minutes),
      g_variant_new_int64 (details->enhanced_minutes),
      g_variant_new_int64 (details->units),
      g_variant_new_string (ed_appointment_state_to_string (ED_APPOINTMENT_INVITED)),
      g_variant_new_string (today_text),
      g_variant_new_string (details->note != NULL ? details->note : ""),
    };
    G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (new_columns));

    return ed_change_set_insert (change_set, ed_staff_appointment_table.name, NULL, new_columns,
                                 values, G_N_ELEMENTS (values), out_id, error);
  }
}

/**
 * ed_staff_appointment_add:
 * @context: the district
 * @details: the appointment
 * @error: return location for an error
 *
 * Appoints a person, in the state %ED_APPOINTMENT_INVITED as of today, in one change set.
 * What the appointment may clash with (the same person elsewhere that day, training, the
 * person's roles and availability) is not refused here: ed_staff_warnings_list() reports it,
 * since an office often appoints first and sorts the rest out after.
 *
 * Returns: (transfer full): the new appointment's row id, or %NULL
 */
char *
ed_staff_appointment_add (EdContext                    *context,
                          const EdStaffAppointmentNew  *details,
                          GError                      **error)
{
  g_autoptr(EdElection) election = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (details != NULL, NULL);
  g_return_val_if_fail (details->election != NULL, NULL);
  g_return_val_if_fail (details->person != NULL, NULL);

  if ((guint)details->role >= ED_N_STAFF_ROLES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("Role: not a role"));
      return NULL;
    }
  election = ed_election_load (context, details->election, error);
  if (election == NULL || !check_person (context, details->person, error) ||
      !check_place (context, details, error) ||
      !check_hours (details->start_time, details->end_time, details->minutes,
                    details->enhanced_minutes, error) ||
      !check_text (details->note, ED_STAFF_NOTE_MAX_CHARS, _("Note"), error))
    return NULL;
  if (details->units < 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Units: expected a number of units, 0 or more"));
      return NULL;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL ||
      !_ed_staff_appointment_insert (change_set, election->id, details, &id, error) ||
      !ed_change_set_commit (change_set, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* The steps an appointment may take: forward along the way it goes (DOMAIN.md §4: invited,
 * then accepted or declined, then confirmed, then attended or not; an accepted person may
 * still decline), and back along any one of those steps, to correct a slip. A confirmed person
 * who withdraws is set back to accepted and then declined, so the record shows both. */
static const struct
{
  EdAppointmentState from;
  EdAppointmentState to;
} forward_steps[] = {
  { ED_APPOINTMENT_INVITED, ED_APPOINTMENT_ACCEPTED },
  { ED_APPOINTMENT_INVITED, ED_APPOINTMENT_DECLINED },
  { ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_CONFIRMED },
  { ED_APPOINTMENT_ACCEPTED, ED_APPOINTMENT_DECLINED },
  { ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_ATTENDED },
  { ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_DID_NOT_ATTEND },
  /* Someone who has had their letter can still withdraw before the day, and often does. */
  { ED_APPOINTMENT_CONFIRMED, ED_APPOINTMENT_DECLINED },
};

/* For the message when a step is refused: where each state may go. */
static const char * const next_steps[] = {
  [ED_APPOINTMENT_INVITED] =
    N_("An invited appointment can be accepted or declined."),
  [ED_APPOINTMENT_ACCEPTED] =
    N_("An accepted appointment can be confirmed or declined, or set back to invited."),
  [ED_APPOINTMENT_DECLINED] =
    N_("A declined appointment can only be set back to invited, accepted or confirmed, to "
       "correct a mistake."),
  [ED_APPOINTMENT_CONFIRMED] =
    N_("A confirmed appointment can be marked attended or did not attend, declined when the "
       "person withdraws, or set back to accepted."),
  [ED_APPOINTMENT_ATTENDED] =
    N_("An attended appointment can only be set back to confirmed, to correct a mistake."),
  [ED_APPOINTMENT_DID_NOT_ATTEND] =
    N_("An appointment marked did not attend can only be set back to confirmed, to correct a "
       "mistake."),
};
G_STATIC_ASSERT (G_N_ELEMENTS (next_steps) == ED_N_APPOINTMENT_STATES);

/**
 * ed_appointment_state_can_change:
 * @from: an appointment's state
 * @to: the state asked for
 *
 * Whether an appointment may go from @from to @to: invited → accepted or declined; accepted →
 * confirmed or declined; confirmed → attended, did not attend or declined (a withdrawal after
 * the letter); and back along any one of those steps, to correct a mistake (accepted →
 * invited, declined → invited, accepted or confirmed, confirmed → accepted, attended or did
 * not attend → confirmed).
 *
 * Returns: %TRUE when the step is allowed; %FALSE for any other, and for @from itself
 */
gboolean
ed_appointment_state_can_change (EdAppointmentState from,
                                 EdAppointmentState to)
{
  for (guint i = 0; i < G_N_ELEMENTS (forward_steps); i++)
    if ((forward_steps[i].from == from && forward_steps[i].to == to) ||
        (forward_steps[i].from == to && forward_steps[i].to == from))
      return TRUE;
  return FALSE;
}

/**
 * ed_appointment_state_is_active:
 * @state: an appointment's state
 *
 * Returns: %FALSE for an appointment that will not be or was not worked (declined, did not
 *   attend), which counts towards no station's staff and raises no warning
 */
gboolean
ed_appointment_state_is_active (EdAppointmentState state)
{
  return state != ED_APPOINTMENT_DECLINED && state != ED_APPOINTMENT_DID_NOT_ATTEND;
}

/**
 * ed_staff_appointment_get_work_day:
 * @appointment: an appointment
 * @polling_day: its election's polling day
 * @out_day: (out caller-allocates): the day it is worked
 *
 * An appointment with no work date is worked on polling day.
 */
void
ed_staff_appointment_get_work_day (const EdStaffAppointment *appointment,
                                   const GDate              *polling_day,
                                   GDate                    *out_day)
{
  g_return_if_fail (appointment != NULL && polling_day != NULL && out_day != NULL);

  *out_day = g_date_valid (&appointment->work_date) ? appointment->work_date : *polling_day;
}

/**
 * ed_staff_appointment_set_state:
 * @context: the district
 * @id: an appointment's row id
 * @state: the state it goes to
 * @error: return location for an error
 *
 * Moves an appointment on a step (ed_appointment_state_can_change()) and records today as the
 * day it changed. Setting the state it is in already changes nothing. Attendance is refused
 * before the day worked, since it is what the payroll pays.
 *
 * Returns: %TRUE on success; %FALSE with %ED_VALUE_ERROR_INVALID and the appointment unchanged
 *   for a step not allowed
 */
gboolean
ed_staff_appointment_set_state (EdContext           *context,
                                const char          *id,
                                EdAppointmentState   state,
                                GError             **error)
{
  g_autoptr(EdStaffAppointment) appointment = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *today_text = NULL;
  GDate today;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail ((guint)state < ED_N_APPOINTMENT_STATES, FALSE);

  appointment = ed_staff_appointment_load (context, id, error);
  if (appointment == NULL)
    return FALSE;
  if (appointment->state == state)
    return TRUE;
  if (!ed_appointment_state_can_change (appointment->state, state))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %1$s and %2$s are states ("Invited", "Attended"); %3$s is a
                    * sentence saying where the first may go */
                   _("The appointment cannot go from “%1$s” to “%2$s”. %3$s"),
                   ed_appointment_state_get_display_name (appointment->state),
                   ed_appointment_state_get_display_name (state),
                   _(next_steps[appointment->state]));
      return FALSE;
    }
  ed_today (&today);
  if (state == ED_APPOINTMENT_ATTENDED || state == ED_APPOINTMENT_DID_NOT_ATTEND)
    {
      g_autoptr(EdElection) election = ed_election_load (context, appointment->election, error);
      GDate day;

      if (election == NULL)
        return FALSE;
      ed_staff_appointment_get_work_day (appointment, &election->poll, &day);
      if (g_date_compare (&today, &day) < 0)
        {
          g_autofree char *day_text = ed_date_format_long (&day);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is a date, "Thursday 6 May 2027" */
                       _("Attendance is recorded on or after the day worked, %s."), day_text);
          return FALSE;
        }
    }
  today_text = ed_date_format_iso (&today);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         ed_change_set_set (change_set, ed_staff_appointment_table.name, id, "state",
                            g_variant_new_string (ed_appointment_state_to_string (state)),
                            error) &&
         ed_change_set_set (change_set, ed_staff_appointment_table.name, id,
                            "state_changed_on", g_variant_new_string (today_text), error) &&
         ed_change_set_commit (change_set, error);
}

/**
 * ed_staff_appointment_update_hours:
 * @context: the district
 * @id: an appointment's row id
 * @start_time: (nullable): "HH:MM", "" for none, or %NULL to leave it
 * @end_time: (nullable): "HH:MM", "" for none, or %NULL to leave it
 * @minutes: minutes paid at the ordinary rate
 * @enhanced_minutes: minutes paid at the enhanced rate
 * @error: return location for an error
 *
 * Records the hours of an appointment, planned or worked, in one change set; only the fields
 * that change are written.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_staff_appointment_update_hours (EdContext   *context,
                                   const char  *id,
                                   const char  *start_time,
                                   const char  *end_time,
                                   gint64       minutes,
                                   gint64       enhanced_minutes,
                                   GError     **error)
{
  g_autoptr(EdStaffAppointment) appointment = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  const char *table = ed_staff_appointment_table.name;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_hours (start_time, end_time, minutes, enhanced_minutes, error))
    return FALSE;
  appointment = ed_staff_appointment_load (context, id, error);
  if (appointment == NULL)
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         (start_time == NULL ||
          ed_change_set_set (change_set, table, id, "start_time",
                             g_variant_new_string (start_time), error)) &&
         (end_time == NULL ||
          ed_change_set_set (change_set, table, id, "end_time", g_variant_new_string (end_time),
                             error)) &&
         ed_change_set_set (change_set, table, id, "minutes", g_variant_new_int64 (minutes),
                            error) &&
         ed_change_set_set (change_set, table, id, "enhanced_minutes",
                            g_variant_new_int64 (enhanced_minutes), error) &&
         ed_change_set_commit (change_set, error);
}

static const char paid_sql[] = "SELECT 1 FROM pay_line WHERE appointment = ?1 LIMIT 1";
static const char claims_sql[] =
  "SELECT 'staff_journey', id FROM staff_journey WHERE appointment = ?1 "
  "UNION ALL SELECT 'staff_expense', id FROM staff_expense WHERE appointment = ?1";

/**
 * ed_staff_appointment_remove:
 * @context: the district
 * @id: an appointment's row id
 * @error: return location for an error
 *
 * Removes an appointment made in error, with the journeys and expenses claimed for it, in one
 * change set. One an approved payroll run has paid is refused: the run is a ledger (SYNC.md
 * §4.10), so the appointment stays and is corrected by a later run.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_staff_appointment_remove (EdContext   *context,
                             const char  *id,
                             GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EdStaffAppointment) appointment = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  appointment = ed_staff_appointment_load (context, id, error);
  if (appointment == NULL)
    return FALSE;
  stmt = ed_database_prepare (database, paid_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The appointment is paid in an approved payroll run, so it stays; a "
                     "later run corrects it."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = ed_database_prepare (database, claims_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, g_strdup (column_text (stmt, 0)));
      g_ptr_array_add (rows, g_strdup (column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  for (guint i = 0; i + 1 < rows->len; i += 2)
    if (!ed_change_set_delete (change_set, g_ptr_array_index (rows, i),
                               g_ptr_array_index (rows, i + 1), error))
      return FALSE;
  return ed_change_set_delete (change_set, ed_staff_appointment_table.name, id, error) &&
         ed_change_set_commit (change_set, error);
}
