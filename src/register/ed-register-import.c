/* ed-register-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing a register from the CSV that "register export --edition full" writes (README.md
 * lists its columns; any order, names compared after normalising). Every row is checked
 * before anything is written: one refused row refuses the whole file, and the report lists
 * every refused row with its line, field, value and reason (DESIGN.md §7). Only then are the
 * polling districts, properties and electors written, in one change set, so a failure or a
 * cancel half-way leaves the district exactly as it was.
 *
 * Every field is text of the register's own rules before any other check: valid UTF-8 (a
 * line in another encoding is refused by field, never the file re-read as windows-1252),
 * composed (NFC, as the change set stores text: a decomposed accent from a Mac is composed
 * here, not refused), and within the limits of ed-register-tables.h, which the elector form
 * holds to as well. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "district/ed-district-settings.h"
#include "core/ed-elector-number.h"
#include "core/ed-output-file.h"
#include "register/ed-franchise.h"
#include "core/ed-postcode.h"
#include "register/ed-register-bulk-load.h"
#include "register/ed-register-import.h"
#include "register/ed-register-tables.h"
#include "register/ed-register-vocab.h"
#include "core/ed-uprn.h"
#include "core/ed-value-error.h"

#define CHECK_CANCEL_EVERY 1000

enum
{
  C_POLLING_DISTRICT, C_POLLING_DISTRICT_NAME, C_AREA, C_AREA_NAME, C_AREA_KIND, C_AREA_SEATS,
  C_PARISH, C_PARISH_NAME, C_CONSTITUENCY, C_PREFIX, C_NUMBER, C_SUFFIX, C_TITLE, C_FORENAMES,
  C_SURNAME, C_MARKER, C_ATTAINER, C_OPT_OUT, C_ABSENT_VOTE, C_ABSENT_VOTE_ENDS, C_PROXY_NAME,
  C_PROXY_ADDRESS, C_ANONYMOUS, C_OTHER, C_LANGUAGE, C_STATUS, C_UPRN, C_PROPERTY, C_STREET,
  C_LOCALITY, C_TOWN, C_AREA_OF_TOWN, C_POSTCODE, C_DATE_OF_BIRTH, C_EASTING, C_NORTHING,
  N_COLUMNS
};

/* The names each column may have in a header, after ed_csv_normalise_name(). */
static const char *column_names[N_COLUMNS][3] = {
  { "polling_district", "polling_district_code", NULL },
  { "polling_district_name", NULL },
  { "electoral_area", "ward", NULL },
  { "electoral_area_name", "ward_name", NULL },
  { "electoral_area_kind", NULL },
  { "electoral_area_seats", NULL },
  { "parish", NULL },
  { "parish_name", NULL },
  { "constituency", NULL },
  { "elector_number_prefix", NULL },
  { "elector_number", NULL },
  { "elector_number_suffix", NULL },
  { "title", NULL },
  { "forenames", "first_names", NULL },
  { "surname", "last_name", NULL },
  { "franchise_marker", "marker", NULL },
  { "attainer_date", "date_of_attainment", NULL },
  { "open_register_opt_out", "opt_out", NULL },
  { "absent_vote", NULL },
  { "absent_vote_ends", NULL },
  { "proxy_name", NULL },
  { "proxy_address", NULL },
  { "anonymous", NULL },
  { "other_elector", NULL },
  { "language", NULL },
  { "status", NULL },
  { "uprn", NULL },
  { "property", NULL },
  { "street", NULL },
  { "locality", NULL },
  { "town", NULL },
  { "area", NULL },
  { "postcode", NULL },
  { "date_of_birth", "dob", NULL },
  { "easting", "x_coordinate", NULL },
  { "northing", "y_coordinate", NULL },
};

/* The most characters each column holds (ed-register-tables.h). */
static const guint column_max_chars[N_COLUMNS] = {
  [C_POLLING_DISTRICT] = ED_REGISTER_CODE_MAX_CHARS,
  [C_POLLING_DISTRICT_NAME] = ED_REGISTER_PLACE_NAME_MAX_CHARS,
  [C_AREA] = ED_REGISTER_CODE_MAX_CHARS,
  [C_AREA_NAME] = ED_REGISTER_PLACE_NAME_MAX_CHARS,
  [C_AREA_KIND] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_AREA_SEATS] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_PARISH] = ED_REGISTER_CODE_MAX_CHARS,
  [C_PARISH_NAME] = ED_REGISTER_PLACE_NAME_MAX_CHARS,
  [C_CONSTITUENCY] = ED_REGISTER_PLACE_NAME_MAX_CHARS,
  [C_PREFIX] = ED_REGISTER_CODE_MAX_CHARS,
  [C_NUMBER] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_SUFFIX] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_TITLE] = ED_REGISTER_TITLE_MAX_CHARS,
  [C_FORENAMES] = ED_REGISTER_NAME_MAX_CHARS,
  [C_SURNAME] = ED_REGISTER_NAME_MAX_CHARS,
  [C_MARKER] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_ATTAINER] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_OPT_OUT] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_ABSENT_VOTE] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_ABSENT_VOTE_ENDS] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_PROXY_NAME] = ED_REGISTER_PROXY_NAME_MAX_CHARS,
  [C_PROXY_ADDRESS] = ED_REGISTER_PROXY_ADDRESS_MAX_CHARS,
  [C_ANONYMOUS] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_OTHER] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_LANGUAGE] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_STATUS] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_UPRN] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_PROPERTY] = ED_REGISTER_ADDRESS_LINE_MAX_CHARS,
  [C_STREET] = ED_REGISTER_ADDRESS_LINE_MAX_CHARS,
  [C_LOCALITY] = ED_REGISTER_ADDRESS_LINE_MAX_CHARS,
  [C_TOWN] = ED_REGISTER_ADDRESS_LINE_MAX_CHARS,
  [C_AREA_OF_TOWN] = ED_REGISTER_ADDRESS_LINE_MAX_CHARS,
  [C_POSTCODE] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_DATE_OF_BIRTH] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_EASTING] = ED_REGISTER_OTHER_MAX_CHARS,
  [C_NORTHING] = ED_REGISTER_OTHER_MAX_CHARS,
};

