/* test-franchise.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-franchise"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/ed-date.h"
#include "register/ed-franchise.h"
#include "core/ed-value-error.h"

static GDate
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  if (!ed_date_parse_iso (iso, &d, &error))
    g_error ("bad test date %s: %s", iso, error->message);
  return d;
}

static void
assert_message_contains (const GError *error,
                         const char   *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("message “%s” does not mention “%s”", error->message, part);
}

/* DOMAIN.md §1.2 (franchise markers, [C] S2, S6, S7; legacy E and K [S] S5): each printed
 * letter reads as its marker, in either case and with spaces around it; nothing means no
 * marker. The Welsh letter is [U], so it is configurable, with W as the default. */
static void
test_parse (void)
{
  static const struct
  {
    const char        *text;
    const char        *welsh_letter;
    EdFranchiseMarker  marker;
  } cases[] = {
    { "", NULL, ED_FRANCHISE_MARKER_NONE },
    { "   ", NULL, ED_FRANCHISE_MARKER_NONE },
    { "F", NULL, ED_FRANCHISE_MARKER_OVERSEAS },
    { "f", NULL, ED_FRANCHISE_MARKER_OVERSEAS },
    { " L ", NULL, ED_FRANCHISE_MARKER_PEER },
    { "g", NULL, ED_FRANCHISE_MARKER_EU_CITIZEN },
    { "B", NULL, ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN },
    { "\tm\n", NULL, ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL },
    { "W", NULL, ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN },
    { "w", "W", ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN },
    { "E", NULL, ED_FRANCHISE_MARKER_LEGACY_E },
    { "k", NULL, ED_FRANCHISE_MARKER_LEGACY_K },
    /* A district that configured another letter. */
    { "Q", "q", ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN },
    /* Scotland's M cannot appear in Wales, so a Welsh district may reuse it. */
    { "M", "M", ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN },
    { "F", "Q", ED_FRANCHISE_MARKER_OVERSEAS },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      EdFranchiseMarker marker = 99;

      if (!ed_franchise_marker_parse (cases[i].text, cases[i].welsh_letter, &marker, &error))
        g_error ("“%s” was refused: %s", cases[i].text, error->message);
      g_assert_cmpint (marker, ==, cases[i].marker);
    }
}

/* DOMAIN.md §1.2: only the listed letters are markers. The message quotes what was given
 * and lists what is expected, with the district's own Welsh letter; N is the anonymous
 * entry (RP(E&W) Regs 2001 reg 41A), not a franchise marker. */
static void
test_parse_rejects (void)
{
  static const struct
  {
    const char *text;
    const char *welsh_letter;
    const char *message_part;
  } cases[] = {
    { "X", NULL, "“X” is not a franchise marker: expected F, L, G, B, M, W, E or K" },
    { "W", "Q", "expected F, L, G, B, M, Q, E or K" },
    { "FG", NULL, "“FG” is not a franchise marker" },
    { "1", NULL, "“1”" },
    { "F.", NULL, "“F.”" },
    { "é", NULL, "“é”" },
    { "N", NULL, "anonymous" },
    { "n", NULL, "anonymous" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      EdFranchiseMarker marker = 99;

      if (ed_franchise_marker_parse (cases[i].text, cases[i].welsh_letter, &marker, &error))
        g_error ("“%s” was accepted as %d", cases[i].text, marker);
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
      g_assert_cmpint (marker, ==, 99);
      assert_message_contains (error, cases[i].message_part);
    }
}

/* DOMAIN.md §1.2: the letter printed before the name reads back as the same marker; the
 * legacy E and K are "accept on import, never emit", so they have no printed letter. */
static void
test_to_letter (void)
{
  EdFranchiseMarker m;

  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_NONE, NULL), ==, "");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_OVERSEAS, NULL), ==, "F");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_PEER, NULL), ==, "L");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_EU_CITIZEN, NULL), ==, "G");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
                                                  NULL), ==, "B");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
                                                  NULL), ==, "M");
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
                                                  NULL), ==, ED_FRANCHISE_WELSH_LETTER_DEFAULT);
  g_assert_cmpstr (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
                                                  "q"), ==, "Q");
  g_assert_null (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_LEGACY_E, NULL));
  g_assert_null (ed_franchise_marker_to_letter (ED_FRANCHISE_MARKER_LEGACY_K, NULL));

  for (m = ED_FRANCHISE_MARKER_NONE; m <= ED_FRANCHISE_MARKER_LEGACY_K; m++)
    {
      const char *letter = ed_franchise_marker_to_letter (m, "Q");
      EdFranchiseMarker back = 99;

      g_assert_nonnull (ed_franchise_marker_get_display_name (m));
      g_assert_cmpint (ed_franchise_marker_is_legacy (m), ==,
                       m == ED_FRANCHISE_MARKER_LEGACY_E || m == ED_FRANCHISE_MARKER_LEGACY_K);
      if (letter == NULL)
        continue;
      g_assert_true (ed_franchise_marker_parse (letter, "Q", &back, NULL));
      g_assert_cmpint (back, ==, m);
    }
}

