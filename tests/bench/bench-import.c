/* bench-import.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Elector CSV import (DESIGN.md §9): 300,000 electors read, checked, written through the
 * change set with the op log, and indexed for search, as a ratio to the storage work alone
 * done by the sqlite3 shell in the same run: ".import" of the same file into a bare table,
 * then an FTS5 index over the same searchable columns built from it (budget 2x).
 *
 * The file is the full edition exported from a 300,000-elector demo district, made by the
 * command line (the program's argument) in processes of its own, so that the import runs in
 * a process that has done nothing else, as a desk's does. Both sides start from a new
 * database file with the page cache warm from reading the file once. Right after the demo
 * district's gigabyte is written the machine is slower for a while, and the import, which
 * writes three times what the shell does, more so: a file kept with ED_BENCH_CSV gives a
 * lower ratio than a fresh one.
 *
 * ED_BENCH_ELECTORS sets the size. ED_BENCH_CSV names a file to keep the export in: made
 * when it does not exist, reused when it does, so that repeated runs while tuning skip the
 * demo district (the size is then the file's). */

#define G_LOG_DOMAIN "ed-bench-import"

#include "config.h"

#include "ed-modules.h"
#include <gio/gio.h>
#include <sys/resource.h>

#include "ed-bench-util.h"
#include "demo/ed-demo.h"
#include "register/ed-register-import.h"

#define DEFAULT_ELECTORS 300000
#define BUDGET_RATIO 2.0

/* The same searchable text as elector_search_source in 0004-register.sql. */
static const char shell_script_template[] =
  ".bail on\n"
  "PRAGMA journal_mode = WAL;\n"
  "PRAGMA synchronous = FULL;\n"
  ".import --csv --skip 1 '%s' register\n"
  "CREATE VIRTUAL TABLE register_search USING fts5 (name, address, postcode, number, "
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none, "
  "  columnsize = 0);\n"
  "INSERT INTO register_search (rowid, name, address, postcode, number) "
  "  SELECT rowid, title || ' ' || forenames || ' ' || surname, "
  "    trim (property || ' ' || street || ' ' || locality || ' ' || town), "
  "    postcode || ' ' || replace (postcode, ' ', ''), "
  "    elector_number_prefix || elector_number FROM register;\n";

/* CPU seconds (user and system) of this process, or of its finished children. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static char *
bare_table_sql (const char *csv_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) names = NULL;
  GString *sql = g_string_new ("CREATE TABLE register (");
  char *newline;

  /* The header line names the columns; every one is a plain column, as .import makes. */
  ed_bench_check (g_file_get_contents (csv_path, &contents, NULL, &error), error,
                  "reading the CSV");
  newline = strpbrk (contents, "\r\n");
  *newline = '\0';
  names = g_strsplit (contents, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", names[i]);
  g_string_append (sql, ");\n");
  return g_string_free (sql, FALSE);
}

/* Runs the command line with @args; fails the benchmark if it fails. */
static void
run_cli (const char * const *args)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;

  cli = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  ed_bench_check (cli != NULL, error, "starting the command line");
  ed_bench_check (g_subprocess_wait_check (cli, NULL, &error), error, args[3]);
}

/* The full edition of a new demo district of @electors electors, in @csv_path. */
static void
make_register_csv (const char *cli_path,
                   const char *source_path,
                   guint       electors,
                   const char *csv_path)
{
  g_autofree char *count = g_strdup_printf ("%u", electors);
  const char *demo[] = { cli_path, "--db", source_path, "demo", "--electors", count, NULL };
  const char *export[] = {
    cli_path, "--db", source_path, "register", "export", "--edition", "full", "-o", csv_path,
    NULL,
  };

  run_cli (demo);
  run_cli (export);
}

static double
time_shell (const char *dir,
            const char *csv_path)
{
  g_autofree char *db_path = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *create = bare_table_sql (csv_path);
  g_autofree char *rest = g_strdup_printf (shell_script_template, csv_path);
  g_autofree char *script = g_strconcat (create, rest, NULL);
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, "sqlite3", db_path, NULL);
  ed_bench_check (shell != NULL, error, "starting the sqlite3 shell");
  ed_bench_check (g_subprocess_communicate_utf8 (shell, script, NULL, NULL, NULL, &error),
                  error, "running the sqlite3 shell");
  ed_bench_check (g_subprocess_get_successful (shell), NULL, "the sqlite3 shell's import");
  return ed_bench_ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(EdContext) target = NULL;
  g_autoptr(EdImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *size = g_getenv ("ED_BENCH_ELECTORS");
  const char *kept_csv = g_getenv ("ED_BENCH_CSV");
  EdDemoOptions options;
  double shell_ms, import_ms, ratio;
  double shell_cpu, import_cpu;
  gint64 start;

  ed_bench_init ();
  if (argc != 2)
    g_error ("usage: %s ELECTORAL-DESK-CLI", argv[0]);
  if (sqlite3 == NULL)
    {
      g_print ("# SKIP: the sqlite3 shell (Debian package sqlite3) is needed for the baseline\n");
      return 77;
    }
  dir = ed_bench_make_dir ();
  source_path = g_build_filename (dir, "source.db", NULL);
  target_path = g_build_filename (dir, "target.db", NULL);
  csv_path = kept_csv != NULL && kept_csv[0] != '\0'
    ? g_strdup (kept_csv) : g_build_filename (dir, "register.csv", NULL);

  ed_demo_options_init (&options);
  options.electors = size != NULL ? (guint)g_ascii_strtoull (size, NULL, 10) : DEFAULT_ELECTORS;
  if (!g_file_test (csv_path, G_FILE_TEST_EXISTS))
    make_register_csv (argv[1], source_path, options.electors, csv_path);

  /* Read once so that neither side pays for the first read from disk. */
  ed_bench_check (g_file_get_contents (csv_path, &contents, NULL, &error), error, "reading");
  g_clear_pointer (&contents, g_free);

  shell_cpu = cpu_seconds (RUSAGE_CHILDREN);
  shell_ms = time_shell (dir, csv_path);
  shell_cpu = cpu_seconds (RUSAGE_CHILDREN) - shell_cpu;

  options.electors = 0;
  target = ed_modules_open_district (target_path, &error);
  ed_bench_check (target != NULL, error, "creating the target district");
  ed_bench_check (ed_demo_generate (target, &options, &error), error, "setting up the district");
  import_cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  report = ed_register_import_csv (target, csv_path, NULL, NULL, NULL, &error);
  import_ms = ed_bench_ms_since (start);
  import_cpu = cpu_seconds (RUSAGE_SELF) - import_cpu;
  ed_bench_check (report != NULL, error, "importing");
  if (report->problems->len > 0)
    g_error ("The import refused %u rows", report->problems->len);

  ratio = import_ms / shell_ms;
  g_print ("# %u electors: register import %.2f s (%u addresses, %u polling districts); "
           "sqlite3 shell .import + FTS5 %.2f s\n", report->n_electors, import_ms / 1000.0,
           report->n_properties, report->n_polling_districts, shell_ms / 1000.0);
  /* On a shared machine the time each side waits for a core varies from run to run; the
   * processor time each used does much less, so it is printed too. */
  g_print ("# processor time: register import %.2f s, sqlite3 shell %.2f s (%.2f x)\n",
           import_cpu, shell_cpu, import_cpu / shell_cpu);
  g_print ("bench: import-ratio %.2f x budget %.1f x\n", ratio, BUDGET_RATIO);

  g_clear_object (&target);
  ed_bench_remove_dir (dir);
  return ratio <= BUDGET_RATIO ? 0 : 1;
}
