/* ed-staff-person.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people the returning officer may appoint (issue 16, DOMAIN.md §4): their details, the
 * roles they may take, and the checks every way in (the forms, the import, the command line)
 * holds a person to. A person is written through one change set with their roles, and a save
 * writes only the fields that changed, so two desks editing different fields of one person
 * never clash. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-ni-number.h"
#include "core/ed-postcode.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-tables.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"
#include "staff/ed-staff-tables.h"

/* UK numbers have 10 or 11 digits, an international one at most 15 (ITU E.164). */
#define PHONE_MIN_DIGITS 10
#define PHONE_MAX_DIGITS 15

G_DEFINE_BOXED_TYPE (EdStaffPerson, ed_staff_person, ed_staff_person_copy, ed_staff_person_free)

static const struct
{
  const char *field;
  const char *name;  /* untranslated */
} field_names[] = {
  { "family_name", N_("Family name") },
  { "given_names", N_("Given names") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "address", N_("Address") },
  { "postcode", N_("Postcode") },
  { "date_of_birth", N_("Date of birth") },
  { "ni_number", N_("National Insurance number") },
  { "payroll_reference", N_("Payroll reference") },
  { "council_employee", N_("Council employee") },
  { "starter_statement", N_("Starter statement") },
  { "starter_date", N_("Starter checklist date") },
  { "language", N_("Language") },
  { "notes", N_("Notes") },
  { "roles", N_("Roles") },
};

/**
 * ed_staff_person_field_get_display_name:
 * @field: a column of staff_person, or "roles"
 *
 * Returns: (transfer none): the field's label, translated; @field itself if unknown
 */
const char *
ed_staff_person_field_get_display_name (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (field_names[i].field, field))
      return _(field_names[i].name);
  return field;
}

/**
 * ed_staff_person_new:
 *
 * Returns: (transfer full): a person with every field empty and no roles
 */
EdStaffPerson *
ed_staff_person_new (void)
{
  EdStaffPerson *person = g_new0 (EdStaffPerson, 1);

  person->family_name = g_strdup ("");
  person->given_names = g_strdup ("");
  person->email = g_strdup ("");
  person->phone = g_strdup ("");
  person->address = g_strdup ("");
  person->postcode = g_strdup ("");
  g_date_clear (&person->date_of_birth, 1);
  person->ni_number = g_strdup ("");
  person->payroll_reference = g_strdup ("");
  person->starter_statement = ED_STARTER_NONE;
  g_date_clear (&person->starter_date, 1);
  person->language = g_strdup ("");
  person->notes = g_strdup ("");
  person->roles = g_array_new (FALSE, FALSE, sizeof (EdStaffRole));
  return person;
}

EdStaffPerson *
ed_staff_person_copy (const EdStaffPerson *person)
{
  EdStaffPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (EdStaffPerson, 1);
  copy->id = g_strdup (person->id);
  copy->family_name = g_strdup (person->family_name);
  copy->given_names = g_strdup (person->given_names);
  copy->email = g_strdup (person->email);
  copy->phone = g_strdup (person->phone);
  copy->address = g_strdup (person->address);
  copy->postcode = g_strdup (person->postcode);
  copy->date_of_birth = person->date_of_birth;
  copy->ni_number = g_strdup (person->ni_number);
  copy->payroll_reference = g_strdup (person->payroll_reference);
  copy->council_employee = person->council_employee;
  copy->starter_statement = person->starter_statement;
  copy->starter_date = person->starter_date;
  copy->language = g_strdup (person->language);
  copy->notes = g_strdup (person->notes);
  copy->roles = g_array_copy (person->roles);
  return copy;
}

void
ed_staff_person_free (EdStaffPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->id);
  g_free (person->family_name);
  g_free (person->given_names);
  g_free (person->email);
  g_free (person->phone);
  g_free (person->address);
  g_free (person->postcode);
  g_free (person->ni_number);
  g_free (person->payroll_reference);
  g_free (person->language);
  g_free (person->notes);
  g_clear_pointer (&person->roles, g_array_unref);
  g_free (person);
}

/**
 * ed_staff_person_dup_name:
 * @person: a person
 *
 * Returns: (transfer full): the name as lists sort it: "Family, Given names"
 */
char *
ed_staff_person_dup_name (const EdStaffPerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (*person->given_names == '\0')
    return g_strdup (person->family_name);
  /* Translators: a person's family name, then their given names */
  return g_strdup_printf (_("%s, %s"), person->family_name, person->given_names);
}