/* DOMAIN.md §1.2 ([U] Welsh letter): a district's letter must be one letter that no other
 * marker, the anonymous N or the polling-station A and P already use. */
static void
test_welsh_letter_check (void)
{
  static const char *const good[] = { "W", "w", "Q", "M", "D" };
  static const struct
  {
    const char   *letter;
    EdValueError  code;
    const char   *message_part;
  } bad[] = {
    { "", ED_VALUE_ERROR_EMPTY, "Enter the letter" },
    { "  ", ED_VALUE_ERROR_EMPTY, NULL },
    { "WW", ED_VALUE_ERROR_INVALID, "“WW” is not a single letter" },
    { "7", ED_VALUE_ERROR_INVALID, "not a single letter" },
    { "F", ED_VALUE_ERROR_INVALID, "“F” already has a meaning" },
    { "g", ED_VALUE_ERROR_INVALID, "“G” already has a meaning" },
    { "B", ED_VALUE_ERROR_INVALID, NULL },
    { "E", ED_VALUE_ERROR_INVALID, NULL },
    { "K", ED_VALUE_ERROR_INVALID, NULL },
    { "L", ED_VALUE_ERROR_INVALID, NULL },
    { "N", ED_VALUE_ERROR_INVALID, NULL },
    { "A", ED_VALUE_ERROR_INVALID, NULL },
    { "p", ED_VALUE_ERROR_INVALID, NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (ed_franchise_welsh_letter_check (good[i], &error));
      g_assert_no_error (error);
    }

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ed_franchise_welsh_letter_check (bad[i].letter, &error))
        g_error ("“%s” was accepted", bad[i].letter);
      g_assert_error (error, ED_VALUE_ERROR, (gint) bad[i].code);
      if (bad[i].message_part != NULL)
        assert_message_contains (error, bad[i].message_part);
    }
}

typedef struct
{
  EdFranchiseMarker  marker;
  EdCountry          country;
  const char        *on_date;
  gboolean           allowed;
  const char        *message_part;  /* for refusals; NULL: only the code is checked */
} AllowedCase;

/* DOMAIN.md §1.2: B only in England and only from 7 May 2024; G not in England from then
 * (the ECR changed G to B, [C] S7, S9), but kept in Wales ([C] S14) and Scotland; M only in
 * Scotland ([C] S2); the Welsh qualifying-foreign-citizen marker only in Wales ([C] S10);
 * the legacy E and K never for an entry ([S] S5). */
