/* test-csv.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/ed-csv.h"

#define POUND "\xc2\xa3"          /* £ U+00A3 */
#define E_ACUTE "\xc3\xa9"        /* é U+00E9 */
#define RIGHT_QUOTE "\xe2\x80\x99"  /* ’ U+2019 */
#define EURO "\xe2\x82\xac"       /* € U+20AC */

/* A record as read, for comparing whole files. */
typedef struct
{
  guint64  line;
  GStrv    fields;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

static EdCsvReader *
open_data (const char        *data,
           gsize              len,
           EdCsvReaderFlags   flags,
           GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return ed_csv_reader_new_for_bytes (bytes, "test.csv", flags, error);
}

static EdCsvReader *
open_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  EdCsvReader *reader = open_data (text, strlen (text), ED_CSV_READER_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads every record; on an error returns the records read before it and sets @error. */
static GPtrArray *
read_all (EdCsvReader  *reader,
          GError      **error)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);

  while (ed_csv_reader_next (reader, error))
    {
      Record *record = g_new0 (Record, 1);
      guint n = ed_csv_reader_get_n_fields (reader);
      guint i;

      record->line = ed_csv_reader_get_line (reader);
      record->fields = g_new0 (char *, n + 1);
      for (i = 0; i < n; i++)
        {
          const char *field = ed_csv_reader_get_field (reader, i);
          gsize len = ed_csv_reader_get_field_length (reader, i);

          g_assert_nonnull (field);
          g_assert_cmpuint (strlen (field), ==, len);
          g_assert_true (g_utf8_validate (field, len, NULL));
          record->fields[i] = g_strndup (field, len);
        }
      g_assert_null (ed_csv_reader_get_field (reader, n));
      g_assert_cmpuint (ed_csv_reader_get_field_length (reader, n), ==, 0);
      g_ptr_array_add (records, record);
    }
  return records;
}

