/* ed-station-file.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The station files councils' election management systems export for Democracy Club
 * (PEERS.md §1): which layout a file is, from its header; and what it says, read into places,
 * stations and addresses that no longer depend on the layout. The rows a careful import must
 * leave out (PEERS.md §1.8: placeholders such as "Other Electors", rows without a postcode or
 * a station, a UPRN given two stations) are left out here with their line and reason, as
 * Democracy Club's importers do; a file that no rule reads, or that was cut short, is refused
 * whole. The CSV reader (core/ed-csv.c) finds the encoding and the delimiter. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "core/ed-grid.h"
#include "core/ed-postcode.h"
#include "core/ed-uprn.h"
#include "core/ed-value-error.h"
#include "stations/ed-station-file.h"
#include "stations/ed-stations-tables.h"

G_DEFINE_QUARK (ed-station-file-error-quark, ed_station_file_error)

/* --- layouts -------------------------------------------------------------------------------- */

typedef enum
{
  HOLDS_BOTH,       /* a row per property, its station on the same row */
  HOLDS_ADDRESSES,  /* a row per property, naming a station of another file */
  HOLDS_STATIONS,   /* a row per station */
} Holds;

typedef enum
{
  R_UPRN,
  R_A1, R_A2, R_A3, R_A4, R_A5, R_A6,
  R_ADDRESS,
  R_POSTCODE,
  R_POSTCODE2,
  R_DISTRICT,
  R_DISTRICT_NAME,
  R_X,
  R_Y,
  R_HOUSE_NAME,
  R_HOUSE_NUMBER,
  R_SUB_STREET,
  R_STREET_NUMBER,
  R_STREET,
  R_LOCALITY,
  R_TOWN,
  R_ADMIN_AREA,
  R_PROPERTY_NUMBER,
  R_STATION,
  R_NUMBER,
  R_VENUE,
  R_PLACE_NAME,
  R_P1, R_P2, R_P3, R_P4, R_P5, R_P6,
  R_PLACE_ADDRESS,
  R_PLACE_POSTCODE,
  R_PLACE_UPRN,
  R_PLACE_X,
  R_PLACE_Y,
  R_IX,        /* Irish Grid (EONI) */
  R_IY,
  R_PLACE_IX,
  R_PLACE_IY,
  R_DISTRICTS,
  N_ROLES,
} Role;

typedef struct
{
  Role        role;
  const char *column;
} RoleColumn;

static const RoleColumn xpress_columns[] = {
  { R_UPRN, "Property_URN" }, { R_A1, "AddressLine1" }, { R_A2, "AddressLine2" },
  { R_A3, "AddressLine3" }, { R_A4, "AddressLine4" }, { R_A5, "AddressLine5" },
  { R_POSTCODE, "Addressline6" }, { R_POSTCODE2, "Post_Code" },
  { R_DISTRICT, "Polling_Place_District_Reference" }, { R_STATION, "Polling_Place_Id" },
  { R_PLACE_NAME, "Polling_Place_Name" }, { R_P1, "Polling_Place_Address_1" },
  { R_P2, "Polling_Place_Address_2" }, { R_P3, "Polling_Place_Address_3" },
  { R_P4, "Polling_Place_Address_4" }, { R_PLACE_POSTCODE, "Polling_Place_Postcode" },
  { R_PLACE_X, "Polling_Place_Easting" }, { R_PLACE_Y, "Polling_Place_Northing" },
  { R_PLACE_UPRN, "Polling_Place_UPRN" },
  { N_ROLES, NULL },
};

static const RoleColumn weblookup_columns[] = {
  { R_UPRN, "UPRN" }, { R_PROPERTY_NUMBER, "PropertyNumber" }, { R_STREET, "StreetName" },
  { R_POSTCODE, "PostCode" }, { R_DISTRICT, "PollingDistrictReference" },
  { R_STATION, "PollingPlaceId" }, { R_PLACE_NAME, "PollingPlaceAddress1" },
  { R_P1, "PollingPlaceAddress2" }, { R_P2, "PollingPlaceAddress3" },
  { R_P3, "PollingPlaceAddress4" }, { R_P4, "PollingPlaceAddress5" },
  { R_P5, "PollingPlaceAddress6" }, { R_PLACE_POSTCODE, "PollingPlaceAddress7" },
  { R_PLACE_X, "PollingPlaceEasting" }, { R_PLACE_Y, "PollingPlaceNorthing" },
  { N_ROLES, NULL },
};

static const RoleColumn eros_classic_columns[] = {
  { R_UPRN, "UPRN" }, { R_HOUSE_NAME, "HouseName" }, { R_HOUSE_NUMBER, "HouseNumber" },
  { R_POSTCODE, "HousePostCode" }, { R_SUB_STREET, "SubStreetName" },
  { R_STREET_NUMBER, "StreetNumber" }, { R_STREET, "StreetName" }, { R_LOCALITY, "Locality" },
  { R_TOWN, "Town" }, { R_ADMIN_AREA, "AdminArea" }, { R_PLACE_NAME, "PollingStationName" },
  { R_NUMBER, "PollingStationNumber" }, { R_P1, "PollingStationAddress_1" },
  { R_P2, "PollingStationAddress_2" }, { R_P3, "PollingStationAddress_3" },
  { R_P4, "PollingStationAddress_4" }, { R_P5, "PollingStationAddress_5" },
  { R_PLACE_POSTCODE, "PollingStationPostCode" }, { R_PLACE_X, "PollingVenueEasting" },
  { R_PLACE_Y, "PollingVenueNorthing" },
  { N_ROLES, NULL },
};

static const RoleColumn eros_2026_columns[] = {
  { R_UPRN, "UPRN" }, { R_A1, "AddressLine1" }, { R_A2, "AddressLine2" },
  { R_A3, "AddressLine3" }, { R_A4, "AddressLine4" }, { R_A5, "AddressLine5" },
  { R_POSTCODE, "Postcode" }, { R_VENUE, "PollingVenueID" },
  { R_PLACE_NAME, "PollingStationName" }, { R_NUMBER, "PollingStationNumber" },
  { R_P1, "PollingStationAddress1" }, { R_P2, "PollingStationAddress2" },
  { R_P3, "PollingStationAddress3" }, { R_P4, "PollingStationAddress4" },
  { R_P5, "PollingStationAddress5" }, { R_PLACE_POSTCODE, "PollingStationPostCode" },
  { R_PLACE_UPRN, "PollingVenueUPRN" }, { R_PLACE_X, "PollingVenueEasting" },
  { R_PLACE_Y, "PollingVenueNorthing" }, { R_DISTRICT, "PollingDistrictId" },
  { R_DISTRICT_NAME, "PollingDistrictName" },
  { N_ROLES, NULL },
};

static const RoleColumn dcounts_districts_columns[] = {
  { R_A1, "Add1" }, { R_A2, "Add2" }, { R_A3, "Add3" }, { R_A4, "Add4" }, { R_A5, "Add5" },
  { R_A6, "Add6" }, { R_POSTCODE, "PostCode" }, { R_STATION, "StationCode" },
  { R_UPRN, "UPRN" }, { R_X, "Xordinate" }, { R_Y, "Yordinate" },
  { N_ROLES, NULL },
};

