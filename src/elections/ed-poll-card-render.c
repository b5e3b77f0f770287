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
 * out card by card. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "elections/ed-poll-card-render.h"

#define MM ED_POLL_CARD_MM

/* The families tried in order, as the other documents; fontconfig falls back further. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, sans-serif"

/* The envelope's window. The card is landscape A6 (148 × 105 mm): it goes into a DL
 * envelope (220 × 110 mm) lying long side down, and an inserter leaves it against the
 * envelope's bottom and left edges. The window of a standard DL window envelope is 90 × 45
 * mm, 20 mm from the envelope's left edge and 15 mm from its bottom edge, so on the card it
 * starts 20 mm from the left and 105 − 15 − 45 = 45 mm from the top. The address block keeps
 * WINDOW_INSET inside it on every side, for the card's play in the envelope. Cards posted
 * without an envelope put the address in the same place. */
#define DL_WINDOW_LEFT_MM    20.0
#define DL_WINDOW_TOP_MM     45.0
#define DL_WINDOW_WIDTH_MM   90.0
#define DL_WINDOW_HEIGHT_MM  45.0
#define WINDOW_INSET_MM       4.0

/* The rest of the front, in millimetres from the card's top-left corner. */
#define MARGIN_MM             7.0
#define BAND_MM              14.0
#define UPPER_TOP_MM         16.5
#define UPPER_BOTTOM_MM      43.0
#define DAY_RIGHT_MM         62.0
#define MAIN_LEFT_MM         65.0
#define POLLS_LEFT_MM       112.0
#define POLLS_BOTTOM_MM      91.0
#define NOTES_TOP_MM         92.0
#define RETURN_LEFT_MM        5.0
#define RETURN_RIGHT_MM      19.0

/* The back. */
#define BACK_BAND_MM          9.0
#define BACK_TOP_MM          12.0
#define BACK_SPLIT_MM        74.0

/* Never smaller than this share of a style's size when a block is shrunk to fit. */
#define MIN_SCALE 0.72

typedef enum
{
  ST_LABEL,
  ST_DATE,
  ST_HEADING,
  ST_STRONG,
  ST_BODY,
  ST_SMALL,
  ST_NUMBER,
  ST_BAND_TITLE,
  ST_BAND_COUNCIL,
  N_STYLES,
} Style;

typedef struct
{
  double      size;
  PangoWeight weight;
  guint32     rgb;
  double      space_before;  /* points, before a paragraph that starts a group */
} StyleInfo;

#define INK        0x1a1a1a
#define BRAND      0x1d3557
#define MUTED      0x55606b
#define SECOND     0x3f5670  /* the second language of a bilingual card */
#define WHITE      0xffffff

static const StyleInfo style_info[N_STYLES] = {
  [ST_LABEL] = { 6.5, PANGO_WEIGHT_BOLD, MUTED, 5.0 },
  [ST_DATE] = { 12.0, PANGO_WEIGHT_BOLD, INK, 1.0 },
  [ST_HEADING] = { 9.0, PANGO_WEIGHT_BOLD, BRAND, 6.0 },
  [ST_STRONG] = { 8.5, PANGO_WEIGHT_BOLD, INK, 2.0 },
  [ST_BODY] = { 7.5, PANGO_WEIGHT_NORMAL, INK, 3.0 },
  [ST_SMALL] = { 6.5, PANGO_WEIGHT_NORMAL, INK, 3.0 },
  [ST_NUMBER] = { 11.0, PANGO_WEIGHT_BOLD, INK, 2.0 },
  [ST_BAND_TITLE] = { 9.0, PANGO_WEIGHT_BOLD, WHITE, 0.0 },
  [ST_BAND_COUNCIL] = { 11.0, PANGO_WEIGHT_BOLD, WHITE, 0.0 },
};

typedef struct
{
  Style     style;
  gboolean  second;  /* in the second language of a bilingual card */
  gboolean  group;   /* starts a group: space before it */
  char     *text;
} Para;

typedef struct
{
  GArray            *paras;
  EdElectorLanguage  langs[2];
  guint              n_langs;
} Block;

/* The address block's styles, set without Pango when their text is plain ASCII. */
typedef enum
{
  FAST_NUMBER,  /* ST_SMALL */
  FAST_NAME,    /* ST_STRONG */
  FAST_LINE,    /* ST_BODY */
  N_FAST,
} FastStyle;

static const Style fast_styles[N_FAST] = { ST_SMALL, ST_STRONG, ST_BODY };

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

