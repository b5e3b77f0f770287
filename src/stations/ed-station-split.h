/* ed-station-split.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stations/ed-station-plan.h"

G_BEGIN_DECLS

/**
 * EdPlanStreet:
 * @polling_district: the polling district's row id
 * @polling_district_code: its code
 * @street: the street as the register spells it
 * @properties: the station's properties in it
 * @in_person: their electors, postal voters excluded
 *
 * One street a station serves, for choosing which streets a split moves.
 */
typedef struct
{
  const char *polling_district;
  const char *polling_district_code;
  const char *street;
  guint64     properties;
  guint64     in_person;
} EdPlanStreet;

/**
 * EdStationHalf:
 * @properties: its properties
 * @electors: its electors on the register
 * @in_person: of those, the electors who are not postal voters
 * @recommended: the staffing recommended for @in_person
 * @over_maximum: whether @in_person is still over the district's maximum
 */
typedef struct
{
  guint64           properties;
  guint64           electors;
  guint64           in_person;
  EdStationStaffing recommended;
  gboolean          over_maximum;
} EdStationHalf;

/**
 * EdStationSplitPreview:
 * @staying: the station as it would be, with the streets not chosen, its overrides and its
 *   electors with no address
 * @moving: the new station, with the chosen streets
 * @streets: (element-type EdPlanStreet): the streets that would move, pointing into the plan
 */
typedef struct
{
  EdStationHalf  staying;
  EdStationHalf  moving;
  GPtrArray     *streets;
} EdStationSplitPreview;

GPtrArray *ed_station_plan_list_streets   (EdStationPlan          *plan,
                                           const char             *station_id);
gboolean   ed_station_split_preview       (EdStationPlan          *plan,
                                           const char             *station_id,
                                           const char * const     *streets,
                                           EdStationSplitPreview  *out_preview,
                                           GError                **error);
void       ed_station_split_preview_clear (EdStationSplitPreview  *preview);
char      *ed_station_next_free_code      (EdStationPlan          *plan,
                                           const char             *code);
gboolean   ed_station_split_apply         (EdContext              *context,
                                           const char             *station_id,
                                           const char * const     *streets,
                                           const char             *new_code,
                                           char                  **out_station_id,
                                           GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EdStationSplitPreview, ed_station_split_preview_clear)

G_END_DECLS
