/* ed-register-locations.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdPropertyLocation:
 * @id: the property's row id
 * @polling_district: the row id of its polling district, "" for none
 * @street: its street, as the register keeps it
 * @easting: Ordnance Survey National Grid easting in metres, 0 when not known
 * @northing: northing in metres, 0 when not known
 *
 * Where one property stands, as another module reads it: the strings are only valid during
 * the call that gives them.
 */
typedef struct
{
  const char *id;
  const char *polling_district;
  const char *street;
  gint64      easting;
  gint64      northing;
} EdPropertyLocation;

/**
 * EdPropertyLocationFunc:
 * @location: one property; copy what is kept
 * @user_data: the data given to ed_register_foreach_property_location()
 *
 * Returns: %TRUE to go on, %FALSE to stop
 */
typedef gboolean (*EdPropertyLocationFunc) (const EdPropertyLocation *location,
                                            gpointer                  user_data);

gboolean ed_register_foreach_property_location (EdContext               *context,
                                                const char              *polling_district,
                                                EdPropertyLocationFunc   func,
                                                gpointer                 user_data,
                                                GError                 **error);

G_END_DECLS
