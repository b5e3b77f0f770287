/* ed-register-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The published register as a printed document (DOMAIN.md §1.1): a part per polling district,
 * each opening on a new page, its entries in street order under a heading for each street,
 * then "Other electors" with name and number only, then anonymous entries as number and "N"
 * only. It reads the register through the same walk as the CSV export, so both editions
 * select and order entries exactly as the data copies do; the full edition leaves out
 * anyone under 16, as every published version must (§1.2), and the open edition also those
 * who opted out and anonymous entries (§1.3). */

#define G_LOG_DOMAIN "ed-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "register/ed-register-document.h"
#include "register/ed-register-export-private.h"

/* Columns: number, franchise marker (and an attainer's date), name, address. */
static const double column_widths[] = { 0.13, 0.12, 0.33, 0.42 };

typedef struct
{
  EdDocument *document;
  GString    *address;
  char       *part;
  char       *street;
  gboolean    in_other;
  guint       n_entries;
} Builder;

static char *
format_date (const GDate *date,
             const char  *format)
{
  char text[64];

  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return ed_date_format_iso (date);
  return g_strdup (text);
}

/* "12 Mill Lane" but "Rose Cottage, Mill Lane": a number runs into its street. */
static void
append_address (GString             *address,
                const char * const  *fields)
{
  const char *property = fields[_ED_REGISTER_FIELD_PROPERTY];
  const char *street = fields[_ED_REGISTER_FIELD_STREET];
  const int parts[] = { _ED_REGISTER_FIELD_LOCALITY, _ED_REGISTER_FIELD_TOWN,
                        _ED_REGISTER_FIELD_POSTCODE };
  gsize n = strlen (property);

  g_string_truncate (address, 0);
  g_string_append (address, property);
  if (street[0] != '\0')
    {
      if (n > 0)
        g_string_append (address, g_ascii_isdigit (property[n - 1]) ||
                                      (n > 1 && g_ascii_isdigit (property[n - 2]))
                                    ? " "
                                    : ", ");
      g_string_append (address, street);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = fields[parts[i]];

      if (part[0] == '\0')
        continue;
      if (address->len > 0)
        g_string_append (address, ", ");
      g_string_append (address, part);
    }
}

static void
start_part (Builder             *builder,
            const char * const  *fields)
{
  const char *code = fields[_ED_REGISTER_FIELD_PREFIX];
  const char *name = fields[_ED_REGISTER_FIELD_DISTRICT_NAME];
  const char *area = fields[_ED_REGISTER_FIELD_AREA_NAME];
  const char *parish = fields[_ED_REGISTER_FIELD_PARISH_NAME];
  g_autofree char *heading = NULL;
  g_autoptr(GString) where = g_string_new (NULL);

  g_free (builder->part);
  builder->part = g_strdup (code);
  g_clear_pointer (&builder->street, g_free);
  builder->in_other = FALSE;

  /* TRANSLATORS: a part of the printed register: polling district code and name */
  heading = name[0] != '\0' ? g_strdup_printf (_("%s — %s"), code, name) : g_strdup (code);
  ed_document_add_heading (builder->document, 1, heading);
  if (area[0] != '\0')
    /* TRANSLATORS: the ward or division a polling district lies in */
    g_string_append_printf (where, _("Electoral area: %s"), area);
  if (parish[0] != '\0')
    {
      if (where->len > 0)
        g_string_append (where, "  ·  ");
      g_string_append_printf (where, _("Parish: %s"), parish);
    }
  if (where->len > 0)
    ed_document_add_paragraph (builder->document, where->str);
}

