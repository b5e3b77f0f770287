/* ed-station-review.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reviews of polling districts and places as the council keeps them (DOMAIN.md §3.2, §3.3):
 * the review and the dates of its steps, the representations made to it with the council's
 * responses, and what it proposes for each polling district. Every write is a change set,
 * checked first by the rules (ed-review-rules.c) and the text limits of ed-stations-tables.h,
 * so the form and the command line refuse the same things with the same words. */

#define G_LOG_DOMAIN "ed-stations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "register/ed-register-find.h"
#include "register/ed-register-tables.h"
#include "stations/ed-station-review.h"
#include "stations/ed-stations-tables.h"

/* A step's column is the step's place after started_on. */
G_STATIC_ASSERT (ED_STATION_REVIEW_COL_STARTED_ON + ED_REVIEW_STEP_IMPLEMENTED ==
                 ED_STATION_REVIEW_COL_IMPLEMENTED_ON);
G_STATIC_ASSERT (ED_STATION_REVIEW_COL_STARTED_ON + ED_REVIEW_STEP_ARO_PUBLISHED ==
                 ED_STATION_REVIEW_COL_ARO_REPRESENTATIONS_PUBLISHED_ON);

#define STEP_COLUMN(step) (ED_STATION_REVIEW_COL_STARTED_ON + (step))

/* A review or a representation is named on the command line by its place in a list (1, 2,
 * …) or by its whole row id. Row ids begin with the time they were made, so the start of one
 * does not tell two made on one day apart, as a short hash would. */

void
ed_station_review_free (EdStationReview *review)
{
  if (review == NULL)
    return;
  g_free (review->id);
  g_free (review->title);
  g_free (review);
}

void
ed_review_representation_free (EdReviewRepresentation *representation)
{
  if (representation == NULL)
    return;
  g_free (representation->id);
  g_free (representation->review);
  g_free (representation->from_whom);
  g_free (representation->polling_district_code);
  g_free (representation->place_name);
  g_free (representation->body);
  g_free (representation->response);
  g_free (representation);
}

void
ed_review_proposal_free (EdReviewProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->id);
  g_free (proposal->review);
  g_free (proposal->polling_district);
  g_free (proposal->polling_district_code);
  g_free (proposal->proposed_place_name);
  g_free (proposal->reason);
  g_free (proposal);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* A stored date, cleared for "" (or a value only a newer desk writes). */
static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *out)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text != NULL && text[0] != '\0')
    ed_date_parse_iso (text, out, NULL);
}

static char *
date_text (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
}

static void
column_names (const EdTableDef  *table,
              const char       **names)
{
  for (guint c = 0; c < table->n_columns; c++)
    names[c] = table->columns[c].name;
}

/* ---- text -------------------------------------------------------------------------------- */

/* @text, checked as @field: present when @required, within @max_chars, and without control
 * characters; a long text (a representation, a response, a reason) may run over several
 * lines, each checked as a line is. */
