/* ed-district-settings.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "district/ed-context.h"
#include "district/ed-district-settings.h"
#include "changes/ed-validate.h"
#include "core/ed-value-error.h"

/* The district's settings: who the council is and where, and who its Electoral Registration
 * and Returning Officers are. They head every document the council prints, and the country
 * decides which rules and bank holidays apply. */

struct _EdDistrictSettings
{
  GObject     parent_instance;

  EdContext  *context;    /* not owned: the context owns the settings */
  EdDatabase *database;
  char       *row_id;     /* NULL until the district has been set up */
  GHashTable *values;     /* key → normalised text */
};

G_DEFINE_FINAL_TYPE (EdDistrictSettings, ed_district_settings, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One per column of the district table, at its EdDistrictColumn. */
static const EdSettingInfo setting_keys[] = {
  [ED_DISTRICT_COL_COUNCIL_NAME] = { "council-name", "council_name", ED_SETTING_LINE, TRUE,
    N_("Council name"), N_("The council's name as printed on every document") },
  [ED_DISTRICT_COL_COUNCIL_ADDRESS] = { "council-address", "council_address",
    ED_SETTING_ADDRESS, FALSE,
    N_("Council address"), N_("The electoral services office's postal address") },
  [ED_DISTRICT_COL_COUNTRY] = { "country", "country", ED_SETTING_COUNTRY, TRUE,
    N_("Country"), N_("England, Wales or Scotland: decides the rules and bank holidays") },
  [ED_DISTRICT_COL_WELSH_LANGUAGE] = { "welsh-language", "welsh_language", ED_SETTING_BOOLEAN,
    FALSE,
    N_("Welsh-language mode"), N_("Bilingual documents with Welsh first (councils in Wales)") },
  [ED_DISTRICT_COL_ERO_NAME] = { "ero-name", "ero_name", ED_SETTING_LINE, FALSE,
    N_("Electoral Registration Officer"), N_("The name printed on register notices") },
  [ED_DISTRICT_COL_RO_NAME] = { "ro-name", "ro_name", ED_SETTING_LINE, FALSE,
    N_("Returning Officer"), N_("The name printed on election notices and poll cards") },
  [ED_DISTRICT_COL_PHONE] = { "phone", "phone", ED_SETTING_PHONE, FALSE,
    N_("Public phone"), N_("The number electors should call") },
  [ED_DISTRICT_COL_EMAIL] = { "email", "email", ED_SETTING_EMAIL, FALSE,
    N_("Public email"), N_("The address electors should write to") },
  [ED_DISTRICT_COL_WEBSITE] = { "website", "website", ED_SETTING_WEBSITE, FALSE,
    N_("Website"), N_("The council's elections web page") },
  [ED_DISTRICT_COL_WELSH_MARKER_LETTER] = { "welsh-marker-letter", "welsh_marker_letter",
    ED_SETTING_MARKER_LETTER, FALSE,
    N_("Qualifying foreign citizen marker"),
    N_("The letter before the name of a qualifying foreign citizen on the register (Wales)") },
  [ED_DISTRICT_COL_STATION_MAXIMUM_ELECTORS] = { "station-maximum-electors",
    "station_maximum_electors", ED_SETTING_WHOLE_NUMBER, FALSE,
    N_("Most electors per polling station"),
    N_("Postal voters excluded; empty for the Electoral Commission's 2,250") },
  [ED_DISTRICT_COL_STATION_TWO_CLERKS_ELECTORS] = { "station-two-clerks-electors",
    "station_two_clerks_electors", ED_SETTING_WHOLE_NUMBER, FALSE,
    N_("Most electors for two poll clerks"),
    N_("Above it a station needs a third clerk; empty for the guidance's 1,250") },
  [ED_DISTRICT_COL_STAFF_RETENTION_YEARS] = { "staff-retention-years", "staff_retention_years",
    ED_SETTING_WHOLE_NUMBER, FALSE,
    N_("Years to keep casual staff"),
    N_("People not appointed for this many years are listed for removal; empty for 4") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (setting_keys) == ED_DISTRICT_N_COLS);

#define MAX_LINE_CHARS 120
#define MAX_ADDRESS_CHARS 400

/* The id, then every column in the table's order: a column is read at 1 + its
 * EdDistrictColumn. */
static const char select_sql[] =
  "SELECT id, council_name, council_address, country, welsh_language, ero_name, ro_name, "
  "phone, email, website, welsh_marker_letter, station_maximum_electors, "
  "station_two_clerks_electors, staff_retention_years FROM district ORDER BY id LIMIT 1";

static const EdColumnDef district_columns[] = {
  [ED_DISTRICT_COL_COUNCIL_NAME] = { "council_name", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_COUNCIL_ADDRESS] = { "council_address", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_COUNTRY] = { "country", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_WELSH_LANGUAGE] = { "welsh_language", ED_VALUE_BOOLEAN },
  [ED_DISTRICT_COL_ERO_NAME] = { "ero_name", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_RO_NAME] = { "ro_name", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_PHONE] = { "phone", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_EMAIL] = { "email", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_WEBSITE] = { "website", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_WELSH_MARKER_LETTER] = { "welsh_marker_letter", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_STATION_MAXIMUM_ELECTORS] = { "station_maximum_electors", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_STATION_TWO_CLERKS_ELECTORS] =
    { "station_two_clerks_electors", ED_VALUE_TEXT },
  [ED_DISTRICT_COL_STAFF_RETENTION_YEARS] = { "staff_retention_years", ED_VALUE_TEXT },
};
G_STATIC_ASSERT (G_N_ELEMENTS (district_columns) == ED_DISTRICT_N_COLS);

const EdTableDef ed_district_table = {
  "district", district_columns, G_N_ELEMENTS (district_columns)
};

static const char count_sql[] = "SELECT id FROM district ORDER BY id";

/* Two desks that each set up the district before first syncing leave two rows; the app reads
 * the first, and a person must choose which settings to keep. */
static gboolean
validate_single_district (EdReplica  *replica,
                          GPtrArray  *items,
                          GError    **error)
{
  EdDatabase *database = ed_replica_get_database (replica);
  sqlite3_stmt *stmt = ed_database_cached (database, count_sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (n++ > 0)
      ed_validation_items_add (items, "district-single-row", "district",
                               (const char *)sqlite3_column_text (stmt, 0),
                               _("The district was set up on two desks before they first "
                                 "synchronised: keep one set of district settings and delete "
                                 "the other."));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

const EdValidator ed_district_validator = {
  "district-single-row", validate_single_district
};

static void
ed_district_settings_finalize (GObject *object)
{
  EdDistrictSettings *self = (EdDistrictSettings *)object;

  g_clear_object (&self->database);
  g_free (self->row_id);
  g_hash_table_unref (self->values);

  G_OBJECT_CLASS (ed_district_settings_parent_class)->finalize (object);
}

static void
ed_district_settings_class_init (EdDistrictSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_district_settings_finalize;

  /**
   * EdDistrictSettings::changed:
   * @self: the settings
   * @key: the key that changed (also the signal's detail)
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ed_district_settings_init (EdDistrictSettings *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

const EdSettingInfo *
ed_district_settings_get_keys (guint *n_keys)
{
  g_return_val_if_fail (n_keys != NULL, NULL);

  *n_keys = G_N_ELEMENTS (setting_keys);
  return setting_keys;
}

const EdSettingInfo *
ed_district_settings_lookup_key (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (g_str_equal (setting_keys[i].key, key))
      return &setting_keys[i];
  return NULL;
}

static const char *country_names[] = { "england", "wales", "scotland" };

const char *
ed_country_to_string (EdCountry country)
{
  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, NULL);

  return country_names[country];
}

gboolean
ed_country_from_string (const char *text,
                        EdCountry  *out_country)
{
  g_return_val_if_fail (out_country != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (country_names); i++)
    if (g_ascii_strcasecmp (text, country_names[i]) == 0)
      {
        *out_country = (EdCountry)i;
        return TRUE;
      }
  return FALSE;
}

const char *
ed_country_get_display_name (EdCountry country)
{
  switch (country)
    {
    case ED_COUNTRY_ENGLAND:
      return _("England");
    case ED_COUNTRY_WALES:
      return _("Wales");
    case ED_COUNTRY_SCOTLAND:
      return _("Scotland");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
has_control_characters (const char *text,
                        gboolean    allow_newlines)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 && !(allow_newlines && *p == '\n'))
      return TRUE;
  return FALSE;
}

static gboolean
normalise_phone (const EdSettingInfo  *info,
                 const char           *text,
                 GError              **error)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +()-", *p) == NULL)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("%s: “%s” is not a phone number; use digits, spaces and + ( ) - only, "
                         "as in 01632 960123."), _(info->label), text);
          return FALSE;
        }
    }

  /* UK numbers have 10 or 11 digits; an international one at most 15 (ITU E.164). */
  if (digits < 10 || digits > 15)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: “%s” has %u digits; a phone number has 10 to 15, as in 01632 960123."),
                   _(info->label), text, digits);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_email (const EdSettingInfo  *info,
             const char           *text,
             GError              **error)
{
  const char *at = strchr (text, '@');
  const char *dot = at != NULL ? strrchr (at, '.') : NULL;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || dot == NULL ||
      dot == at + 1 || dot[1] == '\0' || strpbrk (text, " ,;<>") != NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: “%s” is not an email address; expected one like "
                     "elections@example.gov.uk."), _(info->label), text);
      return FALSE;
    }
  return TRUE;
}

static char *
normalise_website (const EdSettingInfo  *info,
                   const char           *text,
                   GError              **error)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  /* People write "www.example.gov.uk"; documents need an address a browser opens. */
  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("https://", text, NULL);
  else
    with_scheme = g_strdup (text);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || strchr (host, '.') == NULL || strchr (text, ' ') != NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: “%s” is not a web address; expected one like "
                     "https://www.example.gov.uk/elections."), _(info->label), text);
      return NULL;
    }
  return g_steal_pointer (&with_scheme);
}