static gboolean
add_entry_cb (const char * const  *fields,
              EdRegisterSection    section,
              gpointer             user_data,
              GError             **error)
{
  Builder *builder = user_data;
  g_autofree char *number = _ed_register_number_text (fields);
  g_autofree char *marker = NULL;
  g_autofree char *name = NULL;
  const char *attainer = fields[_ED_REGISTER_FIELD_ATTAINER];
  const char *cells[4];

  if (g_strcmp0 (builder->part, fields[_ED_REGISTER_FIELD_PREFIX]) != 0)
    start_part (builder, fields);

  if (section == ED_REGISTER_SECTION_STREET &&
      g_strcmp0 (builder->street, fields[_ED_REGISTER_FIELD_STREET]) != 0)
    {
      g_free (builder->street);
      builder->street = g_strdup (fields[_ED_REGISTER_FIELD_STREET]);
      ed_document_add_heading (builder->document, 2, builder->street);
    }
  else if (section != ED_REGISTER_SECTION_STREET && !builder->in_other)
    {
      /* Anonymous entries come last under Other electors, even when there are no others. */
      builder->in_other = TRUE;
      ed_document_add_heading (builder->document, 2, _("Other electors"));
    }

  builder->n_entries++;
  cells[0] = number;
  if (section == ED_REGISTER_SECTION_ANONYMOUS)
    {
      /* Number and N only (RPR 2001 reg 41A). */
      cells[1] = "N";
      cells[2] = "";
      cells[3] = "";
      ed_document_add_row (builder->document, cells);
      return TRUE;
    }

  /* An attainer's entry gives the date they reach voting age (DOMAIN.md §1.2). */
  if (attainer[0] != '\0')
    {
      GDate date;

      g_date_clear (&date, 1);
      if (ed_date_parse_iso (attainer, &date, NULL))
        {
          g_autofree char *when = format_date (&date, "%d/%m/%Y");

          marker = fields[_ED_REGISTER_FIELD_MARKER][0] != '\0'
                     ? g_strdup_printf ("%s %s", fields[_ED_REGISTER_FIELD_MARKER], when)
                     : g_steal_pointer (&when);
        }
    }
  if (marker == NULL)
    marker = g_strdup (fields[_ED_REGISTER_FIELD_MARKER]);

  name = fields[_ED_REGISTER_FIELD_FORENAMES][0] != '\0'
           ? g_strdup_printf ("%s, %s", fields[_ED_REGISTER_FIELD_SURNAME],
                              fields[_ED_REGISTER_FIELD_FORENAMES])
           : g_strdup (fields[_ED_REGISTER_FIELD_SURNAME]);
  /* Other electors have no printed address: name and number only (reg 41(3)). */
  if (section == ED_REGISTER_SECTION_OTHER)
    g_string_truncate (builder->address, 0);
  else
    append_address (builder->address, fields);

  cells[1] = marker;
  cells[2] = name;
  cells[3] = builder->address->str;
  ed_document_add_row (builder->document, cells);
  return TRUE;
}

static EdDocument *
build_document (EdContext                 *context,
                EdRegisterEdition          edition,
                const GDate               *as_at,
                const EdRegisterProgress  *progress,
                GCancellable              *cancellable,
                guint                     *out_n_entries,
                GError                   **error)
{
  EdDistrictSettings *settings;
  const char *ero;
  const char *headings[] = { _("Number"), _("Marker"), _("Name"), _("Address") };
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *officer = NULL;
  g_autoptr(EdDocument) document = NULL;
  Builder builder = { NULL, };
  gboolean ok;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  settings = ed_context_get_settings (context);
  ero = ed_district_settings_get (settings, "ero-name");
  if (ero != NULL && ero[0] != '\0')
    officer = g_strdup_printf (_("Electoral Registration Officer: %s"), ero);
  document = ed_document_new (ed_district_settings_get_council_name (settings), officer,
                              edition == ED_REGISTER_EDITION_FULL ? _("Register of Electors")
                                                                  : _("Open Register"));
  date = format_date (as_at, "%-d %B %Y");
  subtitle = edition == ED_REGISTER_EDITION_FULL
               ? g_strdup_printf (_("Full register as at %s"), date)
               : g_strdup_printf (_("Open (edited) register as at %s"), date);
  ed_document_set_subtitle (document, subtitle);
  ed_document_set_columns (document, headings, column_widths, G_N_ELEMENTS (headings));

  builder.document = document;
  builder.address = g_string_new (NULL);
  ok = _ed_register_walk (context,
                          edition == ED_REGISTER_EDITION_FULL ? _ED_REGISTER_SELECT_PUBLISHED
                                                              : _ED_REGISTER_SELECT_OPEN,
                          as_at, progress, cancellable, add_entry_cb, &builder, error);
  g_string_free (builder.address, TRUE);
  g_free (builder.part);
  g_free (builder.street);
  if (!ok)
    return NULL;

  if (builder.n_entries == 0)
    ed_document_add_paragraph (document, _("There are no entries in this edition of the register."));
  if (out_n_entries != NULL)
    *out_n_entries = builder.n_entries;
  return g_steal_pointer (&document);
}

