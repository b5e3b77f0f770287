/* ed-station-plan.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "register/ed-register-electorate.h"
#include "stations/ed-station-staffing.h"
#include "stations/ed-stations-vocab.h"

G_BEGIN_DECLS

/**
 * EdStationWarnings:
 * @ED_STATION_WARNING_NONE: nothing to see to
 * @ED_STATION_WARNING_OVER_MAXIMUM: more electors, postal voters excluded, than the district's
 *   maximum per station (DOMAIN.md §3.4)
 * @ED_STATION_WARNING_PROJECTED_OVER_MAXIMUM: within the maximum now, over it in five years'
 *   projection
 * @ED_STATION_WARNING_STAFF_SHORT: its default staffing is below the staffing recommended for
 *   its electorate
 * @ED_STATION_WARNING_BOOKING_NOT_CONFIRMED: its place is not yet booked in writing
 * @ED_STATION_WARNING_BOOKING_CANCELLED: its place's booking is cancelled
 * @ED_STATION_WARNING_ACCESS_ISSUES: its place has open accessibility issues
 * @ED_STATION_WARNING_NO_PLACE: it names no polling place, or one that is not there
 * @ED_STATION_WARNING_SERVES_NO_ONE: no rule gives it any elector
 *
 * What the polling plan flags about a station, as bits.
 */
typedef enum
{
  ED_STATION_WARNING_NONE = 0,
  ED_STATION_WARNING_OVER_MAXIMUM = 1 << 0,
  ED_STATION_WARNING_PROJECTED_OVER_MAXIMUM = 1 << 1,
  ED_STATION_WARNING_STAFF_SHORT = 1 << 2,
  ED_STATION_WARNING_BOOKING_NOT_CONFIRMED = 1 << 3,
  ED_STATION_WARNING_BOOKING_CANCELLED = 1 << 4,
  ED_STATION_WARNING_ACCESS_ISSUES = 1 << 5,
  ED_STATION_WARNING_NO_PLACE = 1 << 6,
  ED_STATION_WARNING_SERVES_NO_ONE = 1 << 7,
} EdStationWarnings;

#define ED_STATION_N_WARNINGS 8

/**
 * EdPlanCoverage:
 * @polling_district: the polling district's row id
 * @polling_district_code: its code ("AB"), "" when the district is not in the register
 * @street: one street of it as the rule spells it, or "" for the whole district
 *
 * One rule of what a station serves.
 */
typedef struct
{
  char *polling_district;
  char *polling_district_code;
  char *street;
} EdPlanCoverage;

/**
 * EdPlanStation:
 * @id: the station's row id
 * @code: its code, as on the poll card
 * @name: its room or area, "" when its place has only one
 * @place: its polling place's row id, "" for none
 * @place_name: the place's name, "" when there is no place
 * @easting: the place's easting in metres, 0 when not known
 * @northing: the place's northing in metres, 0 when not known
 * @booking_state: where the place's booking stands
 * @open_access_issues: the place's accessibility issues not yet resolved
 * @coverage: (element-type EdPlanCoverage): the rules that give it electors, in district
 *   code and street order
 * @properties: the properties assigned to it
 * @electors: its electors on the register
 * @postal: of those, the postal voters, who never come to the station
 * @in_person: @electors less @postal: the electorate the thresholds apply to
 * @projected_in_person: @in_person in five years, from the districts' expected new homes
 * @staffing: its default staffing (presiding officers and poll clerks)
 * @recommended: the staffing recommended for @in_person (DOMAIN.md §3.4)
 * @warnings: what to see to
 * @nearer_elsewhere: how many of its properties stand nearer another station's place
 * @furthest_metres: the longest straight line from one of its properties to its place, 0 when
 *   none is known
 *
 * One polling station in the plan.
 */
