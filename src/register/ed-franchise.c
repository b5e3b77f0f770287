/* ed-franchise.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-franchise.h"
#include "core/ed-date.h"
#include "core/ed-value-error.h"
#include "core/ed-value-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The Eligibility Confirmation Review in England: from this day EU citizens keep a local
 * vote only as qualifying or retained-rights EU citizens, marked B instead of G (Elections
 * Act 2022 Sch 8, commenced for polls from 7 May 2024; DOMAIN.md §1.2, S7, S9). */
#define ECR_DAY    7
#define ECR_MONTH  G_DATE_MAY
#define ECR_YEAR   2024

/* Letters the register, its imports or the polling-station copies already give a meaning,
 * so a district cannot choose one of them for the Welsh marker: the franchise markers of
 * DOMAIN.md §1.2 that can appear on a register in Wales or in an import (F, L, G, B, E, K),
 * the anonymous entry's N (RP(E&W) Regs 2001 reg 41A) and the polling-station A and P
 * (DOMAIN.md §1.2, S15). Scotland's M is allowed: it can never appear on a Welsh register,
 * and it means the same thing there. */
static const char reserved_letters[] = "FLGBEKNAP";

/* @date moved on @years anniversaries: the day someone born on @date attains that age. An
 * age is attained at the start of the anniversary of the date of birth (Family Law Reform
 * Act 1969 s.9; in Scotland the Age of Legal Capacity (Scotland) Act 1991 s.6). One born on
 * 29 February has no anniversary in a common year: the Scottish Act takes it as 1 March
 * (s.6(2)), and in England and Wales the 1969 Act gives no other day, since 28 February
 * falls before the anniversary would, so 1 March there too. g_date_add_years () would give
 * 28 February, a day before the elector reaches the age. */
static void
add_years_of_age (GDate *date,
                  guint  years)
{
  gboolean leap_day = g_date_get_month (date) == G_DATE_FEBRUARY && g_date_get_day (date) == 29;

  g_date_add_years (date, years);
  if (leap_day && g_date_get_day (date) != 29)
    g_date_add_days (date, 1);
}

static gboolean
is_single_letter (const char *text)
{
  return text[0] != '\0' && text[1] == '\0' && g_ascii_isalpha (text[0]);
}

/**
 * ed_franchise_welsh_letter_check:
 * @letter: the letter a district in Wales uses for a qualifying foreign citizen
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Checks a configured letter for %ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN: one letter,
 * in either case, that no other marker uses. The letter is configurable because the one in
 * use is unconfirmed (DOMAIN.md §1.2, [U]); the default is
 * %ED_FRANCHISE_WELSH_LETTER_DEFAULT.
 *
 * Returns: %TRUE if @letter can be used
 */
gboolean
ed_franchise_welsh_letter_check (const char  *letter,
                                 GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (letter != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = ed_value_display_text (letter);

  if (*display == '\0')
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_EMPTY,
                   _("Enter the letter that marks a qualifying foreign citizen, such as %s"),
                   ED_FRANCHISE_WELSH_LETTER_DEFAULT);
      return FALSE;
    }

  if (!is_single_letter (letter))
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a single letter: the marker for a qualifying foreign "
                     "citizen is one letter from A to Z"),
                   display);
      return FALSE;
    }

  if (strchr (reserved_letters, g_ascii_toupper (letter[0])) != NULL)
    {
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %c is the letter typed; the list is of letters. */
                   _("“%c” already has a meaning on the register: choose a letter for "
                     "qualifying foreign citizens other than F, L, G, B, E, K, N, A or P"),
                   g_ascii_toupper (letter[0]));
      return FALSE;
    }

  return TRUE;
}

static char
welsh_letter_or_default (const char *welsh_letter)
{
  if (welsh_letter == NULL)
    welsh_letter = ED_FRANCHISE_WELSH_LETTER_DEFAULT;
  g_return_val_if_fail (ed_franchise_welsh_letter_check (welsh_letter, NULL),
                        ED_FRANCHISE_WELSH_LETTER_DEFAULT[0]);
  return g_ascii_toupper (welsh_letter[0]);
}

