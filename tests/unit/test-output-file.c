/* test-output-file.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/ed-output-file.h"
#include "ed-test-dir.h"
#include "ed-test-full-disk.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted, as one string separated by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

/* Written whole, under its name, 0600 whatever the umask, with nothing left beside it. */
static void
test_commit_writes_whole_file (EdTestDir     *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "out.csv");
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  GStatBuf st;
  mode_t old_umask;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  old_umask = umask (0);
  out = ed_output_file_new (path, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ed_output_file_get_temp_path (out), fixture->dir));
  {
    g_autofree char *base = g_path_get_basename (ed_output_file_get_temp_path (out));

    g_assert_true (g_str_has_prefix (base, ".out.csv."));
    g_assert_true (g_str_has_suffix (base, ".partial"));
  }
  for (guint i = 0; i < 20000; i++)
    g_assert_true (ed_output_file_write (out, "a line of text\n", 15, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  g_assert_true (ed_output_file_commit (out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpuint (strlen (contents), ==, 20000 * 15);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&out, ed_output_file_free);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "out.csv");
}

static void
test_abort_leaves_target (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "out.csv");
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  out = ed_output_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_output_file_write (out, "new", 3, &error));
  g_assert_true (ed_output_file_finish (out, &error));
  g_clear_pointer (&out, ed_output_file_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "out.csv");
}

/* A process killed while it writes leaves its hidden temporary, never the target. */
static void
test_killed_leaves_no_final_file (EdTestDir     *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "out.csv");
  g_autofree char *names = NULL;
  g_auto(GStrv) leftovers = NULL;
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(EdOutputFile) out = ed_output_file_new (path, NULL);
      char line[4096];

      memset (line, 'x', sizeof line);
      for (;;)
        if (out == NULL || !ed_output_file_write (out, line, sizeof line, NULL))
          _exit (1);
    }

  /* Killed once the temporary holds a few blocks. */
  for (guint waited = 0;; waited++)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
      const char *name = dir != NULL ? g_dir_read_name (dir) : NULL;
      g_autofree char *temp = name != NULL ? g_build_filename (fixture->dir, name, NULL) : NULL;
      GStatBuf st;

      if (temp != NULL && g_stat (temp, &st) == 0 && st.st_size > 256 * 1024)
        break;
      g_assert_cmpuint (waited, <, 100000);
      g_usleep (100);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  names = list_dir (fixture->dir);
  leftovers = g_strsplit (names, " ", -1);
  g_assert_cmpuint (g_strv_length (leftovers), ==, 1);
  g_assert_true (g_str_has_prefix (leftovers[0], ".out.csv."));
  g_assert_true (g_str_has_suffix (leftovers[0], ED_OUTPUT_FILE_SUFFIX));
}

/* EFBIG stands for a full disk (ENOSPC takes the same path): the error names the file, and
 * nothing is left. */
static void
test_full_disk_names_file (EdTestDir     *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "register.csv");
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  struct rlimit old_limit;
  struct rlimit limit;
  char block[8192];
  gboolean ok = TRUE;

  memset (block, 'x', sizeof block);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 100 * 1024;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  out = ed_output_file_new (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100 && ok; i++)
    ok = ed_output_file_write (out, block, sizeof block, &error);
  if (ok)
    ok = ed_output_file_commit (out, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "register.csv"));
  g_clear_pointer (&out, ed_output_file_free);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");
}

/* The room a writer of its own (libxlsxwriter) did not say it lacked: with room, the block
 * is written and taken off again; on a full disk, the error is a full disk's and names the
 * file. */
static void
test_check_room (EdTestDir     *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "statement.xlsx");
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  struct stat st;
  gboolean room;

  out = ed_output_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (ed_output_file_check_room (out, &error));
  g_assert_no_error (error);
  g_assert_no_errno (stat (ed_output_file_get_temp_path (out), &st));
  g_assert_cmpint (st.st_size, ==, 0);

  ed_test_full_disk_begin (4096);
  room = ed_output_file_check_room (out, &error);
  ed_test_full_disk_end ();
  g_assert_false (room);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "statement.xlsx"));
  g_assert_nonnull (strstr (error->message, "nothing was written under that name"));
  g_clear_pointer (&out, ed_output_file_free);
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_set_contents (EdTestDir     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = ed_test_dir_file (fixture, "ops.json");
  g_autofree char *missing = ed_test_dir_file (fixture, "no-such-folder/ops.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (ed_output_file_set_contents (path, "{}", 2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{}");

  g_assert_false (ed_output_file_set_contents (missing, "{}", 2, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ops.json"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ED_TEST_ADD ("/core/output-file/commit-writes-whole-file", test_commit_writes_whole_file);
  ED_TEST_ADD ("/core/output-file/abort-leaves-target", test_abort_leaves_target);
  ED_TEST_ADD ("/core/output-file/killed-leaves-no-final-file",
               test_killed_leaves_no_final_file);
  ED_TEST_ADD ("/core/output-file/full-disk-names-file", test_full_disk_names_file);
  ED_TEST_ADD ("/core/output-file/check-room", test_check_room);
  ED_TEST_ADD ("/core/output-file/set-contents", test_set_contents);

  return g_test_run ();
}