static gboolean
check_text (const char  *field,
            const char  *text,
            guint        max_chars,
            gboolean     required,
            gboolean     multiline,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (required && (trimmed == NULL || trimmed[0] == '\0'))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s names a field, "Title" */
                   _("%s: this is needed"), field);
      return FALSE;
    }
  if (text == NULL)
    return TRUE;
  if (multiline)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      glong n_chars = g_utf8_strlen (text, -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (!ed_register_text_check (lines[i], max_chars, &local_error))
          break;
      if (local_error == NULL && n_chars > (glong)max_chars)
        g_set_error (&local_error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                     _("expected at most %u characters; this is %ld characters long"),
                     max_chars, n_chars);
    }
  else
    ed_register_text_check (text, max_chars, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: a field and what is wrong with it */
                   _("%s: %s"), field, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- reviews ----------------------------------------------------------------------------- */

static const char reviews_sql[] =
  "SELECT id, kind, title, started_on, notice_published_on, consultation_closes_on, "
  "  aro_representations_received_on, aro_representations_published_on, "
  "  access_experts_consulted_on, committee_on, completed_on, implemented_on "
  "FROM station_review ORDER BY started_on, id";
enum { REVIEW_ID, REVIEW_KIND, REVIEW_TITLE, REVIEW_FIRST_STEP };

static EdStationReview *
review_from_row (sqlite3_stmt *stmt)
{
  EdStationReview *review = g_new0 (EdStationReview, 1);
  EdReviewKind kind;

  if (!ed_review_kind_from_string ((const char *)sqlite3_column_text (stmt, REVIEW_KIND), &kind,
                                   NULL))
    kind = ED_REVIEW_INTERIM;
  review->id = column_dup (stmt, REVIEW_ID);
  review->title = column_dup (stmt, REVIEW_TITLE);
  ed_review_dates_init (&review->dates, kind);
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    column_date (stmt, REVIEW_FIRST_STEP + step, &review->dates.steps[step]);
  return review;
}

static gboolean
step_rows (EdDatabase    *database,
           sqlite3_stmt  *stmt,
           gpointer     (*from_row) (sqlite3_stmt *),
           GPtrArray     *out,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_station_review_list:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdStationReview): every review, the earliest first
 */
GPtrArray *
ed_station_review_list (EdContext  *context,
                        GError    **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  EdDatabase *database;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, reviews_sql, error);
  if (stmt == NULL)
    return NULL;
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_station_review_free);
  if (!step_rows (database, stmt, (gpointer (*) (sqlite3_stmt *))review_from_row, reviews,
                  error))
    return NULL;
  return g_steal_pointer (&reviews);
}

/**
 * ed_station_review_get:
 * @context: the district
 * @id: a review's row id
 * @error: return location for an error; %ED_REVIEW_ERROR_NOT_FOUND if there is none
 *
 * Returns: (transfer full): the review, or %NULL
 */
EdStationReview *
ed_station_review_get (EdContext   *context,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(GPtrArray) reviews = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* A district holds a review every few years: reading them all is reading a handful. */
  reviews = ed_station_review_list (context, error);
  if (reviews == NULL)
    return NULL;
  for (guint i = 0; i < reviews->len; i++)
    {
      EdStationReview *review = g_ptr_array_index (reviews, i);

      if (g_str_equal (review->id, id))
        return g_ptr_array_steal_index (reviews, i);
    }
  g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND,
                       _("There is no such review in this district"));
  return NULL;
}

/* The one of @ids that @reference names: its place in the list, counting from 1, or its
 * whole id. */
static char *
resolve_in (GPtrArray   *ids,
            const char  *reference,
            const char  *what_none,
            GError     **error)
{
  guint64 number;

  if (g_ascii_string_to_unsigned (reference, 10, 1, ids->len > 0 ? ids->len : 1, &number, NULL) &&
      number <= ids->len)
    return g_strdup (g_ptr_array_index (ids, number - 1));
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), reference))
      return g_strdup (reference);
  g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND, what_none, reference);
  return NULL;
}

/**
 * ed_station_review_resolve:
 * @context: the district
 * @reference: (nullable): a review's number in ed_station_review_list() (1 for the earliest),
 *   or its row id; %NULL for the review under way
 * @error: return location for an %ED_REVIEW_ERROR
 *
 * Finds the review a person means. With no @reference, that is the one review not yet
 * completed; when there is none, or more than one, the message says so and how to choose.
 *
 * Returns: (transfer full): the review's row id, or %NULL
 */
