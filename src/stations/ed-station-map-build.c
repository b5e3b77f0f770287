/* ed-station-map-build.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A station map of one polling district, or of them all, read from the district: the
 * properties from the register's public API, the places, stations and their coverage from
 * the module's own tables. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "district/ed-district-settings.h"
#include "register/ed-register-find.h"
#include "register/ed-register-locations.h"
#include "register/ed-register-search.h"
#include "stations/ed-station-assignment.h"
#include "stations/ed-station-map.h"

static const char places_sql[] =
  "SELECT id, name, easting, northing, polling_district FROM polling_place ORDER BY name, id";

static const char stations_sql[] =
  "SELECT id, code, name, place FROM polling_station ORDER BY id";

static const char coverage_sql[] =
  "SELECT station, polling_district, street FROM station_coverage ORDER BY id";

typedef struct
{
  char   *id;
  char   *code;
  char   *name;
  char   *place_id;
  char   *sort_key;
  guint   n_properties;
  gboolean covers_district;  /* a coverage row names the district mapped */
} StationRow;

typedef struct
{
  char   *id;
  char   *name;
  double  easting;
  double  northing;
  char   *polling_district;
} PlaceRow;

typedef struct
{
  double easting;
  double northing;
  int    district;
  int    station;   /* index into the sorted station rows, or ED_STATION_MAP_NONE */
} PropertyRow;

typedef struct
{
  GPtrArray  *stations;      /* StationRow, in code order */
  GHashTable *station_index; /* station id → index + 1 */
  EdStationAssignment *assignment; /* the module's rules: override, street, district */
  GHashTable *district_index; /* polling district id → map index + 1 */
  GArray     *properties;    /* PropertyRow */
  const char *district_id;   /* the district mapped, or NULL for all */
} Reader;

static void
station_row_free (StationRow *row)
{
  g_free (row->id);
  g_free (row->code);
  g_free (row->name);
  g_free (row->place_id);
  g_free (row->sort_key);
  g_free (row);
}

static void
place_row_free (PlaceRow *row)
{
  g_free (row->id);
  g_free (row->name);
  g_free (row->polling_district);
  g_free (row);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Codes in the order a person counts them: AB2 before AB10. */
static int
compare_stations (gconstpointer a,
                  gconstpointer b)
{
  const StationRow *x = *(const StationRow **)a, *y = *(const StationRow **)b;
  int order = strcmp (x->sort_key, y->sort_key);

  return order != 0 ? order : strcmp (x->id, y->id);
}

static gboolean
read_station (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GPtrArray *stations = user_data;
  StationRow *row = g_new0 (StationRow, 1);

  row->id = g_strdup (column_text (stmt, 0));
  row->code = g_strdup (column_text (stmt, 1));
  row->name = g_strdup (column_text (stmt, 2));
  row->place_id = g_strdup (column_text (stmt, 3));
  row->sort_key = g_utf8_collate_key_for_filename (row->code, -1);
  g_ptr_array_add (stations, row);
  return TRUE;
}

static gboolean
read_place (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  GPtrArray *places = user_data;
  PlaceRow *row = g_new0 (PlaceRow, 1);

  row->id = g_strdup (column_text (stmt, 0));
  row->name = g_strdup (column_text (stmt, 1));
  row->easting = sqlite3_column_int64 (stmt, 2);
  row->northing = sqlite3_column_int64 (stmt, 3);
  row->polling_district = g_strdup (column_text (stmt, 4));
  g_ptr_array_add (places, row);
  return TRUE;
}

static gboolean
read_coverage (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  Reader *reader = user_data;
  guint station = GPOINTER_TO_UINT (g_hash_table_lookup (reader->station_index,
                                                         column_text (stmt, 0)));
  const char *district = column_text (stmt, 1);

  if (station == 0)
    return TRUE;
  if (reader->district_id != NULL && g_str_equal (district, reader->district_id))
    ((StationRow *)g_ptr_array_index (reader->stations, station - 1))->covers_district = TRUE;
  return TRUE;
}

/* The station the module's rules give a property (ed-station-assignment.h), the same the
 * polling plan and the poll cards use, as an index into the sorted station rows. */
static int
assign_station (Reader                   *reader,
                const EdPropertyLocation *location)
{
  const char *station = ed_station_assignment_for_property (reader->assignment, location->id,
                                                            location->polling_district,
                                                            location->street, NULL);
  guint index = station != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (reader->station_index,
                                                                         station))
                                : 0;

  return index != 0 ? (int)index - 1 : ED_STATION_MAP_NONE;
}

