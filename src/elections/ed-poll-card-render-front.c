/* ed-poll-card-render-front.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The front of a poll card: the band, polling day, the station or the postal vote, the polls
 * of a combination each with its contest, the card's own notes under the envelope's window,
 * the return address up the left edge, and the address block in the window. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include "elections/ed-poll-card-render-private.h"

#define MM ED_POLL_CARD_MM

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

static void
draw_day (EdPollCardRenderer *self,
          cairo_t            *cr,
          double              width,
          double              height,
          gconstpointer       data)
{
  const EdPollCard *card = data;
  EdPollCardBlock block;

  _ed_poll_card_block_init (&block, card->languages);
  _ed_poll_card_block_text (&block, ED_CARD_STYLE_LABEL, FALSE, ED_CARD_TEXT_POLLING_DAY);
  /* The date in the first language stands out; in the second it is set as a line of text. */
  for (guint l = 0; l < block.n_langs; l++)
    _ed_poll_card_block_take (&block, l == 0 ? ED_CARD_STYLE_DATE : ED_CARD_STYLE_STRONG, l == 0,
                              l > 0, ed_poll_card_format_date (&self->setup->poll, block.langs[l]));
  if (ed_poll_card_is_in_person (card->variant))
    {
      _ed_poll_card_block_text (&block, ED_CARD_STYLE_LABEL, TRUE, ED_CARD_TEXT_POLLING_HOURS);
      _ed_poll_card_block_text (&block, ED_CARD_STYLE_STRONG, FALSE, ED_CARD_TEXT_HOURS);
    }
  _ed_poll_card_draw_block (self, cr, &block, width, height);
  _ed_poll_card_block_clear (&block);
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
  EdPollCardBlock block;

  _ed_poll_card_block_init (&block, card->languages);
  if (ed_poll_card_is_in_person (card->variant))
    {
      _ed_poll_card_block_take (&block, ED_CARD_STYLE_LABEL, FALSE, FALSE,
                                _ed_poll_card_joined_text (block.langs, block.n_langs,
                                                           card->variant == ED_POLL_CARD_PROXY
                                                             ? ED_CARD_TEXT_PROXY_POLLING_STATION
                                                             : ED_CARD_TEXT_YOUR_POLLING_STATION));
      if (card->station != NULL)
        {
          const EdRollStation *station = card->station;
          const char *code_format = ed_poll_card_text (ED_CARD_TEXT_STATION_CODE_FMT,
                                                       block.langs[0]);

          _ed_poll_card_block_take (&block, ED_CARD_STYLE_STRONG, FALSE, FALSE,
                                    *station->name != '\0'
                                      ? g_strdup_printf ("%s, %s", station->place_name,
                                                         station->name)
                                      : g_strdup (station->place_name));
          _ed_poll_card_block_take (&block, ED_CARD_STYLE_BODY, FALSE, FALSE,
                                    station_address (station));
          _ed_poll_card_block_take (&block, ED_CARD_STYLE_SMALL, FALSE, FALSE,
                                    g_strdup_printf (code_format, station->code));
          if (*station->poll_card_note != '\0')
            _ed_poll_card_block_take (&block, ED_CARD_STYLE_BODY, TRUE, FALSE,
                                      g_strdup (station->poll_card_note));
        }
      else
        _ed_poll_card_block_text (&block, ED_CARD_STYLE_BODY, FALSE, ED_CARD_TEXT_NO_STATION);
    }
  else
    {
      _ed_poll_card_block_take (&block, ED_CARD_STYLE_LABEL, FALSE, FALSE,
                                _ed_poll_card_joined_text (block.langs, block.n_langs,
                                                           ED_CARD_TEXT_VOTING_BY_POST));
      if (card->variant == ED_POLL_CARD_POSTAL)
        _ed_poll_card_block_text (&block, ED_CARD_STYLE_STRONG, FALSE,
                                  ED_CARD_TEXT_POSTAL_YOU_VOTE);
      if (g_date_valid (&setup->postal_packs_from))
        _ed_poll_card_block_text_with (&block, ED_CARD_STYLE_BODY, TRUE,
                                       ED_CARD_TEXT_POSTAL_SENT_FMT, ED_CARD_ARG_DAY,
                                       &setup->postal_packs_from);
      if (g_date_valid (&setup->postal_replacement_from))
        _ed_poll_card_block_text_with (&block, ED_CARD_STYLE_BODY, TRUE,
                                       ED_CARD_TEXT_POSTAL_NOT_RECEIVED_FMT, ED_CARD_ARG_DAY,
                                       &setup->postal_replacement_from);
      _ed_poll_card_block_text (&block, ED_CARD_STYLE_BODY, TRUE, ED_CARD_TEXT_POSTAL_RETURN);
    }
  _ed_poll_card_draw_block (self, cr, &block, width, height);
  _ed_poll_card_block_clear (&block);
}

