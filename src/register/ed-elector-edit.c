/* ed-elector-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding, amending and deleting one entry in the register, as an officer does when an
 * application or a review is determined (DOMAIN.md §1.4). Each save is one change set that
 * writes the entry and a row in register_alteration, which the next notice of alteration
 * lists. Every alteration takes effect when that notice is published (RPA 1983 s.13A(2)(b)):
 * an addition is pending until then, a deletion stays, and an amendment is written into the
 * entry at once for the officer but keeps the values the published versions show until its
 * notice (0009-alteration-published-values.sql). */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "register/ed-elector-edit.h"
#include "register/ed-elector-edit-private.h"
#include "register/ed-franchise.h"
#include "register/ed-register-tables.h"
#include "core/ed-postcode.h"
#include "core/ed-value-error.h"

/* Postal votes granted from 31 October 2023 last at most three years (DOMAIN.md §1.6). */
#define POSTAL_VOTE_MAX_YEARS 3

/* Every column in the table's order, so each is read at its EdElectorColumn. */
static const char load_sql[] =
  "SELECT polling_district, property, number_prefix, number, number_suffix, title, forenames, "
  "surname, marker, attainer_date, open_register_opt_out, absent_vote, absent_vote_ends, "
  "proxy_name, proxy_address, anonymous, other_elector, language, status, date_of_birth "
  "FROM elector WHERE id = ?1";
static const char property_district_sql[] =
  "SELECT polling_district FROM property WHERE id = ?1";
static const char district_code_sql[] =
  "SELECT code FROM polling_district WHERE id = ?1";
static const char property_number_sql[] =
  "SELECT max (number) FROM elector WHERE property = ?1 AND number_prefix = ?2";
static const char max_suffix_sql[] =
  "SELECT max (number_suffix) FROM elector WHERE number_prefix = ?1 AND number = ?2";
static const char max_number_sql[] =
  "SELECT max (number) FROM elector WHERE number_prefix = ?1";
static const char address_sql[] =
  "SELECT property, street, locality, town, postcode FROM property WHERE id = ?1";
static const char unpublished_addition_sql[] =
  "SELECT EXISTS (SELECT 1 FROM register_alteration "
  "  WHERE elector = ?1 AND kind = ?2 AND notice = '')";
static const char unpublished_alterations_sql[] =
  "SELECT id FROM register_alteration WHERE elector = ?1 AND notice = '' ORDER BY id";

/* The editable columns, in the order an officer reads them in a notice. */
typedef enum
{
  FIELD_TEXT,
  FIELD_BOOLEAN,
  FIELD_DATE,
} FieldType;

typedef struct
{
  const char *column;
  const char *label;
  FieldType   type;
  gsize       offset;
} FieldDef;

#define TEXT_FIELD(name, label) \
  { #name, label, FIELD_TEXT, G_STRUCT_OFFSET (EdElectorEdit, name) }
#define DATE_FIELD(name, label) \
  { #name, label, FIELD_DATE, G_STRUCT_OFFSET (EdElectorEdit, name) }
#define BOOLEAN_FIELD(name, label) \
  { #name, label, FIELD_BOOLEAN, G_STRUCT_OFFSET (EdElectorEdit, name) }

static const FieldDef fields[] = {
  TEXT_FIELD (title, N_("Title")),
  TEXT_FIELD (forenames, N_("Forenames")),
  TEXT_FIELD (surname, N_("Surname")),
  TEXT_FIELD (marker, N_("Marker")),
  DATE_FIELD (attainer_date, N_("Attainer date")),
  DATE_FIELD (date_of_birth, N_("Date of birth")),
  BOOLEAN_FIELD (open_register_opt_out, N_("Open register opt-out")),
  TEXT_FIELD (absent_vote, N_("Absent vote")),
  DATE_FIELD (absent_vote_ends, N_("Absent vote ends")),
  TEXT_FIELD (proxy_name, N_("Proxy name")),
  TEXT_FIELD (proxy_address, N_("Proxy address")),
  BOOLEAN_FIELD (anonymous, N_("Anonymous")),
  BOOLEAN_FIELD (other_elector, N_("Other elector")),
  TEXT_FIELD (language, N_("Language")),
};

#define FIELD_TEXT_OF(edit, def) (*(char **)G_STRUCT_MEMBER_P ((edit), (def)->offset))
#define FIELD_BOOLEAN_OF(edit, def) (*(gboolean *)G_STRUCT_MEMBER_P ((edit), (def)->offset))

static void
new_address_clear (EdNewAddress *address)
{
  g_clear_pointer (&address->property, g_free);
  g_clear_pointer (&address->street, g_free);
  g_clear_pointer (&address->locality, g_free);
  g_clear_pointer (&address->town, g_free);
  g_clear_pointer (&address->postcode, g_free);
}

/**
 * ed_elector_edit_new:
 *
 * Returns: (transfer full): the fields of a new elector: every text empty, English
 */
EdElectorEdit *
ed_elector_edit_new (void)
{
  EdElectorEdit *edit = g_new0 (EdElectorEdit, 1);

  edit->polling_district = g_strdup ("");
  edit->property = g_strdup ("");
  edit->new_address.property = g_strdup ("");
  edit->new_address.street = g_strdup ("");
  edit->new_address.locality = g_strdup ("");
  edit->new_address.town = g_strdup ("");
  edit->new_address.postcode = g_strdup ("");
  edit->status = ED_ELECTOR_STATUS_PENDING_ADDITION;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type != FIELD_BOOLEAN)
      FIELD_TEXT_OF (edit, &fields[i]) = g_strdup ("");
  g_free (edit->language);
  edit->language = g_strdup (ed_elector_language_to_string (ED_ELECTOR_LANGUAGE_ENGLISH));
  return edit;
}

EdElectorEdit *
ed_elector_edit_copy (const EdElectorEdit *edit)
{
  EdElectorEdit *copy;

  g_return_val_if_fail (edit != NULL, NULL);

  copy = g_memdup2 (edit, sizeof *edit);
  copy->id = g_strdup (edit->id);
  copy->polling_district = g_strdup (edit->polling_district);
  copy->property = g_strdup (edit->property);
  copy->new_address.property = g_strdup (edit->new_address.property);
  copy->new_address.street = g_strdup (edit->new_address.street);
  copy->new_address.locality = g_strdup (edit->new_address.locality);
  copy->new_address.town = g_strdup (edit->new_address.town);
  copy->new_address.postcode = g_strdup (edit->new_address.postcode);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type != FIELD_BOOLEAN)
      FIELD_TEXT_OF (copy, &fields[i]) = g_strdup (FIELD_TEXT_OF (edit, &fields[i]));
  return copy;
}

void
ed_elector_edit_free (EdElectorEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->id);
  g_free (edit->polling_district);
  g_free (edit->property);
  new_address_clear (&edit->new_address);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type != FIELD_BOOLEAN)
      g_free (FIELD_TEXT_OF (edit, &fields[i]));
  g_free (edit);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Runs @sql with text parameters and returns its first column of its first row as text, or
 * "" when there is no row or the value is NULL. */
