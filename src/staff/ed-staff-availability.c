/* ed-staff-availability.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Whether a person can work at an election, as they answered when asked: what the appointment
 * board offers first. */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-database.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "register/ed-register-tables.h"
#include "staff/ed-staff-person.h"
#include "staff/ed-staff-person-private.h"
#include "staff/ed-staff-tables.h"

/* Two desks may each record an answer before they sync, leaving two rows: the one with the
 * greater id is the answer, the same on every desk. */
static const char answer_sql[] =
  "SELECT id, availability, note FROM staff_availability "
  "WHERE person = ?1 AND election = ?2 ORDER BY id DESC LIMIT 1";

/* The row that holds the answer, or %NULL when there is none; FALSE on error. */
static gboolean
find_answer (EdContext       *context,
             const char      *person_id,
             const char      *election,
             char           **out_row_id,
             EdAvailability  *out_availability,
             char           **out_note,
             GError         **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, answer_sql, error);
  int rc;

  *out_row_id = NULL;
  *out_availability = ED_AVAILABILITY_UNKNOWN;
  if (out_note != NULL)
    *out_note = g_strdup ("");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, election, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_row_id = _ed_staff_column_text (stmt, 0);
      /* A value a later version stores reads as not asked. */
      if (!ed_availability_from_string ((const char *)sqlite3_column_text (stmt, 1),
                                        out_availability, NULL))
        *out_availability = ED_AVAILABILITY_UNKNOWN;
      if (out_note != NULL)
        {
          g_free (*out_note);
          *out_note = _ed_staff_column_text (stmt, 2);
        }
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_staff_availability_set:
 * @context: the district
 * @person_id: a person's row id
 * @election: an election's row id or its id ("local.ashmere-vale.2027-05-06")
 * @availability: the person's answer
 * @note: what they said ("mornings only"), or ""
 * @error: return location for an error
 *
 * Records whether a person can work at an election, in one change set.
 *
 * Returns: %TRUE if recorded
 */
gboolean
ed_staff_availability_set (EdContext       *context,
                           const char      *person_id,
                           const char      *election,
                           EdAvailability   availability,
                           const char      *note,
                           GError         **error)
{
  const EdTableDef *table = &ed_staff_availability_table;
  g_autoptr(EdElection) loaded = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *row_id = NULL;
  EdAvailability stored;
  gboolean done;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (person_id != NULL && election != NULL, FALSE);
  g_return_val_if_fail ((guint)availability < ED_N_AVAILABILITIES, FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!g_utf8_validate (note, -1, NULL))
    {
      /* Translators: a field's label, then what was expected of it */
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("%s: %s"), _("Note"),
                   _("expected UTF-8 text"));
      return FALSE;
    }
  clean = g_strstrip (g_utf8_normalize (note, -1, G_NORMALIZE_NFC));
  if (!ed_register_text_check (clean, ED_STAFF_COURSE_MAX_CHARS, &text_error))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, _("%s: %s"), _("Note"),
                   text_error->message);
      return FALSE;
    }
  if (!_ed_staff_person_exists (context, person_id, error))
    return FALSE;
  loaded = ed_election_load (context, election, error);
  if (loaded == NULL ||
      !find_answer (context, person_id, loaded->id, &row_id, &stored, NULL, error))
    return FALSE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (row_id != NULL)
    done = ed_change_set_set (change_set, table->name, row_id,
                              table->columns[ED_STAFF_AVAILABILITY_COL_AVAILABILITY].name,
                              g_variant_new_string (ed_availability_to_string (availability)),
                              error) &&
           ed_change_set_set (change_set, table->name, row_id,
                              table->columns[ED_STAFF_AVAILABILITY_COL_NOTE].name,
                              g_variant_new_string (clean), error);
  else
    {
      const char *columns[ED_STAFF_AVAILABILITY_N_COLS];
      GVariant *values[ED_STAFF_AVAILABILITY_N_COLS];

      for (guint c = 0; c < ED_STAFF_AVAILABILITY_N_COLS; c++)
        columns[c] = table->columns[c].name;
      values[ED_STAFF_AVAILABILITY_COL_PERSON] = g_variant_new_string (person_id);
      values[ED_STAFF_AVAILABILITY_COL_ELECTION] = g_variant_new_string (loaded->id);
      values[ED_STAFF_AVAILABILITY_COL_AVAILABILITY] =
        g_variant_new_string (ed_availability_to_string (availability));
      values[ED_STAFF_AVAILABILITY_COL_NOTE] = g_variant_new_string (clean);
      done = ed_change_set_insert (change_set, table->name, NULL, columns, values,
                                   ED_STAFF_AVAILABILITY_N_COLS, NULL, error);
    }
  return done && ed_change_set_commit (change_set, error);
}

/**
 * ed_staff_availability_get:
 * @context: the district
 * @person_id: a person's row id
 * @election: an election's row id
 * @out_availability: (out): the person's answer; %ED_AVAILABILITY_UNKNOWN if not asked
 * @out_note: (out) (optional) (transfer full): what they said, or ""
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
ed_staff_availability_get (EdContext       *context,
                           const char      *person_id,
                           const char      *election,
                           EdAvailability  *out_availability,
                           char           **out_note,
                           GError         **error)
{
  g_autofree char *row_id = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (person_id != NULL && election != NULL, FALSE);
  g_return_val_if_fail (out_availability != NULL, FALSE);

  if (!find_answer (context, person_id, election, &row_id, out_availability, &note, error))
    return FALSE;
  if (out_note != NULL)
    *out_note = g_steal_pointer (&note);
  return TRUE;
}
