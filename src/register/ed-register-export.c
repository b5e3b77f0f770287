/* ed-register-export.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register as CSV, in the statutory order of RPR 2001 reg 41 (DOMAIN.md §1.1): part by
 * part (polling district), entries with an address in elector-number order (which is street
 * order: numbers are given in street order at each revision, and new entries between take a
 * suffix at their address), then "Other electors" alphabetically, then anonymous entries.
 * The file is written beside the target and moved over it when complete, so a failed export
 * never leaves half a register behind. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ed-csv.h"
#include "ed-database.h"
#include "ed-date.h"
#include "ed-district-settings.h"
#include "ed-elector-number.h"
#include "ed-franchise.h"
#include "ed-register-export.h"
#include "ed-register-order.h"
#include "ed-value-error.h"

/* The columns of the full edition, which is also the generic import format. */
static const char *full_columns[] = {
  "polling_district", "polling_district_name", "electoral_area", "electoral_area_name",
  "electoral_area_kind", "electoral_area_seats", "parish", "parish_name", "constituency",
  "elector_number_prefix", "elector_number", "elector_number_suffix", "title", "forenames",
  "surname", "franchise_marker", "attainer_date", "open_register_opt_out", "absent_vote",
  "absent_vote_ends", "proxy_name", "proxy_address", "anonymous", "other_elector", "language",
  "status", "uprn", "property", "street", "locality", "town", "area", "postcode",
};

/* The open register: what a buyer may see (DOMAIN.md §1.3). */
static const char *open_columns[] = {
  "elector_number", "franchise_marker", "title", "forenames", "surname", "property", "street",
  "locality", "town", "area", "postcode", "attainer_date",
};

/* Section: 0 an address, 1 Other electors, 2 anonymous (ed_register_section_for). */
static const char export_sql[] =
  "SELECT coalesce (d.code, e.number_prefix), coalesce (d.name, ''), coalesce (a.code, ''), "
  "  coalesce (a.name, ''), coalesce (a.kind, ''), coalesce (a.seats, 0), "
  "  coalesce (pa.code, ''), coalesce (pa.name, ''), coalesce (d.constituency, ''), "
  "  e.number_prefix, e.number, e.number_suffix, e.title, e.forenames, e.surname, e.marker, "
  "  e.attainer_date, e.open_register_opt_out, e.absent_vote, e.absent_vote_ends, "
  "  e.proxy_name, e.proxy_address, e.anonymous, e.other_elector, e.language, e.status, "
  "  coalesce (p.uprn, 0), coalesce (p.property, ''), coalesce (p.street, ''), "
  "  coalesce (p.locality, ''), coalesce (p.town, ''), coalesce (p.area, ''), "
  "  coalesce (p.postcode, ''), "
  "  CASE WHEN e.anonymous THEN 2 WHEN e.other_elector OR p.id IS NULL THEN 1 ELSE 0 END "
  "FROM elector AS e "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "LEFT JOIN electoral_area AS a ON a.id = d.electoral_area "
  "LEFT JOIN parish AS pa ON pa.id = d.parish "
  "LEFT JOIN property AS p ON p.id = e.property "
  "ORDER BY e.number_prefix, 34, e.number, e.number_suffix";

enum
{
  COL_PREFIX = 9, COL_NUMBER, COL_SUFFIX, COL_TITLE, COL_FORENAMES, COL_SURNAME, COL_MARKER,
  COL_ATTAINER, COL_OPT_OUT, COL_ANONYMOUS = 22, COL_PROPERTY = 27, COL_STREET, COL_LOCALITY,
  COL_TOWN, COL_AREA, COL_POSTCODE, COL_SECTION,
};

gboolean
ed_register_edition_from_string (const char         *text,
                                 EdRegisterEdition  *out,
                                 GError            **error)
{
  if (g_strcmp0 (text, "full") == 0)
    *out = ED_REGISTER_EDITION_FULL;
  else if (g_strcmp0 (text, "open") == 0 || g_strcmp0 (text, "edited") == 0)
    *out = ED_REGISTER_EDITION_OPEN;
  else
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   _("“%s” is not an edition of the register: expected full or open"), text);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char  **fields;     /* the row as written */
  char   *surname;
  char   *forenames;
  guint32 number;
  guint32 suffix;
} BufferedRow;

