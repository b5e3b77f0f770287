/* ed-account-digest.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The digest of an account as it was submitted: SHA-256 over every column of each entry the
 * submission covers, in the order of their ids. The entries are a ledger the app never edits
 * or deletes (SYNC.md §4.10), so for as long as they exist the entries a submission covers are
 * what they were when it was made; an entry changed, added or deleted among them afterwards
 * (an edit outside the app, a forged desk's op, or a desk that entered a cost before it saw
 * the submission) gives another digest, and the validator account-changed says so.
 *
 * A submission covers the entries made before it: those entered after no submission, or after
 * an earlier one (row ids grow with the clock, so an earlier lock has the smaller id). Each
 * value is written with its length, so that "ab" then "c" is not "a" then "bc". */

#define G_LOG_DOMAIN "ed-accounts"

#include "config.h"

#include "accounts/ed-account-private.h"

static const char covered_sql[] =
  "SELECT id, election, head, supplier, description, invoice_number, invoice_date, net, vat, "
  "       polls, evidence, pay_run, reverses, after_lock, entered_on, entered_by "
  "FROM account_entry "
  "WHERE election = ?1 AND (after_lock = '' OR after_lock < ?2) "
  "ORDER BY id";

char *
_ed_account_digest (EdDatabase  *database,
                    const char  *election_id,
                    const char  *lock_id,
                    guint       *out_entries,
                    EdMoney     *out_total,
                    GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = ed_database_cached (database, covered_sql, error);
  guint entries = 0;
  EdMoney total = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, election_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, lock_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const guchar *text = sqlite3_column_text (stmt, c);
          int length = sqlite3_column_bytes (stmt, c);
          char prefix[24];

          g_snprintf (prefix, sizeof prefix, "%d:", length);
          g_checksum_update (checksum, (const guchar *)prefix, -1);
          if (text != NULL)
            g_checksum_update (checksum, text, length);
        }
      entries++;
      total += sqlite3_column_int64 (stmt, 7) + sqlite3_column_int64 (stmt, 8);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  if (out_entries != NULL)
    *out_entries = entries;
  if (out_total != NULL)
    *out_total = total;
  return g_strdup (g_checksum_get_string (checksum));
}
