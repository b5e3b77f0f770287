/* ed-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Documents drawn with Cairo and Pango. A document is a flat list of blocks (headings,
 * paragraphs, table rows, page breaks, figures its caller draws) whose strings live in one
 * string chunk, so that a register of a million entries costs a few allocations rather than
 * millions. Pagination
 * measures every block once for the page width and records where each lands; drawing a page
 * replays those placements. One PangoLayout per style is reused for every cell, and a cell
 * of plain ASCII that is clearly narrower than its column is measured from a table of
 * character advances instead of being shaped, which is what makes a 20,000-page register
 * paginate in seconds. Metrics hinting is off, so a PDF and a print of the same document
 * break their pages in the same places. */

#define G_LOG_DOMAIN "ed-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "print/ed-document-private.h"

/* The families tried in order; fontconfig falls back further for missing glyphs. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* Geometry in points. */
#define MARGIN_SIDE     48.0
#define MARGIN_TOP      34.0
#define MARGIN_BOTTOM   30.0
#define HEADER_HEIGHT   34.0  /* two lines of running header and the rule under them */
#define HEADER_GAP      14.0
#define FOOTER_HEIGHT   22.0
#define COLUMN_GAP      8.0
#define ROW_PAD         1.8
#define HEADS_PAD       3.0
#define HEADING_BEFORE  12.0
#define HEADING_AFTER   6.0
#define PARAGRAPH_AFTER 6.0
/* Above the rows of a table with no headings: room, and a rule to start it. */
#define HEADLESS_TOP    4.0
#define FIGURE_AFTER    8.0
/* Above a total's cells: room for the rule that sets it off from the rows it adds. */
#define TOTAL_TOP       2.0
/* A row written in by hand: 7 mm, the ruling of a form filled in with a pen. */
#define WRITE_IN_HEIGHT 19.8

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ROW,
  BLOCK_PAGE_BREAK,
  BLOCK_FIGURE,
} BlockKind;

typedef struct
{
  guint8  kind;
  guint8  level;     /* headings; rows: their EdDocumentRowStyle */
  guint16 n_lines;   /* paragraphs: lines, as measured; headings: blocks kept with them */
  guint32 columns;   /* rows: index into self->column_sets */
  guint32 text;      /* index into self->texts: the text, or a row's first cell; figures:
                      * index into self->figures */
  float   height;    /* as measured (figures: as placed) by the last pagination */
} Block;

typedef struct
{
  char   **headings;
  double  *widths;     /* shares as given */
  gboolean *end_aligned;
  guint    n_columns;
  double  *x;          /* offsets from the left margin, for the last pagination */
  double  *w;          /* text widths, for the last pagination */
  double   heads_height;
  gboolean headless;   /* every heading empty: a rule, not a bar */
} ColumnSet;

typedef struct
{
  double              height; /* as asked for: points, or ED_DOCUMENT_FIGURE_FILL */
  EdDocumentDrawFunc  draw;
  gpointer            data;
  GDestroyNotify      destroy;
} Figure;

typedef enum
{
  PLACE_BLOCK,
  PLACE_COLUMN_HEADS,
} PlaceKind;

typedef struct
{
  guint32 block;
  guint8  what;
  guint16 first_line; /* paragraphs split over pages: the slice on this page */
  guint16 n_lines;    /* 0: the whole block */
  float   y;
} Placement;

typedef struct
{
  PangoContext *context;
  PangoLayout  *cell;
  PangoLayout  *cell_bold;
  PangoLayout  *heads;
  PangoLayout  *heading1;
  PangoLayout  *heading2;
  PangoLayout  *paragraph;
  PangoLayout  *header_bold;
  PangoLayout  *header_light;
  PangoLayout  *footer;
  PangoLayout  *footer_title;
  /* Shaped layouts, each a copy of one of the styles above holding one text at one width
   * and alignment: a run of letters or notices repeats the same paragraphs, headings and
   * running heads page after page, and shaping them is most of what a page costs. Keyed by
   * layout_key(); emptied when it grows past LAYOUT_CACHE_SIZE. */
  GHashTable   *layouts;
  /* Plain ASCII in the cell font, set from these tables without shaping. */
  cairo_scaled_font_t *cell_font;
  int           ascii_width[128]; /* advances, Pango units; 0 when not in cell_font */
  unsigned long ascii_glyph[128];
  int           cell_line_height; /* Pango units */
  int           cell_baseline;    /* Pango units */
  GArray       *glyphs;           /* cairo_glyph_t: a page's plain cells */
  GArray       *row_rules;        /* double: where a page's rows end */
} Styles;

struct _EdDocument
{
  char         *council;
  char         *district;
  char         *title;
  char         *subtitle;

  GStringChunk *chunk;
  GPtrArray    *texts;       /* const char *, owned by chunk */
  GArray       *blocks;      /* Block */
  GPtrArray    *column_sets; /* ColumnSet */
  GArray       *figures;     /* Figure */

  /* The last pagination. */
  double        page_width;
  double        page_height;
  GArray       *placements;  /* Placement */
  GArray       *pages;       /* guint: each page's first placement */
  Styles       *styles;
};

static void
column_set_free (ColumnSet *set)
{
  g_strfreev (set->headings);
  g_free (set->widths);
  g_free (set->end_aligned);
  g_free (set->x);
  g_free (set->w);
  g_free (set);
}

static void
figure_clear (gpointer data)
{
  Figure *figure = data;

  if (figure->destroy != NULL)
    figure->destroy (figure->data);
}

static void
styles_free (Styles *styles)
{
  if (styles == NULL)
    return;
  g_clear_object (&styles->cell);
  g_clear_object (&styles->cell_bold);
  g_clear_object (&styles->heads);
  g_clear_object (&styles->heading1);
  g_clear_object (&styles->heading2);
  g_clear_object (&styles->paragraph);
  g_clear_object (&styles->header_bold);
  g_clear_object (&styles->header_light);
  g_clear_object (&styles->footer);
  g_clear_object (&styles->footer_title);
  g_clear_pointer (&styles->layouts, g_hash_table_unref);
  g_clear_object (&styles->context);
  g_clear_pointer (&styles->cell_font, cairo_scaled_font_destroy);
  g_clear_pointer (&styles->glyphs, g_array_unref);
  g_clear_pointer (&styles->row_rules, g_array_unref);
  g_free (styles);
}

