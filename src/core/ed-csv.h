/* ed-csv.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * ED_CSV_ERROR:
 *
 * Error domain for CSV and TSV files read by #EdCsvReader. Every message names the file
 * (its base name), the physical line (1-based; the header is line 1) and what was expected,
 * for example “register.csv, line 40: a quoted field is not closed before the end of the
 * file”. Files that cannot be opened or read report the #GFileError or #GIOErrorEnum of the
 * call that failed instead.
 */
#define ED_CSV_ERROR (ed_csv_error_quark ())

/**
 * EdCsvError:
 * @ED_CSV_ERROR_EMPTY: the file has no header line (it is empty, or holds only blank lines)
 * @ED_CSV_ERROR_ENCODING: the text is not valid in the encoding it declares or was detected
 *   in: bad UTF-16, a line that is not UTF-8 in a UTF-8 file, or a header that is not
 * @ED_CSV_ERROR_NUL: a NUL byte in a UTF-8 or windows-1252 file (or U+0000 in UTF-16)
 * @ED_CSV_ERROR_QUOTE: a quoted field is not closed, a field that is not quoted holds a
 *   quote mark, or text follows the closing quote of a field
 * @ED_CSV_ERROR_HEADER: two columns have the same name after ed_csv_normalise_name()
 * @ED_CSV_ERROR_FIELD_COUNT: with %ED_CSV_READER_STRICT_FIELD_COUNT, a record has a
 *   different number of fields from the header
 *
 * Error codes in the %ED_CSV_ERROR domain.
 */
typedef enum
{
  ED_CSV_ERROR_EMPTY,
  ED_CSV_ERROR_ENCODING,
  ED_CSV_ERROR_NUL,
  ED_CSV_ERROR_QUOTE,
  ED_CSV_ERROR_HEADER,
  ED_CSV_ERROR_FIELD_COUNT,
} EdCsvError;

GQuark ed_csv_error_quark (void);

/**
 * EdCsvEncoding:
 * @ED_CSV_ENCODING_UTF8: UTF-8, with or without a byte-order mark
 * @ED_CSV_ENCODING_UTF16LE: UTF-16 little-endian, with a byte-order mark or recognised by
 *   its NUL bytes (Democracy Counts exports have no mark)
 * @ED_CSV_ENCODING_UTF16BE: UTF-16 big-endian, likewise
 * @ED_CSV_ENCODING_WINDOWS_1252: windows-1252, assumed when the bytes are not valid UTF-8
 *   and no line is wholly UTF-8 with accents; a file with such a line is UTF-8, and its
 *   lines that are not are refused by field (see %ED_CSV_READER_INVALID_TEXT_BY_FIELD)
 *
 * The encoding an #EdCsvReader detected. Fields are always handed out as UTF-8.
 */
typedef enum
{
  ED_CSV_ENCODING_UTF8,
  ED_CSV_ENCODING_UTF16LE,
  ED_CSV_ENCODING_UTF16BE,
  ED_CSV_ENCODING_WINDOWS_1252,
} EdCsvEncoding;

/**
 * EdCsvReaderFlags:
 * @ED_CSV_READER_NONE: records may have more or fewer fields than the header; the caller
 *   compares ed_csv_reader_get_n_fields() with ed_csv_reader_get_n_columns()
 * @ED_CSV_READER_STRICT_FIELD_COUNT: ed_csv_reader_next() fails with
 *   %ED_CSV_ERROR_FIELD_COUNT on a record whose field count differs from the header's
 * @ED_CSV_READER_INVALID_TEXT_BY_FIELD: in a UTF-8 file some lines of which are not UTF-8,
 *   ed_csv_reader_next() returns those records, and the caller refuses each field for
 *   which ed_csv_reader_get_field_is_valid() is %FALSE, naming it; without this flag it
 *   fails with %ED_CSV_ERROR_ENCODING on the first such record
 *
 * Flags for the ed_csv_reader_new_*() functions.
 */