gboolean
ed_staff_person_has_role (const EdStaffPerson *person,
                          EdStaffRole          role)
{
  g_return_val_if_fail (person != NULL, FALSE);

  for (guint i = 0; i < person->roles->len; i++)
    if (g_array_index (person->roles, EdStaffRole, i) == role)
      return TRUE;
  return FALSE;
}

static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (nfc != NULL ? nfc : "", -1);
}

/**
 * ed_staff_person_matches:
 * @person: a person
 * @role: a role the person must be able to take, or %ED_STAFF_ROLE_ANY
 * @search: (nullable): words that must each appear, in any case, in the person's names,
 *   email or payroll reference; %NULL or "" for everyone
 *
 * Returns: whether @person belongs in a list narrowed by @role and @search
 */
gboolean
ed_staff_person_matches (const EdStaffPerson *person,
                         EdStaffRole          role,
                         const char          *search)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (person != NULL, FALSE);

  if (role != ED_STAFF_ROLE_ANY && !ed_staff_person_has_role (person, role))
    return FALSE;
  if (search == NULL || *search == '\0')
    return TRUE;

  haystack = g_strjoin (" ", person->family_name, person->given_names, person->email,
                        person->payroll_reference, NULL);
  folded = fold (haystack);
  words = g_strsplit_set (search, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;

      if (*words[i] == '\0')
        continue;
      word = fold (words[i]);
      if (strstr (folded, word) == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_staff_role_parse:
 * @text: a role as a person or a file gives it
 * @out_role: (out) (optional): the role
 * @error: return location for an %ED_VALUE_ERROR listing the roles
 *
 * Reads a role as its stored value or its name, in any case, with spaces, hyphens or
 * underscores: "presiding_officer", "Presiding officer" and "PRESIDING-OFFICER" are one role.
 *
 * Returns: %TRUE if @text names a role
 */
gboolean
ed_staff_role_parse (const char   *text,
                     EdStaffRole  *out_role,
                     GError      **error)
{
  g_autofree char *wanted = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) expected = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  wanted = fold (text);
  g_strstrip (wanted);
  g_strdelimit (wanted, " -", '_');
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    {
      g_autofree char *name = fold (ed_staff_role_get_display_name (r));

      g_strdelimit (name, " -", '_');
      if (g_str_equal (wanted, ed_staff_role_to_string (r)) || g_str_equal (wanted, name))
        {
          if (out_role != NULL)
            *out_role = r;
          return TRUE;
        }
    }

  expected = g_string_new (NULL);
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    g_string_append_printf (expected, "%s%s", r > 0 ? ", " : "", ed_staff_role_to_string (r));
  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: the first %s is what was given, the second the list of roles,
                * which are not translated */
               _("“%s” is not a role; expected one of %s, or its name"), display,
               expected->str);
  return FALSE;
}

/* --- checks --------------------------------------------------------------------------------- */

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

/* @text composed (NFC), as the change set stores it; %NULL if it is not UTF-8. */
static char *
compose (GPtrArray  *problems,
         const char *field,
         const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      add_problem (problems, field, _("expected UTF-8 text"));
      return NULL;
    }
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* One line of text: trimmed, composed, no control characters and no longer than @max_chars. */
static void
clean_line (GPtrArray   *problems,
            const char  *field,
            char       **text,
            guint        max_chars)
{
  g_autoptr(GError) error = NULL;
  char *clean = compose (problems, field, *text);

  if (clean == NULL)
    return;
  g_strstrip (clean);
  if (!ed_register_text_check (clean, max_chars, &error))
    add_problem (problems, field, error->message);
  g_free (*text);
  *text = clean;
}

/* Text of several lines, each trimmed, from any of the line ends a file or a form gives;
 * blank lines are dropped when @drop_blank. */
