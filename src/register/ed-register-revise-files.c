/* ed-register-revise-files.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The published copies of the revised register (DOMAIN.md §1.1, §1.3): the full and the open
 * register, each as PDF, to print and put on deposit, and as CSV, the data copy that is
 * supplied and sold. The window's revise dialog and `electoral-desk-cli register revise` both
 * write them here, with the same names in the same folder. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "register/ed-register-document.h"
#include "register/ed-register-export-private.h"
#include "register/ed-register-revise-files.h"
#include "register/ed-register-vocab.h"

/**
 * ed_register_revise_default_folder:
 *
 * Returns: (transfer full): where the registers' files go unless the officer says otherwise:
 *   Electoral Desk/Registers in the Documents folder (the home folder when there is none),
 *   where an officer keeps documents, not beside the district file in the application's own
 *   data folder
 */
char *
ed_register_revise_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  return g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                           _("Electoral Desk"), _("Registers"), NULL);
}

/**
 * ed_register_revise_file_name:
 * @edition: the full or the open register
 * @publication: the date of the revised register
 * @extension: `pdf` or `csv`
 *
 * Returns: (transfer full): the file's name, `register-full-2026-12-01.pdf`: the same in
 *   every language, so a script can find it
 */
char *
ed_register_revise_file_name (EdRegisterEdition  edition,
                              const GDate       *publication,
                              const char        *extension)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (publication != NULL && g_date_valid (publication), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  iso = ed_date_format_iso (publication);
  return g_strdup_printf ("register-%s-%s.%s", ed_register_edition_to_string (edition), iso,
                          extension);
}

/**
 * ed_register_revise_write_files:
 * @context: the district, its revised register published
 * @publication: the date of the revised register, which the registers are as at
 * @folder: where to write them; made if missing
 * @progress: (nullable): told which file is being written and how far it has got
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop; the file being written is not kept, those written are
 * @out_files: (element-type filename): the paths written are added here, in the order
 *   written, also when not every file could be written
 * @error: return location for an error
 *
 * Writes the full and the open register as at @publication, each as PDF and as CSV, named
 * by ed_register_revise_file_name(). Each file replaces one of its name only once it is
 * complete.
 *
 * Returns: %TRUE when all four files were written
 */
gboolean
ed_register_revise_write_files (EdContext       *context,
                                const GDate     *publication,
                                const char      *folder,
                                EdProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GPtrArray       *out_files,
                                GError         **error)
{
  static const EdRegisterEdition editions[] = { ED_REGISTER_EDITION_FULL,
                                                ED_REGISTER_EDITION_OPEN };
  /* A PDF takes about ten times as long as the CSV of the same edition. */
  static const double shares[] = { 0.45, 0.05, 0.45, 0.05 };
  double done = 0.0;
  guint step = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (out_files != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    for (guint format = 0; format < 2; format++, step++)
      {
        gboolean is_pdf = format == 0;
        g_autofree char *name = ed_register_revise_file_name (editions[e], publication,
                                                              is_pdf ? "pdf" : "csv");
        g_autofree char *path = g_build_filename (folder, name, NULL);
        /* Translators: progress of the revised register; %s is a file name */
        g_autofree char *text = g_strdup_printf (_("Writing %s"), name);
        EdRegisterProgress part = { progress, progress_data, done, done + shares[step], text };
        gboolean ok;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        _ed_register_progress (&part, 0.0, NULL);
        if (is_pdf)
          ok = ed_register_document_write_pdf_full (context, editions[e], publication, path,
                                                    _ed_register_progress_cb, &part,
                                                    cancellable, NULL, NULL, error);
        else
          {
            g_autoptr(GFile) file = g_file_new_for_path (path);

            /* The full register as published, as its PDF shows it: the export of every
             * field is for moving a register, never for publishing one (DOMAIN.md §1.3). */
            ok = _ed_register_export_csv_form (context,
                                               editions[e] == ED_REGISTER_EDITION_FULL
                                                 ? _ED_REGISTER_CSV_PUBLISHED
                                                 : _ED_REGISTER_CSV_OPEN,
                                               publication, file, &part, cancellable, NULL,
                                               error);
          }
        if (!ok)
          return FALSE;
        g_ptr_array_add (out_files, g_steal_pointer (&path));
        done += shares[step];
      }
  if (progress != NULL)
    progress (1.0, _("Registers saved"), progress_data);
  return TRUE;
}
