/* ed-station-map-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stations/ed-station-map.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  double  easting;
  double  northing;
  gboolean located;
} EdMapPlace;

typedef struct
{
  char  *code;
  char  *name;
  int    place;        /* index into places, or ED_STATION_MAP_NONE */
  guint  n_properties; /* every property it serves, located or not */
  guint  colour;       /* its place in the palette, chosen by ed_station_map_finish() */
} EdMapStation;

typedef struct
{
  char   *code;
  char   *name;
  GArray *points;      /* the located properties' coordinates (double pairs), until finish */
  double *outline;     /* its rings' corners, easting/northing pairs, one ring after another */
  guint   n_outline;   /* corners in all */
  guint  *ring_ends;   /* where each ring ends, in corners */
  guint   n_rings;
  double  label_easting;
  double  label_northing;
} EdMapDistrict;

struct _EdStationMap
{
  gatomicrefcount  ref;
  char            *title;
  char            *subtitle;
  GArray          *places;     /* EdMapPlace */
  GArray          *stations;   /* EdMapStation */
  GArray          *districts;  /* EdMapDistrict */

  /* The located properties as they were added: easting, northing pairs and their station. */
  GArray          *points;     /* double */
  GArray          *point_station; /* gint32 */
  guint            n_properties;
  guint            n_unassigned;

  /* After finish: the points again, grouped by station so that each colour is one path:
   * group 0 is the properties with no station, group s + 1 station s. */
  double          *grouped;
  guint           *group_start; /* n_stations + 2 offsets into grouped, in points */
  gboolean         finished;
  gboolean         has_extent;
  double           min_easting, min_northing, max_easting, max_northing;
};

void _ed_station_map_outline_district (EdMapDistrict *district,
                                       double         cell_metres);

G_END_DECLS
