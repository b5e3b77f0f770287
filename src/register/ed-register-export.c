/* ed-register-export.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The register as CSV, in the statutory order of RPR 2001 reg 41 (DOMAIN.md §1.1): part by
 * part (polling district), entries with an address in street order (numbers are given in
 * street order at each revision and new entries at an address take a suffix, so only an
 * addition at a new address between revisions needs sorting into its street), then "Other
 * electors" alphabetically, then anonymous entries.
 * The file is written beside the target and moved over it when complete, so a failed,
 * stopped or killed export never leaves half a register under the name a person will open. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-csv.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "district/ed-district-settings.h"
#include "core/ed-elector-number.h"
#include "core/ed-output-file.h"
#include "register/ed-franchise.h"
#include "register/ed-register-export-private.h"
#include "register/ed-register-order.h"

/* The columns of the full edition, which is also the generic import format. */
static const char *full_columns[] = {
  "polling_district", "polling_district_name", "electoral_area", "electoral_area_name",
  "electoral_area_kind", "electoral_area_seats", "parish", "parish_name", "constituency",
  "elector_number_prefix", "elector_number", "elector_number_suffix", "title", "forenames",
  "surname", "franchise_marker", "attainer_date", "date_of_birth", "open_register_opt_out",
  "absent_vote",
  "absent_vote_ends", "proxy_name", "proxy_address", "anonymous", "other_elector", "language",
  "status", "uprn", "property", "street", "locality", "town", "area", "postcode",
};

/* The open register: what a buyer may see (DOMAIN.md §1.3). */
static const char *open_columns[] = {
  "elector_number", "franchise_marker", "title", "forenames", "surname", "property", "street",
  "locality", "town", "area", "postcode", "attainer_date",
};

/* The full register as published and supplied (DOMAIN.md §1.3): exactly what its printed
 * version shows, the part, the number, the marker with an attainer's date, the name and the
 * qualifying address; an anonymous entry is its number and N only (RPR 2001 reg 41A), an
 * Other elector has no address, and nothing of an absent vote, an opt-out or a date of
 * birth is there. */
static const char *published_columns[] = {
  "polling_district", "elector_number", "franchise_marker", "attainer_date", "surname",
  "forenames", "property", "street", "locality", "town", "postcode",
};

/* An alteration has effect only from its notice (RPA 1983 s.13A(2)(b)), but the editor
 * writes an amendment into the entry at once, so that the officer's own views (the editor,
 * search, the list and the all-fields export) show it as it now is. Each amendment waiting
 * for its notice keeps the published values of the fields it changed
 * (0009-alteration-published-values.sql), and a published or supplied version shows those
 * instead: the entry as it stood at the last notice or revised register. Keeping the old
 * values with the amendment, rather than working them back from the op log or keeping a
 * second copy of the register, costs nothing until an entry is amended, syncs with the
 * alteration it belongs to, goes when the amendment is undone (ed-elector-undo.c) and stops
 * applying the moment a notice stamps it.
 *
 * An entry amended twice before a notice has two waiting amendments, each keeping the value
 * before it of the fields it changed: a field's published value is kept by the earliest of
 * them that names it (row ids are version 7 UUIDs, in the order they were made; SQLite gives
 * a bare column the row of min ()). When a notice stamps the first and the second was
 * determined too late for it, the second's values, what the first made, are the published
 * ones.
 *
 * ?1 is 0 for the all-fields walk, which shows the entry as it now is: the table is then
 * empty. Only the fields a published version shows or selects by are kept. */
#define PENDING_SQL \
  "WITH pending_field (elector, key, value, id) AS (" \
  "  SELECT x.elector, j.key, j.value, x.id " \
  "  FROM register_alteration AS x, " \
  "    json_each (CASE WHEN json_valid (x.published) THEN x.published ELSE '{}' END) AS j " \
  "  WHERE ?1 AND x.kind = 'amendment' AND x.notice = '' AND x.published <> ''), " \
  "pending (elector, v) AS (" \
  "  SELECT elector, json_group_object (key, value) FROM (" \
  "    SELECT elector, key, value, min (id) FROM pending_field GROUP BY elector, key) " \
  "  GROUP BY elector) "
#define AS_PUBLISHED(column) "coalesce (pv.v ->> '" column "', e." column ")"

