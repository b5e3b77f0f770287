/* ed-register-order.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include "register/ed-register-order.h"

#include <string.h>

/* How names, streets and properties are compared. The register is printed, sold and
 * synchronised between desks, so its order must not depend on the locale of the desk that
 * sorts it: instead of g_utf8_collate(), text is compared on a folded key (below), then,
 * to break ties, on its case-folded form and finally byte by byte, so the order is total and
 * the same everywhere. */
typedef enum
{
  LEVEL_PRIMARY,    /* folded key, digits compared as numbers */
  LEVEL_SECONDARY,  /* case-folded text, digits compared as numbers */
  LEVEL_EXACT,      /* the bytes */
} Level;

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == '`';
}

/* The primary key: canonical decomposition and case folding, with accents dropped (so
 * "Élise" files with "Elise" and "STREET" with "Street"), apostrophes dropped ("O'Brien"
 * with "OBrien") and every other run of spaces or punctuation made one space, so that
 * names sort word by word ("Church Road" before "Churchill Way", "Smith-Jones" before
 * "Smithers"). */
static char *
fold_key (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;
  const char *p;

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || is_apostrophe (c))
        continue;

      if (g_unichar_isalnum (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          pending_space = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

static int
sign (int v)
{
  return v < 0 ? -1 : v > 0 ? 1 : 0;
}

/* Compares UTF-8 text by code point, except that runs of ASCII digits compare as numbers:
 * "2" < "10" < "10a" < "12", "flat 9" < "flat 10". A number sorts before a letter, and a
 * string before any longer string it begins ("10" < "10a"). Leading zeros are ignored here
 * and left to a later level. */
static int
natural_compare (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *a_end;
          const char *b_end;
          gsize a_len;
          gsize b_len;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (a_end = a; g_ascii_isdigit (*a_end); a_end++)
            ;
          for (b_end = b; g_ascii_isdigit (*b_end); b_end++)
            ;
          a_len = a_end - a;
          b_len = b_end - b;
          if (a_len != b_len)
            return a_len < b_len ? -1 : 1;
          cmp = memcmp (a, b, a_len);
          if (cmp != 0)
            return sign (cmp);
          a = a_end;
          b = b_end;
          continue;
        }

      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }

  if (*a == *b)
    return 0;
  return *a == '\0' ? -1 : 1;
}

static int
text_compare (const char *a,
              const char *b,
              Level       level)
{
  if (a == NULL)
    a = "";
  if (b == NULL)
    b = "";

  switch (level)
    {
    case LEVEL_PRIMARY:
      {
        g_autofree char *ka = fold_key (a);
        g_autofree char *kb = fold_key (b);

        return natural_compare (ka, kb);
      }

    case LEVEL_SECONDARY:
      {
        g_autofree char *va = g_utf8_make_valid (a, -1);
        g_autofree char *vb = g_utf8_make_valid (b, -1);
        g_autofree char *ka = g_utf8_casefold (va, -1);
        g_autofree char *kb = g_utf8_casefold (vb, -1);

        return natural_compare (ka, kb);
      }

    case LEVEL_EXACT:
    default:
      return sign (strcmp (a, b));
    }
}

static int
text_compare_all_levels (const char *a,
                         const char *b)
{
  int cmp;

  if ((cmp = text_compare (a, b, LEVEL_PRIMARY)) != 0)
    return cmp;
  if ((cmp = text_compare (a, b, LEVEL_SECONDARY)) != 0)
    return cmp;
  return text_compare (a, b, LEVEL_EXACT);
}

/**
 * ed_register_section_for:
 * @anonymous: whether the entry is anonymous
 * @has_printed_address: whether the register prints the entry's qualifying address; %FALSE
 *   for overseas electors and for service voters and declarations of local connection who
 *   are no longer connected to the address
 *
 * The section of its part of the register an entry belongs in (DOMAIN.md §1.1; RP(E&W) Regs
 * 2001 reg 41(3), 41A). An anonymous entry always goes last, even an overseas one.
 *
 * Returns: the section
 */
EdRegisterSection
ed_register_section_for (gboolean anonymous,
                         gboolean has_printed_address)
{
  if (anonymous)
    return ED_REGISTER_SECTION_ANONYMOUS;
  if (!has_printed_address)
    return ED_REGISTER_SECTION_OTHER;
  return ED_REGISTER_SECTION_STREET;
}