static void
test_allowed (void)
{
  static const AllowedCase cases[] = {
    { ED_FRANCHISE_MARKER_NONE, ED_COUNTRY_ENGLAND, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_NONE, ED_COUNTRY_WALES, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_OVERSEAS, ED_COUNTRY_ENGLAND, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_OVERSEAS, ED_COUNTRY_SCOTLAND, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_PEER, ED_COUNTRY_WALES, "2025-01-01", TRUE, NULL },

    /* The ECR boundary: 6 May 2024 is the last day of G in England, 7 May the first of B. */
    { ED_FRANCHISE_MARKER_EU_CITIZEN, ED_COUNTRY_ENGLAND, "2024-05-06", TRUE, NULL },
    { ED_FRANCHISE_MARKER_EU_CITIZEN, ED_COUNTRY_ENGLAND, "2024-05-07", FALSE,
      "Marker G is not used in England from 7 May 2024 (this entry takes effect on "
      "2024-05-07)" },
    { ED_FRANCHISE_MARKER_EU_CITIZEN, ED_COUNTRY_ENGLAND, "2026-03-01", FALSE, "with B" },
    { ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN, ED_COUNTRY_ENGLAND, "2024-05-06", FALSE,
      "Marker B is used only from 7 May 2024, but this entry takes effect on 2024-05-06" },
    { ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN, ED_COUNTRY_ENGLAND, "2024-05-07", TRUE, NULL },
    { ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN, ED_COUNTRY_WALES, "2025-01-01", FALSE,
      "is used only in England, but this register is in Wales" },
    { ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN, ED_COUNTRY_SCOTLAND, "2025-01-01", FALSE,
      "only in England" },
    { ED_FRANCHISE_MARKER_EU_CITIZEN, ED_COUNTRY_WALES, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_EU_CITIZEN, ED_COUNTRY_SCOTLAND, "2025-01-01", TRUE, NULL },

    { ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL, ED_COUNTRY_SCOTLAND, "2025-01-01", TRUE,
      NULL },
    { ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL, ED_COUNTRY_ENGLAND, "2025-01-01", FALSE,
      "is used only in Scotland, but this register is in England" },
    { ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL, ED_COUNTRY_WALES, "2025-01-01", FALSE,
      "only in Scotland" },
    { ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN, ED_COUNTRY_WALES, "2025-01-01", TRUE, NULL },
    { ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN, ED_COUNTRY_ENGLAND, "2025-01-01", FALSE,
      "“Qualifying foreign citizen (Wales)” is used only in Wales" },
    { ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN, ED_COUNTRY_SCOTLAND, "2025-01-01", FALSE,
      NULL },

    { ED_FRANCHISE_MARKER_LEGACY_E, ED_COUNTRY_ENGLAND, "2019-01-01", FALSE,
      "Marker E is a legacy marker" },
    { ED_FRANCHISE_MARKER_LEGACY_K, ED_COUNTRY_SCOTLAND, "2025-01-01", FALSE,
      "Marker K is a legacy marker" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate on = date (cases[i].on_date);
      gboolean ok = ed_franchise_marker_allowed (cases[i].marker, cases[i].country, &on,
                                                 &error);

      if (ok != cases[i].allowed)
        g_error ("case %" G_GSIZE_FORMAT ": marker %d in %s on %s: expected %s, got %s (%s)", i,
                 cases[i].marker, ed_country_to_string (cases[i].country), cases[i].on_date,
                 cases[i].allowed ? "allowed" : "refused", ok ? "allowed" : "refused",
                 error != NULL ? error->message : "no error");
      if (ok)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
      if (cases[i].message_part != NULL)
        assert_message_contains (error, cases[i].message_part);
    }
}

/* DOMAIN.md §1.2: E and K are "accept on import, never emit"; everything else on import
 * follows the same rules as a new entry. */
static void
test_accept_on_import (void)
{
  g_autoptr(GError) error = NULL;
  GDate on = date ("2025-06-01");
  GDate before_ecr = date ("2024-01-10");

  g_assert_true (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_LEGACY_E,
                                                       ED_COUNTRY_ENGLAND, &on, &error));
  g_assert_no_error (error);
  g_assert_true (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_LEGACY_K,
                                                       ED_COUNTRY_WALES, &on, &error));
  g_assert_no_error (error);
  g_assert_true (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_EU_CITIZEN,
                                                       ED_COUNTRY_ENGLAND, &before_ecr,
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_NONE,
                                                       ED_COUNTRY_SCOTLAND, &on, &error));
  g_assert_no_error (error);

  g_assert_false (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
                                                        ED_COUNTRY_ENGLAND, &before_ecr,
                                                        &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ed_franchise_marker_accept_on_import (ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
                                                        ED_COUNTRY_WALES, &on, &error));
  g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID);
}

