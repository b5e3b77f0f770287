/* test-postcode.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-postcode"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-postcode.h"
#include "core/ed-value-error.h"

typedef struct
{
  const char *input;
  const char *normalised;
} ValidCase;

typedef struct
{
  const char   *input;
  EdValueError  code;
  const char   *message_part;
} InvalidCase;

static void
check_valid (const ValidCase *cases,
             gsize            n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      if (!ed_postcode_normalise (cases[i].input, &normalised, &error))
        g_error ("“%s” was refused: %s", cases[i].input, error->message);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
      g_assert_true (ed_postcode_is_valid (cases[i].input));
      /* Normalising is idempotent. */
      g_assert_true (ed_postcode_is_valid (normalised));
    }
}

static void
check_invalid (const InvalidCase *cases,
               gsize              n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      if (ed_postcode_normalise (cases[i].input, &normalised, &error))
        g_error ("“%s” was accepted as %s", cases[i].input, normalised);
      g_assert_null (normalised);
      g_assert_error (error, ED_VALUE_ERROR, (gint) cases[i].code);
      if (cases[i].message_part != NULL && strstr (error->message, cases[i].message_part) == NULL)
        g_error ("message for “%s” was “%s”, expected it to contain “%s”",
                 cases[i].input, error->message, cases[i].message_part);
      g_assert_false (ed_postcode_is_valid (cases[i].input));
    }
}

static void
test_normalises_spacing_and_case (void)
{
  static const ValidCase cases[] = {
    { "sw1a1aa", "SW1A 1AA" },
    { " SW1A  1AA ", "SW1A 1AA" },
    { "SW1A 1AA", "SW1A 1AA" },
    { "s w 1 a 1 a a", "SW1A 1AA" },
    { "\tsw1A1aA\n", "SW1A 1AA" },
    { "SW1A\xc2\xa0" "1AA", "SW1A 1AA" },  /* no-break space */
  };

  check_valid (cases, G_N_ELEMENTS (cases));
}

/* The six shapes in Royal Mail's Programmers' Guide: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA,
 * AA99 9AA, AA9A 9AA. */
static void
test_accepts_every_shape (void)
{
  static const ValidCase cases[] = {
    { "M11AE", "M1 1AE" },          /* A9 9AA */
    { "B338TH", "B33 8TH" },        /* A99 9AA */
    { "W1A0AX", "W1A 0AX" },        /* A9A 9AA */
    { "CR26XH", "CR2 6XH" },        /* AA9 9AA */
    { "DN551PT", "DN55 1PT" },      /* AA99 9AA */
    { "EC1A1BB", "EC1A 1BB" },      /* AA9A 9AA */
    { "ec1a 1bb", "EC1A 1BB" },
    { "CF10 1AA", "CF10 1AA" },     /* Cardiff */
    { "BT1 5GS", "BT1 5GS" },       /* Belfast */
    { "EH99 1SP", "EH99 1SP" },     /* Edinburgh */
    { "E1W 1AA", "E1W 1AA" },       /* W is allowed third in A9A */
    { "N1P 2NG", "N1P 2NG" },
    { "SE1P 5ZZ", "SE1P 5ZZ" },     /* P is allowed fourth in AA9A */
    { "NW1W 9AA", "NW1W 9AA" },
    { "YO1 7EX", "YO1 7EX" },
    { "ZE1 0AA", "ZE1 0AA" },
    { "AB10 1AB", "AB10 1AB" },
    { "L1 8JQ", "L1 8JQ" },
  };

  check_valid (cases, G_N_ELEMENTS (cases));
}

static void
test_special_cases (void)
{
  static const ValidCase cases[] = {
    { "GIR 0AA", "GIR 0AA" },       /* Girobank */
    { "gir0aa", "GIR 0AA" },
    { "BFPO 1234", "BFPO 1234" },
    { "bfpo1234", "BFPO 1234" },
    { " BFPO   57 ", "BFPO 57" },
    { "BFPO 1", "BFPO 1" },
    { "BFPO 0801", "BFPO 801" },
  };
  static const InvalidCase invalid[] = {
    { "BFPO", ED_VALUE_ERROR_INVALID, "one to four digits" },
    { "BFPO 12345", ED_VALUE_ERROR_INVALID, "one to four digits" },
    { "BFPO 12A", ED_VALUE_ERROR_INVALID, "one to four digits" },
    { "BFPO 0", ED_VALUE_ERROR_INVALID, "no BFPO 0" },
    { "GIR 0AB", ED_VALUE_ERROR_INVALID, NULL },  /* G is fine, but I is not a second letter */
  };

  check_valid (cases, G_N_ELEMENTS (cases));
  check_invalid (invalid, G_N_ELEMENTS (invalid));
}

