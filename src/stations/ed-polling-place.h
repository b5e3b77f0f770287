/* ed-polling-place.h
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
 * EdPlaceEdit:
 * @id: the place's row id; %NULL for a new place
 *
 * A polling place's fields as the place editor and the command line hold them: text as typed
 * (numbers, money and the postcode are parsed when checked), the booking state as its enum.
 */
typedef struct
{
  char           *id;
  char           *name;
  char           *address;               /* lines separated by line feeds */
  char           *postcode;
  char           *uprn;
  char           *easting;
  char           *northing;
  char           *polling_district;      /* a polling district's row id, or "" */
  char           *special_circumstances;
  char           *caretaker;
  char           *key_holder;
  char           *booking_contact;
  char           *payee;
  char           *hire_fee;              /* pounds as typed: "£85.00", "85" */
  EdBookingState  booking_state;
  char           *poll_card_note;
} EdPlaceEdit;

/**
 * EdPlaceSummary:
 *
 * One place as the Polling Stations page lists it.
 */
typedef struct
{
  char           *id;
  char           *name;
  char           *postcode;
  char           *district_code;     /* the district it stands in, or "" */
  EdBookingState  booking_state;
  char           *station_codes;     /* "12, 12A" */
  guint           n_open_issues;
  guint           n_assessed;        /* checklist questions answered */
  guint           n_failed;          /* answered no */
} EdPlaceSummary;

/**
 * EdPlaceAccessAnswer:
 *
 * The answer to one question of a place's accessibility checklist.
 */
typedef struct
{
  EdAccessItem    item;
  EdAccessAnswer  answer;
  char           *note;
} EdPlaceAccessAnswer;

/**
 * EdPlaceAccessIssue:
 *
 * A problem found at a place; open while @resolved_on is "".
 */
typedef struct
{
  char *id;
  char *place;
  char *item;          /* an EdAccessItem's value, or "" */
  char *description;
  char *action;
  char *raised_on;
  char *resolved_on;
} EdPlaceAccessIssue;

EdPlaceEdit *ed_place_edit_new               (void);
void         ed_place_edit_free              (EdPlaceEdit        *edit);
EdPlaceEdit *ed_place_edit_load              (EdContext          *context,
                                              const char         *place_id,
                                              GError            **error);
GPtrArray   *ed_place_edit_validate          (const EdPlaceEdit  *edit);
gboolean     ed_place_edit_save              (EdContext          *context,
                                              EdPlaceEdit        *edit,
                                              GError            **error);
const char  *ed_place_field_get_display_name (const char         *field);

GPtrArray   *ed_place_list                   (EdContext          *context,
                                              GError            **error);
void         ed_place_summary_free           (EdPlaceSummary     *summary);

GArray      *ed_place_access_load            (EdContext          *context,
                                              const char         *place_id,
                                              GError            **error);
gboolean     ed_place_access_set             (EdContext          *context,
                                              const char         *place_id,
                                              EdAccessItem        item,
                                              EdAccessAnswer      answer,
                                              const char         *note,
                                              GError            **error);

GPtrArray   *ed_place_access_issues          (EdContext          *context,
                                              const char         *place_id,
                                              GError            **error);
char        *ed_place_access_issue_add       (EdContext          *context,
                                              const char         *place_id,
                                              const char         *item,
                                              const char         *description,
                                              const char         *action,
                                              const GDate        *raised_on,
                                              GError            **error);
gboolean     ed_place_access_issue_resolve   (EdContext          *context,
                                              const char         *issue_id,
                                              const GDate        *resolved_on,
                                              GError            **error);
void         ed_place_access_issue_free      (EdPlaceAccessIssue *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPlaceEdit, ed_place_edit_free)

G_END_DECLS
