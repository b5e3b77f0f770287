/* ed-polling-place.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Polling places as the place editor and the command line read and write them: the venue,
 * its people and booking, its accessibility checklist and its open issues (DOMAIN.md §3.1,
 * §3.5). A save writes only the fields that changed, so that two desks editing different
 * fields of one place never clash. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-money.h"
#include "core/ed-postcode.h"
#include "core/ed-uprn.h"
#include "core/ed-value-error.h"
#include "register/ed-elector-edit.h"
#include "register/ed-register-tables.h"
#include "stations/ed-polling-place.h"
#include "stations/ed-stations-tables.h"

/* The National Grid's false origin is south-west of the Scilly Isles; every point of Great
 * Britain lies within 0–700 km east and 0–1,300 km north of it. */
#define GRID_MAX_EASTING  700000
#define GRID_MAX_NORTHING 1300000

static const struct
{
  const char *field;
  const char *name;  /* untranslated */
} field_names[] = {
  { "name", N_("Name") },
  { "address", N_("Address") },
  { "postcode", N_("Postcode") },
  { "uprn", N_("UPRN") },
  { "easting", N_("Easting") },
  { "northing", N_("Northing") },
  { "polling_district", N_("Polling district") },
  { "special_circumstances", N_("Special circumstances") },
  { "caretaker", N_("Caretaker") },
  { "key_holder", N_("Key holder") },
  { "booking_contact", N_("Booking contact") },
  { "payee", N_("Payee") },
  { "hire_fee", N_("Hire fee") },
  { "booking_state", N_("Booking") },
  { "poll_card_note", N_("Note on poll cards") },
};

/**
 * ed_place_field_get_display_name:
 * @field: a column of `polling_place`
 *
 * Returns: (transfer none): the field's label, translated; @field itself if unknown
 */
const char *
ed_place_field_get_display_name (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (field_names[i].field, field))
      return _(field_names[i].name);
  return field;
}

EdPlaceEdit *
ed_place_edit_new (void)
{
  EdPlaceEdit *edit = g_new0 (EdPlaceEdit, 1);

  edit->name = g_strdup ("");
  edit->address = g_strdup ("");
  edit->postcode = g_strdup ("");
  edit->uprn = g_strdup ("");
  edit->easting = g_strdup ("");
  edit->northing = g_strdup ("");
  edit->polling_district = g_strdup ("");
  edit->special_circumstances = g_strdup ("");
  edit->caretaker = g_strdup ("");
  edit->key_holder = g_strdup ("");
  edit->booking_contact = g_strdup ("");
  edit->payee = g_strdup ("");
  edit->hire_fee = g_strdup ("");
  edit->booking_state = ED_BOOKING_PROVISIONAL;
  edit->poll_card_note = g_strdup ("");
  return edit;
}

void
ed_place_edit_free (EdPlaceEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->id);
  g_free (edit->name);
  g_free (edit->address);
  g_free (edit->postcode);
  g_free (edit->uprn);
  g_free (edit->easting);
  g_free (edit->northing);
  g_free (edit->polling_district);
  g_free (edit->special_circumstances);
  g_free (edit->caretaker);
  g_free (edit->key_holder);
  g_free (edit->booking_contact);
  g_free (edit->payee);
  g_free (edit->hire_fee);
  g_free (edit->poll_card_note);
  g_free (edit);
}

static const char load_sql[] =
  "SELECT name, address, postcode, uprn, easting, northing, polling_district, "
  "  special_circumstances, caretaker, key_holder, booking_contact, payee, hire_fee, "
  "  booking_state, poll_card_note "
  "FROM polling_place WHERE id = ?1";

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* A number the form shows empty when it is 0, which the tables use for "not known". */
static char *
column_number_or_empty (sqlite3_stmt *stmt,
                        int           column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return value != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");
}

