/* ed-bench-hooks.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ui/ed-window.h"

G_BEGIN_DECLS

gboolean ed_bench_hooks_install      (EdWindow *window);
gboolean ed_bench_sync_hooks_install (EdWindow *window);

G_END_DECLS