static GPtrArray *
read_all_ok (EdCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = read_all (reader, &error);

  g_assert_no_error (error);
  /* The end is sticky. */
  g_assert_false (ed_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ed_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpuint (ed_csv_reader_get_n_records (reader), ==, records->len);
  g_assert_cmpuint (ed_csv_reader_get_bytes_read (reader), ==,
                    ed_csv_reader_get_total_bytes (reader));
  return records;
}

static void
assert_record (GPtrArray  *records,
               guint       index,
               guint64     line,
               ...)
{
  Record *record;
  va_list args;
  const char *expected;
  guint i = 0;

  g_assert_cmpuint (index, <, records->len);
  record = records->pdata[index];
  g_assert_cmpuint (record->line, ==, line);

  va_start (args, line);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (record->fields[i]);
      g_assert_cmpstr (record->fields[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (g_strv_length (record->fields), ==, i);
}

static void
assert_columns (EdCsvReader *reader,
                ...)
{
  va_list args;
  const char *expected;
  guint i = 0;

  va_start (args, reader);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (i, <, ed_csv_reader_get_n_columns (reader));
      g_assert_cmpstr (ed_csv_reader_get_column_name (reader, i), ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (ed_csv_reader_get_n_columns (reader), ==, i);
}

/* Opens @data (and reads it to the end when it opens) expecting @code; checks the message
 * says which file and line. */
static void
assert_fails (const char *data,
              gsize       len,
              int         code,
              const char *line_part,
              const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = NULL;

  reader = open_data (data, len, ED_CSV_READER_NONE, &error);
  if (reader != NULL)
    {
      g_autoptr(GPtrArray) records = read_all (reader, &error);

      /* An error is sticky. */
      if (error != NULL)
        {
          g_autoptr(GError) again = NULL;

          g_assert_false (ed_csv_reader_next (reader, &again));
          g_assert_no_error (again);
        }
    }

  g_assert_error (error, ED_CSV_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "test.csv"));
  if (line_part != NULL && strstr (error->message, line_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, line_part);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

/* --- encodings ------------------------------------------------------------------------------ */

static void
test_encoding_utf8 (void)
{
  static const char text[] = "Name,Town\n" E_ACUTE "mile,Caf" E_ACUTE "\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_UTF8);
  g_assert_cmpstr (ed_csv_reader_get_encoding_name (reader), ==, "UTF-8");
  g_assert_false (ed_csv_reader_get_has_bom (reader));
  records = read_all_ok (reader);
  assert_record (records, 0, 2, E_ACUTE "mile", "Caf" E_ACUTE, NULL);
}

static void
test_encoding_utf8_bom (void)
{
  static const char text[] = "\xef\xbb\xbfName,Amount\n" "Ann," POUND "5\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_UTF8);
  g_assert_true (ed_csv_reader_get_has_bom (reader));
  /* The mark is not part of the first column's name. */
  assert_columns (reader, "Name", "Amount", NULL);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "name"), ==, 0);
  records = read_all_ok (reader);
  assert_record (records, 0, 2, "Ann", POUND "5", NULL);
}

/* Encodes @text (UTF-8) as UTF-16, optionally after a byte-order mark. */
static GByteArray *
utf16 (const char *text,
       gboolean    little_endian,
       gboolean    bom)
{
  GByteArray *out = g_byte_array_new ();
  glong n, i;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

  g_assert_nonnull (units);
  if (bom)
    {
      static const guint8 le[] = { 0xff, 0xfe }, be[] = { 0xfe, 0xff };

      g_byte_array_append (out, little_endian ? le : be, 2);
    }
  for (i = 0; i < n; i++)
    {
      guint8 pair[2];

      pair[little_endian ? 0 : 1] = units[i] & 0xff;
      pair[little_endian ? 1 : 0] = units[i] >> 8;
      g_byte_array_append (out, pair, 2);
    }
  return out;
}

static void
check_utf16 (gboolean       little_endian,
             gboolean       bom,
             EdCsvEncoding  expected)
{
  static const char text[] =
    "\"Add1\",\"PostCode\",\"Fee\"\r\n"
    "\"Caf" E_ACUTE " Royal\",\"AB1 2CD\",\"" POUND "12\"\r\n"
    "\"Line one\nline two\",\"EF3 4GH\",\"" EURO "3 \xf0\x9f\x97\xb3\"\r\n";
  g_autoptr(GByteArray) data = utf16 (text, little_endian, bom);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = open_data ((const char *) data->data, data->len,
                                             ED_CSV_READER_NONE, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, expected);
  g_assert_cmpint (ed_csv_reader_get_has_bom (reader), ==, bom);
  g_assert_cmpint (ed_csv_reader_get_delimiter (reader), ==, ',');
  assert_columns (reader, "Add1", "PostCode", "Fee", NULL);
  records = read_all_ok (reader);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 2, "Caf" E_ACUTE " Royal", "AB1 2CD", POUND "12", NULL);
  /* A character outside the BMP (a surrogate pair): U+1F5F3 BALLOT BOX WITH BALLOT. */
  assert_record (records, 1, 3, "Line one\nline two", "EF3 4GH", EURO "3 \xf0\x9f\x97\xb3",
                 NULL);
}

static void
test_encoding_utf16le_bom (void)
{
  check_utf16 (TRUE, TRUE, ED_CSV_ENCODING_UTF16LE);
  g_assert_cmpstr (ed_csv_encoding_get_name (ED_CSV_ENCODING_UTF16LE), ==, "UTF-16LE");
}

static void
test_encoding_utf16le_no_bom (void)
{
  check_utf16 (TRUE, FALSE, ED_CSV_ENCODING_UTF16LE);
}

static void
test_encoding_utf16be (void)
{
  check_utf16 (FALSE, TRUE, ED_CSV_ENCODING_UTF16BE);
  check_utf16 (FALSE, FALSE, ED_CSV_ENCODING_UTF16BE);
}

static void
test_encoding_utf16_invalid (void)
{
  g_autoptr(GByteArray) data = utf16 ("a,b\r\n1,2\r\n3,4\r\n", TRUE, TRUE);
  g_autoptr(GByteArray) odd = utf16 ("a,b\r\n1,2\r\n3,4", TRUE, TRUE);
  g_autoptr(GByteArray) truncated_pair = utf16 ("a,b\r\n1,2\r\n3,4", TRUE, TRUE);
  static const guint8 lone_low[] = { 0x00, 0xdc };
  static const guint8 lone_high[] = { 0x00, 0xd8, 'x', 0x00 };
  static const guint8 high_only[] = { 0x3d, 0xd8 };

  /* A low surrogate with no high one, on line 3. */
  g_byte_array_append (data, (const guint8 *) "5\0", 2);
  g_byte_array_append (data, lone_low, 2);
  g_byte_array_append (data, (const guint8 *) ",\0" "6\0", 4);
  g_byte_array_append (data, lone_high, 4);
  assert_fails ((const char *) data->data, data->len, ED_CSV_ERROR_ENCODING, "line 4",
                "UTF-16LE");

  /* An odd number of bytes. */
  g_byte_array_append (odd, (const guint8 *) "5", 1);
  assert_fails ((const char *) odd->data, odd->len, ED_CSV_ERROR_ENCODING, "line 3",
                "middle of a UTF-16LE character");

  /* A high surrogate at the very end. */
  g_byte_array_append (truncated_pair, high_only, 2);
  assert_fails ((const char *) truncated_pair->data, truncated_pair->len,
                ED_CSV_ERROR_ENCODING, "line 3", NULL);
}

static void
test_encoding_windows_1252 (void)
{
  /* £ 0xA3, ’ 0x92, € 0x80, é 0xE9, in a file that is not UTF-8. */
  static const char text[] = "Name,Fee\r\nO\x92" "Brien,\xa3" "5\r\nCaf\xe9,\x80" "3\r\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (ed_csv_reader_get_encoding_name (reader), ==, "windows-1252");
  g_assert_false (ed_csv_reader_get_has_bom (reader));
  records = read_all_ok (reader);
  assert_record (records, 0, 2, "O" RIGHT_QUOTE "Brien", POUND "5", NULL);
  assert_record (records, 1, 3, "Caf" E_ACUTE, EURO "3", NULL);
}

static void
test_encoding_windows_1252_like_utf8 (void)
{
  /* “É’” (0xC9 0x92) is well-formed UTF-8 by chance, but the other high bytes are not. */
  static const char text[] = "Name,Fee\nCAF\xc9\x92S,\xa3" "5\n" "Bob,\xa3" "6\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_WINDOWS_1252);
  records = read_all_ok (reader);
  assert_record (records, 0, 2, "CAF\xc3\x89" RIGHT_QUOTE "S", POUND "5", NULL);
  assert_record (records, 1, 3, "Bob", POUND "6", NULL);
}

static void
test_encoding_mixed (void)
{
  /* UTF-8 on line 2, windows-1252 on line 4, and more of it than of UTF-8: the file is still
   * UTF-8, since line 2 is wholly so, and line 4 is refused rather than the whole file read
   * again as windows-1252 with line 2 garbled. */
  static const char mixed[] = "Name,Fee\n" "Ann," POUND "5\n" "Bob,1\n" "Cy,\xa3" "6 \xe9\xe9\n";
  /* Marked as UTF-8, but line 3 is not. */
  static const char bom[] = "\xef\xbb\xbfName,Fee\r\n" "Ann,1\r\n" "Cy,\xa3" "6\r\n";
  static const char bad_header[] = "Name,F\xe9" "e\n" "Ann," POUND "5\n";

  assert_fails (mixed, sizeof mixed - 1, ED_CSV_ERROR_ENCODING, "line 4",
                "column 2 (“Fee”) is not valid UTF-8");
  assert_fails (bom, sizeof bom - 1, ED_CSV_ERROR_ENCODING, "line 3", "UTF-8");
  assert_fails (bad_header, sizeof bad_header - 1, ED_CSV_ERROR_ENCODING, "line 1",
                "column 2 is not valid UTF-8");
}

/* With ED_CSV_READER_INVALID_TEXT_BY_FIELD the rows that are not UTF-8 come back, each field
 * marked, so an import can refuse them by line and field and read on. */
static void
test_encoding_mixed_by_field (void)
{
  static const char mixed[] = "Name,Fee\n" "Zo\xc3\xab,5\n" "Ren\xe9" "e,\xa3" "6\n"
                              "Bob,1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = open_data (mixed, sizeof mixed - 1,
                                             ED_CSV_READER_INVALID_TEXT_BY_FIELD, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_UTF8);
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpstr (ed_csv_reader_get_field (reader, 0), ==, "Zo\xc3\xab");
  g_assert_true (ed_csv_reader_get_field_is_valid (reader, 0));
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpuint (ed_csv_reader_get_line (reader), ==, 3);
  g_assert_false (ed_csv_reader_get_field_is_valid (reader, 0));
  g_assert_false (ed_csv_reader_get_field_is_valid (reader, 1));
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_true (ed_csv_reader_get_field_is_valid (reader, 0));
  g_assert_false (ed_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* Long files in every encoding read the same, wherever the converted pieces end. */
static void
test_encoding_long_files_agree (void)
{
  g_autoptr(GString) text = g_string_new ("Number,Name,Notes\n");
  g_autoptr(GByteArray) as_utf16 = NULL;
  g_autofree char *as_1252 = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(EdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gsize len_1252;
  guint i;

  for (i = 0; i < 40000; i++)
    {
      switch (i % 5)
        {
        case 0:
          g_string_append_printf (text, "%u,Caf" E_ACUTE " %u," POUND "%u\r\n", i, i, i);
          break;
        case 1:
          g_string_append_printf (text, "%u,\"O" RIGHT_QUOTE "Brien, \"\"Jr\"\"\",\"two\nlines\"\n",
                                  i);
          break;
        case 2:
          g_string_append_printf (text, "%u,,\r", i);
          break;
        case 3:
          g_string_append_printf (text, "%u,\"\",\"" EURO "\r\n" EURO "\"\r\n", i);
          break;
        default:
          g_string_append_printf (text, "%u,short\n", i);
          break;
        }
    }
  /* One record much longer than a converted piece. */
  g_string_append (text, "99999,\"");
  for (i = 0; i < 200000; i++)
    g_string_append (text, i % 1000 == 999 ? "\n" : E_ACUTE "a");
  g_string_append (text, "\",end\n");

  reader = open_data (text->str, text->len, ED_CSV_READER_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, ED_CSV_ENCODING_UTF8);
  expected = read_all_ok (reader);
  g_assert_cmpuint (expected->len, ==, 40001);
  assert_record (expected, 1, 3, "1", "O" RIGHT_QUOTE "Brien, \"Jr\"", "two\nlines", NULL);
  assert_record (expected, 2, 5, "2", "", "", NULL);
  g_clear_pointer (&reader, ed_csv_reader_free);

  as_utf16 = utf16 (text->str, TRUE, FALSE);
  as_1252 = g_convert (text->str, text->len, "WINDOWS-1252", "UTF-8", NULL, &len_1252, &error);
  g_assert_no_error (error);

  for (i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      guint r;

      if (i == 0)
        reader = open_data ((const char *) as_utf16->data, as_utf16->len, ED_CSV_READER_NONE,
                            &error);
      else
        reader = open_data (as_1252, len_1252, ED_CSV_READER_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==,
                       i == 0 ? ED_CSV_ENCODING_UTF16LE : ED_CSV_ENCODING_WINDOWS_1252);

      records = read_all_ok (reader);
      g_assert_cmpuint (records->len, ==, expected->len);
      for (r = 0; r < records->len; r++)
        {
          Record *a = records->pdata[r];
          Record *b = expected->pdata[r];

          g_assert_cmpuint (a->line, ==, b->line);
          g_assert_true (g_strv_equal ((const char *const *) a->fields,
                                       (const char *const *) b->fields));
        }
      g_clear_pointer (&reader, ed_csv_reader_free);
    }
}

/* --- delimiters ----------------------------------------------------------------------------- */

static void
test_delimiter_sniffed (void)
{
  static const struct
  {
    const char *text;
    char        delimiter;
    guint       n_columns;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', 3 },
    { "a\tb\tc\n1\t2\t3\n", '\t', 3 },
    { "a;b;c\n1;2;3\n", ';', 3 },
    /* Tabs win in the header even when the data has more commas. */
    { "Name\tAddress\nAnn\t1, High St, Town\n", '\t', 2 },
    /* Only what is outside quotes counts. */
    { "\"a,b,c\"\t\"d,e\"\tf\n", '\t', 3 },
    /* A single column, and a tie, are comma. */
    { "Name\nAnn\n", ',', 1 },
    { "a,b\tc\n", ',', 2 },
    /* Blank lines before the header are skipped. */
    { "\r\n\na\tb\n1\t2\n", '\t', 2 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EdCsvReader) reader = open_text (cases[i].text);

      g_assert_cmpint (ed_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_cmpuint (ed_csv_reader_get_n_columns (reader), ==, cases[i].n_columns);
    }
}

static void
test_delimiter_tab (void)
{
  static const char text[] = "Name\tAddress\tPostcode\r\n"
                             "Ann\t1, High St, Town\t\"AB1 2CD\"\r\n"
                             "Bob\t\"2\tLow St\"\t\r\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = read_all_ok (reader);

  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 2, "Ann", "1, High St, Town", "AB1 2CD", NULL);
  assert_record (records, 1, 3, "Bob", "2\tLow St", "", NULL);
}

/* --- records -------------------------------------------------------------------------------- */

static void
test_quoted_newlines (void)
{
  static const char text[] = "id,address,postcode\n"
                             "1,\"1 High St\nTown\",AB1 2CD\n"
                             "2,\"Flat 3\r\n4 Low St\r\nCity\",EF3 4GH\n"
                             "3,\"\",\"\n\"\n"
                             "4,plain,XY1 1XY\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = read_all_ok (reader);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 2, "1", "1 High St\nTown", "AB1 2CD", NULL);
  assert_record (records, 1, 4, "2", "Flat 3\r\n4 Low St\r\nCity", "EF3 4GH", NULL);
  assert_record (records, 2, 7, "3", "", "\n", NULL);
  assert_record (records, 3, 9, "4", "plain", "XY1 1XY", NULL);
}

static void
test_line_endings (void)
{
  static const char *const texts[] = {
    "a,b\n1,2\n\"x\ny\",3\n4,5\n",
    "a,b\r\n1,2\r\n\"x\ny\",3\r\n4,5\r\n",
    "a,b\r1,2\r\"x\ny\",3\r4,5\r",
    "a,b\r\n1,2\n\"x\ny\",3\r4,5",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(EdCsvReader) reader = open_text (texts[i]);
      g_autoptr(GPtrArray) records = read_all_ok (reader);

      g_assert_cmpuint (records->len, ==, 3);
      assert_record (records, 0, 2, "1", "2", NULL);
      assert_record (records, 1, 3, "x\ny", "3", NULL);
      assert_record (records, 2, 5, "4", "5", NULL);
    }
}

static void
test_doubled_quotes (void)
{
  static const char text[] = "a,b,c\n"
                             "\"say \"\"hello\"\"\",\"\"\"\",\"\"\"\"\"\"\n"
                             "\"a,b\",\"\"\"quoted, with comma\"\"\",x\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = read_all_ok (reader);

  assert_record (records, 0, 2, "say \"hello\"", "\"", "\"\"", NULL);
  assert_record (records, 1, 3, "a,b", "\"quoted, with comma\"", "x", NULL);
}

static void
test_empty_fields (void)
{
  static const char text[] = "a,b,c\n"
                             ",,\n"
                             "\"\",\"\",\"\"\n"
                             "1,,3\n"
                             " , x ,\n";
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = read_all_ok (reader);

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 2, "", "", "", NULL);
  assert_record (records, 1, 3, "", "", "", NULL);
  assert_record (records, 2, 4, "1", "", "3", NULL);
  /* Spaces are kept: only the caller knows whether they matter. */
  assert_record (records, 3, 5, " ", " x ", "", NULL);
}

static void
test_trailing_newline (void)
{
  static const char *const texts[] = {
    "a,b\n1,2",
    "a,b\n1,2\n",
    "a,b\r\n1,2\r\n",
    "a,b\n1,2\n\n\n",
    "a,b\n\n1,2\r\n\r\n",
    "a,b\n1,\"2\"",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(EdCsvReader) reader = open_text (texts[i]);
      g_autoptr(GPtrArray) records = read_all_ok (reader);

      g_assert_cmpuint (records->len, ==, 1);
      assert_record (records, 0, i == 4 ? 3 : 2, "1", "2", NULL);
    }

  /* A trailing delimiter is one more, empty, field. */
  {
    g_autoptr(EdCsvReader) reader = open_text ("a,b\n1,");
    g_autoptr(GPtrArray) records = read_all_ok (reader);

    assert_record (records, 0, 2, "1", "", NULL);
  }
}

static void
test_empty_file (void)
{
  static const char *const texts[] = { "", "\n\n", "\r\n", "\xef\xbb\xbf" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_fails (texts[i], strlen (texts[i]), ED_CSV_ERROR_EMPTY, NULL, "empty");

  {
    g_autoptr(GByteArray) bom_only = utf16 ("", TRUE, TRUE);

    assert_fails ((const char *) bom_only->data, bom_only->len, ED_CSV_ERROR_EMPTY, NULL,
                  "empty");
  }
}

static void
test_header_only (void)
{
  static const char *const texts[] = { "Name,Town", "Name,Town\r\n", "\"Name\",\"Town\"\n\n" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(EdCsvReader) reader = open_text (texts[i]);
      g_autoptr(GPtrArray) records = read_all_ok (reader);

      assert_columns (reader, "Name", "Town", NULL);
      g_assert_cmpuint (records->len, ==, 0);
    }
}

static void
test_short_rows (void)
{
  static const char text[] = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(EdCsvReader) strict = NULL;

  /* Not strict: the caller sees the counts. */
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpuint (ed_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpuint (ed_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpuint (ed_csv_reader_get_line (reader), ==, 3);
  g_assert_null (ed_csv_reader_get_field (reader, 2));
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpuint (ed_csv_reader_get_n_fields (reader), ==, 4);
  g_assert_true (ed_csv_reader_next (reader, &error));
  g_assert_cmpuint (ed_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_false (ed_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  /* Strict: the first short row is an error naming its line. */
  strict = open_data (text, strlen (text), ED_CSV_READER_STRICT_FIELD_COUNT, &error);
  g_assert_no_error (error);
  g_assert_true (ed_csv_reader_next (strict, &error));
  g_assert_false (ed_csv_reader_next (strict, &error));
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_FIELD_COUNT);
  g_assert_cmpstr (error->message, ==, "test.csv, line 3: 2 fields, but the header has 3");
  g_clear_error (&error);
  g_assert_false (ed_csv_reader_next (strict, &error));
  g_assert_no_error (error);
}

/* --- errors --------------------------------------------------------------------------------- */

static void
test_error_nul (void)
{
  static const char unquoted[] = "a,b\n1,2\n3,x\0y\n";
  static const char quoted[] = "a,b\n1,\"2\n\0\"\n";
  static const char header[] = "a,\0b\n";

  assert_fails (unquoted, sizeof unquoted - 1, ED_CSV_ERROR_NUL, "test.csv, line 3:", "NUL");
  /* The line of the NUL itself, inside a record that started on line 2. */
  assert_fails (quoted, sizeof quoted - 1, ED_CSV_ERROR_NUL, "line 3:", "NUL");
  assert_fails (header, sizeof header - 1, ED_CSV_ERROR_NUL, "line 1:", "NUL");
}

static void
test_error_unterminated_quote (void)
{
  static const char text[] = "a,b\n1,2\n3,\"open\n4,5\n6,7\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = open_text (text);
  g_autoptr(GPtrArray) records = read_all (reader, &error);

  /* The record before the bad one is read; the message names where the quote opened. */
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_QUOTE);
  g_assert_cmpstr (error->message, ==,
                   "test.csv, line 3: a quoted field is not closed before the end of the file");
}

static void
test_error_stray_quote (void)
{
  static const char inside[] = "Name,Nickname\nAnn,Annie \"A\" Smith\n";
  static const char after[] = "Name,Nickname\n1,2\n\"Ann\"x,y\n";

  assert_fails (inside, sizeof inside - 1, ED_CSV_ERROR_QUOTE, "line 2:",
                "column 2 (“Nickname”)");
  assert_fails (after, sizeof after - 1, ED_CSV_ERROR_QUOTE, "line 3:",
                "column 1 (“Name”) has text after its closing quote");
}

static void
test_header_duplicate (void)
{
  static const char same[] = "Name,Town,Name\n1,2,3\n";
  static const char normalised[] = "Post Code,Town,post_code\n1,2,3\n";
  static const char unnamed[] = "Name,,Town,\n1,2,3,4\n";
  /* The same once underscores are dropped, as ed_csv_reader_find_column() matches too. */
  static const char loose[] = "surname,Town,Sur Name\n1,2,3\n";
  g_autoptr(EdCsvReader) reader = NULL;

  assert_fails (same, sizeof same - 1, ED_CSV_ERROR_HEADER, "line 1:",
                "columns 1 and 3 are both named “Name”");
  assert_fails (normalised, sizeof normalised - 1, ED_CSV_ERROR_HEADER, "line 1:",
                "“Post Code”");
  assert_fails (loose, sizeof loose - 1, ED_CSV_ERROR_HEADER, "line 1:",
                "columns 1 (“surname”) and 3 (“Sur Name”)");

  /* Unnamed columns cannot be looked up, so they do not clash. */
  reader = open_text (unnamed);
  g_assert_cmpuint (ed_csv_reader_get_n_columns (reader), ==, 4);
  g_assert_cmpint (ed_csv_reader_find_column (reader, ""), ==, -1);
}

/* --- names ---------------------------------------------------------------------------------- */

static void
test_normalise_name (void)
{
  static const struct
  {
    const char *name;
    const char *normalised;
  } cases[] = {
    { "Elector Number Prefix", "elector_number_prefix" },
    { "elector_number_prefix", "elector_number_prefix" },
    { "  Elector-Number.Prefix  ", "elector_number_prefix" },
    { "ELECTOR__NUMBER - PREFIX", "elector_number_prefix" },
    { "Polling Place (Name)", "polling_place_name" },
    { "PostCode", "postcode" },
    { "Post_Code", "post_code" },
    { "Addressline6", "addressline6" },
    { "PRO_X_4326", "pro_x_4326" },
    { "Town/City", "town_city" },
    { "Cyfeiriad Ŵyr", "cyfeiriad_ŵyr" },
    { "#", "" },
    { "", "" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = ed_csv_normalise_name (cases[i].name);

      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }
}

static void
test_find_column (void)
{
  static const char text[] = "\"Elector Number Prefix\",Post_Code,Addressline6,AddressLine1,"
                             "Add-1, Town \n";
  g_autoptr(EdCsvReader) reader = open_text (text);

  g_assert_cmpint (ed_csv_reader_find_column (reader, "Elector Number Prefix"), ==, 0);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "elector_number_prefix"), ==, 0);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "ElectorNumberPrefix"), ==, 0);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "post code"), ==, 1);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "PostCode"), ==, 1);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "AddressLine6"), ==, 2);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "address_line_1"), ==, 3);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "add_1"), ==, 4);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "town"), ==, 5);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "uprn"), ==, -1);
  g_assert_cmpint (ed_csv_reader_find_column (reader, "  "), ==, -1);
  /* The name as written is kept. */
  g_assert_cmpstr (ed_csv_reader_get_column_name (reader, 5), ==, " Town ");
}

