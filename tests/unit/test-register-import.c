/* test-register-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ed-modules.h"
#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-today.h"
#include "register/ed-register-export.h"
#include "register/ed-register-import.h"
#include "register/ed-register-stats.h"
#include "changes/ed-state-hash.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

#define ZOE "Zo\xc3\xab"          /* Zoë, precomposed (NFC) */
#define ZOE_NFD "Zoe\xcc\x88"     /* Zoë, e and a combining diaeresis (NFD) */

static char *
stats_text (EdContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdRegisterStats) stats = ed_register_stats_compute (context, &error);
  GString *text = g_string_new (NULL);
  GPtrArray *lists[] = { stats->by_polling_district, stats->by_marker, stats->by_absent_vote,
                         stats->by_status };

  g_assert_no_error (error);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        EdRegisterCount *count = g_ptr_array_index (lists[l], i);

        g_string_append_printf (text, "%s=%" G_GINT64_FORMAT "\n", count->label, count->count);
      }
  return g_string_free (text, FALSE);
}

static gint64
query_int (EdContext  *context,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (context), sql, &error);
  gint64 value;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (ed_database_get_handle (
      ed_context_get_database (context))));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static const char n_triggers_sql[] =
  "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
  "AND name IN ('elector_search_insert', 'register_size_insert')";

/* An export imported into an empty district gives the same register, by district, marker,
 * absent vote and status. */
static void
test_round_trip (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autoptr(EdContext) source = ed_test_demo_open_as (fixture, "source.db", 1200);
  g_autoptr(EdContext) target = ed_test_demo_open_as (fixture, "target.db", 0);
  g_autofree char *csv = ed_test_dir_file (fixture, "register.csv");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (source, ED_REGISTER_EDITION_FULL, &as_at, file, NULL,
                                         &error));
  g_assert_no_error (error);

  report = ed_register_import_csv (target, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 1200);

  before = stats_text (source);
  after = stats_text (target);
  g_assert_cmpstr (before, ==, after);
}

static const char header[] =
  "elector_number_prefix,elector_number,elector_number_suffix,forenames,surname,"
  "franchise_marker,property,street,town,postcode\n";

/* DESIGN.md §7: every refused row named with its line, field and reason, and the district
 * left exactly as it was. */
static void
test_bad_rows_refused (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 300);
  g_autofree char *csv = ed_test_dir_file (fixture, "bad.csv");
  g_autofree char *hash_before = NULL;
  g_autofree char *hash_after = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) content = g_string_new (header);
  static const struct { guint64 line; const char *field; const char *reason; } expected[] = {
    { 3, "", "fields" },                        /* short row */
    { 4, "postcode", "ZZ" },                    /* bad postcode */
    { 5, "franchise_marker", "Q" },             /* unknown marker */
    { 7, "elector_number", "line 6" },          /* duplicate of line 6 */
    { 8, "elector_number", "already in the register" },
  };

  g_string_append (content, "ZA,1,0,Ann,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Ben,Ashby,,1,Mill Lane\n");
  g_string_append (content, "ZA,3,0,Cai,Brook,,2,Mill Lane,Wexcombe,ZZ\n");
  g_string_append (content, "ZA,4,0,Dee,Brook,Q,2,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,5,0,Eve,Cole,,3,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,5,0,Fay,Cole,,3,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "AA,1,0,Gus,Dale,,4,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_assert_true (g_file_set_contents (csv, content->str, content->len, NULL));

  hash_before = ed_state_hash (ED_REPLICA (context), FALSE, &error);
  g_assert_no_error (error);
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_rows, ==, 7);
  g_assert_cmpuint (report->n_electors, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EdImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      if (strstr (problem->reason, expected[i].reason) == NULL &&
          strstr (problem->value, expected[i].reason) == NULL)
        g_error ("line %" G_GUINT64_FORMAT ": “%s” does not mention “%s”", problem->line,
                 problem->reason, expected[i].reason);
    }
  hash_after = ed_state_hash (ED_REPLICA (context), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash_before, ==, hash_after);
}

/* The import sets aside the per-elector triggers of the search queue and the register's size
 * (ed-register-bulk-load.c) and does their work once: into a register that already has
 * electors, the new ones are counted and found, the old ones still are, and the triggers are
 * back for the next edit. */
