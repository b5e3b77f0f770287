/* ed-account-edit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person records in an account: the entries of its ledger and their reversals, the
 * estimate by head, a parliamentary poll's maximum recoverable amounts, a local poll's fee
 * scale and how parish polls are recharged. Entries are written once and never edited or
 * deleted (SYNC.md §4.10); the figures are rows a person revises. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-private.h"
#include "accounts/ed-accounts-tables.h"
#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "core/ed-today.h"

G_DEFINE_QUARK (ed-account-error-quark, ed_account_error)

/* Stored text is NFC (DESIGN.md §4); text that is not UTF-8 is refused, naming the field. */
static char *
normalise_text (const char  *text,
                const char  *field,
                GError     **error)
{
  char *normal;

  if (text == NULL)
    return g_strdup ("");
  if ((normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC)) == NULL)
    {
      g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                   /* Translators: %s names a field: "supplier" */
                   _("The %s is not valid text"), field);
      return NULL;
    }
  return g_strstrip (normal);
}

static gboolean
check_amount (EdMoney      amount,
              const char  *field,
              GError     **error)
{
  if (amount >= ED_MONEY_MIN && amount <= ED_MONEY_MAX)
    return TRUE;
  g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
               /* Translators: %s names an amount: "net amount" */
               _("The %s is too large to record"), field);
  return FALSE;
}

/**
 * _ed_account_load_first_poll:
 * @context: the district
 * @election_id: any poll of an account, by id or row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the first poll of @election_id's combination, which names its
 *   account, or %NULL
 */
EdElection *
_ed_account_load_first_poll (EdContext   *context,
                             const char  *election_id,
                             GError     **error)
{
  g_autoptr(EdElection) election = ed_election_load (context, election_id, error);

  if (election == NULL)
    return NULL;
  if (election->combined_with[0] == '\0')
    return g_steal_pointer (&election);
  return ed_election_load (context, election->combined_with, error);
}

/**
 * _ed_account_latest_lock:
 * @database: the district's database
 * @election_id: the account's first poll's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the row id of the account's latest submission, or "" when it
 *   has none; %NULL on error
 */
char *
_ed_account_latest_lock (EdDatabase  *database,
                         const char  *election_id,
                         GError     **error)
{
  static const char sql[] =
    "SELECT id FROM account_lock WHERE election = ?1 ORDER BY id DESC LIMIT 1";
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, election_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    id = g_strdup ("");
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

/* The polls an entry serves as row ids, in the account's order, each once: every one must be
 * a poll of the same combination, whose first poll is returned in @out_first. */
static char *
resolve_polls (EdContext           *context,
               const char * const  *polls,
               EdElection         **out_first,
               GError             **error)
{
  g_autoptr(EdElection) first = NULL;
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree gboolean *chosen = NULL;

  if (polls == NULL || polls[0] == NULL)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("Say which poll the cost is for"));
      return NULL;
    }
  if ((first = _ed_account_load_first_poll (context, polls[0], error)) == NULL ||
      (combination = ed_election_load_combination (context, first, error)) == NULL)
    return NULL;
  chosen = g_new0 (gboolean, combination->len);
  for (guint i = 0; polls[i] != NULL; i++)
    {
      g_autoptr(EdElection) poll = ed_election_load (context, polls[i], error);
      gboolean found = FALSE;

      if (poll == NULL)
        return NULL;
      for (guint p = 0; p < combination->len; p++)
        if (g_str_equal (((EdElection *)g_ptr_array_index (combination, p))->id, poll->id))
          found = chosen[p] = TRUE;
      if (!found)
        {
          g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOT_IN_COMBINATION,
                       /* Translators: both %s are elections' ids */
                       _("%s is not combined with %s, so it cannot share a cost with it"),
                       poll->slug, first->slug);
          return NULL;
        }
    }
  for (guint p = 0; p < combination->len; p++)
    if (chosen[p])
      {
        if (joined->len > 0)
          g_string_append_c (joined, ' ');
        g_string_append (joined, ((EdElection *)g_ptr_array_index (combination, p))->id);
      }
  *out_first = g_steal_pointer (&first);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static const char * const entry_columns[] = {
  "election", "head", "supplier", "description", "invoice_number", "invoice_date", "net",
  "vat", "polls", "evidence", "pay_run", "reverses", "after_lock", "entered_on", "entered_by",
};
G_STATIC_ASSERT (G_N_ELEMENTS (entry_columns) == ED_ACCOUNT_ENTRY_N_COLS);