/**
 * ed_place_edit_load:
 * @context: the district
 * @place_id: a polling place's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the place's fields as the editor shows them, or %NULL
 */
EdPlaceEdit *
ed_place_edit_load (EdContext   *context,
                    const char  *place_id,
                    GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  sqlite3_stmt *stmt = ed_database_cached (database, load_sql, error);
  g_autoptr(EdPlaceEdit) edit = NULL;
  gint64 fee;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                     _("The polling place is no longer in the district (deleted on another "
                       "desk?)."));
      else
        ed_database_set_error (database, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  edit = g_new0 (EdPlaceEdit, 1);
  edit->id = g_strdup (place_id);
  edit->name = column_text (stmt, 0);
  edit->address = column_text (stmt, 1);
  edit->postcode = column_text (stmt, 2);
  edit->uprn = column_number_or_empty (stmt, 3);
  edit->easting = column_number_or_empty (stmt, 4);
  edit->northing = column_number_or_empty (stmt, 5);
  edit->polling_district = column_text (stmt, 6);
  edit->special_circumstances = column_text (stmt, 7);
  edit->caretaker = column_text (stmt, 8);
  edit->key_holder = column_text (stmt, 9);
  edit->booking_contact = column_text (stmt, 10);
  edit->payee = column_text (stmt, 11);
  fee = sqlite3_column_int64 (stmt, 12);
  edit->hire_fee = fee != 0 ? ed_money_format (fee) : g_strdup ("");
  if (!ed_booking_state_from_string ((const char *)sqlite3_column_text (stmt, 13),
                                     &edit->booking_state, NULL))
    edit->booking_state = ED_BOOKING_PROVISIONAL;
  edit->poll_card_note = column_text (stmt, 14);
  sqlite3_reset (stmt);
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

static void
check_text (GPtrArray  *problems,
            const char *field,
            const char *text,
            guint       max_chars,
            gboolean    multiline)
{
  g_autoptr(GError) error = NULL;

  if (multiline)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      guint n = 0;

      for (guint i = 0; lines[i] != NULL && error == NULL; i++)
        {
          ed_register_text_check (lines[i], G_MAXUINT, &error);
          n += g_utf8_strlen (lines[i], -1);
        }
      if (error == NULL && n > max_chars)
        g_set_error (&error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                     _("expected at most %u characters; this is %u characters long"),
                     max_chars, n);
    }
  else
    ed_register_text_check (text, max_chars, &error);
  if (error != NULL)
    add_problem (problems, field, error->message);
}

static gboolean
parse_whole (const char *text,
             gint64      max,
             gint64     *out)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  guint64 value;

  if (*clean == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (clean, 10, 0, (guint64)max, &value, NULL))
    return FALSE;
  *out = (gint64)value;
  return TRUE;
}

/**
 * ed_place_edit_validate:
 * @edit: a place's fields as typed
 *
 * Checks each field: a name, text without control characters and within its length, a
 * postcode, a UPRN, coordinates on the National Grid (both or neither), and a hire fee in
 * pounds and pence.
 *
 * Returns: (transfer full) (element-type EdFieldProblem): what is wrong, field by field;
 *   empty when the place may be saved
 */