static void
test_new_electors_counted_and_indexed (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 300);
  g_autofree char *csv = ed_test_dir_file (fixture, "more.csv");
  g_autofree char *district = NULL;
  g_autofree char *added = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) content = g_string_new (header);
  sqlite3_stmt *stmt;

  g_assert_cmpint (query_int (context, "SELECT electors FROM register_size"), ==, 300);

  g_string_append (content, "ZA,1,0,Ann,Quenby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Ben,Quenby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,3,0,Cai,Ormsworth,,2,Mill Lane,Wexcombe,ZY1 1AB\n");
  g_assert_true (g_file_set_contents (csv, content->str, content->len, NULL));
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 3);

  g_assert_cmpint (query_int (context, "SELECT electors FROM register_size"), ==, 303);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector"), ==, 303);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search "
                                       "WHERE elector_search MATCH 'quenby'"), ==, 2);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search "
                                       "WHERE elector_search MATCH 'zy11ab'"), ==, 1);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search WHERE rowid <= "
                                       "(SELECT min (rowid) + 299 FROM elector)"), ==, 300);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search_queue"), ==, 0);
  g_assert_cmpint (query_int (context, n_triggers_sql), ==, 2);

  /* An elector added the ordinary way is counted and indexed by the triggers again. */
  stmt = ed_database_prepare (ed_context_get_database (context),
                              "SELECT id FROM polling_district WHERE code = 'ZA'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  district = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  added = ed_test_register_add_elector (context, district, "", "ZA", 4, 0, "Pellingham", "Dee",
                                        "current", ED_TEST_ELECTOR_OTHER);
  g_assert_cmpint (query_int (context, "SELECT electors FROM register_size"), ==, 304);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector_search "
                                       "WHERE elector_search MATCH 'pellingham'"), ==, 1);
}

/* A NUL byte: the file is refused naming the line, and nothing is written. */
static void
test_nul_byte_refused (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 100);
  g_autofree char *csv = ed_test_dir_file (fixture, "nul.csv");
  g_autofree char *hash_before = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_autofree char *hash_after = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) content = g_string_new (header);

  g_string_append (content, "ZA,1,0,Ann,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append_len (content, "ZA,2,0,B\0n,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n", 46);
  g_assert_true (g_file_set_contents (csv, content->str, content->len, NULL));

  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 3"));
  hash_after = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_assert_cmpstr (hash_before, ==, hash_after);
}

static void
cancel_when_writing (double      fraction,
                     const char *what,
                     gpointer    user_data)
{
  /* Half-way through the electors: well into the transaction. */
  if (fraction > 0.8)
    g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* A cancel while writing leaves the district as it was. */
static void
test_cancel_leaves_nothing (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) source = ed_test_demo_open_as (fixture, "source.db", 3000);
  g_autoptr(EdContext) target = ed_test_demo_open_as (fixture, "target.db", 0);
  g_autofree char *csv = ed_test_dir_file (fixture, "register.csv");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash_before = ed_state_hash (ED_REPLICA (target), FALSE, NULL);
  g_autofree char *hash_after = NULL;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_register_export_csv (source, ED_REGISTER_EDITION_FULL, &as_at, file, NULL,
                                         NULL));
  report = ed_register_import_csv (target, csv, cancel_when_writing, cancellable, cancellable,
                                   &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  hash_after = ed_state_hash (ED_REPLICA (target), FALSE, NULL);
  g_assert_cmpstr (hash_before, ==, hash_after);
  /* The triggers set aside for the import came back with the rollback. */
  g_assert_cmpint (query_int (target, n_triggers_sql), ==, 2);
  g_assert_cmpint (query_int (target, "SELECT electors FROM register_size"), ==, 0);
}

/* DOMAIN.md §1.1: the elector number's prefix is the polling district's letters; a row
 * whose prefix names another district is refused, not filed under the wrong one. */
static void
test_prefix_must_match_district (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autofree char *csv = ed_test_dir_file (fixture, "mismatch.csv");
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  static const char content[] =
    "polling_district,elector_number_prefix,elector_number,forenames,surname,property,street,"
    "town,postcode\n"
    "ZA,ZA,1,Ann,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA\n"
    "ZA,ZB,2,Ben,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA\n";
  EdImportProblem *problem;

  g_assert_true (g_file_set_contents (csv, content, -1, NULL));
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_electors, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->field, ==, "elector_number_prefix");
  g_assert_cmpstr (problem->value, ==, "ZB");
  g_assert_nonnull (strstr (problem->reason, "ZA"));
}