static const RoleColumn dcounts_stations_columns[] = {
  { R_P1, "Add1" }, { R_P2, "Add2" }, { R_P3, "Add3" }, { R_P4, "Add4" }, { R_P5, "Add5" },
  { R_P6, "Add6" }, { R_PLACE_POSTCODE, "PostCode" }, { R_STATION, "StationCode" },
  { R_PLACE_X, "Xordinate" }, { R_PLACE_Y, "Yordinate" }, { R_PLACE_NAME, "PlaceName" },
  { N_ROLES, NULL },
};

static const RoleColumn eoni_columns[] = {
  { R_UPRN, "PRO_UPRN" }, { R_ADDRESS, "PRO_FULLADDRESS" }, { R_POSTCODE, "PRO_POSTCODE" },
  { R_X, "PRO_X_4326" }, { R_Y, "PRO_Y_4326" }, { R_STATION, "PREM_ID" },
  { R_PLACE_NAME, "PREM_NAME" }, { R_PLACE_ADDRESS, "PREM_FULLADDRESS" },
  { R_PLACE_POSTCODE, "PREM_POSTCODE" }, { R_PLACE_X, "PREM_X_4326" },
  { R_PLACE_Y, "PREM_Y_4326" }, { R_IX, "PRO_X_COR" }, { R_IY, "PRO_Y_COR" },
  { R_PLACE_IX, "PREM_X_COR" }, { R_PLACE_IY, "PREM_Y_COR" },
  { N_ROLES, NULL },
};

static const RoleColumn dc_addresses_columns[] = {
  { R_ADDRESS, "address" }, { R_UPRN, "uprn" }, { R_POSTCODE, "postcode" },
  { R_STATION, "polling_station" },
  { N_ROLES, NULL },
};

static const RoleColumn dc_stations_columns[] = {
  { R_STATION, "internal_council_id" }, { R_PLACE_ADDRESS, "address" },
  { R_PLACE_POSTCODE, "postcode" }, { R_PLACE_X, "lng" }, { R_PLACE_Y, "lat" },
  { R_DISTRICTS, "districts" },
  { N_ROLES, NULL },
};

typedef struct
{
  const char       *id;
  const char       *family;
  const char       *display_name;
  Holds             holds;
  const RoleColumn *columns;
  gboolean          wgs84;  /* coordinates are longitude (x) and latitude (y) */
} LayoutDef;

