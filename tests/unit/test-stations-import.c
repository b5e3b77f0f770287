/* test-stations-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The EMS station files (PEERS.md §1): each layout is told apart and read, the rows a careful
 * import leaves out are left out with their line and reason, hostile files are refused whole
 * with the district unchanged, the import derives the district's rules and is idempotent,
 * a dry run writes nothing, and the National Grid conversion agrees with Ordnance Survey's
 * worked example. The project's own files (tests/data/stations, invented addresses) always
 * run; the councils' exports Democracy Club publishes as test data are read in place from
 * ED_SHARED_FIXTURES when it is there, and checked against what Democracy Club's own importer
 * tests assert for them. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "core/ed-grid.h"
#include "district/ed-context.h"
#include "stations/ed-station-file.h"
#include "stations/ed-stations-export.h"
#include "stations/ed-stations-import.h"
#include "tests/lib/ed-test-cli.h"
#include "tests/lib/ed-test-dir.h"
#include "tests/lib/ed-test-register.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "stations", name, NULL);
}

/* --- the grid ------------------------------------------------------------------------------- */

/* Ordnance Survey, "A guide to coordinate systems in Great Britain", annex C: 52°39′27.2531″N,
 * 1°43′4.5177″E on OSGB36 is 651409.903 E, 313177.270 N. */
static void
test_grid_worked_example (void)
{
  double lat = 52 + 39 / 60.0 + 27.2531 / 3600.0;
  double lon = 1 + 43 / 60.0 + 4.5177 / 3600.0;
  double e, n, lat2, lon2;

  ed_grid_project_osgb36 (lat, lon, &e, &n);
  g_assert_cmpfloat (fabs (e - 651409.903), <, 0.001);
  g_assert_cmpfloat (fabs (n - 313177.270), <, 0.001);
  ed_grid_unproject_osgb36 (651409.903, 313177.270, &lat2, &lon2);
  g_assert_cmpfloat (fabs (lat2 - lat), <, 1e-8);
  g_assert_cmpfloat (fabs (lon2 - lon), <, 1e-8);
}

/* EPSG's own reference point for TM75 / Irish Grid (EPSG:29903), the centre of its area:
 * 53.41°N, 7.95°W is 203374.16 E, 239960.74 N. */
static void
test_grid_irish (void)
{
  double e, n, lat, lon;

  ed_grid_irish_from_wgs84 (53.41, -7.95, &e, &n);
  g_assert_cmpfloat (fabs (e - 203374.16), <, 0.05);
  g_assert_cmpfloat (fabs (n - 239960.74), <, 0.05);
  ed_grid_irish_to_wgs84 (203374.16, 239960.74, &lat, &lon);
  g_assert_cmpfloat (fabs (lat - 53.41) * 111000, <, 0.05);
  g_assert_cmpfloat (fabs (lon + 7.95) * 66000, <, 0.05);
}

/* GPS to the grid and back within a few centimetres; and the datum shift between them is the
 * hundred metres or so it is across Great Britain, not nothing and not a kilometre. */