static char *
query_text (EdContext  *context,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = ed_database_prepare (ed_context_get_database (context), sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Imports @content as @name into @context, expecting a report (rows refused or not). */
static EdImportReport *
import_text (EdTestDir  *fixture,
             EdContext  *context,
             const char *name,
             const char *content,
             gssize      len)
{
  g_autofree char *csv = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;
  EdImportReport *report;

  g_assert_true (g_file_set_contents (csv, content, len, NULL));
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_problem (EdImportReport *report,
                guint           index,
                guint64         line,
                const char     *field,
                const char     *reason_part)
{
  EdImportProblem *problem;

  g_assert_cmpuint (index, <, report->problems->len);
  problem = g_ptr_array_index (report->problems, index);
  g_test_message ("line %" G_GUINT64_FORMAT ", %s: “%s”: %s", problem->line, problem->field,
                  problem->value, problem->reason);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->field, ==, field);
  if (strstr (problem->reason, reason_part) == NULL)
    g_error ("line %" G_GUINT64_FORMAT ": “%s” does not mention “%s”", problem->line,
             problem->reason, reason_part);
}

/* Issue 11, item 3: one bad byte in a UTF-8 file refuses that line, naming its field; the
 * rest is not re-read as windows-1252, which garbled every accent ("Zoë" → "ZoÃ«"). */
static void
test_utf8_with_one_bad_line_stays_utf8 (EdTestDir     *fixture,
                                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autofree char *hash_before = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_autofree char *hash_after = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GString) content = g_string_new (header);

  g_string_append (content, "ZA,1,0," ZOE ",Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Ben,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,3,0,Ren\xe9" "e,Brook,,2,Mill Lane,Wexcombe,ZY1 1AA\n");
  report = import_text (fixture, context, "one-bad.csv", content->str, content->len);
  g_assert_cmpuint (report->n_electors, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 4, "forenames", "UTF-8");
  hash_after = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_assert_cmpstr (hash_before, ==, hash_after);
}

/* Issue 11, item 3: a windows-1252 row pasted into a UTF-8 file, with more high bytes than
 * the UTF-8 rows have accents: the pasted row is refused by field, the file stays UTF-8. */
static void
test_utf8_with_pasted_windows_1252_row (EdTestDir     *fixture,
                                        gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(EdImportReport) fixed = NULL;
  g_autoptr(GString) content = g_string_new (header);
  g_autofree char *name = NULL;

  g_string_append (content, "ZA,1,0," ZOE ",Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Cl\xe9ment,L\xe9vesque,,2,H\xf4tel Row,Wexcombe,"
                            "ZY1 1AA\n");
  report = import_text (fixture, context, "pasted.csv", content->str, content->len);
  g_assert_cmpuint (report->n_electors, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 3);
  assert_problem (report, 0, 3, "forenames", "UTF-8");
  assert_problem (report, 1, 3, "surname", "UTF-8");
  assert_problem (report, 2, 3, "street", "UTF-8");
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector"), ==, 0);

  /* Saved again as UTF-8, every name is kept as written. */
  g_string_assign (content, header);
  g_string_append (content, "ZA,1,0," ZOE ",Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Cl\xc3\xa9ment,L\xc3\xa9vesque,,2,H\xc3\xb4tel Row,"
                            "Wexcombe,ZY1 1AA\n");
  fixed = import_text (fixture, context, "fixed.csv", content->str, content->len);
  g_assert_cmpuint (fixed->problems->len, ==, 0);
  g_assert_cmpuint (fixed->n_electors, ==, 2);
  name = query_text (context, "SELECT forenames FROM elector WHERE number = 1");
  g_assert_cmpstr (name, ==, ZOE);
}

/* A file that is windows-1252 throughout (no UTF-8 sequence in it) is still read as such. */
static void
test_windows_1252_file_still_read (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GString) content = g_string_new (header);
  g_autofree char *name = NULL;
  g_autofree char *street = NULL;

  g_string_append (content, "ZA,1,0,Zo\xeb,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Cl\xe9ment,O\x92" "Brien,,2,H\xf4tel Row,Wexcombe,"
                            "ZY1 1AA\n");
  report = import_text (fixture, context, "cp1252.csv", content->str, content->len);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 2);
  name = query_text (context, "SELECT forenames FROM elector WHERE number = 1");
  g_assert_cmpstr (name, ==, ZOE);
  street = query_text (context, "SELECT street FROM property WHERE property = '2'");
  g_assert_cmpstr (street, ==, "H\xc3\xb4tel Row");
}

