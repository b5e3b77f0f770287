/* ed-register-household.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A property and everyone registered at it, for the register page's household view: officers
 * check a household as a whole when someone moves in or out, and the canvass is by household.
 * Anonymous entries are left out: their address must never be shown with them (RPR 2001
 * reg 41A, DOMAIN.md §1), and listing one at an address would say who lives there. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/ed-database.h"
#include "register/ed-register-household.h"
#include "register/ed-register-search-private.h"
#include "register/ed-register-tables.h"

/* The property's columns in the table's order, each read at its EdPropertyColumn, then its
 * polling district's code and name. */
static const char property_sql[] =
  "SELECT p.uprn, p.property, p.street, p.locality, p.town, p.area, p.postcode, "
  "  p.polling_district, p.easting, p.northing, coalesce (d.code, ''), coalesce (d.name, '') "
  "FROM property AS p LEFT JOIN polling_district AS d ON d.id = p.polling_district "
  "WHERE p.id = ?1";

enum
{
  DISTRICT_CODE = ED_PROPERTY_N_COLS,
  DISTRICT_NAME,
};

/* elector_by_property finds them; a household is a handful of rows to sort. */
static const char electors_sql[] =
  _ED_SUMMARY_COLUMNS
  "FROM elector AS e LEFT JOIN property AS p ON p.id = e.property "
  "WHERE e.property = ?1 AND NOT e.anonymous "
  "ORDER BY e.number_prefix, e.number, e.number_suffix";

void
ed_household_free (EdHousehold *household)
{
  if (household == NULL)
    return;
  g_free (household->property_id);
  g_strfreev (household->address_lines);
  g_free (household->polling_district);
  g_free (household->polling_district_code);
  g_free (household->polling_district_name);
  g_clear_pointer (&household->electors, g_ptr_array_unref);
  g_free (household);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* "14" or "Flat 2, 14A" and "Mill Lane" make one line, as in the register's lists; "Rose
 * Cottage" stays a line of its own. */
static gboolean
ends_in_number (const char *property)
{
  gsize len = strlen (property);

  if (len > 1 && g_ascii_isupper (property[len - 1]))
    len--;
  return len > 0 && g_ascii_isdigit (property[len - 1]);
}

static char **
address_lines (sqlite3_stmt *stmt)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  const char *property = column_text (stmt, ED_PROPERTY_COL_PROPERTY);
  const char *street = column_text (stmt, ED_PROPERTY_COL_STREET);
  gboolean numbered = ends_in_number (property);

  if (numbered && street[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf ("%s %s", property, street);

      g_strv_builder_add (lines, line);
    }
  else
    {
      if (property[0] != '\0')
        g_strv_builder_add (lines, property);
      if (street[0] != '\0')
        g_strv_builder_add (lines, street);
    }
  for (int column = ED_PROPERTY_COL_LOCALITY; column <= ED_PROPERTY_COL_POSTCODE; column++)
    if (column_text (stmt, column)[0] != '\0')
      g_strv_builder_add (lines, column_text (stmt, column));
  return g_strv_builder_end (lines);
}

/**
 * ed_register_household:
 * @context: the district
 * @property_id: a property's row id
 * @error: return location for an error
 *
 * Reads a property and the electors registered at it.
 *
 * Returns: (transfer full) (nullable): the household, or %NULL with @error set
 *   (%G_IO_ERROR_NOT_FOUND when there is no such property)
 */
EdHousehold *
ed_register_household (EdContext   *context,
                       const char  *property_id,
                       GError     **error)
{
  EdDatabase *database;
  g_autoptr(EdHousehold) household = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (property_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, property_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, property_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      household = g_new0 (EdHousehold, 1);
      household->property_id = g_strdup (property_id);
      household->uprn = sqlite3_column_int64 (stmt, ED_PROPERTY_COL_UPRN);
      household->address_lines = address_lines (stmt);
      household->polling_district = g_strdup (column_text (stmt,
                                                          ED_PROPERTY_COL_POLLING_DISTRICT));
      household->polling_district_code = g_strdup (column_text (stmt, DISTRICT_CODE));
      household->polling_district_name = g_strdup (column_text (stmt, DISTRICT_NAME));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no property %s in the register"), property_id);
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  if (household == NULL)
    return NULL;

  stmt = ed_database_cached (database, electors_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, property_id, -1, SQLITE_TRANSIENT);
  household->electors = _ed_register_read_summaries (database, stmt, error);
  if (household->electors == NULL)
    return NULL;
  return g_steal_pointer (&household);
}