/* Writes one entry in @change_set; every text already normalised. */
static char *
insert_entry (EdContext    *context,
              EdChangeSet  *change_set,
              const char   *election_id,
              EdCostHead    head,
              const char   *supplier,
              const char   *description,
              const char   *invoice_number,
              const char   *invoice_date,
              EdMoney       net,
              EdMoney       vat,
              const char   *polls,
              EdEvidence    evidence,
              const char   *pay_run,
              const char   *reverses,
              GError      **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autofree char *after_lock = _ed_account_latest_lock (database, election_id, error);
  g_autofree char *today_text = NULL;
  const char *by = ed_context_get_user_name (context);
  char *row_id = NULL;
  GDate today;

  if (after_lock == NULL)
    return NULL;
  ed_today (&today);
  today_text = ed_date_format_iso (&today);
  {
    GVariant *values[] = {
      g_variant_new_string (election_id),
      g_variant_new_string (ed_cost_head_to_string (head)),
      g_variant_new_string (supplier),
      g_variant_new_string (description),
      g_variant_new_string (invoice_number),
      g_variant_new_string (invoice_date),
      g_variant_new_int64 (net),
      g_variant_new_int64 (vat),
      g_variant_new_string (polls),
      g_variant_new_string (ed_evidence_to_string (evidence)),
      g_variant_new_string (pay_run),
      g_variant_new_string (reverses),
      g_variant_new_string (after_lock),
      g_variant_new_string (today_text),
      g_variant_new_string (by != NULL ? by : ""),
    };

    if (!ed_change_set_insert (change_set, ed_account_entry_table.name, NULL, entry_columns,
                               values, G_N_ELEMENTS (values), &row_id, error))
      return NULL;
  }
  return row_id;
}

/* For ed-account-payroll.c: an entry brought in from an approved payroll run. */
char *
_ed_account_insert_payroll_entry (EdContext    *context,
                                  EdChangeSet  *change_set,
                                  const char   *election_id,
                                  EdCostHead    head,
                                  const char   *supplier,
                                  const char   *description,
                                  const char   *invoice_date,
                                  EdMoney       amount,
                                  const char   *polls,
                                  const char   *pay_run,
                                  GError      **error)
{
  return insert_entry (context, change_set, election_id, head, supplier, description, "",
                       invoice_date, amount, 0, polls, ED_EVIDENCE_PAYROLL, pay_run, "", error);
}

/**
 * ed_account_add_entry:
 * @context: the district
 * @entry: the cost
 * @error: return location for an error
 *
 * Enters a cost in the account of the polls it serves, entered today by the desk's user. A
 * cost of the registration officer is not an election's and is refused, as is one with no
 * supplier or no amount.
 *
 * Returns: (transfer full): the new account_entry row's id, or %NULL with the district as it
 *   was
 */