/* Issue 11, item 10: a decomposed accent is stored composed (NFC), which the change set
 * requires, rather than refusing the whole file without a line. */
static void
test_nfd_accent_normalised (EdTestDir     *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GString) content = g_string_new (header);
  g_autofree char *name = NULL;
  g_autofree char *street = NULL;

  g_string_append (content, "ZA,1,0," ZOE_NFD ",Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Ben,Ashby,,2,Heol y Ffrwd" " Fa\xcc\x82" "wr,Wexcombe,"
                            "ZY1 1AA\n");
  report = import_text (fixture, context, "nfd.csv", content->str, content->len);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 2);
  name = query_text (context, "SELECT forenames FROM elector WHERE number = 1");
  g_assert_cmpstr (name, ==, ZOE);
  street = query_text (context, "SELECT street FROM property WHERE property = '2'");
  g_assert_cmpstr (street, ==, "Heol y Ffrwd F\xc3\xa2wr");
}

/* Issue 11, item 9: a name far longer than any person's is refused with the limit, quoted
 * only in part; so are control characters in names and addresses, escaped when quoted. */
static void
test_overlong_and_control_characters_refused (EdTestDir     *fixture,
                                              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autofree char *hash_before = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_autofree char *hash_after = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GString) content = g_string_new (header);
  g_autofree char *long_name = g_strnfill (5 * 1024 * 1024, 'a');
  g_autofree char *longest = g_strnfill (100, 'b');
  EdImportProblem *problem;

  g_string_append_printf (content, "ZA,1,0,Ann,%s,,1,Mill Lane,Wexcombe,ZY1 1AA\n", long_name);
  g_string_append (content, "ZA,2,0,B\x1b[31men,Ashby,,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,3,0,Cai,Brook,,2,Mill\x7fLane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,4,0,Dee,Brook\xc2\x85,,2,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,5,0,\"Eve\nEve\",Cole,,3,Mill Lane,Wexcombe,ZY1 1AA\n");
  /* At the limit is kept. */
  g_string_append_printf (content, "ZA,6,0,Fay,%s,,3,Mill Lane,Wexcombe,ZY1 1AA\n", longest);
  report = import_text (fixture, context, "hostile.csv", content->str, content->len);
  g_assert_cmpuint (report->n_electors, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 5);

  assert_problem (report, 0, 2, "surname", "100 characters");
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (g_utf8_strlen (problem->value, -1), <=, 41);
  g_assert_true (g_str_has_suffix (problem->value, "…"));
  g_assert_cmpuint (strlen (problem->reason), <, 300);

  assert_problem (report, 1, 3, "forenames", "control character");
  problem = g_ptr_array_index (report->problems, 1);
  g_assert_null (strchr (problem->value, '\x1b'));
  g_assert_nonnull (strstr (problem->value, "U+001B"));
  assert_problem (report, 2, 4, "street", "control character");
  assert_problem (report, 3, 5, "surname", "control character");
  problem = g_ptr_array_index (report->problems, 3);
  g_assert_null (strstr (problem->value, "\xc2\x85"));
  assert_problem (report, 4, 6, "forenames", "control character");

  hash_after = ed_state_hash (ED_REPLICA (context), FALSE, NULL);
  g_assert_cmpstr (hash_before, ==, hash_after);
}

/* Issue 11, item 11: `surname` and `Sur Name` are one column by the matching rule, so the
 * header is refused as for two columns named alike, rather than one left unread. */
static void
test_loosely_duplicate_header_refused (EdTestDir     *fixture,
                                       gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autofree char *csv = ed_test_dir_file (fixture, "header.csv");
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  static const char content[] =
    "elector_number_prefix,elector_number,forenames,surname,Sur Name,property,street,town,"
    "postcode\n"
    "ZA,1,Ann,Ashby,Brook,1,Mill Lane,Wexcombe,ZY1 1AA\n";

  g_assert_true (g_file_set_contents (csv, content, -1, NULL));
  report = ed_register_import_csv (context, csv, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "header.csv"));
  g_assert_nonnull (strstr (error->message, "“surname”"));
  g_assert_nonnull (strstr (error->message, "“Sur Name”"));
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector"), ==, 0);
}

