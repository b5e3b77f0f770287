/* test-money.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-money"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-money.h"
#include "core/ed-value-error.h"

typedef struct
{
  const char *text;
  EdMoney     pence;
} ValidCase;

typedef struct
{
  const char   *text;
  EdValueError  code;
  const char   *message_part;  /* NULL: only the code is checked */
} InvalidCase;

static void
test_parse_accepts (void)
{
  static const ValidCase cases[] = {
    { "£1,234.56", 123456 },
    { "1234.5", 123450 },          /* one decimal place is tenths of a pound */
    { "1234.56", 123456 },
    { "1234", 123400 },
    { "0", 0 },
    { "0.01", 1 },
    { "£0.99", 99 },
    { ".5", 50 },
    { "£.05", 5 },
    { " £ 12.00 ", 1200 },
    { "\t£12\n", 1200 },
    { "\xc2\xa0£12.00\xc2\xa0", 1200 },  /* no-break spaces, as pasted from a web page */
    { "-£3", -300 },
    { "£-3", -300 },
    { "- £3.50", -350 },
    { "£ - 3.50", -350 },
    { "+£3", 300 },
    { "\xe2\x88\x92£3", -300 },    /* U+2212 MINUS SIGN */
    { "-0", 0 },
    { "1,234", 123400 },
    { "1,234,567.89", 123456789 },
    { "12,345", 1234500 },
    { "123,456.7", 12345670 },
    { "007", 700 },
    { "12p", 12 },
    { "12 p", 12 },
    { "12P", 12 },
    { "-5p", -5 },
    { "0p", 0 },
    { "1000000p", 1000000 },
    { "£90,000,000,000,000.00", ED_MONEY_MAX },
    { "-£90,000,000,000,000", ED_MONEY_MIN },
    { "9000000000000000p", ED_MONEY_MAX },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      EdMoney pence = 42;

      if (!ed_money_parse (cases[i].text, &pence, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_no_error (error);
      if (pence != cases[i].pence)
        g_error ("“%s” gave %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 cases[i].text, pence, cases[i].pence);
    }
}

static void
test_parse_optional_out (void)
{
  g_assert_true (ed_money_parse ("£1.00", NULL, NULL));
  g_assert_false (ed_money_parse ("£1.0.0", NULL, NULL));
}

static void
check_refused (const InvalidCase *cases,
               gsize              n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      EdMoney pence = 42;

      if (ed_money_parse (cases[i].text, &pence, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, cases[i].text, pence);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      g_assert_cmpint (pence, ==, 42);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”, expected it to mention “%s”",
                 cases[i].text, error->message, cases[i].message_part);
    }
}

static void
test_parse_rejects_empty (void)
{
  static const InvalidCase cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "Enter an amount" },
    { "   ", ED_VALUE_ERROR_EMPTY, NULL },
    { "\xc2\xa0", ED_VALUE_ERROR_EMPTY, NULL },
  };

  check_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_rejects_ambiguous (void)
{
  static const InvalidCase cases[] = {
    /* Full stops separate thousands in much of Europe. */
    { "1.234", ED_VALUE_ERROR_AMBIGUOUS, "“1.234” is ambiguous: use 1234 or 1.23" },
    { "£12.345", ED_VALUE_ERROR_AMBIGUOUS, "use 12345 or 12.34" },
    { "-999.999", ED_VALUE_ERROR_AMBIGUOUS, NULL },
    /* ... and commas separate pence. */
    { "1,23", ED_VALUE_ERROR_AMBIGUOUS, "use 1.23 for pounds and pence" },
    { "1,5", ED_VALUE_ERROR_AMBIGUOUS, "use 1.50" },
    { "£1234,56", ED_VALUE_ERROR_AMBIGUOUS, "use 1234.56" },
  };

  check_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_rejects_malformed (void)
{
  static const InvalidCase cases[] = {
    { "12,34.5", ED_VALUE_ERROR_INVALID, "groups of three digits" },
    { "1,2345", ED_VALUE_ERROR_INVALID, "groups of three digits" },
    { "1,234,56", ED_VALUE_ERROR_INVALID, "groups of three digits" },
    { "1234,567", ED_VALUE_ERROR_INVALID, "groups of three digits" },
    { "0,123", ED_VALUE_ERROR_INVALID, "groups of three digits" },
    { ",123", ED_VALUE_ERROR_INVALID, NULL },
    { "123,", ED_VALUE_ERROR_INVALID, NULL },
    { "1,,234", ED_VALUE_ERROR_INVALID, NULL },
    { "1.2,3", ED_VALUE_ERROR_INVALID, NULL },
    { "1234.567", ED_VALUE_ERROR_INVALID, "more than two decimal places" },
    { "1,234.567", ED_VALUE_ERROR_INVALID, "more than two decimal places" },
    { "0.125", ED_VALUE_ERROR_INVALID, "more than two decimal places" },
    { "1.2345", ED_VALUE_ERROR_INVALID, "more than two decimal places" },
    { ".123", ED_VALUE_ERROR_INVALID, "more than two decimal places" },
    { "12.", ED_VALUE_ERROR_INVALID, "decimal point" },
    { "1.234.567", ED_VALUE_ERROR_INVALID, "more than one decimal point" },
    { "--3", ED_VALUE_ERROR_INVALID, "more than one sign" },
    { "-£-3", ED_VALUE_ERROR_INVALID, "more than one sign" },
    { "+-3", ED_VALUE_ERROR_INVALID, "more than one sign" },
    { "3-", ED_VALUE_ERROR_INVALID, "sign must come before" },
    { "£3 -", ED_VALUE_ERROR_INVALID, "sign must come before" },
    { "££3", ED_VALUE_ERROR_INVALID, "more than one £" },
    { "12abc", ED_VALUE_ERROR_INVALID, "use only digits" },
    { "abc", ED_VALUE_ERROR_INVALID, "use only digits" },
    { "£12.00 GBP", ED_VALUE_ERROR_INVALID, NULL },
    { "$12", ED_VALUE_ERROR_INVALID, NULL },
    { "€12", ED_VALUE_ERROR_INVALID, NULL },
    { "1 234", ED_VALUE_ERROR_INVALID, NULL },
    { "1e3", ED_VALUE_ERROR_INVALID, NULL },
    { "0x10", ED_VALUE_ERROR_INVALID, NULL },
    { "(£3.00)", ED_VALUE_ERROR_INVALID, NULL },
    { "£", ED_VALUE_ERROR_INVALID, "no digits" },
    { "-", ED_VALUE_ERROR_INVALID, "no digits" },
    { ".", ED_VALUE_ERROR_INVALID, NULL },
    { ",", ED_VALUE_ERROR_INVALID, NULL },
    { "£1.50p", ED_VALUE_ERROR_INVALID, "mixes pounds and pence" },
    { "1.5p", ED_VALUE_ERROR_INVALID, "mixes pounds and pence" },
    { "1,000p", ED_VALUE_ERROR_INVALID, "whole pence without commas" },
    { "12pp", ED_VALUE_ERROR_INVALID, NULL },
    { "p", ED_VALUE_ERROR_INVALID, NULL },
    { "12\xff", ED_VALUE_ERROR_INVALID, "not valid text" },
  };

  check_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_rejects_out_of_range (void)
{
  static const InvalidCase cases[] = {
    { "£90,000,000,000,000.01", ED_VALUE_ERROR_OUT_OF_RANGE,
      "between -£90,000,000,000,000.00 and £90,000,000,000,000.00" },
    { "-90000000000000.01", ED_VALUE_ERROR_OUT_OF_RANGE, NULL },
    { "9000000000000001p", ED_VALUE_ERROR_OUT_OF_RANGE, NULL },
    /* Far past gint64 and guint64: must not wrap round to a small number. */
    { "92233720368547758.08", ED_VALUE_ERROR_OUT_OF_RANGE, NULL },
    { "184467440737095516160000", ED_VALUE_ERROR_OUT_OF_RANGE, NULL },
    { "99999999999999999999999999999999999999p", ED_VALUE_ERROR_OUT_OF_RANGE, NULL },
  };

  check_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_message_quotes_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longtext = g_string_new ("1");
  guint i;

  /* A pasted paragraph is shortened, not quoted in full. */
  for (i = 0; i < 500; i++)
    g_string_append (longtext, "x");
  g_assert_false (ed_money_parse (longtext->str, NULL, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "…"));
}

static void
test_format (void)
{
  static const ValidCase cases[] = {
    { "£0.00", 0 },
    { "£0.01", 1 },
    { "£0.10", 10 },
    { "£1.00", 100 },
    { "£999.99", 99999 },
    { "£1,000.00", 100000 },
    { "£1,234.56", 123456 },
    { "£123,456.78", 12345678 },
    { "£1,234,567.89", 123456789 },
    { "-£3.00", -300 },
    { "-£0.01", -1 },
    { "-£1,234.56", -123456 },
    { "£90,000,000,000,000.00", ED_MONEY_MAX },
    { "-£90,000,000,000,000.00", ED_MONEY_MIN },
    { "£92,233,720,368,547,758.07", G_MAXINT64 },
    { "-£92,233,720,368,547,758.08", G_MININT64 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ed_money_format (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  static const EdMoney amounts[] = {
    0, 1, -1, 99, 100, 101, 12345, -12345, 100000, 99999999, ED_MONEY_MAX, ED_MONEY_MIN,
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = ed_money_format (amounts[i]);
      g_autoptr(GError) error = NULL;
      EdMoney back = 0;

      g_assert_true (ed_money_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, amounts[i]);
    }
}

/* DOMAIN.md §1.3: 62,345 entries as data cost £20 + 63 × £1.50. Integer pence arithmetic
 * must give exactly £114.50. */
static void
test_register_sale_fee (void)
{
  EdMoney base;
  EdMoney per_thousand;
  g_autofree char *text = NULL;

  g_assert_true (ed_money_parse ("£20", &base, NULL));
  g_assert_true (ed_money_parse ("£1.50", &per_thousand, NULL));
  text = ed_money_format (base + ((62345 + 999) / 1000) * per_thousand);
  g_assert_cmpstr (text, ==, "£114.50");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/money/parse-accepts", test_parse_accepts);
  g_test_add_func ("/core/money/parse-optional-out", test_parse_optional_out);
  g_test_add_func ("/core/money/parse-rejects-empty", test_parse_rejects_empty);
  g_test_add_func ("/core/money/parse-rejects-ambiguous", test_parse_rejects_ambiguous);
  g_test_add_func ("/core/money/parse-rejects-malformed", test_parse_rejects_malformed);
  g_test_add_func ("/core/money/parse-rejects-out-of-range", test_parse_rejects_out_of_range);
  g_test_add_func ("/core/money/parse-message-quotes-input", test_parse_message_quotes_input);
  g_test_add_func ("/core/money/format", test_format);
  g_test_add_func ("/core/money/round-trip", test_round_trip);
  g_test_add_func ("/core/money/register-sale-fee", test_register_sale_fee);

  return g_test_run ();
}
