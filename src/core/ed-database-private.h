/* ed-database-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-database.h"

G_BEGIN_DECLS

/* "EdDk" read as a big-endian integer: PRAGMA application_id marks our files so that another
 * program's SQLite database is refused instead of being migrated into ours. */
#define ED_DATABASE_APPLICATION_ID 0x45644b64

void      _ed_database_set_sqlite_error   (GError     **error,
                                           sqlite3     *db,
                                           int          code,
                                           const char  *path);

gboolean  _ed_migrations_apply            (EdMigrations *self,
                                           sqlite3      *db,
                                           const char   *path,
                                           int           from_version,
                                           int           to_version,
                                           gboolean      all_at_once,
                                           GError      **error);
gboolean  _ed_database_backup_to          (sqlite3     *db,
                                           const char  *backup_path,
                                           GError     **error);

/* For tests: open and migrate only up to @version, as an older release would have left it. */
EdDatabase *_ed_database_open_at_version  (const char    *path,
                                           EdMigrations  *migrations,
                                           int            version,
                                           GError       **error);

G_END_DECLS