/* The letters a franchise or polling-station marker already uses (DOMAIN.md §1.2): F, L, G,
 * B, the legacy E and K, the anonymous entry's N, and the absent voter's A and P. M is free:
 * it is Scotland's, and never appears on a Welsh register. The register's
 * ed_franchise_welsh_letter_check() refuses the same letters; a unit test keeps the two in
 * step, since core cannot call into the register module. */
static const char reserved_marker_letters[] = "FLGBEKNAP";

static gboolean
check_marker_letter (const EdSettingInfo  *info,
                     const char           *text,
                     GError              **error)
{
  if (text[1] != '\0' || !g_ascii_isalpha (text[0]))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: “%s” is not a single letter from A to Z."), _(info->label), text);
      return FALSE;
    }
  if (strchr (reserved_marker_letters, g_ascii_toupper (text[0])) != NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %c is the letter typed; the list is of letters. */
                   _("%s: “%c” already has a meaning on the register: choose a letter other "
                     "than F, L, G, B, E, K, N, A or P."),
                   _(info->label), g_ascii_toupper (text[0]));
      return FALSE;
    }
  return TRUE;
}

/* Digits only, with the thousands separators people write ("2,250"), stored without them. */
static char *
normalise_whole_number (const EdSettingInfo  *info,
                        const char           *text,
                        GError              **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 number = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ',' || p == text || p[1] == '\0')
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("%s: “%s” is not a whole number, as in 2250."), _(info->label), text);
          return NULL;
        }
    }
  if (digits->len > 9 || !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXUINT32, &number,
                                                      NULL) ||
      number < 1 || number > ED_SETTING_WHOLE_NUMBER_MAX)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("%s: “%s” is out of range: give a number from 1 to %u, or leave it empty "
                     "for the guidance."), _(info->label), text, ED_SETTING_WHOLE_NUMBER_MAX);
      return NULL;
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, number);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out_value)
{
  static const char *yes[] = { "true", "yes", "on", "1" };
  static const char *no[] = { "false", "no", "off", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *out_value = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *out_value = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ed_district_settings_normalise_value:
 * @key: a setting key
 * @value: the value a person gave
 * @out_value: (out) (transfer full): the value as it is stored
 * @error: return location for an error saying what was expected
 *
 * Checks one value on its own (rules that involve two settings are checked on saving).
 */
gboolean
ed_district_settings_normalise_value (const char  *key,
                                      const char  *value,
                                      char       **out_value,
                                      GError     **error)
{
  const EdSettingInfo *info;
  g_autofree char *clean = NULL;
  guint max_chars;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  info = ed_district_settings_lookup_key (key);
  if (info == NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("There is no district setting called “%s”."), key);
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s: the value is not valid UTF-8 text."), _(info->label));
      return FALSE;
    }

  clean = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
  g_strstrip (clean);

  if (info->kind == ED_SETTING_ADDRESS)
    {
      /* Keep the lines, drop the blank ones and the Windows line ends. */
      g_auto(GStrv) lines = g_strsplit_set (clean, "\r\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) kept_lines = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_strv_builder_add (kept, lines[i]);
      kept_lines = g_strv_builder_end (kept);
      g_free (clean);
      clean = g_strjoinv ("\n", kept_lines);
    }

  if (*clean == '\0')
    {
      if (info->required)
        {
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                       _("%s is required."), _(info->label));
          return FALSE;
        }
      if (info->kind == ED_SETTING_BOOLEAN)
        {
          g_free (clean);
          clean = g_strdup ("false");
        }
      else if (info->kind == ED_SETTING_MARKER_LETTER)
        {
          g_free (clean);
          clean = g_strdup (ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT);
        }
      *out_value = g_steal_pointer (&clean);
      return TRUE;
    }

  if (has_control_characters (clean, info->kind == ED_SETTING_ADDRESS))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   info->kind == ED_SETTING_ADDRESS
                     ? _("%s contains control characters (such as tabs).")
                     : _("%s must be on one line."), _(info->label));
      return FALSE;
    }

  max_chars = info->kind == ED_SETTING_ADDRESS ? MAX_ADDRESS_CHARS : MAX_LINE_CHARS;
  if (g_utf8_strlen (clean, -1) > max_chars)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("%s is too long: at most %u characters."), _(info->label), max_chars);
      return FALSE;
    }

  switch (info->kind)
    {
    case ED_SETTING_LINE:
    case ED_SETTING_ADDRESS:
      break;

    case ED_SETTING_COUNTRY:
      {
        EdCountry country;

        if (!ed_country_from_string (clean, &country))
          {
            g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                         _("%s: “%s” is not one of england, wales, scotland."),
                         _(info->label), clean);
            return FALSE;
          }
        g_free (clean);
        clean = g_strdup (ed_country_to_string (country));
      }
      break;

    case ED_SETTING_BOOLEAN:
      {
        gboolean flag;

        if (!parse_boolean (clean, &flag))
          {
            g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                         _("%s: “%s” is not true or false."), _(info->label), clean);
            return FALSE;
          }
        g_free (clean);
        clean = g_strdup (flag ? "true" : "false");
      }
      break;

    case ED_SETTING_PHONE:
      if (!normalise_phone (info, clean, error))
        return FALSE;
      break;

    case ED_SETTING_EMAIL:
      if (!check_email (info, clean, error))
        return FALSE;
      break;

    case ED_SETTING_WEBSITE:
      {
        char *website = normalise_website (info, clean, error);

        if (website == NULL)
          return FALSE;
        g_free (clean);
        clean = website;
      }
      break;

    case ED_SETTING_MARKER_LETTER:
      if (!check_marker_letter (info, clean, error))
        return FALSE;
      clean[0] = g_ascii_toupper (clean[0]);
      break;

    case ED_SETTING_WHOLE_NUMBER:
      {
        char *number = normalise_whole_number (info, clean, error);

        if (number == NULL)
          return FALSE;
        g_free (clean);
        clean = number;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  *out_value = g_steal_pointer (&clean);
  return TRUE;
}

