/* ed-station-register-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The polling-station registers (DOMAIN.md §1.2, §1.4): for each station, the copy of the
 * register the poll clerks mark, with the electors of the addresses it serves in the
 * register's statutory order, and its corresponding number list. One PDF per station.
 *
 * The copy carries what the presiding officer needs and nothing the law keeps back: the
 * elector number, the franchise marker, "A" against everyone who votes by post or whose
 * proxy does (which must be there), "P" against those with a proxy (customary), the name and
 * the address; never a date of birth or an attainer's date, nothing about anyone under 16
 * (who may vote at no poll, so are never listed), and an anonymous entry as its number and
 * "N" only. At a combined poll, an elector who may vote at only some of the polls their
 * address votes in (an overseas elector at the UK Parliamentary poll only, an EU citizen at
 * the local poll only) has the polls named. Entries are read through the election's roll,
 * as the electorate and the cards are, so the three agree.
 *
 * Every file is written to a temporary name first and put in place only once all are
 * whole, so a cancelled or failed run leaves no file behind. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-output-file.h"
#include "core/ed-today.h"
#include "core/ed-value-error.h"
#include "district/ed-district-settings.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-election-roll.h"
#include "elections/ed-station-register-document.h"
#include "print/ed-document.h"

typedef struct
{
  char              *number;
  char              *marker;
  char              *name;
  char              *address;
  const char        *district_code;  /* the roll's */
  const char        *district_name;  /* the roll's */
  EdRegisterSection  section;
  EdPollCardVariant  variant;
  guint32            votes;
  guint32            district_polls;
} Row;

static void
row_free (Row *row)
{
  g_free (row->number);
  g_free (row->marker);
  g_free (row->name);
  g_free (row->address);
  g_free (row);
}

static void
station_register_file_free (EdStationRegisterFile *file)
{
  g_free (file->station_code);
  g_free (file->path);
  g_free (file);
}

void
ed_station_registers_free (EdStationRegisters *registers)
{
  if (registers == NULL)
    return;
  g_clear_pointer (&registers->files, g_ptr_array_unref);
  g_free (registers);
}

/**
 * ed_station_register_file_name:
 * @station_code: a station's code, as typed
 *
 * Returns: (transfer full): the name of its register's file: `station-register-CODE.pdf`,
 *   the code kept to ASCII letters, digits, hyphens and underscores (anything else becomes
 *   "_"), so no code can name a file outside the folder or one a system refuses
 */
