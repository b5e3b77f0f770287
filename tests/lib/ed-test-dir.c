/* ed-test-dir.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include "ed-test-dir.h"

void
ed_test_dir_remove_all (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ed_test_dir_remove_all (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
ed_test_dir_setup (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("electoral-desk-test-XXXXXX", &error);
  g_assert_no_error (error);
}

void
ed_test_dir_teardown (EdTestDir     *fixture,
                      gconstpointer  data)
{
  ed_test_dir_remove_all (fixture->dir);
  g_free (fixture->dir);
}

char *
ed_test_dir_file (EdTestDir  *fixture,
                  const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}
