/* ed-election-detail-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the parts of an election's detail share: each is a widget of its own, and these are
 * the few things they all do the same way. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void                  _ed_election_detail_toast              (GtkWidget  *widget,
                                                              const char *text);
void                  _ed_election_detail_clear_list         (GtkWidget  *list);
char                 *_ed_election_detail_format_count       (gint64      n);
GtkFileChooserNative *_ed_election_detail_folder_chooser_new (GtkWidget  *widget,
                                                              const char *title,
                                                              const char *accept);

G_END_DECLS
