/* ed-test-stations.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <math.h>

#include "changes/ed-change-set.h"
#include "ed-test-register.h"
#include "ed-test-stations.h"

#define CELL_METRES    1500.0
#define ORIGIN_EASTING  431000.0
#define ORIGIN_NORTHING 386000.0
#define STREETS_PER_DISTRICT 24

char *
ed_test_stations_add_place (EdContext  *context,
                            const char *name,
                            gint64      easting,
                            gint64      northing,
                            const char *polling_district)
{
  const char *columns[] = { "name", "easting", "northing", "polling_district" };
  GVariant *values[] = {
    g_variant_new_string (name), g_variant_new_int64 (easting),
    g_variant_new_int64 (northing), g_variant_new_string (polling_district),
  };

  return ed_test_register_insert (context, "polling_place", columns, values, 4);
}

char *
ed_test_stations_add_station (EdContext  *context,
                              const char *place,
                              const char *code,
                              const char *name)
{
  const char *columns[] = { "place", "code", "name" };
  GVariant *values[] = {
    g_variant_new_string (place), g_variant_new_string (code), g_variant_new_string (name),
  };

  return ed_test_register_insert (context, "polling_station", columns, values, 3);
}

char *
ed_test_stations_add_coverage (EdContext  *context,
                               const char *station,
                               const char *polling_district,
                               const char *street)
{
  const char *columns[] = { "station", "polling_district", "street" };
  GVariant *values[] = {
    g_variant_new_string (station), g_variant_new_string (polling_district),
    g_variant_new_string (street),
  };

  return ed_test_register_insert (context, "station_coverage", columns, values, 3);
}

char *
ed_test_stations_add_property (EdContext  *context,
                               const char *polling_district,
                               const char *street,
                               gint64      easting,
                               gint64      northing)
{
  const char *columns[] = { "polling_district", "property", "street", "easting", "northing" };
  GVariant *values[] = {
    g_variant_new_string (polling_district), g_variant_new_string ("1"),
    g_variant_new_string (street), g_variant_new_int64 (easting),
    g_variant_new_int64 (northing),
  };

  return ed_test_register_insert (context, "property", columns, values, 5);
}

void
ed_test_stations_build_town (EdContext  *context,
                             guint       n_properties,
                             guint       n_districts,
                             EdTestTown *out_town)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdBulkInsert) bulk = NULL;
  const char *columns[] = { "polling_district", "property", "street", "easting", "northing" };
  guint columns_across = (guint)ceil (sqrt (n_districts));
  g_autofree char **district_ids = g_new0 (char *, n_districts + 1);
  EdTestTown town = { n_districts, n_properties, 0, 0 };

  g_assert_cmpuint (n_districts, >, 0);
  g_assert_cmpuint (n_districts, <=, 26 * 26);

  for (guint d = 0; d < n_districts; d++)
    {
      char code[3] = { 'A' + d / 26, 'A' + d % 26, '\0' };
      g_autofree char *name = g_strdup_printf ("Ward %u", d + 1);
      double cell_e = ORIGIN_EASTING + (d % columns_across) * CELL_METRES;
      double cell_n = ORIGIN_NORTHING + (d / columns_across) * CELL_METRES;
      g_autofree char *place_name = g_strdup_printf ("%s Community Hall", name);
      g_autofree char *place = NULL;
      g_autofree char *station = NULL;
      g_autofree char *station_code = g_strdup_printf ("%s1", code);
      g_autofree char *coverage = NULL;

      district_ids[d] = ed_test_register_add_district (context, code, name);
      place = ed_test_stations_add_place (context, place_name,
                                          (gint64)(cell_e + CELL_METRES * 0.45),
                                          (gint64)(cell_n + CELL_METRES * 0.55),
                                          district_ids[d]);
      station = ed_test_stations_add_station (context, place, station_code, "");
      coverage = ed_test_stations_add_coverage (context, station, district_ids[d], "");
      town.n_stations++;
      if (d % 3 == 0)
        {
          g_autofree char *school_name = g_strdup_printf ("%s Primary School", name);
          g_autofree char *school = NULL;
          g_autofree char *second = NULL;
          g_autofree char *second_code = g_strdup_printf ("%s2", code);
          g_autofree char *street_coverage = NULL;

          school = ed_test_stations_add_place (context, school_name,
                                               (gint64)(cell_e + CELL_METRES * 0.2),
                                               (gint64)(cell_n + CELL_METRES * 0.25),
                                               district_ids[d]);
          second = ed_test_stations_add_station (context, school, second_code, "Hall");
          street_coverage = ed_test_stations_add_coverage (context, second, district_ids[d],
                                                           "Street 1");
          town.n_stations++;
        }
    }

  change_set = ed_change_set_begin (ED_REPLICA (context), &error);
  g_assert_no_error (error);
  bulk = ed_change_set_bulk_insert (change_set, "property", columns, G_N_ELEMENTS (columns),
                                    &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_properties; i++)
    {
      guint d = i % n_districts;
      guint street = (i / n_districts) % STREETS_PER_DISTRICT;
      g_autofree char *street_name = g_strdup_printf ("Street %u", street + 1);
      g_autofree char *number = g_strdup_printf ("%u", i / n_districts + 1);
      double cell_e = ORIGIN_EASTING + (d % columns_across) * CELL_METRES;
      double cell_n = ORIGIN_NORTHING + (d / columns_across) * CELL_METRES;
      /* Each street a line through the cell, the same for every house on it. */
      GRand *street_rand = g_rand_new_with_seed (d * 1000 + street);
      double angle = g_rand_double_range (street_rand, 0, G_PI);
      double mid_e = g_rand_double_range (street_rand, 0.2, 0.8) * CELL_METRES;
      double mid_n = g_rand_double_range (street_rand, 0.2, 0.8) * CELL_METRES;
      double along = g_rand_double_range (rand, -0.3, 0.3) * CELL_METRES;
      double aside = g_rand_double_range (rand, -12, 12);
      gint64 easting = (gint64)(cell_e + mid_e + along * cos (angle) - aside * sin (angle));
      gint64 northing = (gint64)(cell_n + mid_n + along * sin (angle) + aside * cos (angle));

      g_rand_free (street_rand);
      if (i % 200 == 199)
        {
          easting = northing = 0;
          town.n_unlocated++;
        }
      ed_bulk_insert_set_text (bulk, 0, district_ids[d]);
      ed_bulk_insert_set_text (bulk, 1, number);
      ed_bulk_insert_set_text (bulk, 2, street_name);
      ed_bulk_insert_set_int64 (bulk, 3, easting);
      ed_bulk_insert_set_int64 (bulk, 4, northing);
      g_assert_true (ed_bulk_insert_add (bulk, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&bulk, ed_bulk_insert_free);
  g_assert_true (ed_change_set_commit (change_set, &error));
  g_assert_no_error (error);
  for (guint d = 0; d < n_districts; d++)
    g_free (district_ids[d]);
  if (out_town != NULL)
    *out_town = town;
}