/* DOMAIN.md §1.2 "May vote at": no marker, all polls; F, UK Parliamentary only ([C] S6,
 * S2); L, local but not UKPGE ([C] S2); G and B, local (+PCC) but not UKPGE ([C] S7);
 * M, local + Scottish Parliament ([C] S2); Welsh marker, Senedd + local ([C] S10). The
 * legacy European Parliament franchises give no current vote. */
static void
test_votes_at (void)
{
  static const struct
  {
    EdFranchiseMarker marker;
    gboolean          ukpge;
    gboolean          local;
  } cases[] = {
    { ED_FRANCHISE_MARKER_NONE, TRUE, TRUE },
    { ED_FRANCHISE_MARKER_OVERSEAS, TRUE, FALSE },
    { ED_FRANCHISE_MARKER_PEER, FALSE, TRUE },
    { ED_FRANCHISE_MARKER_EU_CITIZEN, FALSE, TRUE },
    { ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN, FALSE, TRUE },
    { ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL, FALSE, TRUE },
    { ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN, FALSE, TRUE },
    { ED_FRANCHISE_MARKER_LEGACY_E, FALSE, FALSE },
    { ED_FRANCHISE_MARKER_LEGACY_K, FALSE, FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (ed_franchise_marker_votes_at_ukpge (cases[i].marker), ==, cases[i].ukpge);
      g_assert_cmpint (ed_franchise_marker_votes_at_local (cases[i].marker), ==, cases[i].local);
    }
}

typedef struct
{
  EdCountry   country;
  const char *attainer_date;
  const char *today;
  gboolean    valid;
  const char *message_part;
} AttainerCase;

static void
check_attainer_cases (const AttainerCase *cases,
                      gsize               n_cases,
                      guint               window_months,
                      guint               youngest_age)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate attainer = date (cases[i].attainer_date);
      GDate today = date (cases[i].today);
      gboolean ok;

      if (window_months == ED_ATTAINER_WINDOW_MONTHS &&
          youngest_age == ED_ATTAINER_DEVOLVED_YOUNGEST_AGE)
        ok = ed_attainer_date_check (cases[i].country, &attainer, &today, &error);
      else
        ok = ed_attainer_date_check_full (cases[i].country, &attainer, &today, window_months,
                                          youngest_age, &error);

      if (ok != cases[i].valid)
        g_error ("attainer date %s on %s in %s: expected %s, got %s (%s)",
                 cases[i].attainer_date, cases[i].today,
                 ed_country_to_string (cases[i].country),
                 cases[i].valid ? "valid" : "refused", ok ? "valid" : "refused",
                 error != NULL ? error->message : "no error");
      if (ok)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE);
      if (cases[i].message_part != NULL)
        assert_message_contains (error, cases[i].message_part);
    }
}

/* DOMAIN.md §1.2 "Attainer date" ([C] S12; RPA 1983 s 4(5)): someone who reaches 18 in
 * the 12 months beginning with the next 1 December may register as an attainer. Boundaries
 * are [U]; this is the documented reading: 1 December to 30 November, with today counting
 * as the next 1 December when it is one. */
