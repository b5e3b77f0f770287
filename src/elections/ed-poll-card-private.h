/* ed-poll-card-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "elections/ed-election.h"

G_BEGIN_DECLS

/* What the PDF and the data file share: each output's row in poll_card_run. */
gboolean _ed_poll_card_record_run (EdContext          *context,
                                   EdElection         *election,
                                   EdPollCardRunKind   kind,
                                   EdPollCardLayout    layout,
                                   EdPollCardOrder     order,
                                   guint64             cards,
                                   guint               check_errors,
                                   const char         *override_reason,
                                   GError            **error);

G_END_DECLS