static const LayoutDef layouts[] = {
  [ED_STATION_LAYOUT_UNKNOWN] = { "unknown", "unknown", N_("Unknown layout"), HOLDS_BOTH,
                                  NULL, FALSE },
  [ED_STATION_LAYOUT_XPRESS_DC] = { "xpress-democracy-club", "xpress-democracy-club",
                                    N_("Xpress “Democracy Club” export"), HOLDS_BOTH,
                                    xpress_columns, FALSE },
  [ED_STATION_LAYOUT_XPRESS_DC_2017] = { "xpress-democracy-club-2017", "xpress-democracy-club",
                                         N_("Xpress “Democracy Club” export, 2017 layout"),
                                         HOLDS_BOTH, xpress_columns, FALSE },
  [ED_STATION_LAYOUT_XPRESS_WEBLOOKUP] = { "xpress-weblookup", "xpress-weblookup",
                                           N_("Xpress WebLookup export"), HOLDS_BOTH,
                                           weblookup_columns, FALSE },
  [ED_STATION_LAYOUT_EROS_CLASSIC] = { "idox-eros", "idox-eros",
                                       N_("Idox Eros (Halarose) export"), HOLDS_BOTH,
                                       eros_classic_columns, FALSE },
  [ED_STATION_LAYOUT_EROS_2026] = { "idox-eros-2026", "idox-eros",
                                    N_("Idox Eros (Halarose) export, 2026 layout"), HOLDS_BOTH,
                                    eros_2026_columns, FALSE },
  [ED_STATION_LAYOUT_DCOUNTS_DISTRICTS] = { "democracy-counts-districts", "democracy-counts",
                                            N_("Democracy Counts polling districts file"),
                                            HOLDS_ADDRESSES, dcounts_districts_columns, FALSE },
  [ED_STATION_LAYOUT_DCOUNTS_STATIONS] = { "democracy-counts-stations", "democracy-counts",
                                           N_("Democracy Counts polling stations file"),
                                           HOLDS_STATIONS, dcounts_stations_columns, FALSE },
  [ED_STATION_LAYOUT_EONI] = { "eoni", "eoni", N_("Electoral Office for Northern Ireland export"),
                               HOLDS_BOTH, eoni_columns, TRUE },
  [ED_STATION_LAYOUT_DC_ADDRESSES] = { "democracy-club-addresses", "democracy-club-csv",
                                       N_("Democracy Club addresses CSV"), HOLDS_ADDRESSES,
                                       dc_addresses_columns, FALSE },
  [ED_STATION_LAYOUT_DC_STATIONS] = { "democracy-club-stations", "democracy-club-csv",
                                      N_("Democracy Club stations CSV"), HOLDS_STATIONS,
                                      dc_stations_columns, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (layouts) == ED_N_STATION_LAYOUTS);

/**
 * ed_station_layout_to_string:
 * @layout: an #EdStationLayout
 *
 * Returns: the layout's id, as `stations import --json` names it: `xpress-democracy-club`,
 *   `idox-eros-2026`, `democracy-counts-stations`…
 */
const char *
ed_station_layout_to_string (EdStationLayout layout)
{
  g_return_val_if_fail (layout < ED_N_STATION_LAYOUTS, "unknown");
  return layouts[layout].id;
}

/**
 * ed_station_layout_get_display_name:
 * @layout: an #EdStationLayout
 *
 * Returns: the layout's name for people, translated
 */
const char *
ed_station_layout_get_display_name (EdStationLayout layout)
{
  g_return_val_if_fail (layout < ED_N_STATION_LAYOUTS, "");
  return _(layouts[layout].display_name);
}

static gboolean
has_column (EdCsvReader *reader,
            const char  *name)
{
  return ed_csv_reader_find_column (reader, name) >= 0;
}

/* PEERS.md §1.1: the first column names Eros, WebLookup and Xpress; Democracy Counts has
 * Xordinate; the rest by the columns only they have. */
static EdStationLayout
detect_layout (EdCsvReader *reader)
{
  g_autofree char *first = ed_csv_normalise_name (ed_csv_reader_get_column_name (reader, 0));

  if (g_str_equal (first, "houseid"))
    return has_column (reader, "AddressLine1") ? ED_STATION_LAYOUT_EROS_2026
                                                : ED_STATION_LAYOUT_EROS_CLASSIC;
  if (g_str_equal (first, "authoritycode"))
    return ED_STATION_LAYOUT_XPRESS_WEBLOOKUP;
  if (g_str_equal (first, "electiondate") && has_column (reader, "Polling_Place_Id"))
    return has_column (reader, "Polling_Place_UPRNProperty_URN")
             ? ED_STATION_LAYOUT_XPRESS_DC : ED_STATION_LAYOUT_XPRESS_DC_2017;
  if (has_column (reader, "Xordinate") && has_column (reader, "StationCode"))
    {
      if (has_column (reader, "UPRN"))
        return ED_STATION_LAYOUT_DCOUNTS_DISTRICTS;
      if (has_column (reader, "PlaceName"))
        return ED_STATION_LAYOUT_DCOUNTS_STATIONS;
    }
  if (has_column (reader, "PRO_UPRN") && has_column (reader, "PREM_ID"))
    return ED_STATION_LAYOUT_EONI;
  if (has_column (reader, "uprn") && has_column (reader, "polling_station") &&
      has_column (reader, "address") && has_column (reader, "postcode"))
    return ED_STATION_LAYOUT_DC_ADDRESSES;
  if (has_column (reader, "internal_council_id") && has_column (reader, "address"))
    return ED_STATION_LAYOUT_DC_STATIONS;
  return ED_STATION_LAYOUT_UNKNOWN;
}

/* --- one file ------------------------------------------------------------------------------- */

/* Longer than any real field by far: a station file's longest is a full address. */
#define FIELD_MAX_CHARS ED_STATIONS_TEXT_MAX_CHARS

typedef struct
{
  EdCsvReader       *reader;
  EdStationFileInfo *info;
  int                columns[N_ROLES];
  char              *path;
} OpenFile;

static void
open_file_free (OpenFile *file)
{
  g_clear_pointer (&file->reader, ed_csv_reader_free);
  g_clear_pointer (&file->info, ed_station_file_info_free);
  g_free (file->path);
  g_free (file);
}

void
ed_station_file_info_free (EdStationFileInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

static OpenFile *
open_file (const char  *path,
           GError     **error)
{
  OpenFile *file;
  g_autoptr(EdCsvReader) reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_NONE, error);

  if (reader == NULL)
    return NULL;
  file = g_new0 (OpenFile, 1);
  file->path = g_strdup (path);
  file->info = g_new0 (EdStationFileInfo, 1);
  file->info->name = g_strdup (ed_csv_reader_get_display_name (reader));
  file->info->encoding = ed_csv_reader_get_encoding (reader);
  file->info->delimiter = ed_csv_reader_get_delimiter (reader);
  file->info->layout = detect_layout (reader);
  for (guint i = 0; i < N_ROLES; i++)
    file->columns[i] = -1;
  if (layouts[file->info->layout].columns != NULL)
    for (const RoleColumn *c = layouts[file->info->layout].columns; c->column != NULL; c++)
      file->columns[c->role] = ed_csv_reader_find_column (reader, c->column);
  file->reader = g_steal_pointer (&reader);
  return file;
}

/* A file cut short mid-field ends inside quotes, which the CSV reader reports as a quote not
 * closed. When that is on the file's last line, say what it is, as Democracy Club's check
 * does: how many fields the header has, and how many the last line has before it stops. The
 * delimiter and quotes are ASCII, so the bytes are read as they are (UTF-16 aside). */
static gboolean
last_line_cut_short (OpenFile  *file,
                     GError   **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize end, start;
  guint64 line = 1;
  guint n_fields = 1;
  gboolean quoted = FALSE;

  if (file->info->encoding == ED_CSV_ENCODING_UTF16LE ||
      file->info->encoding == ED_CSV_ENCODING_UTF16BE ||
      !g_file_get_contents (file->path, &contents, &length, NULL))
    return FALSE;
  end = length;
  while (end > 0 && (contents[end - 1] == '\n' || contents[end - 1] == '\r'))
    end--;
  start = end;
  while (start > 0 && contents[start - 1] != '\n')
    start--;
  for (gsize i = 0; i < start; i++)
    if (contents[i] == '\n')
      line++;
  for (gsize i = start; i < end; i++)
    {
      if (contents[i] == '"')
        quoted = !quoted;
      else if (!quoted && contents[i] == file->info->delimiter)
        n_fields++;
    }
  /* An open quote on the last line is where the file stops; a line with its quotes closed
   * is not cut short, and its error is the reader's own. */
  if (!quoted || n_fields >= ed_csv_reader_get_n_columns (file->reader))
    return FALSE;
  g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_INCOMPLETE,
               _("%s, line %" PRIu64 ": expected %u fields, found %u; the file may have "
                 "been cut short, so export it again"),
               file->info->name, (uint64_t)line, ed_csv_reader_get_n_columns (file->reader),
               n_fields);
  return TRUE;
}

/* Reads the next row, refusing a row cut short (DC's "Incomplete file") and a field longer
 * than any station file holds. */
