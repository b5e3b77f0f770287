/* ed-migrations.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ED_TYPE_MIGRATIONS (ed_migrations_get_type ())

G_DECLARE_FINAL_TYPE (EdMigrations, ed_migrations, ED, MIGRATIONS, GObject)

EdMigrations *ed_migrations_new             (void);
void          ed_migrations_add_folder      (EdMigrations  *self,
                                             const char    *resource_folder);
gboolean      ed_migrations_check           (EdMigrations  *self,
                                             GError       **error);
int           ed_migrations_get_latest      (EdMigrations  *self);
guint         ed_migrations_get_n_items     (EdMigrations  *self);
int           ed_migrations_get_version     (EdMigrations  *self,
                                             guint          position);

G_END_DECLS