GPtrArray *
ed_place_edit_validate (const EdPlaceEdit *edit)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_field_problem_free);
  g_autofree char *name = g_strstrip (g_strdup (edit->name));
  gint64 easting = 0, northing = 0;
  gboolean easting_ok, northing_ok;

  if (*name == '\0')
    add_problem (problems, "name", _("Give the venue’s name, as electors know it."));
  check_text (problems, "name", edit->name, ED_STATIONS_NAME_MAX_CHARS, FALSE);
  check_text (problems, "address", edit->address, ED_STATIONS_ADDRESS_MAX_CHARS, TRUE);
  check_text (problems, "special_circumstances", edit->special_circumstances,
              ED_STATIONS_TEXT_MAX_CHARS, TRUE);
  check_text (problems, "caretaker", edit->caretaker, ED_STATIONS_NAME_MAX_CHARS, FALSE);
  check_text (problems, "key_holder", edit->key_holder, ED_STATIONS_NAME_MAX_CHARS, FALSE);
  check_text (problems, "booking_contact", edit->booking_contact, ED_STATIONS_NAME_MAX_CHARS,
              FALSE);
  check_text (problems, "payee", edit->payee, ED_STATIONS_NAME_MAX_CHARS, FALSE);
  check_text (problems, "poll_card_note", edit->poll_card_note, ED_STATIONS_NAME_MAX_CHARS,
              TRUE);

  if (*edit->postcode != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *postcode = NULL;

      if (!ed_postcode_normalise (edit->postcode, &postcode, &error))
        add_problem (problems, "postcode", error->message);
    }

  if (*edit->uprn != '\0')
    {
      g_autoptr(GError) error = NULL;
      guint64 uprn;

      if (!ed_uprn_parse (edit->uprn, &uprn, &error))
        add_problem (problems, "uprn", error->message);
    }

  easting_ok = parse_whole (edit->easting, GRID_MAX_EASTING, &easting);
  northing_ok = parse_whole (edit->northing, GRID_MAX_NORTHING, &northing);
  if (!easting_ok)
    add_problem (problems, "easting",
                 _("Expected metres east on the National Grid, a whole number from 0 to "
                   "700000."));
  if (!northing_ok)
    add_problem (problems, "northing",
                 _("Expected metres north on the National Grid, a whole number from 0 to "
                   "1300000."));
  if (easting_ok && northing_ok && (easting == 0) != (northing == 0))
    /* Under the one given, which the officer has just typed. */
    add_problem (problems, easting != 0 ? "easting" : "northing",
                 _("Give both the easting and the northing, or neither."));

  if (*edit->hire_fee != '\0')
    {
      g_autoptr(GError) error = NULL;
      EdMoney fee;

      if (!ed_money_parse (edit->hire_fee, &fee, &error))
        add_problem (problems, "hire_fee", error->message);
      else if (fee < 0)
        add_problem (problems, "hire_fee", _("A hire fee cannot be less than nothing."));
    }
  return problems;
}

/* The edit's fields as the table stores them, at their EdPollingPlaceColumn. Call only on
 * an edit that validates. */
static void
edit_to_values (const EdPlaceEdit  *edit,
                GVariant          **values)
{
  g_autofree char *postcode = NULL;
  g_autofree char *name = g_strstrip (g_strdup (edit->name));
  guint64 uprn = 0;
  gint64 easting = 0, northing = 0;
  EdMoney fee = 0;

  if (*edit->postcode != '\0')
    ed_postcode_normalise (edit->postcode, &postcode, NULL);
  if (*edit->uprn != '\0')
    ed_uprn_parse (edit->uprn, &uprn, NULL);
  parse_whole (edit->easting, GRID_MAX_EASTING, &easting);
  parse_whole (edit->northing, GRID_MAX_NORTHING, &northing);
  if (*edit->hire_fee != '\0')
    ed_money_parse (edit->hire_fee, &fee, NULL);

  values[ED_POLLING_PLACE_COL_NAME] = g_variant_new_string (name);
  values[ED_POLLING_PLACE_COL_ADDRESS] = g_variant_new_string (edit->address);
  values[ED_POLLING_PLACE_COL_POSTCODE] = g_variant_new_string (postcode != NULL ? postcode : "");
  values[ED_POLLING_PLACE_COL_UPRN] = g_variant_new_int64 ((gint64)uprn);
  values[ED_POLLING_PLACE_COL_EASTING] = g_variant_new_int64 (easting);
  values[ED_POLLING_PLACE_COL_NORTHING] = g_variant_new_int64 (northing);
  values[ED_POLLING_PLACE_COL_POLLING_DISTRICT] = g_variant_new_string (edit->polling_district);
  values[ED_POLLING_PLACE_COL_SPECIAL_CIRCUMSTANCES] =
    g_variant_new_string (edit->special_circumstances);
  values[ED_POLLING_PLACE_COL_CARETAKER] = g_variant_new_string (edit->caretaker);
  values[ED_POLLING_PLACE_COL_KEY_HOLDER] = g_variant_new_string (edit->key_holder);
  values[ED_POLLING_PLACE_COL_BOOKING_CONTACT] = g_variant_new_string (edit->booking_contact);
  values[ED_POLLING_PLACE_COL_PAYEE] = g_variant_new_string (edit->payee);
  values[ED_POLLING_PLACE_COL_HIRE_FEE] = g_variant_new_int64 (fee);
  values[ED_POLLING_PLACE_COL_BOOKING_STATE] =
    g_variant_new_string (ed_booking_state_to_string (edit->booking_state));
  values[ED_POLLING_PLACE_COL_POLL_CARD_NOTE] = g_variant_new_string (edit->poll_card_note);
  values[ED_POLLING_PLACE_COL_EMS_ID] = NULL;
}