char *
ed_station_review_resolve (EdContext   *context,
                           const char  *reference,
                           GError     **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *open = NULL;
  guint n_open = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  reviews = ed_station_review_list (context, error);
  if (reviews == NULL)
    return NULL;
  for (guint i = 0; i < reviews->len; i++)
    {
      EdStationReview *review = g_ptr_array_index (reviews, i);

      g_ptr_array_add (ids, review->id);
      if (!g_date_valid (&review->dates.steps[ED_REVIEW_STEP_COMPLETED]))
        {
          open = review->id;
          n_open++;
        }
    }
  if (reference != NULL)
    return resolve_in (ids, reference,
                       /* Translators: %s is what was typed to name a review */
                       _("There is no review “%s”; “stations review list” lists them by "
                         "number"), error);
  if (n_open == 1)
    return g_strdup (open);
  if (n_open == 0)
    g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND,
                         reviews->len == 0
                           ? _("No review has been started; start one with “stations review "
                               "new”")
                           : _("No review is under way; name a completed one with --review "
                               "(“stations review list” lists them by number)"));
  else
    g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_AMBIGUOUS,
                         _("More than one review is under way; choose one with --review "
                           "(“stations review list” lists them by number)"));
  return NULL;
}

static gboolean
check_review (const EdStationReview  *review,
              GError                **error)
{
  GDate today;

  if (!check_text (_("Title"), review->title, ED_STATIONS_NAME_MAX_CHARS, TRUE, FALSE, error))
    return FALSE;
  ed_today (&today);
  return ed_review_dates_check (&review->dates, &today, error);
}

/**
 * ed_station_review_start:
 * @context: the district
 * @kind: compulsory or interim
 * @title: what the council calls it
 * @started_on: the day it started
 * @error: return location for an error
 *
 * Starts a review. A compulsory review is refused unless @started_on falls in a review window
 * (RPA 1983 s.18C); the message names the next window.
 *
 * Returns: (transfer full): the new review's row id, or %NULL
 */
