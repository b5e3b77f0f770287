/* ed-csv.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-core"

#include "core/ed-csv.h"
#include "core/ed-value-error-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of the source is converted at a time when the file is not UTF-8. Each piece is at
 * least as large as what the window already holds, so a record longer than this (or a quote
 * that never closes) costs linear, not quadratic, time. */
#define DECODE_CHUNK (256 * 1024)

/* How many leading bytes decide whether a file without a byte-order mark is UTF-16. */
#define UTF16_SNIFF_BYTES 512

G_DEFINE_QUARK (ed-csv-error-quark, ed_csv_error)

typedef enum
{
  DECODE_OK,
  DECODE_UNPAIRED_SURROGATE,
  DECODE_TRUNCATED,
} DecodeStatus;

typedef enum
{
  PARSE_RECORD,
  PARSE_END,
  PARSE_MORE,
  PARSE_ERROR,
} ParseResult;

/* Byte classes for the scanning loops. */
enum
{
  CLASS_PLAIN = 0,
  CLASS_SPECIAL = 1,
};

struct _EdCsvReader
{
  char *display_name;
  EdCsvReaderFlags flags;

  /* The whole source, in memory. */
  GBytes *bytes;
  const guchar *src;
  gsize src_len;
  gsize bom_len;
  gsize src_pos;  /* the next byte to convert, when converting */

  EdCsvEncoding encoding;
  gboolean has_bom;
  gboolean has_invalid_utf8;  /* a UTF-8 file with some lines that are not: check each field */
  char delimiter;

  guint8 unquoted_class[256];
  guint8 quoted_class[256];

  /* The window of UTF-8 text the parser reads: the source itself when it is UTF-8, else
   * decode_buf. pos is the start of the next record, line its physical line. */
  const char *win;
  gsize win_len;
  gsize pos;
  guint64 line;
  gboolean at_eof;  /* the window holds the rest of the file */

  char *decode_buf;
  gsize decode_cap;
  DecodeStatus decode_status;  /* an error met by the decoder, reported when reached */
  guint64 decoded_src;  /* for progress: source bytes converted so far... */
  guint64 decoded_dst;  /* ...and the UTF-8 bytes they became */
  guint64 bytes_read;

  guint64 more_line;  /* the line the parser had reached when it ran out of window */

  /* The current record: fields packed into rec, each followed by a NUL; field i is
   * rec[offs[i]] .. rec[offs[i + 1] - 1]. */
  char *rec;
  gsize rec_cap;
  gsize *offs;
  guint offs_cap;
  guint n_fields;
  guint64 record_line;
  guint64 n_records;

  /* The header. */
  char **columns;
  guint n_columns;
  GHashTable *by_name;   /* normalised name → index + 1 */
  GHashTable *by_loose;  /* normalised name without '_' → index + 1; no two columns share one */

  gboolean failed;
  gboolean finished;
};

/* --- errors --------------------------------------------------------------------------------- */

static char *
describe_column (EdCsvReader *reader,
                 guint        index)
{
  g_autofree char *name = NULL;

  if (index < reader->n_columns)
    name = ed_value_display_text (reader->columns[index]);
  if (name != NULL && name[0] != '\0')
    {
      /* Translators: a column of a spreadsheet file by number and name: column 3 (“Postcode”) */
      return g_strdup_printf (_("column %u (“%s”)"), index + 1, name);
    }
  /* Translators: a column of a spreadsheet file, by number: “column 3” */
  return g_strdup_printf (_("column %u"), index + 1);
}

static void
set_line_error (EdCsvReader  *reader,
                GError      **error,
                EdCsvError    code,
                guint64       line,
                const char   *format,
                ...) G_GNUC_PRINTF (5, 6);

static void
set_line_error (EdCsvReader  *reader,
                GError      **error,
                EdCsvError    code,
                guint64       line,
                const char   *format,
                ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *line_text = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  line_text = g_strdup_printf ("%" G_GUINT64_FORMAT, line);
  reader->failed = TRUE;
  /* Translators: the file name, the line number, then what is wrong:
   * “register.csv, line 40: a quoted field is not closed before the end of the file” */
  g_set_error (error, ED_CSV_ERROR, code, _("%s, line %s: %s"),
               reader->display_name, line_text, detail);
}

/* --- encodings ------------------------------------------------------------------------------ */

/**
 * ed_csv_encoding_get_name:
 * @encoding: an #EdCsvEncoding
 *
 * Returns: the usual name of @encoding, as iconv and the WHATWG encoding standard spell it:
 *   `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`
 */
