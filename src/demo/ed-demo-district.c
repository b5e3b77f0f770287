/* ed-demo-district.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-demo"

#include "config.h"

#include <string.h>

#include "demo/ed-demo-private.h"

/* The demo council: an invented English district. */

static const char *places[] = {
  "Wexcombe", "Ashmere Vale", "Brackenford", "Hollinridge", "Marlowmead", "Elderwick",
  "Corrisham", "Fennimore Cross",
};

static const char *forenames[] = {
  "Alex", "Bernadette", "Callum", "Deepa", "Eleanor", "Farid", "Gillian", "Hamish", "Imogen",
  "Jonah", "Kirsty", "Laurence", "Morag", "Nikhil", "Olwen", "Priya",
};

static const char *surnames[] = {
  "Ashdown", "Brereton", "Culverhouse", "Dunmore", "Ellery", "Fairbairn", "Greenhalgh",
  "Hartigan", "Ingleby", "Jessop", "Kingsmill", "Lavington",
};

static const char *streets[] = {
  "Market Square", "Guildhall Street", "Station Road", "Castle Walk", "Bridge Street",
};

static char *
make_person (GRand *rand)
{
  const char *forename = ed_demo_pick (rand, forenames, G_N_ELEMENTS (forenames));
  const char *surname = ed_demo_pick (rand, surnames, G_N_ELEMENTS (surnames));

  return g_strdup_printf ("%s %s", forename, surname);
}

/* Each random draw is its own statement: the order in which C evaluates function arguments
 * is unspecified, and the same seed must give the same district whatever the compiler. */
gboolean
_ed_demo_add_district (EdContext  *context,
                       GRand      *rand,
                       GError    **error)
{
  static const char inward_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *place = ed_demo_pick (rand, places, G_N_ELEMENTS (places));
  guint house = g_rand_int_range (rand, 1, 40);
  const char *street = ed_demo_pick (rand, streets, G_N_ELEMENTS (streets));
  guint district = g_rand_int_range (rand, 1, 10);
  guint sector = g_rand_int_range (rand, 1, 10);
  char unit1 = inward_letters[g_rand_int_range (rand, 0, sizeof inward_letters - 1)];
  char unit2 = inward_letters[g_rand_int_range (rand, 0, sizeof inward_letters - 1)];
  char *ero = make_person (rand);
  char *ro = make_person (rand);
  guint phone = g_rand_int_range (rand, 0, 1000);
  g_autofree char *slug = g_ascii_strdown (place, -1);
  char *space;

  while ((space = strchr (slug, ' ')) != NULL)
    *space = '-';

  g_hash_table_insert (values, "council-name", g_strdup_printf ("%s District Council", place));
  g_hash_table_insert (values, "council-address",
                       g_strdup_printf ("Electoral Services\nCouncil Offices\n%u %s\n%s\n"
                                        "ZY%u %u%c%c",
                                        house, street, place, district, sector, unit1, unit2));
  g_hash_table_insert (values, "country", g_strdup ("england"));
  g_hash_table_insert (values, "welsh-language", g_strdup ("false"));
  g_hash_table_insert (values, "ero-name", ero);
  g_hash_table_insert (values, "ro-name", ro);
  /* Ofcom keeps 01632 960000–960999 for drama: these numbers ring nobody. */
  g_hash_table_insert (values, "phone", g_strdup_printf ("01632 960%03u", phone));
  g_hash_table_insert (values, "email", g_strdup_printf ("elections@%s.example", slug));
  g_hash_table_insert (values, "website", g_strdup_printf ("https://www.%s.example/elections",
                                                           slug));

  return ed_district_settings_create (ed_context_get_settings (context), values, error);
}