static void
test_grid_wgs84 (void)
{
  static const double points[][2] = {
    { 51.5007, -0.1246 }, { 55.9533, -3.1883 }, { 50.0657, -5.7132 }, { 58.6373, -3.0689 },
    { 54.5910, -5.8310 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double e, n, e36, n36, lat, lon, shift;

      ed_grid_from_wgs84 (points[i][0], points[i][1], &e, &n);
      ed_grid_to_wgs84 (e, n, &lat, &lon);
      g_assert_cmpfloat (fabs (lat - points[i][0]) * 111000, <, 0.05);
      g_assert_cmpfloat (fabs (lon - points[i][1]) * 70000, <, 0.05);
      ed_grid_project_osgb36 (points[i][0], points[i][1], &e36, &n36);
      shift = hypot (e - e36, n - n36);
      g_test_message ("%f %f: %.1f E %.1f N, datum shift %.1f m", points[i][0], points[i][1],
                      e, n, shift);
      g_assert_cmpfloat (shift, >, 50);
      g_assert_cmpfloat (shift, <, 200);
    }
}

/* --- reading -------------------------------------------------------------------------------- */

typedef struct
{
  const char *files[3];
  const char *layout;
  guint       places;
  guint       stations;
  guint       addresses;
  struct
  {
    guint64     line;
    const char *reason;  /* text the reason holds */
  } dropped[8];
} Expectation;

static void
check_files (EdStationFiles    *files,
             const Expectation *expect)
{
  guint n_dropped = 0;

  while (n_dropped < G_N_ELEMENTS (expect->dropped) && expect->dropped[n_dropped].line != 0)
    n_dropped++;
  for (guint i = 0; i < files->dropped->len; i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (files->dropped, i);

      g_test_message ("%s, line %" G_GUINT64_FORMAT ": %s", drop->file, drop->line,
                      drop->reason);
    }
  g_assert_cmpstr (ed_station_files_get_layout_name (files), ==, expect->layout);
  g_assert_cmpuint (files->places->len, ==, expect->places);
  g_assert_cmpuint (files->stations->len, ==, expect->stations);
  g_assert_cmpuint (files->addresses->len, ==, expect->addresses);
  g_assert_cmpuint (files->dropped->len, ==, n_dropped);
  for (guint i = 0; i < n_dropped; i++)
    {
      EdStationFileDrop *drop = g_ptr_array_index (files->dropped, i);

      g_assert_cmpuint (drop->line, ==, expect->dropped[i].line);
      g_assert_nonnull (strstr (drop->reason, expect->dropped[i].reason));
    }
}

static const Expectation own_files[] = {
  { { "xpress-2019.csv" }, "xpress-democracy-club", 2, 2, 6,
    { { 7, "placeholder" }, { 8, "no postcode" }, { 9, "more than one polling station" },
      { 10, "more than one polling station" }, { 12, "the same as line 11" },
      { 13, "not a UPRN" } } },
  { { "xpress-tab-named-csv.csv" }, "xpress-democracy-club", 2, 2, 6,
    { { 7, "placeholder" }, { 8, "no postcode" }, { 9, "more than one polling station" },
      { 10, "more than one polling station" }, { 12, "the same as line 11" },
      { 13, "not a UPRN" } } },
  { { "xpress-2017-windows-1252.tsv" }, "xpress-democracy-club-2017", 1, 1, 2,
    { { 4, "no postcode" } } },
  { { "weblookup.csv" }, "xpress-weblookup", 1, 1, 2, { { 4, "no postcode" } } },
  { { "eros-classic.csv" }, "idox-eros", 1, 1, 2,
    { { 4, "placeholder" }, { 5, "not assigned to a polling station" } } },
  { { "eros-2026.csv" }, "idox-eros-2026", 1, 2, 2,
    { { 4, "not assigned to a polling station" } } },
  { { "dcounts-districts.csv", "dcounts-stations.csv" }, "democracy-counts", 1, 2, 2,
    { { 3, "A1 1AA" }, { 4, "placeholder" } } },
  { { "eoni.csv" }, "eoni", 1, 1, 2, { { 0 } } },
  { { "eoni-irish-grid.csv" }, "eoni", 1, 1, 2, { { 0 } } },
  { { "dc-addresses.csv", "dc-stations.csv" }, "democracy-club-csv", 2, 2, 1,
    { { 3, "more than one polling station" }, { 4, "more than one polling station" },
      { 5, "not in the stations file" } } },
};

static void
test_own_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (own_files); i++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(EdStationFiles) files = NULL;
      g_autoptr(GError) error = NULL;

      for (guint f = 0; own_files[i].files[f] != NULL; f++)
        g_ptr_array_add (paths, data_path (own_files[i].files[f]));
      g_ptr_array_add (paths, NULL);
      g_test_message ("%s", own_files[i].files[0]);
      files = ed_station_files_read ((const char * const *)paths->pdata, NULL, &error);
      g_assert_no_error (error);
      check_files (files, &own_files[i]);
    }
}

/* The encoding and delimiter each file was read in, and its text as it was meant. */
static void
test_encodings (void)
{
  static const struct
  {
    const char    *name;
    EdCsvEncoding  encoding;
    char           delimiter;
    EdStationLayout layout;
    guint          rows;
  } cases[] = {
    { "xpress-2019.csv", ED_CSV_ENCODING_UTF8, ',', ED_STATION_LAYOUT_XPRESS_DC, 12 },
    { "xpress-tab-named-csv.csv", ED_CSV_ENCODING_UTF8, '\t', ED_STATION_LAYOUT_XPRESS_DC, 12 },
    { "xpress-2017-windows-1252.tsv", ED_CSV_ENCODING_WINDOWS_1252, '\t',
      ED_STATION_LAYOUT_XPRESS_DC_2017, 3 },
    { "dcounts-districts.csv", ED_CSV_ENCODING_UTF16LE, ',',
      ED_STATION_LAYOUT_DCOUNTS_DISTRICTS, 4 },
    { "dcounts-stations.csv", ED_CSV_ENCODING_UTF16LE, ',', ED_STATION_LAYOUT_DCOUNTS_STATIONS,
      2 },
    { "unknown-layout.csv", ED_CSV_ENCODING_UTF8, ',', ED_STATION_LAYOUT_UNKNOWN, 1 },
  };
  g_autofree char *welsh = data_path ("xpress-2017-windows-1252.tsv");
  const char *paths[] = { welsh, NULL };
  g_autoptr(EdStationFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  EdStationFileAddress *address;
  EdStationFilePlace *place;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path (cases[i].name);
      g_autoptr(EdStationFileInfo) info = ed_station_file_inspect (path, &error);

      g_assert_no_error (error);
      g_assert_cmpint (info->encoding, ==, cases[i].encoding);
      g_assert_cmpint (info->delimiter, ==, cases[i].delimiter);
      g_assert_cmpint (info->layout, ==, cases[i].layout);
      g_assert_cmpuint (info->n_rows, ==, cases[i].rows);
    }

  files = ed_station_files_read (paths, NULL, &error);
  g_assert_no_error (error);
  address = g_ptr_array_index (files->addresses, 0);
  g_assert_cmpstr (address->property, ==, "1");
  g_assert_cmpstr (address->street, ==, "Heol Glân");
  g_assert_cmpstr (address->town, ==, "Testbury");
  g_assert_cmpstr (address->postcode, ==, "ZZ99 4DD");
  g_assert_cmpstr (address->district, ==, "WA");
  place = g_ptr_array_index (files->places, 0);
  g_assert_cmpstr (place->name, ==, "Neuadd Goffa");
  g_assert_cmpstr (place->address, ==, "Ffordd y Môr\nTestbury");
}

