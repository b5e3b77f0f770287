/* ed-test-dir.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <string.h>

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

/* Fails if @dir holds a temporary an output file left (core/ed-output-file.h), or one of
 * GIO's: work that stopped or failed must take its temporaries with it. */
void
ed_test_dir_assert_no_temporaries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".partial") || strstr (name, ".partial-") != NULL ||
        g_str_has_prefix (name, ".goutputstream-"))
      g_error ("“%s” was left in %s", name, dir);
}
