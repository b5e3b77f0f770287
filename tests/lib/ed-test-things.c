/* ed-test-things.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test-things"

#include "config.h"

#include "changes/ed-change-set.h"
#include "ed-modules.h"
#include "ed-test-modules-resources.h"
#include "ed-test-things.h"

static const EdColumnDef thing_columns[] = {
  { "name", ED_VALUE_TEXT },
  { "count", ED_VALUE_INTEGER },
};

const EdTableDef ed_test_thing_table = { "thing", thing_columns, G_N_ELEMENTS (thing_columns) };

static char *last_added;

static void
things_add_schema (EdSchema *schema)
{
  (void)ed_test_modules_get_resource ();
  ed_schema_add_table (schema, &ed_test_thing_table);
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/tests/sql/things");
}

static gboolean
add_thing (EdContext   *context,
           const char  *name,
           gint64       count,
           GError     **error)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), error);
  const char *columns[] = { "name", "count" };
  GVariant *values[2];

  if (change_set == NULL)
    return FALSE;
  values[0] = g_variant_new_string (name);
  values[1] = g_variant_new_int64 (count);
  return ed_change_set_insert (change_set, "thing", NULL, columns, values, 2, NULL, error) &&
         ed_change_set_commit (change_set, error);
}

static gboolean
things_demo (EdContext            *context,
             GRand                *rand,
             const EdDemoOptions  *options,
             GError              **error)
{
  static const char *names[] = { "Ballot box", "Polling booth", "Tally sheet" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!add_thing (context, names[i], g_rand_int_range (rand, 1, 10), error))
      return FALSE;
  return TRUE;
}

/* electoral-desk-cli things add NAME */
static int
things_command (const EdCommandGlobals *globals,
                int                     argc,
                char                  **argv)
{
  g_autoptr(EdContext) context = NULL;
  GError *error = NULL;

  if (argc != 3 || !g_str_equal (argv[1], "add"))
    return ed_command_usage ("things", "expected “things add NAME”");

  context = ed_command_open_existing (globals, &error);
  if (context == NULL || !add_thing (context, argv[2], 1, &error))
    return ed_command_fail (error);

  g_free (last_added);
  last_added = g_strdup (argv[2]);
  return ED_COMMAND_EXIT_OK;
}

const EdModule ed_test_things_module = {
  .id = "things",
  .title = "Things",
  .summary = "Count the things a test module keeps",
  .add_schema = things_add_schema,
  .add_demo = things_demo,
  .command = things_command,
};

static void
clash_add_schema (EdSchema *schema)
{
  (void)ed_test_modules_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/tests/sql/clash");
}

const EdModule ed_test_clash_module = {
  .id = "clash",
  .title = "Clash",
  .add_schema = clash_add_schema,
};

static void
broken_add_schema (EdSchema *schema)
{
  (void)ed_test_modules_get_resource ();
  ed_schema_add_migrations (schema, "/org/electoraldesk/ElectoralDesk/tests/sql/broken");
}

const EdModule ed_test_broken_module = {
  .id = "broken",
  .title = "Broken",
  .add_schema = broken_add_schema,
};

const EdModule * const *
ed_test_things_module_list (void)
{
  static const EdModule *list[16];

  if (list[0] == NULL)
    {
      const EdModule * const *program = ed_modules_get_all ();
      guint n = 0;

      while (program[n] != NULL && n < G_N_ELEMENTS (list) - 2)
        {
          list[n] = program[n];
          n++;
        }
      list[n] = &ed_test_things_module;
    }
  return list;
}

guint
ed_test_things_count (EdContext *context)
{
  sqlite3_stmt *stmt = ed_database_cached (ed_context_get_database (context),
                                           "SELECT count(*) FROM thing", NULL);
  guint n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

const char *
ed_test_things_last_added (void)
{
  return last_added;
}
