/* ed-register-find.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding an entry, an address or a polling district by what a person types: an elector
 * number, a UPRN, a polling district's code. Each gives the row id, or an error that says what
 * was typed and what was expected. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-elector-number.h"
#include "core/ed-uprn.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-find.h"

static const char elector_by_number_sql[] =
  "SELECT id FROM elector WHERE number_prefix = ?1 AND number = ?2 AND number_suffix = ?3 "
  "ORDER BY id LIMIT 2";
static const char property_by_uprn_sql[] =
  "SELECT id FROM property WHERE uprn = ?1 ORDER BY id LIMIT 2";
static const char district_by_code_sql[] =
  "SELECT id FROM polling_district WHERE code = ?1 ORDER BY id LIMIT 2";
static const char district_code_sql[] =
  "SELECT code FROM polling_district WHERE id = ?1";

/* The one row @stmt finds: NULL with @error set for none (@none) or two (@two). */
static char *
one_id (EdDatabase    *database,
        sqlite3_stmt  *stmt,
        const char    *none,
        const char    *two,
        GError       **error)
{
  char *id = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_clear_pointer (&id, g_free);
          g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS, two);
        }
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW, none);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_clear_pointer (&id, g_free);
      ed_database_set_error (database, rc, error);
    }
  sqlite3_reset (stmt);
  return id;
}

/**
 * ed_register_find_elector:
 * @context: the district
 * @number_text: an elector number as printed, such as `AB124` or `AB124/1`
 * @error: return location for an error: %ED_VALUE_ERROR_INVALID when @number_text is not an
 *   elector number, %ED_CHANGE_ERROR_NO_SUCH_ROW when no entry has it
 *
 * Returns: (transfer full): the row id of the entry with that number, or %NULL
 */
char *
ed_register_find_elector (EdContext   *context,
                          const char  *number_text,
                          GError     **error)
{
  EdDatabase *database;
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  g_autofree char *display = NULL;
  sqlite3_stmt *stmt;
  EdElectorNumber number;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (number_text != NULL, NULL);

  if (!ed_elector_number_parse (number_text, &number, NULL))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not an elector number: expected the polling district’s letters "
                     "and a number, such as AB124 or AB124/1."), number_text);
      return NULL;
    }
  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, elector_by_number_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number.prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number.number);
  sqlite3_bind_int64 (stmt, 3, number.suffix);
  display = ed_elector_number_format (&number);
  none = g_strdup_printf (_("There is no elector %s in the register."), display);
  two = g_strdup_printf (_("Two entries have the elector number %s; choose the entry in the "
                           "app."), display);
  return one_id (database, stmt, none, two, error);
}

/**
 * ed_register_find_property_by_uprn:
 * @context: the district
 * @uprn_text: a UPRN, as digits
 * @error: return location for an error: %ED_VALUE_ERROR_INVALID when @uprn_text is not a
 *   UPRN, %ED_CHANGE_ERROR_NO_SUCH_ROW when no address in the register has it
 *
 * Returns: (transfer full): the row id of the property with that UPRN, or %NULL
 */
char *
ed_register_find_property_by_uprn (EdContext   *context,
                                   const char  *uprn_text,
                                   GError     **error)
{
  EdDatabase *database;
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  sqlite3_stmt *stmt;
  guint64 uprn = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (uprn_text != NULL, NULL);

  if (!ed_uprn_parse (uprn_text, &uprn, NULL) || uprn == 0)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not a UPRN: expected the address’s unique property reference "
                     "number, up to 12 digits."), uprn_text);
      return NULL;
    }
  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, property_by_uprn_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64)uprn);
  none = g_strdup_printf (_("No address in the register has the UPRN %s."), uprn_text);
  two = g_strdup_printf (_("Two addresses have the UPRN %s; choose the address in the app."),
                         uprn_text);
  return one_id (database, stmt, none, two, error);
}

/**
 * ed_register_find_polling_district:
 * @context: the district
 * @code: a polling district's code, such as `AB`
 * @error: return location for an error; %ED_CHANGE_ERROR_NO_SUCH_ROW when there is none
 *
 * Returns: (transfer full): the polling district's row id, or %NULL
 */
char *
ed_register_find_polling_district (EdContext   *context,
                                   const char  *code,
                                   GError     **error)
{
  EdDatabase *database;
  g_autofree char *upper = NULL;
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  upper = g_utf8_strup (code, -1);
  g_strstrip (upper);
  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, district_by_code_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_TRANSIENT);
  none = g_strdup_printf (_("There is no polling district “%s” in this district."), code);
  two = g_strdup_printf (_("Two polling districts have the code “%s”."), code);
  return one_id (database, stmt, none, two, error);
}

/**
 * ed_register_polling_district_code:
 * @context: the district
 * @polling_district_id: a polling district's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): its code; "" for an unknown polling district; %NULL on error
 */
char *
ed_register_polling_district_code (EdContext   *context,
                                   const char  *polling_district_id,
                                   GError     **error)
{
  EdDatabase *database;
  sqlite3_stmt *stmt;
  char *code = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (polling_district_id != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, district_code_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, polling_district_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    code = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    code = g_strdup ("");
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  return code;
}

/**
 * ed_register_find_address:
 * @context: the district
 * @text: an elector number at the address (`AB124`), or the address's UPRN (digits)
 * @error: return location for an error naming what was typed and what was expected
 *
 * Finds an address in the register as an officer names it when an elector moves there or
 * joins a household: by someone who lives there, or by its UPRN.
 *
 * Returns: (transfer full): the property's row id, or %NULL
 */
char *
ed_register_find_address (EdContext   *context,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *neighbour = NULL;
  g_autoptr(EdElectorEdit) loaded = NULL;
  const char *p = text;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                           _("Give an elector number at the address, such as AB124, or the "
                             "address’s UPRN."));
      return NULL;
    }
  if (g_ascii_isdigit (*p))
    return ed_register_find_property_by_uprn (context, p, error);

  neighbour = ed_register_find_elector (context, text, error);
  if (neighbour == NULL)
    return NULL;
  loaded = ed_elector_edit_load (context, neighbour, error);
  if (loaded == NULL)
    return NULL;
  if (loaded->property[0] == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("%s is an Other elector, with no address; give an elector number at the "
                     "address or its UPRN."), text);
      return NULL;
    }
  return g_strdup (loaded->property);
}