static void
truncate_when_checking (double      fraction,
                        const char *what,
                        gpointer    user_data)
{
  static gboolean done = FALSE;

  if (!done)
    g_assert_cmpint (truncate ((const char *)user_data, 100), ==, 0);
  done = TRUE;
}

/* Issue 11, item 7: a file cut short by another program while it is imported. The reader
 * mapped it, and the first page past the new end killed the process with SIGBUS. */
static void
test_file_shrinking_underneath (EdTestDir     *fixture,
                                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
      g_autofree char *csv = ed_test_dir_file (fixture, "shrinking.csv");
      g_autoptr(GString) content = g_string_new (header);
      g_autoptr(EdImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 1; i <= 20000; i++)
        g_string_append_printf (content, "ZA,%u,0,Ann,Ashby,,%u,Mill Lane,Wexcombe,"
                                "ZY1 1AA\n", i, i);
      g_assert_true (g_file_set_contents (csv, content->str, content->len, NULL));
      report = ed_register_import_csv (context, csv, truncate_when_checking, csv, NULL,
                                       &error);
      /* Read whole before the change: the file as it was when opened. */
      g_assert_no_error (error);
      g_assert_cmpuint (report->problems->len, ==, 0);
      g_assert_cmpuint (report->n_electors, ==, 20000);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

typedef struct
{
  const char     *db_path;
  const char     *csv_path;
  gint           *ready;
  EdImportReport *report;
  GError         *error;
} ImportThread;

static gpointer
import_thread (gpointer data)
{
  ImportThread *thread = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = ed_modules_open_district (thread->db_path, &error);

  g_assert_no_error (error);
  /* Both threads open their connection first, then start as nearly together as can be. */
  g_atomic_int_inc (thread->ready);
  while (g_atomic_int_get (thread->ready) < 2)
    g_thread_yield ();
  thread->report = ed_register_import_csv (context, thread->csv_path, NULL, NULL, NULL,
                                           &thread->error);
  return NULL;
}

/* Issue 11, item 2: two imports of one file into one district at once, each on its own
 * connection as two desks or two jobs would be. The duplicate-number check ran before the
 * write transaction took its lock, so both passed it and every elector was there twice.
 * Now exactly one import writes; the other refuses the duplicates (or finds the district
 * busy), and the register holds each elector once. */
static void
test_concurrent_imports_add_each_elector_once (EdTestDir     *fixture,
                                               gconstpointer  data)
{
  g_autofree char *csv = ed_test_dir_file (fixture, "register.csv");
  g_autoptr(GString) content = g_string_new (header);
  const guint n_electors = 2000;

  for (guint i = 1; i <= n_electors; i++)
    g_string_append_printf (content, "ZA,%u,0,Ann,Ashby,,%u,Mill Lane,Wexcombe,ZY1 1AA\n", i,
                            i / 2);
  g_assert_true (g_file_set_contents (csv, content->str, content->len, NULL));

  for (guint trial = 0; trial < 8; trial++)
    {
      g_autofree char *name = g_strdup_printf ("district-%u.db", trial);
      g_autofree char *db_path = ed_test_dir_file (fixture, name);
      g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, name, 0);
      ImportThread threads[2] = { { 0 } };
      GThread *handles[2];
      gint ready = 0;
      guint n_written = 0;

      for (guint t = 0; t < 2; t++)
        {
          threads[t].db_path = db_path;
          threads[t].csv_path = csv;
          threads[t].ready = &ready;
          handles[t] = g_thread_new ("import", import_thread, &threads[t]);
        }
      for (guint t = 0; t < 2; t++)
        {
          g_thread_join (handles[t]);
          if (threads[t].error != NULL)
            {
              g_test_message ("trial %u: %s", trial, threads[t].error->message);
              g_assert_null (threads[t].report);
            }
          else if (threads[t].report->n_electors > 0)
            {
              g_assert_cmpuint (threads[t].report->n_electors, ==, n_electors);
              n_written++;
            }
          else
            {
              /* Refused: every number is already in the register. */
              g_assert_cmpuint (threads[t].report->problems->len, ==, n_electors);
              assert_problem (threads[t].report, 0, 2, "elector_number",
                              "already in the register");
            }
          g_clear_pointer (&threads[t].report, ed_import_report_free);
          g_clear_error (&threads[t].error);
        }
      g_assert_cmpuint (n_written, ==, 1);
      g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector"), ==, n_electors);
      g_assert_cmpint (query_int (context, "SELECT count(DISTINCT number) FROM elector"), ==,
                       n_electors);
      g_assert_cmpint (query_int (context, "SELECT count(*) FROM polling_district "
                                           "WHERE code = 'ZA'"), ==, 1);
      g_assert_cmpint (query_int (context, "SELECT electors FROM register_size"), ==,
                       n_electors);
    }
}