typedef struct
{
  char              *id;
  char              *code;
  char              *name;
  char              *place;
  char              *place_name;
  gint32             easting;
  gint32             northing;
  EdBookingState     booking_state;
  guint              open_access_issues;
  GPtrArray         *coverage;
  guint64            properties;
  guint64            electors;
  guint64            postal;
  guint64            in_person;
  guint64            projected_in_person;
  EdStationStaffing  staffing;
  EdStationStaffing  recommended;
  EdStationWarnings  warnings;
  guint64            nearer_elsewhere;
  guint32            furthest_metres;
} EdPlanStation;

/**
 * EdPlanDistrict:
 * @id: the polling district's row id
 * @code: its code
 * @name: its name
 * @properties: its properties
 * @electors: its electors on the register, with or without an address
 * @postal: of those, the postal voters
 * @in_person: @electors less @postal
 * @new_dwellings: the new homes expected over five years (district_growth)
 * @projected_electors: @electors in five years
 * @without_coordinates: properties with no coordinates, so no distance
 * @nearer_elsewhere: properties that stand nearer another station's place than their own
 * @without_station: properties that no rule gives a station
 * @electors_without_station: the electors of those, and of its unaddressed electors when the
 *   district has no whole-district station
 *
 * One polling district in the plan.
 */
typedef struct
{
  const char *id;
  const char *code;
  const char *name;
  guint64     properties;
  guint64     electors;
  guint64     postal;
  guint64     in_person;
  guint64     new_dwellings;
  guint64     projected_electors;
  guint64     without_coordinates;
  guint64     nearer_elsewhere;
  guint64     without_station;
  guint64     electors_without_station;
} EdPlanDistrict;

/**
 * EdPlanProperty:
 * @station: the index of its station in the plan's stations, or -1 for none
 * @distance_metres: the straight line to its station's place, or %ED_PLAN_DISTANCE_UNKNOWN
 *   when the property or the place has no coordinates
 * @nearer_elsewhere: whether another station's place is strictly nearer
 * @by_override: whether an override, not its street or district, gave it its station
 *
 * What the plan says of one property: the same index as in the electorate's properties.
 */
typedef struct
{
  gint32   station;
  guint32  distance_metres;
  guint8   nearer_elsewhere;
  guint8   by_override;
} EdPlanProperty;

#define ED_PLAN_DISTANCE_UNKNOWN G_MAXUINT32

/**
 * EdStationPlan:
 * @thresholds: the district's thresholds the plan was judged by
 * @stations: (element-type EdPlanStation): in code order
 * @districts: (element-type EdPlanDistrict): in code order, the electorate's order
 * @electorate: the register's counts the plan was made from
 * @properties: (element-type EdPlanProperty): one per property of @electorate, at its index
 * @without_station: properties no rule gives a station
 * @electors_without_station: electors no rule gives a station
 *
 * The polling plan: every station's electorate, postal voters excluded, its staffing and
 * what to see to; every district's electorate, its projection and how near its electors are
 * to their stations; and each property's station and distance, for the map.
 */
typedef struct
{
  EdStationThresholds  thresholds;
  GPtrArray           *stations;
  GPtrArray           *districts;
  EdElectorate        *electorate;
  GArray              *properties;
  guint64              without_station;
  guint64              electors_without_station;
} EdStationPlan;

EdStationPlan *ed_station_plan_compute        (EdContext      *context,
                                               GError        **error);
EdJob         *ed_station_plan_compute_async  (EdContext           *context,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
EdStationPlan *ed_station_plan_compute_finish (EdJob               *job,
                                               GAsyncResult        *result,
                                               GError             **error);
void           ed_station_plan_free           (EdStationPlan  *plan);
gint           ed_station_plan_find_station   (EdStationPlan  *plan,
                                               const char     *station_id);
EdPlanStation *ed_station_plan_lookup_code    (EdStationPlan  *plan,
                                               const char     *code);

const char    *ed_station_warning_to_string        (EdStationWarnings warning);
const char    *ed_station_warning_get_display_name (EdStationWarnings warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationPlan, ed_station_plan_free)

G_END_DECLS