static gboolean
next_row (OpenFile  *file,
          gboolean  *out_row,
          GError   **error)
{
  EdCsvReader *reader = file->reader;
  GError *local_error = NULL;
  guint n_fields, n_columns;

  *out_row = FALSE;
  if (!ed_csv_reader_next (reader, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      if (g_error_matches (local_error, ED_CSV_ERROR, ED_CSV_ERROR_QUOTE) &&
          last_line_cut_short (file, error))
        {
          g_clear_error (&local_error);
          return FALSE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  n_fields = ed_csv_reader_get_n_fields (reader);
  n_columns = ed_csv_reader_get_n_columns (reader);
  if (n_fields < n_columns)
    {
      g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_INCOMPLETE,
                   /* Translators: the file, the line, the fields expected, the fields found */
                   _("%s, line %" PRIu64 ": expected %u fields, found %u; the file may have "
                     "been cut short, so export it again"),
                   file->info->name, (uint64_t)ed_csv_reader_get_line (reader), n_columns,
                   n_fields);
      return FALSE;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      gsize length = ed_csv_reader_get_field_length (reader, i);

      if (length > FIELD_MAX_CHARS &&
          g_utf8_strlen (ed_csv_reader_get_field (reader, i), length) > FIELD_MAX_CHARS)
        {
          g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_TOO_LONG,
                       _("%s, line %" PRIu64 ": field %u holds %" PRIu64 " characters, far "
                         "more than any station file's; this is not a station file"),
                       file->info->name, (uint64_t)ed_csv_reader_get_line (reader), i + 1,
                       (uint64_t)g_utf8_strlen (ed_csv_reader_get_field (reader, i), length));
          return FALSE;
        }
    }
  file->info->n_rows++;
  *out_row = TRUE;
  return TRUE;
}

/**
 * ed_station_file_inspect:
 * @path: a file
 * @error: return location for an error
 *
 * Reads a station file through without importing it, as Democracy Club's upload check does:
 * its layout (%ED_STATION_LAYOUT_UNKNOWN when no rule reads it, which is not an error here),
 * encoding, delimiter and rows. A row cut short, a NUL byte or bad text is an error.
 *
 * Returns: (transfer full): what the file is, or %NULL with @error set
 */
EdStationFileInfo *
ed_station_file_inspect (const char  *path,
                         GError     **error)
{
  OpenFile *file = open_file (path, error);
  EdStationFileInfo *info;
  gboolean row = TRUE;

  if (file == NULL)
    return NULL;
  while (row)
    if (!next_row (file, &row, error))
      {
        open_file_free (file);
        return NULL;
      }
  info = g_steal_pointer (&file->info);
  open_file_free (file);
  return info;
}

/* --- text ----------------------------------------------------------------------------------- */

/* A field, trimmed; Idox Eros writes "n/a" into any field it has nothing for. */
static char *
get (OpenFile *file,
     Role      role)
{
  int column = file->columns[role];
  const char *value;
  char *text;

  if (column < 0)
    return g_strdup ("");
  value = ed_csv_reader_get_field (file->reader, (guint)column);
  if (value == NULL)
    return g_strdup ("");
  text = g_strstrip (g_strdup (ed_csv_unneutralise (value)));
  /* The district keeps text in NFC (changes/ed-value.c); a file may have any form. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80)
      {
        char *normalised = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

        g_free (text);
        text = normalised;
        break;
      }
  if ((file->info->layout == ED_STATION_LAYOUT_EROS_CLASSIC ||
       file->info->layout == ED_STATION_LAYOUT_EROS_2026) &&
      g_ascii_strcasecmp (text, "n/a") == 0)
    text[0] = '\0';
  return text;
}

static void
add_line (GPtrArray  *lines,
          const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (copy[0] != '\0')
    g_ptr_array_add (lines, g_steal_pointer (&copy));
}

static char *
join_words (const char *a,
            const char *b)
{
  if (a[0] == '\0')
    return g_strdup (b);
  if (b[0] == '\0')
    return g_strdup (a);
  return g_strconcat (a, " ", b, NULL);
}

static char *
join_lines (GPtrArray  *lines,
            guint       from,
            guint       to,
            const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < to && i < lines->len; i++)
    {
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (lines, i));
    }
  return g_string_free (out, FALSE);
}

static void
split_commas (GPtrArray  *lines,
              const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    add_line (lines, parts[i]);
}

/**
 * ed_station_postcode_normalise:
 * @text: a postcode from a station file
 *
 * A postcode as ed_postcode_normalise() gives it; one of another shape (councils' test
 * files use made-up ones) is compared as Democracy Club compares postcodes: capitals, no
 * punctuation, a space before the last three characters, kept when five characters or more.
 *
 * Returns: (transfer full) (nullable): the postcode, "" for none, or %NULL when @text is not
 *   one
 */
char *
ed_station_postcode_normalise (const char *text)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  char *normalised = NULL;

  if (ed_postcode_normalise (text, &normalised, NULL))
    return normalised;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (compact, g_ascii_toupper (*p));
    else if (*p != ' ' && *p != '\t')
      return NULL;
  if (compact->len == 0)
    return g_strdup ("");
  if (compact->len < 5 || compact->len > 8)
    return NULL;
  g_string_insert_c (compact, compact->len - 3, ' ');
  return g_strdup (compact->str);
}

static gboolean
looks_like_postcode (const char *text)
{
  return ed_postcode_is_valid (text);
}

/* A coordinate: 0, blank or not a number are "not known" (PEERS.md §1.8 rule 7). */
static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;
  double value;

  if (text[0] == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value == 0)
    return FALSE;
  *out = value;
  return TRUE;
}

/* National Grid metres from two coordinate fields, which are latitude and longitude with
 * @wgs84, or else grid metres (the Irish Grid's with @irish); FALSE when not known or outside
 * the grid. */
static gboolean
read_location (const char *x_text,
               const char *y_text,
               gboolean    wgs84,
               gboolean    irish,
               gint64     *out_easting,
               gint64     *out_northing)
{
  double x, y, easting, northing;

  if (!parse_number (x_text, &x) || !parse_number (y_text, &y))
    return FALSE;
  if (irish)
    {
      if (x < 0 || x > 500000 || y < 0 || y > 500000)
        return FALSE;
      ed_grid_irish_to_wgs84 (x, y, &y, &x);
      wgs84 = TRUE;
    }
  if (wgs84)
    {
      if (y < 49 || y > 61 || x < -11 || x > 2.5)
        return FALSE;
      ed_grid_from_wgs84 (y, x, &easting, &northing);
    }
  else
    {
      easting = x;
      northing = y;
    }
  if (easting < 0 || easting > 700000 || northing < 0 || northing > 1300000)
    return FALSE;
  *out_easting = (gint64)llround (easting);
  *out_northing = (gint64)llround (northing);
  return TRUE;
}

/* The current row's location from its coordinate columns: the layout's own, or (EONI) the
 * Irish Grid's when those are all it gives. */
static void
read_row_location (OpenFile *file,
                   Role      x_role,
                   Role      y_role,
                   Role      ix_role,
                   Role      iy_role,
                   gint64   *out_easting,
                   gint64   *out_northing)
{
  g_autofree char *x = get (file, x_role);
  g_autofree char *y = get (file, y_role);
  g_autofree char *ix = get (file, ix_role);
  g_autofree char *iy = get (file, iy_role);

  if (read_location (x, y, layouts[file->info->layout].wgs84, FALSE, out_easting,
                     out_northing) ||
      read_location (ix, iy, FALSE, TRUE, out_easting, out_northing))
    return;
  *out_easting = 0;
  *out_northing = 0;
}

/* The station key Democracy Club gives an Eros station, whose numbers are unique only with
 * its name: "4-the-heron-theatre". */