static void
test_attainer_england (void)
{
  static const AttainerCase cases[] = {
    /* 15 September 2024: the next 1 December is 1 December 2024, so 18 by 30 Nov 2025. */
    { ED_COUNTRY_ENGLAND, "2024-09-16", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_ENGLAND, "2025-11-30", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_ENGLAND, "2025-12-01", "2024-09-15", FALSE,
      "The attainer date 2025-12-01 is too late: an attainer must reach 18 by 2025-11-30, "
      "the end of the 12 months beginning with 1 December 2024" },
    /* Not after today: already 18, so an elector without an attainer date. */
    { ED_COUNTRY_ENGLAND, "2024-09-15", "2024-09-15", FALSE,
      "The attainer date 2024-09-15 is not after 2024-09-15: someone who is already 18" },
    { ED_COUNTRY_ENGLAND, "2006-04-01", "2024-09-15", FALSE, "not after" },
    /* On 1 December itself that 1 December starts the window ... */
    { ED_COUNTRY_ENGLAND, "2025-11-30", "2024-12-01", TRUE, NULL },
    { ED_COUNTRY_ENGLAND, "2025-12-01", "2024-12-01", FALSE, NULL },
    /* ... and from 2 December the next year's does. */
    { ED_COUNTRY_ENGLAND, "2026-11-30", "2024-12-02", TRUE, NULL },
    { ED_COUNTRY_ENGLAND, "2026-12-01", "2024-12-02", FALSE, "by 2026-11-30" },
    { ED_COUNTRY_ENGLAND, "2026-11-30", "2025-12-31", TRUE, NULL },
    /* Leap years change nothing: 29 February 2028 is inside the window from 2026-12-02. */
    { ED_COUNTRY_ENGLAND, "2028-02-29", "2026-12-02", TRUE, NULL },
  };

  check_attainer_cases (cases, G_N_ELEMENTS (cases), ED_ATTAINER_WINDOW_MONTHS,
                        ED_ATTAINER_DEVOLVED_YOUNGEST_AGE);
}

/* DOMAIN.md §1.2 "Scotland and Wales: 14–15 year olds can register" ([C] S2 Scotland,
 * [S] S13 Wales; RPA 1983 s 4(5B)): there the attainer date is the 16th birthday, and
 * anyone 14 or over today may register, which reaches further than the 12-month window. */
static void
test_attainer_devolved (void)
{
  static const AttainerCase cases[] = {
    /* 15 September 2024: 14 today means 16 on or before 15 September 2026. */
    { ED_COUNTRY_WALES, "2026-09-15", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_WALES, "2026-09-16", "2024-09-15", FALSE,
      "The attainer date 2026-09-16 is too late: an attainer must reach 16 by 2026-09-15, so "
      "must be at least 14 today" },
    { ED_COUNTRY_SCOTLAND, "2026-09-15", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_SCOTLAND, "2026-09-16", "2024-09-15", FALSE, NULL },
    /* England on the same day allows only the 12-month window. */
    { ED_COUNTRY_ENGLAND, "2026-09-15", "2024-09-15", FALSE, NULL },
    /* Someone already 16 is an elector. */
    { ED_COUNTRY_WALES, "2024-09-15", "2024-09-15", FALSE, "already 16" },
    { ED_COUNTRY_WALES, "2024-09-16", "2024-09-15", TRUE, NULL },
    /* On 2 December 2024 both rules reach December 2026: the age rule is the later. */
    { ED_COUNTRY_SCOTLAND, "2026-12-02", "2024-12-02", TRUE, NULL },
    { ED_COUNTRY_SCOTLAND, "2026-12-03", "2024-12-02", FALSE, NULL },
  };

  check_attainer_cases (cases, G_N_ELEMENTS (cases), ED_ATTAINER_WINDOW_MONTHS,
                        ED_ATTAINER_DEVOLVED_YOUNGEST_AGE);
}

/* DOMAIN.md §1.2: the window and the youngest age are [U]/[S], so both are parameters. */
static void
test_attainer_configurable (void)
{
  static const AttainerCase six_months[] = {
    /* 6 months beginning with 1 December 2024 end on 31 May 2025. */
    { ED_COUNTRY_ENGLAND, "2025-05-31", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_ENGLAND, "2025-06-01", "2024-09-15", FALSE,
      "the end of the 6 months beginning with 1 December 2024" },
  };
  static const AttainerCase no_younger_than_16[] = {
    /* With the youngest age at 16, Wales falls back on the 12-month window. */
    { ED_COUNTRY_WALES, "2025-11-30", "2024-09-15", TRUE, NULL },
    { ED_COUNTRY_WALES, "2025-12-01", "2024-09-15", FALSE, "must reach 16 by 2025-11-30, the end" },
    { ED_COUNTRY_WALES, "2026-09-15", "2024-09-15", FALSE, NULL },
  };

  check_attainer_cases (six_months, G_N_ELEMENTS (six_months), 6,
                        ED_ATTAINER_DEVOLVED_YOUNGEST_AGE);
  check_attainer_cases (no_younger_than_16, G_N_ELEMENTS (no_younger_than_16),
                        ED_ATTAINER_WINDOW_MONTHS, 16);
}

