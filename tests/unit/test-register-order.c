/* test-register-order.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-register-order"

#include <glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "register/ed-register-order.h"

/* Every address and name below is made up. */

typedef int (*TextCompare) (const char *a,
                            const char *b);

/* Checks that @expected is strictly increasing under @compare, pair by pair in both
 * directions, so the order is a strict total order on these values. */
static void
assert_strictly_ordered (const char *const *expected,
                         gsize              n,
                         TextCompare        compare)
{
  gsize i;
  gsize j;

  for (i = 0; i < n; i++)
    {
      g_assert_cmpint (compare (expected[i], expected[i]), ==, 0);
      for (j = i + 1; j < n; j++)
        {
          int forward = compare (expected[i], expected[j]);
          int backward = compare (expected[j], expected[i]);

          if (forward >= 0 || backward <= 0)
            g_error ("“%s” should sort before “%s” (got %d and %d)", expected[i], expected[j],
                     forward, backward);
        }
    }
}

static TextCompare sort_compare;

static int
qsort_text_cb (const void *a,
               const void *b)
{
  return sort_compare (*(const char *const *) a, *(const char *const *) b);
}

/* Sorts @expected reversed and rotated, and checks the original order comes back. */
static void
assert_sorts_to (const char *const *expected,
                 gsize              n,
                 TextCompare        compare)
{
  g_autofree const char **work = g_new (const char *, n);
  gsize i;

  for (i = 0; i < n; i++)
    work[i] = expected[(n - 1 - i + 3) % n];
  sort_compare = compare;
  qsort (work, n, sizeof *work, qsort_text_cb);
  for (i = 0; i < n; i++)
    g_assert_cmpstr (work[i], ==, expected[i]);
}

/* DOMAIN.md §1.1 ([C] S1 reg 41(3), 41A): entries with a printed address are in street
 * order; those without go under "Other electors"; anonymous entries come last, even an
 * overseas one. */
static void
test_section_for (void)
{
  g_assert_cmpint (ed_register_section_for (FALSE, TRUE), ==, ED_REGISTER_SECTION_STREET);
  g_assert_cmpint (ed_register_section_for (FALSE, FALSE), ==, ED_REGISTER_SECTION_OTHER);
  g_assert_cmpint (ed_register_section_for (TRUE, TRUE), ==, ED_REGISTER_SECTION_ANONYMOUS);
  g_assert_cmpint (ed_register_section_for (TRUE, FALSE), ==, ED_REGISTER_SECTION_ANONYMOUS);
  g_assert_cmpint (ED_REGISTER_SECTION_STREET, <, ED_REGISTER_SECTION_OTHER);
  g_assert_cmpint (ED_REGISTER_SECTION_OTHER, <, ED_REGISTER_SECTION_ANONYMOUS);
}

/* DOMAIN.md §1.1 ([C] S1 reg 41(1); PAO/SAO [S] S4): the properties of a street in street
 * order, as the revised register resequences them: numbered buildings in numeric order
 * (2 < 10 < 10A < 12), each building before its units, units in natural order (Flat 2
 * before Flat 10), then named buildings alphabetically. */
static void
test_property_order (void)
{
  static const char *const expected[] = {
    "1",
    "2",
    "9B",
    "10",
    "10A",
    "10a",         /* the same property typed differently: a fixed tie-break, not equal */
    "10B",
    "12",
    "14",
    "Flat 1, 14",
    "Flat 2, 14",
    "Flat 10, 14",
    "Flat A, 14",  /* numbers before letters */
    "15",
    "101",
    "Flat 9",
    "Flat 10",
    "Mill House",
    "Apartment 3, Mill House",
    "Apartment 12, Mill House",
    "Rose Cottage",
    "The Old Forge",
  };

  assert_strictly_ordered (expected, G_N_ELEMENTS (expected), ed_register_property_compare);
  assert_sorts_to (expected, G_N_ELEMENTS (expected), ed_register_property_compare);

  /* Case, accents and punctuation come second to the building. */
  g_assert_cmpint (ed_register_property_compare ("ROSE COTTAGE", "Rose Cottage"), !=, 0);
  g_assert_cmpint (ed_register_property_compare ("Rose Cottage", "Ryelands"), <, 0);
  g_assert_cmpint (ed_register_property_compare ("ROSE COTTAGE", "Ryelands"), <, 0);
  g_assert_cmpint (ed_register_property_compare ("Ty Newydd", "Tŷ Gwyn"), >, 0);
  g_assert_cmpint (ed_register_property_compare (NULL, "1"), >, 0);
  g_assert_cmpint (ed_register_property_compare (NULL, NULL), ==, 0);
}

