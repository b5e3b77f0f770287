/* ed-transport-folder.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sync/ed-transport-folder-private.h"

/* A share that the system has mounted as a folder: an SMB or NFS mount, a folder a OneDrive
 * client keeps in step, or any path. Plain POSIX calls, because what matters here is exactly
 * which call refuses what: O_EXCL to create, a rename that never replaces, fsync. */

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* Reads go through read () into memory rather than a mapping: a file on a network mount or
 * under a sync client can shrink while it is mapped, and a mapping then kills the program
 * with SIGBUS instead of returning an error. */
#define READ_BLOCK (64 * 1024)

struct _EdTransportFolder
{
  GObject parent_instance;

  char *root;
};

static void ed_transport_folder_iface_init (EdTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdTransportFolder, ed_transport_folder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ED_TYPE_TRANSPORT,
                                                      ed_transport_folder_iface_init))

static char *
full_path (EdTransportFolder *self,
           const char        *path)
{
  if (path[0] == '\0')
    return g_strdup (self->root);
  return g_build_filename (self->root, path, NULL);
}

/* The errors a share gives that mean "not now" rather than "never": a Files On-Demand
 * placeholder that cannot be fetched (EIO, ENODATA), a file another program holds, a mount
 * whose server went away for a moment. The caller tries again later (SYNC.md §4.6). */
static GIOErrorEnum
io_error_from_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOENT:
      return G_IO_ERROR_NOT_FOUND;
    case EEXIST:
    case ENOTEMPTY:
      return G_IO_ERROR_EXISTS;
    case EACCES:
    case EPERM:
    case EROFS:
      return G_IO_ERROR_PERMISSION_DENIED;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return G_IO_ERROR_NO_SPACE;
    case EIO:
    case ENODATA:
    case EBUSY:
    case EAGAIN:
    case ETXTBSY:
    case ESTALE:
    case ENOLCK:
    case EDEADLK:
      return G_IO_ERROR_BUSY;
    case ETIMEDOUT:
      return G_IO_ERROR_TIMED_OUT;
    case EHOSTDOWN:
    case EHOSTUNREACH:
    case ENETDOWN:
    case ENETUNREACH:
    case ENETRESET:
    case ENOTCONN:
    case ECONNABORTED:
    case ECONNRESET:
    case ECONNREFUSED:
      return G_IO_ERROR_HOST_UNREACHABLE;
    case EINVAL:
    case ENAMETOOLONG:
    case EILSEQ:
      return G_IO_ERROR_INVALID_ARGUMENT;
    default:
      return G_IO_ERROR_FAILED;
    }
}

static void
set_error_from_errno (GError     **error,
                      const char  *path,
                      int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  GIOErrorEnum code = io_error_from_errno (saved_errno);

  if (code == G_IO_ERROR_NO_SPACE)
    g_set_error (error, G_IO_ERROR, code,
                 _("The shared folder is full: could not write “%s” (%s)"),
                 name, g_strerror (saved_errno));
  else if (code == G_IO_ERROR_BUSY)
    g_set_error (error, G_IO_ERROR, code,
                 _("“%s” cannot be read or written yet (%s); it will be tried again later"),
                 name, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, code, _("Could not use “%s” on the shared folder: %s"),
                 name, g_strerror (saved_errno));
}

/* Best effort (SYNC.md §4.9): network file systems may refuse to sync a folder, and the
 * name then reaches the server when they choose. */
static void
sync_folder_of (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

static EdShareEntry *
entry_from_info (GFileInfo *info)
{
  EdShareEntry *entry = g_new0 (EdShareEntry, 1);
  guint64 seconds = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint32 usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  entry->name = g_strdup (g_file_info_get_name (info));
  entry->is_folder = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
  entry->size = entry->is_folder ? 0 : (guint64) g_file_info_get_size (info);
  entry->mtime = (gint64) seconds * G_USEC_PER_SEC + usec;
  return entry;
}

static GPtrArray *
ed_transport_folder_list (EdTransport   *transport,
                          const char    *folder,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *path = full_path (self, folder);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ed_share_entry_free);
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (file,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&entries);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      g_ptr_array_add (entries, entry_from_info (info));
    }
  return g_steal_pointer (&entries);
}

