/* ed-sync-share.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "district/ed-context.h"
#include "sync/ed-transport.h"

G_BEGIN_DECLS

/**
 * EdShareKind:
 * @ED_SHARE_FOLDER: a folder: a mounted network share or a synced cloud folder
 * @ED_SHARE_WEBDAV: a WebDAV server
 */
typedef enum
{
  ED_SHARE_FOLDER,
  ED_SHARE_WEBDAV,
} EdShareKind;

/**
 * EdShareSettings:
 * @kind: a folder or a WebDAV server
 * @location: the folder's path or the server's address
 * @user: (nullable): the WebDAV user name
 * @password: (nullable): the WebDAV password; kept in the user's config folder, readable by
 *   them only, never in the district's database
 *
 * Where a desk's team meets.
 */
typedef struct
{
  EdShareKind  kind;
  char        *location;
  char        *user;
  char        *password;
} EdShareSettings;

void             ed_share_settings_free  (EdShareSettings  *settings);
EdTransport     *ed_share_open_transport (const EdShareSettings *settings,
                                          GError          **error);
gboolean         ed_share_settings_save  (EdContext        *context,
                                          const EdShareSettings *settings,
                                          GError          **error);
EdShareSettings *ed_share_settings_load  (EdContext        *context,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdShareSettings, ed_share_settings_free)

G_END_DECLS