/* Coordinates: grid references kept to the metre, GPS positions converted, 0 unknown. */
static void
test_coordinates (void)
{
  g_autofree char *districts = data_path ("dcounts-districts.csv");
  g_autofree char *stations = data_path ("dcounts-stations.csv");
  g_autofree char *eoni = data_path ("eoni.csv");
  const char *dcounts[] = { districts, stations, NULL };
  const char *eoni_paths[] = { eoni, NULL };
  g_autoptr(EdStationFiles) files = NULL;
  g_autoptr(EdStationFiles) ni = NULL;
  g_autoptr(GError) error = NULL;
  EdStationFileAddress *address;
  EdStationFilePlace *place;
  double e, n;

  files = ed_station_files_read (dcounts, NULL, &error);
  g_assert_no_error (error);
  address = g_ptr_array_index (files->addresses, 0);
  g_assert_cmpint (address->easting, ==, 453000);
  g_assert_cmpint (address->northing, ==, 253001);
  g_assert_cmpstr (address->district, ==, "GA");
  address = g_ptr_array_index (files->addresses, 1);
  g_assert_cmpint (address->easting, ==, 0);
  g_assert_cmpstr (address->district, ==, "GB");
  place = g_ptr_array_index (files->places, 0);
  g_assert_cmpint (place->easting, ==, 453100);

  ni = ed_station_files_read (eoni_paths, NULL, &error);
  g_assert_no_error (error);
  place = g_ptr_array_index (ni->places, 0);
  ed_grid_from_wgs84 (52.501, -1.501, &e, &n);
  g_assert_cmpint (place->easting, ==, (gint64)llround (e));
  g_assert_cmpint (place->northing, ==, (gint64)llround (n));
  g_assert_cmpstr (place->address, ==, "HOLLY ROW\nTESTBURY");
  g_assert_cmpstr (place->postcode, ==, "ZZ99 9HH");

  /* EONI's Irish Grid references, through GPS, to the National Grid; 0, 0 is not known. */
  {
    g_autofree char *irish = data_path ("eoni-irish-grid.csv");
    const char *irish_paths[] = { irish, NULL };
    g_autoptr(EdStationFiles) by_grid = ed_station_files_read (irish_paths, NULL, &error);
    double lat, lon;

    g_assert_no_error (error);
    place = g_ptr_array_index (by_grid->places, 0);
    ed_grid_irish_to_wgs84 (333800, 374000, &lat, &lon);
    ed_grid_from_wgs84 (lat, lon, &e, &n);
    g_assert_cmpint (place->easting, ==, (gint64)llround (e));
    g_assert_cmpint (place->northing, ==, (gint64)llround (n));
    address = g_ptr_array_index (by_grid->addresses, 0);
    g_assert_cmpint (address->easting, !=, 0);
    address = g_ptr_array_index (by_grid->addresses, 1);
    g_assert_cmpint (address->easting, ==, 0);
    g_assert_cmpint (address->northing, ==, 0);
  }
}

/* --- importing ------------------------------------------------------------------------------ */

static gint64
count (EdContext  *context,
       const char *sql)
{
  g_autofree char *text = ed_test_register_get (context, sql, NULL);

  return g_ascii_strtoll (text, NULL, 10);
}

static EdStationsImportReport *
import (EdContext   *context,
        const char  *first,
        const char  *second,
        gboolean     dry_run,
        GError     **error)
{
  g_autofree char *a = data_path (first);
  g_autofree char *b = second != NULL ? data_path (second) : NULL;
  const char *paths[] = { a, b, NULL };

  return ed_stations_import (context, paths, dry_run, NULL, NULL, NULL, error);
}

/* The Xpress file: two stations in district ZA, one street wholly at each, so a whole-district
 * rule for the station with most properties and nothing else; then again, unchanged. */
