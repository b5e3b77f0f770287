/* test-crash-injection.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "changes/ed-change-set.h"
#include "core/ed-output-file.h"
#include "staff/ed-payroll.h"
#include "staff/ed-staff-appointment.h"
#include "ed-test-cli.h"
#include "ed-test-demo.h"
#include "ed-test-register.h"

/* The real command, killed with SIGKILL at ten or more moments of its run, as a power cut or
 * `kill -9` would (DESIGN.md §6–7): after each kill the district opens, SQLite finds it
 * whole, its state is the one before the command or the one after, never a mix, and every
 * file under a final name is complete; a hidden `.NAME.XXXXXX.partial` is all a kill may
 * leave.
 *
 * The moments are the crash points of src/core/ed-crash-point.c, which a build with
 * -Dtest_hooks carries: an uninterrupted run with ED_CRASH_TRACE lists them, and the command
 * is then run again with ED_CRASH_AT=N for each N chosen. Every transaction's begin and
 * commit, each output file's temporary, its sync and its rename are chosen, and points
 * spread evenly over the whole run besides, from the first to the last: inside transactions,
 * between files. The same data gives the same points, so a failure names a point that kills
 * there again. */

/* Points spread evenly over the run, besides the named ones, and over each transaction:
 * a command that writes files after it commits spends most of its points on them. */
#define SPREAD_POINTS 10
#define TRANSACTION_POINTS 4

/* Each command's district: small, so that some eighty runs take seconds. */
#define ELECTORS 2000

/* A district's state, as far as a command changes it. The state hash covers every synced
 * row and each op's clock, so two runs of a command that makes ops (each at its own time)
 * give two hashes: it is compared only for ops apply, whose ops come from its file. For the
 * others the register itself is compared, as its full export (every entry, its number and
 * its status, in the statutory order), with the counts of ops, notices and stamped
 * alterations. */
typedef struct
{
  char    *hash;
  char    *register_digest;
  gint64   electors;
  gint64   ops;
  gint64   notices;
  gint64   stamped;
} State;

static void
state_clear (State *state)
{
  g_clear_pointer (&state->hash, g_free);
  g_clear_pointer (&state->register_digest, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

static gboolean
state_equal (const State *a,
             const State *b,
             gboolean     compare_hash)
{
  return (!compare_hash || g_strcmp0 (a->hash, b->hash) == 0) &&
         g_strcmp0 (a->register_digest, b->register_digest) == 0 &&
         a->electors == b->electors && a->ops == b->ops && a->notices == b->notices &&
         a->stamped == b->stamped;
}

static char *
state_describe (const State *state)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " electors, %" G_GINT64_FORMAT " ops, %"
                          G_GINT64_FORMAT " notices, %" G_GINT64_FORMAT " stamped, register %.12s"
                          ", hash %.12s", state->electors, state->ops, state->notices,
                          state->stamped, state->register_digest, state->hash);
}

typedef enum
{
  WHEN_UNKNOWN,
  WHEN_BEFORE,
  WHEN_AFTER,
} When;

/* One command under test. */
typedef struct
{
  const char  *name;
  /* The district the command works on, and the copy of it each run starts from; for the
   * demo, which makes its district, NULL. */
  char        *db;
  char        *pristine;
  /* The folder the command writes its files into, emptied before each run. */
  char        *out_dir;
  GPtrArray   *argv;
  /* Whether its ops come from a file, the same at every run, so that its state hash is too. */
  gboolean     same_ops;
  /* Whether the files it writes are databases, whose size differs from run to run. */
  gboolean     writes_databases;
  /* From the uninterrupted run. */
  State        before;
  State        after;
  GHashTable  *outputs;   /* final name → size in bytes */
  GPtrArray   *points;    /* point N's name at N - 1 */
} Command;

static void
command_free (Command *command)
{
  g_free (command->db);
  g_free (command->pristine);
  g_free (command->out_dir);
  g_ptr_array_unref (command->argv);
  state_clear (&command->before);
  state_clear (&command->after);
  g_clear_pointer (&command->outputs, g_hash_table_unref);
  g_clear_pointer (&command->points, g_ptr_array_unref);
  g_free (command);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Command, command_free)