/* DOMAIN.md §1.1 ([C] S1 reg 41(1)): streets in alphabetical order, word by word, ignoring
 * case, accents and punctuation, with numbers in numeric order; the same on every desk,
 * whatever its locale. */
static void
test_street_order (void)
{
  static const char *const expected[] = {
    "2nd Avenue",
    "10th Avenue",
    "Acacia Avenue",
    "Church Road",
    "Church Street",
    "Churchill Way",
    "Eden Way",
    "Élan Close",
    "Elm Road",
    "HIGH STREET",
    "High Street",
    "St Johns Road",
    "St. John's Road",
    "Station Road",
  };

  assert_strictly_ordered (expected, G_N_ELEMENTS (expected), ed_register_street_compare);
  assert_sorts_to (expected, G_N_ELEMENTS (expected), ed_register_street_compare);
}

static int
name_compare_cb (const char *a,
                 const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a, ", ", 2);
  g_auto(GStrv) pb = g_strsplit (b, ", ", 2);

  return ed_register_name_compare (pa[0], pa[1], pb[0], pb[1]);
}

/* DOMAIN.md §1.1 ([C] S1 reg 41(3), S2): "Other electors" alphabetically by surname (then
 * forenames); apostrophes and accents ignored first, word by word. */
static void
test_name_order (void)
{
  static const char *const expected[] = {
    "Abbott, Jane",
    "de Souza, Maria",
    "Dean, Paul",
    "Oakes, Harriet",
    "O'Brien, Sean",
    "Ogden, Ruth",
    "Smith, Ann",
    "SMITH, Bob",
    "Smith, Bob",
    "Smith, Bob Alan",
    "Smith-Jones, Alex",
    "Smithers, Kim",
    "Zed, Elise",
    "Zed, Élise",
    "Zed, Emma",
  };

  assert_strictly_ordered (expected, G_N_ELEMENTS (expected), name_compare_cb);
  assert_sorts_to (expected, G_N_ELEMENTS (expected), name_compare_cb);
}

typedef struct
{
  const char         *label;  /* the elector number as printed, and the expected order */
  EdRegisterEntryKey  key;
} Entry;

#define STREET(pfx, num, sfx, st, prop, sur, fore) \
  { ED_REGISTER_SECTION_STREET, st, prop, { pfx, num, sfx }, sur, fore }
#define OTHER(pfx, num, sur, fore) \
  { ED_REGISTER_SECTION_OTHER, NULL, NULL, { pfx, num, 0 }, sur, fore }
#define ANONYMOUS(pfx, num) \
  { ED_REGISTER_SECTION_ANONYMOUS, NULL, NULL, { pfx, num, 0 }, NULL, NULL }

static int
qsort_entry_cb (const void *a,
                const void *b)
{
  return ed_register_entry_compare (&((const Entry *) a)->key, &((const Entry *) b)->key);
}

/* DOMAIN.md §1.1 ([C] S1 reg 41, 41(3), 41A; suffixes [S] S3): one part of the register.
 * Street order first, a new elector at an existing address (AB1/1) beside the household and
 * a not-yet-numbered elector after the numbered ones at the same property; then "Other
 * electors" alphabetically with no address; anonymous entries last, by number. Another
 * polling district's part follows. */
