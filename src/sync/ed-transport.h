/* ed-transport.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where desks leave their sealed files for each other (SYNC.md §4.9, §4.12): a mounted folder
 * or a WebDAV server, behind the five things sync asks of a share and nothing more. No locks,
 * no renaming over a file, no trust in modification times. Paths are relative to the share's
 * root, with "/" between their parts, never "..", never starting with "/". A transport is used
 * from one thread at a time (the sync worker's). */

/**
 * EdShareEntry:
 * @name: the file's or folder's name within the folder listed
 * @size: its size in bytes (0 for a folder)
 * @mtime: when it last changed, microseconds since 1970 (only ever a hint)
 * @is_folder: whether it is a folder
 */
typedef struct
{
  char    *name;
  guint64  size;
  gint64   mtime;
  gboolean is_folder;
} EdShareEntry;

void ed_share_entry_free (EdShareEntry *entry);

#define ED_TYPE_TRANSPORT (ed_transport_get_type ())

G_DECLARE_INTERFACE (EdTransport, ed_transport, ED, TRANSPORT, GObject)

/**
 * EdTransportInterface:
 * @list: the entries of a folder ("" for the share's root); a folder that does not exist is
 *   empty, not an error
 * @read: a whole file
 * @write_new: writes a file that must not exist yet (G_IO_ERROR_EXISTS if it does), flushed
 *   to the share before it returns (fsync on a folder; the upload finished on WebDAV)
 * @rename_new: renames a file to a name that must not exist yet, never replacing one
 *   (G_IO_ERROR_EXISTS if it does)
 * @remove: removes a file
 * @make_folder: makes a folder and those above it; one that exists already is fine
 * @describe: the share for a person: the folder's path, or the server's address without any
 *   password
 *
 * Every error is a GIOError: G_IO_ERROR_NOT_FOUND, G_IO_ERROR_EXISTS, G_IO_ERROR_PERMISSION_DENIED,
 * G_IO_ERROR_NO_SPACE, G_IO_ERROR_BUSY (locked or the server busy: try again later),
 * G_IO_ERROR_HOST_UNREACHABLE or G_IO_ERROR_TIMED_OUT (offline: try again later),
 * G_IO_ERROR_INVALID_ARGUMENT (a path that ed_transport_path_is_valid() refuses), or
 * G_IO_ERROR_FAILED.
 */
struct _EdTransportInterface
{
  GTypeInterface parent_iface;

  GPtrArray *(*list)        (EdTransport   *self,
                             const char    *folder,
                             GCancellable  *cancellable,
                             GError       **error);
  GBytes    *(*read)        (EdTransport   *self,
                             const char    *path,
                             GCancellable  *cancellable,
                             GError       **error);
  gboolean   (*write_new)   (EdTransport   *self,
                             const char    *path,
                             GBytes        *contents,
                             GCancellable  *cancellable,
                             GError       **error);
  gboolean   (*rename_new)  (EdTransport   *self,
                             const char    *from,
                             const char    *to,
                             GCancellable  *cancellable,
                             GError       **error);
  gboolean   (*remove)      (EdTransport   *self,
                             const char    *path,
                             GCancellable  *cancellable,
                             GError       **error);
  gboolean   (*make_folder) (EdTransport   *self,
                             const char    *path,
                             GCancellable  *cancellable,
                             GError       **error);
  char      *(*describe)    (EdTransport   *self);
};

GPtrArray *ed_transport_list        (EdTransport   *self,
                                     const char    *folder,
                                     GCancellable  *cancellable,
                                     GError       **error);
GBytes    *ed_transport_read        (EdTransport   *self,
                                     const char    *path,
                                     GCancellable  *cancellable,
                                     GError       **error);
gboolean   ed_transport_write_new   (EdTransport   *self,
                                     const char    *path,
                                     GBytes        *contents,
                                     GCancellable  *cancellable,
                                     GError       **error);
gboolean   ed_transport_rename_new  (EdTransport   *self,
                                     const char    *from,
                                     const char    *to,
                                     GCancellable  *cancellable,
                                     GError       **error);
gboolean   ed_transport_remove      (EdTransport   *self,
                                     const char    *path,
                                     GCancellable  *cancellable,
                                     GError       **error);
gboolean   ed_transport_make_folder (EdTransport   *self,
                                     const char    *path,
                                     GCancellable  *cancellable,
                                     GError       **error);
char      *ed_transport_describe    (EdTransport   *self);
gboolean   ed_transport_path_is_valid (const char  *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdShareEntry, ed_share_entry_free)

G_END_DECLS
