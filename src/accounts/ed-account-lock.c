/* ed-account-lock.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Submitting an account: a row recording when, by whom, and the entries, total and digest it
 * was submitted with (ed-account-digest.c). Entries may still be made after it, a late
 * invoice or a correction, and each carries the submission it came after, so the account's
 * history shows them apart; a later submission covers them in turn. */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-private.h"
#include "accounts/ed-accounts-tables.h"
#include "changes/ed-row-id.h"
#include "core/ed-date.h"
#include "core/ed-today.h"

/**
 * ed_account_lock:
 * @context: the district
 * @election_id: any poll of the account
 * @locked_by: (nullable): who submits it; %NULL for the desk's user
 * @error: return location for an error
 *
 * Records the account as submitted today. An account already submitted with no entry made
 * since is refused with %ED_ACCOUNT_ERROR_NOTHING_NEW.
 *
 * Returns: (transfer full): the account_lock row's id, or %NULL with the district as it was
 */
char *
ed_account_lock (EdContext   *context,
                 const char  *election_id,
                 const char  *locked_by,
                 GError     **error)
{
  static const char * const columns[] = {
    "election", "locked_on", "locked_by", "entries", "total", "digest",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == ED_ACCOUNT_LOCK_N_COLS);
  EdDatabase *database = ed_replica_get_database (ED_REPLICA (context));
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(EdElection) first = NULL;
  g_autofree char *lock_id = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *by = NULL;
  guint entries = 0;
  EdMoney total = 0;
  GDate today;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL, NULL);

  if (locked_by == NULL || *locked_by == '\0')
    locked_by = ed_context_get_user_name (context);
  if ((by = g_utf8_normalize (locked_by != NULL ? locked_by : "", -1, G_NORMALIZE_NFC)) == NULL)
    {
      g_set_error_literal (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_INVALID,
                           _("The name of who submits the account is not valid text"));
      return NULL;
    }
  if ((change_set = ed_change_set_begin (ED_REPLICA (context), error)) == NULL ||
      (first = _ed_account_load_first_poll (context, election_id, error)) == NULL ||
      (latest = _ed_account_latest_lock (database, first->id, error)) == NULL)
    return NULL;
  if (latest[0] != '\0')
    {
      static const char sql[] =
        "SELECT 1 FROM account_entry WHERE election = ?1 AND after_lock = ?2 LIMIT 1";
      sqlite3_stmt *stmt = ed_database_cached (database, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, first->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, latest, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, ED_ACCOUNT_ERROR, ED_ACCOUNT_ERROR_NOTHING_NEW,
                       /* Translators: %s is an election's id */
                       _("The account of %s is submitted already, and nothing has been entered "
                         "since"),
                       first->slug);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          ed_database_set_error (database, rc, error);
          return NULL;
        }
    }

  /* Its id first: the digest covers the entries made before it, by their after_lock. */
  lock_id = ed_row_id_new ();
  if ((digest = _ed_account_digest (database, first->id, lock_id, &entries, &total,
                                    error)) == NULL)
    return NULL;
  ed_today (&today);
  today_text = ed_date_format_iso (&today);
  {
    GVariant *values[] = {
      g_variant_new_string (first->id),
      g_variant_new_string (today_text),
      g_variant_new_string (by),
      g_variant_new_int64 (entries),
      g_variant_new_int64 (total),
      g_variant_new_string (digest),
    };

    if (!ed_change_set_insert (change_set, ed_account_lock_table.name, lock_id, columns, values,
                               G_N_ELEMENTS (values), NULL, error) ||
        !ed_change_set_commit (change_set, error))
      return NULL;
  }
  return g_steal_pointer (&lock_id);
}