typedef struct
{
  const char *code;
  const char *name;
  const char *area_code;
  const char *area_name;
  const char *area_kind;
  gint64      seats;
  const char *parish_code;
  const char *parish_name;
  const char *constituency;
  char       *id;            /* existing or written */
} Part;

typedef struct
{
  gint64      uprn;
  const char *property;
  const char *street;
  const char *locality;
  const char *town;
  const char *area;
  const char *postcode;
  Part       *part;
  gint64      easting;    /* National Grid metres, 0 when the file gives none */
  gint64      northing;
  char       *id;
} Property;

typedef struct
{
  Part       *part;
  Property   *property;      /* NULL for Other electors */
  const char *prefix;
  gint64      number;
  gint64      suffix;
  const char *title;
  const char *forenames;
  const char *surname;
  const char *marker;
  const char *attainer;
  const char *date_of_birth;
  gboolean           opt_out;
  EdAbsentVote       absent_vote;
  const char        *absent_vote_ends;
  const char        *proxy_name;
  const char        *proxy_address;
  gboolean           anonymous;
  gboolean           other;
  EdElectorLanguage  language;
  EdElectorStatus    status;
} Elector;

typedef struct
{
  EdContext       *context;
  EdCountry        country;
  const char      *welsh_letter;   /* the district's, for a qualifying foreign citizen */
  GDate            today;
  GStringChunk    *strings;
  int              columns[N_COLUMNS];
  GHashTable      *parts;          /* code → Part */
  GHashTable      *properties;     /* address key → Property, for those without a UPRN */
  GHashTable      *properties_by_uprn; /* &Property.uprn → Property */
  GPtrArray       *property_order; /* Property*, as first seen; owns them */
  GArray          *electors;       /* Elector */
  GHashTable      *numbers;        /* "AB\t124\t1" → line */
  EdImportReport  *report;
  const char      *row[N_COLUMNS]; /* the current row's fields, checked and in NFC */
  GPtrArray       *row_copies;     /* the fields of the row that had to be composed */
} Import;

static void
problem_free (EdImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->value);
  g_free (problem->reason);
  g_free (problem);
}

void
ed_import_report_free (EdImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

static void
part_free (Part *part)
{
  g_free (part->id);
  g_free (part);
}

static void
property_free (Property *property)
{
  g_free (property->id);
  g_free (property);
}

static void
add_problem (Import      *import,
             guint64      line,
             const char  *field,
             const char  *value,
             const char  *reason)
{
  EdImportProblem *problem = g_new0 (EdImportProblem, 1);

  problem->line = line;
  /* The column's name as the file has it, which is the file's to choose. */
  problem->field = ed_value_display_text (field);
  /* Quoted in part and with control characters escaped: the value may be megabytes long,
   * or written to take over the terminal the report is printed on. */
  problem->value = ed_value_display_text (value);
  problem->reason = g_strdup (reason);
  g_ptr_array_add (import->report->problems, problem);
}

/* The field of column @c in the current row, "" when the file has no such column, as
 * read_fields() checked it. */
static const char *
field (Import *import,
       int     c)
{
  return import->row[c];
}

/* @text without the spaces around it, kept until the import ends. Nearly every field has
 * none, and many are empty: those need no copy to trim. */
static const char *
keep (Import     *import,
      const char *text)
{
  g_autofree char *trimmed = NULL;
  gsize len = strlen (text);

  if (len == 0)
    return "";
  if (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1]))
    return g_string_chunk_insert_const (import->strings, text);
  trimmed = g_strstrip (g_strdup (text));
  return g_string_chunk_insert_const (import->strings, trimmed);
}

static gboolean
parse_flag (const char *text,
            gboolean   *out)
{
  static const char *yes[] = { "1", "true", "yes", "y" };
  static const char *no[] = { "", "0", "false", "no", "n" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return *out = TRUE, TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return *out = FALSE, TRUE;
  return FALSE;
}

static gboolean
parse_count (const char *text,
             gint64      max,
             gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64)max, &value, NULL))
    return FALSE;
  *out = (gint64)value;
  return TRUE;
}

/* A grid reference in whole metres; a gazetteer may give it with decimals (536737.00), which
 * are dropped: a metre is finer than a property's point. */
