/* ed-staff-person.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The people the returning officer may appoint (issue 16, DOMAIN.md §4): their details and
 * the roles they may take (ed-staff-person-check.c checks them). A person is written through one change set with their roles, and a save
 * writes only the fields that changed, so two desks editing different fields of one person
 * never clash. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"
#include "staff/ed-staff-tables.h"

G_DEFINE_BOXED_TYPE (EdStaffPerson, ed_staff_person, ed_staff_person_copy, ed_staff_person_free)

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

/* @text composed and case-folded, to compare names and references in any case. */
char *
_ed_staff_fold (const char *text)
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
  folded = _ed_staff_fold (haystack);
  words = g_strsplit_set (search, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;

      if (*words[i] == '\0')
        continue;
      word = _ed_staff_fold (words[i]);
      if (strstr (folded, word) == NULL)
        return FALSE;
    }
  return TRUE;
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