static GVariant *
stored_value (sqlite3_stmt *stmt,
              int           column,
              EdValueType   type)
{
  if (type == ED_VALUE_TEXT || type == ED_VALUE_DATE)
    return g_variant_new_string ((const char *)sqlite3_column_text (stmt, column));
  return g_variant_new_int64 (sqlite3_column_int64 (stmt, column));
}

static const char stored_sql[] =
  "SELECT name, address, postcode, uprn, easting, northing, polling_district, "
  "  special_circumstances, caretaker, key_holder, booking_contact, payee, hire_fee, "
  "  booking_state, poll_card_note "
  "FROM polling_place WHERE id = ?1";

/* Sets each column whose stored value differs from @values. */
static gboolean
set_changed (EdContext    *context,
             EdChangeSet  *change_set,
             const char   *place_id,
             GVariant    **values,
             GError      **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, stored_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ED_CHANGE_ERROR, ED_CHANGE_ERROR_NO_SUCH_ROW,
                     _("The polling place is no longer in the district (deleted on another "
                       "desk?)."));
      else
        ed_database_set_error (database, rc, error);
      return FALSE;
    }
  /* The stored columns are the table's, without its last (the EMS id, which no form edits). */
  for (guint c = 0; c < ED_POLLING_PLACE_COL_EMS_ID; c++)
    {
      const EdColumnDef *column = &ed_polling_place_table.columns[c];
      g_autoptr(GVariant) stored = g_variant_ref_sink (stored_value (stmt, c, column->type));

      if (!g_variant_equal (stored, values[c]) &&
          !ed_change_set_set (change_set, ed_polling_place_table.name, place_id, column->name,
                              values[c], error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ed_place_edit_save:
 * @context: the district
 * @edit: a place's fields; a new place's @id is set once it is saved
 * @error: return location for an error
 *
 * Saves a place that ed_place_edit_validate() passes (an %ED_VALUE_ERROR naming the first
 * field otherwise), in one change set: a new place is inserted whole, an existing one has
 * only its changed fields set.
 *
 * Returns: %TRUE if saved
 */
gboolean
ed_place_edit_save (EdContext    *context,
                    EdPlaceEdit  *edit,
                    GError      **error)
{
  g_autoptr(GPtrArray) problems = ed_place_edit_validate (edit);
  g_autoptr(EdChangeSet) change_set = NULL;
  GVariant *values[ED_POLLING_PLACE_N_COLS];
  g_autofree char *id = NULL;

  if (problems->len > 0)
    {
      EdFieldProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID, "%s: %s",
                   ed_place_field_get_display_name (problem->field), problem->message);
      return FALSE;
    }

  edit_to_values (edit, values);
  for (guint c = 0; c < ED_POLLING_PLACE_N_COLS; c++)
    if (values[c] != NULL)
      g_variant_ref_sink (values[c]);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set != NULL)
    {
      gboolean done;

      if (edit->id == NULL)
        {
          const char *columns[ED_POLLING_PLACE_COL_EMS_ID];

          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            columns[c] = ed_polling_place_table.columns[c].name;
          done = ed_change_set_insert (change_set, ed_polling_place_table.name, NULL, columns,
                                       values, G_N_ELEMENTS (columns), &id, error);
        }
      else
        done = set_changed (context, change_set, edit->id, values, error);
      done = done && ed_change_set_commit (change_set, error);
      if (!done)
        g_clear_object (&change_set);
    }
  for (guint c = 0; c < ED_POLLING_PLACE_N_COLS; c++)
    g_clear_pointer (&values[c], g_variant_unref);
  if (change_set == NULL)
    return FALSE;
  if (id != NULL)
    edit->id = g_steal_pointer (&id);
  return TRUE;
}

void
ed_place_summary_free (EdPlaceSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->id);
  g_free (summary->name);
  g_free (summary->postcode);
  g_free (summary->district_code);
  g_free (summary->station_codes);
  g_free (summary);
}