static char *
query_text (EdContext   *context,
            const char  *sql,
            const char  *param1,
            const char  *param2,
            GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  char *result = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = column_text (stmt, 0);
  else if (rc == SQLITE_DONE)
    result = g_strdup ("");
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  return result;
}

/* Like query_text(), for a whole number; 0 for NULL or no row, -1 on error. The second
 * parameter is @text_param2 if given, otherwise @int_param2 if @has_int_param2. */
static gint64
query_int (EdContext   *context,
           const char  *sql,
           const char  *text_param,
           const char  *text_param2,
           gint64       int_param2,
           gboolean     has_int_param2,
           GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  gint64 result = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text_param, -1, SQLITE_TRANSIENT);
  if (text_param2 != NULL)
    sqlite3_bind_text (stmt, 2, text_param2, -1, SQLITE_TRANSIENT);
  else if (has_int_param2)
    sqlite3_bind_int64 (stmt, 2, int_param2);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      result = -1;
    }
  sqlite3_reset (stmt);
  return result;
}

/**
 * ed_elector_edit_load:
 * @context: the district
 * @elector_id: an elector's row id
 * @error: return location for an error; %ED_CHANGE_ERROR_NO_SUCH_ROW when there is no
 *   such elector
 *
 * Returns: (transfer full): the elector's fields, or %NULL
 */
EdElectorEdit *
ed_elector_edit_load (EdContext   *context,
                      const char  *elector_id,
                      GError     **error)
{
  EdDatabase *database;
  sqlite3_stmt *stmt;
  g_autoptr(EdElectorEdit) edit = NULL;
  const char *status;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (elector_id != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, load_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, elector_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                     _("There is no elector %s in the register."), elector_id);
      else
        ed_database_set_error (database, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  edit = ed_elector_edit_new ();
  edit->id = g_strdup (elector_id);
  g_free (edit->polling_district);
  edit->polling_district = column_text (stmt, ED_ELECTOR_COL_POLLING_DISTRICT);
  g_free (edit->property);
  edit->property = column_text (stmt, ED_ELECTOR_COL_PROPERTY);
  g_strlcpy (edit->number.prefix,
             (const char *)sqlite3_column_text (stmt, ED_ELECTOR_COL_NUMBER_PREFIX),
             sizeof edit->number.prefix);
  edit->number.number = (guint32)sqlite3_column_int64 (stmt, ED_ELECTOR_COL_NUMBER);
  edit->number.suffix = (guint32)sqlite3_column_int64 (stmt, ED_ELECTOR_COL_NUMBER_SUFFIX);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *column = fields[i].column;
      int index = ed_schema_column_index (&ed_elector_table, column);

      g_assert (index >= 0 && g_str_equal (sqlite3_column_name (stmt, index), column));
      if (fields[i].type == FIELD_BOOLEAN)
        FIELD_BOOLEAN_OF (edit, &fields[i]) = sqlite3_column_int (stmt, index) != 0;
      else
        {
          g_free (FIELD_TEXT_OF (edit, &fields[i]));
          FIELD_TEXT_OF (edit, &fields[i]) = column_text (stmt, index);
        }
    }
  /* A status only a newer desk knows reads as current here. */
  status = (const char *)sqlite3_column_text (stmt, ED_ELECTOR_COL_STATUS);
  if (status == NULL || !ed_elector_status_from_string (status, &edit->status, NULL))
    edit->status = ED_ELECTOR_STATUS_CURRENT;
  sqlite3_reset (stmt);
  return g_steal_pointer (&edit);
}

/**
 * ed_elector_edit_prefill_property:
 * @edit: a new elector's fields
 * @context: the district
 * @property_id: a property's row id
 * @error: return location for an error
 *
 * Places a new elector at an existing property, in the property's polling district.
 */
gboolean
ed_elector_edit_prefill_property (EdElectorEdit  *edit,
                                  EdContext      *context,
                                  const char     *property_id,
                                  GError        **error)
{
  g_autofree char *district = NULL;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (property_id != NULL, FALSE);

  district = query_text (context, property_district_sql, property_id, NULL, error);
  if (district == NULL)
    return FALSE;
  g_free (edit->property);
  edit->property = g_strdup (property_id);
  g_free (edit->polling_district);
  edit->polling_district = g_steal_pointer (&district);
  edit->other_elector = FALSE;
  return TRUE;
}

void
ed_field_problem_free (EdFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  EdFieldProblem *problem = g_new0 (EdFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/**
 * ed_field_problems_lookup:
 * @problems: from ed_elector_edit_validate()
 * @field: a field name
 *
 * Returns: (nullable): the first message about @field, or %NULL if it is fine
 */
const char *
ed_field_problems_lookup (GPtrArray  *problems,
                          const char *field)
{
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->field, field))
        return problem->message;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A value already in the register was checked when it was entered, against the law of that
 * day; only what the officer changes is checked against today's. */
static gboolean
unchanged (const EdElectorEdit *stored,
           const char          *column,
           const char          *value)
{
  for (guint i = 0; stored != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].column, column))
      return g_strcmp0 (FIELD_TEXT_OF (stored, &fields[i]), value) == 0;
  return FALSE;
}