static void
clean_lines (GPtrArray   *problems,
             const char  *field,
             char       **text,
             guint        max_chars,
             gboolean     drop_blank)
{
  g_autofree char *composed = compose (problems, field, *text);
  g_autoptr(GStrvBuilder) kept = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) kept_lines = NULL;
  char *clean;
  guint n_chars = 0;

  if (composed == NULL)
    return;
  kept = g_strv_builder_new ();
  /* "\r\n" splits into a line and an empty one; the empty one is dropped below or, in
   * notes, is the "\r" of a Windows line end, which no one means as a line of its own. */
  lines = g_strsplit (composed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\r", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autoptr(GError) error = NULL;
          char *line = g_strstrip (parts[j]);

          if (j > 0 && *line == '\0' && parts[j + 1] == NULL)
            continue;
          if (drop_blank && *line == '\0')
            continue;
          if (!ed_register_text_check (line, G_MAXUINT, &error))
            {
              add_problem (problems, field, error->message);
              return;
            }
          n_chars += g_utf8_strlen (line, -1);
          g_strv_builder_add (kept, line);
        }
    }
  kept_lines = g_strv_builder_end (kept);
  clean = g_strjoinv ("\n", kept_lines);
  g_strstrip (clean);
  if (n_chars > max_chars)
    {
      g_autofree char *message =
        g_strdup_printf (_("expected at most %u characters; this is %u characters long"),
                         max_chars, n_chars);

      add_problem (problems, field, message);
    }
  g_free (*text);
  *text = clean;
}

/* The shape of an address, not whether it exists: one @, a dot in the domain, no spaces. */
static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot = at != NULL ? strrchr (at, '.') : NULL;

  return at != NULL && at != text && strchr (at + 1, '@') == NULL && dot != NULL &&
         dot != at + 1 && dot[1] != '\0' && strpbrk (text, " ,;<>\"") == NULL;
}

static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +()-", *p) == NULL)
        return FALSE;
    }
  return digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
}

static void
check_not_after (GPtrArray   *problems,
                 const char  *field,
                 const GDate *date,
                 const GDate *today,
                 const char  *message)
{
  if (g_date_valid (date) && g_date_compare (date, today) > 0)
    add_problem (problems, field, message);
}

/**
 * ed_staff_person_check:
 * @person: a person's fields as typed or read from a file
 * @today: the day the person is saved
 *
 * Tidies @person in place (text trimmed and composed, the postcode and the National Insurance
 * number normalised, the roles in order and each once) and checks every field: a family name,
 * text within its limits and without control characters, an email address and a telephone
 * number of the right shape, a postcode, a National Insurance number HMRC could have issued,
 * no date after @today, a starter checklist date only with its statement, and a language of
 * "" or "cy".
 *
 * Returns: (transfer full) (element-type EdFieldProblem): what is wrong, field by field (the
 *   column names of staff_person, and "roles"); empty when the person may be saved
 */