char *
ed_station_review_start (EdContext     *context,
                         EdReviewKind   kind,
                         const char    *title,
                         const GDate   *started_on,
                         GError       **error)
{
  const char *columns[ED_STATION_REVIEW_N_COLS];
  GVariant *values[ED_STATION_REVIEW_N_COLS];
  g_autoptr(EdChangeSet) change_set = NULL;
  EdStationReview review = { NULL, (char *)title, { 0 } };
  char *id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kind < ED_N_REVIEW_KINDS, NULL);
  g_return_val_if_fail (started_on != NULL && g_date_valid (started_on), NULL);

  ed_review_dates_init (&review.dates, kind);
  review.dates.steps[ED_REVIEW_STEP_STARTED] = *started_on;
  if (!check_review (&review, error))
    return NULL;

  column_names (&ed_station_review_table, columns);
  for (guint c = 0; c < ED_STATION_REVIEW_N_COLS; c++)
    values[c] = g_variant_new_string ("");
  values[ED_STATION_REVIEW_COL_KIND] = g_variant_new_string (ed_review_kind_to_string (kind));
  values[ED_STATION_REVIEW_COL_TITLE] = g_variant_new_string (title);
  values[ED_STATION_REVIEW_COL_STARTED_ON] = g_variant_new_take_string (date_text (started_on));

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    {
      for (guint c = 0; c < ED_STATION_REVIEW_N_COLS; c++)
        g_variant_unref (g_variant_ref_sink (values[c]));
      return NULL;
    }
  if (!ed_change_set_insert (change_set, ed_station_review_table.name, NULL, columns, values,
                             ED_STATION_REVIEW_N_COLS, &id, error) ||
      !ed_change_set_commit (change_set, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

/* Sets @column of @row to @value in @change_set when it differs from @old. */
static gboolean
set_if_changed (EdChangeSet  *change_set,
                const char   *table,
                const char   *row,
                const char   *column,
                const char   *old,
                const char   *value,
                GError      **error)
{
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  return ed_change_set_set (change_set, table, row, column, g_variant_new_string (value), error);
}

/**
 * ed_station_review_update:
 * @context: the district
 * @review: the review as it is to be: its title, kind and the dates of its steps
 * @error: return location for an error
 *
 * Stores a review's title, kind and step dates, changing only the columns that differ, once
 * the rules accept them (ed_review_dates_check()): a compulsory review is completed within its
 * window, the (A)RO's representations are not published before they came, and so on.
 *
 * Returns: whether it was stored
 */
gboolean
ed_station_review_update (EdContext              *context,
                          const EdStationReview  *review,
                          GError                **error)
{
  g_autoptr(EdStationReview) old = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  const char *table = ed_station_review_table.name;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (review != NULL && review->id != NULL, FALSE);

  if (!check_review (review, error))
    return FALSE;
  old = ed_station_review_get (context, review->id, error);
  if (old == NULL)
    return FALSE;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (!set_if_changed (change_set, table, review->id, "title", old->title, review->title,
                       error) ||
      !set_if_changed (change_set, table, review->id, "kind",
                       ed_review_kind_to_string (old->dates.kind),
                       ed_review_kind_to_string (review->dates.kind), error))
    return FALSE;
  for (EdReviewStep step = 0; step < ED_N_REVIEW_STEPS; step++)
    {
      g_autofree char *before = date_text (&old->dates.steps[step]);
      g_autofree char *after = date_text (&review->dates.steps[step]);

      if (!set_if_changed (change_set, table, review->id,
                           ed_station_review_table.columns[STEP_COLUMN (step)].name, before,
                           after, error))
        return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}

/**
 * ed_station_review_set_step:
 * @context: the district
 * @id: the review's row id
 * @step: one of its steps
 * @date: (nullable): the step's date; %NULL or cleared to clear it
 * @error: return location for an error
 *
 * Records the date of one step, checked with the review's other dates as
 * ed_station_review_update() checks them.
 *
 * Returns: whether it was stored
 */
gboolean
ed_station_review_set_step (EdContext     *context,
                            const char    *id,
                            EdReviewStep   step,
                            const GDate   *date,
                            GError       **error)
{
  g_autoptr(EdStationReview) review = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (step < ED_N_REVIEW_STEPS, FALSE);

  review = ed_station_review_get (context, id, error);
  if (review == NULL)
    return FALSE;
  if (date != NULL && g_date_valid (date))
    review->dates.steps[step] = *date;
  else
    g_date_clear (&review->dates.steps[step], 1);
  return ed_station_review_update (context, review, error);
}

/* ---- places and districts ---------------------------------------------------------------- */

static const char place_by_name_sql[] =
  "SELECT id FROM polling_place WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 2";
static const char place_name_sql[] = "SELECT name FROM polling_place WHERE id = ?1";

/* The polling place called @name (letter case aside), as the review names it. */
static char *
find_place (EdContext   *context,
            const char  *name,
            GError     **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  sqlite3_stmt *stmt = ed_database_cached (database, place_by_name_sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  if (ids->len == 1)
    return g_strdup (g_ptr_array_index (ids, 0));
  if (ids->len == 0)
    g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND,
                 /* Translators: %s is a polling place's name as typed */
                 _("There is no polling place called “%s”"), trimmed);
  else
    g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_AMBIGUOUS,
                 _("More than one polling place is called “%s”; rename one first"), trimmed);
  return NULL;
}

static char *
place_name (EdContext  *context,
            const char *id)
{
  EdDatabase *database = ed_context_get_database (context);
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id[0] == '\0' || (stmt = ed_database_cached (database, place_name_sql, NULL)) == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("");
}

static char *
district_code (EdContext  *context,
               const char *id)
{
  char *code;

  if (id[0] == '\0')
    return g_strdup ("");
  code = ed_register_polling_district_code (context, id, NULL);
  return code != NULL ? code : g_strdup ("");
}

/* "" for none, else the district's row id. */
static char *
find_district (EdContext   *context,
               const char  *code,
               GError     **error)
{
  if (code == NULL || code[0] == '\0')
    return g_strdup ("");
  return ed_register_find_polling_district (context, code, error);
}

/* ---- representations --------------------------------------------------------------------- */

static const char representations_sql[] =
  "SELECT id, review, from_whom, kind, received_on, polling_district, place, body, response "
  "FROM review_representation WHERE review = ?1 ORDER BY received_on, id";

/**
 * ed_review_representation_list:
 * @context: the district
 * @review: the review's row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdReviewRepresentation): the representations made to
 *   @review, in the order they were received
 */
GPtrArray *
ed_review_representation_list (EdContext   *context,
                               const char  *review,
                               GError     **error)
{
  EdDatabase *database;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, representations_sql, error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_review_representation_free);
  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdReviewRepresentation *representation = g_new0 (EdReviewRepresentation, 1);

      representation->id = column_dup (stmt, 0);
      representation->review = column_dup (stmt, 1);
      representation->from_whom = column_dup (stmt, 2);
      if (!ed_representation_kind_from_string ((const char *)sqlite3_column_text (stmt, 3),
                                               &representation->kind, NULL))
        representation->kind = ED_REPRESENTATION_OTHER;
      column_date (stmt, 4, &representation->received_on);
      g_ptr_array_add (districts, column_dup (stmt, 5));
      g_ptr_array_add (places, column_dup (stmt, 6));
      representation->body = column_dup (stmt, 7);
      representation->response = column_dup (stmt, 8);
      g_ptr_array_add (out, representation);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  /* Names after the statement is done with: the lookups use cached statements of their own. */
  for (guint i = 0; i < out->len; i++)
    {
      EdReviewRepresentation *representation = g_ptr_array_index (out, i);

      representation->polling_district_code =
        district_code (context, g_ptr_array_index (districts, i));
      representation->place_name = place_name (context, g_ptr_array_index (places, i));
    }
  return g_steal_pointer (&out);
}

/**
 * ed_review_representation_resolve:
 * @context: the district
 * @review: the review's row id
 * @reference: the representation's number in ed_review_representation_list() (1 for the
 *   first received), or its row id
 * @error: return location for an %ED_REVIEW_ERROR
 *
 * Returns: (transfer full): the representation's row id, or %NULL
 */
char *
ed_review_representation_resolve (EdContext   *context,
                                  const char  *review,
                                  const char  *reference,
                                  GError     **error)
{
  g_autoptr(GPtrArray) representations = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL && reference != NULL, NULL);

  representations = ed_review_representation_list (context, review, error);
  if (representations == NULL)
    return NULL;
  for (guint i = 0; i < representations->len; i++)
    g_ptr_array_add (ids, ((EdReviewRepresentation *)g_ptr_array_index (representations,
                                                                        i))->id);
  return resolve_in (ids, reference,
                     /* Translators: %s is what was typed to name a representation */
                     _("The review has no representation “%s”; “stations review show” lists "
                       "them by number"), error);
}

