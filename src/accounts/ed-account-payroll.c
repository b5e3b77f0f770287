/* ed-account-payroll.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Staff costs come into an account from the approved payroll (issue 17: "as entries, not
 * retyped"): each approved run of each poll of the combination, not yet brought in, becomes
 * one entry per cost head it pays under, its reversals netted in. The staff serve every poll
 * of the combination, so their pay is shared; the combined-poll supplements are the cost of
 * combining, and where parishes are recharged their additional cost only, those are what the
 * parish polls bear (DOMAIN.md §5.2). A canvasser's pay is the registration officer's cost and
 * stays out. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-private.h"
#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "staff/ed-payroll.h"

/* Whether the account holds an entry brought in from @run. */
static gboolean
run_brought_in (EdDatabase  *database,
                const char  *election_id,
                const char  *run_id,
                gboolean    *out_in,
                GError     **error)
{
  static const char sql[] =
    "SELECT 1 FROM account_entry WHERE pay_run = ?1 AND election = ?2 LIMIT 1";
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, run_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, election_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  *out_in = rc == SQLITE_ROW;
  return TRUE;
}

/* The polls of the combination as an entry's polls: every one, or its parish polls only. */
static char *
join_polls (GPtrArray *combination,
            gboolean   parishes_only)
{
  GString *joined = g_string_new (NULL);

  for (guint p = 0; p < combination->len; p++)
    {
      EdElection *poll = g_ptr_array_index (combination, p);

      if (parishes_only && poll->kind != ED_ELECTION_PARISH)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, poll->id);
    }
  return g_string_free (joined, FALSE);
}

/* One run's entries: its lines summed by head, the supplements apart. */
static gboolean
bring_in_run (EdContext     *context,
              EdChangeSet   *change_set,
              EdElection    *first,
              EdPayroll     *payroll,
              EdPayrollRun  *run,
              const char    *all_polls,
              const char    *supplement_polls,
              guint         *n_added,
              GError       **error)
{
  EdMoney by_head[ED_N_COST_HEADS] = { 0 };
  EdMoney supplements[ED_N_COST_HEADS] = { 0 };
  g_autofree char *day = ed_date_format_iso (&run->approved_on);
  g_autofree char *long_day = ed_date_format_long (&run->approved_on);

  for (guint i = 0; i < payroll->ledger->len; i++)
    {
      EdPayrollLine *line = g_ptr_array_index (payroll->ledger, i);

      if (g_strcmp0 (line->run, run->id) != 0 || line->cost_head == ED_COST_REGISTRATION)
        continue;
      if (line->element == ED_PAY_SUPPLEMENT)
        supplements[line->cost_head] += line->amount;
      else
        by_head[line->cost_head] += line->amount;
    }

  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    for (guint pass = 0; pass < 2; pass++)
      {
        EdMoney amount = pass == 0 ? by_head[h] : supplements[h];
        g_autofree char *description = NULL;
        g_autofree char *id = NULL;

        if (amount == 0)
          continue;
        description = pass == 0
          /* Translators: a cost head ("Staff at the count"), then an election's id, then a
           * date */
          ? g_strdup_printf (_("%s: the payroll of %s approved on %s"),
                             ed_cost_head_get_display_name (h), payroll->election->slug,
                             long_day)
          /* Translators: a cost head ("Staff at the count"), then an election's id, then a
           * date */
          : g_strdup_printf (_("%s, combined poll supplements: the payroll of %s approved on "
                               "%s"),
                             ed_cost_head_get_display_name (h), payroll->election->slug,
                             long_day);
        if ((id = _ed_account_insert_payroll_entry (context, change_set, first->id, h,
                                                    _("Payroll"), description, day, amount,
                                                    pass == 0 ? all_polls : supplement_polls,
                                                    run->id, error)) == NULL)
          return FALSE;
        (*n_added)++;
      }
  return TRUE;
}

/**
 * ed_account_bring_in_payroll:
 * @context: the district
 * @election_id: any poll of the account
 * @error: return location for an error
 *
 * Enters in the account every approved payroll run of its polls that it does not hold yet,
 * in one change set. A run is brought in once: a correction to the payroll is a later run,
 * which comes in as its own entries, its reversals netted.
 *
 * Returns: how many entries were added; 0 with %ED_ACCOUNT_ERROR_NOTHING_NEW when every
 *   approved run is in already, or with another error and the district as it was
 */
guint
ed_account_bring_in_payroll (EdContext   *context,
                             const char  *election_id,
                             GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdAccount) account = NULL;
  g_autoptr(GPtrArray) combination = NULL;
  g_autofree char *all_polls = NULL;
  g_autofree char *supplement_polls = NULL;
  gboolean has_parish = FALSE;
  guint n_runs = 0;
  guint n_added = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), 0);
  g_return_val_if_fail (election_id != NULL, 0);

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (account = ed_account_load (context, election_id, error)) == NULL ||
      (combination = ed_election_load_combination (context, account->election, error)) == NULL)
    return 0;
  for (guint p = 0; p < combination->len; p++)
    has_parish |= ((EdElection *)g_ptr_array_index (combination, p))->kind == ED_ELECTION_PARISH;
  all_polls = join_polls (combination, FALSE);
  supplement_polls = join_polls (combination, has_parish &&
                                 account->parish_recharge == ED_PARISH_RECHARGE_ADDITIONAL);

  for (guint p = 0; p < combination->len; p++)
    {
      EdElection *poll = g_ptr_array_index (combination, p);
      g_autoptr(EdPayroll) payroll = ed_payroll_load_approved (context, poll->id, error);

      if (payroll == NULL)
        return 0;
      for (guint r = 0; r < payroll->runs->len; r++)
        {
          EdPayrollRun *run = g_ptr_array_index (payroll->runs, r);
          gboolean in = FALSE;

          if (!run_brought_in (database, account->election->id, run->id, &in, error))
            return 0;
          if (in)
            continue;
          n_runs++;
          if (!bring_in_run (context, change_set, account->election, payroll, run, all_polls,
                             supplement_polls, &n_added, error))
            return 0;
        }
    }
  if (n_added == 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOTHING_NEW,
                           n_runs > 0
                             ? _("The approved payroll runs not yet in the account pay nothing "
                                 "an election’s account holds")
                             : _("Every approved payroll run of these polls is in the account "
                                 "already"));
      return 0;
    }
  if (!ed_change_set_commit (change_set, error))
    return 0;
  return n_added;
}