/* A date @years and @days from today, as the import reads today (core/ed-today.h). */
static char *
from_today (int years,
            int days)
{
  GDate date;

  g_date_clear (&date, 1);
  ed_today (&date);
  if (years > 0)
    g_date_add_years (&date, (guint) years);
  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static const char attainer_header[] =
  "elector_number_prefix,elector_number,elector_number_suffix,forenames,surname,"
  "franchise_marker,attainer_date,property,street,town,postcode\n";

/* Issue 12 item 8; DOMAIN.md §1.2 ("No information on under-16s may appear"; the attainer
 * window, RPA 1983 s.4(5)): in England an under-16 is refused on import with the line and
 * the reason, and the editor's attainer rules hold for every imported row. A date already
 * past is kept, since the person is an elector by now. */
static void
test_attainer_rules_england (EdTestDir     *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdImportReport) report = NULL;
  g_autofree char *soon = from_today (0, 40);
  g_autofree char *past = from_today (0, -40);
  g_autofree char *under_16 = from_today (3, 0);
  g_autofree char *beyond_window = from_today (2, -1);
  g_autoptr(GString) content = g_string_new (attainer_header);

  g_string_append_printf (content, "ZA,1,0,Ann,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n", soon);
  g_string_append_printf (content, "ZA,2,0,Ben,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n",
                          under_16);
  g_string_append_printf (content, "ZA,3,0,Cai,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n",
                          beyond_window);
  g_string_append_printf (content, "ZA,4,0,Dee,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n", past);
  report = import_text (fixture, context, "attainers.csv", content->str, -1);

  g_assert_cmpuint (report->problems->len, ==, 2);
  assert_problem (report, 0, 3, "attainer_date", "under 16");
  assert_problem (report, 1, 4, "attainer_date", "too late");
  g_assert_cmpuint (report->n_electors, ==, 0);
}

/* DOMAIN.md §1.2: in Wales people may register from 14, so a 15-year-old attainer is
 * accepted there and a 13-year-old is not. */
static void
test_attainer_rules_wales (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "wales");
  g_autoptr(EdImportReport) report = NULL;
  g_autofree char *fifteen = from_today (1, -10);
  g_autofree char *thirteen = from_today (3, 10);
  g_autoptr(GString) content = g_string_new (attainer_header);

  g_string_append_printf (content, "ZA,1,0,Ann,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n",
                          fifteen);
  g_string_append_printf (content, "ZA,2,0,Ben,Ashby,,%s,1,Mill Lane,Wexcombe,ZY1 1AA\n",
                          thirteen);
  report = import_text (fixture, context, "attainers.csv", content->str, -1);

  g_assert_cmpuint (report->problems->len, ==, 1);
  assert_problem (report, 0, 3, "attainer_date", "too late");
}

/* Issue 12 item 7; DOMAIN.md §1.2: the legacy markers E and K are accepted on import and
 * kept, and never exported as published (test-register-published.c checks the copies). */
static void
test_legacy_markers_accepted (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GString) content = g_string_new (header);

  g_string_append (content, "ZA,1,0,Ann,Ashby,E,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  g_string_append (content, "ZA,2,0,Ben,Ashby,K,1,Mill Lane,Wexcombe,ZY1 1AA\n");
  report = import_text (fixture, context, "legacy.csv", content->str, -1);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_electors, ==, 2);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM elector WHERE marker IN ('E', 'K')"),
                   ==, 2);
}

/* A gazetteer's grid references come in with the addresses (DOMAIN.md §3: the polling plan
 * measures each walk to the station from them): whole metres, decimals dropped; a value off
 * the National Grid, or one of the pair alone, is refused with its line and field. */