GPtrArray *
ed_staff_person_check (EdStaffPerson *person,
                       const GDate   *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  gboolean wanted[ED_N_STAFF_ROLES] = { FALSE };

  g_return_val_if_fail (person != NULL, problems);
  g_return_val_if_fail (today != NULL && g_date_valid (today), problems);

  clean_line (problems, "family_name", &person->family_name, ED_STAFF_NAME_MAX_CHARS);
  if (*person->family_name == '\0')
    add_problem (problems, "family_name", _("expected a family name; every person needs one"));
  clean_line (problems, "given_names", &person->given_names, ED_STAFF_NAME_MAX_CHARS);
  clean_line (problems, "email", &person->email, ED_STAFF_EMAIL_MAX_CHARS);
  if (*person->email != '\0' && !is_email (person->email))
    add_problem (problems, "email", _("expected an email address, such as name@example.org"));
  clean_line (problems, "phone", &person->phone, ED_STAFF_PHONE_MAX_CHARS);
  if (*person->phone != '\0' && !is_phone (person->phone))
    add_problem (problems, "phone",
                 _("expected a telephone number of 10 to 15 digits, such as 01632 960123"));
  clean_lines (problems, "address", &person->address, ED_STAFF_ADDRESS_MAX_CHARS, TRUE);
  clean_line (problems, "postcode", &person->postcode, ED_STAFF_REFERENCE_MAX_CHARS);
  if (*person->postcode != '\0')
    {
      g_autoptr(GError) error = NULL;
      char *postcode = NULL;

      if (ed_postcode_normalise (person->postcode, &postcode, &error))
        {
          g_free (person->postcode);
          person->postcode = postcode;
        }
      else
        add_problem (problems, "postcode", error->message);
    }
  check_not_after (problems, "date_of_birth", &person->date_of_birth, today,
                   _("a date of birth cannot be in the future"));

  clean_line (problems, "ni_number", &person->ni_number, ED_STAFF_REFERENCE_MAX_CHARS);
  if (*person->ni_number != '\0')
    {
      g_autoptr(GError) error = NULL;
      char *number = NULL;

      if (ed_ni_number_normalise (person->ni_number, &number, &error))
        {
          g_free (person->ni_number);
          person->ni_number = number;
        }
      else
        add_problem (problems, "ni_number", error->message);
    }
  clean_line (problems, "payroll_reference", &person->payroll_reference,
              ED_STAFF_REFERENCE_MAX_CHARS);

  if ((guint)person->starter_statement > ED_N_STARTER_STATEMENTS)
    add_problem (problems, "starter_statement", _("expected A, B or C"));
  if (person->starter_statement == ED_STARTER_NONE && g_date_valid (&person->starter_date))
    add_problem (problems, "starter_date",
                 _("expected a starter statement (A, B or C) with the checklist’s date"));
  check_not_after (problems, "starter_date", &person->starter_date, today,
                   _("the starter checklist cannot be dated in the future"));

  clean_line (problems, "language", &person->language, ED_STAFF_REFERENCE_MAX_CHARS);
  if (g_ascii_strcasecmp (person->language, "cy") == 0)
    {
      g_free (person->language);
      person->language = g_strdup ("cy");
    }
  else if (*person->language != '\0')
    add_problem (problems, "language", _("expected cy for Welsh first, or nothing for English"));
  clean_lines (problems, "notes", &person->notes, ED_STAFF_NOTES_MAX_CHARS, FALSE);

  for (guint i = 0; i < person->roles->len; i++)
    {
      EdStaffRole role = g_array_index (person->roles, EdStaffRole, i);

      if ((guint)role < ED_N_STAFF_ROLES)
        wanted[role] = TRUE;
      else
        add_problem (problems, "roles", _("expected roles of the staff vocabulary"));
    }
  g_array_set_size (person->roles, 0);
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (wanted[r])
      {
        EdStaffRole role = r;

        g_array_append_val (person->roles, role);
      }
  return problems;
}

/* Checks @person for a save, failing with the first problem. */
static gboolean
check_for_save (EdStaffPerson  *person,
                GError        **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  GDate today;

  ed_today (&today);
  problems = ed_staff_person_check (person, &today);
  if (problems->len > 0)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, 0);

      /* Translators: a field's label, then what was expected of it */
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("%s: %s"),
                   ed_staff_person_field_get_display_name (problem->field), problem->message);
      return FALSE;
    }
  return TRUE;
}

/* --- reading -------------------------------------------------------------------------------- */

char *
_ed_staff_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

void
_ed_staff_column_date (sqlite3_stmt *stmt,
                       int           column,
                       GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  /* A date another desk stored wrongly reads as none rather than failing the list. */
  if (text != NULL && *text != '\0' && !ed_date_parse_iso (text, out, NULL))
    g_date_clear (out, 1);
}

#define PERSON_COLUMNS \
  "p.id, p.family_name, p.given_names, p.email, p.phone, p.address, p.postcode, " \
  "p.date_of_birth, p.ni_number, p.payroll_reference, p.council_employee, " \
  "p.starter_statement, p.starter_date, p.language, p.notes "

static const char load_sql[] =
  "SELECT " PERSON_COLUMNS "FROM staff_person AS p WHERE p.id = ?1";

static const char list_sql[] =
  "SELECT " PERSON_COLUMNS "FROM staff_person AS p "
  "WHERE ?1 = '' OR EXISTS (SELECT 1 FROM staff_person_role AS r "
  "                         WHERE r.person = p.id AND r.role = ?1) "
  "ORDER BY p.family_name COLLATE NOCASE, p.given_names COLLATE NOCASE, p.id";

static const char roles_sql[] =
  "SELECT person, role FROM staff_person_role WHERE ?1 = '' OR person = ?1";

