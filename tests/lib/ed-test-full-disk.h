/* ed-test-full-disk.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A full disk for the test's own process, without mounting anything: the file size limit
 * (RLIMIT_FSIZE) makes any write past the given offset fail with EFBIG, in any file, as a
 * write fails with ENOSPC on a full disk; SIGXFSZ is ignored so that the write returns its
 * error instead of ending the process. Every writer takes EFBIG for a full disk
 * (ed_output_file_set_error ()). A test that runs the command line on a full disk sets the
 * same limit in the child instead (test-output-safety.c). */

void ed_test_full_disk_begin (guint64 bytes);
void ed_test_full_disk_end   (void);

G_END_DECLS