/**
 * ed_franchise_marker_parse:
 * @text: the marker as typed or imported: one letter, in either case, with optional spaces
 *   around it; empty for no marker
 * @welsh_letter: (nullable): the district's letter for a qualifying foreign citizen in
 *   Wales, or %NULL for %ED_FRANCHISE_WELSH_LETTER_DEFAULT; must pass
 *   ed_franchise_welsh_letter_check()
 * @out: (out) (optional): the marker
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Reads a franchise marker (DOMAIN.md §1.2). Whether the marker may be used in a district
 * is a separate question: see ed_franchise_marker_allowed().
 *
 * The configured Welsh letter wins over a built-in meaning of the same letter, so a Welsh
 * district that uses `M` reads it as its own marker, not Scotland's.
 *
 * Returns: %TRUE if @text is a franchise marker
 */
gboolean
ed_franchise_marker_parse (const char         *text,
                           const char         *welsh_letter,
                           EdFranchiseMarker  *out,
                           GError            **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *display = NULL;
  EdFranchiseMarker marker;
  char welsh;
  char c;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  welsh = welsh_letter_or_default (welsh_letter);
  stripped = ed_value_strip (text);

  if (*stripped == '\0')
    {
      if (out != NULL)
        *out = ED_FRANCHISE_MARKER_NONE;
      return TRUE;
    }

  c = is_single_letter (stripped) ? g_ascii_toupper (stripped[0]) : '\0';

  if (c != '\0' && c == welsh)
    marker = ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN;
  else
    switch (c)
      {
      case 'F':
        marker = ED_FRANCHISE_MARKER_OVERSEAS;
        break;
      case 'L':
        marker = ED_FRANCHISE_MARKER_PEER;
        break;
      case 'G':
        marker = ED_FRANCHISE_MARKER_EU_CITIZEN;
        break;
      case 'B':
        marker = ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN;
        break;
      case 'M':
        marker = ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL;
        break;
      case 'E':
        marker = ED_FRANCHISE_MARKER_LEGACY_E;
        break;
      case 'K':
        marker = ED_FRANCHISE_MARKER_LEGACY_K;
        break;
      default:
        display = ed_value_display_text (text);
        if (c == 'N')
          /* An anonymous entry is a kind of entry, not a franchise (reg 41A). */
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       _("“N” marks an anonymous entry, which is recorded as anonymous "
                         "rather than as a franchise marker: leave the marker empty"));
        else
          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: the first %s is what the user typed, the second %c
                        * the district's letter for qualifying foreign citizens in Wales. */
                       _("“%s” is not a franchise marker: expected F, L, G, B, M, %c, E or "
                         "K, or nothing for an elector who may vote at every poll"),
                       display, welsh);
        return FALSE;
      }

  if (out != NULL)
    *out = marker;
  return TRUE;
}

/**
 * ed_franchise_marker_to_letter:
 * @marker: a marker
 * @welsh_letter: (nullable): as for ed_franchise_marker_parse()
 *
 * The letter printed before the elector's name. Legacy markers have none: they are
 * accepted on import but never printed or exported (DOMAIN.md §1.2).
 *
 * Returns: (transfer none) (nullable): the letter in capitals, `""` for
 *   %ED_FRANCHISE_MARKER_NONE, or %NULL for a legacy marker
 */