static Command *
command_new (EdTestDir  *fixture,
             const char *name,
             const char *db)
{
  Command *command = g_new0 (Command, 1);

  command->name = name;
  command->out_dir = ed_test_dir_file (fixture, "out");
  g_assert_cmpint (g_mkdir (command->out_dir, 0700), ==, 0);
  command->argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (command->argv, g_strdup (ED_CLI_PATH));
  if (db != NULL)
    {
      command->db = g_strdup (db);
      command->pristine = g_strconcat (db, ".pristine", NULL);
      g_ptr_array_add (command->argv, g_strdup ("--db"));
      g_ptr_array_add (command->argv, g_strdup (db));
    }
  return command;
}

static void
command_add_args (Command    *command,
                  const char *first_arg,
                  ...)
{
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (command->argv, g_strdup (arg));
  va_end (args);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  /* 0600, as the program writes a district: a wider file is tightened with a warning. */
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE,
                                           0600, &error));
  g_assert_no_error (error);
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* Empties the output folder and puts back the district as it was before the command. */
static void
command_reset (Command *command)
{
  g_autoptr(GDir) dir = g_dir_open (command->out_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (command->out_dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  if (command->db != NULL)
    {
      remove_database_files (command->db);
      copy_file (command->pristine, command->db);
    }
}

/* Runs the command with ED_CRASH_TRACE, and ED_CRASH_AT=@crash_at unless it is 0. Returns
 * the wait status; @out_err gets stderr. */
static int
command_spawn (Command  *command,
               guint     crash_at,
               char    **out_err)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *at = g_strdup_printf ("%u", crash_at);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  envp = g_environ_setenv (envp, "ED_CRASH_TRACE", "1", TRUE);
  if (crash_at > 0)
    envp = g_environ_setenv (envp, "ED_CRASH_AT", at, TRUE);
  else
    envp = g_environ_unsetenv (envp, "ED_CRASH_AT");
  for (guint i = 0; i < command->argv->len; i++)
    g_ptr_array_add (argv, command->argv->pdata[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                out_err, &wait_status, &error);
  g_assert_no_error (error);
  return wait_status;
}

/* The crash points a run passed, from its trace: "ed-crash-point N NAME" lines. */
static GPtrArray *
parse_trace (const char *err,
             guint      *out_last)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "ed-crash-point "))
        continue;
      words = g_strsplit (lines[i], " ", 3);
      g_assert_cmpuint (g_strv_length (words), ==, 3);
      /* Numbered from 1 in the order passed. */
      g_assert_cmpuint (g_ascii_strtoull (words[1], NULL, 10), ==, points->len + 1);
      g_ptr_array_add (points, g_strdup (words[2]));
    }
  if (out_last != NULL)
    *out_last = points->len;
  return g_steal_pointer (&points);
}

/* SQLite's own check of the whole file, before the program opens it: opening it could mend
 * or hide what a kill did. */
static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) result = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s;", (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpstr (result->str, ==, "ok;");
}

