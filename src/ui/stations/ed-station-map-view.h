/* ed-station-map-view.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stations/ed-station-map.h"

G_BEGIN_DECLS

#define ED_TYPE_STATION_MAP_VIEW (ed_station_map_view_get_type ())

G_DECLARE_FINAL_TYPE (EdStationMapView, ed_station_map_view, ED, STATION_MAP_VIEW, GtkWidget)

GtkWidget    *ed_station_map_view_new       (void);
void          ed_station_map_view_set_map   (EdStationMapView *self,
                                             EdStationMap     *map);
EdStationMap *ed_station_map_view_get_map   (EdStationMapView *self);
void          ed_station_map_view_get_view  (EdStationMapView *self,
                                             EdMapView        *out_view);
void          ed_station_map_view_zoom      (EdStationMapView *self,
                                             double            factor);
void          ed_station_map_view_pan       (EdStationMapView *self,
                                             double            dx,
                                             double            dy);
void          ed_station_map_view_fit       (EdStationMapView *self);
gboolean      ed_station_map_view_is_ready  (EdStationMapView *self);

G_END_DECLS