static gboolean
parse_grid (const char *text,
            gint64      max,
            gint64     *out)
{
  g_autofree char *whole = g_strdup (text);
  char *point = strchr (whole, '.');

  if (point != NULL)
    {
      for (const char *p = point + 1; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      *point = '\0';
    }
  return parse_count (whole, max, out) && *out > 0;
}

static const char *
header_name (EdCsvReader *reader,
             Import      *import,
             int          c)
{
  return import->columns[c] >= 0 ? ed_csv_reader_get_column_name (reader, import->columns[c])
                                 : column_names[c][0];
}

/* Checks one flag column, recording a problem if it is not one. */
static gboolean
read_flag (Import      *import,
           EdCsvReader *reader,
           int          c,
           gboolean    *out)
{
  const char *text = field (import, c);

  if (parse_flag (text, out))
    return TRUE;
  add_problem (import, ed_csv_reader_get_line (reader), header_name (reader, import, c), text,
               _("expected 1 or 0 (yes or no)"));
  return FALSE;
}

static gboolean
read_date (Import      *import,
           EdCsvReader *reader,
           int          c,
           const char **out)
{
  const char *text = field (import, c);
  GDate date;

  if (text[0] == '\0')
    {
      *out = "";
      return TRUE;
    }
  g_date_clear (&date, 1);
  if (!ed_date_parse_iso (text, &date, NULL))
    {
      add_problem (import, ed_csv_reader_get_line (reader), header_name (reader, import, c),
                   text, _("expected a date as YYYY-MM-DD"));
      return FALSE;
    }
  *out = keep (import, text);
  return TRUE;
}

static Part *
read_part (Import      *import,
           EdCsvReader *reader,
           const char  *prefix)
{
  const char *code = field (import, C_POLLING_DISTRICT);
  Part *part;

  if (code[0] == '\0')
    code = prefix;
  part = g_hash_table_lookup (import->parts, code);
  if (part != NULL)
    return part;

  part = g_new0 (Part, 1);
  part->code = keep (import, code);
  part->name = keep (import, field (import, C_POLLING_DISTRICT_NAME));
  part->area_code = keep (import, field (import, C_AREA));
  part->area_name = keep (import, field (import, C_AREA_NAME));
  part->area_kind = keep (import, field (import, C_AREA_KIND));
  if (!parse_count (field (import, C_AREA_SEATS), 99, &part->seats))
    part->seats = 1;
  part->parish_code = keep (import, field (import, C_PARISH));
  part->parish_name = keep (import, field (import, C_PARISH_NAME));
  part->constituency = keep (import, field (import, C_CONSTITUENCY));
  g_hash_table_insert (import->parts, (gpointer)part->code, part);
  return part;
}

/* One property per UPRN, or per address where there is none. */
static Property *
read_property (Import      *import,
               EdCsvReader *reader,
               Part        *part,
               gint64       uprn,
               const char  *postcode,
               gint64       easting,
               gint64       northing)
{
  g_autofree char *key = NULL;
  Property *property;

  if (uprn > 0)
    property = g_hash_table_lookup (import->properties_by_uprn, &uprn);
  else
    {
      key = g_strjoin ("\t", field (import, C_PROPERTY),
                       field (import, C_STREET), field (import, C_LOCALITY),
                       field (import, C_TOWN), postcode, part->code, NULL);
      property = g_hash_table_lookup (import->properties, key);
    }
  if (property != NULL)
    return property;

  property = g_new0 (Property, 1);
  property->uprn = uprn;
  property->property = keep (import, field (import, C_PROPERTY));
  property->street = keep (import, field (import, C_STREET));
  property->locality = keep (import, field (import, C_LOCALITY));
  property->town = keep (import, field (import, C_TOWN));
  property->area = keep (import, field (import, C_AREA_OF_TOWN));
  property->postcode = keep (import, postcode);
  property->part = part;
  property->easting = easting;
  property->northing = northing;
  if (uprn > 0)
    g_hash_table_insert (import->properties_by_uprn, &property->uprn, property);
  else
    g_hash_table_insert (import->properties, g_steal_pointer (&key), property);
  g_ptr_array_add (import->property_order, property);
  return property;
}

/* Whether @text needs more than a glance: bytes above ASCII (to compose), or control
 * characters (to refuse). Nearly every field of a register is plain ASCII. */
static gboolean
needs_checking (const char *text,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar)text[i];

      if (c < 0x20 || c >= 0x7F)
        return TRUE;
    }
  return FALSE;
}

/* Makes import->row from the current record: each field valid UTF-8, composed (NFC) and
 * within its column's limits. Records a problem for each field that is not, and returns
 * %FALSE if there was any. */
static gboolean
prepare_row (Import      *import,
             EdCsvReader *reader)
{
  guint64 line = ed_csv_reader_get_line (reader);
  gboolean ok = TRUE;

  g_ptr_array_set_size (import->row_copies, 0);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GError) text_error = NULL;
      const char *unquoted;
      const char *text;
      gsize len;

      import->row[c] = "";
      if (import->columns[c] < 0 ||
          (text = ed_csv_reader_get_field (reader, import->columns[c])) == NULL)
        continue;
      len = ed_csv_reader_get_field_length (reader, import->columns[c]);
      /* Without the quote an export puts before a value a spreadsheet would run as a formula,
       * so that an export imports as the same values. */
      unquoted = ed_csv_unneutralise (text);
      len -= unquoted - text;
      text = unquoted;
      if (!needs_checking (text, len) && len <= column_max_chars[c])
        {
          import->row[c] = text;
          continue;
        }

      if (!ed_csv_reader_get_field_is_valid (reader, import->columns[c]))
        {
          add_problem (import, line, header_name (reader, import, c), text,
                       _("expected UTF-8 text, as the rest of the file is; this field is in "
                         "another encoding (perhaps pasted from another file). Save the file "
                         "again as UTF-8"));
          ok = FALSE;
          continue;
        }
      /* The change set stores text composed; a name typed on a Mac arrives decomposed. */
      if (!g_str_is_ascii (text))
        {
          char *composed = g_utf8_normalize (text, len, G_NORMALIZE_NFC);

          g_ptr_array_add (import->row_copies, composed);
          text = composed;
        }
      if (!ed_register_text_check (text, column_max_chars[c], &text_error))
        {
          add_problem (import, line, header_name (reader, import, c), text,
                       text_error->message);
          ok = FALSE;
          continue;
        }
      import->row[c] = text;
    }
  return ok;
}

/* The attainer rules the elector editor applies hold for every imported row too
 * (ed_attainer_date_check(), DOMAIN.md §1.2): in England no one under 16 may be registered,
 * so a row whose attainer date is more than two years off is refused as such; elsewhere an
 * attainer must reach voting age within the window, or be at least 14 in Wales and
 * Scotland. A date already past is kept: the person has reached voting age since the
 * register was exported, and is an elector. */