static void
validate_marker (GPtrArray           *problems,
                 EdCountry            country,
                 const char          *welsh_letter,
                 const EdElectorEdit *edit,
                 const EdElectorEdit *stored,
                 const GDate         *today)
{
  g_autoptr(GError) error = NULL;
  EdFranchiseMarker marker;

  /* A marker is allowed in the district's country on the day it is determined: G gave way
   * to B in England on 7 May 2024, M is Scottish, legacy E and K are never given to an
   * entry (DOMAIN.md §1.2). The Welsh qualifying foreign citizen's letter is the
   * district's own (§1.2, [U]). */
  if (!ed_franchise_marker_parse (edit->marker, welsh_letter, &marker, &error))
    add_problem (problems, "marker", error->message);
  else if (unchanged (stored, "marker", edit->marker))
    /* A G left in England after 7 May 2024 is the eligibility review's to change, not a
     * reason to refuse an unrelated amendment. */
    return;
  else if (!ed_franchise_marker_allowed (marker, country, today, &error))
    add_problem (problems, "marker", error->message);
}

static void
validate_date (GPtrArray  *problems,
               const char *field,
               const char *text,
               GDate      *out)
{
  g_date_clear (out, 1);
  if (text[0] == '\0')
    return;
  if (!ed_date_parse_iso (text, out, NULL))
    {
      g_autofree char *message =
        /* Translators: %s is what was typed */
        g_strdup_printf (_("“%s” is not a date: type it as year-month-day, such as 2027-03-14."),
                         text);

      add_problem (problems, field, message);
      g_date_clear (out, 1);
    }
}

static void
validate_absent_vote (GPtrArray           *problems,
                      const EdElectorEdit *edit,
                      const EdElectorEdit *stored,
                      const GDate         *today)
{
  EdAbsentVote vote;
  GDate ends;

  /* DOMAIN.md §1.6: postal, proxy or postal proxy; a proxy votes for the elector, so who
   * the proxy is must be on record. */
  if (!ed_absent_vote_from_string (edit->absent_vote, &vote, NULL))
    {
      add_problem (problems, "absent_vote",
                   _("The absent vote is postal, proxy or postal proxy, or none."));
      return;
    }
  validate_date (problems, "absent_vote_ends", edit->absent_vote_ends, &ends);
  if (g_date_valid (&ends) && vote == ED_ABSENT_VOTE_NONE)
    add_problem (problems, "absent_vote_ends",
                 _("An end date is for an absent vote; choose the absent vote first."));
  if (g_date_valid (&ends) && !unchanged (stored, "absent_vote_ends", edit->absent_vote_ends))
    {
      GDate latest = *today;

      if (g_date_compare (&ends, today) < 0)
        add_problem (problems, "absent_vote_ends",
                     _("The absent vote would have ended already: the end date is in the "
                       "past."));
      g_date_add_years (&latest, POSTAL_VOTE_MAX_YEARS);
      if (vote == ED_ABSENT_VOTE_POSTAL && g_date_compare (&ends, &latest) > 0)
        add_problem (problems, "absent_vote_ends",
                     _("A postal vote lasts at most three years from when it is granted."));
    }
  if (ed_absent_vote_is_by_proxy (vote) && is_blank (edit->proxy_name))
    add_problem (problems, "proxy_name", _("Give the name of the proxy who votes."));
}

static void
validate_address (GPtrArray           *problems,
                  const EdElectorEdit *edit)
{
  const EdNewAddress *address = &edit->new_address;
  g_autofree char *postcode = NULL;
  g_autoptr(GError) error = NULL;

  if (edit->polling_district[0] == '\0')
    add_problem (problems, "polling_district",
                 _("Choose the polling district the entry belongs to."));
  /* Every entry but the Other electors has a qualifying address (RPR 2001 reg 41). */
  if (edit->other_elector || edit->property[0] != '\0')
    return;
  if (is_blank (address->property))
    add_problem (problems, "property", _("Give the house number, name or flat."));
  if (is_blank (address->street))
    add_problem (problems, "street", _("Give the street."));
  if (is_blank (address->postcode))
    add_problem (problems, "postcode", _("Give the postcode."));
  else if (!ed_postcode_normalise (address->postcode, &postcode, &error))
    add_problem (problems, "postcode", error->message);
}

/* The import's limits (ed-register-tables.h), so that whatever the form saves can be
 * imported back. */
static void
validate_text (GPtrArray           *problems,
               const EdElectorEdit *stored,
               const char          *field,
               const char          *text,
               guint                max_chars)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (text == NULL || unchanged (stored, field, text) ||
      ed_register_text_check (text, max_chars, &error))
    return;
  if (g_error_matches (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE))
    message = g_strdup_printf (_("Use at most %u characters."), max_chars);
  else
    message = g_strdup (_("Remove the control character (a line break, tab or similar)."));
  add_problem (problems, field, message);
}

static void
validate_texts (GPtrArray           *problems,
                const EdElectorEdit *edit,
                const EdElectorEdit *stored)
{
  const EdNewAddress *address = &edit->new_address;
  const guint line_max = ED_REGISTER_ADDRESS_LINE_MAX_CHARS;

  validate_text (problems, stored, "title", edit->title, ED_REGISTER_TITLE_MAX_CHARS);
  validate_text (problems, stored, "forenames", edit->forenames, ED_REGISTER_NAME_MAX_CHARS);
  validate_text (problems, stored, "surname", edit->surname, ED_REGISTER_NAME_MAX_CHARS);
  validate_text (problems, stored, "proxy_name", edit->proxy_name,
                 ED_REGISTER_PROXY_NAME_MAX_CHARS);
  validate_text (problems, stored, "proxy_address", edit->proxy_address,
                 ED_REGISTER_PROXY_ADDRESS_MAX_CHARS);
  /* A new address is only ever new: nothing stored to compare it with. */
  validate_text (problems, NULL, "property", address->property, line_max);
  validate_text (problems, NULL, "street", address->street, line_max);
  validate_text (problems, NULL, "locality", address->locality, line_max);
  validate_text (problems, NULL, "town", address->town, line_max);
  validate_text (problems, NULL, "postcode", address->postcode, ED_REGISTER_OTHER_MAX_CHARS);
}