static const char list_sql[] =
  "SELECT p.id, p.name, p.postcode, coalesce (d.code, ''), p.booking_state, "
  "  coalesce ((SELECT group_concat (code, ', ') FROM "
  "    (SELECT s.code FROM polling_station AS s WHERE s.place = p.id ORDER BY s.code)), ''), "
  "  (SELECT count(*) FROM place_access_issue AS i "
  "   WHERE i.place = p.id AND i.resolved_on = ''), "
  "  (SELECT count(*) FROM place_access_check AS c WHERE c.place = p.id AND c.answer != ''), "
  "  (SELECT count(*) FROM place_access_check AS c WHERE c.place = p.id AND c.answer = 'no') "
  "FROM polling_place AS p LEFT JOIN polling_district AS d ON d.id = p.polling_district "
  "ORDER BY p.name COLLATE NOCASE, p.id";

/**
 * ed_place_list:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPlaceSummary): every polling place by name, or
 *   %NULL
 */
GPtrArray *
ed_place_list (EdContext  *context,
               GError    **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, list_sql, error);
  g_autoptr(GPtrArray) places = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  places = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_place_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPlaceSummary *summary = g_new0 (EdPlaceSummary, 1);

      summary->id = column_text (stmt, 0);
      summary->name = column_text (stmt, 1);
      summary->postcode = column_text (stmt, 2);
      summary->district_code = column_text (stmt, 3);
      if (!ed_booking_state_from_string ((const char *)sqlite3_column_text (stmt, 4),
                                         &summary->booking_state, NULL))
        summary->booking_state = ED_BOOKING_PROVISIONAL;
      summary->station_codes = column_text (stmt, 5);
      summary->n_open_issues = sqlite3_column_int (stmt, 6);
      summary->n_assessed = sqlite3_column_int (stmt, 7);
      summary->n_failed = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (places, summary);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&places);
}

static const char access_sql[] =
  "SELECT id, item, answer, note FROM place_access_check WHERE place = ?1 ORDER BY id";

static void
clear_answer (EdPlaceAccessAnswer *answer)
{
  g_free (answer->note);
}

/* Two desks may each answer a question before they sync, leaving two rows for it: the one
 * with the greater id is the answer, the same on every desk. */