/* DOMAIN.md §1.2: the attainer date records reaching 18, or 16 for Senedd and Scottish
 * polls ([C] S12). */
static void
test_voting_age (void)
{
  g_assert_cmpuint (ed_attainer_voting_age (ED_COUNTRY_ENGLAND), ==, 18);
  g_assert_cmpuint (ed_attainer_voting_age (ED_COUNTRY_WALES), ==, 16);
  g_assert_cmpuint (ed_attainer_voting_age (ED_COUNTRY_SCOTLAND), ==, 16);
}

/* DOMAIN.md §1.2: "No information on under-16s may appear in any published version of the
 * register" ([C] S10). In Wales and Scotland an attainer date after the day means under
 * 16; in England attainer dates are 18th birthdays, so no entry is of an under-16. */
static void
test_under_16 (void)
{
  GDate publication = date ("2025-12-01");
  GDate sixteenth_later = date ("2026-03-01");
  GDate sixteenth_that_day = date ("2025-12-01");
  GDate sixteenth_before = date ("2025-11-30");

  g_assert_true (ed_elector_is_under_16 (ED_COUNTRY_WALES, &sixteenth_later, &publication));
  g_assert_true (ed_elector_is_under_16 (ED_COUNTRY_SCOTLAND, &sixteenth_later, &publication));
  g_assert_false (ed_elector_is_under_16 (ED_COUNTRY_WALES, &sixteenth_that_day, &publication));
  g_assert_false (ed_elector_is_under_16 (ED_COUNTRY_SCOTLAND, &sixteenth_before,
                                          &publication));
  g_assert_false (ed_elector_is_under_16 (ED_COUNTRY_WALES, NULL, &publication));
  g_assert_false (ed_elector_is_under_16 (ED_COUNTRY_ENGLAND, &sixteenth_later, &publication));
  g_assert_false (ed_elector_is_under_16 (ED_COUNTRY_ENGLAND, NULL, &publication));
}

/* Issue 12 item 3; DOMAIN.md §1.2 ("Attainer date"; EC Wales and Scotland guidance): in
 * Wales and Scotland an attainer's entry gives the date they reach 16, and a 16- or
 * 17-year-old local-government-only elector's entry the date they turn 18, so both come from
 * the date of birth. Born 10 March 2010: 16 on 10 March 2026, 18 on 10 March 2028. */
