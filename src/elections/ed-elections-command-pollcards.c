/* ed-elections-command-pollcards.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* electoral-desk-cli pollcards print and data: an election's poll cards as a PDF (proofs or
 * the final print) and the printer's data file, run as jobs as the window runs them. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "elections/ed-elections-command-private.h"
#include "elections/ed-poll-card-data.h"
#include "elections/ed-poll-card-print.h"

static gboolean
parse_order (const char       *text,
             EdPollCardOrder  *out,
             int              *out_status)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      *out = ED_POLL_CARD_ORDER_WALK;
      return TRUE;
    }
  if (ed_poll_card_order_from_string (text, out, &error))
    return TRUE;
  *out_status = ed_command_usage ("pollcards", "%s", error->message);
  return FALSE;
}

int
_ed_pollcards_command_print (const EdCommandGlobals  *globals,
                             int                      argc,
                             char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *output = NULL;
  g_autofree char *layout_text = NULL;
  g_autofree char *sort_text = NULL;
  g_autofree char *reason = NULL;
  gboolean proof = FALSE;
  EdPollCardPrintOptions options;
  GError *error = NULL;
  guint64 cards = 0;
  EdJob *job;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"),
      N_("FILE.pdf") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout_text,
      N_("a6 (one card a page, front then back) or a4-4up (four cards a sheet, with crop "
         "marks)"), N_("LAYOUT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text,
      N_("The cards’ order: walk, postcode or number"), N_("ORDER") },
    { "proof", 0, 0, G_OPTION_ARG_NONE, &proof,
      N_("Print proofs, marked PROOF, for sign-off"), NULL },
    { "override", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Print the final cards over the pre-print check’s errors, for this reason"),
      N_("REASON") },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Prints an election’s poll cards as a PDF: proofs with "
                                  "--proof, or the final cards, which the pre-print check "
                                  "must pass first (or be overridden with a reason)."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "pollcards print", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("pollcards print",
                             _("Say which election: pollcards print ID -o FILE.pdf"));
  if (output == NULL)
    return ed_command_usage ("pollcards print", _("Say where to write the cards: -o FILE.pdf"));

  ed_poll_card_print_options_init (&options);
  if (layout_text != NULL)
    {
      g_autoptr(GError) layout_error = NULL;

      if (!ed_poll_card_layout_from_string (layout_text, &options.layout, &layout_error))
        return ed_command_usage ("pollcards print", "%s", layout_error->message);
    }
  if (!parse_order (sort_text, &options.order, &status))
    return status;
  if (proof && reason != NULL)
    return ed_command_usage ("pollcards print",
                             _("Proofs are not checked, so there is nothing to override: "
                               "leave out --override or --proof"));
  if (reason != NULL && *g_strstrip (reason) == '\0')
    return ed_command_usage ("pollcards print", _("Give the reason for --override"));
  options.proof = proof;
  options.override_reason = reason;

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  job = ed_poll_cards_write_pdf_async (context, election, output, &options, NULL,
                                       ed_command_job_done, &result);
  ed_command_wait (job, &result);
  if (!ed_poll_cards_write_pdf_finish (job, result, &cards, &error))
    return ed_command_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " poll card written to %s\n",
                        "%" PRIu64 " poll cards written to %s\n", cards),
           (uint64_t)cards, output);
  return ED_COMMAND_EXIT_OK;
}

int
_ed_pollcards_command_data (const EdCommandGlobals  *globals,
                            int                      argc,
                            char                   **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(EdContext) context = NULL;
  g_autoptr(EdElection) election = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sort_text = NULL;
  EdPollCardOrder order;
  GError *error = NULL;
  guint64 cards = 0;
  EdJob *job;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The CSV file to write"),
      N_("FILE.csv") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text,
      N_("The rows’ order: walk, postcode or number"), N_("ORDER") },
    { NULL }
  };

  option_context = g_option_context_new (_("ID"));
  g_option_context_set_summary (option_context,
                                _("Writes the printer’s data file: one row for each poll card, "
                                  "with every field the card prints."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!ed_command_parse (option_context, "pollcards data", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ed_command_usage ("pollcards data",
                             _("Say which election: pollcards data ID -o FILE.csv"));
  if (output == NULL)
    return ed_command_usage ("pollcards data", _("Say where to write the file: -o FILE.csv"));
  if (!parse_order (sort_text, &order, &status))
    return status;

  if (!_ed_elections_command_open (globals, argv[1], &context, &election, &error))
    return ed_command_fail (error);
  job = ed_poll_cards_write_data_async (context, election, output, order, NULL,
                                        ed_command_job_done, &result);
  ed_command_wait (job, &result);
  if (!ed_poll_cards_write_data_finish (job, result, &cards, &error))
    return ed_command_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " card written to %s\n",
                        "%" PRIu64 " cards written to %s\n", cards),
           (uint64_t)cards, output);
  return ED_COMMAND_EXIT_OK;
}
