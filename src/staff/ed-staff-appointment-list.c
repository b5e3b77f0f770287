/* ed-staff-appointment-list.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An election's appointments by station, by person or by role, and a person's appointments
 * over every election. Station codes and polling days belong to the stations and elections
 * modules, so the rows are read here and put in order through those modules' APIs, never by
 * a join to their tables. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <string.h>

#include "elections/ed-election.h"
#include "staff/ed-staff-appointment-private.h"
#include "stations/ed-station-list.h"

typedef struct
{
  EdStaffAppointment *appointment;
  char               *name_key;
  const char         *station_code;  /* NULL when unplaced or not in the plan */
  GDate               day;
} Entry;

static void
entry_free (Entry *entry)
{
  ed_staff_appointment_free (entry->appointment);
  g_free (entry->name_key);
  g_free (entry);
}

static const char election_sql[] =
  "SELECT " _ED_STAFF_APPOINTMENT_COLUMNS ", p.family_name, p.given_names "
  "FROM staff_appointment AS a LEFT JOIN staff_person AS p ON p.id = a.person "
  "WHERE a.election = ?1";
static const char person_sql[] =
  "SELECT " _ED_STAFF_APPOINTMENT_COLUMNS ", p.family_name, p.given_names "
  "FROM staff_appointment AS a LEFT JOIN staff_person AS p ON p.id = a.person "
  "WHERE a.person = ?1";

/* The rows of @sql for @key, each with the key its person's name sorts by. */
static GPtrArray *
read_entries (EdContext   *context,
              const char  *sql,
              const char  *key,
              GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStaffAppointment *appointment = _ed_staff_appointment_from_row (stmt);
      const char *family =
        (const char *)sqlite3_column_text (stmt, _ED_STAFF_APPOINTMENT_N_COLUMNS);
      const char *given =
        (const char *)sqlite3_column_text (stmt, _ED_STAFF_APPOINTMENT_N_COLUMNS + 1);
      g_autofree char *name = NULL;
      Entry *entry;

      if (appointment == NULL)
        continue;
      entry = g_new0 (Entry, 1);
      entry->appointment = appointment;
      /* Family name first, and a character no name holds between, so "Lee, Ann" sorts
       * before "Leeds, Bob". */
      name = g_strdup_printf ("%s\x01%s", family != NULL ? family : "",
                              given != NULL ? given : "");
      entry->name_key = g_utf8_collate_key (name, -1);
      g_date_clear (&entry->day, 1);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static int
compare_days (const GDate *a,
              const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return (int)g_date_valid (b) - (int)g_date_valid (a);
  return g_date_compare (a, b);
}

static int
compare_names (const Entry *a,
               const Entry *b)
{
  int by = strcmp (a->name_key, b->name_key);

  return by != 0 ? by : strcmp (a->appointment->person, b->appointment->person);
}

/* The stations' own order, the plan's: by code as text. */
static int
compare_places (const Entry *a,
                const Entry *b)
{
  const EdStaffAppointment *x = a->appointment;
  const EdStaffAppointment *y = b->appointment;
  int by;

  if (x->place_kind != y->place_kind)
    return (int)x->place_kind - (int)y->place_kind;
  if ((a->station_code == NULL) != (b->station_code == NULL))
    return a->station_code == NULL ? 1 : -1;
  if (a->station_code != NULL && (by = strcmp (a->station_code, b->station_code)) != 0)
    return by;
  if ((by = strcmp (x->station, y->station)) != 0)
    return by;
  return g_utf8_collate (x->session, y->session);
}

static int
compare_by_station (gconstpointer pa,
                    gconstpointer pb)
{
  const Entry *a = *(Entry **)pa;
  const Entry *b = *(Entry **)pb;
  int by = compare_places (a, b);

  if (by == 0)
    by = (int)a->appointment->role - (int)b->appointment->role;
  if (by == 0)
    by = compare_names (a, b);
  return by != 0 ? by : strcmp (a->appointment->id, b->appointment->id);
}

static int
compare_by_person (gconstpointer pa,
                   gconstpointer pb)
{
  const Entry *a = *(Entry **)pa;
  const Entry *b = *(Entry **)pb;
  int by = compare_names (a, b);

  if (by == 0)
    by = compare_days (&a->day, &b->day);
  if (by == 0)
    by = strcmp (a->appointment->start_time, b->appointment->start_time);
  return by != 0 ? by : strcmp (a->appointment->id, b->appointment->id);
}

static int
compare_by_role (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = *(Entry **)pa;
  const Entry *b = *(Entry **)pb;
  int by = (int)a->appointment->role - (int)b->appointment->role;

  if (by == 0)
    by = compare_names (a, b);
  if (by == 0)
    by = compare_places (a, b);
  return by != 0 ? by : strcmp (a->appointment->id, b->appointment->id);
}

static int
compare_by_day (gconstpointer pa,
                gconstpointer pb)
{
  const Entry *a = *(Entry **)pa;
  const Entry *b = *(Entry **)pb;
  int by = compare_days (&a->day, &b->day);

  if (by == 0)
    by = strcmp (a->appointment->start_time, b->appointment->start_time);
  return by != 0 ? by : strcmp (a->appointment->id, b->appointment->id);
}

/* The appointments out of their entries, in the entries' order. */
static GPtrArray *
steal_appointments (GPtrArray *entries)
{
  GPtrArray *appointments =
    g_ptr_array_new_full (entries->len, (GDestroyNotify)ed_staff_appointment_free);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (appointments, g_steal_pointer (&entry->appointment));
    }
  return appointments;
}