/* Checks @representation and finds what it names: the values to store in its columns. */
static gboolean
representation_values (EdContext                     *context,
                       const EdReviewRepresentation  *representation,
                       GVariant                     **values,
                       GError                       **error)
{
  g_autoptr(EdStationReview) review = NULL;
  g_autofree char *district = NULL;
  g_autofree char *place = NULL;
  GDate today;

  if (!check_text (_("From"), representation->from_whom, ED_STATIONS_NAME_MAX_CHARS, TRUE,
                   FALSE, error) ||
      !check_text (_("Representation"), representation->body, ED_STATIONS_TEXT_MAX_CHARS, TRUE,
                   TRUE, error) ||
      !check_text (_("Response"), representation->response, ED_STATIONS_TEXT_MAX_CHARS, FALSE,
                   TRUE, error))
    return FALSE;
  if (representation->kind >= ED_N_REPRESENTATION_KINDS)
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("The kind of representation is not one the review knows"));
      return FALSE;
    }
  review = ed_station_review_get (context, representation->review, error);
  if (review == NULL)
    return FALSE;
  ed_today (&today);
  if (!g_date_valid (&representation->received_on))
    {
      g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE,
                           _("Received: the date the representation was received is needed"));
      return FALSE;
    }
  if (g_date_compare (&representation->received_on, &today) > 0)
    {
      g_autofree char *when = ed_date_format_long (&today);

      g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE,
                   _("Received: the date is after today, %s"), when);
      return FALSE;
    }
  if (g_date_compare (&representation->received_on,
                      &review->dates.steps[ED_REVIEW_STEP_STARTED]) < 0)
    {
      g_autofree char *when = ed_date_format_long (&review->dates.steps[ED_REVIEW_STEP_STARTED]);

      g_set_error (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_BAD_DATE,
                   _("Received: the date is before the review started, on %s"), when);
      return FALSE;
    }
  district = find_district (context, representation->polling_district_code, error);
  if (district == NULL)
    return FALSE;
  if (representation->place_name != NULL && representation->place_name[0] != '\0' &&
      (place = find_place (context, representation->place_name, error)) == NULL)
    return FALSE;

  values[ED_REVIEW_REPRESENTATION_COL_REVIEW] = g_variant_new_string (representation->review);
  values[ED_REVIEW_REPRESENTATION_COL_FROM_WHOM] =
    g_variant_new_take_string (g_strstrip (g_strdup (representation->from_whom)));
  values[ED_REVIEW_REPRESENTATION_COL_KIND] =
    g_variant_new_string (ed_representation_kind_to_string (representation->kind));
  values[ED_REVIEW_REPRESENTATION_COL_RECEIVED_ON] =
    g_variant_new_take_string (date_text (&representation->received_on));
  values[ED_REVIEW_REPRESENTATION_COL_POLLING_DISTRICT] = g_variant_new_string (district);
  values[ED_REVIEW_REPRESENTATION_COL_PLACE] = g_variant_new_string (place != NULL ? place : "");
  values[ED_REVIEW_REPRESENTATION_COL_BODY] = g_variant_new_string (representation->body);
  values[ED_REVIEW_REPRESENTATION_COL_RESPONSE] =
    g_variant_new_string (representation->response != NULL ? representation->response : "");
  return TRUE;
}