static char *
eros_station_key (const char *number,
                  const char *name)
{
  GString *key = g_string_new (number);
  gboolean dash = TRUE;
  guint n = 0;

  g_string_append_c (key, '-');
  for (const char *p = name; *p != '\0' && n < 90; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (key, g_ascii_tolower (*p));
          dash = FALSE;
          n++;
        }
      else if (!dash && (*p == ' ' || *p == '-' || *p == '_'))
        {
          g_string_append_c (key, '-');
          dash = TRUE;
          n++;
        }
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

/* --- the set -------------------------------------------------------------------------------- */

typedef struct
{
  EdStationFiles *files;
  GHashTable     *station_by_key;  /* key → index + 1 */
  GHashTable     *place_by_key;    /* venue id or name, address and postcode → index + 1 */
  GHashTable     *row_by_text;     /* a row's values → its line, for exact repeats */
  GPtrArray      *address_drop;    /* per address kept so far: TRUE once dropped */
} Reading;

static void
place_free (EdStationFilePlace *place)
{
  g_free (place->venue_id);
  g_free (place->name);
  g_free (place->address);
  g_free (place->postcode);
  g_free (place);
}

static void
station_free (EdStationFileStation *station)
{
  g_free (station->key);
  g_free (station->code);
  g_clear_pointer (&station->districts, g_ptr_array_unref);
  g_free (station);
}

static void
address_free (EdStationFileAddress *address)
{
  g_free (address->property);
  g_free (address->street);
  g_free (address->locality);
  g_free (address->town);
  g_free (address->address);
  g_free (address->postcode);
  g_free (address->district);
  g_free (address->district_name);
  g_free (address);
}

static void
drop_free (EdStationFileDrop *drop)
{
  g_free (drop->file);
  g_free (drop->address);
  g_free (drop->reason);
  g_free (drop);
}

void
ed_station_files_free (EdStationFiles *files)
{
  if (files == NULL)
    return;
  g_ptr_array_unref (files->files);
  g_ptr_array_unref (files->places);
  g_ptr_array_unref (files->stations);
  g_ptr_array_unref (files->addresses);
  g_ptr_array_unref (files->dropped);
  g_free (files);
}

/**
 * ed_station_files_add_drop:
 * @files: what a set of station files said
 * @file: the file's name
 * @line: the row's line
 * @address: (nullable): the row's address, or %NULL
 * @reason: why the row is left out, translated
 *
 * Records a row left out (the import adds those it leaves out against the register).
 */
void
ed_station_files_add_drop (EdStationFiles *files,
                           const char     *file,
                           guint64         line,
                           const char     *address,
                           const char     *reason)
{
  EdStationFileDrop *drop = g_new0 (EdStationFileDrop, 1);

  drop->file = g_strdup (file);
  drop->line = line;
  drop->address = g_strdup (address != NULL ? address : "");
  drop->reason = g_strdup (reason);
  g_ptr_array_add (files->dropped, drop);
}

static int compare_drops (gconstpointer a,
                          gconstpointer b);

/**
 * ed_station_files_get_display_name:
 * @files: what a set of station files said
 *
 * Returns: the name for people of the set's layout, translated
 */
const char *
ed_station_files_get_display_name (EdStationFiles *files)
{
  g_return_val_if_fail (files != NULL, "");
  if (layouts[files->layout].holds == HOLDS_BOTH)
    return _(layouts[files->layout].display_name);
  if (g_str_equal (layouts[files->layout].family, "democracy-counts"))
    return _("Democracy Counts polling districts and polling stations files");
  return _("Democracy Club addresses and stations CSV files");
}

/**
 * ed_station_files_drop_addresses:
 * @files: what a set of station files said
 * @check: (scope call): gives the reason an address must be left out, or %NULL to keep it
 * @user_data: data for @check
 *
 * Leaves out the addresses @check finds fault with, recording each with its reason.
 */
void
ed_station_files_drop_addresses (EdStationFiles        *files,
                                 EdStationAddressCheck  check,
                                 gpointer               user_data)
{
  GPtrArray *all = files->addresses;

  files->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify)address_free);
  for (guint i = 0; i < all->len; i++)
    {
      EdStationFileAddress *address = g_ptr_array_index (all, i);
      g_autofree char *reason = check (address, user_data);

      if (reason != NULL)
        {
          ed_station_files_add_drop (files, address->file, address->line, address->address,
                                     reason);
          continue;
        }
      g_ptr_array_add (files->addresses, address);
      g_ptr_array_index (all, i) = NULL;
    }
  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) != NULL)
      address_free (g_ptr_array_index (all, i));
  g_ptr_array_set_free_func (all, NULL);
  g_ptr_array_unref (all);
  g_ptr_array_sort (files->dropped, compare_drops);
}

/**
 * ed_station_files_get_layout_name:
 * @files: what a set of station files said
 *
 * Returns: the layout of the set, as `stations import --json` names it: the layout of its
 *   file (`xpress-democracy-club`, `idox-eros-2026`…), or of its pair (`democracy-counts`,
 *   `democracy-club-csv`)
 */
const char *
ed_station_files_get_layout_name (EdStationFiles *files)
{
  g_return_val_if_fail (files != NULL, "unknown");
  if (layouts[files->layout].holds != HOLDS_BOTH)
    return layouts[files->layout].family;
  return layouts[files->layout].id;
}

/* Registers the place and station of the current row (once each); returns the station's
 * index + 1, or 0 when the row names no station. */
