/* ed-test-util.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A temporary folder for one test, removed with everything in it when the test ends. */
typedef struct
{
  char *dir;
} EdTestDir;

static inline void
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

static inline void
ed_test_dir_setup (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("electoral-desk-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static inline void
ed_test_dir_teardown (EdTestDir     *fixture,
                      gconstpointer  data)
{
  ed_test_dir_remove_all (fixture->dir);
  g_free (fixture->dir);
}

static inline char *
ed_test_dir_file (EdTestDir  *fixture,
                  const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

#define ED_TEST_ADD(path, func) \
  g_test_add (path, EdTestDir, NULL, ed_test_dir_setup, func, ed_test_dir_teardown)