static void
check_attainer (Import      *import,
                EdCsvReader *reader,
                const char  *text)
{
  g_autoptr(GError) error = NULL;
  GDate attainer;
  GDate sixteen;

  if (text == NULL || text[0] == '\0')
    return;
  g_date_clear (&attainer, 1);
  if (!ed_date_parse_iso (text, &attainer, NULL) ||
      g_date_compare (&attainer, &import->today) <= 0)
    return;

  /* The day they turn 16 is two years before the day they turn 18. */
  sixteen = attainer;
  g_date_subtract_years (&sixteen, 2);
  if (import->country == ED_COUNTRY_ENGLAND && g_date_compare (&sixteen, &import->today) > 0)
    {
      g_autofree char *reason = NULL;
      g_autofree char *when = ed_date_format_iso (&sixteen);

      reason = g_strdup_printf (_("this person is under 16 until %s: in England no one under "
                                  "16 can be registered"), when);
      add_problem (import, ed_csv_reader_get_line (reader),
                   header_name (reader, import, C_ATTAINER), text, reason);
      return;
    }
  if (!ed_attainer_date_check (import->country, &attainer, &import->today, &error))
    add_problem (import, ed_csv_reader_get_line (reader), header_name (reader, import, C_ATTAINER),
                 text, error->message);
}

/* A date of birth is checked by the same attainer rules, on the day it gives the elector voting
 * age (DOMAIN.md §1.2): it is never in the future, in England no one under 16 may be
 * registered, and elsewhere someone who has not yet reached voting age must reach it within
 * the window, or be at least 14. */
static void
check_birth (Import      *import,
             EdCsvReader *reader,
             const char  *text)
{
  g_autoptr(GError) error = NULL;
  const char *column = header_name (reader, import, C_DATE_OF_BIRTH);
  guint64 line = ed_csv_reader_get_line (reader);
  GDate born;
  GDate voting_age;
  GDate sixteen;

  if (text == NULL || text[0] == '\0')
    return;
  g_date_clear (&born, 1);
  if (!ed_date_parse_iso (text, &born, NULL))
    return;
  if (g_date_compare (&born, &import->today) > 0)
    {
      add_problem (import, line, column, text, _("a date of birth cannot be in the future"));
      return;
    }
  sixteen = born;
  g_date_add_years (&sixteen, 16);
  ed_elector_dates_from_birth (import->country, &born, &voting_age, NULL);
  if (g_date_compare (&voting_age, &import->today) <= 0)
    return;
  if (import->country == ED_COUNTRY_ENGLAND && g_date_compare (&sixteen, &import->today) > 0)
    {
      g_autofree char *when = ed_date_format_iso (&sixteen);
      g_autofree char *reason =
        g_strdup_printf (_("this person is under 16 until %s: in England no one under "
                           "16 can be registered"), when);

      add_problem (import, line, column, text, reason);
      return;
    }
  if (!ed_attainer_date_check (import->country, &voting_age, &import->today, &error))
    add_problem (import, line, column, text, error->message);
}