/* Section: 0 an address, 1 Other electors, 2 anonymous (ed_register_section_for). */
static const char export_sql[] =
  PENDING_SQL
  "SELECT coalesce (d.code, e.number_prefix), coalesce (d.name, ''), coalesce (a.code, ''), "
  "  coalesce (a.name, ''), coalesce (a.kind, ''), coalesce (a.seats, 0), "
  "  coalesce (pa.code, ''), coalesce (pa.name, ''), coalesce (d.constituency, ''), "
  "  e.number_prefix, e.number, e.number_suffix, " AS_PUBLISHED ("title") ", "
  AS_PUBLISHED ("forenames") ", " AS_PUBLISHED ("surname") ", " AS_PUBLISHED ("marker") ", "
  AS_PUBLISHED ("attainer_date") ", " AS_PUBLISHED ("date_of_birth") ", "
  AS_PUBLISHED ("open_register_opt_out") ", e.absent_vote, e.absent_vote_ends, "
  "  e.proxy_name, e.proxy_address, " AS_PUBLISHED ("anonymous") ", "
  AS_PUBLISHED ("other_elector") ", e.language, e.status, "
  "  coalesce (p.uprn, 0), coalesce (p.property, ''), coalesce (p.street, ''), "
  "  coalesce (p.locality, ''), coalesce (p.town, ''), coalesce (p.area, ''), "
  "  coalesce (p.postcode, ''), "
  "  CASE WHEN " AS_PUBLISHED ("anonymous") " THEN 2 "
  "    WHEN " AS_PUBLISHED ("other_elector") " OR p.id IS NULL THEN 1 ELSE 0 END "
  "FROM elector AS e "
  "LEFT JOIN pending AS pv ON pv.elector = e.id "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "LEFT JOIN electoral_area AS a ON a.id = d.electoral_area "
  "LEFT JOIN parish AS pa ON pa.id = d.parish "
  "LEFT JOIN property AS p ON p.id = e.property "
  "ORDER BY e.number_prefix, 35, e.number, e.number_suffix";

G_STATIC_ASSERT (G_N_ELEMENTS (full_columns) == _ED_REGISTER_N_FIELDS);

enum
{
  COL_NUMBER = _ED_REGISTER_FIELD_NUMBER,
  COL_SUFFIX = _ED_REGISTER_FIELD_SUFFIX,
  COL_SECTION = _ED_REGISTER_N_FIELDS,
};

typedef struct
{
  char   **fields;    /* every field, as the walk hands them over */
  guint32  number;
  guint32  suffix;
} BufferedRow;

static void
buffered_row_free (BufferedRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static int
compare_other_electors (gconstpointer a,
                        gconstpointer b)
{
  const BufferedRow *x = *(BufferedRow **)a;
  const BufferedRow *y = *(BufferedRow **)b;
  int by_name = ed_register_name_compare (x->fields[_ED_REGISTER_FIELD_SURNAME],
                                          x->fields[_ED_REGISTER_FIELD_FORENAMES],
                                          y->fields[_ED_REGISTER_FIELD_SURNAME],
                                          y->fields[_ED_REGISTER_FIELD_FORENAMES]);

  if (by_name != 0)
    return by_name;
  return x->number != y->number ? (x->number < y->number ? -1 : 1)
                                : (x->suffix > y->suffix) - (x->suffix < y->suffix);
}

/**
 * _ed_register_number_text:
 * @fields: an entry's fields, as _ed_register_walk() hands them over
 *
 * Returns: (transfer full): the elector number as printed (`AB124`, `AB124/1`)
 */
char *
_ed_register_number_text (const char * const *fields)
{
  const char *prefix = fields[_ED_REGISTER_FIELD_PREFIX];
  guint64 number = g_ascii_strtoull (fields[_ED_REGISTER_FIELD_NUMBER], NULL, 10);
  guint64 suffix = g_ascii_strtoull (fields[_ED_REGISTER_FIELD_SUFFIX], NULL, 10);
  EdElectorNumber parsed;

  if (!ed_elector_number_set (&parsed, prefix, (guint32)number, (guint32)suffix, NULL))
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, number);
  return ed_elector_number_format (&parsed);
}

/* Whether an entry is selected: the open register leaves out those who opted out,
 * anonymous entries and anyone under 16 on the date it is as at, and no published version
 * shows anyone under 16 (DOMAIN.md §1.2, §1.3) or anyone whose addition is not yet
 * published. */
