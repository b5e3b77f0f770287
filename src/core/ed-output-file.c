/* ed-output-file.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ed-crash-point.h"
#include "core/ed-output-file.h"

/* Every file the program writes (exports, copies, reports, notices, PDFs, op files) holds
 * personal data, and a person or another program may open it as soon as it has its name.
 * So it is written under a temporary name in the same folder (a rename across folders could
 * cross file systems and stop being atomic), created with O_EXCL and mode 0600 whatever the
 * umask, flushed to the disk, and only then renamed over its target; the folder is synced
 * too, so the new name survives a power cut. Killed half way, it leaves a hidden
 * `.NAME.XXXXXX.partial` that nothing reads, never half a file under NAME. */

/* Writes are gathered into blocks of this size: a CSV export writes a line at a time. */
#define BUFFER_SIZE (64 * 1024)

/* Long enough to recognise; short enough that the dot, the random part and the suffix still
 * fit in a file name of 255 bytes. */
#define MAX_NAME_IN_TEMP 200

struct _EdOutputFile
{
  char    *path;
  char    *temp_path;
  int      fd;
  guint8  *buffer;
  gsize    buffered;
  gboolean published;
};

/**
 * ed_output_file_set_error:
 * @error: return location for an error
 * @path: the file that could not be written (its final name, which a person knows)
 * @saved_errno: the errno of the failure
 *
 * Sets an error in %G_IO_ERROR that names @path: a full disk says which file it stopped.
 */
void
ed_output_file_set_error (GError     **error,
                          const char  *path,
                          int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Could not write “%s”: %s. The disk is full or the file too large; "
                   "nothing was written under that name."),
                 name, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

static char *
temp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  if (strlen (base) > MAX_NAME_IN_TEMP)
    {
      const char *end = g_utf8_find_prev_char (base, base + MAX_NAME_IN_TEMP + 1);

      base[end != NULL ? end - base : MAX_NAME_IN_TEMP] = '\0';
    }
  name = g_strconcat (".", base, ".XXXXXX" ED_OUTPUT_FILE_SUFFIX, NULL);
  return g_build_filename (dir, name, NULL);
}

/**
 * ed_output_file_new:
 * @path: the file to write; replaced only by ed_output_file_commit() or
 *   ed_output_file_publish()
 * @error: return location for an error
 *
 * Creates the temporary file for @path in @path's folder, with mode 0600.
 *
 * Returns: (transfer full): the output file, or %NULL
 */
EdOutputFile *
ed_output_file_new (const char  *path,
                    GError     **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *base = NULL;
  EdOutputFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (path[0] == '\0' || g_str_has_suffix (path, G_DIR_SEPARATOR_S) ||
      g_str_equal (base, ".") || g_str_equal (base, "..") || g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a file name to write to"), name);
      return NULL;
    }

  temp_path = temp_template (path);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      ed_output_file_set_error (error, path, errno);
      return NULL;
    }
  /* The umask can only take bits away from 0600, but a file this program writes is never
   * more open than that, nor less open for its owner. */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp_path);
      ed_output_file_set_error (error, path, saved_errno);
      return NULL;
    }

  self = g_new0 (EdOutputFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_steal_pointer (&temp_path);
  self->fd = fd;
  self->buffer = g_malloc (BUFFER_SIZE);
  ed_crash_point ("output-created");
  return self;
}

/**
 * ed_output_file_new_for_file:
 * @file: the file to write; it must be on this computer (a path)
 * @error: return location for an error
 *
 * As ed_output_file_new(), for a #GFile (a file chooser's answer, a command's argument).
 *
 * Returns: (transfer full): the output file, or %NULL
 */