static gboolean
read_property (const EdPropertyLocation *location,
               gpointer                  user_data)
{
  Reader *reader = user_data;
  guint district = GPOINTER_TO_UINT (g_hash_table_lookup (reader->district_index,
                                                          location->polling_district));
  PropertyRow row = {
    .easting = location->easting,
    .northing = location->northing,
    .district = (int)district - 1,
    .station = assign_station (reader, location),
  };

  if (row.station != ED_STATION_MAP_NONE)
    ((StationRow *)g_ptr_array_index (reader->stations, row.station))->n_properties++;
  g_array_append_val (reader->properties, row);
  return TRUE;
}

static gboolean
read_rows (EdDatabase         *database,
           const char         *sql,
           EdDatabaseRowFunc   func,
           gpointer            user_data,
           GError            **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);

  return stmt != NULL && ed_database_step_rows (database, stmt, func, user_data, error);
}

static char *
subtitle_text (EdContext *context)
{
  const char *council = ed_district_settings_get_council_name (ed_context_get_settings (context));
  g_autofree char *today = NULL;
  GDate date;

  ed_today (&date);
  today = ed_date_format_long (&date);
  if (council == NULL || council[0] == '\0')
    /* Translators: the line under a map's title; %s is a date */
    return g_strdup_printf (_("Drawn %s"), today);
  /* Translators: the line under a map's title: the council, then the date */
  return g_strdup_printf (_("%s · drawn %s"), council, today);
}

/**
 * ed_station_map_new_from_district:
 * @context: the district
 * @district_code: (nullable): a polling district's code, or %NULL for every district
 * @error: return location for an error
 *
 * Reads a finished map of one polling district (its properties, the stations that serve
 * them or its coverage, and the places of those stations and those standing in it) or of
 * every district.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set (an unknown code
 *   is %ED_CHANGE_ERROR_NO_SUCH_ROW)
 */
