/* ed-poll-card-render-address.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The address block in the envelope's window, with the elector's number: the one part of a
 * card laid out card by card. Most blocks are plain ASCII in one language, and are set from
 * glyph tables found once; the rest, and anonymous electors' blocks, are left to Pango. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <string.h>

#include "elections/ed-poll-card-render-private.h"

/* The address block's styles, set without Pango when their text is plain ASCII. */
typedef enum
{
  FAST_NUMBER,  /* ED_CARD_STYLE_SMALL */
  FAST_NAME,    /* ED_CARD_STYLE_STRONG */
  FAST_LINE,    /* ED_CARD_STYLE_BODY */
  N_FAST,
} FastStyle;

static const EdPollCardStyle fast_styles[N_FAST] = {
  ED_CARD_STYLE_SMALL,
  ED_CARD_STYLE_STRONG,
  ED_CARD_STYLE_BODY,
};

/* A style's font and each printable ASCII character's glyph and advance, found once by
 * Pango: a hundred thousand address blocks set from this table skip shaping and the font
 * map, which would otherwise be most of a run's time. Kerning is not applied, as in the
 * register's tables (print/ed-document.c). */
typedef struct
{
  cairo_scaled_font_t *font;
  gulong               glyph[128];
  double               advance[128];  /* points; 0 when the character is not in @font */
  double               baseline;      /* from a line's top */
  double               line_height;
} FastFont;

struct _EdPollCardFastFonts
{
  FastFont fonts[N_FAST];
};

/* Appends @text to @text_out with its own size, weight and colour. */
static void
add_run (GString         *text_out,
         PangoAttrList   *attrs,
         EdPollCardStyle  style,
         double           scale,
         const char      *text)
{
  const EdPollCardStyleInfo *info = &_ed_poll_card_styles[style];
  guint start = text_out->len;
  PangoAttribute *attr;

  if (start > 0)
    g_string_append_c (text_out, '\n');
  g_string_append (text_out, text);
  attr = pango_attr_size_new (pango_units_from_double (info->size * scale));
  attr->start_index = start;
  attr->end_index = text_out->len;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_weight_new (info->weight);
  attr->start_index = start;
  attr->end_index = text_out->len;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (((info->rgb >> 16) & 0xff) * 257,
                                    ((info->rgb >> 8) & 0xff) * 257, (info->rgb & 0xff) * 257);
  attr->start_index = start;
  attr->end_index = text_out->len;
  pango_attr_list_insert (attrs, attr);
}

static void
address_text (const EdPollCard *card,
              double            scale,
              GString          *text,
              PangoAttrList    *attrs)
{
  EdElectorLanguage langs[2];
  guint n = ed_poll_card_languages_get (card->languages, langs);
  gboolean proxy = ed_poll_card_is_proxy (card->variant);
  g_autofree char *label =
    _ed_poll_card_joined_text (langs, n, proxy ? ED_CARD_TEXT_ELECTOR_REPRESENTED
                                               : ED_CARD_TEXT_ELECTOR_NUMBER);

  if (card->anonymous && !proxy)
    {
      g_autofree char *heading =
        _ed_poll_card_joined_text (langs, n, ED_CARD_TEXT_ANONYMOUS_ELECTOR);

      add_run (text, attrs, ED_CARD_STYLE_HEADING, scale, heading);
      add_run (text, attrs, ED_CARD_STYLE_LABEL, scale, label);
      add_run (text, attrs, ED_CARD_STYLE_NUMBER, scale, card->elector_number);
      return;
    }
  {
    g_autofree char *number = g_strdup_printf ("%s: %s", label, card->elector_number);

    add_run (text, attrs, ED_CARD_STYLE_SMALL, scale, number);
  }
  if (card->addressee[0] != NULL)
    {
      add_run (text, attrs, ED_CARD_STYLE_STRONG, scale, card->addressee[0]);
      for (guint i = 1; card->addressee[i] != NULL; i++)
        add_run (text, attrs, ED_CARD_STYLE_BODY, scale, card->addressee[i]);
    }
}

static void
fast_font_init (EdPollCardRenderer *self,
                FastFont           *fast,
                EdPollCardStyle     style)
{
  char ch[2] = { 0, 0 };
  int baseline, height;

  _ed_poll_card_set_style (self, style, 1.0);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, "Hg", -1);
  baseline = pango_layout_get_baseline (self->layout);
  pango_layout_get_size (self->layout, NULL, &height);
  fast->baseline = pango_units_to_double (baseline);
  fast->line_height = pango_units_to_double (height);
  for (int c = 32; c < 127; c++)
    {
      PangoLayoutLine *line;
      PangoGlyphItem *run;
      cairo_scaled_font_t *font;

      ch[0] = (char)c;
      pango_layout_set_text (self->layout, ch, 1);
      line = pango_layout_get_line_readonly (self->layout, 0);
      if (line == NULL || line->runs == NULL || line->runs->next != NULL)
        continue;
      run = line->runs->data;
      if (run->glyphs->num_glyphs != 1)
        continue;
      font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font == NULL)
        continue;
      /* Only characters of the style's first font: a fallback is left to Pango. */
      if (fast->font == NULL)
        fast->font = cairo_scaled_font_reference (font);
      else if (font != fast->font)
        continue;
      fast->glyph[c] = run->glyphs->glyphs[0].glyph;
      fast->advance[c] = pango_units_to_double (run->glyphs->glyphs[0].geometry.width);
    }
}

