/* ed-account-load.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An account worked out as it stands: each entry's cost split among the polls it serves
 * (DOMAIN.md §5.2, by the one rule of ed-apportion.c), the totals by head and by poll, a
 * parliamentary poll's claim against its maximum recoverable amounts (§5.1), a local poll's
 * fee against the council's scale (§5.3), and whether the account is as it was submitted.
 * One pass over the ledger, so 50,000 entries take a fraction of a second (bench-accounts). */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-private.h"
#include "accounts/ed-apportion.h"
#include "core/ed-date.h"

static void
account_poll_free (EdAccountPoll *poll)
{
  g_clear_pointer (&poll->election, ed_election_free);
  g_free (poll);
}

static void
account_lock_free (EdAccountLock *lock)
{
  g_free (lock->id);
  g_free (lock->locked_by);
  g_free (lock->digest);
  g_free (lock);
}

void
ed_account_entry_free (EdAccountEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->supplier);
  g_free (entry->description);
  g_free (entry->invoice_number);
  g_strfreev (entry->polls);
  g_free (entry->shares);
  g_free (entry->pay_run);
  g_free (entry->reverses);
  g_free (entry->reversed_by);
  g_free (entry->after_lock);
  g_free (entry->entered_by);
  g_free (entry);
}

void
ed_account_free (EdAccount *account)
{
  if (account == NULL)
    return;
  g_clear_pointer (&account->election, ed_election_free);
  g_clear_pointer (&account->polls, g_ptr_array_unref);
  g_clear_pointer (&account->entries, g_ptr_array_unref);
  g_clear_pointer (&account->locks, g_ptr_array_unref);
  g_free (account->mra_source);
  g_free (account);
}

guint
ed_account_n_polls (EdAccount *account)
{
  return account->polls->len;
}

EdAccountPoll *
ed_account_get_poll (EdAccount *account,
                     guint      index)
{
  g_return_val_if_fail (index < account->polls->len, NULL);
  return g_ptr_array_index (account->polls, index);
}

/**
 * ed_account_find_entry:
 * @account: an account
 * @entry_id: an account_entry row id
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when the account does not hold it
 */
const EdAccountEntry *
ed_account_find_entry (EdAccount  *account,
                       const char *entry_id)
{
  for (guint i = 0; i < account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (account->entries, i);

      if (g_str_equal (entry->id, entry_id))
        return entry;
    }
  return NULL;
}

/**
 * ed_account_head_is_service:
 * @head: a cost head
 *
 * Whether a charges order counts a head among the returning officer's specified services
 * (making the arrangements and discharging the duties: the fees) rather than the specified
 * expenses (DOMAIN.md §5.1, SI 2017/637 arts 4 and 5).
 */
gboolean
ed_account_head_is_service (EdCostHead head)
{
  return head == ED_COST_RO_FEES;
}

/**
 * ed_fee_scale_compute:
 * @scale: a council's scale for the returning officer's fee
 * @electors: the poll's electorate
 * @contested: its contested areas
 *
 * The fee the scale gives: its sum for the election, its rate for each 1,000 electors
 * (rounded once, a half penny up, DOMAIN.md §4.3's rule) and its sum for each contested area.
 *
 * Returns: the fee in pence, at most %ED_MONEY_MAX
 */
EdMoney
ed_fee_scale_compute (const EdFeeScale *scale,
                      gint64            electors,
                      guint             contested)
{
  /* 128 bits: a rate of pounds per 1,000 times a million electors cannot overflow. */
  __int128 fee = scale->per_election;

  fee += ((__int128)scale->per_1000_electors * MAX (electors, 0) + 500) / 1000;
  fee += (__int128)scale->per_contested_area * contested;
  return fee > ED_MONEY_MAX ? ED_MONEY_MAX : (EdMoney)fee;
}

typedef struct
{
  EdAccount   *account;
  GHashTable  *poll_index;  /* election row id → index + 1 */
  GHashTable  *by_id;       /* entry row id → EdAccountEntry */
  gboolean    *is_parish;
  guint       *sharing;     /* scratch: the polls that share an entry */
  gboolean     failed;      /* a row could not be read: @error says which */
  GError     **error;
} LoadState;