static gint64
count_stamped (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM register_alteration "
                                       "WHERE notice != ''", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The register's full export, as a digest: written in a folder of its own, never in the
 * output folder the test lists. */
static char *
register_digest (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("electoral-desk-crash-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  g_auto(EdTestCliResult) result = { 0 };
  gsize length;

  g_assert_no_error (error);
  csv = g_build_filename (dir, "register.csv", NULL);
  ed_test_cli_run (&result, "--db", path, "register", "export", "--edition", "full", "--as-at",
                   "2027-02-02", "-o", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_no_error (error);
  g_remove (csv);
  g_rmdir (dir);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* The district at @path as the program opens it: `info --json`. */
static void
read_state (const char *path,
            State      *state)
{
  g_auto(EdTestCliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *tables;

  ed_test_cli_run (&result, "--db", path, "info", "--json", NULL);
  if (result.status != 0)
    g_error ("the district does not open after the kill: %s", result.err);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_object_member (root, "tables");
  state_clear (state);
  state->hash = g_strdup (json_object_get_string_member (root, "state_hash"));
  state->electors = json_object_get_int_member (tables, "elector");
  state->ops = json_object_get_int_member (tables, "op_log");
  state->notices = json_object_get_int_member (tables, "register_notice");
  state->stamped = count_stamped (path);
  state->register_digest = register_digest (path);
}

/* Is @name what a killed writer may leave: a hidden temporary (core/ed-output-file.h), or
 * SQLite's files beside a database's temporary? */
static gboolean
is_temporary (const char *name)
{
  return name[0] == '.' && (g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX) ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-wal") ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-shm") ||
                            g_str_has_suffix (name, ED_OUTPUT_FILE_SUFFIX "-journal"));
}

/* The files under final names in the output folder, each checked against the size the
 * uninterrupted run wrote: an incomplete file under a final name fails here. */
static GHashTable *
list_outputs (Command  *command,
              gboolean  reference)
{
  g_autoptr(GDir) dir = g_dir_open (command->out_dir, 0, NULL);
  GHashTable *outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (command->out_dir, name, NULL);
      GStatBuf st;

      if (is_temporary (name))
        {
          g_assert_false (reference);
          continue;
        }
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      if (!reference)
        {
          gpointer size;

          if (!g_hash_table_lookup_extended (command->outputs, name, NULL, &size))
            g_error ("%s: “%s” is no file the command writes", command->name, name);
          /* A PDF's trailer and a CSV's last line are its last bytes: same size, complete.
           * A database is checked whole by its command's check. */
          if (!command->writes_databases && (gsize)st.st_size != GPOINTER_TO_SIZE (size))
            g_error ("%s: “%s” is under its final name with %" G_GOFFSET_FORMAT " bytes of %"
                     G_GSIZE_FORMAT, command->name, name, (goffset)st.st_size,
                     GPOINTER_TO_SIZE (size));
        }
      g_hash_table_insert (outputs, g_strdup (name), GSIZE_TO_POINTER ((gsize)st.st_size));
    }
  return outputs;
}

/* Runs the command uninterrupted, for its crash points, its files and its after state. */
static void
command_measure (Command *command)
{
  g_autofree char *err = NULL;
  int wait_status;

  if (command->db != NULL)
    {
      g_autofree char *wal = g_strconcat (command->db, "-wal", NULL);

      /* The district was closed: all of it is in the one file that each run copies. */
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      copy_file (command->db, command->pristine);
      read_state (command->pristine, &command->before);
      command_reset (command);
    }
  wait_status = command_spawn (command, 0, &err);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed without a kill: %s", command->name, err);
  command->points = parse_trace (err, NULL);
  command->outputs = list_outputs (command, TRUE);
  if (command->db != NULL)
    {
      read_state (command->db, &command->after);
      g_assert_false (state_equal (&command->before, &command->after, command->same_ops));
    }
  g_test_message ("%s: %u crash points, %u files", command->name, command->points->len,
                  g_hash_table_size (command->outputs));
}

static gboolean
is_named_point (const char *name)
{
  /* The points that mark a step (a transaction's edges, a file's temporary, its sync and its
   * rename); the others come many to a step. */
  return !g_str_equal (name, "sqlite") && !g_str_equal (name, "progress") &&
         !g_str_equal (name, "output-write");
}

/* The points to kill at: every named one, the first and the last, SPREAD_POINTS evenly
 * between, and TRANSACTION_POINTS evenly between each begin and its commit. */
static GArray *
choose_points (Command *command)
{
  guint total = command->points->len;
  g_autofree gboolean *chosen = g_new0 (gboolean, total + 1);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (total, >, 0);
  /* A command of a few points is killed at each of them. */
  if (total <= SPREAD_POINTS)
    {
      for (guint n = 1; n <= total; n++)
        g_array_append_val (points, n);
      return points;
    }
  chosen[1] = chosen[total] = TRUE;
  for (guint i = 1; i <= SPREAD_POINTS; i++)
    chosen[1 + (guint)((guint64)(total - 1) * i / (SPREAD_POINTS + 1))] = TRUE;
  for (guint n = 1; n <= total; n++)
    if (is_named_point (g_ptr_array_index (command->points, n - 1)))
      chosen[n] = TRUE;
  for (guint begin = 1; begin <= total; begin++)
    {
      guint commit = begin + 1;

      if (!g_str_equal (g_ptr_array_index (command->points, begin - 1), "begin"))
        continue;
      while (commit <= total && !g_str_equal (g_ptr_array_index (command->points, commit - 1),
                                              "commit"))
        commit++;
      for (guint i = 1; i <= TRANSACTION_POINTS && commit <= total; i++)
        chosen[begin + (commit - begin) * i / (TRANSACTION_POINTS + 1)] = TRUE;
    }
  for (guint n = 1; n <= total; n++)
    if (chosen[n])
      g_array_append_val (points, n);
  return points;
}

/* What one kill left, for the command's own checks. */
typedef struct
{
  guint        point;
  const char  *point_name;
  gboolean     renamed;   /* killed once a file was renamed into place */
  When         when;      /* the district's state: before or after */
  GHashTable  *outputs;   /* the files under final names */
} Outcome;

/* The command's own rules; for a command with no district of its own to compare, it sets
 * @outcome's when. */
typedef void (*CheckFunc) (Command *command,
                           Outcome *outcome);

/* Kills the command at each chosen point and checks what it left; @check adds the
 * command's own rules. */
static void
command_kill_at_every_point (Command   *command,
                             CheckFunc  check)
{
  g_autoptr(GArray) points = choose_points (command);
  guint killed = 0;
  guint n_before = 0;
  guint n_after = 0;

  for (guint i = 0; i < points->len; i++)
    {
      guint point = g_array_index (points, guint, i);
      g_autofree char *err = NULL;
      g_autoptr(GPtrArray) passed = NULL;
      g_autoptr(GHashTable) outputs = NULL;
      Outcome outcome = { point, g_ptr_array_index (command->points, point - 1), FALSE,
                          WHEN_UNKNOWN, NULL };
      guint last;
      int wait_status;

      command_reset (command);
      wait_status = command_spawn (command, point, &err);
      passed = parse_trace (err, &last);
      if (!WIFSIGNALED (wait_status) || WTERMSIG (wait_status) != SIGKILL)
        g_error ("%s was to be killed at point %u (%s) but was not: %s", command->name, point,
                 outcome.point_name, err);
      /* The run passed the same points as the uninterrupted one, up to the kill. */
      g_assert_cmpuint (last, ==, point);
      g_assert_cmpstr (g_ptr_array_index (passed, last - 1), ==, outcome.point_name);
      killed++;
      for (guint n = 0; n < last; n++)
        outcome.renamed |= g_str_equal (g_ptr_array_index (passed, n), "renamed");

      outputs = list_outputs (command, FALSE);
      outcome.outputs = outputs;
      if (command->db != NULL)
        {
          g_auto(State) state = { 0 };
          g_autofree char *seen = NULL;

          assert_integrity (command->db);
          read_state (command->db, &state);
          seen = state_describe (&state);
          if (state_equal (&state, &command->before, command->same_ops))
            outcome.when = WHEN_BEFORE;
          else if (state_equal (&state, &command->after, command->same_ops))
            outcome.when = WHEN_AFTER;
          else
            g_error ("%s killed at point %u (%s) left a state neither before nor after: %s",
                     command->name, point, outcome.point_name, seen);
          g_test_message ("%s killed at point %u of %u (%s): %s, %u files", command->name,
                          point, command->points->len, outcome.point_name,
                          outcome.when == WHEN_BEFORE ? "before" : "after",
                          g_hash_table_size (outputs));
        }
      check (command, &outcome);
      g_assert_cmpint (outcome.when, !=, WHEN_UNKNOWN);
      n_before += outcome.when == WHEN_BEFORE;
      n_after += outcome.when == WHEN_AFTER;
    }

  g_test_message ("%s: killed at %u points: %u left it as before, %u as after", command->name,
                  killed, n_before, n_after);
  g_assert_cmpuint (killed, >=, MIN (command->points->len, 10));
  /* The points span the command: some kills come before its work is kept, some after. */
  g_assert_cmpuint (n_before, >, 0);
  g_assert_cmpuint (n_after, >, 0);
}

/* ---- the commands' districts ------------------------------------------------------------- */

static char *
make_demo_district (EdTestDir  *fixture,
                    const char *name,
                    guint       electors,
                    const char *seed)
{
  char *db = ed_test_dir_file (fixture, name);
  g_autofree char *size = g_strdup_printf ("%u", electors);
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "--db", db, "demo", "--electors", size, "--seed", seed, NULL);
  g_assert_cmpint (result.status, ==, 0);
  return db;
}

/* A demo district with alterations determined in November (which the revised register of
 * 1 December publishes) and in January (which the notice of 1 February publishes too). */
static char *
make_district_with_alterations (EdTestDir *fixture)
{
  g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", ELECTORS);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) electors = g_ptr_array_new_with_free_func (g_free);

  stmt = ed_database_prepare (ed_context_get_database (context),
                              "SELECT id FROM elector WHERE status = 'current' ORDER BY rowid "
                              "LIMIT 200", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (electors, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (electors->len, ==, 200);

  for (guint i = 0; i < electors->len; i++)
    {
      const char *elector = g_ptr_array_index (electors, i);

      ed_test_elector_set (context, elector, "status",
                           g_variant_new_string ("pending_deletion"));
      g_free (ed_test_register_add_alteration (context, elector, "deletion",
                                               i % 2 == 0 ? "2026-11-20" : "2027-01-12",
                                               "moved", ""));
    }
  return ed_test_dir_file (fixture, "district.db");
}

/* ---- import ------------------------------------------------------------------------------ */

static void
check_import (Command *command,
              Outcome *outcome)
{
  /* The refused-rows report is written after the import commits. */
  if (outcome->when == WHEN_BEFORE)
    g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
}

static void
test_import (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autofree char *source = make_demo_district (fixture, "source.db", ELECTORS, "11");
  g_autofree char *db = make_demo_district (fixture, "district.db", 0, "11");
  g_autofree char *csv = ed_test_dir_file (fixture, "register.csv");
  g_autofree char *report = NULL;
  g_autoptr(Command) command = command_new (fixture, "import", db);
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "--db", source, "register", "export", "--edition", "full", "-o",
                   csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  report = g_build_filename (command->out_dir, "refused.csv", NULL);
  command_add_args (command, "register", "import", "--report", report, csv, NULL);
  command_measure (command);
  g_assert_cmpint (command->after.electors, ==, ELECTORS);
  command_kill_at_every_point (command, check_import);
}

/* ---- stations import --------------------------------------------------------------------- */

static void
check_stations_import (Command *command,
                       Outcome *outcome)
{
  /* The dropped-rows report is written after the import commits. */
  if (outcome->when == WHEN_BEFORE)
    g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
}

/* An EMS station file of the project's own (invented addresses): its places, stations,
 * districts, properties and coverage are written in one change set, or none of them. */
static void
test_stations_import (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = make_demo_district (fixture, "district.db", 0, "11");
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "stations",
                                                 "xpress-2019.csv", NULL);
  g_autofree char *report = NULL;
  g_autoptr(Command) command = command_new (fixture, "stations-import", db);

  report = g_build_filename (command->out_dir, "dropped.csv", NULL);
  command_add_args (command, "stations", "import", "--report", report, file, NULL);
  command_measure (command);
  g_assert_cmpstr (command->before.hash, !=, command->after.hash);
  command_kill_at_every_point (command, check_stations_import);
}

/* ---- revise ------------------------------------------------------------------------------ */

static void
check_revise (Command *command,
              Outcome *outcome)
{
  /* The four registers are written after the revision commits (ed-register-revise.c): a
   * kill after the commit may leave some of them, each whole, to be printed again. */
  if (outcome->when == WHEN_BEFORE)
    g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
}

static void
test_revise (EdTestDir     *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_district_with_alterations (fixture);
  g_autoptr(Command) command = command_new (fixture, "revise", db);

  command_add_args (command, "register", "revise", "--date", "2026-12-01", "-o",
                    command->out_dir, NULL);
  command_measure (command);
  g_assert_cmpuint (g_hash_table_size (command->outputs), ==, 4);
  command_kill_at_every_point (command, check_revise);
}

/* ---- notice publish ---------------------------------------------------------------------- */

/* Publishes the notice again, uninterrupted, over what a kill left. */
static void
republish (Command *command)
{
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) outputs = NULL;
  g_auto(State) state = { 0 };
  int wait_status = command_spawn (command, 0, &err);

  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("the notice could not be published again after the kill: %s", err);
  read_state (command->db, &state);
  g_assert_true (state_equal (&state, &command->after, FALSE));
  outputs = list_outputs (command, FALSE);
  g_assert_cmpuint (g_hash_table_size (outputs), ==, 2);
}

static void
check_notice (Command *command,
              Outcome *outcome)
{
  guint n_files = g_hash_table_size (outcome->outputs);

  /* Stamped, the notice's two files are there. */
  if (outcome->when == WHEN_AFTER)
    {
      g_assert_cmpuint (n_files, ==, 2);
      return;
    }
  if (n_files == 0)
    return;

  /* Files and no stamps: only from a kill between the renames and the commit, the moment
   * ed-register-notice.c chooses over stamps with no files. The district says the notice is
   * not published, and publishing it again writes the same two files over them. */
  g_assert_true (outcome->renamed);
  republish (command);
}

static void
test_notice_publish (EdTestDir     *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = make_district_with_alterations (fixture);
  g_autoptr(Command) command = command_new (fixture, "notice publish", db);

  command_add_args (command, "register", "notice", "--publish", "--date", "2027-02-01", "-o",
                    command->out_dir, NULL);
  command_measure (command);
  g_assert_cmpuint (g_hash_table_size (command->outputs), ==, 2);
  g_assert_cmpint (command->after.notices, ==, 1);
  command_kill_at_every_point (command, check_notice);
}

/* ---- ops apply --------------------------------------------------------------------------- */

static void
check_apply (Command *command,
             Outcome *outcome)
{
  g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
}

/* A first desk's district as an ops file: its first change in @start, all of them, with a
 * register of ELECTORS imported after, in @ops. */
static void
make_ops_files (EdTestDir  *fixture,
                const char *start,
                const char *ops)
{
  g_autofree char *first = make_demo_district (fixture, "first.db", 0, "11");
  g_autofree char *source = make_demo_district (fixture, "source.db", ELECTORS, "11");
  g_autofree char *csv = ed_test_dir_file (fixture, "register.csv");
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "--db", first, "ops", "export", "-o", start, NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_run (&result, "--db", source, "register", "export", "--edition", "full", "-o",
                   csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_run (&result, "--db", first, "register", "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  ed_test_cli_run (&result, "--db", first, "ops", "export", "-o", ops, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* A second desk of a district that has only the district's first change applies the first
 * desk's register of ELECTORS. */
static void
test_ops_apply (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autofree char *second = ed_test_dir_file (fixture, "second.db");
  g_autofree char *start = ed_test_dir_file (fixture, "start.json");
  g_autofree char *ops = ed_test_dir_file (fixture, "ops.json");
  g_autoptr(Command) command = command_new (fixture, "ops apply", second);
  g_auto(EdTestCliResult) result = { 0 };

  make_ops_files (fixture, start, ops);
  ed_test_cli_run (&result, "--db", second, "ops", "apply", start, NULL);
  g_assert_cmpint (result.status, ==, 0);

  command->same_ops = TRUE;
  command_add_args (command, "ops", "apply", ops, NULL);
  command_measure (command);
  g_assert_cmpint (command->after.electors, ==, ELECTORS);
  command_kill_at_every_point (command, check_apply);
}

/* The district a new desk's apply or the demo makes: no file under its name, or a whole
 * district with the rows of the uninterrupted run's, the same state too if @same_ops. */
static void
check_new_district (Command    *command,
                    Outcome    *outcome,
                    const char *name,
                    gboolean    same_ops)
{
  g_autofree char *path = g_build_filename (command->out_dir, name, NULL);
  g_auto(State) state = { 0 };

  if (!g_hash_table_contains (outcome->outputs, name))
    {
      outcome->when = WHEN_BEFORE;
      g_test_message ("%s killed at point %u (%s): no district", command->name, outcome->point,
                      outcome->point_name);
      return;
    }
  outcome->when = WHEN_AFTER;
  assert_integrity (path);
  read_state (path, &state);
  if (!state_equal (&state, &command->after, same_ops))
    {
      g_autofree char *seen = state_describe (&state);

      g_error ("%s killed at point %u (%s) left a district that is not whole: %s",
               command->name, outcome->point, outcome->point_name, seen);
    }
  g_test_message ("%s killed at point %u (%s): a whole district", command->name,
                  outcome->point, outcome->point_name);
}

static void
check_apply_new_desk (Command *command,
                      Outcome *outcome)
{
  check_new_district (command, outcome, "desk.db", TRUE);
}

/* A new desk: the first desk's whole district applied to a file that does not exist yet,
 * which becomes a copy of it. */
static void
test_ops_apply_new_desk (EdTestDir     *fixture,
                         gconstpointer  data)
{
  g_autofree char *start = ed_test_dir_file (fixture, "start.json");
  g_autofree char *ops = ed_test_dir_file (fixture, "ops.json");
  g_autoptr(Command) command = command_new (fixture, "ops apply (new desk)", NULL);
  g_autofree char *path = g_build_filename (command->out_dir, "desk.db", NULL);

  make_ops_files (fixture, start, ops);
  command->writes_databases = TRUE;
  command_add_args (command, "--db", path, "ops", "apply", ops, NULL);
  command_measure (command);
  g_assert_true (g_hash_table_contains (command->outputs, "desk.db"));
  read_state (path, &command->after);
  g_assert_cmpint (command->after.electors, ==, ELECTORS);
  command_kill_at_every_point (command, check_apply_new_desk);
}

/* ---- demo -------------------------------------------------------------------------------- */

static void
check_demo (Command *command,
            Outcome *outcome)
{
  /* Each run makes its ops at its own time, so the hash differs; the register does not. */
  check_new_district (command, outcome, "demo.db", FALSE);
}

static void
test_demo (EdTestDir     *fixture,
           gconstpointer  data)
{
  g_autoptr(Command) command = command_new (fixture, "demo", NULL);
  g_autofree char *path = g_build_filename (command->out_dir, "demo.db", NULL);

  command->writes_databases = TRUE;
  command_add_args (command, "--db", path, "demo", "--electors", G_STRINGIFY (ELECTORS), "--seed",
                    "11", NULL);
  command_measure (command);
  g_assert_true (g_hash_table_contains (command->outputs, "demo.db"));
  read_state (path, &command->after);
  g_assert_cmpint (command->after.electors, ==, ELECTORS);
  command_kill_at_every_point (command, check_demo);
}

/* ---- poll cards ------------------------------------------------------------------------- */

/* The cards are written whole under a temporary name, the run is recorded, and then the file
 * takes its name (ed-poll-card-print.c): a kill before the record leaves neither; a kill
 * after it leaves the record of a print whose file, if it has its name, is whole, and
 * printing again writes it. Never a file under its name with no record of it. */
static void
check_poll_cards (Command *command,
                  Outcome *outcome)
{
  if (outcome->when == WHEN_BEFORE)
    g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
  if (g_hash_table_size (outcome->outputs) > 0)
    {
      g_assert_true (outcome->renamed);
      g_assert_cmpint (outcome->when, ==, WHEN_AFTER);
    }
}

static void
test_poll_cards (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = make_demo_district (fixture, "district.db", ELECTORS, "11");
  g_autoptr(Command) command = command_new (fixture, "pollcards print", db);
  g_autofree char *pdf = g_build_filename (command->out_dir, "cards.pdf", NULL);

  /* The demo's May poll, counted from the tests' today (2 January 2030). */
  command_add_args (command, "pollcards", "print", "local.ashmere-vale.2030-05-02", "--proof",
                    "-o", pdf, NULL);
  command_measure (command);
  g_assert_true (g_hash_table_contains (command->outputs, "cards.pdf"));
  g_assert_cmpstr (command->before.hash, !=, command->after.hash);
  command_kill_at_every_point (command, check_poll_cards);
}

/* ---- accounts payroll ------------------------------------------------------------------ */

static void
check_accounts_payroll (Command *command,
                        Outcome *outcome)
{
  /* One change set, so the district is as it was or as the whole run left it, which the
   * kills' own check of before and after sees; the command writes no file. */
  g_assert_cmpuint (g_hash_table_size (outcome->outputs), ==, 0);
}

/* The demo's May poll with some of its staff attended and its payroll approved: bringing the
 * run into the account writes an entry for each cost head it pays, in one change set. */
static void
test_accounts_payroll (EdTestDir     *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = ed_test_dir_file (fixture, "district.db");
  g_autoptr(Command) command = NULL;
  g_autofree char *election = NULL;

  {
    g_autoptr(EdContext) context = ed_test_demo_open_as (fixture, "district.db", ELECTORS);
    g_autoptr(GPtrArray) appointments = NULL;
    g_autoptr(GPtrArray) elections = NULL;
    g_autoptr(GError) error = NULL;

    elections = ed_election_list (context, &error);
    g_assert_no_error (error);
    election = g_strdup (((EdElection *)g_ptr_array_index (elections, 0))->slug);
    appointments = ed_staff_appointment_list (
      context, ((EdElection *)g_ptr_array_index (elections, 0))->id,
      ED_STAFF_APPOINTMENT_BY_STATION, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < MIN (appointments->len, 12); i++)
      {
        EdStaffAppointment *appointment = g_ptr_array_index (appointments, i);
        g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), &error);

        g_assert_true (ed_change_set_set (change_set, "staff_appointment", appointment->id,
                                          "state", g_variant_new_string ("attended"), &error));
        g_assert_true (ed_change_set_commit (change_set, &error));
        g_assert_no_error (error);
      }
    g_assert_true (ed_payroll_approve (context, election, "A. Officer", NULL, &error));
    g_assert_no_error (error);
  }
  command = command_new (fixture, "accounts-payroll", db);
  command_add_args (command, "accounts", "payroll", "--election", election, NULL);
  command_measure (command);
  command_kill_at_every_point (command, check_accounts_payroll);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/crash/import/killed-at-every-point", test_import);
  ED_TEST_ADD ("/crash/stations-import/killed-at-every-point", test_stations_import);
  ED_TEST_ADD ("/crash/revise/killed-at-every-point", test_revise);
  ED_TEST_ADD ("/crash/notice-publish/killed-at-every-point", test_notice_publish);
  ED_TEST_ADD ("/crash/ops-apply/killed-at-every-point", test_ops_apply);
  ED_TEST_ADD ("/crash/ops-apply-new-desk/killed-at-every-point", test_ops_apply_new_desk);
  ED_TEST_ADD ("/crash/demo/killed-at-every-point", test_demo);
  ED_TEST_ADD ("/crash/poll-cards/killed-at-every-point", test_poll_cards);
  ED_TEST_ADD ("/crash/accounts-payroll/killed-at-every-point", test_accounts_payroll);

  return g_test_run ();
}