/* Welsh-language documents are a duty of councils in Wales (Welsh Language Standards); a
 * council elsewhere asking for them has almost certainly picked the wrong country. */
static gboolean
check_welsh_needs_wales (const char  *country,
                         const char  *welsh,
                         GError     **error)
{
  if (g_strcmp0 (welsh, "true") == 0 && g_strcmp0 (country, "wales") != 0)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("Welsh-language mode is for councils in Wales: set the country "
                             "to wales first."));
      return FALSE;
    }
  return TRUE;
}

/* A whole-number setting as stored, or @fallback when it is empty. */
static guint
whole_number_or (const char *text,
                 guint       fallback)
{
  guint64 number;

  if (text == NULL || *text == '\0' ||
      !g_ascii_string_to_unsigned (text, 10, 1, ED_SETTING_WHOLE_NUMBER_MAX, &number, NULL))
    return fallback;
  return (guint)number;
}

/* The two station thresholds divide the stations into three bands (DOMAIN.md §3.4): the
 * two-clerk band must end below the maximum, or the third clerk never applies. */
static gboolean
check_station_thresholds (const char  *maximum_text,
                          const char  *two_clerks_text,
                          GError     **error)
{
  guint maximum = whole_number_or (maximum_text, ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT);
  guint two_clerks = whole_number_or (two_clerks_text,
                                      ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT);

  if (two_clerks >= maximum)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("The most electors for two poll clerks (%u) must be below the most "
                     "electors per polling station (%u)."), two_clerks, maximum);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_row (EdDistrictSettings  *self,
          GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (self->database, select_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_remove_all (self->values);
  g_clear_pointer (&self->row_id, g_free);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->row_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      for (EdDistrictColumn c = 0; c < ED_DISTRICT_N_COLS; c++)
        {
          int index = 1 + c;
          const char *text;

          g_assert (g_str_equal (sqlite3_column_name (stmt, index), setting_keys[c].column));
          if (setting_keys[c].kind == ED_SETTING_BOOLEAN)
            text = sqlite3_column_int (stmt, index) ? "true" : "false";
          else
            text = (const char *)sqlite3_column_text (stmt, index);
          /* A district set up before the letter was a setting has none (0006-welsh-marker-
           * letter.sql): it uses the default. */
          if (setting_keys[c].kind == ED_SETTING_MARKER_LETTER && (text == NULL || *text == '\0'))
            text = ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT;
          g_hash_table_insert (self->values, (gpointer)setting_keys[c].key,
                               g_strdup (text != NULL ? text : ""));
        }
    }
  else if (rc != SQLITE_DONE)
    {
      ed_database_set_error (self->database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_district_settings_load:
 * @database: an open database
 * @error: return location for an error
 *
 * Returns: (transfer full): the district's settings, which may not be set up yet
 */
EdDistrictSettings *
ed_district_settings_load (EdContext  *context,
                           GError    **error)
{
  g_autoptr(EdDistrictSettings) self = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_DISTRICT_SETTINGS, NULL);
  self->context = context;
  self->database = g_object_ref (ed_context_get_database (context));
  if (!load_row (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ed_district_settings_reload:
 * @self: the settings
 * @error: return location for an error
 *
 * Reads the settings again after a merge brought changes from other desks, and says which
 * changed.
 */
gboolean
ed_district_settings_reload (EdDistrictSettings  *self,
                             GError             **error)
{
  g_autoptr(GHashTable) before = NULL;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), FALSE);

  before = g_steal_pointer (&self->values);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!load_row (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (g_strcmp0 (g_hash_table_lookup (before, setting_keys[i].key),
                   g_hash_table_lookup (self->values, setting_keys[i].key)) != 0)
      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (setting_keys[i].key),
                     setting_keys[i].key);
  return TRUE;
}

/**
 * ed_district_settings_is_configured:
 * @self: a #EdDistrictSettings
 *
 * Returns: whether the district has been set up (it has a council name and a country)
 */
gboolean
ed_district_settings_is_configured (EdDistrictSettings *self)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), FALSE);

  return self->row_id != NULL;
}

