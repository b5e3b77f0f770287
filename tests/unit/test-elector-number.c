/* test-elector-number.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-elector-number"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-elector-number.h"
#include "core/ed-value-error.h"

static EdElectorNumber
make (const char *prefix,
      guint32     number,
      guint32     suffix)
{
  g_autoptr(GError) error = NULL;
  EdElectorNumber n;

  if (!ed_elector_number_set (&n, prefix, number, suffix, &error))
    g_error ("bad test elector number: %s", error->message);
  return n;
}

/* DOMAIN.md §1.1: the test cases AB124 and AB124/1; suffix 0 means none. */
static void
test_parse_accepts (void)
{
  static const struct {
    const char *text;
    const char *prefix;
    guint32     number;
    guint32     suffix;
    const char *formatted;
  } cases[] = {
    { "AB124", "AB", 124, 0, "AB124" },
    { "AB124/1", "AB", 124, 1, "AB124/1" },
    { "ab 124/1", "AB", 124, 1, "AB124/1" },
    { "AB-124/1", "AB", 124, 1, "AB124/1" },
    { "AB - 124 / 1", "AB", 124, 1, "AB124/1" },
    { "  AB124/2  ", "AB", 124, 2, "AB124/2" },
    { "AB124/0", "AB", 124, 0, "AB124" },
    { "A1", "A", 1, 0, "A1" },
    { "ABCDE999999/999", "ABCDE", 999999, 999, "ABCDE999999/999" },
    { "AB0124", "AB", 124, 0, "AB124" },            /* zero-padded export */
    { "AB124/01", "AB", 124, 1, "AB124/1" },
    /* Digits in the polling district code only with a separator. */
    { "A1-124", "A1", 124, 0, "A1-124" },
    { "a1 124/3", "A1", 124, 3, "A1-124/3" },
    { "KX12-7", "KX12", 7, 0, "KX12-7" },
    { "A1124", "A", 1124, 0, "A1124" },             /* no separator: all digits are the number */
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      EdElectorNumber n;
      EdElectorNumber back;

      if (!ed_elector_number_parse (cases[i].text, &n, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_cmpstr (n.prefix, ==, cases[i].prefix);
      g_assert_cmpuint (n.number, ==, cases[i].number);
      g_assert_cmpuint (n.suffix, ==, cases[i].suffix);

      formatted = ed_elector_number_format (&n);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);

      /* What is printed reads back as the same elector number. */
      g_assert_true (ed_elector_number_parse (formatted, &back, &error));
      g_assert_cmpint (ed_elector_number_compare (&n, &back), ==, 0);
    }

  g_assert_true (ed_elector_number_parse ("AB124", NULL, NULL));
}

static void
test_parse_rejects (void)
{
  static const struct {
    const char   *text;
    EdValueError  code;
    const char   *message_part;
  } cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "Enter an elector number" },
    { "   ", ED_VALUE_ERROR_EMPTY, NULL },
    { "124", ED_VALUE_ERROR_INVALID, "no polling district letters" },
    { "124/1", ED_VALUE_ERROR_INVALID, "no polling district letters" },
    { "AB", ED_VALUE_ERROR_INVALID, "no number" },
    { "AB/1", ED_VALUE_ERROR_INVALID, "no number" },
    { "AB-", ED_VALUE_ERROR_INVALID, "no number" },
    { "AB0", ED_VALUE_ERROR_INVALID, "cannot be 0" },
    { "AB000/1", ED_VALUE_ERROR_INVALID, "cannot be 0" },
    { "AB124/A", ED_VALUE_ERROR_INVALID, "suffix after the / must be a number" },
    { "AB124/", ED_VALUE_ERROR_INVALID, "suffix after the / must be a number" },
    { "AB124/-1", ED_VALUE_ERROR_INVALID, "suffix after the / must be a number" },
    { "AB124/1/2", ED_VALUE_ERROR_INVALID, "only a / and a suffix" },
    { "AB124X", ED_VALUE_ERROR_INVALID, "only a / and a suffix" },
    { "AB124.1", ED_VALUE_ERROR_INVALID, "only a / and a suffix" },
    { "ABCDEF124", ED_VALUE_ERROR_INVALID, "more than five letters" },
    { "AB123-124", ED_VALUE_ERROR_INVALID, "at most two digits" },
    { "AB124 1", ED_VALUE_ERROR_INVALID, "at most two digits" },
    { "AB1234567", ED_VALUE_ERROR_OUT_OF_RANGE, "at most 999999" },
    { "AB99999999999999999999", ED_VALUE_ERROR_OUT_OF_RANGE, "at most 999999" },
    { "AB124/1000", ED_VALUE_ERROR_OUT_OF_RANGE, "at most 999" },
    { "AB124/99999999999999999", ED_VALUE_ERROR_OUT_OF_RANGE, "at most 999" },
    { "-AB124", ED_VALUE_ERROR_INVALID, "use letters, digits and /" },
    { "ÅB124", ED_VALUE_ERROR_INVALID, NULL },
    { "AB 12 4", ED_VALUE_ERROR_INVALID, NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      EdElectorNumber n = { "ZZ", 7, 7 };

      if (ed_elector_number_parse (cases[i].text, &n, &error))
        g_error ("“%s” was accepted", cases[i].text);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”", cases[i].text, error->message);
      /* Untouched on failure. */
      g_assert_cmpstr (n.prefix, ==, "ZZ");
      g_assert_cmpuint (n.number, ==, 7);
    }
}