char *
ed_station_register_file_name (const char *station_code)
{
  g_autoptr(GString) safe = g_string_new (NULL);

  g_return_val_if_fail (station_code != NULL, NULL);

  for (const char *p = station_code; *p != '\0'; p++)
    g_string_append_c (safe, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (safe->len == 0)
    g_string_append_c (safe, '_');
  return g_strdup_printf ("station-register-%s.pdf", safe->str);
}

/* "12 Mill Lane, Ashmere AV1 2AB" but "Rose Cottage, Mill Lane, …": a house number runs into
 * its street, as the printed register writes it. */
static char *
format_address (const EdRegisterVoter *voter)
{
  GString *address = g_string_new (voter->property);
  gsize n = address->len;
  const char *parts[] = { voter->locality, voter->town, voter->postcode };

  if (*voter->street != '\0')
    {
      if (n > 0)
        g_string_append (address, g_ascii_isdigit (voter->property[n - 1]) ? " " : ", ");
      g_string_append (address, voter->street);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (address->len > 0)
        g_string_append (address, ", ");
      g_string_append (address, parts[i]);
    }
  return g_string_free (address, FALSE);
}

typedef struct
{
  GPtrArray *stations;  /* (element-type GPtrArray<Row>): one per roll station */
  guint      n_without_station;
  guint      n_read;
  gint64     expected;
  EdProgressFunc progress;
  gpointer   progress_data;
} Gathering;

static gboolean
gather_entry (EdElectionRoll     *roll,
              const EdRollEntry  *entry,
              gpointer            user_data,
              GError            **error)
{
  Gathering *gathering = user_data;
  const EdRegisterVoter *voter = entry->voter;
  Row *row;

  gathering->n_read++;
  if (gathering->progress != NULL && gathering->n_read % 2000 == 0)
    gathering->progress (0.4 * (double)gathering->n_read /
                           (double)MAX (gathering->expected, (gint64)gathering->n_read),
                         _("Reading the register"), gathering->progress_data);
  if (entry->votes == 0)
    return TRUE;
  if (entry->station < 0)
    {
      gathering->n_without_station++;
      return TRUE;
    }

  row = g_new0 (Row, 1);
  row->number = ed_elector_number_format (&voter->number);
  row->section = voter->section;
  row->variant = entry->variant;
  row->votes = entry->votes;
  row->district_code = entry->district->code;
  row->district_name = entry->district->name;
  for (guint p = 0; p < roll->polls->len; p++)
    if (entry->district->contest[p] >= 0)
      row->district_polls |= 1u << p;
  if (voter->section == ED_REGISTER_SECTION_ANONYMOUS || voter->anonymous)
    {
      /* Number and N only (RPR 2001 reg 41A). */
      row->section = ED_REGISTER_SECTION_ANONYMOUS;
      row->marker = g_strdup ("N");
    }
  else
    {
      row->marker = g_strdup (voter->marker);
      row->name = *voter->forenames != '\0'
                    ? g_strdup_printf ("%s, %s", voter->surname, voter->forenames)
                    : g_strdup (voter->surname);
      /* Other electors have no printed address (reg 41(3)). */
      row->address = voter->section == ED_REGISTER_SECTION_OTHER ? g_strdup ("")
                                                                 : format_address (voter);
    }
  g_ptr_array_add (g_ptr_array_index (gathering->stations, (guint)entry->station), row);
  return TRUE;
}

/* A poll as the page names it: its body ("UK Parliament"), or its kind ("Local election")
 * where the body is the council, which the header names already. */
static const char *
poll_name (EdElectionRoll *roll,
           const char     *council,
           guint           p)
{
  EdElection *poll = g_ptr_array_index (roll->polls, p);

  if (g_strcmp0 (poll->title, council) == 0)
    return ed_election_kind_get_display_name (poll->kind);
  return poll->title;
}

/* The polls an elector may vote at, when they are fewer than those their address votes in:
 * "Only: UK Parliament". */
static char *
polls_cell (EdElectionRoll *roll,
            const char     *council,
            const Row      *row)
{
  g_autoptr(GString) text = NULL;

  if (row->section == ED_REGISTER_SECTION_ANONYMOUS || row->votes == row->district_polls)
    return g_strdup ("");
  text = g_string_new (NULL);
  for (guint p = 0; p < roll->polls->len; p++)
    {
      if (!(row->votes & (1u << p)))
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, poll_name (roll, council, p));
    }
  /* Translators: %s names the polls an elector may vote at, such as "UK Parliament" */
  return g_strdup_printf (_("Only: %s"), text->str);
}

static char *
elections_text (EdElectionRoll *roll,
                const char     *council)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < roll->polls->len; p++)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, poll_name (roll, council, p));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
station_text (const EdRollStation *station)
{
  if (*station->name != '\0')
    /* Translators: a polling station: its code, its place's name and the room */
    return g_strdup_printf (_("Station %s — %s, %s"), station->code, station->place_name,
                            station->name);
  /* Translators: a polling station: its code and its place's name */
  return g_strdup_printf (_("Station %s — %s"), station->code, station->place_name);
}

