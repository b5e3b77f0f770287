/* ed-test-cli.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdarg.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* The command line as a person or a script uses it: the real binary (ED_CLI_PATH, which
 * tests/meson.build defines), its exit status and what it prints on stdout and stderr. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} EdTestCliResult;

void  ed_test_cli_result_clear (EdTestCliResult *result);
void  ed_test_cli_runv         (EdTestCliResult *result,
                                const char      *db,
                                const char      *first_arg,
                                va_list          args);
void  ed_test_cli_run          (EdTestCliResult *result,
                                const char      *first_arg,
                                ...);
void  ed_test_cli_run_on       (EdTestCliResult *result,
                                const char      *db,
                                ...);
guint ed_test_cli_count_lines  (const char      *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EdTestCliResult, ed_test_cli_result_clear)

G_END_DECLS