const char *
ed_franchise_marker_to_letter (EdFranchiseMarker  marker,
                               const char        *welsh_letter)
{
  /* One static string per possible letter, so the result can be returned unowned. */
  static const char *const letters[26] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
  };

  switch (marker)
    {
    case ED_FRANCHISE_MARKER_NONE:
      return "";
    case ED_FRANCHISE_MARKER_OVERSEAS:
      return "F";
    case ED_FRANCHISE_MARKER_PEER:
      return "L";
    case ED_FRANCHISE_MARKER_EU_CITIZEN:
      return "G";
    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
      return "B";
    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
      return "M";
    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return letters[welsh_letter_or_default (welsh_letter) - 'A'];
    case ED_FRANCHISE_MARKER_LEGACY_E:
    case ED_FRANCHISE_MARKER_LEGACY_K:
      return NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_franchise_marker_get_display_name:
 * @marker: a marker
 *
 * Returns: (transfer none): what @marker means, for people, such as “Overseas elector”
 */
const char *
ed_franchise_marker_get_display_name (EdFranchiseMarker marker)
{
  switch (marker)
    {
    case ED_FRANCHISE_MARKER_NONE:
      return _("British, Irish or qualifying Commonwealth citizen");
    case ED_FRANCHISE_MARKER_OVERSEAS:
      return _("Overseas elector");
    case ED_FRANCHISE_MARKER_PEER:
      return _("Peer in the House of Lords");
    case ED_FRANCHISE_MARKER_EU_CITIZEN:
      return _("EU citizen");
    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
      return _("Qualifying or retained-rights EU citizen");
    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
      return _("Qualifying foreign national (Scotland)");
    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return _("Qualifying foreign citizen (Wales)");
    case ED_FRANCHISE_MARKER_LEGACY_E:
      return _("Legacy marker E (before 2020)");
    case ED_FRANCHISE_MARKER_LEGACY_K:
      return _("Legacy marker K (before 2020)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ed_franchise_marker_is_legacy:
 * @marker: a marker
 *
 * Returns: %TRUE for `E` and `K`, the European Parliament franchise variants in use before
 *   2020 (DOMAIN.md §1.2, [S] S5; the meaning of `K` is [U])
 */
gboolean
ed_franchise_marker_is_legacy (EdFranchiseMarker marker)
{
  return marker == ED_FRANCHISE_MARKER_LEGACY_E || marker == ED_FRANCHISE_MARKER_LEGACY_K;
}

/**
 * ed_franchise_marker_published_letter:
 * @stored: (nullable): the marker as the register holds it
 * @welsh_letter: (nullable): as for ed_franchise_marker_parse()
 *
 * The marker as a published version of the register shows it (DOMAIN.md §1.2): the legacy
 * markers `E` and `K` are accepted on import but never printed or exported as published, so
 * they show as no marker.
 *
 * Returns: (transfer none): @stored, or `""` for a legacy marker or %NULL
 */
const char *
ed_franchise_marker_published_letter (const char *stored,
                                      const char *welsh_letter)
{
  EdFranchiseMarker marker;

  if (stored == NULL)
    return "";
  if (ed_franchise_marker_parse (stored, welsh_letter, &marker, NULL) &&
      ed_franchise_marker_is_legacy (marker))
    return "";
  return stored;
}

static gboolean
before_ecr (const GDate *date)
{
  GDate ecr;

  g_date_clear (&ecr, 1);
  g_date_set_dmy (&ecr, ECR_DAY, ECR_MONTH, ECR_YEAR);
  return g_date_compare (date, &ecr) < 0;
}

static gboolean
only_in (EdFranchiseMarker   marker,
         EdCountry           country,
         EdCountry           required,
         GError            **error)
{
  if (country == required)
    return TRUE;

  g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
               /* Translators: the first %s is a marker's meaning, such as “Qualifying
                * foreign national (Scotland)”; the others are England, Wales or Scotland. */
               _("The marker for “%s” is used only in %s, but this register is in %s"),
               ed_franchise_marker_get_display_name (marker),
               ed_country_get_display_name (required),
               ed_country_get_display_name (country));
  return FALSE;
}

/**
 * ed_franchise_marker_allowed:
 * @marker: a marker
 * @country: where the register is
 * @on_date: the day the entry takes effect
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Whether @marker may be given to a new or changed entry (DOMAIN.md §1.2):
 *
 * - `B` only in England, and only from 7 May 2024, when the Eligibility Confirmation
 *   Review changed G to B (S7, S9);
 * - `G` not in England from 7 May 2024; it stays in Wales, where EU citizens keep the
 *   Senedd and local vote (S14), and in Scotland;
 * - `M` only in Scotland, and the Welsh qualifying-foreign-citizen marker only in Wales
 *   (S2, S10);
 * - legacy `E` and `K` never (see ed_franchise_marker_accept_on_import()).
 *
 * Returns: %TRUE if @marker may be used; otherwise %FALSE with an
 *   %ED_VALUE_ERROR_INVALID error saying why
 */
gboolean
ed_franchise_marker_allowed (EdFranchiseMarker   marker,
                             EdCountry           country,
                             const GDate        *on_date,
                             GError            **error)
{
  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (marker)
    {
    case ED_FRANCHISE_MARKER_NONE:
    case ED_FRANCHISE_MARKER_OVERSEAS:
    case ED_FRANCHISE_MARKER_PEER:
      return TRUE;

    case ED_FRANCHISE_MARKER_EU_CITIZEN:
      if (country == ED_COUNTRY_ENGLAND && !before_ecr (on_date))
        {
          g_autofree char *text = ed_date_format_iso (on_date);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is a date. */
                       _("Marker G is not used in England from 7 May 2024 (this entry takes "
                         "effect on %s): mark a qualifying or retained-rights EU citizen "
                         "with B"),
                       text);
          return FALSE;
        }
      return TRUE;

    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
      if (!only_in (marker, country, ED_COUNTRY_ENGLAND, error))
        return FALSE;
      if (before_ecr (on_date))
        {
          g_autofree char *text = ed_date_format_iso (on_date);

          g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                       /* Translators: %s is a date. */
                       _("Marker B is used only from 7 May 2024, but this entry takes "
                         "effect on %s: before then EU citizens were marked G"),
                       text);
          return FALSE;
        }
      return TRUE;

    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
      return only_in (marker, country, ED_COUNTRY_SCOTLAND, error);

    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return only_in (marker, country, ED_COUNTRY_WALES, error);

    case ED_FRANCHISE_MARKER_LEGACY_E:
    case ED_FRANCHISE_MARKER_LEGACY_K:
      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_INVALID,
                   /* Translators: %c is a letter, E or K. */
                   _("Marker %c is a legacy marker from before 2020: it is accepted when a "
                     "register is imported, but cannot be given to an entry"),
                   marker == ED_FRANCHISE_MARKER_LEGACY_E ? 'E' : 'K');
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * ed_franchise_markers_offered:
 * @country: the district's country
 * @on_date: the day the entry would take effect
 * @out: (out caller-allocates): the markers, in the enum's order, no marker first
 *
 * The markers an officer may give an entry in @country on @on_date: those
 * ed_franchise_marker_allowed() accepts, so England offers B and not G from 7 May 2024,
 * Scotland M and Wales its own letter. The legacy E and K are never among them: they come
 * only with an imported register (DOMAIN.md §1.2).
 *
 * Returns: how many markers were written to @out
 */
guint
ed_franchise_markers_offered (EdCountry          country,
                              const GDate       *on_date,
                              EdFranchiseMarker  out[ED_FRANCHISE_N_MARKERS])
{
  guint n = 0;

  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, 0);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), 0);
  g_return_val_if_fail (out != NULL, 0);

  for (EdFranchiseMarker marker = 0; marker < ED_FRANCHISE_N_MARKERS; marker++)
    if (!ed_franchise_marker_is_legacy (marker) &&
        ed_franchise_marker_allowed (marker, country, on_date, NULL))
      out[n++] = marker;
  return n;
}

