/* ed-station-list.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "stations/ed-stations-vocab.h"

G_BEGIN_DECLS

/**
 * EdListedStation:
 * @id: the station's row id
 * @code: its code, as on the poll card
 * @name: its room or area, "" when the place has one
 * @presiding_officers: its default presiding officers
 * @poll_clerks: its default poll clerks
 */
typedef struct
{
  char  *id;
  char  *code;
  char  *name;
  guint  presiding_officers;
  guint  poll_clerks;
} EdListedStation;

/**
 * EdListedPlace:
 * @id: the place's row id
 * @name: its name
 * @address: its address, lines separated by line feeds
 * @postcode: its postcode
 * @easting: Ordnance Survey easting in metres, 0 when not known
 * @northing: northing in metres, 0 when not known
 * @polling_district: the row id of the polling district it stands in, "" when not recorded
 * @polling_district_code: that district's code, "" when not recorded or not found
 * @booking_state: where its booking stands
 * @hire_fee: its hire fee in pence
 * @caretaker: the caretaker, name and telephone
 * @booking_contact: whom to book it with
 * @open_access_issues: accessibility issues not yet resolved
 * @stations: (element-type EdListedStation): the stations it holds, in code order
 *
 * One polling place and its stations, as a list shows them.
 */
typedef struct
{
  char           *id;
  char           *name;
  char           *address;
  char           *postcode;
  gint64          easting;
  gint64          northing;
  char           *polling_district;
  char           *polling_district_code;
  EdBookingState  booking_state;
  gint64          hire_fee;
  char           *caretaker;
  char           *booking_contact;
  guint           open_access_issues;
  char           *poll_card_note;
  GPtrArray      *stations;
} EdListedPlace;

GPtrArray *ed_stations_list_places (EdContext  *context,
                                    GError    **error);

G_END_DECLS
