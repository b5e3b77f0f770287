/* ed-test-demo.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "ed-test-demo.h"

/* A district of @electors demo electors in the file @name of the test's folder. The date is
 * fixed so that every run of a test sees the same register. */
EdContext *
ed_test_demo_open_as (EdTestDir  *fixture,
                      const char *name,
                      guint       electors)
{
  g_autofree char *path = ed_test_dir_file (fixture, name);
  g_autoptr(GError) error = NULL;
  EdContext *context = ed_modules_open_district (path, &error);
  EdDemoOptions options;

  g_assert_no_error (error);
  ed_demo_options_init (&options);
  options.electors = electors;
  g_date_set_dmy (&options.today, 23, G_DATE_NOVEMBER, 2026);
  g_assert_true (ed_demo_generate (context, &options, &error));
  g_assert_no_error (error);
  return context;
}

/* The same in "demo.db". */
EdContext *
ed_test_demo_open (EdTestDir *fixture,
                   guint      electors)
{
  return ed_test_demo_open_as (fixture, "demo.db", electors);
}

/* Deletes every row of @tables (NULL-terminated), in that order, through one change set. */
static void
remove_rows (EdContext          *context,
             const char * const *tables)
{
  g_autoptr(EdChangeSet) change_set = ed_change_set_begin (ED_REPLICA (context), NULL);

  g_assert_nonnull (change_set);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s", tables[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (ed_context_get_database (context),
                                                          sql, &error);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      for (guint j = 0; j < ids->len; j++)
        g_assert_true (ed_change_set_delete (change_set, tables[i], g_ptr_array_index (ids, j),
                                             NULL));
    }
  g_assert_true (ed_change_set_commit (change_set, NULL));
}

/* Takes away the demo's casual staff, their appointments and the May poll's fee rates, for a
 * test that makes its own. */
void
ed_test_demo_remove_staff (EdContext *context)
{
  static const char * const tables[] = {
    "staff_expense", "staff_journey", "staff_appointment", "staff_availability",
    "staff_training", "staff_person_role", "staff_person", "fee_rate", NULL,
  };

  remove_rows (context, tables);
}

/* Takes away the demo's accounts, for a test that writes an account of its own. */
void
ed_test_demo_remove_accounts (EdContext *context)
{
  static const char * const tables[] = {
    "account_entry", "account_lock", "account_estimate", "account_mra", "account_fee_scale",
    "account_setup", NULL,
  };

  remove_rows (context, tables);
}

/* Takes away the demo's own May poll and the parish polls combined with it, with their
 * timetable checklists, for a test that adds its own polls on that day or starts from none.
 * The staff go too: their appointments and fee rates are the polls'. */
void
ed_test_demo_remove_elections (EdContext *context)
{
  static const char * const tables[] = { "timetable_task", "contest", "election", NULL };

  ed_test_demo_remove_accounts (context);
  ed_test_demo_remove_staff (context);
  remove_rows (context, tables);
}