static void
test_entry_order (void)
{
  static const Entry expected[] = {
    { "AB1", STREET ("AB", 1, 0, "Church Road", "2", "Abbott", "Jane") },
    { "AB1/1", STREET ("AB", 1, 1, "Church Road", "2", "Zed", "Ann") },
    { "AB2", STREET ("AB", 2, 0, "Church Road", "10", "Khan", "Imran") },
    { "AB3", STREET ("AB", 3, 0, "Church Road", "10", "Ahmed", "Sara") },
    { "AB4", STREET ("AB", 4, 0, "Church Road", "10A", "Lee", "Chris") },
    { "new at 12", STREET ("AB", 0, 0, "Church Road", "12", "Patel", "Ravi") },
    { "AB5", STREET ("AB", 5, 0, "Church Road", "Flat 1, 14", "Novak", "Eva") },
    { "AB6", STREET ("AB", 6, 0, "Church Road", "Flat 2, 14", "Jones", "Tom") },
    { "AB7", STREET ("AB", 7, 0, "Mill Lane", "3", "Brown", "Sam") },
    { "AB8", STREET ("AB", 8, 0, "Mill Lane", "Rose Cottage", "Green", "Lily") },
    { "new at Rose Cottage (Adams)", STREET ("AB", 0, 0, "Mill Lane", "Rose Cottage",
                                             "Adams", "Zoe") },
    { "new at Rose Cottage (Green)", STREET ("AB", 0, 0, "Mill Lane", "Rose Cottage",
                                             "Green", "Tom") },
    { "AB10", OTHER ("AB", 10, "de Souza", "Maria") },
    { "AB9", OTHER ("AB", 9, "Dean", "Paul") },
    { "AB11", OTHER ("AB", 11, "O'Brien", "Sean") },
    { "AB12", OTHER ("AB", 12, "O'Brien", "Sean") },
    { "AB13 N", ANONYMOUS ("AB", 13) },
    { "AB14 N", ANONYMOUS ("AB", 14) },
    { "AC1", STREET ("AC", 1, 0, "Acacia Avenue", "1", "Young", "Ivy") },
    { "AC2 N", ANONYMOUS ("AC", 2) },
  };
  Entry work[G_N_ELEMENTS (expected)];
  gsize n = G_N_ELEMENTS (expected);
  gsize i;
  gsize j;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      {
        int cmp = ed_register_entry_compare (&expected[i].key, &expected[j].key);

        if ((i < j && cmp >= 0) || (i > j && cmp <= 0) || (i == j && cmp != 0))
          g_error ("%s and %s compare as %d", expected[i].label, expected[j].label, cmp);
      }

  /* Reversed, then sorted. */
  for (i = 0; i < n; i++)
    work[i] = expected[n - 1 - i];
  qsort (work, n, sizeof *work, qsort_entry_cb);
  for (i = 0; i < n; i++)
    g_assert_cmpstr (work[i].label, ==, expected[i].label);
}

/* DOMAIN.md §1.3 ([C] S16, S11) and §1.2 ([C] S10): the open register is the full register
 * minus those who opted out, and never has anonymous entries or under-16s; no published
 * version has under-16s, while anonymous entries appear in the full register as number and
 * N only. */
static void
test_published_versions (void)
{
  guint bits;

  for (bits = 0; bits < 8; bits++)
    {
      gboolean opted_out = (bits & 1) != 0;
      gboolean anonymous = (bits & 2) != 0;
      gboolean under_16 = (bits & 4) != 0;

      g_assert_cmpint (ed_open_register_includes (opted_out, anonymous, under_16), ==,
                       bits == 0);
    }

  g_assert_true (ed_published_register_includes (FALSE));
  g_assert_false (ed_published_register_includes (TRUE));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/register/order/section-for", test_section_for);
  g_test_add_func ("/register/order/property-order", test_property_order);
  g_test_add_func ("/register/order/street-order", test_street_order);
  g_test_add_func ("/register/order/name-order", test_name_order);
  g_test_add_func ("/register/order/entry-order", test_entry_order);
  g_test_add_func ("/register/order/published-versions", test_published_versions);

  return g_test_run ();
}
