/* ed-station-staffing.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdStationStaffing:
 * @presiding_officers: presiding officers (always one at a station)
 * @poll_clerks: poll clerks
 *
 * The people who run one polling station on polling day.
 */
typedef struct
{
  guint presiding_officers;
  guint poll_clerks;
} EdStationStaffing;

/**
 * EdStationThresholds:
 * @two_clerks_electors: the most electors for a presiding officer and two clerks (1,250)
 * @maximum_electors: the most electors one station should serve (2,250)
 *
 * The electorates, postal voters excluded, that decide a station's staffing and size
 * (DOMAIN.md §3.4): a district's own from its settings, or the guidance's.
 */
typedef struct
{
  guint two_clerks_electors;
  guint maximum_electors;
} EdStationThresholds;

void     ed_station_thresholds_init_guidance (EdStationThresholds       *thresholds);
void     ed_station_recommended_staffing     (const EdStationThresholds *thresholds,
                                              guint64                    electors,
                                              EdStationStaffing         *out_staffing);
gboolean ed_station_is_over_maximum          (const EdStationThresholds *thresholds,
                                              guint64                    electors);
gboolean ed_station_staffing_is_short        (const EdStationStaffing   *staffing,
                                              const EdStationStaffing   *recommended);

G_END_DECLS