/**
 * ed_franchise_marker_accept_on_import:
 * @marker: a marker read from an imported register
 * @country: where the register is
 * @on_date: the date of the imported register
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Like ed_franchise_marker_allowed(), but also accepts the legacy markers `E` and `K`,
 * which registers from before 2020 carry (DOMAIN.md §1.2: "Accept on import, never
 * emit").
 *
 * Returns: %TRUE if the imported entry may keep @marker
 */
gboolean
ed_franchise_marker_accept_on_import (EdFranchiseMarker   marker,
                                      EdCountry           country,
                                      const GDate        *on_date,
                                      GError            **error)
{
  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ed_franchise_marker_is_legacy (marker))
    return TRUE;
  return ed_franchise_marker_allowed (marker, country, on_date, error);
}

/**
 * ed_franchise_marker_votes_at_ukpge:
 * @marker: a marker
 *
 * Whether the elector may vote at a UK Parliamentary general election (DOMAIN.md §1.2):
 * only those with no marker and overseas electors (`F`). Peers (`L`), EU citizens (`G`,
 * `B`) and qualifying foreign nationals or citizens may not. The legacy markers recorded a
 * European Parliament franchise, which no longer exists, so they give no vote until the
 * entry is reviewed.
 *
 * Returns: %TRUE if the elector votes at a UKPGE
 */
