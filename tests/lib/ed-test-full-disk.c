/* ed-test-full-disk.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-test"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "ed-test-full-disk.h"

static struct rlimit saved_limit;
static gboolean      full;

/* From now on no file of this process can grow past @bytes. */
void
ed_test_full_disk_begin (guint64 bytes)
{
  struct rlimit limit;

  g_assert_false (full);
  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved_limit));
  limit = saved_limit;
  limit.rlim_cur = (rlim_t)bytes;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
  full = TRUE;
}

/* Room again, as before ed_test_full_disk_begin (). */
void
ed_test_full_disk_end (void)
{
  g_assert_true (full);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved_limit));
  signal (SIGXFSZ, SIG_DFL);
  full = FALSE;
}