EdOutputFile *
ed_output_file_new_for_file (GFile   *file,
                             GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      /* Only a local file can be written beside its target and renamed into place. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer: save it to a folder here"),
                   display);
      return NULL;
    }
  return ed_output_file_new (path, error);
}

static void sync_folder (const char *path);

static gboolean
write_fully (EdOutputFile  *self,
             const guint8  *data,
             gsize          length,
             GError       **error)
{
  while (length > 0)
    {
      gssize n = write (self->fd, data, length);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          ed_output_file_set_error (error, self->path, saved_errno);
          return FALSE;
        }
      data += n;
      length -= (gsize)n;
      ed_crash_point ("output-write");
    }
  return TRUE;
}

static gboolean
flush_buffer (EdOutputFile  *self,
              GError       **error)
{
  gsize buffered = self->buffered;

  self->buffered = 0;
  return write_fully (self, self->buffer, buffered, error);
}

/**
 * ed_output_file_write:
 * @self: an output file not yet finished
 * @data: (array length=length): the bytes
 * @length: how many
 * @error: return location for an error, which names the file
 *
 * Returns: %TRUE if the bytes were written (or buffered)
 */
gboolean
ed_output_file_write (EdOutputFile  *self,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->buffered + length > BUFFER_SIZE && !flush_buffer (self, error))
    return FALSE;
  if (length >= BUFFER_SIZE)
    return write_fully (self, data, length, error);
  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
  return TRUE;
}

/**
 * ed_output_file_finish:
 * @self: an output file not yet finished
 * @error: return location for an error, which names the file
 *
 * Writes what is buffered, flushes the temporary file to the disk and closes it, but leaves
 * it under its temporary name: for two or more files that should appear together, each is
 * finished first, then each published.
 *
 * Returns: %TRUE if the whole file is on the disk
 */
gboolean
ed_output_file_finish (EdOutputFile  *self,
                       GError       **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (!flush_buffer (self, error))
    return FALSE;
  if (fsync (self->fd) != 0)
    {
      ed_output_file_set_error (error, self->path, errno);
      return FALSE;
    }
  ed_crash_point ("output-synced");
  fd = self->fd;
  self->fd = -1;
  /* A network file system may report a failed write only on close. */
  if (close (fd) != 0 && errno != EINTR)
    {
      ed_output_file_set_error (error, self->path, errno);
      return FALSE;
    }
  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Best effort: some file systems cannot open or sync a folder, and the rename is done. */
  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/**
 * ed_output_file_publish:
 * @self: a finished output file
 * @error: return location for an error, which names the file
 *
 * Renames the temporary file over the target, in one step, and syncs the folder so that the
 * name survives a power cut.
 *
 * Returns: %TRUE if the file is in place
 */
gboolean
ed_output_file_publish (EdOutputFile  *self,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd < 0 && !self->published, FALSE);

  if (!ed_output_file_rename_into_place (self->temp_path, self->path, error))
    return FALSE;
  self->published = TRUE;
  return TRUE;
}

/**
 * ed_output_file_new_temp_path:
 * @path: the file that will be written
 * @error: return location for an error
 *
 * Finds a name for a temporary file for @path, named as ed_output_file_new() names its own,
 * for a writer that must create the file itself (SQLite, through ed_database_open(), which
 * creates it with O_EXCL and mode 0600): it writes there, then calls
 * ed_output_file_rename_into_place().
 *
 * Returns: (transfer full): the temporary file's path, free, or %NULL
 */
char *
ed_output_file_new_temp_path (const char  *path,
                              GError     **error)
{
  g_autoptr(EdOutputFile) out = ed_output_file_new (path, error);
  char *temp_path;

  if (out == NULL)
    return NULL;
  /* Made and removed, so that the name is one no other file had a moment ago; the writer's
   * own O_EXCL stops it if another takes it in between. */
  temp_path = g_strdup (out->temp_path);
  ed_output_file_abort (out);
  return temp_path;
}

/**
 * ed_output_file_rename_into_place:
 * @temp_path: a whole file, synced to the disk, in @path's folder
 * @path: its name
 * @error: return location for an error, which names @path
 *
 * Renames @temp_path over @path in one step, and syncs the folder.
 *
 * Returns: %TRUE if the file is in place
 */