const char *
ed_csv_encoding_get_name (EdCsvEncoding encoding)
{
  switch (encoding)
    {
    case ED_CSV_ENCODING_UTF8:
      return "UTF-8";
    case ED_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case ED_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case ED_CSV_ENCODING_WINDOWS_1252:
      return "windows-1252";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* windows-1252 bytes 0x80..0x9F. The five bytes the code page leaves undefined map to the C1
 * controls of the same value, as the WHATWG encoding standard does, so no byte is refused. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static inline char *
put_utf8 (char     *out,
          gunichar  c)
{
  if (c < 0x80)
    {
      *out++ = (char) c;
    }
  else if (c < 0x800)
    {
      *out++ = (char) (0xC0 | (c >> 6));
      *out++ = (char) (0x80 | (c & 0x3F));
    }
  else if (c < 0x10000)
    {
      *out++ = (char) (0xE0 | (c >> 12));
      *out++ = (char) (0x80 | ((c >> 6) & 0x3F));
      *out++ = (char) (0x80 | (c & 0x3F));
    }
  else
    {
      *out++ = (char) (0xF0 | (c >> 18));
      *out++ = (char) (0x80 | ((c >> 12) & 0x3F));
      *out++ = (char) (0x80 | ((c >> 6) & 0x3F));
      *out++ = (char) (0x80 | (c & 0x3F));
    }
  return out;
}

/* The length of the well-formed UTF-8 sequence at @p (Unicode table 3-7), or 0. */
static gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;
  gsize n, i;

  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if ((gsize) (end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;
  return n;
}

typedef struct
{
  gsize n_invalid;        /* bytes that are not UTF-8 */
  gsize n_utf8_lines;     /* lines with well-formed sequences and no byte that is not UTF-8 */
} Utf8Scan;

/* Ends the line that the scan's last high byte was on. */
static void
scan_end_line (Utf8Scan *scan,
               gboolean *multibyte,
               gboolean *invalid)
{
  if (*multibyte && !*invalid)
    scan->n_utf8_lines++;
  *multibyte = FALSE;
  *invalid = FALSE;
}

/* Checks @data for UTF-8. NUL bytes are allowed here: the parser reports them with their
 * line. Only lines holding bytes above ASCII are looked at as lines, so the ASCII that is
 * nearly all of a register is still skipped a word at a time. */
static void
scan_utf8 (const guchar *data,
           gsize         len,
           Utf8Scan     *scan)
{
  const guchar *p = data;
  const guchar *end = data + len;
  const guchar *line_end = data;
  gboolean line_multibyte = FALSE;
  gboolean line_invalid = FALSE;

  scan->n_invalid = 0;
  scan->n_utf8_lines = 0;

  while (p < end)
    {
      gsize n;

      /* Registers are nearly all ASCII: skip it eight bytes at a time. */
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      while (p < end && *p < 0x80)
        p++;
      if (p == end)
        break;

      if (p >= line_end)
        {
          scan_end_line (scan, &line_multibyte, &line_invalid);
          for (line_end = p; line_end < end && *line_end != '\n' && *line_end != '\r';
               line_end++)
            ;
        }

      n = utf8_sequence_length (p, end);
      if (n == 0)
        {
          scan->n_invalid++;
          line_invalid = TRUE;
          p++;
        }
      else
        {
          line_multibyte = TRUE;
          p += n;
        }
    }
  scan_end_line (scan, &line_multibyte, &line_invalid);
}

/* A file without a byte-order mark is UTF-16 when nearly every other byte of its start is
 * NUL: the high bytes of ASCII characters. A UTF-8 file with a stray NUL is not mistaken for
 * one, and is refused by the parser instead. */
static gboolean
sniff_utf16 (const guchar  *data,
             gsize          len,
             EdCsvEncoding *out_encoding)
{
  gsize n_pairs = MIN (len, UTF16_SNIFF_BYTES) / 2;
  gsize le = 0, be = 0;
  gsize i;

  if (n_pairs < 2)
    return FALSE;

  for (i = 0; i < n_pairs; i++)
    {
      guchar a = data[2 * i], b = data[2 * i + 1];

      if (a != 0 && b == 0)
        le++;
      else if (a == 0 && b != 0)
        be++;
    }

  if (le * 10 >= n_pairs * 8)
    {
      *out_encoding = ED_CSV_ENCODING_UTF16LE;
      return TRUE;
    }
  if (be * 10 >= n_pairs * 8)
    {
      *out_encoding = ED_CSV_ENCODING_UTF16BE;
      return TRUE;
    }
  return FALSE;
}

static void
reserve_decode_buf (EdCsvReader *reader,
                    gsize        needed)
{
  if (needed <= reader->decode_cap)
    return;
  reader->decode_cap = MAX (needed, reader->decode_cap * 2);
  reader->decode_buf = g_realloc (reader->decode_buf, reader->decode_cap);
  reader->win = reader->decode_buf;
}

/* Converts up to @max_src bytes of the source onto the end of the window. Stops before an
 * error and records it in decode_status; the parser reports it when it gets there, so the
 * message can give the line. */
static void
decode_more (EdCsvReader *reader,
             gsize        max_src)
{
  const guchar *p = reader->src + reader->src_pos;
  const guchar *end = p + MIN (max_src, reader->src_len - reader->src_pos);
  const guchar *src_end = reader->src + reader->src_len;
  const guchar *start = p;
  char *out;
  char *out_start;

  if (reader->encoding == ED_CSV_ENCODING_WINDOWS_1252)
    {
      reserve_decode_buf (reader, reader->win_len + (end - p) * 3);
      out = out_start = reader->decode_buf + reader->win_len;
      while (p < end)
        {
          guchar c = *p++;

          if (c < 0x80)
            *out++ = (char) c;
          else if (c < 0xA0)
            out = put_utf8 (out, cp1252_high[c - 0x80]);
          else
            out = put_utf8 (out, c);
        }
    }
  else
    {
      gboolean le = reader->encoding == ED_CSV_ENCODING_UTF16LE;

      reserve_decode_buf (reader, reader->win_len + (end - p) / 2 * 3 + 4);
      out = out_start = reader->decode_buf + reader->win_len;
      while (end - p >= 2)
        {
          gunichar u = le ? (gunichar) (p[0] | (p[1] << 8)) : (gunichar) ((p[0] << 8) | p[1]);

          if (u < 0x80)
            {
              *out++ = (char) u;
              p += 2;
              continue;
            }
          if (u >= 0xDC00 && u <= 0xDFFF)
            {
              reader->decode_status = DECODE_UNPAIRED_SURROGATE;
              break;
            }
          if (u >= 0xD800 && u <= 0xDBFF)
            {
              gunichar low;

              if (end - p < 4)
                {
                  if (end == src_end)
                    reader->decode_status = DECODE_TRUNCATED;
                  break;  /* else the pair straddles the piece: take it next time */
                }
              low = le ? (gunichar) (p[2] | (p[3] << 8)) : (gunichar) ((p[2] << 8) | p[3]);
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  reader->decode_status = DECODE_UNPAIRED_SURROGATE;
                  break;
                }
              out = put_utf8 (out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
              p += 4;
              continue;
            }
          out = put_utf8 (out, u);
          p += 2;
        }
      if (reader->decode_status == DECODE_OK && end == src_end && p == src_end - 1)
        reader->decode_status = DECODE_TRUNCATED;  /* an odd number of bytes */
    }

  reader->src_pos += p - start;
  reader->win_len += out - out_start;
  reader->decoded_src += p - start;
  reader->decoded_dst += out - out_start;
  if (reader->src_pos == reader->src_len && reader->decode_status == DECODE_OK)
    reader->at_eof = TRUE;
}

/* Drops the part of the window already parsed and converts more of the source onto it. */
static void
fetch_more (EdCsvReader *reader)
{
  g_assert (!reader->at_eof);
  g_assert (reader->decode_status == DECODE_OK);

  if (reader->pos > 0)
    {
      memmove (reader->decode_buf, reader->decode_buf + reader->pos,
               reader->win_len - reader->pos);
      reader->win_len -= reader->pos;
      reader->pos = 0;
    }
  decode_more (reader, MAX ((gsize) DECODE_CHUNK, reader->win_len) & ~(gsize) 1);
}

/* --- parsing -------------------------------------------------------------------------------- */

static void
build_classes (EdCsvReader *reader)
{
  memset (reader->unquoted_class, CLASS_PLAIN, sizeof reader->unquoted_class);
  memset (reader->quoted_class, CLASS_PLAIN, sizeof reader->quoted_class);

  reader->unquoted_class[(guchar) reader->delimiter] = CLASS_SPECIAL;
  reader->unquoted_class['"'] = CLASS_SPECIAL;
  reader->unquoted_class['\n'] = CLASS_SPECIAL;
  reader->unquoted_class['\r'] = CLASS_SPECIAL;
  reader->unquoted_class['\0'] = CLASS_SPECIAL;

  reader->quoted_class['"'] = CLASS_SPECIAL;
  reader->quoted_class['\n'] = CLASS_SPECIAL;
  reader->quoted_class['\r'] = CLASS_SPECIAL;
  reader->quoted_class['\0'] = CLASS_SPECIAL;
}

/* The record being built: a local copy of reader->rec, so the compiler can keep it in
 * registers while bytes are stored through char pointers. */
typedef struct
{
  char  *buf;
  gsize  len;
  gsize  cap;
} RecBuf;

static G_GNUC_NO_INLINE void
grow_rec (EdCsvReader *reader,
          RecBuf      *rb,
          gsize        needed)
{
  reader->rec_cap = MAX (needed, MAX (reader->rec_cap * 2, 256));
  reader->rec = g_realloc (reader->rec, reader->rec_cap);
  rb->buf = reader->rec;
  rb->cap = reader->rec_cap;
}

static G_GNUC_NO_INLINE void
grow_offs (EdCsvReader *reader)
{
  reader->offs_cap = MAX (reader->offs_cap * 2, 32);
  reader->offs = g_renew (gsize, reader->offs, reader->offs_cap);
}

static inline void
rec_reserve (EdCsvReader *reader,
             RecBuf      *rb,
             gsize        extra)
{
  if (G_UNLIKELY (rb->len + extra > rb->cap))
    grow_rec (reader, rb, rb->len + extra);
}

/* Eight bytes at a time on little-endian machines: most fields are shorter than a word, so
 * the end of a field is found without a loop whose exit the CPU mispredicts every time. */
#if defined(__GNUC__) && G_BYTE_ORDER == G_LITTLE_ENDIAN && GLIB_SIZEOF_VOID_P == 8
#define SCAN_WORDS 1
#else
#define SCAN_WORDS 0
#endif

#define WORD_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define WORD_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each zero byte of @v. Borrows can also mark bytes above a zero byte, never
 * below one, so the lowest bit set is always the first zero byte. */
static inline guint64
word_zero_bytes (guint64 v)
{
  return (v - WORD_ONES) & ~v & WORD_HIGHS;
}

/* Copies the bytes from @p up to the first byte that @classes marks special, or @end, onto
 * the record, and returns where it stopped. @a, @b and @c are the special bytes other than NUL,
 * each repeated across a word. */
G_ALWAYS_INLINE static inline const char *
scan_plain (EdCsvReader  *reader,
            RecBuf       *rb,
            const char   *p,
            const char   *end,
            const guint8 *classes,
            guint64       a,
            guint64       b,
            guint64       c,
            guint64       d)
{
  const char *s;

#if SCAN_WORDS
  while (end - p >= 8)
    {
      guint64 w, m;

      rec_reserve (reader, rb, 8);
      memcpy (&w, p, 8);
      memcpy (rb->buf + rb->len, &w, 8);
      m = word_zero_bytes (w) | word_zero_bytes (w ^ a) | word_zero_bytes (w ^ b) |
          word_zero_bytes (w ^ c) | word_zero_bytes (w ^ d);
      if (m != 0)
        {
          gsize k = (gsize) __builtin_ctzll (m) >> 3;

          rb->len += k;
          return p + k;
        }
      p += 8;
      rb->len += 8;
    }
#endif

  s = p;
  while (p < end && !classes[(guchar) *p])
    p++;
  if (p > s)
    {
      rec_reserve (reader, rb, p - s);
      memcpy (rb->buf + rb->len, s, p - s);
      rb->len += p - s;
    }
  return p;
}

static void
set_nul_error (EdCsvReader  *reader,
               GError      **error,
               guint64       line)
{
  set_line_error (reader, error, ED_CSV_ERROR_NUL, line,
                  _("a NUL byte, which is not text; the file may be damaged, or saved in an "
                    "encoding other than UTF-8, UTF-16 or windows-1252"));
}

/* Parses the record at reader->pos. Returns PARSE_MORE, with nothing consumed, when the window
 * ends before the record does and more of the file can be converted. */
static ParseResult
parse_record (EdCsvReader  *reader,
              GError      **error)
{
  const char *p = reader->win + reader->pos;
  const char *end = reader->win + reader->win_len;
  const guint8 *unquoted = reader->unquoted_class;
  const guint8 *quoted = reader->quoted_class;
  const char delimiter = reader->delimiter;
  const guint64 w_delimiter = WORD_ONES * (guchar) delimiter;
  const guint64 w_quote = WORD_ONES * '"';
  const guint64 w_lf = WORD_ONES * '\n';
  const guint64 w_cr = WORD_ONES * '\r';
  const gboolean eof = reader->at_eof;
  guint64 line = reader->line;
  RecBuf rb = { reader->rec, 0, reader->rec_cap };
  gsize *offs;
  guint offs_cap;
  guint n = 0;

#define MORE() \
  G_STMT_START { \
    reader->more_line = line; \
    return PARSE_MORE; \
  } G_STMT_END

  /* Blank lines between records are skipped. */
  for (;;)
    {
      if (p == end)
        {
          if (!eof)
            MORE ();
          reader->pos = p - reader->win;
          reader->line = line;
          return PARSE_END;
        }
      if (*p == '\n')
        {
          p++;
          line++;
        }
      else if (*p == '\r')
        {
          if (p + 1 == end && !eof)
            MORE ();
          p++;
          if (p < end && *p == '\n')
            p++;
          line++;
        }
      else
        break;
    }

  reader->record_line = line;
  if (G_UNLIKELY (reader->offs_cap == 0))
    grow_offs (reader);
  offs = reader->offs;
  offs_cap = reader->offs_cap;
  offs[0] = 0;

  for (;;)
    {
      if (p < end && *p == '"')
        {
          guint64 field_line = line;

          p++;
          for (;;)
            {
              char c;

              p = scan_plain (reader, &rb, p, end, quoted, w_quote, w_lf, w_cr, w_quote);
              rec_reserve (reader, &rb, 2);

              if (p == end)
                {
                  if (!eof)
                    MORE ();
                  set_line_error (reader, error, ED_CSV_ERROR_QUOTE, field_line,
                                  _("a quoted field is not closed before the end of the file"));
                  return PARSE_ERROR;
                }

              c = *p;
              if (c == '"')
                {
                  if (p + 1 == end && !eof)
                    MORE ();
                  if (p + 1 < end && p[1] == '"')
                    {
                      rb.buf[rb.len++] = '"';
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (c == '\n')
                {
                  rb.buf[rb.len++] = '\n';
                  p++;
                  line++;
                }
              else if (c == '\r')
                {
                  if (p + 1 == end && !eof)
                    MORE ();
                  rb.buf[rb.len++] = '\r';
                  p++;
                  if (p < end && *p == '\n')
                    {
                      rb.buf[rb.len++] = '\n';
                      p++;
                    }
                  line++;
                }
              else
                {
                  set_nul_error (reader, error, line);
                  return PARSE_ERROR;
                }
            }

          /* After the closing quote: a delimiter, the end of the line, or the end of file. */
          if (p == end && !eof)
            MORE ();
          if (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            {
              g_autofree char *column = NULL;

              if (*p == '\0')
                {
                  set_nul_error (reader, error, line);
                  return PARSE_ERROR;
                }
              column = describe_column (reader, n);
              set_line_error (reader, error, ED_CSV_ERROR_QUOTE, line,
                              _("%s has text after its closing quote; a quote mark inside a "
                                "quoted field must be doubled (\"\")"), column);
              return PARSE_ERROR;
            }
        }
      else
        {
          p = scan_plain (reader, &rb, p, end, unquoted, w_delimiter, w_quote, w_lf, w_cr);

          if (p == end && !eof)
            MORE ();
          if (p < end && G_UNLIKELY (*p == '"' || *p == '\0'))
            {
              g_autofree char *column = NULL;

              if (*p == '\0')
                {
                  set_nul_error (reader, error, line);
                  return PARSE_ERROR;
                }
              column = describe_column (reader, n);
              set_line_error (reader, error, ED_CSV_ERROR_QUOTE, line,
                              _("%s has a quote mark but does not start with one; a field "
                                "holding quote marks must be enclosed in quotes, with each "
                                "quote mark inside doubled (\"\")"), column);
              return PARSE_ERROR;
            }
        }

      /* The field ends here, at a delimiter, a line break, or the end of the file. */
      rec_reserve (reader, &rb, 1);
      rb.buf[rb.len++] = '\0';
      n++;
      if (G_UNLIKELY (n + 1 > offs_cap))
        {
          grow_offs (reader);
          offs = reader->offs;
          offs_cap = reader->offs_cap;
        }
      offs[n] = rb.len;

      if (p < end && *p == delimiter)
        {
          p++;
          continue;
        }

      if (p < end)
        {
          if (*p == '\r')
            {
              if (p + 1 == end && !eof)
                MORE ();
              p++;
              if (p < end && *p == '\n')
                p++;
            }
          else
            {
              g_assert (*p == '\n');
              p++;
            }
          line++;
        }
      break;
    }

#undef MORE

  reader->n_fields = n;
  reader->pos = p - reader->win;
  reader->line = line;
  return PARSE_RECORD;
}

static void
set_decode_error (EdCsvReader  *reader,
                  GError      **error,
                  guint64       line)
{
  if (reader->decode_status == DECODE_TRUNCATED)
    set_line_error (reader, error, ED_CSV_ERROR_ENCODING, line,
                    _("the file ends in the middle of a %s character; it may have been cut "
                      "short"), ed_csv_encoding_get_name (reader->encoding));
  else
    set_line_error (reader, error, ED_CSV_ERROR_ENCODING, line,
                    _("not valid %s text (half of a surrogate pair); the file may be damaged"),
                    ed_csv_encoding_get_name (reader->encoding));
}

/* Parses the next record, converting more of the file as needed. */
static ParseResult
read_record (EdCsvReader  *reader,
             GError      **error)
{
  for (;;)
    {
      ParseResult result = parse_record (reader, error);

      if (result != PARSE_MORE)
        return result;

      if (reader->decode_status != DECODE_OK)
        {
          set_decode_error (reader, error, reader->more_line);
          return PARSE_ERROR;
        }
      fetch_more (reader);
    }
}

static void
update_progress (EdCsvReader *reader)
{
  guint64 done;

  if (reader->encoding == ED_CSV_ENCODING_UTF8)
    {
      done = reader->bom_len + reader->pos;
    }
  else
    {
      /* The part of the window not yet parsed, in source bytes at the average rate. */
      guint64 left = reader->win_len - reader->pos;
      guint64 left_src = reader->decoded_dst > 0
                         ? (guint64) ((double) left * reader->decoded_src / reader->decoded_dst)
                         : 0;

      done = reader->src_pos > left_src ? reader->src_pos - left_src : 0;
      if (reader->at_eof && left == 0)
        done = reader->src_len;
    }
  reader->bytes_read = MAX (reader->bytes_read, MIN (done, (guint64) reader->src_len));
}

/* --- header --------------------------------------------------------------------------------- */

/* Picks the delimiter from the first non-blank line: whichever of comma, tab and semicolon
 * occurs most outside quotes; a tie or none goes to the comma. */
static gboolean
sniff_delimiter (EdCsvReader  *reader,
                 GError      **error)
{
  for (;;)
    {
      const char *p = reader->win;
      const char *end = reader->win + reader->win_len;
      guint64 line = 1;
      gsize commas = 0, tabs = 0, semicolons = 0;
      gboolean quoted = FALSE;
      gboolean started = FALSE;

      for (; p < end; p++)
        {
          char c = *p;

          if (c == '"')
            quoted = !quoted;
          else if (quoted)
            {
              if (c == '\n')
                line++;
            }
          else if (c == '\n' || c == '\r')
            {
              if (started)
                break;
              if (c == '\n' || p + 1 == end || p[1] != '\n')
                line++;
            }
          else if (c == ',')
            commas++;
          else if (c == '\t')
            tabs++;
          else if (c == ';')
            semicolons++;

          started = started || (c != '\n' && c != '\r');
        }

      if (p == end && !reader->at_eof)
        {
          if (reader->decode_status != DECODE_OK)
            {
              set_decode_error (reader, error, line);
              return FALSE;
            }
          fetch_more (reader);
          continue;
        }

      if (tabs > commas && tabs >= semicolons)
        reader->delimiter = '\t';
      else if (semicolons > commas && semicolons > tabs)
        reader->delimiter = ';';
      else
        reader->delimiter = ',';
      return TRUE;
    }
}

static char *
loose_key (const char *normalised)
{
  GString *out = g_string_sized_new (strlen (normalised));
  const char *p;

  for (p = normalised; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
read_header (EdCsvReader  *reader,
             GError      **error)
{
  ParseResult result;
  guint i;

  result = read_record (reader, error);
  if (result == PARSE_ERROR)
    return FALSE;
  if (result == PARSE_END)
    {
      reader->failed = TRUE;
      /* Translators: %s is a file name */
      g_set_error (error, ED_CSV_ERROR, ED_CSV_ERROR_EMPTY,
                   _("%s is empty: expected a first line naming the columns"),
                   reader->display_name);
      return FALSE;
    }

  reader->n_columns = reader->n_fields;
  reader->columns = g_new0 (char *, reader->n_columns + 1);
  reader->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->by_loose = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (i = 0; i < reader->n_columns; i++)
    {
      g_autofree char *normalised = NULL;
      char *loose;
      gpointer found;

      if (!ed_csv_reader_get_field_is_valid (reader, i))
        {
          set_line_error (reader, error, ED_CSV_ERROR_ENCODING, reader->record_line,
                          _("the name of column %u is not valid UTF-8 text, though the rest "
                            "of the file is; save the file again as UTF-8"), i + 1);
          return FALSE;
        }
      reader->columns[i] = g_strndup (ed_csv_reader_get_field (reader, i),
                                      ed_csv_reader_get_field_length (reader, i));
      normalised = ed_csv_normalise_name (reader->columns[i]);
      if (normalised[0] == '\0')
        continue;  /* an unnamed column cannot be looked up, so it clashes with nothing */

      /* find_column() matches a name with its underscores dropped too, so two columns equal
       * that way (“surname” and “Sur Name”) are as ambiguous as two named alike: whichever
       * were taken, the other column's values would be dropped without a word. */
      loose = loose_key (normalised);
      if (g_hash_table_lookup_extended (reader->by_loose, loose, NULL, &found))
        {
          guint first = GPOINTER_TO_UINT (found) - 1;
          g_autofree char *a = ed_value_display_text (reader->columns[first]);
          g_autofree char *b = ed_value_display_text (reader->columns[i]);

          g_free (loose);
          if (strcmp (reader->columns[first], reader->columns[i]) == 0)
            set_line_error (reader, error, ED_CSV_ERROR_HEADER, reader->record_line,
                            _("columns %u and %u are both named “%s”; each column needs its "
                              "own name"), first + 1, i + 1, a);
          else
            set_line_error (reader, error, ED_CSV_ERROR_HEADER, reader->record_line,
                            _("columns %u (“%s”) and %u (“%s”) have the same name once case, "
                              "spaces and punctuation are ignored; each column needs its own "
                              "name"), first + 1, a, i + 1, b);
          return FALSE;
        }

      g_hash_table_insert (reader->by_loose, loose, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (reader->by_name, g_steal_pointer (&normalised),
                           GUINT_TO_POINTER (i + 1));
    }

  reader->n_fields = 0;
  return TRUE;
}

/* --- construction --------------------------------------------------------------------------- */

static gboolean
detect_encoding (EdCsvReader  *reader,
                 GError      **error)
{
  const guchar *s = reader->src;
  gsize len = reader->src_len;
  Utf8Scan scan;

  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    {
      reader->encoding = ED_CSV_ENCODING_UTF8;
      reader->has_bom = TRUE;
      reader->bom_len = 3;
      /* Marked as UTF-8: any line that is not is refused by field as it is read. */
      scan_utf8 (s + 3, len - 3, &scan);
      reader->has_invalid_utf8 = scan.n_invalid > 0;
      return TRUE;
    }

  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    {
      reader->encoding = ED_CSV_ENCODING_UTF16LE;
      reader->has_bom = TRUE;
      reader->bom_len = 2;
      return TRUE;
    }
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    {
      reader->encoding = ED_CSV_ENCODING_UTF16BE;
      reader->has_bom = TRUE;
      reader->bom_len = 2;
      return TRUE;
    }
  if (sniff_utf16 (s, len, &reader->encoding))
    return TRUE;

  scan_utf8 (s, len, &scan);
  if (scan.n_invalid == 0)
    {
      reader->encoding = ED_CSV_ENCODING_UTF8;
      return TRUE;
    }
  /* A file with any line that is wholly UTF-8, accents and all, is UTF-8, and its lines that
   * are not (one bad byte, a row pasted from a windows-1252 file) are refused by field as
   * they are read. Re-reading the whole file as windows-1252 instead would garble every
   * accent in it without a word. A file with no such line is windows-1252: some of its
   * text may be well-formed UTF-8 by chance (“É’” is the UTF-8 of “ɒ”), but only beside
   * bytes that are not. */
  if (scan.n_utf8_lines > 0)
    {
      reader->encoding = ED_CSV_ENCODING_UTF8;
      reader->has_invalid_utf8 = TRUE;
      return TRUE;
    }
  reader->encoding = ED_CSV_ENCODING_WINDOWS_1252;
  return TRUE;
}

static EdCsvReader *
reader_new (GBytes            *bytes,
            char              *display_name,
            EdCsvReaderFlags   flags,
            GError           **error)
{
  g_autoptr(EdCsvReader) reader = g_new0 (EdCsvReader, 1);
  gsize len;

  reader->display_name = display_name;
  reader->flags = flags;
  reader->bytes = g_bytes_ref (bytes);
  reader->src = g_bytes_get_data (bytes, &len);
  reader->src_len = len;
  reader->line = 1;
  if (reader->src == NULL)
    reader->src = (const guchar *) "";

  if (!detect_encoding (reader, error))
    return NULL;

  reader->src_pos = reader->bom_len;
  if (reader->encoding == ED_CSV_ENCODING_UTF8)
    {
      reader->win = (const char *) reader->src + reader->bom_len;
      reader->win_len = reader->src_len - reader->bom_len;
      reader->at_eof = TRUE;
    }
  else
    {
      reader->at_eof = reader->src_pos == reader->src_len;
      reserve_decode_buf (reader, 4096);
    }

  if (!sniff_delimiter (reader, error))
    return NULL;
  build_classes (reader);

  if (!read_header (reader, error))
    return NULL;
  update_progress (reader);

  return g_steal_pointer (&reader);
}

/**
 * ed_csv_reader_new_for_bytes:
 * @bytes: the contents of the file
 * @display_name: (nullable): the name to give in messages, usually the file's base name
 * @flags: #EdCsvReaderFlags
 * @error: return location for an %ED_CSV_ERROR
 *
 * Detects the encoding and delimiter of @bytes and reads the header line. The reader keeps
 * a reference to @bytes.
 *
 * Returns: (transfer full) (nullable): a reader positioned before the first record, or %NULL
 *   with @error set: %ED_CSV_ERROR_EMPTY when there is no header, or any other code when the
 *   header cannot be read
 */
EdCsvReader *
ed_csv_reader_new_for_bytes (GBytes            *bytes,
                             const char        *display_name,
                             EdCsvReaderFlags   flags,
                             GError           **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (bytes, g_strdup (display_name != NULL ? display_name : _("The file")),
                     flags, error);
}

/* The whole of @filename, read rather than memory-mapped: a mapped file that another program
 * shortens while it is read kills the process with SIGBUS at the first page past the new
 * end. Read, a change underneath is seen as a size that differs from the one the file had
 * when it was opened, and refused. A register of 300,000 electors is some 50 MB, which the
 * reader held in memory as mapped pages before; the copy costs one pass of read(). */
static GBytes *
read_whole_file (const char  *filename,
                 const char  *display_name,
                 GError     **error)
{
  g_autofree char *data = NULL;
  GStatBuf before, after;
  gsize size, len = 0;
  int fd;
  int saved_errno;

  fd = g_open (filename, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a file name, then why it could not be opened */
                   _("Could not open %s: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &before) != 0)
    {
      saved_errno = errno;
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read %s: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (before.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Could not read %s: it is not a regular file"), display_name);
      return NULL;
    }

  /* One byte more than the size, so a file that grew is seen at once. */
  size = (gsize) before.st_size;
  data = g_malloc (size + 1);
  for (;;)
    {
      gssize n = read (fd, data + len, size + 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          g_close (fd, NULL);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read %s: %s"), display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0 || (len += (gsize) n) == size + 1)
        break;
    }

  if (fstat (fd, &after) != 0)
    after.st_size = -1;
  g_close (fd, NULL);
  if (len != size || after.st_size != before.st_size ||
      after.st_mtime != before.st_mtime)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s changed while it was being read (another program may be writing "
                     "it); wait until it is complete and try again"), display_name);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/**
 * ed_csv_reader_new_for_path:
 * @filename: a file name in the GLib file name encoding
 * @flags: #EdCsvReaderFlags
 * @error: return location for an %ED_CSV_ERROR, or a #GFileError when the file cannot be
 *   opened
 *
 * Like ed_csv_reader_new_for_bytes(), on the file read into memory. Messages name the file by
 * its base name.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
EdCsvReader *
ed_csv_reader_new_for_path (const char        *filename,
                            EdCsvReaderFlags   flags,
                            GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (filename);
  bytes = read_whole_file (filename, display_name, error);
  if (bytes == NULL)
    return NULL;

  return reader_new (bytes, g_steal_pointer (&display_name), flags, error);
}

/**
 * ed_csv_reader_new_for_file:
 * @file: a #GFile
 * @flags: #EdCsvReaderFlags
 * @cancellable: (nullable): a #GCancellable, used when @file is not a local file
 * @error: return location for an %ED_CSV_ERROR, or a #GFileError or #GIOErrorEnum when the
 *   file cannot be read
 *
 * Like ed_csv_reader_new_for_path(). A file with no local path (on a network share reached
 * through GVfs) is read into memory first.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
EdCsvReader *
ed_csv_reader_new_for_file (GFile             *file,
                            EdCsvReaderFlags   flags,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return ed_csv_reader_new_for_path (path, flags, error);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  basename = g_file_get_basename (file);

  return reader_new (bytes, g_filename_display_name (basename != NULL ? basename : "?"),
                     flags, error);
}

/**
 * ed_csv_reader_free:
 * @reader: (nullable): an #EdCsvReader
 *
 * Frees @reader and the copy of its file.
 */
void
ed_csv_reader_free (EdCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->display_name);
  g_bytes_unref (reader->bytes);
  g_free (reader->decode_buf);
  g_free (reader->rec);
  g_free (reader->offs);
  g_strfreev (reader->columns);
  g_clear_pointer (&reader->by_name, g_hash_table_unref);
  g_clear_pointer (&reader->by_loose, g_hash_table_unref);
  g_free (reader);
}

/* --- accessors ------------------------------------------------------------------------------ */

/**
 * ed_csv_reader_get_display_name:
 * @reader: an #EdCsvReader
 *
 * Returns: the name messages give the file: its base name, or the name given to
 *   ed_csv_reader_new_for_bytes()
 */
const char *
ed_csv_reader_get_display_name (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->display_name;
}

/**
 * ed_csv_reader_get_encoding:
 * @reader: an #EdCsvReader
 *
 * Returns: the encoding detected
 */
EdCsvEncoding
ed_csv_reader_get_encoding (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ED_CSV_ENCODING_UTF8);

  return reader->encoding;
}

/**
 * ed_csv_reader_get_encoding_name:
 * @reader: an #EdCsvReader
 *
 * Returns: the name of the encoding detected, as ed_csv_encoding_get_name() gives it
 */
const char *
ed_csv_reader_get_encoding_name (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return ed_csv_encoding_get_name (reader->encoding);
}

/**
 * ed_csv_reader_get_has_bom:
 * @reader: an #EdCsvReader
 *
 * Returns: whether the file starts with a byte-order mark (which is not part of the text)
 */
gboolean
ed_csv_reader_get_has_bom (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->has_bom;
}

/**
 * ed_csv_reader_get_delimiter:
 * @reader: an #EdCsvReader
 *
 * Returns: the delimiter detected from the header line: `,`, `\t` or `;`
 */
char
ed_csv_reader_get_delimiter (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->delimiter;
}

/**
 * ed_csv_reader_get_n_columns:
 * @reader: an #EdCsvReader
 *
 * Returns: the number of fields in the header line
 */
guint
ed_csv_reader_get_n_columns (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_columns;
}

/**
 * ed_csv_reader_get_column_name:
 * @reader: an #EdCsvReader
 * @column: a column index, below ed_csv_reader_get_n_columns()
 *
 * Returns: the name of @column exactly as the header has it (unquoted, not normalised)
 */
const char *
ed_csv_reader_get_column_name (EdCsvReader *reader,
                               guint        column)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (column < reader->n_columns, NULL);

  return reader->columns[column];
}

/**
 * ed_csv_reader_find_column:
 * @reader: an #EdCsvReader
 * @name: a column name, in any case and spacing
 *
 * Finds the column whose name equals @name once both go through ed_csv_normalise_name(), so
 * `Post Code`, `post_code` and `POST-CODE` all find a column headed `Post_Code`. When no
 * name matches that way, underscores are ignored too, so `PostCode` and `ElectorNumberPrefix`
 * find `post_code` and `Elector Number Prefix` (a header in which two columns match one name
 * that way is refused when the reader is made).
 *
 * Returns: the index of the column, or -1 when there is none
 */
int
ed_csv_reader_find_column (EdCsvReader *reader,
                           const char  *name)
{
  g_autofree char *normalised = NULL;
  g_autofree char *loose = NULL;
  gpointer found;

  g_return_val_if_fail (reader != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  normalised = ed_csv_normalise_name (name);
  if (normalised[0] == '\0')
    return -1;
  found = g_hash_table_lookup (reader->by_name, normalised);
  if (found != NULL)
    return (int) GPOINTER_TO_UINT (found) - 1;

  loose = loose_key (normalised);
  found = g_hash_table_lookup (reader->by_loose, loose);
  if (found != NULL)
    return (int) GPOINTER_TO_UINT (found) - 1;
  return -1;
}

/**
 * ed_csv_reader_next:
 * @reader: an #EdCsvReader
 * @error: return location for an %ED_CSV_ERROR
 *
 * Reads the next record. Its fields stay valid until the next call. Records may have fewer
 * or more fields than the header unless the reader was made with
 * %ED_CSV_READER_STRICT_FIELD_COUNT. Once an error has been returned, every later call
 * returns %FALSE.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the file (with @error unset)
 *   or on an error
 */
gboolean
ed_csv_reader_next (EdCsvReader  *reader,
                    GError      **error)
{
  ParseResult result;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader->n_fields = 0;
  if (reader->failed || reader->finished)
    return FALSE;

  result = read_record (reader, error);
  update_progress (reader);
  if (result == PARSE_ERROR)
    return FALSE;
  if (result == PARSE_END)
    {
      reader->finished = TRUE;
      return FALSE;
    }

  reader->n_records++;
  if (reader->has_invalid_utf8 && (reader->flags & ED_CSV_READER_INVALID_TEXT_BY_FIELD) == 0)
    {
      for (guint i = 0; i < reader->n_fields; i++)
        if (!ed_csv_reader_get_field_is_valid (reader, i))
          {
            g_autofree char *column = describe_column (reader, i);

            set_line_error (reader, error, ED_CSV_ERROR_ENCODING, reader->record_line,
                            _("%s is not valid UTF-8 text, though the rest of the file is; "
                              "save the file again as UTF-8"), column);
            reader->n_fields = 0;
            return FALSE;
          }
    }
  if ((reader->flags & ED_CSV_READER_STRICT_FIELD_COUNT) != 0 &&
      reader->n_fields != reader->n_columns)
    {
      set_line_error (reader, error, ED_CSV_ERROR_FIELD_COUNT, reader->record_line,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "%u field, but the header has %u",
                                   "%u fields, but the header has %u",
                                   reader->n_fields),
                      reader->n_fields, reader->n_columns);
      reader->n_fields = 0;
      return FALSE;
    }
  return TRUE;
}

/**
 * ed_csv_reader_get_n_fields:
 * @reader: an #EdCsvReader
 *
 * Returns: the number of fields in the current record, which a short or long row makes
 *   differ from ed_csv_reader_get_n_columns(); 0 when there is no current record
 */
guint
ed_csv_reader_get_n_fields (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_fields;
}

/**
 * ed_csv_reader_get_field:
 * @reader: an #EdCsvReader
 * @field: a field index
 *
 * Returns: (nullable): field @field of the current record as NUL-terminated UTF-8 (not
 *   normalised to NFC), valid until the next ed_csv_reader_next(); %NULL when the record has
 *   no such field
 */
const char *
ed_csv_reader_get_field (EdCsvReader *reader,
                         guint        field)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (field >= reader->n_fields)
    return NULL;
  return reader->rec + reader->offs[field];
}

/**
 * ed_csv_reader_get_field_is_valid:
 * @reader: an #EdCsvReader
 * @field: a field index
 *
 * Whether field @field of the current record is valid text. Only a UTF-8 file some lines of
 * which are not UTF-8 has fields that are not, and only a reader made with
 * %ED_CSV_READER_INVALID_TEXT_BY_FIELD returns them (others fail on the record).
 *
 * Returns: %FALSE when the field is not valid UTF-8; %TRUE otherwise, and for a field the
 *   record does not have
 */
gboolean
ed_csv_reader_get_field_is_valid (EdCsvReader *reader,
                                  guint        field)
{
  g_return_val_if_fail (reader != NULL, TRUE);

  if (!reader->has_invalid_utf8 || field >= reader->n_fields)
    return TRUE;
  return g_utf8_validate_len (reader->rec + reader->offs[field],
                              ed_csv_reader_get_field_length (reader, field), NULL);
}

/**
 * ed_csv_reader_get_field_length:
 * @reader: an #EdCsvReader
 * @field: a field index
 *
 * Returns: the length in bytes of field @field of the current record, or 0 when the record
 *   has no such field
 */
gsize
ed_csv_reader_get_field_length (EdCsvReader *reader,
                                guint        field)
{
  g_return_val_if_fail (reader != NULL, 0);

  if (field >= reader->n_fields)
    return 0;
  return reader->offs[field + 1] - reader->offs[field] - 1;
}

/**
 * ed_csv_reader_get_line:
 * @reader: an #EdCsvReader
 *
 * Returns: the physical line (1-based, the header is line 1) on which the current record
 *   starts; a quoted field with line breaks makes a record span several lines. Before the
 *   first ed_csv_reader_next(), the header's line.
 */
guint64
ed_csv_reader_get_line (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->record_line;
}

/**
 * ed_csv_reader_get_n_records:
 * @reader: an #EdCsvReader
 *
 * Returns: how many records (not counting the header) have been read so far
 */
guint64
ed_csv_reader_get_n_records (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_records;
}

/**
 * ed_csv_reader_get_bytes_read:
 * @reader: an #EdCsvReader
 *
 * How far through the file the reader is, for a progress bar. Exact for UTF-8; for other
 * encodings it is estimated within the piece converted last. It never goes backwards, and
 * equals ed_csv_reader_get_total_bytes() at the end.
 *
 * Returns: the bytes of the file read so far
 */
guint64
ed_csv_reader_get_bytes_read (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->bytes_read;
}

/**
 * ed_csv_reader_get_total_bytes:
 * @reader: an #EdCsvReader
 *
 * Returns: the size of the file in bytes
 */
guint64
ed_csv_reader_get_total_bytes (EdCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->src_len;
}

/* --- names ---------------------------------------------------------------------------------- */

static gboolean
is_name_separator (gunichar c)
{
  return c == '_' || c == '-' || c == '.' || c == '/' || c == '\\' || g_unichar_isspace (c);
}

/**
 * ed_csv_normalise_name:
 * @name: a column name
 *
 * Normalises a column name so that the spellings different systems use compare equal: it
 * is lower-cased and trimmed; each run of spaces, `_`, `-`, `.`, `/` and `\` becomes one
 * `_`; other punctuation and symbols are dropped. So `Elector Number Prefix`,
 * `elector_number_prefix` and ` Elector-Number.Prefix ` all become
 * `elector_number_prefix`, and `Polling Place (Name)` becomes `polling_place_name`.
 * CamelCase is not split, because `PostCode` and `Postcode` must stay equal;
 * ed_csv_reader_find_column() matches `ElectorNumberPrefix` by ignoring underscores instead.
 *
 * Returns: (transfer full): the normalised name, possibly empty
 */
char *
ed_csv_normalise_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean separator = FALSE;
  const char *p;

  g_return_val_if_fail (name != NULL, NULL);

  valid = g_utf8_make_valid (name, -1);
  out = g_string_sized_new (strlen (valid));

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_name_separator (c))
        {
          separator = TRUE;
        }
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (separator && out->len > 0)
            g_string_append_c (out, '_');
          separator = FALSE;
          if (c < 0x80)
            g_string_append_c (out, g_ascii_tolower ((char) c));
          else
            g_string_append_unichar (out, g_unichar_tolower (c));
        }
    }

  return g_string_free (out, FALSE);
}

/* --- writing -------------------------------------------------------------------------------- */

/* CSV injection (OWASP): a spreadsheet opening a file runs a cell that starts with `=`, `+`,
 * `-` or `@` as a formula, and a leading tab or carriage return can hide such a start. Every
 * CSV this program writes may be opened in one, and may hold text a stranger chose (a name on
 * a registration form), so such a cell is written with a single quote before it, and in
 * quotes: the spreadsheet shows the text, quote hidden, and runs nothing. A negative number
 * and nothing else ("-1.270726", a longitude west of Greenwich) is left as it is: a
 * spreadsheet reads it as a number and runs nothing, and the files other systems read (the
 * stations' longitudes for Democracy Club) need it so.
 *
 * A value that already starts with quotes followed by one of those characters gets one
 * more, so that ed_csv_unneutralise() can take exactly one off and every value reads back as
 * it was written, including one that really starts with a quote. */
static gboolean
is_negative_number (const char *value)
{
  const char *p = value + 1;
  gboolean digits = FALSE;

  if (*value != '-')
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.' && digits)
    {
      p++;
      digits = FALSE;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  return digits && *p == '\0';
}

static gboolean
needs_neutralising (const char *value)
{
  while (*value == '\'')
    value++;
  return *value == '=' || *value == '+' || *value == '-' || *value == '@' || *value == '\t' ||
         *value == '\r';
}

/**
 * ed_csv_unneutralise:
 * @value: a field as read from a CSV file
 *
 * Undoes what ed_csv_append_field() does against CSV injection: the single quote it puts
 * before a value starting with `=`, `+`, `-`, `@`, a tab or a carriage return (after any
 * quotes of its own) is taken off. Any other value is returned as it is.
 *
 * Returns: @value, or @value without its first byte
 */
const char *
ed_csv_unneutralise (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (value[0] == '\'' && needs_neutralising (value + 1))
    return value + 1;
  return value;
}

/**
 * ed_csv_append_field:
 * @line: the line being built
 * @value: (nullable): the value; %NULL is written as an empty field
 * @delimiter: the delimiter of the file
 *
 * Appends @value to @line as one CSV field, in quotes (with quote marks doubled) when it
 * holds the delimiter, a quote mark, a line break, or starts or ends with a space or tab,
 * which spreadsheets would otherwise trim. A value a spreadsheet would run as a formula gets
 * a single quote before it, and quotes around it (see needs_neutralising() above; the import
 * takes the quote off with ed_csv_unneutralise()). Does not add a delimiter.
 */
void
ed_csv_append_field (GString    *line,
                     const char *value,
                     char        delimiter)
{
  gsize len;
  gboolean quote;
  gboolean neutralise;
  const char *p;

  g_return_if_fail (line != NULL);

  if (value == NULL || value[0] == '\0')
    return;

  len = strlen (value);
  /* A bare negative number only: one after quotes is neutralised as before, so that
   * ed_csv_unneutralise() still takes exactly one quote off. */
  neutralise = !is_negative_number (value) && needs_neutralising (value);
  quote = neutralise || value[0] == ' ' || value[0] == '\t' || value[len - 1] == ' ' ||
          value[len - 1] == '\t';
  for (p = value; !quote && *p != '\0'; p++)
    quote = *p == delimiter || *p == '"' || *p == '\n' || *p == '\r';

  if (!quote)
    {
      g_string_append_len (line, value, len);
      return;
    }

  g_string_append_c (line, '"');
  if (neutralise)
    g_string_append_c (line, '\'');
  for (p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * ed_csv_append_row:
 * @out: the text being built
 * @values: (array length=n_values) (nullable): the values of the row
 * @n_values: how many values
 * @delimiter: the delimiter of the file
 *
 * Appends one record to @out: the values as ed_csv_append_field() writes them, separated by
 * @delimiter, then CR LF as RFC 4180 asks. A row of one empty value is written as `""`, as a
 * blank line would be skipped by #EdCsvReader.
 */
void
ed_csv_append_row (GString           *out,
                   const char *const *values,
                   gsize              n_values,
                   char               delimiter)
{
  gsize i;

  g_return_if_fail (out != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  if (n_values == 1 && (values[0] == NULL || values[0][0] == '\0'))
    g_string_append (out, "\"\"");
  else
    for (i = 0; i < n_values; i++)
      {
        if (i > 0)
          g_string_append_c (out, delimiter);
        ed_csv_append_field (out, values[i], delimiter);
      }
  g_string_append (out, "\r\n");
}