/* Which polls bear an entry's cost: those it serves, less its parish polls when parishes are
 * recharged their additional cost only and a poll that is not a parish's shares it. A cost
 * whose polls are all gone from the combination falls to the first poll. */
static guint
choose_sharing (LoadState  *state,
                char      **polls)
{
  EdAccount *account = state->account;
  guint n = 0;
  guint without_parishes = 0;

  for (guint i = 0; polls[i] != NULL; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (state->poll_index, polls[i]));

      if (index == 0)
        continue;
      state->sharing[n++] = index - 1;
    }
  if (n == 0)
    {
      state->sharing[0] = 0;
      return 1;
    }
  /* Polls are stored in the account's order, but a hand outside the app may not keep it. */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && state->sharing[j - 1] > state->sharing[j]; j--)
      {
        guint t = state->sharing[j];

        state->sharing[j] = state->sharing[j - 1];
        state->sharing[j - 1] = t;
      }
  if (n == 1 || account->parish_recharge != ED_PARISH_RECHARGE_ADDITIONAL)
    return n;
  for (guint i = 0; i < n; i++)
    if (!state->is_parish[state->sharing[i]])
      state->sharing[without_parishes++] = state->sharing[i];
  return without_parishes > 0 ? without_parishes : n;
}

static gboolean
stored_error (LoadState  *state,
              const char *entry_id)
{
  g_set_error (state->error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_STORED,
               /* Translators: %s is an entry's id */
               _("The entry “%s” of the accounts holds a value this version of Electoral Desk "
                 "does not know: it was written by a newer one"),
               entry_id);
  state->failed = TRUE;
  return FALSE;
}

static gboolean
read_entry (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  LoadState *state = user_data;
  EdAccount *account = state->account;
  EdAccountEntry *entry = g_new0 (EdAccountEntry, 1);
  guint n_polls = account->polls->len;
  guint n_sharing;

  entry->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_ptr_array_add (account->entries, entry);
  g_hash_table_insert (state->by_id, entry->id, entry);
  if (!ed_cost_head_from_string ((const char *)sqlite3_column_text (stmt, 1), &entry->head,
                                 NULL) ||
      !ed_evidence_from_string ((const char *)sqlite3_column_text (stmt, 9), &entry->evidence,
                                NULL))
    return stored_error (state, entry->id);
  entry->supplier = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  entry->description = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  entry->invoice_number = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  g_date_clear (&entry->invoice_date, 1);
  g_date_clear (&entry->entered_on, 1);
  if (sqlite3_column_bytes (stmt, 5) > 0 &&
      !ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, 5), &entry->invoice_date,
                          NULL))
    return stored_error (state, entry->id);
  if (sqlite3_column_bytes (stmt, 13) > 0 &&
      !ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, 13), &entry->entered_on,
                          NULL))
    return stored_error (state, entry->id);
  entry->net = sqlite3_column_int64 (stmt, 6);
  entry->vat = sqlite3_column_int64 (stmt, 7);
  if (entry->net < ED_MONEY_MIN || entry->net > ED_MONEY_MAX || entry->vat < ED_MONEY_MIN ||
      entry->vat > ED_MONEY_MAX)
    return stored_error (state, entry->id);
  entry->gross = entry->net + entry->vat;
  entry->polls = g_strsplit ((const char *)sqlite3_column_text (stmt, 8), " ", -1);
  entry->pay_run = g_strdup ((const char *)sqlite3_column_text (stmt, 10));
  entry->reverses = g_strdup ((const char *)sqlite3_column_text (stmt, 11));
  entry->reversed_by = g_strdup ("");
  entry->after_lock = g_strdup ((const char *)sqlite3_column_text (stmt, 12));
  entry->entered_by = g_strdup ((const char *)sqlite3_column_text (stmt, 14));

  n_sharing = choose_sharing (state, entry->polls);
  entry->sharing = n_sharing;
  entry->shares = g_new0 (EdMoney, n_polls);
  ed_apportion_among (entry->gross, state->sharing, n_sharing, n_polls, entry->shares);

  account->spent[entry->head] += entry->gross;
  account->net += entry->net;
  account->vat += entry->vat;
  account->total += entry->gross;
  for (guint p = 0; p < n_polls; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);

      poll->spent[entry->head] += entry->shares[p];
      poll->total += entry->shares[p];
    }
  return TRUE;
}