static void
test_grid_references (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", 0);
  g_autoptr(EdImportReport) good = NULL;
  g_autoptr(EdImportReport) bad = NULL;
  static const char grid_header[] =
    "elector_number_prefix,elector_number,forenames,surname,property,street,town,postcode,"
    "easting,northing\n";
  g_autofree char *ok = g_strconcat (grid_header,
                                     "ZA,1,Ann,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA,451200,206300\n"
                                     "ZA,2,Ben,Ashby,1,Mill Lane,Wexcombe,ZY1 1AA,451200,206300\n"
                                     "ZA,3,Cai,Brook,2,Mill Lane,Wexcombe,ZY1 1AA,"
                                     "451230.75,206310.00\n"
                                     "ZA,4,Dee,Cole,3,Mill Lane,Wexcombe,ZY1 1AA,,\n", NULL);
  g_autofree char *wrong = g_strconcat (grid_header,
                                        "ZB,1,Eve,Dale,1,Mill Lane,Wexcombe,ZY1 1AA,800000,1\n"
                                        "ZB,2,Fay,Dale,2,Mill Lane,Wexcombe,ZY1 1AA,451200,\n"
                                        "ZB,3,Gus,Dale,3,Mill Lane,Wexcombe,ZY1 1AA,east,206300\n",
                                        NULL);
  EdImportProblem *problem;

  good = import_text (fixture, context, "grid.csv", ok, -1);
  g_assert_cmpuint (good->problems->len, ==, 0);
  g_assert_cmpint (query_int (context, "SELECT count(*) FROM property"), ==, 3);
  g_assert_cmpint (query_int (context, "SELECT easting FROM property WHERE property = '1'"),
                   ==, 451200);
  g_assert_cmpint (query_int (context, "SELECT northing FROM property WHERE property = '2'"),
                   ==, 206310);
  g_assert_cmpint (query_int (context, "SELECT easting FROM property WHERE property = '3'"),
                   ==, 0);

  bad = import_text (fixture, context, "bad-grid.csv", wrong, -1);
  g_assert_cmpuint (bad->n_electors, ==, 0);
  g_assert_cmpuint (bad->problems->len, ==, 3);
  problem = g_ptr_array_index (bad->problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->field, ==, "easting");
  problem = g_ptr_array_index (bad->problems, 1);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->field, ==, "northing");
  problem = g_ptr_array_index (bad->problems, 2);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->field, ==, "easting");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/register-import/round-trip", test_round_trip);
  ED_TEST_ADD ("/register-import/bad-rows-refused", test_bad_rows_refused);
  ED_TEST_ADD ("/register-import/prefix-must-match-district", test_prefix_must_match_district);
  ED_TEST_ADD ("/register-import/new-electors-counted-and-indexed",
               test_new_electors_counted_and_indexed);
  ED_TEST_ADD ("/register-import/nul-byte-refused", test_nul_byte_refused);
  ED_TEST_ADD ("/register-import/cancel-leaves-nothing", test_cancel_leaves_nothing);
  ED_TEST_ADD ("/register-import/utf8-with-one-bad-line-stays-utf8",
               test_utf8_with_one_bad_line_stays_utf8);
  ED_TEST_ADD ("/register-import/utf8-with-pasted-windows-1252-row",
               test_utf8_with_pasted_windows_1252_row);
  ED_TEST_ADD ("/register-import/windows-1252-file-still-read",
               test_windows_1252_file_still_read);
  ED_TEST_ADD ("/register-import/nfd-accent-normalised", test_nfd_accent_normalised);
  ED_TEST_ADD ("/register-import/overlong-and-control-characters-refused",
               test_overlong_and_control_characters_refused);
  ED_TEST_ADD ("/register-import/loosely-duplicate-header-refused",
               test_loosely_duplicate_header_refused);
  ED_TEST_ADD ("/register-import/file-shrinking-underneath", test_file_shrinking_underneath);
  ED_TEST_ADD ("/register-import/concurrent-imports-add-each-elector-once",
               test_concurrent_imports_add_each_elector_once);
  ED_TEST_ADD ("/register-import/attainer-rules-england", test_attainer_rules_england);
  ED_TEST_ADD ("/register-import/attainer-rules-wales", test_attainer_rules_wales);
  ED_TEST_ADD ("/register-import/legacy-markers-accepted", test_legacy_markers_accepted);

  ED_TEST_ADD ("/register/import/grid-references", test_grid_references);

  return g_test_run ();
}
