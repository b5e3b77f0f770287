/* test-output-safety.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/ed-csv.h"
#include "core/ed-output-file.h"
#include "register/ed-notice-document.h"
#include "register/ed-register-export.h"
#include "register/ed-register-import.h"
#include "register/ed-register-notice.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

/* Every file the program writes, under a kill, a full disk and any umask: whole under its
 * name, or not there at all; never more open than 0600. Faults are made with the real
 * command: SIGKILL part way, and RLIMIT_FSIZE (with SIGXFSZ ignored) for a full disk, as a
 * test may not mount a small file system. */

#define EXPORT_ELECTORS 20000

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted. */
static GStrv
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* What a killed writer may leave: a hidden temporary of @target's name (ed-output-file.h),
 * and beside a database's temporary, SQLite's own files. */
static void
assert_only_temporaries (const char *dir,
                         const char *target)
{
  g_auto(GStrv) names = list_dir (dir);
  g_autofree char *prefix = g_strconcat (".", target, ".", NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      gboolean temporary = g_str_has_prefix (name, prefix) &&
                           (g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX) ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-wal") ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-shm") ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-journal"));

      if (!temporary)
        g_error ("“%s” was left in the output folder", name);
    }
}

static void
assert_empty (const char *dir)
{
  g_auto(GStrv) names = list_dir (dir);

  if (names[0] != NULL)
    g_error ("“%s” was left in the output folder", names[0]);
}

static char *
make_out_dir (EdTestDir *fixture)
{
  char *out_dir = ed_test_dir_file (fixture, "out");

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  return out_dir;
}

/* A district of EXPORT_ELECTORS electors, closed, for the command to open. */
static char *
make_demo_district (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_demo_open (fixture, EXPORT_ELECTORS);

  return ed_test_dir_file (fixture, "demo.db");
}

/* Runs the command with @argv and kills it once @dir holds a file with some bytes in it. */
static void
kill_part_way (const char * const *argv,
               const char         *dir)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);
  for (guint waited = 0;; waited++)
    {
      g_auto(GStrv) names = list_dir (dir);
      gboolean started = FALSE;

      for (guint i = 0; names[i] != NULL && !started; i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          GStatBuf st;

          started = g_stat (path, &st) == 0 && st.st_size > 4096;
        }
      if (started)
        break;
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("%s finished before it could be killed", argv[3]);
      g_assert_cmpuint (waited, <, 1000000);
      g_usleep (50);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  /* Ignored, the signal leaves write() to fail with EFBIG, as ENOSPC would on a full disk;
   * an ignored signal stays ignored across exec. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs the command with @argv, unable to write past @max_bytes in any file. */
static void
run_on_full_disk (EdTestCliResult    *result,
                  guint               max_bytes,
                  const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait_status;

  ed_test_cli_result_clear (result);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, limit_file_size,
                GUINT_TO_POINTER (max_bytes), &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

/* ---- exports ----------------------------------------------------------------------------- */

static void
test_killed_export_leaves_no_file (EdTestDir     *fixture,
                                   gconstpointer  data)
{
  const char *format = data;
  g_autofree char *db = make_demo_district (fixture);
  g_autofree char *out_dir = make_out_dir (fixture);
  g_autofree char *name = g_strconcat ("register.", format, NULL);
  g_autofree char *target = g_build_filename (out_dir, name, NULL);
  const char *argv[] = {
    ED_CLI_PATH, "--db", db, "register", "export", "--edition", "full", "--format", format,
    "--as-at", "2026-12-01", "-o", target, NULL,
  };

  kill_part_way (argv, out_dir);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_only_temporaries (out_dir, name);
}

static void
test_full_disk_export (EdTestDir     *fixture,
                       gconstpointer  data)
{
  const char *format = data;
  g_autofree char *db = make_demo_district (fixture);
  g_autofree char *out_dir = make_out_dir (fixture);
  g_autofree char *name = g_strconcat ("register.", format, NULL);
  g_autofree char *target = g_build_filename (out_dir, name, NULL);
  g_auto(EdTestCliResult) result = { 0 };
  const char *argv[] = {
    ED_CLI_PATH, "--db", db, "register", "export", "--edition", "full", "--format", format,
    "--as-at", "2026-12-01", "-o", target, NULL,
  };

  run_on_full_disk (&result, 200 * 1024, argv);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, name));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_empty (out_dir);
}

/* ---- the notice -------------------------------------------------------------------------- */

static char *
make_notice_district (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
  g_autofree char *home = ed_test_register_add_property (context, aa, "2", "Mill Lane");
  g_autofree char *joiner = ed_test_register_add_elector (context, aa, home, "AA", 1, 1,
                                                          "=HYPERLINK(\"x\")", "Carter",
                                                          "pending_addition", 0);

  g_free (ed_test_register_add_alteration (context, joiner, "addition", "2027-01-11", "", ""));
  return ed_test_dir_file (fixture, "district.db");
}