static double body_top (void);

/**
 * ed_document_get_body_origin:
 * @out_x: (out): the body's left edge, points from the page's left edge
 * @out_y: (out): the body's top, points from the page's top edge
 *
 * Where the body of every page starts: the origin of a figure that comes first on its page.
 */
void
ed_document_get_body_origin (double *out_x,
                             double *out_y)
{
  *out_x = MARGIN_SIDE;
  *out_y = body_top ();
}

/**
 * ed_document_new:
 * @council: the council's name, for the running header
 * @district: the district's name, for the running header
 * @title: the document's title
 *
 * Returns: (transfer full): a new empty document
 */
EdDocument *
ed_document_new (const char *council,
                 const char *district,
                 const char *title)
{
  EdDocument *self = g_new0 (EdDocument, 1);

  self->council = g_strdup (council != NULL ? council : "");
  self->district = g_strdup (district != NULL ? district : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->chunk = g_string_chunk_new (64 * 1024);
  self->texts = g_ptr_array_new ();
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  self->column_sets = g_ptr_array_new_with_free_func ((GDestroyNotify)column_set_free);
  self->figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  g_array_set_clear_func (self->figures, figure_clear);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
ed_document_free (EdDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->council);
  g_free (self->district);
  g_free (self->title);
  g_free (self->subtitle);
  g_string_chunk_free (self->chunk);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->column_sets);
  g_array_unref (self->figures);
  g_array_unref (self->placements);
  g_array_unref (self->pages);
  styles_free (self->styles);
  g_free (self);
}

const char *
ed_document_get_title (EdDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

void
ed_document_set_subtitle (EdDocument *self,
                          const char *subtitle)
{
  g_return_if_fail (self != NULL);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

static guint32
add_text (EdDocument *self,
          const char *text)
{
  /* Invalid UTF-8 would make Pango warn on every draw; show it replaced instead. */
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      g_ptr_array_add (self->texts, g_string_chunk_insert_const (self->chunk, valid));
    }
  else if (text[0] == '\0')
    g_ptr_array_add (self->texts, (gpointer)"");
  else
    g_ptr_array_add (self->texts, g_string_chunk_insert (self->chunk, text));
  return self->texts->len - 1;
}

static void
add_block (EdDocument *self,
           BlockKind   kind,
           guint       level,
           guint32     text)
{
  Block block = { 0, };

  block.kind = kind;
  block.level = level;
  block.text = text;
  block.columns = self->column_sets->len > 0 ? self->column_sets->len - 1 : 0;
  g_array_append_val (self->blocks, block);
}

void
ed_document_set_columns (EdDocument         *self,
                         const char * const *headings,
                         const double       *widths,
                         guint               n_columns)
{
  ColumnSet *set;

  g_return_if_fail (self != NULL);
  g_return_if_fail (headings != NULL && widths != NULL && n_columns > 0);

  set = g_new0 (ColumnSet, 1);
  set->headings = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    set->headings[i] = g_strdup (headings[i] != NULL ? headings[i] : "");
  set->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  set->end_aligned = g_new0 (gboolean, n_columns);
  set->n_columns = n_columns;
  set->x = g_new0 (double, n_columns);
  set->w = g_new0 (double, n_columns);
  g_ptr_array_add (self->column_sets, set);
}

void
ed_document_set_column_end_aligned (EdDocument *self,
                                    guint       column)
{
  ColumnSet *set;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->column_sets->len > 0);

  set = g_ptr_array_index (self->column_sets, self->column_sets->len - 1);
  g_return_if_fail (column < set->n_columns);
  set->end_aligned[column] = TRUE;
}

void
ed_document_add_heading (EdDocument *self,
                         guint       level,
                         const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (level == 1 || level == 2);
  add_block (self, BLOCK_HEADING, level, add_text (self, text));
}

void
ed_document_keep_with_heading (EdDocument *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = self->blocks->len; i > 0; i--)
    {
      Block *block = &g_array_index (self->blocks, Block, i - 1);

      if (block->kind == BLOCK_HEADING)
        {
          block->n_lines = MIN (self->blocks->len - i, G_MAXUINT16);
          return;
        }
    }
}

void
ed_document_add_paragraph (EdDocument *self,
                           const char *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_PARAGRAPH, 0, add_text (self, text));
}

void
ed_document_add_row_styled (EdDocument         *self,
                            const char * const *cells,
                            EdDocumentRowStyle  style)
{
  ColumnSet *set;
  guint32 first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->column_sets->len > 0);
  g_return_if_fail (style == ED_DOCUMENT_ROW_PLAIN || style == ED_DOCUMENT_ROW_TOTAL ||
                    style == ED_DOCUMENT_ROW_WRITE_IN);

  set = g_ptr_array_index (self->column_sets, self->column_sets->len - 1);
  first = add_text (self, cells[0]);
  for (guint i = 1; i < set->n_columns; i++)
    add_text (self, cells[i]);
  add_block (self, BLOCK_ROW, style, first);
}

void
ed_document_add_row (EdDocument         *self,
                     const char * const *cells)
{
  ed_document_add_row_styled (self, cells, ED_DOCUMENT_ROW_PLAIN);
}

void
ed_document_add_page_break (EdDocument *self)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_PAGE_BREAK, 0, 0);
}

void
ed_document_add_figure (EdDocument         *self,
                        double              height,
                        EdDocumentDrawFunc  draw,
                        gpointer            data,
                        GDestroyNotify      destroy)
{
  Figure figure = { MAX (height, 0.0), draw, data, destroy };

  g_return_if_fail (self != NULL);
  g_return_if_fail (draw != NULL);

  g_array_append_val (self->figures, figure);
  add_block (self, BLOCK_FIGURE, 0, self->figures->len - 1);
}

