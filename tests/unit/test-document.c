/* test-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <gio/gio.h>

#include "print/ed-document-private.h"
#include "ed-test-dir.h"
#include "ed-test-pdf.h"

static const char * const headings[] = { "Number", "Marker", "Name", "Address" };
static const double widths[] = { 0.12, 0.06, 0.32, 0.5 };

static EdDocument *
new_document (void)
{
  EdDocument *document = ed_document_new ("Borsetshire District Council", "Felpersham",
                                          "Register of electors");

  ed_document_set_subtitle (document, "Published 1 December 2026");
  ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
  return document;
}

static void
add_rows (EdDocument *document,
          guint       n,
          gboolean    long_addresses)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("AA%u", i + 1);
      g_autofree char *name = g_strdup_printf ("Archer, Jill %u", i + 1);
      g_autofree char *address =
        long_addresses
          ? g_strdup_printf ("Flat %u, The Old Granary Buildings, %u Long Meadow Lane, Lower "
                             "Loxley, Felpersham, Borsetshire FX1 2AB, by the village green "
                             "opposite the church",
                             i + 1, i + 1)
          : g_strdup_printf ("%u Mill Lane, Felpersham FX1 2AB", i + 1);
      const char *cells[] = { number, i % 7 == 0 ? "G" : "", name, address };

      ed_document_add_row (document, cells);
    }
}

/* Every item within the page's body, and each row on exactly one page. */
static void
assert_rows_whole (EdDocument *document,
                   guint       n_pages,
                   guint       n_blocks)
{
  g_autofree guint *seen = g_new0 (guint, n_blocks);
  double top, bottom;

  _ed_document_get_body (document, &top, &bottom);
  for (guint page = 0; page < n_pages; page++)
    {
      guint n_items = _ed_document_get_n_items (document, page);
      double last_bottom = top;

      g_assert_cmpuint (n_items, >, 0);
      for (guint i = 0; i < n_items; i++)
        {
          EdDocumentItem item;

          _ed_document_get_item (document, page, i, &item);
          g_assert_cmpfloat (item.top, >=, last_bottom - 0.001);
          g_assert_cmpfloat (item.bottom, <=, bottom + 0.001);
          g_assert_cmpfloat (item.bottom, >, item.top);
          last_bottom = item.bottom;
          if (item.kind == _ED_DOCUMENT_ITEM_ROW)
            {
              g_assert_cmpuint (item.block, <, n_blocks);
              seen[item.block]++;
            }
        }
    }
  for (guint i = 0; i < n_blocks; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_rows_never_split (void)
{
  g_autoptr(EdDocument) document = new_document ();
  guint n_pages;

  /* Narrow address column and long addresses: rows of several lines, which must move whole
   * to the next page rather than straddle the foot of one. */
  add_rows (document, 400, TRUE);
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >, 1);
  assert_rows_whole (document, n_pages, 400);
}

static void
test_pages_grow_with_rows (void)
{
  g_autoptr(EdDocument) one = new_document ();
  g_autoptr(EdDocument) some = new_document ();
  g_autoptr(EdDocument) many = new_document ();
  g_autoptr(EdDocument) tall = new_document ();
  guint n_one, n_some, n_many, n_tall;

  add_rows (one, 1, FALSE);
  add_rows (some, 200, FALSE);
  add_rows (many, 2000, FALSE);
  add_rows (tall, 200, TRUE);
  n_one = ed_document_paginate (one, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  n_some = ed_document_paginate (some, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  n_many = ed_document_paginate (many, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  n_tall = ed_document_paginate (tall, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);

  g_assert_cmpuint (n_one, ==, 1);
  g_assert_cmpuint (n_some, >, n_one);
  /* Ten times the rows: about ten times the pages. */
  g_assert_cmpuint (n_many, >=, 9 * n_some);
  g_assert_cmpuint (n_many, <=, 11 * n_some);
  /* Rows that wrap take more room than rows that do not. */
  g_assert_cmpuint (n_tall, >, n_some);
  /* A smaller page holds fewer rows. */
  g_assert_cmpuint (ed_document_paginate (many, ED_DOCUMENT_A4_WIDTH, 600.0), >, n_many);
}

/* A row of a form filled in by hand (the corresponding number list) is 7 mm high, room for a
 * number written with a pen: A4's body holds no more than 34 of them, fewer than it holds of
 * plain rows. */
static void
test_write_in_rows (void)
{
  g_autoptr(EdDocument) plain = new_document ();
  g_autoptr(EdDocument) write_in = new_document ();
  guint n_plain, n_write_in;

  add_rows (plain, 340, FALSE);
  for (guint i = 0; i < 340; i++)
    {
      g_autofree char *number = g_strdup_printf ("AA%u", i + 1);
      const char *cells[] = { number, "", "", "" };

      ed_document_add_row_styled (write_in, cells, ED_DOCUMENT_ROW_WRITE_IN);
    }
  n_plain = ed_document_paginate (plain, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  n_write_in = ed_document_paginate (write_in, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_write_in, >=, 10);
  g_assert_cmpuint (n_write_in, >, n_plain);
}

static void
test_headings_start_pages (void)
{
  g_autoptr(EdDocument) document = new_document ();
  guint n_pages;
  guint n_level_1 = 0;

  for (guint part = 0; part < 5; part++)
    {
      g_autofree char *heading = g_strdup_printf ("Polling district A%c", 'A' + part);

      ed_document_add_heading (document, 1, heading);
      ed_document_add_heading (document, 2, "Mill Lane");
      /* The first part fits on a page; the others run over. */
      add_rows (document, part == 0 ? 5 : 70, FALSE);
    }
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 9);

  for (guint page = 0; page < n_pages; page++)
    {
      guint n_items = _ed_document_get_n_items (document, page);
      EdDocumentItem item;

      _ed_document_get_item (document, page, 0, &item);
      if (page == 0)
        g_assert_cmpint (item.kind, ==, _ED_DOCUMENT_ITEM_HEADING);
      /* Column headings open every page that does not open with a heading. */
      if (item.kind != _ED_DOCUMENT_ITEM_HEADING)
        g_assert_cmpint (item.kind, ==, _ED_DOCUMENT_ITEM_COLUMN_HEADINGS);

      for (guint i = 0; i < n_items; i++)
        {
          _ed_document_get_item (document, page, i, &item);
          if (item.kind == _ED_DOCUMENT_ITEM_HEADING && item.level == 1)
            {
              g_assert_cmpuint (i, ==, 0);
              n_level_1++;
            }
          /* After a heading, the column headings come again before the rows. */
          if (item.kind == _ED_DOCUMENT_ITEM_HEADING && item.level == 2)
            {
              EdDocumentItem next;

              g_assert_cmpuint (i + 1, <, n_items);
              _ed_document_get_item (document, page, i + 1, &next);
              g_assert_cmpint (next.kind, ==, _ED_DOCUMENT_ITEM_COLUMN_HEADINGS);
            }
        }
    }
  g_assert_cmpuint (n_level_1, ==, 5);
}

static void
test_paragraph_splits_between_lines (void)
{
  g_autoptr(EdDocument) document = new_document ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_pages;
  guint n_slices = 0;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "The register is published on the first of December each year. ");
  ed_document_add_paragraph (document, text->str);
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_pages, >, 1);
  for (guint page = 0; page < n_pages; page++)
    {
      g_assert_cmpuint (_ed_document_get_n_items (document, page), ==, 1);
      n_slices++;
    }
  g_assert_cmpuint (n_slices, ==, n_pages);
}

static void
test_write_pdf (EdTestDir     *fixture,
                gconstpointer  data)
{
  g_autoptr(EdDocument) document = new_document ();
  g_autofree char *path = ed_test_dir_file (fixture, "register.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *odd[] = { "AA9999", "", "Ó Súilleabháin, Siân", "Tŷ Gwyn, 2 Heol y Llan" };
  gsize length = 0;

  ed_document_add_heading (document, 1, "AA — Felpersham North");
  ed_document_add_paragraph (document, "Entries in street order.");
  add_rows (document, 150, FALSE);
  ed_document_add_row (document, odd);
  g_assert_true (ed_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  text = ed_test_pdf_text (path, "-layout", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Borsetshire District Council"));
  g_assert_nonnull (strstr (text, "Register of electors"));
  g_assert_nonnull (strstr (text, "Archer, Jill 42"));
  g_assert_nonnull (strstr (text, "Ó Súilleabháin, Siân"));
  g_assert_nonnull (strstr (text, "Page 1 of 4"));
  g_assert_nonnull (strstr (text, "Page 4 of 4"));
}

static void
test_write_pdf_failure_keeps_nothing (EdTestDir     *fixture,
                                      gconstpointer  data)
{
  g_autoptr(EdDocument) document = new_document ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "register.pdf", NULL);
  g_autoptr(GError) error = NULL;

  add_rows (document, 3, FALSE);
  g_assert_false (ed_document_write_pdf (document, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_reports;
  double        last_fraction;
} Writing;

static void
cancel_on_second_page_cb (double      fraction,
                         const char *text,
                         gpointer    user_data)
{
  Writing *writing = user_data;

  g_assert_cmpfloat (fraction, >=, writing->last_fraction);
  g_assert_true (g_str_has_prefix (text, "Writing page "));
  writing->last_fraction = fraction;
  if (++writing->n_reports == 2)
    g_cancellable_cancel (writing->cancellable);
}

/* Stopped half way, a PDF leaves what was at its path as it was: nothing, or the file there
 * before. */
static void
test_write_pdf_cancelled (EdTestDir     *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdDocument) document = new_document ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = ed_test_dir_file (fixture, "register.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Writing writing = { cancellable, 0, 0.0 };
  guint n_pages = 0;

  add_rows (document, 150, FALSE);
  g_assert_false (ed_document_write_pdf_full (document, path, cancel_on_second_page_cb,
                                              &writing, cancellable, &n_pages, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (writing.n_reports, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "the register before", -1, &error));
  g_cancellable_reset (cancellable);
  writing.n_reports = 0;
  writing.last_fraction = 0.0;
  g_assert_false (ed_document_write_pdf_full (document, path, cancel_on_second_page_cb,
                                              &writing, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the register before");
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_clear_error (&error);

  /* Left alone, it reports every page, and says how many it wrote. */
  writing.cancellable = NULL;
  writing.n_reports = 0;
  writing.last_fraction = 0.0;
  g_assert_true (ed_document_write_pdf_full (document, path, cancel_on_second_page_cb, &writing,
                                             NULL, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (writing.n_reports, ==, n_pages);
  ed_test_dir_assert_no_temporaries (fixture->dir);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_draw_any_page_size (void)
{
  g_autoptr(EdDocument) document = new_document ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cairo_t *cr = cairo_create (surface);
  guint n_pages;

  /* US Letter, as a print dialog may ask for. */
  add_rows (document, 120, TRUE);
  n_pages = ed_document_paginate (document, 612, 792);
  g_assert_cmpuint (n_pages, >, 1);
  assert_rows_whole (document, n_pages, 120);
  for (guint page = 0; page < n_pages; page++)
    ed_document_draw_page (document, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A figure that paints all it may in red: cairo_paint() reaches as far as the clip lets it. */
typedef struct
{
  guint  n_draws;
  double width;
  double height;
} RedFigure;

static void
draw_red (cairo_t *cr,
          double   width,
          double   height,
          gpointer data)
{
  RedFigure *figure = data;

  figure->n_draws++;
  figure->width = width;
  figure->height = height;
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
}

/* Whether the pixel at (x, y) points of page is red, drawn at a point a pixel. */
static gboolean
page_is_red_at (EdDocument *document,
                guint       page,
                double      x,
                double      y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int)ED_DOCUMENT_A4_WIDTH,
                                                         (int)ED_DOCUMENT_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ed_document_draw_page (document, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) +
                       (int)y * cairo_image_surface_get_stride (surface) + 4 * (int)x);
  cairo_surface_destroy (surface);
  return (pixel & 0xffffff) == 0xff0000;
}

/* The page and item a block was placed as. */
static gboolean
find_block (EdDocument     *document,
            guint           n_pages,
            guint           block,
            guint          *out_page,
            EdDocumentItem *out_item)
{
  for (guint page = 0; page < n_pages; page++)
    for (guint i = 0; i < _ed_document_get_n_items (document, page); i++)
      {
        _ed_document_get_item (document, page, i, out_item);
        if (out_item->block == block)
          {
            *out_page = page;
            return TRUE;
          }
      }
  return FALSE;
}

static void
test_figure_drawn_where_placed (void)
{
  g_autoptr(EdDocument) document = new_document ();
  RedFigure fits = { 0 }, moves = { 0 };
  EdDocumentItem item;
  double top, bottom, middle_x = ED_DOCUMENT_A4_WIDTH / 2;
  guint n_pages, page = G_MAXUINT;

  /* A short table, a figure that fits under it, then one too tall for what is left. */
  add_rows (document, 5, FALSE);
  ed_document_add_figure (document, 200, draw_red, &fits, NULL);
  ed_document_add_figure (document, 450, draw_red, &moves, NULL);
  ed_document_add_paragraph (document, "After the figures.");
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  _ed_document_get_body (document, &top, &bottom);
  g_assert_cmpuint (n_pages, ==, 2);

  g_assert_true (find_block (document, n_pages, 5, &page, &item));
  g_assert_cmpint (item.kind, ==, _ED_DOCUMENT_ITEM_FIGURE);
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpfloat_with_epsilon (item.bottom - item.top, 200, 0.01);
  g_assert_true (find_block (document, n_pages, 6, &page, &item));
  g_assert_cmpint (item.kind, ==, _ED_DOCUMENT_ITEM_FIGURE);
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat_with_epsilon (item.top, top, 0.01);
  g_assert_cmpfloat_with_epsilon (item.bottom - item.top, 450, 0.01);
  g_assert_true (find_block (document, n_pages, 7, &page, &item));
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat (item.top, >, top + 450);

  /* Each is drawn on its own page only, the page's text width wide, and inside its box. */
  g_assert_true (find_block (document, n_pages, 5, &page, &item));
  g_assert_true (page_is_red_at (document, 0, middle_x, (item.top + item.bottom) / 2));
  g_assert_false (page_is_red_at (document, 0, middle_x, item.top - 2));
  g_assert_false (page_is_red_at (document, 0, middle_x, item.bottom + 2));
  g_assert_false (page_is_red_at (document, 0, 20, (item.top + item.bottom) / 2));
  g_assert_cmpuint (fits.n_draws, ==, 4);
  g_assert_cmpuint (moves.n_draws, ==, 0);
  g_assert_true (page_is_red_at (document, 1, middle_x, top + 200));
  g_assert_false (page_is_red_at (document, 1, middle_x, top + 500));
  g_assert_cmpuint (moves.n_draws, ==, 2);
  g_assert_cmpuint (fits.n_draws, ==, 4);
  g_assert_cmpfloat_with_epsilon (fits.width, ED_DOCUMENT_A4_WIDTH - 2 * 48.0, 0.01);
  g_assert_cmpfloat_with_epsilon (moves.height, 450, 0.01);
}

/* Ink on a page drawn at a point a pixel: how many pixels in a box are darker than a grey
 * level, and the first and last column that has one. */
typedef struct
{
  guint n;
  int   first_x;
  int   last_x;
} Ink;

static cairo_surface_t *
draw_page_image (EdDocument *document,
                 guint       page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int)ED_DOCUMENT_A4_WIDTH,
                                                         (int)ED_DOCUMENT_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ed_document_draw_page (document, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Ink
ink_in (cairo_surface_t *surface,
        double           x0,
        double           x1,
        double           y0,
        double           y1,
        guint            darker_than)
{
  Ink ink = { 0, G_MAXINT, -1 };
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = (int)y0; y < (int)y1; y++)
    for (int x = (int)x0; x < (int)x1; x++)
      {
        guint32 pixel = *(guint32 *)(data + y * stride + 4 * x);

        if ((pixel & 0xff) < darker_than)
          {
            ink.n++;
            ink.first_x = MIN (ink.first_x, x);
            ink.last_x = MAX (ink.last_x, x);
          }
      }
  return ink;
}

/* Amounts line up against the end of their column, heading and cells, plain ASCII and shaped
 * text alike; a total is drawn bold, under a rule, and says so to a test. */
static void
test_end_aligned_and_totals (void)
{
  g_autoptr(EdDocument) document = ed_document_new ("Council", "District", "Account");
  static const char * const heads[] = { "Item", "Amount" };
  static const double shares[] = { 0.5, 0.5 };
  const char *shaped[] = { "Premises", "£100.00" };
  const char *plain[] = { "Premises", "100.00" };
  const char *total[] = { "Premises", "100.00" };
  double column_start = 48.0 + (ED_DOCUMENT_A4_WIDTH - 96.0) / 2;
  double column_end = ED_DOCUMENT_A4_WIDTH - 48.0;
  cairo_surface_t *surface;
  EdDocumentItem items[4];
  Ink plain_ink = { 0 }, total_ink = { 0 };
  guint page = 0, level = 0;

  ed_document_set_columns (document, heads, shares, G_N_ELEMENTS (heads));
  ed_document_set_column_end_aligned (document, 1);
  ed_document_add_row (document, shaped);
  ed_document_add_row (document, plain);
  ed_document_add_row_styled (document, total, ED_DOCUMENT_ROW_TOTAL);
  g_assert_cmpuint (ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT),
                    ==, 1);
  g_assert_cmpint (_ed_document_get_block (document, 1, &level), ==, _ED_DOCUMENT_ITEM_ROW);
  g_assert_cmpuint (level, ==, ED_DOCUMENT_ROW_PLAIN);
  g_assert_cmpint (_ed_document_get_block (document, 2, &level), ==, _ED_DOCUMENT_ITEM_ROW);
  g_assert_cmpuint (level, ==, ED_DOCUMENT_ROW_TOTAL);

  g_assert_cmpuint (_ed_document_get_n_items (document, 0), ==, 4);
  for (guint i = 0; i < 4; i++)
    _ed_document_get_item (document, 0, i, &items[i]);
  g_assert_cmpint (items[0].kind, ==, _ED_DOCUMENT_ITEM_COLUMN_HEADINGS);
  g_assert_cmpuint (items[3].level, ==, ED_DOCUMENT_ROW_TOTAL);

  surface = draw_page_image (document, page);
  /* The heading and each amount end near the column's end, nowhere near its start; the
   * items start at theirs. */
  for (guint i = 0; i < 4; i++)
    {
      Ink amount = ink_in (surface, column_start, column_end, items[i].top + 2,
                           items[i].bottom - 1, 0x80);
      Ink item = ink_in (surface, 48.0, column_start, items[i].top + 2, items[i].bottom - 1,
                         0x80);

      g_assert_cmpuint (amount.n, >, 0);
      g_assert_cmpint (amount.first_x, >, (column_start + column_end) / 2);
      g_assert_cmpint (amount.last_x, >, column_end - 12);
      g_assert_cmpint (item.first_x, <, 48 + 12);
      if (i == 2)
        plain_ink = item;
      if (i == 3)
        total_ink = item;
    }
  /* The same word, bold, has more ink. */
  g_assert_cmpuint (total_ink.n, >, plain_ink.n);
  /* And a rule above it across the table. */
  g_assert_cmpuint (ink_in (surface, column_start - 20, column_start - 10, items[3].top,
                            items[3].top + 1.5, 0xc0).n, >, 0);
  g_assert_cmpuint (ink_in (surface, column_start - 20, column_start - 10, items[2].top,
                            items[2].top + 1.5, 0xc0).n, ==, 0);
  cairo_surface_destroy (surface);
}

/* A heading that keeps its short table goes to the next page with it rather than leave the
 * table split; a plain heading keeps only the first row. Tried after every length of table
 * before it, so that the end of the page falls at every place in the pair. */
static void
test_heading_keeps_its_table (void)
{
  gboolean plain_split = FALSE;

  for (guint filler = 40; filler < 80; filler++)
    for (guint keeping = 0; keeping < 2; keeping++)
      {
        g_autoptr(EdDocument) document = new_document ();
        guint n_pages, heading_page = G_MAXUINT, last_page = G_MAXUINT;
        EdDocumentItem item;

        add_rows (document, filler, FALSE);
        ed_document_add_heading (document, 2, "Summary");
        add_rows (document, 7, FALSE);
        if (keeping)
          ed_document_keep_with_heading (document);
        ed_document_add_paragraph (document, "After the summary.");
        n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
        g_assert_true (find_block (document, n_pages, filler, &heading_page, &item));
        g_assert_cmpint (item.kind, ==, _ED_DOCUMENT_ITEM_HEADING);
        g_assert_true (find_block (document, n_pages, filler + 7, &last_page, &item));
        if (keeping)
          g_assert_cmpuint (heading_page, ==, last_page);
        else
          plain_split |= heading_page != last_page;
      }
  /* The control: without keeping, some length splits the table. */
  g_assert_true (plain_split);
}

static void
test_figure_fills_the_page (void)
{
  g_autoptr(EdDocument) document = new_document ();
  RedFigure rest = { 0 }, whole = { 0 }, tall = { 0 };
  EdDocumentItem item;
  double top, bottom;
  guint n_pages, page = G_MAXUINT;

  ed_document_add_heading (document, 1, "Maps");
  ed_document_add_paragraph (document, "The council as a whole, then each district.");
  ed_document_add_figure (document, ED_DOCUMENT_FIGURE_FILL, draw_red, &rest, NULL);
  ed_document_add_figure (document, ED_DOCUMENT_FIGURE_FILL, draw_red, &whole, NULL);
  /* Taller than a page: as tall as one. */
  ed_document_add_figure (document, 5000, draw_red, &tall, NULL);
  n_pages = ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  _ed_document_get_body (document, &top, &bottom);
  g_assert_cmpuint (n_pages, ==, 3);

  /* The rest of the first page under the heading and paragraph. */
  g_assert_true (find_block (document, n_pages, 2, &page, &item));
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpfloat (item.top, >, top + 20);
  g_assert_cmpfloat_with_epsilon (item.bottom, bottom, 0.01);
  g_assert_true (page_is_red_at (document, 0, 100, bottom - 2));
  g_assert_false (page_is_red_at (document, 0, 100, bottom + 2));
  /* Then whole pages. */
  for (guint block = 3; block <= 4; block++)
    {
      g_assert_true (find_block (document, n_pages, block, &page, &item));
      g_assert_cmpuint (page, ==, block - 2);
      g_assert_cmpfloat_with_epsilon (item.top, top, 0.01);
      g_assert_cmpfloat_with_epsilon (item.bottom, bottom, 0.01);
    }
  g_assert_null (_ed_document_get_text (document, 2, 0));
}

static void
count_destroy (gpointer data)
{
  (*(guint *)data)++;
}

/* A figure's data is the document's: freed with it, once, drawn or not. */
static void
test_figure_data_freed (void)
{
  EdDocument *document = new_document ();
  guint n_destroyed = 0, n_destroyed_unused = 0;

  ed_document_add_figure (document, 100, draw_red, g_new0 (RedFigure, 1), g_free);
  ed_document_add_figure (document, 100, draw_red, &n_destroyed, count_destroy);
  ed_document_add_figure (document, 100, draw_red, &n_destroyed_unused, count_destroy);
  ed_document_paginate (document, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (n_destroyed, ==, 0);
  ed_document_free (document);
  g_assert_cmpuint (n_destroyed, ==, 1);
  g_assert_cmpuint (n_destroyed_unused, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/document/rows-never-split", test_rows_never_split);
  g_test_add_func ("/print/document/pages-grow-with-rows", test_pages_grow_with_rows);
  g_test_add_func ("/print/document/write-in-rows", test_write_in_rows);
  g_test_add_func ("/print/document/headings-start-pages", test_headings_start_pages);
  g_test_add_func ("/print/document/paragraph-splits-between-lines",
                   test_paragraph_splits_between_lines);
  g_test_add_func ("/print/document/draw-any-page-size", test_draw_any_page_size);
  g_test_add_func ("/print/document/figure-drawn-where-placed", test_figure_drawn_where_placed);
  g_test_add_func ("/print/document/figure-fills-the-page", test_figure_fills_the_page);
  g_test_add_func ("/print/document/end-aligned-and-totals", test_end_aligned_and_totals);
  g_test_add_func ("/print/document/heading-keeps-its-table", test_heading_keeps_its_table);
  g_test_add_func ("/print/document/figure-data-freed", test_figure_data_freed);
  ED_TEST_ADD ("/print/document/write-pdf", test_write_pdf);
  ED_TEST_ADD ("/print/document/write-pdf-failure-keeps-nothing",
               test_write_pdf_failure_keeps_nothing);
  ED_TEST_ADD ("/print/document/write-pdf-cancelled", test_write_pdf_cancelled);

  status = g_test_run ();
  return status;
}