/* Both files of a published notice are 0600 whatever the umask; nothing else is left. */
static void
test_notice_files_private (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = make_notice_district (fixture);
  g_autofree char *out_dir = make_out_dir (fixture);
  g_auto(EdTestCliResult) result = { 0 };
  g_auto(GStrv) names = NULL;
  g_autofree char *csv_text = NULL;
  mode_t old_umask;

  old_umask = umask (0);
  ed_test_cli_run (&result, "--db", db, "register", "notice", "--publish", "--date", "2027-02-01",
                   "-o", out_dir, NULL);
  umask (old_umask);
  g_assert_cmpint (result.status, ==, 0);

  names = list_dir (out_dir);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "notice-2027-02-01.csv");
  g_assert_cmpstr (names[1], ==, "notice-2027-02-01.pdf");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (out_dir, names[i], NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }

  /* The notice is a CSV a spreadsheet opens too. */
  {
    g_autofree char *csv = g_build_filename (out_dir, names[0], NULL);

    g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
    /* Names as the register prints them, surname first. */
    g_assert_nonnull (strstr (csv_text, ",\"'=HYPERLINK(\"\"x\"\"), Carter\","));
  }
}

/* A notice whose PDF cannot be put in place leaves neither file and no stamp: it can be
 * published again once the way is clear. */
static void
test_notice_publish_all_or_nothing (EdTestDir     *fixture,
                                    gconstpointer  data)
{
  g_autofree char *db = make_notice_district (fixture);
  g_autofree char *out_dir = make_out_dir (fixture);
  g_autofree char *blocker = g_build_filename (out_dir, "notice-2027-02-01.pdf", NULL);
  g_auto(EdTestCliResult) refused = { 0 };
  g_auto(EdTestCliResult) again = { 0 };
  g_auto(GStrv) names = NULL;

  /* A folder where the PDF goes: its rename fails, after the CSV is ready. */
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  ed_test_cli_run (&refused, "--db", db, "register", "notice", "--publish", "--date",
                   "2027-02-01", "-o", out_dir, NULL);
  g_assert_cmpint (refused.status, !=, 0);
  names = list_dir (out_dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "notice-2027-02-01.pdf");

  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  ed_test_cli_run (&again, "--db", db, "register", "notice", "--publish", "--date", "2027-02-01",
                   "-o", out_dir, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_REGULAR));
}

/* ---- the import's report ----------------------------------------------------------------- */

/* A report that cannot be written is named, and the problems are still shown. */
static void
test_unwritten_report_still_shows_problems (EdTestDir     *fixture,
                                            gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autofree char *input = ed_test_dir_file (fixture, "in.csv");
  g_autofree char *report = ed_test_dir_file (fixture, "no-such-folder/refused.csv");
  g_auto(EdTestCliResult) result = { 0 };

  {
    g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
  }
  db = ed_test_dir_file (fixture, "district.db");
  g_assert_true (g_file_set_contents (input,
                                      "elector_number_prefix,elector_number,surname\r\n"
                                      "AA,not a number,Carter\r\n", -1, NULL));
  ed_test_cli_run (&result, "--db", db, "register", "import", input, "--report", report, NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "line 2"));
  g_assert_nonnull (strstr (result.err, "refused.csv"));
}

/* ---- CSV injection ----------------------------------------------------------------------- */

/* OWASP's CSV injection: a cell a spreadsheet would run as a formula is written with a quote
 * before it, and the import takes it off again. */
static void
test_formulas_neutralised_and_reimported (EdTestDir     *fixture,
                                          gconstpointer  data)
{
  static const char *surnames[] = {
    "=HYPERLINK(\"http://x.example\",\"y\")", "+44 1632", "-Smith", "@SUM(A1)", "'=Quoted",
    "''+Twice", "'Plain", "Carter",
  };
  g_autofree char *export_path = ed_test_dir_file (fixture, "export.csv");
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_DECEMBER, 2026);
  {
    g_autoptr(EdContext) context = ed_test_register_open (fixture, "england");
    g_autofree char *aa = ed_test_register_add_district (context, "AA", "Abbey");
    g_autofree char *home = ed_test_register_add_property (context, aa, "2", "=Mill Lane");

    /* The helper's postcode is one the import refuses. */
    ed_test_register_set (context, "property", home, "postcode",
                          g_variant_new_string ("ZY1 1AA"));
    for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
      g_free (ed_test_register_add_elector (context, aa, home, "AA", i + 1, 0, surnames[i],
                                            "@Ann", "current", 0));
    g_assert_true (ed_register_export_csv (context, ED_REGISTER_EDITION_FULL, &as_at, file, NULL,
                                           &error));
    g_assert_no_error (error);
  }

  g_assert_true (g_file_get_contents (export_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\""));
  g_assert_nonnull (strstr (text, ",\"'+44 1632\","));
  g_assert_nonnull (strstr (text, ",\"'-Smith\","));
  g_assert_nonnull (strstr (text, ",\"'@SUM(A1)\","));
  g_assert_nonnull (strstr (text, ",\"'@Ann\","));
  g_assert_nonnull (strstr (text, ",\"''=Quoted\","));
  g_assert_nonnull (strstr (text, ",\"'''+Twice\","));
  g_assert_nonnull (strstr (text, ",'Plain,"));
  g_assert_nonnull (strstr (text, ",\"'=Mill Lane\","));
  g_assert_null (strstr (text, ",="));

  /* Into a new district, the same values come back. */
  {
    g_autofree char *other = ed_test_dir_file (fixture, "other.db");
    g_autoptr(EdContext) context = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    g_autofree char *first = ed_test_dir_file (fixture, "district.db");

    g_assert_cmpint (g_rename (first, other), ==, 0);
    context = ed_test_register_open (fixture, "england");
    report = ed_register_import_csv (context, export_path, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (report);
    for (guint i = 0; i < report->problems->len; i++)
      g_test_message ("%s", ((EdImportProblem *)report->problems->pdata[i])->reason);
    g_assert_cmpuint (report->problems->len, ==, 0);
    g_assert_cmpuint (report->n_electors, ==, G_N_ELEMENTS (surnames));
    for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
      {
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        g_autofree char *surname =
          ed_test_register_get (context, "SELECT surname FROM elector WHERE number = ?1",
                                number);
        g_autofree char *forenames =
          ed_test_register_get (context, "SELECT forenames FROM elector WHERE number = ?1",
                                number);

        g_assert_cmpstr (surname, ==, surnames[i]);
        g_assert_cmpstr (forenames, ==, "@Ann");
      }
  }
}

