/* ed-test-util.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>

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

/* The text of the PDF at @path as pdftotext gives it, with the options @first_option and those
 * after it up to a NULL. Where pdftotext is not installed, NULL, and the test log says that the
 * PDF's words went unchecked: a test checks them where it can. */
static inline char *
ed_test_pdf_text (const char *path,
                  const char *first_option,
                  ...)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list options;

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the PDF's text is not checked");
      return NULL;
    }
  g_ptr_array_add (argv, pdftotext);
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (char *)option);
  va_end (options);
  g_ptr_array_add (argv, (char *)path);
  g_ptr_array_add (argv, (char *)"-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

#define ED_TEST_ADD(path, func) \
  g_test_add (path, EdTestDir, NULL, ed_test_dir_setup, func, ed_test_dir_teardown)
