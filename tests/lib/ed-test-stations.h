/* ed-test-stations.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/*
 * A town for the station maps' tests and benchmark, written through change sets as any desk
 * writes: polling districts in a grid of cells 1.5 km across (codes AA, AB, …), each with
 * straight streets of properties scattered at random angles, a polling place near its middle
 * and a station covering the whole district; every third district has a second station
 * serving its first street. One property in 200 has no coordinates.
 */
typedef struct
{
  guint n_districts;
  guint n_properties;
  guint n_unlocated;
  guint n_stations;
} EdTestTown;

void   ed_test_stations_build_town (EdContext  *context,
                                    guint       n_properties,
                                    guint       n_districts,
                                    EdTestTown *out_town);
char  *ed_test_stations_add_place  (EdContext  *context,
                                    const char *name,
                                    gint64      easting,
                                    gint64      northing,
                                    const char *polling_district);
char  *ed_test_stations_add_station (EdContext *context,
                                     const char *place,
                                     const char *code,
                                     const char *name);
char  *ed_test_stations_add_coverage (EdContext *context,
                                      const char *station,
                                      const char *polling_district,
                                      const char *street);
char  *ed_test_stations_add_property (EdContext *context,
                                      const char *polling_district,
                                      const char *street,
                                      gint64      easting,
                                      gint64      northing);

G_END_DECLS