static gboolean
load_access_rows (EdContext   *context,
                  const char  *place_id,
                  char       **row_ids,
                  GArray      *answers,
                  GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  sqlite3_stmt *stmt = ed_database_cached (database, access_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdAccessItem item;
      EdAccessAnswer answer;

      /* A question a later version asks, or a value it stores, is kept but not shown. */
      if (!ed_access_item_from_string ((const char *)sqlite3_column_text (stmt, 1), &item, NULL) ||
          !ed_access_answer_from_string ((const char *)sqlite3_column_text (stmt, 2), &answer,
                                         NULL))
        continue;
      if (row_ids != NULL)
        {
          g_free (row_ids[item]);
          row_ids[item] = column_text (stmt, 0);
        }
      if (answers != NULL)
        {
          EdPlaceAccessAnswer *slot = &g_array_index (answers, EdPlaceAccessAnswer, item);

          g_free (slot->note);
          slot->answer = answer;
          slot->note = column_text (stmt, 3);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_place_access_load:
 * @context: the district
 * @place_id: a polling place's row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPlaceAccessAnswer): one answer for each question
 *   of the checklist, at its EdAccessItem; unanswered ones are %ED_ACCESS_ANSWER_UNKNOWN
 */
GArray *
ed_place_access_load (EdContext   *context,
                      const char  *place_id,
                      GError     **error)
{
  g_autoptr(GArray) answers = g_array_sized_new (FALSE, TRUE, sizeof (EdPlaceAccessAnswer),
                                                 ED_N_ACCESS_ITEMS);

  g_array_set_clear_func (answers, (GDestroyNotify)clear_answer);
  g_array_set_size (answers, ED_N_ACCESS_ITEMS);
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    {
      EdPlaceAccessAnswer *slot = &g_array_index (answers, EdPlaceAccessAnswer, i);

      slot->item = i;
      slot->answer = ED_ACCESS_ANSWER_UNKNOWN;
      slot->note = g_strdup ("");
    }
  if (!load_access_rows (context, place_id, NULL, answers, error))
    return NULL;
  return g_steal_pointer (&answers);
}

/**
 * ed_place_access_set:
 * @context: the district
 * @place_id: a polling place's row id
 * @item: the question
 * @answer: its answer
 * @note: what the assessor saw (a door's width, say), or ""
 * @error: return location for an error
 *
 * Records the answer to one question of the place's checklist, in one change set.
 *
 * Returns: %TRUE if recorded
 */
gboolean
ed_place_access_set (EdContext       *context,
                     const char      *place_id,
                     EdAccessItem     item,
                     EdAccessAnswer   answer,
                     const char      *note,
                     GError         **error)
{
  char *row_ids[ED_N_ACCESS_ITEMS] = { NULL };
  g_autoptr(EdChangeSet) change_set = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail ((guint)item < ED_N_ACCESS_ITEMS, FALSE);
  g_return_val_if_fail ((guint)answer < ED_N_ACCESS_ANSWERS, FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!ed_register_text_check (note, ED_STATIONS_NAME_MAX_CHARS, error) ||
      !load_access_rows (context, place_id, row_ids, NULL, error))
    goto out;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    goto out;
  if (row_ids[item] != NULL)
    done = ed_change_set_set (change_set, ed_place_access_check_table.name, row_ids[item],
                              "answer",
                              g_variant_new_string (ed_access_answer_to_string (answer)),
                              error) &&
           ed_change_set_set (change_set, ed_place_access_check_table.name, row_ids[item],
                              "note", g_variant_new_string (note), error);
  else
    {
      const char *columns[] = { "place", "item", "answer", "note" };
      GVariant *values[] = {
        g_variant_new_string (place_id), g_variant_new_string (ed_access_item_to_string (item)),
        g_variant_new_string (ed_access_answer_to_string (answer)), g_variant_new_string (note),
      };

      done = ed_change_set_insert (change_set, ed_place_access_check_table.name, NULL, columns,
                                   values, G_N_ELEMENTS (values), NULL, error);
    }
  done = done && ed_change_set_commit (change_set, error);

out:
  for (guint i = 0; i < ED_N_ACCESS_ITEMS; i++)
    g_free (row_ids[i]);
  return done;
}

void
ed_place_access_issue_free (EdPlaceAccessIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->id);
  g_free (issue->place);
  g_free (issue->item);
  g_free (issue->description);
  g_free (issue->action);
  g_free (issue->raised_on);
  g_free (issue->resolved_on);
  g_free (issue);
}

static const char issues_sql[] =
  "SELECT id, place, item, description, action, raised_on, resolved_on "
  "FROM place_access_issue WHERE place = ?1 "
  "ORDER BY resolved_on != '', raised_on, id";

/**
 * ed_place_access_issues:
 * @context: the district
 * @place_id: a polling place's row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdPlaceAccessIssue): the place's issues, open ones
 *   first, each in the order raised; %NULL on error
 */
GPtrArray *
ed_place_access_issues (EdContext   *context,
                        const char  *place_id,
                        GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, issues_sql, error);
  g_autoptr(GPtrArray) issues = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_place_access_issue_free);
  sqlite3_bind_text (stmt, 1, place_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdPlaceAccessIssue *issue = g_new0 (EdPlaceAccessIssue, 1);

      issue->id = column_text (stmt, 0);
      issue->place = column_text (stmt, 1);
      issue->item = column_text (stmt, 2);
      issue->description = column_text (stmt, 3);
      issue->action = column_text (stmt, 4);
      issue->raised_on = column_text (stmt, 5);
      issue->resolved_on = column_text (stmt, 6);
      g_ptr_array_add (issues, issue);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&issues);
}

