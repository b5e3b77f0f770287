/* ed-stations-export.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The district's stations and the station of each address in Democracy Club's generic CSV
 * (PEERS.md §1.7), so that a council can send them to WhereDoIVote from here: an addresses
 * file (address, uprn, postcode, polling_station) and a stations file (internal_council_id,
 * address, postcode, lng, lat, districts). Each address's station is the one the district's
 * rules give it: its own exception, else its street's rule, else its district's. The two files
 * are finished before either is put in place, so that they appear together. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-grid.h"
#include "core/ed-output-file.h"
#include "stations/ed-stations-export.h"

/* Each property with a UPRN and a station; a property no rule reaches is not in the file,
 * as WhereDoIVote then says to ask the council. */
static const char addresses_sql[] =
  "SELECT p.property, p.street, p.locality, p.town, p.area, p.uprn, p.postcode, "
  "  CASE WHEN s.ems_id != '' THEN s.ems_id ELSE s.code END "
  "FROM (SELECT p.*, "
  "        COALESCE ((SELECT o.station FROM station_override AS o "
  "                   WHERE o.property = p.id ORDER BY o.id LIMIT 1), "
  "                  (SELECT c.station FROM station_coverage AS c "
  "                   WHERE c.polling_district = p.polling_district AND p.street != '' "
  "                     AND c.street = p.street ORDER BY c.id LIMIT 1), "
  "                  (SELECT c.station FROM station_coverage AS c "
  "                   WHERE c.polling_district = p.polling_district AND c.street = '' "
  "                   ORDER BY c.id LIMIT 1)) AS station "
  "      FROM property AS p WHERE p.uprn > 0) AS p "
  "JOIN polling_station AS s ON s.id = p.station "
  "ORDER BY p.uprn";

/* A station's districts: those its rules cover and those of the properties sent to it. */
static const char stations_sql[] =
  "SELECT CASE WHEN s.ems_id != '' THEN s.ems_id ELSE s.code END, "
  "  pl.name, pl.address, pl.postcode, pl.easting, pl.northing, "
  "  (SELECT group_concat (code, '/') FROM "
  "     (SELECT d.code FROM station_coverage AS c "
  "      JOIN polling_district AS d ON d.id = c.polling_district WHERE c.station = s.id "
  "      UNION "
  "      SELECT d.code FROM station_override AS o "
  "      JOIN property AS p ON p.id = o.property "
  "      JOIN polling_district AS d ON d.id = p.polling_district WHERE o.station = s.id "
  "      ORDER BY 1)) "
  "FROM polling_station AS s LEFT JOIN polling_place AS pl ON pl.id = s.place "
  "ORDER BY s.code, s.id";

static const char *
text (sqlite3_stmt *stmt,
      int           i)
{
  const char *value = (const char *)sqlite3_column_text (stmt, i);

  return value != NULL ? value : "";
}

/* "5" and "Acacia Avenue" make "5 Acacia Avenue"; "Elm Cottage" and "Elm Street" make
 * "Elm Cottage, Elm Street". */
static void
append_address (GString      *out,
                sqlite3_stmt *stmt)
{
  const char *property = text (stmt, 0);
  const char *street = text (stmt, 1);
  const char *space = strrchr (property, ' ');
  const char *last_word = space != NULL ? space + 1 : property;

  g_string_append (out, property);
  if (street[0] != '\0')
    {
      if (out->len > 0)
        g_string_append (out, g_ascii_isdigit (last_word[0]) ? " " : ", ");
      g_string_append (out, street);
    }
  for (int i = 2; i <= 4; i++)
    if (text (stmt, i)[0] != '\0')
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, text (stmt, i));
      }
}

/**
 * ed_stations_export_democracy_club_path:
 * @output: the name given with -o, such as `testbury.csv`
 * @part: `addresses` or `stations`
 *
 * Names one of the two files: `testbury-addresses.csv` and `testbury-stations.csv`.
 *
 * Returns: (transfer full): the path
 */
