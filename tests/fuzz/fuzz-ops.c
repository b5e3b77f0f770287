/* fuzz-ops.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "changes/ed-merge.h"
#include "changes/ed-op.h"
#include "changes/ed-state-hash.h"
#include "ed-modules.h"
#include "ed-fuzz.h"

/* Another desk's ops file, given any bytes: reading and applying it must never crash, a file
 * refused must leave the desk as it was, and applying the same file again must change nothing
 * (SYNC.md §4.6). Each input is applied to a new, empty desk in memory, which becomes a copy of
 * the file's district, as `ops apply` to a new file does. */

static char *ops_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("ed-fuzz-ops-XXXXXX.json", &ops_path, &error);

  g_assert_no_error (error);
  close (fd);
  ed_fuzz_abort_on_warnings ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autofree char *district = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  EdMergeStats stats = { 0 };

  ed_fuzz_write_input (ops_path, data, size);
  ops = ed_ops_read_file (ops_path, &district, &error);
  if (ops == NULL)
    {
      g_assert_nonnull (error);
      ed_fuzz_assert_readable (error->message);
      return 0;
    }

  context = ed_modules_open_district (":memory:", &error);
  g_assert_no_error (error);
  before = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  if (!ed_merge_apply (ED_REPLICA (context), district, ops, &stats, &error))
    {
      g_assert_nonnull (error);
      ed_fuzz_assert_readable (error->message);
      after = ed_state_hash (ED_REPLICA (context), TRUE, NULL);
      g_assert_cmpstr (before, ==, after);
      return 0;
    }

  after = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ed_merge_apply (ED_REPLICA (context), district, ops, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, 0);
  again = ed_state_hash (ED_REPLICA (context), TRUE, &error);
  g_assert_cmpstr (after, ==, again);
  return 0;
}
