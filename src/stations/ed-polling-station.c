/* ed-polling-station.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Polling stations as the station editor and the command line read and write them: the
 * place, the number or code printed on poll cards, the default staffing, and the districts or
 * streets served (DOMAIN.md §3.1, §3.4). A save writes only what changed: the fields set, the
 * coverage rows added or removed, each its own op. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-tables.h"
#include "stations/ed-polling-station.h"
#include "stations/ed-stations-tables.h"

EdStationCoverage *
ed_station_coverage_new (const char *polling_district,
                         const char *street)
{
  EdStationCoverage *coverage = g_new0 (EdStationCoverage, 1);

  coverage->polling_district = g_strdup (polling_district);
  coverage->street = g_strdup (street != NULL ? street : "");
  return coverage;
}

void
ed_station_coverage_free (EdStationCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->polling_district);
  g_free (coverage->street);
  g_free (coverage);
}

/**
 * ed_station_edit_new:
 * @place_id: (nullable): the place the new station is at
 *
 * Returns: (transfer full): a new station's fields: one presiding officer and two poll
 *   clerks, the staffing DOMAIN.md §3.4 gives a station of up to 1,250 electors
 */
EdStationEdit *
ed_station_edit_new (const char *place_id)
{
  EdStationEdit *edit = g_new0 (EdStationEdit, 1);

  edit->place = g_strdup (place_id != NULL ? place_id : "");
  edit->code = g_strdup ("");
  edit->name = g_strdup ("");
  edit->presiding_officers = g_strdup ("1");
  edit->poll_clerks = g_strdup ("2");
  edit->coverage = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_coverage_free);
  return edit;
}

void
ed_station_edit_free (EdStationEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->id);
  g_free (edit->place);
  g_free (edit->code);
  g_free (edit->name);
  g_free (edit->presiding_officers);
  g_free (edit->poll_clerks);
  g_clear_pointer (&edit->coverage, g_ptr_array_unref);
  g_free (edit);
}

static const char load_sql[] =
  "SELECT place, code, name, presiding_officers, poll_clerks FROM polling_station WHERE id = ?1";
static const char coverage_sql[] =
  "SELECT c.id, c.polling_district, c.street FROM station_coverage AS c "
  "LEFT JOIN polling_district AS d ON d.id = c.polling_district "
  "WHERE c.station = ?1 ORDER BY d.code, c.street, c.id";

static void
set_gone_error (GError **error)
{
  g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
               _("The polling station is no longer in the district (deleted on another "
                 "desk?)."));
}

/* The station's coverage rows: their ids in @ids (when given) and their values in
 * @coverage, in the same order. */
static gboolean
load_coverage (EdDatabase  *database,
               const char  *station_id,
               GPtrArray   *ids,
               GPtrArray   *coverage,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, coverage_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, station_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (coverage,
                       ed_station_coverage_new ((const char *)sqlite3_column_text (stmt, 1),
                                                (const char *)sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_station_edit_load:
 * @context: the district
 * @station_id: a polling station's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the station's fields and coverage, or %NULL
 */
EdStationEdit *
ed_station_edit_load (EdContext   *context,
                      const char  *station_id,
                      GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, load_sql, error);
  g_autoptr(EdStationEdit) edit = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, station_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_gone_error (error);
      else
        ed_database_set_error (database, rc, error);
      return NULL;
    }
  edit = ed_station_edit_new ((const char *)sqlite3_column_text (stmt, 0));
  edit->id = g_strdup (station_id);
  g_free (edit->code);
  edit->code = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  g_free (edit->name);
  edit->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  g_free (edit->presiding_officers);
  edit->presiding_officers = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              (gint64)sqlite3_column_int64 (stmt, 3));
  g_free (edit->poll_clerks);
  edit->poll_clerks = g_strdup_printf ("%" G_GINT64_FORMAT,
                                       (gint64)sqlite3_column_int64 (stmt, 4));
  if (!load_coverage (database, station_id, NULL, edit->coverage, error))
    return NULL;
  return g_steal_pointer (&edit);
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

static gboolean
parse_count (const char *text,
             guint       min,
             guint       max,
             gint64     *out)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  guint64 value;

  if (!g_ascii_string_to_unsigned (clean, 10, min, max, &value, NULL))
    return FALSE;
  *out = (gint64)value;
  return TRUE;
}