char *
ed_stations_export_democracy_club_path (const char *output,
                                        const char *part)
{
  g_autofree char *stem = NULL;
  gsize len = strlen (output);

  if (len > 4 && g_ascii_strcasecmp (output + len - 4, ".csv") == 0)
    stem = g_strndup (output, len - 4);
  else
    stem = g_strdup (output);
  return g_strconcat (stem, "-", part, ".csv", NULL);
}

/**
 * ed_stations_export_democracy_club:
 * @context: the district
 * @addresses_path: the addresses file to write
 * @stations_path: the stations file to write
 * @out_n_addresses: (out) (optional): the addresses written
 * @out_n_stations: (out) (optional): the stations written
 * @error: return location for an error
 *
 * Writes the district's stations and the station of each address in Democracy Club's generic
 * CSV. Both files appear, or neither.
 *
 * Returns: %TRUE when both are in place
 */
gboolean
ed_stations_export_democracy_club (EdContext   *context,
                                   const char  *addresses_path,
                                   const char  *stations_path,
                                   guint       *out_n_addresses,
                                   guint       *out_n_stations,
                                   GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(GString) addresses = g_string_new (NULL);
  g_autoptr(GString) stations = g_string_new (NULL);
  g_autoptr(EdOutputFile) addresses_out = NULL;
  g_autoptr(EdOutputFile) stations_out = NULL;
  const char *addresses_header[] = { "address", "uprn", "postcode", "polling_station" };
  const char *stations_header[] = { "internal_council_id", "address", "postcode", "lng", "lat",
                                    "districts" };
  guint n_addresses = 0, n_stations = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);

  ed_csv_append_row (addresses, addresses_header, G_N_ELEMENTS (addresses_header), ',');
  stmt = ed_database_cached (database, addresses_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) address = g_string_new (NULL);
      g_autofree char *uprn = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               (gint64)sqlite3_column_int64 (stmt, 5));
      const char *row[4];

      append_address (address, stmt);
      row[0] = address->str;
      row[1] = uprn;
      row[2] = text (stmt, 6);
      row[3] = text (stmt, 7);
      ed_csv_append_row (addresses, row, 4, ',');
      n_addresses++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  ed_csv_append_row (stations, stations_header, G_N_ELEMENTS (stations_header), ',');
  stmt = ed_database_cached (database, stations_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) address = g_string_new (text (stmt, 1));
      g_auto(GStrv) lines = g_strsplit (text (stmt, 2), "\n", -1);
      char lng[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char lat[G_ASCII_DTOSTR_BUF_SIZE] = "";
      gint64 easting = sqlite3_column_int64 (stmt, 4);
      gint64 northing = sqlite3_column_int64 (stmt, 5);
      const char *row[6];

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_string_append_printf (address, "%s%s", address->len > 0 ? ", " : "", lines[i]);
      if (easting != 0 && northing != 0)
        {
          double latitude, longitude;

          ed_grid_to_wgs84 ((double)easting, (double)northing, &latitude, &longitude);
          g_ascii_formatd (lng, sizeof lng, "%.6f", longitude);
          g_ascii_formatd (lat, sizeof lat, "%.6f", latitude);
        }
      row[0] = text (stmt, 0);
      row[1] = address->str;
      row[2] = text (stmt, 3);
      row[3] = lng;
      row[4] = lat;
      row[5] = text (stmt, 6);
      ed_csv_append_row (stations, row, 6, ',');
      n_stations++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  addresses_out = ed_output_file_new (addresses_path, error);
  if (addresses_out == NULL)
    return FALSE;
  stations_out = ed_output_file_new (stations_path, error);
  if (stations_out == NULL ||
      !ed_output_file_write (addresses_out, addresses->str, addresses->len, error) ||
      !ed_output_file_write (stations_out, stations->str, stations->len, error) ||
      !ed_output_file_finish (addresses_out, error) ||
      !ed_output_file_finish (stations_out, error) ||
      !ed_output_file_publish (addresses_out, error) ||
      !ed_output_file_publish (stations_out, error))
    return FALSE;

  if (out_n_addresses != NULL)
    *out_n_addresses = n_addresses;
  if (out_n_stations != NULL)
    *out_n_stations = n_stations;
  return TRUE;
}