static gboolean
is_selected (const char * const  *fields,
             EdRegisterSelection  selection,
             EdCountry            country,
             const GDate         *as_at)
{
  gboolean under_16 = FALSE;

  if (selection == _ED_REGISTER_SELECT_ALL)
    return TRUE;
  /* An alteration has effect only from the day its notice is issued (RPA 1983
   * s.13A(2)(b)): a pending addition is in no published version before its notice, while a
   * pending deletion stays in until then. */
  if (g_str_equal (fields[_ED_REGISTER_FIELD_STATUS],
                   ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_ADDITION)))
    return FALSE;
  /* From the date of birth when the entry has one (DOMAIN.md §1.2). */
  ed_elector_entry_dates (country, fields[_ED_REGISTER_FIELD_DATE_OF_BIRTH],
                          fields[_ED_REGISTER_FIELD_ATTAINER], as_at, &under_16, NULL,
                          NULL);
  if (selection == _ED_REGISTER_SELECT_PUBLISHED)
    return ed_published_register_includes (under_16);
  return ed_open_register_includes (
    g_ascii_strtoll (fields[_ED_REGISTER_FIELD_OPT_OUT], NULL, 10) != 0,
    g_ascii_strtoll (fields[_ED_REGISTER_FIELD_ANONYMOUS], NULL, 10) != 0, under_16);
}

static gboolean
flush_other_electors (GPtrArray            *others,
                      EdRegisterEntryFunc   func,
                      gpointer              user_data,
                      GError              **error)
{
  g_ptr_array_sort (others, compare_other_electors);
  for (guint i = 0; i < others->len; i++)
    {
      BufferedRow *row = g_ptr_array_index (others, i);

      if (!func ((const char * const *)row->fields, ED_REGISTER_SECTION_OTHER, user_data, error))
        return FALSE;
    }
  g_ptr_array_set_size (others, 0);
  return TRUE;
}

/* An entry with an address, kept until its part's street section is complete. Its fields
 * are one block, so that buffering a part costs one allocation an entry. */
typedef struct
{
  const char         *fields[_ED_REGISTER_N_FIELDS + 1];
  EdRegisterEntryKey  key;
  char                text[];
} StreetRow;

static StreetRow *
street_row_new (const char * const *fields)
{
  gsize sizes[_ED_REGISTER_N_FIELDS];
  gsize total = 0;
  StreetRow *row;
  char *at;

  for (guint i = 0; i < _ED_REGISTER_N_FIELDS; i++)
    total += (sizes[i] = strlen (fields[i]) + 1);
  row = g_malloc0 (sizeof (StreetRow) + total);
  at = row->text;
  for (guint i = 0; i < _ED_REGISTER_N_FIELDS; i++)
    {
      memcpy (at, fields[i], sizes[i]);
      row->fields[i] = at;
      at += sizes[i];
    }
  row->key.section = ED_REGISTER_SECTION_STREET;
  row->key.street = row->fields[_ED_REGISTER_FIELD_STREET];
  row->key.property = row->fields[_ED_REGISTER_FIELD_PROPERTY];
  row->key.surname = row->fields[_ED_REGISTER_FIELD_SURNAME];
  row->key.forenames = row->fields[_ED_REGISTER_FIELD_FORENAMES];
  if (!ed_elector_number_set (&row->key.number, row->fields[_ED_REGISTER_FIELD_PREFIX],
                              (guint32) g_ascii_strtoull (row->fields[_ED_REGISTER_FIELD_NUMBER],
                                                          NULL, 10),
                              (guint32) g_ascii_strtoull (row->fields[_ED_REGISTER_FIELD_SUFFIX],
                                                          NULL, 10),
                              NULL))
    memset (&row->key.number, 0, sizeof row->key.number);
  return row;
}

static int
street_row_compare (gconstpointer a,
                    gconstpointer b)
{
  const StreetRow *x = *(StreetRow **)a;
  const StreetRow *y = *(StreetRow **)b;

  return ed_register_entry_compare (&x->key, &y->key);
}

/* The part's entries with an address in street order (DOMAIN.md §1.1, reg 41). Numbers are
 * given in street order at each revision and a new elector at an existing address takes a
 * suffix, so they are nearly always in order already; an addition at a new address between
 * revisions takes the next number in the part, and is sorted into its street here rather
 * than printed at the end of the part. */
