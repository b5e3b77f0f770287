/* test-module-kit.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DESIGN.md §2: a module is one row of the module list. A module that exists only here gets
 * its table into the district's schema and the sync, its demo part into the demo, and its
 * command onto the command line, with no line of the program naming it. */

#include "config.h"

#include <string.h>

#include "changes/ed-merge.h"
#include "changes/ed-state-hash.h"
#include "cli/ed-cli.h"
#include "demo/ed-demo.h"
#include "ed-modules.h"
#include "ed-test-things.h"
#include "ed-test-dir.h"

static void
test_table_in_schema (EdTestDir     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdContext) without = NULL;
  g_autofree char *other_path = ed_test_dir_file (fixture, "other.db");
  EdSchema *schema;

  context = ed_context_open (path, ed_test_things_module_list (), &error);
  g_assert_no_error (error);
  schema = ed_context_get_schema (context);
  g_assert_true (ed_schema_lookup (schema, "thing") == &ed_test_thing_table);
  g_assert_false (ed_schema_is_local (schema, "thing"));
  g_assert_nonnull (ed_schema_lookup (schema, "elector"));
  g_assert_cmpuint (ed_test_things_count (context), ==, 0);
  g_assert_true (ed_context_get_modules (context) == ed_test_things_module_list ());

  /* The program's own list has no such module, so its districts have no such table. */
  without = ed_modules_open_district (other_path, &error);
  g_assert_no_error (error);
  g_assert_null (ed_schema_lookup (ed_context_get_schema (without), "thing"));
}

static void
test_table_synced (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *a_path = ed_test_dir_file (fixture, "a.db");
  g_autofree char *b_path = ed_test_dir_file (fixture, "b.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) a = NULL;
  g_autoptr(EdContext) b = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  EdMergeStats stats = { 0 };
  char *argv[] = { "electoral-desk-cli", "--db", a_path, "things", "add", "Ballot box", NULL };

  a = ed_context_open (a_path, ed_test_things_module_list (), &error);
  g_assert_no_error (error);
  g_clear_object (&a);

  /* Dispatched from the module's row, with the module list the command line was given. */
  g_assert_cmpint (ed_cli_run (ed_test_things_module_list (), G_N_ELEMENTS (argv) - 1, argv),
                   ==, 0);
  g_assert_cmpstr (ed_test_things_last_added (), ==, "Ballot box");

  a = ed_context_open (a_path, ed_test_things_module_list (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_things_count (a), ==, 1);

  /* The op the command wrote reaches another desk and makes the same row there. */
  b = ed_context_open (b_path, ed_test_things_module_list (), &error);
  g_assert_no_error (error);
  ops = ed_merge_export (ED_REPLICA (a), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ops->len, >, 0);
  g_assert_true (ed_merge_apply (ED_REPLICA (b), NULL, ops, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, ops->len);
  g_assert_cmpuint (ed_test_things_count (b), ==, 1);

  hash_a = ed_state_hash (ED_REPLICA (a), FALSE, &error);
  g_assert_no_error (error);
  hash_b = ed_state_hash (ED_REPLICA (b), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash_a, ==, hash_b);
}

static void
test_command_unknown_to_the_program (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");

  if (g_test_subprocess ())
    {
      char *argv[] = { "electoral-desk-cli", "--db", path, "things", "add", "Box", NULL };
      char *help[] = { "electoral-desk-cli", "--help", NULL };

      /* The program's own list has no "things" group: a usage error. */
      g_assert_cmpint (ed_cli_run (ed_modules_get_all (), G_N_ELEMENTS (argv) - 1, argv), ==,
                       ED_COMMAND_EXIT_USAGE);
      /* With the test module, the help lists its group. */
      g_assert_cmpint (ed_cli_run (ed_test_things_module_list (), G_N_ELEMENTS (help) - 1,
                                   help), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Unknown command*things*");
  g_test_trap_assert_stdout ("*things*Count the things a test module keeps*");
  g_test_trap_assert_stdout ("*register*");
}

static void
test_demo_part (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;
  EdDemoOptions options;

  context = ed_context_open (path, ed_test_things_module_list (), &error);
  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = 300;
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_test_things_count (context), ==, 3);
}

/* Migrations are numbered through every folder, so that one user_version says how far a
 * file has come; the program's whole set must run from 1 without a gap. */
static void
test_program_migrations_contiguous (void)
{
  g_autoptr(EdSchema) schema = ed_modules_new_schema ();
  EdMigrations *migrations = ed_schema_get_migrations (schema);
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_migrations_check (migrations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_migrations_get_n_items (migrations), >=, 7);
  for (guint i = 0; i < ed_migrations_get_n_items (migrations); i++)
    g_assert_cmpint (ed_migrations_get_version (migrations, i), ==, (int)(i + 1));
  g_assert_cmpint (ed_migrations_get_latest (migrations), ==,
                   (int)ed_migrations_get_n_items (migrations));
}

/* Two modules that number a migration alike would leave a district's format ambiguous: the
 * district is refused before anything is written. */
static void
test_clashing_migration_refused (EdTestDir     *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  const EdModule *modules[] = { ed_modules_get_all ()[0], &ed_test_clash_module, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;

  g_assert_cmpstr (modules[0]->id, ==, "register");
  context = ed_context_open (path, modules, &error);
  g_assert_null (context);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "0004-register.sql"));
  g_assert_nonnull (strstr (error->message, "0004-clash.sql"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A new district is made in one transaction, and a file that could not be made into one is
 * removed: a migration that fails half-way leaves nothing at the path, and the error names
 * the migration. */
static void
test_failed_new_district_left_empty (EdTestDir     *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "district.db");
  const EdModule * const *program = ed_modules_get_all ();
  const EdModule *modules[32] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(EdContext) context = NULL;
  guint n = 0;

  while (program[n] != NULL && n < G_N_ELEMENTS (modules) - 2)
    {
      modules[n] = program[n];
      n++;
    }
  modules[n] = &ed_test_broken_module;

  context = ed_context_open (path, modules, &error);
  g_assert_null (context);
  g_assert_error (error, ED_DATABASE_ERROR, ED_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "9001-broken.sql"));
  g_assert_nonnull (strstr (error->message, "no_such_table"));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/module-kit/schema/table-of-a-listed-module", EdTestDir, NULL,
              ed_test_dir_setup, test_table_in_schema, ed_test_dir_teardown);
  g_test_add ("/module-kit/sync/table-synced-and-command-dispatched", EdTestDir, NULL,
              ed_test_dir_setup, test_table_synced, ed_test_dir_teardown);
  g_test_add ("/module-kit/cli/only-listed-commands", EdTestDir, NULL,
              ed_test_dir_setup, test_command_unknown_to_the_program, ed_test_dir_teardown);
  g_test_add ("/module-kit/demo/part-of-a-listed-module", EdTestDir, NULL,
              ed_test_dir_setup, test_demo_part, ed_test_dir_teardown);
  g_test_add_func ("/module-kit/migrations/numbered-without-gaps",
                   test_program_migrations_contiguous);
  g_test_add ("/module-kit/migrations/clashing-number-refused", EdTestDir, NULL,
              ed_test_dir_setup, test_clashing_migration_refused, ed_test_dir_teardown);
  g_test_add ("/module-kit/migrations/failed-new-district-left-empty", EdTestDir, NULL,
              ed_test_dir_setup, test_failed_new_district_left_empty, ed_test_dir_teardown);

  return g_test_run ();
}