/* A normalised setting as the value its column holds. */
static GVariant *
setting_variant (const EdSettingInfo *info,
                 const char          *value)
{
  if (info->kind == ED_SETTING_BOOLEAN)
    return g_variant_ref_sink (g_variant_new_boolean (g_strcmp0 (value, "true") == 0));
  return g_variant_ref_sink (g_variant_new_string (value != NULL ? value : ""));
}

/**
 * ed_district_settings_create:
 * @self: settings of a district not yet set up
 * @values: (element-type utf8 utf8): setting key → value; council-name and country are required
 * @error: return location for an error
 *
 * Sets up the district. Every value is checked first; on any error nothing is written.
 */
gboolean
ed_district_settings_create (EdDistrictSettings  *self,
                             GHashTable          *values,
                             GError             **error)
{
  g_autoptr(GHashTable) clean = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) variants = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (self->row_id != NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("This database already holds the district “%s”."),
                   ed_district_settings_get_council_name (self));
      return FALSE;
    }

  clean = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *normalised = NULL;

      if (!ed_district_settings_normalise_value (key, value, &normalised, error))
        return FALSE;
      g_hash_table_insert (clean, (gpointer)ed_district_settings_lookup_key (key)->key,
                           normalised);
    }

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (!g_hash_table_contains (clean, setting_keys[i].key))
      {
        char *normalised = NULL;

        if (!ed_district_settings_normalise_value (setting_keys[i].key, "", &normalised, error))
          return FALSE;
        g_hash_table_insert (clean, (gpointer)setting_keys[i].key, normalised);
      }

  if (!check_welsh_needs_wales (g_hash_table_lookup (clean, "country"),
                                g_hash_table_lookup (clean, "welsh-language"), error) ||
      !check_station_thresholds (g_hash_table_lookup (clean, "station-maximum-electors"),
                                 g_hash_table_lookup (clean, "station-two-clerks-electors"),
                                 error))
    return FALSE;

  change_set = ed_change_set_begin (ED_REPLICA (self->context), error);
  if (change_set == NULL)
    return FALSE;

  columns = g_ptr_array_new ();
  variants = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      g_ptr_array_add (columns, (gpointer)setting_keys[i].column);
      g_ptr_array_add (variants, setting_variant (&setting_keys[i],
                                                  g_hash_table_lookup (clean,
                                                                       setting_keys[i].key)));
    }

  if (!ed_change_set_insert (change_set, ed_district_table.name, NULL,
                             (const char * const *)columns->pdata,
                             (GVariant * const *)variants->pdata, columns->len, NULL, error) ||
      !ed_change_set_commit (change_set, error))
    return FALSE;

  if (!load_row (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (setting_keys[i].key),
                   setting_keys[i].key);
  return TRUE;
}