static void
test_rejects_malformed (void)
{
  static const InvalidCase cases[] = {
    { "", ED_VALUE_ERROR_EMPTY, "Enter a postcode" },
    { "   ", ED_VALUE_ERROR_EMPTY, NULL },
    { "SW1A 1A", ED_VALUE_ERROR_INVALID,
      "“SW1A 1A” is not a UK postcode: the part after the space must be a digit and two "
      "letters, as in SW1A 1AA" },
    { "SW1A", ED_VALUE_ERROR_INVALID, "too short" },
    { "M1", ED_VALUE_ERROR_INVALID, "too short" },
    { "SW1A 1AAA", ED_VALUE_ERROR_INVALID, "too long" },
    { "SW1A1 1AA", ED_VALUE_ERROR_INVALID, "too long" },
    { "SW1A-1AA", ED_VALUE_ERROR_INVALID, "only letters, digits" },
    { "SW1A.1AA", ED_VALUE_ERROR_INVALID, "only letters, digits" },
    { "SW1Á 1AA", ED_VALUE_ERROR_INVALID, "only letters, digits" },
    { "SW1A AAA", ED_VALUE_ERROR_INVALID, "a digit and two letters" },
    { "SW1A 11A", ED_VALUE_ERROR_INVALID, "a digit and two letters" },
    { "SW1A 1A1", ED_VALUE_ERROR_INVALID, "a digit and two letters" },
    { "1W1A 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },
    { "SWA 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },
    { "SWAA 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },
    { "S1AA 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },   /* A9AA */
    { "S111 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },   /* A999 */
    { "12 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },
    { "ABC 1AA", ED_VALUE_ERROR_INVALID, "part before the space" },
    { "SW1A 1AA\n1AA", ED_VALUE_ERROR_INVALID, NULL },
  };

  check_invalid (cases, G_N_ELEMENTS (cases));
}

/* Royal Mail's letter restrictions. */
static void
test_rejects_restricted_letters (void)
{
  static const InvalidCase cases[] = {
    /* First position: never Q, V or X. */
    { "Q1 1AA", ED_VALUE_ERROR_INVALID, "first letter cannot be Q, V or X" },
    { "V1 1AA", ED_VALUE_ERROR_INVALID, "first letter cannot be Q, V or X" },
    { "XA1 1AA", ED_VALUE_ERROR_INVALID, "first letter cannot be Q, V or X" },
    /* Second position: never I, J or Z. */
    { "AI1 1AA", ED_VALUE_ERROR_INVALID, "second letter cannot be I, J or Z" },
    { "SJ1 1AA", ED_VALUE_ERROR_INVALID, "second letter cannot be I, J or Z" },
    { "SZ11 1AA", ED_VALUE_ERROR_INVALID, "second letter cannot be I, J or Z" },
    /* Third position of A9A: only A B C D E F G H J K P S T U W. */
    { "W1I 1AA", ED_VALUE_ERROR_INVALID, "A B C D E F G H J K P S T U W" },
    { "W1L 1AA", ED_VALUE_ERROR_INVALID, "A B C D E F G H J K P S T U W" },
    { "W1Z 1AA", ED_VALUE_ERROR_INVALID, "A B C D E F G H J K P S T U W" },
    /* Fourth position of AA9A: only A B E H M N P R V W X Y. */
    { "SW1C 1AA", ED_VALUE_ERROR_INVALID, "A B E H M N P R V W X Y" },
    { "EC1D 1BB", ED_VALUE_ERROR_INVALID, "A B E H M N P R V W X Y" },
    { "EC1Z 1BB", ED_VALUE_ERROR_INVALID, "A B E H M N P R V W X Y" },
    /* Inward code letters: never C I K M O V. */
    { "SW1A 1CA", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
    { "SW1A 1AI", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
    { "SW1A 1KA", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
    { "SW1A 1AM", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
    { "SW1A 1OA", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
    { "SW1A 1AV", ED_VALUE_ERROR_INVALID, "C, I, K, M, O or V" },
  };

  check_invalid (cases, G_N_ELEMENTS (cases));
}

static void
test_outward (void)
{
  static const struct {
    const char *input;
    const char *outward;
  } cases[] = {
    { "SW1A 1AA", "SW1A" },
    { "sw1a1aa", "SW1A" },
    { "M1 1AE", "M1" },
    { "B33 8TH", "B33" },
    { "CR2 6XH", "CR2" },
    { "GIR 0AA", "GIR" },
    { "BFPO 57", "BFPO" },
    { "SW1A 1A", NULL },
    { "", NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *outward = ed_postcode_outward (cases[i].input);

      g_assert_cmpstr (outward, ==, cases[i].outward);
    }
}

static void
test_optional_out (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ed_postcode_normalise ("SW1A 1AA", NULL, NULL));
  g_assert_false (ed_postcode_normalise ("SW1A", NULL, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/postcode/normalises-spacing-and-case", test_normalises_spacing_and_case);
  g_test_add_func ("/core/postcode/accepts-every-shape", test_accepts_every_shape);
  g_test_add_func ("/core/postcode/special-cases", test_special_cases);
  g_test_add_func ("/core/postcode/rejects-malformed", test_rejects_malformed);
  g_test_add_func ("/core/postcode/rejects-restricted-letters", test_rejects_restricted_letters);
  g_test_add_func ("/core/postcode/outward", test_outward);
  g_test_add_func ("/core/postcode/optional-out", test_optional_out);

  return g_test_run ();
}
