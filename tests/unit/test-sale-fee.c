/* test-sale-fee.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sale-fee"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-money.h"
#include "register/ed-sale-fee.h"
#include "core/ed-value-error.h"
#include "ed-test-cli.h"

typedef struct
{
  EdSaleKind   kind;
  EdSaleFormat format;
  guint64      n_entries;
  EdMoney      pence;
} FeeCase;

static void
check_fees (const FeeCase *cases,
            gsize          n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      EdMoney fee = ed_sale_fee (cases[i].kind, cases[i].format, cases[i].n_entries);

      if (fee != cases[i].pence)
        {
          g_autofree char *got = ed_money_format (fee);
          g_autofree char *expected = ed_money_format (cases[i].pence);

          g_error ("%s %s, %" G_GUINT64_FORMAT " entries: got %s, expected %s",
                   ed_sale_kind_to_string (cases[i].kind),
                   ed_sale_format_to_string (cases[i].format), cases[i].n_entries, got,
                   expected);
        }
    }
}

/* DOMAIN.md §1.3 worked test ([C] S16, S17): 62,345 entries of the full register as data
 * cost £20 + 63 × £1.50 = £114.50, and printed £10 + 63 × £5 = £325.00. The edited register
 * and each notice of alteration cost the same. */
static void
test_worked_example (void)
{
  static const FeeCase cases[] = {
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 62345, 11450 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 62345, 32500 },
    { ED_SALE_KIND_EDITED, ED_SALE_FORMAT_DATA, 62345, 11450 },
    { ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED, 62345, 32500 },
    { ED_SALE_KIND_NOTICE, ED_SALE_FORMAT_DATA, 62345, 11450 },
    { ED_SALE_KIND_NOTICE, ED_SALE_FORMAT_PRINTED, 62345, 32500 },
  };
  g_autofree char *text = NULL;

  check_fees (cases, G_N_ELEMENTS (cases));

  text = ed_money_format (ed_sale_fee (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 62345));
  g_assert_cmpstr (text, ==, "£114.50");
}

/* DOMAIN.md §1.3 ([C] S16, S17): "£20 + £1.50 per 1,000 entries (or part)" data, "£10 + £5
 * per 1,000 (or part)" printed: no entries pay the base fee only, and a part of 1,000 pays
 * as a whole 1,000. */
static void
test_per_thousand_or_part (void)
{
  static const FeeCase cases[] = {
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 0, 2000 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 0, 1000 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 1, 2150 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 999, 2150 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 1000, 2150 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 1001, 2300 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, 2000, 2300 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 1, 1500 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 1000, 1500 },
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_PRINTED, 1001, 2000 },
    { ED_SALE_KIND_EDITED, ED_SALE_FORMAT_PRINTED, 0, 1000 },
    { ED_SALE_KIND_NOTICE, ED_SALE_FORMAT_DATA, 12, 2150 },
    /* A notice of alteration with no changes still pays the base fee. */
    { ED_SALE_KIND_NOTICE, ED_SALE_FORMAT_DATA, 0, 2000 },
    /* The largest count accepted: 1,000,000 units of £1.50 plus £20. */
    { ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, ED_SALE_FEE_MAX_ENTRIES, 150002000 },
  };

  check_fees (cases, G_N_ELEMENTS (cases));
}

/* DOMAIN.md §1.3 ([C] S16, S17): the list of overseas electors is charged per 100 entries
 * (or part): £20 + £1.50 per 100 as data, £10 + £5 per 100 printed. */
static void
test_overseas_per_hundred (void)
{
  static const FeeCase cases[] = {
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 0, 2000 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 1, 2150 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 100, 2150 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 101, 2300 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 250, 2450 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_PRINTED, 0, 1000 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_PRINTED, 100, 1500 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_PRINTED, 250, 2500 },
    /* 1,234 overseas electors: 13 hundreds, £20 + £19.50 and £10 + £65. */
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_DATA, 1234, 3950 },
    { ED_SALE_KIND_OVERSEAS, ED_SALE_FORMAT_PRINTED, 1234, 7500 },
  };

  check_fees (cases, G_N_ELEMENTS (cases));
}

/* DOMAIN.md §1.3 ([C] S18; RP(E&W) Regs 2001 reg 120 as substituted by SI 2008/1901
 * reg 5): marked registers and marked absent voting lists cost £10 + £1 per 1,000 (or
 * part) as data and £10 + £2 per 1,000 (or part) printed. */
static void
test_marked_register (void)
{
  static const FeeCase cases[] = {
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_DATA, 0, 1000 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_PRINTED, 0, 1000 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_DATA, 1000, 1100 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_DATA, 1001, 1200 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_PRINTED, 1001, 1400 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_DATA, 62345, 7300 },
    { ED_SALE_KIND_MARKED, ED_SALE_FORMAT_PRINTED, 62345, 13600 },
  };

  check_fees (cases, G_N_ELEMENTS (cases));
}