/**
 * ed_elector_edit_validate:
 * @context: the district, for its country
 * @edit: the fields as the officer has them
 * @stored: (nullable): the same elector as the register holds it, or %NULL for a new one
 * @today: the day the change is determined
 *
 * Checks each field as the officer types. Values an existing entry already holds are
 * accepted as they are, since the law of the day they were entered may differ from today's.
 *
 * Returns: (transfer full) (element-type EdFieldProblem): the problems, empty if the fields
 *   may be saved
 */
GPtrArray *
ed_elector_edit_validate (EdContext           *context,
                          const EdElectorEdit *edit,
                          const EdElectorEdit *stored,
                          const GDate         *today)
{
  GPtrArray *problems;
  EdDistrictSettings *settings;
  EdCountry country;
  GDate attainer;
  GDate born;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  settings = ed_context_get_settings (context);
  country = ed_district_settings_get_country (settings);

  if (is_blank (edit->surname))
    add_problem (problems, "surname", _("Give the elector’s surname."));
  validate_texts (problems, edit, stored);
  validate_marker (problems, country, ed_district_settings_get_welsh_marker_letter (settings),
                   edit, stored, today);

  /* The attainer date is the day they reach voting age, within the window from the next
   * 1 December (DOMAIN.md §1.2; RPA 1983 s 4). */
  validate_date (problems, "attainer_date", edit->attainer_date, &attainer);
  if (g_date_valid (&attainer) && !unchanged (stored, "attainer_date", edit->attainer_date))
    {
      g_autoptr(GError) error = NULL;

      if (!ed_attainer_date_check (country, &attainer, today, &error))
        add_problem (problems, "attainer_date", error->message);
    }

  /* A date of birth is in the past, and someone not yet of voting age by it is held to the
   * attainer rules on the day it gives them voting age (DOMAIN.md §1.2): the entry's dates
   * come from it (ed_elector_entry_dates ()). */
  validate_date (problems, "date_of_birth", edit->date_of_birth, &born);
  if (g_date_valid (&born) && !unchanged (stored, "date_of_birth", edit->date_of_birth))
    {
      g_autoptr(GError) error = NULL;
      GDate voting_age;

      ed_elector_dates_from_birth (country, &born, &voting_age, NULL);
      if (g_date_compare (&born, today) > 0)
        add_problem (problems, "date_of_birth", _("A date of birth cannot be in the future."));
      else if (g_date_compare (&voting_age, today) > 0 &&
               !ed_attainer_date_check (country, &voting_age, today, &error))
        add_problem (problems, "date_of_birth", error->message);
    }

  validate_absent_vote (problems, edit, stored, today);
  /* A row written without a language holds "", which reads as English. */
  if (!ed_elector_language_from_string (edit->language, NULL, NULL) &&
      !unchanged (stored, "language", edit->language))
    add_problem (problems, "language", _("The language is English or Welsh."));
  if (stored == NULL)
    validate_address (problems, edit);
  return problems;
}

/* A moving entry keeps what it holds, checked as an amendment is, and is checked at its new
 * address as a new entry is. */
GPtrArray *
_ed_elector_edit_validate_move (EdContext           *context,
                                const EdElectorEdit *edit,
                                const EdElectorEdit *stored,
                                const GDate         *today)
{
  GPtrArray *problems = ed_elector_edit_validate (context, edit, stored, today);

  validate_address (problems, edit);
  return problems;
}

/* The largest suffix with @number in its part; -1 on error. */
static gint64
max_suffix (EdContext   *context,
            const char  *prefix,
            gint64       number,
            GError     **error)
{
  return query_int (context, max_suffix_sql, prefix, NULL, number, TRUE, error);
}

/**
 * ed_elector_next_number:
 * @context: the district
 * @polling_district_id: the polling district the new elector is in
 * @property_id: (nullable): the property, or %NULL or "" for a new address or an Other
 *   elector
 * @out: (out): the number the new elector takes
 * @error: return location for an error
 *
 * Numbers are given out in order within each part of the register and only resequenced at
 * the revised register, so between publications a new elector at an address already in the
 * register takes its elector number with the next suffix (`AB124/1`, `AB124/2`), and anyone
 * else the number after the part's highest (DOMAIN.md §1.1; RPR 2001 reg 39).
 */
gboolean
ed_elector_next_number (EdContext        *context,
                        const char       *polling_district_id,
                        const char       *property_id,
                        EdElectorNumber  *out,
                        GError          **error)
{
  g_autofree char *prefix = NULL;
  gint64 number = 0;
  gint64 suffix = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (polling_district_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  prefix = query_text (context, district_code_sql, polling_district_id, NULL, error);
  if (prefix == NULL)
    return FALSE;
  if (prefix[0] == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("The polling district has no code to number its electors with."));
      return FALSE;
    }

  if (property_id != NULL && property_id[0] != '\0')
    {
      /* A property numbered with more than one number takes its last one's suffixes. */
      number = query_int (context, property_number_sql, property_id, prefix, 0, FALSE, error);
      if (number < 0)
        return FALSE;
    }

  if (number > 0)
    {
      /* Never a suffix lower than one in use, even after a gap: an entry deleted since the
       * last notice may still be listed on it under that number. */
      suffix = max_suffix (context, prefix, number, error);
      if (suffix < 0)
        return FALSE;
      suffix++;
    }
  else
    {
      number = query_int (context, max_number_sql, prefix, NULL, 0, FALSE, error);
      if (number < 0)
        return FALSE;
      number++;
    }
  return ed_elector_number_set (out, prefix, (guint32)MIN (number, G_MAXUINT32),
                                (guint32)MIN (suffix, G_MAXUINT32), error);
}

/* A notice prints a change in the middle of a sentence ("Absent vote: none → postal
 * proxy"), so an absent vote is in lower case there, unlike its display name. */