gboolean
ed_franchise_marker_votes_at_ukpge (EdFranchiseMarker marker)
{
  return marker == ED_FRANCHISE_MARKER_NONE || marker == ED_FRANCHISE_MARKER_OVERSEAS;
}

/**
 * ed_franchise_marker_votes_at_local:
 * @marker: a marker
 *
 * Whether the elector may vote at a local government election (DOMAIN.md §1.2): everyone
 * except overseas electors (`F`, UK Parliamentary elections only) and the legacy markers
 * (see ed_franchise_marker_votes_at_ukpge()). Whether `G`, `B`, `M` or the Welsh marker
 * may be used in the district at all is ed_franchise_marker_allowed()'s question.
 *
 * Returns: %TRUE if the elector votes at a local government election
 */
gboolean
ed_franchise_marker_votes_at_local (EdFranchiseMarker marker)
{
  switch (marker)
    {
    case ED_FRANCHISE_MARKER_NONE:
    case ED_FRANCHISE_MARKER_PEER:
    case ED_FRANCHISE_MARKER_EU_CITIZEN:
    case ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN:
    case ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL:
    case ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN:
      return TRUE;
    case ED_FRANCHISE_MARKER_OVERSEAS:
    case ED_FRANCHISE_MARKER_LEGACY_E:
    case ED_FRANCHISE_MARKER_LEGACY_K:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * ed_attainer_voting_age:
 * @country: where the register is
 *
 * The age an attainer date records: 18 in England, 16 in Wales and Scotland, where 16 is
 * the voting age for local government and devolved elections (DOMAIN.md §1.2; RPA 1983
 * s 4(5B) for Wales, S12, S13).
 *
 * Returns: 18 or 16
 */
guint
ed_attainer_voting_age (EdCountry country)
{
  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, 18);

  return country == ED_COUNTRY_ENGLAND ? 18 : 16;
}

/**
 * ed_attainer_date_check:
 * @country: where the register is
 * @attainer_date: the date the person reaches voting age (see ed_attainer_voting_age())
 * @today: the day the application is made
 * @error: return location for an %ED_VALUE_ERROR
 *
 * ed_attainer_date_check_full() with the usual %ED_ATTAINER_WINDOW_MONTHS and
 * %ED_ATTAINER_DEVOLVED_YOUNGEST_AGE.
 *
 * Returns: %TRUE if @attainer_date may be entered
 */
gboolean
ed_attainer_date_check (EdCountry     country,
                        const GDate  *attainer_date,
                        const GDate  *today,
                        GError      **error)
{
  return ed_attainer_date_check_full (country, attainer_date, today,
                                      ED_ATTAINER_WINDOW_MONTHS,
                                      ED_ATTAINER_DEVOLVED_YOUNGEST_AGE, error);
}

/**
 * ed_attainer_date_check_full:
 * @country: where the register is
 * @attainer_date: the date the person reaches voting age (see ed_attainer_voting_age())
 * @today: the day the application is made
 * @window_months: how many months, from the next 1 December, the person may reach voting
 *   age in; normally %ED_ATTAINER_WINDOW_MONTHS
 * @devolved_youngest_age: in Wales and Scotland, the youngest age at which a person may
 *   register; normally %ED_ATTAINER_DEVOLVED_YOUNGEST_AGE (ignored in England)
 * @error: return location for an %ED_VALUE_ERROR
 *
 * Checks an attainer date (DOMAIN.md §1.2, "Attainer date"; RPA 1983 s 4(5)). It must be
 * after @today, since someone who has reached voting age is an elector and has no attainer
 * date, and no later than the end of the @window_months months that begin with the next
 * 1 December on or after @today. With the usual 12 months, an application on any day from
 * 2 December 2024 to 1 December 2025 allows attainer dates up to 30 November 2026.
 *
 * The exact boundaries are unconfirmed ([U]): this reads "the 12 months beginning with the
 * 1st December next following the relevant date" as 1 December to 30 November, counts
 * @today itself as the next 1 December when it is one, and counts reaching voting age on
 * the last day as within the period. @window_months is a parameter so the reading can be
 * changed without new code.
 *
 * In Wales and Scotland people may also register from @devolved_youngest_age (14-15 year
 * olds, DOMAIN.md §1.2, [C] Scotland S2, [S] Wales S13), so there an attainer date up to
 * 16 − @devolved_youngest_age years after @today is also accepted.
 *
 * Returns: %TRUE if @attainer_date may be entered; otherwise %FALSE with an
 *   %ED_VALUE_ERROR_OUT_OF_RANGE error
 */
gboolean
ed_attainer_date_check_full (EdCountry     country,
                             const GDate  *attainer_date,
                             const GDate  *today,
                             guint         window_months,
                             guint         devolved_youngest_age,
                             GError      **error)
{
  g_autofree char *attainer_text = NULL;
  g_autofree char *limit_text = NULL;
  GDate window_start;
  GDate window_end;
  GDate limit;
  guint voting_age;

  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (attainer_date != NULL && g_date_valid (attainer_date), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (window_months > 0 && window_months <= 120, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  voting_age = ed_attainer_voting_age (country);
  attainer_text = ed_date_format_iso (attainer_date);

  if (g_date_compare (attainer_date, today) <= 0)
    {
      g_autofree char *today_text = ed_date_format_iso (today);

      g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                   /* Translators: the %s are dates, %u an age (18 or 16). */
                   _("The attainer date %s is not after %s: someone who is already %u is "
                     "registered as an elector, without an attainer date"),
                   attainer_text, today_text, voting_age);
      return FALSE;
    }

  /* The next 1 December on or after today; any day in December after the 1st looks to the
   * next year's. */
  g_date_clear (&window_start, 1);
  g_date_set_dmy (&window_start, 1, G_DATE_DECEMBER, g_date_get_year (today));
  if (g_date_compare (&window_start, today) < 0)
    g_date_add_years (&window_start, 1);

  window_end = window_start;
  g_date_add_months (&window_end, window_months);
  g_date_subtract_days (&window_end, 1);

  limit = window_end;
  if (country != ED_COUNTRY_ENGLAND && devolved_youngest_age < voting_age)
    {
      /* Someone who is devolved_youngest_age today reaches voting age this many years on:
       * from 29 February, on 1 March in a common year (add_years_of_age ()). */
      GDate by_age = *today;

      add_years_of_age (&by_age, voting_age - devolved_youngest_age);
      if (g_date_compare (&by_age, &limit) > 0)
        limit = by_age;
    }

  if (g_date_compare (attainer_date, &limit) <= 0)
    return TRUE;

  limit_text = ed_date_format_iso (&limit);
  if (country == ED_COUNTRY_ENGLAND || devolved_youngest_age >= voting_age)
    g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                 /* Translators: the %s are dates, %u an age (18 or 16). */
                 _("The attainer date %s is too late: an attainer must reach %u by %s, the "
                   "end of the %u months beginning with 1 December %d"),
                 attainer_text, voting_age, limit_text, window_months,
                 (int) g_date_get_year (&window_start));
  else
    g_set_error (error, ED_VALUE_ERROR, ED_VALUE_ERROR_OUT_OF_RANGE,
                 /* Translators: the %s are dates; the first %u is an age (16), the second
                  * the youngest age at which people may register (14). */
                 _("The attainer date %s is too late: an attainer must reach %u by %s, so "
                   "must be at least %u today"),
                 attainer_text, voting_age, limit_text, devolved_youngest_age);
  return FALSE;
}

/**
 * ed_elector_is_under_16:
 * @country: where the register is
 * @attainer_date: (nullable): the entry's attainer date, or %NULL if it has none
 * @on_date: the day in question, such as the day a register is published
 *
 * Whether the entry is of someone under 16 on @on_date, whose details must not appear in
 * any published version of the register (DOMAIN.md §1.2, S10). In Wales and Scotland the
 * attainer date is the 16th birthday, so an attainer date after @on_date means under 16.
 * In England attainer dates are 18th birthdays and no one registers before 16 (see
 * ed_attainer_date_check()), so the answer there is always %FALSE.
 *
 * Returns: %TRUE if the elector is under 16 on @on_date
 */
gboolean
ed_elector_is_under_16 (EdCountry    country,
                        const GDate *attainer_date,
                        const GDate *on_date)
{
  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (attainer_date == NULL || g_date_valid (attainer_date), FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);

  if (country == ED_COUNTRY_ENGLAND || attainer_date == NULL)
    return FALSE;
  return g_date_compare (attainer_date, on_date) > 0;
}

/**
 * ed_elector_dates_from_birth:
 * @country: where the register is
 * @date_of_birth: the elector's date of birth
 * @out_voting_age: (out) (optional): the day they reach voting age in @country (16 in Wales
 *   and Scotland, 18 in England): the attainer date
 * @out_eighteen: (out) (optional): the day they turn 18
 *
 * The two dates an entry in Wales or Scotland can need (DOMAIN.md §1.2): an attainer's entry
 * gives the date they reach voting age, and a 16- or 17-year-old local-government-only
 * elector's entry the date they turn 18, when they can vote at every poll. One attainer date
 * cannot give both, so they come from the date of birth. One born on 29 February reaches an
 * age on 1 March in a common year (Family Law Reform Act 1969 s.9; Age of Legal Capacity
 * (Scotland) Act 1991 s.6(2)).
 */
void
ed_elector_dates_from_birth (EdCountry    country,
                             const GDate *date_of_birth,
                             GDate       *out_voting_age,
                             GDate       *out_eighteen)
{
  g_return_if_fail (country <= ED_COUNTRY_SCOTLAND);
  g_return_if_fail (date_of_birth != NULL && g_date_valid (date_of_birth));

  if (out_voting_age != NULL)
    {
      *out_voting_age = *date_of_birth;
      add_years_of_age (out_voting_age, ed_attainer_voting_age (country));
    }
  if (out_eighteen != NULL)
    {
      *out_eighteen = *date_of_birth;
      add_years_of_age (out_eighteen, 18);
    }
}

/**
 * ed_voting_age_latest_birth:
 * @country: where the register is
 * @today: the day
 * @out_born: (out): the latest date of birth of someone of voting age on @today
 *
 * Someone born after @out_born is not yet of voting age on @today: an attainer, if in the
 * register. @today less the voting age in years, which gives 28 February for 29 February in
 * a common year: one born on 29 February reaches an age on 1 March
 * (ed_elector_dates_from_birth ()), after that day.
 */
void
ed_voting_age_latest_birth (EdCountry    country,
                            const GDate *today,
                            GDate       *out_born)
{
  g_return_if_fail (country <= ED_COUNTRY_SCOTLAND);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out_born != NULL);

  *out_born = *today;
  g_date_subtract_years (out_born, ed_attainer_voting_age (country));
}