static void
test_import_idempotent (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationsImportReport) first = NULL;
  g_autoptr(EdStationsImportReport) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  first = import (context, "xpress-2019.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_districts_added, ==, 1);
  g_assert_cmpuint (first->n_properties_added, ==, 6);
  g_assert_cmpuint (first->n_places_added, ==, 2);
  g_assert_cmpuint (first->n_stations_added, ==, 2);
  g_assert_cmpint (count (context, "SELECT count(*) FROM property"), ==, 6);
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_station"), ==, 2);
  /* Acacia Avenue (3) and one of Cedar Close at 101; Birch Road (2) at 102: a district rule
   * for 101, a street rule for Birch Road. */
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage c "
                                   "JOIN polling_station s ON s.id = c.station "
                                   "WHERE s.code = '101' AND c.street = ''"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage c "
                                   "JOIN polling_station s ON s.id = c.station "
                                   "WHERE s.code = '102' AND c.street = 'Birch Road'"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override"), ==, 0);
  g_assert_cmpint (count (context, "SELECT easting FROM polling_place WHERE name = 'Birch "
                                   "School'"), ==, 451000);
  /* Xpress gives no property's location, so none is made up. */
  g_assert_cmpint (count (context, "SELECT northing FROM property WHERE uprn = 9000004"), ==, 0);

  before = ed_test_register_state_hash (context);
  again = import (context, "xpress-2019.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_ops, ==, 0);
  g_assert_cmpuint (again->n_properties_elsewhere, ==, 0);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
}

/* Two places the file tells apart only by their address (one name, one postcode, no venue
 * id) stay two places, and the import is idempotent over them. */
static void
test_import_places_apart (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *addresses = ed_test_dir_file (fixture, "a.csv");
  g_autofree char *stations = ed_test_dir_file (fixture, "s.csv");
  const char *paths[] = { addresses, stations, NULL };
  g_autoptr(EdStationsImportReport) first = NULL;
  g_autoptr(EdStationsImportReport) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (addresses,
                                      "address,uprn,postcode,polling_station\n"
                                      "1 Ivy Court,9800001,ZZ99 2KK,S1\n"
                                      "2 Ivy Court,9800002,ZZ99 2KK,S2\n", -1, NULL));
  g_assert_true (g_file_set_contents (stations,
                                      "internal_council_id,address,postcode\n"
                                      "S1,\"Ivy Hall, Ivy Court\",ZZ99 9HJ\n"
                                      "S2,\"Ivy Hall, Back Lane\",ZZ99 9HJ\n", -1, NULL));
  first = ed_stations_import (context, paths, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_places_added, ==, 2);
  again = ed_stations_import (context, paths, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_ops, ==, 0);
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_place"), ==, 2);
}

/* A dry run reports what the import would do, and the district is as it was. */
static void
test_import_dry_run (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationsImportReport) dry = NULL;
  g_autoptr(EdStationsImportReport) real = NULL;
  g_autofree char *before = ed_test_register_state_hash (context);
  g_autofree char *after = NULL;

  dry = import (context, "eros-2026.csv", NULL, TRUE, &error);
  g_assert_no_error (error);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (dry->dry_run);
  g_assert_cmpuint (dry->n_stations_added, ==, 2);
  g_assert_cmpuint (dry->n_ops, >, 0);

  real = import (context, "eros-2026.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (real->n_ops, ==, dry->n_ops);
  g_assert_cmpuint (real->n_rules_added, ==, dry->n_rules_added);
  g_assert_cmpuint (real->n_overrides_added, ==, dry->n_overrides_added);
  /* Two stations at one venue: one place. Stations 11 and 12 have one property each in
   * district EA, so one has the district's rule and the other's property is an exception. */
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_place"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_coverage"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override"), ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM polling_district WHERE code = 'EA' "
                                   "AND name = 'FIR (EA)'"), ==, 1);
}

/* The register is the gazetteer: a UPRN it has at another postcode is left out. */
static void
test_import_postcode_mismatch (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *district = ed_test_register_add_district (context, "IA", "Ivy");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdStationsImportReport) report = NULL;
  const char *columns[] = { "uprn", "property", "street", "postcode", "polling_district" };
  GVariant *values[] = {
    g_variant_new_int64 (9700001), g_variant_new_string ("1"),
    g_variant_new_string ("Ivy Court"), g_variant_new_string ("ZZ99 5ZZ"),
    g_variant_new_string (district),
  };
  g_autofree char *property = ed_test_register_insert (context, "property", columns, values, 5);
  EdStationFileDrop *drop;

  report = import (context, "dc-addresses.csv", "dc-stations.csv", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_properties_elsewhere, ==, 0);
  g_assert_cmpuint (report->files->addresses->len, ==, 0);
  g_assert_cmpuint (report->files->dropped->len, ==, 4);
  drop = g_ptr_array_index (report->files->dropped, 0);
  g_assert_cmpuint (drop->line, ==, 2);
  g_assert_nonnull (strstr (drop->reason, "ZZ99 5ZZ"));
}

/* Hostile and broken files: each refused whole, with its name, line and what was expected,
 * and the district unchanged. */
static void
test_refused (EdTestDir     *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *first;
    const char *second;
    int         code;
    const char *message;
  } cases[] = {
    { "xpress-truncated.csv", NULL, ED_STATION_FILE_ERROR_INCOMPLETE,
      "xpress-truncated.csv, line 5: expected 38 fields, found 7" },
    { "xpress-nul.csv", NULL, -1, "xpress-nul.csv, line 3: a NUL byte" },
    { "xpress-huge-field.csv", NULL, ED_STATION_FILE_ERROR_TOO_LONG,
      "xpress-huge-field.csv, line 3: field 4 holds 30000 characters" },
    { "eros-mixed-encoding.csv", NULL, -1, "eros-mixed-encoding.csv, line 3: column 10" },
    { "unknown-layout.csv", NULL, ED_STATION_FILE_ERROR_UNKNOWN_LAYOUT,
      "unknown-layout.csv, line 1: the columns “REF”" },
    { "dcounts-districts.csv", NULL, ED_STATION_FILE_ERROR_MISSING_FILE,
      "expected 2 files, found 1" },
    { "dc-stations.csv", NULL, ED_STATION_FILE_ERROR_MISSING_FILE,
      "expected 2 files, found 1" },
    { "xpress-2019.csv", "eoni.csv", ED_STATION_FILE_ERROR_MIXED, "different systems" },
  };
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdStationsImportReport) seed = NULL;
  g_autoptr(GError) seed_error = NULL;
  g_autofree char *before = NULL;

  /* Something in the district first, so that "unchanged" is not only "still empty". */
  seed = import (context, "weblookup.csv", NULL, FALSE, &seed_error);
  g_assert_no_error (seed_error);
  before = ed_test_register_state_hash (context);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EdStationsImportReport) report = NULL;
      g_autofree char *after = NULL;

      report = import (context, cases[i].first, cases[i].second, FALSE, &error);
      g_assert_null (report);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (cases[i].code >= 0)
        g_assert_error (error, ED_STATION_FILE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      after = ed_test_register_state_hash (context);
      g_assert_cmpstr (before, ==, after);
    }
}

