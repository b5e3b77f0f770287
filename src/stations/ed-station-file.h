/* ed-station-file.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-csv.h"

G_BEGIN_DECLS

/**
 * ED_STATION_FILE_ERROR:
 *
 * Error domain for station files refused whole. Each message names the file and, where one
 * line is to blame, the line, and says what was expected.
 */
#define ED_STATION_FILE_ERROR (ed_station_file_error_quark ())

/**
 * EdStationFileError:
 * @ED_STATION_FILE_ERROR_UNKNOWN_LAYOUT: no layout this program reads has that header
 * @ED_STATION_FILE_ERROR_INCOMPLETE: a row has fewer fields than the header (a file cut short)
 * @ED_STATION_FILE_ERROR_TOO_LONG: a field far longer than any real one
 * @ED_STATION_FILE_ERROR_MISSING_FILE: one file of a layout that comes as two
 * @ED_STATION_FILE_ERROR_MIXED: files from different systems given together
 * @ED_STATION_FILE_ERROR_NO_FILES: nothing to read
 */
typedef enum
{
  ED_STATION_FILE_ERROR_UNKNOWN_LAYOUT,
  ED_STATION_FILE_ERROR_INCOMPLETE,
  ED_STATION_FILE_ERROR_TOO_LONG,
  ED_STATION_FILE_ERROR_MISSING_FILE,
  ED_STATION_FILE_ERROR_MIXED,
  ED_STATION_FILE_ERROR_NO_FILES,
} EdStationFileError;

GQuark ed_station_file_error_quark (void);

/**
 * EdStationLayout:
 * @ED_STATION_LAYOUT_UNKNOWN: `unknown`: a header no rule reads
 * @ED_STATION_LAYOUT_XPRESS_DC: `xpress-democracy-club`: Civica Xpress's "Democracy Club"
 *   export, the 2019 layout of 38 columns in two glued blocks
 * @ED_STATION_LAYOUT_XPRESS_DC_2017: `xpress-democracy-club-2017`: its older layout, with
 *   ElectionType and ElectoralArea
 * @ED_STATION_LAYOUT_XPRESS_WEBLOOKUP: `xpress-weblookup`: Xpress's legacy WebLookup export
 * @ED_STATION_LAYOUT_EROS_CLASSIC: `idox-eros`: Idox Eros (Halarose), the classic layout
 * @ED_STATION_LAYOUT_EROS_2026: `idox-eros-2026`: its layout since February 2026
 * @ED_STATION_LAYOUT_DCOUNTS_DISTRICTS: `democracy-counts-districts`: Democracy Counts'
 *   "Polling Districts" file, one row per property
 * @ED_STATION_LAYOUT_DCOUNTS_STATIONS: `democracy-counts-stations`: its "Polling Stations" file
 * @ED_STATION_LAYOUT_EONI: `eoni`: the Electoral Office for Northern Ireland's export
 * @ED_STATION_LAYOUT_DC_ADDRESSES: `democracy-club-addresses`: Democracy Club's generic
 *   addresses CSV
 * @ED_STATION_LAYOUT_DC_STATIONS: `democracy-club-stations`: its generic stations CSV
 *
 * The layouts of the files election management systems export for Democracy Club's
 * WhereDoIVote, told apart by their headers.
 */
typedef enum
{
  ED_STATION_LAYOUT_UNKNOWN,
  ED_STATION_LAYOUT_XPRESS_DC,
  ED_STATION_LAYOUT_XPRESS_DC_2017,
  ED_STATION_LAYOUT_XPRESS_WEBLOOKUP,
  ED_STATION_LAYOUT_EROS_CLASSIC,
  ED_STATION_LAYOUT_EROS_2026,
  ED_STATION_LAYOUT_DCOUNTS_DISTRICTS,
  ED_STATION_LAYOUT_DCOUNTS_STATIONS,
  ED_STATION_LAYOUT_EONI,
  ED_STATION_LAYOUT_DC_ADDRESSES,
  ED_STATION_LAYOUT_DC_STATIONS,
  ED_N_STATION_LAYOUTS,
} EdStationLayout;

/**
 * EdStationFileInfo:
 * @name: the file's base name, for messages
 * @layout: its layout
 * @encoding: the encoding it was read in
 * @delimiter: `,` or `\t`
 * @n_rows: the rows after the header
 */
typedef struct
{
  char            *name;
  EdStationLayout  layout;
  EdCsvEncoding    encoding;
  char             delimiter;
  guint            n_rows;
} EdStationFileInfo;

