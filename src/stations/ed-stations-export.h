/* ed-stations-export.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

char     *ed_stations_export_democracy_club_path (const char  *output,
                                                  const char  *part);
gboolean  ed_stations_export_democracy_club      (EdContext   *context,
                                                  const char  *addresses_path,
                                                  const char  *stations_path,
                                                  guint       *out_n_addresses,
                                                  guint       *out_n_stations,
                                                  GError     **error);

G_END_DECLS