/* DOMAIN.md §1.3: the kinds of sale by name, as files and the command line give them. */
static void
test_kind_from_string (void)
{
  static const struct
  {
    const char *text;
    EdSaleKind  kind;
  } good[] = {
    { "full", ED_SALE_KIND_FULL },
    { "edited", ED_SALE_KIND_EDITED },
    { "notice", ED_SALE_KIND_NOTICE },
    { "overseas", ED_SALE_KIND_OVERSEAS },
    { "marked", ED_SALE_KIND_MARKED },
    { " Full ", ED_SALE_KIND_FULL },
    { "MARKED", ED_SALE_KIND_MARKED },
    { "open", ED_SALE_KIND_EDITED },
  };
  static const struct
  {
    const char   *text;
    EdValueError  code;
    const char   *message_part;
  } bad[] = {
    { "", ED_VALUE_ERROR_EMPTY, "expected full, edited, notice, overseas or marked" },
    { "  ", ED_VALUE_ERROR_EMPTY, NULL },
    { "fulll", ED_VALUE_ERROR_INVALID, "“fulll” is not something the register office sells: "
      "expected full (the full register), edited" },
    { "register", ED_VALUE_ERROR_INVALID, "marked (a marked register or absent voting list)" },
    { "full register", ED_VALUE_ERROR_INVALID, NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      EdSaleKind kind = 99;

      g_assert_true (ed_sale_kind_from_string (good[i].text, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, good[i].kind);
    }

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      EdSaleKind kind = 99;

      g_assert_false (ed_sale_kind_from_string (bad[i].text, &kind, &error));
      g_assert_error (error, ED_VALUE_ERROR, (gint) bad[i].code);
      g_assert_cmpint (kind, ==, 99);
      if (bad[i].message_part != NULL && strstr (error->message, bad[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”", bad[i].text, error->message);
    }

  for (i = ED_SALE_KIND_FULL; i <= ED_SALE_KIND_MARKED; i++)
    {
      EdSaleKind back = 99;

      g_assert_true (ed_sale_kind_from_string (ed_sale_kind_to_string (i), &back, NULL));
      g_assert_cmpint (back, ==, i);
    }
}

/* DOMAIN.md §1.3: data or printed; a request for both is two requests, so there is no
 * "both". */
static void
test_format_from_string (void)
{
  g_autoptr(GError) error = NULL;
  EdSaleFormat format = 99;

  g_assert_true (ed_sale_format_from_string ("data", &format, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ED_SALE_FORMAT_DATA);
  g_assert_true (ed_sale_format_from_string (" Printed\n", &format, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, ED_SALE_FORMAT_PRINTED);
  g_assert_cmpstr (ed_sale_format_to_string (ED_SALE_FORMAT_DATA), ==, "data");
  g_assert_cmpstr (ed_sale_format_to_string (ED_SALE_FORMAT_PRINTED), ==, "printed");

  format = 99;
  g_assert_false (ed_sale_format_from_string ("both", &format, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“both” is not a format for a copy of the register: expected data or printed");
  g_assert_cmpint (format, ==, 99);
  g_clear_error (&error);

  g_assert_false (ed_sale_format_from_string ("", &format, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "No format was given: expected data or printed");
}

/* Issue 12 item 9, DOMAIN.md §1.3: a count beyond the fee calculator's range is an error
 * with a message, never a fee of £0.00; the largest count in range is still priced. */
static void
test_beyond_range (void)
{
  g_autoptr(GError) error = NULL;
  EdMoney fee = -1;

  g_assert_true (ed_sale_fee_check (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA,
                                    (gint64) ED_SALE_FEE_MAX_ENTRIES, &fee, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fee, ==, 150002000);

  g_assert_false (ed_sale_fee_check (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA,
                                     (gint64) ED_SALE_FEE_MAX_ENTRIES + 1, &fee, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "1000000001"));
  g_clear_error (&error);

  g_assert_false (ed_sale_fee_check (ED_SALE_KIND_FULL, ED_SALE_FORMAT_DATA, -5, &fee, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
}

/* The same on the command line: exit status 1 and the message, nothing on stdout. */
static void
test_beyond_range_cli (void)
{
  g_auto(EdTestCliResult) result = { 0 };

  ed_test_cli_run (&result, "register", "sale-fee", "--entries", "5000000000", "--kind", "full",
                   "--format", "data", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_null (strstr (result.out, "£"));
  g_assert_nonnull (strstr (result.err, "5000000000"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/sale-fee/worked-example", test_worked_example);
  g_test_add_func ("/register/sale-fee/per-thousand-or-part", test_per_thousand_or_part);
  g_test_add_func ("/register/sale-fee/overseas-per-hundred", test_overseas_per_hundred);
  g_test_add_func ("/register/sale-fee/marked-register", test_marked_register);
  g_test_add_func ("/register/sale-fee/kind-from-string", test_kind_from_string);
  g_test_add_func ("/register/sale-fee/format-from-string", test_format_from_string);
  g_test_add_func ("/register/sale-fee/beyond-range", test_beyond_range);
  g_test_add_func ("/register/sale-fee/beyond-range-cli", test_beyond_range_cli);

  return g_test_run ();
}
