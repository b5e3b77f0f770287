/* ed-district-settings.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"
#include "changes/ed-schema.h"

G_BEGIN_DECLS
typedef struct _EdContext EdContext;
G_END_DECLS

G_BEGIN_DECLS

/**
 * EdSettingKind:
 * @ED_SETTING_LINE: one line of text
 * @ED_SETTING_ADDRESS: several lines of text
 * @ED_SETTING_COUNTRY: england, wales or scotland
 * @ED_SETTING_BOOLEAN: true or false
 * @ED_SETTING_PHONE: a telephone number
 * @ED_SETTING_EMAIL: an email address
 * @ED_SETTING_WEBSITE: a web address
 * @ED_SETTING_MARKER_LETTER: one capital letter that no franchise marker already uses
 * @ED_SETTING_WHOLE_NUMBER: a whole number from 1 to %ED_SETTING_WHOLE_NUMBER_MAX, or empty
 *   for the value the guidance gives (the setting's getter says which)
 */
typedef enum
{
  ED_SETTING_LINE,
  ED_SETTING_ADDRESS,
  ED_SETTING_COUNTRY,
  ED_SETTING_BOOLEAN,
  ED_SETTING_PHONE,
  ED_SETTING_EMAIL,
  ED_SETTING_WEBSITE,
  ED_SETTING_MARKER_LETTER,
  ED_SETTING_WHOLE_NUMBER,
} EdSettingKind;

/* The largest whole-number setting: more electors than any polling station could serve. */
#define ED_SETTING_WHOLE_NUMBER_MAX 100000

typedef struct
{
  const char    *key;
  const char    *column;
  EdSettingKind  kind;
  gboolean       required;
  const char    *label;        /* translatable, already marked with N_() */
  const char    *description;  /* translatable, already marked with N_() */
} EdSettingInfo;

/**
 * ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT:
 *
 * The welsh-marker-letter setting of a district that has not chosen one. The letter that
 * marks a qualifying foreign citizen in Wales is unconfirmed (DOMAIN.md §1.2, [U]), so it is
 * a setting; this is the same default as the register's ED_FRANCHISE_WELSH_LETTER_DEFAULT.
 */
#define ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT "W"

/**
 * ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT:
 *
 * The most electors (postal voters excluded) the Electoral Commission's guidance allots to
 * one polling station, since the Elections Act 2022: 2,250 (DOMAIN.md §3.4). Advisory, so a
 * district may set its own (the station-maximum-electors setting); empty reads as this.
 */
#define ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT 2250

/**
 * ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT:
 *
 * The most electors (postal voters excluded) a station staffed by a presiding officer and two
 * poll clerks should serve; above it the guidance recommends three clerks: 1,250 (DOMAIN.md
 * §3.4). The station-two-clerks-electors setting; empty reads as this.
 */
#define ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT 1250

/**
 * ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT:
 *
 * How many years after a person's last appointment the staff module lists them for removal,
 * in a district that has not chosen (the staff-retention-years setting; empty reads as this).
 * No law or guidance gives the period [U]: a council's own retention schedule sets it, and
 * four years keeps the people of one full cycle of scheduled elections.
 */
#define ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT 4

typedef enum
{
  ED_COUNTRY_ENGLAND,
  ED_COUNTRY_WALES,
  ED_COUNTRY_SCOTLAND,
} EdCountry;

/* The district table's columns, in the order of ed_district_table: one per setting. */
typedef enum
{
  ED_DISTRICT_COL_COUNCIL_NAME,
  ED_DISTRICT_COL_COUNCIL_ADDRESS,
  ED_DISTRICT_COL_COUNTRY,
  ED_DISTRICT_COL_WELSH_LANGUAGE,
  ED_DISTRICT_COL_ERO_NAME,
  ED_DISTRICT_COL_RO_NAME,
  ED_DISTRICT_COL_PHONE,
  ED_DISTRICT_COL_EMAIL,
  ED_DISTRICT_COL_WEBSITE,
  ED_DISTRICT_COL_WELSH_MARKER_LETTER,
  ED_DISTRICT_COL_STATION_MAXIMUM_ELECTORS,
  ED_DISTRICT_COL_STATION_TWO_CLERKS_ELECTORS,
  ED_DISTRICT_COL_STAFF_RETENTION_YEARS,
  ED_DISTRICT_N_COLS,
} EdDistrictColumn;

/* The district table, as the sync registry knows it, and its validator. */
extern const EdTableDef ed_district_table;
extern const EdValidator ed_district_validator;

#define ED_TYPE_DISTRICT_SETTINGS (ed_district_settings_get_type ())

G_DECLARE_FINAL_TYPE (EdDistrictSettings, ed_district_settings, ED, DISTRICT_SETTINGS, GObject)

const EdSettingInfo *ed_district_settings_get_keys        (guint               *n_keys);
const EdSettingInfo *ed_district_settings_lookup_key      (const char          *key);
gboolean             ed_district_settings_normalise_value (const char          *key,
                                                           const char          *value,
                                                           char               **out_value,
                                                           GError             **error);

EdDistrictSettings  *ed_district_settings_load            (EdContext           *context,
                                                           GError             **error);
gboolean             ed_district_settings_reload          (EdDistrictSettings  *self,
                                                           GError             **error);
gboolean             ed_district_settings_is_configured   (EdDistrictSettings  *self);
gboolean             ed_district_settings_create          (EdDistrictSettings  *self,
                                                           GHashTable          *values,
                                                           GError             **error);
const char          *ed_district_settings_get             (EdDistrictSettings  *self,
                                                           const char          *key);
gboolean             ed_district_settings_set             (EdDistrictSettings  *self,
                                                           const char          *key,
                                                           const char          *value,
                                                           GError             **error);
const char          *ed_district_settings_get_council_name (EdDistrictSettings *self);
EdCountry            ed_district_settings_get_country     (EdDistrictSettings  *self);
gboolean             ed_district_settings_get_welsh_language (EdDistrictSettings *self);
const char          *ed_district_settings_get_welsh_marker_letter (EdDistrictSettings *self);
guint                ed_district_settings_get_station_maximum_electors
                                                          (EdDistrictSettings  *self);
guint                ed_district_settings_get_station_two_clerks_electors
                                                          (EdDistrictSettings  *self);
guint                ed_district_settings_get_staff_retention_years
                                                          (EdDistrictSettings  *self);

char                *ed_district_settings_peek_council_name (const char   *path);

const char          *ed_country_to_string                 (EdCountry            country);
gboolean             ed_country_from_string               (const char          *text,
                                                           EdCountry           *out_country);
const char          *ed_country_get_display_name          (EdCountry            country);

G_END_DECLS