/**
 * ed_register_street_compare:
 * @a: (nullable): a street name
 * @b: (nullable): another
 *
 * Orders streets for the register's street order (DOMAIN.md §1.1; RP(E&W) Regs 2001
 * reg 41(1)): alphabetically, ignoring case, accents and punctuation, word by word, with
 * numbers in numeric order ("2nd Avenue" before "10th Avenue"). %NULL counts as empty.
 * The order does not depend on the locale, and only identical strings compare equal.
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
ed_register_street_compare (const char *a,
                            const char *b)
{
  return text_compare_all_levels (a, b);
}

/* A property as printed, split into the building (the PAO, "14" or "Mill House") and the
 * unit within it (the SAO, "Flat 2"), both as folded keys. "Flat 2, 14" is unit "flat 2"
 * of building "14": the unit comes before the last comma. */
typedef struct
{
  char *building;
  char *unit;
} PropertyKey;

static void
property_key_init (PropertyKey *key,
                   const char  *text)
{
  const char *comma;

  if (text == NULL)
    text = "";
  comma = strrchr (text, ',');

  if (comma != NULL)
    {
      g_autofree char *unit_text = g_strndup (text, comma - text);

      key->building = fold_key (comma + 1);
      key->unit = fold_key (unit_text);

      /* "Flat 2," has no building after the comma, so it is all there is. */
      if (*key->building == '\0')
        {
          g_free (key->building);
          key->building = g_steal_pointer (&key->unit);
          key->unit = g_strdup ("");
        }
    }
  else
    {
      key->building = fold_key (text);
      key->unit = g_strdup ("");
    }
}

static void
property_key_clear (PropertyKey *key)
{
  g_clear_pointer (&key->building, g_free);
  g_clear_pointer (&key->unit, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PropertyKey, property_key_clear)

/**
 * ed_register_property_compare:
 * @a: (nullable): a property on a street as printed, such as `14`, `10A`, `Flat 2, 14` or
 *   `Rose Cottage`
 * @b: (nullable): another property on the same street
 *
 * Orders the properties of one street for the register's street order (DOMAIN.md §1.1;
 * RP(E&W) Regs 2001 reg 41(1)), as used when the register is resequenced at the revised
 * register:
 *
 * - numbered buildings first, in numeric order: `2`, `10`, `10A`, `12`;
 * - then named buildings, alphabetically (ignoring case, accents and punctuation), with
 *   any numbers in them in numeric order: `Flat 9` before `Flat 10`;
 * - within a building, the building itself first, then its units, which are written
 *   before the last comma, in the same natural order: `14`, `Flat 1, 14`, `Flat 2, 14`,
 *   `Flat 10, 14`, then `15`.
 *
 * %NULL counts as empty. Only identical strings compare equal.
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
ed_register_property_compare (const char *a,
                              const char *b)
{
  g_auto(PropertyKey) ka = { NULL, NULL };
  g_auto(PropertyKey) kb = { NULL, NULL };
  gboolean a_numbered;
  gboolean b_numbered;
  int cmp;

  property_key_init (&ka, a);
  property_key_init (&kb, b);

  a_numbered = g_ascii_isdigit (ka.building[0]);
  b_numbered = g_ascii_isdigit (kb.building[0]);
  if (a_numbered != b_numbered)
    return a_numbered ? -1 : 1;

  if ((cmp = natural_compare (ka.building, kb.building)) != 0)
    return cmp;
  if ((cmp = natural_compare (ka.unit, kb.unit)) != 0)
    return cmp;

  if ((cmp = text_compare (a, b, LEVEL_SECONDARY)) != 0)
    return cmp;
  return text_compare (a, b, LEVEL_EXACT);
}

/**
 * ed_register_name_compare:
 * @surname_a: (nullable): a surname
 * @forenames_a: (nullable): the forenames that go with it
 * @surname_b: (nullable): another surname
 * @forenames_b: (nullable): its forenames
 *
 * Alphabetical order by surname, then forenames, as the “Other electors” section and the
 * list of overseas electors use (DOMAIN.md §1.1, §1.7; RP(E&W) Regs 2001 reg 41(3)). Case,
 * accents and apostrophes are ignored first (`O'Brien` files as `OBrien`), and names sort
 * word by word (`De Souza` before `Dean`). Only identical names compare equal.
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
ed_register_name_compare (const char *surname_a,
                          const char *forenames_a,
                          const char *surname_b,
                          const char *forenames_b)
{
  Level level;
  int cmp;

  /* The whole surname before the forenames at each level, so "Smith, Ann" sorts before
   * "SMITH, Bob" even though "Smith" and "SMITH" differ in case. */
  for (level = LEVEL_PRIMARY; level <= LEVEL_EXACT; level++)
    {
      if ((cmp = text_compare (surname_a, surname_b, level)) != 0)
        return cmp;
      if ((cmp = text_compare (forenames_a, forenames_b, level)) != 0)
        return cmp;
    }

  return 0;
}