static EdStaffPerson *
person_from_row (sqlite3_stmt *stmt)
{
  EdStaffPerson *person = g_new0 (EdStaffPerson, 1);
  const char *starter;

  person->id = _ed_staff_column_text (stmt, 0);
  person->family_name = _ed_staff_column_text (stmt, 1);
  person->given_names = _ed_staff_column_text (stmt, 2);
  person->email = _ed_staff_column_text (stmt, 3);
  person->phone = _ed_staff_column_text (stmt, 4);
  person->address = _ed_staff_column_text (stmt, 5);
  person->postcode = _ed_staff_column_text (stmt, 6);
  _ed_staff_column_date (stmt, 7, &person->date_of_birth);
  person->ni_number = _ed_staff_column_text (stmt, 8);
  person->payroll_reference = _ed_staff_column_text (stmt, 9);
  person->council_employee = sqlite3_column_int (stmt, 10) != 0;
  starter = (const char *)sqlite3_column_text (stmt, 11);
  if (starter == NULL || !ed_starter_statement_from_string (starter, &person->starter_statement,
                                                            NULL))
    person->starter_statement = ED_STARTER_NONE;
  _ed_staff_column_date (stmt, 12, &person->starter_date);
  person->language = _ed_staff_column_text (stmt, 13);
  person->notes = _ed_staff_column_text (stmt, 14);
  person->roles = g_array_new (FALSE, FALSE, sizeof (EdStaffRole));
  return person;
}

static gint
compare_roles (gconstpointer a,
               gconstpointer b)
{
  return (gint) * (const EdStaffRole *)a - (gint) * (const EdStaffRole *)b;
}

/* Each person's roles, in the vocabulary's order. A role a later version stores, which this
 * one does not know, is left out. */
static gboolean
load_roles (EdDatabase  *database,
            const char  *person_id,
            GHashTable  *people,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, roles_sql, error);
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id != NULL ? person_id : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStaffPerson *person = g_hash_table_lookup (people, sqlite3_column_text (stmt, 0));
      EdStaffRole role;

      if (person != NULL &&
          ed_staff_role_from_string ((const char *)sqlite3_column_text (stmt, 1), &role, NULL) &&
          !ed_staff_person_has_role (person, role))
        g_array_append_val (person->roles, role);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_sort (((EdStaffPerson *)value)->roles, compare_roles);
  return TRUE;
}

static void
set_no_such_person (GError **error)
{
  g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                       _("The person is no longer in the district (removed on another "
                         "desk?)."));
}

/**
 * ed_staff_person_load:
 * @context: the district
 * @person_id: a person's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the person and their roles, or %NULL
 */
EdStaffPerson *
ed_staff_person_load (EdContext   *context,
                      const char  *person_id,
                      GError     **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EdStaffPerson) person = NULL;
  g_autoptr(GHashTable) people = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  database = ed_replica_get_database (ED_REPLICA (context));
  stmt = ed_database_prepare (database, load_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_no_such_person (error);
      else
        ed_database_set_error (database, rc, error);
      return NULL;
    }
  person = person_from_row (stmt);
  people = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (people, person->id, person);
  if (!load_roles (database, person->id, people, error))
    return NULL;
  return g_steal_pointer (&person);
}

/**
 * ed_staff_person_list:
 * @context: the district
 * @role: a role each person listed may take, or %ED_STAFF_ROLE_ANY
 * @search: (nullable): words to look for, as ed_staff_person_matches() does
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdStaffPerson): the people, by family name and then
 *   given names, or %NULL
 */
GPtrArray *
ed_staff_person_list (EdContext    *context,
                      EdStaffRole   role,
                      const char   *search,
                      GError      **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) matched = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail ((guint)role <= ED_N_STAFF_ROLES, NULL);

  database = ed_replica_get_database (ED_REPLICA (context));
  stmt = ed_database_prepare (database, list_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, role != ED_STAFF_ROLE_ANY ? ed_staff_role_to_string (role) : "",
                     -1, SQLITE_STATIC);
  people = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_person_free);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStaffPerson *person = person_from_row (stmt);

      g_ptr_array_add (people, person);
      g_hash_table_insert (by_id, person->id, person);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  if (!load_roles (database, NULL, by_id, error))
    return NULL;

  if (search == NULL || *search == '\0')
    return g_steal_pointer (&people);

  /* Folded in C rather than SQL, whose lower() knows only ASCII: "Siân" must find "SIÂN".
   * A district has a few thousand people at most, not the register's million. */
  matched = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_staff_person_free);
  for (guint i = 0; i < people->len; i++)
    if (ed_staff_person_matches (g_ptr_array_index (people, i), ED_STAFF_ROLE_ANY, search))
      g_ptr_array_add (matched, g_ptr_array_steal_index (people, i--));
  return g_steal_pointer (&matched);
}

