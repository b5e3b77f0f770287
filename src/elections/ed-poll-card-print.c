/* ed-poll-card-print.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The print run of an election's poll cards: proofs, or the final PDF for the printer
 * (DOMAIN.md §2.5). The roll hands the register over one polling district at a time and
 * each card is drawn and let go as it comes, and Cairo's PDF surface writes each page as it
 * is shown, so a run of a hundred thousand cards takes no more memory than a run of ten.
 *
 * A final run is checked first (ed-poll-card-check.c): errors refuse it, unless a person
 * gives a reason to go on, which the run's record keeps. Every run, proof, final or data, is
 * recorded in poll_card_run, so the history says what was sent to the printer and when. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "changes/ed-change-set.h"
#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "core/ed-today.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-elections-tables.h"
#include "elections/ed-poll-card-check.h"
#include "elections/ed-poll-card-print.h"
#include "elections/ed-poll-card-private.h"
#include "elections/ed-poll-card-render.h"

/* A4 landscape, in points: four landscape A6 cards, two by two. */
#define SHEET_WIDTH   (297.0 * ED_POLL_CARD_MM)
#define SHEET_HEIGHT  (210.0 * ED_POLL_CARD_MM)
#define CARDS_PER_SHEET 4
#define CROP_MARK_MM 5.0

/* How often the run says how far it has got, and looks whether it was stopped. */
#define REPORT_EVERY 512

G_DEFINE_QUARK (ed-poll-card-error-quark, ed_poll_card_error)

/**
 * ed_poll_card_print_options_init:
 * @options: (out caller-allocates): options to set
 *
 * Sets @options to a final run of A6 cards in walk order.
 */
void
ed_poll_card_print_options_init (EdPollCardPrintOptions *options)
{
  g_return_if_fail (options != NULL);

  options->layout = ED_POLL_CARD_LAYOUT_A6;
  options->order = ED_POLL_CARD_ORDER_WALK;
  options->proof = FALSE;
  options->override_reason = NULL;
}

/**
 * ed_poll_card_order_to_voter_order:
 * @order: the order cards are printed in
 *
 * Returns: the order the roll reads the register in for it: walk order is the register's own
 */
EdVoterOrder
ed_poll_card_order_to_voter_order (EdPollCardOrder order)
{
  switch (order)
    {
    case ED_POLL_CARD_ORDER_POSTCODE:
      return ED_VOTER_ORDER_POSTCODE;
    case ED_POLL_CARD_ORDER_NUMBER:
      return ED_VOTER_ORDER_NUMBER;
    case ED_POLL_CARD_ORDER_WALK:
    case ED_N_POLL_CARD_ORDERS:
    default:
      return ED_VOTER_ORDER_REGISTER;
    }
}

/**
 * _ed_poll_card_record_run:
 * @context: the district
 * @election: the election whose cards were output
 * @kind: proofs, the final print or the data file
 * @layout: the cards' layout
 * @order: their order
 * @cards: how many cards
 * @check_errors: the errors the pre-print check found, 0 when it was not run
 * @override_reason: (nullable): why the run went ahead over them
 * @error: return location for an error
 *
 * Records one output in poll_card_run, through a change set, so it is in the history.
 *
 * Returns: %TRUE if recorded
 */
gboolean
_ed_poll_card_record_run (EdContext          *context,
                          EdElection         *election,
                          EdPollCardRunKind   kind,
                          EdPollCardLayout    layout,
                          EdPollCardOrder     order,
                          guint64             cards,
                          guint               check_errors,
                          const char         *override_reason,
                          GError            **error)
{
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autofree char *made_on = NULL;
  GDate today;
  const char *columns[] = { "election", "kind", "made_on", "layout", "sort_order", "cards",
                            "check_errors", "override_reason" };
  GVariant *values[G_N_ELEMENTS (columns)];

  ed_today (&today);
  made_on = ed_date_format_iso (&today);
  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;
  values[0] = g_variant_new_string (election->id);
  values[1] = g_variant_new_string (ed_poll_card_run_kind_to_string (kind));
  values[2] = g_variant_new_string (made_on);
  values[3] = g_variant_new_string (ed_poll_card_layout_to_string (layout));
  values[4] = g_variant_new_string (ed_poll_card_order_to_string (order));
  values[5] = g_variant_new_int64 ((gint64)cards);
  values[6] = g_variant_new_int64 (check_errors);
  values[7] = g_variant_new_string (override_reason != NULL ? override_reason : "");
  return ed_change_set_insert (change_set, ed_poll_card_run_table.name, NULL, columns, values,
                               G_N_ELEMENTS (values), NULL, error) &&
         ed_change_set_commit (change_set, error);
}