static guint
read_station (Reading  *reading,
              OpenFile *file)
{
  EdStationLayout layout = file->info->layout;
  g_autofree char *key = get (file, R_STATION);
  g_autofree char *code = NULL;
  g_autofree char *number = get (file, R_NUMBER);
  g_autofree char *name = get (file, R_PLACE_NAME);
  g_autofree char *venue = get (file, R_VENUE);
  g_autofree char *place_postcode_text = get (file, R_PLACE_POSTCODE);
  g_autofree char *place_postcode = NULL;
  g_autofree char *place_key = NULL;
  g_autofree char *address = NULL;
  g_autofree char *uprn_text = get (file, R_PLACE_UPRN);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  EdStationFileStation *station;
  EdStationFilePlace *place;
  gpointer found;

  if (layout == ED_STATION_LAYOUT_EROS_CLASSIC || layout == ED_STATION_LAYOUT_EROS_2026)
    {
      if (number[0] == '\0')
        return 0;
      g_free (key);
      key = eros_station_key (number, name);
      code = g_strdup (number);
    }
  else
    {
      if (key[0] == '\0' || g_ascii_strcasecmp (key, "n/a") == 0)
        return 0;
      code = g_strdup (key);
    }

  found = g_hash_table_lookup (reading->station_by_key, key);
  if (found != NULL)
    return GPOINTER_TO_UINT (found);

  for (Role r = R_P1; r <= R_P6; r++)
    {
      g_autofree char *line = get (file, r);
      add_line (lines, line);
    }
  if (file->columns[R_PLACE_ADDRESS] >= 0)
    {
      g_autofree char *whole = get (file, R_PLACE_ADDRESS);
      split_commas (lines, whole);
    }
  /* Democracy Club's generic stations CSV has the name as the address's first part. */
  if (file->columns[R_PLACE_NAME] < 0 && lines->len > 0)
    {
      g_free (name);
      name = g_strdup (g_ptr_array_index (lines, 0));
      g_ptr_array_remove_index (lines, 0);
    }
  /* Some Xpress exports put the station's postcode in its last address line. */
  if (place_postcode_text[0] == '\0' && lines->len > 0 &&
      looks_like_postcode (g_ptr_array_index (lines, lines->len - 1)))
    {
      g_free (place_postcode_text);
      place_postcode_text = g_strdup (g_ptr_array_index (lines, lines->len - 1));
      g_ptr_array_remove_index (lines, lines->len - 1);
    }
  place_postcode = ed_station_postcode_normalise (place_postcode_text);
  if (place_postcode == NULL)
    place_postcode = g_strdup (place_postcode_text);
  /* A full address that ends with the postcode given apart (EONI). */
  if (lines->len > 0 && place_postcode[0] != '\0')
    {
      g_autofree char *last = ed_station_postcode_normalise (g_ptr_array_index (lines,
                                                                                lines->len - 1));
      if (g_strcmp0 (last, place_postcode) == 0)
        g_ptr_array_remove_index (lines, lines->len - 1);
    }
  address = join_lines (lines, 0, lines->len, "\n");

  if (venue[0] != '\0')
    place_key = g_strconcat ("venue\n", venue, NULL);
  else
    {
      g_autofree char *text = g_strconcat (name, "\n", address, "\n", place_postcode, NULL);
      place_key = g_utf8_casefold (text, -1);
    }
  found = g_hash_table_lookup (reading->place_by_key, place_key);
  if (found == NULL)
    {
      place = g_new0 (EdStationFilePlace, 1);
      place->venue_id = g_strdup (venue);
      place->name = g_strdup (name);
      place->address = g_strdup (address);
      place->postcode = g_strdup (place_postcode);
      if (!ed_uprn_parse (uprn_text, &place->uprn, NULL))
        place->uprn = 0;
      read_row_location (file, R_PLACE_X, R_PLACE_Y, R_PLACE_IX, R_PLACE_IY, &place->easting,
                         &place->northing);
      g_ptr_array_add (reading->files->places, place);
      found = GUINT_TO_POINTER (reading->files->places->len);
      g_hash_table_insert (reading->place_by_key, g_steal_pointer (&place_key), found);
    }

  station = g_new0 (EdStationFileStation, 1);
  station->key = g_strdup (key);
  station->code = g_steal_pointer (&code);
  station->place = GPOINTER_TO_UINT (found) - 1;
  station->districts = g_ptr_array_new_with_free_func (g_free);
  if (file->columns[R_DISTRICTS] >= 0)
    {
      g_autofree char *districts = get (file, R_DISTRICTS);
      g_auto(GStrv) parts = g_strsplit (districts, "/", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        add_line (station->districts, parts[i]);
    }
  g_ptr_array_add (reading->files->stations, station);
  found = GUINT_TO_POINTER (reading->files->stations->len);
  g_hash_table_insert (reading->station_by_key, g_steal_pointer (&key), found);
  return GPOINTER_TO_UINT (found);
}

/* The address lines of the current row, in the order a letter has them. */
static void
read_address_lines (OpenFile  *file,
                    GPtrArray *lines)
{
  EdStationLayout layout = file->info->layout;

  if (layout == ED_STATION_LAYOUT_EROS_CLASSIC)
    {
      /* Democracy Club's order: house name; house number and sub-street; street number and
       * street; locality; town; area. A house number with no sub-street is the street's. */
      g_autofree char *house_name = get (file, R_HOUSE_NAME);
      g_autofree char *house_number = get (file, R_HOUSE_NUMBER);
      g_autofree char *sub_street = get (file, R_SUB_STREET);
      g_autofree char *street_number = get (file, R_STREET_NUMBER);
      g_autofree char *street = get (file, R_STREET);
      g_autofree char *locality = get (file, R_LOCALITY);
      g_autofree char *town = get (file, R_TOWN);
      g_autofree char *area = get (file, R_ADMIN_AREA);
      g_autofree char *second = NULL;
      g_autofree char *third = NULL;

      add_line (lines, house_name);
      if (sub_street[0] != '\0' || street_number[0] != '\0')
        {
          second = join_words (house_number, sub_street);
          third = join_words (street_number, street);
        }
      else
        {
          second = g_strdup ("");
          third = join_words (house_number, street);
        }
      add_line (lines, second);
      add_line (lines, third);
      add_line (lines, locality);
      add_line (lines, town);
      add_line (lines, area);
      return;
    }
  if (layout == ED_STATION_LAYOUT_XPRESS_WEBLOOKUP)
    {
      g_autofree char *number = get (file, R_PROPERTY_NUMBER);
      g_autofree char *street = get (file, R_STREET);
      g_autofree char *line = join_words (g_str_equal (number, "0") ? "" : number, street);

      add_line (lines, line);
      return;
    }
  for (Role r = R_A1; r <= R_A6; r++)
    {
      g_autofree char *line = get (file, r);
      add_line (lines, line);
    }
  if (file->columns[R_ADDRESS] >= 0)
    {
      g_autofree char *whole = get (file, R_ADDRESS);
      split_commas (lines, whole);
    }
}

/* Property, street, locality and town from an address's lines: the first line that starts
 * with a number holds the street ("5 Buckingham Gardens"); what comes before it, and its
 * number, are the property; the last line after it is the town. */
static void
split_address (GPtrArray            *lines,
               EdStationFileAddress *address)
{
  guint street_line = lines->len;
  const char *number_end = NULL;
  g_autofree char *before = NULL;
  g_autofree char *number = NULL;
  guint rest;

  for (guint i = 0; i < lines->len && street_line == lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *space = strchr (line, ' ');

      if (g_ascii_isdigit (line[0]) && space != NULL && space[1] != '\0')
        {
          street_line = i;
          number_end = space;
        }
    }

  if (street_line < lines->len)
    {
      const char *line = g_ptr_array_index (lines, street_line);

      before = join_lines (lines, 0, street_line, ", ");
      number = g_strndup (line, number_end - line);
      address->property = before[0] != '\0' ? g_strconcat (before, ", ", number, NULL)
                                            : g_strdup (number);
      address->street = g_strstrip (g_strdup (number_end + 1));
      rest = street_line + 1;
    }
  else
    {
      address->property = g_strdup (lines->len > 0 ? g_ptr_array_index (lines, 0) : "");
      address->street = g_strdup (lines->len > 1 ? g_ptr_array_index (lines, 1) : "");
      rest = MIN (2, lines->len);
    }
  if (rest < lines->len)
    {
      address->town = g_strdup (g_ptr_array_index (lines, lines->len - 1));
      address->locality = join_lines (lines, rest, lines->len - 1, ", ");
    }
  else
    {
      address->town = g_strdup ("");
      address->locality = g_strdup ("");
    }
}

static gboolean
is_placeholder (const char *address)
{
  g_autofree char *folded = g_utf8_casefold (address, -1);

  return strstr (folded, "other electors") != NULL || strstr (folded, "other voters") != NULL ||
         strstr (folded, "street record") != NULL || strstr (folded, "dummy record") != NULL;
}

/* Democracy Counts' station codes are the district's and the station's numbers: "B6/1". */
static char *
district_from_station_code (const char *code)
{
  const char *slash = strchr (code, '/');

  return slash != NULL ? g_strndup (code, slash - code) : g_strdup (code);
}

static void
read_address (Reading  *reading,
              OpenFile *file,
              guint     station)
{
  EdStationLayout layout = file->info->layout;
  guint64 line = ed_csv_reader_get_line (file->reader);
  const char *name = file->info->name;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *whole = NULL;
  g_autofree char *postcode_text = get (file, R_POSTCODE);
  g_autofree char *postcode = NULL;
  g_autofree char *uprn_text = get (file, R_UPRN);
  g_autofree char *station_text = NULL;
  g_autofree char *row_key = NULL;
  EdStationFileAddress *address;
  guint64 uprn = 0;
  gpointer found;

  read_address_lines (file, lines);
  if (postcode_text[0] == '\0')
    {
      g_free (postcode_text);
      postcode_text = get (file, R_POSTCODE2);
    }
  /* A full address that ends with its postcode (EONI) is shown without it. */
  if (lines->len > 1 && postcode_text[0] != '\0')
    {
      g_autofree char *last = ed_station_postcode_normalise (g_ptr_array_index (lines,
                                                                                lines->len - 1));
      g_autofree char *given = ed_station_postcode_normalise (postcode_text);

      if (last != NULL && last[0] != '\0' && g_strcmp0 (last, given) == 0)
        g_ptr_array_remove_index (lines, lines->len - 1);
    }
  whole = join_lines (lines, 0, lines->len, ", ");

  if (is_placeholder (whole))
    {
      g_autofree char *shown = ed_value_display_text (whole);
      g_autofree char *reason = g_strdup_printf (_("“%s” is a placeholder, not a property"),
                                                 shown);
      ed_station_files_add_drop (reading->files, name, line, whole, reason);
      return;
    }
  if (station == 0)
    {
      if (layouts[layout].holds == HOLDS_ADDRESSES)
        {
          station_text = get (file, R_STATION);
          if (station_text[0] != '\0')
            {
              found = g_hash_table_lookup (reading->station_by_key, station_text);
              if (found == NULL)
                {
                  g_autofree char *shown = ed_value_display_text (station_text);
                  g_autofree char *reason =
                    g_strdup_printf (_("station “%s” is not in the stations file"), shown);
                  ed_station_files_add_drop (reading->files, name, line, whole, reason);
                  return;
                }
              station = GPOINTER_TO_UINT (found);
            }
        }
      if (station == 0)
        {
          ed_station_files_add_drop (reading->files, name, line, whole,
                                     _("not assigned to a polling station"));
          return;
        }
    }
  if (whole[0] == '\0')
    {
      ed_station_files_add_drop (reading->files, name, line, whole, _("no address"));
      return;
    }
  if (g_utf8_strlen (whole, -1) > ED_STATIONS_ADDRESS_MAX_CHARS)
    {
      g_autofree char *reason = g_strdup_printf (_("the address is longer than %u characters"),
                                                 ED_STATIONS_ADDRESS_MAX_CHARS);
      ed_station_files_add_drop (reading->files, name, line, "", reason);
      return;
    }
  postcode = ed_station_postcode_normalise (postcode_text);
  if (postcode == NULL)
    {
      g_autofree char *shown = ed_value_display_text (postcode_text);
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a postcode"), shown);
      ed_station_files_add_drop (reading->files, name, line, whole, reason);
      return;
    }
  if (postcode[0] == '\0')
    {
      ed_station_files_add_drop (reading->files, name, line, whole, _("no postcode"));
      return;
    }
  if (g_str_equal (postcode, "A1 1AA"))
    {
      ed_station_files_add_drop (reading->files, name, line, whole,
                                 _("the dummy postcode A1 1AA"));
      return;
    }
  if (uprn_text[0] == '\0')
    {
      ed_station_files_add_drop (reading->files, name, line, whole, _("no UPRN"));
      return;
    }
  if (!ed_uprn_parse (uprn_text, &uprn, NULL))
    {
      g_autofree char *shown = ed_value_display_text (uprn_text);
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a UPRN"), shown);
      ed_station_files_add_drop (reading->files, name, line, whole, reason);
      return;
    }

  /* An exact repeat of a row is the same property twice over: kept once. */
  row_key = g_strdup_printf ("%" G_GUINT64_FORMAT "\n%u\n%s\n%s", uprn, station, whole,
                             postcode);
  found = g_hash_table_lookup (reading->row_by_text, row_key);
  if (found != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (_("the same as line %" PRIu64), (uint64_t)*(guint64 *)found);
      ed_station_files_add_drop (reading->files, name, line, whole, reason);
      return;
    }
  {
    guint64 *copy = g_new (guint64, 1);

    *copy = line;
    g_hash_table_insert (reading->row_by_text, g_steal_pointer (&row_key), copy);
  }

  address = g_new0 (EdStationFileAddress, 1);
  address->file = file->info->name;
  address->line = line;
  address->uprn = uprn;
  address->address = g_steal_pointer (&whole);
  address->postcode = g_steal_pointer (&postcode);
  address->station = station - 1;
  split_address (lines, address);
  if (layout == ED_STATION_LAYOUT_DCOUNTS_DISTRICTS)
    address->district = district_from_station_code (
      ((EdStationFileStation *)g_ptr_array_index (reading->files->stations, station - 1))->code);
  else
    address->district = get (file, R_DISTRICT);
  address->district_name = get (file, R_DISTRICT_NAME);
  read_row_location (file, R_X, R_Y, R_IX, R_IY, &address->easting, &address->northing);
  g_ptr_array_add (reading->files->addresses, address);
}

/* PEERS.md §1.8 rule 3: a UPRN given two stations is dropped wholly, for either may be
 * wrong; two rows giving a UPRN one station keep the first. */
typedef struct
{
  guint64    first_line;
  GPtrArray *keys;  /* the station keys it is given, each once (not owned) */
} UprnUse;

static void
uprn_use_free (UprnUse *use)
{
  g_ptr_array_unref (use->keys);
  g_free (use);
}

static void
drop_conflicting_uprns (EdStationFiles *files)
{
  g_autoptr(GHashTable) uses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify)uprn_use_free);
  GPtrArray *all = files->addresses;

  files->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify)address_free);
  for (guint i = 0; i < all->len; i++)
    {
      EdStationFileAddress *address = g_ptr_array_index (all, i);
      EdStationFileStation *station = g_ptr_array_index (files->stations, address->station);
      UprnUse *use = g_hash_table_lookup (uses, &address->uprn);
      gboolean seen = FALSE;

      if (use == NULL)
        {
          use = g_new0 (UprnUse, 1);
          use->first_line = address->line;
          use->keys = g_ptr_array_new ();
          g_hash_table_insert (uses, g_memdup2 (&address->uprn, sizeof address->uprn), use);
        }
      for (guint k = 0; k < use->keys->len; k++)
        seen = seen || g_str_equal (g_ptr_array_index (use->keys, k), station->key);
      if (!seen)
        g_ptr_array_add (use->keys, station->key);
    }

  for (guint i = 0; i < all->len; i++)
    {
      EdStationFileAddress *address = g_ptr_array_index (all, i);
      UprnUse *use = g_hash_table_lookup (uses, &address->uprn);
      g_autofree char *uprn = ed_uprn_format (address->uprn);
      g_autofree char *reason = NULL;

      if (use->keys->len > 1)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint k = 0; k < use->keys->len; k++)
            {
              g_autofree char *shown = ed_value_display_text (g_ptr_array_index (use->keys, k));

              g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", shown);
            }
          reason = g_strdup_printf (_("UPRN %s is given more than one polling station (%s)"),
                                    uprn, list->str);
        }
      else if (use->first_line != address->line)
        reason = g_strdup_printf (_("UPRN %s is on line %" PRIu64 " already"), uprn,
                                  (uint64_t)use->first_line);

      if (reason != NULL)
        ed_station_files_add_drop (files, address->file, address->line, address->address,
                                   reason);
      else
        {
          g_ptr_array_add (files->addresses, address);
          g_ptr_array_index (all, i) = NULL;
        }
    }
  g_hash_table_remove_all (uses);
  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) != NULL)
      address_free (g_ptr_array_index (all, i));
  g_ptr_array_set_free_func (all, NULL);
  g_ptr_array_unref (all);
}

