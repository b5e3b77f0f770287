/* ed-payroll-digest.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The digest of an approved payroll run: SHA-256 over every column of each of its lines, in
 * the order of their ids. The app never edits or deletes an approved line (a correction is a
 * later run's reversing line, SYNC.md §4.10), so the lines of a run are what they were when
 * it was approved for as long as they exist; a line changed, added or deleted afterwards, by
 * an edit outside the app or a forged desk's op, gives another digest, and the validator
 * payroll-run-changed says so.
 *
 * Each value is written with its type and, for a text, its length in bytes, so that no two
 * different lines write the same bytes: "ab" then "c" is not "a" then "bc". */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include "staff/ed-payroll-private.h"
#include "staff/ed-staff-tables.h"

/* The line's id, then its synced columns in the order of their enum. */
G_STATIC_ASSERT (_ED_PAYROLL_DIGEST_N_COLUMNS == ED_PAY_LINE_N_COLS + 1);
G_STATIC_ASSERT (_ED_PAYROLL_DIGEST_AMOUNT == ED_PAY_LINE_COL_AMOUNT + 1);

struct _EdPayrollDigest
{
  GChecksum *checksum;
  guint      n_lines;
  EdMoney    total;
};

static const char run_lines_sql[] =
  "SELECT " _ED_PAYROLL_DIGEST_COLUMNS " FROM pay_line AS l WHERE l.run = ?1 ORDER BY l.id";

EdPayrollDigest *
_ed_payroll_digest_new (void)
{
  EdPayrollDigest *digest = g_new0 (EdPayrollDigest, 1);

  digest->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  return digest;
}

/**
 * _ed_payroll_digest_add_line:
 * @digest: a digest being made
 * @stmt: a statement on a row holding a line's columns as _ED_PAYROLL_DIGEST_COLUMNS lists them
 * @first_column: where they start in the row
 *
 * Adds the line to the digest, its amount to the total and one to the count.
 */
void
_ed_payroll_digest_add_line (EdPayrollDigest *digest,
                             sqlite3_stmt    *stmt,
                             int              first_column)
{
  for (int i = 0; i < _ED_PAYROLL_DIGEST_N_COLUMNS; i++)
    {
      int column = first_column + i;
      char head[32];

      switch (sqlite3_column_type (stmt, column))
        {
        case SQLITE_INTEGER:
          g_snprintf (head, sizeof head, "i%" G_GINT64_FORMAT ";",
                      (gint64)sqlite3_column_int64 (stmt, column));
          g_checksum_update (digest->checksum, (const guchar *)head, -1);
          break;
        case SQLITE_NULL:
          g_checksum_update (digest->checksum, (const guchar *)"n;", -1);
          break;
        default:
          {
            const guchar *text = sqlite3_column_text (stmt, column);
            int length = sqlite3_column_bytes (stmt, column);

            g_snprintf (head, sizeof head, "t%d:", length);
            g_checksum_update (digest->checksum, (const guchar *)head, -1);
            if (length > 0)
              g_checksum_update (digest->checksum, text, length);
          }
          break;
        }
    }
  g_checksum_update (digest->checksum, (const guchar *)"\n", 1);
  digest->n_lines++;
  digest->total += sqlite3_column_int64 (stmt, first_column + _ED_PAYROLL_DIGEST_AMOUNT);
}

/**
 * _ed_payroll_digest_finish:
 * @digest: (transfer full): a digest being made; freed
 * @out_n_lines: (out) (optional): how many lines it covers
 * @out_total: (out) (optional): what they come to, in pence
 *
 * Returns: (transfer full): the digest in hexadecimal
 */
char *
_ed_payroll_digest_finish (EdPayrollDigest *digest,
                           guint           *out_n_lines,
                           EdMoney         *out_total)
{
  char *hex = g_strdup (g_checksum_get_string (digest->checksum));

  if (out_n_lines != NULL)
    *out_n_lines = digest->n_lines;
  if (out_total != NULL)
    *out_total = digest->total;
  g_checksum_free (digest->checksum);
  g_free (digest);
  return hex;
}

/**
 * _ed_payroll_run_digest:
 * @database: the district's database
 * @run_id: a payroll_run row id
 * @out_n_lines: (out) (optional): how many lines the run has
 * @out_total: (out) (optional): what they come to, in pence
 * @error: return location for an error
 *
 * Returns: (transfer full): the digest of the run's lines as they are stored, or %NULL
 */
char *
_ed_payroll_run_digest (EdDatabase  *database,
                        const char  *run_id,
                        guint       *out_n_lines,
                        EdMoney     *out_total,
                        GError     **error)
{
  sqlite3_stmt *stmt = ed_database_cached (database, run_lines_sql, error);
  EdPayrollDigest *digest;
  int rc;

  if (stmt == NULL)
    return NULL;
  digest = _ed_payroll_digest_new ();
  sqlite3_bind_text (stmt, 1, run_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _ed_payroll_digest_add_line (digest, stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_free (_ed_payroll_digest_finish (digest, NULL, NULL));
      ed_database_set_error (database, rc, error);
      return NULL;
    }
  return _ed_payroll_digest_finish (digest, out_n_lines, out_total);
}