/* Styles */

static PangoLayout *
style_layout (PangoContext *context,
              double        size,
              PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, pango_units_from_double (size));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static Styles *
styles_new (void)
{
  Styles *styles = g_new0 (Styles, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  char ch[2] = { 0, 0 };

  styles->context = pango_font_map_create_context (font_map);
  /* Points as user units, and layout independent of the device. */
  pango_cairo_context_set_resolution (styles->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (styles->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (styles->context, FALSE);

  styles->cell = style_layout (styles->context, 8.5, PANGO_WEIGHT_NORMAL);
  styles->cell_bold = style_layout (styles->context, 8.5, PANGO_WEIGHT_BOLD);
  styles->heads = style_layout (styles->context, 7.5, PANGO_WEIGHT_BOLD);
  styles->heading1 = style_layout (styles->context, 15.0, PANGO_WEIGHT_BOLD);
  styles->heading2 = style_layout (styles->context, 10.5, PANGO_WEIGHT_BOLD);
  styles->paragraph = style_layout (styles->context, 9.5, PANGO_WEIGHT_NORMAL);
  styles->header_bold = style_layout (styles->context, 9.5, PANGO_WEIGHT_BOLD);
  styles->header_light = style_layout (styles->context, 8.0, PANGO_WEIGHT_NORMAL);
  styles->footer = style_layout (styles->context, 8.0, PANGO_WEIGHT_NORMAL);
  pango_layout_set_spacing (styles->paragraph, pango_units_from_double (2.0));
  pango_layout_set_ellipsize (styles->header_bold, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (styles->header_light, PANGO_ELLIPSIZE_END);
  styles->footer_title = pango_layout_copy (styles->footer);
  pango_layout_set_ellipsize (styles->footer_title, PANGO_ELLIPSIZE_END);
  styles->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  pango_layout_set_text (styles->cell, "Ag", -1);
  pango_layout_get_size (styles->cell, NULL, &styles->cell_line_height);
  styles->cell_baseline = pango_layout_get_baseline (styles->cell);
  styles->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  styles->row_rules = g_array_new (FALSE, FALSE, sizeof (double));
  for (int c = 32; c < 127; c++)
    {
      PangoLayoutLine *line;
      PangoGlyphItem *run;
      cairo_scaled_font_t *font;

      ch[0] = (char)c;
      pango_layout_set_text (styles->cell, ch, 1);
      line = pango_layout_get_line_readonly (styles->cell, 0);
      if (line == NULL || line->runs == NULL || line->runs->next != NULL)
        continue;
      run = line->runs->data;
      if (run->glyphs->num_glyphs != 1 ||
          (run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
        continue;
      /* Only characters of the first font: a fallback font is left to Pango. */
      font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font == NULL)
        continue;
      if (styles->cell_font == NULL)
        styles->cell_font = cairo_scaled_font_reference (font);
      else if (font != styles->cell_font)
        continue;
      styles->ascii_glyph[c] = run->glyphs->glyphs[0].glyph;
      styles->ascii_width[c] = run->glyphs->glyphs[0].geometry.width;
    }
  return styles;
}

/* Enough for every repeated text of a long run of letters, whose one-off texts come and go. */
#define LAYOUT_CACHE_SIZE 4096

/* The layout of text in style at width (Pango units) and alignment, shaped once and kept.
 * The caller must not change it. */
static PangoLayout *
shaped_layout (Styles         *styles,
               PangoLayout    *style,
               int             width,
               PangoAlignment  alignment,
               const char     *text)
{
  g_autofree char *key = g_strdup_printf ("%p %d %d %s", (void *)style, width, alignment, text);
  PangoLayout *layout = g_hash_table_lookup (styles->layouts, key);

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (styles->layouts) >= LAYOUT_CACHE_SIZE)
    g_hash_table_remove_all (styles->layouts);
  layout = pango_layout_copy (style);
  pango_layout_set_width (layout, width);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (styles->layouts, g_steal_pointer (&key), layout);
  return layout;
}

/* A line of a plain cell: bytes [start, start + length). */
typedef struct
{
  const char *start;
  int         length;
} Span;

/* Whether the cell font's tables can set text: printable ASCII, every character known. */
static gboolean
is_plain (Styles     *styles,
          const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 128 || styles->ascii_width[c] == 0)
        return FALSE;
    }
  return TRUE;
}

/* The next line of plain text no wider than width (Pango units), breaking at spaces, or
 * inside a word too long for a line of its own. Returns FALSE at the end of the text. */
static gboolean
next_plain_line (Styles      *styles,
                 const char **text,
                 int          width,
                 Span        *line)
{
  const char *p = *text;
  const char *fit_end = NULL;
  const char *resume = NULL;
  int sum = 0;

  while (*p == ' ')
    p++;
  if (*p == '\0')
    return FALSE;
  line->start = p;
  for (; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          if (fit_end == NULL || p[-1] != ' ')
            fit_end = p;
          resume = p + 1;
        }
      else if (sum + styles->ascii_width[(guchar)*p] > width)
        {
          if (fit_end == NULL)
            {
              /* One word wider than the column: break it where it reaches the edge. */
              fit_end = MAX (p, line->start + 1);
              resume = fit_end;
            }
          line->length = fit_end - line->start;
          *text = resume;
          return TRUE;
        }
      sum += styles->ascii_width[(guchar)*p];
    }
  line->length = p - line->start;
  *text = p;
  return TRUE;
}

static int
plain_line_count (Styles     *styles,
                  const char *text,
                  int         width)
{
  Span line;
  int n = 0;

  while (next_plain_line (styles, &text, width, &line))
    n++;
  return MAX (n, 1);
}

/* The height of a cell of text width width (Pango units); a total's in bold. */
static int
cell_height (Styles     *styles,
             const char *text,
             int         width,
             gboolean    total)
{
  int height;

  if (!total && is_plain (styles, text))
    return plain_line_count (styles, text, width) * styles->cell_line_height;

  pango_layout_get_size (shaped_layout (styles, total ? styles->cell_bold : styles->cell, width,
                                        PANGO_ALIGN_LEFT, text),
                         NULL, &height);
  return MAX (height, styles->cell_line_height);
}

/* Draws a cell at (x, y), its top-left corner, against its end when end_aligned: plain
 * text from the glyph tables, broken into lines exactly as cell_height() counted them, whose
 * glyphs wait in styles->glyphs for flush_cells() to show a page's worth at once; anything
 * else, and a total's cells, through Pango. */
static void
draw_cell (Styles     *styles,
           cairo_t    *cr,
           const char *text,
           int         width,
           double      x,
           double      y,
           gboolean    end_aligned,
           gboolean    total)
{
  PangoAlignment alignment = end_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  Span line;
  double baseline = y + pango_units_to_double (styles->cell_baseline);

  if (total || !is_plain (styles, text))
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, shaped_layout (styles, total ? styles->cell_bold : styles->cell,
                                                  width, alignment, text));
      return;
    }

  while (next_plain_line (styles, &text, width, &line))
    {
      int advance = 0;

      if (end_aligned)
        {
          for (int i = 0; i < line.length; i++)
            advance += styles->ascii_width[(guchar)line.start[i]];
          advance = MAX (width - advance, 0);
        }

      for (int i = 0; i < line.length; i++)
        {
          guchar c = (guchar)line.start[i];

          if (c != ' ')
            {
              cairo_glyph_t glyph = { styles->ascii_glyph[c],
                                      x + pango_units_to_double (advance), baseline };

              g_array_append_val (styles->glyphs, glyph);
            }
          advance += styles->ascii_width[c];
        }
      baseline += pango_units_to_double (styles->cell_line_height);
    }
}