static void
test_valid_prefix (void)
{
  g_assert_true (ed_elector_number_is_valid_prefix ("A"));
  g_assert_true (ed_elector_number_is_valid_prefix ("AB"));
  g_assert_true (ed_elector_number_is_valid_prefix ("ABCDE"));
  g_assert_true (ed_elector_number_is_valid_prefix ("A1"));
  g_assert_true (ed_elector_number_is_valid_prefix ("ABCDE12"));

  g_assert_false (ed_elector_number_is_valid_prefix (""));
  g_assert_false (ed_elector_number_is_valid_prefix ("ab"));     /* stored form is capitals */
  g_assert_false (ed_elector_number_is_valid_prefix ("ABCDEF"));
  g_assert_false (ed_elector_number_is_valid_prefix ("A123"));
  g_assert_false (ed_elector_number_is_valid_prefix ("1A"));
  g_assert_false (ed_elector_number_is_valid_prefix ("12"));
  g_assert_false (ed_elector_number_is_valid_prefix ("A1B"));
  g_assert_false (ed_elector_number_is_valid_prefix ("A B"));
  g_assert_false (ed_elector_number_is_valid_prefix ("A-"));
}

static void
test_set (void)
{
  g_autoptr(GError) error = NULL;
  EdElectorNumber n = { "ZZ", 7, 7 };

  g_assert_true (ed_elector_number_set (&n, " ab ", 124, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (n.prefix, ==, "AB");
  g_assert_cmpuint (n.number, ==, 124);
  g_assert_cmpuint (n.suffix, ==, 1);

  g_assert_false (ed_elector_number_set (&n, "", 1, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (ed_elector_number_set (&n, "ABCDEF", 1, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_elector_number_set (&n, "AB", 0, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_elector_number_set (&n, "AB", 1000000, 0, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ed_elector_number_set (&n, "AB", 1, 1000, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);

  /* Unchanged by the failures. */
  g_assert_cmpstr (n.prefix, ==, "AB");
  g_assert_cmpuint (n.number, ==, 124);
}

/* Digits at the end of a polling district code would run into the number, so formatting
 * puts a hyphen in: A1 + 124 must not print as A1124 (which reads as A + 1124). */
static void
test_format_separates_digit_prefix (void)
{
  EdElectorNumber a1 = make ("A1", 124, 0);
  EdElectorNumber a = make ("A", 1124, 0);
  g_autofree char *a1_text = ed_elector_number_format (&a1);
  g_autofree char *a_text = ed_elector_number_format (&a);
  EdElectorNumber back;

  g_assert_cmpstr (a1_text, ==, "A1-124");
  g_assert_cmpstr (a_text, ==, "A1124");
  g_assert_cmpstr (a1_text, !=, a_text);

  g_assert_true (ed_elector_number_parse (a1_text, &back, NULL));
  g_assert_cmpint (ed_elector_number_compare (&a1, &back), ==, 0);
  g_assert_true (ed_elector_number_parse (a_text, &back, NULL));
  g_assert_cmpint (ed_elector_number_compare (&a, &back), ==, 0);
}

static void
test_compare (void)
{
  /* Register order: AB124 < AB124/1 < AB124/2 < AB125 < AC1. */
  EdElectorNumber ordered[] = {
    make ("A", 999, 0),
    make ("AB", 2, 0),
    make ("AB", 124, 0),
    make ("AB", 124, 1),
    make ("AB", 124, 2),
    make ("AB", 125, 0),
    make ("AB1", 1, 0),
    make ("AC", 1, 0),
  };
  gsize i;
  gsize j;

  for (i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        int expected = i < j ? -1 : i > j ? 1 : 0;

        g_assert_cmpint (ed_elector_number_compare (&ordered[i], &ordered[j]), ==, expected);
      }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/elector-number/parse-accepts", test_parse_accepts);
  g_test_add_func ("/core/elector-number/parse-rejects", test_parse_rejects);
  g_test_add_func ("/core/elector-number/valid-prefix", test_valid_prefix);
  g_test_add_func ("/core/elector-number/set", test_set);
  g_test_add_func ("/core/elector-number/format-separates-digit-prefix",
                   test_format_separates_digit_prefix);
  g_test_add_func ("/core/elector-number/compare", test_compare);

  return g_test_run ();
}