static gboolean
load_entries (EdDatabase *database,
              LoadState  *state)
{
  static const char sql[] =
    "SELECT id, head, supplier, description, invoice_number, invoice_date, net, vat, polls, "
    "       evidence, pay_run, reverses, after_lock, entered_on, entered_by "
    "FROM account_entry WHERE election = ?1 ORDER BY id";
  sqlite3_stmt *stmt = ed_database_cached (database, sql, state->error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state->account->election->id, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, read_entry, state, state->error) ||
      state->failed)
    return FALSE;

  /* Who reverses whom, and what has no evidence: a cost taken back needs none. */
  for (guint i = 0; i < state->account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (state->account->entries, i);
      EdAccountEntry *reversed;

      if (entry->reverses[0] != '\0' &&
          (reversed = g_hash_table_lookup (state->by_id, entry->reverses)) != NULL &&
          reversed->reversed_by[0] == '\0')
        {
          g_free (reversed->reversed_by);
          reversed->reversed_by = g_strdup (entry->id);
        }
    }
  for (guint i = 0; i < state->account->entries->len; i++)
    {
      EdAccountEntry *entry = g_ptr_array_index (state->account->entries, i);

      if (entry->evidence == ED_EVIDENCE_NONE && entry->reverses[0] == '\0' &&
          entry->reversed_by[0] == '\0')
        state->account->missing_evidence++;
    }
  return TRUE;
}

static gboolean
read_estimate (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  LoadState *state = user_data;
  EdCostHead head;

  if (!ed_cost_head_from_string ((const char *)sqlite3_column_text (stmt, 0), &head, NULL))
    return TRUE;  /* a newer desk's head: its estimate is shown by that desk */
  /* Rows come by id: the first for a head counts (account-estimate-unique). */
  if (sqlite3_column_int (stmt, 2) == 0)
    state->account->estimate[head] = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
load_estimates (EdDatabase *database,
                LoadState  *state)
{
  /* The third column says whether a row with a lower id holds the head already. */
  static const char sql[] =
    "SELECT e.head, e.amount, EXISTS (SELECT 1 FROM account_estimate AS o "
    "  WHERE o.election = e.election AND o.head = e.head AND o.id < e.id) "
    "FROM account_estimate AS e WHERE e.election = ?1 ORDER BY e.id";
  sqlite3_stmt *stmt = ed_database_cached (database, sql, state->error);
  EdAccount *account = state->account;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, account->election->id, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, read_estimate, state, state->error))
    return FALSE;
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    account->estimate_total += account->estimate[h];
  return TRUE;
}

/* The figures of a table of one row per election (the lowest id counts), as text: @sql
 * selects @n_columns of them for the election bound as ?1. */
static const char setup_sql[] =
  "SELECT parish_recharge FROM account_setup WHERE election = ?1 ORDER BY id LIMIT 1";
static const char mra_sql[] =
  "SELECT services, expenses, overall, source FROM account_mra WHERE election = ?1 "
  "ORDER BY id LIMIT 1";
static const char fee_scale_sql[] =
  "SELECT per_election, per_1000_electors, per_contested_area FROM account_fee_scale "
  "WHERE election = ?1 ORDER BY id LIMIT 1";

static char **
load_figure_row (EdDatabase  *database,
                 const char  *sql,
                 guint        n_columns,
                 const char  *election_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
  char **row = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, election_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup ((const char *)sqlite3_column_text (stmt, (int)c));
    }
  else if (rc == SQLITE_DONE)
    row = g_new0 (char *, 1);
  else
    ed_database_set_error (database, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return row;
}

static gint64
as_int (const char *text)
{
  return g_ascii_strtoll (text, NULL, 10);
}

static gboolean
load_parish_recharge (EdDatabase *database,
                      EdAccount  *account,
                      GError    **error)
{
  g_auto(GStrv) row = load_figure_row (database, setup_sql, 1,
                                       account->election->id, error);

  if (row == NULL)
    return FALSE;
  account->parish_recharge = ED_PARISH_RECHARGE_ADDITIONAL;
  if (row[0] != NULL && !ed_parish_recharge_from_string (row[0], &account->parish_recharge,
                                                         NULL))
    account->parish_recharge = ED_PARISH_RECHARGE_ADDITIONAL;
  return TRUE;
}