struct _EdPollCardRenderer
{
  const EdPollCardSetup *setup;
  gboolean               proof;
  PangoContext          *context;
  PangoLayout           *layout;
  PangoFontDescription  *font;
  GHashTable            *cache;  /* key → cairo_surface_t, a recording of a block */
  FastFont               fast[N_FAST];
};

typedef void (*DrawFunc) (EdPollCardRenderer *self,
                          cairo_t            *cr,
                          double              width,
                          double              height,
                          gconstpointer       data);

static void
para_clear (Para *para)
{
  g_free (para->text);
}

static void
block_init (Block               *block,
            EdPollCardLanguages  languages)
{
  block->paras = g_array_new (FALSE, FALSE, sizeof (Para));
  g_array_set_clear_func (block->paras, (GDestroyNotify)para_clear);
  block->n_langs = ed_poll_card_languages_get (languages, block->langs);
}

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->paras, g_array_unref);
}

/* Adds @text, which becomes the block's. */
static void
block_take (Block    *block,
            Style     style,
            gboolean  group,
            gboolean  second,
            char     *text)
{
  Para para = { style, second, group, text };

  g_array_append_val (block->paras, para);
}

/* A fixed text in each of the card's languages, the first starting a group if @group. */
static void
block_text (Block          *block,
            Style           style,
            gboolean        group,
            EdPollCardText  text)
{
  for (guint l = 0; l < block->n_langs; l++)
    block_take (block, style, group && l == 0, l > 0,
                g_strdup (ed_poll_card_text (text, block->langs[l])));
}

typedef enum
{
  ARG_STRING,
  ARG_DEADLINE,
  ARG_DAY,
} ArgKind;

/* A text with one `%s`, in each of the card's languages, the argument formatted for each. */
static void
block_text_with (Block          *block,
                 Style           style,
                 gboolean        group,
                 EdPollCardText  text,
                 ArgKind         kind,
                 gconstpointer   arg)
{
  for (guint l = 0; l < block->n_langs; l++)
    {
      EdElectorLanguage language = block->langs[l];
      g_autofree char *value = NULL;

      switch (kind)
        {
        case ARG_DEADLINE:
          value = ed_poll_card_format_deadline (arg, language);
          break;
        case ARG_DAY:
          value = ed_poll_card_format_day_in_sentence (arg, language);
          break;
        case ARG_STRING:
        default:
          value = g_strdup (arg);
          break;
        }
      block_take (block, style, group && l == 0, l > 0,
                  g_strdup_printf (ed_poll_card_text (text, language), value));
    }
}

