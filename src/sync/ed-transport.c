/* ed-transport.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sync/ed-transport.h"

G_DEFINE_INTERFACE (EdTransport, ed_transport, G_TYPE_OBJECT)

static void
ed_transport_default_init (EdTransportInterface *iface)
{
}

/**
 * ed_share_entry_free:
 * @entry: (nullable): an entry of a listing
 *
 * Frees @entry and its name.
 */
void
ed_share_entry_free (EdShareEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry);
}

/**
 * ed_transport_path_is_valid:
 * @path: a path relative to a share's root
 *
 * Whether @path may name something on a share: UTF-8, parts joined by "/", none of them
 * empty, "." or "..", no backslash (which Windows and SMB read as a separator) and no control
 * character. So a path can never climb out of the share's root, whatever the transport.
 *
 * Returns: %TRUE if @path is valid
 */
gboolean
ed_transport_path_is_valid (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || !g_utf8_validate (path, -1, NULL))
    return FALSE;
  for (const char *c = path; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f || *c == '\\')
      return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static gboolean
check_path (const char  *path,
            gboolean     root_allowed,
            GError     **error)
{
  g_autofree char *shown = NULL;

  if (root_allowed && path[0] == '\0')
    return TRUE;
  if (ed_transport_path_is_valid (path))
    return TRUE;

  /* The path may come from a name read off the share, so it may hold anything: it is shown
   * escaped. */
  shown = g_strescape (path, NULL);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a path within the shared folder"), shown);
  return FALSE;
}

/**
 * ed_transport_list:
 * @self: a transport
 * @folder: a folder, or "" for the share's root
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Lists a folder. A folder that does not exist is empty, not an error; and an empty folder
 * never means that files were deleted (SYNC.md §3).
 *
 * Returns: (transfer full) (element-type EdShareEntry): the entries, in no particular order,
 *   or %NULL with @error set
 */
GPtrArray *
ed_transport_list (EdTransport   *self,
                   const char    *folder,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_path (folder, TRUE, error))
    return NULL;
  return ED_TRANSPORT_GET_IFACE (self)->list (self, folder, cancellable, error);
}

/**
 * ed_transport_read:
 * @self: a transport
 * @path: the file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a whole file. What comes back may be a placeholder or a file still arriving: the
 * caller verifies it.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ed_transport_read (EdTransport   *self,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_path (path, FALSE, error))
    return NULL;
  return ED_TRANSPORT_GET_IFACE (self)->read (self, path, cancellable, error);
}

/**
 * ed_transport_write_new:
 * @self: a transport
 * @path: the file to create; its folder must exist
 * @contents: what to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes a file that must not exist yet, and flushes it to the share before returning.
 *
 * Returns: %TRUE on success; %G_IO_ERROR_EXISTS if @path exists, which is left as it was
 */
gboolean
ed_transport_write_new (EdTransport   *self,
                        const char    *path,
                        GBytes        *contents,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (path, FALSE, error))
    return FALSE;
  return ED_TRANSPORT_GET_IFACE (self)->write_new (self, path, contents, cancellable, error);
}

/**
 * ed_transport_rename_new:
 * @self: a transport
 * @from: the file to rename
 * @to: its new name, which must not exist yet
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Renames a file without ever replacing another.
 *
 * Returns: %TRUE on success; %G_IO_ERROR_EXISTS if @to exists, and then both files are
 *   left as they were
 */
gboolean
ed_transport_rename_new (EdTransport   *self,
                         const char    *from,
                         const char    *to,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (from, FALSE, error) || !check_path (to, FALSE, error))
    return FALSE;
  return ED_TRANSPORT_GET_IFACE (self)->rename_new (self, from, to, cancellable, error);
}

/**
 * ed_transport_remove:
 * @self: a transport
 * @path: the file to remove
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Removes a file.
 *
 * Returns: %TRUE on success; %G_IO_ERROR_NOT_FOUND if there was none
 */
gboolean
ed_transport_remove (EdTransport   *self,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (path, FALSE, error))
    return FALSE;
  return ED_TRANSPORT_GET_IFACE (self)->remove (self, path, cancellable, error);
}

/**
 * ed_transport_make_folder:
 * @self: a transport
 * @path: the folder
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Makes a folder and every folder above it that is missing. Folders are made when needed
 * rather than trusted to exist, because sync clients drop empty ones (SYNC.md §3).
 *
 * Returns: %TRUE on success, and when the folder exists already
 */
gboolean
ed_transport_make_folder (EdTransport   *self,
                          const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (path, FALSE, error))
    return FALSE;
  return ED_TRANSPORT_GET_IFACE (self)->make_folder (self, path, cancellable, error);
}

/**
 * ed_transport_describe:
 * @self: a transport
 *
 * Names the share for a person: a folder's path, or a server's address. Never a password.
 *
 * Returns: (transfer full): the description
 */
char *
ed_transport_describe (EdTransport *self)
{
  g_return_val_if_fail (ED_IS_TRANSPORT (self), NULL);

  return ED_TRANSPORT_GET_IFACE (self)->describe (self);
}