static void
test_dates_from_birth (void)
{
  GDate born;
  GDate voting_age;
  GDate eighteen;
  GDate on;

  g_date_clear (&born, 1);
  g_date_set_dmy (&born, 10, G_DATE_MARCH, 2010);
  g_date_clear (&on, 1);

  ed_elector_dates_from_birth (ED_COUNTRY_WALES, &born, &voting_age, &eighteen);
  g_assert_cmpint (g_date_get_year (&voting_age), ==, 2026);
  g_assert_cmpint (g_date_get_year (&eighteen), ==, 2028);
  ed_elector_dates_from_birth (ED_COUNTRY_ENGLAND, &born, &voting_age, NULL);
  g_assert_cmpint (g_date_get_year (&voting_age), ==, 2028);

  /* 16 in Wales and Scotland: the entry shows the day they turn 18; not before 16, not
   * from 18, and never in England. */
  g_date_set_dmy (&on, 1, G_DATE_DECEMBER, 2026);
  g_assert_true (ed_elector_shows_eighteen (ED_COUNTRY_WALES, &born, &on, &eighteen));
  g_assert_cmpint (g_date_get_year (&eighteen), ==, 2028);
  g_assert_true (ed_elector_shows_eighteen (ED_COUNTRY_SCOTLAND, &born, &on, NULL));
  g_assert_false (ed_elector_shows_eighteen (ED_COUNTRY_ENGLAND, &born, &on, NULL));
  g_date_set_dmy (&on, 9, G_DATE_MARCH, 2026);
  g_assert_false (ed_elector_shows_eighteen (ED_COUNTRY_WALES, &born, &on, NULL));
  g_date_set_dmy (&on, 10, G_DATE_MARCH, 2028);
  g_assert_false (ed_elector_shows_eighteen (ED_COUNTRY_WALES, &born, &on, NULL));

  /* Issue 12: born on 29 February, an age is reached on 1 March in a common year, never on
   * 28 February (Family Law Reform Act 1969 s.9: from the anniversary of birth; Age of Legal
   * Capacity (Scotland) Act 1991 s.6(2)). 16 on 29 February 2028, a leap year; 18 on
   * 1 March 2030. */
  g_date_set_dmy (&born, 29, G_DATE_FEBRUARY, 2012);
  ed_elector_dates_from_birth (ED_COUNTRY_SCOTLAND, &born, &voting_age, &eighteen);
  g_assert_cmpint (g_date_get_month (&voting_age), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&voting_age), ==, 29);
  g_assert_cmpint (g_date_get_month (&eighteen), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&eighteen), ==, 1);
  g_assert_cmpint (g_date_get_year (&eighteen), ==, 2030);
  ed_elector_dates_from_birth (ED_COUNTRY_ENGLAND, &born, &voting_age, NULL);
  g_assert_cmpint (g_date_get_month (&voting_age), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&voting_age), ==, 1);

  /* A Welsh elector born on 29 February 2008 is 17 on 28 February 2026, and the entry shows
   * 1 March 2026; from 1 March they are 18. The same from an attainer date of 29 February
   * 2024, the day they reached 16, with no date of birth. */
  g_date_set_dmy (&on, 28, G_DATE_FEBRUARY, 2026);
  {
    gboolean shows_eighteen = FALSE;
    GDate shown;

    g_date_clear (&shown, 1);
    g_assert_true (ed_elector_entry_dates (ED_COUNTRY_WALES, "2008-02-29", "", &on, NULL,
                                           &shows_eighteen, &shown));
    g_assert_true (shows_eighteen);
    g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_MARCH);
    g_assert_cmpint (g_date_get_day (&shown), ==, 1);
    g_assert_true (ed_elector_entry_dates (ED_COUNTRY_WALES, "", "2024-02-29", &on, NULL,
                                           &shows_eighteen, &shown));
    g_assert_true (shows_eighteen);
    g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_MARCH);
    g_assert_cmpint (g_date_get_day (&shown), ==, 1);
    g_date_set_dmy (&on, 1, G_DATE_MARCH, 2026);
    ed_elector_entry_dates (ED_COUNTRY_WALES, "2008-02-29", "", &on, NULL, &shows_eighteen,
                            NULL);
    g_assert_false (shows_eighteen);
  }
}

/* The editor's choice of marker (DOMAIN.md §1.2): what each country may give a new entry, with
 * England's G giving way to B on 7 May 2024, and never the legacy E or K. */
static void
check_offered (EdCountry                country,
               guint                    d,
               GDateMonth               m,
               guint                    y,
               const EdFranchiseMarker *expected,
               guint                    n_expected)
{
  EdFranchiseMarker offered[ED_FRANCHISE_N_MARKERS];
  GDate date;
  guint n;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  n = ed_franchise_markers_offered (country, &date, offered);
  g_assert_cmpmem (offered, n * sizeof *offered, expected, n_expected * sizeof *expected);
}

