/* ed-money.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * EdMoney:
 *
 * An amount of money in pence. Money is never held in floating point.
 */
typedef gint64 EdMoney;

/**
 * ED_MONEY_MAX:
 *
 * The largest amount ed_money_parse() accepts: £90,000,000,000,000.00 (90 trillion
 * pounds), in pence. It is below 2^53, so it survives a trip through a JSON number or an
 * SQLite REAL, and adding or subtracting two amounts in range cannot overflow #gint64.
 */
#define ED_MONEY_MAX (G_GINT64_CONSTANT (9000000000000000))

/**
 * ED_MONEY_MIN:
 *
 * The smallest (most negative) amount ed_money_parse() accepts: -%ED_MONEY_MAX.
 */
#define ED_MONEY_MIN (-ED_MONEY_MAX)

gboolean  ed_money_parse  (const char  *text,
                           EdMoney     *out_pence,
                           GError     **error);
char     *ed_money_format (EdMoney      pence);

G_END_DECLS