static const char code_taken_sql[] =
  "SELECT count(*) FROM polling_station WHERE code = ?1 AND id != ?2";
static const char row_exists_sql[] = "SELECT count(*) FROM \"%w\" WHERE id = ?1";

static gboolean
count_positive (EdDatabase *database,
                const char *sql,
                const char *first,
                const char *second)
{
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
}

static gboolean
row_exists (EdDatabase *database,
            const char *table,
            const char *id)
{
  char *sql = sqlite3_mprintf (row_exists_sql, table);
  gboolean exists = count_positive (database, sql, id, NULL);

  sqlite3_free (sql);
  return exists;
}

/**
 * ed_station_edit_validate:
 * @context: the district
 * @edit: a station's fields as typed
 *
 * Checks each field: a place that exists, a code no other station on this desk has (the
 * station-code-unique validator finds two desks giving one code at once), staffing of at
 * least one presiding officer, and coverage of districts that exist, each district or
 * street once.
 *
 * Returns: (transfer full) (element-type EdFieldProblem): what is wrong, field by field
 */
GPtrArray *
ed_station_edit_validate (EdContext           *context,
                          const EdStationEdit *edit)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  g_autofree char *code = g_strstrip (g_strdup (edit->code));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gint64 count;

  if (*edit->place == '\0' || !row_exists (database, "polling_place", edit->place))
    add_problem (problems, "place", _("Choose the polling place the station is in."));
  if (*code == '\0')
    add_problem (problems, "code", _("Give the station’s number or code, as printed on poll "
                                     "cards."));
  else if (!ed_register_text_check (code, ED_STATIONS_CODE_MAX_CHARS, &error))
    add_problem (problems, "code", error->message);
  else if (count_positive (database, code_taken_sql, code, edit->id != NULL ? edit->id : ""))
    add_problem (problems, "code", _("Another station has this code."));
  g_clear_error (&error);
  if (!ed_register_text_check (edit->name, ED_STATIONS_NAME_MAX_CHARS, &error))
    add_problem (problems, "name", error->message);
  g_clear_error (&error);

  if (!parse_count (edit->presiding_officers, 1, ED_STATION_MAX_PRESIDING_OFFICERS, &count))
    add_problem (problems, "presiding_officers",
                 _("Expected a whole number from 1 to 4: every station has a presiding "
                   "officer."));
  if (!parse_count (edit->poll_clerks, 0, ED_STATION_MAX_POLL_CLERKS, &count))
    add_problem (problems, "poll_clerks", _("Expected a whole number from 0 to 12."));

  for (guint i = 0; i < edit->coverage->len; i++)
    {
      EdStationCoverage *coverage = g_ptr_array_index (edit->coverage, i);
      g_autofree char *street = g_strstrip (g_strdup (coverage->street));
      g_autofree char *key = NULL;

      if (!row_exists (database, "polling_district", coverage->polling_district))
        {
          add_problem (problems, "coverage", _("A polling district the station serves is no "
                                               "longer in the register."));
          continue;
        }
      if (!ed_register_text_check (street, ED_REGISTER_ADDRESS_LINE_MAX_CHARS, &error))
        {
          add_problem (problems, "coverage", error->message);
          g_clear_error (&error);
          continue;
        }
      key = g_strdup_printf ("%s\n%s", coverage->polling_district, street);
      if (!g_hash_table_add (seen, g_utf8_casefold (key, -1)))
        add_problem (problems, "coverage", _("A district or street is listed twice."));
    }
  return problems;
}

