/* ed-calendar.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * EdJurisdiction:
 * @ED_JURISDICTION_ENGLAND_AND_WALES: England and Wales
 * @ED_JURISDICTION_SCOTLAND: Scotland
 * @ED_JURISDICTION_NORTHERN_IRELAND: Northern Ireland
 *
 * The parts of the UK that have their own bank holidays.
 */
typedef enum
{
  ED_JURISDICTION_ENGLAND_AND_WALES,
  ED_JURISDICTION_SCOTLAND,
  ED_JURISDICTION_NORTHERN_IRELAND,
} EdJurisdiction;

#define ED_TYPE_JURISDICTION (ed_jurisdiction_get_type ())
GType ed_jurisdiction_get_type (void);

const char *ed_jurisdiction_to_string   (EdJurisdiction   jurisdiction);
gboolean    ed_jurisdiction_from_string (const char      *text,
                                         EdJurisdiction  *out,
                                         GError         **error);

#define ED_TYPE_CALENDAR (ed_calendar_get_type ())
G_DECLARE_FINAL_TYPE (EdCalendar, ed_calendar, ED, CALENDAR, GObject)

EdCalendar     *ed_calendar_new                         (EdJurisdiction   jurisdiction,
                                                         GError         **error);
EdJurisdiction  ed_calendar_get_jurisdiction            (EdCalendar      *self);
GDateYear       ed_calendar_get_first_year              (EdCalendar      *self);
GDateYear       ed_calendar_get_last_year               (EdCalendar      *self);
gboolean        ed_calendar_covers_date                 (EdCalendar      *self,
                                                         const GDate     *date,
                                                         GError         **error);
gboolean        ed_calendar_is_bank_holiday             (EdCalendar      *self,
                                                         const GDate     *date,
                                                         const char     **out_name);
gboolean        ed_calendar_is_working_day              (EdCalendar      *self,
                                                         const GDate     *date);
const char     *ed_calendar_get_dies_non_reason         (EdCalendar      *self,
                                                         const GDate     *date);
gboolean        ed_calendar_add_dies_non                (EdCalendar      *self,
                                                         const GDate     *date,
                                                         const char      *reason,
                                                         GError         **error);
gboolean        ed_calendar_working_days_before         (EdCalendar      *self,
                                                         const GDate     *day,
                                                         guint            n,
                                                         GDate           *out,
                                                         GError         **error);
gboolean        ed_calendar_working_days_after          (EdCalendar      *self,
                                                         const GDate     *day,
                                                         guint            n,
                                                         GDate           *out,
                                                         GError         **error);
gboolean        ed_calendar_count_working_days          (EdCalendar      *self,
                                                         const GDate     *from,
                                                         const GDate     *to,
                                                         gint            *out_count,
                                                         GError         **error);
gboolean        ed_calendar_first_working_day_of_month  (EdCalendar      *self,
                                                         GDateYear        year,
                                                         GDateMonth       month,
                                                         GDate           *out,
                                                         GError         **error);

G_END_DECLS
