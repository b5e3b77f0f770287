/* test-row-id.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-row-id"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "changes/ed-row-id.h"

/* RFC 9562 §5.7: version 7 in the 13th hex digit, variant 10 in the 17th. */
static void
test_format (void)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = ed_row_id_new ();
      g_autofree char *lower = g_ascii_strdown (id, -1);

      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_cmpuint (strlen (id), ==, 36);
      g_assert_cmpint (id[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", id[19]));
      g_assert_cmpstr (id, ==, lower);
    }
}

/* The point of time-ordered ids: each sorts after the one before, also within a millisecond. */
static void
test_ordered (void)
{
  g_autofree char *previous = ed_row_id_new ();

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *id = ed_row_id_new ();

      if (strcmp (previous, id) >= 0)
        g_error ("Row id %s was made after %s but sorts before it", id, previous);
      g_free (previous);
      previous = g_steal_pointer (&id);
    }
}

static void
test_timestamp (void)
{
  gint64 before = g_get_real_time () / 1000;
  g_autofree char *id = ed_row_id_new ();
  g_autofree char *fixed = _ed_row_id_new_at (G_GINT64_CONSTANT (1777777777777));
  gint64 made = ed_row_id_get_unix_ms (id);

  g_assert_cmpint (made, >=, before);
  /* Ids made faster than 2,048 a millisecond (the tests above) borrow later milliseconds. */
  g_assert_cmpint (made, <=, g_get_real_time () / 1000 + 1000);
  g_assert_cmpint (ed_row_id_get_unix_ms (fixed), ==, G_GINT64_CONSTANT (1777777777777));
  g_assert_true (g_str_has_prefix (fixed, "019debd0-1c71-7"));

  /* Random (version 4) ids, which older rows have, carry no time. */
  g_assert_cmpint (ed_row_id_get_unix_ms ("6f9619ff-8b86-4d01-b42d-00cf4fc964ff"), ==, -1);
  g_assert_cmpint (ed_row_id_get_unix_ms ("not an id"), ==, -1);
}

static void
test_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 50000; i++)
    {
      char *id = ed_row_id_new ();

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-id/format", test_format);
  g_test_add_func ("/row-id/ordered", test_ordered);
  g_test_add_func ("/row-id/timestamp", test_timestamp);
  g_test_add_func ("/row-id/unique", test_unique);

  return g_test_run ();
}