/**
 * ed_elector_shows_eighteen:
 * @country: where the register is
 * @date_of_birth: the elector's date of birth
 * @on_date: the day the register is as at
 * @out_eighteen: (out) (optional): the day they turn 18
 *
 * Whether the entry must show the date the elector turns 18 (DOMAIN.md §1.2): in Wales and
 * Scotland, a 16- or 17-year-old is a local-government-only elector until then. In England no
 * one under 18 votes before their attainer date, which the entry already gives.
 *
 * Returns: %TRUE for a 16- or 17-year-old in Wales or Scotland on @on_date
 */
gboolean
ed_elector_shows_eighteen (EdCountry    country,
                           const GDate *date_of_birth,
                           const GDate *on_date,
                           GDate       *out_eighteen)
{
  GDate sixteen;
  GDate eighteen;

  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (date_of_birth != NULL && g_date_valid (date_of_birth), FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);

  if (country == ED_COUNTRY_ENGLAND)
    return FALSE;
  ed_elector_dates_from_birth (country, date_of_birth, &sixteen, &eighteen);
  if (out_eighteen != NULL)
    *out_eighteen = eighteen;
  return g_date_compare (&sixteen, on_date) <= 0 && g_date_compare (on_date, &eighteen) < 0;
}

/**
 * ed_elector_entry_dates:
 * @country: where the register is
 * @date_of_birth: (nullable): the entry's date of birth as an ISO date, or empty
 * @attainer_date: (nullable): the entry's attainer date as an ISO date, or empty
 * @on_date: the day the register is as at
 * @out_under_16: (out) (optional): whether the elector is under 16 on @on_date, so that
 *   nothing about them may be published (DOMAIN.md §1.2, S10)
 * @out_eighteen: (out) (optional): whether the date shown is the day a 16- or 17-year-old
 *   in Wales or Scotland turns 18, rather than an attainer date
 * @out_shown: (out) (optional): the date the entry shows beside the marker
 *
 * The dates an entry shows, from its date of birth when it has one and from its attainer date
 * otherwise (DOMAIN.md §1.2; EC Wales and Scotland guidance): before the elector reaches
 * voting age, the day they reach it (the attainer date); in Wales and Scotland, while they are
 * 16 or 17 and so a local-government-only elector, the day they turn 18; otherwise the
 * attainer date as stored, if any. The date of birth itself is never shown (DOMAIN.md §1.3).
 *
 * An entry without a date of birth has the attainer date the editor and the import check as
 * the day the elector reaches voting age, which is 16 in Wales and Scotland: the day they turn
 * 18 is that day two years on (from 29 February, 1 March in a common year, as
 * ed_elector_dates_from_birth () reads it). With a date of birth, the age rules follow it, so an
 * attainer date holding the day a 16- or 17-year-old turns 18 no longer counts them as under
 * 16.
 *
 * Returns: %TRUE when the entry shows a date, in @out_shown
 */