static void
buffered_row_free (BufferedRow *row)
{
  g_strfreev (row->fields);
  g_free (row->surname);
  g_free (row->forenames);
  g_free (row);
}

static int
compare_other_electors (gconstpointer a,
                        gconstpointer b)
{
  const BufferedRow *x = *(BufferedRow **)a;
  const BufferedRow *y = *(BufferedRow **)b;
  int by_name = ed_register_name_compare (x->surname, x->forenames, y->surname, y->forenames);

  if (by_name != 0)
    return by_name;
  return x->number != y->number ? (x->number < y->number ? -1 : 1)
                                : (x->suffix > y->suffix) - (x->suffix < y->suffix);
}

typedef struct
{
  GOutputStream *out;
  GString       *line;
  guint          n_entries;
} Writer;

static gboolean
write_fields (Writer              *writer,
              const char * const  *fields,
              gsize                n_fields,
              GError             **error)
{
  g_string_truncate (writer->line, 0);
  ed_csv_append_row (writer->line, fields, n_fields, ',');
  return g_output_stream_write_all (writer->out, writer->line->str, writer->line->len, NULL,
                                    NULL, error);
}

static char *
elector_number_text (sqlite3_stmt *stmt)
{
  EdElectorNumber number;

  if (!ed_elector_number_set (&number, (const char *)sqlite3_column_text (stmt, COL_PREFIX),
                              (guint32)sqlite3_column_int64 (stmt, COL_NUMBER),
                              (guint32)sqlite3_column_int64 (stmt, COL_SUFFIX), NULL))
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sqlite3_column_text (stmt, COL_PREFIX),
                            (gint64)sqlite3_column_int64 (stmt, COL_NUMBER));
  return ed_elector_number_format (&number);
}

static char **
row_fields (sqlite3_stmt      *stmt,
            EdRegisterEdition  edition)
{
  GPtrArray *fields = g_ptr_array_new ();

  if (edition == ED_REGISTER_EDITION_FULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (full_columns); i++)
        g_ptr_array_add (fields, g_strdup ((const char *)sqlite3_column_text (stmt, i)));
    }
  else
    {
      static const int open_sources[] = {
        -1, COL_MARKER, COL_TITLE, COL_FORENAMES, COL_SURNAME, COL_PROPERTY, COL_STREET,
        COL_LOCALITY, COL_TOWN, COL_AREA, COL_POSTCODE, COL_ATTAINER,
      };

      for (guint i = 0; i < G_N_ELEMENTS (open_sources); i++)
        g_ptr_array_add (fields, open_sources[i] < 0
                                   ? elector_number_text (stmt)
                                   : g_strdup ((const char *)sqlite3_column_text (
                                                 stmt, open_sources[i])));
    }
  g_ptr_array_add (fields, NULL);
  return (char **)g_ptr_array_free (fields, FALSE);
}

/* Whether an entry belongs in the edition: the open register leaves out those who opted out,
 * anonymous entries and anyone under 16 on the date it is as at (DOMAIN.md §1.2, §1.3). */
static gboolean
include_in_edition (sqlite3_stmt      *stmt,
                    EdRegisterEdition  edition,
                    EdCountry          country,
                    const GDate       *as_at)
{
  const char *attainer_text = (const char *)sqlite3_column_text (stmt, COL_ATTAINER);
  gboolean under_16 = FALSE;

  if (edition == ED_REGISTER_EDITION_FULL)
    return TRUE;
  if (attainer_text != NULL && attainer_text[0] != '\0')
    {
      GDate attainer;

      g_date_clear (&attainer, 1);
      if (ed_date_parse_iso (attainer_text, &attainer, NULL))
        under_16 = ed_elector_is_under_16 (country, &attainer, as_at);
    }
  return ed_open_register_includes (sqlite3_column_int (stmt, COL_OPT_OUT) != 0,
                                    sqlite3_column_int (stmt, COL_ANONYMOUS) != 0, under_16);
}