gboolean
ed_output_file_rename_into_place (const char  *temp_path,
                                  const char  *path,
                                  GError     **error)
{
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ed_crash_point ("rename");
  if (g_rename (temp_path, path) != 0)
    {
      ed_output_file_set_error (error, path, errno);
      return FALSE;
    }
  ed_crash_point ("renamed");
  sync_folder (path);
  return TRUE;
}

/**
 * ed_output_file_commit:
 * @self: an output file not yet finished
 * @error: return location for an error, which names the file
 *
 * ed_output_file_finish(), then ed_output_file_publish().
 *
 * Returns: %TRUE if the whole file is in place
 */
gboolean
ed_output_file_commit (EdOutputFile  *self,
                       GError       **error)
{
  return ed_output_file_finish (self, error) && ed_output_file_publish (self, error);
}

/* Enough to need new blocks of any file system, whatever room its last block has left. */
#define PROBE_SIZE (64 * 1024)

/**
 * ed_output_file_check_room:
 * @self: an output file not yet finished, which a writer of its own may have filled
 * @error: return location for an error, which names the file
 *
 * Asks the file system whether the file can grow: writes a block of zeros past its end,
 * flushes it to the disk, and takes it off again. For a writer that writes the temporary file
 * itself by name (libxlsxwriter) and says only that it failed, not why: a full disk then fails
 * here too, and says so as any write of an output file does.
 *
 * Returns: %TRUE if the block was written; %FALSE with the error of the write that failed
 */
gboolean
ed_output_file_check_room (EdOutputFile  *self,
                           GError       **error)
{
  g_autofree guint8 *zeros = NULL;
  struct stat st;
  gsize done = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (fstat (self->fd, &st) != 0)
    {
      ed_output_file_set_error (error, self->path, errno);
      return FALSE;
    }
  zeros = g_malloc0 (PROBE_SIZE);
  while (done < PROBE_SIZE)
    {
      gssize n = pwrite (self->fd, zeros + done, PROBE_SIZE - done, st.st_size + (off_t)done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          ed_output_file_set_error (error, self->path, errno);
          return FALSE;
        }
      done += (gsize)n;
    }
  /* A network file system may refuse the block only when it is flushed. */
  if (fdatasync (self->fd) != 0)
    {
      ed_output_file_set_error (error, self->path, errno);
      return FALSE;
    }
  if (ftruncate (self->fd, st.st_size) != 0)
    {
      ed_output_file_set_error (error, self->path, errno);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_output_file_abort:
 * @self: an output file
 *
 * Removes the temporary file, leaving the target as it was. Does nothing once published.
 */
void
ed_output_file_abort (EdOutputFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (!self->published && self->temp_path != NULL)
    {
      g_unlink (self->temp_path);
      g_clear_pointer (&self->temp_path, g_free);
    }
}

/**
 * ed_output_file_get_path:
 * @self: an output file
 *
 * Returns: the target's path
 */
const char *
ed_output_file_get_path (EdOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * ed_output_file_get_temp_path:
 * @self: an output file
 *
 * Returns: (nullable): the temporary file's path; %NULL once aborted
 */
const char *
ed_output_file_get_temp_path (EdOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/**
 * ed_output_file_free:
 * @self: (nullable): an output file
 *
 * Frees @self, removing its temporary file unless it was published.
 */
void
ed_output_file_free (EdOutputFile *self)
{
  if (self == NULL)
    return;
  ed_output_file_abort (self);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self->buffer);
  g_free (self);
}

/**
 * ed_output_file_set_contents:
 * @path: the file to write
 * @data: (array length=length): its contents
 * @length: how many bytes
 * @error: return location for an error, which names the file
 *
 * Writes a whole file through an #EdOutputFile: all of it under @path, mode 0600, or nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_output_file_set_contents (const char  *path,
                             const void  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(EdOutputFile) out = ed_output_file_new (path, error);

  return out != NULL && ed_output_file_write (out, data, length, error) &&
         ed_output_file_commit (out, error);
}
