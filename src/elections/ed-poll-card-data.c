/* ed-poll-card-data.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The printer's data file (DOMAIN.md §2.5): one card a row, every field the card prints,
 * from the same EdPollCard the PDF is drawn from, in the order the cards are to be printed.
 * CSV as RFC 4180 writes it (core/ed-csv.c), written whole or not at all. An anonymous
 * elector's row has no name and no address: their card goes in a sealed envelope addressed
 * in the office from the record of anonymous entries, which the printer never sees
 * (DOMAIN.md §1.7). */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-csv.h"
#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-poll-card.h"
#include "elections/ed-poll-card-data.h"
#include "elections/ed-poll-card-print.h"
#include "elections/ed-poll-card-private.h"

#define REPORT_EVERY 512
#define FLUSH_BYTES (64 * 1024)

static const char *const columns[] = {
  "sequence", "variant", "language", "elector_number", "elector_name", "anonymous",
  "address_1", "address_2", "address_3", "address_4", "address_5", "address_6", "address_7",
  "postcode", "polls", "poll_date", "poll_hours", "station_code", "station_place",
  "station_address", "station_note", "postal_deadline", "proxy_deadline", "vac_deadline",
  "postal_sent_after", "postal_replacement_from", "voter_id", "envelope", "return_address",
};

enum
{
  COL_SEQUENCE,
  COL_VARIANT,
  COL_LANGUAGE,
  COL_NUMBER,
  COL_NAME,
  COL_ANONYMOUS,
  COL_ADDRESS,
  COL_POSTCODE = COL_ADDRESS + ED_POLL_CARD_DATA_ADDRESS_LINES,
  COL_POLLS,
  COL_POLL_DATE,
  COL_POLL_HOURS,
  COL_STATION_CODE,
  COL_STATION_PLACE,
  COL_STATION_ADDRESS,
  COL_STATION_NOTE,
  COL_POSTAL_DEADLINE,
  COL_PROXY_DEADLINE,
  COL_VAC_DEADLINE,
  COL_POSTAL_SENT,
  COL_POSTAL_REPLACEMENT,
  COL_VOTER_ID,
  COL_ENVELOPE,
  COL_RETURN_ADDRESS,
  N_COLS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLS);

typedef struct
{
  EdPollCardSetup *setup;
  EdOutputFile    *out;
  GString         *text;
  char            *poll_date;
  char            *return_address;
  guint64          cards;
  gint64           seen;
  gint64           total;
  EdProgressFunc   progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
} Writer;

static char *
deadline_text (const EdPollCardDeadline *deadline)
{
  g_autofree char *day = NULL;

  if (!g_date_valid (&deadline->date))
    return g_strdup ("");
  day = ed_date_format_iso (&deadline->date);
  return g_strdup_printf ("%s %02u:00", day, deadline->hour);
}

static char *
day_text (const GDate *date)
{
  return g_date_valid (date) ? ed_date_format_iso (date) : g_strdup ("");
}

static char *
polls_text (const EdPollCard *card)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < card->setup->n_polls; p++)
    {
      g_autofree char *contest = NULL;
      g_autofree char *line = NULL;

      if ((card->polls & (1u << p)) == 0)
        continue;
      line = ed_poll_card_describe_poll (card, p, ED_ELECTOR_LANGUAGE_ENGLISH, &contest);
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, line);
      if (*contest != '\0')
        g_string_append_printf (text, " — %s", contest);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