/* --- the councils' exports, in place -------------------------------------------------------- */

/* What Democracy Club's importer tests (UK-Polling-Stations, data_importers/tests and the
 * upload check's tests) assert for each file, without AddressBase: its checks that need the
 * national gazetteer (a UPRN not in it, another council's) have no counterpart here, so a row
 * only those drop is kept (noted beside each). */
static const Expectation council_files[] = {
  /* test_xpress.py: UPRNs 1, 2, 4, 5 at stations 518 and 512; 3 has no postcode. */
  { { "xpress-democracy-club/test_democlub.csv" }, "xpress-democracy-club-2017", 2, 2, 4,
    { { 4, "no postcode" } } },
  /* test_csv_helper.py: Xpress DC, 10 rows (one station, nine properties). */
  { { "xpress-democracy-club/ems-xpress-dc.csv" }, "xpress-democracy-club", 1, 1, 9, { { 0 } } },
  { { "xpress-democracy-club/ext-tsv-with-csv-ext.csv" }, "xpress-democracy-club", 1, 1, 9,
    { { 0 } } },
  { { "xpress-democracy-club/encoding-windows1252.tsv" }, "xpress-democracy-club", 4, 4, 9,
    { { 0 } } },
  /* Teignbridge: one station; UPRN 100040312292 twice, as "Southfield" and "3 Southfield". */
  { { "xpress-democracy-club/Democracy_Club__12December2019tein.csv" },
    "xpress-democracy-club", 1, 1, 89, { { 54, "on line 50 already" } } },
  /* test_xpress.py: UPRNs 1, 3, 4, 6 at 5736 and 5730; 5 has no postcode; 2 is dropped
   * there only for not being in AddressBase. */
  { { "xpress-weblookup/test_weblookup.csv" }, "xpress-weblookup", 2, 2, 5,
    { { 6, "no postcode" } } },
  { { "xpress-weblookup/ems-xpress-weblookup.CSV" }, "xpress-weblookup", 1, 1, 9, { { 0 } } },
  /* test_halarose.py before the 2026 merge: UPRNs 2 and 3 at 10-penyrheol-boxing-club, two
   * stations (St Ambrose has only its Other Voters row). */
  { { "idox-eros-halarose/classic-layout/test.csv" }, "idox-eros", 2, 2, 2,
    { { 2, "placeholder" }, { 3, "placeholder" }, { 4, "not assigned" },
      { 7, "no postcode" } } },
  { { "idox-eros-halarose/classic-layout/ems-idox-eros.csv" }, "idox-eros", 1, 1, 9,
    { { 0 } } },
  /* test_halarose.py: UPRNs 1, 2, 3 at 3- and 4-the-heron-theatre; three stations. */
  { { "idox-eros-halarose/2026-layout/test.csv" }, "idox-eros-2026", 2, 3, 3,
    { { 5, "not assigned" }, { 6, "no postcode" } } },
  /* test_dcounts.py: UPRNs 1, 3, 5, 6 at B6/1 and B60/1; two stations. UPRN 4 (the dummy
   * record) is dropped, as is 2 (no postcode). */
  { { "democracy-counts/districts.csv", "democracy-counts/stations.csv" }, "democracy-counts",
    2, 2, 4, { { 3, "no postcode" }, { 5, "placeholder" } } },
  /* test_csv_helper.py: each file 20 lines with its header; read together, 19 stations at
   * 13 places (St Paul's Centre serves B100/1 and B101, and so on). */
  { { "democracy-counts/ems-dcounts-districts.csv", "democracy-counts/ems-dcounts-stations.csv" },
    "democracy-counts", 13, 19, 19, { { 0 } } },
  /* test_import_eoni.py: three addresses; stations 111 and 222. */
  { { "eoni/eoni_export.csv" }, "eoni", 2, 2, 3, { { 0 } } },
  /* test_csv_imports.py: UPRN 1 and 5 each given two stations, all their rows dropped; DC
   * keeps 3, 4 and 6, and drops 2 (not in AddressBase) and 7 (postcode differs from
   * AddressBase's; see test_fixture_postcode_mismatch). */
  { { "dc-generic-csv/addresses.csv", "dc-generic-csv/stations.csv" }, "democracy-club-csv",
    3, 3, 5, { { 2, "more than one" }, { 3, "more than one" }, { 7, "more than one" },
               { 8, "more than one" }, { 9, "more than one" } } },
  /* test_duplicate_uprns: only UPRN 6, at station 2. */
  { { "dc-generic-csv/duplicate_uprns.csv", "dc-generic-csv/stations.csv" },
    "democracy-club-csv", 3, 3, 1, { { 2, "more than one" }, { 3, "more than one" } } },
};

