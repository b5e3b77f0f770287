/* ed-poll-card-render.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A poll card drawn with Cairo and Pango: the front (the council's band, polling day, the
 * station or the postal vote, the address block in the envelope's window, the polls) and
 * the back (photo ID where it applies, the deadlines for voting another way, how to reach
 * the council).
 *
 * A run prints up to a hundred thousand cards, and most of each is the same as the next
 * card's: the band, polling day, a station's block, the back. Each such block is drawn once
 * into a recording surface, kept by what decides its content, and painted again on every
 * card that shows it; a PDF holds it once, as a form, whatever the number of cards that use
 * it. Only what is the elector's own (the address block, a proxy's elector number) is laid
 * out card by card.
 *
 * This file holds the renderer and what both sides of a card are drawn with: the recordings
 * and the painting of a side from them, the band across the top, and a proof's PROOF marks.
 * The front is drawn in ed-poll-card-render-front.c, the back in ed-poll-card-render-back.c,
 * the address block in ed-poll-card-render-address.c, and the blocks of text in the card's
 * languages are laid out in ed-poll-card-render-block.c. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <math.h>

#include "elections/ed-poll-card-render-private.h"

#define MM ED_POLL_CARD_MM

/* The families tried in order, as the other documents; fontconfig falls back further. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* Paints the recording kept under @key at (@x, @y), drawing it first if it is new. */
static void
paint_cached (EdPollCardRenderer *self,
              cairo_t            *cr,
              const char         *key,
              double              x,
              double              y,
              double              width,
              double              height,
              EdPollCardDrawFunc  draw,
              gconstpointer       data)
{
  cairo_surface_t *surface = g_hash_table_lookup (self->cache, key);

  if (surface == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, width, height };
      cairo_t *recording;

      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      recording = cairo_create (surface);
      pango_cairo_update_context (recording, self->context);
      draw (self, recording, width, height, data);
      cairo_destroy (recording);
      g_hash_table_insert (self->cache, g_strdup (key), surface);
    }
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
_ed_poll_card_draw_at (EdPollCardRenderer *self,
                       cairo_t            *cr,
                       double              x,
                       double              y,
                       double              width,
                       double              height,
                       EdPollCardDrawFunc  draw,
                       gconstpointer       data)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  draw (self, cr, width, height, data);
  cairo_restore (cr);
}

/* A thin grey line between parts of a side. */
void
_ed_poll_card_rule (cairo_t *cr,
                    double   x0,
                    double   y0,
                    double   x1,
                    double   y1)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.78, 0.80, 0.83);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The band across the top of either side: the council's name and the card's. */
void
_ed_poll_card_draw_band (EdPollCardRenderer *self,
                         cairo_t            *cr,
                         double              width,
                         double              height,
                         gconstpointer       data)
{
  const EdPollCard *card = data;
  EdElectorLanguage langs[2];
  guint n = ed_poll_card_languages_get (card->languages, langs);
  double title_width = width * 0.42;
  int w, h;

  _ed_poll_card_set_rgb (cr, ED_CARD_BRAND);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The council's name, left, its middle on the band's. */
  pango_layout_set_width (self->layout,
                          pango_units_from_double (width - title_width -
                                                   3 * ED_POLL_CARD_MARGIN_MM * MM));
  _ed_poll_card_set_style (self, ED_CARD_STYLE_BAND_COUNCIL, height > 30 ? 1.0 : 0.82);
  pango_layout_set_text (self->layout, self->setup->council_name, -1);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (self->layout, NULL, &h);
  _ed_poll_card_set_rgb (cr, ED_CARD_WHITE);
  cairo_move_to (cr, ED_POLL_CARD_MARGIN_MM * MM, (height - pango_units_to_double (h)) / 2);
  pango_cairo_show_layout (cr, self->layout);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);

  /* The card's name, right, in each language. */
  pango_layout_set_width (self->layout, pango_units_from_double (title_width));
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_RIGHT);
  {
    double total = 0.0;
    double y;

    for (guint pass = 0; pass < 2; pass++)
      {
        y = (height - total) / 2;
        for (guint l = 0; l < n; l++)
          {
            _ed_poll_card_set_style (self, ED_CARD_STYLE_BAND_TITLE,
                                     (l == 0 ? 1.0 : 0.85) * (height > 30 ? 1.0 : 0.9));
            pango_font_description_set_weight (self->font, l == 0 ? PANGO_WEIGHT_BOLD
                                                                  : PANGO_WEIGHT_NORMAL);
            pango_layout_set_font_description (self->layout, self->font);
            pango_layout_set_text (self->layout, ed_poll_card_title (card->variant, langs[l]),
                                   -1);
            pango_layout_get_size (self->layout, &w, &h);
            if (pass == 1)
              {
                cairo_move_to (cr, width - ED_POLL_CARD_MARGIN_MM * MM - title_width, y);
                pango_cairo_show_layout (cr, self->layout);
                y += pango_units_to_double (h);
              }
            else
              total += pango_units_to_double (h);
          }
      }
  }
  pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
}

