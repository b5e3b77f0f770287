/* ed-gui-test-util.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ed-modules.h"
#include "demo/ed-demo.h"

G_BEGIN_DECLS

void       ed_gui_test_init            (int         *argc,
                                        char      ***argv);
void       ed_gui_test_iterate         (void);
gboolean   ed_gui_test_wait_for_items  (GListModel  *model,
                                        guint        n_items);
gboolean   ed_gui_test_wait_until_drawable (GtkWidget *widget);
GtkWidget *ed_gui_test_find            (GtkWidget   *root,
                                        GType        type,
                                        const char  *name);
GtkWidget *ed_gui_test_find_with_class (GtkWidget   *root,
                                        GType        type,
                                        const char  *css_class);
GtkWindow *ed_gui_test_find_toplevel   (GType        type);
EdContext *ed_gui_test_demo_open       (const char  *path,
                                        guint        electors);
char      *ed_gui_test_demo_district   (const char  *dir,
                                        guint        electors);
EdContext *ed_gui_test_demo_context    (guint        electors);
void       ed_gui_test_remove_dir      (const char  *dir);

G_END_DECLS