static void
test_find_column_ambiguous (void)
{
  /* “PostCode” would match either column once underscores are ignored, so a header with both
   * is refused (test_header_duplicate) rather than one column silently left unread. */
  static const char both[] = "Post_Code,PostCode_\n";

  assert_fails (both, sizeof both - 1, ED_CSV_ERROR_HEADER, "line 1:",
                "columns 1 (“Post_Code”) and 2 (“PostCode_”)");
}

/* --- writing -------------------------------------------------------------------------------- */

static void
test_writer_quoting (void)
{
  static const struct
  {
    const char *value;
    const char *written;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { " lead", "\" lead\"" },
    { "trail ", "\"trail \"" },
    { "in side", "in side" },
    { "tab\there", "tab\there" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      ed_csv_append_field (line, cases[i].value, ',');
      g_assert_cmpstr (line->str, ==, cases[i].written);
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    ed_csv_append_field (line, "tab\there", '\t');
    ed_csv_append_field (line, NULL, '\t');
    g_assert_cmpstr (line->str, ==, "\"tab\there\"");
  }
}

/* OWASP's CSV injection: a cell a spreadsheet would run as a formula starts with a quote
 * and is quoted; ed_csv_unneutralise() gives back exactly what was written. */
static void
test_writer_neutralises_formulas (void)
{
  static const struct
  {
    const char *value;
    const char *written;
  } cases[] = {
    { "=1+1", "\"'=1+1\"" },
    { "+44", "\"'+44\"" },
    { "-Smith", "\"'-Smith\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "'=1", "\"''=1\"" },
    { "''-", "\"'''-\"" },
    { "'plain", "'plain" },
    { "a=b", "a=b" },
    { "1-2", "1-2" },
    { "-5", "-5" },
    { "-1.270726", "-1.270726" },
    { "'-5", "\"''-5\"" },
    { "-1-2", "\"'-1-2\"" },
    { "-1.", "\"'-1.\"" },
    { "-.5", "\"'-.5\"" },
    { "-", "\"'-\"" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(EdCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      ed_csv_append_field (line, cases[i].value, ',');
      g_assert_cmpstr (line->str, ==, cases[i].written);

      text = g_strconcat ("value\r\n", line->str, "\r\n", NULL);
      reader = open_text (text);
      g_assert_true (ed_csv_reader_next (reader, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ed_csv_unneutralise (ed_csv_reader_get_field (reader, 0)), ==,
                       cases[i].value);
    }
  g_assert_cmpstr (ed_csv_unneutralise ("'plain"), ==, "'plain");
  g_assert_cmpstr (ed_csv_unneutralise ("'-1"), ==, "-1");
}

static void
test_writer_round_trip (void)
{
  static const char *const header[] = { "Name", "Address", "Notes" };
  static const char *const rows[][3] = {
    { "O" RIGHT_QUOTE "Brien, Ann", "1 High St\nTown\r\nAB1 2CD", "said \"hi\"" },
    { "", "", "" },
    { " padded ", "\t", "\"" },
    { "a\tb", ",", "\r" },
    { "=1+1", "-5", "@SUM(A1)" },
    { "'=quoted", "''+", "'plain" },
    { POUND "12.50", "Caf" E_ACUTE, "\"\"\"" },
    { "x", "", "trailing" },
  };
  static const char delimiters[] = { ',', '\t', ';' };
  gsize d, i, j;

  for (d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(EdCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      ed_csv_append_row (out, header, G_N_ELEMENTS (header), delimiters[d]);
      for (i = 0; i < G_N_ELEMENTS (rows); i++)
        ed_csv_append_row (out, rows[i], 3, delimiters[d]);

      reader = open_data (out->str, out->len, ED_CSV_READER_STRICT_FIELD_COUNT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ed_csv_reader_get_delimiter (reader), ==, delimiters[d]);
      records = read_all_ok (reader);
      g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (rows));
      for (i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          Record *record = records->pdata[i];

          for (j = 0; j < 3; j++)
            g_assert_cmpstr (ed_csv_unneutralise (record->fields[j]), ==, rows[i][j]);
        }
    }

  /* One column: an empty value must not become a blank line. */
  {
    static const char *const one[] = { "Only" };
    static const char *const empty[] = { "" };
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(EdCsvReader) reader = NULL;
    g_autoptr(GPtrArray) records = NULL;

    ed_csv_append_row (out, one, 1, ',');
    ed_csv_append_row (out, empty, 1, ',');
    ed_csv_append_row (out, one, 1, ',');
    g_assert_cmpstr (out->str, ==, "Only\r\n\"\"\r\nOnly\r\n");
    reader = open_text (out->str);
    records = read_all_ok (reader);
    assert_record (records, 0, 2, "", NULL);
    assert_record (records, 1, 3, "Only", NULL);
  }
}

/* --- files and progress --------------------------------------------------------------------- */

static void
test_open_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(EdCsvReader) reader = NULL;
  g_autoptr(EdCsvReader) from_file = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint64 last = 0;
  guint n = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "register.csv", NULL);
  empty_path = g_build_filename (dir, "empty.csv", NULL);
  missing = g_build_filename (dir, "missing.csv", NULL);
  {
    g_autoptr(GString) text = g_string_new ("Number,Name\n");
    guint i;

    for (i = 0; i < 5000; i++)
      g_string_append_printf (text, "%u,Elector %u\n", i, i);
    g_string_append (text, "5000,\"unclosed\n");
    g_file_set_contents (path, text->str, text->len, &error);
    g_assert_no_error (error);
    g_file_set_contents (empty_path, "", 0, &error);
    g_assert_no_error (error);
  }

  reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_csv_reader_get_display_name (reader), ==, "register.csv");
  g_assert_cmpuint (ed_csv_reader_get_bytes_read (reader), ==, strlen ("Number,Name\n"));
  while (ed_csv_reader_next (reader, &error))
    {
      guint64 done = ed_csv_reader_get_bytes_read (reader);

      g_assert_cmpuint (done, >, last);
      g_assert_cmpuint (done, <=, ed_csv_reader_get_total_bytes (reader));
      last = done;
      n++;
    }
  g_assert_cmpuint (n, ==, 5000);
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_QUOTE);
  g_assert_cmpstr (error->message, ==, "register.csv, line 5002: a quoted field is not closed "
                   "before the end of the file");
  g_clear_error (&error);

  file = g_file_new_for_path (path);
  from_file = ed_csv_reader_new_for_file (file, ED_CSV_READER_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ed_csv_reader_get_display_name (from_file), ==, "register.csv");
  records = read_all (from_file, &error);
  g_assert_cmpuint (records->len, ==, 5000);
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_QUOTE);
  g_clear_error (&error);

  g_assert_null (ed_csv_reader_new_for_path (empty_path, ED_CSV_READER_NONE, &error));
  g_assert_error (error, ED_CSV_ERROR, ED_CSV_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "empty.csv"));
  g_clear_error (&error);

  g_assert_null (ed_csv_reader_new_for_path (missing, ED_CSV_READER_NONE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_unlink (empty_path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_progress_transcoded (void)
{
  g_autoptr(GString) text = g_string_new ("Number,Name\r\n");
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdCsvReader) reader = NULL;
  guint64 last = 0;
  guint i, n = 0;

  for (i = 0; i < 100000; i++)
    g_string_append_printf (text, "%u,Caf" E_ACUTE " %u\r\n", i, i);
  data = utf16 (text->str, TRUE, TRUE);
  reader = open_data ((const char *) data->data, data->len, ED_CSV_READER_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ed_csv_reader_get_total_bytes (reader), ==, data->len);

  while (ed_csv_reader_next (reader, &error))
    {
      guint64 done = ed_csv_reader_get_bytes_read (reader);

      g_assert_cmpuint (done, >=, last);
      g_assert_cmpuint (done, <=, data->len);
      if (n == 50000)
        g_assert_cmpfloat (fabs ((double) done / data->len - 0.5), <, 0.05);
      last = done;
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 100000);
  g_assert_cmpuint (ed_csv_reader_get_bytes_read (reader), ==, data->len);
}

/* --- the councils' exports ------------------------------------------------------------------ */

typedef struct
{
  const char    *path;  /* under ED_SHARED_FIXTURES */
  EdCsvEncoding  encoding;
  char           delimiter;
  gboolean       fails;  /* an error, or a row of the wrong length */
  const char    *contains;  /* NULL, or text some field holds */
} FixtureExpectation;

static const FixtureExpectation fixture_expectations[] = {
  { "xpress-democracy-club/encoding-windows1252.tsv", ED_CSV_ENCODING_WINDOWS_1252, '\t',
    FALSE, "\xc3\xb4" },
  { "xpress-democracy-club/ext-tsv-with-csv-ext.csv", ED_CSV_ENCODING_UTF8, '\t', FALSE, NULL },
  { "xpress-democracy-club/incomplete-file.CSV", ED_CSV_ENCODING_UTF8, ',', TRUE, NULL },
  { "xpress-democracy-club/ems-xpress-dc.csv", ED_CSV_ENCODING_UTF8, ',', FALSE, NULL },
  { "democracy-counts/democracy-counts-utf-16le.csv", ED_CSV_ENCODING_UTF16LE, ',', FALSE,
    NULL },
  { "xpress-weblookup/ems-xpress-weblookup.CSV", ED_CSV_ENCODING_UTF8, ',', FALSE,
    "000072771509" },
};

static void
collect_fixtures (const char *dir,
                  GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_fixtures (path, paths);
      else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
               g_str_has_suffix (lower, ".txt"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_fixtures (void)
{
  const char *root = g_getenv ("ED_SHARED_FIXTURES");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = 0;
  guint i;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ED_SHARED_FIXTURES is not a folder: no council exports to read");
      return;
    }

  collect_fixtures (root, paths);
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      const char *relative = path + strlen (root) + (path[strlen (root)] == '/' ? 1 : 0);
      const FixtureExpectation *expect = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(EdCsvReader) reader = NULL;
      g_autofree char *basename = g_path_get_basename (path);
      guint n_records = 0, n_wrong = 0;
      guint64 first_wrong = 0;
      gboolean found = FALSE;
      gsize e;

      for (e = 0; e < G_N_ELEMENTS (fixture_expectations); e++)
        if (strcmp (fixture_expectations[e].path, relative) == 0)
          expect = &fixture_expectations[e];

      reader = ed_csv_reader_new_for_path (path, ED_CSV_READER_NONE, &error);
      if (reader == NULL)
        {
          g_test_message ("%s: cannot be opened: %s", relative, error->message);
          g_assert_true (error->domain == ED_CSV_ERROR);
          g_assert_true (g_str_has_prefix (error->message, basename));
          g_assert_nonnull (strstr (error->message, "line"));
          g_assert_true (expect == NULL || expect->fails);
          continue;
        }

      while (ed_csv_reader_next (reader, &error))
        {
          guint f;

          n_records++;
          if (ed_csv_reader_get_n_fields (reader) != ed_csv_reader_get_n_columns (reader))
            {
              if (n_wrong++ == 0)
                first_wrong = ed_csv_reader_get_line (reader);
            }
          if (expect != NULL && expect->contains != NULL)
            for (f = 0; f < ed_csv_reader_get_n_fields (reader); f++)
              found = found || strstr (ed_csv_reader_get_field (reader, f), expect->contains);
        }

      g_test_message ("%s: %s%s, delimiter %s, %u columns, %u records%s%s",
                      relative, ed_csv_reader_get_encoding_name (reader),
                      ed_csv_reader_get_has_bom (reader) ? " with BOM" : "",
                      ed_csv_reader_get_delimiter (reader) == '\t' ? "tab" :
                      ed_csv_reader_get_delimiter (reader) == ',' ? "comma" : "semicolon",
                      ed_csv_reader_get_n_columns (reader), n_records,
                      error != NULL ? "; error: " : "", error != NULL ? error->message : "");
      if (n_wrong > 0)
        g_test_message ("%s: %u records have a different number of fields from the header, "
                        "the first on line %" G_GUINT64_FORMAT, relative, n_wrong, first_wrong);

      /* A file fails clearly or reads to the end with every row the header's width. */
      if (error != NULL)
        {
          g_assert_true (error->domain == ED_CSV_ERROR);
          g_assert_true (g_str_has_prefix (error->message, basename));
          g_assert_nonnull (strstr (error->message, ", line "));
        }
      else
        {
          g_assert_cmpuint (ed_csv_reader_get_bytes_read (reader), ==,
                            ed_csv_reader_get_total_bytes (reader));
        }
      g_assert_cmpuint (ed_csv_reader_get_n_columns (reader), >=, 3);

      if (expect != NULL)
        {
          g_assert_cmpint (ed_csv_reader_get_encoding (reader), ==, expect->encoding);
          g_assert_cmpint (ed_csv_reader_get_delimiter (reader), ==, expect->delimiter);
          g_assert_cmpint (error != NULL || n_wrong > 0, ==, expect->fails);
          if (expect->contains != NULL)
            g_assert_true (found);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (n_wrong, ==, 0);
        }
      n_checked++;
    }

  g_test_message ("%u council exports read", n_checked);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/encoding/utf-8", test_encoding_utf8);
  g_test_add_func ("/csv/encoding/utf-8-bom", test_encoding_utf8_bom);
  g_test_add_func ("/csv/encoding/utf-16le-bom", test_encoding_utf16le_bom);
  g_test_add_func ("/csv/encoding/utf-16le-no-bom", test_encoding_utf16le_no_bom);
  g_test_add_func ("/csv/encoding/utf-16be", test_encoding_utf16be);
  g_test_add_func ("/csv/encoding/utf-16-invalid", test_encoding_utf16_invalid);
  g_test_add_func ("/csv/encoding/windows-1252", test_encoding_windows_1252);
  g_test_add_func ("/csv/encoding/windows-1252-like-utf-8",
                   test_encoding_windows_1252_like_utf8);
  g_test_add_func ("/csv/encoding/mixed", test_encoding_mixed);
  g_test_add_func ("/csv/encoding/mixed-by-field", test_encoding_mixed_by_field);
  g_test_add_func ("/csv/encoding/long-files-agree", test_encoding_long_files_agree);
  g_test_add_func ("/csv/delimiter/sniffed", test_delimiter_sniffed);
  g_test_add_func ("/csv/delimiter/tab", test_delimiter_tab);
  g_test_add_func ("/csv/records/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/csv/records/line-endings", test_line_endings);
  g_test_add_func ("/csv/records/doubled-quotes", test_doubled_quotes);
  g_test_add_func ("/csv/records/empty-fields", test_empty_fields);
  g_test_add_func ("/csv/records/trailing-newline", test_trailing_newline);
  g_test_add_func ("/csv/records/empty-file", test_empty_file);
  g_test_add_func ("/csv/records/header-only", test_header_only);
  g_test_add_func ("/csv/records/short-rows", test_short_rows);
  g_test_add_func ("/csv/errors/nul", test_error_nul);
  g_test_add_func ("/csv/errors/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/csv/errors/stray-quote", test_error_stray_quote);
  g_test_add_func ("/csv/header/duplicate", test_header_duplicate);
  g_test_add_func ("/csv/header/normalise-name", test_normalise_name);
  g_test_add_func ("/csv/header/find-column", test_find_column);
  g_test_add_func ("/csv/header/find-column-ambiguous", test_find_column_ambiguous);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv/writer/neutralises-formulas", test_writer_neutralises_formulas);
  g_test_add_func ("/csv/file/open-path", test_open_path);
  g_test_add_func ("/csv/file/progress-transcoded", test_progress_transcoded);
  g_test_add_func ("/csv/file/council-exports", test_fixtures);

  return g_test_run ();
}