static void
test_offered (void)
{
  const EdFranchiseMarker england[] = {
    ED_FRANCHISE_MARKER_NONE, ED_FRANCHISE_MARKER_OVERSEAS, ED_FRANCHISE_MARKER_PEER,
    ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
  };
  const EdFranchiseMarker england_before_ecr[] = {
    ED_FRANCHISE_MARKER_NONE, ED_FRANCHISE_MARKER_OVERSEAS, ED_FRANCHISE_MARKER_PEER,
    ED_FRANCHISE_MARKER_EU_CITIZEN,
  };
  const EdFranchiseMarker wales[] = {
    ED_FRANCHISE_MARKER_NONE, ED_FRANCHISE_MARKER_OVERSEAS, ED_FRANCHISE_MARKER_PEER,
    ED_FRANCHISE_MARKER_EU_CITIZEN, ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
  };
  const EdFranchiseMarker scotland[] = {
    ED_FRANCHISE_MARKER_NONE, ED_FRANCHISE_MARKER_OVERSEAS, ED_FRANCHISE_MARKER_PEER,
    ED_FRANCHISE_MARKER_EU_CITIZEN, ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
  };

  check_offered (ED_COUNTRY_ENGLAND, 23, G_DATE_NOVEMBER, 2026, england, G_N_ELEMENTS (england));
  check_offered (ED_COUNTRY_ENGLAND, 7, G_DATE_MAY, 2024, england, G_N_ELEMENTS (england));
  check_offered (ED_COUNTRY_ENGLAND, 6, G_DATE_MAY, 2024, england_before_ecr,
                 G_N_ELEMENTS (england_before_ecr));
  check_offered (ED_COUNTRY_WALES, 23, G_DATE_NOVEMBER, 2026, wales, G_N_ELEMENTS (wales));
  check_offered (ED_COUNTRY_SCOTLAND, 23, G_DATE_NOVEMBER, 2026, scotland,
                 G_N_ELEMENTS (scotland));
}

/* Who is of voting age today, as the Attainers filter asks it of a date of birth: born on
 * or before the day returned. Checked against ed_elector_dates_from_birth () over four years
 * of days either side of the 29 February rule (Family Law Reform Act 1969 s.9). */
static void
test_voting_age_latest_birth (void)
{
  for (EdCountry country = ED_COUNTRY_ENGLAND; country <= ED_COUNTRY_SCOTLAND; country++)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2027);
      for (guint day = 0; day < 4 * 366; day++, g_date_add_days (&today, 1))
        {
          GDate latest;
          GDate born;

          ed_voting_age_latest_birth (country, &today, &latest);
          /* The latest birth and the three days either side of it. */
          born = latest;
          g_date_subtract_days (&born, 3);
          for (guint i = 0; i < 7; i++, g_date_add_days (&born, 1))
            {
              GDate voting_age;
              gboolean of_age;

              ed_elector_dates_from_birth (country, &born, &voting_age, NULL);
              of_age = g_date_compare (&voting_age, &today) <= 0;
              g_assert_cmpint (of_age, ==, g_date_compare (&born, &latest) <= 0);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/franchise/parse", test_parse);
  g_test_add_func ("/register/franchise/parse-rejects", test_parse_rejects);
  g_test_add_func ("/register/franchise/to-letter", test_to_letter);
  g_test_add_func ("/register/franchise/welsh-letter-check", test_welsh_letter_check);
  g_test_add_func ("/register/franchise/allowed", test_allowed);
  g_test_add_func ("/register/franchise/offered", test_offered);
  g_test_add_func ("/register/franchise/accept-on-import", test_accept_on_import);
  g_test_add_func ("/register/franchise/votes-at", test_votes_at);
  g_test_add_func ("/register/franchise/attainer-england", test_attainer_england);
  g_test_add_func ("/register/franchise/attainer-devolved", test_attainer_devolved);
  g_test_add_func ("/register/franchise/attainer-configurable", test_attainer_configurable);
  g_test_add_func ("/register/franchise/voting-age", test_voting_age);
  g_test_add_func ("/register/franchise/under-16", test_under_16);
  g_test_add_func ("/register/franchise/dates-from-birth", test_dates_from_birth);
  g_test_add_func ("/register/franchise/voting-age-latest-birth",
                   test_voting_age_latest_birth);

  return g_test_run ();
}