static EdDocument *
build_document (EdContext           *context,
                EdElectionRoll      *roll,
                const EdRollStation *station,
                GPtrArray           *rows)
{
  const char *council = ed_district_settings_get_council_name (ed_context_get_settings (context));
  EdElection *first = g_ptr_array_index (roll->polls, 0);
  gboolean combined = roll->polls->len > 1;
  g_autofree char *elections = elections_text (roll, council);
  g_autofree char *where = station_text (station);
  g_autofree char *day = ed_date_format_long (&first->poll);
  g_autofree char *subtitle = NULL;
  g_autofree char *address = NULL;
  g_autofree char *summary = NULL;
  const char *district = NULL;
  gboolean in_other = FALSE;
  EdDocument *document;

  document = ed_document_new (council, where, elections);
  /* Translators: %s is polling day, such as "Thursday 2 May 2030" */
  subtitle = g_strdup_printf (_("Polling day: %s"), day);
  ed_document_set_subtitle (document, subtitle);

  ed_document_add_heading (document, 1, _("Polling Station Register"));
  {
    g_auto(GStrv) lines = g_strsplit (station->place_address, "\n", -1);

    address = g_strjoinv (", ", lines);
  }
  if (*address != '\0' || *station->place_postcode != '\0')
    {
      g_autofree char *line = *station->place_postcode != '\0'
                                ? g_strdup_printf ("%s %s", address, station->place_postcode)
                                : g_strdup (address);

      ed_document_add_paragraph (document, g_strstrip (line));
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u elector may vote at this station. "
                                          "A: votes by post, or their proxy does; issue no "
                                          "ballot paper. P: has a proxy. N: anonymous elector, "
                                          "who shows their elector’s document.",
                                          "%u electors may vote at this station. "
                                          "A: votes by post, or their proxy does; issue no "
                                          "ballot paper. P: has a proxy. N: anonymous elector, "
                                          "who shows their elector’s document.",
                                          rows->len),
                             rows->len);
  ed_document_add_paragraph (document, summary);

  {
    const char *headings[] = { _("Number"), _("Marker"), _("A"), _("P"), _("Name"),
                               _("Address"), _("Polls") };
    const double widths[] = { 0.10, 0.08, 0.03, 0.03, 0.28, 0.48, 0.0 };
    const double combined_widths[] = { 0.09, 0.08, 0.03, 0.03, 0.22, 0.37, 0.18 };

    ed_document_set_columns (document, headings, combined ? combined_widths : widths,
                             combined ? 7 : 6);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);
      g_autofree char *polls = combined ? polls_cell (roll, council, row) : NULL;
      gboolean anonymous = row->section == ED_REGISTER_SECTION_ANONYMOUS;
      const char *cells[7];

      if (g_strcmp0 (district, row->district_code) != 0)
        {
          /* Translators: a part of the register: a polling district's code and name */
          g_autofree char *heading = g_strdup_printf (_("%s — %s"), row->district_code,
                                                      row->district_name);

          district = row->district_code;
          in_other = FALSE;
          ed_document_add_heading (document, 2, heading);
        }
      if (row->section != ED_REGISTER_SECTION_STREET && !in_other)
        {
          in_other = TRUE;
          ed_document_add_heading (document, 2, _("Other electors"));
        }
      cells[0] = row->number;
      cells[1] = row->marker;
      /* "A" goes against every elector who votes by post (DOMAIN.md §1.2), anonymous ones
       * too: the mark is what stops a ballot paper being issued to someone whose postal
       * vote has gone out, and says nothing about who they are. */
      cells[2] = (row->variant == ED_POLL_CARD_POSTAL ||
                  row->variant == ED_POLL_CARD_PROXY_POSTAL) ? "A" : "";
      cells[3] = !anonymous && (row->variant == ED_POLL_CARD_PROXY ||
                                row->variant == ED_POLL_CARD_PROXY_POSTAL) ? "P" : "";
      cells[4] = anonymous ? "" : row->name;
      cells[5] = anonymous ? "" : row->address;
      cells[6] = polls != NULL ? polls : "";
      ed_document_add_row (document, cells);
    }

  /* The corresponding number list: the clerks write the number of each ballot paper issued
   * beside the elector's number, one column per poll. */
  ed_document_add_heading (document, 1, _("Corresponding Number List"));
  ed_document_add_paragraph (document,
                             _("Write the number of each ballot paper issued beside the "
                               "elector’s number."));
  {
    g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
    g_autofree double *widths = g_new0 (double, roll->polls->len + 1);

    g_ptr_array_add (headings, g_strdup (_("Elector Number")));
    widths[0] = 0.2;
    for (guint p = 0; p < roll->polls->len; p++)
      {
        g_ptr_array_add (headings, combined
                                     /* Translators: %s is a poll, such as "UK Parliament" */
                                     ? g_strdup_printf (_("Ballot Paper Number: %s"),
                                                        poll_name (roll, council, p))
                                     : g_strdup (_("Ballot Paper Number")));
        widths[p + 1] = 0.8 / roll->polls->len;
      }
    ed_document_set_columns (document, (const char * const *)headings->pdata, widths,
                             headings->len);
    for (guint i = 0; i < rows->len; i++)
      {
        const Row *row = g_ptr_array_index (rows, i);
        const char *cells[ED_ROLL_MAX_POLLS + 1];

        cells[0] = row->number;
        for (guint p = 0; p < roll->polls->len; p++)
          /* A poll the elector may not vote at is crossed out, so no paper is issued. */
          cells[p + 1] = row->votes & (1u << p) ? "" : "—";
        ed_document_add_row_styled (document, cells, ED_DOCUMENT_ROW_WRITE_IN);
      }
  }
  return document;
}