char *
ed_account_add_entry (EdContext                *context,
                      const EdAccountEntryNew  *entry,
                      GError                  **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdElection) first = NULL;
  g_autofree char *polls = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *description = NULL;
  g_autofree char *invoice_number = NULL;
  g_autofree char *invoice_date = NULL;
  g_autofree char *row_id = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (entry->head >= ED_N_COST_HEADS || entry->evidence >= ED_N_EVIDENCE)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("The cost head or the evidence is not one the accounts know"));
      return NULL;
    }
  if (entry->head == ED_COST_REGISTRATION)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("Electoral registration is the registration officer’s cost, not "
                             "an election’s: it has no place in an election’s account"));
      return NULL;
    }
  if ((supplier = normalise_text (entry->supplier, _("supplier"), error)) == NULL ||
      (description = normalise_text (entry->description, _("description"), error)) == NULL ||
      (invoice_number = normalise_text (entry->invoice_number, _("invoice number"),
                                        error)) == NULL ||
      !check_amount (entry->net, _("net amount"), error) ||
      !check_amount (entry->vat, _("VAT"), error) ||
      !check_amount (entry->net + entry->vat, _("amount with VAT"), error))
    return NULL;
  if (*supplier == '\0')
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("Say who the cost is paid to: the supplier is empty"));
      return NULL;
    }
  if (entry->net == 0 && entry->vat == 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("The cost is nothing: give its net amount or its VAT"));
      return NULL;
    }
  invoice_date = entry->invoice_date != NULL && g_date_valid (entry->invoice_date)
                   ? ed_date_format_iso (entry->invoice_date)
                   : g_strdup ("");

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (polls = resolve_polls (context, entry->polls, &first, error)) == NULL ||
      (row_id = insert_entry (context, change_set, first->id, entry->head, supplier,
                              description, invoice_number, invoice_date, entry->net,
                              entry->vat, polls, entry->evidence, "", "", error)) == NULL ||
      !ed_change_set_commit (change_set, error))
    return NULL;
  return g_steal_pointer (&row_id);
}

/**
 * ed_account_reverse_entry:
 * @context: the district
 * @entry_id: the account_entry row id
 * @error: return location for an error
 *
 * Takes an entry back by a later one with its amounts negated (SYNC.md §4.10): the entry
 * stays, and the account shows both. An entry already reversed, or itself a reversal, is
 * refused.
 *
 * Returns: (transfer full): the reversing entry's row id, or %NULL with the district as it
 *   was
 */
char *
ed_account_reverse_entry (EdContext   *context,
                          const char  *entry_id,
                          GError     **error)
{
  static const char sql[] =
    "SELECT election, head, supplier, description, invoice_number, invoice_date, net, vat, "
    "       polls, evidence, reverses, "
    "       (SELECT count(*) FROM account_entry AS r WHERE r.reverses = e.id) "
    "FROM account_entry AS e WHERE id = ?1";
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *row_id = NULL;
  g_auto(GStrv) row = NULL;
  EdCostHead head;
  EdEvidence evidence;
  sqlite3_stmt *stmt;
  EdMoney net, vat;
  gint64 reversals;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (stmt = ed_database_cached (database, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entry_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (char *, 12);
      for (int c = 0; c < 11; c++)
        row[c] = g_strdup ((const char *)sqlite3_column_text (stmt, c));
      net = sqlite3_column_int64 (stmt, 6);
      vat = sqlite3_column_int64 (stmt, 7);
      reversals = sqlite3_column_int64 (stmt, 11);
    }
  else if (rc != SQLITE_DONE)
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NO_SUCH_ENTRY,
                     /* Translators: %s is an entry's id */
                     _("No entry of the accounts has the id “%s”"), entry_id);
      return NULL;
    }
  if (row[10][0] != '\0' || reversals > 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_REVERSED,
                           row[10][0] != '\0'
                             ? _("That entry is itself a reversal: enter the cost again "
                                 "instead")
                             : _("That entry is reversed already"));
      return NULL;
    }
  if (!ed_cost_head_from_string (row[1], &head, NULL) ||
      !ed_evidence_from_string (row[9], &evidence, NULL))
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_STORED,
                           _("That entry was written by a newer version of Electoral Desk"));
      return NULL;
    }
  if ((row_id = insert_entry (context, change_set, row[0], head, row[2], row[3], row[4], row[5],
                              -net, -vat, row[8], evidence, "", entry_id, error)) == NULL ||
      !ed_change_set_commit (change_set, error))
    return NULL;
  return g_steal_pointer (&row_id);
}

/* The row of each table of figures that counts: the lowest id for the election (?1) and, for
 * an estimate, the head (?2). */