static const char *
absent_vote_in_sentence (EdAbsentVote vote)
{
  switch (vote)
    {
    case ED_ABSENT_VOTE_POSTAL:
      return _("postal");
    case ED_ABSENT_VOTE_PROXY:
      return _("proxy");
    case ED_ABSENT_VOTE_POSTAL_PROXY:
      return _("postal proxy");
    case ED_ABSENT_VOTE_NONE:
    case ED_N_ABSENT_VOTES:
    default:
      return C_("no value", "none");
    }
}

static char *
display_value (const FieldDef *def,
               const char     *text,
               gboolean        flag)
{
  EdAbsentVote vote;
  EdElectorLanguage language;

  if (def->type == FIELD_BOOLEAN)
    return g_strdup (flag ? _("yes") : _("no"));
  if (text[0] == '\0')
    return g_strdup (C_("no value", "none"));
  if (g_str_equal (def->column, "absent_vote") && ed_absent_vote_from_string (text, &vote, NULL))
    return g_strdup (absent_vote_in_sentence (vote));
  if (g_str_equal (def->column, "language") &&
      ed_elector_language_from_string (text, &language, NULL))
    return g_strdup (ed_elector_language_get_display_name (language));
  return g_strdup (text);
}

static gboolean
field_differs (const FieldDef      *def,
               const EdElectorEdit *before,
               const EdElectorEdit *after)
{
  if (def->type == FIELD_BOOLEAN)
    return !FIELD_BOOLEAN_OF (before, def) != !FIELD_BOOLEAN_OF (after, def);
  return g_strcmp0 (FIELD_TEXT_OF (before, def), FIELD_TEXT_OF (after, def)) != 0;
}

gboolean
ed_elector_edit_has_changes (const EdElectorEdit *before,
                             const EdElectorEdit *after)
{
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (field_differs (&fields[i], before, after))
      return TRUE;
  return FALSE;
}

/**
 * ed_elector_edit_describe_changes:
 * @before: the entry as it was
 * @after: the entry as it is to be
 *
 * Returns: (transfer full): the changes as an officer reads them in a notice of alteration,
 *   such as `Surname: Smith → Jones; Marker: none → F`; "" if nothing changed
 */
char *
ed_elector_edit_describe_changes (const EdElectorEdit *before,
                                  const EdElectorEdit *after)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (before != NULL && after != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldDef *def = &fields[i];
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (!field_differs (def, before, after))
        continue;
      from = display_value (def, def->type == FIELD_BOOLEAN ? "" : FIELD_TEXT_OF (before, def),
                            def->type == FIELD_BOOLEAN && FIELD_BOOLEAN_OF (before, def));
      to = display_value (def, def->type == FIELD_BOOLEAN ? "" : FIELD_TEXT_OF (after, def),
                          def->type == FIELD_BOOLEAN && FIELD_BOOLEAN_OF (after, def));
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: one changed field in a notice of alteration: "Surname: Smith → Jones" */
      g_string_append_printf (text, _("%s: %s → %s"), _(def->label), from, to);
    }
  return g_string_free (text, FALSE);
}

static GVariant *
field_variant (const FieldDef      *def,
               const EdElectorEdit *edit)
{
  if (def->type == FIELD_BOOLEAN)
    return g_variant_new_boolean (FIELD_BOOLEAN_OF (edit, def));
  return g_variant_new_string (FIELD_TEXT_OF (edit, def));
}

static gboolean
refuse_problems (EdContext            *context,
                 const EdElectorEdit  *edit,
                 const EdElectorEdit  *stored,
                 const GDate          *today,
                 GError              **error)
{
  g_autoptr(GPtrArray) problems = ed_elector_edit_validate (context, edit, stored, today);

  if (problems->len == 0)
    return FALSE;
  g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       ((EdFieldProblem *)g_ptr_array_index (problems, 0))->message);
  return TRUE;
}

static void
determination_day (const GDate *determined_on,
                   GDate       *out)
{
  if (determined_on != NULL && g_date_valid (determined_on))
    *out = *determined_on;
  else
    {
      g_date_clear (out, 1);
      ed_today (out);
    }
}

static gboolean
insert_alteration (EdChangeSet       *change_set,
                   const char        *elector_id,
                   EdAlterationKind   kind,
                   const GDate       *determined_on,
                   const char        *reason,
                   const char        *detail,
                   const char        *published,
                   GError           **error)
{
  const char *columns[ED_REGISTER_ALTERATION_N_COLS];
  g_autofree char *day = ed_date_format_iso (determined_on);
  GVariant *values[ED_REGISTER_ALTERATION_N_COLS];

  values[ED_REGISTER_ALTERATION_COL_ELECTOR] = g_variant_new_string (elector_id);
  values[ED_REGISTER_ALTERATION_COL_KIND] =
    g_variant_new_string (ed_alteration_kind_to_string (kind));
  values[ED_REGISTER_ALTERATION_COL_DETERMINED_ON] = g_variant_new_string (day);
  values[ED_REGISTER_ALTERATION_COL_REASON] = g_variant_new_string (reason);
  values[ED_REGISTER_ALTERATION_COL_DETAIL] = g_variant_new_string (detail);
  values[ED_REGISTER_ALTERATION_COL_NOTICE] = g_variant_new_string ("");
  values[ED_REGISTER_ALTERATION_COL_PUBLISHED] = g_variant_new_string (published);
  ed_register_table_column_names (&ed_register_alteration_table, columns);
  return ed_change_set_insert (change_set, ed_register_alteration_table.name, NULL, columns,
                               values, G_N_ELEMENTS (values), NULL, error);
}