EdStationMap *
ed_station_map_new_from_district (EdContext   *context,
                                  const char  *district_code,
                                  GError     **error)
{
  EdDatabase *database;
  g_autofree char *district_id = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify)place_row_free);
  g_autoptr(GHashTable) place_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *station_map_index = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(EdStationMap) map = NULL;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = ed_context_get_database (context);
  districts = ed_register_polling_districts (context, error);
  if (districts == NULL)
    return NULL;
  if (district_code != NULL)
    {
      district_id = ed_register_find_polling_district (context, district_code, error);
      if (district_id == NULL)
        return NULL;
    }

  reader.stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_row_free);
  reader.station_index = g_hash_table_new (g_str_hash, g_str_equal);
  reader.district_index = g_hash_table_new (g_str_hash, g_str_equal);
  reader.properties = g_array_new (FALSE, FALSE, sizeof (PropertyRow));
  reader.district_id = district_id;

  for (guint i = 0; i < districts->len; i++)
    {
      EdPollingDistrictRef *ref = g_ptr_array_index (districts, i);

      if (district_id == NULL || g_str_equal (ref->id, district_id))
        {
          g_autofree char *title = NULL;

          if (map == NULL)
            {
              if (district_id != NULL)
                /* Translators: a map's title: a polling district's code and name */
                title = g_strdup_printf (_("Polling District %s, %s: Polling Stations"),
                                         ref->code, ref->name);
              map = ed_station_map_new (title != NULL ? title
                                                      : _("Polling Districts and Stations"));
            }
          g_hash_table_insert (reader.district_index, ref->id,
                               GUINT_TO_POINTER (ed_station_map_add_district (map, ref->code,
                                                                              ref->name) + 1));
        }
    }
  if (map == NULL)
    map = ed_station_map_new (_("Polling Districts and Stations"));

  ok = read_rows (database, stations_sql, read_station, reader.stations, error);
  if (ok)
    {
      g_ptr_array_sort (reader.stations, compare_stations);
      for (guint i = 0; i < reader.stations->len; i++)
        g_hash_table_insert (reader.station_index,
                             ((StationRow *)g_ptr_array_index (reader.stations, i))->id,
                             GUINT_TO_POINTER (i + 1));
      reader.assignment = ed_station_assignment_load (context, error);
      ok = reader.assignment != NULL &&
           read_rows (database, coverage_sql, read_coverage, &reader, error) &&
           read_rows (database, places_sql, read_place, places, error) &&
           ed_register_foreach_property_location (context, district_id, read_property,
                                                  &reader, error);
    }

  if (ok)
    {
      /* The stations mapped: every one for the whole council; for one district, those
       * that serve its properties or cover it. Their places, and the places standing in
       * the district. */
      station_map_index = g_new (int, reader.stations->len + 1);
      for (guint i = 0; i < places->len; i++)
        {
          PlaceRow *place = g_ptr_array_index (places, i);
          gboolean wanted = district_id == NULL ||
                            g_str_equal (place->polling_district, district_id);

          for (guint s = 0; !wanted && s < reader.stations->len; s++)
            {
              StationRow *station = g_ptr_array_index (reader.stations, s);

              wanted = (station->n_properties > 0 || station->covers_district) &&
                       g_str_equal (station->place_id, place->id);
            }
          if (wanted)
            g_hash_table_insert (place_index, place->id,
                                 GINT_TO_POINTER (ed_station_map_add_place (map, place->name,
                                                                            place->easting,
                                                                            place->northing)
                                                  + 1));
        }
      for (guint s = 0; s < reader.stations->len; s++)
        {
          StationRow *station = g_ptr_array_index (reader.stations, s);
          int place = GPOINTER_TO_INT (g_hash_table_lookup (place_index, station->place_id));

          station_map_index[s] = ED_STATION_MAP_NONE;
          if (district_id == NULL || station->n_properties > 0 || station->covers_district)
            station_map_index[s] = ed_station_map_add_station (map, station->code,
                                                               station->name, place - 1);
        }
      for (guint i = 0; i < reader.properties->len; i++)
        {
          PropertyRow *row = &g_array_index (reader.properties, PropertyRow, i);

          ed_station_map_add_property (map, row->easting, row->northing, row->district,
                                       row->station == ED_STATION_MAP_NONE
                                         ? ED_STATION_MAP_NONE
                                         : station_map_index[row->station]);
        }
      subtitle = subtitle_text (context);
      ed_station_map_set_subtitle (map, subtitle);
      ed_station_map_finish (map);
    }

  g_ptr_array_unref (reader.stations);
  g_hash_table_unref (reader.station_index);
  g_clear_pointer (&reader.assignment, ed_station_assignment_free);
  g_hash_table_unref (reader.district_index);
  g_array_unref (reader.properties);
  return ok ? g_steal_pointer (&map) : NULL;
}

typedef struct
{
  char         *district_code;
  EdStationMap *map;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->district_code);
  g_clear_pointer (&job->map, ed_station_map_unref);
  g_free (job);
}

static gboolean
read_map_work (EdJob         *job,
               GObject       *connection,
               gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  ReadJob *data = task_data;

  data->map = ed_station_map_new_from_district (ED_CONTEXT (connection), data->district_code,
                                                error);
  return data->map != NULL;
}

/**
 * ed_station_map_new_from_district_async:
 * @context: the district
 * @district_code: (nullable): a polling district's code, or %NULL for every district
 * @cancellable: (nullable): to stop reading
 * @callback: called with the map read, with the job as its source object
 * @user_data: data for @callback
 *
 * Reads the map as ed_station_map_new_from_district() does, in a job on its own connection,
 * so that a window stays responsive while a large district is read and its outlines traced.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_station_map_new_from_district_async (EdContext           *context,
                                        const char          *district_code,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  ReadJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  data = g_new0 (ReadJob, 1);
  data->district_code = g_strdup (district_code);
  return ed_context_run_job_async (context, read_map_work, data, read_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_station_map_new_from_district_finish:
 * @job: the job ed_station_map_new_from_district_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
EdStationMap *
ed_station_map_new_from_district_finish (EdJob         *job,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  ReadJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->map);
}
