/* ed-station-staffing.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How many people a polling station needs, and how many electors it may serve: the
 * Electoral Commission's guidance, DOMAIN.md §3.4, in one place. The electorate is the one
 * allotted to the station with postal voters excluded, since they never come to it. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include "district/ed-district-settings.h"
#include "stations/ed-station-staffing.h"

/**
 * ed_station_thresholds_init_guidance:
 * @thresholds: (out caller-allocates): the thresholds to fill
 *
 * The guidance's own thresholds (DOMAIN.md §3.4): a presiding officer and two poll clerks up
 * to 1,250 electors, and at most 2,250 electors a station.
 */
void
ed_station_thresholds_init_guidance (EdStationThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->two_clerks_electors = ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT;
  thresholds->maximum_electors = ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT;
}

/**
 * ed_station_recommended_staffing:
 * @thresholds: the district's thresholds
 * @electors: the station's electorate, postal voters excluded
 * @out_staffing: (out caller-allocates): the staffing recommended
 *
 * The staff the guidance recommends for a station of @electors (DOMAIN.md §3.4): a presiding
 * officer and two poll clerks up to @thresholds' two-clerk electorate, inclusive; a third
 * clerk above it up to the maximum, inclusive. The guidance stops at the maximum, since a
 * station should not be larger; for one that is, until it is split, this recommends a further
 * clerk for each further band of the same width as the third clerk's, or part of one (our
 * extrapolation, not the guidance's).
 */
void
ed_station_recommended_staffing (const EdStationThresholds *thresholds,
                                 guint64                    electors,
                                 EdStationStaffing         *out_staffing)
{
  guint64 band;

  g_return_if_fail (thresholds != NULL);
  g_return_if_fail (out_staffing != NULL);

  out_staffing->presiding_officers = 1;
  if (electors <= thresholds->two_clerks_electors)
    {
      out_staffing->poll_clerks = 2;
      return;
    }
  out_staffing->poll_clerks = 3;
  if (electors <= thresholds->maximum_electors)
    return;
  band = thresholds->maximum_electors > thresholds->two_clerks_electors
           ? thresholds->maximum_electors - thresholds->two_clerks_electors : 1;
  out_staffing->poll_clerks +=
    (guint)MIN ((electors - thresholds->maximum_electors + band - 1) / band, 1000);
}

/**
 * ed_station_is_over_maximum:
 * @thresholds: the district's thresholds
 * @electors: the station's electorate, postal voters excluded
 *
 * Returns: whether @electors is more than one station should serve (DOMAIN.md §3.4); the
 *   maximum itself is within it
 */
gboolean
ed_station_is_over_maximum (const EdStationThresholds *thresholds,
                            guint64                    electors)
{
  g_return_val_if_fail (thresholds != NULL, FALSE);

  return electors > thresholds->maximum_electors;
}

/**
 * ed_station_staffing_is_short:
 * @staffing: the staff a station has
 * @recommended: the staff recommended for it
 *
 * Returns: whether @staffing has fewer presiding officers or fewer poll clerks than
 *   @recommended; more of either is the officer's choice, never a warning
 */
gboolean
ed_station_staffing_is_short (const EdStationStaffing *staffing,
                              const EdStationStaffing *recommended)
{
  g_return_val_if_fail (staffing != NULL, FALSE);
  g_return_val_if_fail (recommended != NULL, FALSE);

  return staffing->presiding_officers < recommended->presiding_officers ||
         staffing->poll_clerks < recommended->poll_clerks;
}