/**
 * EdStationFilePlace:
 * @venue_id: the venue's id in the EMS, when its layout gives one, or ""
 * @name: the building's name
 * @address: its address lines, separated by line feeds, without name or postcode
 * @postcode: its postcode, normalised, or ""
 * @uprn: its UPRN, or 0
 * @easting: its National Grid easting in metres, or 0 when not known
 * @northing: its northing, or 0
 *
 * A polling place (a building) as a station file gives it.
 */
typedef struct
{
  char   *venue_id;
  char   *name;
  char   *address;
  char   *postcode;
  guint64 uprn;
  gint64  easting;
  gint64  northing;
} EdStationFilePlace;

/**
 * EdStationFileStation:
 * @key: the station's id in the EMS: what the file's rows name it by, and Democracy Club's
 *   station id
 * @code: its number or code, as on the poll card
 * @place: its place, an index into #EdStationFiles's places
 * @districts: (element-type utf8): the codes of the polling districts it serves, when the
 *   file lists them apart from its addresses (Democracy Club's stations CSV)
 *
 * A polling station as a station file gives it.
 */
typedef struct
{
  char      *key;
  char      *code;
  guint      place;
  GPtrArray *districts;
} EdStationFileStation;

/**
 * EdStationFileAddress:
 * @file: the name of the file it came from
 * @line: the line it starts on
 * @uprn: its UPRN
 * @property: the house number, name or flat
 * @street: its street
 * @locality: its locality, or ""
 * @town: its town, or ""
 * @address: the whole address on one line, as the file gives it, for reports
 * @postcode: its postcode, normalised
 * @district: the code of its polling district, or "" when the file does not say
 * @district_name: the district's name, when the file gives one, or ""
 * @station: its station, an index into #EdStationFiles's stations
 * @easting: its National Grid easting, or 0
 * @northing: its northing, or 0
 *
 * One property and the station its electors vote at.
 */
typedef struct
{
  const char *file;
  guint64     line;
  guint64     uprn;
  char       *property;
  char       *street;
  char       *locality;
  char       *town;
  char       *address;
  char       *postcode;
  char       *district;
  char       *district_name;
  guint       station;
  gint64      easting;
  gint64      northing;
} EdStationFileAddress;

/**
 * EdStationFileDrop:
 * @file: the file's name
 * @line: the line the row starts on
 * @address: the row's address as the file gives it, or ""
 * @reason: why it was left out, translated
 *
 * A row a careful import leaves out, and why.
 */
typedef struct
{
  char   *file;
  guint64 line;
  char   *address;
  char   *reason;
} EdStationFileDrop;

/**
 * EdStationFiles:
 * @layout: the layout of the set: of its one file, or the stations or addresses file of a
 *   pair as "democracy-counts" or "democracy-club-csv" (see ed_station_files_get_layout_name())
 * @files: (element-type EdStationFileInfo): each file read
 * @places: (element-type EdStationFilePlace): the polling places, each once
 * @stations: (element-type EdStationFileStation): the polling stations, each once
 * @addresses: (element-type EdStationFileAddress): the properties kept
 * @dropped: (element-type EdStationFileDrop): the rows left out, in file and line order
 *
 * What a set of station files says, in a form that no longer depends on their layout.
 */
typedef struct
{
  EdStationLayout  layout;
  GPtrArray       *files;
  GPtrArray       *places;
  GPtrArray       *stations;
  GPtrArray       *addresses;
  GPtrArray       *dropped;
} EdStationFiles;

const char         *ed_station_layout_to_string         (EdStationLayout      layout);
const char         *ed_station_layout_get_display_name  (EdStationLayout      layout);

EdStationFileInfo  *ed_station_file_inspect             (const char          *path,
                                                         GError             **error);
void                ed_station_file_info_free           (EdStationFileInfo   *info);

EdStationFiles     *ed_station_files_read               (const char * const  *paths,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
const char         *ed_station_files_get_layout_name    (EdStationFiles      *files);
const char         *ed_station_files_get_display_name   (EdStationFiles      *files);
void                ed_station_files_add_drop           (EdStationFiles      *files,
                                                         const char          *file,
                                                         guint64              line,
                                                         const char          *address,
                                                         const char          *reason);
typedef char *    (*EdStationAddressCheck)             (EdStationFileAddress *address,
                                                         gpointer              user_data);
void                ed_station_files_drop_addresses     (EdStationFiles      *files,
                                                         EdStationAddressCheck check,
                                                         gpointer             user_data);
void                ed_station_files_free               (EdStationFiles      *files);

char               *ed_station_postcode_normalise       (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationFileInfo, ed_station_file_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationFiles, ed_station_files_free)

G_END_DECLS
