/* ed-grid.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ed_grid_project_osgb36   (double  latitude,
                               double  longitude,
                               double *out_easting,
                               double *out_northing);
void ed_grid_unproject_osgb36 (double  easting,
                               double  northing,
                               double *out_latitude,
                               double *out_longitude);
void ed_grid_from_wgs84       (double  latitude,
                               double  longitude,
                               double *out_easting,
                               double *out_northing);
void ed_grid_to_wgs84         (double  easting,
                               double  northing,
                               double *out_latitude,
                               double *out_longitude);

void ed_grid_irish_to_wgs84   (double  easting,
                               double  northing,
                               double *out_latitude,
                               double *out_longitude);
void ed_grid_irish_from_wgs84 (double  latitude,
                               double  longitude,
                               double *out_easting,
                               double *out_northing);

G_END_DECLS