/**
 * ed_district_settings_get:
 * @self: a #EdDistrictSettings
 * @key: a setting key
 *
 * Returns: (nullable): the value, "" when unset, or %NULL when the district is not set up or
 *   the key is unknown
 */
const char *
ed_district_settings_get (EdDistrictSettings *self,
                          const char         *key)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->values, key);
}

static gboolean
set_column (EdDistrictSettings  *self,
            EdChangeSet         *change_set,
            const EdSettingInfo *info,
            const char          *value,
            GError             **error)
{
  g_autoptr(GVariant) variant = setting_variant (info, value);

  return ed_change_set_set (change_set, ed_district_table.name, self->row_id, info->column,
                            variant, error);
}

/**
 * ed_district_settings_set:
 * @self: settings of a district that has been set up
 * @key: a setting key
 * @value: the new value, as a person gave it
 * @error: return location for an error saying what was expected
 *
 * Checks and saves one setting. Moving the country away from Wales also turns Welsh-language
 * mode off, in the same transaction.
 */
gboolean
ed_district_settings_set (EdDistrictSettings  *self,
                          const char          *key,
                          const char          *value,
                          GError             **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  const EdSettingInfo *info;
  gboolean welsh_off = FALSE;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->row_id == NULL)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("The district has not been set up yet."));
      return FALSE;
    }

  if (!ed_district_settings_normalise_value (key, value, &clean, error))
    return FALSE;
  info = ed_district_settings_lookup_key (key);

  if (info->kind == ED_SETTING_BOOLEAN &&
      !check_welsh_needs_wales (ed_district_settings_get (self, "country"), clean, error))
    return FALSE;
  if (g_str_equal (info->key, "station-maximum-electors") &&
      !check_station_thresholds (clean, ed_district_settings_get (self,
                                                                  "station-two-clerks-electors"),
                                 error))
    return FALSE;
  if (g_str_equal (info->key, "station-two-clerks-electors") &&
      !check_station_thresholds (ed_district_settings_get (self, "station-maximum-electors"),
                                 clean, error))
    return FALSE;
  if (info->kind == ED_SETTING_COUNTRY && !g_str_equal (clean, "wales") &&
      ed_district_settings_get_welsh_language (self))
    welsh_off = TRUE;

  if (g_strcmp0 (ed_district_settings_get (self, key), clean) == 0)
    return TRUE;

  change_set = ed_change_set_begin (ED_REPLICA (self->context), error);
  if (change_set == NULL)
    return FALSE;
  if (!set_column (self, change_set, info, clean, error) ||
      (welsh_off &&
       !set_column (self, change_set, ed_district_settings_lookup_key ("welsh-language"),
                    "false", error)) ||
      !ed_change_set_commit (change_set, error))
    return FALSE;

  g_hash_table_insert (self->values, (gpointer)info->key, g_steal_pointer (&clean));
  if (welsh_off)
    g_hash_table_insert (self->values, (gpointer)"welsh-language", g_strdup ("false"));

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (info->key), info->key);
  if (welsh_off)
    g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("welsh-language"),
                   "welsh-language");
  return TRUE;
}