/* One call for all the plain cells of a page rather than one per line: each call costs the
 * PDF surface far more than its glyphs do. */
static void
flush_cells (Styles  *styles,
             cairo_t *cr)
{
  if (styles->glyphs->len == 0)
    return;
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  cairo_set_scaled_font (cr, styles->cell_font);
  cairo_show_glyphs (cr, (cairo_glyph_t *)styles->glyphs->data, styles->glyphs->len);
  g_array_set_size (styles->glyphs, 0);
}

/* Pagination */

static double
body_top (void)
{
  return MARGIN_TOP + HEADER_HEIGHT + HEADER_GAP;
}

static double
body_bottom (EdDocument *self)
{
  return self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT;
}

static double
text_width (EdDocument *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static void
lay_out_columns (EdDocument *self)
{
  Styles *styles = self->styles;
  double total_width = text_width (self);

  for (guint s = 0; s < self->column_sets->len; s++)
    {
      ColumnSet *set = g_ptr_array_index (self->column_sets, s);
      double shares = 0, x = 0;
      int tallest = 0;

      set->headless = TRUE;
      for (guint i = 0; i < set->n_columns; i++)
        {
          shares += MAX (set->widths[i], 0.0);
          set->headless &= *set->headings[i] == '\0';
        }
      if (shares <= 0)
        shares = 1;
      for (guint i = 0; i < set->n_columns; i++)
        {
          double w = total_width * MAX (set->widths[i], 0.0) / shares;
          int height;

          set->x[i] = x;
          set->w[i] = MAX (w - COLUMN_GAP, 1.0);
          x += w;
          pango_layout_set_width (styles->heads, pango_units_from_double (set->w[i]));
          pango_layout_set_text (styles->heads, set->headings[i], -1);
          pango_layout_get_size (styles->heads, NULL, &height);
          tallest = MAX (tallest, height);
        }
      /* A table of labels and values, a letter's, needs no bar of empty headings. */
      set->heads_height = set->headless ? HEADLESS_TOP
                                   : pango_units_to_double (tallest) + 2 * HEADS_PAD + 1.0;
    }
}

static PangoLayout *
heading_layout (Styles *styles,
                guint   level)
{
  return level == 1 ? styles->heading1 : styles->heading2;
}

static void
measure_block (EdDocument *self,
               Block      *block)
{
  Styles *styles = self->styles;
  const char **texts = (const char **)self->texts->pdata;
  int width = pango_units_from_double (text_width (self));
  int height = 0;

  switch ((BlockKind)block->kind)
    {
    case BLOCK_HEADING:
      {
        PangoLayout *layout = shaped_layout (styles, heading_layout (styles, block->level),
                                             width, PANGO_ALIGN_LEFT, texts[block->text]);

        pango_layout_get_size (layout, NULL, &height);
        block->height = pango_units_to_double (height) + (block->level == 1 ? 5.0 : 0.0);
        break;
      }
    case BLOCK_PARAGRAPH:
      {
        PangoLayout *layout = shaped_layout (styles, styles->paragraph, width, PANGO_ALIGN_LEFT,
                                             texts[block->text]);

        pango_layout_get_size (layout, NULL, &height);
        block->n_lines = MIN (pango_layout_get_line_count (layout), G_MAXUINT16);
      }
      block->height = pango_units_to_double (height);
      break;
    case BLOCK_ROW:
      {
        ColumnSet *set = g_ptr_array_index (self->column_sets, block->columns);

        gboolean total = block->level == ED_DOCUMENT_ROW_TOTAL;

        for (guint i = 0; i < set->n_columns; i++)
          height = MAX (height, cell_height (styles, texts[block->text + i],
                                             pango_units_from_double (set->w[i]), total));
        block->height = pango_units_to_double (height) + 2 * ROW_PAD + (total ? TOTAL_TOP : 0);
        if (block->level == ED_DOCUMENT_ROW_WRITE_IN)
          block->height = MAX (block->height, WRITE_IN_HEIGHT);
        break;
      }
    case BLOCK_FIGURE:
      /* The pager sets it where it places the figure: a fill depends on where that is. */
    case BLOCK_PAGE_BREAK:
    default:
      block->height = 0;
      break;
    }
}

/* The height a figure needs on a page: a fill wants half a page at least. */
static double
figure_least_height (EdDocument *self,
                     Block      *block)
{
  Figure *figure = &g_array_index (self->figures, Figure, block->text);
  double body = body_bottom (self) - body_top ();

  return figure->height > 0 ? MIN (figure->height, body) : body / 2;
}

typedef struct
{
  EdDocument *self;
  double      y;
  gboolean    page_empty;
  gboolean    need_heads;
  gboolean    seen_heading1;
  guint32     last_columns;
} Pager;

static void
pager_new_page (Pager *pager)
{
  guint first = pager->self->placements->len;

  g_array_append_val (pager->self->pages, first);
  pager->y = body_top ();
  pager->page_empty = TRUE;
  pager->need_heads = TRUE;
}

static void
pager_place (Pager     *pager,
             guint32    block,
             PlaceKind  what,
             guint      first_line,
             guint      n_lines,
             double     y)
{
  Placement placement = { block, what, first_line, n_lines, y };

  g_array_append_val (pager->self->placements, placement);
  pager->page_empty = FALSE;
}

/* What must fit below a heading for it not to be left alone at the foot of a page. */
static double
keep_with_heading (EdDocument *self,
                   guint       next)
{
  Block *block;

  if (next >= self->blocks->len)
    return 0;
  block = &g_array_index (self->blocks, Block, next);
  switch ((BlockKind)block->kind)
    {
    case BLOCK_ROW:
      return ((ColumnSet *)g_ptr_array_index (self->column_sets, block->columns))->heads_height +
             block->height;
    case BLOCK_PARAGRAPH:
      return block->n_lines > 2 ? 2 * block->height / block->n_lines : block->height;
    case BLOCK_HEADING:
      return block->height;
    case BLOCK_FIGURE:
      return figure_least_height (self, block);
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

/* The height of the n blocks from first as the pager would place them on one page: what a
 * heading that keeps them needs below it. */
static double
kept_height (EdDocument *self,
             guint       first,
             guint       n)
{
  guint32 columns = G_MAXUINT32;
  double height = 0;

  for (guint i = first; i < first + n && i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      switch ((BlockKind)block->kind)
        {
        case BLOCK_ROW:
          if (block->columns != columns)
            height += ((ColumnSet *)g_ptr_array_index (self->column_sets,
                                                       block->columns))->heads_height;
          columns = block->columns;
          height += block->height;
          break;
        case BLOCK_PARAGRAPH:
          height += block->height + 2 * PARAGRAPH_AFTER;
          columns = G_MAXUINT32;
          break;
        case BLOCK_HEADING:
          height += HEADING_BEFORE + block->height + HEADING_AFTER;
          columns = G_MAXUINT32;
          break;
        case BLOCK_FIGURE:
          height += figure_least_height (self, block) + FIGURE_AFTER;
          break;
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  return height;
}

static void
place_paragraph (Pager *pager,
                 guint  index)
{
  EdDocument *self = pager->self;
  Block *block = &g_array_index (self->blocks, Block, index);
  double line_height = block->n_lines > 0 ? block->height / block->n_lines : block->height;
  guint first = 0;

  while (first < block->n_lines || block->n_lines == 0)
    {
      guint left = block->n_lines - first;
      guint fit = (guint)((body_bottom (self) - pager->y) / line_height);

      if (fit >= left || block->n_lines == 0)
        {
          pager_place (pager, index, PLACE_BLOCK, first, first == 0 ? 0 : left, pager->y);
          pager->y += left * line_height + PARAGRAPH_AFTER;
          break;
        }
      /* Split between lines, leaving at least two on each page; a page that is still empty
       * takes as much as it can. */
      if (pager->page_empty || (fit >= 2 && left - fit >= 2))
        {
          if (!pager->page_empty && left - fit < 2)
            fit = left - 2;
          fit = MAX (fit, 1);
          pager_place (pager, index, PLACE_BLOCK, first, fit, pager->y);
          first += fit;
        }
      pager_new_page (pager);
    }
  pager->need_heads = TRUE;
}

guint
ed_document_paginate (EdDocument *self,
                      double      page_width,
                      double      page_height)
{
  Pager pager = { self, 0, TRUE, TRUE, FALSE, G_MAXUINT32 };
  double bottom;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN_SIDE && page_height > 4 * body_top (), 0);

  if (self->styles == NULL)
    self->styles = styles_new ();
  self->page_width = page_width;
  self->page_height = page_height;
  bottom = body_bottom (self);
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  lay_out_columns (self);
  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, &g_array_index (self->blocks, Block, i));

  pager_new_page (&pager);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      switch ((BlockKind)block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!pager.page_empty)
            pager_new_page (&pager);
          break;

        case BLOCK_HEADING:
          {
            double before = pager.page_empty ? 0 : HEADING_BEFORE;
            double keep = keep_with_heading (self, i + 1);

            /* Each level-1 section starts a page, but the first one follows what the
             * document opens with (a notice's statutory heading) on the same page. */
            if (block->level == 1 && !pager.page_empty && pager.seen_heading1)
              {
                pager_new_page (&pager);
                before = 0;
              }
            if (block->level == 1)
              pager.seen_heading1 = TRUE;
            /* What the heading keeps goes with it, unless a page could not hold them. */
            if (block->n_lines > 0)
              {
                double kept = kept_height (self, i + 1, block->n_lines);

                if (block->height + HEADING_AFTER + kept <= bottom - body_top ())
                  keep = MAX (keep, kept);
              }
            if (!pager.page_empty &&
                pager.y + before + block->height + HEADING_AFTER + keep > bottom)
              {
                pager_new_page (&pager);
                before = 0;
              }
            pager_place (&pager, i, PLACE_BLOCK, 0, 0, pager.y + before);
            pager.y += before + block->height + HEADING_AFTER;
            pager.need_heads = TRUE;
            break;
          }

        case BLOCK_PARAGRAPH:
          /* Room after a table, as after a paragraph. */
          if (i > 0 && !pager.page_empty &&
              g_array_index (self->blocks, Block, i - 1).kind == BLOCK_ROW)
            pager.y += PARAGRAPH_AFTER;
          place_paragraph (&pager, i);
          break;

        case BLOCK_ROW:
          {
            ColumnSet *set = g_ptr_array_index (self->column_sets, block->columns);

            if (block->columns != pager.last_columns)
              pager.need_heads = TRUE;
            if (!pager.page_empty &&
                pager.y + (pager.need_heads ? set->heads_height : 0) + block->height > bottom)
              pager_new_page (&pager);
            if (pager.need_heads)
              {
                pager_place (&pager, i, PLACE_COLUMN_HEADS, 0, 0, pager.y);
                pager.y += set->heads_height;
                pager.need_heads = FALSE;
              }
            pager_place (&pager, i, PLACE_BLOCK, 0, 0, pager.y);
            pager.y += block->height;
            pager.last_columns = block->columns;
            break;
          }

        case BLOCK_FIGURE:
          {
            Figure *figure = &g_array_index (self->figures, Figure, block->text);
            double least = figure_least_height (self, block);

            if (!pager.page_empty && pager.y + least > bottom)
              pager_new_page (&pager);
            block->height = figure->height > 0 ? least : bottom - pager.y;
            pager_place (&pager, i, PLACE_BLOCK, 0, 0, pager.y);
            /* No further than the foot: what follows starts the next page. */
            pager.y = MIN (pager.y + block->height + FIGURE_AFTER, bottom);
            pager.need_heads = TRUE;
            break;
          }

        default:
          g_assert_not_reached ();
        }
    }
  return self->pages->len;
}

/* Drawing */

static void
page_range (EdDocument *self,
            guint       page,
            guint      *first,
            guint      *end)
{
  *first = g_array_index (self->pages, guint, page);
  *end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                     : self->placements->len;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y,
      double   width,
      double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_header_footer (EdDocument *self,
                    cairo_t    *cr,
                    guint       page)
{
  Styles *styles = self->styles;
  double left = MARGIN_SIDE;
  double right = self->page_width - MARGIN_SIDE;
  double half = pango_units_from_double ((right - left) / 2 - 6);
  double footer_y = self->page_height - MARGIN_BOTTOM - FOOTER_HEIGHT + 8;
  g_autofree char *page_text = NULL;

  /* Council and district on the left, the document's title and subtitle on the right. */
  cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
  show_layout (cr, shaped_layout (styles, styles->header_bold, half, PANGO_ALIGN_LEFT,
                                  self->council),
               left, MARGIN_TOP);
  show_layout (cr, shaped_layout (styles, styles->header_bold, half, PANGO_ALIGN_RIGHT,
                                  self->title),
               right - pango_units_to_double (half), MARGIN_TOP);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_layout (cr, shaped_layout (styles, styles->header_light, half, PANGO_ALIGN_LEFT,
                                  self->district),
               left, MARGIN_TOP + 14);
  if (self->subtitle != NULL)
    show_layout (cr, shaped_layout (styles, styles->header_light, half, PANGO_ALIGN_RIGHT,
                                    self->subtitle),
                 right - pango_units_to_double (half), MARGIN_TOP + 14);
  rule (cr, left, right, MARGIN_TOP + HEADER_HEIGHT - 0.5, 1.0, 0.1);

  rule (cr, left, right, footer_y - 4, 0.5, 0.55);
  /* TRANSLATORS: the footer of every printed page */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  pango_layout_set_width (styles->footer, pango_units_from_double (right - left));
  pango_layout_set_alignment (styles->footer, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (styles->footer, page_text, -1);
  show_layout (cr, styles->footer, left, footer_y);
  show_layout (cr, shaped_layout (styles, styles->footer_title, half, PANGO_ALIGN_LEFT,
                                  self->title),
               left, footer_y);
}

static void
draw_paragraph (EdDocument      *self,
                cairo_t         *cr,
                Block           *block,
                const Placement *placement)
{
  const char **texts = (const char **)self->texts->pdata;
  PangoLayout *layout = shaped_layout (self->styles, self->styles->paragraph,
                                       pango_units_from_double (text_width (self)),
                                       PANGO_ALIGN_LEFT, texts[block->text]);
  double line_height = block->n_lines > 0 ? block->height / block->n_lines : block->height;
  guint last;

  cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
  if (placement->n_lines == 0)
    {
      show_layout (cr, layout, MARGIN_SIDE, placement->y);
      return;
    }
  /* A slice of a paragraph split over pages: its lines one by one, on their baselines. */
  last = MIN ((guint)placement->first_line + placement->n_lines,
              (guint)pango_layout_get_line_count (layout));
  for (guint i = placement->first_line; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, MARGIN_SIDE + pango_units_to_double (logical.x),
                     placement->y + (i - placement->first_line) * line_height -
                         pango_units_to_double (logical.y));
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_placement (EdDocument      *self,
                cairo_t         *cr,
                const Placement *placement)
{
  Styles *styles = self->styles;
  Block *block = &g_array_index (self->blocks, Block, placement->block);
  const char **texts = (const char **)self->texts->pdata;
  double left = MARGIN_SIDE;
  double right = self->page_width - MARGIN_SIDE;

  if (placement->what == PLACE_COLUMN_HEADS)
    {
      ColumnSet *set = g_ptr_array_index (self->column_sets, block->columns);

      if (set->headless)
        {
          rule (cr, left, right, placement->y + HEADLESS_TOP - 0.5, 0.5, 0.55);
          return;
        }
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, left, placement->y, right - left, set->heads_height - 1.0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      for (guint i = 0; i < set->n_columns; i++)
        {
          pango_layout_set_width (styles->heads, pango_units_from_double (set->w[i]));
          pango_layout_set_alignment (styles->heads,
                                      set->end_aligned[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          pango_layout_set_text (styles->heads, set->headings[i], -1);
          show_layout (cr, styles->heads, left + set->x[i] + 3.0, placement->y + HEADS_PAD);
        }
      pango_layout_set_alignment (styles->heads, PANGO_ALIGN_LEFT);
      rule (cr, left, right, placement->y + set->heads_height - 0.5, 0.8, 0.3);
      return;
    }

  switch ((BlockKind)block->kind)
    {
    case BLOCK_HEADING:
      {
        PangoLayout *layout = shaped_layout (styles, heading_layout (styles, block->level),
                                             pango_units_from_double (right - left),
                                             PANGO_ALIGN_LEFT, texts[block->text]);

        cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
        show_layout (cr, layout, left, placement->y);
        if (block->level == 1)
          rule (cr, left, right, placement->y + block->height - 1.5, 1.5, 0.05);
        break;
      }

    case BLOCK_PARAGRAPH:
      draw_paragraph (self, cr, block, placement);
      break;

    case BLOCK_ROW:
      {
        ColumnSet *set = g_ptr_array_index (self->column_sets, block->columns);
        double rule_y = placement->y + block->height - 0.25;
        gboolean total = block->level == ED_DOCUMENT_ROW_TOTAL;
        double top = placement->y + ROW_PAD + (total ? TOTAL_TOP : 0);

        if (total)
          rule (cr, left, right, placement->y + 0.5, 0.8, 0.2);
        if (block->level == ED_DOCUMENT_ROW_WRITE_IN)
          {
            /* The cells ruled apart, so that each number is written in its own box. */
            cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
            cairo_set_line_width (cr, 0.25);
            for (guint i = 1; i < set->n_columns; i++)
              {
                cairo_move_to (cr, left + set->x[i], placement->y);
                cairo_line_to (cr, left + set->x[i], placement->y + block->height);
              }
            cairo_stroke (cr);
          }
        cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
        for (guint i = 0; i < set->n_columns; i++)
          {
            const char *text = texts[block->text + i];

            if (text[0] != '\0')
              draw_cell (styles, cr, text, pango_units_from_double (set->w[i]),
                         left + set->x[i] + 3.0, top, set->end_aligned[i], total);
          }
        g_array_append_val (styles->row_rules, rule_y);
        break;
      }

    case BLOCK_FIGURE:
      {
        Figure *figure = &g_array_index (self->figures, Figure, block->text);

        /* The figure's own state stays its own, and it cannot draw over the text around. */
        cairo_save (cr);
        cairo_rectangle (cr, left, placement->y, right - left, block->height);
        cairo_clip (cr);
        cairo_translate (cr, left, placement->y);
        figure->draw (cr, right - left, block->height, figure->data);
        cairo_restore (cr);
        break;
      }

    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* The hairlines under a page's rows, as one path. */
static void
draw_row_rules (EdDocument *self,
                cairo_t    *cr)
{
  GArray *rules = self->styles->row_rules;

  if (rules->len == 0)
    return;
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
  cairo_set_line_width (cr, 0.3);
  for (guint i = 0; i < rules->len; i++)
    {
      cairo_move_to (cr, MARGIN_SIDE, g_array_index (rules, double, i));
      cairo_line_to (cr, self->page_width - MARGIN_SIDE, g_array_index (rules, double, i));
    }
  cairo_stroke (cr);
  g_array_set_size (rules, 0);
}

void
ed_document_draw_page (EdDocument *self,
                       cairo_t    *cr,
                       guint       page)
{
  guint first, end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->styles != NULL);
  g_return_if_fail (page < self->pages->len);

  page_range (self, page, &first, &end);
  cairo_save (cr);
  /* The target (a PDF surface or a printer) may have its own transformation; the layouts
   * keep the metrics they were measured with because hinting of metrics is off. */
  pango_cairo_update_context (cr, self->styles->context);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  draw_header_footer (self, cr, page);
  for (guint i = first; i < end; i++)
    draw_placement (self, cr, &g_array_index (self->placements, Placement, i));
  flush_cells (self->styles, cr);
  draw_row_rules (self, cr);
  cairo_restore (cr);
}

/* PDF */

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

/* An outline entry for every level-1 heading, so a reader can jump to a polling district. */
static void
add_outline (EdDocument      *self,
             cairo_surface_t *surface,
             guint            page)
{
  const char **texts = (const char **)self->texts->pdata;
  guint first, end;

  page_range (self, page, &first, &end);
  for (guint i = first; i < end; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);
      Block *block = &g_array_index (self->blocks, Block, placement->block);
      g_autofree char *link = NULL;

      if (placement->what != PLACE_BLOCK || block->kind != BLOCK_HEADING || block->level != 1)
        continue;
      /* Whole points: %g would follow the locale's decimal mark. */
      link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int)MARGIN_SIDE,
                              (int)placement->y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, texts[block->text], link,
                                     0);
    }
}

/* A report a page would be too many for a register of 20,000 pages; a hundred in all is
 * plenty for a progress bar. */
#define REPORTS_PER_DOCUMENT 100

/**
 * ed_document_write_pdf_to:
 * @self: the document
 * @out: the output file to write into; left for the caller to commit or abort
 * @progress: (nullable): told which page is being written
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop writing
 * @out_n_pages: (out) (optional): the pages written
 * @error: return location for an error
 *
 * Writes the document as an A4 PDF into @out's temporary file: for a PDF that must appear
 * together with another file (a notice's CSV), or not at all.
 *
 * Returns: %TRUE if the whole document was written
 */
gboolean
ed_document_write_pdf_to (EdDocument      *self,
                          EdOutputFile    *out,
                          EdProgressFunc   progress,
                          gpointer         progress_data,
                          GCancellable    *cancellable,
                          guint           *out_n_pages,
                          GError         **error)
{
  PdfStream stream = { out, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  guint report_every;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  n_pages = ed_document_paginate (self, ED_DOCUMENT_A4_WIDTH, ED_DOCUMENT_A4_HEIGHT);
  report_every = MAX (1, n_pages / REPORTS_PER_DOCUMENT);
  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &stream, ED_DOCUMENT_A4_WIDTH,
                                                 ED_DOCUMENT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->council);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Electoral Desk");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && stream.error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &stream.error))
        break;
      if (progress != NULL && page % report_every == 0)
        {
          /* Translators: progress of writing a PDF */
          g_autofree char *text = g_strdup_printf (_("Writing page %u of %u"), page + 1,
                                                   n_pages);

          progress ((double)page / n_pages, text, progress_data);
        }
      add_outline (self, surface, page);
      ed_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (ed_output_file_get_path (out));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  if (out_n_pages != NULL)
    *out_n_pages = n_pages;
  return TRUE;
}

/**
 * ed_document_write_pdf_full:
 * @self: the document
 * @path: where to write; replaced only once the whole document is written
 * @progress: (nullable): told which page is being written
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop writing, leaving what was at @path as it was
 * @out_n_pages: (out) (optional): the pages written
 * @error: return location for an error
 *
 * Writes the document as an A4 PDF.
 */
gboolean
ed_document_write_pdf_full (EdDocument      *self,
                            const char      *path,
                            EdProgressFunc   progress,
                            gpointer         progress_data,
                            GCancellable    *cancellable,
                            guint           *out_n_pages,
                            GError         **error)
{
  g_autoptr(EdOutputFile) out = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside its target and renamed over it once whole (core/ed-output-file.c):
   * stopped, failed or killed half way, it leaves no half a PDF under the name a person will
   * open. */
  out = ed_output_file_new (path, error);
  return out != NULL &&
         ed_document_write_pdf_to (self, out, progress, progress_data, cancellable,
                                   out_n_pages, error) &&
         ed_output_file_commit (out, error);
}

/**
 * ed_document_write_pdf:
 * @self: the document
 * @path: where to write; replaced only once the whole document is written
 * @error: return location for an error
 *
 * Writes the document as an A4 PDF.
 */
gboolean
ed_document_write_pdf (EdDocument  *self,
                       const char  *path,
                       GError     **error)
{
  return ed_document_write_pdf_full (self, path, NULL, NULL, NULL, NULL, error);
}

/* For tests */

static EdDocumentItemKind
item_kind (const Block *block)
{
  switch ((BlockKind)block->kind)
    {
    case BLOCK_HEADING:
      return _ED_DOCUMENT_ITEM_HEADING;
    case BLOCK_PARAGRAPH:
      return _ED_DOCUMENT_ITEM_PARAGRAPH;
    case BLOCK_ROW:
      return _ED_DOCUMENT_ITEM_ROW;
    case BLOCK_FIGURE:
      return _ED_DOCUMENT_ITEM_FIGURE;
    case BLOCK_PAGE_BREAK:
    default:
      return _ED_DOCUMENT_ITEM_PAGE_BREAK;
    }
}

guint
_ed_document_get_n_items (EdDocument *self,
                          guint       page)
{
  guint first, end;

  g_return_val_if_fail (self != NULL && page < self->pages->len, 0);
  page_range (self, page, &first, &end);
  return end - first;
}

void
_ed_document_get_item (EdDocument     *self,
                       guint           page,
                       guint           index,
                       EdDocumentItem *out)
{
  guint first, end;
  Placement *placement;
  Block *block;

  g_return_if_fail (self != NULL && page < self->pages->len && out != NULL);
  page_range (self, page, &first, &end);
  g_return_if_fail (first + index < end);

  placement = &g_array_index (self->placements, Placement, first + index);
  block = &g_array_index (self->blocks, Block, placement->block);
  out->block = placement->block;
  out->level = block->level;
  out->top = placement->y;
  if (placement->what == PLACE_COLUMN_HEADS)
    {
      out->kind = _ED_DOCUMENT_ITEM_COLUMN_HEADINGS;
      out->bottom = out->top +
                    ((ColumnSet *)g_ptr_array_index (self->column_sets, block->columns))->heads_height;
      return;
    }
  out->kind = item_kind (block);
  if (block->kind == BLOCK_PARAGRAPH && placement->n_lines > 0)
    out->bottom = out->top + placement->n_lines * block->height / MAX (block->n_lines, 1);
  else
    out->bottom = out->top + block->height;
}

void
_ed_document_get_body (EdDocument *self,
                       double     *top,
                       double     *bottom)
{
  g_return_if_fail (self != NULL);
  *top = body_top ();
  *bottom = body_bottom (self);
}

guint
_ed_document_get_n_blocks (EdDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->blocks->len;
}

EdDocumentItemKind
_ed_document_get_block (EdDocument *self,
                        guint       block,
                        guint      *level)
{
  const Block *b;

  g_return_val_if_fail (self != NULL && block < self->blocks->len, _ED_DOCUMENT_ITEM_PAGE_BREAK);
  b = &g_array_index (self->blocks, Block, block);
  if (level != NULL)
    *level = b->level;
  return item_kind (b);
}

const char *
_ed_document_get_text (EdDocument *self,
                       guint       block,
                       guint       column)
{
  const Block *b;

  g_return_val_if_fail (self != NULL && block < self->blocks->len, NULL);
  b = &g_array_index (self->blocks, Block, block);
  if (b->kind == BLOCK_PAGE_BREAK || b->kind == BLOCK_FIGURE)
    return NULL;
  if (b->kind == BLOCK_ROW)
    {
      const ColumnSet *set = g_ptr_array_index (self->column_sets, b->columns);

      g_return_val_if_fail (column < set->n_columns, NULL);
    }
  else
    g_return_val_if_fail (column == 0, NULL);
  return g_ptr_array_index (self->texts, b->text + column);
}