/* The parliamentary poll's share of the estimate, split as its costs are: what the advance
 * is a share of. */
static EdMoney
estimate_share (LoadState *state,
                guint      poll_index)
{
  EdAccount *account = state->account;
  guint n_polls = account->polls->len;
  g_auto(GStrv) all = g_new0 (char *, n_polls + 1);
  g_autofree EdMoney *shares = g_new0 (EdMoney, n_polls);
  EdMoney share = 0;
  guint n_sharing;

  for (guint p = 0; p < n_polls; p++)
    all[p] = g_strdup (((EdAccountPoll *)g_ptr_array_index (account->polls, p))->election->id);
  n_sharing = choose_sharing (state, all);
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    {
      ed_apportion_among (account->estimate[h], state->sharing, n_sharing, n_polls, shares);
      share += shares[poll_index];
    }
  return share;
}

static gboolean
load_claim (EdDatabase *database,
            LoadState  *state)
{
  EdAccount *account = state->account;
  EdAccountPoll *poll;
  g_auto(GStrv) row = NULL;
  EdMoney services, expenses;

  account->parliamentary = -1;
  for (guint p = 0; p < account->polls->len && account->parliamentary < 0; p++)
    {
      EdElectionKind kind = ((EdAccountPoll *)g_ptr_array_index (account->polls, p))->election->kind;

      if (kind == ED_ELECTION_UK_PARLIAMENTARY_GENERAL || kind == ED_ELECTION_UK_PARLIAMENTARY_BY)
        account->parliamentary = (gint)p;
    }
  account->mra_source = g_strdup ("");
  if (account->parliamentary < 0)
    return TRUE;

  poll = g_ptr_array_index (account->polls, account->parliamentary);
  if ((row = load_figure_row (database, mra_sql, 4,
                              poll->election->id, state->error)) == NULL)
    return FALSE;
  if (row[0] != NULL)
    {
      account->has_mra = TRUE;
      account->mra.services = as_int (row[0]);
      account->mra.expenses = as_int (row[1]);
      account->mra.overall = as_int (row[2]);
      g_free (account->mra_source);
      account->mra_source = g_strdup (row[3]);
    }
  services = 0;
  for (guint h = 0; h < ED_N_COST_HEADS; h++)
    if (ed_account_head_is_service (h))
      services += poll->spent[h];
  /* The candidates' mailings are paid apart from the maximum recoverable amount. */
  expenses = poll->total - services - poll->spent[ED_COST_CANDIDATE_MAILINGS];
  if (account->has_mra)
    ed_recoverable_compute (&account->mra, services, expenses, &account->recoverable);
  else
    {
      account->recoverable.services_claimed = services;
      account->recoverable.expenses_claimed = expenses;
      account->recoverable.recoverable = services + expenses;
    }
  account->advance = (estimate_share (state, (guint)account->parliamentary) *
                        ED_ACCOUNT_ADVANCE_PERCENT + 50) / 100;
  account->claim_deadline = poll->election->poll;
  g_date_add_months (&account->claim_deadline, ED_ACCOUNT_CLAIM_MONTHS);
  return TRUE;
}

static gboolean
load_fee_scales (EdDatabase *database,
                 EdAccount  *account,
                 GError    **error)
{
  for (guint p = 0; p < account->polls->len; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);
      g_auto(GStrv) row = load_figure_row (database, fee_scale_sql, 3,
                                           poll->election->id, error);

      if (row == NULL)
        return FALSE;
      poll->contested = ed_election_count_contested (poll->election);
      for (guint c = 0; c < poll->election->contests->len; c++)
        {
          EdContest *contest = g_ptr_array_index (poll->election->contests, c);

          if (contest->contested)
            poll->electors += MAX (contest->fixed_electorate, 0);
        }
      if (row[0] == NULL)
        continue;
      poll->has_fee_scale = TRUE;
      poll->fee_scale.per_election = as_int (row[0]);
      poll->fee_scale.per_1000_electors = as_int (row[1]);
      poll->fee_scale.per_contested_area = as_int (row[2]);
      poll->scale_fee = ed_fee_scale_compute (&poll->fee_scale, poll->electors, poll->contested);
      poll->fee_over_scale = MAX (poll->spent[ED_COST_RO_FEES] - poll->scale_fee, 0);
    }
  return TRUE;
}