/* Checks one row; records every problem in it. */
static void
read_row (Import      *import,
          EdCsvReader *reader)
{
  guint64 line = ed_csv_reader_get_line (reader);
  guint problems_before = import->report->problems->len;
  const char *prefix;
  const char *number_text;
  const char *suffix_text;
  const char *marker_text;
  const char *postcode_text;
  const char *uprn_text;
  const char *absent_vote;
  const char *language;
  const char *status;
  g_autofree char *postcode = NULL;
  g_autofree char *number_key = NULL;
  EdFranchiseMarker marker;
  EdElectorNumber number;
  Elector elector = { 0 };
  guint64 uprn = 0;
  gint64 easting = 0, northing = 0;
  gint64 value;

  if (ed_csv_reader_get_n_fields (reader) != ed_csv_reader_get_n_columns (reader))
    {
      g_autofree char *reason =
        g_strdup_printf (_("the row has %u fields; the header has %u"),
                         ed_csv_reader_get_n_fields (reader),
                         ed_csv_reader_get_n_columns (reader));

      add_problem (import, line, "", "", reason);
      return;
    }
  if (!prepare_row (import, reader))
    return;

  prefix = field (import, C_PREFIX);
  number_text = field (import, C_NUMBER);
  suffix_text = field (import, C_SUFFIX);
  marker_text = field (import, C_MARKER);
  postcode_text = field (import, C_POSTCODE);
  uprn_text = field (import, C_UPRN);
  absent_vote = field (import, C_ABSENT_VOTE);
  language = field (import, C_LANGUAGE);
  status = field (import, C_STATUS);

  if (prefix[0] == '\0')
    prefix = field (import, C_POLLING_DISTRICT);
  if (!ed_elector_number_is_valid_prefix (prefix))
    add_problem (import, line, header_name (reader, import, C_PREFIX), prefix,
                 _("expected the polling district's letters, such as AB"));
  /* The prefix is the polling district's code (DOMAIN.md §1.1): the register lists, counts
   * and filters a district by it. */
  else if (field (import, C_POLLING_DISTRICT)[0] != '\0' &&
           !g_str_equal (prefix, field (import, C_POLLING_DISTRICT)))
    {
      g_autofree char *reason =
        g_strdup_printf (_("expected the polling district's code, %s"),
                         field (import, C_POLLING_DISTRICT));

      add_problem (import, line, header_name (reader, import, C_PREFIX), prefix, reason);
    }
  if (!parse_count (number_text, ED_ELECTOR_NUMBER_MAX, &elector.number) || elector.number == 0)
    add_problem (import, line, header_name (reader, import, C_NUMBER), number_text,
                 _("expected a whole number from 1"));
  if (suffix_text[0] != '\0' &&
      !parse_count (suffix_text, ED_ELECTOR_NUMBER_SUFFIX_MAX, &elector.suffix))
    add_problem (import, line, header_name (reader, import, C_SUFFIX), suffix_text,
                 _("expected a whole number from 0 to 999"));

  if (field (import, C_SURNAME)[0] == '\0')
    add_problem (import, line, header_name (reader, import, C_SURNAME), "",
                 _("every elector needs a surname"));

  {
    g_autoptr(GError) marker_error = NULL;

    if (!ed_franchise_marker_parse (marker_text, import->welsh_letter, &marker,
                                    &marker_error) ||
        !ed_franchise_marker_accept_on_import (marker, import->country, &import->today,
                                               &marker_error))
      add_problem (import, line, header_name (reader, import, C_MARKER), marker_text,
                   marker_error->message);
  }

  read_flag (import, reader, C_OPT_OUT, &elector.opt_out);
  read_flag (import, reader, C_ANONYMOUS, &elector.anonymous);
  read_flag (import, reader, C_OTHER, &elector.other);
  if (read_date (import, reader, C_ATTAINER, &elector.attainer))
    check_attainer (import, reader, elector.attainer);
  if (read_date (import, reader, C_DATE_OF_BIRTH, &elector.date_of_birth))
    check_birth (import, reader, elector.date_of_birth);
  read_date (import, reader, C_ABSENT_VOTE_ENDS, &elector.absent_vote_ends);

  /* The file holds the stored values (ed-register-vocab.h); an empty language or status is
   * the column's default. */
  if (!ed_absent_vote_from_string (absent_vote, &elector.absent_vote, NULL))
    add_problem (import, line, header_name (reader, import, C_ABSENT_VOTE), absent_vote,
                 _("expected postal, proxy, postal_proxy or nothing"));
  elector.language = ED_ELECTOR_LANGUAGE_ENGLISH;
  if (language[0] != '\0' && !ed_elector_language_from_string (language, &elector.language, NULL))
    add_problem (import, line, header_name (reader, import, C_LANGUAGE), language,
                 _("expected en or cy"));
  elector.status = ED_ELECTOR_STATUS_CURRENT;
  if (status[0] != '\0' && !ed_elector_status_from_string (status, &elector.status, NULL))
    add_problem (import, line, header_name (reader, import, C_STATUS), status,
                 _("expected current, pending_addition or pending_deletion"));

  if (uprn_text[0] != '\0' && !g_str_equal (uprn_text, "0"))
    {
      g_autoptr(GError) uprn_error = NULL;

      if (!ed_uprn_parse (uprn_text, &uprn, &uprn_error))
        add_problem (import, line, header_name (reader, import, C_UPRN), uprn_text,
                     uprn_error->message);
    }

  /* Every elector but the Other electors has an address, and every address a postcode. */
  if (!elector.other)
    {
      g_autoptr(GError) postcode_error = NULL;

      if (field (import, C_STREET)[0] == '\0' &&
          field (import, C_PROPERTY)[0] == '\0')
        add_problem (import, line, header_name (reader, import, C_STREET), "",
                     _("an elector with an address needs a property or street "
                       "(or other_elector 1)"));
      if (!ed_postcode_normalise (postcode_text, &postcode, &postcode_error))
        add_problem (import, line, header_name (reader, import, C_POSTCODE), postcode_text,
                     postcode_error->message);
    }

  /* Where the property stands on the National Grid, when the gazetteer gave it: both or
   * neither, whole metres inside Great Britain's grid (0–700 km east, 0–1,300 km north). */
  if (field (import, C_EASTING)[0] != '\0' || field (import, C_NORTHING)[0] != '\0')
    {
      gboolean east_ok = parse_grid (field (import, C_EASTING), 700000, &easting);
      gboolean north_ok = parse_grid (field (import, C_NORTHING), 1300000, &northing);

      if (!east_ok)
        add_problem (import, line, header_name (reader, import, C_EASTING),
                     field (import, C_EASTING),
                     _("expected metres east on the National Grid, from 1 to 700000"));
      if (!north_ok)
        add_problem (import, line, header_name (reader, import, C_NORTHING),
                     field (import, C_NORTHING),
                     _("expected metres north on the National Grid, from 1 to 1300000"));
    }

  if (import->report->problems->len > problems_before)
    return;

  /* Elector numbers are unique within a part (RPR 2001 reg 39). */
  ed_elector_number_set (&number, prefix, (guint32)elector.number, (guint32)elector.suffix,
                         NULL);
  number_key = ed_elector_number_format (&number);
  value = GPOINTER_TO_SIZE (g_hash_table_lookup (import->numbers, number_key));
  if (value != 0)
    {
      g_autofree char *reason = value > 0
        ? g_strdup_printf (_("elector number %s is also on line %" PRId64), number_key,
                           value)
        : g_strdup_printf (_("elector number %s is already in the register"), number_key);

      add_problem (import, line, header_name (reader, import, C_NUMBER), number_text, reason);
      return;
    }
  g_hash_table_insert (import->numbers, g_steal_pointer (&number_key),
                       GSIZE_TO_POINTER ((gsize)line));

  elector.prefix = keep (import, prefix);
  elector.part = read_part (import, reader, prefix);
  elector.property = elector.other ? NULL
                                   : read_property (import, reader, elector.part, (gint64)uprn,
                                                    postcode, easting, northing);
  elector.title = keep (import, field (import, C_TITLE));
  elector.forenames = keep (import, field (import, C_FORENAMES));
  elector.surname = keep (import, field (import, C_SURNAME));
  elector.marker = keep (import,
                        ed_franchise_marker_to_letter (marker, import->welsh_letter) != NULL
                          ? ed_franchise_marker_to_letter (marker, import->welsh_letter)
                          : marker_text);
  elector.proxy_name = keep (import, field (import, C_PROXY_NAME));
  elector.proxy_address = keep (import, field (import, C_PROXY_ADDRESS));
  g_array_append_val (import->electors, elector);
}

static const char existing_numbers_sql[] =
  "SELECT number_prefix, number, number_suffix FROM elector";
static const char existing_parts_sql[] = "SELECT code, id FROM polling_district";

/* The elector number of the register's row @numbers is on (existing_numbers_sql), as the
 * import writes it, or %NULL for a row whose number could not be read. */
static char *
existing_number_key (sqlite3_stmt *numbers)
{
  EdElectorNumber number;

  if (!ed_elector_number_set (&number, (const char *)sqlite3_column_text (numbers, 0),
                              (guint32)sqlite3_column_int64 (numbers, 1),
                              (guint32)sqlite3_column_int64 (numbers, 2), NULL))
    return NULL;
  return ed_elector_number_format (&number);
}