static const char *
fixtures_root (void)
{
  const char *root = g_getenv ("ED_SHARED_FIXTURES");

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    return NULL;
  return root;
}

static void
test_fixtures (void)
{
  const char *root = fixtures_root ();

  if (root == NULL)
    {
      g_test_skip ("ED_SHARED_FIXTURES is not a folder: no council exports to read");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (council_files); i++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(EdStationFiles) files = NULL;
      g_autoptr(GError) error = NULL;

      for (guint f = 0; council_files[i].files[f] != NULL; f++)
        g_ptr_array_add (paths, g_build_filename (root, council_files[i].files[f], NULL));
      g_ptr_array_add (paths, NULL);
      g_test_message ("%s", council_files[i].files[0]);
      files = ed_station_files_read ((const char * const *)paths->pdata, NULL, &error);
      g_assert_no_error (error);
      check_files (files, &council_files[i]);
    }
}

/* Which UPRN each station gets, as Democracy Club's tests list them. */
static void
test_fixture_station_ids (void)
{
  static const struct
  {
    const char *files[3];
    const char *pairs;  /* "uprn:station " each, in file order */
  } cases[] = {
    { { "xpress-democracy-club/test_democlub.csv" }, "1:518 2:518 4:512 5:512 " },
    { { "idox-eros-halarose/2026-layout/test.csv" },
      "1:3-the-heron-theatre 2:4-the-heron-theatre 3:4-the-heron-theatre " },
    { { "idox-eros-halarose/classic-layout/test.csv" },
      "2:10-penyrheol-boxing-club 3:10-penyrheol-boxing-club " },
    { { "democracy-counts/districts.csv", "democracy-counts/stations.csv" },
      "1:B6/1 3:B6/1 5:B60/1 6:B60/1 " },
    { { "eoni/eoni_export.csv" }, "100000000001:111 100000000002:111 100000000003:222 " },
  };
  const char *root = fixtures_root ();

  if (root == NULL)
    {
      g_test_skip ("ED_SHARED_FIXTURES is not a folder: no council exports to read");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(EdStationFiles) files = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) pairs = g_string_new (NULL);

      for (guint f = 0; cases[i].files[f] != NULL; f++)
        g_ptr_array_add (paths, g_build_filename (root, cases[i].files[f], NULL));
      g_ptr_array_add (paths, NULL);
      files = ed_station_files_read ((const char * const *)paths->pdata, NULL, &error);
      g_assert_no_error (error);
      for (guint a = 0; a < files->addresses->len; a++)
        {
          EdStationFileAddress *address = g_ptr_array_index (files->addresses, a);
          EdStationFileStation *station = g_ptr_array_index (files->stations, address->station);

          g_string_append_printf (pairs, "%" G_GUINT64_FORMAT ":%s ", address->uprn,
                                  station->key);
        }
      g_assert_cmpstr (pairs->str, ==, cases[i].pairs);
    }
}

/* test_csv_imports.py's test_postcode_mismatch, with the register as AddressBase: UPRNs 4 and
 * 7 at BH16 5HT; the file gives 7 at BH17 5HT, so only 4 is imported, at station 1. */
static void
test_fixture_postcode_mismatch (EdTestDir     *fixture,
                                gconstpointer  data)
{
  const char *root = fixtures_root ();
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdStationsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *stations = NULL;
  const char *paths[3];
  const char *columns[] = { "uprn", "property", "street", "postcode" };

  if (root == NULL)
    {
      g_test_skip ("ED_SHARED_FIXTURES is not a folder: no council exports to read");
      return;
    }
  context = ed_test_register_open (fixture, "england");
  for (gint64 uprn = 4; uprn <= 7; uprn += 3)
    {
      GVariant *values[] = {
        g_variant_new_int64 (uprn), g_variant_new_string (uprn == 4 ? "3" : "4"),
        g_variant_new_string ("Factory Rd"), g_variant_new_string ("BH16 5HT"),
      };
      g_free (ed_test_register_insert (context, "property", columns, values, 4));
    }
  addresses = g_build_filename (root, "dc-generic-csv/postcode_mismatch.csv", NULL);
  stations = g_build_filename (root, "dc-generic-csv/stations.csv", NULL);
  paths[0] = addresses;
  paths[1] = stations;
  paths[2] = NULL;
  report = ed_stations_import (context, paths, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->files->addresses->len, ==, 1);
  g_assert_cmpuint (((EdStationFileAddress *)g_ptr_array_index (report->files->addresses,
                                                                0))->uprn, ==, 4);
  g_assert_cmpuint (report->files->dropped->len, ==, 1);
  g_assert_cmpint (count (context, "SELECT count(*) FROM station_override o "
                                   "JOIN property p ON p.id = o.property "
                                   "JOIN polling_station s ON s.id = o.station "
                                   "WHERE p.uprn = 4 AND s.ems_id = '1'"), ==, 1);
}

/* test_csv_helper.py: the upload check's report of each file: layout, encoding, rows (its
 * csv_rows count the header too); the file cut short refused with the header's width and the
 * last line's. */