/* A fixed text in each language on one line: "Rhif etholwr / Elector number". */
static char *
joined_text (const EdElectorLanguage *langs,
             guint                    n_langs,
             EdPollCardText           text)
{
  if (n_langs == 1)
    return g_strdup (ed_poll_card_text (text, langs[0]));
  return g_strdup_printf ("%s / %s", ed_poll_card_text (text, langs[0]),
                          ed_poll_card_text (text, langs[1]));
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_style (EdPollCardRenderer *self,
           Style               style,
           double              scale)
{
  const StyleInfo *info = &style_info[style];

  pango_font_description_set_size (self->font, pango_units_from_double (info->size * scale));
  pango_font_description_set_weight (self->font, info->weight);
  pango_layout_set_font_description (self->layout, self->font);
}

/* Lays out a block's paragraphs at @scale, drawing them if @cr is given; returns the
 * height they take. */
static double
layout_block (EdPollCardRenderer *self,
              cairo_t            *cr,
              const Block        *block,
              double              width,
              double              scale)
{
  double y = 0.0;

  pango_layout_set_width (self->layout, pango_units_from_double (width));
  for (guint i = 0; i < block->paras->len; i++)
    {
      const Para *para = &g_array_index (block->paras, Para, i);
      const StyleInfo *info = &style_info[para->style];
      int height;

      if (i > 0)
        y += para->group ? info->space_before * scale : 0.6 * scale;
      set_style (self, para->style, scale);
      pango_layout_set_text (self->layout, para->text, -1);
      pango_layout_get_size (self->layout, NULL, &height);
      if (cr != NULL)
        {
          set_rgb (cr, para->second && info->rgb == INK ? SECOND : info->rgb);
          cairo_move_to (cr, 0.0, y);
          pango_cairo_show_layout (cr, self->layout);
        }
      y += pango_units_to_double (height);
    }
  return y;
}

/* Draws a block into a box at the origin, shrunk until it fits (never below MIN_SCALE, so
 * the type stays legible; a block that still does not fit is cut at the box's edge). */
static void
draw_block (EdPollCardRenderer *self,
            cairo_t            *cr,
            const Block        *block,
            double              width,
            double              height)
{
  double scale = 1.0;
  double needed = layout_block (self, NULL, block, width, scale);

  while (needed > height && scale > MIN_SCALE)
    {
      scale = MAX (MIN_SCALE, scale * MAX (0.85, MIN (0.97, height / needed)));
      needed = layout_block (self, NULL, block, width, scale);
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  layout_block (self, cr, block, width, scale);
  cairo_restore (cr);
}

/* Paints the recording kept under @key at (@x, @y), drawing it first if it is new. */
static void
paint_cached (EdPollCardRenderer *self,
              cairo_t            *cr,
              const char         *key,
              double              x,
              double              y,
              double              width,
              double              height,
              DrawFunc            draw,
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

static void
draw_at (EdPollCardRenderer *self,
         cairo_t            *cr,
         double              x,
         double              y,
         double              width,
         double              height,
         DrawFunc            draw,
         gconstpointer       data)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  draw (self, cr, width, height, data);
  cairo_restore (cr);
}

static void
rule (cairo_t *cr,
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

/* --- the band ------------------------------------------------------------------------------ */

static void
draw_band (EdPollCardRenderer *self,
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

  set_rgb (cr, BRAND);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The council's name, left, its middle on the band's. */
  pango_layout_set_width (self->layout, pango_units_from_double (width - title_width -
                                                                 3 * MARGIN_MM * MM));
  set_style (self, ST_BAND_COUNCIL, height > 30 ? 1.0 : 0.82);
  pango_layout_set_text (self->layout, self->setup->council_name, -1);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (self->layout, NULL, &h);
  set_rgb (cr, WHITE);
  cairo_move_to (cr, MARGIN_MM * MM, (height - pango_units_to_double (h)) / 2);
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
            set_style (self, ST_BAND_TITLE, (l == 0 ? 1.0 : 0.85) * (height > 30 ? 1.0 : 0.9));
            pango_font_description_set_weight (self->font, l == 0 ? PANGO_WEIGHT_BOLD
                                                                  : PANGO_WEIGHT_NORMAL);
            pango_layout_set_font_description (self->layout, self->font);
            pango_layout_set_text (self->layout, ed_poll_card_title (card->variant, langs[l]),
                                   -1);
            pango_layout_get_size (self->layout, &w, &h);
            if (pass == 1)
              {
                cairo_move_to (cr, width - MARGIN_MM * MM - title_width, y);
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

/* --- the front --------------------------------------------------------------------------- */

static void
draw_day (EdPollCardRenderer *self,
          cairo_t            *cr,
          double              width,
          double              height,
          gconstpointer       data)
{
  const EdPollCard *card = data;
  Block block;

  block_init (&block, card->languages);
  block_text (&block, ST_LABEL, FALSE, ED_CARD_TEXT_POLLING_DAY);
  /* The date in the first language stands out; in the second it is set as a line of text. */
  for (guint l = 0; l < block.n_langs; l++)
    block_take (&block, l == 0 ? ST_DATE : ST_STRONG, l == 0, l > 0,
                ed_poll_card_format_date (&self->setup->poll, block.langs[l]));
  if (ed_poll_card_is_in_person (card->variant))
    {
      block_text (&block, ST_LABEL, TRUE, ED_CARD_TEXT_POLLING_HOURS);
      block_text (&block, ST_STRONG, FALSE, ED_CARD_TEXT_HOURS);
    }
  draw_block (self, cr, &block, width, height);
  block_clear (&block);
}

static char *
station_address (const EdRollStation *station)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (station->place_address, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, lines[i]);
    }
  if (*station->place_postcode != '\0')
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, station->place_postcode);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where the card's vote is cast: the station, or the postal vote's dates. */
static void
draw_main (EdPollCardRenderer *self,
           cairo_t            *cr,
           double              width,
           double              height,
           gconstpointer       data)
{
  const EdPollCard *card = data;
  const EdPollCardSetup *setup = self->setup;
  Block block;

  block_init (&block, card->languages);
  if (ed_poll_card_is_in_person (card->variant))
    {
      block_take (&block, ST_LABEL, FALSE, FALSE,
                  joined_text (block.langs, block.n_langs,
                               card->variant == ED_POLL_CARD_PROXY
                                 ? ED_CARD_TEXT_PROXY_POLLING_STATION
                                 : ED_CARD_TEXT_YOUR_POLLING_STATION));
      if (card->station != NULL)
        {
          const EdRollStation *station = card->station;

          block_take (&block, ST_STRONG, FALSE, FALSE,
                      *station->name != '\0'
                        ? g_strdup_printf ("%s, %s", station->place_name, station->name)
                        : g_strdup (station->place_name));
          block_take (&block, ST_BODY, FALSE, FALSE, station_address (station));
          block_take (&block, ST_SMALL, FALSE, FALSE, g_strdup_printf (
                        ed_poll_card_text (ED_CARD_TEXT_STATION_CODE_FMT, block.langs[0]),
                        station->code));
          if (*station->poll_card_note != '\0')
            block_take (&block, ST_BODY, TRUE, FALSE, g_strdup (station->poll_card_note));
        }
      else
        block_text (&block, ST_BODY, FALSE, ED_CARD_TEXT_NO_STATION);
    }
  else
    {
      block_take (&block, ST_LABEL, FALSE, FALSE,
                  joined_text (block.langs, block.n_langs, ED_CARD_TEXT_VOTING_BY_POST));
      if (card->variant == ED_POLL_CARD_POSTAL)
        block_text (&block, ST_STRONG, FALSE, ED_CARD_TEXT_POSTAL_YOU_VOTE);
      if (g_date_valid (&setup->postal_packs_from))
        block_text_with (&block, ST_BODY, TRUE, ED_CARD_TEXT_POSTAL_SENT_FMT, ARG_DAY,
                         &setup->postal_packs_from);
      if (g_date_valid (&setup->postal_replacement_from))
        block_text_with (&block, ST_BODY, TRUE, ED_CARD_TEXT_POSTAL_NOT_RECEIVED_FMT, ARG_DAY,
                         &setup->postal_replacement_from);
      block_text (&block, ST_BODY, TRUE, ED_CARD_TEXT_POSTAL_RETURN);
    }
  draw_block (self, cr, &block, width, height);
  block_clear (&block);
}

static void
draw_polls (EdPollCardRenderer *self,
            cairo_t            *cr,
            double              width,
            double              height,
            gconstpointer       data)
{
  const EdPollCard *card = data;
  Block block;

  block_init (&block, card->languages);
  for (guint p = 0; p < self->setup->n_polls; p++)
    {
      EdElection *poll = self->setup->polls[p];
      gboolean first = TRUE;

      if ((card->polls & (1u << p)) == 0)
        continue;
      for (guint l = 0; l < block.n_langs; l++)
        block_take (&block, ST_LABEL, block.paras->len > 0 && l == 0, l > 0,
                    g_strdup (ed_poll_card_kind_name (poll->kind, self->setup->country,
                                                      block.langs[l])));
      block_take (&block, ST_STRONG, FALSE, FALSE, g_strdup (poll->title));
      for (guint l = 0; l < block.n_langs; l++)
        {
          g_autofree char *contest = NULL;
          g_autofree char *line = ed_poll_card_describe_poll (card, p, block.langs[l],
                                                              &contest);

          (void)line;

          if (*contest != '\0')
            block_take (&block, ST_BODY, FALSE, !first, g_steal_pointer (&contest));
          first = FALSE;
        }
    }
  draw_block (self, cr, &block, width, height);
  block_clear (&block);
}

/* What the front says under the window: the card's own sentences for its variant. */
static void
notes_block (EdPollCardRenderer *self,
             const EdPollCard   *card,
             Block              *block)
{
  if (card->anonymous)
    block_text (block, ST_BODY, FALSE,
                ed_poll_card_is_in_person (card->variant) ? ED_CARD_TEXT_ANONYMOUS_IN_PERSON
                                                          : ED_CARD_TEXT_ANONYMOUS_POSTAL);
  switch (card->variant)
    {
    case ED_POLL_CARD_ORDINARY:
      if (!card->anonymous)
        block_text (block, ST_BODY, FALSE, ED_CARD_TEXT_NO_CARD_NEEDED);
      if (card->voter_id)
        {
          for (guint l = 0; l < block->n_langs; l++)
            block_take (block, ST_STRONG, l == 0, l > 0, g_strdup_printf (
                          "%s %s",
                          ed_poll_card_text (ED_CARD_TEXT_PHOTO_ID_NEEDED, block->langs[l]),
                          ed_poll_card_text (ED_CARD_TEXT_PHOTO_ID_SEE_BACK, block->langs[l])));
        }
      break;
    case ED_POLL_CARD_PROXY:
      block_text_with (block, ST_BODY, FALSE, ED_CARD_TEXT_PROXY_APPOINTED_FMT, ARG_STRING,
                       card->elector_number);
      block_text (block, ST_BODY, FALSE, ED_CARD_TEXT_PROXY_LATE);
      if (card->voter_id)
        block_text (block, ST_STRONG, TRUE, ED_CARD_TEXT_PHOTO_ID_PROXY);
      break;
    case ED_POLL_CARD_PROXY_POSTAL:
      block_text_with (block, ST_BODY, FALSE, ED_CARD_TEXT_PROXY_POSTAL_APPOINTED_FMT,
                       ARG_STRING, card->elector_number);
      block_text (block, ST_BODY, FALSE, ED_CARD_TEXT_PROXY_POSTAL_NOT_IN_PERSON);
      break;
    case ED_POLL_CARD_POSTAL:
      block_text (block, ST_BODY, FALSE, ED_CARD_TEXT_POSTAL_NOT_IN_PERSON);
      break;
    case ED_N_POLL_CARD_VARIANTS:
    default:
      break;
    }
}

static void
draw_notes (EdPollCardRenderer *self,
            cairo_t            *cr,
            double              width,
            double              height,
            gconstpointer       data)
{
  Block block;

  block_init (&block, ((const EdPollCard *)data)->languages);
  notes_block (self, data, &block);
  draw_block (self, cr, &block, width, height);
  block_clear (&block);
}

/* "If undelivered, return to", up the card's left edge. */
static void
draw_return (EdPollCardRenderer *self,
             cairo_t            *cr,
             double              width,
             double              height,
             gconstpointer       data)
{
  const EdPollCard *card = data;
  g_autofree char *address = g_strdelimit (g_strdup (self->setup->council_address), "\n", ',');
  g_autoptr(GString) to = g_string_new (self->setup->council_name);
  Block block;

  if (*address != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (address, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_string_append_printf (to, ", %s", parts[i]);
    }
  block_init (&block, card->languages);
  for (guint l = 0; l < block.n_langs; l++)
    block_take (&block, ST_SMALL, FALSE, l > 0,
                g_strdup_printf ("%s:", ed_poll_card_text (ED_CARD_TEXT_RETURN_TO,
                                                           block.langs[l])));
  block_take (&block, ST_SMALL, FALSE, FALSE, g_strdup (to->str));
  cairo_translate (cr, 0, height);
  cairo_rotate (cr, -G_PI / 2);
  draw_block (self, cr, &block, height, width);
  block_clear (&block);
}

/* Appends @text to @text_out with its own size, weight and colour. */
static void
add_run (GString       *text_out,
         PangoAttrList *attrs,
         Style          style,
         double         scale,
         const char    *text)
{
  const StyleInfo *info = &style_info[style];
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
  g_autofree char *label = joined_text (langs, n, proxy ? ED_CARD_TEXT_ELECTOR_REPRESENTED
                                                         : ED_CARD_TEXT_ELECTOR_NUMBER);

  if (card->anonymous && !proxy)
    {
      g_autofree char *heading = joined_text (langs, n, ED_CARD_TEXT_ANONYMOUS_ELECTOR);

      add_run (text, attrs, ST_HEADING, scale, heading);
      add_run (text, attrs, ST_LABEL, scale, label);
      add_run (text, attrs, ST_NUMBER, scale, card->elector_number);
      return;
    }
  {
    g_autofree char *number = g_strdup_printf ("%s: %s", label, card->elector_number);

    add_run (text, attrs, ST_SMALL, scale, number);
  }
  if (card->addressee[0] != NULL)
    {
      add_run (text, attrs, ST_STRONG, scale, card->addressee[0]);
      for (guint i = 1; card->addressee[i] != NULL; i++)
        add_run (text, attrs, ST_BODY, scale, card->addressee[i]);
    }
}

static void
fast_font_init (EdPollCardRenderer *self,
                FastFont           *fast,
                Style               style)
{
  char ch[2] = { 0, 0 };
  int baseline, height;

  set_style (self, style, 1.0);
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
  char number[160];
  double y = 0.0;
  guint lines;

  if (n != 1 || (card->anonymous && !proxy) || card->addressee[0] == NULL)
    return FALSE;
  g_snprintf (number, sizeof number, "%s: %s", ed_poll_card_text (label, langs[0]),
              card->elector_number);
  lines = g_strv_length (card->addressee);
  if (self->fast[FAST_NUMBER].font == NULL || self->fast[FAST_NAME].font == NULL ||
      self->fast[FAST_LINE].font == NULL ||
      self->fast[FAST_NUMBER].line_height + self->fast[FAST_NAME].line_height +
        (lines - 1) * self->fast[FAST_LINE].line_height + style_info[ST_STRONG].space_before >
        height)
    return FALSE;
  {
    double w = fast_width (&self->fast[FAST_NUMBER], number);

    if (w < 0 || w > width)
      return FALSE;
  }
  for (guint i = 0; i < lines; i++)
    {
      double w = fast_width (&self->fast[i == 0 ? FAST_NAME : FAST_LINE], card->addressee[i]);

      if (w < 0 || w > width || strlen (card->addressee[i]) >= 256)
        return FALSE;
    }

  set_rgb (cr, INK);
  fast_show (&self->fast[FAST_NUMBER], cr, number, y);
  y += self->fast[FAST_NUMBER].line_height + style_info[ST_STRONG].space_before;
  for (guint i = 0; i < lines; i++)
    {
      const FastFont *fast = &self->fast[i == 0 ? FAST_NAME : FAST_LINE];

      fast_show (fast, cr, card->addressee[i], y);
      y += fast->line_height;
    }
  return TRUE;
}

/* The address block and the elector's number: the card's own, laid out card by card, as one
 * layout (one shaping) with a size and weight for each line. */
static void
draw_address (EdPollCardRenderer *self,
              cairo_t            *cr,
              const EdPollCard   *card,
              double              width,
              double              height)
{
  double scale = 1.0;

  if (fast_address (self, cr, card, width, height))
    return;
  pango_layout_set_width (self->layout, pango_units_from_double (width));
  set_style (self, ST_BODY, 1.0);
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
      if (pango_units_to_double (h) <= height || scale <= MIN_SCALE)
        break;
      scale = MAX (MIN_SCALE, scale * 0.92);
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, self->layout);
  cairo_restore (cr);
  pango_layout_set_attributes (self->layout, NULL);
}

static void
draw_at_address (EdPollCardRenderer *self,
                 cairo_t            *cr,
                 const EdPollCard   *card)
{
  cairo_save (cr);
  cairo_translate (cr, (DL_WINDOW_LEFT_MM + WINDOW_INSET_MM) * MM,
                   (DL_WINDOW_TOP_MM + WINDOW_INSET_MM) * MM);
  draw_address (self, cr, card, (DL_WINDOW_WIDTH_MM - 2 * WINDOW_INSET_MM) * MM,
                (DL_WINDOW_HEIGHT_MM - 2 * WINDOW_INSET_MM) * MM);
  cairo_restore (cr);
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
  set_rgb (cr, WHITE);
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
  draw_at (self, cr, 0, 0, width, height, draw_watermark, NULL);
  draw_at (self, cr, (width - 16.0 * MM) / 2, 0, 16.0 * MM, 4.0 * MM, draw_proof_tag, NULL);
}

/* A side's recording is kept under "front" or "back" and what every side's content depends
 * on; a side adds what only its own depends on. */
static GString *
side_key (const char       *side,
          const EdPollCard *card)
{
  GString *key = g_string_sized_new (128);

  g_string_printf (key, "%s:%d:%d:%d:%d", side, card->variant, card->languages,
                   card->voter_id, card->anonymous);
  return key;
}

typedef struct
{
  DrawFunc          draw;
  const EdPollCard *card;
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
static void
paint_side (EdPollCardRenderer *self,
            cairo_t            *cr,
            const char         *key,
            DrawFunc            draw,
            const EdPollCard   *card)
{
  Side side = { draw, card };

  pango_cairo_update_context (cr, self->context);
  paint_cached (self, cr, key, 0, 0, ED_POLL_CARD_WIDTH, ED_POLL_CARD_HEIGHT, draw_side,
                &side);
}

/* Under the window: the card's own sentences, in the same place whether they are part of the
 * side's template or, on a proxy's card, drawn card by card. */
static void
draw_at_notes (EdPollCardRenderer *self,
               cairo_t            *cr,
               double              width,
               double              height,
               const EdPollCard   *card)
{
  draw_at (self, cr, DL_WINDOW_LEFT_MM * MM, NOTES_TOP_MM * MM,
           width - (DL_WINDOW_LEFT_MM + MARGIN_MM) * MM, height - (NOTES_TOP_MM + 3.0) * MM,
           draw_notes, card);
}

/* Everything on the front but the address block (and a proxy's notes, which name the
 * elector's number): the same for every card of a station, a variant and a language. */
static void
draw_front_template (EdPollCardRenderer *self,
                     cairo_t            *cr,
                     double              w,
                     double              h,
                     gconstpointer       data)
{
  const EdPollCard *card = data;

  draw_at (self, cr, 0, 0, w, BAND_MM * MM, draw_band, card);
  draw_at (self, cr, MARGIN_MM * MM, UPPER_TOP_MM * MM, (DAY_RIGHT_MM - MARGIN_MM) * MM,
           (UPPER_BOTTOM_MM - UPPER_TOP_MM) * MM, draw_day, card);
  draw_at (self, cr, MAIN_LEFT_MM * MM, UPPER_TOP_MM * MM, w - (MAIN_LEFT_MM + MARGIN_MM) * MM,
           (UPPER_BOTTOM_MM - UPPER_TOP_MM) * MM, draw_main, card);
  rule (cr, MARGIN_MM * MM, (UPPER_BOTTOM_MM + 1.0) * MM, w - MARGIN_MM * MM,
        (UPPER_BOTTOM_MM + 1.0) * MM);
  rule (cr, (POLLS_LEFT_MM - 1.5) * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
        (POLLS_LEFT_MM - 1.5) * MM, (POLLS_BOTTOM_MM - 1.0) * MM);
  draw_at (self, cr, POLLS_LEFT_MM * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
           w - (POLLS_LEFT_MM + MARGIN_MM) * MM, (POLLS_BOTTOM_MM - DL_WINDOW_TOP_MM - 1.0) * MM,
           draw_polls, card);
  draw_at (self, cr, RETURN_LEFT_MM * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
           (RETURN_RIGHT_MM - RETURN_LEFT_MM) * MM, h - (DL_WINDOW_TOP_MM + 1.0 + 5.0) * MM,
           draw_return, card);
  if (!ed_poll_card_is_proxy (card->variant))
    draw_at_notes (self, cr, w, h, card);
}

/**
 * ed_poll_card_draw_front:
 * @self: a renderer
 * @cr: where to draw, with the card's top-left corner at the origin
 * @card: the card
 *
 * Draws the card's front, %ED_POLL_CARD_WIDTH by %ED_POLL_CARD_HEIGHT.
 */
void
ed_poll_card_draw_front (EdPollCardRenderer *self,
                         cairo_t            *cr,
                         const EdPollCard   *card)
{
  g_autoptr(GString) key = NULL;

  g_return_if_fail (self != NULL && cr != NULL && card != NULL);

  key = side_key ("front", card);
  g_string_append_printf (key, ":%s", card->station != NULL ? card->station->id : "");
  for (guint p = 0; p < self->setup->n_polls; p++)
    if ((card->polls & (1u << p)) != 0)
      g_string_append_printf (key, ":%u=%s", p,
                              card->contests[p] != NULL ? card->contests[p]->id : "");

  paint_side (self, cr, key->str, draw_front_template, card);
  draw_at_address (self, cr, card);
  if (ed_poll_card_is_proxy (card->variant))
    draw_at_notes (self, cr, ED_POLL_CARD_WIDTH, ED_POLL_CARD_HEIGHT, card);
}

/* --- the back ---------------------------------------------------------------------------- */

static void
block_other_ways (Block                 *block,
                  const EdPollCardSetup *setup)
{
  block_text (block, ST_HEADING, TRUE, ED_CARD_TEXT_CANT_GET_THERE);
  if (g_date_valid (&setup->postal_deadline.date))
    block_text_with (block, ST_BODY, TRUE, ED_CARD_TEXT_POSTAL_APPLY_FMT, ARG_DEADLINE,
                     &setup->postal_deadline);
  if (g_date_valid (&setup->proxy_deadline.date))
    block_text_with (block, ST_BODY, TRUE, ED_CARD_TEXT_PROXY_APPLY_FMT, ARG_DEADLINE,
                     &setup->proxy_deadline);
  block_text (block, ST_BODY, TRUE, ED_CARD_TEXT_EMERGENCY_PROXY);
}

static void
block_photo_id (Block                 *block,
                const EdPollCardSetup *setup)
{
  block_text (block, ST_HEADING, FALSE, ED_CARD_TEXT_PHOTO_ID_HEADING);
  block_text (block, ST_SMALL, TRUE, ED_CARD_TEXT_PHOTO_ID_ACCEPTED);
  block_text (block, ST_SMALL, TRUE, ED_CARD_TEXT_PHOTO_ID_EXPIRED);
  if (g_date_valid (&setup->vac_deadline.date))
    block_text_with (block, ST_STRONG, TRUE, ED_CARD_TEXT_VAC_FMT, ARG_DEADLINE,
                     &setup->vac_deadline);
}

static void
block_postal_changes (Block                 *block,
                      const EdPollCardSetup *setup)
{
  block_text (block, ST_HEADING, FALSE, ED_CARD_TEXT_CHANGES_HEADING);
  if (g_date_valid (&setup->postal_deadline.date))
    block_text_with (block, ST_BODY, TRUE, ED_CARD_TEXT_POSTAL_CHANGE_FMT, ARG_DEADLINE,
                     &setup->postal_deadline);
}

static void
block_contact (Block                 *block,
               const EdPollCardSetup *setup)
{
  struct { EdPollCardText label; const char *value; } lines[] = {
    { ED_CARD_TEXT_PHONE, setup->phone },
    { ED_CARD_TEXT_EMAIL, setup->email },
    { ED_CARD_TEXT_WEBSITE, setup->website },
  };

  block_text (block, ST_HEADING, TRUE, ED_CARD_TEXT_CONTACT_US);
  block_take (block, ST_STRONG, TRUE, FALSE, g_strdup (setup->council_name));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].value != NULL && *lines[i].value != '\0')
      {
        g_autofree char *label = joined_text (block->langs, block->n_langs, lines[i].label);

        block_take (block, ST_BODY, FALSE, FALSE,
                    g_strdup_printf ("%s: %s", label, lines[i].value));
      }
  block_text (block, ST_SMALL, TRUE, ED_CARD_TEXT_VOTE_ONCE);
  if (setup->ro_name != NULL && *setup->ro_name != '\0')
    block_text_with (block, ST_SMALL, TRUE, ED_CARD_TEXT_ISSUED_BY_FMT, ARG_STRING,
                     setup->ro_name);
  else
    block_text (block, ST_SMALL, TRUE, ED_CARD_TEXT_ISSUED_BY_RO);
}

static void
draw_back_columns (EdPollCardRenderer *self,
                   cairo_t            *cr,
                   double              width,
                   double              height,
                   gconstpointer       data)
{
  const EdPollCard *card = data;
  double split = (BACK_SPLIT_MM - MARGIN_MM) * MM;
  double gap = 4.0 * MM;
  Block left, right;

  block_init (&left, card->languages);
  block_init (&right, card->languages);
  if (card->voter_id)
    {
      block_photo_id (&left, self->setup);
      if (card->variant == ED_POLL_CARD_ORDINARY)
        block_other_ways (&right, self->setup);
    }
  else if (ed_poll_card_is_postal (card->variant))
    block_postal_changes (&left, self->setup);
  else if (card->variant == ED_POLL_CARD_ORDINARY)
    block_other_ways (&left, self->setup);
  block_contact (&right, self->setup);
  /* The first heading of a column starts it: no space above. */
  if (right.paras->len > 0)
    g_array_index (right.paras, Para, 0).group = FALSE;
  if (left.paras->len > 0)
    g_array_index (left.paras, Para, 0).group = FALSE;

  if (left.paras->len > 0)
    {
      draw_block (self, cr, &left, split - gap / 2, height);
      rule (cr, split, 0, split, height);
      cairo_translate (cr, split + gap / 2, 0);
      draw_block (self, cr, &right, width - split - gap / 2, height);
    }
  else
    draw_block (self, cr, &right, width, height);
  block_clear (&left);
  block_clear (&right);
}

static void
draw_back_template (EdPollCardRenderer *self,
                    cairo_t            *cr,
                    double              w,
                    double              h,
                    gconstpointer       data)
{
  draw_at (self, cr, 0, 0, w, BACK_BAND_MM * MM, draw_band, data);
  draw_at (self, cr, MARGIN_MM * MM, BACK_TOP_MM * MM, w - 2 * MARGIN_MM * MM,
           h - (BACK_TOP_MM + MARGIN_MM - 2.0) * MM, draw_back_columns, data);
}

/**
 * ed_poll_card_draw_back:
 * @self: a renderer
 * @cr: where to draw, with the card's top-left corner at the origin
 * @card: the card
 *
 * Draws the card's back, %ED_POLL_CARD_WIDTH by %ED_POLL_CARD_HEIGHT: the same for every
 * card of a variant, a language and a choice of voter-ID text.
 */
void
ed_poll_card_draw_back (EdPollCardRenderer *self,
                        cairo_t            *cr,
                        const EdPollCard   *card)
{
  g_autoptr(GString) key = NULL;

  g_return_if_fail (self != NULL && cr != NULL && card != NULL);

  key = side_key ("back", card);
  paint_side (self, cr, key->str, draw_back_template, card);
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
  for (guint f = 0; f < N_FAST; f++)
    fast_font_init (self, &self->fast[f], fast_styles[f]);
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
  for (guint f = 0; f < N_FAST; f++)
    g_clear_pointer (&self->fast[f].font, cairo_scaled_font_destroy);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self);
}