/* Numbers and districts already in the register: numbers must not clash, districts are
 * reused. */
static gboolean
load_existing (Import  *import,
               GError **error)
{
  EdDatabase *database = ed_context_get_database (import->context);
  g_autoptr(sqlite3_stmt) numbers = ed_database_prepare (database, existing_numbers_sql, error);
  g_autoptr(sqlite3_stmt) parts = NULL;
  int rc;

  if (numbers == NULL)
    return FALSE;
  while ((rc = sqlite3_step (numbers)) == SQLITE_ROW)
    {
      char *key = existing_number_key (numbers);

      if (key != NULL)
        g_hash_table_insert (import->numbers, key, GSIZE_TO_POINTER ((gsize)-1));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  parts = ed_database_prepare (database, existing_parts_sql, error);
  if (parts == NULL)
    return FALSE;
  while ((rc = sqlite3_step (parts)) == SQLITE_ROW)
    {
      Part *part = g_new0 (Part, 1);

      part->code = keep (import, (const char *)sqlite3_column_text (parts, 0));
      part->id = g_strdup ((const char *)sqlite3_column_text (parts, 1));
      g_hash_table_replace (import->parts, (gpointer)part->code, part);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gint
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const EdImportProblem *x = *(EdImportProblem * const *)a;
  const EdImportProblem *y = *(EdImportProblem * const *)b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/* The register as it is once the write lock is held. The numbers and districts loaded
 * before the rows were checked give a full report without holding the lock for the whole
 * file, but another import (another desk, or a second window) may have written since: two
 * imports of one file at once both passed that check and doubled every elector. So the
 * check that counts is this one, inside the transaction that writes (BEGIN IMMEDIATE), where
 * nobody else can write until it commits or rolls back. A number taken meanwhile refuses its
 * row; a polling district made meanwhile is used rather than made twice. */
static gboolean
check_register_again (Import  *import,
                      GError **error)
{
  EdDatabase *database = ed_context_get_database (import->context);
  g_autoptr(sqlite3_stmt) numbers = ed_database_prepare (database, existing_numbers_sql, error);
  g_autoptr(sqlite3_stmt) parts = NULL;
  guint problems_before = import->report->problems->len;
  int rc;

  if (numbers == NULL)
    return FALSE;
  while ((rc = sqlite3_step (numbers)) == SQLITE_ROW)
    {
      g_autofree char *key = existing_number_key (numbers);
      gint64 line;

      if (key == NULL)
        continue;
      line = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (import->numbers, key));
      if (line > 0)
        {
          g_autofree char *reason =
            g_strdup_printf (_("elector number %s is already in the register"), key);

          add_problem (import, (guint64)line, column_names[C_NUMBER][0], key, reason);
        }
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  if (import->report->problems->len > problems_before)
    {
      g_ptr_array_sort (import->report->problems, compare_problems);
      return TRUE;
    }

  parts = ed_database_prepare (database, existing_parts_sql, error);
  if (parts == NULL)
    return FALSE;
  while ((rc = sqlite3_step (parts)) == SQLITE_ROW)
    {
      Part *part = g_hash_table_lookup (import->parts,
                                        (const char *)sqlite3_column_text (parts, 0));

      if (part != NULL && part->id == NULL)
        part->id = g_strdup ((const char *)sqlite3_column_text (parts, 1));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const char *
or_empty (const char *value)
{
  return value != NULL ? value : "";
}

static GVariant *
text (const char *value)
{
  return g_variant_new_string (value != NULL ? value : "");
}

/* A whole row of @table, @values at their column enums. */
static char *
insert (EdChangeSet        *change_set,
        const EdTableDef   *table,
        GVariant          **values,
        GError            **error)
{
  g_autofree const char **columns = g_new (const char *, table->n_columns);
  char *id = NULL;

  ed_register_table_column_names (table, columns);
  if (!ed_change_set_insert (change_set, table->name, NULL, columns,
                             (GVariant * const *)values, table->n_columns, &id, error))
    return NULL;
  return id;
}

/* Areas and parishes by code, made once each. */
static const char *
area_id (EdChangeSet  *change_set,
         GHashTable   *made,
         const Part   *part,
         GError      **error)
{
  GVariant *values[ED_ELECTORAL_AREA_N_COLS];
  char *id;

  if (part->area_code[0] == '\0' && part->area_name[0] == '\0')
    return "";
  if ((id = g_hash_table_lookup (made, part->area_code)) != NULL)
    return id;
  values[ED_ELECTORAL_AREA_COL_CODE] = text (part->area_code);
  values[ED_ELECTORAL_AREA_COL_NAME] = text (part->area_name);
  values[ED_ELECTORAL_AREA_COL_KIND] =
    text (part->area_kind[0] != '\0' ? part->area_kind
                                      : ed_electoral_area_kind_to_string (ED_ELECTORAL_AREA_WARD));
  values[ED_ELECTORAL_AREA_COL_SEATS] = g_variant_new_int64 (part->seats);
  id = insert (change_set, &ed_electoral_area_table, values, error);
  if (id != NULL)
    g_hash_table_insert (made, (gpointer)part->area_code, id);
  return id;
}

static const char *
parish_id (EdChangeSet  *change_set,
           GHashTable   *made,
           const Part   *part,
           GError      **error)
{
  GVariant *values[ED_PARISH_N_COLS];
  char *id;

  if (part->parish_code[0] == '\0' && part->parish_name[0] == '\0')
    return "";
  if ((id = g_hash_table_lookup (made, part->parish_code)) != NULL)
    return id;
  values[ED_PARISH_COL_CODE] = text (part->parish_code);
  values[ED_PARISH_COL_NAME] = text (part->parish_name);
  id = insert (change_set, &ed_parish_table, values, error);
  if (id != NULL)
    g_hash_table_insert (made, (gpointer)part->parish_code, id);
  return id;
}

static gboolean
write_register (Import                *import,
                EdImportProgressFunc   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  const char *property_columns[ED_PROPERTY_N_COLS];
  const char *elector_columns[ED_ELECTOR_N_COLS];
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (import->context), error);
  g_autoptr(EdRegisterBulkLoad) load = NULL;
  g_autoptr(EdBulkInsert) properties = NULL;
  g_autoptr(EdBulkInsert) electors = NULL;
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) parishes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  EdDatabase *database = ed_context_get_database (import->context);
  GHashTableIter iter;
  Part *part;
  guint total;

  if (change_set == NULL || !check_register_again (import, error))
    return FALSE;
  /* Refused: the change set, not committed, rolls back. */
  if (import->report->problems->len > 0)
    return TRUE;
  if ((load = ed_register_bulk_load_begin (database, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, import->parts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&part))
    {
      GVariant *values[ED_POLLING_DISTRICT_N_COLS];
      const char *area;
      const char *parish;

      if (part->id != NULL)
        continue;
      if ((area = area_id (change_set, areas, part, error)) == NULL ||
          (parish = parish_id (change_set, parishes, part, error)) == NULL)
        return FALSE;
      values[ED_POLLING_DISTRICT_COL_CODE] = text (part->code);
      values[ED_POLLING_DISTRICT_COL_NAME] = text (part->name);
      values[ED_POLLING_DISTRICT_COL_ELECTORAL_AREA] = text (area);
      values[ED_POLLING_DISTRICT_COL_PARISH] = text (parish);
      values[ED_POLLING_DISTRICT_COL_CONSTITUENCY] = text (part->constituency);
      if ((part->id = insert (change_set, &ed_polling_district_table, values, error)) == NULL)
        return FALSE;
      import->report->n_polling_districts++;
    }

  /* Addresses and electors are most of the file: they go through the change set's bulk
   * insert, which records the same ins ops without a GVariant per value. Whole rows, so each
   * value goes to its column enum. */
  ed_register_table_column_names (&ed_property_table, property_columns);
  ed_register_table_column_names (&ed_elector_table, elector_columns);
  properties = ed_change_set_bulk_insert (change_set, ed_property_table.name, property_columns,
                                          G_N_ELEMENTS (property_columns), error);
  electors = ed_change_set_bulk_insert (change_set, ed_elector_table.name, elector_columns,
                                        G_N_ELEMENTS (elector_columns), error);
  if (properties == NULL || electors == NULL)
    return FALSE;

  total = import->property_order->len + import->electors->len;
  for (guint i = 0; i < import->property_order->len; i++)
    {
      Property *property = g_ptr_array_index (import->property_order, i);

      if (i % CHECK_CANCEL_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.5 + 0.5 * i / total, _("Writing addresses"), progress_data);
        }
      ed_bulk_insert_set_int64 (properties, ED_PROPERTY_COL_UPRN, property->uprn);
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_PROPERTY, or_empty (property->property));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_STREET, or_empty (property->street));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_LOCALITY, or_empty (property->locality));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_TOWN, or_empty (property->town));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_AREA, or_empty (property->area));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_POSTCODE, or_empty (property->postcode));
      ed_bulk_insert_set_text (properties, ED_PROPERTY_COL_POLLING_DISTRICT,
                               or_empty (property->part->id));
      ed_bulk_insert_set_int64 (properties, ED_PROPERTY_COL_EASTING, property->easting);
      ed_bulk_insert_set_int64 (properties, ED_PROPERTY_COL_NORTHING, property->northing);
      if (!ed_bulk_insert_add (properties, &property->id, error))
        return FALSE;
    }
  import->report->n_properties = import->property_order->len;

  for (guint i = 0; i < import->electors->len; i++)
    {
      Elector *e = &g_array_index (import->electors, Elector, i);

      if (i % CHECK_CANCEL_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.5 + 0.5 * (import->property_order->len + i) / total,
                      _("Writing electors"), progress_data);
        }
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_POLLING_DISTRICT, or_empty (e->part->id));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_PROPERTY,
                               e->property != NULL ? or_empty (e->property->id) : "");
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_NUMBER_PREFIX, or_empty (e->prefix));
      ed_bulk_insert_set_int64 (electors, ED_ELECTOR_COL_NUMBER, e->number);
      ed_bulk_insert_set_int64 (electors, ED_ELECTOR_COL_NUMBER_SUFFIX, e->suffix);
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_TITLE, or_empty (e->title));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_FORENAMES, or_empty (e->forenames));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_SURNAME, or_empty (e->surname));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_MARKER, or_empty (e->marker));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_ATTAINER_DATE, or_empty (e->attainer));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_DATE_OF_BIRTH,
                               or_empty (e->date_of_birth));
      ed_bulk_insert_set_boolean (electors, ED_ELECTOR_COL_OPEN_REGISTER_OPT_OUT, e->opt_out);
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_ABSENT_VOTE,
                               ed_absent_vote_to_string (e->absent_vote));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_ABSENT_VOTE_ENDS,
                               or_empty (e->absent_vote_ends));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_PROXY_NAME, or_empty (e->proxy_name));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_PROXY_ADDRESS,
                               or_empty (e->proxy_address));
      ed_bulk_insert_set_boolean (electors, ED_ELECTOR_COL_ANONYMOUS, e->anonymous);
      ed_bulk_insert_set_boolean (electors, ED_ELECTOR_COL_OTHER_ELECTOR, e->other);
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_LANGUAGE,
                               ed_elector_language_to_string (e->language));
      ed_bulk_insert_set_text (electors, ED_ELECTOR_COL_STATUS,
                               ed_elector_status_to_string (e->status));
      if (!ed_bulk_insert_add (electors, NULL, error))
        return FALSE;
    }
  if (!ed_bulk_insert_flush (properties, error) || !ed_bulk_insert_flush (electors, error))
    return FALSE;
  g_clear_pointer (&properties, ed_bulk_insert_free);
  g_clear_pointer (&electors, ed_bulk_insert_free);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ed_register_bulk_load_finish (load, error) ||
      !ed_change_set_commit (change_set, error))
    return FALSE;
  import->report->n_electors = import->electors->len;
  return TRUE;
}

