/* ed-sale-fee.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-sale-fee.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  EdMoney base;       /* pence, charged once per register the ERO maintains */
  EdMoney per_unit;   /* pence for each unit of entries, or part of one */
  guint64 unit;       /* entries in a unit */
} FeeRate;

/* The statutory fees, [C] in DOMAIN.md §1.3 (RP(E&W) Regs 2001 as the EC guidance sets them
 * out, S16, S17; the marked register fees are reg 120, substituted by SI 2008/1901 reg 5,
 * S18). Indexed by EdSaleKind, then EdSaleFormat. A notice of alteration and the edited
 * register cost what the full register does; the list of overseas electors is charged per
 * 100 entries rather than per 1,000. */
static const FeeRate fee_rates[][2] = {
  [ED_SALE_KIND_FULL] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_EDITED] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_NOTICE] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 1000 },
  },
  [ED_SALE_KIND_OVERSEAS] = {
    [ED_SALE_FORMAT_DATA] = { 2000, 150, 100 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 500, 100 },
  },
  [ED_SALE_KIND_MARKED] = {
    [ED_SALE_FORMAT_DATA] = { 1000, 100, 1000 },
    [ED_SALE_FORMAT_PRINTED] = { 1000, 200, 1000 },
  },
};

/**
 * ed_sale_fee:
 * @kind: what is sold
 * @format: data or printed
 * @n_entries: how many entries the copy covers, at most %ED_SALE_FEE_MAX_ENTRIES
 *
 * The statutory fee for one copy (DOMAIN.md §1.3): a base fee plus a rate for each 1,000
 * entries (100 for the list of overseas electors) "or part", so a part unit is charged as
 * a whole one. 62,345 entries of the full register cost £20 + 63 × £1.50 = £114.50 as data,
 * and £10 + 63 × £5 = £325.00 printed.
 *
 * The base fee is charged once for each register the ERO maintains, not for each polling
 * district, so call this once per register with all the entries requested from it. No
 * other administration fee may be added (S17, S18).
 *
 * Returns: the fee in pence
 */
EdMoney
ed_sale_fee (EdSaleKind   kind,
             EdSaleFormat format,
             guint64      n_entries)
{
  const FeeRate *rate;
  guint64 units;

  g_return_val_if_fail ((guint) kind <= ED_SALE_KIND_MARKED, 0);
  g_return_val_if_fail ((guint) format <= ED_SALE_FORMAT_PRINTED, 0);
  g_return_val_if_fail (n_entries <= ED_SALE_FEE_MAX_ENTRIES, 0);

  rate = &fee_rates[kind][format];
  units = n_entries / rate->unit + (n_entries % rate->unit != 0 ? 1 : 0);

  return rate->base + (EdMoney) units * rate->per_unit;
}

/* Names used in files and on the command line; parsed by name so their order here does not
 * matter. */
static const struct
{
  const char *name;
  EdSaleKind  kind;
} kind_names[] = {
  { "full", ED_SALE_KIND_FULL },
  { "edited", ED_SALE_KIND_EDITED },
  { "notice", ED_SALE_KIND_NOTICE },
  { "overseas", ED_SALE_KIND_OVERSEAS },
  { "marked", ED_SALE_KIND_MARKED },
};

/**
 * ed_sale_kind_to_string:
 * @kind: a kind of sale
 *
 * Returns: (transfer none): `full`, `edited`, `notice`, `overseas` or `marked`
 */
const char *
ed_sale_kind_to_string (EdSaleKind kind)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;

  g_return_val_if_reached (NULL);
}

/**
 * ed_sale_kind_from_string:
 * @text: `full`, `edited` (or `open`, its other name), `notice`, `overseas` or `marked`,
 *   in any case, with optional spaces around it
 * @out: (out) (optional): the kind
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Returns: %TRUE if @text names a kind of sale
 */
gboolean
ed_sale_kind_from_string (const char  *text,
                          EdSaleKind  *out,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);

  for (i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_ascii_strcasecmp (stripped, kind_names[i].name) == 0)
        {
          if (out != NULL)
            *out = kind_names[i].kind;
          return TRUE;
        }
    }

  /* The edited register is also called the open register (DOMAIN.md §1.3). */
  if (g_ascii_strcasecmp (stripped, "open") == 0)
    {
      if (out != NULL)
        *out = ED_SALE_KIND_EDITED;
      return TRUE;
    }

  if (*stripped == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("No register was given: expected full, edited, notice, overseas or "
                     "marked"));
      return FALSE;
    }

  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: %s is what the user typed; the words after it are not to be
                * translated, they are what must be typed. */
               _("“%s” is not something the register office sells: expected full (the full "
                 "register), edited (the open register), notice (a notice of alteration), "
                 "overseas (the list of overseas electors) or marked (a marked register or "
                 "absent voting list)"),
               display);
  return FALSE;
}

/**
 * ed_sale_format_to_string:
 * @format: a format
 *
 * Returns: (transfer none): `data` or `printed`
 */
const char *
ed_sale_format_to_string (EdSaleFormat format)
{
  switch (format)
    {
    case ED_SALE_FORMAT_DATA:
      return "data";
    case ED_SALE_FORMAT_PRINTED:
      return "printed";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_sale_format_from_string:
 * @text: `data` or `printed`, in any case, with optional spaces around it
 * @out: (out) (optional): the format
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Returns: %TRUE if @text names a format
 */
gboolean
ed_sale_format_from_string (const char    *text,
                            EdSaleFormat  *out,
                            GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;
  EdSaleFormat format;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = ed_value_strip (text);

  for (format = ED_SALE_FORMAT_DATA; format <= ED_SALE_FORMAT_PRINTED; format++)
    {
      if (g_ascii_strcasecmp (stripped, ed_sale_format_to_string (format)) == 0)
        {
          if (out != NULL)
            *out = format;
          return TRUE;
        }
    }

  if (*stripped == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("No format was given: expected data or printed"));
      return FALSE;
    }

  display = ed_value_display_text (text);
  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: %s is what the user typed; “data” and “printed” are what
                * must be typed, so they are not to be translated. */
               _("“%s” is not a format for a copy of the register: expected data or printed"),
               display);
  return FALSE;
}
