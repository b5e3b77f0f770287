/* ed-election-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What is recorded about a poll once it is added: the timetable's checklist, the ERO's day for
 * the second interim notice, a contest's seats and whether it is contested, and the days every
 * timetable skips, added and taken away. */

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

static const char tasks_sql[] =
  "SELECT id, event, assignee, done_on, note FROM timetable_task "
  "WHERE election = ?1 ORDER BY event, id";

/**
 * ed_election_get_tasks:
 * @context: the district
 * @election: an election
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type EdTimetableTask): its checklist, one task per
 *   step with a row (two desks' first rows for one step read as the first by id)
 */
GPtrArray *
ed_election_get_tasks (EdContext   *context,
                       EdElection  *election,
                       GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, tasks_sql, error);
  g_autoptr(GPtrArray) tasks =
    g_ptr_array_new_with_free_func ((GDestroyNotify)ed_timetable_task_free);
  gboolean seen[ED_N_TIMETABLE_EVENTS] = { FALSE, };
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, election->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EdTimetableTask *task;
      EdTimetableEvent event;

      if (!ed_timetable_event_from_string (_ed_election_column_text (stmt, 1), &event, NULL) || seen[event])
        continue;
      seen[event] = TRUE;
      task = g_new0 (EdTimetableTask, 1);
      task->event = event;
      task->assignee = g_strdup (_ed_election_column_text (stmt, 2));
      _ed_election_column_date (stmt, 3, &task->done_on);
      task->note = g_strdup (_ed_election_column_text (stmt, 4));
      g_ptr_array_add (tasks, task);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

/**
 * ed_election_set_task:
 * @context: the district
 * @election: an election
 * @event: a step of its timetable
 * @assignee: (nullable): who does it, or %NULL to leave as it is
 * @done_on: (nullable): when it was done, a cleared date for not done, or %NULL to leave
 * @note: (nullable): free text, or %NULL to leave
 * @error: return location for an error
 *
 * Records a step of the checklist; the rows of two desks for one step are folded into one.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_set_task (EdContext         *context,
                      EdElection        *election,
                      EdTimetableEvent   event,
                      const char        *assignee,
                      const GDate       *done_on,
                      const char        *note,
                      GError           **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, tasks_sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *done_text = NULL;
  const char *table = ed_timetable_task_table.name;
  const char *event_text = ed_timetable_event_to_string (event);
  int rc;

  g_return_val_if_fail (election != NULL, FALSE);

  if ((assignee != NULL && !ed_register_text_check (assignee, ED_ELECTIONS_TITLE_MAX_CHARS,
                                                    error)) ||
      (note != NULL && !ed_register_text_check (note, ED_ELECTIONS_TEXT_MAX_CHARS, error)))
    return FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, election->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (g_str_equal (_ed_election_column_text (stmt, 1), event_text))
      g_ptr_array_add (ids, g_strdup (_ed_election_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  done_text = done_on == NULL ? NULL
              : g_date_valid (done_on) ? ed_date_format_iso (done_on) : g_strdup ("");

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  if (ids->len == 0)
    {
      const char *columns[] = { "election", "event", "assignee", "done_on", "note" };
      GVariant *values[] = {
        g_variant_new_string (election->id), g_variant_new_string (event_text),
        g_variant_new_string (assignee != NULL ? assignee : ""),
        g_variant_new_string (done_text != NULL ? done_text : ""),
        g_variant_new_string (note != NULL ? note : ""),
      };

      if (!ed_change_set_insert (change_set, table, NULL, columns, values,
                                 G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }
  else
    {
      const char *id = g_ptr_array_index (ids, 0);

      if ((assignee != NULL &&
           !ed_change_set_set (change_set, table, id, "assignee",
                               g_variant_new_string (assignee), error)) ||
          (done_text != NULL &&
           !ed_change_set_set (change_set, table, id, "done_on",
                               g_variant_new_string (done_text), error)) ||
          (note != NULL &&
           !ed_change_set_set (change_set, table, id, "note", g_variant_new_string (note),
                               error)))
        return FALSE;
      for (guint i = 1; i < ids->len; i++)
        if (!ed_change_set_delete (change_set, table, g_ptr_array_index (ids, i), error))
          return FALSE;
    }
  return ed_change_set_commit (change_set, error);
}

/**
 * ed_election_set_second_interim:
 * @context: the district
 * @election: an election
 * @day: (nullable): the day the ERO chose for the second interim notice, or %NULL for the
 *   default, midway between the first and the final
 * @error: return location for an error
 *
 * Returns: %TRUE on success; %FALSE with the election unchanged when @day does not fall
 *   strictly between the first and final notices
 */
gboolean
ed_election_set_second_interim (EdContext    *context,
                                EdElection   *election,
                                const GDate  *day,
                                GError      **error)
{
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(EdTimetable) timetable = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (election != NULL, FALSE);

  calendar = ed_election_get_calendar (context, election, error);
  if (calendar == NULL)
    return FALSE;
  timetable = ed_timetable_compute (calendar, election->kind, election->country,
                                    &election->poll, day, NULL, error);
  if (timetable == NULL)
    return FALSE;
  text = day != NULL ? ed_date_format_iso (day) : g_strdup ("");
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL ||
      !ed_change_set_set (change_set, ed_election_table.name, election->id,
                          "second_interim_date", g_variant_new_string (text), error) ||
      !ed_change_set_commit (change_set, error))
    return FALSE;
  if (day != NULL)
    election->second_interim = *day;
  else
    g_date_clear (&election->second_interim, 1);
  return TRUE;
}