const char *
ed_district_settings_get_council_name (EdDistrictSettings *self)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), NULL);

  return ed_district_settings_get (self, "council-name");
}

EdCountry
ed_district_settings_get_country (EdDistrictSettings *self)
{
  EdCountry country = ED_COUNTRY_ENGLAND;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), ED_COUNTRY_ENGLAND);

  ed_country_from_string (ed_district_settings_get (self, "country"), &country);
  return country;
}

gboolean
ed_district_settings_get_welsh_language (EdDistrictSettings *self)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self), FALSE);

  return g_strcmp0 (ed_district_settings_get (self, "welsh-language"), "true") == 0;
}

/**
 * ed_district_settings_get_welsh_marker_letter:
 * @self: a #EdDistrictSettings
 *
 * The letter that marks a qualifying foreign citizen on a Welsh register, which the law leaves
 * unconfirmed (DOMAIN.md §1.2, [U]).
 *
 * Returns: one capital letter that ed_franchise_welsh_letter_check() accepts
 */
const char *
ed_district_settings_get_welsh_marker_letter (EdDistrictSettings *self)
{
  const char *letter;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self),
                        ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT);

  /* NULL before the district is set up. */
  letter = ed_district_settings_get (self, "welsh-marker-letter");
  if (letter == NULL || *letter == '\0')
    return ED_DISTRICT_WELSH_MARKER_LETTER_DEFAULT;
  return letter;
}