static void
draw_polls (EdPollCardRenderer *self,
            cairo_t            *cr,
            double              width,
            double              height,
            gconstpointer       data)
{
  const EdPollCard *card = data;
  EdPollCardBlock block;

  _ed_poll_card_block_init (&block, card->languages);
  for (guint p = 0; p < self->setup->n_polls; p++)
    {
      EdElection *poll = self->setup->polls[p];
      gboolean first = TRUE;

      if ((card->polls & (1u << p)) == 0)
        continue;
      for (guint l = 0; l < block.n_langs; l++)
        _ed_poll_card_block_take (&block, ED_CARD_STYLE_LABEL, block.paras->len > 0 && l == 0,
                                  l > 0,
                                  g_strdup (ed_poll_card_kind_name (poll->kind,
                                                                    self->setup->country,
                                                                    block.langs[l])));
      _ed_poll_card_block_take (&block, ED_CARD_STYLE_STRONG, FALSE, FALSE,
                                g_strdup (poll->title));
      for (guint l = 0; l < block.n_langs; l++)
        {
          g_autofree char *contest = NULL;
          g_autofree char *line = ed_poll_card_describe_poll (card, p, block.langs[l],
                                                              &contest);

          (void)line;

          if (*contest != '\0')
            _ed_poll_card_block_take (&block, ED_CARD_STYLE_BODY, FALSE, !first,
                                      g_steal_pointer (&contest));
          first = FALSE;
        }
    }
  _ed_poll_card_draw_block (self, cr, &block, width, height);
  _ed_poll_card_block_clear (&block);
}

/* What the front says under the window: the card's own sentences for its variant. */
static void
notes_block (EdPollCardRenderer *self,
             const EdPollCard   *card,
             EdPollCardBlock    *block)
{
  if (card->anonymous)
    _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, FALSE,
                              ed_poll_card_is_in_person (card->variant)
                                ? ED_CARD_TEXT_ANONYMOUS_IN_PERSON
                                : ED_CARD_TEXT_ANONYMOUS_POSTAL);
  switch (card->variant)
    {
    case ED_POLL_CARD_ORDINARY:
      if (!card->anonymous)
        _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, FALSE,
                                  ED_CARD_TEXT_NO_CARD_NEEDED);
      if (card->voter_id)
        {
          for (guint l = 0; l < block->n_langs; l++)
            {
              EdElectorLanguage language = block->langs[l];
              const char *needed = ed_poll_card_text (ED_CARD_TEXT_PHOTO_ID_NEEDED, language);
              const char *see_back = ed_poll_card_text (ED_CARD_TEXT_PHOTO_ID_SEE_BACK,
                                                        language);

              _ed_poll_card_block_take (block, ED_CARD_STYLE_STRONG, l == 0, l > 0,
                                        g_strdup_printf ("%s %s", needed, see_back));
            }
        }
      break;
    case ED_POLL_CARD_PROXY:
      _ed_poll_card_block_text_with (block, ED_CARD_STYLE_BODY, FALSE,
                                     ED_CARD_TEXT_PROXY_APPOINTED_FMT, ED_CARD_ARG_STRING,
                                     card->elector_number);
      _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, FALSE, ED_CARD_TEXT_PROXY_LATE);
      if (card->voter_id)
        _ed_poll_card_block_text (block, ED_CARD_STYLE_STRONG, TRUE,
                                  ED_CARD_TEXT_PHOTO_ID_PROXY);
      break;
    case ED_POLL_CARD_PROXY_POSTAL:
      _ed_poll_card_block_text_with (block, ED_CARD_STYLE_BODY, FALSE,
                                     ED_CARD_TEXT_PROXY_POSTAL_APPOINTED_FMT, ED_CARD_ARG_STRING,
                                     card->elector_number);
      _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, FALSE,
                                ED_CARD_TEXT_PROXY_POSTAL_NOT_IN_PERSON);
      break;
    case ED_POLL_CARD_POSTAL:
      _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, FALSE,
                                ED_CARD_TEXT_POSTAL_NOT_IN_PERSON);
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
  EdPollCardBlock block;

  _ed_poll_card_block_init (&block, ((const EdPollCard *)data)->languages);
  notes_block (self, data, &block);
  _ed_poll_card_draw_block (self, cr, &block, width, height);
  _ed_poll_card_block_clear (&block);
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
  EdPollCardBlock block;

  if (*address != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (address, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_string_append_printf (to, ", %s", parts[i]);
    }
  _ed_poll_card_block_init (&block, card->languages);
  for (guint l = 0; l < block.n_langs; l++)
    _ed_poll_card_block_take (&block, ED_CARD_STYLE_SMALL, FALSE, l > 0,
                              g_strdup_printf ("%s:", ed_poll_card_text (ED_CARD_TEXT_RETURN_TO,
                                                                         block.langs[l])));
  _ed_poll_card_block_take (&block, ED_CARD_STYLE_SMALL, FALSE, FALSE, g_strdup (to->str));
  cairo_translate (cr, 0, height);
  cairo_rotate (cr, -G_PI / 2);
  _ed_poll_card_draw_block (self, cr, &block, height, width);
  _ed_poll_card_block_clear (&block);
}