/**
 * ed_election_set_cards_requested:
 * @context: the district
 * @election: an election
 * @requested: whether poll cards are sent for it
 * @error: return location for an error
 *
 * Records whether a Welsh community council asked for poll cards, which are sent only if it
 * did, by 4pm on the 19th day before the poll (DOMAIN.md §2.1; anonymous electors always get
 * one). Every other poll sends cards, so this is refused for them.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_set_cards_requested (EdContext   *context,
                                 EdElection  *election,
                                 gboolean     requested,
                                 GError     **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);

  if (election->kind != ED_ELECTION_PARISH || election->country != ED_COUNTRY_WALES)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("Only a Welsh community council chooses whether poll cards are sent; "
                     "every other poll sends them."));
      return FALSE;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL ||
      !ed_change_set_set (change_set, ed_election_table.name, election->id, "cards_requested",
                          g_variant_new_boolean (requested), error) ||
      !ed_change_set_commit (change_set, error))
    return FALSE;
  election->cards_requested = requested;
  return TRUE;
}

/**
 * ed_contest_set_contested:
 * @context: the district
 * @contest_id: a contest's row id
 * @contested: %FALSE when no more candidates stood than there are seats
 * @error: return location for an error
 *
 * Records whether a poll is held in a contest's area: once nominations close, an area where no
 * more stood than there are seats is uncontested, its candidates are declared elected, and no
 * card is sent for it.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_contest_set_contested (EdContext   *context,
                          const char  *contest_id,
                          gboolean     contested,
                          GError     **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (contest_id != NULL, FALSE);

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         ed_change_set_set (change_set, ed_contest_table.name, contest_id, "contested",
                            g_variant_new_boolean (contested), error) &&
         ed_change_set_commit (change_set, error);
}

/**
 * ed_contest_set_seats:
 * @context: the district
 * @contest_id: a contest's row id
 * @seats: the seats to fill, from 1 to 99
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
ed_contest_set_seats (EdContext   *context,
                      const char  *contest_id,
                      guint        seats,
                      GError     **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (contest_id != NULL, FALSE);

  if (seats < 1 || seats > ED_ELECTIONS_MAX_SEATS)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   _("Expected the seats as a whole number from 1 to 99."));
      return FALSE;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         ed_change_set_set (change_set, ed_contest_table.name, contest_id, "seats",
                            g_variant_new_int64 (seats), error) &&
         ed_change_set_commit (change_set, error);
}

/**
 * ed_extra_dies_non_add:
 * @context: the district
 * @day: a day of thanksgiving or mourning
 * @reason: what people read beside a date it moves: "National day of mourning"
 * @error: return location for an error
 *
 * Adds a day every election timetable of the district skips (DOMAIN.md §8, dies non). Such
 * days are proclaimed at short notice; every timetable counted afterwards moves.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_extra_dies_non_add (EdContext    *context,
                       const GDate  *day,
                       const char   *reason,
                       GError      **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *text = NULL;
  const char *columns[] = { "day", "reason" };
  GVariant *values[2];

  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!ed_register_text_check (reason, ED_ELECTIONS_TITLE_MAX_CHARS, error))
    return FALSE;
  if (*reason == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Expected the reason the day is skipped, such as “National day of "
                     "mourning”."));
      return FALSE;
    }
  text = ed_date_format_iso (day);
  values[0] = g_variant_new_string (text);
  values[1] = g_variant_new_string (reason);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  return change_set != NULL &&
         ed_change_set_insert (change_set, ed_extra_dies_non_table.name, NULL, columns, values,
                               G_N_ELEMENTS (values), NULL, error) &&
         ed_change_set_commit (change_set, error);
}

static const char dies_non_on_sql[] = "SELECT id FROM extra_dies_non WHERE day = ?1 ORDER BY id";

/**
 * ed_extra_dies_non_remove:
 * @context: the district
 * @day: a day ed_extra_dies_non_list() gives
 * @error: return location for an error
 *
 * Stops every timetable of the district skipping @day, a day added by mistake or a
 * proclamation withdrawn: the dates counted over it move back. Every row for the day goes,
 * those two desks each added among them.
 *
 * Returns: %TRUE on success; %FALSE with %G_IO_ERROR_NOT_FOUND, and the district unchanged,
 *   when the district does not skip @day
 */
gboolean
ed_extra_dies_non_remove (EdContext    *context,
                          const GDate  *day,
                          GError      **error)
{
  EdDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *text = NULL;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  database = ed_replica_get_database (ED_REPLICA (context));
  stmt = ed_database_prepare (database, dies_non_on_sql, error);
  if (stmt == NULL)
    return FALSE;
  text = ed_date_format_iso (day);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (_ed_election_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  if (ids->len == 0)
    {
      g_autofree char *long_day = ed_date_format_long (day);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a date */
                   _("The district’s timetables do not skip %s."), long_day);
      return FALSE;
    }
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!ed_change_set_delete (change_set, ed_extra_dies_non_table.name,
                               g_ptr_array_index (ids, i), error))
      return FALSE;
  return ed_change_set_commit (change_set, error);
}
