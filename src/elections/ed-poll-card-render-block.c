/* ed-poll-card-render-block.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text of a poll card as blocks of paragraphs in the card's languages (the second of a
 * bilingual card set under the first, in a colour of its own), the type styles they are set
 * in, and their layout in a box, shrunk until they fit. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include "elections/ed-poll-card-render-private.h"

const EdPollCardStyleInfo _ed_poll_card_styles[ED_N_CARD_STYLES] = {
  [ED_CARD_STYLE_LABEL] = { 6.5, PANGO_WEIGHT_BOLD, ED_CARD_MUTED, 5.0 },
  [ED_CARD_STYLE_DATE] = { 12.0, PANGO_WEIGHT_BOLD, ED_CARD_INK, 1.0 },
  [ED_CARD_STYLE_HEADING] = { 9.0, PANGO_WEIGHT_BOLD, ED_CARD_BRAND, 6.0 },
  [ED_CARD_STYLE_STRONG] = { 8.5, PANGO_WEIGHT_BOLD, ED_CARD_INK, 2.0 },
  [ED_CARD_STYLE_BODY] = { 7.5, PANGO_WEIGHT_NORMAL, ED_CARD_INK, 3.0 },
  [ED_CARD_STYLE_SMALL] = { 6.5, PANGO_WEIGHT_NORMAL, ED_CARD_INK, 3.0 },
  [ED_CARD_STYLE_NUMBER] = { 11.0, PANGO_WEIGHT_BOLD, ED_CARD_INK, 2.0 },
  [ED_CARD_STYLE_BAND_TITLE] = { 9.0, PANGO_WEIGHT_BOLD, ED_CARD_WHITE, 0.0 },
  [ED_CARD_STYLE_BAND_COUNCIL] = { 11.0, PANGO_WEIGHT_BOLD, ED_CARD_WHITE, 0.0 },
};

static void
para_clear (EdPollCardPara *para)
{
  g_free (para->text);
}

void
_ed_poll_card_block_init (EdPollCardBlock     *block,
                          EdPollCardLanguages  languages)
{
  block->paras = g_array_new (FALSE, FALSE, sizeof (EdPollCardPara));
  g_array_set_clear_func (block->paras, (GDestroyNotify)para_clear);
  block->n_langs = ed_poll_card_languages_get (languages, block->langs);
}

void
_ed_poll_card_block_clear (EdPollCardBlock *block)
{
  g_clear_pointer (&block->paras, g_array_unref);
}

/* Adds @text, which becomes the block's. */
void
_ed_poll_card_block_take (EdPollCardBlock *block,
                          EdPollCardStyle  style,
                          gboolean         group,
                          gboolean         second,
                          char            *text)
{
  EdPollCardPara para = { style, second, group, text };

  g_array_append_val (block->paras, para);
}

/* A fixed text in each of the card's languages, the first starting a group if @group. */
void
_ed_poll_card_block_text (EdPollCardBlock *block,
                          EdPollCardStyle  style,
                          gboolean         group,
                          EdPollCardText   text)
{
  for (guint l = 0; l < block->n_langs; l++)
    _ed_poll_card_block_take (block, style, group && l == 0, l > 0,
                              g_strdup (ed_poll_card_text (text, block->langs[l])));
}

/* A text with one `%s`, in each of the card's languages, the argument formatted for each. */
void
_ed_poll_card_block_text_with (EdPollCardBlock *block,
                               EdPollCardStyle  style,
                               gboolean         group,
                               EdPollCardText   text,
                               EdPollCardArg    kind,
                               gconstpointer    arg)
{
  for (guint l = 0; l < block->n_langs; l++)
    {
      EdElectorLanguage language = block->langs[l];
      g_autofree char *value = NULL;

      switch (kind)
        {
        case ED_CARD_ARG_DEADLINE:
          value = ed_poll_card_format_deadline (arg, language);
          break;
        case ED_CARD_ARG_DAY:
          value = ed_poll_card_format_day_in_sentence (arg, language);
          break;
        case ED_CARD_ARG_STRING:
        default:
          value = g_strdup (arg);
          break;
        }
      _ed_poll_card_block_take (block, style, group && l == 0, l > 0,
                                g_strdup_printf (ed_poll_card_text (text, language), value));
    }
}

/* A fixed text in each language on one line: "Rhif etholwr / Elector number". */
char *
_ed_poll_card_joined_text (const EdElectorLanguage *langs,
                           guint                    n_langs,
                           EdPollCardText           text)
{
  if (n_langs == 1)
    return g_strdup (ed_poll_card_text (text, langs[0]));
  return g_strdup_printf ("%s / %s", ed_poll_card_text (text, langs[0]),
                          ed_poll_card_text (text, langs[1]));
}

void
_ed_poll_card_set_rgb (cairo_t *cr,
                       guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
_ed_poll_card_set_style (EdPollCardRenderer *self,
                         EdPollCardStyle     style,
                         double              scale)
{
  const EdPollCardStyleInfo *info = &_ed_poll_card_styles[style];

  pango_font_description_set_size (self->font, pango_units_from_double (info->size * scale));
  pango_font_description_set_weight (self->font, info->weight);
  pango_layout_set_font_description (self->layout, self->font);
}

/* Lays out a block's paragraphs at @scale, drawing them if @cr is given; returns the
 * height they take. */
static double
layout_block (EdPollCardRenderer    *self,
              cairo_t               *cr,
              const EdPollCardBlock *block,
              double                 width,
              double                 scale)
{
  double y = 0.0;

  pango_layout_set_width (self->layout, pango_units_from_double (width));
  for (guint i = 0; i < block->paras->len; i++)
    {
      const EdPollCardPara *para = &g_array_index (block->paras, EdPollCardPara, i);
      const EdPollCardStyleInfo *info = &_ed_poll_card_styles[para->style];
      int height;

      if (i > 0)
        y += para->group ? info->space_before * scale : 0.6 * scale;
      _ed_poll_card_set_style (self, para->style, scale);
      pango_layout_set_text (self->layout, para->text, -1);
      pango_layout_get_size (self->layout, NULL, &height);
      if (cr != NULL)
        {
          _ed_poll_card_set_rgb (cr, para->second && info->rgb == ED_CARD_INK ? ED_CARD_SECOND
                                                                              : info->rgb);
          cairo_move_to (cr, 0.0, y);
          pango_cairo_show_layout (cr, self->layout);
        }
      y += pango_units_to_double (height);
    }
  return y;
}

/* Draws a block into a box at the origin, shrunk until it fits (never below
 * ED_POLL_CARD_MIN_SCALE, so the type stays legible; a block that still does not fit is cut
 * at the box's edge). */
void
_ed_poll_card_draw_block (EdPollCardRenderer    *self,
                          cairo_t               *cr,
                          const EdPollCardBlock *block,
                          double                 width,
                          double                 height)
{
  double scale = 1.0;
  double needed = layout_block (self, NULL, block, width, scale);

  while (needed > height && scale > ED_POLL_CARD_MIN_SCALE)
    {
      scale = MAX (ED_POLL_CARD_MIN_SCALE, scale * MAX (0.85, MIN (0.97, height / needed)));
      needed = layout_block (self, NULL, block, width, scale);
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  layout_block (self, cr, block, width, scale);
  cairo_restore (cr);
}
