/* test-ni-number.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* National Insurance numbers are read as people type them and refused, with the reason, when
 * HMRC could never have issued them (NIM39110): a number the payroll export carries must not
 * come back from HMRC's Real Time Information as unknown after the poll. */

#define G_LOG_DOMAIN "test-ni-number"

#include "config.h"

#include <locale.h>

#include "core/ed-ni-number.h"
#include "core/ed-value-error.h"

static void
test_accepts_as_typed (void)
{
  static const struct
  {
    const char *typed;
    const char *normalised;
  } cases[] = {
    { "AB123456C", "AB123456C" },
    { "ab 12 34 56 c", "AB123456C" },
    { " JG 103759 A ", "JG103759A" },
    { "ce\xc2\xa0" "00 00 00\xc2\xa0" "d", "CE000000D" },  /* no-break spaces from a spreadsheet */
    { "NA000001B", "NA000001B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      g_assert_true (ed_ni_number_normalise (cases[i].typed, &normalised, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }
}

/* Each refusal says what is wrong, quoting what was typed. */
static void
test_refuses_with_reason (void)
{
  static const struct
  {
    const char *typed;
    const char *reason;
  } cases[] = {
    { "AB12345C", "two letters, six digits" },
    { "AB1234567C", "two letters, six digits" },
    { "A1123456C", "two letters, six digits" },
    { "AB12345XC", "two letters, six digits" },
    { "AB-12-34-56-C", "two letters, six digits" },
    { "QQ123456C", "first letter cannot be" },    /* HMRC's example, never issued */
    { "DA123456A", "first letter cannot be" },
    { "VA123456A", "first letter cannot be" },
    { "AO123456A", "second letter cannot be" },
    { "AV123456A", "second letter cannot be" },
    { "TN123456A", "starting TN" },               /* a temporary number */
    { "GB123456A", "starting GB" },
    { "ZZ123456A", "starting ZZ" },
    { "AB123456E", "last letter must be" },
    { "AB123456Z", "last letter must be" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      g_test_message ("%s", cases[i].typed);
      g_assert_false (ed_ni_number_normalise (cases[i].typed, &normalised, &error));
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
      g_assert_null (normalised);
      if (strstr (error->message, cases[i].reason) == NULL ||
          strstr (error->message, cases[i].typed) == NULL)
        g_error ("“%s”: the message “%s” does not say “%s”", cases[i].typed, error->message,
                 cases[i].reason);
    }
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ed_ni_number_normalise ("  ", NULL, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
}

/* Printed whole only where the payroll needs it; elsewhere only enough to tell two people
 * apart. */
static void
test_format_and_mask (void)
{
  g_autofree char *formatted = ed_ni_number_format ("AB123456C");
  g_autofree char *masked = ed_ni_number_mask ("AB123456C");

  g_assert_cmpstr (formatted, ==, "AB 12 34 56 C");
  g_assert_cmpstr (masked, ==, "•• •• •• 56 C");
  g_assert_null (strstr (masked, "AB"));
  g_assert_null (strstr (masked, "1234"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ni-number/accepts-as-typed", test_accepts_as_typed);
  g_test_add_func ("/ni-number/refuses-with-reason", test_refuses_with_reason);
  g_test_add_func ("/ni-number/empty", test_empty);
  g_test_add_func ("/ni-number/format-and-mask", test_format_and_mask);

  return g_test_run ();
}