/**
 * ed_register_document_new:
 * @context: the district
 * @edition: the full register or the open register
 * @as_at: the date the register is published as at
 * @cancellable: (nullable): to stop building
 * @out_n_entries: (out) (optional): how many entries the document holds
 * @error: return location for an error
 *
 * Builds the published register as a document. It holds only text, so it may be built in
 * a worker thread and then printed or written in any thread.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
EdDocument *
ed_register_document_new (EdContext          *context,
                          EdRegisterEdition   edition,
                          const GDate        *as_at,
                          GCancellable       *cancellable,
                          guint              *out_n_entries,
                          GError            **error)
{
  return build_document (context, edition, as_at, NULL, cancellable, out_n_entries, error);
}

/* Reading a million entries takes seconds; laying out and writing their 24,000 pages, most
 * of a minute. */
#define READ_SHARE 0.1

/**
 * ed_register_document_write_pdf_full:
 * @context: the district
 * @edition: the full register or the open register
 * @as_at: the date the register is published as at
 * @path: where to write; replaced only once the whole document is written
 * @progress: (nullable): told how far the work has got
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop, leaving what was at @path as it was
 * @out_n_entries: (out) (optional): how many entries the document holds
 * @out_n_pages: (out) (optional): how many pages were written
 * @error: return location for an error
 *
 * Writes the published register as an A4 PDF.
 */
gboolean
ed_register_document_write_pdf_full (EdContext          *context,
                                     EdRegisterEdition   edition,
                                     const GDate        *as_at,
                                     const char         *path,
                                     EdProgressFunc      progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     guint              *out_n_entries,
                                     guint              *out_n_pages,
                                     GError            **error)
{
  g_autoptr(EdDocument) document = NULL;
  EdRegisterProgress reading = { progress, progress_data, 0.0, READ_SHARE, NULL };
  EdRegisterProgress writing = { progress, progress_data, READ_SHARE, 1.0, NULL };

  g_return_val_if_fail (path != NULL, FALSE);

  document = build_document (context, edition, as_at, &reading, cancellable, out_n_entries,
                             error);
  return document != NULL &&
         ed_document_write_pdf_full (document, path, _ed_register_progress_cb, &writing,
                                     cancellable, out_n_pages, error);
}

/**
 * ed_register_document_write_pdf:
 * @context: the district
 * @edition: the full register or the open register
 * @as_at: the date the register is published as at
 * @path: where to write; replaced only once the whole document is written
 * @out_n_entries: (out) (optional): how many entries the document holds
 * @error: return location for an error
 *
 * Writes the published register as an A4 PDF.
 */
gboolean
ed_register_document_write_pdf (EdContext          *context,
                                EdRegisterEdition   edition,
                                const GDate        *as_at,
                                const char         *path,
                                guint              *out_n_entries,
                                GError            **error)
{
  return ed_register_document_write_pdf_full (context, edition, as_at, path, NULL, NULL, NULL,
                                              out_n_entries, NULL, error);
}

/* ---- as jobs ------------------------------------------------------------------------------ */

typedef struct
{
  EdRegisterEdition  edition;
  GDate              as_at;
  char              *path;        /* NULL: build the document only */
  EdDocument        *document;
  guint              n_entries;
  guint              n_pages;
} DocumentJob;

static void
document_job_free (gpointer data)
{
  DocumentJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->document, ed_document_free);
  g_free (job);
}