typedef struct
{
  EdOutputFile *out;
  GError       *error;
} PdfStream;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  if (stream->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ed_output_file_write (stream->out, data, length, &stream->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  EdPollCardSetup    *setup;
  EdPollCardRenderer *renderer;
  EdPollCardLayout    layout;
  cairo_t            *cr;
  EdPollCard         *sheet[CARDS_PER_SHEET];
  guint               n_sheet;
  guint64             cards;
  gint64              seen;
  gint64              total;
  EdProgressFunc      progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} Printer;

static void
cell_origin (guint   cell,
             double *x,
             double *y)
{
  double left = (SHEET_WIDTH - 2 * ED_POLL_CARD_WIDTH) / 2;
  double top = (SHEET_HEIGHT - 2 * ED_POLL_CARD_HEIGHT) / 2;

  *x = left + (cell % 2) * ED_POLL_CARD_WIDTH;
  *y = top + (cell / 2) * ED_POLL_CARD_HEIGHT;
}

/* Four A6 cards fill an A4 sheet edge to edge, so the marks are short lines in from the
 * sheet's edges on the cuts between the cards (and a trimmed sheet's edges are its cards'). */
static void
draw_crop_marks (cairo_t *cr)
{
  double mark = CROP_MARK_MM * ED_POLL_CARD_MM;
  double mid_x = SHEET_WIDTH / 2;
  double mid_y = SHEET_HEIGHT / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.25);
  cairo_move_to (cr, mid_x, 0);
  cairo_line_to (cr, mid_x, mark);
  cairo_move_to (cr, mid_x, SHEET_HEIGHT);
  cairo_line_to (cr, mid_x, SHEET_HEIGHT - mark);
  cairo_move_to (cr, 0, mid_y);
  cairo_line_to (cr, mark, mid_y);
  cairo_move_to (cr, SHEET_WIDTH, mid_y);
  cairo_line_to (cr, SHEET_WIDTH - mark, mid_y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_in_cell (Printer          *printer,
              guint             cell,
              const EdPollCard *card,
              gboolean          back)
{
  double x, y;

  cell_origin (cell, &x, &y);
  cairo_save (printer->cr);
  cairo_translate (printer->cr, x, y);
  cairo_rectangle (printer->cr, 0, 0, ED_POLL_CARD_WIDTH, ED_POLL_CARD_HEIGHT);
  cairo_clip (printer->cr);
  if (back)
    ed_poll_card_draw_back (printer->renderer, printer->cr, card);
  else
    ed_poll_card_draw_front (printer->renderer, printer->cr, card);
  cairo_restore (printer->cr);
}

/* A sheet of fronts, then the sheet of their backs. Printed duplex turning on the long edge
 * (the top of an A4 landscape page), a card's back lies behind its front when its row is
 * swapped: the top row's backs are printed in the bottom row, and the columns stay. */
static void
flush_sheet (Printer *printer)
{
  if (printer->n_sheet == 0)
    return;
  for (guint i = 0; i < printer->n_sheet; i++)
    draw_in_cell (printer, i, printer->sheet[i], FALSE);
  draw_crop_marks (printer->cr);
  cairo_show_page (printer->cr);
  for (guint i = 0; i < printer->n_sheet; i++)
    draw_in_cell (printer, (i + 2) % CARDS_PER_SHEET, printer->sheet[i], TRUE);
  cairo_show_page (printer->cr);
  for (guint i = 0; i < printer->n_sheet; i++)
    g_clear_pointer (&printer->sheet[i], ed_poll_card_free);
  printer->n_sheet = 0;
}

static gboolean
print_entry (EdElectionRoll     *roll,
             const EdRollEntry  *entry,
             gpointer            user_data,
             GError            **error)
{
  Printer *printer = user_data;
  EdPollCard *card;

  if (++printer->seen % REPORT_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (printer->cancellable, error))
        return FALSE;
      if (printer->progress != NULL)
        printer->progress (0.05 + 0.95 * (double)printer->seen / (double)MAX (printer->total, 1),
                           _("Drawing the poll cards"), printer->progress_data);
    }
  if (!ed_election_roll_entry_gets_card (roll, entry))
    return TRUE;

  card = ed_poll_card_new (printer->setup, roll, entry);
  printer->cards++;
  if (printer->layout == ED_POLL_CARD_LAYOUT_A4_4UP)
    {
      printer->sheet[printer->n_sheet++] = card;
      if (printer->n_sheet == CARDS_PER_SHEET)
        flush_sheet (printer);
      return TRUE;
    }
  ed_poll_card_draw_front (printer->renderer, printer->cr, card);
  cairo_show_page (printer->cr);
  ed_poll_card_draw_back (printer->renderer, printer->cr, card);
  cairo_show_page (printer->cr);
  ed_poll_card_free (card);
  return TRUE;
}

/* The pre-print check before a final run: its errors refuse the run, unless overridden. */
static gboolean
check_before_final (EdContext    *context,
                    EdElection   *election,
                    const char   *override_reason,
                    GCancellable *cancellable,
                    guint        *out_errors,
                    GError      **error)
{
  g_autoptr(EdPollCardCheck) check = ed_poll_card_check_run (context, election, NULL, NULL,
                                                             cancellable, error);

  if (check == NULL)
    return FALSE;
  *out_errors = check->n_errors;
  if (check->n_errors > 0 && (override_reason == NULL || *override_reason == '\0'))
    {
      g_set_error (error, ED_POLL_CARD_ERROR, ED_POLL_CARD_ERROR_CHECK_FAILED,
                   /* Translators: %u is a number of errors, %s the election's id */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The pre-print check found %u error, so the cards were not "
                                "printed. See it with “pollcards check %s”, put it right, or "
                                "print over it giving a reason.",
                                "The pre-print check found %u errors, so the cards were not "
                                "printed. See them with “pollcards check %s”, put them right, "
                                "or print over them giving a reason.",
                                check->n_errors),
                   check->n_errors, election->slug);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_poll_cards_write_pdf:
 * @context: the district
 * @election: one poll of the combination whose cards are printed
 * @path: the PDF to write; replaced only once it is whole
 * @options: the layout, the order, proof or final, and any override of the check
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop, leaving no file and no record
 * @out_n_cards: (out) (optional): the cards printed
 * @error: return location for an error; %ED_POLL_CARD_ERROR_CHECK_FAILED when a final run
 *   is refused
 *
 * Prints the poll cards of every elector the roll sends one to
 * (ed_election_roll_entry_gets_card()): on A6 pages, each card's front then its back; or
 * four to an A4 sheet with crop marks, a sheet of fronts then the sheet of their backs, to
 * print duplex on the long edge. The run is recorded in poll_card_run.
 *
 * Returns: %TRUE if the PDF was written and recorded
 */
gboolean
ed_poll_cards_write_pdf (EdContext                     *context,
                         EdElection                    *election,
                         const char                    *path,
                         const EdPollCardPrintOptions  *options,
                         EdProgressFunc                 progress,
                         gpointer                       progress_data,
                         GCancellable                  *cancellable,
                         guint64                       *out_n_cards,
                         GError                       **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(EdPollCardSetup) setup = NULL;
  g_autoptr(EdPollCardRenderer) renderer = NULL;
  g_autoptr(EdOutputFile) out = NULL;
  PdfStream stream = { NULL, NULL };
  Printer printer = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  guint check_errors = 0;
  gboolean a4 = options->layout == ED_POLL_CARD_LAYOUT_A4_4UP;
  gboolean ok;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (progress != NULL)
    progress (0.0, options->proof ? _("Reading the register") : _("Checking the poll cards"),
              progress_data);
  if (!options->proof &&
      !check_before_final (context, election, options->override_reason, cancellable,
                           &check_errors, error))
    return FALSE;

  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return FALSE;
  setup = ed_poll_card_setup_new (context, roll, error);
  if (setup == NULL)
    return FALSE;
  renderer = ed_poll_card_renderer_new (setup, options->proof);
  out = ed_output_file_new (path, error);
  if (out == NULL)
    return FALSE;

  stream.out = out;
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream,
                                                 a4 ? SHEET_WIDTH : ED_POLL_CARD_WIDTH,
                                                 a4 ? SHEET_HEIGHT : ED_POLL_CARD_HEIGHT);
  /* Translators: a PDF's title; %s is the election's title */
  title = g_strdup_printf (options->proof ? _("Poll card proofs: %s") : _("Poll cards: %s"),
                           election->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, setup->council_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Electoral Desk");

  printer.setup = setup;
  printer.renderer = renderer;
  printer.layout = options->layout;
  printer.cr = cairo_create (surface);
  printer.progress = progress;
  printer.progress_data = progress_data;
  printer.cancellable = cancellable;
  if (progress != NULL)
    printer.total = ed_election_roll_count_entries (roll, context, NULL);

  ok = ed_election_roll_foreach (roll, context,
                                 ed_poll_card_order_to_voter_order (options->order), FALSE,
                                 cancellable, print_entry, &printer, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    flush_sheet (&printer);
  for (guint i = 0; i < printer.n_sheet; i++)
    g_clear_pointer (&printer.sheet[i], ed_poll_card_free);
  cairo_destroy (printer.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_clear_error (&stream.error);
      return FALSE;
    }
  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (printer.cards == 0)
    {
      g_set_error (error, ED_POLL_CARD_ERROR, ED_POLL_CARD_ERROR_NO_CARDS,
                   _("No elector is sent a card for %s: no one votes at its polls, or no poll "
                     "of it sends cards."), election->slug);
      return FALSE;
    }

  /* The file is whole on the disk before the run is recorded, and takes its name only once
   * it is: a run that fails before leaves neither. */
  if (!ed_output_file_finish (out, error) ||
      !_ed_poll_card_record_run (context, election,
                                 options->proof ? ED_POLL_CARD_RUN_PROOF : ED_POLL_CARD_RUN_FINAL,
                                 options->layout, options->order, printer.cards, check_errors,
                                 check_errors > 0 ? options->override_reason : "", error) ||
      !ed_output_file_publish (out, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, _("Drawing the poll cards"), progress_data);
  if (out_n_cards != NULL)
    *out_n_cards = printer.cards;
  return TRUE;
}

typedef struct
{
  char                   *election_id;
  char                   *path;
  EdPollCardPrintOptions  options;
  char                   *override_reason;
  guint64                 cards;
} PrintJob;

static void
print_job_free (PrintJob *data)
{
  g_free (data->election_id);
  g_free (data->path);
  g_free (data->override_reason);
  g_free (data);
}

static gboolean
print_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  PrintJob *data = task_data;
  g_autoptr(EdElection) election = ed_election_load (ED_CONTEXT (connection),
                                                     data->election_id, error);

  if (election == NULL)
    return FALSE;
  return ed_poll_cards_write_pdf (ED_CONTEXT (connection), election, data->path,
                                  &data->options, ed_job_progress, job, cancellable,
                                  &data->cards, error);
}

/**
 * ed_poll_cards_write_pdf_async:
 * @context: the district
 * @election: one poll of the combination whose cards are printed
 * @path: the PDF to write
 * @options: as ed_poll_cards_write_pdf() takes them; copied
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_poll_cards_write_pdf() on the district's own connection in a worker thread.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_poll_cards_write_pdf_async (EdContext                     *context,
                               EdElection                    *election,
                               const char                    *path,
                               const EdPollCardPrintOptions  *options,
                               GCancellable                  *cancellable,
                               GAsyncReadyCallback            callback,
                               gpointer                       user_data)
{
  PrintJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL && path != NULL && options != NULL, NULL);

  data = g_new0 (PrintJob, 1);
  data->election_id = g_strdup (election->id);
  data->path = g_strdup (path);
  data->options = *options;
  data->override_reason = g_strdup (options->override_reason);
  data->options.override_reason = data->override_reason;
  return ed_context_run_job_async (context, print_work, data, (GDestroyNotify)print_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_poll_cards_write_pdf_finish:
 * @job: the job ed_poll_cards_write_pdf_async() returned
 * @result: the result handed to the callback
 * @out_n_cards: (out) (optional): the cards printed
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: %TRUE if the PDF was written and recorded
 */
gboolean
ed_poll_cards_write_pdf_finish (EdJob         *job,
                                GAsyncResult  *result,
                                guint64       *out_n_cards,
                                GError       **error)
{
  PrintJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, print_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_n_cards != NULL)
    *out_n_cards = data->cards;
  return TRUE;
}