static int
compare_drops (gconstpointer a,
               gconstpointer b)
{
  const EdStationFileDrop *x = *(EdStationFileDrop * const *)a;
  const EdStationFileDrop *y = *(EdStationFileDrop * const *)b;
  int by_file = strcmp (x->file, y->file);

  if (by_file != 0)
    return by_file;
  return x->line < y->line ? -1 : x->line > y->line;
}

static gboolean
read_file (Reading       *reading,
           OpenFile      *file,
           GCancellable  *cancellable,
           GError       **error)
{
  Holds holds = layouts[file->info->layout].holds;
  gboolean row = TRUE;

  for (;;)
    {
      guint station = 0;

      if (!next_row (file, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      if ((file->info->n_rows & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable,
                                                                                    error))
        return FALSE;
      if (holds != HOLDS_ADDRESSES)
        station = read_station (reading, file);
      if (holds != HOLDS_STATIONS)
        read_address (reading, file, station);
    }
}

static int
compare_holds (gconstpointer a,
               gconstpointer b)
{
  const OpenFile *x = *(OpenFile * const *)a;
  const OpenFile *y = *(OpenFile * const *)b;
  int hx = layouts[x->info->layout].holds == HOLDS_STATIONS ? 0 : 1;
  int hy = layouts[y->info->layout].holds == HOLDS_STATIONS ? 0 : 1;

  return hx - hy;
}

/**
 * ed_station_files_read:
 * @paths: (array zero-terminated=1): the files: one EMS export, or the two files of
 *   Democracy Counts or of Democracy Club's CSV
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads station files into places, stations and addresses, leaving out the rows a careful
 * import must (each in @dropped with its line and reason). Refuses the whole set, naming the
 * file and line, when a file is in no layout it knows, was cut short, holds a NUL byte or a
 * field of absurd length, or is one of a pair without the other.
 *
 * Returns: (transfer full): what the files say, or %NULL with @error set
 */
EdStationFiles *
ed_station_files_read (const char * const  *paths,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func ((GDestroyNotify)open_file_free);
  g_autoptr(EdStationFiles) files = g_new0 (EdStationFiles, 1);
  Reading reading = { files, NULL, NULL, NULL, NULL };
  gboolean has_stations = FALSE, has_addresses = FALSE;
  OpenFile *addresses_only = NULL, *stations_only = NULL;
  gboolean ok = TRUE;

  files->files = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_file_info_free);
  files->places = g_ptr_array_new_with_free_func ((GDestroyNotify)place_free);
  files->stations = g_ptr_array_new_with_free_func ((GDestroyNotify)station_free);
  files->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify)address_free);
  files->dropped = g_ptr_array_new_with_free_func ((GDestroyNotify)drop_free);

  if (paths == NULL || paths[0] == NULL)
    {
      g_set_error_literal (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_NO_FILES,
                           _("No station file was given"));
      return NULL;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      OpenFile *file = open_file (paths[i], error);
      OpenFile *first;

      if (file == NULL)
        return NULL;
      g_ptr_array_add (open, file);
      if (file->info->layout == ED_STATION_LAYOUT_UNKNOWN)
        {
          EdCsvReader *reader = file->reader;
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint c = 0; c < MIN (3u, ed_csv_reader_get_n_columns (reader)); c++)
            {
              g_autofree char *shown =
                ed_value_display_text (ed_csv_reader_get_column_name (reader, c));

              g_string_append_printf (names, "%s“%s”", c > 0 ? ", " : "", shown);
            }
          g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_UNKNOWN_LAYOUT,
                       /* Translators: the file, then the names of its first columns */
                       _("%s, line 1: the columns %s… are not those of any station file this "
                         "program reads (Xpress, Idox Eros, Democracy Counts, EONI or "
                         "Democracy Club’s CSV)"),
                       file->info->name, names->str);
          return NULL;
        }
      first = g_ptr_array_index (open, 0);
      if (g_strcmp0 (layouts[file->info->layout].family,
                     layouts[first->info->layout].family) != 0)
        {
          g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_MIXED,
                       _("%s (%s) and %s (%s) come from different systems; import them one "
                         "at a time"),
                       first->info->name, _(layouts[first->info->layout].display_name),
                       file->info->name, _(layouts[file->info->layout].display_name));
          return NULL;
        }
      switch (layouts[file->info->layout].holds)
        {
        case HOLDS_STATIONS:
          has_stations = TRUE;
          stations_only = file;
          break;
        case HOLDS_ADDRESSES:
          has_addresses = TRUE;
          addresses_only = file;
          break;
        case HOLDS_BOTH:
        default:
          has_stations = has_addresses = TRUE;
          break;
        }
    }

  /* Democracy Counts and Democracy Club's CSV come as two files (PEERS.md §1.5). */
  if (!has_stations || !has_addresses)
    {
      OpenFile *lone = addresses_only != NULL ? addresses_only : stations_only;

      g_set_error (error, ED_STATION_FILE_ERROR, ED_STATION_FILE_ERROR_MISSING_FILE,
                   has_stations
                     ? _("%s is a %s; import it with the addresses file exported with it "
                         "(expected 2 files, found 1)")
                     : _("%s is a %s; import it with the stations file exported with it "
                         "(expected 2 files, found 1)"),
                   lone->info->name, _(layouts[lone->info->layout].display_name));
      return NULL;
    }

  g_ptr_array_sort (open, compare_holds);
  files->layout = ((OpenFile *)g_ptr_array_index (open, 0))->info->layout;
  reading.station_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reading.place_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reading.row_by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; ok && i < open->len; i++)
    ok = read_file (&reading, g_ptr_array_index (open, i), cancellable, error);
  g_hash_table_unref (reading.station_by_key);
  g_hash_table_unref (reading.place_by_key);
  g_hash_table_unref (reading.row_by_text);
  if (!ok)
    return NULL;

  drop_conflicting_uprns (files);
  g_ptr_array_sort (files->dropped, compare_drops);

  /* Democracy Club's addresses file names no district; its stations file lists each
   * station's. An address at a station of one district is in that district. */
  for (guint i = 0; i < files->addresses->len; i++)
    {
      EdStationFileAddress *address = g_ptr_array_index (files->addresses, i);
      EdStationFileStation *station = g_ptr_array_index (files->stations, address->station);

      if (address->district[0] == '\0' && station->districts->len == 1)
        {
          g_free (address->district);
          address->district = g_strdup (g_ptr_array_index (station->districts, 0));
        }
    }
  for (guint i = 0; i < open->len; i++)
    {
      OpenFile *file = g_ptr_array_index (open, i);

      g_ptr_array_add (files->files, g_steal_pointer (&file->info));
    }
  return g_steal_pointer (&files);
}
