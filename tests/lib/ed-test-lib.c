/* ed-test-lib.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-modules.h"
#include "ed-test-lib.h"

/* The program's migrations, for tests that open a bare database. Kept for the life of the
 * test program, like the resources they come from. */
EdMigrations *
ed_test_migrations (void)
{
  static gsize schema;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, (gsize)ed_modules_new_schema ());
  return ed_schema_get_migrations ((EdSchema *)schema);
}
