/* ed-station-assignment.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdStationAssignment:
 *
 * Which polling station each property votes at, from the district's rules: a per-property
 * override (station_override) first, then a rule for the property's street in its polling
 * district, then a rule for the whole polling district (station_coverage). Where two rules
 * of one kind give one property two stations, the station with the lowest code wins, so
 * every desk assigns alike; the validator "station-coverage-ambiguous" reports the clash.
 * Loaded once and read many times: looking a property up costs a hash lookup or two.
 */
typedef struct _EdStationAssignment EdStationAssignment;

/**
 * EdStationRuleKind:
 * @ED_STATION_RULE_NONE: no rule gives the property a station
 * @ED_STATION_RULE_DISTRICT: its polling district's whole-district rule
 * @ED_STATION_RULE_STREET: a rule for its street in its polling district
 * @ED_STATION_RULE_OVERRIDE: an override for the property itself
 */
typedef enum
{
  ED_STATION_RULE_NONE,
  ED_STATION_RULE_DISTRICT,
  ED_STATION_RULE_STREET,
  ED_STATION_RULE_OVERRIDE,
} EdStationRuleKind;

EdStationAssignment *ed_station_assignment_load       (EdContext            *context,
                                                       GError              **error);
void                 ed_station_assignment_free       (EdStationAssignment  *self);
const char          *ed_station_assignment_for_street (EdStationAssignment  *self,
                                                       const char           *polling_district,
                                                       const char           *street,
                                                       EdStationRuleKind    *out_kind);
const char          *ed_station_assignment_for_property (EdStationAssignment *self,
                                                         const char          *property,
                                                         const char          *polling_district,
                                                         const char          *street,
                                                         EdStationRuleKind   *out_kind);
const char          *ed_station_assignment_get_override (EdStationAssignment *self,
                                                         const char          *property);
gboolean             ed_station_assignment_has_overrides (EdStationAssignment *self);

char                *ed_station_street_key            (const char           *street);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationAssignment, ed_station_assignment_free)

G_END_DECLS
