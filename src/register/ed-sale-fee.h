/* ed-sale-fee.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-money.h"
#include "register/ed-register-vocab.h"

G_BEGIN_DECLS

/**
 * ED_SALE_FEE_MAX_ENTRIES:
 *
 * The most entries ed_sale_fee() accepts: far more than the whole UK electorate, and small
 * enough that no fee can overflow.
 */
#define ED_SALE_FEE_MAX_ENTRIES (G_GUINT64_CONSTANT (1000000000))

EdMoney      ed_sale_fee                 (EdSaleKind     kind,
                                          EdSaleFormat   format,
                                          guint64        n_entries);

gboolean     ed_sale_fee_check           (EdSaleKind     kind,
                                          EdSaleFormat   format,
                                          gint64         n_entries,
                                          EdMoney       *out_fee,
                                          GError       **error);

G_END_DECLS
