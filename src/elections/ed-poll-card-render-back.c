/* ed-poll-card-render-back.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The back of a poll card: photo ID where a poll asks for it, the deadlines for voting
 * another way or changing a postal vote, and how to reach the council. It is the same for
 * every card of a variant, a language and a choice of voter-ID text. */

#define G_LOG_DOMAIN "ed-elections"

#include "config.h"

#include "elections/ed-poll-card-render-private.h"

#define MM ED_POLL_CARD_MM

/* In millimetres from the card's top-left corner. */
#define BACK_BAND_MM          9.0
#define BACK_TOP_MM          12.0
#define BACK_SPLIT_MM        74.0

static void
block_other_ways (EdPollCardBlock       *block,
                  const EdPollCardSetup *setup)
{
  _ed_poll_card_block_text (block, ED_CARD_STYLE_HEADING, TRUE, ED_CARD_TEXT_CANT_GET_THERE);
  if (g_date_valid (&setup->postal_deadline.date))
    _ed_poll_card_block_text_with (block, ED_CARD_STYLE_BODY, TRUE,
                                   ED_CARD_TEXT_POSTAL_APPLY_FMT, ED_CARD_ARG_DEADLINE,
                                   &setup->postal_deadline);
  if (g_date_valid (&setup->proxy_deadline.date))
    _ed_poll_card_block_text_with (block, ED_CARD_STYLE_BODY, TRUE,
                                   ED_CARD_TEXT_PROXY_APPLY_FMT, ED_CARD_ARG_DEADLINE,
                                   &setup->proxy_deadline);
  _ed_poll_card_block_text (block, ED_CARD_STYLE_BODY, TRUE, ED_CARD_TEXT_EMERGENCY_PROXY);
}

static void
block_photo_id (EdPollCardBlock       *block,
                const EdPollCardSetup *setup)
{
  _ed_poll_card_block_text (block, ED_CARD_STYLE_HEADING, FALSE,
                            ED_CARD_TEXT_PHOTO_ID_HEADING);
  _ed_poll_card_block_text (block, ED_CARD_STYLE_SMALL, TRUE, ED_CARD_TEXT_PHOTO_ID_ACCEPTED);
  _ed_poll_card_block_text (block, ED_CARD_STYLE_SMALL, TRUE, ED_CARD_TEXT_PHOTO_ID_EXPIRED);
  if (g_date_valid (&setup->vac_deadline.date))
    _ed_poll_card_block_text_with (block, ED_CARD_STYLE_STRONG, TRUE, ED_CARD_TEXT_VAC_FMT,
                                   ED_CARD_ARG_DEADLINE, &setup->vac_deadline);
}

static void
block_postal_changes (EdPollCardBlock       *block,
                      const EdPollCardSetup *setup)
{
  _ed_poll_card_block_text (block, ED_CARD_STYLE_HEADING, FALSE,
                            ED_CARD_TEXT_CHANGES_HEADING);
  if (g_date_valid (&setup->postal_deadline.date))
    _ed_poll_card_block_text_with (block, ED_CARD_STYLE_BODY, TRUE,
                                   ED_CARD_TEXT_POSTAL_CHANGE_FMT, ED_CARD_ARG_DEADLINE,
                                   &setup->postal_deadline);
}

static void
block_contact (EdPollCardBlock       *block,
               const EdPollCardSetup *setup)
{
  struct { EdPollCardText label; const char *value; } lines[] = {
    { ED_CARD_TEXT_PHONE, setup->phone },
    { ED_CARD_TEXT_EMAIL, setup->email },
    { ED_CARD_TEXT_WEBSITE, setup->website },
  };

  _ed_poll_card_block_text (block, ED_CARD_STYLE_HEADING, TRUE, ED_CARD_TEXT_CONTACT_US);
  _ed_poll_card_block_take (block, ED_CARD_STYLE_STRONG, TRUE, FALSE,
                            g_strdup (setup->council_name));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].value != NULL && *lines[i].value != '\0')
      {
        g_autofree char *label = _ed_poll_card_joined_text (block->langs, block->n_langs,
                                                            lines[i].label);

        _ed_poll_card_block_take (block, ED_CARD_STYLE_BODY, FALSE, FALSE,
                                  g_strdup_printf ("%s: %s", label, lines[i].value));
      }
  _ed_poll_card_block_text (block, ED_CARD_STYLE_SMALL, TRUE, ED_CARD_TEXT_VOTE_ONCE);
  if (setup->ro_name != NULL && *setup->ro_name != '\0')
    _ed_poll_card_block_text_with (block, ED_CARD_STYLE_SMALL, TRUE, ED_CARD_TEXT_ISSUED_BY_FMT,
                                   ED_CARD_ARG_STRING, setup->ro_name);
  else
    _ed_poll_card_block_text (block, ED_CARD_STYLE_SMALL, TRUE, ED_CARD_TEXT_ISSUED_BY_RO);
}

static void
draw_back_columns (EdPollCardRenderer *self,
                   cairo_t            *cr,
                   double              width,
                   double              height,
                   gconstpointer       data)
{
  const EdPollCard *card = data;
  double split = (BACK_SPLIT_MM - ED_POLL_CARD_MARGIN_MM) * MM;
  double gap = 4.0 * MM;
  EdPollCardBlock left, right;

  _ed_poll_card_block_init (&left, card->languages);
  _ed_poll_card_block_init (&right, card->languages);
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
    g_array_index (right.paras, EdPollCardPara, 0).group = FALSE;
  if (left.paras->len > 0)
    g_array_index (left.paras, EdPollCardPara, 0).group = FALSE;

  if (left.paras->len > 0)
    {
      _ed_poll_card_draw_block (self, cr, &left, split - gap / 2, height);
      _ed_poll_card_rule (cr, split, 0, split, height);
      cairo_translate (cr, split + gap / 2, 0);
      _ed_poll_card_draw_block (self, cr, &right, width - split - gap / 2, height);
    }
  else
    _ed_poll_card_draw_block (self, cr, &right, width, height);
  _ed_poll_card_block_clear (&left);
  _ed_poll_card_block_clear (&right);
}

static void
draw_back_template (EdPollCardRenderer *self,
                    cairo_t            *cr,
                    double              w,
                    double              h,
                    gconstpointer       data)
{
  _ed_poll_card_draw_at (self, cr, 0, 0, w, BACK_BAND_MM * MM, _ed_poll_card_draw_band, data);
  _ed_poll_card_draw_at (self, cr, ED_POLL_CARD_MARGIN_MM * MM, BACK_TOP_MM * MM,
                         w - 2 * ED_POLL_CARD_MARGIN_MM * MM,
                         h - (BACK_TOP_MM + ED_POLL_CARD_MARGIN_MM - 2.0) * MM, draw_back_columns,
                         data);
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
  GString *key;

  g_return_if_fail (self != NULL && cr != NULL && card != NULL);

  key = _ed_poll_card_side_key (self, "back", card);
  _ed_poll_card_paint_side (self, cr, key->str, draw_back_template, card);
}