static gboolean
check_after_final (EdContext    *context,
                   EdElection   *election,
                   GError      **error)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  GDate today;

  if (!ed_election_get_interim_notices (context, election, notices, error))
    return FALSE;
  ed_today (&today);
  if (g_date_compare (&today, &notices[ED_N_INTERIM_NOTICES - 1].dates.publication) < 0)
    {
      g_autofree char *when = ed_date_format_long (&notices[ED_N_INTERIM_NOTICES - 1].dates.publication);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is a date */
                   _("Polling-station registers are printed after the final interim notice "
                     "of alteration, on %s, which may still change them; printing them "
                     "earlier must be confirmed."),
                   when);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_folder (const char  *out_dir,
              GError     **error)
{
  if (!g_file_test (out_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (out_dir);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR, _("“%s” is not a folder"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_station_registers_write:
 * @context: the district
 * @election: a poll; the registers cover every poll of its combination
 * @out_dir: an existing folder to write `station-register-CODE.pdf` files into
 * @flags: whether printing before the final interim notice was confirmed
 * @progress: (nullable): told how far it has got
 * @progress_data: for @progress
 * @cancellable: (nullable): to stop it, leaving no file behind
 * @error: return location for an error
 *
 * Writes each station's polling-station register and corresponding number list, one PDF per
 * station that has electors. Refused before the final interim notice's day unless @flags
 * says a person confirmed it (DOMAIN.md §1.4). Either every file is written or none.
 *
 * Returns: (transfer full): the files written, or %NULL with @error set
 */
EdStationRegisters *
ed_station_registers_write (EdContext               *context,
                            EdElection              *election,
                            const char              *out_dir,
                            EdStationRegisterFlags   flags,
                            EdProgressFunc           progress,
                            gpointer                 progress_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autoptr(EdElectionRoll) roll = NULL;
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) outputs = NULL;
  Gathering gathering = { .progress = progress, .progress_data = progress_data };
  guint n_with_electors = 0;
  guint n_written = 0;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election != NULL && out_dir != NULL, NULL);

  if (!check_folder (out_dir, error))
    return NULL;
  if (!(flags & ED_STATION_REGISTER_FLAGS_BEFORE_FINAL) &&
      !check_after_final (context, election, error))
    return NULL;
  roll = ed_election_roll_new (context, election, error);
  if (roll == NULL)
    return NULL;

  stations = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint s = 0; s < roll->stations->len; s++)
    g_ptr_array_add (stations, g_ptr_array_new_with_free_func ((GDestroyNotify)row_free));
  gathering.stations = stations;
  if (progress != NULL)
    {
      gathering.expected = ed_election_roll_count_entries (roll, context, error);
      if (gathering.expected < 0)
        return NULL;
      progress (0.0, _("Reading the register"), progress_data);
    }
  if (!ed_election_roll_foreach (roll, context, ED_VOTER_ORDER_REGISTER, FALSE, cancellable,
                                 gather_entry, &gathering, error))
    return NULL;

  registers = g_new0 (EdStationRegisters, 1);
  registers->files =
    g_ptr_array_new_with_free_func ((GDestroyNotify)station_register_file_free);
  registers->n_without_station = gathering.n_without_station;
  outputs = g_ptr_array_new_with_free_func ((GDestroyNotify)ed_output_file_free);
  for (guint s = 0; s < stations->len; s++)
    n_with_electors += ((GPtrArray *)g_ptr_array_index (stations, s))->len > 0;

  for (guint s = 0; s < stations->len; s++)
    {
      GPtrArray *rows = g_ptr_array_index (stations, s);
      const EdRollStation *station = g_ptr_array_index (roll->stations, s);
      g_autoptr(EdDocument) document = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      EdStationRegisterFile *file;
      EdOutputFile *out;

      if (rows->len == 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress != NULL)
        {
          /* Translators: %s is a polling station's code */
          g_autofree char *text = g_strdup_printf (_("Writing the register of station %s"),
                                                   station->code);

          progress (0.4 + 0.55 * (double)n_written / (double)n_with_electors, text,
                    progress_data);
        }
      name = ed_station_register_file_name (station->code);
      path = g_build_filename (out_dir, name, NULL);
      for (guint f = 0; f < registers->files->len; f++)
        if (g_str_equal (((EdStationRegisterFile *)g_ptr_array_index (registers->files, f))->path,
                         path))
          {
            g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                         /* Translators: %s is a file name */
                         _("Two stations’ codes give the same file name, %s: give each "
                           "station a code of its own."), name);
            return NULL;
          }
      file = g_new0 (EdStationRegisterFile, 1);
      file->station_code = g_strdup (station->code);
      file->path = g_strdup (path);
      file->n_electors = rows->len;
      g_ptr_array_add (registers->files, file);

      document = build_document (context, roll, station, rows);
      out = ed_output_file_new (path, error);
      if (out == NULL)
        return NULL;
      g_ptr_array_add (outputs, out);
      if (!ed_document_write_pdf_to (document, out, NULL, NULL, cancellable, &file->n_pages,
                                     error) ||
          !ed_output_file_finish (out, error))
        return NULL;
      n_written++;
    }

  /* Every file is whole: put them in place, or none of them. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  for (guint i = 0; i < outputs->len; i++)
    if (!ed_output_file_publish (g_ptr_array_index (outputs, i), error))
      {
        for (guint j = 0; j < i; j++)
          g_unlink (ed_output_file_get_path (g_ptr_array_index (outputs, j)));
        return NULL;
      }
  if (progress != NULL)
    progress (1.0, _("Written"), progress_data);
  return g_steal_pointer (&registers);
}

typedef struct
{
  char                   *election_id;
  char                   *out_dir;
  EdStationRegisterFlags  flags;
  EdStationRegisters     *registers;
} WriteJob;

static void
write_job_free (WriteJob *data)
{
  g_free (data->election_id);
  g_free (data->out_dir);
  g_clear_pointer (&data->registers, ed_station_registers_free);
  g_free (data);
}

static gboolean
write_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  WriteJob *data = task_data;
  g_autoptr(EdElection) election = NULL;

  ed_job_report (job, 0.0, _("Reading the register"));
  election = ed_election_load (ED_CONTEXT (connection), data->election_id, error);
  if (election == NULL)
    return FALSE;
  data->registers = ed_station_registers_write (ED_CONTEXT (connection), election,
                                                data->out_dir, data->flags, ed_job_progress,
                                                job, cancellable, error);
  return data->registers != NULL;
}

/**
 * ed_station_registers_write_async:
 * @context: the district
 * @election_id: the id or row id of a poll of the combination
 * @out_dir: an existing folder to write into
 * @flags: whether printing before the final interim notice was confirmed
 * @cancellable: (nullable): to stop it, leaving no file behind
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Writes the polling-station registers (ed_station_registers_write()) in a worker thread,
 * with progress.
 *
 * Returns: (transfer none): the job; it lives until @callback has run
 */
EdJob *
ed_station_registers_write_async (EdContext               *context,
                                  const char              *election_id,
                                  const char              *out_dir,
                                  EdStationRegisterFlags   flags,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  WriteJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (election_id != NULL && out_dir != NULL, NULL);

  data = g_new0 (WriteJob, 1);
  data->election_id = g_strdup (election_id);
  data->out_dir = g_strdup (out_dir);
  data->flags = flags;
  return ed_context_run_job_async (context, write_work, data, (GDestroyNotify)write_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_station_registers_write_finish:
 * @job: the job ed_station_registers_write_async() returned
 * @result: the result handed to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: (transfer full) (nullable): the files written, or %NULL on an error
 */
EdStationRegisters *
ed_station_registers_write_finish (EdJob         *job,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  WriteJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, write_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  return g_steal_pointer (&data->registers);
}
