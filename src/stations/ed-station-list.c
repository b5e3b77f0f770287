/* ed-station-list.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The district's polling places and the stations in each, for lists: the command line's
 * `stations list` and the page's. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include "core/ed-database.h"
#include "register/ed-register-find.h"
#include "stations/ed-station-list.h"

static const char places_sql[] =
  "SELECT p.id, p.name, p.address, p.postcode, p.easting, p.northing, p.polling_district, "
  "  p.booking_state, p.hire_fee, p.caretaker, p.booking_contact, "
  "  (SELECT count(*) FROM place_access_issue AS i "
  "   WHERE i.place = p.id AND i.resolved_on = ''), p.poll_card_note "
  "FROM polling_place AS p ORDER BY p.name, p.id";
static const char stations_sql[] =
  "SELECT id, place, code, name, presiding_officers, poll_clerks FROM polling_station "
  "ORDER BY code, id";

static void
station_summary_free (EdListedStation *station)
{
  g_free (station->id);
  g_free (station->code);
  g_free (station->name);
  g_free (station);
}

static void
place_summary_free (EdListedPlace *place)
{
  g_free (place->id);
  g_free (place->name);
  g_free (place->address);
  g_free (place->postcode);
  g_free (place->polling_district);
  g_free (place->polling_district_code);
  g_free (place->caretaker);
  g_free (place->booking_contact);
  g_free (place->poll_card_note);
  g_clear_pointer (&place->stations, g_ptr_array_unref);
  g_free (place);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

typedef struct
{
  EdContext  *context;
  GPtrArray  *places;
  GHashTable *by_id;
} Reader;

static gboolean
read_place (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  Reader *reader = user_data;
  EdListedPlace *place = g_new0 (EdListedPlace, 1);
  char *code;

  place->id = column_text (stmt, 0);
  place->name = column_text (stmt, 1);
  place->address = column_text (stmt, 2);
  place->postcode = column_text (stmt, 3);
  place->easting = sqlite3_column_int64 (stmt, 4);
  place->northing = sqlite3_column_int64 (stmt, 5);
  place->polling_district = column_text (stmt, 6);
  if (!ed_booking_state_from_string ((const char *)sqlite3_column_text (stmt, 7),
                                     &place->booking_state, NULL))
    place->booking_state = ED_BOOKING_PROVISIONAL;
  place->hire_fee = sqlite3_column_int64 (stmt, 8);
  place->caretaker = column_text (stmt, 9);
  place->booking_contact = column_text (stmt, 10);
  place->open_access_issues = (guint)sqlite3_column_int64 (stmt, 11);
  place->poll_card_note = column_text (stmt, 12);
  place->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_summary_free);
  /* Through the register's API: a polling district is the register's. */
  code = *place->polling_district != '\0'
           ? ed_register_polling_district_code (reader->context, place->polling_district, NULL)
           : NULL;
  place->polling_district_code = code != NULL ? code : g_strdup ("");
  g_ptr_array_add (reader->places, place);
  g_hash_table_insert (reader->by_id, place->id, place);
  return TRUE;
}

static gboolean
read_station (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  Reader *reader = user_data;
  EdListedPlace *place = g_hash_table_lookup (reader->by_id,
                                               (const char *)sqlite3_column_text (stmt, 1));
  EdListedStation *station;

  /* A station whose place has gone is the validators' to report. */
  if (place == NULL)
    return TRUE;
  station = g_new0 (EdListedStation, 1);
  station->id = column_text (stmt, 0);
  station->code = column_text (stmt, 2);
  station->name = column_text (stmt, 3);
  station->presiding_officers = (guint)CLAMP (sqlite3_column_int64 (stmt, 4), 0, 99);
  station->poll_clerks = (guint)CLAMP (sqlite3_column_int64 (stmt, 5), 0, 99);
  g_ptr_array_add (place->stations, station);
  return TRUE;
}

/**
 * ed_stations_list_places:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdListedPlace): every polling place in name
 *   order with its stations, or %NULL on a database error
 */
GPtrArray *
ed_stations_list_places (EdContext  *context,
                         GError    **error)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) place_stmt = NULL;
  g_autoptr(sqlite3_stmt) station_stmt = NULL;
  EdDatabase *database;
  Reader reader;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  places = g_ptr_array_new_with_free_func ((GDestroyNotify)place_summary_free);
  reader = (Reader) { context, places, by_id };
  place_stmt = ed_database_prepare (database, places_sql, error);
  if (place_stmt == NULL ||
      !ed_database_step_rows (database, place_stmt, read_place, &reader, error))
    return NULL;
  station_stmt = ed_database_prepare (database, stations_sql, error);
  if (station_stmt == NULL ||
      !ed_database_step_rows (database, station_stmt, read_station, &reader, error))
    return NULL;
  return g_steal_pointer (&places);
}