static char *
insert_property (EdChangeSet         *change_set,
                 const EdElectorEdit *edit,
                 GError             **error)
{
  const char *columns[ED_PROPERTY_N_COLS];
  const EdNewAddress *address = &edit->new_address;
  g_autofree char *postcode = NULL;
  g_autofree char *property = g_strstrip (g_strdup (address->property));
  g_autofree char *street = g_strstrip (g_strdup (address->street));
  g_autofree char *locality = g_strstrip (g_strdup (address->locality));
  g_autofree char *town = g_strstrip (g_strdup (address->town));
  GVariant *values[ED_PROPERTY_N_COLS];
  char *id = NULL;

  if (!ed_postcode_normalise (address->postcode, &postcode, error))
    return NULL;
  /* Typed by an officer, so without the gazetteer's UPRN or area. */
  values[ED_PROPERTY_COL_UPRN] = g_variant_new_int64 (0);
  values[ED_PROPERTY_COL_PROPERTY] = g_variant_new_string (property);
  values[ED_PROPERTY_COL_STREET] = g_variant_new_string (street);
  values[ED_PROPERTY_COL_LOCALITY] = g_variant_new_string (locality);
  values[ED_PROPERTY_COL_TOWN] = g_variant_new_string (town);
  values[ED_PROPERTY_COL_AREA] = g_variant_new_string ("");
  values[ED_PROPERTY_COL_POSTCODE] = g_variant_new_string (postcode);
  values[ED_PROPERTY_COL_POLLING_DISTRICT] = g_variant_new_string (edit->polling_district);
  /* Placed on the map once a gazetteer or station file gives its coordinates. */
  values[ED_PROPERTY_COL_EASTING] = g_variant_new_int64 (0);
  values[ED_PROPERTY_COL_NORTHING] = g_variant_new_int64 (0);
  ed_register_table_column_names (&ed_property_table, columns);
  if (!ed_change_set_insert (change_set, ed_property_table.name, NULL, columns, values,
                             G_N_ELEMENTS (values), &id, error))
    return NULL;
  return id;
}

static char *
display_name (const EdElectorEdit *edit)
{
  g_autofree char *joined = g_strjoin (" ", edit->title, edit->forenames, edit->surname, NULL);
  g_auto(GStrv) words = g_strsplit (joined, " ", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **)kept->pdata);
}

/* Adds @edit within @change_set: everything ed_elector_edit_add() does but the validation,
 * the transaction and filling in @edit. */
gboolean
_ed_elector_edit_add_in (EdChangeSet          *change_set,
                         EdContext            *context,
                         const EdElectorEdit  *edit,
                         const GDate          *day,
                         char                **out_id,
                         char                **out_property,
                         char                **out_district,
                         EdElectorNumber      *out_number,
                         GError              **error)
{
  g_autofree char *property = NULL;
  g_autofree char *district = NULL;
  g_autofree char *id = NULL;
  g_autofree char *number_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  EdElectorNumber number;

  if (edit->other_elector)
    property = g_strdup ("");
  else if (edit->property[0] != '\0')
    property = g_strdup (edit->property);
  else if ((property = insert_property (change_set, edit, error)) == NULL)
    return FALSE;

  /* An entry is in its address's polling district. */
  if (property[0] != '\0')
    district = query_text (context, property_district_sql, property, NULL, error);
  else
    district = g_strdup (edit->polling_district);
  if (district == NULL)
    return FALSE;
  if (district[0] == '\0')
    {
      g_free (district);
      district = g_strdup (edit->polling_district);
    }

  /* In the same transaction as the insert, so nothing can take the number in between. */
  if (!ed_elector_next_number (context, district, property, &number, error))
    return FALSE;

  g_ptr_array_add (columns, "polling_district");
  g_ptr_array_add (values, g_variant_new_string (district));
  g_ptr_array_add (columns, "property");
  g_ptr_array_add (values, g_variant_new_string (property));
  g_ptr_array_add (columns, "number_prefix");
  g_ptr_array_add (values, g_variant_new_string (number.prefix));
  g_ptr_array_add (columns, "number");
  g_ptr_array_add (values, g_variant_new_int64 (number.number));
  g_ptr_array_add (columns, "number_suffix");
  g_ptr_array_add (values, g_variant_new_int64 (number.suffix));
  g_ptr_array_add (columns, "status");
  g_ptr_array_add (values, g_variant_new_string (
                            ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_ADDITION)));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_ptr_array_add (columns, (gpointer)fields[i].column);
      g_ptr_array_add (values, field_variant (&fields[i], edit));
    }
  if (!ed_change_set_insert (change_set, "elector", NULL, (const char * const *)columns->pdata,
                             (GVariant * const *)values->pdata, values->len, &id, error))
    return FALSE;

  number_text = ed_elector_number_format (&number);
  name = display_name (edit);
  /* Translators: the detail of an addition in a notice of alteration: the elector number and
   * the name */
  detail = g_strdup_printf (_("Added as %s: %s"), number_text, name);
  if (!insert_alteration (change_set, id, ED_ALTERATION_ADDITION, day, "", detail, "", error))
    return FALSE;

  *out_id = g_steal_pointer (&id);
  *out_property = g_steal_pointer (&property);
  *out_district = g_steal_pointer (&district);
  *out_number = number;
  return TRUE;
}

/**
 * ed_elector_edit_add:
 * @context: the district
 * @edit: a new elector's fields; on success its @id, @number, @status and (for a new
 *   address) @property are filled in
 * @determined_on: (nullable): the day the application was determined; %NULL for today
 * @error: return location for an error; %ED_VALUE_ERROR_INVALID with the first problem
 *   when a field is invalid
 *
 * Adds the elector as a pending addition, with the next elector number, and records the
 * addition for the next notice of alteration. A new address is added with it.
 */
gboolean
ed_elector_edit_add (EdContext      *context,
                     EdElectorEdit  *edit,
                     const GDate    *determined_on,
                     GError        **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *property = NULL;
  g_autofree char *district = NULL;
  g_autofree char *id = NULL;
  EdElectorNumber number;
  GDate day;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (edit != NULL && edit->id == NULL, FALSE);

  determination_day (determined_on, &day);
  if (refuse_problems (context, edit, NULL, &day, error))
    return FALSE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (!_ed_elector_edit_add_in (change_set, context, edit, &day, &id, &property, &district,
                                &number, error))
    return FALSE;
  if (!ed_change_set_commit (change_set, error))
    return FALSE;

  g_free (edit->id);
  edit->id = g_steal_pointer (&id);
  g_free (edit->property);
  edit->property = g_steal_pointer (&property);
  g_free (edit->polling_district);
  edit->polling_district = g_steal_pointer (&district);
  edit->number = number;
  edit->status = ED_ELECTOR_STATUS_PENDING_ADDITION;
  return TRUE;
}

