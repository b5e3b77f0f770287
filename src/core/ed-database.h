/* ed-database.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "core/ed-migrations.h"

G_BEGIN_DECLS

#define ED_DATABASE_ERROR (ed_database_error_quark ())

/**
 * EdDatabaseError:
 * @ED_DATABASE_ERROR_CANT_OPEN: the file or its folder cannot be opened or created
 * @ED_DATABASE_ERROR_LOCKED: another program holds a lock on the file
 * @ED_DATABASE_ERROR_FULL: the disk is full
 * @ED_DATABASE_ERROR_NOT_A_DATABASE: the file is not an Electoral Desk district
 * @ED_DATABASE_ERROR_CORRUPT: the file is damaged
 * @ED_DATABASE_ERROR_READ_ONLY: the file or folder cannot be written
 * @ED_DATABASE_ERROR_NEWER_SCHEMA: a newer version of the application made the file
 * @ED_DATABASE_ERROR_MIGRATION: upgrading the file failed (it was left as it was)
 * @ED_DATABASE_ERROR_FAILED: any other database failure
 */
typedef enum
{
  ED_DATABASE_ERROR_CANT_OPEN,
  ED_DATABASE_ERROR_LOCKED,
  ED_DATABASE_ERROR_FULL,
  ED_DATABASE_ERROR_NOT_A_DATABASE,
  ED_DATABASE_ERROR_CORRUPT,
  ED_DATABASE_ERROR_READ_ONLY,
  ED_DATABASE_ERROR_NEWER_SCHEMA,
  ED_DATABASE_ERROR_MIGRATION,
  ED_DATABASE_ERROR_FAILED,
} EdDatabaseError;

#define ED_TYPE_DATABASE (ed_database_get_type ())

G_DECLARE_FINAL_TYPE (EdDatabase, ed_database, ED, DATABASE, GObject)

GQuark        ed_database_error_quark            (void);

EdDatabase   *ed_database_open                   (const char    *path,
                                                  EdMigrations  *migrations,
                                                  GError       **error);
const char   *ed_database_get_path               (EdDatabase   *self);
char         *ed_database_dup_privacy_notice     (EdDatabase   *self);
int           ed_database_get_schema_version     (EdDatabase   *self);
int           ed_database_get_opened_schema_version (EdDatabase *self);
const char   *ed_database_get_backup_path        (EdDatabase   *self);
sqlite3      *ed_database_get_handle             (EdDatabase   *self);

gboolean      ed_database_in_transaction         (EdDatabase   *self);
gboolean      ed_database_begin                  (EdDatabase   *self,
                                                  GError      **error);
gboolean      ed_database_commit                 (EdDatabase   *self,
                                                  GError      **error);
void          ed_database_rollback               (EdDatabase   *self);

void          ed_database_set_cache_size_kib     (EdDatabase   *self,
                                                  guint         kib);
gboolean      ed_database_exec                   (EdDatabase   *self,
                                                  const char   *sql,
                                                  GError      **error);
sqlite3_stmt *ed_database_prepare                (EdDatabase   *self,
                                                  const char   *sql,
                                                  GError      **error);
sqlite3_stmt *ed_database_cached                 (EdDatabase   *self,
                                                  const char   *sql,
                                                  GError      **error);
gboolean      ed_database_step_done              (EdDatabase   *self,
                                                  sqlite3_stmt *stmt,
                                                  GError      **error);
gboolean      ed_database_step_reset             (EdDatabase   *self,
                                                  sqlite3_stmt *stmt,
                                                  GError      **error);
gboolean      ed_database_step_exists            (EdDatabase   *self,
                                                  sqlite3_stmt *stmt,
                                                  gboolean     *out_found,
                                                  GError      **error);

/**
 * EdDatabaseRowFunc:
 * @stmt: the query, on a row
 * @user_data: the data given to ed_database_step_rows()
 *
 * Reads one row of a query.
 *
 * Returns: %TRUE to go on to the next row, %FALSE to stop
 */
typedef gboolean (*EdDatabaseRowFunc) (sqlite3_stmt *stmt,
                                       gpointer      user_data);

gboolean      ed_database_step_rows              (EdDatabase         *self,
                                                  sqlite3_stmt       *stmt,
                                                  EdDatabaseRowFunc   func,
                                                  gpointer            user_data,
                                                  GError            **error);

GPtrArray    *ed_database_list_tables            (EdDatabase   *self,
                                                  GError      **error);
gboolean      ed_database_count_rows             (EdDatabase   *self,
                                                  const char   *table,
                                                  gint64       *out_count,
                                                  GError      **error);

void          ed_database_set_error              (EdDatabase   *self,
                                                  int           sqlite_code,
                                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