/**
 * ed_staff_appointment_list:
 * @context: the district
 * @election: an election's row id or slug
 * @order: the order
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdStaffAppointment): the election's
 *   appointments in every state, in @order; by station, the stations in the plan's order
 *   (by code), then station appointments still to be placed or whose station has gone, then
 *   the count, postal vote opening and the office by session
 */
GPtrArray *
ed_staff_appointment_list (EdContext                *context,
                           const char               *election,
                           EdStaffAppointmentOrder   order,
                           GError                  **error)
{
  g_autoptr(EdElection) loaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GCompareFunc compare;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  loaded = ed_election_load (context, election, error);
  if (loaded == NULL)
    return NULL;
  entries = read_entries (context, election_sql, loaded->id, error);
  if (entries == NULL)
    return NULL;
  places = ed_stations_list_places (context, error);
  if (places == NULL)
    return NULL;
  for (guint i = 0; i < places->len; i++)
    {
      EdListedPlace *place = g_ptr_array_index (places, i);

      for (guint j = 0; j < place->stations->len; j++)
        {
          EdListedStation *station = g_ptr_array_index (place->stations, j);

          g_hash_table_insert (codes, station->id, station->code);
        }
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      entry->station_code = g_hash_table_lookup (codes, entry->appointment->station);
      ed_staff_appointment_get_work_day (entry->appointment, &loaded->poll, &entry->day);
    }
  switch (order)
    {
    case ED_STAFF_APPOINTMENT_BY_PERSON:
      compare = compare_by_person;
      break;
    case ED_STAFF_APPOINTMENT_BY_ROLE:
      compare = compare_by_role;
      break;
    case ED_STAFF_APPOINTMENT_BY_STATION:
    default:
      compare = compare_by_station;
      break;
    }
  g_ptr_array_sort (entries, compare);
  return steal_appointments (entries);
}

/**
 * ed_staff_appointment_list_for_person:
 * @context: the district
 * @person: a staff_person's row id
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdStaffAppointment): the person's appointments
 *   at every election, by the day worked and the start time; those of an election no longer
 *   in the district last
 */
GPtrArray *
ed_staff_appointment_list_for_person (EdContext   *context,
                                      const char  *person,
                                      GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) elections = NULL;
  g_autoptr(GHashTable) polls = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  entries = read_entries (context, person_sql, person, error);
  if (entries == NULL)
    return NULL;
  elections = ed_election_list (context, error);
  if (elections == NULL)
    return NULL;
  for (guint i = 0; i < elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (elections, i);

      g_hash_table_insert (polls, election->id, &election->poll);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      const GDate *poll = g_hash_table_lookup (polls, entry->appointment->election);

      if (poll != NULL)
        ed_staff_appointment_get_work_day (entry->appointment, poll, &entry->day);
    }
  g_ptr_array_sort (entries, compare_by_day);
  return steal_appointments (entries);
}