/* --- writing -------------------------------------------------------------------------------- */

static const char exists_sql[] = "SELECT 1 FROM staff_person WHERE id = ?1";

gboolean
_ed_staff_person_exists (EdContext   *context,
                         const char  *person_id,
                         GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  sqlite3_stmt *stmt = ed_database_cached (database, exists_sql, error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_exists (database, stmt, &found, error))
    return FALSE;
  if (!found)
    set_no_such_person (error);
  return found;
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
}

/* The value of one column of staff_person, as the change set takes it (a new reference). */
static GVariant *
person_value (const EdStaffPerson *person,
              EdStaffPersonColumn  column)
{
  g_autofree char *text = NULL;

  switch (column)
    {
    case ED_STAFF_PERSON_COL_FAMILY_NAME:
      return g_variant_new_string (person->family_name);
    case ED_STAFF_PERSON_COL_GIVEN_NAMES:
      return g_variant_new_string (person->given_names);
    case ED_STAFF_PERSON_COL_EMAIL:
      return g_variant_new_string (person->email);
    case ED_STAFF_PERSON_COL_PHONE:
      return g_variant_new_string (person->phone);
    case ED_STAFF_PERSON_COL_ADDRESS:
      return g_variant_new_string (person->address);
    case ED_STAFF_PERSON_COL_POSTCODE:
      return g_variant_new_string (person->postcode);
    case ED_STAFF_PERSON_COL_DATE_OF_BIRTH:
      text = date_text (&person->date_of_birth);
      return g_variant_new_string (text);
    case ED_STAFF_PERSON_COL_NI_NUMBER:
      return g_variant_new_string (person->ni_number);
    case ED_STAFF_PERSON_COL_PAYROLL_REFERENCE:
      return g_variant_new_string (person->payroll_reference);
    case ED_STAFF_PERSON_COL_COUNCIL_EMPLOYEE:
      return g_variant_new_boolean (person->council_employee);
    case ED_STAFF_PERSON_COL_STARTER_STATEMENT:
      return g_variant_new_string (
        person->starter_statement != ED_STARTER_NONE
          ? ed_starter_statement_to_string (person->starter_statement) : "");
    case ED_STAFF_PERSON_COL_STARTER_DATE:
      text = date_text (&person->starter_date);
      return g_variant_new_string (text);
    case ED_STAFF_PERSON_COL_LANGUAGE:
      return g_variant_new_string (person->language);
    case ED_STAFF_PERSON_COL_NOTES:
      return g_variant_new_string (person->notes);
    case ED_STAFF_PERSON_N_COLS:
    default:
      g_assert_not_reached ();
    }
}

static const char role_rows_sql[] =
  "SELECT id, role FROM staff_person_role WHERE person = ?1 ORDER BY id";

/* Makes the person's role rows say @roles: each wanted role once, the others deleted. Two
 * desks that each gave a person a role before they synced leave two rows for it; the one
 * with the smaller id is kept, the same on every desk. A role a later version stores, which
 * this one does not know, is kept. */
static gboolean
write_roles (EdContext    *context,
             EdChangeSet  *change_set,
             const char   *person_id,
             GArray       *roles,
             GError      **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, role_rows_sql, error);
  g_autoptr(GPtrArray) unwanted = g_ptr_array_new_with_free_func (g_free);
  gboolean wanted[ED_N_STAFF_ROLES] = { FALSE };
  gboolean present[ED_N_STAFF_ROLES] = { FALSE };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < roles->len; i++)
    wanted[g_array_index (roles, EdStaffRole, i)] = TRUE;

  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStaffRole role;

      if (!ed_staff_role_from_string ((const char *)sqlite3_column_text (stmt, 1), &role, NULL))
        continue;
      if (!wanted[role] || present[role])
        g_ptr_array_add (unwanted, _ed_staff_column_text (stmt, 0));
      else
        present[role] = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < unwanted->len; i++)
    if (!ed_change_set_delete (change_set, ed_staff_person_role_table.name,
                               g_ptr_array_index (unwanted, i), error))
      return FALSE;
  for (guint r = 0; r < ED_N_STAFF_ROLES; r++)
    if (wanted[r] && !present[r])
      {
        const char *columns[] = {
          ed_staff_person_role_table.columns[ED_STAFF_PERSON_ROLE_COL_PERSON].name,
          ed_staff_person_role_table.columns[ED_STAFF_PERSON_ROLE_COL_ROLE].name,
        };
        GVariant *values[] = {
          g_variant_new_string (person_id), g_variant_new_string (ed_staff_role_to_string (r)),
        };

        if (!ed_change_set_insert (change_set, ed_staff_person_role_table.name, NULL, columns,
                                   values, G_N_ELEMENTS (values), NULL, error))
          return FALSE;
      }
  return TRUE;
}