static GBytes *
ed_transport_folder_read (EdTransport   *transport,
                          const char    *relative,
                          GCancellable  *cancellable,
                          GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *path = full_path (self, relative);
  g_autoptr(GByteArray) contents = NULL;
  guint used = 0;
  struct stat info;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_error_from_errno (error, path, errno);
      return NULL;
    }
  /* The size is only a hint: a file still arriving grows while it is read. */
  contents = g_byte_array_sized_new (fstat (fd, &info) == 0 && info.st_size > 0
                                     ? (guint) MIN (info.st_size + 1, G_MAXINT32) : READ_BLOCK);
  for (;;)
    {
      gssize got;

      g_byte_array_set_size (contents, used + READ_BLOCK);
      got = read (fd, contents->data + used, READ_BLOCK);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_error_from_errno (error, path, saved_errno);
          return NULL;
        }
      if (got == 0)
        break;
      used += (guint) got;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  g_byte_array_set_size (contents, used);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* fsync that may be refused by a file system that cannot sync (EINVAL, ENOTSUP): the data
 * then reach the share when it chooses, which is all such a share offers. */
static gboolean
sync_file (int fd)
{
  if (fsync (fd) == 0)
    return TRUE;
  return errno == EINVAL || errno == ENOTSUP || errno == EROFS;
}

static gboolean
ed_transport_folder_write_new (EdTransport   *transport,
                               const char    *relative,
                               GBytes        *contents,
                               GCancellable  *cancellable,
                               GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *path = full_path (self, relative);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (contents, &length);
  int saved_errno;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_from_errno (error, path, errno);
      return FALSE;
    }
  /* The umask can only take bits away from 0600; a file with personal data is never more
   * open than that. */
  if (fchmod (fd, 0600) == 0 && write_all (fd, data, length) && sync_file (fd))
    {
      /* NFS and SMB report a failed write-back at close. */
      if (close (fd) == 0)
        {
          sync_folder_of (path);
          return TRUE;
        }
      saved_errno = errno;
    }
  else
    {
      saved_errno = errno;
      close (fd);
    }
  g_unlink (path);
  set_error_from_errno (error, path, saved_errno);
  return FALSE;
}

/* renameat2 (RENAME_NOREPLACE) is the one call that cannot replace: Linux 3.15, on the
 * file systems that implement it (ext4, xfs, btrfs, tmpfs, and more). Called through
 * syscall () so that it does not depend on the C library's wrapper. */
