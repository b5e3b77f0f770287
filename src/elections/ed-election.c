/* ed-election.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Elections and their contests read back: one poll, the district's polls, the polls of a
 * combination, and each poll's calendar and timetable. Adding a poll is in
 * ed-election-add.c, and what is recorded about it afterwards in ed-election-edit.c. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "elections/ed-election.h"
#include "elections/ed-election-private.h"
#include "elections/ed-elections-tables.h"
#include "register/ed-register-tables.h"

/* The three ways polls are read: every one, one by its id or row id, and a combination by its
 * first poll's row id; the latest first, and the first of a combination before the rest. */
#define ELECTION_SELECT \
  "SELECT id, kind, country, poll_date, title, slug, combined_with, second_interim_date, " \
  "count_date, cards_requested, electorate_fixed_on, notes FROM election "
#define ELECTION_ORDER " ORDER BY poll_date DESC, combined_with != '', slug, id"

static const char all_elections_sql[] = ELECTION_SELECT ELECTION_ORDER;
static const char one_election_sql[] =
  ELECTION_SELECT "WHERE slug = ?1 OR id = ?1" ELECTION_ORDER;
static const char combination_sql[] =
  ELECTION_SELECT "WHERE id = ?1 OR combined_with = ?1" ELECTION_ORDER;

static const char contests_sql[] =
  "SELECT c.id, c.area_kind, c.area, c.name, c.seats, c.contested, c.slug, c.fixed_electorate, "
  "       coalesce (a.code, p.code, c.area) "
  "FROM contest AS c "
  "LEFT JOIN electoral_area AS a ON c.area_kind = 'ward' AND a.id = c.area "
  "LEFT JOIN parish AS p ON c.area_kind = 'parish' AND p.id = c.area "
  "WHERE c.election = ?1 ORDER BY c.name, c.id";

void
ed_contest_free (EdContest *contest)
{
  if (contest == NULL)
    return;
  g_free (contest->id);
  g_free (contest->area);
  g_free (contest->code);
  g_free (contest->name);
  g_free (contest->slug);
  g_free (contest);
}

void
ed_election_free (EdElection *election)
{
  if (election == NULL)
    return;
  g_free (election->id);
  g_free (election->title);
  g_free (election->slug);
  g_free (election->combined_with);
  g_free (election->notes);
  g_clear_pointer (&election->contests, g_ptr_array_unref);
  g_free (election);
}

void
ed_timetable_task_free (EdTimetableTask *task)
{
  if (task == NULL)
    return;
  g_free (task->assignee);
  g_free (task->note);
  g_free (task);
}

const char *
_ed_election_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* A stored date, or a cleared one for "" (and for anything else: the merge keeps dates
 * well formed, so nothing else is expected). */
void
_ed_election_column_date (sqlite3_stmt *stmt,
                          int           column,
                          GDate        *out)
{
  g_date_clear (out, 1);
  if (!ed_date_parse_iso (_ed_election_column_text (stmt, column), out, NULL))
    g_date_clear (out, 1);
}

static gboolean
load_contests (EdContext   *context,
               EdElection  *election,
               GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, contests_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, election->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdContest *contest = g_new0 (EdContest, 1);

      contest->id = g_strdup (_ed_election_column_text (stmt, 0));
      if (!ed_contest_area_from_string (_ed_election_column_text (stmt, 1), &contest->area_kind, NULL))
        contest->area_kind = ED_CONTEST_AREA_WHOLE;
      contest->area = g_strdup (_ed_election_column_text (stmt, 2));
      contest->name = g_strdup (_ed_election_column_text (stmt, 3));
      contest->seats = (guint)CLAMP (sqlite3_column_int64 (stmt, 4), 0, G_MAXUINT);
      contest->contested = sqlite3_column_int64 (stmt, 5) != 0;
      contest->slug = g_strdup (_ed_election_column_text (stmt, 6));
      contest->fixed_electorate = sqlite3_column_int64 (stmt, 7);
      contest->code = g_strdup (_ed_election_column_text (stmt, 8));
      g_ptr_array_add (election->contests, contest);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static EdElection *
election_from_row (sqlite3_stmt *stmt)
{
  EdElection *election = g_new0 (EdElection, 1);

  election->id = g_strdup (_ed_election_column_text (stmt, 0));
  if (!ed_election_kind_from_string (_ed_election_column_text (stmt, 1), &election->kind, NULL))
    election->kind = ED_ELECTION_LOCAL;
  if (!ed_country_from_string (_ed_election_column_text (stmt, 2), &election->country))
    election->country = ED_COUNTRY_ENGLAND;
  _ed_election_column_date (stmt, 3, &election->poll);
  election->title = g_strdup (_ed_election_column_text (stmt, 4));
  election->slug = g_strdup (_ed_election_column_text (stmt, 5));
  election->combined_with = g_strdup (_ed_election_column_text (stmt, 6));
  _ed_election_column_date (stmt, 7, &election->second_interim);
  _ed_election_column_date (stmt, 8, &election->count_date);
  election->cards_requested = sqlite3_column_int64 (stmt, 9) != 0;
  _ed_election_column_date (stmt, 10, &election->electorate_fixed_on);
  election->notes = g_strdup (_ed_election_column_text (stmt, 11));
  election->contests = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_contest_free);
  return election;
}