/* The word PROOF in bold at @size points, on one line; @w and @h are its size. */
static void
set_proof_text (EdPollCardRenderer *self,
                double              size,
                int                *w,
                int                *h)
{
  pango_layout_set_width (self->layout, -1);
  pango_font_description_set_size (self->font, pango_units_from_double (size));
  pango_font_description_set_weight (self->font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (self->layout, self->font);
  pango_layout_set_text (self->layout, "PROOF", -1);
  pango_layout_get_size (self->layout, w, h);
}

static void
draw_watermark (EdPollCardRenderer *self,
                cairo_t            *cr,
                double              width,
                double              height,
                gconstpointer       data)
{
  int w, h;

  set_proof_text (self, 84.0, &w, &h);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_set_source_rgba (cr, 0.80, 0.10, 0.10, 0.22);
  cairo_move_to (cr, -pango_units_to_double (w) / 2, -pango_units_to_double (h) / 2);
  pango_cairo_show_layout (cr, self->layout);
}

/* A proof says so in words too, level with the text, where a reader of the PDF finds it. */
static void
draw_proof_tag (EdPollCardRenderer *self,
                cairo_t            *cr,
                double              width,
                double              height,
                gconstpointer       data)
{
  int w, h;

  set_proof_text (self, 7.0, &w, &h);
  cairo_set_source_rgb (cr, 0.75, 0.08, 0.08);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  _ed_poll_card_set_rgb (cr, ED_CARD_WHITE);
  cairo_move_to (cr, (width - pango_units_to_double (w)) / 2,
                 (height - pango_units_to_double (h)) / 2);
  pango_cairo_show_layout (cr, self->layout);
}

static void
draw_proof (EdPollCardRenderer *self,
            cairo_t            *cr,
            double              width,
            double              height)
{
  _ed_poll_card_draw_at (self, cr, 0, 0, width, height, draw_watermark, NULL);
  _ed_poll_card_draw_at (self, cr, (width - 16.0 * MM) / 2, 0, 16.0 * MM, 4.0 * MM,
                         draw_proof_tag, NULL);
}

/* A side's recording is kept under "front" or "back" and what every side's content depends
 * on; a side adds what only its own depends on. The renderer's one buffer holds it, so that
 * a hundred thousand cards do not each allocate two. */
GString *
_ed_poll_card_side_key (EdPollCardRenderer *self,
                        const char         *side,
                        const EdPollCard   *card)
{
  g_string_printf (self->key, "%s:%d:%d:%d:%d", side, card->variant, card->languages,
                   card->voter_id, card->anonymous);
  return self->key;
}

typedef struct
{
  EdPollCardDrawFunc  draw;
  const EdPollCard   *card;
} Side;

/* What a side's template draws, and on a proof the PROOF marks over it, in the recording. */
static void
draw_side (EdPollCardRenderer *self,
           cairo_t            *cr,
           double              width,
           double              height,
           gconstpointer       data)
{
  const Side *side = data;

  side->draw (self, cr, width, height, side->card);
  if (self->proof)
    draw_proof (self, cr, width, height);
}

/* Paints a whole side of the card from the recording kept under @key, drawing it with @draw
 * the first time. */
void
_ed_poll_card_paint_side (EdPollCardRenderer *self,
                          cairo_t            *cr,
                          const char         *key,
                          EdPollCardDrawFunc  draw,
                          const EdPollCard   *card)
{
  Side side = { draw, card };

  pango_cairo_update_context (cr, self->context);
  paint_cached (self, cr, key, 0, 0, ED_POLL_CARD_WIDTH, ED_POLL_CARD_HEIGHT, draw_side,
                &side);
}

/**
 * ed_poll_card_renderer_new:
 * @setup: what the run's cards share; must outlive the renderer
 * @proof: %TRUE to mark every side PROOF
 *
 * Returns: (transfer full): a renderer, which keeps its fonts and the blocks cards share
 *   from one card to the next
 */
EdPollCardRenderer *
ed_poll_card_renderer_new (const EdPollCardSetup *setup,
                           gboolean               proof)
{
  EdPollCardRenderer *self = g_new0 (EdPollCardRenderer, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->setup = setup;
  self->proof = proof;
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Points as user units, and the same layout on paper as on screen. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->font = pango_font_description_from_string (FONT_FAMILY);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)cairo_surface_destroy);
  self->key = g_string_sized_new (128);
  self->fast = _ed_poll_card_fast_fonts_new (self);
  pango_layout_set_width (self->layout, -1);
  return self;
}

/**
 * ed_poll_card_renderer_free:
 * @self: (nullable): a renderer
 */
void
ed_poll_card_renderer_free (EdPollCardRenderer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_string_free (self->key, TRUE);
  g_clear_pointer (&self->fast, _ed_poll_card_fast_fonts_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self);
}

