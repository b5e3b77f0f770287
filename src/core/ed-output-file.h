/* ed-output-file.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * ED_OUTPUT_FILE_SUFFIX:
 *
 * The end of every temporary file's name. A file is written as `.NAME.XXXXXX.partial` in its
 * target's folder (hidden, with six random characters), and renamed to `NAME` only once it is
 * whole and on the disk. A file of that pattern is what a killed or crashed program left
 * behind: never output, and safe to delete.
 */
#define ED_OUTPUT_FILE_SUFFIX ".partial"

typedef struct _EdOutputFile EdOutputFile;

EdOutputFile *ed_output_file_new            (const char    *path,
                                             GError       **error);
EdOutputFile *ed_output_file_new_for_file   (GFile         *file,
                                             GError       **error);
gboolean      ed_output_file_write          (EdOutputFile  *self,
                                             const void    *data,
                                             gsize          length,
                                             GError       **error);
gboolean      ed_output_file_finish         (EdOutputFile  *self,
                                             GError       **error);
gboolean      ed_output_file_publish        (EdOutputFile  *self,
                                             GError       **error);
gboolean      ed_output_file_commit         (EdOutputFile  *self,
                                             GError       **error);
gboolean      ed_output_file_check_room     (EdOutputFile  *self,
                                             GError       **error);
void          ed_output_file_abort          (EdOutputFile  *self);
const char   *ed_output_file_get_path       (EdOutputFile  *self);
const char   *ed_output_file_get_temp_path  (EdOutputFile  *self);
void          ed_output_file_free           (EdOutputFile  *self);

gboolean      ed_output_file_set_contents   (const char    *path,
                                             const void    *data,
                                             gsize          length,
                                             GError       **error);
char         *ed_output_file_new_temp_path  (const char    *path,
                                             GError       **error);
gboolean      ed_output_file_rename_into_place (const char *temp_path,
                                                const char *path,
                                                GError    **error);
void          ed_output_file_set_error      (GError       **error,
                                             const char    *path,
                                             int            saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdOutputFile, ed_output_file_free)

G_END_DECLS
