/* ed-poll-card-render-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the poll card renderer's files share: the renderer itself, the type styles and their
 * colours, the blocks of text in the card's languages, and the pieces every side of a card
 * is drawn with. */

#pragma once

#include <pango/pangocairo.h>

#include "elections/ed-poll-card-render.h"

G_BEGIN_DECLS

/* The side margin of both sides of the card. */
#define ED_POLL_CARD_MARGIN_MM 7.0

/* Never smaller than this share of a style's size when a block is shrunk to fit. */
#define ED_POLL_CARD_MIN_SCALE 0.72

#define ED_CARD_INK     0x1a1a1a
#define ED_CARD_BRAND   0x1d3557
#define ED_CARD_MUTED   0x55606b
#define ED_CARD_SECOND  0x3f5670  /* the second language of a bilingual card */
#define ED_CARD_WHITE   0xffffff

typedef enum
{
  ED_CARD_STYLE_LABEL,
  ED_CARD_STYLE_DATE,
  ED_CARD_STYLE_HEADING,
  ED_CARD_STYLE_STRONG,
  ED_CARD_STYLE_BODY,
  ED_CARD_STYLE_SMALL,
  ED_CARD_STYLE_NUMBER,
  ED_CARD_STYLE_BAND_TITLE,
  ED_CARD_STYLE_BAND_COUNCIL,
  ED_N_CARD_STYLES,
} EdPollCardStyle;

typedef struct
{
  double      size;
  PangoWeight weight;
  guint32     rgb;
  double      space_before;  /* points, before a paragraph that starts a group */
} EdPollCardStyleInfo;

extern const EdPollCardStyleInfo _ed_poll_card_styles[ED_N_CARD_STYLES];

typedef struct
{
  EdPollCardStyle  style;
  gboolean         second;  /* in the second language of a bilingual card */
  gboolean         group;   /* starts a group: space before it */
  char            *text;
} EdPollCardPara;

/* Paragraphs in the card's languages, laid out together in a box. */
typedef struct
{
  GArray            *paras;
  EdElectorLanguage  langs[2];
  guint              n_langs;
} EdPollCardBlock;

/* How the argument of a text with one `%s` is written in each language. */
typedef enum
{
  ED_CARD_ARG_STRING,
  ED_CARD_ARG_DEADLINE,
  ED_CARD_ARG_DAY,
} EdPollCardArg;

/* The address block's fonts and glyphs, found once (ed-poll-card-render-address.c). */
typedef struct _EdPollCardFastFonts EdPollCardFastFonts;

struct _EdPollCardRenderer
{
  const EdPollCardSetup *setup;
  gboolean               proof;
  PangoContext          *context;
  PangoLayout           *layout;
  PangoFontDescription  *font;
  GHashTable            *cache;  /* key → cairo_surface_t, a recording of a block */
  GString               *key;    /* the key of the side being painted, card after card */
  EdPollCardFastFonts   *fast;
};

/* Draws a part of the card into a box of @width by @height at the origin. */
typedef void (*EdPollCardDrawFunc) (EdPollCardRenderer *self,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    gconstpointer       data);

/* ed-poll-card-render-block.c: blocks of text and their styles. */
void     _ed_poll_card_set_rgb          (cairo_t                  *cr,
                                         guint32                   rgb);
void     _ed_poll_card_set_style        (EdPollCardRenderer       *self,
                                         EdPollCardStyle           style,
                                         double                    scale);
void     _ed_poll_card_block_init       (EdPollCardBlock          *block,
                                         EdPollCardLanguages       languages);
void     _ed_poll_card_block_clear      (EdPollCardBlock          *block);
void     _ed_poll_card_block_take       (EdPollCardBlock          *block,
                                         EdPollCardStyle           style,
                                         gboolean                  group,
                                         gboolean                  second,
                                         char                     *text);
void     _ed_poll_card_block_text       (EdPollCardBlock          *block,
                                         EdPollCardStyle           style,
                                         gboolean                  group,
                                         EdPollCardText            text);
void     _ed_poll_card_block_text_with  (EdPollCardBlock          *block,
                                         EdPollCardStyle           style,
                                         gboolean                  group,
                                         EdPollCardText            text,
                                         EdPollCardArg             kind,
                                         gconstpointer             arg);
char    *_ed_poll_card_joined_text      (const EdElectorLanguage  *langs,
                                         guint                     n_langs,
                                         EdPollCardText            text);
void     _ed_poll_card_draw_block       (EdPollCardRenderer       *self,
                                         cairo_t                  *cr,
                                         const EdPollCardBlock    *block,
                                         double                    width,
                                         double                    height);

/* ed-poll-card-render-address.c: the address block, card by card. */
EdPollCardFastFonts *_ed_poll_card_fast_fonts_new  (EdPollCardRenderer  *self);
void                 _ed_poll_card_fast_fonts_free (EdPollCardFastFonts *fonts);
void                 _ed_poll_card_draw_address    (EdPollCardRenderer  *self,
                                                    cairo_t             *cr,
                                                    const EdPollCard    *card,
                                                    double               width,
                                                    double               height);

/* ed-poll-card-render.c: what both sides of a card are drawn with. */
void     _ed_poll_card_draw_at          (EdPollCardRenderer       *self,
                                         cairo_t                  *cr,
                                         double                    x,
                                         double                    y,
                                         double                    width,
                                         double                    height,
                                         EdPollCardDrawFunc        draw,
                                         gconstpointer             data);
void     _ed_poll_card_rule             (cairo_t                  *cr,
                                         double                    x0,
                                         double                    y0,
                                         double                    x1,
                                         double                    y1);
void     _ed_poll_card_draw_band        (EdPollCardRenderer       *self,
                                         cairo_t                  *cr,
                                         double                    width,
                                         double                    height,
                                         gconstpointer             data);
GString *_ed_poll_card_side_key         (EdPollCardRenderer       *self,
                                         const char               *side,
                                         const EdPollCard         *card);
void     _ed_poll_card_paint_side       (EdPollCardRenderer       *self,
                                         cairo_t                  *cr,
                                         const char               *key,
                                         EdPollCardDrawFunc        draw,
                                         const EdPollCard         *card);

G_END_DECLS