static const char estimate_row_sql[] =
  "SELECT id FROM account_estimate WHERE election = ?1 AND head = ?2 ORDER BY id LIMIT 1";
static const char mra_row_sql[] =
  "SELECT id FROM account_mra WHERE election = ?1 ORDER BY id LIMIT 1";
static const char fee_scale_row_sql[] =
  "SELECT id FROM account_fee_scale WHERE election = ?1 ORDER BY id LIMIT 1";
static const char setup_row_sql[] =
  "SELECT id FROM account_setup WHERE election = ?1 ORDER BY id LIMIT 1";

/* Sets @columns of the row of @table that @find_sql finds for the election (and, for an
 * estimate, the head), or inserts it; two rows (two desks that set one figure offline) leave
 * the lower id's to count, so that row is the one revised. */
static gboolean
set_figure_row (EdContext           *context,
                const EdTableDef    *table,
                const char          *find_sql,
                const char          *election_id,
                const char          *head,
                const char * const  *columns,
                GVariant * const    *values,
                guint                n_values,
                GError             **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *row_id = NULL;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  /* Held here whatever happens, so that no path leaks one. */
  for (guint i = 0; i < n_values; i++)
    g_variant_ref_sink (values[i]);

  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (stmt = ed_database_cached (database, find_sql, error)) == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, election_id, -1, SQLITE_TRANSIENT);
  if (head != NULL)
    sqlite3_bind_text (stmt, 2, head, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto out;

  if (row_id == NULL)
    {
      if (!ed_change_set_insert (change_set, table->name, NULL, columns, values, n_values, NULL,
                                 error))
        goto out;
    }
  else
    {
      for (guint i = 0; i < n_values; i++)
        if (!ed_change_set_set (change_set, table->name, row_id, columns[i], values[i], error))
          goto out;
    }
  ok = ed_change_set_commit (change_set, error);

out:
  for (guint i = 0; i < n_values; i++)
    g_variant_unref (values[i]);
  return ok;
}

/**
 * ed_account_set_estimate:
 * @context: the district
 * @election_id: any poll of the account
 * @head: the cost head
 * @amount: the estimate, in pence
 * @error: return location for an error
 *
 * Sets the account's estimate for a head, for the run-up's budget against actual and the
 * advance of a parliamentary poll.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_account_set_estimate (EdContext   *context,
                         const char  *election_id,
                         EdCostHead   head,
                         EdMoney      amount,
                         GError     **error)
{
  static const char * const columns[] = { "election", "head", "amount" };
  g_autoptr(EdElection) first = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (head < ED_N_COST_HEADS, FALSE);

  if (amount < 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("An estimate cannot be less than nothing"));
      return FALSE;
    }
  if (!check_amount (amount, _("estimate"), error) ||
      (first = _ed_account_load_first_poll (context, election_id, error)) == NULL)
    return FALSE;
  {
    GVariant *values[] = {
      g_variant_new_string (first->id),
      g_variant_new_string (ed_cost_head_to_string (head)),
      g_variant_new_int64 (amount),
    };

    return set_figure_row (context, &ed_account_estimate_table, estimate_row_sql,
                           first->id, ed_cost_head_to_string (head), columns, values,
                           G_N_ELEMENTS (values), error);
  }
}

/**
 * ed_account_set_mra:
 * @context: the district
 * @election_id: the UK Parliamentary poll, by id or row id
 * @mra: its row of the charges order
 * @source: (nullable): the order: "SI 2024/693"
 * @error: return location for an error
 *
 * Records a constituency's maximum recoverable amounts as the charges order's table gives
 * them (DOMAIN.md §5.1): the overall figure is taken as given, never worked out.
 *
 * Returns: %TRUE on success; %ED_ACCOUNT_ERROR_NOT_PARLIAMENTARY for another kind of poll
 */
