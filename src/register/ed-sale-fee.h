/* ed-sale-fee.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "core/ed-money.h"

G_BEGIN_DECLS

/**
 * EdSaleKind:
 * @ED_SALE_KIND_FULL: the full register
 * @ED_SALE_KIND_EDITED: the edited (open) register
 * @ED_SALE_KIND_NOTICE: a notice of alteration
 * @ED_SALE_KIND_OVERSEAS: the list of overseas electors
 * @ED_SALE_KIND_MARKED: a marked register or marked absent voting list
 *
 * What is being sold or supplied for a fee (DOMAIN.md §1.3).
 */
typedef enum
{
  ED_SALE_KIND_FULL,
  ED_SALE_KIND_EDITED,
  ED_SALE_KIND_NOTICE,
  ED_SALE_KIND_OVERSEAS,
  ED_SALE_KIND_MARKED,
} EdSaleKind;

/**
 * EdSaleFormat:
 * @ED_SALE_FORMAT_DATA: a data file
 * @ED_SALE_FORMAT_PRINTED: paper
 *
 * The form of the copy. A request for both is charged as two requests (DOMAIN.md §1.3).
 */
typedef enum
{
  ED_SALE_FORMAT_DATA,
  ED_SALE_FORMAT_PRINTED,
} EdSaleFormat;

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

const char  *ed_sale_kind_to_string      (EdSaleKind     kind);
gboolean     ed_sale_kind_from_string    (const char    *text,
                                          EdSaleKind    *out,
                                          GError       **error);
const char  *ed_sale_format_to_string    (EdSaleFormat   format);
gboolean     ed_sale_format_from_string  (const char    *text,
                                          EdSaleFormat  *out,
                                          GError       **error);

G_END_DECLS