/**
 * ed_register_import_csv:
 * @context: the district
 * @path: the CSV file
 * @progress: (nullable): told how far the import has got
 * @progress_data: for @progress
 * @cancellable: (nullable): cancels the import, leaving the district as it was
 * @error: return location for an error: a file that cannot be read as CSV, a missing
 *   column, rows refused (the report says which), or the cancel
 *
 * Returns: (transfer full) (nullable): what was read and written, or %NULL with @error set.
 *   When any row was refused the report lists every problem and nothing was written.
 */
EdImportReport *
ed_register_import_csv (EdContext             *context,
                        const char            *path,
                        EdImportProgressFunc   progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(EdCsvReader) reader = NULL;
  g_autoptr(EdImportReport) report = g_new0 (EdImportReport, 1);
  g_autoptr(GError) read_error = NULL;
  Import import = { 0 };
  EdDistrictSettings *settings;
  EdImportReport *result = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_INVALID_TEXT_BY_FIELD, error);
  if (reader == NULL)
    return NULL;

  import.context = context;
  settings = ed_context_get_settings (context);
  import.country = ed_district_settings_get_country (settings);
  g_date_clear (&import.today, 1);
  ed_today (&import.today);
  import.strings = g_string_chunk_new (1 << 20);
  /* A copy: a merge may reload the settings while the file is read. */
  import.welsh_letter =
    g_string_chunk_insert_const (import.strings,
                                 ed_district_settings_get_welsh_marker_letter (settings));
  import.parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)part_free);
  /* Both tables share the properties; property_order frees them. */
  import.properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.properties_by_uprn = g_hash_table_new (g_int64_hash, g_int64_equal);
  import.property_order = g_ptr_array_new_with_free_func ((GDestroyNotify)property_free);
  import.electors = g_array_new (FALSE, TRUE, sizeof (Elector));
  import.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.report = report;
  import.row_copies = g_ptr_array_new_with_free_func (g_free);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      import.columns[c] = -1;
      for (guint n = 0; n < 3 && column_names[c][n] != NULL && import.columns[c] < 0; n++)
        import.columns[c] = ed_csv_reader_find_column (reader, column_names[c][n]);
    }
  if ((import.columns[C_PREFIX] < 0 && import.columns[C_POLLING_DISTRICT] < 0) ||
      import.columns[C_NUMBER] < 0 || import.columns[C_SURNAME] < 0)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: the header must name at least the columns elector_number_prefix "
                     "(or polling_district), elector_number and surname"), name);
      goto out;
    }

  if (!load_existing (&import, error))
    goto out;

  while (ed_csv_reader_next (reader, &read_error))
    {
      report->n_rows++;
      read_row (&import, reader);
      if (report->n_rows % CHECK_CANCEL_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (progress != NULL)
            progress (0.5 * ed_csv_reader_get_bytes_read (reader) /
                      MAX (1, ed_csv_reader_get_total_bytes (reader)),
                      _("Checking rows"), progress_data);
        }
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      goto out;
    }

  if (report->problems->len == 0 &&
      !write_register (&import, progress, progress_data, cancellable, error))
    goto out;
  if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  result = g_steal_pointer (&report);