/* The fields a published or supplied version shows, or selects and orders its entries by
 * (ed-register-export.c): what an amendment keeps of the entry as published. */
static const char *const published_columns[] = {
  "title", "forenames", "surname", "marker", "attainer_date", "date_of_birth",
  "open_register_opt_out", "anonymous", "other_elector", NULL,
};

/* What an amendment of @stored into @edit keeps for the published versions, as JSON: the
 * value before it of every published field it changes, such as {"surname":"Smith"}; "" when
 * it changes none. The value before the first amendment of a field still waiting for its
 * notice is the published one, so the published walk takes each field from the earliest
 * waiting amendment that names it (ed-register-export.c); a later one's value is what the
 * earlier one made, shown once that one's notice is published and this one still waits. */
static char *
published_values (const EdElectorEdit  *stored,
                  const EdElectorEdit  *edit)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const FieldDef *def = &fields[i];

      if (!g_strv_contains ((const char *const *)published_columns, def->column) ||
          !field_differs (def, stored, edit))
        continue;
      if (def->type == FIELD_BOOLEAN)
        json_object_set_boolean_member (values, def->column, FIELD_BOOLEAN_OF (stored, def));
      else
        json_object_set_string_member (values, def->column,
                                       FIELD_TEXT_OF (stored, def) != NULL
                                         ? FIELD_TEXT_OF (stored, def) : "");
    }
  if (json_object_get_size (values) == 0)
    return g_strdup ("");
  root = json_node_init_object (json_node_alloc (), values);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static int
has_unpublished_addition (EdContext   *context,
                          const char  *elector_id,
                          GError     **error)
{
  gint64 exists = query_int (context, unpublished_addition_sql, elector_id,
                             ed_alteration_kind_to_string (ED_ALTERATION_ADDITION), 0, FALSE,
                             error);

  return exists < 0 ? -1 : exists != 0;
}

/**
 * ed_elector_edit_amend:
 * @context: the district
 * @edit: an existing elector's fields as they are to be
 * @determined_on: (nullable): the day the change was determined; %NULL for today
 * @error: return location for an error
 *
 * Writes the changed fields at once and records an amendment, saying what changed, for the
 * next notice of alteration. An entry whose addition is not yet published only has its row
 * changed: the notice will list it as added, as it now is. Nothing changed writes nothing.
 * The address and number are not changed here: a move is a deletion and an addition.
 */
gboolean
ed_elector_edit_amend (EdContext            *context,
                       const EdElectorEdit  *edit,
                       const GDate          *determined_on,
                       GError              **error)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *detail = NULL;
  int unpublished;
  GDate day;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (edit != NULL && edit->id != NULL, FALSE);

  stored = ed_elector_edit_load (context, edit->id, error);
  if (stored == NULL)
    return FALSE;
  if (g_strcmp0 (stored->property, edit->property) != 0 ||
      g_strcmp0 (stored->polling_district, edit->polling_district) != 0)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("An elector who moves is deleted from the old address and added "
                             "at the new one."));
      return FALSE;
    }
  determination_day (determined_on, &day);
  if (refuse_problems (context, edit, stored, &day, error))
    return FALSE;
  if (!ed_elector_edit_has_changes (stored, edit))
    return TRUE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (field_differs (&fields[i], stored, edit) &&
        !ed_change_set_set (change_set, "elector", edit->id, fields[i].column,
                            field_variant (&fields[i], edit), error))
      return FALSE;

  unpublished = stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION
                  ? has_unpublished_addition (context, edit->id, error)
                  : 0;
  if (unpublished < 0)
    return FALSE;
  if (!unpublished)
    {
      g_autofree char *published = published_values (stored, edit);

      detail = ed_elector_edit_describe_changes (stored, edit);
      if (!insert_alteration (change_set, edit->id, ED_ALTERATION_AMENDMENT, &day, "", detail,
                              published, error))
        return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}

/**
 * ed_elector_edit_address_text:
 * @context: the district
 * @property_id: a property's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the address on one line, such as `1 Mill Lane, Testbury
 *   ZY1 9LN`; "" for an unknown property
 */