static gboolean
flush_street (GPtrArray            *rows,
              gboolean              in_order,
              EdRegisterEntryFunc   func,
              gpointer              user_data,
              GError              **error)
{
  if (!in_order)
    g_ptr_array_sort (rows, street_row_compare);
  for (guint i = 0; i < rows->len; i++)
    {
      StreetRow *row = g_ptr_array_index (rows, i);

      if (!func (row->fields, ED_REGISTER_SECTION_STREET, user_data, error))
        return FALSE;
    }
  g_ptr_array_set_size (rows, 0);
  return TRUE;
}

/**
 * _ed_register_progress:
 * @progress: (nullable): a part of a longer piece of work
 * @fraction: how much of the part is done, from 0 to 1
 * @text: what the part is doing, unless @progress says
 *
 * Reports the part's progress on the whole's scale.
 */
void
_ed_register_progress (const EdRegisterProgress *progress,
                       double                    fraction,
                       const char               *text)
{
  if (progress == NULL || progress->func == NULL)
    return;
  progress->func (progress->from + (progress->to - progress->from) * CLAMP (fraction, 0.0, 1.0),
                  progress->text != NULL ? progress->text : text, progress->data);
}

/* _ed_register_progress() as an #EdProgressFunc, for work that takes one. */
void
_ed_register_progress_cb (double      fraction,
                          const char *text,
                          gpointer    progress)
{
  _ed_register_progress (progress, fraction, text);
}

static const char count_sql[] = "SELECT count(*) FROM elector";

/* Reports every so many rows, where the walk also checks for a cancel. */
#define CHECK_EVERY 4096

/**
 * _ed_register_walk:
 * @context: the district
 * @selection: which entries
 * @as_at: the date the register is as at (for the under-16 rule)
 * @progress: (nullable): told how much of the register has been read
 * @cancellable: (nullable): to stop early
 * @func: called for each selected entry, in the statutory order
 * @user_data: for @func
 * @error: return location for an error, from the database, @cancellable or @func
 *
 * Walks the register part by part (polling district): entries with an address in street
 * order, then Other electors alphabetically, then anonymous entries. The CSV
 * export and the printed register both read the register through here, so they agree.
 */
