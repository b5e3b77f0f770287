/* ed-output-workbook.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An XLSX workbook written whole or not at all, as every other output file is
 * (ed-output-file.c). libxlsxwriter writes the file itself, by name, when the workbook is
 * closed: it writes over the temporary file an EdOutputFile made (created 0600), which is then
 * synced and renamed into place.
 *
 * When it cannot write, libxlsxwriter says only that its zip writer failed ("Zip generic error
 * ZIP_ERRNO"), and prints two lines of its own on stderr. The second names the system's
 * reason, from errno, which is kept here; and where errno says nothing of use, a block written
 * past the end of the temporary file asks the disk itself. A full disk is then said in the
 * words every output file uses: which file, that the disk is full, and that nothing was
 * written under its name. The library's own lines cannot be silenced: libxlsxwriter 1.1 prints
 * them with fprintf () chosen when it is built, and has no switch for them. */

#define G_LOG_DOMAIN "ed-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "core/ed-output-workbook.h"

/**
 * ed_output_workbook_new:
 * @out: the output file the workbook is written to
 * @error: return location for an error
 *
 * Returns: (transfer full): a workbook that ed_output_workbook_close() writes to @out, or
 *   %NULL
 */
lxw_workbook *
ed_output_workbook_new (EdOutputFile  *out,
                        GError       **error)
{
  g_autofree char *folder = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;

  g_return_val_if_fail (out != NULL, NULL);

  /* libxlsxwriter keeps each sheet in a temporary file of its own until the workbook is
   * closed, and does not check its writes to them: on a full temporary folder it would zip up
   * what it had and say the workbook was written. Its temporary files go beside the output
   * instead, on the disk the workbook itself is written to, whose full disk is caught when
   * the workbook is. */
  folder = g_path_get_dirname (ed_output_file_get_temp_path (out));
  options.tmpdir = folder;
  /* The file is opened only when the workbook is closed: nothing fails here but memory. */
  workbook = workbook_new_opt (ed_output_file_get_temp_path (out), &options);
  if (workbook == NULL)
    ed_output_file_set_error (error, ed_output_file_get_path (out), ENOMEM);
  return workbook;
}

static gboolean
is_full_disk (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT;
}

/* The failures after which errno is the system's reason, as workbook_close () prints them;
 * after any other, errno is whatever it was before. */
static gboolean
sets_errno (lxw_error status)
{
  switch (status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * ed_output_workbook_close:
 * @workbook: (transfer full): a workbook from ed_output_workbook_new()
 * @out: its output file, which is committed when the workbook is written
 * @error: return location for an error, which names the file
 *
 * Writes the workbook and puts it in place under its name, or leaves nothing there. A disk
 * that fills up is said as for any output file (ed_output_file_set_error ()).
 *
 * Returns: %TRUE when the whole workbook is in place
 */
gboolean
ed_output_workbook_close (lxw_workbook  *workbook,
                          EdOutputFile  *out,
                          GError       **error)
{
  g_autofree char *name = NULL;
  const char *path;
  lxw_error status;
  int saved_errno;

  g_return_val_if_fail (workbook != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  errno = 0;
  status = workbook_close (workbook);
  saved_errno = sets_errno (status) ? errno : 0;
  if (status == LXW_NO_ERROR)
    return ed_output_file_commit (out, error);

  path = ed_output_file_get_path (out);
  if (is_full_disk (saved_errno))
    {
      ed_output_file_set_error (error, path, saved_errno);
      return FALSE;
    }
  /* errno may have been overwritten as the library cleaned up, or never set (a zip entry it
   * could not add): the disk is asked. */
  if (!ed_output_file_check_room (out, error))
    return FALSE;
  if (saved_errno != 0)
    {
      ed_output_file_set_error (error, path, saved_errno);
      return FALSE;
    }
  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: a file's name, then the reason libxlsxwriter gives */
               _("Could not write “%s”: %s"), name, lxw_strerror (status));
  return FALSE;
}