gboolean
ed_account_set_mra (EdContext    *context,
                    const char   *election_id,
                    const EdMra  *mra,
                    const char   *source,
                    GError      **error)
{
  static const char * const columns[] = { "election", "services", "expenses", "overall",
                                          "source" };
  g_autoptr(EdElection) election = NULL;
  g_autofree char *order = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (mra != NULL, FALSE);

  if ((election = ed_election_load (context, election_id, error)) == NULL)
    return FALSE;
  if (election->kind != ED_ELECTION_UK_PARLIAMENTARY_GENERAL &&
      election->kind != ED_ELECTION_UK_PARLIAMENTARY_BY)
    {
      g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOT_PARLIAMENTARY,
                   /* Translators: %s is an election's id */
                   _("%s is not a UK Parliamentary poll: maximum recoverable amounts are set "
                     "only for those"),
                   election->slug);
      return FALSE;
    }
  if (mra->services < 0 || mra->expenses < 0 || mra->overall < 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("A maximum recoverable amount cannot be less than nothing"));
      return FALSE;
    }
  if (!check_amount (mra->services, _("services amount"), error) ||
      !check_amount (mra->expenses, _("expenses amount"), error) ||
      !check_amount (mra->overall, _("overall amount"), error) ||
      (order = normalise_text (source, _("order"), error)) == NULL)
    return FALSE;
  {
    GVariant *values[] = {
      g_variant_new_string (election->id),
      g_variant_new_int64 (mra->services),
      g_variant_new_int64 (mra->expenses),
      g_variant_new_int64 (mra->overall),
      g_variant_new_string (order),
    };

    return set_figure_row (context, &ed_account_mra_table, mra_row_sql, election->id, NULL,
                           columns, values, G_N_ELEMENTS (values), error);
  }
}

/**
 * ed_account_set_fee_scale:
 * @context: the district
 * @election_id: the local poll, by id or row id
 * @scale: the council's scale for its returning officer's fee
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
ed_account_set_fee_scale (EdContext         *context,
                          const char        *election_id,
                          const EdFeeScale  *scale,
                          GError           **error)
{
  static const char * const columns[] = { "election", "per_election", "per_1000_electors",
                                          "per_contested_area" };
  g_autoptr(EdElection) election = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);

  if ((election = ed_election_load (context, election_id, error)) == NULL)
    return FALSE;
  if (scale->per_election < 0 || scale->per_1000_electors < 0 || scale->per_contested_area < 0)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("A fee scale cannot pay less than nothing"));
      return FALSE;
    }
  if (!check_amount (scale->per_election, _("fee for the election"), error) ||
      !check_amount (scale->per_1000_electors, _("fee for each 1,000 electors"), error) ||
      !check_amount (scale->per_contested_area, _("fee for each contested area"), error))
    return FALSE;
  {
    GVariant *values[] = {
      g_variant_new_string (election->id),
      g_variant_new_int64 (scale->per_election),
      g_variant_new_int64 (scale->per_1000_electors),
      g_variant_new_int64 (scale->per_contested_area),
    };

    return set_figure_row (context, &ed_account_fee_scale_table, fee_scale_row_sql,
                           election->id, NULL, columns,
                           values, G_N_ELEMENTS (values), error);
  }
}

/**
 * ed_account_set_parish_recharge:
 * @context: the district
 * @election_id: any poll of the account
 * @recharge: what its parish polls are recharged
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
ed_account_set_parish_recharge (EdContext         *context,
                                const char        *election_id,
                                EdParishRecharge   recharge,
                                GError           **error)
{
  static const char * const columns[] = { "election", "parish_recharge" };
  g_autoptr(EdElection) first = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (recharge < ED_N_PARISH_RECHARGES, FALSE);

  if ((first = _ed_account_load_first_poll (context, election_id, error)) == NULL)
    return FALSE;
  {
    GVariant *values[] = {
      g_variant_new_string (first->id),
      g_variant_new_string (ed_parish_recharge_to_string (recharge)),
    };

    return set_figure_row (context, &ed_account_setup_table, setup_row_sql, first->id, NULL,
                           columns, values, G_N_ELEMENTS (values), error);
  }
}