/**
 * _ed_staff_person_write:
 * @context: the district
 * @change_set: an open change set
 * @person: a person ed_staff_person_check() passed; a new one (@id %NULL) is given its id
 * @error: return location for an error
 *
 * Writes a person and their roles into @change_set. Only the fields that differ from what is
 * stored make operations, so writing a person unchanged records nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
_ed_staff_person_write (EdContext      *context,
                        EdChangeSet    *change_set,
                        EdStaffPerson  *person,
                        GError        **error)
{
  const EdTableDef *table = &ed_staff_person_table;

  if (person->id == NULL)
    {
      const char *columns[ED_STAFF_PERSON_N_COLS];
      GVariant *values[ED_STAFF_PERSON_N_COLS];
      g_autofree char *id = NULL;
      gboolean done;

      for (guint c = 0; c < ED_STAFF_PERSON_N_COLS; c++)
        {
          columns[c] = table->columns[c].name;
          values[c] = g_variant_ref_sink (person_value (person, c));
        }
      done = ed_change_set_insert (change_set, table->name, NULL, columns, values,
                                   ED_STAFF_PERSON_N_COLS, &id, error);
      for (guint c = 0; c < ED_STAFF_PERSON_N_COLS; c++)
        g_variant_unref (values[c]);
      if (!done)
        return FALSE;
      person->id = g_steal_pointer (&id);
    }
  else
    for (guint c = 0; c < ED_STAFF_PERSON_N_COLS; c++)
      if (!ed_change_set_set (change_set, table->name, person->id, table->columns[c].name,
                              person_value (person, c), error))
        return FALSE;

  return write_roles (context, change_set, person->id, person->roles, error);
}

/**
 * ed_staff_person_add:
 * @context: the district
 * @person: a new person (@id %NULL), tidied in place; given its id once added
 * @error: return location for an error: an %ED_VALUE_ERROR naming the first field
 *   ed_staff_person_check() refuses, or a database error
 *
 * Adds a person and their roles in one change set.
 *
 * Returns: %TRUE if added
 */
gboolean
ed_staff_person_add (EdContext      *context,
                     EdStaffPerson  *person,
                     GError        **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (person != NULL && person->id == NULL, FALSE);

  if (!check_for_save (person, error))
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (!_ed_staff_person_write (context, change_set, person, error) ||
      !ed_change_set_commit (change_set, error))
    {
      g_clear_pointer (&person->id, g_free);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_staff_person_update:
 * @context: the district
 * @person: a person already in the district, tidied in place
 * @error: return location for an error, as for ed_staff_person_add()
 *
 * Saves every field of a person and their roles in one change set; only the fields that
 * changed are recorded.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_staff_person_update (EdContext      *context,
                        EdStaffPerson  *person,
                        GError        **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (person != NULL && person->id != NULL, FALSE);

  if (!check_for_save (person, error) || !_ed_staff_person_exists (context, person->id, error))
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         _ed_staff_person_write (context, change_set, person, error) &&
         ed_change_set_commit (change_set, error);
}

/**
 * ed_staff_person_set_roles:
 * @context: the district
 * @person_id: a person's row id
 * @roles: (array length=n_roles): the roles the person may take, in any order
 * @n_roles: how many
 * @error: return location for an error
 *
 * Replaces the roles a person may take, in one change set.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_staff_person_set_roles (EdContext          *context,
                           const char         *person_id,
                           const EdStaffRole  *roles,
                           guint               n_roles,
                           GError            **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (EdStaffRole));

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (roles != NULL || n_roles == 0, FALSE);

  for (guint i = 0; i < n_roles; i++)
    {
      g_return_val_if_fail ((guint)roles[i] < ED_N_STAFF_ROLES, FALSE);
      g_array_append_val (wanted, roles[i]);
    }
  if (!_ed_staff_person_exists (context, person_id, error))
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         write_roles (context, change_set, person_id, wanted, error) &&
         ed_change_set_commit (change_set, error);
}