static void
test_fixture_inspect (void)
{
  static const struct
  {
    const char     *path;
    EdStationLayout layout;
    EdCsvEncoding   encoding;
    guint           rows;
  } cases[] = {
    { "idox-eros-halarose/classic-layout/ems-idox-eros.csv", ED_STATION_LAYOUT_EROS_CLASSIC,
      ED_CSV_ENCODING_UTF8, 10 },
    { "xpress-democracy-club/ems-xpress-dc.csv", ED_STATION_LAYOUT_XPRESS_DC,
      ED_CSV_ENCODING_UTF8, 10 },
    { "xpress-weblookup/ems-xpress-weblookup.CSV", ED_STATION_LAYOUT_XPRESS_WEBLOOKUP,
      ED_CSV_ENCODING_UTF8, 10 },
    { "democracy-counts/ems-dcounts-stations.csv", ED_STATION_LAYOUT_DCOUNTS_STATIONS,
      ED_CSV_ENCODING_UTF8, 20 },
    { "democracy-counts/ems-dcounts-districts.csv", ED_STATION_LAYOUT_DCOUNTS_DISTRICTS,
      ED_CSV_ENCODING_UTF8, 20 },
    { "unknown-ems-other/ems-other.csv", ED_STATION_LAYOUT_UNKNOWN, ED_CSV_ENCODING_UTF8, 10 },
    { "xpress-democracy-club/encoding-windows1252.tsv", ED_STATION_LAYOUT_XPRESS_DC,
      ED_CSV_ENCODING_WINDOWS_1252, 10 },
    { "democracy-counts/democracy-counts-utf-16le.csv", ED_STATION_LAYOUT_DCOUNTS_STATIONS,
      ED_CSV_ENCODING_UTF16LE, 35 },
    { "xpress-democracy-club/ext-tsv-with-csv-ext.csv", ED_STATION_LAYOUT_XPRESS_DC,
      ED_CSV_ENCODING_UTF8, 10 },
  };
  const char *root = fixtures_root ();
  g_autofree char *incomplete = NULL;
  g_autoptr(EdStationFileInfo) refused = NULL;
  g_autoptr(GError) error = NULL;

  if (root == NULL)
    {
      g_test_skip ("ED_SHARED_FIXTURES is not a folder: no council exports to read");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (root, cases[i].path, NULL);
      g_autoptr(EdStationFileInfo) info = ed_station_file_inspect (path, &error);

      g_test_message ("%s", cases[i].path);
      g_assert_no_error (error);
      g_assert_cmpint (info->layout, ==, cases[i].layout);
      g_assert_cmpint (info->encoding, ==, cases[i].encoding);
      g_assert_cmpuint (info->n_rows + 1, ==, cases[i].rows);
    }

  incomplete = g_build_filename (root, "xpress-democracy-club/incomplete-file.CSV", NULL);
  refused = ed_station_file_inspect (incomplete, &error);
  g_assert_null (refused);
  g_assert_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "line 10: expected 38 fields, found 7"));
}

/* --- the export ----------------------------------------------------------------------------- */

/* The district's stations and addresses in Democracy Club's CSV read back into a new district
 * as the same stations, rules and exceptions, and write out the same files again; the
 * stations' locations go through latitude and longitude and come back to the metre. */
