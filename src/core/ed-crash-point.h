/* ed-crash-point.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Named moments at which the crash-injection test (tests/unit/test-crash-injection.c) kills
 * the program: each transaction's begin and commit, an output file's temporary made, every
 * block it writes, its sync and its rename, every progress report, and every so many steps of
 * SQLite's virtual machine. Only a build with -Dtest_hooks carries them (the development
 * profile does by default, a release build never); there they do nothing unless ED_CRASH_AT
 * or ED_CRASH_TRACE is set (HACKING.md, "Crash injection"). */
#ifdef ED_TEST_HOOKS
void     ed_crash_point           (const char *name);
gboolean ed_crash_points_enabled  (void);
#else
#define ed_crash_point(name) G_STMT_START { (void)(name); } G_STMT_END
#define ed_crash_points_enabled() FALSE
#endif

/* SQLite's virtual machine passes a "sqlite" crash point once every this many instructions:
 * points inside a long statement and a long transaction, the same ones at every run of the
 * same command on the same data. */
#define ED_CRASH_POINT_SQLITE_STEPS 20000

G_END_DECLS