/* The renderer's tables, one for each of the address block's styles, found with its layout. */
EdPollCardFastFonts *
_ed_poll_card_fast_fonts_new (EdPollCardRenderer *self)
{
  EdPollCardFastFonts *fonts = g_new0 (EdPollCardFastFonts, 1);

  for (guint f = 0; f < N_FAST; f++)
    fast_font_init (self, &fonts->fonts[f], fast_styles[f]);
  return fonts;
}

void
_ed_poll_card_fast_fonts_free (EdPollCardFastFonts *fonts)
{
  for (guint f = 0; f < N_FAST; f++)
    g_clear_pointer (&fonts->fonts[f].font, cairo_scaled_font_destroy);
  g_free (fonts);
}

/* The width of @text set from @fast's table, or -1 when it has a character the table does
 * not hold. */
static double
fast_width (const FastFont *fast,
            const char     *text)
{
  double width = 0.0;

  for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
    {
      if (*p >= 128 || fast->advance[*p] <= 0.0)
        return -1.0;
      width += fast->advance[*p];
    }
  return width;
}

static void
fast_show (const FastFont *fast,
           cairo_t        *cr,
           const char     *text,
           double          y)
{
  cairo_glyph_t glyphs[256];
  cairo_text_cluster_t clusters[256];
  double x = 0.0;
  int n = 0;

  for (const unsigned char *p = (const unsigned char *)text; *p != '\0' && n < 256; p++, n++)
    {
      glyphs[n].index = fast->glyph[*p];
      glyphs[n].x = x;
      glyphs[n].y = y + fast->baseline;
      clusters[n].num_bytes = 1;
      clusters[n].num_glyphs = 1;
      x += fast->advance[*p];
    }
  cairo_set_scaled_font (cr, fast->font);
  /* With the text, so that a reader of the PDF can search and copy it. */
  cairo_show_text_glyphs (cr, text, n, glyphs, n, clusters, n, 0);
}

/* The address block from the tables, when it is plain ASCII and fits as it is: an elector's
 * own card, not an anonymous elector's. Returns %FALSE to leave it to Pango. */
static gboolean
fast_address (EdPollCardRenderer *self,
              cairo_t            *cr,
              const EdPollCard   *card,
              double              width,
              double              height)
{
  EdElectorLanguage langs[2];
  guint n = ed_poll_card_languages_get (card->languages, langs);
  gboolean proxy = ed_poll_card_is_proxy (card->variant);
  EdPollCardText label = proxy ? ED_CARD_TEXT_ELECTOR_REPRESENTED : ED_CARD_TEXT_ELECTOR_NUMBER;
  const FastFont *fonts = self->fast->fonts;
  double space = _ed_poll_card_styles[ED_CARD_STYLE_STRONG].space_before;
  char number[160];
  double y = 0.0;
  guint lines;

  if (n != 1 || (card->anonymous && !proxy) || card->addressee[0] == NULL)
    return FALSE;
  g_snprintf (number, sizeof number, "%s: %s", ed_poll_card_text (label, langs[0]),
              card->elector_number);
  lines = g_strv_length (card->addressee);
  if (fonts[FAST_NUMBER].font == NULL || fonts[FAST_NAME].font == NULL ||
      fonts[FAST_LINE].font == NULL ||
      fonts[FAST_NUMBER].line_height + fonts[FAST_NAME].line_height +
        (lines - 1) * fonts[FAST_LINE].line_height + space > height)
    return FALSE;
  {
    double w = fast_width (&fonts[FAST_NUMBER], number);

    if (w < 0 || w > width)
      return FALSE;
  }
  for (guint i = 0; i < lines; i++)
    {
      double w = fast_width (&fonts[i == 0 ? FAST_NAME : FAST_LINE], card->addressee[i]);

      if (w < 0 || w > width || strlen (card->addressee[i]) >= 256)
        return FALSE;
    }

  _ed_poll_card_set_rgb (cr, ED_CARD_INK);
  fast_show (&fonts[FAST_NUMBER], cr, number, y);
  y += fonts[FAST_NUMBER].line_height + space;
  for (guint i = 0; i < lines; i++)
    {
      const FastFont *fast = &fonts[i == 0 ? FAST_NAME : FAST_LINE];

      fast_show (fast, cr, card->addressee[i], y);
      y += fast->line_height;
    }
  return TRUE;
}

/* The address block and the elector's number: the card's own, laid out card by card, as one
 * layout (one shaping) with a size and weight for each line. */
void
_ed_poll_card_draw_address (EdPollCardRenderer *self,
                            cairo_t            *cr,
                            const EdPollCard   *card,
                            double              width,
                            double              height)
{
  double scale = 1.0;

  if (fast_address (self, cr, card, width, height))
    return;
  pango_layout_set_width (self->layout, pango_units_from_double (width));
  _ed_poll_card_set_style (self, ED_CARD_STYLE_BODY, 1.0);
  for (;;)
    {
      g_autoptr(GString) text = g_string_sized_new (160);
      PangoAttrList *attrs = pango_attr_list_new ();
      int h;

      address_text (card, scale, text, attrs);
      pango_layout_set_text (self->layout, text->str, (int)text->len);
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_get_size (self->layout, NULL, &h);
      if (pango_units_to_double (h) <= height || scale <= ED_POLL_CARD_MIN_SCALE)
        break;
      scale = MAX (ED_POLL_CARD_MIN_SCALE, scale * 0.92);
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, self->layout);
  cairo_restore (cr);
  pango_layout_set_attributes (self->layout, NULL);
}