static gboolean
coverage_equal (const EdStationCoverage *a,
                const EdStationCoverage *b)
{
  g_autofree char *a_street = g_strstrip (g_strdup (a->street));
  g_autofree char *b_street = g_strstrip (g_strdup (b->street));

  return g_str_equal (a->polling_district, b->polling_district) &&
         g_str_equal (a_street, b_street);
}

static gboolean
contains_coverage (GPtrArray               *list,
                   const EdStationCoverage *coverage)
{
  for (guint i = 0; i < list->len; i++)
    if (coverage_equal (g_ptr_array_index (list, i), coverage))
      return TRUE;
  return FALSE;
}

static gboolean
set_if_changed (EdChangeSet  *change_set,
                const char   *station_id,
                const char   *column,
                GVariant     *stored,
                GVariant     *value,
                GError      **error)
{
  g_autoptr(GVariant) old = g_variant_ref_sink (stored);
  g_autoptr(GVariant) new = g_variant_ref_sink (value);

  if (g_variant_equal (old, new))
    return TRUE;
  return ed_change_set_set (change_set, ed_polling_station_table.name, station_id, column, new,
                            error);
}

static gboolean
save_fields (EdContext            *context,
             EdChangeSet          *change_set,
             EdStationEdit        *edit,
             const char           *code,
             gint64                officers,
             gint64                clerks,
             GError              **error)
{
  g_autoptr(EdStationEdit) stored = NULL;
  gint64 stored_officers, stored_clerks;
  char *id = NULL;

  if (edit->id == NULL)
    {
      const char *columns[] = { "place", "code", "name", "presiding_officers", "poll_clerks" };
      GVariant *values[] = {
        g_variant_new_string (edit->place), g_variant_new_string (code),
        g_variant_new_string (edit->name), g_variant_new_int64 (officers),
        g_variant_new_int64 (clerks),
      };

      if (!ed_change_set_insert (change_set, ed_polling_station_table.name, NULL, columns,
                                 values, G_N_ELEMENTS (values), &id, error))
        return FALSE;
      edit->id = id;
      return TRUE;
    }

  stored = ed_station_edit_load (context, edit->id, error);
  if (stored == NULL)
    return FALSE;
  stored_officers = g_ascii_strtoll (stored->presiding_officers, NULL, 10);
  stored_clerks = g_ascii_strtoll (stored->poll_clerks, NULL, 10);
  return set_if_changed (change_set, edit->id, "place", g_variant_new_string (stored->place),
                         g_variant_new_string (edit->place), error) &&
         set_if_changed (change_set, edit->id, "code", g_variant_new_string (stored->code),
                         g_variant_new_string (code), error) &&
         set_if_changed (change_set, edit->id, "name", g_variant_new_string (stored->name),
                         g_variant_new_string (edit->name), error) &&
         set_if_changed (change_set, edit->id, "presiding_officers",
                         g_variant_new_int64 (stored_officers), g_variant_new_int64 (officers),
                         error) &&
         set_if_changed (change_set, edit->id, "poll_clerks", g_variant_new_int64 (stored_clerks),
                         g_variant_new_int64 (clerks), error);
}