/* Elections whose poll date is not a date are left out of lists: the merge keeps dates well
 * formed, so only a hand-edited file could hold one. */
static GPtrArray *
load_elections (EdContext   *context,
                const char  *sql,
                const char  *value,
                GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, sql, error);
  g_autoptr(GPtrArray) elections =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_election_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdElection *election = election_from_row (stmt);

      if (!g_date_valid (&election->poll))
        {
          ed_election_free (election);
          continue;
        }
      g_ptr_array_add (elections, election);
      if (!load_contests (context, election, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&elections);
}

/**
 * ed_election_list:
 * @context: the district
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdElection): every election with its contests,
 *   the latest poll first
 */
GPtrArray *
ed_election_list (EdContext  *context,
                  GError    **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  return load_elections (context, all_elections_sql, NULL, error);
}

/**
 * ed_election_load:
 * @context: the district
 * @id_or_slug: an election's id (`local.ashmere-vale.2027-05-06`) or row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the election, or %NULL with %G_IO_ERROR_NOT_FOUND
 */
EdElection *
ed_election_load (EdContext   *context,
                  const char  *id_or_slug,
                  GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (id_or_slug != NULL, NULL);

  found = load_elections (context, one_election_sql, id_or_slug, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is what was typed to name an election */
                   _("No election is called “%s”; “election list” shows them."), id_or_slug);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * ed_election_is_combined:
 * @election: an election
 *
 * Returns: %TRUE if it is the second or later poll of a combination. The first poll of a
 *   combination is not marked; ed_election_load_combination() finds the others.
 */
gboolean
ed_election_is_combined (EdElection *election)
{
  g_return_val_if_fail (election != NULL, FALSE);

  return *election->combined_with != '\0';
}

/**
 * ed_election_count_contested:
 * @election: an election
 *
 * Returns: how many of its contests hold a poll
 */
guint
ed_election_count_contested (EdElection *election)
{
  guint n = 0;

  g_return_val_if_fail (election != NULL, 0);

  for (guint i = 0; i < election->contests->len; i++)
    n += ((EdContest *)g_ptr_array_index (election->contests, i))->contested;
  return n;
}

/**
 * ed_election_load_combination:
 * @context: the district
 * @election: one poll
 * @error: return location for an error
 *
 * The polls taken together with @election, which share its poll cards, stations and staff:
 * the first of the combination, then the others by id. A poll on its own is a combination of
 * one.
 *
 * Returns: (transfer container) (element-type EdElection): the polls, @election's own row
 *   among them (loaded afresh)
 */
GPtrArray *
ed_election_load_combination (EdContext   *context,
                              EdElection  *election,
                              GError     **error)
{
  const char *root;
  g_autoptr(GPtrArray) polls = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  root = ed_election_is_combined (election) ? election->combined_with : election->id;
  polls = load_elections (context, combination_sql, root, error);
  if (polls == NULL)
    return NULL;
  /* The first poll first, whatever the dates say. */
  for (guint i = 0; i < polls->len; i++)
    {
      EdElection *poll = g_ptr_array_index (polls, i);

      if (g_str_equal (poll->id, root) && i > 0)
        {
          g_ptr_array_steal_index (polls, i);
          g_ptr_array_insert (polls, 0, poll);
          break;
        }
    }
  if (polls->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No election is called “%s”; “election list” shows them."),
                   election->slug);
      return NULL;
    }
  return g_steal_pointer (&polls);
}

