/* ed-value-error.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ED_VALUE_ERROR:
 *
 * Error domain for values typed or imported by people: money, dates, postcodes, UPRNs,
 * elector numbers and working-day arithmetic. Messages are written for the council officer
 * who typed the value, and say what was expected.
 */
#define ED_VALUE_ERROR (ed_value_error_quark ())

/**
 * EdValueError:
 * @ED_VALUE_ERROR_EMPTY: nothing was entered
 * @ED_VALUE_ERROR_INVALID: the text is not a value of the expected kind
 * @ED_VALUE_ERROR_AMBIGUOUS: the text could mean two different values, so it is refused
 * @ED_VALUE_ERROR_OUT_OF_RANGE: the value is well formed but too large, too small, or
 *   outside the years a calendar covers
 *
 * Error codes in the %ED_VALUE_ERROR domain.
 */
typedef enum
{
  ED_VALUE_ERROR_EMPTY,
  ED_VALUE_ERROR_INVALID,
  ED_VALUE_ERROR_AMBIGUOUS,
  ED_VALUE_ERROR_OUT_OF_RANGE,
} EdValueError;

GQuark ed_value_error_quark (void);

/* For every reader of typed values: the text as a person typed it, trimmed of spaces of any
 * kind, and quoted safely in a message (control characters shown, long text cut short). */
char     *ed_value_strip        (const char *input);
char     *ed_value_display_text (const char *input);
char     *ed_value_display_message (const char *input);

G_END_DECLS
