/* ed-window.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ui/ed-application.h"
#include "district/ed-context.h"
#include "ui/sync/ed-sync-scheduler.h"

G_BEGIN_DECLS

#define ED_TYPE_WINDOW (ed_window_get_type ())

G_DECLARE_FINAL_TYPE (EdWindow, ed_window, ED, WINDOW, AdwApplicationWindow)

EdWindow  *ed_window_new              (EdApplication *application);
gboolean   ed_window_open_district    (EdWindow      *self,
                                       const char    *path,
                                       GError       **error);
void       ed_window_show_welcome     (EdWindow      *self,
                                       const char    *new_district_path);
EdContext *ed_window_get_context      (EdWindow      *self);
EdSyncScheduler *ed_window_get_sync_scheduler (EdWindow *self);

G_END_DECLS