/* Deletes the stored rows the edit no longer lists and inserts the ones it adds. */
static gboolean
save_coverage (EdContext      *context,
               EdChangeSet    *change_set,
               EdStationEdit  *edit,
               GError        **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stored =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_coverage_free);

  if (!load_coverage (database, edit->id, ids, stored, error))
    return FALSE;
  for (guint i = 0; i < stored->len; i++)
    if (!contains_coverage (edit->coverage, g_ptr_array_index (stored, i)) &&
        !ed_change_set_delete (change_set, ed_station_coverage_table.name,
                               g_ptr_array_index (ids, i), error))
      return FALSE;
  for (guint i = 0; i < edit->coverage->len; i++)
    {
      EdStationCoverage *coverage = g_ptr_array_index (edit->coverage, i);
      g_autofree char *street = g_strstrip (g_strdup (coverage->street));
      const char *columns[] = { "station", "polling_district", "street" };
      GVariant *values[3];

      if (contains_coverage (stored, coverage))
        continue;
      values[0] = g_variant_new_string (edit->id);
      values[1] = g_variant_new_string (coverage->polling_district);
      values[2] = g_variant_new_string (street);
      if (!ed_change_set_insert (change_set, ed_station_coverage_table.name, NULL, columns,
                                 values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_station_edit_save:
 * @context: the district
 * @edit: a station's fields; a new station's @id is set once it is saved
 * @error: return location for an error
 *
 * Saves a station that ed_station_edit_validate() passes (an %ED_VALUE_ERROR naming the first
 * problem otherwise) with its coverage, in one change set.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_station_edit_save (EdContext      *context,
                      EdStationEdit  *edit,
                      GError        **error)
{
  g_autoptr(GPtrArray) problems = ed_station_edit_validate (context, edit);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *code = g_strstrip (g_strdup (edit->code));
  gint64 officers = 1, clerks = 0;
  gboolean was_new = edit->id == NULL;

  if (problems->len > 0)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, problem->message);
      return FALSE;
    }
  parse_count (edit->presiding_officers, 1, ED_STATION_MAX_PRESIDING_OFFICERS, &officers);
  parse_count (edit->poll_clerks, 0, ED_STATION_MAX_POLL_CLERKS, &clerks);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set != NULL &&
      save_fields (context, change_set, edit, code, officers, clerks, error) &&
      save_coverage (context, change_set, edit, error) &&
      ed_change_set_commit (change_set, error))
    return TRUE;
  /* A new station not saved has no id: the form can be saved again. */
  if (was_new)
    g_clear_pointer (&edit->id, g_free);
  return FALSE;
}

static const char dependants_sql[] =
  "SELECT 'station_coverage', id FROM station_coverage WHERE station = ?1 "
  "UNION ALL SELECT 'station_override', id FROM station_override WHERE station = ?1";

/**
 * ed_station_delete:
 * @context: the district
 * @station_id: a polling station's row id
 * @error: return location for an error
 *
 * Deletes the station with what it serves and the addresses sent to it by hand, in one
 * change set: those addresses go back to their district's and street's station.
 *
 * Returns: %TRUE if deleted
 */
gboolean
ed_station_delete (EdContext   *context,
                   const char  *station_id,
                   GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (change_set == NULL)
    return FALSE;
  stmt = ed_database_prepare (database, dependants_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, station_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (rows, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  for (guint i = 0; i + 1 < rows->len; i += 2)
    if (!ed_change_set_delete (change_set, g_ptr_array_index (rows, i),
                               g_ptr_array_index (rows, i + 1), error))
      return FALSE;
  return ed_change_set_delete (change_set, ed_polling_station_table.name, station_id, error) &&
         ed_change_set_commit (change_set, error);
}

static const char codes_sql[] = "SELECT code FROM polling_station";

/**
 * ed_station_next_code:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full): the number after the highest whole-number code in use ("1" in a
 *   district without stations), for a new station; %NULL on error
 */
char *
ed_station_next_code (EdContext  *context,
                      GError    **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, codes_sql, error);
  guint64 highest = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 number;

      if (g_ascii_string_to_unsigned ((const char *)sqlite3_column_text (stmt, 0), 10, 0,
                                      G_MAXUINT32, &number, NULL))
        highest = MAX (highest, number);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, highest + 1);
}

void
ed_station_summary_free (EdStationSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->code);
  g_free (summary->name);
  g_free (summary->serves);
  g_free (summary);
}