/* A number not yet given (0) sorts after every given one, so a new elector added beside a
 * household stays after it until the register is resequenced. */
static int
number_compare (const EdElectorNumber *a,
                const EdElectorNumber *b)
{
  if ((a->number == 0) != (b->number == 0))
    return a->number == 0 ? 1 : -1;
  if (a->number != b->number)
    return a->number < b->number ? -1 : 1;
  if (a->suffix != b->suffix)
    return a->suffix < b->suffix ? -1 : 1;
  return 0;
}

/**
 * ed_register_entry_compare:
 * @a: an entry
 * @b: another
 *
 * The statutory order of a part of the register (DOMAIN.md §1.1; RP(E&W) Regs 2001
 * reg 41, 41(3), 41A):
 *
 * 1. entries with an address, in street order: by street (ed_register_street_compare()),
 *    property (ed_register_property_compare()), then elector number and suffix, so that a
 *    new elector at an existing address (`124/1`) follows the household, then name;
 * 2. “Other electors”, alphabetically by surname, then forenames
 *    (ed_register_name_compare()), then elector number;
 * 3. anonymous entries, by elector number.
 *
 * An entry with no number yet (0) sorts after the numbered entries it would otherwise tie
 * with. Entries with different polling district letters sort by those letters first, so a
 * whole register sorts into its parts; a polling district split between electoral areas
 * has one part for each piece, and the caller sorts each part separately.
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
ed_register_entry_compare (const EdRegisterEntryKey *a,
                           const EdRegisterEntryKey *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  cmp = strncmp (a->number.prefix, b->number.prefix, sizeof a->number.prefix);
  if (cmp != 0)
    return sign (cmp);

  if (a->section != b->section)
    return a->section < b->section ? -1 : 1;

  switch (a->section)
    {
    case ED_REGISTER_SECTION_STREET:
      if ((cmp = ed_register_street_compare (a->street, b->street)) != 0)
        return cmp;
      if ((cmp = ed_register_property_compare (a->property, b->property)) != 0)
        return cmp;
      if ((cmp = number_compare (&a->number, &b->number)) != 0)
        return cmp;
      return ed_register_name_compare (a->surname, a->forenames, b->surname, b->forenames);

    case ED_REGISTER_SECTION_OTHER:
      if ((cmp = ed_register_name_compare (a->surname, a->forenames,
                                           b->surname, b->forenames)) != 0)
        return cmp;
      return number_compare (&a->number, &b->number);

    case ED_REGISTER_SECTION_ANONYMOUS:
      return number_compare (&a->number, &b->number);

    default:
      g_return_val_if_reached (0);
    }
}

/**
 * ed_open_register_includes:
 * @opted_out: whether the elector asked to be left out of the open register
 * @anonymous: whether the entry is anonymous
 * @under_16: whether the elector is under 16 on the day of publication (see
 *   ed_elector_is_under_16())
 *
 * Whether an entry appears in the open (edited) register, which is the full register less
 * those who opted out, and always without anonymous entries and under-16s (DOMAIN.md §1.3,
 * [C] S16, S11; DOMAIN.md §1.2, S10).
 *
 * Returns: %TRUE if the entry is in the open register
 */
gboolean
ed_open_register_includes (gboolean opted_out,
                           gboolean anonymous,
                           gboolean under_16)
{
  return !opted_out && !anonymous && !under_16;
}

/**
 * ed_published_register_includes:
 * @under_16: whether the elector is under 16 on the day of publication (see
 *   ed_elector_is_under_16())
 *
 * Whether an entry may appear in any published version of the register: no information on
 * under-16s may (DOMAIN.md §1.2, [C] S10). Anonymous entries do appear in the full
 * register, as number and `N` only (see %ED_REGISTER_SECTION_ANONYMOUS); the open register
 * has its own rule, ed_open_register_includes().
 *
 * Returns: %TRUE if the entry may be published
 */
gboolean
ed_published_register_includes (gboolean under_16)
{
  return !under_16;
}