/**
 * ed_district_settings_get_station_maximum_electors:
 * @self: a #EdDistrictSettings
 *
 * The most electors, postal voters excluded, the district allots to one polling station: its
 * own station-maximum-electors setting, or the Electoral Commission's 2,250 when it has none
 * (DOMAIN.md §3.4).
 *
 * Returns: a number from 1 to %ED_SETTING_WHOLE_NUMBER_MAX
 */
guint
ed_district_settings_get_station_maximum_electors (EdDistrictSettings *self)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self),
                        ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT);

  return whole_number_or (ed_district_settings_get (self, "station-maximum-electors"),
                          ED_DISTRICT_STATION_MAXIMUM_ELECTORS_DEFAULT);
}

/**
 * ed_district_settings_get_station_two_clerks_electors:
 * @self: a #EdDistrictSettings
 *
 * The most electors, postal voters excluded, for a station staffed by a presiding officer and
 * two poll clerks; above it the station needs a third (DOMAIN.md §3.4): the district's own
 * station-two-clerks-electors setting, or the guidance's 1,250 when it has none. Always
 * below ed_district_settings_get_station_maximum_electors() when both are the district's own;
 * a district that set only a maximum below 1,250 gets one less than that maximum.
 *
 * Returns: a number from 1 to %ED_SETTING_WHOLE_NUMBER_MAX
 */
guint
ed_district_settings_get_station_two_clerks_electors (EdDistrictSettings *self)
{
  guint maximum;
  guint two_clerks;

  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self),
                        ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT);

  maximum = ed_district_settings_get_station_maximum_electors (self);
  two_clerks = whole_number_or (ed_district_settings_get (self, "station-two-clerks-electors"),
                                ED_DISTRICT_STATION_TWO_CLERKS_ELECTORS_DEFAULT);
  /* Settings merged from two desks may cross; the bands must not. */
  return MIN (two_clerks, maximum > 1 ? maximum - 1 : 1);
}

/**
 * ed_district_settings_get_staff_retention_years:
 * @self: a #EdDistrictSettings
 *
 * How many years after a person's last appointment the staff module lists them for removal:
 * the district's own staff-retention-years setting, from its retention schedule, or
 * %ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT when it has none.
 *
 * Returns: a number from 1 to %ED_SETTING_WHOLE_NUMBER_MAX
 */
guint
ed_district_settings_get_staff_retention_years (EdDistrictSettings *self)
{
  g_return_val_if_fail (ED_IS_DISTRICT_SETTINGS (self),
                        ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT);

  return whole_number_or (ed_district_settings_get (self, "staff-retention-years"),
                          ED_DISTRICT_STAFF_RETENTION_YEARS_DEFAULT);
}

/**
 * ed_district_settings_peek_council_name:
 * @path: a district's database file
 *
 * Reads the council name from a district file without opening it for work (no upgrade, no
 * write), for lists of recent districts.
 *
 * Returns: (transfer full) (nullable): the council name, or %NULL if the file cannot be read
 */
char *
ed_district_settings_peek_council_name (const char *path)
{
  static const char sql[] = "SELECT council_name FROM district ORDER BY id LIMIT 1";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return name;
}