static void
test_export_round_trip (EdTestDir     *fixture,
                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdContext) other = NULL;
  g_autoptr(EdStationsImportReport) first = NULL;
  g_autoptr(EdStationsImportReport) second = NULL;
  g_autoptr(EdStationsImportReport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = ed_test_dir_file (fixture, "testbury.csv");
  g_autofree char *addresses = ed_stations_export_democracy_club_path (output, "addresses");
  g_autofree char *stations = ed_stations_export_democracy_club_path (output, "stations");
  g_autofree char *other_db = ed_test_dir_file (fixture, "other.db");
  g_autofree char *again = ed_test_dir_file (fixture, "again.csv");
  g_autofree char *addresses2 = ed_stations_export_democracy_club_path (again, "addresses");
  g_autofree char *stations2 = ed_stations_export_democracy_club_path (again, "stations");
  g_autofree char *text1 = NULL, *text2 = NULL, *stext1 = NULL, *stext2 = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  const char *paths[] = { addresses, stations, NULL };
  guint n_addresses = 0, n_stations = 0;

  g_assert_true (g_str_has_suffix (addresses, "testbury-addresses.csv"));
  g_assert_true (g_str_has_suffix (stations, "testbury-stations.csv"));

  first = import (context, "xpress-2019.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  second = import (context, "eros-2026.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (ed_stations_export_democracy_club (context, addresses, stations, &n_addresses,
                                                    &n_stations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_addresses, ==, 8);
  g_assert_cmpuint (n_stations, ==, 4);
  g_assert_true (g_file_get_contents (stations, &stext1, NULL, NULL));
  /* West of Greenwich, written as a number a program can read. */
  g_assert_nonnull (strstr (stext1, "101,\"Acacia Hall, Hall Lane, Testbury\",ZZ99 9HA,-1."));
  ed_test_dir_assert_no_temporaries (fixture->dir);

  other = ed_modules_open_district (other_db, &error);
  g_assert_no_error (error);
  g_hash_table_insert (values, "council-name", "Otherbury");
  g_hash_table_insert (values, "country", "england");
  g_assert_true (ed_district_settings_create (ed_context_get_settings (other), values, &error));
  back = ed_stations_import (other, paths, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->files->dropped->len, ==, 0);
  g_assert_cmpuint (back->files->addresses->len, ==, 8);
  g_assert_cmpint (count (other, "SELECT easting FROM polling_place WHERE name = 'Birch "
                                 "School'"), ==, 451000);
  g_assert_cmpint (count (other, "SELECT northing FROM polling_place WHERE name = 'Birch "
                                 "School'"), ==, 251000);
  g_assert_cmpint (count (other, "SELECT count(*) FROM station_coverage"), ==,
                   count (context, "SELECT count(*) FROM station_coverage"));
  g_assert_cmpint (count (other, "SELECT count(*) FROM station_override"), ==,
                   count (context, "SELECT count(*) FROM station_override"));

  g_assert_true (ed_stations_export_democracy_club (other, addresses2, stations2, NULL, NULL,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (addresses, &text1, NULL, NULL));
  g_assert_true (g_file_get_contents (addresses2, &text2, NULL, NULL));
  g_assert_cmpstr (text1, ==, text2);
  g_assert_true (g_file_get_contents (stations2, &stext2, NULL, NULL));
  g_assert_cmpstr (stext1, ==, stext2);
}

/* --- the command line ----------------------------------------------------------------------- */

static void
test_cli_json (EdTestDir     *fixture,
               gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *db = ed_test_dir_file (fixture, "district.db");
  g_autofree char *path = data_path ("xpress-2019.csv");
  g_autofree char *report_path = ed_test_dir_file (fixture, "left-out.csv");
  g_autofree char *report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EdTestCliResult) dry = { 0, };
  g_auto(EdTestCliResult) refused = { 0, };
  JsonObject *root;
  JsonArray *dropped;

  before = ed_test_register_state_hash (context);
  g_clear_object (&context);
  ed_test_cli_run_on (&dry, db, "stations", "import", path, "--dry-run", "--json",
                      "--report", report_path, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, dry.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "layout"), ==,
                   "xpress-democracy-club");
  g_assert_cmpint (json_object_get_int_member (root, "places"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "stations"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "addresses"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (root, "dropped"), ==, 6);
  dropped = json_object_get_array_member (root, "dropped_rows");
  g_assert_cmpuint (json_array_get_length (dropped), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (dropped, 0),
                                               "line"), ==, 7);
  g_assert_nonnull (strstr (json_object_get_string_member (
                              json_array_get_object_element (dropped, 1), "reason"),
                            "no postcode"));
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_true (g_str_has_prefix (report, "file,line,address,reason\r\n"));
  g_assert_cmpuint (ed_test_cli_count_lines (report), ==, 7);

  context = ed_modules_open_district (db, &error);
  g_assert_no_error (error);
  after = ed_test_register_state_hash (context);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&context);

  g_free (path);
  path = data_path ("unknown-layout.csv");
  ed_test_cli_run_on (&refused, db, "stations", "import", path, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "unknown-layout.csv, line 1"));
}

static void
test_cli_export (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdStationsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = ed_test_dir_file (fixture, "district.db");
  g_autofree char *output = ed_test_dir_file (fixture, "wdiv.csv");
  g_autofree char *addresses = ed_test_dir_file (fixture, "wdiv-addresses.csv");
  g_autofree char *stations = ed_test_dir_file (fixture, "wdiv-stations.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(EdTestCliResult) result = { 0, };
  g_auto(EdTestCliResult) wrong = { 0, };
  JsonObject *root;

  report = import (context, "weblookup.csv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&context);
  ed_test_cli_run_on (&result, db, "stations", "export", "--format", "democracy-club", "-o",
                      output, "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "addresses"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "stations"), ==, 1);
  g_assert_true (g_file_test (addresses, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (stations, G_FILE_TEST_IS_REGULAR));

  ed_test_cli_run_on (&wrong, db, "stations", "export", "--format", "kml", "-o", output, NULL);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "democracy-club"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stations/grid/worked-example", test_grid_worked_example);
  g_test_add_func ("/stations/grid/wgs84", test_grid_wgs84);
  g_test_add_func ("/stations/grid/irish", test_grid_irish);
  g_test_add_func ("/stations/file/own-files", test_own_files);
  g_test_add_func ("/stations/file/encodings", test_encodings);
  g_test_add_func ("/stations/file/coordinates", test_coordinates);
  ED_TEST_ADD ("/stations/import/idempotent", test_import_idempotent);
  ED_TEST_ADD ("/stations/import/dry-run", test_import_dry_run);
  ED_TEST_ADD ("/stations/import/places-apart", test_import_places_apart);
  ED_TEST_ADD ("/stations/import/postcode-mismatch", test_import_postcode_mismatch);
  ED_TEST_ADD ("/stations/import/refused", test_refused);
  g_test_add_func ("/stations/fixtures/counts", test_fixtures);
  g_test_add_func ("/stations/fixtures/station-ids", test_fixture_station_ids);
  g_test_add_func ("/stations/fixtures/inspect", test_fixture_inspect);
  ED_TEST_ADD ("/stations/fixtures/postcode-mismatch", test_fixture_postcode_mismatch);
  ED_TEST_ADD ("/stations/export/round-trip", test_export_round_trip);
  ED_TEST_ADD ("/stations/cli/json", test_cli_json);
  ED_TEST_ADD ("/stations/cli/export", test_cli_export);

  return g_test_run ();
}
