/* ed-register-revise-preview.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the revised register would do (DOMAIN.md §1.1, §1.4), said before it is done: an
 * officer about to renumber the whole register wants the size of it and the changes it
 * publishes in front of them first. The counts follow ed_register_revise() exactly: the
 * changes determined by the day before publication and not yet published are published,
 * making pending additions current and removing pending deletions; every other pending
 * addition waits for the next notice. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "core/ed-database.h"
#include "core/ed-date.h"
#include "register/ed-register-notice-private.h"
#include "register/ed-register-revise-preview.h"
#include "register/ed-register-vocab.h"

/* The changes the revised register publishes, as _ed_register_notice_gather() reads them. */
static const char waiting_sql[] =
  "SELECT count(*) FROM register_alteration "
  "WHERE notice = '' AND determined_on <> '' AND determined_on <= :deadline";

/* Each elector as _ed_register_notice_resolve() and the renumbering will treat it. An
 * elector can be pending addition or pending deletion, not both, so no entry is counted as
 * both joining and leaving. */
static const char entries_sql[] =
  "WITH due AS ("
  "  SELECT elector, max (kind = :addition) AS adds, max (kind = :deletion) AS deletes "
  "  FROM register_alteration "
  "  WHERE notice = '' AND determined_on <> '' AND determined_on <= :deadline AND elector <> '' "
  "  GROUP BY elector), "
  "entry AS ("
  "  SELECT coalesce (d.code, e.number_prefix) AS part, "
  "    e.status = :pending_deletion AND coalesce (due.deletes, 0) AS leaving, "
  "    e.status = :pending_addition AND coalesce (due.adds, 0) AS joining, "
  "    e.status = :pending_addition AND NOT coalesce (due.adds, 0) AS waiting "
  "  FROM elector AS e "
  "  LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "  LEFT JOIN due ON due.elector = e.id) "
  "SELECT count (DISTINCT CASE WHEN NOT leaving THEN part END), "
  "  coalesce (sum (NOT leaving AND NOT waiting), 0), coalesce (sum (joining), 0), "
  "  coalesce (sum (leaving), 0), coalesce (sum (waiting), 0) "
  "FROM entry";

enum
{
  E_PARTS, E_ELECTORS, E_ADDED, E_DELETED, E_LEFT_PENDING,
};

/**
 * ed_register_revise_default_date:
 * @today: the current date
 * @out: (out): the next revised register's usual publication date
 *
 * The date to offer for the next revised register: 1 December of @today's year, or of the
 * next year once that day has passed (DOMAIN.md §1.4; see
 * ed_notice_timetable_default_revised_register_date()). 1 December itself is still that
 * year's: the register is published on the day.
 */
void
ed_register_revise_default_date (const GDate *today,
                                 GDate       *out)
{
  GDateYear year;

  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  year = g_date_get_year (today);
  ed_notice_timetable_default_revised_register_date (year, out);
  if (g_date_compare (today, out) > 0)
    ed_notice_timetable_default_revised_register_date (year + 1, out);
}

static gboolean
bind_and_step (EdDatabase    *database,
               sqlite3_stmt  *stmt,
               const char    *deadline,
               GError       **error)
{
  int rc;

  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":deadline"), deadline, -1,
                     SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), value, -1, SQLITE_STATIC);
}

/* The stored values entries_sql compares with. */
static void
bind_vocabulary (sqlite3_stmt *stmt)
{
  bind_named (stmt, ":addition", ed_alteration_kind_to_string (ED_ALTERATION_ADDITION));
  bind_named (stmt, ":deletion", ed_alteration_kind_to_string (ED_ALTERATION_DELETION));
  bind_named (stmt, ":pending_addition",
              ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_ADDITION));
  bind_named (stmt, ":pending_deletion",
              ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_DELETION));
}

/**
 * ed_register_revise_preview:
 * @context: the district
 * @publication: the day the revised register would be published
 * @out: (out) (optional): its dates and what it would do
 * @error: return location for an error
 *
 * What ed_register_revise() would do on @publication, as the register stands. It refuses
 * what that refuses before it writes anything: a date whose cut-offs leave the years the
 * calendar covers, and a date on or before a revised register or notice already published.
 *
 * Returns: %TRUE if @out was filled in
 */
gboolean
ed_register_revise_preview (EdContext        *context,
                            const GDate      *publication,
                            EdRevisePreview  *out,
                            GError          **error)
{
  EdDatabase *database;
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(sqlite3_stmt) waiting = NULL;
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autofree char *deadline = NULL;
  EdRevisePreview preview = { 0 };

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  calendar = _ed_register_calendar (context, error);
  if (calendar == NULL ||
      !ed_notice_timetable_revised_register (calendar, publication, &preview.dates, error) ||
      !_ed_register_notice_check_order (context, publication, error))
    return FALSE;

  database = ed_context_get_database (context);
  deadline = ed_date_format_iso (&preview.dates.determination);
  waiting = ed_database_prepare (database, waiting_sql, error);
  if (waiting == NULL || !bind_and_step (database, waiting, deadline, error))
    return FALSE;
  preview.n_alterations = (guint)sqlite3_column_int64 (waiting, 0);

  entries = ed_database_prepare (database, entries_sql, error);
  if (entries == NULL)
    return FALSE;
  bind_vocabulary (entries);
  if (!bind_and_step (database, entries, deadline, error))
    return FALSE;
  preview.n_parts = (guint)sqlite3_column_int64 (entries, E_PARTS);
  preview.n_electors = (guint)sqlite3_column_int64 (entries, E_ELECTORS);
  preview.n_added = (guint)sqlite3_column_int64 (entries, E_ADDED);
  preview.n_deleted = (guint)sqlite3_column_int64 (entries, E_DELETED);
  preview.n_left_pending = (guint)sqlite3_column_int64 (entries, E_LEFT_PENDING);

  if (out != NULL)
    *out = preview;
  return TRUE;
}
