/* test-uprn.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-uprn"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-uprn.h"
#include "core/ed-value-error.h"

static void
test_parse_accepts (void)
{
  static const struct {
    const char *text;
    guint64     uprn;
    const char *normalised;
  } cases[] = {
    { "100023336956", G_GUINT64_CONSTANT (100023336956), "100023336956" },
    { "1", 1, "1" },
    { "  10033544614\t", G_GUINT64_CONSTANT (10033544614), "10033544614" },
    { "\xc2\xa0" "42\xc2\xa0", 42, "42" },               /* no-break spaces */
    { "000000000042", 42, "42" },                         /* zero-padded gazetteer export */
    { "0000000000000000100023336956", G_GUINT64_CONSTANT (100023336956), "100023336956" },
    { "999999999999", ED_UPRN_MAX, "999999999999" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      guint64 uprn = 0;

      if (!ed_uprn_parse (cases[i].text, &uprn, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_cmpuint (uprn, ==, cases[i].uprn);

      normalised = ed_uprn_normalise (cases[i].text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }

  g_assert_true (ed_uprn_parse ("7", NULL, NULL));
}

static void
test_parse_rejects (void)
{
  static const struct {
    const char   *text;
    EdValueError  code;
    const char   *message_part;
  } cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "Enter a UPRN" },
    { "  ", ED_VALUE_ERROR_EMPTY, NULL },
    { "0", ED_VALUE_ERROR_INVALID, "zero is not one" },
    { "000000000000", ED_VALUE_ERROR_INVALID, "zero is not one" },
    { "1000000000000", ED_VALUE_ERROR_OUT_OF_RANGE, "more than 12 digits" },
    { "99999999999999999999999", ED_VALUE_ERROR_OUT_OF_RANGE, "more than 12 digits" },
    { "-1", ED_VALUE_ERROR_INVALID, "up to 12 digits" },
    { "+1", ED_VALUE_ERROR_INVALID, NULL },
    { "1 000", ED_VALUE_ERROR_INVALID, NULL },
    { "1,000", ED_VALUE_ERROR_INVALID, NULL },
    { "1.0", ED_VALUE_ERROR_INVALID, NULL },
    { "1e5", ED_VALUE_ERROR_INVALID, NULL },
    { "0x1F", ED_VALUE_ERROR_INVALID, NULL },
    { "UPRN100023336956", ED_VALUE_ERROR_INVALID, "“UPRN100023336956”" },
    { "١٢٣", ED_VALUE_ERROR_INVALID, NULL },  /* Arabic-Indic digits are not ASCII digits */
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      guint64 uprn = 77;

      if (ed_uprn_parse (cases[i].text, &uprn, &error))
        g_error ("“%s” was accepted as %" G_GUINT64_FORMAT, cases[i].text, uprn);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      g_assert_cmpuint (uprn, ==, 77);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”", cases[i].text, error->message);
      g_clear_error (&error);

      normalised = ed_uprn_normalise (cases[i].text, &error);
      g_assert_null (normalised);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
    }
}

static void
test_format (void)
{
  g_autofree char *a = ed_uprn_format (1);
  g_autofree char *b = ed_uprn_format (G_GUINT64_CONSTANT (100023336956));
  g_autofree char *c = ed_uprn_format (ED_UPRN_MAX);

  g_assert_cmpstr (a, ==, "1");
  g_assert_cmpstr (b, ==, "100023336956");
  g_assert_cmpstr (c, ==, "999999999999");

  g_assert_true (ed_uprn_is_valid (1));
  g_assert_true (ed_uprn_is_valid (ED_UPRN_MAX));
  g_assert_false (ed_uprn_is_valid (0));
  g_assert_false (ed_uprn_is_valid (ED_UPRN_MAX + 1));
}

static void
test_format_rejects_non_uprn (void)
{
  char *text;

  g_test_expect_message ("ed-core", G_LOG_LEVEL_CRITICAL, "*ed_uprn_is_valid*");
  text = ed_uprn_format (0);
  g_test_assert_expected_messages ();
  g_assert_null (text);

  g_test_expect_message ("ed-core", G_LOG_LEVEL_CRITICAL, "*ed_uprn_is_valid*");
  text = ed_uprn_format (G_GUINT64_CONSTANT (1000000000000));
  g_test_assert_expected_messages ();
  g_assert_null (text);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/uprn/parse-accepts", test_parse_accepts);
  g_test_add_func ("/core/uprn/parse-rejects", test_parse_rejects);
  g_test_add_func ("/core/uprn/format", test_format);
  g_test_add_func ("/core/uprn/format-rejects-non-uprn", test_format_rejects_non_uprn);

  return g_test_run ();
}
