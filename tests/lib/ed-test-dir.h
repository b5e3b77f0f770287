/* ed-test-dir.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A temporary folder for one test, removed with everything in it when the test ends. */
typedef struct
{
  char *dir;
} EdTestDir;

void  ed_test_dir_remove_all (const char    *path);
void  ed_test_dir_setup      (EdTestDir     *fixture,
                              gconstpointer  data);
void  ed_test_dir_teardown   (EdTestDir     *fixture,
                              gconstpointer  data);
char *ed_test_dir_file       (EdTestDir     *fixture,
                              const char    *name);
void  ed_test_dir_assert_no_temporaries (const char *dir);

#define ED_TEST_ADD(path, func) \
  g_test_add (path, EdTestDir, NULL, ed_test_dir_setup, func, ed_test_dir_teardown)

G_END_DECLS
