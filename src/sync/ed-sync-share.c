/* ed-sync-share.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sync/ed-sync-error.h"
#include "sync/ed-sync-share.h"
#include "sync/ed-sync-tables.h"
#include "sync/ed-sync-team.h"
#include "sync/ed-transport-folder.h"
#include "sync/ed-transport-webdav.h"

/* Where a desk's team meets: the kind and location in the district's own sync state, the
 * WebDAV password beside the desk's keys, readable by the user only. */

#define PASSWORD_GROUP "Share"

void
ed_share_settings_free (EdShareSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->location);
  g_free (settings->user);
  if (settings->password != NULL)
    memset (settings->password, 0, strlen (settings->password));
  g_free (settings->password);
  g_free (settings);
}

/**
 * ed_share_open_transport:
 * @settings: where the share is
 * @error: return location for an error
 *
 * Returns: (transfer full): the transport that reaches it
 */
EdTransport *
ed_share_open_transport (const EdShareSettings  *settings,
                         GError                **error)
{
  g_return_val_if_fail (settings != NULL && settings->location != NULL, NULL);

  if (settings->kind == ED_SHARE_WEBDAV)
    return ed_transport_webdav_new (settings->location, settings->user, settings->password,
                                    error);
  if (!g_path_is_absolute (settings->location))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The shared folder must be given as a full path, not “%s”"),
                   settings->location);
      return NULL;
    }
  return ed_transport_folder_new (settings->location);
}

static char *
password_path (EdContext *context)
{
  g_autofree char *folder = ed_sync_key_folder ();
  g_autofree char *name = g_strdup_printf ("%s.share", ed_context_get_device_id (context));

  return g_build_filename (folder, name, NULL);
}

/**
 * ed_share_settings_save:
 * @context: the district
 * @settings: where its team meets
 * @error: return location for an error
 */
gboolean
ed_share_settings_save (EdContext              *context,
                        const EdShareSettings  *settings,
                        GError                **error)
{
  EdDatabase *database = ed_context_get_database (context);

  if (settings->password != NULL)
    {
      g_autofree char *folder = ed_sync_key_folder ();
      g_autofree char *path = password_path (context);
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autofree char *data = NULL;
      gsize length;

      g_mkdir_with_parents (folder, 0700);
      g_key_file_set_string (file, PASSWORD_GROUP, "password", settings->password);
      data = g_key_file_to_data (file, &length, NULL);
      if (!g_file_set_contents_full (path, data, (gssize)length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return FALSE;
    }
  return ed_sync_state_set (database, "share-kind",
                            settings->kind == ED_SHARE_WEBDAV ? "webdav" : "folder", error) &&
         ed_sync_state_set (database, "share-location", settings->location, error) &&
         ed_sync_state_set (database, "share-user",
                            settings->user != NULL ? settings->user : "", error);
}

/**
 * ed_share_settings_load:
 * @context: the district
 * @error: return location for an error: %ED_SYNC_ERROR_NOT_SET_UP when it has no share
 *
 * Returns: (transfer full): where its team meets
 */
EdShareSettings *
ed_share_settings_load (EdContext  *context,
                        GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(EdShareSettings) settings = g_new0 (EdShareSettings, 1);
  g_autofree char *kind = ed_sync_state_get (database, "share-kind", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();

  settings->location = ed_sync_state_get (database, "share-location", NULL);
  if (kind == NULL || settings->location == NULL)
    {
      g_set_error (error, ED_SYNC_ERROR, ED_SYNC_ERROR_NOT_SET_UP,
                   _("This desk does not sync yet: set up sync first"));
      return NULL;
    }
  settings->kind = g_str_equal (kind, "webdav") ? ED_SHARE_WEBDAV : ED_SHARE_FOLDER;
  settings->user = ed_sync_state_get (database, "share-user", NULL);
  if (settings->user != NULL && settings->user[0] == '\0')
    g_clear_pointer (&settings->user, g_free);
  path = password_path (context);
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    settings->password = g_key_file_get_string (file, PASSWORD_GROUP, "password", NULL);
  return g_steal_pointer (&settings);
}