static const char at_place_sql[] =
  "SELECT s.id, s.code, s.name, s.presiding_officers, s.poll_clerks, "
  "  coalesce ((SELECT group_concat (what, '; ') FROM "
  "    (SELECT coalesce (d.code, '?') || CASE WHEN c.street != '' THEN ': ' || c.street "
  "                                        ELSE '' END AS what "
  "     FROM station_coverage AS c LEFT JOIN polling_district AS d ON d.id = c.polling_district "
  "     WHERE c.station = s.id ORDER BY d.code, c.street)), '') "
  "FROM polling_station AS s WHERE s.place = ?1 "
  "ORDER BY length (s.code), s.code, s.id";

/**
 * ed_station_list_at_place:
 * @context: the district
 * @place_id: a polling place's row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdStationSummary): the place's stations in code
 *   order (2 before 10), or %NULL
 */
GPtrArray *
ed_station_list_at_place (EdContext   *context,
                          const char  *place_id,
                          GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, at_place_sql, error);
  g_autoptr(GPtrArray) stations = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  stations = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_summary_free);
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdStationSummary *summary = g_new0 (EdStationSummary, 1);

      summary->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      summary->code = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      summary->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      summary->presiding_officers = sqlite3_column_int64 (stmt, 3);
      summary->poll_clerks = sqlite3_column_int64 (stmt, 4);
      summary->serves = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (stations, summary);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&stations);
}

static const char by_code_sql[] =
  "SELECT id FROM polling_station WHERE code = ?1 ORDER BY id LIMIT 2";

/**
 * ed_station_find_by_code:
 * @context: the district
 * @code: a station's number or code, as on the poll card
 * @error: return location for an error naming the code
 *
 * Returns: (transfer full): the station's row id, or %NULL when no station, or more than one
 *   (two desks gave one code before they synced), has @code
 */
char *
ed_station_find_by_code (EdContext   *context,
                         const char  *code,
                         GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, by_code_sql, error);
  g_autofree char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_ROW && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_AMBIGUOUS,
                   _("Two stations have the code “%s”: give one of them another code first."),
                   code);
      return NULL;
    }
  if (id == NULL)
    {
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        ed_database_set_error (database, rc, error);
      else
        g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                     _("There is no polling station “%s”."), code);
    }
  return g_steal_pointer (&id);
}

static const char overrides_of_sql[] =
  "SELECT id, station FROM station_override WHERE property = ?1 ORDER BY id";

/**
 * ed_station_override_set:
 * @context: the district
 * @property_id: a property's row id
 * @station_id: (nullable): the station its electors vote at whatever its street's and
 *   district's rules say, or %NULL to let the rules decide again
 * @error: return location for an error
 *
 * Sends one address to a station by hand (a house whose electors can reach another station
 * more easily, say), in one change set: any earlier choice for the address, this desk's or
 * another's, is replaced.
 *
 * Returns: %TRUE if recorded
 */
gboolean
ed_station_override_set (EdContext   *context,
                         const char  *property_id,
                         const char  *station_id,
                         GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  gboolean kept = FALSE;
  int rc;

  g_return_val_if_fail (property_id != NULL, FALSE);

  if (station_id != NULL && !row_exists (database, "polling_station", station_id))
    {
      set_gone_error (error);
      return FALSE;
    }
  if (!row_exists (database, "property", property_id))
    {
      g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                   _("The address is no longer in the register (deleted on another desk?)."));
      return FALSE;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  stmt = change_set != NULL ? ed_database_prepare (database, overrides_of_sql, error) : NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, property_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      /* The first row already naming the station stays; every other goes. */
      if (!kept && station_id != NULL &&
          g_str_equal ((const char *)sqlite3_column_text (stmt, 1), station_id))
        kept = TRUE;
      else if (!ed_change_set_delete (change_set, ed_station_override_table.name, id, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  if (station_id != NULL && !kept)
    {
      const char *columns[] = { "property", "station" };
      GVariant *values[] = { g_variant_new_string (property_id),
                             g_variant_new_string (station_id) };

      if (!ed_change_set_insert (change_set, ed_station_override_table.name, NULL, columns,
                                 values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}