/* The address block, inset in the envelope's window. */
static void
draw_at_address (EdPollCardRenderer *self,
                 cairo_t            *cr,
                 const EdPollCard   *card)
{
  cairo_save (cr);
  cairo_translate (cr, (DL_WINDOW_LEFT_MM + WINDOW_INSET_MM) * MM,
                   (DL_WINDOW_TOP_MM + WINDOW_INSET_MM) * MM);
  _ed_poll_card_draw_address (self, cr, card, (DL_WINDOW_WIDTH_MM - 2 * WINDOW_INSET_MM) * MM,
                              (DL_WINDOW_HEIGHT_MM - 2 * WINDOW_INSET_MM) * MM);
  cairo_restore (cr);
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
  _ed_poll_card_draw_at (self, cr, DL_WINDOW_LEFT_MM * MM, NOTES_TOP_MM * MM,
                         width - (DL_WINDOW_LEFT_MM + ED_POLL_CARD_MARGIN_MM) * MM,
                         height - (NOTES_TOP_MM + 3.0) * MM, draw_notes, card);
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

  _ed_poll_card_draw_at (self, cr, 0, 0, w, BAND_MM * MM, _ed_poll_card_draw_band, card);
  _ed_poll_card_draw_at (self, cr, ED_POLL_CARD_MARGIN_MM * MM, UPPER_TOP_MM * MM,
                         (DAY_RIGHT_MM - ED_POLL_CARD_MARGIN_MM) * MM,
                         (UPPER_BOTTOM_MM - UPPER_TOP_MM) * MM, draw_day, card);
  _ed_poll_card_draw_at (self, cr, MAIN_LEFT_MM * MM, UPPER_TOP_MM * MM,
                         w - (MAIN_LEFT_MM + ED_POLL_CARD_MARGIN_MM) * MM,
                         (UPPER_BOTTOM_MM - UPPER_TOP_MM) * MM, draw_main, card);
  _ed_poll_card_rule (cr, ED_POLL_CARD_MARGIN_MM * MM, (UPPER_BOTTOM_MM + 1.0) * MM,
                      w - ED_POLL_CARD_MARGIN_MM * MM, (UPPER_BOTTOM_MM + 1.0) * MM);
  _ed_poll_card_rule (cr, (POLLS_LEFT_MM - 1.5) * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
                      (POLLS_LEFT_MM - 1.5) * MM, (POLLS_BOTTOM_MM - 1.0) * MM);
  _ed_poll_card_draw_at (self, cr, POLLS_LEFT_MM * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
                         w - (POLLS_LEFT_MM + ED_POLL_CARD_MARGIN_MM) * MM,
                         (POLLS_BOTTOM_MM - DL_WINDOW_TOP_MM - 1.0) * MM, draw_polls, card);
  _ed_poll_card_draw_at (self, cr, RETURN_LEFT_MM * MM, (DL_WINDOW_TOP_MM + 1.0) * MM,
                         (RETURN_RIGHT_MM - RETURN_LEFT_MM) * MM,
                         h - (DL_WINDOW_TOP_MM + 1.0 + 5.0) * MM, draw_return, card);
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
  GString *key;

  g_return_if_fail (self != NULL && cr != NULL && card != NULL);

  key = _ed_poll_card_side_key (self, "front", card);
  g_string_append_c (key, ':');
  if (card->station != NULL)
    g_string_append (key, card->station->id);
  for (guint p = 0; p < self->setup->n_polls; p++)
    if ((card->polls & (1u << p)) != 0)
      g_string_append_printf (key, ":%u=%s", p,
                              card->contests[p] != NULL ? card->contests[p]->id : "");

  _ed_poll_card_paint_side (self, cr, key->str, draw_front_template, card);
  draw_at_address (self, cr, card);
  if (ed_poll_card_is_proxy (card->variant))
    draw_at_notes (self, cr, ED_POLL_CARD_WIDTH, ED_POLL_CARD_HEIGHT, card);
}