static void
values_clear (GVariant **values,
              guint      n)
{
  for (guint c = 0; c < n; c++)
    if (values[c] != NULL)
      g_variant_unref (g_variant_ref_sink (values[c]));
}

/**
 * ed_review_representation_add:
 * @context: the district
 * @representation: the representation: its review, who made it and what they are, when it was
 *   received, the district's code or the place's name it is about (or neither), what it says,
 *   and any response so far
 * @error: return location for an error
 *
 * Records a representation made to a review. Refused with a message that names the field: a
 * missing name or text, text over the limits of ed-stations-tables.h or with control
 * characters, a date in the future or before the review started, an unknown district or
 * place.
 *
 * Returns: (transfer full): its row id, or %NULL
 */
char *
ed_review_representation_add (EdContext                     *context,
                              const EdReviewRepresentation  *representation,
                              GError                       **error)
{
  const char *columns[ED_REVIEW_REPRESENTATION_N_COLS];
  GVariant *values[ED_REVIEW_REPRESENTATION_N_COLS] = { NULL, };
  g_autoptr(EdChangeSet) change_set = NULL;
  char *id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (representation != NULL && representation->review != NULL, NULL);

  if (!representation_values (context, representation, values, error))
    {
      values_clear (values, ED_REVIEW_REPRESENTATION_N_COLS);
      return NULL;
    }
  column_names (&ed_review_representation_table, columns);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    {
      values_clear (values, ED_REVIEW_REPRESENTATION_N_COLS);
      return NULL;
    }
  if (!ed_change_set_insert (change_set, ed_review_representation_table.name, NULL, columns,
                             values, ED_REVIEW_REPRESENTATION_N_COLS, &id, error) ||
      !ed_change_set_commit (change_set, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

static const char representation_row_sql[] =
  "SELECT review, from_whom, kind, received_on, polling_district, place, body, response "
  "FROM review_representation WHERE id = ?1";

/**
 * ed_review_representation_update:
 * @context: the district
 * @representation: the representation as it is to be, with its @id
 * @error: return location for an error
 *
 * Stores an edited representation (a response added, say), checked as
 * ed_review_representation_add() checks a new one; only the columns that changed are written.
 *
 * Returns: whether it was stored
 */
gboolean
ed_review_representation_update (EdContext                     *context,
                                 const EdReviewRepresentation  *representation,
                                 GError                       **error)
{
  GVariant *values[ED_REVIEW_REPRESENTATION_N_COLS] = { NULL, };
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EdChangeSet) change_set = NULL;
  EdDatabase *database;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (representation != NULL && representation->id != NULL, FALSE);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, representation_row_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, representation->id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    for (guint c = 0; c < ED_REVIEW_REPRESENTATION_N_COLS; c++)
      g_ptr_array_add (old, column_dup (stmt, (int)c));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ED_REVIEW_ERROR, ED_REVIEW_ERROR_NOT_FOUND,
                           _("There is no such representation"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  if (!representation_values (context, representation, values, error))
    goto out;
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    goto out;
  for (guint c = 0; c < ED_REVIEW_REPRESENTATION_N_COLS; c++)
    if (!set_if_changed (change_set, ed_review_representation_table.name, representation->id,
                         ed_review_representation_table.columns[c].name,
                         g_ptr_array_index (old, c), g_variant_get_string (values[c], NULL),
                         error))
      goto out;
  ok = ed_change_set_commit (change_set, error);
out:
  values_clear (values, ED_REVIEW_REPRESENTATION_N_COLS);
  return ok;
}

/* ---- proposals --------------------------------------------------------------------------- */

static const char proposals_sql[] =
  "SELECT id, review, polling_district, action, proposed_place, reason "
  "FROM review_proposal WHERE review = ?1 ORDER BY polling_district, id";

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  const EdReviewProposal *one = *(EdReviewProposal * const *)a;
  const EdReviewProposal *other = *(EdReviewProposal * const *)b;
  int by_code = g_strcmp0 (one->polling_district_code, other->polling_district_code);

  return by_code != 0 ? by_code : g_strcmp0 (one->id, other->id);
}

/**
 * ed_review_proposal_list:
 * @context: the district
 * @review: the review's row id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EdReviewProposal): what @review proposes, district by
 *   district, in the order of their codes
 */
GPtrArray *
ed_review_proposal_list (EdContext   *context,
                         const char  *review,
                         GError     **error)
{
  EdDatabase *database;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  database = ed_context_get_database (context);
  stmt = ed_database_cached (database, proposals_sql, error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_review_proposal_free);
  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdReviewProposal *proposal = g_new0 (EdReviewProposal, 1);

      proposal->id = column_dup (stmt, 0);
      proposal->review = column_dup (stmt, 1);
      proposal->polling_district = column_dup (stmt, 2);
      if (!ed_proposal_action_from_string ((const char *)sqlite3_column_text (stmt, 3),
                                           &proposal->action, NULL))
        proposal->action = ED_PROPOSAL_CHANGE;
      g_ptr_array_add (places, column_dup (stmt, 4));
      proposal->reason = column_dup (stmt, 5);
      g_ptr_array_add (out, proposal);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  for (guint i = 0; i < out->len; i++)
    {
      EdReviewProposal *proposal = g_ptr_array_index (out, i);

      proposal->polling_district_code = district_code (context, proposal->polling_district);
      proposal->proposed_place_name = place_name (context, g_ptr_array_index (places, i));
    }
  g_ptr_array_sort (out, compare_proposals);
  return g_steal_pointer (&out);
}

/**
 * ed_review_proposal_set:
 * @context: the district
 * @review: the review's row id
 * @polling_district_code: the polling district's code
 * @action: keep the district and its place as they are, or change them
 * @proposed_place_name: (nullable): with %ED_PROPOSAL_CHANGE, the polling place proposed,
 *   if the change is of place
 * @reason: why; needed for a change
 * @error: return location for an error
 *
 * Records what @review proposes for a polling district, replacing what it proposed before: a
 * review makes one proposal a district.
 *
 * Returns: (transfer full): the proposal's row id, or %NULL
 */
char *
ed_review_proposal_set (EdContext         *context,
                        const char        *review,
                        const char        *polling_district_code,
                        EdProposalAction   action,
                        const char        *proposed_place_name,
                        const char        *reason,
                        GError           **error)
{
  g_autoptr(EdStationReview) found = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *district = NULL;
  g_autofree char *place = NULL;
  EdReviewProposal *existing = NULL;
  const char *text = reason != NULL ? reason : "";
  char *id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (review != NULL && polling_district_code != NULL, NULL);
  g_return_val_if_fail (action < ED_N_PROPOSAL_ACTIONS, NULL);

  if (!check_text (_("Reason"), text, ED_STATIONS_TEXT_MAX_CHARS, action == ED_PROPOSAL_CHANGE,
                   TRUE, error))
    return NULL;
  if (action == ED_PROPOSAL_KEEP && proposed_place_name != NULL &&
      proposed_place_name[0] != '\0')
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("A proposal to keep a district as it is names no new place; "
                             "propose a change to move its polling place"));
      return NULL;
    }
  if ((found = ed_station_review_get (context, review, error)) == NULL)
    return NULL;
  if (polling_district_code[0] == '\0')
    {
      g_set_error_literal (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                           _("A proposal is for a polling district: give its code"));
      return NULL;
    }
  if ((district = find_district (context, polling_district_code, error)) == NULL)
    return NULL;
  if (proposed_place_name != NULL && proposed_place_name[0] != '\0' &&
      (place = find_place (context, proposed_place_name, error)) == NULL)
    return NULL;
  if (place == NULL)
    place = g_strdup ("");
  if ((proposals = ed_review_proposal_list (context, review, error)) == NULL)
    return NULL;
  for (guint i = 0; i < proposals->len && existing == NULL; i++)
    if (g_str_equal (((EdReviewProposal *)g_ptr_array_index (proposals, i))->polling_district,
                     district))
      existing = g_ptr_array_index (proposals, i);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return NULL;
  if (existing != NULL)
    {
      const char *table = ed_review_proposal_table.name;

      if (!ed_change_set_set (change_set, table, existing->id, "action",
                              g_variant_new_string (ed_proposal_action_to_string (action)),
                              error) ||
          !ed_change_set_set (change_set, table, existing->id, "proposed_place",
                              g_variant_new_string (place), error) ||
          !ed_change_set_set (change_set, table, existing->id, "reason",
                              g_variant_new_string (text), error))
        return NULL;
      id = g_strdup (existing->id);
    }
  else
    {
      const char *columns[ED_REVIEW_PROPOSAL_N_COLS];
      GVariant *values[ED_REVIEW_PROPOSAL_N_COLS];

      column_names (&ed_review_proposal_table, columns);
      values[ED_REVIEW_PROPOSAL_COL_REVIEW] = g_variant_new_string (review);
      values[ED_REVIEW_PROPOSAL_COL_POLLING_DISTRICT] = g_variant_new_string (district);
      values[ED_REVIEW_PROPOSAL_COL_ACTION] =
        g_variant_new_string (ed_proposal_action_to_string (action));
      values[ED_REVIEW_PROPOSAL_COL_PROPOSED_PLACE] = g_variant_new_string (place);
      values[ED_REVIEW_PROPOSAL_COL_REASON] = g_variant_new_string (text);
      if (!ed_change_set_insert (change_set, ed_review_proposal_table.name, NULL, columns,
                                 values, ED_REVIEW_PROPOSAL_N_COLS, &id, error))
        return NULL;
    }
  if (!ed_change_set_commit (change_set, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}
