/* ed-notice-dialog.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_NOTICE_DIALOG (ed_notice_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EdNoticeDialog, ed_notice_dialog, ED, NOTICE_DIALOG, AdwWindow)

EdNoticeDialog *ed_notice_dialog_new         (GtkWindow      *parent,
                                              EdContext      *context,
                                              const char     *output_folder);
void            ed_notice_dialog_set_today   (EdNoticeDialog *self,
                                              const GDate    *today);
gboolean        ed_notice_dialog_is_running  (EdNoticeDialog *self);

G_END_DECLS
