/* ed-station-map.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "core/ed-job.h"
#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdStationMap:
 *
 * What a map of polling stations shows (DOMAIN.md §3): each property as a dot in the colour
 * of the station it votes at, each polling place and station as a symbol, and each polling
 * district as the outline of its properties, all in Ordnance Survey National Grid metres.
 *
 * A map is filled by a builder (ed_station_map_new_from_district() reads a district; tests
 * and benchmarks add their own), then ed_station_map_finish() works out the outlines and the
 * extent, after which it is read-only and may be drawn from any thread: a map view draws its
 * dots in a worker while the main thread draws the symbols.
 */
typedef struct _EdStationMap EdStationMap;

/**
 * EdMapView:
 * @centre_easting: the easting at the middle of the area drawn, metres
 * @centre_northing: the northing there
 * @metres_per_unit: how many metres one unit of the Cairo user space spans (a point on
 *   paper, a pixel on screen)
 *
 * Which part of the map is drawn, and how large: files fit the whole map
 * (ed_station_map_fit_view()); a screen pans and zooms by changing these.
 */
typedef struct
{
  double centre_easting;
  double centre_northing;
  double metres_per_unit;
} EdMapView;

/**
 * EdMapLayers:
 * @ED_MAP_LAYER_BACKGROUND: the paper
 * @ED_MAP_LAYER_DISTRICTS: the polling districts' outlines, shaded, dashed and labelled
 * @ED_MAP_LAYER_PROPERTIES: a dot for each property
 * @ED_MAP_LAYER_SYMBOLS: the polling places and stations with their codes
 * @ED_MAP_LAYER_FURNITURE: the scale bar and the north arrow
 * @ED_MAP_LAYER_ALL: everything, in that order
 *
 * The parts of the map, bottom to top, so that a screen can keep the costly ones (the
 * properties) in a picture of their own and draw the rest over it as it pans.
 */
typedef enum
{
  ED_MAP_LAYER_BACKGROUND = 1 << 0,
  ED_MAP_LAYER_DISTRICTS  = 1 << 1,
  ED_MAP_LAYER_PROPERTIES = 1 << 2,
  ED_MAP_LAYER_SYMBOLS    = 1 << 3,
  ED_MAP_LAYER_FURNITURE  = 1 << 4,
  ED_MAP_LAYER_ALL        = 0x1f,
} EdMapLayers;

/* No station, no district: a property the plan does not yet place. */
#define ED_STATION_MAP_NONE (-1)

/* The size of a PNG map: A4 landscape at 212 dots an inch, sharp on an A4 printer and small
 * enough to send by email. */
#define ED_STATION_MAP_PNG_WIDTH  2480
#define ED_STATION_MAP_PNG_HEIGHT 1754

/* A4 landscape, in points. */
#define ED_STATION_MAP_PAGE_WIDTH  841.890
#define ED_STATION_MAP_PAGE_HEIGHT 595.276

EdStationMap *ed_station_map_new                 (const char          *title);
EdStationMap *ed_station_map_ref                 (EdStationMap        *self);
void          ed_station_map_unref               (EdStationMap        *self);

void          ed_station_map_set_subtitle        (EdStationMap        *self,
                                                  const char          *subtitle);
int           ed_station_map_add_place           (EdStationMap        *self,
                                                  const char          *name,
                                                  double               easting,
                                                  double               northing);
int           ed_station_map_add_station         (EdStationMap        *self,
                                                  const char          *code,
                                                  const char          *name,
                                                  int                  place);
int           ed_station_map_add_district        (EdStationMap        *self,
                                                  const char          *code,
                                                  const char          *name);
void          ed_station_map_add_property        (EdStationMap        *self,
                                                  double               easting,
                                                  double               northing,
                                                  int                  district,
                                                  int                  station);
void          ed_station_map_finish              (EdStationMap        *self);

const char   *ed_station_map_get_title           (EdStationMap        *self);
const char   *ed_station_map_get_subtitle        (EdStationMap        *self);
guint         ed_station_map_get_n_properties    (EdStationMap        *self);
guint         ed_station_map_get_n_located       (EdStationMap        *self);
guint         ed_station_map_get_n_unassigned    (EdStationMap        *self);
guint         ed_station_map_get_n_stations      (EdStationMap        *self);
const char   *ed_station_map_get_station_code    (EdStationMap        *self,
                                                  guint                station);
guint         ed_station_map_get_station_count   (EdStationMap        *self,
                                                  guint                station);
guint         ed_station_map_get_n_districts     (EdStationMap        *self);
guint         ed_station_map_get_district_n_rings (EdStationMap      *self,
                                                  guint                district);
const double *ed_station_map_get_district_ring   (EdStationMap        *self,
                                                  guint                district,
                                                  guint                ring,
                                                  guint               *out_n_points);
gboolean      ed_station_map_get_district_label  (EdStationMap        *self,
                                                  guint                district,
                                                  double              *out_easting,
                                                  double              *out_northing);
gboolean      ed_station_map_get_extent          (EdStationMap        *self,
                                                  double              *out_min_easting,
                                                  double              *out_min_northing,
                                                  double              *out_max_easting,
                                                  double              *out_max_northing);

void          ed_station_map_fit_view            (EdStationMap        *self,
                                                  double               width,
                                                  double               height,
                                                  EdMapView           *out_view);
void          ed_station_map_draw                (EdStationMap        *self,
                                                  cairo_t             *cr,
                                                  double               width,
                                                  double               height,
                                                  const EdMapView     *view,
                                                  EdMapLayers          layers);
void          ed_station_map_draw_sheet          (EdStationMap        *self,
                                                  cairo_t             *cr,
                                                  double               width,
                                                  double               height);
gboolean      ed_station_map_write               (EdStationMap        *self,
                                                  const char          *path,
                                                  GError             **error);

EdStationMap *ed_station_map_new_from_district   (EdContext           *context,
                                                  const char          *district_code,
                                                  GError             **error);
EdJob        *ed_station_map_new_from_district_async  (EdContext           *context,
                                                       const char          *district_code,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
EdStationMap *ed_station_map_new_from_district_finish (EdJob               *job,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* A station's colour, for a legend drawn elsewhere (the Polling Stations page). */
void          ed_station_map_get_station_colour  (EdStationMap        *self,
                                                  int                  station,
                                                  double              *out_rgb);

/* The scale bar's round distance, public for its tests. */
double        ed_station_map_scale_bar_metres    (double               most_metres);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationMap, ed_station_map_unref)

G_END_DECLS