gboolean
ed_elector_entry_dates (EdCountry    country,
                        const char  *date_of_birth,
                        const char  *attainer_date,
                        const GDate *on_date,
                        gboolean    *out_under_16,
                        gboolean    *out_eighteen,
                        GDate       *out_shown)
{
  GDate born;
  GDate attainer;
  GDate voting_age;
  GDate eighteen;
  gboolean has_born;
  gboolean has_attainer;
  gboolean has_voting_age = TRUE;
  gboolean under_16;
  const GDate *shown = NULL;

  g_return_val_if_fail (country <= ED_COUNTRY_SCOTLAND, FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);

  g_date_clear (&born, 1);
  g_date_clear (&attainer, 1);
  has_born = date_of_birth != NULL && date_of_birth[0] != '\0' &&
             ed_date_parse_iso (date_of_birth, &born, NULL);
  has_attainer = attainer_date != NULL && attainer_date[0] != '\0' &&
                 ed_date_parse_iso (attainer_date, &attainer, NULL);

  if (has_born)
    {
      GDate sixteen = born;

      ed_elector_dates_from_birth (country, &born, &voting_age, &eighteen);
      add_years_of_age (&sixteen, 16);
      under_16 = g_date_compare (&sixteen, on_date) > 0;
    }
  else if (has_attainer)
    {
      voting_age = attainer;
      eighteen = attainer;
      add_years_of_age (&eighteen, 18 - ed_attainer_voting_age (country));
      under_16 = ed_elector_is_under_16 (country, &attainer, on_date);
    }
  else
    {
      has_voting_age = FALSE;
      under_16 = FALSE;
    }

  if (has_voting_age && g_date_compare (on_date, &voting_age) < 0)
    shown = &voting_age;
  else if (has_voting_age && country != ED_COUNTRY_ENGLAND && g_date_compare (on_date, &eighteen) < 0)
    shown = &eighteen;
  else if (has_attainer)
    shown = &attainer;

  if (out_under_16 != NULL)
    *out_under_16 = under_16;
  if (out_eighteen != NULL)
    *out_eighteen = shown == &eighteen;
  if (shown != NULL && out_shown != NULL)
    *out_shown = *shown;
  return shown != NULL;
}