/* ---- the demo ---------------------------------------------------------------------------- */

static void
test_killed_demo_leaves_no_district (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autofree char *out_dir = make_out_dir (fixture);
  g_autofree char *target = g_build_filename (out_dir, "demo.db", NULL);
  const char *argv[] = {
    ED_CLI_PATH, "--db", target, "demo", "--electors", "30000", NULL,
  };

  kill_part_way (argv, out_dir);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_only_temporaries (out_dir, "demo.db");
}

static void
test_full_disk_demo (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *out_dir = make_out_dir (fixture);
  g_autofree char *target = g_build_filename (out_dir, "demo.db", NULL);
  g_auto(EdTestCliResult) result = { 0 };
  const char *argv[] = {
    ED_CLI_PATH, "--db", target, "demo", "--electors", "5000", NULL,
  };

  run_on_full_disk (&result, 1024 * 1024, argv);
  g_assert_cmpint (result.status, !=, 0);
  /* The file asked for, not only the temporary beside it. */
  g_assert_nonnull (strstr (result.err, "demo.db”"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_empty (out_dir);
}

/* ---- the district file ------------------------------------------------------------------- */

/* A district file readable by others (copied in, or made under a wide umask by an older
 * version) is tightened to 0600 when it is opened, with a warning. */
static void
test_wide_district_tightened (EdTestDir     *fixture,
                              gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  GStatBuf st;

  {
    g_autoptr(EdContext) first = ed_test_register_open (fixture, "england");
  }
  db = ed_test_dir_file (fixture, "district.db");
  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  context = ed_modules_open_district (db, &error);
  g_assert_no_error (error);
  notice = ed_database_dup_privacy_notice (ed_replica_get_database (ED_REPLICA (context)));
  g_assert_true (g_pattern_match_simple ("*district.db*0644*0600*", notice));
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&context);

  /* The command line tells the person on standard error, and carries on. */
  g_assert_cmpint (g_chmod (db, 0640), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)ED_CLI_PATH, "--db", db,
                                                  "info", NULL },
                               NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_pattern_match_simple ("*district.db*0640*0600*", err));
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/output/export/killed-leaves-no-file/csv", EdTestDir, "csv", ed_test_dir_setup,
              test_killed_export_leaves_no_file, ed_test_dir_teardown);
  g_test_add ("/output/export/killed-leaves-no-file/pdf", EdTestDir, "pdf", ed_test_dir_setup,
              test_killed_export_leaves_no_file, ed_test_dir_teardown);
  g_test_add ("/output/export/full-disk-leaves-no-file/csv", EdTestDir, "csv",
              ed_test_dir_setup, test_full_disk_export, ed_test_dir_teardown);
  g_test_add ("/output/export/full-disk-leaves-no-file/pdf", EdTestDir, "pdf",
              ed_test_dir_setup, test_full_disk_export, ed_test_dir_teardown);
  ED_TEST_ADD ("/output/notice/files-private-under-any-umask", test_notice_files_private);
  ED_TEST_ADD ("/output/notice/publish-all-or-nothing", test_notice_publish_all_or_nothing);
  ED_TEST_ADD ("/output/import/unwritten-report-still-shows-problems",
               test_unwritten_report_still_shows_problems);
  ED_TEST_ADD ("/output/csv/formulas-neutralised-and-reimported",
               test_formulas_neutralised_and_reimported);
  ED_TEST_ADD ("/output/demo/killed-leaves-no-district", test_killed_demo_leaves_no_district);
  ED_TEST_ADD ("/output/demo/full-disk-leaves-no-district", test_full_disk_demo);
  ED_TEST_ADD ("/output/database/wide-district-tightened", test_wide_district_tightened);

  return g_test_run ();
}
