/* ed-polling-station.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"

G_BEGIN_DECLS

/**
 * EdStationCoverage:
 * @polling_district: a polling district's row id
 * @street: one street of it, or "" for the whole district
 *
 * What a station serves (DOMAIN.md §3.1): a whole polling district, or one street of it.
 */
typedef struct
{
  char *polling_district;
  char *street;
} EdStationCoverage;

/**
 * EdStationEdit:
 * @id: the station's row id; %NULL for a new station
 * @coverage: (element-type EdStationCoverage): the districts and streets it serves
 *
 * A polling station's fields as the station editor and the command line hold them; the
 * staffing as typed.
 */
typedef struct
{
  char      *id;
  char      *place;
  char      *code;
  char      *name;
  char      *presiding_officers;
  char      *poll_clerks;
  GPtrArray *coverage;
} EdStationEdit;

/**
 * EdStationSummary:
 *
 * A station as a place's list of its stations shows it.
 */
typedef struct
{
  char   *id;
  char   *code;
  char   *name;
  gint64  presiding_officers;
  gint64  poll_clerks;
  char   *serves;   /* "AA; AB: Mill Lane" */
} EdStationSummary;

/* A station has a presiding officer (RPA 1983 Sch 1 r 26); more than a few of either is a
 * slip of the keyboard, not a plan. */
#define ED_STATION_MAX_PRESIDING_OFFICERS 4
#define ED_STATION_MAX_POLL_CLERKS        12

EdStationCoverage *ed_station_coverage_new           (const char          *polling_district,
                                                      const char          *street);
void               ed_station_coverage_free          (EdStationCoverage   *coverage);

EdStationEdit     *ed_station_edit_new               (const char          *place_id);
void               ed_station_edit_free              (EdStationEdit       *edit);
EdStationEdit     *ed_station_edit_load              (EdContext           *context,
                                                      const char          *station_id,
                                                      GError             **error);
GPtrArray         *ed_station_edit_validate          (EdContext           *context,
                                                      const EdStationEdit *edit);
gboolean           ed_station_edit_save              (EdContext           *context,
                                                      EdStationEdit       *edit,
                                                      GError             **error);
gboolean           ed_station_delete                 (EdContext           *context,
                                                      const char          *station_id,
                                                      GError             **error);
char              *ed_station_next_code              (EdContext           *context,
                                                      GError             **error);
char              *ed_station_find_by_code           (EdContext           *context,
                                                      const char          *code,
                                                      GError             **error);
gboolean           ed_station_override_set           (EdContext           *context,
                                                      const char          *property_id,
                                                      const char          *station_id,
                                                      GError             **error);

GPtrArray         *ed_station_list_at_place          (EdContext           *context,
                                                      const char          *place_id,
                                                      GError             **error);
void               ed_station_summary_free           (EdStationSummary    *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationEdit, ed_station_edit_free)

G_END_DECLS
