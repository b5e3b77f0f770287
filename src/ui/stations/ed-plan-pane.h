/* ed-plan-pane.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "district/ed-context.h"

G_BEGIN_DECLS

#define ED_TYPE_PLAN_PANE (ed_plan_pane_get_type ())

G_DECLARE_FINAL_TYPE (EdPlanPane, ed_plan_pane, ED, PLAN_PANE, AdwBin)

void     ed_plan_pane_set_context (EdPlanPane *self,
                                   EdContext  *context);
void     ed_plan_pane_reload      (EdPlanPane *self);
gboolean ed_plan_pane_is_ready    (EdPlanPane *self);

G_END_DECLS
