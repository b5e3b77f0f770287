/* ed-apportion.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-money.h"

G_BEGIN_DECLS

void    ed_apportion_equally (EdMoney       amount,
                              guint         n_polls,
                              EdMoney      *out_shares);
void    ed_apportion_among   (EdMoney       amount,
                              const guint  *polls,
                              guint         n_sharing,
                              guint         n_polls,
                              EdMoney      *out_shares);

G_END_DECLS