gboolean
_ed_register_walk (EdContext                 *context,
                   EdRegisterSelection        selection,
                   const GDate               *as_at,
                   const EdRegisterProgress  *progress,
                   GCancellable              *cancellable,
                   EdRegisterEntryFunc        func,
                   gpointer                   user_data,
                   GError                   **error)
{
  EdDatabase *database = ed_context_get_database (context);
  EdDistrictSettings *settings = ed_context_get_settings (context);
  EdCountry country = ed_district_settings_get_country (settings);
  const char *welsh_letter = ed_district_settings_get_welsh_marker_letter (settings);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify)buffered_row_free);
  g_autoptr(GPtrArray) streets = g_ptr_array_new_with_free_func (g_free);
  gboolean streets_in_order = TRUE;
  g_autofree char *part = NULL;
  const char *fields[_ED_REGISTER_N_FIELDS + 1] = { NULL, };
  char shown_text[16];
  guint n_rows = 0;
  gint64 total = 0;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    {
      g_autoptr(sqlite3_stmt) count = ed_database_prepare (database, count_sql, error);

      if (count == NULL)
        return FALSE;
      if ((rc = sqlite3_step (count)) != SQLITE_ROW)
        {
          ed_database_set_error (database, rc, error);
          return FALSE;
        }
      total = sqlite3_column_int64 (count, 0);
      _ed_register_progress (progress, 0.0, _("Reading the register"));
    }

  stmt = ed_database_prepare (database, export_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, selection != _ED_REGISTER_SELECT_ALL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int section = sqlite3_column_int (stmt, COL_SECTION);

      if (++n_rows % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          _ed_register_progress (progress, (double)n_rows / MAX (total, 1),
                                 _("Reading the register"));
        }
      for (guint i = 0; i < _ED_REGISTER_N_FIELDS; i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          fields[i] = text != NULL ? text : "";
        }

      /* A new part: the last one's streets and Other electors come before it. */
      if (g_strcmp0 (part, fields[_ED_REGISTER_FIELD_PREFIX]) != 0)
        {
          if (!flush_street (streets, streets_in_order, func, user_data, error) ||
              !flush_other_electors (others, func, user_data, error))
            return FALSE;
          streets_in_order = TRUE;
          g_free (part);
          part = g_strdup (fields[_ED_REGISTER_FIELD_PREFIX]);
        }
      if (!is_selected (fields, selection, country, as_at))
        continue;
      /* Legacy markers are kept as imported but never published (DOMAIN.md §1.2). */
      if (selection != _ED_REGISTER_SELECT_ALL)
        {
          GDate shown;

          fields[_ED_REGISTER_FIELD_MARKER] =
            ed_franchise_marker_published_letter (fields[_ED_REGISTER_FIELD_MARKER], welsh_letter);
          /* A published version shows the date the entry must give, the day the elector
           * reaches voting age or, for a 16- or 17-year-old in Wales or Scotland, the day they
           * turn 18, and never a date of birth (DOMAIN.md §1.2, §1.3). */
          g_date_clear (&shown, 1);
          if (ed_elector_entry_dates (country, fields[_ED_REGISTER_FIELD_DATE_OF_BIRTH],
                                      fields[_ED_REGISTER_FIELD_ATTAINER], as_at, NULL, NULL,
                                      &shown))
            {
              g_date_strftime (shown_text, sizeof shown_text, "%Y-%m-%d", &shown);
              fields[_ED_REGISTER_FIELD_ATTAINER] = shown_text;
            }
          else
            fields[_ED_REGISTER_FIELD_ATTAINER] = "";
          fields[_ED_REGISTER_FIELD_DATE_OF_BIRTH] = "";
        }

      if (section == ED_REGISTER_SECTION_STREET)
        {
          StreetRow *row = street_row_new (fields);

          if (streets->len > 0 &&
              street_row_compare (&g_ptr_array_index (streets, streets->len - 1), &row) > 0)
            streets_in_order = FALSE;
          g_ptr_array_add (streets, row);
          continue;
        }
      /* The part's streets come before its Other electors and anonymous entries. */
      if (streets->len > 0 &&
          !flush_street (streets, streets_in_order, func, user_data, error))
        return FALSE;
      streets_in_order = TRUE;

      if (section == ED_REGISTER_SECTION_OTHER)
        {
          BufferedRow *row = g_new0 (BufferedRow, 1);

          row->fields = g_strdupv ((char **)fields);
          row->number = (guint32)sqlite3_column_int64 (stmt, COL_NUMBER);
          row->suffix = (guint32)sqlite3_column_int64 (stmt, COL_SUFFIX);
          g_ptr_array_add (others, row);
          continue;
        }
      /* Anonymous entries come after Other electors. */
      if (section == ED_REGISTER_SECTION_ANONYMOUS &&
          !flush_other_electors (others, func, user_data, error))
        return FALSE;
      if (!func (fields, section, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  return flush_street (streets, streets_in_order, func, user_data, error) &&
         flush_other_electors (others, func, user_data, error);
}

typedef struct
{
  EdOutputFile      *out;
  GString           *line;
  EdRegisterCsvForm  form;
  guint              n_entries;
} Writer;

static gboolean
write_fields (Writer              *writer,
              const char * const  *fields,
              gsize                n_fields,
              GError             **error)
{
  g_string_truncate (writer->line, 0);
  ed_csv_append_row (writer->line, fields, n_fields, ',');
  return ed_output_file_write (writer->out, writer->line->str, writer->line->len, error);
}

static gboolean
write_published_entry (Writer              *writer,
                       const char * const  *fields,
                       EdRegisterSection    section,
                       const char          *number,
                       GError             **error)
{
  const char *row[G_N_ELEMENTS (published_columns)] = {
    fields[_ED_REGISTER_FIELD_PREFIX], number, "", "", "", "", "", "", "", "", "",
  };

  if (section == ED_REGISTER_SECTION_ANONYMOUS)
    {
      /* Number and N only (RPR 2001 reg 41A). */
      row[2] = "N";
      return write_fields (writer, row, G_N_ELEMENTS (row), error);
    }
  row[2] = fields[_ED_REGISTER_FIELD_MARKER];
  row[3] = fields[_ED_REGISTER_FIELD_ATTAINER];
  row[4] = fields[_ED_REGISTER_FIELD_SURNAME];
  row[5] = fields[_ED_REGISTER_FIELD_FORENAMES];
  /* Other electors have no printed address (reg 41(3)). */
  if (section == ED_REGISTER_SECTION_STREET)
    {
      row[6] = fields[_ED_REGISTER_FIELD_PROPERTY];
      row[7] = fields[_ED_REGISTER_FIELD_STREET];
      row[8] = fields[_ED_REGISTER_FIELD_LOCALITY];
      row[9] = fields[_ED_REGISTER_FIELD_TOWN];
      row[10] = fields[_ED_REGISTER_FIELD_POSTCODE];
    }
  return write_fields (writer, row, G_N_ELEMENTS (row), error);
}

static gboolean
write_entry_cb (const char * const  *fields,
                EdRegisterSection    section,
                gpointer             user_data,
                GError             **error)
{
  static const int open_sources[] = {
    -1, _ED_REGISTER_FIELD_MARKER, _ED_REGISTER_FIELD_TITLE, _ED_REGISTER_FIELD_FORENAMES,
    _ED_REGISTER_FIELD_SURNAME, _ED_REGISTER_FIELD_PROPERTY, _ED_REGISTER_FIELD_STREET,
    _ED_REGISTER_FIELD_LOCALITY, _ED_REGISTER_FIELD_TOWN, _ED_REGISTER_FIELD_AREA_NAME_OF_ADDRESS,
    _ED_REGISTER_FIELD_POSTCODE, _ED_REGISTER_FIELD_ATTAINER,
  };
  Writer *writer = user_data;
  g_autofree char *number = NULL;
  const char *open_fields[G_N_ELEMENTS (open_sources)];

  writer->n_entries++;
  if (writer->form == _ED_REGISTER_CSV_ALL_FIELDS)
    return write_fields (writer, fields, G_N_ELEMENTS (full_columns), error);

  number = _ed_register_number_text (fields);
  if (writer->form == _ED_REGISTER_CSV_PUBLISHED)
    return write_published_entry (writer, fields, section, number, error);
  for (guint i = 0; i < G_N_ELEMENTS (open_sources); i++)
    open_fields[i] = open_sources[i] < 0 ? number : fields[open_sources[i]];
  return write_fields (writer, open_fields, G_N_ELEMENTS (open_fields), error);
}

/**
 * _ed_register_export_csv_form:
 * @context: the district
 * @form: which columns and entries
 * @as_at: the date the register is published as at (for the under-16 rule)
 * @file: where to write; replaced only once the export is complete
 * @progress: (nullable): told how far the export has got
 * @cancellable: (nullable): to stop, leaving what was at @file as it was
 * @out_n_entries: (out) (optional): how many entries were written
 * @error: return location for an error
 */
gboolean
_ed_register_export_csv_form (EdContext                 *context,
                              EdRegisterCsvForm          form,
                              const GDate               *as_at,
                              GFile                     *file,
                              const EdRegisterProgress  *progress,
                              GCancellable              *cancellable,
                              guint                     *out_n_entries,
                              GError                   **error)
{
  g_autoptr(EdOutputFile) out = NULL;
  const char * const *header;
  gsize n_fields;
  EdRegisterSelection selection;
  Writer writer = { NULL, NULL, form, 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  switch (form)
    {
    case _ED_REGISTER_CSV_ALL_FIELDS:
      header = full_columns;
      n_fields = G_N_ELEMENTS (full_columns);
      selection = _ED_REGISTER_SELECT_ALL;
      break;
    case _ED_REGISTER_CSV_PUBLISHED:
      header = published_columns;
      n_fields = G_N_ELEMENTS (published_columns);
      selection = _ED_REGISTER_SELECT_PUBLISHED;
      break;
    case _ED_REGISTER_CSV_OPEN:
    default:
      header = open_columns;
      n_fields = G_N_ELEMENTS (open_columns);
      selection = _ED_REGISTER_SELECT_OPEN;
      break;
    }

  /* Written whole under its name, or not at all (core/ed-output-file.c): half a register
   * would import as a smaller one without a word. */
  out = ed_output_file_new_for_file (file, error);
  if (out == NULL)
    return FALSE;
  writer.out = out;
  writer.line = g_string_sized_new (512);

  ok = write_fields (&writer, header, n_fields, error) &&
       _ed_register_walk (context, selection, as_at, progress, cancellable, write_entry_cb,
                          &writer, error) &&
       ed_output_file_commit (out, error);
  if (ok && out_n_entries != NULL)
    *out_n_entries = writer.n_entries;
  g_string_free (writer.line, TRUE);
  return ok;
}

/**
 * _ed_register_export_csv_full:
 * @context: the district
 * @edition: which edition: every field of every entry for the full edition (for moving a
 *   register, never a supply), or the open register
 * @as_at: the date the register is published as at (for the open register's under-16 rule)
 * @file: where to write; replaced only once the export is complete
 * @progress: (nullable): told how far the export has got
 * @cancellable: (nullable): to stop, leaving what was at @file as it was
 * @out_n_entries: (out) (optional): how many entries were written
 * @error: return location for an error
 */
gboolean
_ed_register_export_csv_full (EdContext                 *context,
                              EdRegisterEdition          edition,
                              const GDate               *as_at,
                              GFile                     *file,
                              const EdRegisterProgress  *progress,
                              GCancellable              *cancellable,
                              guint                     *out_n_entries,
                              GError                   **error)
{
  return _ed_register_export_csv_form (context,
                                       edition == ED_REGISTER_EDITION_FULL
                                         ? _ED_REGISTER_CSV_ALL_FIELDS
                                         : _ED_REGISTER_CSV_OPEN,
                                       as_at, file, progress, cancellable, out_n_entries,
                                       error);
}

/* What the selection rules read of each entry, and its register, without the walk's join,
 * order and buffering: a count of a million entries is a plain scan. */
static const char count_by_register_sql[] =
  PENDING_SQL
  "SELECT coalesce (d.constituency, ''), " AS_PUBLISHED ("attainer_date") ", e.status, "
  AS_PUBLISHED ("anonymous") ", " AS_PUBLISHED ("open_register_opt_out") ", "
  AS_PUBLISHED ("date_of_birth") " "
  "FROM elector AS e LEFT JOIN pending AS pv ON pv.elector = e.id "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district";

/**
 * _ed_register_count_by_register:
 * @context: the district
 * @selection: which entries
 * @as_at: the date the register is as at
 * @out_by_register: (out) (transfer full) (element-type utf8 guint64): the entries of each
 *   register the ERO maintains, by constituency ("" for parts with none)
 * @out_total: (out) (optional): every entry
 * @error: return location for an error
 *
 * Counts the entries a copy holds by the rules the walk selects them by, so what is charged
 * for is what is supplied.
 */
gboolean
_ed_register_count_by_register (EdContext            *context,
                                EdRegisterSelection   selection,
                                const GDate          *as_at,
                                GHashTable          **out_by_register,
                                guint64              *out_total,
                                GError              **error)
{
  EdDatabase *database = ed_context_get_database (context);
  EdCountry country = ed_district_settings_get_country (ed_context_get_settings (context));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *fields[_ED_REGISTER_N_FIELDS + 1] = { NULL, };
  guint64 total = 0;
  int rc;

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);
  g_return_val_if_fail (out_by_register != NULL, FALSE);

  stmt = ed_database_prepare (database, count_by_register_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, selection != _ED_REGISTER_SELECT_ALL);
  for (guint i = 0; i < _ED_REGISTER_N_FIELDS; i++)
    fields[i] = "";
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *constituency = (const char *) sqlite3_column_text (stmt, 0);
      guint64 *n;

      /* The same rules as the walk (is_selected ()), so what is counted is what is written. */
      fields[_ED_REGISTER_FIELD_ATTAINER] = (const char *) sqlite3_column_text (stmt, 1);
      fields[_ED_REGISTER_FIELD_STATUS] = (const char *) sqlite3_column_text (stmt, 2);
      fields[_ED_REGISTER_FIELD_ANONYMOUS] = (const char *) sqlite3_column_text (stmt, 3);
      fields[_ED_REGISTER_FIELD_OPT_OUT] = (const char *) sqlite3_column_text (stmt, 4);
      fields[_ED_REGISTER_FIELD_DATE_OF_BIRTH] = (const char *) sqlite3_column_text (stmt, 5);
      for (guint i = _ED_REGISTER_FIELD_ATTAINER; i <= _ED_REGISTER_FIELD_STATUS; i++)
        if (fields[i] == NULL)
          fields[i] = "";
      if (!is_selected (fields, selection, country, as_at))
        continue;

      if (constituency == NULL)
        constituency = "";
      n = g_hash_table_lookup (counts, constituency);
      if (n == NULL)
        {
          n = g_new0 (guint64, 1);
          g_hash_table_insert (counts, g_strdup (constituency), n);
        }
      (*n)++;
      total++;
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }
  if (out_total != NULL)
    *out_total = total;
  *out_by_register = g_steal_pointer (&counts);
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
  return _ed_register_export_csv_full (context, edition, as_at, file, NULL, NULL, out_n_entries,
                                       error);
}