out:
  g_string_chunk_free (import.strings);
  g_hash_table_unref (import.parts);
  g_hash_table_unref (import.properties);
  g_hash_table_unref (import.properties_by_uprn);
  g_ptr_array_unref (import.property_order);
  g_array_unref (import.electors);
  g_hash_table_unref (import.numbers);
  g_ptr_array_unref (import.row_copies);
  return result;
}

/**
 * ed_import_report_write_csv:
 * @report: a report
 * @file: where to write the refused rows
 * @error: return location for an error
 */
gboolean
ed_import_report_write_csv (EdImportReport  *report,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EdOutputFile) out = NULL;
  const char *header[] = { "line", "field", "value", "reason" };

  ed_csv_append_row (text, header, G_N_ELEMENTS (header), ',');
  for (guint i = 0; i < report->problems->len; i++)
    {
      EdImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, problem->line);
      const char *fields[] = { line, problem->field, problem->value, problem->reason };

      ed_csv_append_row (text, fields, G_N_ELEMENTS (fields), ',');
    }
  /* The report quotes refused values, personal data: written whole and 0600 like every other
   * file (core/ed-output-file.c). */
  out = ed_output_file_new_for_file (file, error);
  return out != NULL && ed_output_file_write (out, text->str, text->len, error) &&
         ed_output_file_commit (out, error);
}

typedef struct
{
  char           *path;
  EdImportReport *report;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->report, ed_import_report_free);
  g_free (job);
}

static gboolean
import_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *data = task_data;

  data->report = ed_register_import_csv (ED_CONTEXT (connection), data->path, ed_job_progress,
                                         job, cancellable, error);
  return data->report != NULL;
}

/**
 * ed_register_import_async:
 * @context: the district
 * @path: the CSV file
 * @cancellable: (nullable): cancels the import, leaving the district as it was
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Imports @path as ed_register_import_csv() does, in a job with progress.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_import_async (EdContext            *context,
                          const char           *path,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  data = g_new0 (ImportJob, 1);
  data->path = g_strdup (path);
  return ed_context_run_job_async (context, import_work, data, import_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_register_import_finish:
 * @job: the job ed_register_import_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error, as for ed_register_import_csv()
 *
 * Returns: (transfer full) (nullable): what was read and written, as
 *   ed_register_import_csv() returns it
 */
EdImportReport *
ed_register_import_finish (EdJob         *job,
                           GAsyncResult  *result,
                           GError       **error)
{
  ImportJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, import_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->report);
}