static gboolean
read_lock (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  LoadState *state = user_data;
  EdAccountLock *lock = g_new0 (EdAccountLock, 1);

  lock->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_ptr_array_add (state->account->locks, lock);
  g_date_clear (&lock->locked_on, 1);
  if (!ed_date_parse_iso ((const char *)sqlite3_column_text (stmt, 1), &lock->locked_on, NULL))
    return stored_error (state, lock->id);
  lock->locked_by = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  lock->entries = (guint)sqlite3_column_int64 (stmt, 3);
  lock->total = sqlite3_column_int64 (stmt, 4);
  lock->digest = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
  return TRUE;
}

static gboolean
load_locks (EdDatabase *database,
            LoadState  *state)
{
  static const char sql[] =
    "SELECT id, locked_on, locked_by, entries, total, digest FROM account_lock "
    "WHERE election = ?1 ORDER BY id";
  EdAccount *account = state->account;
  sqlite3_stmt *stmt = ed_database_cached (database, sql, state->error);
  EdAccountLock *latest;
  g_autofree char *digest = NULL;
  guint entries = 0;
  EdMoney total = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, account->election->id, -1, SQLITE_TRANSIENT);
  if (!ed_database_step_rows (database, stmt, read_lock, state, state->error) ||
      state->failed)
    return FALSE;
  if (account->locks->len == 0)
    return TRUE;

  latest = g_ptr_array_index (account->locks, account->locks->len - 1);
  for (guint i = 0; i < account->entries->len; i++)
    if (g_str_equal (((EdAccountEntry *)g_ptr_array_index (account->entries, i))->after_lock,
                     latest->id))
      account->after_lock++;
  if ((digest = _ed_account_digest (database, account->election->id, latest->id, &entries,
                                    &total, state->error)) == NULL)
    return FALSE;
  account->changed_since_lock = !g_str_equal (digest, latest->digest) ||
                                entries != latest->entries || total != latest->total;
  return TRUE;
}

/**
 * ed_account_load:
 * @context: the district
 * @election_id: any poll of the account, by id or row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the account of @election_id's combination as it stands, or %NULL
 */
EdAccount *
ed_account_load (EdContext   *context,
                 const char  *election_id,
                 GError     **error)
{
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdAccount) account = g_new0 (EdAccount, 1);
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(GHashTable) poll_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *is_parish = NULL;
  g_autofree guint *sharing = NULL;
  LoadState state = { 0 };

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  account->polls = g_ptr_array_new_with_free_func ((GDestroyNotify)account_poll_free);
  account->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_account_entry_free);
  account->locks = g_ptr_array_new_with_free_func ((GDestroyNotify)account_lock_free);
  if ((account->election = _ed_account_load_first_poll (context, election_id, error)) == NULL ||
      (combination = ed_election_load_combination (context, account->election, error)) == NULL)
    return NULL;

  is_parish = g_new0 (gboolean, combination->len);
  sharing = g_new0 (guint, combination->len);
  g_ptr_array_set_free_func (combination, NULL);
  for (guint p = 0; p < combination->len; p++)
    {
      EdAccountPoll *poll = g_new0 (EdAccountPoll, 1);

      poll->election = g_ptr_array_index (combination, p);
      is_parish[p] = poll->election->kind == ED_ELECTION_PARISH;
      g_ptr_array_add (account->polls, poll);
      g_hash_table_insert (poll_index, poll->election->id, GUINT_TO_POINTER (p + 1));
    }

  state.account = account;
  state.poll_index = poll_index;
  state.by_id = by_id;
  state.is_parish = is_parish;
  state.sharing = sharing;
  state.error = error;
  if (!load_parish_recharge (database, account, error) ||
      !load_estimates (database, &state) ||
      !load_entries (database, &state) ||
      !load_claim (database, &state) ||
      !load_fee_scales (database, account, error) ||
      !load_locks (database, &state))
    return NULL;
  return g_steal_pointer (&account);
}
