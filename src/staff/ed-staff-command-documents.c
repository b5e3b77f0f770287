/* ed-staff-command-documents.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli staff rota and staff letters: an election's staff rota and its
 * appointment letters as PDF files (ed-staff-rota.c, ed-staff-letters.c), each written
 * beside its name and put in place only once whole (core/ed-output-file.h). */

#define G_LOG_DOMAIN "ed-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "elections/ed-election.h"
#include "staff/ed-staff-command-private.h"
#include "staff/ed-staff-documents.h"

typedef gboolean (*WriteFunc) (EdContext   *context,
                               EdElection  *election,
                               const char  *path,
                               GError     **error);

static int
write_document (const EdCommandGlobals  *globals,
                int                      argc,
                char                   **argv,
                const char              *command,
                const char              *summary,
                WriteFunc                write)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autofree char *election_id = NULL;
  g_autofree char *output = NULL;
  GError *error = NULL;
  int status;
  const GOptionEntry options[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_id, N_("The election"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"),
      N_("FILE.pdf") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context, summary);
  g_option_context_add_main_entries (option_context, options, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, command, &argc, &argv, &status))
    return status;
  if (argc != 1 || election_id == NULL || output == NULL)
    /* Translators: %s is the command, "staff rota" or "staff letters" */
    return ed_command_usage (command, _("Say which election and which file: %s --election ID "
                                        "-o FILE.pdf"), command);
  if ((context = ed_command_open_existing (globals, &error)) == NULL ||
      (election = ed_election_load (context, election_id, &error)) == NULL ||
      !write (context, election, output, &error))
    return ed_command_fail (error);
  {
    g_autofree char *name = g_filename_display_name (output);

    /* Translators: %s is a file name */
    g_print (_("Written to %s.\n"), name);
  }
  return ED_COMMAND_EXIT_OK;
}

int
_ed_staff_command_rota (const EdCommandGlobals  *globals,
                        int                      argc,
                        char                   **argv)
{
  return write_document (globals, argc, argv, "staff rota",
                         _("Writes an election’s staff rota: a page for each polling station "
                           "with everyone appointed there, by role, with their hours and "
                           "telephone; one for each session of the count and of postal vote "
                           "opening; and the inspectors’ contact sheet."),
                         ed_staff_rota_pdf);
}

int
_ed_staff_command_letters (const EdCommandGlobals  *globals,
                           int                      argc,
                           char                   **argv)
{
  return write_document (globals, argc, argv, "staff letters",
                         _("Writes an appointment letter for each person whose appointment "
                           "is accepted or confirmed, all in one PDF, addressed for a DL "
                           "window envelope."),
                         ed_staff_letters_pdf);
}
