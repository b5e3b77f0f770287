/* ed-review-pane.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_REVIEW_PANE (ed_review_pane_get_type ())

G_DECLARE_FINAL_TYPE (EdReviewPane, ed_review_pane, ED, REVIEW_PANE, AdwBin)

void ed_review_pane_set_context       (EdReviewPane *self,
                                       EdContext    *context);
void ed_review_pane_reload            (EdReviewPane *self);
void ed_review_pane_set_output_folder (EdReviewPane *self,
                                       const char   *folder);

G_END_DECLS
