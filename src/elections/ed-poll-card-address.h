/* ed-poll-card-address.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "elections/ed-elections-vocab.h"
#include "register/ed-register-voters.h"

G_BEGIN_DECLS

/* The window of a DL envelope (110 × 220 mm), where the addressee block of a folded poll card,
 * or of the covering envelope an anonymous elector's card goes in, must show whole: 90 × 45 mm,
 * 20 mm from the left and 15 mm from the bottom edge. At the 10 point type of the card that is
 * six lines of about forty characters, with room to spare for the card's shift in the
 * envelope. The card renderer and the pre-print check both use these. */
#define ED_POLL_CARD_WINDOW_WIDTH_MM 90
#define ED_POLL_CARD_WINDOW_HEIGHT_MM 45
#define ED_POLL_CARD_WINDOW_LINES 6
#define ED_POLL_CARD_WINDOW_LINE_CHARS 40

GStrv    ed_poll_card_addressee_lines (const EdRegisterVoter  *voter,
                                       EdPollCardVariant       variant);
gboolean ed_poll_card_addressee_fits  (const char * const     *lines,
                                       guint                  *out_longest);

G_END_DECLS