static gboolean
flush_other_electors (Writer     *writer,
                      GPtrArray  *others,
                      gsize       n_fields,
                      GError    **error)
{
  g_ptr_array_sort (others, compare_other_electors);
  for (guint i = 0; i < others->len; i++)
    {
      BufferedRow *row = g_ptr_array_index (others, i);

      if (!write_fields (writer, (const char * const *)row->fields, n_fields, error))
        return FALSE;
    }
  g_ptr_array_set_size (others, 0);
  return TRUE;
}

/**
 * ed_register_export_csv:
 * @context: the district
 * @edition: which edition
 * @as_at: the date the register is published as at (for the open register's under-16 rule)
 * @file: where to write; replaced only once the export is complete
 * @out_n_entries: (out) (optional): how many entries were written
 * @error: return location for an error
 */
gboolean
ed_register_export_csv (EdContext          *context,
                        EdRegisterEdition   edition,
                        const GDate        *as_at,
                        GFile              *file,
                        guint              *out_n_entries,
                        GError            **error)
{
  EdDatabase *database = ed_context_get_database (context);
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify)buffered_row_free);
  g_autofree char *part = NULL;
  const char * const *header = edition == ED_REGISTER_EDITION_FULL ? full_columns : open_columns;
  gsize n_fields = edition == ED_REGISTER_EDITION_FULL ? G_N_ELEMENTS (full_columns)
                                                        : G_N_ELEMENTS (open_columns);
  Writer writer = { NULL, NULL, 0 };
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  stmt = ed_database_prepare (database, export_sql, error);
  if (stmt == NULL)
    return FALSE;
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;
  writer.out = G_OUTPUT_STREAM (stream);
  writer.line = g_string_sized_new (512);

  if (!write_fields (&writer, header, n_fields, error))
    goto out;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *prefix = (const char *)sqlite3_column_text (stmt, COL_PREFIX);
      int section = sqlite3_column_int (stmt, COL_SECTION);
      g_auto(GStrv) fields = NULL;

      /* A new part: the last one's Other electors come before it. */
      if (g_strcmp0 (part, prefix) != 0)
        {
          if (!flush_other_electors (&writer, others, n_fields, error))
            goto out;
          g_free (part);
          part = g_strdup (prefix);
        }
      if (!include_in_edition (stmt, edition, country, as_at))
        continue;

      fields = row_fields (stmt, edition);
      writer.n_entries++;
      if (section == ED_REGISTER_SECTION_OTHER)
        {
          BufferedRow *row = g_new0 (BufferedRow, 1);

          row->fields = g_steal_pointer (&fields);
          row->surname = g_strdup ((const char *)sqlite3_column_text (stmt, COL_SURNAME));
          row->forenames = g_strdup ((const char *)sqlite3_column_text (stmt, COL_FORENAMES));
          row->number = (guint32)sqlite3_column_int64 (stmt, COL_NUMBER);
          row->suffix = (guint32)sqlite3_column_int64 (stmt, COL_SUFFIX);
          g_ptr_array_add (others, row);
          continue;
        }
      /* Anonymous entries come after Other electors. */
      if (section == ED_REGISTER_SECTION_ANONYMOUS &&
          !flush_other_electors (&writer, others, n_fields, error))
        goto out;
      if (!write_fields (&writer, (const char * const *)fields, n_fields, error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      goto out;
    }
  if (!flush_other_electors (&writer, others, n_fields, error))
    goto out;

  ok = g_output_stream_close (writer.out, NULL, error);
  if (ok && out_n_entries != NULL)
    *out_n_entries = writer.n_entries;

out:
  if (!ok)
    {
      /* Cancelling the close leaves the file that was there, if any, untouched. */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (writer.out, cancel, NULL);
    }
  g_string_free (writer.line, TRUE);
  return ok;
}