static int
rename_noreplace (const char *from,
                  const char *to)
{
#ifdef SYS_renameat2
  return (int) syscall (SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#else
  errno = ENOSYS;
  return -1;
#endif
}

/* link () fails with EEXIST when the target exists, so link then unlink is a rename that
 * never replaces. If the source cannot be unlinked the rename has still happened: the
 * leftover is a temporary, which its writer removes later. */
static int
rename_by_link (const char *from,
                const char *to)
{
  if (link (from, to) != 0)
    return -1;
  if (g_unlink (from) != 0)
    g_message ("Renamed by a link but could not remove the old name: %s", g_strerror (errno));
  return 0;
}

/* The last resort, for shares that refuse both of the above (FAT, SMB without Unix
 * extensions): look, then rename. Another desk could create the target between the two,
 * and rename () would replace it. The design tolerates that window because final names are
 * unique to the desk that writes them (SYNC.md §3, second row): no other desk ever creates
 * this name. */
static int
rename_after_check (const char *from,
                    const char *to)
{
  GStatBuf info;

  if (g_lstat (to, &info) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  if (errno != ENOENT)
    return -1;
  return g_rename (from, to);
}

static gboolean
method_unsupported (EdRenameMethod method,
                    int            saved_errno)
{
  switch (method)
    {
    case ED_RENAME_NOREPLACE:
      return saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == ENOTSUP;
    case ED_RENAME_LINK:
      return saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == ENOSYS ||
             saved_errno == EMLINK || saved_errno == EXDEV;
    case ED_RENAME_CHECK_THEN_RENAME:
    default:
      return FALSE;
    }
}

/**
 * _ed_transport_folder_rename_noreplace:
 * @from: the file to rename
 * @to: the new name
 * @first: the first method to try (the tests start further down the list)
 * @used: (out) (optional): the method that renamed the file
 * @error: return location for an error
 *
 * Renames @from to @to unless @to exists, trying each method the file system may refuse in
 * turn: renameat2 with RENAME_NOREPLACE, link and unlink, and a look before a rename.
 *
 * Returns: %TRUE on success; %G_IO_ERROR_EXISTS if @to exists
 */
gboolean
_ed_transport_folder_rename_noreplace (const char      *from,
                                       const char      *to,
                                       EdRenameMethod   first,
                                       EdRenameMethod  *used,
                                       GError         **error)
{
  for (EdRenameMethod method = first; method <= ED_RENAME_CHECK_THEN_RENAME; method++)
    {
      int result;

      if (method == ED_RENAME_NOREPLACE)
        result = rename_noreplace (from, to);
      else if (method == ED_RENAME_LINK)
        result = rename_by_link (from, to);
      else
        result = rename_after_check (from, to);

      if (result == 0)
        {
          if (used != NULL)
            *used = method;
          return TRUE;
        }
      if (!method_unsupported (method, errno))
        {
          set_error_from_errno (error, errno == EEXIST ? to : from, errno);
          return FALSE;
        }
      g_debug ("Rename method %d not supported here: %s", method, g_strerror (errno));
    }
  /* Not reached: the last method reports every failure. */
  return FALSE;
}

static gboolean
ed_transport_folder_rename_new (EdTransport   *transport,
                                const char    *from,
                                const char    *to,
                                GCancellable  *cancellable,
                                GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *from_path = full_path (self, from);
  g_autofree char *to_path = full_path (self, to);
  g_autofree char *from_folder = NULL;
  g_autofree char *to_folder = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!_ed_transport_folder_rename_noreplace (from_path, to_path, ED_RENAME_NOREPLACE, NULL,
                                              error))
    return FALSE;
  /* Both names changed: the new one, and the old one's going, reach the disk. */
  sync_folder_of (to_path);
  from_folder = g_path_get_dirname (from_path);
  to_folder = g_path_get_dirname (to_path);
  if (!g_str_equal (from_folder, to_folder))
    sync_folder_of (from_path);
  return TRUE;
}

static gboolean
ed_transport_folder_remove (EdTransport   *transport,
                            const char    *relative,
                            GCancellable  *cancellable,
                            GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *path = full_path (self, relative);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_unlink (path) != 0)
    {
      set_error_from_errno (error, path, errno);
      return FALSE;
    }
  sync_folder_of (path);
  return TRUE;
}

static gboolean
ed_transport_folder_make_folder (EdTransport   *transport,
                                 const char    *relative,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);
  g_autofree char *path = full_path (self, relative);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      set_error_from_errno (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

static char *
ed_transport_folder_describe (EdTransport *transport)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (transport);

  return g_filename_display_name (self->root);
}

static void
ed_transport_folder_finalize (GObject *object)
{
  EdTransportFolder *self = ED_TRANSPORT_FOLDER (object);

  g_free (self->root);
  G_OBJECT_CLASS (ed_transport_folder_parent_class)->finalize (object);
}

static void
ed_transport_folder_iface_init (EdTransportInterface *iface)
{
  iface->list = ed_transport_folder_list;
  iface->read = ed_transport_folder_read;
  iface->write_new = ed_transport_folder_write_new;
  iface->rename_new = ed_transport_folder_rename_new;
  iface->remove = ed_transport_folder_remove;
  iface->make_folder = ed_transport_folder_make_folder;
  iface->describe = ed_transport_folder_describe;
}

static void
ed_transport_folder_class_init (EdTransportFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_transport_folder_finalize;
}

static void
ed_transport_folder_init (EdTransportFolder *self)
{
}

/**
 * ed_transport_folder_new:
 * @root: the share's folder, in the file system's encoding
 *
 * Creates a transport for a mounted folder. Nothing is checked until it is used: a mount
 * that is missing now may be there at the next scan.
 *
 * Returns: (transfer full): the transport
 */
EdTransport *
ed_transport_folder_new (const char *root)
{
  EdTransportFolder *self;

  g_return_val_if_fail (root != NULL && root[0] != '\0', NULL);

  self = g_object_new (ED_TYPE_TRANSPORT_FOLDER, NULL);
  self->root = g_strdup (root);
  return ED_TRANSPORT (self);
}