char *
ed_elector_edit_address_text (EdContext   *context,
                              const char  *property_id,
                              GError     **error)
{
  EdDatabase *database;
  sqlite3_stmt *stmt;
  GString *text = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (property_id != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, address_sql, error);
  if (stmt == NULL)
    return g_string_free (text, TRUE);
  sqlite3_bind_text (stmt, 1, property_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *parts[5];

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        parts[i] = (const char *)sqlite3_column_text (stmt, (int)i);
      /* "1 Mill Lane, Millbrook, Testbury ZY1 9LN": the number goes before the street. */
      g_string_append (text, parts[0]);
      if (parts[1][0] != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", parts[1]);
      for (guint i = 2; i < 4; i++)
        if (parts[i][0] != '\0')
          g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", parts[i]);
      if (parts[4][0] != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", parts[4]);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return g_string_free (text, TRUE);
    }
  return g_string_free (text, FALSE);
}


static GPtrArray *
unpublished_alterations (EdContext   *context,
                         const char  *elector_id,
                         GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt = ed_database_cached (database, unpublished_alterations_sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, elector_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Deletes @stored within @change_set, with @detail for the notice: everything
 * ed_elector_delete() does but the checks and the transaction. */
gboolean
_ed_elector_delete_in (EdChangeSet          *change_set,
                       EdContext            *context,
                       const EdElectorEdit  *stored,
                       EdDeletionReason      reason,
                       const char           *detail,
                       const GDate          *day,
                       GError              **error)
{
  int unpublished;

  unpublished = stored->status == ED_ELECTOR_STATUS_PENDING_ADDITION
                  ? has_unpublished_addition (context, stored->id, error)
                  : 0;
  if (unpublished < 0)
    return FALSE;
  if (unpublished)
    {
      g_autoptr(GPtrArray) alterations = unpublished_alterations (context, stored->id, error);

      if (alterations == NULL)
        return FALSE;
      for (guint i = 0; i < alterations->len; i++)
        if (!ed_change_set_delete (change_set, "register_alteration",
                                   g_ptr_array_index (alterations, i), error))
          return FALSE;
      return ed_change_set_delete (change_set, "elector", stored->id, error);
    }

  if (!ed_change_set_set (change_set, "elector", stored->id, "status",
                          g_variant_new_string (
                            ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_DELETION)),
                          error))
    return FALSE;
  return insert_alteration (change_set, stored->id, ED_ALTERATION_DELETION, day,
                            ed_deletion_reason_to_string (reason), detail, "", error);
}

/* Why an entry cannot be deleted or moved; FALSE if it can. */
gboolean
_ed_elector_refuse_pending_deletion (const EdElectorEdit  *stored,
                                     GError              **error)
{
  if (stored->status != ED_ELECTOR_STATUS_PENDING_DELETION)
    return FALSE;
  g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("The entry is already to be deleted at the next notice of "
                         "alteration."));
  return TRUE;
}

/**
 * ed_elector_delete:
 * @context: the district
 * @elector_id: an elector's row id
 * @reason: why the entry leaves the register
 * @other_reason: (nullable): for %ED_DELETION_OTHER, the reason in words (required)
 * @determined_on: (nullable): the day the deletion was determined; %NULL for today
 * @error: return location for an error
 *
 * Marks the entry as a pending deletion and records the deletion, with its reason, for the
 * next notice of alteration; the row goes when that notice is published. An entry whose
 * addition has not been published yet never appeared in the register, so it and its
 * unpublished alterations are removed at once.
 */
gboolean
ed_elector_delete (EdContext         *context,
                   const char        *elector_id,
                   EdDeletionReason   reason,
                   const char        *other_reason,
                   const GDate       *determined_on,
                   GError           **error)
{
  g_autoptr(EdElectorEdit) stored = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *detail = NULL;
  GDate day;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (elector_id != NULL, FALSE);
  g_return_val_if_fail (reason <= ED_DELETION_OTHER, FALSE);

  if (reason == ED_DELETION_OTHER && is_blank (other_reason))
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                           _("Say why the entry is deleted."));
      return FALSE;
    }
  stored = ed_elector_edit_load (context, elector_id, error);
  if (stored == NULL)
    return FALSE;
  if (_ed_elector_refuse_pending_deletion (stored, error))
    return FALSE;
  determination_day (determined_on, &day);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (reason == ED_DELETION_OTHER)
    detail = g_strstrip (g_strdup (other_reason));
  else
    detail = g_strdup (ed_deletion_reason_get_display_name (reason));
  if (!_ed_elector_delete_in (change_set, context, stored, reason, detail, &day, error))
    return FALSE;
  return ed_change_set_commit (change_set, error);
}

/**
 * ed_elector_history:
 * @context: the district
 * @elector_id: an elector's row id (one deleted since is fine)
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdHistoryEntry): every change to the entry, oldest
 *   first, from the operation log
 */
GPtrArray *
ed_elector_history (EdContext   *context,
                    const char  *elector_id,
                    GError     **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (elector_id != NULL, NULL);

  return ed_history_for_row (ED_REPLICA (context), "elector", elector_id, error);
}

/**
 * ed_elector_field_get_display_name:
 * @field: a column of the elector table
 *
 * Returns: the column's name for a person, translated; @field itself if it has none
 */
const char *
ed_elector_field_get_display_name (const char *field)
{
  static const struct
  {
    const char *column;
    const char *label;
  } others[] = {
    { "status", N_("Status") },
    { "number", N_("Elector number") },
    { "number_prefix", N_("Polling district letters") },
    { "number_suffix", N_("Elector number suffix") },
    { "property", N_("Address") },
    { "polling_district", N_("Polling district") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].column, field))
      return _(fields[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i].column, field))
      return _(others[i].label);
  return field;
}

/* In the middle of a sentence, as ed_elector_history_describe() puts it. */
static const char *
status_display (const char *text)
{
  EdElectorStatus status;

  if (text == NULL || !ed_elector_status_from_string (text, &status, NULL))
    return text;
  switch (status)
    {
    case ED_ELECTOR_STATUS_CURRENT:
      return _("current");
    case ED_ELECTOR_STATUS_PENDING_ADDITION:
      return _("to be added");
    case ED_ELECTOR_STATUS_PENDING_DELETION:
      return _("to be deleted");
    case ED_N_ELECTOR_STATUSES:
    default:
      g_return_val_if_reached (text);
    }
}

/**
 * ed_elector_history_describe:
 * @entry: one change from ed_elector_history()
 *
 * Returns: (transfer full): what the change did, for a person: `Surname: Smith → Jones`
 */
char *
ed_elector_history_describe (const EdHistoryEntry *entry)
{
  const FieldDef *def = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  switch (entry->kind)
    {
    case ED_OP_INS:
      return g_strdup (_("Entry created"));
    case ED_OP_DEL:
      return g_strdup (_("Entry removed"));
    case ED_OP_RESTORE:
      return g_strdup (_("Entry restored"));
    case ED_OP_SET:
    default:
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].column, entry->col))
      def = &fields[i];

  if (g_str_equal (entry->col, "status"))
    {
      from = g_strdup (status_display (entry->from_display));
      to = g_strdup (status_display (entry->to_display));
    }
  else if (def != NULL && def->type == FIELD_BOOLEAN)
    {
      /* The op log shows booleans as yes and no already. */
      from = g_strdup (entry->from_display != NULL ? entry->from_display : "");
      to = g_strdup (entry->to_display != NULL ? entry->to_display : "");
    }
  else if (def != NULL)
    {
      from = display_value (def, entry->from_display != NULL ? entry->from_display : "", FALSE);
      to = display_value (def, entry->to_display != NULL ? entry->to_display : "", FALSE);
    }
  else
    {
      from = g_strdup (entry->from_display != NULL ? entry->from_display : "");
      to = g_strdup (entry->to_display != NULL ? entry->to_display : "");
    }
  return g_strdup_printf (_("%s: %s → %s"), ed_elector_field_get_display_name (entry->col),
                          from, to);
}