station_address_text (const EdRollStation *station)
{
  g_autofree char *lines = g_strdelimit (g_strdup (station->place_address), "\n", ',');
  g_auto(GStrv) parts = g_strsplit (lines, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", parts[i]);
  if (*station->place_postcode != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", station->place_postcode);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_row (Writer           *writer,
            const EdPollCard *card)
{
  const EdPollCardSetup *setup = card->setup;
  gboolean postal = ed_poll_card_is_postal (card->variant);
  char *values[N_COLS] = { NULL };
  guint n_address = card->addressee != NULL ? g_strv_length (card->addressee) : 0;
  const EdRollStation *station = card->station;

  values[COL_SEQUENCE] = g_strdup_printf ("%" G_GUINT64_FORMAT, writer->cards);
  values[COL_VARIANT] = g_strdup (ed_poll_card_variant_to_string (card->variant));
  values[COL_LANGUAGE] = g_strdup (ed_poll_card_languages_to_string (card->languages));
  values[COL_NUMBER] = g_strdup (card->elector_number);
  values[COL_NAME] = g_strdup (card->elector_name);
  values[COL_ANONYMOUS] = g_strdup (card->anonymous ? "yes" : "no");
  /* A longer block keeps its last lines together in the last column. */
  for (guint i = 0; i < ED_POLL_CARD_DATA_ADDRESS_LINES && i < n_address; i++)
    values[COL_ADDRESS + i] =
      i == ED_POLL_CARD_DATA_ADDRESS_LINES - 1 && n_address > ED_POLL_CARD_DATA_ADDRESS_LINES
        ? g_strjoinv (", ", card->addressee + i)
        : g_strdup (card->addressee[i]);
  values[COL_POSTCODE] = g_strdup (card->postcode);
  values[COL_POLLS] = polls_text (card);
  values[COL_POLL_DATE] = g_strdup (writer->poll_date);
  values[COL_POLL_HOURS] = g_strdup (ed_poll_card_is_in_person (card->variant) ? "07:00-22:00"
                                                                                : "");
  if (station != NULL)
    {
      values[COL_STATION_CODE] = g_strdup (station->code);
      values[COL_STATION_PLACE] = *station->name != '\0'
                                    ? g_strdup_printf ("%s, %s", station->place_name,
                                                       station->name)
                                    : g_strdup (station->place_name);
      values[COL_STATION_ADDRESS] = station_address_text (station);
      values[COL_STATION_NOTE] = g_strdup (station->poll_card_note);
    }
  /* The deadlines each card prints: how else to vote on an elector's own in-person card,
   * how to change a postal vote on a postal card. */
  if (card->variant == ED_POLL_CARD_ORDINARY || postal)
    values[COL_POSTAL_DEADLINE] = deadline_text (&setup->postal_deadline);
  if (card->variant == ED_POLL_CARD_ORDINARY)
    values[COL_PROXY_DEADLINE] = deadline_text (&setup->proxy_deadline);
  if (card->voter_id)
    values[COL_VAC_DEADLINE] = deadline_text (&setup->vac_deadline);
  if (postal)
    {
      values[COL_POSTAL_SENT] = day_text (&setup->postal_packs_from);
      values[COL_POSTAL_REPLACEMENT] = day_text (&setup->postal_replacement_from);
    }
  values[COL_VOTER_ID] = g_strdup (card->voter_id ? "yes" : "no");
  values[COL_ENVELOPE] = g_strdup (card->sealed_envelope ? "sealed" : "none");
  values[COL_RETURN_ADDRESS] = g_strdup (writer->return_address);

  ed_csv_append_row (writer->text, (const char *const *)values, N_COLS, ',');
  for (guint i = 0; i < N_COLS; i++)
    g_free (values[i]);
}

static gboolean
flush (Writer  *writer,
       GError **error)
{
  gboolean ok = ed_output_file_write (writer->out, writer->text->str, writer->text->len,
                                      error);

  g_string_truncate (writer->text, 0);
  return ok;
}

static gboolean
write_entry (EdElectionRoll     *roll,
             const EdRollEntry  *entry,
             gpointer            user_data,
             GError            **error)
{
  Writer *writer = user_data;
  g_autoptr(EdPollCard) card = NULL;

  if (++writer->seen % REPORT_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
        return FALSE;
      if (writer->progress != NULL)
        writer->progress ((double)writer->seen / (double)MAX (writer->total, 1),
                          _("Writing the printer’s data file"), writer->progress_data);
    }
  if (!ed_election_roll_entry_gets_card (roll, entry))
    return TRUE;
  card = ed_poll_card_new (writer->setup, roll, entry);
  writer->cards++;
  append_row (writer, card);
  return writer->text->len < FLUSH_BYTES || flush (writer, error);
}

static char *
return_address (const EdPollCardSetup *setup)
{
  g_autofree char *address = g_strdelimit (g_strdup (setup->council_address), "\n", ',');
  g_auto(GStrv) parts = g_strsplit (address, ",", -1);
  g_autoptr(GString) text = g_string_new (setup->council_name);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_string_append_printf (text, ", %s", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ed_poll_cards_write_data:
 * @context: the district
 * @election: one poll of the combination whose cards are printed
 * @path: the CSV file to write; replaced only once it is whole
 * @order: the order of the rows, the order the cards are to be printed in
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop, leaving no file and no record
 * @out_n_cards: (out) (optional): the rows written, one a card
 * @error: return location for an error
 *
 * Writes the printer's data file: a heading row, then one row for each card the PDF would
 * print, with every field it prints. The run is recorded in poll_card_run.
 *
 * Returns: %TRUE if the file was written and recorded
 */
gboolean
ed_poll_cards_write_data (EdContext        *context,
                          EdElection       *election,
                          const char       *path,
                          EdPollCardOrder   order,
                          EdProgressFunc    progress,
                          gpointer          progress_data,
                          GCancellable     *cancellable,
                          guint64          *out_n_cards,
                          GError          **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(EdPollCardSetup) setup = NULL;
  g_autoptr(EdOutputFile) out = NULL;
  g_autoptr(GString) text = g_string_sized_new (FLUSH_BYTES + 4096);
  g_autofree char *poll_date = NULL;
  g_autofree char *from = NULL;
  Writer writer = { 0 };

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return FALSE;
  setup = ed_poll_card_setup_new (context, roll, error);
  if (setup == NULL)
    return FALSE;
  out = ed_output_file_new (path, error);
  if (out == NULL)
    return FALSE;
  poll_date = ed_date_format_iso (&setup->poll);
  from = return_address (setup);

  writer.setup = setup;
  writer.out = out;
  writer.text = text;
  writer.poll_date = poll_date;
  writer.return_address = from;
  writer.progress = progress;
  writer.progress_data = progress_data;
  writer.cancellable = cancellable;
  if (progress != NULL)
    writer.total = ed_election_roll_count_entries (roll, context, NULL);

  ed_csv_append_row (text, columns, N_COLS, ',');
  if (!ed_election_roll_foreach (roll, context, ed_poll_card_order_to_voter_order (order),
                                 FALSE, cancellable, write_entry, &writer, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) || !flush (&writer, error))
    return FALSE;
  if (!ed_output_file_finish (out, error) ||
      !_ed_poll_card_record_run (context, election, ED_POLL_CARD_RUN_DATA,
                                 ED_POLL_CARD_LAYOUT_A6, order, writer.cards, 0, "", error) ||
      !ed_output_file_publish (out, error))
    return FALSE;
  if (out_n_cards != NULL)
    *out_n_cards = writer.cards;
  return TRUE;
}

typedef struct
{
  char            *election_id;
  char            *path;
  EdPollCardOrder  order;
  guint64          cards;
} DataJob;

static void
data_job_free (DataJob *data)
{
  g_free (data->election_id);
  g_free (data->path);
  g_free (data);
}

static gboolean
data_work (EdJob         *job,
           GObject       *connection,
           gpointer       task_data,
           GCancellable  *cancellable,
           GError       **error)
{
  DataJob *data = task_data;
  g_autoptr(EdElection) election = ed_election_load (ED_CONTEXT (connection),
                                                     data->election_id, error);

  if (election == NULL)
    return FALSE;
  return ed_poll_cards_write_data (ED_CONTEXT (connection), election, data->path, data->order,
                                   ed_job_progress, job, cancellable, &data->cards, error);
}

/**
 * ed_poll_cards_write_data_async:
 * @context: the district
 * @election: one poll of the combination whose cards are printed
 * @path: the CSV file to write
 * @order: the order of the rows
 * @cancellable: (nullable): to stop it
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Runs ed_poll_cards_write_data() on the district's own connection in a worker thread.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_poll_cards_write_data_async (EdContext           *context,
                                EdElection          *election,
                                const char          *path,
                                EdPollCardOrder      order,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  DataJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL && path != NULL, NULL);

  data = g_new0 (DataJob, 1);
  data->election_id = g_strdup (election->id);
  data->path = g_strdup (path);
  data->order = order;
  return ed_context_run_job_async (context, data_work, data, (GDestroyNotify)data_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_poll_cards_write_data_finish:
 * @job: the job ed_poll_cards_write_data_async() returned
 * @result: the result handed to the callback
 * @out_n_cards: (out) (optional): the rows written
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: %TRUE if the file was written and recorded
 */
gboolean
ed_poll_cards_write_data_finish (EdJob         *job,
                                 GAsyncResult  *result,
                                 guint64       *out_n_cards,
                                 GError       **error)
{
  DataJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, data_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_n_cards != NULL)
    *out_n_cards = data->cards;
  return TRUE;
}