static DocumentJob *
document_job_new (EdRegisterEdition  edition,
                  const GDate       *as_at,
                  const char        *path)
{
  DocumentJob *job = g_new0 (DocumentJob, 1);

  job->edition = edition;
  job->as_at = *as_at;
  job->path = g_strdup (path);
  return job;
}

static gboolean
build_work (EdJob         *job,
            GObject       *connection,
            gpointer       task_data,
            GCancellable  *cancellable,
            GError       **error)
{
  DocumentJob *data = task_data;
  EdRegisterProgress progress = { ed_job_progress, job, 0.0, 1.0, NULL };

  data->document = build_document (ED_CONTEXT (connection), data->edition, &data->as_at,
                                   &progress, cancellable, &data->n_entries, error);
  return data->document != NULL;
}

static gboolean
write_pdf_work (EdJob         *job,
                GObject       *connection,
                gpointer       task_data,
                GCancellable  *cancellable,
                GError       **error)
{
  DocumentJob *data = task_data;

  return ed_register_document_write_pdf_full (ED_CONTEXT (connection), data->edition,
                                              &data->as_at, data->path, ed_job_progress, job,
                                              cancellable, &data->n_entries, &data->n_pages,
                                              error);
}

/**
 * ed_register_document_new_async:
 * @context: the district
 * @edition: the full register or the open register
 * @as_at: the date the register is published as at
 * @cancellable: (nullable): to stop building
 * @callback: called when the document is built, with the job as its source object
 * @user_data: data for @callback
 *
 * Builds the published register as a document in a job (ed_register_document_new()), to be
 * printed once built.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_document_new_async (EdContext            *context,
                                EdRegisterEdition     edition,
                                const GDate          *as_at,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  return ed_context_run_job_async (context, build_work, document_job_new (edition, as_at, NULL),
                                   document_job_free, cancellable, callback, user_data);
}

/**
 * ed_register_document_new_finish:
 * @job: the job ed_register_document_new_async() returned
 * @result: the result handed to the callback
 * @out_n_entries: (out) (optional): how many entries the document holds
 * @error: return location for an error
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
EdDocument *
ed_register_document_new_finish (EdJob         *job,
                                 GAsyncResult  *result,
                                 guint         *out_n_entries,
                                 GError       **error)
{
  DocumentJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, build_work), NULL);

  if (!ed_job_run_finish (job, result, error))
    return NULL;
  data = ed_job_get_task_data (job);
  if (out_n_entries != NULL)
    *out_n_entries = data->n_entries;
  return g_steal_pointer (&data->document);
}

/**
 * ed_register_document_write_pdf_async:
 * @context: the district
 * @edition: the full register or the open register
 * @as_at: the date the register is published as at
 * @path: where to write; replaced only once the whole document is written
 * @cancellable: (nullable): to stop, leaving what was at @path as it was
 * @callback: called when the PDF is written, with the job as its source object
 * @user_data: data for @callback
 *
 * Writes the published register as an A4 PDF in a job
 * (ed_register_document_write_pdf_full()).
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_document_write_pdf_async (EdContext            *context,
                                      EdRegisterEdition     edition,
                                      const GDate          *as_at,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return ed_context_run_job_async (context, write_pdf_work,
                                   document_job_new (edition, as_at, path), document_job_free,
                                   cancellable, callback, user_data);
}

/**
 * ed_register_document_write_pdf_finish:
 * @job: the job ed_register_document_write_pdf_async() returned
 * @result: the result handed to the callback
 * @out_n_entries: (out) (optional): how many entries the document holds
 * @out_n_pages: (out) (optional): how many pages were written
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if it was stopped
 *
 * Returns: whether the PDF was written
 */
gboolean
ed_register_document_write_pdf_finish (EdJob         *job,
                                       GAsyncResult  *result,
                                       guint         *out_n_entries,
                                       guint         *out_n_pages,
                                       GError       **error)
{
  DocumentJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, write_pdf_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_n_entries != NULL)
    *out_n_entries = data->n_entries;
  if (out_n_pages != NULL)
    *out_n_pages = data->n_pages;
  return TRUE;
}
