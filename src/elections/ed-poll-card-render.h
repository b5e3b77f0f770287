/* ed-poll-card-render.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "elections/ed-poll-card.h"

G_BEGIN_DECLS

/* A card is landscape A6, 148 × 105 mm, in points. */
#define ED_POLL_CARD_MM      (72.0 / 25.4)
#define ED_POLL_CARD_WIDTH   (148.0 * ED_POLL_CARD_MM)
#define ED_POLL_CARD_HEIGHT  (105.0 * ED_POLL_CARD_MM)

typedef struct _EdPollCardRenderer EdPollCardRenderer;

EdPollCardRenderer *ed_poll_card_renderer_new   (const EdPollCardSetup *setup,
                                                 gboolean               proof);
void                ed_poll_card_renderer_free  (EdPollCardRenderer    *self);
void                ed_poll_card_draw_front     (EdPollCardRenderer    *self,
                                                 cairo_t               *cr,
                                                 const EdPollCard      *card);
void                ed_poll_card_draw_back      (EdPollCardRenderer    *self,
                                                 cairo_t               *cr,
                                                 const EdPollCard      *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdPollCardRenderer, ed_poll_card_renderer_free)

G_END_DECLS
