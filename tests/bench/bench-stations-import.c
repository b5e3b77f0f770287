/* bench-stations-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a 100,000-row Xpress "Democracy Club" station file (DESIGN.md §9): the time to read
 * it into places, stations and addresses, with every row's postcode, UPRN and coordinates
 * checked and the data-quality rules applied, against the sqlite3 shell's ".import" of the
 * same file into a table in memory, in the same run (budget 2x). The file is made here, tab
 * separated like most councils' exports, with invented addresses: 2,000 stations in 50
 * districts, a few rows in a hundred of the kinds a careful import leaves out. Each side runs
 * three times from a warm page cache, and the best of each is compared.
 *
 * ED_BENCH_ROWS sets the size. */

#define G_LOG_DOMAIN "ed-bench-stations-import"

#include "config.h"

#include <gio/gio.h>

#include "ed-bench-util.h"
#include "stations/ed-station-file.h"

#define DEFAULT_ROWS 100000
#define BUDGET_RATIO 2.0
#define RUNS 3

static const char *const block[] = {
  "Property_URN", "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4",
  "AddressLine5", "Addressline6", "Post_Code", "Polling_Place_Id", "Polling_Place_Name",
  "Polling_Place_Address_1", "Polling_Place_Address_2", "Polling_Place_Address_3",
  "Polling_Place_Address_4", "Polling_Place_Postcode", "Polling_Place_Easting",
  "Polling_Place_Northing",
};

static void
append_header (GString *out)
{
  g_string_append (out, "ElectionDate\tContested");
  for (guint i = 0; i < G_N_ELEMENTS (block); i++)
    g_string_append_printf (out, "\t%s", block[i]);
  g_string_append (out, "\tPolling_Place_UPRNProperty_URN");
  for (guint i = 1; i < 8; i++)
    g_string_append_printf (out, "\t%s1", block[i]);
  g_string_append (out, "\tPolling_Place_District_Reference");
  for (guint i = 8; i < G_N_ELEMENTS (block); i++)
    g_string_append_printf (out, "\t%s1", block[i]);
  g_string_append (out, "\tPolling_Place_UPRN\r\n");
}

static void
make_file (const char *path,
           guint       n_rows)
{
  g_autoptr(GString) out = g_string_sized_new (n_rows * 400);
  g_autoptr(GError) error = NULL;

  append_header (out);
  for (guint i = 0; i < n_rows; i++)
    {
      guint station = i / 50;
      guint district = station / 40;
      guint street = i / 25;
      g_autofree char *postcode = g_strdup_printf ("ZZ%u %u%c%c", 10 + street % 89,
                                                   street % 10, 'A' + street % 26,
                                                   'A' + (street / 26) % 26);
      g_autofree char *station_postcode = g_strdup_printf ("ZZ9 %u%cZ", station % 10,
                                                           'A' + station % 26);
      g_autofree char *address = NULL;
      g_autofree char *place = NULL;
      g_autofree char *district_code = g_strdup_printf ("D%02u", district);
      guint64 uprn = 10000000000 + i;

      /* One row in two hundred says "Other Electors"; one in three hundred has no postcode. */
      if (i % 200 == 199)
        address = g_strdup ("Other Electors\tTestbury");
      else
        address = g_strdup_printf ("%u Street %u\tTestbury", i % 25 + 1, street);
      place = g_strdup_printf ("%u\tHall %u\tHall Lane %u\tTestbury\t\t\t%s\t%u\t%u",
                               2000 + station, station, station, station_postcode,
                               400000 + station * 10, 200000 + station * 10);
      g_string_append_printf (out, "07/05/2026\tYes\t%" G_GUINT64_FORMAT "\t%s\t\t\t\t%s\t%s"
                              "\t%s\t\t%s\t\t\t\t%s\t%s\t%s\t%s\t\r\n",
                              uprn, address, i % 300 == 299 ? "" : postcode,
                              i % 300 == 299 ? "" : postcode,
                              place, address, postcode, postcode, district_code, place);
    }
  ed_bench_check (g_file_set_contents (path, out->str, (gssize)out->len, &error), error,
                  "writing the station file");
}

static double
read_ms (const char *path,
         guint      *out_addresses,
         guint      *out_dropped)
{
  const char *paths[] = { path, NULL };
  g_autoptr(EdStationFiles) files = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  files = ed_station_files_read (paths, NULL, &error);
  ms = ed_bench_ms_since (start);
  ed_bench_check (files != NULL, error, "reading the station file");
  *out_addresses = files->addresses->len;
  *out_dropped = files->dropped->len;
  return ms;
}

static double
shell_ms (const char *path)
{
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *import = g_strdup_printf (".import '%s' t", path);
  gint64 start = g_get_monotonic_time ();
  double ms;

  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "sqlite3", ":memory:",
                            ".mode tabs", import, NULL);
  ed_bench_check (shell != NULL, error, "starting the sqlite3 shell");
  ed_bench_check (g_subprocess_wait_check (shell, NULL, &error), error, "the shell's .import");
  ms = ed_bench_ms_since (start);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const char *rows_env = g_getenv ("ED_BENCH_ROWS");
  guint n_rows = rows_env != NULL ? (guint)g_ascii_strtoull (rows_env, NULL, 10) : DEFAULT_ROWS;
  double ours = G_MAXDOUBLE, theirs = G_MAXDOUBLE;
  guint n_addresses = 0, n_dropped = 0;

  ed_bench_init ();
  if (sqlite3 == NULL)
    {
      g_print ("# SKIP: the sqlite3 shell (Debian package sqlite3) is needed for the baseline\n");
      return 77;
    }
  dir = ed_bench_make_dir ();
  path = g_build_filename (dir, "Democracy_Club__07May2026.tsv", NULL);
  make_file (path, n_rows);
  /* Warm the page cache. */
  ed_bench_check (g_file_get_contents (path, &contents, NULL, NULL), NULL, "reading");
  g_clear_pointer (&contents, g_free);

  for (guint run = 0; run < RUNS; run++)
    {
      ours = MIN (ours, read_ms (path, &n_addresses, &n_dropped));
      theirs = MIN (theirs, shell_ms (path));
    }
  g_print ("# %u rows: read into %u addresses, %u rows left out, best of %u: %.0f ms; "
           "sqlite3 shell .import %.0f ms (%.2f x)\n", n_rows, n_addresses, n_dropped, RUNS,
           ours, theirs, ours / theirs);
  g_print ("bench: stations-read-xpress %.0f ms budget %.0f ms\n", ours, theirs * BUDGET_RATIO);
  ed_bench_remove_dir (dir);
  return ours <= theirs * BUDGET_RATIO ? 0 : 1;
}