typedef enum
{
  ED_CSV_READER_NONE = 0,
  ED_CSV_READER_STRICT_FIELD_COUNT = 1 << 0,
  ED_CSV_READER_INVALID_TEXT_BY_FIELD = 1 << 1,
} EdCsvReaderFlags;

/**
 * EdCsvReader:
 *
 * A streaming reader of delimited text (RFC 4180 CSV, or TSV) with a header line. It
 * detects the encoding and the delimiter, reads the header when it is created, and then
 * hands out one record at a time from ed_csv_reader_next(); the fields of a record stay
 * valid until the next call. Files are read into memory whole (not mapped, so that a file
 * changed underneath gives an error rather than a crash); text that is not UTF-8 is
 * converted a piece at a time, so memory use stays near the file's size.
 *
 * Parsing is strict, because it feeds validated imports: a quote mark inside a field that
 * is not quoted, or text after a closing quote, is an error rather than kept as it is.
 * Completely empty lines are skipped (line numbers still count them), so a one-column
 * record whose value is empty must be written as `""`; ed_csv_append_row() does that.
 */
typedef struct _EdCsvReader EdCsvReader;

EdCsvReader   *ed_csv_reader_new_for_path      (const char        *filename,
                                                EdCsvReaderFlags   flags,
                                                GError           **error);
EdCsvReader   *ed_csv_reader_new_for_file      (GFile             *file,
                                                EdCsvReaderFlags   flags,
                                                GCancellable      *cancellable,
                                                GError           **error);
EdCsvReader   *ed_csv_reader_new_for_bytes     (GBytes            *bytes,
                                                const char        *display_name,
                                                EdCsvReaderFlags   flags,
                                                GError           **error);
void           ed_csv_reader_free              (EdCsvReader       *reader);

const char    *ed_csv_reader_get_display_name  (EdCsvReader       *reader);
EdCsvEncoding  ed_csv_reader_get_encoding      (EdCsvReader       *reader);
const char    *ed_csv_reader_get_encoding_name (EdCsvReader       *reader);
gboolean       ed_csv_reader_get_has_bom       (EdCsvReader       *reader);
char           ed_csv_reader_get_delimiter     (EdCsvReader       *reader);

guint          ed_csv_reader_get_n_columns     (EdCsvReader       *reader);
const char    *ed_csv_reader_get_column_name   (EdCsvReader       *reader,
                                                guint              column);
int            ed_csv_reader_find_column       (EdCsvReader       *reader,
                                                const char        *name);

gboolean       ed_csv_reader_next              (EdCsvReader       *reader,
                                                GError           **error);
guint          ed_csv_reader_get_n_fields      (EdCsvReader       *reader);
const char    *ed_csv_reader_get_field         (EdCsvReader       *reader,
                                                guint              field);
gsize          ed_csv_reader_get_field_length  (EdCsvReader       *reader,
                                                guint              field);
gboolean       ed_csv_reader_get_field_is_valid (EdCsvReader      *reader,
                                                 guint             field);
guint64        ed_csv_reader_get_line          (EdCsvReader       *reader);
guint64        ed_csv_reader_get_n_records     (EdCsvReader       *reader);
guint64        ed_csv_reader_get_bytes_read    (EdCsvReader       *reader);
guint64        ed_csv_reader_get_total_bytes   (EdCsvReader       *reader);

const char    *ed_csv_encoding_get_name        (EdCsvEncoding      encoding);
char          *ed_csv_normalise_name           (const char        *name);

const char    *ed_csv_unneutralise             (const char        *value);
void           ed_csv_append_field             (GString           *line,
                                                const char        *value,
                                                char               delimiter);
void           ed_csv_append_row               (GString           *out,
                                                const char *const *values,
                                                gsize              n_values,
                                                char               delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdCsvReader, ed_csv_reader_free)

G_END_DECLS
