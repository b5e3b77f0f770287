/* ed-district-growth.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The new homes expected in each polling district over the next five years, from which the
 * polling plan projects the electorate (ed-station-plan.c) and a review's committee report
 * prints it. One figure per district: setting it again changes the district's row, so the
 * plan never adds two desks' estimates of the same homes together; a district with two rows
 * (two desks each entering a first figure before they sync) is read as the sum the plan
 * reads, and the next setting folds them into one. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "register/ed-register-tables.h"
#include "stations/ed-district-growth.h"
#include "stations/ed-stations-tables.h"

static const char rows_sql[] =
  "SELECT id, dwellings, electors_per_dwelling_x100, note FROM district_growth "
  "WHERE polling_district = ?1 ORDER BY id";

void
ed_district_growth_free (EdDistrictGrowth *growth)
{
  if (growth == NULL)
    return;
  g_free (growth->polling_district);
  g_free (growth->note);
  g_free (growth);
}

static gboolean
read_rows (EdContext         *context,
           const char        *polling_district,
           GPtrArray         *ids,
           EdDistrictGrowth  *growth,
           GError           **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, rows_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, polling_district, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      growth->dwellings += sqlite3_column_int64 (stmt, 1);
      if (growth->electors_per_dwelling_x100 == 0)
        growth->electors_per_dwelling_x100 = sqlite3_column_int64 (stmt, 2);
      if (*growth->note == '\0')
        {
          g_free (growth->note);
          growth->note = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
        }
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_district_growth_get:
 * @context: the district
 * @polling_district: a polling district's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the district's expected growth, with no new homes where none is
 *   recorded; %NULL on error
 */
EdDistrictGrowth *
ed_district_growth_get (EdContext   *context,
                        const char  *polling_district,
                        GError     **error)
{
  g_autoptr(EdDistrictGrowth) growth = g_new0 (EdDistrictGrowth, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  growth->polling_district = g_strdup (polling_district);
  growth->note = g_strdup ("");
  if (!read_rows (context, polling_district, ids, growth, error))
    return NULL;
  return g_steal_pointer (&growth);
}

/**
 * ed_district_growth_parse_electors:
 * @text: electors per new home as typed: "2.1", "1.85"; empty for the district's present
 *   ratio
 * @out_x100: (out): the figure times 100, 0 for empty
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Returns: %TRUE if @text is a number of electors per home from 0.01 to 10, to two places
 */
gboolean
ed_district_growth_parse_electors (const char  *text,
                                   gint64      *out_x100,
                                   GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  guint64 whole = 0, hundredths = 0;

  *out_x100 = 0;
  if (*clean == '\0')
    return TRUE;
  parts = g_strsplit (clean, ".", 2);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 10, &whole, NULL) ||
      (parts[1] != NULL &&
       (strlen (parts[1]) == 0 || strlen (parts[1]) > 2 ||
        !g_ascii_string_to_unsigned (parts[1], 10, 0, 99, &hundredths, NULL))))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("Expected electors per new home as a number such as 2.1, from 0.01 to "
                     "10, or nothing for the district’s present figure."));
      return FALSE;
    }
  if (parts[1] != NULL && strlen (parts[1]) == 1)
    hundredths *= 10;
  *out_x100 = (gint64)(whole * 100 + hundredths);
  if (*out_x100 == 0 || *out_x100 > ED_DISTRICT_GROWTH_MAX_ELECTORS_X100)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Expected electors per new home as a number such as 2.1, from 0.01 to "
                     "10, or nothing for the district’s present figure."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_district_growth_set:
 * @context: the district
 * @polling_district: a polling district's row id
 * @dwellings: the new homes expected over the next five years, 0 for none
 * @electors_per_dwelling_x100: the electors expected in each, times 100; 0 for the district's
 *   present ratio
 * @note: where the figure comes from, or ""
 * @error: return location for an error
 *
 * Records the district's expected growth in one change set: its row changed, or made, and
 * any second row another desk made before they synced deleted.
 *
 * Returns: %TRUE if recorded
 */
gboolean
ed_district_growth_set (EdContext   *context,
                        const char  *polling_district,
                        gint64       dwellings,
                        gint64       electors_per_dwelling_x100,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(EdDistrictGrowth) stored = g_new0 (EdDistrictGrowth, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EdChangeSet) change_set = NULL;
  const char *table = ed_district_growth_table.name;

  g_return_val_if_fail (polling_district != NULL && note != NULL, FALSE);

  if (dwellings < 0 || dwellings > ED_DISTRICT_GROWTH_MAX_DWELLINGS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Expected the new homes as a whole number from 0 to 100,000."));
      return FALSE;
    }
  if (electors_per_dwelling_x100 < 0 ||
      electors_per_dwelling_x100 > ED_DISTRICT_GROWTH_MAX_ELECTORS_X100)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Expected electors per new home as a number such as 2.1, from 0.01 to "
                     "10, or nothing for the district’s present figure."));
      return FALSE;
    }
  if (!ed_register_text_check (note, ED_STATIONS_NAME_MAX_CHARS, error))
    return FALSE;

  stored->note = g_strdup ("");
  if (!read_rows (context, polling_district, ids, stored, error))
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      const char *columns[] = { "polling_district", "dwellings", "electors_per_dwelling_x100",
                                "note" };
      GVariant *values[] = {
        g_variant_new_string (polling_district), g_variant_new_int64 (dwellings),
        g_variant_new_int64 (electors_per_dwelling_x100), g_variant_new_string (note),
      };

      if (!ed_change_set_insert (change_set, table, NULL, columns, values,
                                 G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }
  else
    {
      const char *id = g_ptr_array_index (ids, 0);

      if (!ed_change_set_set (change_set, table, id, "dwellings",
                              g_variant_new_int64 (dwellings), error) ||
          !ed_change_set_set (change_set, table, id, "electors_per_dwelling_x100",
                              g_variant_new_int64 (electors_per_dwelling_x100), error) ||
          !ed_change_set_set (change_set, table, id, "note", g_variant_new_string (note),
                              error))
        return FALSE;
      for (guint i = 1; i < ids->len; i++)
        if (!ed_change_set_delete (change_set, table, g_ptr_array_index (ids, i), error))
          return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}