/**
 * ed_place_access_issue_add:
 * @context: the district
 * @place_id: a polling place's row id
 * @item: (nullable): the checklist question's value it is about, or %NULL
 * @description: what is wrong
 * @action: what will be done, and by whom; or ""
 * @raised_on: when it was found
 * @error: return location for an error
 *
 * Returns: (transfer full): the new issue's row id, or %NULL
 */
char *
ed_place_access_issue_add (EdContext    *context,
                           const char   *place_id,
                           const char   *item,
                           const char   *description,
                           const char   *action,
                           const GDate  *raised_on,
                           GError      **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (description));
  g_autofree char *raised = ed_date_format_iso (raised_on);
  const char *columns[] = { "place", "item", "description", "action", "raised_on" };
  GVariant *values[5];
  char *id = NULL;

  if (item != NULL && *item != '\0' && !ed_access_item_from_string (item, NULL, error))
    return NULL;
  if (*clean == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Say what the accessibility issue is."));
      return NULL;
    }
  if (!ed_register_text_check (clean, ED_STATIONS_TEXT_MAX_CHARS, error) ||
      !ed_register_text_check (action, ED_STATIONS_TEXT_MAX_CHARS, error))
    return NULL;

  values[0] = g_variant_new_string (place_id);
  values[1] = g_variant_new_string (item != NULL ? item : "");
  values[2] = g_variant_new_string (clean);
  values[3] = g_variant_new_string (action);
  values[4] = g_variant_new_string (raised);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL ||
      !ed_change_set_insert (change_set, ed_place_access_issue_table.name, NULL, columns, values,
                             G_N_ELEMENTS (values), &id, error) ||
      !ed_change_set_commit (change_set, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

/**
 * ed_place_access_issue_resolve:
 * @context: the district
 * @issue_id: an issue's row id
 * @resolved_on: (nullable): when it was put right; %NULL to open it again
 * @error: return location for an error
 *
 * Returns: %TRUE if recorded
 */
gboolean
ed_place_access_issue_resolve (EdContext    *context,
                               const char   *issue_id,
                               const GDate  *resolved_on,
                               GError      **error)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), error);
  g_autofree char *resolved = resolved_on != NULL ? ed_date_format_iso (resolved_on)
                                                  : g_strdup ("");

  return change_set != NULL &&
         ed_change_set_set (change_set, ed_place_access_issue_table.name, issue_id,
                            "resolved_on", g_variant_new_string (resolved), error) &&
         ed_change_set_commit (change_set, error);
}