static const char dies_non_sql[] = "SELECT day, reason FROM extra_dies_non ORDER BY day, id";

void
ed_extra_dies_non_free (EdExtraDiesNon *dies_non)
{
  if (dies_non == NULL)
    return;
  g_free (dies_non->reason);
  g_free (dies_non);
}

/**
 * ed_extra_dies_non_list:
 * @context: the district
 * @error: return location for an error
 *
 * The days of thanksgiving or mourning every timetable of the district skips. Two desks can
 * each add the same day before they sync: it is listed once, with the reason the timetables
 * give it.
 *
 * Returns: (transfer container) (element-type EdExtraDiesNon): the days, the earliest first,
 *   or %NULL with @error set
 */
GPtrArray *
ed_extra_dies_non_list (EdContext  *context,
                        GError    **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) days =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_extra_dies_non_free);
  EdExtraDiesNon *last = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  database = ed_replica_get_database (ED_REPLICA (context));
  stmt = ed_database_prepare (database, dies_non_sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reason = _ed_election_column_text (stmt, 1);
      GDate day;

      /* The merge keeps dates well formed: only a hand-edited file holds another. */
      _ed_election_column_date (stmt, 0, &day);
      if (!g_date_valid (&day))
        continue;
      if (last == NULL || g_date_compare (&last->day, &day) != 0)
        {
          last = g_new0 (EdExtraDiesNon, 1);
          last->day = day;
          last->reason = g_strdup (_("Day of mourning"));
          g_ptr_array_add (days, last);
        }
      /* Of two rows for a day, the later one's reason, as a calendar given each in turn
       * keeps it. */
      if (*reason != '\0')
        {
          g_free (last->reason);
          last->reason = g_strdup (reason);
        }
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

/* The district's days of thanksgiving or mourning, added to @calendar. A day the calendar does
 * not cover has no timetable to move. */
static gboolean
add_extra_dies_non (EdContext   *context,
                    EdCalendar  *calendar,
                    GError     **error)
{
  g_autoptr(GPtrArray) days = ed_extra_dies_non_list (context, error);

  if (days == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      EdExtraDiesNon *dies_non = g_ptr_array_index (days, i);

      if (ed_calendar_covers_date (calendar, &dies_non->day, NULL))
        ed_calendar_add_dies_non (calendar, &dies_non->day, dies_non->reason, NULL);
    }
  return TRUE;
}

EdCalendar *
_ed_election_calendar_for (EdContext       *context,
                           EdElectionKind   kind,
                           EdCountry        country,
                           GError         **error)
{
  g_autoptr(EdCalendar) calendar = ed_election_calendar_new (kind, country, error);

  if (calendar == NULL || !add_extra_dies_non (context, calendar, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

/**
 * ed_election_get_calendar:
 * @context: the district
 * @election: an election
 * @error: return location for an error
 *
 * Returns: (transfer full): the working days its timetable counts, with the district's days
 *   of thanksgiving or mourning
 */
EdCalendar *
ed_election_get_calendar (EdContext   *context,
                          EdElection  *election,
                          GError     **error)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  return _ed_election_calendar_for (context, election->kind, election->country, error);
}

/**
 * ed_election_get_timetable:
 * @context: the district
 * @election: an election
 * @error: return location for an error
 *
 * Returns: (transfer full): its statutory dates, counted afresh
 */
EdTimetable *
ed_election_get_timetable (EdContext   *context,
                           EdElection  *election,
                           GError     **error)
{
  g_autoptr(EdCalendar) calendar = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  calendar = ed_election_get_calendar (context, election, error);
  if (calendar == NULL)
    return NULL;
  return ed_timetable_compute (calendar, election->kind, election->country, &election->poll,
                               g_date_valid (&election->second_interim)
                                 ? &election->second_interim : NULL,
                               g_date_valid (&election->count_date)
                                 ? &election->count_date : NULL,
                               error);
}
