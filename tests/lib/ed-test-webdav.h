/* ed-test-webdav.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A real WebDAV server for one test: Apache httpd with mod_dav_fs, started on 127.0.0.1 from
 * a configuration of its own in a temporary folder, and stopped with that folder removed. */
typedef struct
{
  char *url;     /* http://127.0.0.1:PORT/, the served folder's address */
  char *folder;  /* the served folder on disk */
  char *dir;     /* the temporary folder with the configuration, logs and folder */
  GPid  pid;
  guint port;
} EdTestWebdav;

EdTestWebdav *ed_test_webdav_start               (GError       **error);
EdTestWebdav *ed_test_webdav_start_with_password (const char    *user,
                                                  const char    *password,
                                                  GError       **error);
void          ed_test_webdav_stop                (EdTestWebdav  *server);
guint         ed_test_free_port                  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdTestWebdav, ed_test_webdav_stop)

G_END_DECLS
